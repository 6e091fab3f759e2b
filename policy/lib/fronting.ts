// Which CloudFront distributions and load balancer listeners stand in front of an API Gateway API.
// Rules about the hops in front of an API (origin protocol, TLS floors, health checks) judge only
// these, so a static site or an unrelated service in the same stack is left alone.

import { apiGatewayHostKind, isExecuteApiServiceName } from "../../aws/apigateway";
import { hostMatches } from "../../aws/dns";
import { API_TYPES, ApiGatewayModel, DOMAIN_TYPES } from "./apigateway";
import { originsOf } from "./cloudfront";
import { normalizeHost } from "./hosts";
import { StackIndex, StackResource, T, TARGET_GROUP_ATTACHMENT_TYPES, TARGET_GROUP_TYPES, label, sourcesOf } from "./resources";
import { PropertyMap, arr, isUnknown, obj, str } from "./values";

/**
 * Why a CloudFront origin is API Gateway, for messages; undefined when it is not (or cannot be
 * told). By host shape (`*.execute-api...`), by a custom domain of the stack (its name or target),
 * by a host the user listed, or, while the host is unknown (preview), because the origins were
 * built from an API Gateway domain or API.
 */
export function apiGatewayOriginReason(
    origin: PropertyMap,
    distribution: StackResource,
    model: ApiGatewayModel,
    extraHosts: readonly string[] = [],
): string | undefined {
    const hostValue = origin["domainName"];
    const host = normalizeHost(hostValue);
    if (host !== undefined) {
        if (apiGatewayHostKind(host)) {
            return `${host} is an API Gateway endpoint`;
        }
        const domain = model.domainForHost(host);
        if (domain) {
            return `${host} is ${label(domain.resource)} of this stack`;
        }
        if (extraHosts.some((pattern) => hostMatches(host, pattern))) {
            return `${host} is listed in extraApiGatewayHosts`;
        }
        return undefined;
    }
    if (isUnknown(hostValue) || hostValue === undefined) {
        const source = sourcesOf(distribution, "origins").find((s) => DOMAIN_TYPES.has(s.type) || API_TYPES.has(s.type));
        return source ? `its host comes from ${label(source)}` : undefined;
    }
    return undefined;
}

/** The first reason a distribution fronts API Gateway, or undefined. */
export function distributionFrontsApi(distribution: StackResource, model: ApiGatewayModel, extraHosts: readonly string[] = []): string | undefined {
    for (const origin of originsOf(distribution.props)) {
        const reason = apiGatewayOriginReason(origin, distribution, model, extraHosts);
        if (reason) {
            return reason;
        }
    }
    return undefined;
}

function isExecuteApiEndpoint(resource: StackResource): boolean {
    return resource.type === T.vpcEndpoint && isExecuteApiServiceName(str(resource.props["serviceName"]) ?? "");
}

/** The execute-api VPC endpoint a target group attachment's address came from, if it did. */
function sourceEndpoint(attachment: StackResource): StackResource | undefined {
    return sourcesOf(attachment, "targetId").find(isExecuteApiEndpoint) ?? (attachment.dependencies ?? []).find(isExecuteApiEndpoint);
}

function byArn(resources: readonly StackResource[]): Map<string, StackResource> {
    const map = new Map<string, StackResource>();
    for (const r of resources) {
        const arn = str(r.props["arn"]);
        if (arn) {
            map.set(arn, r);
        }
    }
    return map;
}

/** Target groups whose targets are addresses of an execute-api VPC endpoint (the private-API ALB pattern), with that endpoint. */
export function apiTargetGroups(index: StackIndex): Map<StackResource, StackResource> {
    const groupsByArn = byArn(index.ofTypes(TARGET_GROUP_TYPES));
    const result = new Map<StackResource, StackResource>();
    for (const attachment of index.ofTypes(TARGET_GROUP_ATTACHMENT_TYPES)) {
        const endpoint = sourceEndpoint(attachment);
        if (!endpoint) {
            continue;
        }
        const group =
            sourcesOf(attachment, "targetGroupArn").find((r) => TARGET_GROUP_TYPES.has(r.type)) ??
            groupsByArn.get(str(attachment.props["targetGroupArn"]) ?? "");
        if (group && !result.has(group)) {
            result.set(group, endpoint);
        }
    }
    return result;
}

const LISTENER_RULE_TYPES: ReadonlySet<string> = new Set(["aws:lb/listenerRule:ListenerRule", "aws:alb/listenerRule:ListenerRule"]);

/** Target group ARNs an action list forwards to (`targetGroupArn`, or `forward.targetGroups[].arn`). */
function forwardedArns(actions: unknown): string[] {
    const arns: string[] = [];
    for (const item of arr(actions) ?? []) {
        const action = obj(item);
        const direct = str(action?.["targetGroupArn"]);
        if (direct) {
            arns.push(direct);
        }
        for (const group of arr(obj(action?.["forward"])?.["targetGroups"]) ?? []) {
            const arn = str(obj(group)?.["arn"]);
            if (arn) {
                arns.push(arn);
            }
        }
    }
    return arns;
}

/**
 * Listeners that forward (directly or through a listener rule) to a target group of execute-api
 * VPC endpoint addresses, with the reason for messages.
 */
export function listenersFrontingApi(index: StackIndex, listenerTypes: ReadonlySet<string>): Map<string, string> {
    const apiGroups = apiTargetGroups(index);
    const result = new Map<string, string>();
    if (apiGroups.size === 0) {
        return result;
    }
    const groupsByArn = byArn([...apiGroups.keys()]);
    const listeners = index.ofTypes(listenerTypes);
    const listenersByArn = byArn(listeners);
    const apiGroupIn = (owner: StackResource, property: string): StackResource | undefined =>
        forwardedArns(owner.props[property]).map((a) => groupsByArn.get(a)).find((g) => g !== undefined) ??
        sourcesOf(owner, property).find((s) => apiGroups.has(s));
    const because = (group: StackResource) => `it forwards to ${label(group)}, whose targets are ${label(apiGroups.get(group) as StackResource)} (execute-api)`;
    for (const listener of listeners) {
        const group = apiGroupIn(listener, "defaultActions");
        if (group) {
            result.set(listener.urn, because(group));
        }
    }
    for (const rule of index.ofTypes(LISTENER_RULE_TYPES)) {
        const group = apiGroupIn(rule, "actions");
        const listener =
            sourcesOf(rule, "listenerArn").find((s) => listenerTypes.has(s.type)) ?? listenersByArn.get(str(rule.props["listenerArn"]) ?? "");
        if (group && listener && !result.has(listener.urn)) {
            result.set(listener.urn, because(group));
        }
    }
    return result;
}
