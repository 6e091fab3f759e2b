// mapping-key-rules: base path mapping keys API Gateway will accept and route as intended.
//
// Keys are path prefixes made of letters, digits and `$-_.+!*'()/`, without empty segments.
// Multi-level keys (`v1/orders`) only exist on REGIONAL domains with TLS 1.2 or an enhanced policy,
// and only through the v2 ApiMapping API. A domain with an enhanced policy takes no HTTP API. Each
// key maps once per domain; a second mapping with the same key fails at deploy time, or silently
// replaces the first when the two live in different stacks. The rules themselves (and their
// sources) are the rulebook's: aws/apigateway.ts.

import { ApiKind as RulebookApiKind, mappingKeyProblem, multiLevelMappingProblem, policyApiKindProblem } from "../../aws/apigateway";
import { ApiGatewayModel, MappingModel, apiKind } from "../lib/apigateway";
import { Finding, RuleContext, stackRule } from "../lib/policy";
import { StackIndex, StackResource, label } from "../lib/resources";

/** Problems with the spelling of a key, independent of its domain. */
export function keySyntaxProblems(key: string): string[] {
    const found = mappingKeyProblem(key);
    return found ? [found.rule] : [];
}

function kindOf(m: MappingModel): RulebookApiKind | undefined {
    const kind = m.api ? apiKind(m.api) : undefined;
    return kind === undefined ? undefined : kind.toLowerCase() as RulebookApiKind;
}

function multiLevelProblems(m: MappingModel): string[] {
    const problems: string[] = [];
    if (m.v1) {
        problems.push("is multi-level but made with apigateway.BasePathMapping, which only takes single-level paths; use apigatewayv2.ApiMapping");
    }
    const domain = m.domain;
    const found = multiLevelMappingProblem(domain?.endpointType, domain?.securityPolicy, kindOf(m));
    if (found) {
        problems.push(domain ? `${found.rule} (domain ${label(domain.resource)})` : found.rule);
    }
    return problems;
}

/** An HTTP or WebSocket API mapped on a domain whose enhanced policy refuses it. */
function policyProblems(m: MappingModel): string[] {
    const kind = kindOf(m);
    const policy = m.domain?.securityPolicy;
    if (kind === undefined || policy === undefined) {
        return [];
    }
    const found = policyApiKindProblem(policy, kind);
    return found ? [`maps onto ${label(m.domain!.resource)}, whose securityPolicy "${policy}" ${found.rule}; ${found.fix}`] : [];
}

/** Checks the keys of every mapping, and duplicates among the mappings of each domain. */
export function checkMappingKeys(resources: readonly StackResource[], context: RuleContext): Finding[] {
    const model = new ApiGatewayModel(new StackIndex(resources), context.defaultRegion);
    const findings: Finding[] = [];
    for (const m of model.mappings) {
        if (m.key === undefined) {
            continue;
        }
        const problems = [...keySyntaxProblems(m.key), ...policyProblems(m)];
        if (m.key.includes("/")) {
            problems.push(...multiLevelProblems(m));
        }
        for (const problem of problems) {
            findings.push({ urn: m.resource.urn, message: `${label(m.resource)} key "${m.key}" ${problem}.` });
        }
    }
    for (const mappings of model.mappingsByDomain().values()) {
        const firstByKey = new Map<string, MappingModel>();
        for (const m of mappings) {
            if (m.key === undefined) {
                continue;
            }
            const first = firstByKey.get(m.key);
            if (!first) {
                firstByKey.set(m.key, m);
                continue;
            }
            const where = m.domainName ?? "the same domain";
            findings.push({
                urn: m.resource.urn,
                message: `${label(m.resource)} maps key "${m.key || "(root)"}" on ${where}, which ${label(first.resource)} already maps; each key can map only one API stage per domain.`,
            });
        }
    }
    return findings;
}

export const mappingKeyRules = stackRule(
    {
        name: "mapping-key-rules",
        description: "Mapping keys must be valid, multi-level keys need a REGIONAL domain (TLS 1.2 or an enhanced policy) and the v2 API, a domain with an enhanced policy takes no HTTP API, and a key maps once per domain.",
        remediationSteps:
            "Use keys made of letters, digits and $-_.+!*'() separated by single '/' with no leading or trailing '/'. For " +
            "multi-level keys (v1/orders) use apigatewayv2.ApiMapping on a REGIONAL domain with securityPolicy TLS_1_2 or an " +
            "enhanced policy. Map HTTP APIs only on domains with TLS_1_2. Give every mapping of a domain a distinct key.",
        enforcementLevel: "mandatory",
    },
    () => undefined,
    (resources, context) => checkMappingKeys(resources, context),
);
