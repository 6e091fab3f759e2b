// A service stack of a two-stack setup: it serves its orders API under /orders and
// /orders/v2 of the domain ../shared-domain-owner owns. It creates only the two mappings;
// destroying this stack removes them and nothing else.
//
// With `pulumi config set ownerStack my-org/apigw-domains-shared-domain-owner/prod` the domain's
// facts come from the owner's stack outputs through a StackReference. Without it (the offline
// plan, or a domain managed outside Pulumi) they come from config, and the domain is looked up.
import * as pulumi from "@pulumi/pulumi";
import { SharedDomainMappings } from "../../index";
import { mockRestApi } from "../lib/apis";

const config = new pulumi.Config();
const ownerStack = config.get("ownerStack");

function sharedDomain() {
    if (ownerStack) {
        const owner = new pulumi.StackReference(ownerStack);
        return {
            domainName: owner.requireOutput("domainName") as pulumi.Output<string>,
            region: owner.requireOutput("domainRegion") as pulumi.Output<string>,
            endpointType: owner.requireOutput("endpointType") as pulumi.Output<"EDGE" | "REGIONAL" | "PRIVATE">,
            securityPolicy: owner.requireOutput("securityPolicy") as pulumi.Output<string>,
            routingMode: owner.requireOutput("routingMode") as pulumi.Output<"API_MAPPING_ONLY" | "ROUTING_RULE_ONLY" | "ROUTING_RULE_THEN_API_MAPPING">,
        };
    }
    return { domainName: config.get("domainName") ?? "api.example.com", region: config.get("domainRegion") };
}

const orders = mockRestApi("orders", { endpointType: "REGIONAL", message: "orders v1" });
const ordersV2 = mockRestApi("orders-v2", { endpointType: "REGIONAL", message: "orders v2" });

const shared = new SharedDomainMappings("orders", {
    ...sharedDomain(),
    mappings: [
        { apiId: orders.id, stage: orders.stageName, basePath: "orders" },
        // A multi-level key: the domain must be regional with TLS_1_2, which the lookup (or the
        // owner's outputs) confirms before the mapping is created.
        { apiId: ordersV2.id, stage: ordersV2.stageName, basePath: "orders/v2" },
    ],
});

export const urls = shared.urls;
export const uncheckedRules = shared.uncheckedRules;
