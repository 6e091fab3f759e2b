/**
 * What a provider package's generated Node.js SDK says about a type, read from the installed
 * package itself so it always matches the version the program runs with:
 *
 * - the output-only properties of a resource (the codegen sets them to `undefined /*out*\/`),
 *   which the plan must report as unknown when the simulator does not compute them;
 * - the inputs a resource requires (the codegen's "Missing required property" checks), which
 *   the provider's Check refuses when they arrive empty, for instance from an Output that
 *   resolved to `undefined` or from a program in another language;
 * - the properties an invoke returns (the `...Result` interface in its .d.ts).
 *
 * Types of packages that are not installed, or files the codegen did not shape this way,
 * answer `undefined`: the plan then knows nothing more than the program sent.
 */
import * as fs from "fs";
import * as path from "path";

export interface ResourceSchema {
    /** Properties only the provider sets. */
    outputs: string[];
    /** Inputs that must have a value. */
    required: string[];
}

const resources = new Map<string, ResourceSchema | undefined>();
const invokes = new Map<string, InvokeResult | undefined>();

export interface InvokeResult {
    /** Every property of the result. */
    names: string[];
    /** Those the provider always sets (not marked optional). */
    required: string[];
}

/** `aws:s3/bucket:Bucket` -> the module file `<@pulumi/aws>/s3/bucket` (without extension). */
function moduleFile(token: string): string | undefined {
    const [pkg, module] = token.split(":");
    if (!pkg || !module) return undefined;
    let root: string;
    try {
        root = path.dirname(require.resolve(`@pulumi/${pkg}/package.json`, { paths: [process.cwd(), __dirname] }));
    } catch {
        return undefined;
    }
    // Types of the package's root module live at the top of the package.
    const relative = module.startsWith("index/") ? module.slice("index/".length) : module;
    return path.join(root, relative);
}

function read(file: string): string | undefined {
    try {
        return fs.readFileSync(file, "utf8");
    } catch {
        return undefined;
    }
}

export function resourceSchema(type: string): ResourceSchema | undefined {
    if (resources.has(type)) return resources.get(type);
    const file = moduleFile(type);
    const source = file ? read(`${file}.js`) : undefined;
    let schema: ResourceSchema | undefined;
    if (source && source.includes(`'${type}'`)) {
        const outputs = [...source.matchAll(/resourceInputs\["(\w+)"\] = undefined \/\*out\*\//g)].map((m) => m[1]);
        const required = [...source.matchAll(/throw new Error\("Missing required property '(\w+)'"\)/g)].map((m) => m[1]);
        schema = { outputs: [...new Set(outputs)], required: [...new Set(required)] };
    }
    resources.set(type, schema);
    return schema;
}

/** The properties an invoke's result has, e.g. `aws:ec2/getAmi:getAmi` -> architecture, arn, ..., from `GetAmiResult`. */
export function invokeResult(token: string): InvokeResult | undefined {
    if (invokes.has(token)) return invokes.get(token);
    const file = moduleFile(token);
    const fn = token.split(":")[2] ?? "";
    const source = file ? read(`${file}.d.ts`) : undefined;
    let result: InvokeResult | undefined;
    const start = source?.indexOf(`export interface ${fn.charAt(0).toUpperCase()}${fn.slice(1)}Result {`) ?? -1;
    if (source && start >= 0) {
        const end = source.indexOf("\n}", start);
        const found = [...source.slice(start, end).matchAll(/^ {4}readonly (\w+)(\??):/gm)];
        result = { names: found.map((m) => m[1]), required: found.filter((m) => m[2] === "").map((m) => m[1]) };
    }
    invokes.set(token, result);
    return result;
}
