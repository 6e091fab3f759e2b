// Header-based versioning on one custom domain with API Gateway routing rules: requests that
// carry `x-version: v2` (or a `beta-*` value) reach v2, `x-version: v1` reaches v1, and anything
// no rule matches falls back to the base path mapping (v1 at the root). Routing rules serve
// REST APIs only; the mode ROUTING_RULE_THEN_API_MAPPING evaluates them before the mappings.
import { RegionalDomain } from "../../index";
import { domainConfig, mockRestApi } from "../lib/apis";

const { domain, zone } = domainConfig("versions");

const v1 = mockRestApi("orders-v1", { endpointType: "REGIONAL", message: "orders v1" });
const v2 = mockRestApi("orders-v2", { endpointType: "REGIONAL", message: "orders v2" });

const api = new RegionalDomain("versions", {
    domainName: domain,
    zoneName: zone,
    routingMode: "ROUTING_RULE_THEN_API_MAPPING",
    routingRules: [
        // Gaps between priorities leave room for rules added later.
        { priority: 100, headers: [{ header: "x-version", valueGlob: "v2" }], apiId: v2.id, stage: v2.stageName },
        { priority: 200, headers: [{ header: "x-version", valueGlob: "beta-*" }], apiId: v2.id, stage: v2.stageName },
        { priority: 300, headers: [{ header: "x-version", valueGlob: "v1" }], apiId: v1.id, stage: v1.stageName },
    ],
    // The fall-back: a request without a matching header is served by v1.
    mappings: [{ apiId: v1.id, stage: v1.stageName }],
});

export const url = api.url;
export const routingRuleArns = api.nodes.routingRules.map((r) => r.routingRuleArn);
