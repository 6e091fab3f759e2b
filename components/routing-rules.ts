/**
 * Routing rules of a REST custom domain, as plain data: what EdgeDomain and RegionalDomain take,
 * validated against the rulebook (aws/routing.ts) before anything is registered, and the
 * `apigatewayv2.RoutingRule` resources they become.
 */
import * as pulumi from "@pulumi/pulumi";
import { DeployTimePaths, checkWhenKnown, under } from "./deploy-time";
import { warnIfStageNotAwaited } from "./stage-order";
import * as aws from "@pulumi/aws";
import {
    DEFAULT_ROUTING_MODE, ROUTING_MODES, ROUTING_RULE_PRIORITY, ROUTING_RULES_PER_DOMAIN_QUOTA, MAX_STAGE_NAME_LENGTH, RoutingModeName,
    modeUsesMappings, modeUsesRules, routingBasePathProblem, routingConditionsProblem, routingHeaderGlobProblem,
    routingHeaderNameProblem, routingModeNamed, routingRulesDomainProblem,
} from "../aws/routing";
import { DomainConfigError } from "./errors";
import { ArgumentNames, rejectUnknownArguments } from "./options";
import { plainString } from "./regions";
import { Transform, applyTransform } from "./transform";
import { ApiType, RoutingMode } from "./types";

/** A header a routing rule matches: the name (case-insensitive) and a glob on the whole value (case-sensitive). */
export interface RoutingHeaderCondition {
    /**
     * Header name, at most 40 characters of letters, digits and *?-!#$%&'.^_`|~.
     * @example "x-version"
     */
    header: string;
    /**
     * Glob on the header's whole value: exact, or with `*` as prefix, suffix or infix match only.
     * @example "v2*"
     */
    valueGlob: string;
}

/** One routing rule: its conditions (all must match), the REST API stage it invokes, and its priority. */
export interface RoutingRule {
    /**
     * Evaluation order, lowest first: 1 to 1,000,000, unique per domain. Leave gaps (10, 20, ...) to insert rules later.
     * @example 100
     */
    priority: number;
    /**
     * Up to two header conditions; a request must match both.
     * @example [{ header: "x-version", valueGlob: "v2" }]
     */
    headers?: RoutingHeaderCondition[];
    /**
     * Base paths (case-sensitive), one condition: a request matches if its base path is any of them.
     * Omit to match every path. At least one header or base path condition is needed.
     * @example ["orders"]
     */
    basePaths?: string[];
    /**
     * The REST API to invoke (public domains: a regional or edge-optimized API).
     * @example restApi.id
     */
    apiId: pulumi.Input<string>;
    /**
     * The stage to invoke. Pass the stage resource's name output (`stage.stageName`) so the rule
     * waits for the stage; a plain name of a stage of an API the program creates gets a warning.
     * @example v2Stage.stageName
     */
    stage: pulumi.Input<string>;
    /**
     * Remove the matched base path before the API sees the request (`/orders/42` reaches the API as `/42`).
     * @default false
     */
    stripBasePath?: boolean;
}

/** The routing arguments that take deploy-time values: each rule's API and stage (deploy-time.ts). */
export const ROUTING_DEPLOY_TIME: DeployTimePaths = under("routingRules[]", ["apiId", "stage"]);

/** The routing arguments of the domain components that serve REST APIs. */
export interface RoutingArgs {
    /**
     * How the domain sends requests to APIs. Routing rules need "ROUTING_RULE_ONLY" or
     * "ROUTING_RULE_THEN_API_MAPPING" (rules first, mappings as the fall-back).
     * @default "API_MAPPING_ONLY" (mappings only, as before routing rules existed; left unset on the domain)
     */
    routingMode?: RoutingMode;
    /**
     * Routing rules: requests that match a rule's headers and base path go to its API stage,
     * by priority. REST APIs only.
     * Must be known while the program runs (not a secret or an output): the list decides the routing rule resources; each rule's `apiId` and `stage` may be outputs.
     * @example [{ priority: 10, headers: [{ header: "x-version", valueGlob: "v2" }], apiId: v2.id, stage: v2Stage.stageName }]
     */
    routingRules?: RoutingRule[];
}

/** The routing a domain gets: the mode to set (undefined leaves the domain's default) and the rules. */
export interface RoutingPlan {
    mode: RoutingModeName | undefined;
    effectiveMode: RoutingModeName;
    rules: RoutingRule[];
    /** More rules than the default quota allows (it can be raised, so this only warns). */
    overQuota: boolean;
}

/**
 * Checks a domain's routing mode and rules against what AWS enforces (aws/routing.ts), given the
 * kinds of API the domain serves and whether it has mappings. Throws a DomainConfigError.
 */
const ROUTING_RULE_ARGUMENTS: ArgumentNames<RoutingRule> = {
    priority: true, headers: true, basePaths: true, apiId: true, stage: true, stripBasePath: true,
};
const ROUTING_HEADER_ARGUMENTS: ArgumentNames<RoutingHeaderCondition> = { header: true, valueGlob: true };

export function validateRouting(label: string, args: RoutingArgs, domain: { apiKinds: readonly ApiType[]; hasMappings: boolean }): RoutingPlan {
    const fail = (argument: string, value: unknown, rule: string, fix: string): never => {
        throw new DomainConfigError(label, argument, value, rule, fix);
    };
    let mode: RoutingModeName | undefined;
    if (args.routingMode !== undefined) {
        mode = routingModeNamed(args.routingMode);
        if (mode === undefined) fail("routingMode", args.routingMode, "is not a routing mode", `use one of ${ROUTING_MODES.map((m) => `"${m}"`).join(", ")}`);
    }
    const effectiveMode = mode ?? DEFAULT_ROUTING_MODE;
    const rules = args.routingRules ?? [];
    if (!Array.isArray(rules)) fail("routingRules", rules, "is not a list", "pass a list of { priority, headers, basePaths, apiId, stage }");
    if (rules.length > 0 && !modeUsesRules(effectiveMode)) {
        fail("routingRules", `(${rules.length} rules)`,
            `are ignored by routingMode "${effectiveMode}"${mode === undefined ? " (the default)" : ""}: API Gateway creates no routing rule on such a domain`,
            "set routingMode \"ROUTING_RULE_THEN_API_MAPPING\" (rules first, mappings as fall-back) or \"ROUTING_RULE_ONLY\"");
    }
    const nonRest = routingRulesDomainProblem(domain.apiKinds);
    if (nonRest && rules.length > 0) fail("routingRules", `(${rules.length} rules)`, nonRest.rule, nonRest.fix);
    if (nonRest && effectiveMode === "ROUTING_RULE_ONLY") {
        fail("routingMode", effectiveMode, "leaves nothing to serve the domain's HTTP or WebSocket APIs: the mode takes no mappings, and routing rules serve REST APIs only",
            "keep the default routingMode for HTTP and WebSocket domains");
    }
    if (!modeUsesMappings(effectiveMode) && domain.hasMappings) {
        fail("mappings", "(set)", `cannot be created on a domain with routingMode "${effectiveMode}", which serves requests by routing rules only`,
            "set routingMode \"ROUTING_RULE_THEN_API_MAPPING\" to keep mappings as the fall-back, or express each mapping as a rule with a base path condition");
    }
    const priorities = new Map<number, number>();
    rules.forEach((rule, i) => {
        const at = `routingRules[${i}]`;
        if (rule === null || typeof rule !== "object") fail(at, rule, "is not a routing rule", "pass { priority, headers, basePaths, apiId, stage }");
        rejectUnknownArguments(label, rule, ROUTING_RULE_ARGUMENTS, `${at}.`);
        const p = rule.priority;
        if (typeof p !== "number" || !Number.isInteger(p) || p < ROUTING_RULE_PRIORITY.min || p > ROUTING_RULE_PRIORITY.max) {
            fail(`${at}.priority`, p, `is not an integer from ${ROUTING_RULE_PRIORITY.min} to ${ROUTING_RULE_PRIORITY.max.toLocaleString("en-US")}`,
                "give each rule a whole number in that range, lowest first, with gaps to insert rules later");
        }
        const earlier = priorities.get(p);
        if (earlier !== undefined) {
            fail(`${at}.priority`, p, `is already the priority of routingRules[${earlier}]; rules of a domain cannot share a priority`, "give each rule its own priority");
        }
        priorities.set(p, i);
        const headers = rule.headers ?? [];
        if (!Array.isArray(headers)) fail(`${at}.headers`, headers, "is not a list", "pass a list of { header, valueGlob }");
        headers.forEach((h, j) => {
            rejectUnknownArguments(label, h, ROUTING_HEADER_ARGUMENTS, `${at}.headers[${j}].`);
            const name = routingHeaderNameProblem(h?.header);
            if (name) fail(`${at}.headers[${j}].header`, h?.header, name.rule, name.fix);
            const glob = routingHeaderGlobProblem(h?.valueGlob);
            if (glob) fail(`${at}.headers[${j}].valueGlob`, h?.valueGlob, glob.rule, glob.fix);
        });
        const basePaths = rule.basePaths;
        if (basePaths !== undefined) {
            if (!Array.isArray(basePaths) || basePaths.length === 0) {
                fail(`${at}.basePaths`, basePaths, "lists no base path", "list one or more paths such as [\"orders\"], or omit basePaths to match every path");
            }
            basePaths.forEach((path, j) => {
                const found = routingBasePathProblem(path);
                if (found) fail(`${at}.basePaths[${j}]`, path, found.rule, found.fix);
            });
        }
        const conditions = routingConditionsProblem(headers.length, basePaths === undefined ? 0 : 1);
        if (conditions) fail(at, `(priority ${p})`, conditions.rule, conditions.fix);
        if (rule.apiId === undefined || rule.apiId === "") fail(`${at}.apiId`, rule.apiId, "is required", "pass the REST API's id, e.g. restApi.id");
        if (rule.stage === undefined) fail(`${at}.stage`, rule.stage, `is not a stage name of 1 to ${MAX_STAGE_NAME_LENGTH} characters`, "pass the stage to invoke, e.g. \"prod\"");
        const stage = plainString(rule.stage);
        if (stage !== undefined) checkRuleStage(label, `${at}.stage`, stage);
        if (rule.stripBasePath !== undefined && typeof rule.stripBasePath !== "boolean") {
            fail(`${at}.stripBasePath`, rule.stripBasePath, "is not a boolean", "pass true or false");
        }
    });
    return { mode, effectiveMode, rules, overQuota: rules.length > ROUTING_RULES_PER_DOMAIN_QUOTA };
}

/** A rule's stage name: checked before anything is registered when plain, when it resolves when an output. */
function checkRuleStage(label: string, argument: string, stage: string): void {
    if (stage.length === 0 || stage.length > MAX_STAGE_NAME_LENGTH) {
        throw new DomainConfigError(label, argument, stage, `is not a stage name of 1 to ${MAX_STAGE_NAME_LENGTH} characters`, "pass the stage to invoke, e.g. \"prod\"");
    }
}

/**
 * The check `addMapping` runs against the domain's routing: no mapping under a rules-only mode,
 * and no HTTP or WebSocket mapping next to routing rules.
 */
export function checkMappingAllowed(label: string, plan: RoutingPlan, argument: string, apiType: ApiType): void {
    if (!modeUsesMappings(plan.effectiveMode)) {
        throw new DomainConfigError(label, argument, "(a mapping)", `cannot be created on a domain with routingMode "${plan.effectiveMode}", which serves requests by routing rules only`,
            "set routingMode \"ROUTING_RULE_THEN_API_MAPPING\" to keep mappings as the fall-back, or add a routing rule instead");
    }
    const nonRest = plan.rules.length > 0 ? routingRulesDomainProblem([apiType]) : undefined;
    if (nonRest) {
        throw new DomainConfigError(label, `${argument}.apiType`, apiType,
            "cannot be mapped on a domain with routing rules: rules serve REST APIs only, and a domain that maps other kinds of API takes none",
            "serve the HTTP or WebSocket API from another domain");
    }
}

/** Child name of a rule: by its priority, unique per domain, so reordering the list replaces nothing. */
export function routingRuleChildName(component: string, priority: number): string {
    return `${component}-rule-${priority}`;
}

/**
 * Creates the domain's routing rules (`apigatewayv2.RoutingRule`, which serves v1 and v2 domain
 * names alike), and warns past the default quota of rules per domain.
 */
export function createRoutingRules(
    parent: pulumi.Resource,
    component: string,
    label: string,
    plan: RoutingPlan,
    domainName: pulumi.Input<string>,
    region: pulumi.Input<string> | undefined,
    transform: Transform<aws.apigatewayv2.RoutingRuleArgs> | undefined,
): aws.apigatewayv2.RoutingRule[] {
    if (plan.overQuota) {
        pulumi.log.warn(`${label}: ${plan.rules.length} routing rules; the default quota is ${ROUTING_RULES_PER_DOMAIN_QUOTA} per domain. `
            + "Ask AWS to raise \"Routing rules per domain\" (Service Quotas) before deploying.", parent);
    }
    return plan.rules.map((rule, i) => {
        warnIfStageNotAwaited(parent, label, `routingRules[${i}]`, rule.apiId, rule.stage);
        const name = routingRuleChildName(component, rule.priority);
        const conditions: aws.types.input.apigatewayv2.RoutingRuleCondition[] = [
            ...(rule.headers ?? []).map((h) => ({ matchHeaders: { anyOf: { header: h.header, valueGlob: h.valueGlob } } })),
            ...(rule.basePaths ? [{ matchBasePaths: { anyOfs: rule.basePaths } }] : []),
        ];
        const [a, o] = applyTransform(transform, name, {
            domainName,
            priority: rule.priority,
            conditions,
            actions: [{ invokeApi: { apiId: rule.apiId, stage: checkWhenKnown(rule.stage, (s) => checkRuleStage(label, `routingRules[${i}].stage`, s)), stripBasePath: rule.stripBasePath } }],
            region,
        } as aws.apigatewayv2.RoutingRuleArgs, { parent });
        return new aws.apigatewayv2.RoutingRule(name, a, o);
    });
}
