// Route 53 records with a latency, weighted or failover routing policy that alias an API Gateway
// custom domain, read from raw `aws.route53.Record` resources: what the record routes, where its
// target lives, and whether a health check decides for it.

import { executeApiHostRegion, apiGatewayHostKind } from "../../aws/apigateway";
import { MultiRegionRoutingPolicy } from "../../aws/route53";
import { ApiGatewayModel, DOMAIN_TYPES, DomainModel } from "./apigateway";
import { normalizeHost } from "./hosts";
import { StackIndex, StackResource, T, sourcesOfType } from "./resources";
import { arr, at, isUnknown, obj, str } from "./values";

export interface RoutedApiRecord {
    readonly resource: StackResource;
    readonly policy: MultiRegionRoutingPolicy;
    /** The record's name as given (for messages and grouping). */
    readonly name: string;
    /** Groups the records of one record set: zone, name and type. */
    readonly setKey: string;
    /** A latency record's region, when known. */
    readonly latencyRegion?: string;
    /** A failover record's role in upper case, when known. */
    readonly failoverRole?: string;
    /** The alias target's host, when known. */
    readonly targetHost?: string;
    /** The alias's hosted zone id, when known. */
    readonly targetZoneId?: string;
    /** The stack's API Gateway domain the alias points at, when it can be told. */
    readonly domain?: DomainModel;
    /** The region that serves the target (from its execute-api name, else its domain's region). */
    readonly targetRegion?: string;
    /** "none" only when the record certainly has no health check (unknown counts as one). */
    readonly healthCheck: "set" | "none";
}

/** The routing policy a record's inputs declare among latency, weighted and failover, if any. */
function routingPolicyOf(props: Record<string, unknown>): MultiRegionRoutingPolicy | undefined {
    const has = (key: string) => (arr(props[key])?.length ?? 0) > 0 || isUnknown(props[key]);
    if (has("latencyRoutingPolicies")) return "latency";
    if (has("weightedRoutingPolicies")) return "weighted";
    if (has("failoverRoutingPolicies")) return "failover";
    return undefined;
}

/** Every routed record of the stack whose alias is an API Gateway custom domain (regional or edge). */
export function routedApiRecords(index: StackIndex, model: ApiGatewayModel): RoutedApiRecord[] {
    const found: RoutedApiRecord[] = [];
    for (const record of index.ofType(T.record)) {
        const p = record.props;
        const policy = routingPolicyOf(p);
        if (!policy) continue;
        const alias = obj(arr(p["aliases"])?.[0]);
        if (!alias && !isUnknown(p["aliases"])) continue;
        const targetHost = normalizeHost(alias?.["name"]);
        const domain = (targetHost ? model.domainForHost(targetHost) : undefined)
            ?? sourcesOfType(record, "aliases", DOMAIN_TYPES).map((d) => model.domainForResource(d)).find((d) => d !== undefined);
        const isTarget = targetHost !== undefined && apiGatewayHostKind(targetHost) === "domain-target";
        if (!domain && !isTarget) continue;
        const name = str(p["name"]) ?? record.name;
        const healthCheckId = p["healthCheckId"];
        found.push({
            resource: record,
            policy,
            name,
            setKey: [str(p["zoneId"]) ?? "?", normalizeHost(name) ?? name, str(p["type"])?.toUpperCase() ?? "?"].join("|"),
            latencyRegion: str(at(p, "latencyRoutingPolicies", 0, "region")),
            failoverRole: str(at(p, "failoverRoutingPolicies", 0, "type"))?.toUpperCase(),
            targetHost,
            targetZoneId: str(alias?.["zoneId"]),
            domain,
            targetRegion: (targetHost ? executeApiHostRegion(targetHost) : undefined)
                ?? (domain && domain.endpointType !== "EDGE" ? domain.region : undefined),
            healthCheck: healthCheckId === undefined || healthCheckId === null || healthCheckId === "" ? "none" : "set",
        });
    }
    return found;
}
