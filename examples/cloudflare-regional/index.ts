// A REST API behind api.<zone> on a regional custom domain, with the zone in Cloudflare: the
// certificate is requested in the API's region and validated through a CNAME the component creates
// in Cloudflare; the domain's own CNAME points at the regional target (d-xxxx.execute-api...).
// The Cloudflare provider reads its token from CLOUDFLARE_API_TOKEN (or `pulumi config set
// --secret cloudflare:apiToken ...`); the component hands it to its Cloudflare children through
// `providers`, like any provider.
import * as pulumi from "@pulumi/pulumi";
import * as cloudflare from "@pulumi/cloudflare";
import { RegionalDomain } from "../../index";
import { domainConfig, mockRestApi } from "../lib/apis";

const { domain, zone } = domainConfig("api");
const config = new pulumi.Config();

const api = mockRestApi("orders", { endpointType: "REGIONAL", message: "hello through Cloudflare DNS" });

const dnsProvider = new cloudflare.Provider("cloudflare", {});

const regional = new RegionalDomain("api", {
    domainName: domain,
    mappings: [{ apiId: api.id, stage: api.stageName, basePath: "orders" }],
    dns: "cloudflare",
    cloudflare: {
        // A zone id (config `cloudflareZoneId`) saves the look-up; otherwise the zone is found by name.
        zoneId: config.get("cloudflareZoneId"),
        zoneName: config.get("cloudflareZoneId") ? undefined : zone,
        // DNS-only: API Gateway terminates TLS with the ACM certificate (README, "DNS outside Route 53").
        proxied: false,
    },
}, { providers: [dnsProvider] });

export const url = regional.urls;
export const regionalTarget = regional.targetDomainName;
export const dnsRecords = regional.dnsRecords;
