/** SSM Parameter Store: parameters the program creates, and lookups that read them back. */
import { partitionOf } from "../../../aws/regions";
import { Answer, Ctx, InvokeCall, Props, ServiceModule, UNKNOWN, World, num, secret, str } from "../common";

/** Parameters the program created, by region and name, per simulated account. */
const created = new WeakMap<World, Map<string, Props>>();

function parameters(world: World): Map<string, Props> {
    let found = created.get(world);
    if (!found) created.set(world, (found = new Map()));
    return found;
}

export const service: ServiceModule = {
    resources: {
        "aws:ssm/parameter:Parameter": (c, world) => parameter(world, c),
    },
    invokes: {
        "aws:ssm/getParameter:getParameter": (call, world) => lookupParameter(world, call),
    },
};

function parameterArn(partition: string, region: string, account: string, name: string): string {
    return `arn:${partition}:ssm:${region}:${account}:parameter${name.startsWith("/") ? "" : "/"}${name}`;
}

function parameter(world: World, c: Ctx): Answer {
    const name = str(c.inputs["name"]) ?? c.name;
    const state: Props = {
        name,
        arn: parameterArn(c.partition, c.region, c.account, name),
        type: str(c.inputs["type"]) ?? "String",
        tier: str(c.inputs["tier"]) ?? "Standard",
        dataType: str(c.inputs["dataType"]) ?? "text",
        version: 1,
    };
    parameters(world).set(`${c.region}/${name}`, { ...c.inputs, ...state });
    return { id: name, state };
}

/**
 * A parameter the program created answers with its value; any other parameter is taken to
 * exist (as every lookup offline) but its type, value and version cannot be known: unknown.
 */
function lookupParameter(world: World, call: InvokeCall): Props {
    const name = str(call.inputs["name"]) ?? "";
    const known = parameters(world).get(`${call.region}/${name}`);
    const value = known ? (str(known["value"]) ?? str(known["insecureValue"])) : undefined;
    return {
        id: name,
        name,
        arn: parameterArn(partitionOf(call.region).partition, call.region, call.account, name),
        type: (known && str(known["type"])) ?? UNKNOWN,
        // The provider always marks the value secret.
        value: secret(value ?? UNKNOWN),
        insecureValue: value ?? UNKNOWN,
        version: (known && num(known["version"])) ?? UNKNOWN,
        region: call.region,
        withDecryption: call.inputs["withDecryption"] ?? true,
    };
}
