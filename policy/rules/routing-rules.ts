// routing-rules: API Gateway routing rules that the domain's routing mode ignores, that collide,
// or that AWS refuses to create; and mappings on a domain whose mode takes none.
//
// A domain in API_MAPPING_ONLY (BASE_PATH_MAPPING_ONLY in the v1 API, and the default) takes no
// routing rules; one in ROUTING_RULE_ONLY takes no mappings; rules of one domain cannot share a
// priority; rules serve REST APIs only. Each of these fails the update when AWS is asked to create
// the resource (aws/routing.ts has the sources).

import { DEFAULT_REST_ENDPOINT_TYPE } from "../../aws/apigateway";
import {
    DEFAULT_ROUTING_MODE, ROUTING_RULE_PRIORITY, RoutingModeName, modeUsesMappings, modeUsesRules, routingBasePathProblem,
    routingConditionsProblem, routingHeaderGlobProblem, routingHeaderNameProblem, routingModeNamed, routingRuleTargetProblem,
} from "../../aws/routing";
import { ApiGatewayModel, DOMAIN_TYPES, DomainModel, apiKind } from "../lib/apigateway";
import { normalizeHost } from "../lib/hosts";
import { Finding, RuleContext, stackRule } from "../lib/policy";
import { resolveRegion } from "../lib/region";
import { StackIndex, StackResource, T, label, sourcesOfType } from "../lib/resources";
import { arr, at, isUnknown, obj, stringList } from "../lib/values";

export const ROUTING_RULE_TYPE = "aws:apigatewayv2/routingRule:RoutingRule";

function num(value: unknown): number | undefined {
    return typeof value === "number" ? value : undefined;
}

/** The domain's routing mode: its own value, the default when it sets none, undefined while unknown. */
function routingModeOf(domain: DomainModel): RoutingModeName | undefined {
    const value = domain.resource.props["routingMode"];
    if (isUnknown(value)) return undefined;
    if (value === undefined || value === null || value === "") return DEFAULT_ROUTING_MODE;
    return routingModeNamed(value);
}

function describeDomain(domain: DomainModel): string {
    return `${label(domain.resource)}${domain.domainName ? ` (${domain.domainName})` : ""}`;
}

/** What AWS refuses in one rule's own settings, as messages (unknown values are skipped). */
function ruleProblems(rule: StackResource): string[] {
    const p = rule.props;
    const out: string[] = [];
    const priority = p["priority"];
    if (!isUnknown(priority) && priority !== undefined) {
        const n = num(priority);
        if (n === undefined || !Number.isInteger(n) || n < ROUTING_RULE_PRIORITY.min || n > ROUTING_RULE_PRIORITY.max) {
            out.push(`priority ${JSON.stringify(priority)} is outside 1-1,000,000`);
        }
    }
    const conditions = arr(p["conditions"]);
    if (conditions === undefined) return out;
    let headers = 0;
    let basePaths = 0;
    for (const c of conditions) {
        const condition = obj(c);
        if (!condition) continue;
        const header = obj(condition["matchHeaders"]);
        if (header) {
            headers++;
            const anyOf = obj(header["anyOf"]);
            const name = anyOf?.["header"];
            const glob = anyOf?.["valueGlob"];
            const nameProblem = isUnknown(name) ? undefined : routingHeaderNameProblem(name);
            if (nameProblem) out.push(`header ${JSON.stringify(name)} ${nameProblem.rule}`);
            const globProblem = isUnknown(glob) ? undefined : routingHeaderGlobProblem(glob);
            if (globProblem) out.push(`header value glob ${JSON.stringify(glob)} ${globProblem.rule}`);
        }
        const paths = obj(condition["matchBasePaths"]);
        if (paths) {
            basePaths++;
            for (const path of arr(paths["anyOfs"]) ?? []) {
                const found = isUnknown(path) ? undefined : routingBasePathProblem(path);
                if (found) out.push(`base path ${JSON.stringify(path)} ${found.rule}`);
            }
        }
    }
    if (!conditions.some(isUnknown)) {
        const found = routingConditionsProblem(headers, basePaths);
        if (found) out.push(`it ${found.rule}`);
    }
    return out;
}

/** Checks every routing rule of the stack, and every mapping on a domain that takes only rules. */
export function checkRoutingRules(resources: readonly StackResource[], context: RuleContext): Finding[] {
    const index = new StackIndex(resources);
    const model = new ApiGatewayModel(index, context.defaultRegion);
    const byName = new Map<string, DomainModel>();
    for (const d of model.domains) if (d.domainName) byName.set(`${d.region ?? "?"}|${d.domainName}`, d);
    const findings: Finding[] = [];
    const mappingsByDomain = model.mappingsByDomain();
    /** Priorities seen per domain (by domain URN, or region and name for domains of other stacks). */
    const priorities = new Map<string, Map<number, StackResource>>();

    for (const rule of index.ofType(ROUTING_RULE_TYPE)) {
        const region = resolveRegion(rule, context.defaultRegion);
        const name = normalizeHost(rule.props["domainName"]);
        const domain = sourcesOfType(rule, "domainName", DOMAIN_TYPES).map((d) => model.domainForResource(d)).find((d) => d !== undefined)
            ?? (name ? byName.get(`${region ?? "?"}|${name}`) : undefined);
        const priority = num(rule.props["priority"]);
        const subject = `${label(rule)}${priority !== undefined ? ` (priority ${priority})` : ""}`;

        for (const problem of ruleProblems(rule)) {
            findings.push({ urn: rule.urn, message: `${subject}: ${problem}; API Gateway refuses the rule.` });
        }
        if (domain) {
            const mode = routingModeOf(domain);
            if (mode !== undefined && !modeUsesRules(mode)) {
                findings.push({
                    urn: rule.urn,
                    message: `${subject} is on ${describeDomain(domain)}, whose routing mode ${mode} ignores routing rules; API Gateway refuses to create it. ` +
                        "Set the domain's routingMode to ROUTING_RULE_THEN_API_MAPPING (ROUTING_RULE_THEN_BASE_PATH_MAPPING on apigateway.DomainName) or ROUTING_RULE_ONLY.",
                });
            }
            for (const api of sourcesOfType(rule, "actions", [T.restApi, T.apiV2])) {
                if (api.type === T.apiV2) {
                    findings.push({ urn: rule.urn, message: `${subject} invokes ${label(api)}; routing rules invoke REST APIs only. Map HTTP and WebSocket APIs with API mappings.` });
                    continue;
                }
                const types = at(api.props, "endpointConfiguration", "types");
                const apiEndpoint = isUnknown(types) ? undefined : (stringList(types)?.[0] ?? DEFAULT_REST_ENDPOINT_TYPE).toUpperCase();
                const target = apiEndpoint && domain.endpointType ? routingRuleTargetProblem(domain.endpointType, apiEndpoint) : undefined;
                if (target) findings.push({ urn: rule.urn, message: `${subject} ${target.rule} (${label(api)} is ${apiEndpoint}); ${target.fix}.` });
            }
            const others = (mappingsByDomain.get(domain.resource.urn) ?? []).filter((m) => m.api && apiKind(m.api) !== undefined && apiKind(m.api) !== "REST");
            if (others.length > 0) {
                findings.push({
                    urn: rule.urn,
                    message: `${subject} is on ${describeDomain(domain)}, which also maps ${others.map((m) => label(m.api!)).join(", ")}; ` +
                        "routing rules serve REST APIs only and a domain that maps HTTP or WebSocket APIs takes none.",
                });
            }
        }
        const key = domain?.resource.urn ?? (name ? `${region ?? "?"}|${name}` : undefined);
        if (key !== undefined && priority !== undefined) {
            let seen = priorities.get(key);
            if (!seen) {
                seen = new Map();
                priorities.set(key, seen);
            }
            const earlier = seen.get(priority);
            if (earlier) {
                findings.push({
                    urn: rule.urn,
                    message: `${subject} has the same priority as ${label(earlier)} on ${domain ? describeDomain(domain) : `domain ${name}`}; ` +
                        "the rules of a domain cannot share a priority. Give each rule its own.",
                });
            } else {
                seen.set(priority, rule);
            }
        }
    }

    for (const domain of model.domains) {
        const mode = routingModeOf(domain);
        if (mode === undefined || modeUsesMappings(mode)) continue;
        for (const mapping of mappingsByDomain.get(domain.resource.urn) ?? []) {
            findings.push({
                urn: mapping.resource.urn,
                message: `${label(mapping.resource)} maps onto ${describeDomain(domain)}, whose routing mode ${mode} takes no mappings; API Gateway refuses it. ` +
                    "Use ROUTING_RULE_THEN_API_MAPPING to keep mappings as the fall-back, or replace the mapping with a routing rule.",
            });
        }
    }
    return findings;
}

export const routingRules = stackRule(
    {
        name: "routing-rules",
        description: "Routing rules the domain's routing mode ignores, rules sharing a priority or breaking AWS's limits, and mappings on a rules-only domain.",
        remediationSteps:
            "Set the domain's routingMode to ROUTING_RULE_THEN_API_MAPPING (or ROUTING_RULE_ONLY) before adding routing rules, give each rule of a " +
            "domain its own priority from 1 to 1,000,000, keep to two header conditions and one base path condition, and do not map onto a " +
            "ROUTING_RULE_ONLY domain.",
        enforcementLevel: "mandatory",
    },
    () => undefined,
    (resources, context) => checkRoutingRules(resources, context),
);
