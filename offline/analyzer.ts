// Drives a CrossGuard policy pack through its real gRPC analyzer protocol, without the Pulumi CLI.
//
// `pulumi preview --policy-pack DIR` starts the pack as a plugin: it runs the pack's program (whose
// `new PolicyPack(...)` starts an Analyzer gRPC server and prints the port on stdout), then calls
// Handshake, ConfigureStack, GetAnalyzerInfo and Configure (the policy config file reconciled with
// the pack's defaults), and during the deployment Remediate and Analyze for every resource followed
// by one AnalyzeStack. This module does the same, so the offline plan and the tests exercise the
// pack exactly as production does: the same server code, the same wire encoding (protobuf Structs,
// unknowns as the engine's sentinel), the same enforcement-level and config semantics.

import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { JavaScriptValue, Struct } from "google-protobuf/google/protobuf/struct_pb";
import { analyzerProto, analyzerRpc, unknownValue } from "./sdk";

/** Put this where a property value is not known yet (preview); it is the engine's own sentinel. */
export const UNKNOWN: string = unknownValue;

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";

/** One resource as the engine describes it to analyzers. */
export interface AnalyzerResource {
    urn: string;
    type: string;
    name: string;
    /**
     * What `Analyze` sees: the resource's inputs, as the engine sends them before it creates or
     * updates the resource. Use UNKNOWN for unknowns.
     */
    properties: Record<string, unknown>;
    /** What `AnalyzeStack` sees: the resource's state (inputs and outputs). Default: `properties`. */
    stackProperties?: Record<string, unknown>;
    parent?: string;
    provider?: { urn: string; type: string; name: string; properties: Record<string, unknown> };
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
    options?: { protect?: boolean; ignoreChanges?: string[]; deleteBeforeReplace?: boolean; aliases?: string[] };
}

export interface PolicyViolation {
    policyPack: string;
    policyPackVersion?: string;
    policy: string;
    /** "remediate" marks a change the pack made to a resource's inputs (see `message`), not a failure. */
    enforcementLevel: EnforcementLevel;
    urn?: string;
    message: string;
    description?: string;
}

export interface PolicyInfo {
    name: string;
    enforcementLevel: EnforcementLevel;
    description: string;
    remediationSteps?: string;
    kind: "resource" | "stack" | "unknown";
    configSchema?: { properties: Record<string, unknown>; required?: string[] };
}

export interface PolicyPackInfo {
    name: string;
    version?: string;
    description?: string;
    policies: PolicyInfo[];
}

/** The contents of a standard policy config file: `{"<policy>": "<level>" | {"enforcementLevel": ..., ...settings}}`, plus `"all"`. */
export type PolicyConfigFile = Record<string, unknown>;

export interface Remediation {
    policy: string;
    description?: string;
    /** The full new inputs, when the policy changed them. */
    properties?: Record<string, unknown>;
    /** Set when the remediation could not run (e.g. it needed a value unknown during preview). */
    diagnostic?: string;
}

export interface RemediationResult {
    /** The inputs after every remediation (unchanged when none applied). */
    properties: Record<string, unknown>;
    remediations: Remediation[];
}

export interface PolicyPackHandle {
    /** Milliseconds from spawning the pack to a configured analyzer. */
    readonly startupMs: number;
    /** The pack process's id. */
    readonly pid?: number;
    info(): Promise<PolicyPackInfo>;
    /** Replaces the policy config (reconciled with the pack's defaults and validated, as the CLI does). */
    configure(config: PolicyConfigFile): Promise<void>;
    /** Remediate (when any policy is at "remediate") and Analyze each resource, then AnalyzeStack once over all of them. */
    analyze(resources: AnalyzerResource[]): Promise<PolicyViolation[]>;
    remediate(resource: AnalyzerResource): Promise<RemediationResult>;
    /** Stops the pack process; safe to call twice. */
    close(): Promise<void>;
}

export interface StartOptions {
    /** Policy config (standard config file contents). */
    config?: PolicyConfigFile;
    /** A preview (default) or an update; the pack sees it as PULUMI_DRY_RUN. */
    dryRun?: boolean;
    /** Stack configuration the pack can read, e.g. `{ "aws:region": "eu-west-1" }`. */
    stackConfig?: Record<string, string>;
    project?: string;
    stack?: string;
    organization?: string;
    /** Stack tags (ConfigureStack). */
    tags?: Record<string, string>;
    /**
     * How to run the pack's TypeScript. "tsx" (default) runs the program with tsx; "cli" runs it
     * exactly as `pulumi-analyzer-policy` does, through `@pulumi/pulumi/cmd/run-policy-pack`, which
     * type-checks the pack with its vendored ts-node (slower on a cold cache, but the same path as
     * `pulumi preview --policy-pack`).
     */
    runner?: "tsx" | "cli";
    /** Give up if the pack has not printed its port after this long (default 60 s). */
    startTimeoutMs?: number;
    /** Deadline for each RPC (default 120 s). */
    callTimeoutMs?: number;
    /** Extra environment for the pack process; `undefined` removes a variable. */
    env?: Record<string, string | undefined>;
}

// The protocol's enforcement levels, both ways.
const LEVEL_TO_PROTO: Record<EnforcementLevel, analyzerProto.EnforcementLevel> = {
    advisory: analyzerProto.EnforcementLevel.ADVISORY,
    mandatory: analyzerProto.EnforcementLevel.MANDATORY,
    remediate: analyzerProto.EnforcementLevel.REMEDIATE,
    disabled: analyzerProto.EnforcementLevel.DISABLED,
};
const LEVEL_FROM_PROTO = new Map<number, EnforcementLevel>(Object.entries(LEVEL_TO_PROTO).map(([k, v]) => [v, k as EnforcementLevel]));
const LEVELS = new Set<string>(Object.keys(LEVEL_TO_PROTO));

function levelFromProto(value: number): EnforcementLevel {
    const level = LEVEL_FROM_PROTO.get(value);
    if (!level) {
        throw new Error(`policy pack returned an unknown enforcement level ${value}`);
    }
    return level;
}

// ------------------------------------------------------------------------------------------------
// Property encoding

/**
 * Turns a property value into what a protobuf Struct can carry, as the engine marshals resource
 * properties: undefined object members are dropped, undefined array elements become null, and
 * anything that is not plain data is rejected with its path (a Pulumi Output here is a caller bug).
 */
function toWire(value: unknown, where: string): JavaScriptValue {
    if (value === null || typeof value === "string" || typeof value === "boolean") {
        return value;
    }
    if (typeof value === "number") {
        if (!Number.isFinite(value)) {
            throw new Error(`${where}: ${value} cannot be sent to a policy pack`);
        }
        return value;
    }
    if (Array.isArray(value)) {
        return value.map((v, i) => (v === undefined ? null : toWire(v, `${where}[${i}]`)));
    }
    if (typeof value === "object" && value !== null) {
        const proto = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) {
            throw new Error(`${where}: a ${proto?.constructor?.name ?? "non-plain"} object cannot be sent to a policy pack; pass plain data (UNKNOWN for values not known yet)`);
        }
        const out: Record<string, JavaScriptValue> = {};
        for (const [k, v] of Object.entries(value)) {
            if (v !== undefined) {
                out[k] = toWire(v, `${where}.${k}`);
            }
        }
        return out;
    }
    throw new Error(`${where}: a ${typeof value} cannot be sent to a policy pack`);
}

function toStruct(props: Record<string, unknown>, where: string): Struct {
    return Struct.fromJavaScript(toWire(props ?? {}, where) as Record<string, JavaScriptValue>);
}

function resourceOptions(r: AnalyzerResource): analyzerProto.AnalyzerResourceOptions {
    const o = new analyzerProto.AnalyzerResourceOptions();
    o.setProtect(r.options?.protect ?? false);
    o.setIgnorechangesList(r.options?.ignoreChanges ?? []);
    o.setAliasesList(r.options?.aliases ?? []);
    o.setAdditionalsecretoutputsList([]);
    if (r.options?.deleteBeforeReplace !== undefined) {
        o.setDeletebeforereplace(r.options.deleteBeforeReplace);
        o.setDeletebeforereplacedefined(true);
    }
    o.setCustomtimeouts(new analyzerProto.AnalyzerResourceOptions.CustomTimeouts());
    if (r.parent) {
        o.setParent(r.parent);
    }
    return o;
}

function providerMessage(r: AnalyzerResource): analyzerProto.AnalyzerProviderResource | undefined {
    if (!r.provider) {
        return undefined;
    }
    const p = new analyzerProto.AnalyzerProviderResource();
    p.setUrn(r.provider.urn);
    p.setType(r.provider.type);
    p.setName(r.provider.name);
    p.setProperties(toStruct(r.provider.properties, `${r.urn} provider`));
    return p;
}

/** The fields a per-resource request and a stack resource share. */
function withResourceFields<M extends analyzerProto.AnalyzeRequest | analyzerProto.AnalyzerResource>(m: M, r: AnalyzerResource): M {
    m.setUrn(r.urn);
    m.setType(r.type);
    m.setName(r.name);
    m.setProperties(toStruct(r.properties, r.urn));
    m.setOptions(resourceOptions(r));
    const provider = providerMessage(r);
    if (provider) {
        m.setProvider(provider);
    }
    return m;
}

function analyzeRequest(r: AnalyzerResource): analyzerProto.AnalyzeRequest {
    return withResourceFields(new analyzerProto.AnalyzeRequest(), r);
}

function stackResourceMessage(r: AnalyzerResource): analyzerProto.AnalyzerResource {
    const m = withResourceFields(new analyzerProto.AnalyzerResource(), { ...r, properties: r.stackProperties ?? r.properties });
    if (r.parent) {
        m.setParent(r.parent);
    }
    m.setDependenciesList(r.dependencies ?? []);
    const deps = m.getPropertydependenciesMap();
    for (const [property, urns] of Object.entries(r.propertyDependencies ?? {})) {
        // The engine leaves out properties without dependencies.
        if (urns.length > 0) {
            const d = new analyzerProto.AnalyzerPropertyDependencies();
            d.setUrnsList(urns);
            deps.set(property, d);
        }
    }
    return m;
}

function validateResource(r: AnalyzerResource, i: number): void {
    for (const key of ["urn", "type", "name"] as const) {
        if (typeof r?.[key] !== "string" || r[key].length === 0) {
            throw new Error(`resource #${i} has no ${key}`);
        }
    }
}

// ------------------------------------------------------------------------------------------------
// Policy config: reconcile and validate like the CLI

type Schema = Record<string, unknown>;

interface ReconciledConfig {
    enforcementLevel: EnforcementLevel;
    properties: Record<string, unknown>;
}

/** Splits one entry of a config file into its level and settings, rejecting what the CLI rejects. */
function parseConfigEntry(policy: string, value: unknown): { level?: EnforcementLevel; properties: Record<string, unknown> } {
    if (typeof value === "string") {
        if (!LEVELS.has(value)) {
            throw new Error(`policy config for "${policy}": "${value}" is not an enforcement level (advisory, mandatory, remediate, disabled)`);
        }
        return { level: value as EnforcementLevel, properties: {} };
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
        throw new Error(`policy config for "${policy}" must be an enforcement level or an object`);
    }
    const { enforcementLevel, ...properties } = value as Record<string, unknown>;
    if (enforcementLevel !== undefined && (typeof enforcementLevel !== "string" || !LEVELS.has(enforcementLevel))) {
        throw new Error(`policy config for "${policy}": ${JSON.stringify(enforcementLevel)} is not an enforcement level`);
    }
    return { level: enforcementLevel as EnforcementLevel | undefined, properties };
}

/** The subset of JSON Schema policy packs use for settings; returns readable problems. */
function schemaProblems(schema: Schema, value: unknown, where: string): string[] {
    const problems: string[] = [];
    const type = schema["type"];
    if (type !== undefined) {
        const types = Array.isArray(type) ? (type as string[]) : [type as string];
        const actual = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
        const ok = types.some((t) => t === actual || (t === "integer" && Number.isInteger(value)) || (t === "number" && actual === "number"));
        if (!ok) {
            return [`${where}: expected ${types.join(" or ")}, got ${actual}`];
        }
    }
    const allowed = schema["enum"];
    if (Array.isArray(allowed) && !allowed.some((a) => JSON.stringify(a) === JSON.stringify(value))) {
        problems.push(`${where}: must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`);
    }
    if (typeof value === "string") {
        if (typeof schema["minLength"] === "number" && value.length < schema["minLength"]) {
            problems.push(`${where}: shorter than ${schema["minLength"]}`);
        }
        if (typeof schema["maxLength"] === "number" && value.length > schema["maxLength"]) {
            problems.push(`${where}: longer than ${schema["maxLength"]}`);
        }
        if (typeof schema["pattern"] === "string" && !new RegExp(schema["pattern"]).test(value)) {
            problems.push(`${where}: does not match ${schema["pattern"]}`);
        }
    }
    if (typeof value === "number") {
        if (typeof schema["minimum"] === "number" && value < schema["minimum"]) {
            problems.push(`${where}: less than ${schema["minimum"]}`);
        }
        if (typeof schema["maximum"] === "number" && value > schema["maximum"]) {
            problems.push(`${where}: more than ${schema["maximum"]}`);
        }
    }
    if (Array.isArray(value)) {
        if (typeof schema["minItems"] === "number" && value.length < schema["minItems"]) {
            problems.push(`${where}: fewer than ${schema["minItems"]} items`);
        }
        if (typeof schema["maxItems"] === "number" && value.length > schema["maxItems"]) {
            problems.push(`${where}: more than ${schema["maxItems"]} items`);
        }
        const items = schema["items"];
        if (items && typeof items === "object" && !Array.isArray(items)) {
            value.forEach((v, i) => problems.push(...schemaProblems(items as Schema, v, `${where}[${i}]`)));
        }
    }
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        const record = value as Record<string, unknown>;
        for (const name of (schema["required"] as string[] | undefined) ?? []) {
            if (record[name] === undefined) {
                problems.push(`${where}: ${name} is required`);
            }
        }
        const properties = (schema["properties"] as Record<string, Schema> | undefined) ?? {};
        for (const [name, sub] of Object.entries(properties)) {
            if (record[name] !== undefined) {
                problems.push(...schemaProblems(sub, record[name], where ? `${where}.${name}` : name));
            }
        }
        if (schema["additionalProperties"] === false) {
            for (const name of Object.keys(record)) {
                if (!(name in properties)) {
                    problems.push(`${where ? `${where}.` : ""}${name}: not a known setting`);
                }
            }
        }
    }
    return problems;
}

/**
 * The config the CLI sends with Configure: every policy starts at its default level and schema
 * defaults, then the file's `all` level and per-policy entries apply on top, and the result is
 * validated against each policy's schema.
 */
function reconcileConfig(policies: readonly PolicyInfo[], config: PolicyConfigFile | undefined): Map<string, ReconciledConfig> {
    const result = new Map<string, ReconciledConfig>();
    for (const p of policies) {
        const defaults: Record<string, unknown> = {};
        for (const [name, sub] of Object.entries(p.configSchema?.properties ?? {})) {
            const def = (sub as Schema)["default"];
            if (def !== undefined) {
                defaults[name] = def;
            }
        }
        result.set(p.name, { enforcementLevel: p.enforcementLevel, properties: defaults });
    }
    const entries = Object.entries(config ?? {});
    const all = entries.find(([k]) => k === "all");
    if (all) {
        const { level } = parseConfigEntry("all", all[1]);
        if (level) {
            for (const c of result.values()) {
                c.enforcementLevel = level;
            }
        }
    }
    for (const [policy, value] of entries) {
        if (policy === "all") {
            continue;
        }
        const { level, properties } = parseConfigEntry(policy, value);
        const current = result.get(policy) ?? { enforcementLevel: "advisory" as EnforcementLevel, properties: {} };
        result.set(policy, {
            enforcementLevel: level ?? current.enforcementLevel,
            properties: { ...current.properties, ...properties },
        });
    }
    const problems: string[] = [];
    for (const p of policies) {
        if (p.configSchema) {
            const schema: Schema = { type: "object", properties: p.configSchema.properties, required: p.configSchema.required };
            for (const problem of schemaProblems(schema, result.get(p.name)?.properties ?? {}, "")) {
                problems.push(`${p.name}: ${problem}`);
            }
        }
    }
    if (problems.length > 0) {
        throw new Error(`policy config is invalid:\n  ${problems.join("\n  ")}`);
    }
    return result;
}

// ------------------------------------------------------------------------------------------------
// The pack process

const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;
const OUTPUT_LINES_KEPT = 40;

// Preloaded into the pack process whatever the runner: the parent holds the pack's stdin open, and
// when that pipe closes (the parent closed the handle, crashed or was killed) the pack exits, so an
// abandoned analyzer server never outlives the process that started it.
const PARENT_WATCH = [
    `process.stdin.on("end", () => process.exit(0));`,
    `process.stdin.on("error", () => process.exit(0));`,
    `process.stdin.resume();`,
].join("");

/**
 * The program the "tsx" runner runs in the pack process: what run-policy-pack does for a program
 * (report an uncaught error and exit non-zero, then load the program directory so package.json
 * "main" is honoured), but with tsx instead of its type-checking ts-node. The policy SDK is loaded
 * before tsx's hooks are installed: its few hundred plain JavaScript modules then skip tsx's
 * resolver, which more than halves the start-up time.
 */
function tsxBootstrap(tsxPath: string): string {
    return [
        `"use strict";`,
        `const fail = (e) => { process.stderr.write(String((e && e.stack) || e) + "\\n"); process.exit(1); };`,
        `process.on("uncaughtException", fail);`,
        `process.on("unhandledRejection", fail);`,
        `try { require(require.resolve("@pulumi/policy", { paths: [process.cwd()] })); } catch { /* the program will report it */ }`,
        `require(${JSON.stringify(tsxPath)});`,
        `require(require("path").resolve(process.argv[2]));`,
    ].join("\n");
}

/** Reads `runtime` and `version` from PulumiPolicy.yaml (flat keys; `runtime` may also be a `name:` block). */
function readPolicyProject(dir: string): { runtime?: string; version?: string } {
    const file = path.join(dir, "PulumiPolicy.yaml");
    if (!fs.existsSync(file)) {
        throw new Error(`no PulumiPolicy.yaml in ${dir}; is it a policy pack?`);
    }
    const out: { runtime?: string; version?: string } = {};
    let inRuntime = false;
    for (const line of fs.readFileSync(file, "utf8").split(/\r?\n/)) {
        const top = /^([A-Za-z]+):\s*(.*?)\s*$/.exec(line);
        if (top) {
            inRuntime = top[1] === "runtime" && top[2] === "";
            const value = top[2].replace(/^["']|["']$/g, "");
            if (top[1] === "runtime" && value) {
                out.runtime = value;
            } else if (top[1] === "version" && value) {
                out.version = value;
            }
            continue;
        }
        const nested = /^\s+name:\s*["']?([^"'\s]+)/.exec(line);
        if (inRuntime && nested) {
            out.runtime = nested[1];
        }
    }
    return out;
}

function resolveFrom(dir: string, request: string): string {
    return require.resolve(request, { paths: [dir, __dirname] });
}

/** The pack process's environment: ours without Pulumi run-time variables, then what the CLI sets for an analyzer. */
function packEnvironment(options: StartOptions): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) {
        // A caller running inside a Pulumi program or mocks must not leak its own config or engine.
        if (!/^PULUMI_(CONFIG|NODEJS_|DRY_RUN|PROJECT|STACK|ORGANIZATION|ENGINE|MONITOR)/.test(k)) {
            env[k] = v;
        }
    }
    const set = (k: string, v: string | undefined): void => {
        if (v) {
            env[k] = v;
        }
    };
    const dryRun = String(options.dryRun ?? true);
    set("PULUMI_CONFIG", options.stackConfig && Object.keys(options.stackConfig).length ? JSON.stringify(options.stackConfig) : undefined);
    for (const prefix of ["PULUMI_NODEJS_", "PULUMI_"]) {
        set(`${prefix}ORGANIZATION`, options.organization);
        set(`${prefix}PROJECT`, options.project);
        set(`${prefix}STACK`, options.stack);
        set(`${prefix}DRY_RUN`, dryRun);
    }
    for (const [k, v] of Object.entries(options.env ?? {})) {
        if (v === undefined) {
            delete env[k];
        } else {
            env[k] = v;
        }
    }
    return env;
}

/** Keeps the last lines a process printed, for error messages. */
class OutputTail {
    private readonly lines: string[] = [];
    push(chunk: string): void {
        for (const line of chunk.split(/\r?\n/)) {
            if (line.trim()) {
                this.lines.push(line);
            }
        }
        this.lines.splice(0, Math.max(0, this.lines.length - OUTPUT_LINES_KEPT));
    }
    text(): string {
        return this.lines.length ? this.lines.join("\n") : "(no output)";
    }
}

/** Runs `fn` over the items with at most `limit` in flight, keeping results in input order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
    const results = new Array<R>(items.length);
    let next = 0;
    const worker = async (): Promise<void> => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i], i);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}

/** Lists the leaf paths whose values differ, for remediation messages. */
function changedPaths(before: unknown, after: unknown, prefix = ""): string[] {
    if (JSON.stringify(before) === JSON.stringify(after)) {
        return [];
    }
    const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object";
    if (!isObject(before) || !isObject(after) || Array.isArray(before) !== Array.isArray(after)) {
        return [`${prefix || "(all)"}: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`];
    }
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].flatMap((k) => changedPaths(before[k], after[k], prefix ? `${prefix}.${k}` : k));
}

/**
 * Starts the policy pack in `dir` as the Pulumi CLI would, and returns a handle that speaks the
 * analyzer protocol to it. One process serves any number of `analyze` calls; call `close()`.
 */
export async function startPolicyPack(dir: string, options: StartOptions = {}): Promise<PolicyPackHandle> {
    const started = Date.now();
    const packDir = path.resolve(dir);
    const project = readPolicyProject(packDir);
    if (project.runtime !== undefined && project.runtime !== "nodejs") {
        throw new Error(`${packDir}: only nodejs policy packs can be started here (runtime is ${project.runtime})`);
    }
    // The CLI hands the analyzer its engine address, which run-policy-pack accepts and discards;
    // policies log to stdout/stderr. No engine is needed, so this is a placeholder.
    const engineAddress = "127.0.0.1:0";
    const runner = options.runner ?? "tsx";
    const watch = ["--import", `data:text/javascript,${encodeURIComponent(PARENT_WATCH)}`];
    const args =
        runner === "cli"
            ? [...watch, resolveFrom(packDir, "@pulumi/pulumi/cmd/run-policy-pack"), engineAddress, "."]
            : [...watch, "-e", tsxBootstrap(resolveFrom(packDir, "tsx/cjs")), engineAddress, "."];

    const child = spawn(process.execPath, args, { cwd: packDir, env: packEnvironment(options), stdio: ["pipe", "pipe", "pipe"] });
    const output = new OutputTail();
    const killOnExit = (): void => {
        child.kill("SIGKILL");
    };
    process.on("exit", killOnExit);
    let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    const exitPromise = new Promise<void>((resolve) => {
        child.on("exit", (code, signal) => {
            exited = { code, signal };
            process.removeListener("exit", killOnExit);
            resolve();
        });
    });
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => output.push(chunk));
    // The pack is a child of ours: it must not keep the caller's event loop alive by itself.
    child.unref();
    for (const stream of [child.stdin, child.stdout, child.stderr]) {
        (stream as unknown as { unref?: () => void } | null)?.unref?.();
    }

    const stopChild = async (): Promise<void> => {
        if (exited) {
            return;
        }
        child.stdin?.end();
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
        await exitPromise;
        clearTimeout(timer);
    };

    const startTimeoutMs = options.startTimeoutMs ?? 60_000;
    let port: number;
    try {
        port = await new Promise<number>((resolve, reject) => {
            let buffered = "";
            const timer = setTimeout(() => {
                reject(new Error(`policy pack ${packDir} did not start within ${startTimeoutMs} ms (it never printed its port). Output:\n${output.text()}`));
            }, startTimeoutMs);
            // Like the CLI, the port is the pack's first line of output; tolerate log lines before it.
            const readPort = (chunk: string): void => {
                buffered += chunk;
                const lines = buffered.split(/\r?\n/);
                buffered = lines.pop() ?? "";
                for (const [i, line] of lines.entries()) {
                    const found = /^\s*(\d{1,5})\s*$/.exec(line);
                    if (found) {
                        clearTimeout(timer);
                        child.stdout?.off("data", readPort);
                        // From now on stdout carries whatever policies log; keep it for error messages.
                        output.push([...lines.slice(i + 1), buffered].join("\n"));
                        child.stdout?.on("data", (more: string) => output.push(more));
                        resolve(Number(found[1]));
                        return;
                    }
                    output.push(line);
                }
            };
            child.stdout?.setEncoding("utf8");
            child.stdout?.on("data", readPort);
            child.on("error", (e) => {
                clearTimeout(timer);
                reject(new Error(`could not start policy pack ${packDir}: ${e.message}`));
            });
            child.on("exit", (code, signal) => {
                clearTimeout(timer);
                // Let the last of stderr arrive (it can trail the exit event) so the error shows why.
                const fail = (): void => reject(new Error(`policy pack ${packDir} exited (${signal ?? `code ${code}`}) before it started. Output:\n${output.text()}`));
                const grace = setTimeout(fail, 250);
                child.stderr?.once("end", () => {
                    clearTimeout(grace);
                    fail();
                });
            });
        });
    } catch (e) {
        await stopChild();
        throw e;
    }

    const client = new analyzerRpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
        "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
        "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
    });
    const callTimeoutMs = options.callTimeoutMs ?? 120_000;
    let closed = false;

    type Method<Req, Res> = (request: Req, metadata: grpc.Metadata, options: Partial<grpc.CallOptions>, callback: (error: grpc.ServiceError | null, response: Res) => void) => unknown;
    const call = <Req, Res>(name: string, method: Method<Req, Res>, request: Req): Promise<Res> => {
        if (closed) {
            return Promise.reject(new Error(`the policy pack handle for ${packDir} is closed`));
        }
        return new Promise<Res>((resolve, reject) => {
            method.call(client, request, new grpc.Metadata(), { deadline: Date.now() + callTimeoutMs }, (error, response) => {
                if (error) {
                    const died = exited ? ` The pack process exited (${exited.signal ?? `code ${exited.code}`}).` : "";
                    const err = new Error(`policy pack ${name} failed: ${error.details || error.message}.${died}\nPack output:\n${output.text()}`);
                    (err as Error & { code?: number }).code = error.code;
                    reject(err);
                } else {
                    resolve(response);
                }
            });
        });
    };

    const close = async (): Promise<void> => {
        if (closed) {
            return;
        }
        closed = true;
        client.close();
        await stopChild();
    };

    let info: PolicyPackInfo = { name: "", policies: [] };
    // Config set programmatically by the pack (PolicyPack's initialConfig) sits between its defaults and the file.
    const initialConfig: PolicyConfigFile = {};
    let levels = new Map<string, EnforcementLevel>();

    const configure = async (config: PolicyConfigFile): Promise<void> => {
        const reconciled = reconcileConfig(info.policies, { ...initialConfig, ...config });
        const request = new analyzerProto.ConfigureAnalyzerRequest();
        for (const [name, c] of reconciled) {
            const pc = new analyzerProto.PolicyConfig();
            pc.setEnforcementlevel(LEVEL_TO_PROTO[c.enforcementLevel]);
            pc.setProperties(toStruct(c.properties, `config of ${name}`));
            request.getPolicyconfigMap().set(name, pc);
        }
        await call("Configure", client.configure, request);
        levels = new Map([...reconciled].map(([name, c]) => [name, c.enforcementLevel]));
    };

    try {
        // Handshake is how a current CLI greets analyzers; @pulumi/policy does not implement it yet,
        // and the CLI treats UNIMPLEMENTED as "fine, carry on".
        const handshake = new analyzerProto.AnalyzerHandshakeRequest();
        handshake.setEngineAddress(engineAddress);
        handshake.setRootDirectory(packDir);
        handshake.setProgramDirectory(packDir);
        await call("Handshake", client.handshake, handshake).catch((e: Error & { code?: number }) => {
            if (e.code !== grpc.status.UNIMPLEMENTED) {
                throw e;
            }
        });

        const stackRequest = new analyzerProto.AnalyzerStackConfigureRequest();
        stackRequest.setStack(options.stack ?? "");
        stackRequest.setProject(options.project ?? "");
        stackRequest.setOrganization(options.organization ?? "");
        stackRequest.setDryRun(options.dryRun ?? true);
        for (const [k, v] of Object.entries(options.stackConfig ?? {})) {
            stackRequest.getConfigMap().set(k, v);
        }
        for (const [k, v] of Object.entries(options.tags ?? {})) {
            stackRequest.getTagsMap().set(k, v);
        }
        await call("ConfigureStack", client.configureStack, stackRequest);

        const response = await call("GetAnalyzerInfo", client.getAnalyzerInfo, new Empty());
        info = {
            name: response.getName(),
            // As in the CLI, the version in PulumiPolicy.yaml wins over the one the pack reports.
            version: project.version ?? (response.getVersion() || undefined),
            description: response.getDescription() || undefined,
            policies: response.getPoliciesList().map((p): PolicyInfo => {
                const schema = p.getConfigschema();
                return {
                    name: p.getName(),
                    description: p.getDescription(),
                    enforcementLevel: levelFromProto(p.getEnforcementlevel()),
                    remediationSteps: p.getRemediationSteps() || undefined,
                    kind:
                        p.getPolicyType() === analyzerProto.PolicyType.POLICY_TYPE_RESOURCE
                            ? "resource"
                            : p.getPolicyType() === analyzerProto.PolicyType.POLICY_TYPE_STACK
                              ? "stack"
                              : "unknown",
                    configSchema: schema
                        ? { properties: (schema.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown>, required: schema.getRequiredList() }
                        : undefined,
                };
            }),
        };
        response.getInitialconfigMap().forEach((c, name) => {
            initialConfig[name] = { enforcementLevel: levelFromProto(c.getEnforcementlevel()), ...(c.getProperties()?.toJavaScript() ?? {}) };
        });
        await configure(options.config ?? {});
    } catch (e) {
        await close();
        throw e;
    }

    const toViolation = (d: analyzerProto.AnalyzeDiagnostic, fallbackUrn?: string): PolicyViolation => ({
        policyPack: d.getPolicypackname(),
        policyPackVersion: info.version ?? (d.getPolicypackversion() || undefined),
        policy: d.getPolicyname(),
        enforcementLevel: levelFromProto(d.getEnforcementlevel()),
        urn: d.getUrn() || fallbackUrn,
        message: d.getMessage(),
        description: d.getDescription() || undefined,
    });

    const remediate = async (resource: AnalyzerResource): Promise<RemediationResult> => {
        const response = await call("Remediate", client.remediate, analyzeRequest(resource));
        let properties = resource.properties;
        const remediations = response.getRemediationsList().map((r): Remediation => {
            const props = r.getProperties()?.toJavaScript() as Record<string, unknown> | undefined;
            if (props) {
                properties = props;
            }
            return { policy: r.getPolicyname(), description: r.getDescription() || undefined, properties: props, diagnostic: r.getDiagnostic() || undefined };
        });
        return { properties, remediations };
    };

    const analyze = async (resources: AnalyzerResource[]): Promise<PolicyViolation[]> => {
        resources.forEach(validateResource);
        const remediating = [...levels.values()].includes("remediate");
        const perResource = await mapLimited(resources, 16, async (resource) => {
            const violations: PolicyViolation[] = [];
            let current = resource;
            if (remediating) {
                const result = await remediate(resource);
                let before = resource.properties;
                for (const r of result.remediations) {
                    if (r.diagnostic) {
                        violations.push({ policyPack: info.name, policyPackVersion: info.version, policy: r.policy, enforcementLevel: "advisory", urn: resource.urn, message: r.diagnostic, description: r.description });
                    } else if (r.properties) {
                        violations.push({
                            policyPack: info.name,
                            policyPackVersion: info.version,
                            policy: r.policy,
                            enforcementLevel: "remediate",
                            urn: resource.urn,
                            message: `remediated ${changedPaths(before, r.properties).join("; ")}`,
                            description: r.description,
                        });
                        before = r.properties;
                    }
                }
                current = { ...resource, properties: result.properties, stackProperties: { ...(resource.stackProperties ?? {}), ...result.properties } };
            }
            const response = await call("Analyze", client.analyze, analyzeRequest(current));
            violations.push(...response.getDiagnosticsList().map((d) => toViolation(d, resource.urn)));
            return { violations, resource: current };
        });
        const stackRequest = new analyzerProto.AnalyzeStackRequest();
        stackRequest.setResourcesList(perResource.map((r) => stackResourceMessage(r.resource)));
        const stackResponse = await call("AnalyzeStack", client.analyzeStack, stackRequest);
        return [...perResource.flatMap((r) => r.violations), ...stackResponse.getDiagnosticsList().map((d) => toViolation(d))];
    };

    const startupMs = Date.now() - started;
    return {
        startupMs,
        pid: child.pid,
        info: async () => info,
        configure,
        analyze,
        remediate,
        close,
    };
}
