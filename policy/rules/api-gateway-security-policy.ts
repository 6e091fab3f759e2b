// api-gateway-security-policy (mandatory): security policy settings API Gateway refuses.
//
// These fail at deploy time, so they are certain: an enhanced `SecurityPolicy_*` policy without
// `endpointAccessMode`, an access mode with a legacy policy, an edge-only `*_EDGE` policy on a
// regional or private domain (or a regional one on an edge domain), an enhanced policy on a domain
// that serves HTTP or WebSocket APIs, and mutual TLS on a non-regional domain or with an enhanced
// policy. The rules themselves live in the rulebook (aws/apigateway.ts); this rule only reads the
// resources. Policy names the rulebook does not know are left to AWS, so a new policy is never
// refused here before AWS documents it.

import { ApiKind as RulebookApiKind, isEnhancedSecurityPolicy, isKnownSecurityPolicy, mutualTlsProblem, securityPolicyProblem } from "../../aws/apigateway";
import { ApiGatewayModel, DOMAIN_TYPES, DomainModel, apiKind, domainModel } from "../lib/apigateway";
import { violationMessage } from "../lib/message";
import { Finding, RuleContext, stackRule } from "../lib/policy";
import { StackIndex, StackResource, T } from "../lib/resources";
import { isKnown, isUnknown, str } from "../lib/values";

/** The kinds of API mapped to each domain of the stack, in one pass over the mappings. */
function apiKindsByDomain(model: ApiGatewayModel): Map<DomainModel, RulebookApiKind[]> {
    const kinds = new Map<DomainModel, Set<RulebookApiKind>>();
    for (const m of model.mappings) {
        const kind = m.domain && m.api ? apiKind(m.api) : undefined;
        if (m.domain && kind) {
            const set = kinds.get(m.domain) ?? new Set<RulebookApiKind>();
            set.add(kind.toLowerCase() as RulebookApiKind);
            kinds.set(m.domain, set);
        }
    }
    return new Map([...kinds].map(([d, set]) => [d, [...set]]));
}

function checkDomain(domain: DomainModel, kinds: readonly RulebookApiKind[]): Finding[] {
    const r = domain.resource;
    const findings: Finding[] = [];
    const endpoint = domain.endpointType;
    const policy = domain.securityPolicy;
    if (r.type === T.domainV1 && endpoint !== undefined && policy !== undefined && isKnownSecurityPolicy(policy)) {
        const modeValue = r.props["endpointAccessMode"];
        if (!isUnknown(modeValue)) {
            const found = securityPolicyProblem(endpoint, policy, str(modeValue), kinds);
            if (found) {
                findings.push({ urn: r.urn, message: violationMessage(r, found.argument, found.value, found.problem.rule, found.problem.fix) });
            }
        }
    }
    const mtlsPath = "mutualTlsAuthentication";
    const mtls = r.props[mtlsPath];
    if (endpoint !== undefined && isKnown(mtls)) {
        const found = mutualTlsProblem(endpoint, policy);
        if (found) {
            findings.push({ urn: r.urn, message: violationMessage(r, mtlsPath, mtls, found.rule, found.fix) });
        }
    }
    return findings;
}

/** Checks every API Gateway custom domain of the stack. */
export function checkSecurityPolicies(resources: readonly StackResource[], context: RuleContext): Finding[] {
    const index = new StackIndex(resources);
    const domains = index.ofTypes(DOMAIN_TYPES).map((r) => domainModel(r, context.defaultRegion)).filter((d): d is DomainModel => d !== undefined);
    // Which APIs a domain serves only matters for enhanced policies; most stacks have none, and then
    // the mappings need not be resolved at all.
    if (!domains.some((d) => d.securityPolicy !== undefined && isEnhancedSecurityPolicy(d.securityPolicy))) {
        return domains.flatMap((d) => checkDomain(d, []));
    }
    const model = new ApiGatewayModel(index, context.defaultRegion);
    const kinds = apiKindsByDomain(model);
    return model.domains.flatMap((d) => checkDomain(d, kinds.get(d) ?? []));
}

export const apiGatewaySecurityPolicy = stackRule(
    {
        name: "api-gateway-security-policy",
        description: "API Gateway domain names must use a security policy, endpoint access mode and mutual TLS setting that API Gateway accepts together.",
        remediationSteps:
            "Enhanced SecurityPolicy_* policies need endpointAccessMode \"STRICT\" or \"BASIC\" and only serve REST APIs; legacy " +
            "TLS_1_0/TLS_1_2 take no access mode; *_EDGE policies only go on EDGE domains, the others on REGIONAL and PRIVATE " +
            "ones; mutual TLS needs a REGIONAL domain with securityPolicy TLS_1_2.",
        enforcementLevel: "mandatory",
    },
    () => undefined,
    (resources, context) => checkSecurityPolicies(resources, context),
);
