// The platform stack of a two-stack setup: it owns api.<zone> (certificate, regional domain,
// alias records) and serves only a status API at /status. Service stacks add their own paths
// with SharedDomainMappings (see ../shared-domain-consumer) and never touch the domain.
import { RegionalDomain } from "../../index";
import { domainConfig, mockRestApi } from "../lib/apis";

const { domain, zone } = domainConfig("api");

const status = mockRestApi("status", { endpointType: "REGIONAL", message: "platform status" });

const api = new RegionalDomain("api", {
    domainName: domain,
    zoneName: zone,
    mappings: [{ apiId: status.id, stage: status.stageName, basePath: "status" }],
});

// What a service stack reads through a StackReference: the domain, where it lives, and the
// facts its key rules depend on.
export const domainName = api.domainName;
export const domainRegion = api.domainRegion;
export const endpointType = api.endpointType;
export const securityPolicy = api.securityPolicy;
export const routingMode = api.routingMode;
export const urls = api.urls;
