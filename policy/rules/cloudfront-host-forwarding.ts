// cloudfront-host-forwarding: API Gateway routes by Host, so CloudFront must send the right one.
//
// A custom domain's regional target (`d-xxxx.execute-api...`) serves a request only when its Host
// (and SNI) is the custom domain name: CloudFront must forward the viewer's Host, and viewers must
// arrive on an alternate name that is that custom domain. The default endpoint
// (`{api-id}.execute-api...`) is the opposite: it routes by its own name, and a forwarded viewer
// Host makes it answer 403 Forbidden. Every one of these is a 403 on every request, so the rule is
// mandatory; a behavior with edge code that may rewrite the origin request is left alone.

import { ApiGatewayModel, DOMAIN_TYPES, DomainModel, API_TYPES } from "../lib/apigateway";
import { apiGatewayHostKind } from "../../aws/apigateway";
import { HOST_REWRITING_LAMBDA_EVENTS, MANAGED_ORIGIN_REQUEST_POLICIES, ORIGIN_CHANGING_FUNCTION_EVENTS, functionMayChangeOrigin, MANAGED_POLICY_FORWARDS_HOST } from "../../aws/cloudfront";
import { hostMatches } from "../../aws/dns";
import { Behavior, behaviorsOf, distributionsOf, inputPath, originsForBehavior, tenantDomainsOf } from "../lib/cloudfront";
import { normalizeHost } from "../lib/hosts";
import { Finding, RuleContext, stackRule } from "../lib/policy";
import { StackIndex, StackResource, T, idOf, label, sourcesOf } from "../lib/resources";
import { violationMessage, propertyPath } from "../lib/message";
import { PropertyMap, arr, at, isUnknown, str, stringList } from "../lib/values";

const ORIGIN_REQUEST_POLICY = T.originRequestPolicy;
const CACHE_POLICY = "aws:cloudfront/cachePolicy:CachePolicy";

type OriginKind = { kind: "domain-target"; domain?: DomainModel } | { kind: "default-endpoint" } | { kind: "domain-name"; domain: DomainModel };

/** Whether a header list (from legacy forwarded values or a policy) includes Host. */
function listsHost(headers: readonly string[]): boolean {
    return headers.some((h) => h === "*" || h.toLowerCase() === "host");
}

/**
 * Whether an origin request policy or cache policy resource forwards the viewer's Host:
 * `allViewer*` behaviours pass every viewer header, `allExcept` all but the listed ones, `whitelist`
 * only the listed ones. Undefined while not known.
 */
function policyResourceForwardsHost(policy: StackResource): boolean | undefined {
    const headersConfig =
        policy.type === CACHE_POLICY
            ? at(policy.props, "parametersInCacheKeyAndForwardedToOrigin", "headersConfig")
            : at(policy.props, "headersConfig");
    const behavior = str(at(headersConfig, "headerBehavior"));
    const itemsValue = at(headersConfig, "headers", "items");
    const items = itemsValue === undefined ? [] : stringList(itemsValue);
    if (behavior === undefined || items === undefined) {
        return undefined;
    }
    switch (behavior) {
        case "allViewer":
        case "allViewerAndWhitelistCloudFront":
            return true;
        case "allExcept":
            return !listsHost(items);
        case "whitelist":
            return listsHost(items);
        case "none":
            return false;
        default:
            return undefined;
    }
}

/** Finds the policy resource a behavior's policy id refers to: by id when known, else through property dependencies. */
function policyResource(
    distribution: StackResource,
    behavior: Behavior,
    idValue: unknown,
    type: string,
    byId: ReadonlyMap<string, StackResource>,
): StackResource | undefined {
    const id = str(idValue);
    if (id !== undefined) {
        return byId.get(id);
    }
    const candidates = sourcesOf(distribution, behavior.property).filter((s) => s.type === type);
    // With several policies of the type behind one property we cannot tell which one this behavior uses.
    return candidates.length === 1 ? candidates[0] : undefined;
}

/**
 * Whether a behavior forwards the viewer's Host header to the origin; undefined when it cannot be
 * told (a policy id that is unknown, or a policy created outside this stack).
 */
function behaviorForwardsHost(
    distribution: StackResource,
    behavior: Behavior,
    policiesById: ReadonlyMap<string, StackResource>,
): boolean | undefined {
    const b = behavior.props;
    const answers: (boolean | undefined)[] = [];

    const forwardedValues = b["forwardedValues"];
    if (isUnknown(forwardedValues)) {
        answers.push(undefined);
    } else {
        const legacy = at(forwardedValues, "headers");
        const list = legacy === undefined || legacy === null ? [] : stringList(legacy);
        answers.push(list === undefined ? undefined : listsHost(list));
    }

    for (const [property, type] of [
        ["originRequestPolicyId", ORIGIN_REQUEST_POLICY],
        ["cachePolicyId", CACHE_POLICY],
    ] as const) {
        const idValue = b[property];
        if (idValue === undefined || idValue === null || idValue === "") {
            continue;
        }
        const id = str(idValue);
        const managed = id !== undefined ? MANAGED_POLICY_FORWARDS_HOST.get(id) : undefined;
        if (managed !== undefined) {
            answers.push(managed);
            continue;
        }
        const resource = policyResource(distribution, behavior, idValue, type, policiesById);
        // A policy created outside this stack could forward anything: leave the answer open.
        answers.push(resource ? policyResourceForwardsHost(resource) : undefined);
    }

    if (answers.includes(true)) {
        return true;
    }
    return answers.includes(undefined) ? undefined : false;
}

/**
 * Whether edge code on the behavior may rewrite what reaches the origin; then the distribution's
 * settings alone do not decide the outcome, and the rule stays silent. An origin-request
 * Lambda@Edge function may rewrite Host; a viewer-request CloudFront Function cannot (Host is
 * read-only there), so it leaves the outcome open only when it may pick another origin: its code
 * calls an origin helper, or its code is not known (a function from outside the stack, or one
 * whose association cannot be matched to it).
 */
function rewritesRequests(distribution: StackResource, behavior: Behavior, index: StackIndex): boolean {
    const associations = (property: string): (PropertyMap | undefined)[] =>
        arr(behavior.props[property])?.map((a) => (isUnknown(a) ? undefined : a as PropertyMap)) ?? (isUnknown(behavior.props[property]) ? [undefined] : []);
    const lambdaEvents = associations("lambdaFunctionAssociations").map((a) => a && str(at(a, "eventType")));
    if (lambdaEvents.some((e) => e === undefined || HOST_REWRITING_LAMBDA_EVENTS.has(e))) {
        return true;
    }
    return associations("functionAssociations").some((a) => {
        const event = a && str(at(a, "eventType"));
        if (event !== undefined && !ORIGIN_CHANGING_FUNCTION_EVENTS.has(event)) {
            return false;
        }
        const code = a === undefined ? undefined : functionCode(distribution, behavior, a["functionArn"], index);
        return code === undefined || functionMayChangeOrigin(code);
    });
}

/**
 * The code of the CloudFront Function an association names: the stack's function with that ARN,
 * else, while ARNs are unknown, the behavior's only function source. Undefined when not known.
 */
function functionCode(distribution: StackResource, behavior: Behavior, arnValue: unknown, index: StackIndex): string | undefined {
    const functions = index.ofType(T.cloudFrontFunction);
    const arn = str(arnValue);
    if (arn !== undefined) {
        const fn = functions.find((f) => str(f.props["arn"]) === arn);
        return fn ? str(fn.props["code"]) : undefined;
    }
    const sources = sourcesOf(distribution, behavior.property).filter((r) => r.type === T.cloudFrontFunction);
    return sources.length === 1 ? str(sources[0].props["code"]) : undefined;
}

/** What kind of API Gateway origin this is, if any. */
function originKind(origin: PropertyMap, distribution: StackResource, model: ApiGatewayModel): OriginKind | undefined {
    const hostValue = origin["domainName"];
    const host = normalizeHost(hostValue);
    if (host !== undefined) {
        const domain = model.domainForHost(host);
        // The custom name itself as origin: CloudFront sends that name as Host unless the viewer's is
        // forwarded; then the viewer's name (an alias, or a tenant's domain) must reach it, checked below.
        if (domain && domain.domainName === host) {
            return { kind: "domain-name", domain };
        }
        const kind = apiGatewayHostKind(host);
        if (kind === "default-endpoint") {
            return { kind };
        }
        if (kind === "domain-target" || domain) {
            return { kind: "domain-target", domain };
        }
        return undefined;
    }
    if (!isUnknown(hostValue) && hostValue !== undefined) {
        return undefined;
    }
    // Preview: tell the kind by what the origins were built from, when that is unambiguous.
    const sources = sourcesOf(distribution, "origins");
    const domains = sources.filter((s) => DOMAIN_TYPES.has(s.type));
    const apis = sources.filter((s) => API_TYPES.has(s.type));
    if (domains.length > 0 && apis.length === 0) {
        return { kind: "domain-target", domain: domains.length === 1 ? model.domainForResource(domains[0]) : undefined };
    }
    if (apis.length > 0 && domains.length === 0) {
        return { kind: "default-endpoint" };
    }
    return undefined;
}

/**
 * Whether viewers arriving on this alternate name reach the custom domain's name: equal names, an
 * alias wildcard covering the custom domain (`*.example.com` in front of `api.example.com`), or a
 * wildcard custom domain covering the alias (`a.example.com` in front of `*.example.com`).
 */
function aliasReaches(alias: string, customDomain: string): boolean {
    return hostMatches(customDomain, alias) || hostMatches(alias, customDomain);
}

function checkAliases(distribution: StackResource, domain: DomainModel): Finding[] {
    const aliasesValue = distribution.props["aliases"];
    const aliases = aliasesValue === undefined || aliasesValue === null ? [] : stringList(aliasesValue)?.map((a) => a.toLowerCase());
    if (!aliases || !domain.domainName) {
        return [];
    }
    const name = domain.domainName;
    if (aliases.some((alias) => aliasReaches(alias, name))) {
        return [];
    }
    return [
        {
            urn: distribution.urn,
            message: violationMessage(
                distribution,
                "aliases",
                aliasesValue ?? [],
                `Host is forwarded to ${label(domain.resource)} (${name}), but no alternate name reaches ${name}, so viewers arrive with another Host and API Gateway answers 403`,
                `add "${name}" (or a wildcard covering it) to aliases, with a viewer certificate that covers it`,
            ),
        },
    ];
}

/**
 * A multi-tenant distribution has no aliases: viewers arrive on its tenants' domains. When it
 * forwards their Host to an API Gateway custom domain, every tenant's name must reach that domain,
 * or API Gateway answers 403 (for the domain's own name as origin, CloudFront's TLS check of the
 * origin fails too). Silent while the tenants are not known in this stack.
 */
function checkTenantHosts(distribution: StackResource, domain: DomainModel, tenantDomains: readonly string[] | undefined, behavior: Behavior): Finding[] {
    if (!tenantDomains || !domain.domainName) {
        return [];
    }
    const name = domain.domainName;
    const missing = tenantDomains.filter((t) => !aliasReaches(t, name));
    if (missing.length === 0) {
        return [];
    }
    return [
        {
            urn: distribution.urn,
            message: violationMessage(
                distribution,
                inputPath(distribution, hostPolicyPath(distribution, behavior)),
                hostPolicyValue(behavior),
                `the ${behavior.label} forwards the viewer's Host to ${label(domain.resource)} (${name}), but viewers arrive on tenant domains (${missing.join(", ")}) that are not that custom domain; API Gateway routes by Host and answers 403`,
                `set originRequestPolicyId to the managed AllViewerExceptHostHeader policy (${MANAGED_ORIGIN_REQUEST_POLICIES.allViewerExceptHostHeader}) with the custom domain's own name (${name}) as the origin, so CloudFront sends that name as Host and SNI; pass the tenant's name in another header`,
            ),
        },
    ];
}

/** Where a behavior says what it forwards: its origin request policy, else its legacy forwarded values. */
function hostPolicyPath(distribution: StackResource, behavior: Behavior): string {
    const base: (string | number)[] =
        behavior.property === "defaultCacheBehavior"
            ? ["defaultCacheBehavior"]
            : ["orderedCacheBehaviors", (arr(distribution.props["orderedCacheBehaviors"]) ?? []).indexOf(behavior.props)];
    if (behavior.props["originRequestPolicyId"] !== undefined || behavior.props["forwardedValues"] === undefined) {
        return propertyPath(...base, "originRequestPolicyId");
    }
    return propertyPath(...base, "forwardedValues", "headers");
}

function hostPolicyValue(behavior: Behavior): unknown {
    return behavior.props["originRequestPolicyId"] ?? at(behavior.props, "forwardedValues", "headers");
}

/** Checks every behavior of every distribution whose origin is API Gateway. */
export function checkCloudFrontHostForwarding(resources: readonly StackResource[], context: RuleContext): Finding[] {
    const index = new StackIndex(resources);
    const distributions = distributionsOf(index);
    if (distributions.length === 0) {
        return [];
    }
    const model = new ApiGatewayModel(index, context.defaultRegion);
    const policiesById = new Map<string, StackResource>();
    for (const p of index.ofType(ORIGIN_REQUEST_POLICY, CACHE_POLICY)) {
        const id = idOf(p);
        if (id) {
            policiesById.set(id, p);
        }
    }
    const findings: Finding[] = [];
    for (const distribution of distributions) {
        const aliasChecked = new Set<string>();
        const tenantDomains = tenantDomainsOf(distribution, index);
        for (const behavior of behaviorsOf(distribution.props)) {
            if (rewritesRequests(distribution, behavior, index)) {
                continue;
            }
            for (const origin of originsForBehavior(distribution.props, behavior.props)) {
                const kind = originKind(origin, distribution, model);
                if (!kind) {
                    continue;
                }
                const forwards = behaviorForwardsHost(distribution, behavior, policiesById);
                const host = str(origin["domainName"]) ?? "(not known yet)";
                if (kind.kind === "domain-name") {
                    if (forwards === true && !aliasChecked.has(kind.domain.resource.urn)) {
                        aliasChecked.add(kind.domain.resource.urn);
                        findings.push(...(distribution.type === T.multiTenantDistribution
                            ? checkTenantHosts(distribution, kind.domain, tenantDomains, behavior)
                            : checkAliases(distribution, kind.domain)));
                    }
                } else if (kind.kind === "domain-target") {
                    if (forwards === false) {
                        findings.push({
                            urn: distribution.urn,
                            message: violationMessage(
                                distribution,
                                inputPath(distribution, hostPolicyPath(distribution, behavior)),
                                hostPolicyValue(behavior),
                                `the ${behavior.label} sends requests to the API Gateway custom domain target ${host} without the viewer's Host header; API Gateway routes custom domains by Host and answers 403`,
                                `set originRequestPolicyId to the managed AllViewer policy (${MANAGED_ORIGIN_REQUEST_POLICIES.allViewer}) or a policy whose headers include Host`,
                            ),
                        });
                    }
                    if (forwards !== false && kind.domain && !aliasChecked.has(kind.domain.resource.urn)) {
                        aliasChecked.add(kind.domain.resource.urn);
                        findings.push(...(distribution.type === T.multiTenantDistribution
                            ? (forwards === true ? checkTenantHosts(distribution, kind.domain, tenantDomains, behavior) : [])
                            : checkAliases(distribution, kind.domain)));
                    }
                } else if (forwards === true) {
                    findings.push({
                        urn: distribution.urn,
                        message: violationMessage(
                            distribution,
                            inputPath(distribution, hostPolicyPath(distribution, behavior)),
                            hostPolicyValue(behavior),
                            `the ${behavior.label} forwards the viewer's Host header to the default API Gateway endpoint ${host}, which serves only its own name and answers 403 to any other Host`,
                            `set originRequestPolicyId to the managed AllViewerExceptHostHeader policy (${MANAGED_ORIGIN_REQUEST_POLICIES.allViewerExceptHostHeader}) and drop Host from forwarded headers, or put a custom domain in front`,
                        ),
                    });
                }
            }
        }
    }
    return findings;
}

export const cloudfrontHostForwarding = stackRule(
    {
        name: "cloudfront-host-forwarding",
        description: "CloudFront must forward Host to an API Gateway custom domain target (with a matching alternate name), must not forward it to a default execute-api endpoint, and a multi-tenant distribution must not forward its tenants' Host to a custom domain that is not theirs.",
        remediationSteps:
            "For an origin that is a custom domain's regional target (d-xxxx.execute-api.REGION.amazonaws.com): attach the managed " +
            "AllViewer origin request policy (or one whose headers include Host) and add the custom domain name to the " +
            "distribution's aliases. For an origin that is the default endpoint ({api-id}.execute-api.REGION.amazonaws.com): " +
            "attach AllViewerExceptHostHeader and drop Host from forwarded headers. For a multi-tenant distribution (CloudFront SaaS Manager) " +
            "in front of one custom domain, make the origin that custom domain's own name and attach AllViewerExceptHostHeader, so " +
            "CloudFront sends that name as Host whatever tenant domain the viewer used.",
        enforcementLevel: "mandatory",
    },
    () => undefined,
    (resources, context) => checkCloudFrontHostForwarding(resources, context),
);
