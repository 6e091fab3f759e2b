/** Lambda: functions with their ARNs and invoke ARNs. */
import { FUNCTION_NAME_MAX_LENGTH } from "../../../aws/lambda";
import { Answer, autoName, Ctx, FIXED_TIME, HEX, num, pick, ServiceModule, str, strs } from "../common";

export const service: ServiceModule = {
    resources: {
        "aws:lambda/function:Function": (c) => lambdaFunction(c),
    },
    autonamed: {
        "aws:lambda/function:Function": { property: "name", max: FUNCTION_NAME_MAX_LENGTH },
    },
};

function lambdaFunction(c: Ctx): Answer {
    const name = autoName(c, "name", FUNCTION_NAME_MAX_LENGTH);
    const arn = `arn:${c.partition}:lambda:${c.region}:${c.account}:function:${name}`;
    return {
        id: name,
        state: {
            name,
            arn,
            qualifiedArn: `${arn}:$LATEST`,
            invokeArn: `arn:${c.partition}:apigateway:${c.region}:lambda:path/2015-03-31/functions/${arn}/invocations`,
            qualifiedInvokeArn: `arn:${c.partition}:apigateway:${c.region}:lambda:path/2015-03-31/functions/${arn}:$LATEST/invocations`,
            version: "$LATEST",
            lastModified: FIXED_TIME,
            codeSha256: Buffer.from(pick(HEX, 64, c.seed, "code"), "hex").toString("base64"),
            memorySize: num(c.inputs["memorySize"]) ?? 128,
            timeout: num(c.inputs["timeout"]) ?? 3,
            architectures: strs(c.inputs["architectures"]).length ? strs(c.inputs["architectures"]) : ["x86_64"],
            packageType: str(c.inputs["packageType"]) ?? "Zip",
        },
    };
}
