// Active-active: global.<zone> answers from the region nearest each client, among the healthy ones.
// Each region runs its own HTTP API, certificate and regional custom domain; Route 53 holds one
// latency record per region. Each region also answers on a name of its own ({region}.global.<zone>),
// which its health check calls over HTTPS with SNI, so a failing API in one region (not only an
// API Gateway outage) takes that region out of the answers until it recovers.
import { MultiRegionDomain } from "../../index";
import { domainConfig, lambdaHttpApi } from "../lib/apis";

const { domain, zone } = domainConfig("global");
const regions = ["us-east-1", "eu-west-1"];

const multi = new MultiRegionDomain("global", {
    domainName: domain,
    zoneName: zone,
    apiType: "http",
    regions: regions.map((region) => {
        const api = lambdaHttpApi(`hello-${region}`, { message: `hello from ${region}`, region });
        return { region, mappings: [{ apiId: api.id, stage: api.stageName }] };
    }),
    // The HTTP API's default route answers every path, /health included; a real API exposes a
    // health route that checks what the region depends on, without authentication.
    healthCheck: { path: "/health", failureThreshold: 3 },
});

export const url = multi.url;
export const targets = multi.targetDomainNames;
export const healthChecks = multi.healthCheckIds;
export const healthCheckUrls = multi.healthCheckUrls;
