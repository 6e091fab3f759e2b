// private-domain-policy: a private custom domain admits only the intended VPC endpoints.
//
// A PRIVATE apigateway.DomainName denies everything until its resource policy allows
// `execute-api:Invoke`; the usual mistake is then to allow `*` outright, which opens the domain to
// every VPC endpoint that gets a domain name access association, in any account it is shared with.
// The policy must tie its allow to specific endpoints with `aws:SourceVpce`, either in the Allow's
// condition or with a Deny for every other endpoint (the pattern in AWS's documentation).

import { domainModel } from "../lib/apigateway";
import { Finding, RuleContext, resourceRule } from "../lib/policy";
import { ResourceView, T, label } from "../lib/resources";
import { PropertyMap, isUnknown, obj, str } from "../lib/values";

type Statement = PropertyMap;

function asList(value: unknown): unknown[] {
    return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function strings(value: unknown): string[] {
    return asList(value).filter((v): v is string => typeof v === "string");
}

/** Whether a statement's principal is everyone (`"*"` or `{"AWS": "*"}`). */
function isWildcardPrincipal(statement: Statement): boolean {
    const principal = statement["Principal"];
    if (principal === "*") {
        return true;
    }
    const map = obj(principal);
    return map !== undefined && Object.values(map).some((v) => strings(v).includes("*"));
}

/** Whether a statement's actions include invoking the API. */
function coversInvoke(statement: Statement): boolean {
    if (statement["NotAction"] !== undefined) {
        return !strings(statement["NotAction"]).some((a) => /^(\*|execute-api:(\*|invoke))$/i.test(a));
    }
    return strings(statement["Action"]).some((a) => /^(\*|execute-api:(\*|invoke))$/i.test(a));
}

/**
 * The VPC endpoint ids a condition pins with the given operator family (`StringEquals`-like for an
 * Allow, `StringNotEquals`-like for a Deny); undefined when it does not pin specific endpoints.
 */
function pinnedEndpoints(statement: Statement, negated: boolean): string[] | undefined {
    const condition = obj(statement["Condition"]);
    if (!condition) {
        return undefined;
    }
    for (const [operator, clauses] of Object.entries(condition)) {
        const op = operator.replace(/^For(Any|All)Value:/i, "").replace(/IfExists$/i, "").toLowerCase();
        const matches = negated ? op === "stringnotequals" || op === "stringnotequalsignorecase" || op === "stringnotlike" : op === "stringequals" || op === "stringequalsignorecase" || op === "stringlike";
        const map = obj(clauses);
        if (!matches || !map) {
            continue;
        }
        for (const [key, value] of Object.entries(map)) {
            if (key.toLowerCase() !== "aws:sourcevpce") {
                continue;
            }
            const ids = strings(value);
            if (ids.length > 0 && ids.every((id) => !id.includes("*") && !id.includes("?"))) {
                return ids;
            }
        }
    }
    return undefined;
}

/** Why a private domain's policy is too open or unusable; empty when it is scoped to specific endpoints. */
export function privatePolicyProblems(policyValue: unknown): string[] {
    if (isUnknown(policyValue)) {
        return [];
    }
    if (policyValue === undefined || policyValue === null || policyValue === "") {
        return ["has no policy; a private domain denies every request until its policy allows execute-api:Invoke from specific VPC endpoints"];
    }
    let document = obj(policyValue);
    const text = str(policyValue);
    if (!document && text !== undefined) {
        try {
            document = obj(JSON.parse(text));
        } catch {
            return ["has a policy that is not valid JSON"];
        }
    }
    if (!document) {
        return [];
    }
    const statements = asList(document["Statement"]).map(obj).filter((s): s is Statement => s !== undefined);
    const invoke = statements.filter(coversInvoke);
    const allows = invoke.filter((s) => str(s["Effect"]) === "Allow");
    if (allows.length === 0) {
        return ["has a policy that allows no execute-api:Invoke, so nobody can call it"];
    }
    const guarded = invoke.some((s) => str(s["Effect"]) === "Deny" && isWildcardPrincipal(s) && pinnedEndpoints(s, true) !== undefined);
    const open = allows.filter((s) => isWildcardPrincipal(s) && pinnedEndpoints(s, false) === undefined);
    if (open.length > 0 && !guarded) {
        const sid = open.map((s) => str(s["Sid"])).filter((s) => s !== undefined);
        return [
            `has a policy that allows execute-api:Invoke to principal "*"${sid.length ? ` (statement ${sid.join(", ")})` : ""} without an aws:SourceVpce condition, ` +
                `so any VPC endpoint associated with the domain can call it`,
        ];
    }
    return [];
}

/** Checks one PRIVATE apigateway.DomainName. */
export function checkPrivateDomainPolicy(resource: ResourceView, context: RuleContext): Finding[] {
    const domain = domainModel(resource, context.defaultRegion);
    if (!domain || domain.endpointType !== "PRIVATE") {
        return [];
    }
    return privatePolicyProblems(resource.props["policy"]).map((problem) => ({
        message:
            `${label(resource)} (${domain.domainName ?? "private domain"}) ${problem}. Allow execute-api:Invoke only with ` +
            `"Condition": {"StringEquals": {"aws:SourceVpce": ["vpce-..."]}}, or add a Deny with StringNotEquals on aws:SourceVpce.`,
    }));
}

export const privateDomainPolicy = resourceRule(
    {
        name: "private-domain-policy",
        description: "A PRIVATE API Gateway domain name's policy must allow invocation only through specific VPC endpoints.",
        remediationSteps:
            "Give the domain a policy whose Allow for execute-api:Invoke carries a condition {\"StringEquals\": {\"aws:SourceVpce\": " +
            "[\"vpce-...\"]}}, or pair an Allow with a Deny for {\"StringNotEquals\": {\"aws:SourceVpce\": [...]}}. Consumers then " +
            "attach with an apigateway.DomainNameAccessAssociation.",
        enforcementLevel: "mandatory",
    },
    new Set([T.domainV1]),
    () => undefined,
    checkPrivateDomainPolicy,
);
