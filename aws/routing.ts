/**
 * API Gateway routing rules and routing modes of custom domain names (2025): a REST domain can
 * send each request to an API stage by header values and base path, by priority, instead of or
 * before its API mappings.
 *
 * Sources (API Gateway Developer Guide unless said otherwise):
 * - "Routing rules to connect API stages to a custom domain name for REST APIs" (conditions,
 *   actions, priorities, header globs);
 * - "Send traffic to your APIs through your custom domain name" (considerations: which APIs and
 *   domains rules serve);
 * - "Set the routing mode for your custom domain name" (the three modes and their v1 names);
 * - "Quotas for configuring and running a REST API" (routing rules per domain);
 * - API Gateway V2 API Reference, RoutingRuleMatchHeaderValue / RoutingRuleMatchBasePaths /
 *   RoutingRuleActionInvokeApi (header and glob syntax and lengths, stage length, base paths as
 *   `SelectionKey`s, the type of `apiMappingKey`);
 * - the provider (`aws.apigatewayv2.RoutingRule`, Terraform's aws_apigatewayv2_routing_rule
 *   schema): what it can express of the API.
 */
import { mappingKeyProblem } from "./apigateway";
import { Problem, problem } from "./problem";

/**
 * Routing modes, by their apigatewayv2 names. "Set the routing mode": API_MAPPING_ONLY ("This is
 * the default routing mode for all your existing domain names, and any new domain names you
 * create"; routing rules cannot be created), ROUTING_RULE_ONLY (API mappings cannot be created),
 * ROUTING_RULE_THEN_API_MAPPING (rules first, then mappings).
 */
export const ROUTING_MODES = ["API_MAPPING_ONLY", "ROUTING_RULE_ONLY", "ROUTING_RULE_THEN_API_MAPPING"] as const;
export type RoutingModeName = (typeof ROUTING_MODES)[number];

/** The mode a domain has when none is set. */
export const DEFAULT_ROUTING_MODE: RoutingModeName = "API_MAPPING_ONLY";

/**
 * "When you create a custom domain name using apigateway, API_MAPPING_ONLY is called
 * BASE_PATH_MAPPING_ONLY and ROUTING_RULE_THEN_API_MAPPING is called
 * ROUTING_RULE_THEN_BASE_PATH_MAPPING" (the provider's apigateway.DomainName.routingMode lists the
 * same three v1 values).
 */
const V1_NAMES: Readonly<Record<RoutingModeName, string>> = {
    API_MAPPING_ONLY: "BASE_PATH_MAPPING_ONLY",
    ROUTING_RULE_ONLY: "ROUTING_RULE_ONLY",
    ROUTING_RULE_THEN_API_MAPPING: "ROUTING_RULE_THEN_BASE_PATH_MAPPING",
};

/** The v1 (`apigateway.DomainName`) spelling of a mode. */
export function v1RoutingMode(mode: RoutingModeName): string {
    return V1_NAMES[mode];
}

/** A mode by either API's spelling, as its apigatewayv2 name; undefined for anything else. */
export function routingModeNamed(value: unknown): RoutingModeName | undefined {
    if (typeof value !== "string") return undefined;
    if ((ROUTING_MODES as readonly string[]).includes(value)) return value as RoutingModeName;
    return ROUTING_MODES.find((m) => V1_NAMES[m] === value);
}

/** True when the mode evaluates routing rules. */
export function modeUsesRules(mode: RoutingModeName): boolean {
    return mode !== "API_MAPPING_ONLY";
}

/** True when the mode lets API mappings (base path mappings) serve requests and be created. */
export function modeUsesMappings(mode: RoutingModeName): boolean {
    return mode !== "ROUTING_RULE_ONLY";
}

/** "You can set the priority from 1-1,000,000" and "Rules can't have the same priority." */
export const ROUTING_RULE_PRIORITY = { min: 1, max: 1_000_000 } as const;

/**
 * "Routing rules per domain: 50", a default quota that can be increased (Quotas for configuring
 * and running a REST API): a warning, not a refusal.
 */
export const ROUTING_RULES_PER_DOMAIN_QUOTA = 50;

/** "API Gateway supports up to two header conditions and one path condition" (per rule, ANDed). */
export const MAX_HEADER_CONDITIONS = 2;
export const MAX_BASE_PATH_CONDITIONS = 1;

/**
 * Why a rule's conditions are not a set AWS and the provider take, or undefined. A rule without
 * conditions is AWS's catch-all ("You can create a rule without any conditions"), but the
 * provider cannot send one: its schema requires at least one condition
 * (aws_apigatewayv2_routing_rule: `condition` IsRequired, SizeAtLeast(1)).
 */
export function routingConditionsProblem(headerConditions: number, basePathConditions: number): Problem | undefined {
    if (headerConditions > MAX_HEADER_CONDITIONS) {
        return problem(`has ${headerConditions} header conditions; a rule takes at most ${MAX_HEADER_CONDITIONS}`, "keep the two that decide, or split the rule");
    }
    if (basePathConditions > MAX_BASE_PATH_CONDITIONS) {
        return problem(`has ${basePathConditions} base path conditions; a rule takes at most ${MAX_BASE_PATH_CONDITIONS} (list several paths in its anyOf)`,
            "merge them into one condition");
    }
    if (headerConditions === 0 && basePathConditions === 0) {
        return problem("has no condition; AWS takes a catch-all rule, but the Pulumi AWS provider requires at least one condition",
            "add a header or base path condition, or serve the rest through mappings with routingMode \"ROUTING_RULE_THEN_API_MAPPING\"");
    }
    return undefined;
}

/**
 * Header names and globs: the API reference allows a-z, A-Z, 0-9 and `*?-!#$%&'.^_`|~`; the name
 * "must be less than 40 characters", the glob "less than 128". The provider validates at most
 * 40 and 128 (LengthAtMost); where the two differ we accept what the provider passes, since a
 * false refusal would block a user AWS may well serve.
 */
const HEADER_CHARACTERS = /^[A-Za-z0-9*?\-!#$%&'.^_`|~]+$/;
export const MAX_HEADER_NAME_LENGTH = 40;
export const MAX_HEADER_GLOB_LENGTH = 128;

/** "The string with a length between [1-128]" (RoutingRuleActionInvokeApi.Stage). */
export const MAX_STAGE_NAME_LENGTH = 128;

/** Why a header name cannot be matched by a routing rule, or undefined. */
export function routingHeaderNameProblem(name: unknown): Problem | undefined {
    if (typeof name !== "string" || name === "") return problem("is not a header name", "pass a header name such as \"x-version\"");
    if (name.length > MAX_HEADER_NAME_LENGTH) {
        return problem(`is ${name.length} characters long; routing rules match header names of at most ${MAX_HEADER_NAME_LENGTH}`, "use a shorter header");
    }
    if (!HEADER_CHARACTERS.test(name)) {
        return problem("has characters a routing rule header name cannot have", "use only letters, digits and *?-!#$%&'.^_`|~");
    }
    return undefined;
}

/**
 * Why a header value glob is not one routing rules take, or undefined. Wildcards: "must be for
 * *prefix-match, suffix-match*, or *infix*-match", so `*` only as the first and/or last character.
 */
export function routingHeaderGlobProblem(glob: unknown): Problem | undefined {
    if (typeof glob !== "string" || glob === "") return problem("is not a header value glob", "pass a value such as \"v2\" or \"beta-*\"");
    if (glob.length > MAX_HEADER_GLOB_LENGTH) {
        return problem(`is ${glob.length} characters long; header globs have at most ${MAX_HEADER_GLOB_LENGTH}`, "use a shorter glob");
    }
    if (!HEADER_CHARACTERS.test(glob)) {
        return problem("has characters a header value glob cannot have (no spaces, slashes, colons, commas, = or +)",
            "use only letters, digits and *?-!#$%&'.^_`|~");
    }
    if (glob.slice(1, -1).includes("*")) {
        return problem("has \"*\" inside the value; a glob matches a prefix (\"v2*\"), a suffix (\"*-beta\") or an infix (\"*beta*\") only",
            "put \"*\" only at the start and/or the end");
    }
    return undefined;
}

/**
 * Why a base path cannot be a routing rule's base path condition, or undefined. The condition's
 * paths are `SelectionKey`s, the type of an API mapping key, so they follow the mapping key rules
 * (aws/apigateway.ts); the empty key (the root) is not a condition: omit the base path instead.
 */
export function routingBasePathProblem(path: unknown): Problem | undefined {
    if (path === "") return problem("is empty", "omit basePaths to match every path, or name the path such as \"orders\"");
    return mappingKeyProblem(path);
}

/**
 * Why a domain cannot have routing rules because of the APIs it maps, or undefined.
 * "WebSocket or HTTP APIs aren't supported as target APIs for routing rules" and "If the custom
 * domain name has API mappings to both REST and HTTP APIs, routing rules aren't supported."
 */
export function routingRulesDomainProblem(apiKinds: readonly string[]): Problem | undefined {
    const other = apiKinds.find((k) => k !== "rest");
    if (other === undefined) return undefined;
    return problem(`cannot go on a domain that serves ${other === "http" ? "an HTTP" : "a WebSocket"} API: routing rules serve REST APIs only, and a domain that maps other kinds takes no rules`,
        "serve the HTTP or WebSocket API from another domain, or drop the routing rules");
}

/**
 * Which domains a rule serves: "You can create routing rules for a private custom domain to a
 * private REST API. You can create routing rules for a public custom domain to a Regional or
 * edge-optimized API. You can't create routing rules for a public custom domain to a private API."
 */
export function routingRuleTargetProblem(domainEndpoint: string, apiEndpoint: string): Problem | undefined {
    const privateDomain = domainEndpoint === "PRIVATE";
    const privateApi = apiEndpoint === "PRIVATE";
    if (privateDomain === privateApi) return undefined;
    return privateDomain
        ? problem("routes a private domain to a public API; private domains route to private REST APIs only", "target a private REST API")
        : problem("routes a public domain to a private API; public domains route to regional or edge-optimized APIs only", "target a regional or edge-optimized REST API");
}
