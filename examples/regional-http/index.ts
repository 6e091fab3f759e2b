// An HTTP API behind http.<zone> on a regional custom domain, answering on IPv4 and IPv6.
// The certificate is requested in the API's region and validated in Route 53 first.
import { RegionalDomain } from "../../index";
import { domainConfig, lambdaHttpApi } from "../lib/apis";

const { domain, zone } = domainConfig("http");

const api = lambdaHttpApi("hello", { message: "hello from an HTTP API" });

const regional = new RegionalDomain("http", {
    domainName: domain,
    zoneName: zone,
    apiType: "http",
    ipAddressType: "dualstack",
    mappings: [{ apiId: api.id, stage: api.stageName }],
});

export const url = regional.url;
export const regionalTarget = regional.targetDomainName;
export const regionalZoneId = regional.hostedZoneId;
