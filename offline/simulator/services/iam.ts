/** IAM: roles and customer managed policies, policy documents (computed) and role lookups. */
import { POLICY_NAME_MAX_LENGTH, ROLE_NAME_MAX_LENGTH } from "../../../aws/iam";
import { partitionOf } from "../../../aws/regions";
import { Answer, autoName, Ctx, FIXED_TIME, num, numberFrom, obj, parseJson, pick, Props, ServiceModule, str, strs, UPPER_ALNUM } from "../common";

export const service: ServiceModule = {
    resources: {
        "aws:iam/role:Role": (c) => iamRole(c),
        "aws:iam/policy:Policy": (c) => {
            const name = autoName(c, "name", POLICY_NAME_MAX_LENGTH);
            const arn = `arn:${c.partition}:iam::${c.account}:policy${str(c.inputs["path"]) ?? "/"}${name}`;
            return { id: arn, state: { arn, name, path: str(c.inputs["path"]) ?? "/", policyId: `ANPA${pick(UPPER_ALNUM, 17, c.seed)}`, attachmentCount: 0 } };
        },
    },
    invokes: {
        // A policy document is computed, not looked up: the same JSON the provider would build.
        "aws:iam/getPolicyDocument:getPolicyDocument": (call) => policyDocument(call.inputs),
        // An existing role: its name and ARN are known; its policies and history are not.
        "aws:iam/getRole:getRole": (call) => {
            const name = str(call.inputs["name"]) ?? "";
            const partition = partitionOf(call.region).partition;
            return { id: name, name, arn: `arn:${partition}:iam::${call.account}:role/${name}`, path: "/", uniqueId: `AROA${pick(UPPER_ALNUM, 17, call.account, name)}` };
        },
    },
    autonamed: {
        "aws:iam/role:Role": { property: "name", max: ROLE_NAME_MAX_LENGTH },
        "aws:iam/policy:Policy": { property: "name", max: POLICY_NAME_MAX_LENGTH },
    },
};

function iamRole(c: Ctx): Answer {
    const name = autoName(c, "name", ROLE_NAME_MAX_LENGTH);
    const path = str(c.inputs["path"]) ?? "/";
    return {
        id: name,
        state: {
            name,
            path,
            arn: `arn:${c.partition}:iam::${c.account}:role${path}${name}`,
            uniqueId: `AROA${pick(UPPER_ALNUM, 17, c.seed)}`,
            createDate: FIXED_TIME,
            maxSessionDuration: num(c.inputs["maxSessionDuration"]) ?? 3600,
            managedPolicyArns: strs(c.inputs["managedPolicyArns"]),
            inlinePolicies: c.inputs["inlinePolicies"] ?? [],
        },
    };
}

type Statement = Record<string, unknown>;

/** One string when there is one, else the list: how IAM policy JSON (and the provider) writes a set. */
function oneOrMany(values: string[]): string | string[] {
    return values.length === 1 ? values[0] : values;
}

function list(value: unknown): Props[] {
    return Array.isArray(value) ? value.map(obj).filter((v): v is Props => v !== undefined) : [];
}

function principals(value: unknown): Props | string | undefined {
    const entries = list(value);
    if (entries.length === 0) return undefined;
    // `{ type: "*", identifiers: ["*"] }` is everyone, written as a bare "*".
    if (entries.length === 1 && str(entries[0]["type"]) === "*" && strs(entries[0]["identifiers"]).join() === "*") return "*";
    const byType = new Map<string, Set<string>>();
    for (const p of entries) {
        const type = str(p["type"]) ?? "";
        const ids = byType.get(type) ?? new Set<string>();
        for (const id of strs(p["identifiers"])) ids.add(id);
        byType.set(type, ids);
    }
    return Object.fromEntries([...byType].map(([type, ids]) => [type, oneOrMany([...ids])]));
}

function statementOf(input: Props): Statement {
    const s: Statement = {};
    const sid = str(input["sid"]);
    if (sid) s["Sid"] = sid;
    s["Effect"] = str(input["effect"]) ?? "Allow";
    const pairs: [string, string][] = [
        ["actions", "Action"],
        ["notActions", "NotAction"],
        ["resources", "Resource"],
        ["notResources", "NotResource"],
    ];
    for (const [key, field] of pairs) {
        const values = [...new Set(strs(input[key]))];
        if (values.length > 0) s[field] = oneOrMany(values);
    }
    const principal = principals(input["principals"]);
    if (principal !== undefined) s["Principal"] = principal;
    const notPrincipal = principals(input["notPrincipals"]);
    if (notPrincipal !== undefined) s["NotPrincipal"] = notPrincipal;
    const conditions = list(input["conditions"]);
    if (conditions.length > 0) {
        const condition: Record<string, Props> = {};
        for (const c of conditions) {
            const test = str(c["test"]) ?? "";
            condition[test] = { ...(condition[test] ?? {}), [str(c["variable"]) ?? ""]: oneOrMany(strs(c["values"])) };
        }
        s["Condition"] = condition;
    }
    return s;
}

function statementsOf(json: unknown): Statement[] {
    const doc = obj(parseJson(json));
    const statements = doc?.["Statement"];
    return Array.isArray(statements) ? (statements as Statement[]) : statements ? [statements as Statement] : [];
}

/**
 * `aws.iam.getPolicyDocument`: source documents first, then the program's statements (a Sid
 * replaces the source statement with that Sid), then override documents (replacing by Sid,
 * appending the rest), as the provider's data source merges them.
 */
function policyDocument(inputs: Props): Props {
    const merge = (base: Statement[], extra: Statement[]) => {
        const out = [...base];
        for (const s of extra) {
            const at = typeof s["Sid"] === "string" && s["Sid"] ? out.findIndex((o) => o["Sid"] === s["Sid"]) : -1;
            if (at >= 0) out[at] = s;
            else out.push(s);
        }
        return out;
    };
    let statements: Statement[] = [];
    for (const source of strs(inputs["sourcePolicyDocuments"])) statements = merge(statements, statementsOf(source));
    statements = merge(statements, list(inputs["statements"]).map(statementOf));
    for (const override of strs(inputs["overridePolicyDocuments"])) statements = merge(statements, statementsOf(override));
    const doc: Props = { Version: str(inputs["version"]) ?? "2012-10-17" };
    const id = str(inputs["policyId"]);
    if (id) doc["Id"] = id;
    doc["Statement"] = statements;
    const json = JSON.stringify(doc, null, 2);
    return { ...inputs, id: String(numberFrom(2 ** 31, json)), json, minifiedJson: JSON.stringify(doc) };
}
