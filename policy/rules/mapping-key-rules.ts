// mapping-key-rules (mandatory): base path mapping keys API Gateway accepts.
//
// Every check here is a refusal at deploy time (the facts are in aws/apigateway.ts): a key with
// characters or slashes API Gateway does not take, a multi-level key (`v1/orders`) on a domain that
// is not REGIONAL or through the v1 BasePathMapping API, or a key mapped twice on one domain.
// Mappings are grouped per domain resource, and by name (plus domainNameId) only for domains
// outside the stack: private custom domains of one name are different domains, each identified by
// its domainNameId (API Gateway Developer Guide, "Custom domain names for private APIs in API
// Gateway"; base path mappings and access associations address a private domain by id or ARN).

import { ApiKind as RulebookApiKind, mappingKeyLevels, mappingKeyProblem, multiLevelMappingProblem } from "../../aws/apigateway";
import { ApiGatewayModel, MappingModel, apiKind } from "../lib/apigateway";
import { violationMessage } from "../lib/message";
import { Finding, RuleContext, stackRule } from "../lib/policy";
import { StackIndex, StackResource, label } from "../lib/resources";

function keyPath(m: MappingModel): string {
    return m.v1 ? "basePath" : "apiMappingKey";
}

/** The key as the program spelled it (the root may be "(none)" or absent). */
function keyAsWritten(m: MappingModel): unknown {
    return m.resource.props[keyPath(m)] ?? m.key;
}

function multiLevelProblems(m: MappingModel, key: string): Finding[] {
    const out: Finding[] = [];
    const push = (rule: string, fix: string) => out.push({ urn: m.resource.urn, message: violationMessage(m.resource, keyPath(m), key, rule, fix) });
    if (m.v1) {
        push("it has several levels, and apigateway.BasePathMapping only takes single-level paths", "map it with apigatewayv2.ApiMapping (apiMappingKey), or use a single-level path");
    }
    const domain = m.domain;
    const kind = m.api ? apiKind(m.api) : undefined;
    const found = multiLevelMappingProblem(domain?.endpointType, domain?.securityPolicy, kind === undefined ? undefined : kind.toLowerCase() as RulebookApiKind);
    if (found) {
        // The rulebook's fix for an edge domain names the component; raw programs need the resource.
        const fix = domain?.endpointType === "EDGE" ? "use a single-level key, or a REGIONAL custom domain" : found.fix;
        push(domain ? `${found.rule} (domain ${label(domain.resource)})` : found.rule, fix);
    }
    return out;
}

/** Checks the keys of every mapping, and duplicates among the mappings of each domain. */
export function checkMappingKeys(resources: readonly StackResource[], context: RuleContext): Finding[] {
    const model = new ApiGatewayModel(new StackIndex(resources), context.defaultRegion);
    const findings: Finding[] = [];
    for (const m of model.mappings) {
        if (m.key === undefined) {
            continue;
        }
        const syntax = mappingKeyProblem(m.key);
        if (syntax) {
            findings.push({ urn: m.resource.urn, message: violationMessage(m.resource, keyPath(m), m.key, syntax.rule, syntax.fix) });
        } else if (mappingKeyLevels(m.key) > 1) {
            findings.push(...multiLevelProblems(m, m.key));
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
            findings.push({
                urn: m.resource.urn,
                message: violationMessage(
                    m.resource,
                    keyPath(m),
                    keyAsWritten(m),
                    `${label(first.resource)} already maps this key on ${m.domainName ?? "the same domain"}, and a key maps only one API stage per domain`,
                    "give each mapping of the domain a distinct key",
                ),
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
