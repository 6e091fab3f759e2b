// private-domain-policy: a private custom domain admits only the intended VPC endpoints.
//
// A PRIVATE apigateway.DomainName denies everything until its resource policy allows
// `execute-api:Invoke`; the usual mistake is then to allow `*` outright, which opens the domain to
// every VPC endpoint that gets a domain name access association, in any account it is shared with.
// The policy must tie its allow to specific sources (`aws:SourceVpce`, `aws:SourceVpc`, an
// organization or account key; the list is in aws/iam.ts), either in the Allow's condition or with
// a Deny for every other source (the pattern in AWS's documentation). Mandatory: a policy that
// allows nobody certainly fails every call, and an unconditioned `*` certainly exposes the API to
// every associated endpoint.

import { domainModel } from "../lib/apigateway";
import { Finding, RuleContext, resourceRule } from "../lib/policy";
import { ResourceView, T } from "../lib/resources";
import { PropertyMap, isUnknown, obj, str } from "../lib/values";
import { violationMessage } from "../lib/message";
import { EXECUTE_API_INVOKE, MATCHING_OPERATORS, NEGATED_OPERATORS, SCOPING_CONDITION_KEYS, actionCovers, baseConditionOperator } from "../../aws/iam";

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
        return !strings(statement["NotAction"]).some((a) => actionCovers(a, EXECUTE_API_INVOKE));
    }
    return strings(statement["Action"]).some((a) => actionCovers(a, EXECUTE_API_INVOKE));
}

/**
 * Whether a statement's condition ties it to specific sources: a scoping key (aws:SourceVpce,
 * aws:SourceVpc, an organization or account key, ...) under a matching operator for an Allow, or
 * under a negated one for a Deny, with literal values (no wildcard).
 */
function scopedByCondition(statement: Statement, negated: boolean): boolean {
    const condition = obj(statement["Condition"]);
    if (!condition) {
        return false;
    }
    for (const [operator, clauses] of Object.entries(condition)) {
        const op = baseConditionOperator(operator);
        const map = obj(clauses);
        if (!map || !(negated ? NEGATED_OPERATORS : MATCHING_OPERATORS).has(op)) {
            continue;
        }
        for (const [key, value] of Object.entries(map)) {
            if (!SCOPING_CONDITION_KEYS.has(key.toLowerCase())) {
                continue;
            }
            const ids = strings(value);
            // A pattern such as "vpce-*" matches every endpoint; only organization paths are written with wildcards.
            const literal = (id: string) => !/[*?]/.test(id) || (key.toLowerCase().endsWith("orgpaths") && /^o-[^*?]+\/\*?$/.test(id.replace(/\/[^/*?]+/g, "/")));
            if (ids.length > 0 && ids.every(literal)) {
                return true;
            }
        }
    }
    return false;
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
    const guarded = invoke.some((s) => str(s["Effect"]) === "Deny" && isWildcardPrincipal(s) && scopedByCondition(s, true));
    const open = allows.filter((s) => isWildcardPrincipal(s) && !scopedByCondition(s, false));
    if (open.length > 0 && !guarded) {
        const sid = open.map((s) => str(s["Sid"])).filter((s) => s !== undefined);
        return [
            `has a policy that allows execute-api:Invoke to principal "*"${sid.length ? ` (statement ${sid.join(", ")})` : ""} with no condition on the source (aws:SourceVpce, aws:SourceVpc, ...), ` +
                `so every VPC endpoint associated with the domain, in any account it is shared with, can call it`,
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
    const value = resource.props["policy"];
    return privatePolicyProblems(value).map((problem) => ({
        message: violationMessage(
            resource,
            "policy",
            value,
            `the private domain ${domain.domainName ?? ""} ${problem}`.replace("  ", " "),
            `allow execute-api:Invoke only with a condition on the source, e.g. {"StringEquals": {"aws:SourceVpce": ["vpce-..."]}} or aws:SourceVpc, or add a Deny for principal "*" with StringNotEquals on aws:SourceVpce`,
        ),
    }));
}

export const privateDomainPolicy = resourceRule(
    {
        name: "private-domain-policy",
        description: "A PRIVATE API Gateway domain name's policy must allow execute-api:Invoke, and only to callers scoped by a condition (VPC endpoint, VPC, organization or account).",
        remediationSteps:
            "Give the domain a policy whose Allow for execute-api:Invoke carries a condition such as {\"StringEquals\": {\"aws:SourceVpce\": " +
            "[\"vpce-...\"]}} or {\"StringEquals\": {\"aws:SourceVpc\": \"vpc-...\"}}, or pair an Allow with a Deny for " +
            "{\"StringNotEquals\": {\"aws:SourceVpce\": [...]}}. Consumers then attach with an apigateway.DomainNameAccessAssociation.",
        enforcementLevel: "mandatory",
    },
    new Set([T.domainV1]),
    () => undefined,
    checkPrivateDomainPolicy,
);
