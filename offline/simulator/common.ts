/**
 * What every service module of the simulator shares: the shape of a request and an answer,
 * the facts one service records for another to read (a VPC's CIDR for the endpoints in it, a
 * zone for the records in it), and the deterministic identifiers and input readers.
 */
import { createHash } from "crypto";
import * as pulumi from "@pulumi/pulumi";

export type Props = Record<string, unknown>;

/** Everything a resource answer is computed from. */
export interface Ctx {
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

export interface Answer {
    id: string;
    state: Props;
}

export interface InvokeCall {
    inputs: Props;
    region: string;
    account: string;
    provider?: string;
}

export interface AutoNaming {
    property: string;
    /** AWS's length limit for the name, from the rulebook; absent where AWS documents none. */
    max?: number;
    lower?: boolean;
}

/**
 * One AWS service (or one non-AWS provider) as the simulator answers it. A file under
 * `services/` exporting `service` is all it takes to add one.
 */
export interface ServiceModule {
    /** Resource answers by type token. */
    resources?: Readonly<Record<string, (c: Ctx, world: World) => Answer>>;
    /** Invoke answers by function token. */
    invokes?: Readonly<Record<string, (call: InvokeCall, world: World) => Props>>;
    /** Resource types whose name property the provider fills in (`{name}-{7 hex}`), with AWS's length limit. */
    autonamed?: Readonly<Record<string, AutoNaming>>;
}

export interface ZoneFacts {
    zoneId: string;
    name: string;
    privateZone: boolean;
    nameServers: string[];
    account: string;
    created: boolean;
}

export interface SubnetFacts {
    id: string;
    vpcId?: string;
    availabilityZone: string;
    cidrBlock?: string;
}

export interface EniFacts {
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

/** The simulated account's memory: what one answer leaves behind for later ones to read. */
export class World {
    readonly zones: ZoneFacts[] = [];
    readonly vpcCidrs = new Map<string, string>();
    readonly subnets = new Map<string, SubnetFacts>();
    readonly enis = new Map<string, EniFacts>();
    readonly vpcEndpoints = new Map<string, Props>();
    readonly certificates: { arn: string; domainName: string; region: string }[] = [];
    /** REST custom domain names created in this run, for `apigateway.getDomainName`. */
    readonly domainNames: { id: string; region: string; inputs: Props; state: Props }[] = [];
    readonly apiProtocols = new Map<string, string>();
    readonly restResourcePaths = new Map<string, string>();
    readonly loadBalancers = new Map<string, string>();

    /** `roleOf` gives the role ARN a provider reference assumes, if any. */
    constructor(private readonly roleOf: (provider: string | undefined) => string | undefined) {}

    assumedRoleName(provider: string | undefined): string | undefined {
        const roleArn = this.roleOf(provider);
        return roleArn ? roleArn.slice(roleArn.lastIndexOf("/") + 1) : undefined;
    }
}

export const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
export const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
export const LOWER_ALPHA = "abcdefghijklmnopqrstuvwxyz";
export const HEX = "0123456789abcdef";
export const DIGITS = "0123456789";

/** The timestamp every "created at" field reports, so outputs never depend on the clock. */
export const FIXED_TIME = "2024-01-01T00:00:00Z";
export const FIXED_TIME_MS = Date.parse(FIXED_TIME);

/** The wire's unknown value: what a provider answers for a value it cannot know yet. */
export const UNKNOWN: string = pulumi.runtime.unknownValue;


const SECRET_SIG = pulumi.runtime.specialSecretSig;
const SIG_KEY = pulumi.runtime.specialSigKey;

// ---------------------------------------------------------------------------------------
// Deterministic identifiers
// ---------------------------------------------------------------------------------------

/** `length` characters of `alphabet`, derived from the seed parts (sha256, extended as needed). */
export function pick(alphabet: string, length: number, ...seed: string[]): string {
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

export function uuid(...seed: string[]): string {
    const h = pick(HEX, 32, ...seed);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${"89ab"[parseInt(h[16], 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function numberFrom(modulo: number, ...seed: string[]): number {
    const digest = createHash("sha256").update(seed.join("\0")).digest();
    return digest.readUInt32BE(0) % modulo;
}

// ---------------------------------------------------------------------------------------
// Reading inputs
// ---------------------------------------------------------------------------------------

export function isSecretWrapper(v: unknown): v is { value: unknown } {
    return typeof v === "object" && v !== null && (v as Props)[SIG_KEY] === SECRET_SIG;
}

export function isPlainObject(v: unknown): v is Props {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
    const proto = Object.getPrototypeOf(v);
    return proto === Object.prototype || proto === null;
}

export function secret(value: unknown): Props {
    return { [SIG_KEY]: SECRET_SIG, value };
}

/** True for both forms an unknown value takes: the SDK's marker object and the wire string. */
export function isUnknownValue(v: unknown): boolean {
    return v === pulumi.runtime.unknownValue || pulumi.isUnknown(v);
}

export function str(v: unknown): string | undefined {
    return typeof v === "string" && v !== pulumi.runtime.unknownValue ? v : undefined;
}

export function strs(v: unknown): string[] {
    return Array.isArray(v) ? v.filter((x): x is string => str(x) !== undefined) : [];
}

export function obj(v: unknown): Props | undefined {
    if (Array.isArray(v)) return obj(v[0]);
    return isPlainObject(v) ? v : undefined;
}

export function bool(v: unknown): boolean | undefined {
    return typeof v === "boolean" ? v : undefined;
}

export function num(v: unknown): number | undefined {
    return typeof v === "number" ? v : undefined;
}

export function parseJson(v: unknown): unknown {
    if (typeof v !== "string") return undefined;
    try {
        return JSON.parse(v);
    } catch {
        return undefined;
    }
}

/** The account id inside an ARN (`arn:aws:iam::210987654321:role/dns` gives `210987654321`). */
export function normalizeZoneName(name: string): string {
    return name.toLowerCase().replace(/\.$/, "");
}

/** The `i`-th usable address of an IPv4 CIDR, chosen from the seed; AWS reserves the first four and the last. */
export function addressIn(cidr: string | undefined, ...seed: string[]): string {
    const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr ?? "");
    if (!match) {
        return `10.0.${numberFrom(256, ...seed, "x")}.${4 + numberFrom(247, ...seed, "y")}`;
    }
    const base = ((+match[1] << 24) | (+match[2] << 16) | (+match[3] << 8) | +match[4]) >>> 0;
    const size = 2 ** (32 - Math.min(28, Math.max(16, +match[5])));
    const address = (base + 4 + numberFrom(size - 5, ...seed)) >>> 0;
    return [24, 16, 8, 0].map((shift) => (address >>> shift) & 255).join(".");
}

/** The name the provider gives a resource the program left unnamed: the given name, else `{prefix}{digits}`, else `{name}-{7 hex}`. */
export function autoName(ctx: Pick<Ctx, "name" | "seed" | "inputs">, property: string, max?: number, lower = false): string {
    const given = str(ctx.inputs[property]);
    if (given) return given;
    const prefix = str(ctx.inputs[`${property}Prefix`]);
    if (prefix) return (prefix + pick(DIGITS, 26, ctx.seed, "prefix")).slice(0, max);
    const name = lower ? ctx.name.toLowerCase() : ctx.name;
    const base = max === undefined ? name : name.slice(0, Math.max(1, max - 8));
    return `${base}-${pick(HEX, 7, ctx.seed, "autoname")}`;
}

export function addDays(iso: string, days: number): string {
    return new Date(Date.parse(iso) + days * 86_400_000).toISOString().replace(".000", "");
}
