// An edge-optimized REST API behind api.<zone>. The API and its domain live in the stack's
// region (eu-west-1 by default); the certificate goes to us-east-1, where CloudFront reads it.
import { EdgeDomain } from "../../index";
import { domainConfig, mockRestApi } from "../lib/apis";

const { domain, zone } = domainConfig("api");

const api = mockRestApi("hello", { endpointType: "EDGE", message: "hello from an edge-optimized API" });

const edge = new EdgeDomain("api", {
    domainName: domain,
    zoneName: zone,
    mappings: [{ apiId: api.id, stage: api.stageName }],
});

export const url = edge.url;
export const certificateArn = edge.certificateArn;
export const cloudfrontTarget = edge.targetDomainName;
