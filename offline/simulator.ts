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
 */
import { createHash, X509Certificate } from "crypto";
import * as pulumi from "@pulumi/pulumi";
import {
    CLOUDFRONT_ZONE_ID,
    DEFAULT_REGION,
    availabilityZoneId,
    availabilityZones,
    hostedZoneId,
    isGlobalServiceType,
    partitionOf,
    regionDescription,
} from "./regions";

type Props = Record<string, unknown>;

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

/** Everything a resource answer is computed from. */
interface Ctx {
    type: string;
    name: string;
    /** Unique per registration of this type and name; the root of every derived identifier. */
    seed: string;
    /** Inputs with secrets unwrapped and resource references replaced by ids. */
    inputs: Props;
    region: string;
    account: string;
    partition: string;
    dnsSuffix: string;
    /** The id of a read (`.get`) or an import, which the answer must keep. */
    givenId?: string;
}

interface Answer {
    id: string;
    state: Props;
}

const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const LOWER_ALPHA = "abcdefghijklmnopqrstuvwxyz";
const HEX = "0123456789abcdef";
const DIGITS = "0123456789";

/** The timestamp every "created at" field reports, so outputs never depend on the clock. */
const FIXED_TIME = "2024-01-01T00:00:00Z";
const FIXED_TIME_MS = Date.parse(FIXED_TIME);

const SECRET_SIG = pulumi.runtime.specialSecretSig;
const SIG_KEY = pulumi.runtime.specialSigKey;

// ---------------------------------------------------------------------------------------
// Deterministic identifiers
// ---------------------------------------------------------------------------------------

/** `length` characters of `alphabet`, derived from the seed parts (sha256, extended as needed). */
function pick(alphabet: string, length: number, ...seed: string[]): string {
    let out = "";
    for (let round = 0; out.length < length; round++) {
        const digest = createHash("sha256").update([...seed, String(round)].join("\0")).digest();
        for (const byte of digest) {
            if (out.length >= length) break;
            out += alphabet[byte % alphabet.length];
        }
    }
    return out;
}

function uuid(...seed: string[]): string {
    const h = pick(HEX, 32, ...seed);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${"89ab"[parseInt(h[16], 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function numberFrom(modulo: number, ...seed: string[]): number {
    const digest = createHash("sha256").update(seed.join("\0")).digest();
    return digest.readUInt32BE(0) % modulo;
}

// ---------------------------------------------------------------------------------------
// Reading inputs
// ---------------------------------------------------------------------------------------

function isSecretWrapper(v: unknown): v is { value: unknown } {
    return typeof v === "object" && v !== null && (v as Props)[SIG_KEY] === SECRET_SIG;
}

function isPlainObject(v: unknown): v is Props {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
    const proto = Object.getPrototypeOf(v);
    return proto === Object.prototype || proto === null;
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

function secret(value: unknown): Props {
    return { [SIG_KEY]: SECRET_SIG, value };
}

/** True for both forms an unknown value takes: the SDK's marker object and the wire string. */
function isUnknownValue(v: unknown): boolean {
    return v === pulumi.runtime.unknownValue || pulumi.isUnknown(v);
}

function str(v: unknown): string | undefined {
    return typeof v === "string" && v !== pulumi.runtime.unknownValue ? v : undefined;
}

function strs(v: unknown): string[] {
    return Array.isArray(v) ? v.filter((x): x is string => str(x) !== undefined) : [];
}

function obj(v: unknown): Props | undefined {
    if (Array.isArray(v)) return obj(v[0]);
    return isPlainObject(v) ? v : undefined;
}

function bool(v: unknown): boolean | undefined {
    return typeof v === "boolean" ? v : undefined;
}

function num(v: unknown): number | undefined {
    return typeof v === "number" ? v : undefined;
}

function parseJson(v: unknown): unknown {
    if (typeof v !== "string") return undefined;
    try {
        return JSON.parse(v);
    } catch {
        return undefined;
    }
}

/** The account id inside an ARN (`arn:aws:iam::210987654321:role/dns` gives `210987654321`). */
function arnAccount(arn: string | undefined): string | undefined {
    const parts = (arn ?? "").split(":");
    return parts.length >= 6 && parts[0] === "arn" && /^\d{12}$/.test(parts[4]) ? parts[4] : undefined;
}

function normalizeZoneName(name: string): string {
    return name.toLowerCase().replace(/\.$/, "");
}

/** The `i`-th usable address of an IPv4 CIDR, chosen from the seed; AWS reserves the first four and the last. */
function addressIn(cidr: string | undefined, ...seed: string[]): string {
    const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr ?? "");
    if (!match) {
        return `10.0.${numberFrom(256, ...seed, "x")}.${4 + numberFrom(247, ...seed, "y")}`;
    }
    const base = ((+match[1] << 24) | (+match[2] << 16) | (+match[3] << 8) | +match[4]) >>> 0;
    const size = 2 ** (32 - Math.min(28, Math.max(16, +match[5])));
    const address = (base + 4 + numberFrom(size - 5, ...seed)) >>> 0;
    return [24, 16, 8, 0].map((shift) => (address >>> shift) & 255).join(".");
}

// ---------------------------------------------------------------------------------------
// Certificates: simulated PEM documents that the simulated ACM can read back
// ---------------------------------------------------------------------------------------

const PEM_MARKER = "pulumi-offline-simulator:";

interface PemFacts {
    commonName?: string;
    dnsNames?: string[];
    keyAlgorithm?: string;
    notBefore?: string;
    notAfter?: string;
}

/**
 * A PEM block whose body records the facts a real certificate would carry. It is not a real
 * certificate (making one would need a random key), but the simulated ACM reads it back, so
 * an imported `@pulumi/tls` certificate keeps its domain names through an offline plan.
 */
function fakePem(label: string, facts: PemFacts & { kind: string }, seed: string): string {
    const body = Buffer.from(PEM_MARKER + JSON.stringify({ ...facts, id: pick(HEX, 16, seed, label) })).toString("base64");
    const lines = body.match(/.{1,64}/g) ?? [];
    return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

function readFakePem(pem: string | undefined): PemFacts | undefined {
    const match = /-----BEGIN [A-Z ]+-----([\s\S]*?)-----END/.exec(pem ?? "");
    if (!match) return undefined;
    const text = Buffer.from(match[1].replace(/\s+/g, ""), "base64").toString("utf8");
    if (!text.startsWith(PEM_MARKER)) return undefined;
    try {
        return JSON.parse(text.slice(PEM_MARKER.length)) as PemFacts;
    } catch {
        return undefined;
    }
}

/** What ACM learns from an imported certificate body: a real X.509 certificate or a simulated one. */
function describeCertificate(pem: string | undefined): PemFacts {
    try {
        const cert = new X509Certificate(pem ?? "");
        const cn = /CN=([^\n,]+)/.exec(cert.subject)?.[1];
        const sans = (cert.subjectAltName ?? "")
            .split(",")
            .map((s) => s.trim())
            .filter((s) => s.startsWith("DNS:"))
            .map((s) => s.slice(4));
        const key = cert.publicKey;
        const details = key.asymmetricKeyDetails;
        const keyAlgorithm =
            key.asymmetricKeyType === "rsa"
                ? `RSA_${details?.modulusLength ?? 2048}`
                : key.asymmetricKeyType === "ec"
                  ? `EC_${details?.namedCurve ?? "prime256v1"}`
                  : String(key.asymmetricKeyType).toUpperCase();
        return {
            commonName: cn ?? sans[0],
            dnsNames: sans,
            keyAlgorithm,
            notBefore: new Date(cert.validFrom).toISOString(),
            notAfter: new Date(cert.validTo).toISOString(),
        };
    } catch {
        return readFakePem(pem) ?? {};
    }
}

// ---------------------------------------------------------------------------------------
// CloudFront managed policies, as the lookups return them
// ---------------------------------------------------------------------------------------

interface ManagedPolicy {
    id: string;
    name: string;
    headerBehavior?: string;
    headers?: string[];
}

const MANAGED_CACHE_POLICIES: ManagedPolicy[] = [
    { id: "658327ea-f89d-4fab-a63d-7e88639e58f6", name: "Managed-CachingOptimized" },
    { id: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", name: "Managed-CachingDisabled" },
];

const MANAGED_ORIGIN_REQUEST_POLICIES: ManagedPolicy[] = [
    { id: "216adef6-5c7f-47e4-b989-5492eafa07d3", name: "Managed-AllViewer", headerBehavior: "allViewer", headers: [] },
    { id: "b689b0a8-53d0-40ab-baf2-68738e2966ac", name: "Managed-AllViewerExceptHostHeader", headerBehavior: "allExcept", headers: ["host"] },
    {
        id: "33f36d7e-f396-46d9-90e0-52428a34d9dc",
        name: "Managed-AllViewerAndCloudFrontHeaders-2022-06",
        headerBehavior: "allViewerAndWhitelistCloudFront",
        headers: ["CloudFront-Viewer-Address", "CloudFront-Viewer-Country"],
    },
    { id: "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf", name: "Managed-CORS-S3Origin", headerBehavior: "whitelist", headers: ["origin", "access-control-request-headers", "access-control-request-method"] },
    { id: "59781a5b-3903-41f3-afcb-af62929ccde1", name: "Managed-CORS-CustomOrigin", headerBehavior: "whitelist", headers: ["origin"] },
];

// ---------------------------------------------------------------------------------------
// Names Pulumi generates when a program leaves them out
// ---------------------------------------------------------------------------------------

/** Resource types whose name property the provider fills in (`{name}-{7 hex}`), with AWS's length limit. */
const AUTONAMED: Readonly<Record<string, { property: string; max: number; lower?: boolean }>> = {
    "aws:lb/loadBalancer:LoadBalancer": { property: "name", max: 32 },
    "aws:alb/loadBalancer:LoadBalancer": { property: "name", max: 32 },
    "aws:lb/targetGroup:TargetGroup": { property: "name", max: 32 },
    "aws:alb/targetGroup:TargetGroup": { property: "name", max: 32 },
    "aws:ec2/securityGroup:SecurityGroup": { property: "name", max: 255 },
    "aws:apigateway/restApi:RestApi": { property: "name", max: 1024 },
    "aws:apigatewayv2/api:Api": { property: "name", max: 128 },
    "aws:wafv2/webAcl:WebAcl": { property: "name", max: 128 },
    "aws:ram/resourceShare:ResourceShare": { property: "name", max: 255 },
    "aws:iam/role:Role": { property: "name", max: 64 },
    "aws:iam/policy:Policy": { property: "name", max: 128 },
    "aws:lambda/function:Function": { property: "name", max: 64 },
    "aws:s3/bucket:Bucket": { property: "bucket", max: 63, lower: true },
    "aws:s3/bucketV2:BucketV2": { property: "bucket", max: 63, lower: true },
};

function autoName(ctx: Pick<Ctx, "name" | "seed" | "inputs">, property: string, max: number, lower = false): string {
    const given = str(ctx.inputs[property]);
    if (given) return given;
    const prefix = str(ctx.inputs[`${property}Prefix`]);
    if (prefix) return (prefix + pick(DIGITS, 26, ctx.seed, "prefix")).slice(0, max);
    const base = (lower ? ctx.name.toLowerCase() : ctx.name).slice(0, Math.max(1, max - 8));
    return `${base}-${pick(HEX, 7, ctx.seed, "autoname")}`;
}

// ---------------------------------------------------------------------------------------
// The simulator
// ---------------------------------------------------------------------------------------

interface ZoneFacts {
    zoneId: string;
    name: string;
    privateZone: boolean;
    nameServers: string[];
    account: string;
    created: boolean;
}

interface SubnetFacts {
    id: string;
    vpcId?: string;
    availabilityZone: string;
    cidrBlock?: string;
}

interface EniFacts {
    id: string;
    subnetId: string;
    vpcId?: string;
    availabilityZone: string;
    privateIp: string;
    securityGroups: string[];
    vpcEndpointId?: string;
    region: string;
    account: string;
}

type Handler = (ctx: Ctx) => Answer;

export class AwsSimulator implements pulumi.runtime.Mocks {
    readonly preview: boolean;
    readonly accountId: string;
    private readonly config: Record<string, string>;

    private readonly providersByRef = new Map<string, ProviderInfo>();
    private readonly providersById = new Map<string, ProviderInfo>();
    private readonly providersByName = new Map<string, ProviderInfo>();
    private readonly registrations = new Map<string, number>();

    private readonly zones: ZoneFacts[] = [];
    private readonly vpcCidrs = new Map<string, string>();
    private readonly subnets = new Map<string, SubnetFacts>();
    private readonly enis = new Map<string, EniFacts>();
    private readonly vpcEndpoints = new Map<string, Props>();
    private readonly certificates: { arn: string; domainName: string; region: string }[] = [];
    /** REST custom domain names created in this run, for `apigateway.getDomainName`. */
    private readonly domainNames: { id: string; region: string; inputs: Props; state: Props }[] = [];
    private readonly apiProtocols = new Map<string, string>();
    private readonly restResourcePaths = new Map<string, string>();
    private readonly loadBalancers = new Map<string, string>();

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
        const handler = this.handlers[args.type] ?? ((c: Ctx) => this.generic(c));
        const answer = handler(ctx);
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
        const naming = AUTONAMED[args.type];
        if (!naming || args.custom === false || str(inputs[naming.property])) return echoed;
        return { ...echoed, [naming.property]: autoName({ name: args.name, seed, inputs }, naming.property, naming.max, naming.lower) };
    }

    /** Any type this file does not model: an id from the name, the inputs echoed, an ARN for AWS types. */
    private generic(ctx: Ctx): Answer {
        const id = ctx.givenId ?? `${ctx.name}-${pick(HEX, 7, ctx.seed, "id")}`;
        const state: Props = {};
        const naming = AUTONAMED[ctx.type];
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
        const invoke = this.invokes[args.token];
        return invoke ? invoke({ inputs, region, account, provider: args.provider }) : {};
    }

    // -- Resource handlers --------------------------------------------------------------

    private readonly handlers: Readonly<Record<string, Handler>> = {
        "aws:acm/certificate:Certificate": (c) => this.certificate(c),
        "aws:acm/certificateValidation:CertificateValidation": (c) => {
            const arn = str(c.inputs["certificateArn"]) ?? "";
            return { id: arn, state: { certificateArn: arn } };
        },
        "aws:apigateway/domainName:DomainName": (c) => this.restDomainName(c),
        "aws:apigatewayv2/domainName:DomainName": (c) => this.httpDomainName(c),
        "aws:apigateway/restApi:RestApi": (c) => this.restApi(c),
        "aws:apigatewayv2/api:Api": (c) => this.httpApi(c),
        "aws:apigateway/stage:Stage": (c) => this.restStage(c),
        "aws:apigatewayv2/stage:Stage": (c) => this.httpStage(c),
        "aws:apigateway/deployment:Deployment": (c) => ({ id: pick(LOWER_ALNUM, 6, c.seed), state: { createdDate: FIXED_TIME } }),
        "aws:apigatewayv2/deployment:Deployment": (c) => ({ id: pick(LOWER_ALNUM, 6, c.seed), state: { autoDeployed: false } }),
        "aws:apigateway/resource:Resource": (c) => this.restResource(c),
        "aws:apigateway/method:Method": (c) => ({ id: restMethodId("agm", c), state: {} }),
        "aws:apigateway/methodResponse:MethodResponse": (c) => ({ id: `${restMethodId("agmr", c)}-${str(c.inputs["statusCode"]) ?? ""}`, state: {} }),
        "aws:apigateway/integration:Integration": (c) => ({
            id: restMethodId("agi", c),
            state: {
                cacheNamespace: str(c.inputs["resourceId"]) ?? "",
                connectionType: str(c.inputs["connectionType"]) ?? "INTERNET",
                passthroughBehavior: str(c.inputs["passthroughBehavior"]) ?? "WHEN_NO_MATCH",
                timeoutMilliseconds: num(c.inputs["timeoutMilliseconds"]) ?? 29000,
                responseTransferMode: str(c.inputs["responseTransferMode"]) ?? "BUFFERED",
            },
        }),
        "aws:apigateway/integrationResponse:IntegrationResponse": (c) => ({ id: `${restMethodId("agir", c)}-${str(c.inputs["statusCode"]) ?? ""}`, state: {} }),
        "aws:apigatewayv2/route:Route": (c) => ({ id: pick(LOWER_ALNUM, 7, c.seed), state: {} }),
        "aws:apigatewayv2/integration:Integration": (c) => this.httpIntegration(c),
        "aws:apigateway/basePathMapping:BasePathMapping": (c) => {
            const domainNameId = str(c.inputs["domainNameId"]);
            const basePath = str(c.inputs["basePath"]) ?? "";
            const id = [str(c.inputs["domainName"]) ?? "", basePath, ...(domainNameId ? [domainNameId] : [])].join("/");
            return { id, state: { basePath } };
        },
        "aws:apigatewayv2/apiMapping:ApiMapping": (c) => ({ id: pick(LOWER_ALNUM, 6, c.seed), state: {} }),
        "aws:apigatewayv2/routingRule:RoutingRule": (c) => this.routingRule(c),
        "aws:apigateway/domainNameAccessAssociation:DomainNameAccessAssociation": (c) => {
            const domainArn = str(c.inputs["domainNameArn"]) ?? "";
            const domainKey = domainArn.slice(domainArn.indexOf("/domainnames/") + "/domainnames/".length);
            const source = str(c.inputs["accessAssociationSource"]) ?? "";
            const arn = `arn:${c.partition}:apigateway:${c.region}:${c.account}:/domainnameaccessassociations/domainname/${domainKey}/vpcesource/${source}`;
            return { id: arn, state: { arn } };
        },
        "aws:cloudfront/distribution:Distribution": (c) => this.distribution(c),
        "aws:cloudfront/cachePolicy:CachePolicy": (c) => this.cloudFrontPolicy(c, "cache-policy"),
        "aws:cloudfront/originRequestPolicy:OriginRequestPolicy": (c) => this.cloudFrontPolicy(c, "origin-request-policy"),
        "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy": (c) => this.cloudFrontPolicy(c, "response-headers-policy"),
        "aws:wafv2/webAcl:WebAcl": (c) => this.webAcl(c),
        "aws:wafv2/webAclAssociation:WebAclAssociation": (c) => ({
            id: `${str(c.inputs["webAclArn"]) ?? ""},${str(c.inputs["resourceArn"]) ?? ""}`,
            state: {},
        }),
        "aws:lb/loadBalancer:LoadBalancer": (c) => this.loadBalancer(c),
        "aws:alb/loadBalancer:LoadBalancer": (c) => this.loadBalancer(c),
        "aws:lb/targetGroup:TargetGroup": (c) => this.targetGroup(c),
        "aws:alb/targetGroup:TargetGroup": (c) => this.targetGroup(c),
        "aws:lb/listener:Listener": (c) => this.listener(c),
        "aws:alb/listener:Listener": (c) => this.listener(c),
        "aws:lb/listenerRule:ListenerRule": (c) => this.childArn(c, "listenerArn", ":listener/", ":listener-rule/"),
        "aws:alb/listenerRule:ListenerRule": (c) => this.childArn(c, "listenerArn", ":listener/", ":listener-rule/"),
        "aws:lb/targetGroupAttachment:TargetGroupAttachment": (c) => ({
            id: `${str(c.inputs["targetGroupArn"]) ?? ""}-${pick(DIGITS, 20, c.seed)}`,
            state: {},
        }),
        "aws:alb/targetGroupAttachment:TargetGroupAttachment": (c) => ({
            id: `${str(c.inputs["targetGroupArn"]) ?? ""}-${pick(DIGITS, 20, c.seed)}`,
            state: {},
        }),
        "aws:ec2/vpc:Vpc": (c) => this.vpc(c),
        "aws:ec2/subnet:Subnet": (c) => this.subnet(c),
        "aws:ec2/securityGroup:SecurityGroup": (c) => this.securityGroup(c),
        "aws:ec2/securityGroupRule:SecurityGroupRule": (c) => ({
            id: `sgrule-${pick(DIGITS, 10, c.seed)}`,
            state: { securityGroupRuleId: `sgr-${pick(HEX, 17, c.seed, "rule")}` },
        }),
        "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": (c) => this.securityGroupRule(c),
        "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": (c) => this.securityGroupRule(c),
        "aws:ec2/vpcEndpoint:VpcEndpoint": (c) => this.vpcEndpoint(c),
        "aws:route53/zone:Zone": (c) => this.zone(c),
        "aws:route53/record:Record": (c) => this.record(c),
        "aws:ram/resourceShare:ResourceShare": (c) => {
            const arn = `arn:${c.partition}:ram:${c.region}:${c.account}:resource-share/${uuid(c.seed)}`;
            return {
                id: arn,
                state: {
                    arn,
                    name: autoName(c, "name", 255),
                    allowExternalPrincipals: bool(c.inputs["allowExternalPrincipals"]) ?? false,
                    permissionArns: strs(c.inputs["permissionArns"]),
                },
            };
        },
        "aws:ram/resourceAssociation:ResourceAssociation": (c) => ({
            id: `${str(c.inputs["resourceShareArn"]) ?? ""},${str(c.inputs["resourceArn"]) ?? ""}`,
            state: {},
        }),
        "aws:ram/principalAssociation:PrincipalAssociation": (c) => ({
            id: `${str(c.inputs["resourceShareArn"]) ?? ""},${str(c.inputs["principal"]) ?? ""}`,
            state: {},
        }),
        "aws:iam/role:Role": (c) => this.iamRole(c),
        "aws:iam/policy:Policy": (c) => {
            const name = autoName(c, "name", 128);
            const arn = `arn:${c.partition}:iam::${c.account}:policy${str(c.inputs["path"]) ?? "/"}${name}`;
            return { id: arn, state: { arn, name, path: str(c.inputs["path"]) ?? "/", policyId: `ANPA${pick(UPPER_ALNUM, 17, c.seed)}`, attachmentCount: 0 } };
        },
        "aws:lambda/function:Function": (c) => this.lambdaFunction(c),
        "aws:s3/bucket:Bucket": (c) => this.bucket(c),
        "aws:s3/bucketV2:BucketV2": (c) => this.bucket(c),
        "tls:index/privateKey:PrivateKey": (c) => this.privateKey(c),
        "tls:index/selfSignedCert:SelfSignedCert": (c) => this.tlsCertificate(c, obj(c.inputs["subject"]), strs(c.inputs["dnsNames"])),
        "tls:index/certRequest:CertRequest": (c) => {
            const facts = { kind: "csr", commonName: str(obj(c.inputs["subject"])?.["commonName"]), dnsNames: strs(c.inputs["dnsNames"]) };
            return { id: pick(HEX, 40, c.seed), state: { certRequestPem: fakePem("CERTIFICATE REQUEST", facts, c.seed), keyAlgorithm: "RSA" } };
        },
        "tls:index/locallySignedCert:LocallySignedCert": (c) => {
            const request = readFakePem(str(c.inputs["certRequestPem"]));
            return this.tlsCertificate(c, { commonName: request?.commonName }, request?.dnsNames ?? []);
        },
        "random:index/randomString:RandomString": (c) => this.randomString(c, false),
        "random:index/randomPassword:RandomPassword": (c) => this.randomString(c, true),
        "random:index/randomId:RandomId": (c) => this.randomId(c),
        "random:index/randomPet:RandomPet": (c) => this.randomPet(c),
        "random:index/randomUuid:RandomUuid": (c) => {
            const result = uuid(c.seed);
            return { id: result, state: { result } };
        },
        "random:index/randomInteger:RandomInteger": (c) => {
            const min = num(c.inputs["min"]) ?? 0;
            const max = num(c.inputs["max"]) ?? min;
            const result = min + numberFrom(Math.max(1, max - min + 1), c.seed);
            return { id: String(result), state: { result } };
        },
    };

    private certificate(c: Ctx): Answer {
        const arn = c.givenId?.startsWith("arn:") ? c.givenId : `arn:${c.partition}:acm:${c.region}:${c.account}:certificate/${uuid(c.seed)}`;
        const common = { arn, status: "ISSUED", pendingRenewal: false, renewalSummaries: [], validationEmails: [] };
        const body = str(c.inputs["certificateBody"]);
        if (body !== undefined) {
            const facts = describeCertificate(body);
            // A body this simulator cannot read leaves the name out rather than inventing one.
            const domainName = facts.commonName ?? facts.dnsNames?.[0];
            if (domainName) this.certificates.push({ arn, domainName, region: c.region });
            return {
                id: arn,
                state: {
                    ...common,
                    type: "IMPORTED",
                    ...(domainName ? { domainName } : {}),
                    subjectAlternativeNames: (facts.dnsNames ?? []).filter((n) => n !== domainName),
                    keyAlgorithm: facts.keyAlgorithm ?? "RSA_2048",
                    notBefore: facts.notBefore ?? FIXED_TIME,
                    notAfter: facts.notAfter ?? addDays(FIXED_TIME, 365),
                    validationMethod: "NONE",
                    domainValidationOptions: [],
                    renewalEligibility: "INELIGIBLE",
                },
            };
        }
        const domainName = str(c.inputs["domainName"]) ?? "";
        const alternatives = strs(c.inputs["subjectAlternativeNames"]);
        this.certificates.push({ arn, domainName, region: c.region });
        const privateCa = str(c.inputs["certificateAuthorityArn"]) !== undefined;
        const method = str(c.inputs["validationMethod"]) ?? (privateCa ? "NONE" : "DNS");
        const names = [...new Set([domainName, ...alternatives])];
        return {
            id: arn,
            state: {
                ...common,
                type: privateCa ? "PRIVATE" : "AMAZON_ISSUED",
                domainName,
                subjectAlternativeNames: alternatives,
                keyAlgorithm: str(c.inputs["keyAlgorithm"]) ?? "RSA_2048",
                notBefore: FIXED_TIME,
                notAfter: addDays(FIXED_TIME, 395),
                validationMethod: method,
                domainValidationOptions: method === "DNS" ? names.map((n) => validationRecord(c.account, n)) : names.map((n) => ({ domainName: n })),
                validationEmails: method === "EMAIL" ? names.map((n) => `admin@${n.replace(/^\*\./, "")}`) : [],
                renewalEligibility: privateCa ? "ELIGIBLE" : "INELIGIBLE",
            },
        };
    }

    private restDomainName(c: Ctx): Answer {
        const answer = this.restDomainNameAnswer(c);
        this.domainNames.push({ id: answer.id, region: c.region, inputs: c.inputs, state: answer.state });
        return answer;
    }

    private restDomainNameAnswer(c: Ctx): Answer {
        const domainName = str(c.inputs["domainName"]) ?? "";
        const configuration = obj(c.inputs["endpointConfiguration"]);
        const types = configuration?.["types"];
        // aws v7 models `types` as one string; older programs passed a one-element list.
        const endpointType = (Array.isArray(types) ? str(types[0]) : str(types)) ?? "EDGE";
        const state: Props = {
            certificateUploadDate: FIXED_TIME,
            securityPolicy: str(c.inputs["securityPolicy"]) ?? "TLS_1_2",
            routingMode: str(c.inputs["routingMode"]) ?? "BASE_PATH_MAPPING_ONLY",
            endpointConfiguration: {
                ...(configuration ?? {}),
                types: types ?? endpointType,
                ipAddressType: str(configuration?.["ipAddressType"]) ?? (endpointType === "PRIVATE" ? "dualstack" : "ipv4"),
            },
        };
        if (endpointType === "PRIVATE") {
            const domainNameId = pick(LOWER_ALNUM, 10, c.seed, "domainNameId");
            state["domainNameId"] = domainNameId;
            state["arn"] = `arn:${c.partition}:apigateway:${c.region}:${c.account}:/domainnames/${domainName}+${domainNameId}`;
            return { id: `${domainName}/${domainNameId}`, state };
        }
        state["arn"] = `arn:${c.partition}:apigateway:${c.region}::/domainnames/${domainName}`;
        if (endpointType === "EDGE") {
            state["cloudfrontDomainName"] = `d${pick(LOWER_ALNUM, 13, c.seed, "cloudfront")}.cloudfront.net`;
            state["cloudfrontZoneId"] = CLOUDFRONT_ZONE_ID;
        } else {
            state["regionalDomainName"] = `d-${pick(LOWER_ALNUM, 10, c.seed, "regional")}.execute-api.${c.region}.${c.dnsSuffix}`;
            state["regionalZoneId"] = hostedZoneId("apigateway", c.region);
        }
        return { id: domainName, state };
    }

    /**
     * `apigatewayv2.RoutingRule`: AWS gives the rule an id and the ARN
     * `arn:{partition}:apigateway:{region}:{account}:/domainnames/{domainName}/routingrules/{id}` (the
     * provider imports rules by that ARN); the provider's resource id is the ARN too.
     */
    private routingRule(c: Ctx): Answer {
        const domainName = str(c.inputs["domainName"]) ?? "";
        const routingRuleId = pick(LOWER_ALNUM, 6, c.seed, "routingRule");
        const routingRuleArn = `arn:${c.partition}:apigateway:${c.region}:${c.account}:/domainnames/${domainName}/routingrules/${routingRuleId}`;
        return { id: routingRuleArn, state: { routingRuleArn, routingRuleId } };
    }

    private httpDomainName(c: Ctx): Answer {
        const domainName = str(c.inputs["domainName"]) ?? "";
        const configuration = obj(c.inputs["domainNameConfiguration"]) ?? {};
        return {
            id: domainName,
            state: {
                arn: `arn:${c.partition}:apigateway:${c.region}::/domainnames/${domainName}`,
                apiMappingSelectionExpression: "$request.basepath",
                routingMode: str(c.inputs["routingMode"]) ?? "API_MAPPING_ONLY",
                domainNameConfiguration: {
                    ...configuration,
                    endpointType: str(configuration["endpointType"]) ?? "REGIONAL",
                    securityPolicy: str(configuration["securityPolicy"]) ?? "TLS_1_2",
                    ipAddressType: str(configuration["ipAddressType"]) ?? "ipv4",
                    targetDomainName: `d-${pick(LOWER_ALNUM, 10, c.seed, "regional")}.execute-api.${c.region}.${c.dnsSuffix}`,
                    hostedZoneId: hostedZoneId("apigateway", c.region),
                },
            },
        };
    }

    private restApi(c: Ctx): Answer {
        const id = c.givenId ?? pick(LOWER_ALNUM, 10, c.seed);
        const rootResourceId = pick(LOWER_ALNUM, 10, c.seed, "root");
        this.restResourcePaths.set(rootResourceId, "/");
        return {
            id,
            state: {
                name: autoName(c, "name", 1024),
                rootResourceId,
                arn: `arn:${c.partition}:apigateway:${c.region}::/restapis/${id}`,
                executionArn: `arn:${c.partition}:execute-api:${c.region}:${c.account}:${id}`,
                createdDate: FIXED_TIME,
                apiKeySource: str(c.inputs["apiKeySource"]) ?? "HEADER",
                binaryMediaTypes: strs(c.inputs["binaryMediaTypes"]),
                description: str(c.inputs["description"]) ?? "",
                disableExecuteApiEndpoint: bool(c.inputs["disableExecuteApiEndpoint"]) ?? false,
                // A REST API without an endpoint configuration is edge-optimized.
                endpointConfiguration: obj(c.inputs["endpointConfiguration"]) ?? { types: "EDGE", ipAddressType: "ipv4" },
                minimumCompressionSize: str(c.inputs["minimumCompressionSize"]) ?? "",
                policy: str(c.inputs["policy"]) ?? "",
            },
        };
    }

    private httpApi(c: Ctx): Answer {
        const id = c.givenId ?? pick(LOWER_ALNUM, 10, c.seed);
        const protocol = str(c.inputs["protocolType"]) ?? "HTTP";
        this.apiProtocols.set(id, protocol);
        const scheme = protocol === "WEBSOCKET" ? "wss" : "https";
        return {
            id,
            state: {
                name: autoName(c, "name", 128),
                apiEndpoint: `${scheme}://${id}.execute-api.${c.region}.${c.dnsSuffix}`,
                arn: `arn:${c.partition}:apigateway:${c.region}::/apis/${id}`,
                executionArn: `arn:${c.partition}:execute-api:${c.region}:${c.account}:${id}`,
                ipAddressType: str(c.inputs["ipAddressType"]) ?? "ipv4",
                apiKeySelectionExpression: str(c.inputs["apiKeySelectionExpression"]) ?? "$request.header.x-api-key",
                routeSelectionExpression:
                    str(c.inputs["routeSelectionExpression"]) ?? (protocol === "WEBSOCKET" ? "$request.body.action" : "$request.method $request.path"),
            },
        };
    }

    private restStage(c: Ctx): Answer {
        const api = str(c.inputs["restApi"]) ?? "";
        const stage = str(c.inputs["stageName"]) ?? "";
        return {
            id: `ags-${api}-${stage}`,
            state: {
                invokeUrl: `https://${api}.execute-api.${c.region}.${c.dnsSuffix}/${stage}`,
                executionArn: `arn:${c.partition}:execute-api:${c.region}:${c.account}:${api}/${stage}`,
                arn: `arn:${c.partition}:apigateway:${c.region}::/restapis/${api}/stages/${stage}`,
                webAclArn: "",
            },
        };
    }

    private httpStage(c: Ctx): Answer {
        const api = str(c.inputs["apiId"]) ?? "";
        const stage = str(c.inputs["name"]) ?? "";
        const scheme = this.apiProtocols.get(api) === "WEBSOCKET" ? "wss" : "https";
        // The `$default` stage is served at the root of the API's URL.
        const path = stage === "$default" ? "" : stage;
        return {
            id: stage,
            state: {
                invokeUrl: `${scheme}://${api}.execute-api.${c.region}.${c.dnsSuffix}/${path}`,
                executionArn: `arn:${c.partition}:execute-api:${c.region}:${c.account}:${api}/${stage}`,
                arn: `arn:${c.partition}:apigateway:${c.region}::/apis/${api}/stages/${stage}`,
                deploymentId: str(c.inputs["deploymentId"]) ?? "",
            },
        };
    }

    private restResource(c: Ctx): Answer {
        const id = pick(LOWER_ALNUM, 6, c.seed);
        const parentPath = this.restResourcePaths.get(str(c.inputs["parentId"]) ?? "") ?? "/";
        const path = `${parentPath === "/" ? "" : parentPath}/${str(c.inputs["pathPart"]) ?? ""}`;
        this.restResourcePaths.set(id, path);
        return { id, state: { path } };
    }

    private httpIntegration(c: Ctx): Answer {
        const websocket = this.apiProtocols.get(str(c.inputs["apiId"]) ?? "") === "WEBSOCKET";
        return {
            id: pick(LOWER_ALNUM, 7, c.seed),
            state: {
                connectionType: str(c.inputs["connectionType"]) ?? "INTERNET",
                integrationResponseSelectionExpression: "",
                payloadFormatVersion: str(c.inputs["payloadFormatVersion"]) ?? "1.0",
                timeoutMilliseconds: num(c.inputs["timeoutMilliseconds"]) ?? (websocket ? 29000 : 30000),
            },
        };
    }

    private distribution(c: Ctx): Answer {
        const id = c.givenId ?? `E${pick(UPPER_ALNUM, 13, c.seed)}`;
        return {
            id,
            state: {
                arn: `arn:${c.partition}:cloudfront::${c.account}:distribution/${id}`,
                domainName: `d${pick(LOWER_ALNUM, 13, c.seed, "domain")}.cloudfront.net`,
                hostedZoneId: CLOUDFRONT_ZONE_ID,
                status: "Deployed",
                etag: `E${pick(UPPER_ALNUM, 13, c.seed, "etag")}`,
                callerReference: `terraform-${pick(DIGITS, 20, c.seed, "caller")}`,
                lastModifiedTime: FIXED_TIME,
                inProgressValidationBatches: 0,
                httpVersion: str(c.inputs["httpVersion"]) ?? "http2",
                priceClass: str(c.inputs["priceClass"]) ?? "PriceClass_All",
                continuousDeploymentPolicyId: "",
                trustedKeyGroups: [{ enabled: false, items: [] }],
                trustedSigners: [{ enabled: false, items: [] }],
            },
        };
    }

    private cloudFrontPolicy(c: Ctx, kind: string): Answer {
        const id = uuid(c.seed);
        return {
            id,
            state: { arn: `arn:${c.partition}:cloudfront::${c.account}:${kind}/${id}`, etag: `E${pick(UPPER_ALNUM, 13, c.seed, "etag")}` },
        };
    }

    private webAcl(c: Ctx): Answer {
        const id = uuid(c.seed);
        const name = autoName(c, "name", 128);
        // CloudFront web ACLs live in us-east-1 under the "global" scope whatever the provider says.
        const cloudfront = str(c.inputs["scope"]) === "CLOUDFRONT";
        const region = cloudfront ? "us-east-1" : c.region;
        return {
            id,
            state: {
                name,
                arn: `arn:${c.partition}:wafv2:${region}:${c.account}:${cloudfront ? "global" : "regional"}/webacl/${name}/${id}`,
                capacity: 0,
                lockToken: uuid(c.seed, "lock"),
                applicationIntegrationUrl: "",
            },
        };
    }

    private loadBalancer(c: Ctx): Answer {
        const type = str(c.inputs["loadBalancerType"]) ?? "application";
        const kind = type === "network" ? "net" : type === "gateway" ? "gwy" : "app";
        const name = autoName(c, "name", 32);
        const suffix = pick(HEX, 16, c.seed, "suffix");
        const internal = bool(c.inputs["internal"]) ?? false;
        const arn = `arn:${c.partition}:elasticloadbalancing:${c.region}:${c.account}:loadbalancer/${kind}/${name}/${suffix}`;
        this.loadBalancers.set(arn, kind);
        const dnsName =
            kind === "net"
                ? `${name}-${pick(HEX, 16, c.seed, "dns")}.elb.${c.region}.${c.dnsSuffix}`
                : `${internal ? "internal-" : ""}${name}-${pick(DIGITS, 10, c.seed, "dns")}.${c.region}.elb.${c.dnsSuffix}`;
        const subnets = strs(c.inputs["subnets"]);
        return {
            id: arn,
            state: {
                arn,
                arnSuffix: `${kind}/${name}/${suffix}`,
                name,
                dnsName,
                zoneId: hostedZoneId(kind === "net" ? "nlb" : "alb", c.region),
                internal,
                loadBalancerType: type,
                ipAddressType: str(c.inputs["ipAddressType"]) ?? "ipv4",
                vpcId: this.subnets.get(subnets[0] ?? "")?.vpcId ?? `vpc-${pick(HEX, 17, c.account, c.region, "default-vpc")}`,
                securityGroups: strs(c.inputs["securityGroups"]),
                subnets,
                subnetMappings: subnets.map((subnetId) => ({ subnetId, allocationId: "", privateIpv4Address: "", ipv6Address: "", outpostId: "" })),
                idleTimeout: num(c.inputs["idleTimeout"]) ?? 60,
                enableHttp2: bool(c.inputs["enableHttp2"]) ?? true,
                enableDeletionProtection: bool(c.inputs["enableDeletionProtection"]) ?? false,
                dropInvalidHeaderFields: bool(c.inputs["dropInvalidHeaderFields"]) ?? false,
                desyncMitigationMode: str(c.inputs["desyncMitigationMode"]) ?? "defensive",
            },
        };
    }

    private targetGroup(c: Ctx): Answer {
        const name = autoName(c, "name", 32);
        const suffix = pick(HEX, 16, c.seed, "suffix");
        const arn = `arn:${c.partition}:elasticloadbalancing:${c.region}:${c.account}:targetgroup/${name}/${suffix}`;
        const protocol = str(c.inputs["protocol"]);
        const healthCheck = obj(c.inputs["healthCheck"]) ?? {};
        return {
            id: arn,
            state: {
                arn,
                arnSuffix: `targetgroup/${name}/${suffix}`,
                name,
                targetType: str(c.inputs["targetType"]) ?? "instance",
                ipAddressType: str(c.inputs["ipAddressType"]) ?? "ipv4",
                protocolVersion: str(c.inputs["protocolVersion"]) ?? (protocol === "HTTP" || protocol === "HTTPS" ? "HTTP1" : ""),
                deregistrationDelay: num(c.inputs["deregistrationDelay"]) ?? 300,
                loadBalancingAlgorithmType: str(c.inputs["loadBalancingAlgorithmType"]) ?? "round_robin",
                slowStart: num(c.inputs["slowStart"]) ?? 0,
                loadBalancerArns: [],
                // AWS fills in every health check setting the program leaves out.
                healthCheck: {
                    enabled: true,
                    healthyThreshold: 5,
                    interval: 30,
                    matcher: "200",
                    path: "/",
                    port: "traffic-port",
                    protocol: protocol === "HTTPS" ? "HTTPS" : "HTTP",
                    timeout: 5,
                    unhealthyThreshold: 2,
                    ...healthCheck,
                },
            },
        };
    }

    private listener(c: Ctx): Answer {
        const answer = this.childArn(c, "loadBalancerArn", ":loadbalancer/", ":listener/");
        const protocol = str(c.inputs["protocol"]) ?? (this.loadBalancers.get(str(c.inputs["loadBalancerArn"]) ?? "") === "net" ? "TCP" : "HTTP");
        const secure = protocol === "HTTPS" || protocol === "TLS";
        answer.state["protocol"] = protocol;
        answer.state["sslPolicy"] = str(c.inputs["sslPolicy"]) ?? (secure ? "ELBSecurityPolicy-2016-08" : "");
        return answer;
    }

    /** An ELB sub-resource's ARN: its parent's ARN with the kind swapped and one more id segment. */
    private childArn(c: Ctx, parentProperty: string, from: string, to: string): Answer {
        const parent = str(c.inputs[parentProperty]) ?? "";
        const arn = `${parent.replace(from, to)}/${pick(HEX, 16, c.seed)}`;
        return { id: arn, state: { arn } };
    }

    private vpc(c: Ctx): Answer {
        const id = c.givenId ?? `vpc-${pick(HEX, 17, c.seed)}`;
        const cidrBlock = str(c.inputs["cidrBlock"]) ?? "10.0.0.0/16";
        this.vpcCidrs.set(id, cidrBlock);
        const routeTable = `rtb-${pick(HEX, 17, c.seed, "rtb")}`;
        return {
            id,
            state: {
                arn: `arn:${c.partition}:ec2:${c.region}:${c.account}:vpc/${id}`,
                cidrBlock,
                ownerId: c.account,
                defaultSecurityGroupId: `sg-${pick(HEX, 17, c.seed, "sg")}`,
                defaultNetworkAclId: `acl-${pick(HEX, 17, c.seed, "acl")}`,
                defaultRouteTableId: routeTable,
                mainRouteTableId: routeTable,
                dhcpOptionsId: `dopt-${pick(HEX, 17, c.seed, "dopt")}`,
                enableDnsSupport: bool(c.inputs["enableDnsSupport"]) ?? true,
                enableDnsHostnames: bool(c.inputs["enableDnsHostnames"]) ?? false,
                enableNetworkAddressUsageMetrics: false,
                instanceTenancy: str(c.inputs["instanceTenancy"]) ?? "default",
                ipv6AssociationId: "",
                ipv6CidrBlock: "",
                ipv6CidrBlockNetworkBorderGroup: "",
            },
        };
    }

    private subnet(c: Ctx): Answer {
        const id = c.givenId ?? `subnet-${pick(HEX, 17, c.seed)}`;
        const zones = availabilityZones(c.region);
        const availabilityZone = str(c.inputs["availabilityZone"]) ?? zones[numberFrom(zones.length, c.seed, "az")];
        const vpcId = str(c.inputs["vpcId"]);
        const cidrBlock = str(c.inputs["cidrBlock"]);
        this.subnets.set(id, { id, vpcId, availabilityZone, cidrBlock });
        return {
            id,
            state: {
                arn: `arn:${c.partition}:ec2:${c.region}:${c.account}:subnet/${id}`,
                availabilityZone,
                availabilityZoneId: availabilityZoneId(availabilityZone),
                ownerId: c.account,
                mapPublicIpOnLaunch: bool(c.inputs["mapPublicIpOnLaunch"]) ?? false,
                privateDnsHostnameTypeOnLaunch: "ip-name",
                ipv6CidrBlock: "",
                ipv6CidrBlockAssociationId: "",
            },
        };
    }

    private securityGroup(c: Ctx): Answer {
        const id = c.givenId ?? `sg-${pick(HEX, 17, c.seed)}`;
        return {
            id,
            state: {
                arn: `arn:${c.partition}:ec2:${c.region}:${c.account}:security-group/${id}`,
                name: autoName(c, "name", 255),
                description: str(c.inputs["description"]) ?? "Managed by Pulumi",
                ownerId: c.account,
                ingress: c.inputs["ingress"] ?? [],
                egress: c.inputs["egress"] ?? [],
                revokeRulesOnDelete: bool(c.inputs["revokeRulesOnDelete"]) ?? false,
                vpcId: str(c.inputs["vpcId"]) ?? `vpc-${pick(HEX, 17, c.account, c.region, "default-vpc")}`,
            },
        };
    }

    private securityGroupRule(c: Ctx): Answer {
        const id = `sgr-${pick(HEX, 17, c.seed)}`;
        return { id, state: { arn: `arn:${c.partition}:ec2:${c.region}:${c.account}:security-group-rule/${id}`, securityGroupRuleId: id } };
    }

    private vpcEndpoint(c: Ctx): Answer {
        const id = c.givenId ?? `vpce-${pick(HEX, 17, c.seed)}`;
        const state = this.endpointState(c, id);
        this.vpcEndpoints.set(id, { id, ...c.inputs, ...state });
        return { id, state };
    }

    /** The state of a VPC endpoint; interface endpoints get one ENI per subnet and zonal DNS names. */
    private endpointState(c: Ctx, id: string): Props {
        const type = str(c.inputs["vpcEndpointType"]) ?? "Gateway";
        const serviceName = str(c.inputs["serviceName"]) ?? "";
        const vpcId = str(c.inputs["vpcId"]);
        const subnetIds = strs(c.inputs["subnetIds"]);
        const securityGroupIds = strs(c.inputs["securityGroupIds"]);
        const state: Props = {
            arn: `arn:${c.partition}:ec2:${c.region}:${c.account}:vpc-endpoint/${id}`,
            state: "available",
            ownerId: c.account,
            requesterManaged: false,
            vpcEndpointType: type,
            serviceRegion: c.region,
            ipAddressType: str(c.inputs["ipAddressType"]) ?? "ipv4",
            privateDnsEnabled: bool(c.inputs["privateDnsEnabled"]) ?? false,
            dnsOptions: { dnsRecordIpType: "ipv4", privateDnsOnlyForInboundResolverEndpoint: false },
            policy: str(c.inputs["policy"]) ?? FULL_ACCESS_POLICY,
            securityGroupIds,
            subnetIds,
            cidrBlocks: [],
            prefixListId: "",
            networkInterfaceIds: [],
            dnsEntries: [],
            subnetConfigurations: [],
        };
        if (type === "Gateway") {
            state["prefixListId"] = `pl-${pick(HEX, 8, c.seed, "pl")}`;
            return state;
        }
        if (type !== "Interface") return state;
        const zones = availabilityZones(c.region);
        const enis = subnetIds.map((subnetId, index) => {
            const subnet = this.subnets.get(subnetId);
            const eni: EniFacts = {
                id: `eni-${pick(HEX, 17, id, subnetId)}`,
                subnetId,
                vpcId: vpcId ?? subnet?.vpcId,
                availabilityZone: subnet?.availabilityZone ?? zones[index % zones.length],
                privateIp: addressIn(subnet?.cidrBlock, id, subnetId),
                securityGroups: securityGroupIds,
                vpcEndpointId: id,
                region: c.region,
                account: c.account,
            };
            this.enis.set(eni.id, eni);
            return eni;
        });
        // The service's short name: `com.amazonaws.us-east-1.execute-api` serves `execute-api`.
        const service = serviceName.split(".").slice(3).join(".") || "vpce-svc";
        const suffix = pick(LOWER_ALNUM, 8, c.seed, "dns");
        const zoneId = hostedZoneId("vpce", c.region);
        const zonal = [...new Set(enis.map((e) => e.availabilityZone))];
        state["networkInterfaceIds"] = enis.map((e) => e.id);
        state["subnetConfigurations"] = enis.map((e) => ({ subnetId: e.subnetId, ipv4: e.privateIp, ipv6: "" }));
        state["dnsEntries"] = [
            { dnsName: `${id}-${suffix}.${service}.${c.region}.vpce.${c.dnsSuffix}`, hostedZoneId: zoneId },
            ...zonal.map((az) => ({ dnsName: `${id}-${suffix}-${az}.${service}.${c.region}.vpce.${c.dnsSuffix}`, hostedZoneId: zoneId })),
        ];
        return state;
    }

    private zone(c: Ctx): Answer {
        const name = normalizeZoneName(str(c.inputs["name"]) ?? "");
        const privateZone = Array.isArray(c.inputs["vpcs"]) && (c.inputs["vpcs"] as unknown[]).length > 0;
        // The first zone of a name gets the id a lookup of that name answers, whichever runs first.
        const canonical = zoneIdFor(c.account, name, privateZone);
        const taken = this.zones.some((z) => z.created && z.zoneId === canonical);
        const zoneId = c.givenId ?? (taken ? `Z0${pick(UPPER_ALNUM, 19, c.seed)}` : canonical);
        const nameServers = nameServersFor(zoneId, privateZone);
        const looked = this.zones.findIndex((z) => !z.created && z.zoneId === zoneId);
        if (looked >= 0) this.zones.splice(looked, 1);
        this.zones.push({ zoneId, name, privateZone, nameServers, account: c.account, created: true });
        return {
            id: zoneId,
            state: {
                zoneId,
                name,
                arn: `arn:${c.partition}:route53:::hostedzone/${zoneId}`,
                nameServers,
                primaryNameServer: nameServers[0],
                comment: str(c.inputs["comment"]) ?? "Managed by Pulumi",
                enableAcceleratedRecovery: false,
            },
        };
    }

    private record(c: Ctx): Answer {
        const zoneId = str(c.inputs["zoneId"]) ?? "";
        const type = str(c.inputs["type"]) ?? "";
        const name = normalizeZoneName(str(c.inputs["name"]) ?? "");
        const zoneName = this.zones.find((z) => z.zoneId === zoneId)?.name;
        // A name relative to the zone is completed with the zone's name, as Route 53 does.
        const fqdn = !zoneName || name === zoneName || name.endsWith(`.${zoneName}`) ? name : `${name}.${zoneName}`;
        const setIdentifier = str(c.inputs["setIdentifier"]);
        return {
            id: [zoneId, name, type, ...(setIdentifier ? [setIdentifier] : [])].join("_"),
            // Route 53 stores names lowercased and without the final dot.
            state: { name, fqdn, allowOverwrite: bool(c.inputs["allowOverwrite"]) ?? false },
        };
    }

    private iamRole(c: Ctx): Answer {
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

    private lambdaFunction(c: Ctx): Answer {
        const name = autoName(c, "name", 64);
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

    private bucket(c: Ctx): Answer {
        const bucket = autoName(c, "bucket", 63, true);
        return {
            id: bucket,
            state: {
                bucket,
                arn: `arn:${c.partition}:s3:::${bucket}`,
                bucketDomainName: `${bucket}.s3.${c.dnsSuffix}`,
                bucketRegionalDomainName: `${bucket}.s3.${c.region}.${c.dnsSuffix}`,
                bucketRegion: c.region,
            },
        };
    }

    private privateKey(c: Ctx): Answer {
        const algorithm = str(c.inputs["algorithm"]) ?? "RSA";
        const facts = { kind: "private-key", keyAlgorithm: algorithm };
        const fingerprint = pick(HEX, 32, c.seed, "md5");
        return {
            id: pick(HEX, 40, c.seed),
            state: {
                algorithm,
                rsaBits: num(c.inputs["rsaBits"]) ?? 2048,
                ecdsaCurve: str(c.inputs["ecdsaCurve"]) ?? "P224",
                privateKeyPem: secret(fakePem(algorithm === "RSA" ? "RSA PRIVATE KEY" : "EC PRIVATE KEY", facts, c.seed)),
                privateKeyPemPkcs8: secret(fakePem("PRIVATE KEY", facts, c.seed)),
                privateKeyOpenssh: secret(fakePem("OPENSSH PRIVATE KEY", facts, c.seed)),
                publicKeyPem: fakePem("PUBLIC KEY", { ...facts, kind: "public-key" }, c.seed),
                publicKeyOpenssh: `ssh-${algorithm.toLowerCase()} ${Buffer.from(pick(HEX, 64, c.seed, "ssh")).toString("base64")}\n`,
                publicKeyFingerprintMd5: fingerprint.match(/../g)?.join(":") ?? fingerprint,
                publicKeyFingerprintSha256: `SHA256:${Buffer.from(pick(HEX, 64, c.seed, "sha"), "hex").toString("base64").replace(/=+$/, "")}`,
            },
        };
    }

    private tlsCertificate(c: Ctx, subject: Props | undefined, dnsNames: string[]): Answer {
        const hours = num(c.inputs["validityPeriodHours"]) ?? 24;
        const notAfter = new Date(FIXED_TIME_MS + hours * 3_600_000).toISOString().replace(".000", "");
        const key = readFakePem(str(c.inputs["privateKeyPem"]) ?? str(c.inputs["caPrivateKeyPem"]));
        const facts = {
            kind: "certificate",
            commonName: str(subject?.["commonName"]),
            dnsNames,
            keyAlgorithm: key?.keyAlgorithm === "ECDSA" ? "EC_prime256v1" : "RSA_2048",
            notBefore: FIXED_TIME,
            notAfter,
        };
        return {
            id: pick(DIGITS, 38, c.seed),
            state: {
                certPem: fakePem("CERTIFICATE", facts, c.seed),
                keyAlgorithm: key?.keyAlgorithm ?? "RSA",
                validityStartTime: FIXED_TIME,
                validityEndTime: notAfter,
                readyForRenewal: false,
                isCaCertificate: bool(c.inputs["isCaCertificate"]) ?? false,
            },
        };
    }

    private randomString(c: Ctx, password: boolean): Answer {
        const flag = (key: string) => bool(c.inputs[key]) ?? true;
        const special = str(c.inputs["overrideSpecial"]) ?? "!@#$%&*()-_=+[]{}<>:?";
        const alphabet =
            (flag("lower") ? LOWER_ALPHA : "") +
            (flag("upper") ? LOWER_ALPHA.toUpperCase() : "") +
            (flag("numeric") && (bool(c.inputs["number"]) ?? true) ? DIGITS : "") +
            (flag("special") ? special : "");
        const result = pick(alphabet || LOWER_ALPHA, num(c.inputs["length"]) ?? 16, c.seed);
        if (!password) return { id: result, state: { result } };
        return { id: "none", state: { result: secret(result), bcryptHash: secret(`$2a$10$${pick(LOWER_ALNUM, 53, c.seed, "bcrypt")}`) } };
    }

    private randomId(c: Ctx): Answer {
        const bytes = Buffer.from(pick(HEX, 2 * (num(c.inputs["byteLength"]) ?? 8), c.seed), "hex");
        const prefix = str(c.inputs["prefix"]) ?? "";
        const b64Url = bytes.toString("base64url");
        return {
            id: b64Url,
            state: {
                hex: prefix + bytes.toString("hex"),
                b64Url: prefix + b64Url,
                b64Std: prefix + bytes.toString("base64"),
                dec: prefix + BigInt(`0x${bytes.toString("hex") || "0"}`).toString(),
            },
        };
    }

    private randomPet(c: Ctx): Answer {
        const length = num(c.inputs["length"]) ?? 2;
        const separator = str(c.inputs["separator"]) ?? "-";
        const words = Array.from({ length }, (_, i) => {
            const list = i === length - 1 ? PET_NAMES : i === length - 2 ? PET_ADJECTIVES : PET_ADVERBS;
            return list[numberFrom(list.length, c.seed, String(i))];
        });
        const prefix = str(c.inputs["prefix"]);
        const result = [...(prefix ? [prefix] : []), ...words].join(separator);
        return { id: result, state: {} };
    }

    // -- Invoke handlers ----------------------------------------------------------------

    private readonly invokes: Readonly<Record<string, (call: InvokeCall) => Props>> = {
        "aws:index/getRegion:getRegion": (call) => {
            const region = str(call.inputs["region"]) ?? str(call.inputs["name"]) ?? call.region;
            return {
                id: region,
                name: region,
                region,
                description: regionDescription(region),
                endpoint: `ec2.${region}.${partitionOf(region).dnsSuffix}`,
            };
        },
        "aws:index/getCallerIdentity:getCallerIdentity": (call) => {
            const p = partitionOf(call.region).partition;
            const role = this.assumedRoleName(call.provider);
            return {
                id: call.account,
                accountId: call.account,
                arn: role ? `arn:${p}:sts::${call.account}:assumed-role/${role}/pulumi` : `arn:${p}:iam::${call.account}:user/offline-plan`,
                userId: role ? `AROA${pick(UPPER_ALNUM, 17, call.account, role)}:pulumi` : `AIDA${pick(UPPER_ALNUM, 17, call.account)}`,
            };
        },
        "aws:index/getPartition:getPartition": (call) => {
            const p = partitionOf(call.region);
            return { id: p.partition, ...p };
        },
        "aws:index/getAvailabilityZones:getAvailabilityZones": (call) => {
            const names = availabilityZones(call.region);
            return { id: call.region, names, zoneIds: names.map(availabilityZoneId), groupNames: [call.region] };
        },
        "aws:route53/getZone:getZone": (call) => this.lookupZone(call),
        "aws:apigateway/getDomainName:getDomainName": (call) => this.lookupDomainName(call),
        "aws:ec2/getVpc:getVpc": (call) => this.lookupVpc(call),
        "aws:ec2/getSubnets:getSubnets": (call) => this.lookupSubnets(call),
        "aws:ec2/getSubnet:getSubnet": (call) => {
            const id = str(call.inputs["id"]) ?? `subnet-${pick(HEX, 17, call.region, JSON.stringify(call.inputs))}`;
            const subnet = this.subnets.get(id) ?? { id, availabilityZone: availabilityZones(call.region)[0] };
            return {
                id,
                arn: `arn:${partitionOf(call.region).partition}:ec2:${call.region}:${call.account}:subnet/${id}`,
                availabilityZone: subnet.availabilityZone,
                availabilityZoneId: availabilityZoneId(subnet.availabilityZone),
                cidrBlock: subnet.cidrBlock ?? "10.0.0.0/24",
                vpcId: subnet.vpcId ?? `vpc-${pick(HEX, 17, call.account, call.region, "default-vpc")}`,
                ownerId: call.account,
                state: "available",
            };
        },
        "aws:ec2/getNetworkInterface:getNetworkInterface": (call) => this.lookupNetworkInterface(call),
        "aws:ec2/getVpcEndpoint:getVpcEndpoint": (call) => this.lookupVpcEndpoint(call),
        "aws:acm/getCertificate:getCertificate": (call) => {
            const domain = str(call.inputs["domain"]) ?? "";
            const existing = this.certificates.find((cert) => cert.domainName === domain && cert.region === call.region);
            const arn = existing?.arn ?? `arn:${partitionOf(call.region).partition}:acm:${call.region}:${call.account}:certificate/${uuid("lookup", call.account, call.region, domain)}`;
            return { id: arn, arn, domain, status: "ISSUED", certificate: "", certificateChain: "", tags: {} };
        },
        "aws:lb/getHostedZoneId:getHostedZoneId": (call) => this.lookupLoadBalancerZone(call),
        "aws:alb/getHostedZoneId:getHostedZoneId": (call) => this.lookupLoadBalancerZone(call),
        "aws:elb/getHostedZoneId:getHostedZoneId": (call) => ({ id: hostedZoneId("alb", str(call.inputs["region"]) ?? call.region) }),
        "aws:cloudfront/getCachePolicy:getCachePolicy": (call) => this.lookupCloudFrontPolicy(call, MANAGED_CACHE_POLICIES, "cache-policy"),
        "aws:cloudfront/getOriginRequestPolicy:getOriginRequestPolicy": (call) =>
            this.lookupCloudFrontPolicy(call, MANAGED_ORIGIN_REQUEST_POLICIES, "origin-request-policy"),
    };

    private assumedRoleName(provider: string | undefined): string | undefined {
        const roleArn = this.providerInfo(provider)?.roleArn;
        return roleArn ? roleArn.slice(roleArn.lastIndexOf("/") + 1) : undefined;
    }

    /**
     * `apigateway.getDomainName`: a domain this run created answers with its own state; any other
     * exists offline, made up from the question (private when asked by id, else regional with TLS_1_2).
     */
    private lookupDomainName(call: InvokeCall): Props {
        const domainName = str(call.inputs["domainName"]) ?? "";
        const domainNameId = str(call.inputs["domainNameId"]);
        const region = str(call.inputs["region"]) ?? call.region;
        const { partition, dnsSuffix } = partitionOf(region);
        const known = [...this.domainNames].reverse().find((d) => d.region === region
            && str(d.inputs["domainName"]) === domainName && (domainNameId === undefined || str(d.state["domainNameId"]) === domainNameId));
        const seed = `${call.account}/${region}/${domainName}/${domainNameId ?? ""}`;
        const state: Props = known ? { ...known.inputs, ...known.state } : {};
        const configuration = obj(state["endpointConfiguration"]);
        const types = configuration?.["types"];
        const endpointType = (Array.isArray(types) ? str(types[0]) : str(types)) ?? (domainNameId ? "PRIVATE" : "REGIONAL");
        const id = domainNameId ?? str(state["domainNameId"]);
        const certificateArn = `arn:${partition}:acm:${endpointType === "EDGE" ? "us-east-1" : region}:${call.account}:certificate/${uuid("domain-lookup", seed)}`;
        return {
            id: known?.id ?? domainName,
            arn: str(state["arn"]) ?? `arn:${partition}:apigateway:${region}:${id ? call.account : ""}:/domainnames/${domainName}${id ? `+${id}` : ""}`,
            domainName,
            domainNameId: id ?? "",
            region,
            endpointConfigurations: [{ types: [endpointType], ipAddressType: str(configuration?.["ipAddressType"]) ?? (endpointType === "PRIVATE" ? "dualstack" : "ipv4") }],
            securityPolicy: str(state["securityPolicy"]) ?? "TLS_1_2",
            endpointAccessMode: str(state["endpointAccessMode"]) ?? "",
            certificateArn: endpointType === "REGIONAL" ? "" : str(state["certificateArn"]) ?? certificateArn,
            certificateName: "",
            certificateUploadDate: FIXED_TIME,
            regionalCertificateArn: endpointType === "REGIONAL" ? str(state["regionalCertificateArn"]) ?? certificateArn : "",
            regionalCertificateName: "",
            cloudfrontDomainName: endpointType === "EDGE" ? str(state["cloudfrontDomainName"]) ?? `d${pick(LOWER_ALNUM, 13, seed, "cloudfront")}.cloudfront.net` : "",
            cloudfrontZoneId: endpointType === "EDGE" ? CLOUDFRONT_ZONE_ID : "",
            regionalDomainName: endpointType === "REGIONAL"
                ? str(state["regionalDomainName"]) ?? `d-${pick(LOWER_ALNUM, 10, seed, "regional")}.execute-api.${region}.${dnsSuffix}` : "",
            regionalZoneId: endpointType === "REGIONAL" ? hostedZoneId("apigateway", region) ?? "" : "",
            policy: str(state["policy"]) ?? "",
            tags: obj(state["tags"]) ?? {},
        };
    }

    private lookupZone(call: InvokeCall): Props {
        const byId = str(call.inputs["zoneId"]);
        const wantedName = str(call.inputs["name"]);
        const wantedPrivate = bool(call.inputs["privateZone"]);
        let zone = byId
            ? this.zones.find((z) => z.zoneId === byId)
            : wantedName
              ? [...this.zones].reverse().find((z) => z.name === normalizeZoneName(wantedName) && z.privateZone === (wantedPrivate ?? false))
              : undefined;
        if (!zone) {
            // Offline, every zone the program asks for exists; it is made up from the question.
            const privateZone = wantedPrivate ?? false;
            const name = wantedName ? normalizeZoneName(wantedName) : `${(byId ?? "zone").toLowerCase()}.example.com`;
            const zoneId = byId ?? zoneIdFor(call.account, name, privateZone);
            zone = { zoneId, name, privateZone, nameServers: nameServersFor(zoneId, privateZone), account: call.account, created: false };
            this.zones.push(zone);
        }
        return {
            id: zone.zoneId,
            zoneId: zone.zoneId,
            name: zone.name,
            arn: `arn:${partitionOf(call.region).partition}:route53:::hostedzone/${zone.zoneId}`,
            callerReference: pick(HEX, 32, "caller", zone.zoneId),
            comment: "",
            nameServers: zone.nameServers,
            primaryNameServer: zone.nameServers[0],
            privateZone: zone.privateZone,
            resourceRecordSetCount: 2,
            linkedServiceDescription: "",
            linkedServicePrincipal: "",
            tags: {},
            ...(str(call.inputs["vpcId"]) ? { vpcId: str(call.inputs["vpcId"]) } : {}),
        };
    }

    private lookupVpc(call: InvokeCall): Props {
        const isDefault = bool(call.inputs["default"]) ?? !str(call.inputs["id"]);
        const id = str(call.inputs["id"]) ?? `vpc-${pick(HEX, 17, call.account, call.region, "default-vpc")}`;
        const cidrBlock = this.vpcCidrs.get(id) ?? (isDefault ? "172.31.0.0/16" : "10.0.0.0/16");
        this.vpcCidrs.set(id, cidrBlock);
        return {
            id,
            arn: `arn:${partitionOf(call.region).partition}:ec2:${call.region}:${call.account}:vpc/${id}`,
            cidrBlock,
            cidrBlockAssociations: [{ associationId: `vpc-cidr-assoc-${pick(HEX, 17, id)}`, cidrBlock, state: "associated" }],
            default: isDefault,
            dhcpOptionsId: `dopt-${pick(HEX, 17, id)}`,
            enableDnsHostnames: true,
            enableDnsSupport: true,
            enableNetworkAddressUsageMetrics: false,
            instanceTenancy: "default",
            ipv6AssociationId: "",
            ipv6CidrBlock: "",
            mainRouteTableId: `rtb-${pick(HEX, 17, id)}`,
            ownerId: call.account,
            state: "available",
            tags: {},
        };
    }

    private lookupSubnets(call: InvokeCall): Props {
        const filters = Array.isArray(call.inputs["filters"]) ? (call.inputs["filters"] as unknown[]) : [];
        const vpcFilter = filters.map(obj).find((f) => str(f?.["name"]) === "vpc-id");
        const vpcId = strs(vpcFilter?.["values"])[0] ?? `vpc-${pick(HEX, 17, call.account, call.region, "default-vpc")}`;
        let subnets = [...this.subnets.values()].filter((s) => s.vpcId === vpcId);
        if (subnets.length === 0) {
            // An unknown VPC gets one subnet per availability zone, carved from its CIDR.
            const cidr = this.vpcCidrs.get(vpcId) ?? "10.0.0.0/16";
            const [a, b] = cidr.split(".");
            subnets = availabilityZones(call.region).map((availabilityZone, index) => ({
                id: `subnet-${pick(HEX, 17, vpcId, String(index))}`,
                vpcId,
                availabilityZone,
                cidrBlock: `${a}.${b}.${index * 16}.0/20`,
            }));
            for (const s of subnets) this.subnets.set(s.id, s);
        }
        return { id: call.region, ids: subnets.map((s) => s.id), filters };
    }

    private lookupNetworkInterface(call: InvokeCall): Props {
        const id = str(call.inputs["id"]) ?? `eni-${pick(HEX, 17, JSON.stringify(call.inputs))}`;
        const eni = this.enis.get(id) ?? {
            id,
            subnetId: `subnet-${pick(HEX, 17, id)}`,
            availabilityZone: availabilityZones(call.region)[numberFrom(3, id)],
            privateIp: addressIn(undefined, id),
            securityGroups: [],
            region: call.region,
            account: call.account,
        };
        const privateDnsName =
            eni.region === "us-east-1" ? `ip-${eni.privateIp.replace(/\./g, "-")}.ec2.internal` : `ip-${eni.privateIp.replace(/\./g, "-")}.${eni.region}.compute.internal`;
        return {
            id,
            arn: `arn:${partitionOf(eni.region).partition}:ec2:${eni.region}:${eni.account}:network-interface/${id}`,
            availabilityZone: eni.availabilityZone,
            description: eni.vpcEndpointId ? `VPC Endpoint Interface ${eni.vpcEndpointId}` : "",
            interfaceType: eni.vpcEndpointId ? "vpc_endpoint" : "interface",
            privateIp: eni.privateIp,
            privateIps: [eni.privateIp],
            privateDnsName,
            subnetId: eni.subnetId,
            vpcId: eni.vpcId ?? this.subnets.get(eni.subnetId)?.vpcId ?? `vpc-${pick(HEX, 17, eni.account, eni.region, "default-vpc")}`,
            securityGroups: eni.securityGroups,
            ownerId: eni.account,
            requesterId: eni.vpcEndpointId ? "AROAOFFLINEVPCE" : "",
            macAddress: `02:${pick(HEX, 10, id, "mac").match(/../g)?.join(":")}`,
            ipv6Addresses: [],
            associations: [],
            attachments: [],
            enaSrdSpecifications: [],
            outpostArn: "",
            region: eni.region,
            tags: {},
        };
    }

    private lookupVpcEndpoint(call: InvokeCall): Props {
        const id = str(call.inputs["id"]);
        const serviceName = str(call.inputs["serviceName"]);
        const vpcId = str(call.inputs["vpcId"]);
        const known = id
            ? this.vpcEndpoints.get(id)
            : [...this.vpcEndpoints.values()].find((e) => (!serviceName || e["serviceName"] === serviceName) && (!vpcId || e["vpcId"] === vpcId));
        if (known) return { ...known, tags: {} };
        const endpointId = id ?? `vpce-${pick(HEX, 17, JSON.stringify(call.inputs))}`;
        const partition = partitionOf(call.region);
        const ctx: Ctx = {
            type: "aws:ec2/vpcEndpoint:VpcEndpoint",
            name: endpointId,
            seed: endpointId,
            inputs: {
                vpcEndpointType: "Interface",
                serviceName: serviceName ?? `com.amazonaws.${call.region}.execute-api`,
                vpcId: vpcId ?? "",
                subnetIds: vpcId ? this.lookupSubnets({ ...call, inputs: { filters: [{ name: "vpc-id", values: [vpcId] }] } })["ids"] : [],
            },
            region: call.region,
            account: call.account,
            partition: partition.partition,
            dnsSuffix: partition.dnsSuffix,
        };
        const state = { id: endpointId, ...ctx.inputs, ...this.endpointState(ctx, endpointId) };
        this.vpcEndpoints.set(endpointId, state);
        return { ...state, tags: {} };
    }

    private lookupLoadBalancerZone(call: InvokeCall): Props {
        const region = str(call.inputs["region"]) ?? call.region;
        const network = str(call.inputs["loadBalancerType"]) === "network";
        return { id: hostedZoneId(network ? "nlb" : "alb", region) };
    }

    private lookupCloudFrontPolicy(call: InvokeCall, managed: ManagedPolicy[], kind: string): Props {
        const name = str(call.inputs["name"]);
        const id = str(call.inputs["id"]);
        const policy = managed.find((p) => p.name === name || p.id === id) ?? {
            id: id ?? uuid("cloudfront", kind, call.account, name ?? ""),
            name: name ?? "",
        };
        const arn = `arn:${partitionOf(call.region).partition}:cloudfront::${call.account}:${kind}/${policy.id}`;
        const common = { id: policy.id, name: policy.name, arn, etag: `E${pick(UPPER_ALNUM, 13, policy.id)}`, comment: "" };
        if (kind === "cache-policy") {
            const disabled = policy.name === "Managed-CachingDisabled";
            return { ...common, minTtl: disabled ? 0 : 1, defaultTtl: disabled ? 0 : 86400, maxTtl: disabled ? 0 : 31536000, parametersInCacheKeyAndForwardedToOrigins: [] };
        }
        return {
            ...common,
            headersConfigs: [{ headerBehavior: policy.headerBehavior ?? "none", headers: policy.headers?.length ? [{ items: policy.headers }] : [] }],
            cookiesConfigs: [{ cookieBehavior: policy.headerBehavior === "allViewer" || policy.headerBehavior === "allExcept" ? "all" : "none", cookies: [] }],
            queryStringsConfigs: [{ queryStringBehavior: policy.headerBehavior === "allViewer" || policy.headerBehavior === "allExcept" ? "all" : "none", queryStrings: [] }],
        };
    }
}

interface InvokeCall {
    inputs: Props;
    region: string;
    account: string;
    provider?: string;
}

const SERVICE_OF_MODULE: Readonly<Record<string, string>> = {
    apigatewayv2: "apigateway",
    lb: "elasticloadbalancing",
    alb: "elasticloadbalancing",
    elb: "elasticloadbalancing",
    cloudwatch: "logs",
    vpc: "ec2",
};

const FULL_ACCESS_POLICY = JSON.stringify({
    Version: "2008-10-17",
    Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }],
});

const PET_ADVERBS = ["quickly", "gently", "boldly", "calmly", "eagerly", "kindly", "neatly", "wisely"];
const PET_ADJECTIVES = ["brave", "clever", "daring", "gentle", "happy", "lucky", "proud", "quiet", "steady", "witty"];
const PET_NAMES = ["badger", "beaver", "falcon", "gecko", "heron", "koala", "lemur", "otter", "puffin", "walrus"];

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

/**
 * The DNS record ACM asks for to validate a name. ACM gives every name in an account the
 * same record, whichever certificate asks, and a wildcard shares its apex's record.
 */
function validationRecord(account: string, domainName: string): Props {
    const base = domainName.replace(/^\*\./, "").toLowerCase();
    return {
        domainName,
        resourceRecordName: `_${pick(HEX, 32, "acm-name", account, base)}.${base}.`,
        resourceRecordType: "CNAME",
        resourceRecordValue: `_${pick(HEX, 32, "acm-value", account, base)}.${pick(LOWER_ALPHA, 10, "acm-zone", account, base)}.acm-validations.aws.`,
    };
}

function restMethodId(prefix: string, c: Ctx): string {
    return `${prefix}-${str(c.inputs["restApi"]) ?? ""}-${str(c.inputs["resourceId"]) ?? ""}-${str(c.inputs["httpMethod"]) ?? ""}`;
}

function zoneIdFor(account: string, name: string, privateZone: boolean): string {
    return `Z0${pick(UPPER_ALNUM, 19, "zone", account, name, privateZone ? "private" : "public")}`;
}

/** Route 53 delegation sets: four servers, one per top-level domain, numbered like AWS numbers them. */
function nameServersFor(zoneId: string, privateZone: boolean): string[] {
    const tlds = ["com", "net", "org", "co.uk"];
    return tlds.map((tld, i) => {
        const n = privateZone ? 512 * i : 512 * i + numberFrom(512, zoneId, tld);
        return `ns-${n}.awsdns-${String(Math.floor(n / 32) % 64).padStart(2, "0")}.${tld}`;
    });
}

function addDays(iso: string, days: number): string {
    return new Date(Date.parse(iso) + days * 86_400_000).toISOString().replace(".000", "");
}
