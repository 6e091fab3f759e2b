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
import { DEFAULT_REGION, isGlobalServiceType, partitionOf } from "../regions";
import {
    Answer,
    AutoNaming,
    Ctx,
    HEX,
    InvokeCall,
    Props,
    ServiceModule,
    World,
    arnAccount,
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
    const internals = output as unknown as { promise(withUnknowns?: boolean): Promise<unknown>; isKnown: Promise<boolean> };
    const [value, known] = await Promise.all([internals.promise(true), internals.isKnown]);
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

    constructor(options: AwsSimulatorOptions = {}) {
        this.preview = options.preview ?? false;
        this.accountId = options.accountId ?? "123456789012";
        this.config = { ...(options.config ?? {}) };
    }

    // -- Regions, accounts and providers ------------------------------------------------

    /**
     * The region a resource or invoke lands in: its own `region` input, else its explicit
     * provider's `region`, else the stack's `aws:region`, else us-east-1. Undefined only when
     * the deciding value is unknown (a preview where the region comes from another resource).
     */
    regionOf(inputs: Record<string, unknown>, provider?: string): string | undefined {
        const own = inputs["region"];
        if (isUnknownValue(own)) return undefined;
        if (str(own)) return str(own);
        const info = this.providerInfo(provider);
        if (info && isUnknownValue(info.region)) return undefined;
        if (info && str(info.region)) return str(info.region);
        return this.configValue("aws:region") ?? DEFAULT_REGION;
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
        const inputs = unwrapSecrets(echoed) as Props;
        const count = this.registrations.get(`${args.type}::${args.name}`) ?? 0;
        this.registrations.set(`${args.type}::${args.name}`, count + 1);
        const seed = [args.type, args.name, String(count)].join("\0");

        if (args.type.startsWith("pulumi:providers:")) {
            return this.newProvider(args, inputs, seed, echoed);
        }
        // Reads and imports are answered in full even in preview: the engine reads them then too.
        const givenId = args.id || undefined;
        if (args.custom === false || (this.preview && !givenId)) {
            return { id: undefined, state: this.previewState(args, inputs, seed, echoed) };
        }

        const region = this.regionOf(inputs, args.provider) ?? DEFAULT_REGION;
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
        if (args.type.startsWith("aws:")) {
            if (!isGlobalServiceType(args.type) && state["region"] === undefined) state["region"] = region;
            const defaults = this.providerInfo(args.provider)?.defaultTags ?? {};
            const tags = obj(inputs["tags"]);
            if (tags || Object.keys(defaults).length > 0) state["tagsAll"] = { ...defaults, ...(tags ?? {}) };
        }
        return { id: givenId ?? answer.id, state };
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
        const region = this.regionOf(inputs, args.provider) ?? DEFAULT_REGION;
        const account = this.accountOf(args.provider);
        const invoke = services().invokes.get(args.token);
        return invoke ? invoke({ inputs, region, account, provider: args.provider }, this.world) : {};
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
