/**
 * IAM policy language facts the pack needs to read resource policies.
 */

/**
 * Condition keys that tie a request to specific network paths or accounts, so that an Allow for
 * principal `*` carrying one of them (or a Deny negating one) does not admit everyone. Sources:
 * IAM User Guide, "AWS global condition context keys" (aws:SourceVpce, aws:SourceVpc,
 * aws:VpcSourceIp, aws:VpceAccount, aws:VpceOrgID, aws:VpceOrgPaths, aws:PrincipalOrgID,
 * aws:PrincipalAccount, aws:PrincipalArn, aws:SourceIp); API Gateway Developer Guide, "API Gateway
 * resource policy examples" (private APIs allowed "based on source VPC or VPC endpoint" with
 * aws:SourceVpc and aws:SourceVpce) and "Custom domain names for private APIs" (the domain policy
 * denies every request that does not come through the listed VPC endpoints).
 */
export const SCOPING_CONDITION_KEYS: ReadonlySet<string> = new Set([
    "aws:sourcevpce",
    "aws:sourcevpc",
    "aws:vpcsourceip",
    "aws:vpceaccount",
    "aws:vpceorgid",
    "aws:vpceorgpaths",
    "aws:principalorgid",
    "aws:principalaccount",
    "aws:principalarn",
    "aws:sourceip",
]);

/**
 * Condition operators that match listed values (for an Allow) and their negations (for a Deny that
 * excludes everything else). Source: IAM User Guide, "IAM JSON policy elements: Condition
 * operators" (String, ARN and IP address operators; `...IfExists` and `ForAnyValue:`/`ForAllValues:`
 * qualifiers).
 */
export const MATCHING_OPERATORS: ReadonlySet<string> = new Set([
    "stringequals", "stringequalsignorecase", "stringlike", "arnequals", "arnlike", "ipaddress",
]);
export const NEGATED_OPERATORS: ReadonlySet<string> = new Set([
    "stringnotequals", "stringnotequalsignorecase", "stringnotlike", "arnnotequals", "arnnotlike", "notipaddress",
]);

/** The operator of a condition block without its set qualifier and `IfExists` suffix, lowercase. */
export function baseConditionOperator(operator: string): string {
    return operator.replace(/^For(Any|All)Values?:/i, "").replace(/IfExists$/i, "").toLowerCase();
}

/**
 * Whether an action pattern of a policy statement (`*`, `execute-api:*`, `execute-api:Inv*`) covers
 * an action. Source: IAM User Guide, "IAM JSON policy elements: Action" (service prefix and action
 * name, case-insensitive, with `*` and `?` wildcards).
 */
export function actionCovers(pattern: string, action: string): boolean {
    const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
    return regex.test(action);
}

/** The action that invokes an API Gateway API (API Gateway Developer Guide, "Control access to an API with IAM permissions"). */
export const EXECUTE_API_INVOKE = "execute-api:Invoke";

/**
 * IAM names: a role name has at most 64 characters, a customer managed policy name at most 128.
 * Source (checked): IAM API Reference, where every role name field (CreateRole RoleName, and the
 * PolicyRole data type's RoleName) has length 1-64 and every policy name field (CreatePolicy
 * PolicyName, and the PolicyDetail data type's PolicyName) has length 1-128.
 */
export const ROLE_NAME_MAX_LENGTH = 64;
export const POLICY_NAME_MAX_LENGTH = 128;
