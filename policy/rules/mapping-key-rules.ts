// mapping-key-rules: base path mapping keys API Gateway will accept and route as intended.
//
// Keys are path prefixes made of letters, digits and `$-_.+!*'()/`, without empty segments.
// Multi-level keys (`v1/orders`) only exist on REGIONAL domains with a TLS 1.2+ policy and only
// through the v2 ApiMapping API. Each key maps once per domain; a second mapping with the same key
// fails at deploy time, or silently replaces the first when the two live in different stacks.

import { ApiGatewayModel, MappingModel } from "../lib/apigateway";
import { Finding, RuleContext, stackRule } from "../lib/policy";
import { StackIndex, StackResource, label } from "../lib/resources";
import { securityPolicyMinimumTls } from "../../aws/apigateway";
import { TLS_1_2 } from "../../aws/tls";

const KEY_CHARACTERS = /^[A-Za-z0-9$\-_.+!*'()/]+$/;

/** Problems with the spelling of a key, independent of its domain. */
export function keySyntaxProblems(key: string): string[] {
    if (key === "") {
        return [];
    }
    const problems: string[] = [];
    if (!KEY_CHARACTERS.test(key)) {
        problems.push("contains characters other than letters, digits and $-_.+!*'()/");
    }
    if (key.startsWith("/") || key.endsWith("/")) {
        problems.push("starts or ends with '/'");
    }
    if (key.includes("//")) {
        problems.push("contains an empty segment ('//')");
    }
    return problems;
}

function multiLevelProblems(m: MappingModel): string[] {
    const problems: string[] = [];
    if (m.v1) {
        problems.push("is multi-level but made with apigateway.BasePathMapping, which only takes single-level paths; use apigatewayv2.ApiMapping");
    }
    const domain = m.domain;
    if (domain?.endpointType !== undefined && domain.endpointType !== "REGIONAL") {
        problems.push(`is multi-level but its domain ${label(domain.resource)} is ${domain.endpointType}; multi-level keys need a REGIONAL domain`);
    }
    const minimum = domain?.securityPolicy !== undefined ? securityPolicyMinimumTls(domain.securityPolicy) : undefined;
    if (domain && minimum !== undefined && minimum < TLS_1_2) {
        problems.push(`is multi-level but its domain ${label(domain.resource)} uses securityPolicy "${domain.securityPolicy}"; multi-level keys need TLS 1.2`);
    }
    return problems;
}

/** Checks the keys of every mapping, and duplicates among the mappings of each domain. */
export function checkMappingKeys(resources: readonly StackResource[], context: RuleContext): Finding[] {
    const model = new ApiGatewayModel(new StackIndex(resources), context.defaultRegion);
    const findings: Finding[] = [];
    for (const m of model.mappings) {
        if (m.key === undefined) {
            continue;
        }
        const problems = [...keySyntaxProblems(m.key)];
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
        description: "Mapping keys must be valid, multi-level keys need a REGIONAL TLS 1.2 domain and the v2 API, and a key maps once per domain.",
        remediationSteps:
            "Use keys made of letters, digits and $-_.+!*'() separated by single '/' with no leading or trailing '/'. For " +
            "multi-level keys (v1/orders) use apigatewayv2.ApiMapping on a REGIONAL domain with securityPolicy TLS_1_2 or an " +
            "enhanced TLS 1.2+ policy. Give every mapping of a domain a distinct key.",
        enforcementLevel: "mandatory",
    },
    () => undefined,
    (resources, context) => checkMappingKeys(resources, context),
);
