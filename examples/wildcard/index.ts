// Every tenant host (acme.<zone>, globex.<zone>, ...) reaches one API through a wildcard
// domain, while admin.<zone> gets its own domain with a stricter configuration. The two
// coexist: API Gateway prefers the exact name over the wildcard.
import * as pulumi from "@pulumi/pulumi";
import { RegionalDomain } from "../../index";
import { mockRestApi } from "../lib/apis";

const zone = new pulumi.Config().get("zone") ?? "example.com";

const tenants = mockRestApi("tenants", { endpointType: "REGIONAL", message: "tenant API" });
const admin = mockRestApi("admin", { endpointType: "REGIONAL", message: "admin API" });

const wildcard = new RegionalDomain("tenants", {
    domainName: `*.${zone}`,
    zoneName: zone,
    mappings: [{ apiId: tenants.id, stage: tenants.stageName }],
});

const adminDomain = new RegionalDomain("admin", {
    domainName: `admin.${zone}`,
    zoneName: zone,
    securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09",
    endpointAccessMode: "STRICT",
    mappings: [{ apiId: admin.id, stage: admin.stageName }],
});

export const tenantUrlPattern = wildcard.url;
export const adminUrl = adminDomain.url;
