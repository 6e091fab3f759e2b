/** IAM: roles and customer managed policies. */
import { Answer, autoName, Ctx, FIXED_TIME, num, pick, ServiceModule, str, strs, UPPER_ALNUM } from "../common";

export const service: ServiceModule = {
    resources: {
        "aws:iam/role:Role": (c) => iamRole(c),
        "aws:iam/policy:Policy": (c) => {
            const name = autoName(c, "name", 128);
            const arn = `arn:${c.partition}:iam::${c.account}:policy${str(c.inputs["path"]) ?? "/"}${name}`;
            return { id: arn, state: { arn, name, path: str(c.inputs["path"]) ?? "/", policyId: `ANPA${pick(UPPER_ALNUM, 17, c.seed)}`, attachmentCount: 0 } };
    },
    },
    autonamed: {
        "aws:iam/role:Role": { property: "name", max: 64 },
        "aws:iam/policy:Policy": { property: "name", max: 128 },
    },
};

function iamRole(c: Ctx): Answer {
    const name = autoName(c, "name", 64);
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
