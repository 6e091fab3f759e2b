/**
 * A simulated AWS account behind `@pulumi/pulumi/runtime` mocks.
 *
 * Every answer is what AWS (through the Pulumi AWS provider) would report for the same
 * request, as far as a plan can tell: ARNs carry the region and account the resource was
 * created in, custom domains get `d-xxxx.execute-api.{region}.amazonaws.com` or
 * `dxxxx.cloudfront.net` targets with the real hosted zone ids, certificates get DNS
 * validation records shared by a wildcard and its apex, VPC endpoints get ENIs with
 * addresses inside their subnets, and lookups such as `route53.getZone` answer with the
 * zones the program created. Everything is derived from hashes of the request, never from
 * a clock or a random source, so two runs of one program give identical outputs.
 *
 * In preview mode the simulator behaves like `pulumi preview` of a new stack: a resource's
 * state is its inputs and nothing else and it has no id, so the SDK reports every computed
 * output as unknown. Reads (`Resource.get`) and invokes still answer, as they do in a real
 * preview.
 *
 * The answers live in one module per service under `services/`: each exports a
 * `ServiceModule` with its resource answers, its invoke answers and the names its provider
 * generates. This file only routes requests to them and keeps what they share (providers,
 * regions, accounts). Adding a service is adding a file there.
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { arnAccount } from "../../aws/arn";
import { DEFAULT_REGION, isGlobalServiceType, partitionOf } from "../../aws/regions";
import { invokeResult, resourceSchema } from "../schema";
import { outputIsKnown, outputPromise } from "../sdk";
import {
    Answer,
    AutoNaming,
    Ctx,
    HEX,
    InvokeCall,
    Props,
    ServiceModule,
    World,
    autoName,
    isPlainObject,
    isSecretWrapper,
    isUnknownValue,
    obj,
    parseJson,
    pick,
    str,
    uuid,
} from "./common";

export interface AwsSimulatorOptions {
    /** Behave like a preview of a new stack: computed outputs unknown, no ids. Default false. */
    preview?: boolean;
    /** The account resources are created in unless a provider assumes a role elsewhere. Default "123456789012". */
    accountId?: string;
    /** Stack configuration (`aws:region`, ...). When a key is absent the live runtime config is read. */
    config?: Record<string, string>;
    /** Environment the AWS provider would read (`AWS_REGION`, `AWS_DEFAULT_REGION`). Default: this process's. */
    env?: Record<string, string | undefined>;
    /** Outputs of the stacks `pulumi.StackReference` reads, by fully qualified stack name. */
    stackReferences?: Record<string, Record<string, unknown>>;
}

/** What the simulator knows about one registered provider. */
interface ProviderInfo {
    /** The provider's `region` input: a string, the unknown marker, or absent. */
    region: unknown;
    /** The account its credentials reach (the account of an assumed role, if any). */
    account?: string;
    /** The role it assumes, if any. */
    roleArn?: string;
    defaultTags: Record<string, string>;
}

/** Awaits an Output's value, as the unknown marker when the value is not known (a new resource's id in a preview). */
async function outputValue(output: pulumi.Output<unknown>): Promise<unknown> {
    const [value, known] = await Promise.all([outputPromise(output, true), outputIsKnown(output)]);
    return known ? value : pulumi.unknown;
}

/**
 * The inputs as a provider would receive them: resource references become the referenced
 * resource's id (its URN for components), because the engine downgrades references for
 * providers that do not accept them. Secret markers are kept so echoed state stays secret.
 */
async function resolveReferences(value: unknown): Promise<unknown> {
    if (pulumi.CustomResource.isInstance(value)) return outputValue(value.id);
    if (pulumi.Resource.isInstance(value)) return outputValue(value.urn);
    if (Array.isArray(value)) return Promise.all(value.map(resolveReferences));
    if (isPlainObject(value)) {
        const out: Props = {};
        for (const [k, v] of Object.entries(value)) out[k] = await resolveReferences(v);
        return out;
    }
    return value;
}

function unwrapSecrets(value: unknown): unknown {
    if (isSecretWrapper(value)) return unwrapSecrets(value.value);
    if (Array.isArray(value)) return value.map(unwrapSecrets);
    if (isPlainObject(value)) {
        const out: Props = {};
        for (const [k, v] of Object.entries(value)) out[k] = unwrapSecrets(v);
        return out;
    }
    return value;
}

export class AwsSimulator implements pulumi.runtime.Mocks {
    readonly preview: boolean;
    readonly accountId: string;
    private readonly config: Record<string, string>;

    private readonly providersByRef = new Map<string, ProviderInfo>();
    private readonly providersById = new Map<string, ProviderInfo>();
    private readonly providersByName = new Map<string, ProviderInfo>();
    private readonly registrations = new Map<string, number>();

    private readonly world = new World((provider) => this.providerInfo(provider)?.roleArn);

    /** Per `type::name`, in registration order: the inputs that were unknown on the wire. */
    private readonly unknownInputs = new Map<string, string[][]>();

    /**
     * Tells the simulator which inputs of the next registration of this type and name were
     * unknown when the program sent them. Outside a preview the mock monitor reads them as
     * undefined; the simulator answers them as unknown instead, as the engine would.
     */
    noteUnknownInputs(type: string, name: string, keys: string[]): void {
        const key = `${type}::${name}`;
        const queue = this.unknownInputs.get(key) ?? [];
        queue.push(keys);
        this.unknownInputs.set(key, queue);
    }

    constructor(options: AwsSimulatorOptions = {}) {
        this.preview = options.preview ?? false;
        this.accountId = options.accountId ?? "123456789012";
        this.config = { ...(options.config ?? {}) };
        this.env = options.env ?? process.env;
        this.stackReferences = options.stackReferences ?? {};
    }

    private readonly env: Record<string, string | undefined>;
    private readonly stackReferences: Record<string, Record<string, unknown>>;

    // -- Regions, accounts and providers ------------------------------------------------

    /**
     * The region a resource or invoke lands in: its own `region` input, else its explicit
     * provider's `region`, else the stack's `aws:region`, else `AWS_REGION` or
     * `AWS_DEFAULT_REGION` as the provider reads them. Undefined when the deciding value is
     * unknown (a preview where the region comes from another resource) and when no region is
     * configured at all, which the AWS provider refuses (see `requireRegion`).
     */
    regionOf(inputs: Record<string, unknown>, provider?: string): string | undefined {
        const own = inputs["region"];
        if (isUnknownValue(own)) return undefined;
        if (str(own)) return str(own);
        const info = this.providerInfo(provider);
        if (info && isUnknownValue(info.region)) return undefined;
        if (info && str(info.region)) return str(info.region);
        return this.configValue("aws:region") || this.env["AWS_REGION"] || this.env["AWS_DEFAULT_REGION"] || undefined;
    }

    /**
     * The region of an AWS resource or invoke; fails as the AWS provider does when none is set
     * anywhere (the provider's own `region`, `aws:region`, `AWS_REGION`, `AWS_DEFAULT_REGION`).
     */
    private requireRegion(inputs: Props, provider: string | undefined, what: string): string {
        const region = this.regionOf(inputs, provider);
        if (region) return region;
        const own = inputs["region"];
        const info = this.providerInfo(provider);
        // Unknown in a preview: the update will know it; answer as in the stack's region meanwhile.
        if (isUnknownValue(own) || (info && isUnknownValue(info.region))) return DEFAULT_REGION;
        throw new Error(
            `${what}: no AWS region is configured. The AWS provider needs one: set it with ` +
                `\`--config aws:region=<region>\` (or \`pulumi config set aws:region <region>\`), the AWS_REGION ` +
                `environment variable, or a \`region\` on the resource or its provider.`,
        );
    }

    /** Packages whose default provider `pulumi:disable-default-providers` forbids ("*" forbids all). */
    private checkDefaultProvider(token: string, provider: string | undefined, what: string): void {
        if (provider) return;
        const pkg = token.split(":")[0];
        if (pkg === "pulumi") return;
        const raw = this.configValue("pulumi:disable-default-providers");
        if (!raw) return;
        let disabled: unknown;
        try {
            disabled = JSON.parse(raw);
        } catch {
            disabled = raw.split(",").map((s) => s.trim());
        }
        if (Array.isArray(disabled) && (disabled.includes(pkg) || disabled.includes("*"))) {
            throw new Error(`Default provider for '${pkg}' disabled. ${what} must use an explicit provider.`);
        }
    }

    /** The account a provider's credentials reach: the account of the role it assumes, else the default. */
    accountOf(provider?: string): string {
        return this.providerInfo(provider)?.account ?? this.accountId;
    }

    /**
     * Binds a provider reference (`urn::id`, as resources send it) to the provider's inputs.
     * The simulator also remembers providers by name and id on its own; an exact binding
     * removes any doubt when two providers share a name under different parents.
     */
    rememberProvider(reference: string, inputs: Record<string, unknown>): void {
        this.providersByRef.set(reference, providerFacts(inputs));
    }

    private providerInfo(reference: string | undefined): ProviderInfo | undefined {
        if (!reference) return undefined;
        const exact = this.providersByRef.get(reference);
        if (exact) return exact;
        const separator = reference.lastIndexOf("::");
        const urn = separator >= 0 ? reference.slice(0, separator) : reference;
        const id = separator >= 0 ? reference.slice(separator + 2) : "";
        const byId = id && id !== pulumi.runtime.unknownValue ? this.providersById.get(id) : undefined;
        if (byId) return byId;
        return this.providersByName.get(urn.slice(urn.lastIndexOf("::") + 2));
    }

    private configValue(key: string): string | undefined {
        return this.config[key] ?? pulumi.runtime.getConfig(key);
    }

    // -- Mocks: resources ---------------------------------------------------------------

    async newResource(args: pulumi.runtime.MockResourceArgs): Promise<pulumi.runtime.MockResourceResult> {
        const echoed = (await resolveReferences(args.inputs ?? {})) as Props;
        for (const key of this.unknownInputs.get(`${args.type}::${args.name}`)?.shift() ?? []) {
            if (echoed[key] === undefined) echoed[key] = pulumi.runtime.unknownValue;
        }
        const inputs = unwrapSecrets(echoed) as Props;
        const count = this.registrations.get(`${args.type}::${args.name}`) ?? 0;
        this.registrations.set(`${args.type}::${args.name}`, count + 1);
        const seed = [args.type, args.name, String(count)].join("\0");

        if (args.type.startsWith("pulumi:providers:")) {
            return this.newProvider(args, inputs, seed, echoed);
        }
        if (args.type === "pulumi:pulumi:StackReference") return this.stackReference(args);
        const givenId = args.id || undefined;
        const what = `${args.type} resource '${args.name}'`;
        if (args.custom !== false) {
            this.checkDefaultProvider(args.type, args.provider, what);
            if (!givenId) checkRequiredInputs(args.type, inputs, what);
        }
        const isAws = args.type.startsWith("aws:") && args.custom !== false;
        const region = isAws && !isGlobalServiceType(args.type) ? this.requireRegion(inputs, args.provider, what) : (this.regionOf(inputs, args.provider) ?? DEFAULT_REGION);
        // Reads and imports are answered in full even in preview: the engine reads them then too.
        if (args.custom === false || (this.preview && !givenId)) {
            return { id: undefined, state: this.previewState(args, inputs, seed, echoed) };
        }

        const partition = partitionOf(region);
        const ctx: Ctx = {
            type: args.type,
            name: args.name,
            seed,
            inputs,
            region,
            account: this.accountOf(args.provider),
            partition: partition.partition,
            dnsSuffix: partition.dnsSuffix,
            givenId,
        };
        const handler = services().resources.get(args.type);
        const answer = handler ? handler(ctx, this.world) : this.generic(ctx);
        const state: Props = { ...echoed, ...answer.state };
        const schema = resourceSchema(args.type);
        if (args.type.startsWith("aws:")) {
            if (!isGlobalServiceType(args.type) && state["region"] === undefined) state["region"] = region;
            const defaults = this.defaultTagsOf(args.provider);
            const tags = obj(inputs["tags"]);
            if (tags || Object.keys(defaults).length > 0 || schema?.outputs.includes("tagsAll")) state["tagsAll"] = { ...defaults, ...(tags ?? {}) };
        }
        // What the provider would compute and this simulator does not: unknown, never absent.
        for (const output of schema?.outputs ?? []) {
            if (state[output] === undefined) state[output] = pulumi.runtime.unknownValue;
        }
        return { id: givenId ?? answer.id, state };
    }

    /**
     * The default tags a resource gets: its explicit provider's, else (on the default
     * provider) the stack's `aws:defaultTags` config, as the provider reads it.
     */
    private defaultTagsOf(provider: string | undefined): Record<string, string> {
        const info = this.providerInfo(provider);
        if (info) return info.defaultTags;
        const configured = obj(parseJson(this.configValue("aws:defaultTags")))?.["tags"];
        return isPlainObject(configured) ? (configured as Record<string, string>) : {};
    }

    /** A `pulumi.StackReference`: the outputs given for that stack, or a message saying how to give them. */
    private stackReference(args: pulumi.runtime.MockResourceArgs): pulumi.runtime.MockResourceResult {
        const name = str(args.inputs?.["name"]) ?? args.id ?? args.name;
        const outputs = this.stackReferences[name];
        if (!outputs) {
            const known = Object.keys(this.stackReferences);
            throw new Error(
                `StackReference '${name}': the offline plan cannot read another stack's outputs. Give them with ` +
                    `\`--stack-reference ${name}=outputs.json\` (a JSON object of the stack's outputs, as \`pulumi stack output --json\` prints them)` +
                    (known.length > 0 ? `; outputs were given for ${known.join(", ")}` : ""),
            );
        }
        return { id: name, state: { name, outputs, secretOutputNames: [] } };
    }

    private newProvider(args: pulumi.runtime.MockResourceArgs, inputs: Props, seed: string, echoed: Props): pulumi.runtime.MockResourceResult {
        const facts = providerFacts(inputs);
        this.providersByName.set(args.name, facts);
        if (this.preview) return { id: undefined, state: echoed };
        const id = uuid(seed, "provider");
        this.providersById.set(id, facts);
        return { id, state: echoed };
    }

    /** A preview answer: the inputs, plus the names the provider's Check would fill in. */
    private previewState(args: pulumi.runtime.MockResourceArgs, inputs: Props, seed: string, echoed: Props): Props {
        const naming = services().autonamed.get(args.type);
        if (!naming || args.custom === false || str(inputs[naming.property])) return echoed;
        return { ...echoed, [naming.property]: autoName({ name: args.name, seed, inputs }, naming.property, naming.max, naming.lower) };
    }

    /** Any type this file does not model: an id from the name, the inputs echoed, an ARN for AWS types. */
    private generic(ctx: Ctx): Answer {
        const id = ctx.givenId ?? `${ctx.name}-${pick(HEX, 7, ctx.seed, "id")}`;
        const state: Props = {};
        const naming = services().autonamed.get(ctx.type);
        if (naming) state[naming.property] = autoName(ctx, naming.property, naming.max, naming.lower);
        const [pkg, module = "", typeName = ""] = ctx.type.split(":");
        if (pkg === "aws" && ctx.inputs["arn"] === undefined) {
            const service = SERVICE_OF_MODULE[module.split("/")[0]] ?? module.split("/")[0];
            const kind = typeName.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
            const region = isGlobalServiceType(ctx.type) ? "" : ctx.region;
            state["arn"] = `arn:${ctx.partition}:${service}:${region}:${ctx.account}:${kind}/${id}`;
        }
        return { id, state };
    }

    // -- Mocks: invokes -----------------------------------------------------------------

    async call(args: pulumi.runtime.MockCallArgs): Promise<pulumi.runtime.MockCallResult> {
        const inputs = unwrapSecrets(await resolveReferences(args.inputs ?? {})) as Props;
        const what = `invoke ${args.token}`;
        this.checkDefaultProvider(args.token, args.provider, what);
        const region = args.token.startsWith("aws:") ? this.requireRegion(inputs, args.provider, what) : (this.regionOf(inputs, args.provider) ?? DEFAULT_REGION);
        const account = this.accountOf(args.provider);
        const invoke = services().invokes.get(args.token);
        const schema = invokeResult(args.token);
        // Not simulated: every property of its result is unknown, and the plan says so.
        if (!invoke) return Object.fromEntries((schema?.names ?? []).map((n) => [n, pulumi.runtime.unknownValue]));
        const answer = invoke({ inputs, region, account, provider: args.provider }, this.world);
        // What a modelled lookup cannot know (a role's trust policy, a bucket's website) is unknown, never absent.
        for (const name of schema?.required ?? []) {
            if (answer[name] === undefined) answer[name] = pulumi.runtime.unknownValue;
        }
        return answer;
    }

    /** True when the simulator answers this invoke itself (others come back unknown). */
    simulatesInvoke(token: string): boolean {
        return services().invokes.has(token);
    }
}

const SERVICE_OF_MODULE: Readonly<Record<string, string>> = {
    apigatewayv2: "apigateway",
    lb: "elasticloadbalancing",
    alb: "elasticloadbalancing",
    elb: "elasticloadbalancing",
    cloudwatch: "logs",
    vpc: "ec2",
};

/** What a provider's inputs decide: its region, the account of the role it assumes, its default tags. */
function providerFacts(inputs: Props): ProviderInfo {
    // The AWS provider sends its structured settings as JSON strings.
    const roles = parseJson(inputs["assumeRoles"]);
    const firstRole = Array.isArray(roles) ? obj(roles[0]) : undefined;
    const defaultTags = obj(parseJson(inputs["defaultTags"]))?.["tags"];
    const roleArn = str(firstRole?.["roleArn"]);
    return {
        region: inputs["region"],
        account: arnAccount(roleArn),
        roleArn,
        defaultTags: isPlainObject(defaultTags) ? (defaultTags as Record<string, string>) : {},
    };
}

/** Fails as the provider's Check does when a required input arrived without a value (not merely unknown). */
function checkRequiredInputs(type: string, inputs: Props, what: string): void {
    const missing = (resourceSchema(type)?.required ?? []).filter((key) => inputs[key] === undefined || inputs[key] === null);
    if (missing.length === 0) return;
    throw new Error(
        `${what} has a problem: missing required input${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")}. ` +
            `The provider refuses a ${type.split(":")[2]} without ${missing.length > 1 ? "them" : "it"}; check the value the program passes ` +
            `(an Output that resolves to undefined counts as missing).`,
    );
}

/** Every module under `services/`, read once: adding a service is adding a file there. */
function loadServices(): ServiceModule[] {
    const dir = path.join(__dirname, "services");
    return fs
        .readdirSync(dir)
        .filter((file) => /\.(ts|js)$/.test(file) && !file.endsWith(".d.ts"))
        .sort()
        .map((file) => {
            const loaded = require(path.join(dir, file)) as { service?: ServiceModule };
            if (!loaded.service) throw new Error(`offline simulator: ${file} in ${dir} exports no \`service\``);
            return loaded.service;
        });
}

interface Registry {
    resources: Map<string, (c: Ctx, world: World) => Answer>;
    invokes: Map<string, (call: InvokeCall, world: World) => Props>;
    autonamed: Map<string, AutoNaming>;
}

let registry: Registry | undefined;

/** The answers of all services by token; a token two services both answer is a mistake caught here. */
function services(): Registry {
    if (registry) return registry;
    const built: Registry = { resources: new Map(), invokes: new Map(), autonamed: new Map() };
    for (const service of loadServices()) {
        for (const [kind, entries] of [
            ["resources", service.resources],
            ["invokes", service.invokes],
            ["autonamed", service.autonamed],
        ] as const) {
            for (const [token, value] of Object.entries(entries ?? {})) {
                const map = built[kind] as Map<string, unknown>;
                if (map.has(token)) throw new Error(`offline simulator: two service modules answer ${token}`);
                map.set(token, value);
            }
        }
    }
    registry = built;
    return built;
}
