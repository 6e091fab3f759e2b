/**
 * The offline plan: what `pulumi preview --policy-pack` would say about a program, without the
 * Pulumi CLI and without AWS.
 *
 * `planProgram` runs the program in-process against the simulated AWS (offline/engine.ts),
 * completes what it registered the way the engine would see it (each custom resource without an
 * explicit provider gets its package's default provider, as the engine creates one), and hands
 * the resources to the policy pack through its real analyzer server (offline/analyzer.ts). The
 * pack starts in a child process while the program runs, so its start-up costs no wall time.
 *
 * Everything in a result is deterministic: resources come in tree order (parents before
 * children, siblings sorted), violations sorted by level, policy, URN and message. Only
 * `timings` vary between runs.
 */
import * as fs from "fs";
import * as path from "path";
import { AnalyzerResource, EnforcementLevel, PolicyConfigFile, PolicyPackHandle, PolicyViolation, startPolicyPack } from "./analyzer";
import { RecordedDiagnostic, RecordedInvoke, RecordedResource, RunOptions, RunResult, namespaced, prepareProgram, runProgram, runProgramAt } from "./engine";
import { DEFAULT_REGION } from "../aws/regions";

/** This package's policy pack, which plans are checked against unless told otherwise. */
export const DEFAULT_POLICY_PACK: string = findPolicyPack();

export interface PlanOptions {
    /** Stack config on top of Pulumi.yaml and Pulumi.<stack>.yaml; keys without a namespace belong to the project. */
    config?: Record<string, string>;
    /** Stack name; its Pulumi.<stack>.yaml is read when the target is a directory or file. Default "dev". */
    stack?: string;
    /** Project name for a program given as a function. Default "project" (for a path: the name in Pulumi.yaml). */
    project?: string;
    /** A preview of a new stack (outputs of new resources unknown) instead of the update view. Default false. */
    preview?: boolean;
    /** Policy pack directory, or false to skip policies. Default DEFAULT_POLICY_PACK. */
    policyPack?: string | false;
    /** Policy config, as in a `--policy-pack-config` file. */
    policyConfig?: PolicyConfigFile;
    /**
     * A pack already started (by tests and benchmarks, to pay its start-up once). It keeps the
     * stack config, project, stack and dry-run setting it was started with; only resources with
     * neither a region nor a provider fall back to that stack config.
     */
    pack?: PolicyPackHandle;
    /** Give up on a program that has not finished after this long. Default: the engine's. */
    timeoutMs?: number;
    /** Outputs of the stacks `pulumi.StackReference` reads, by stack name. */
    stackReferences?: Record<string, Record<string, unknown>>;
    /** What `pulumi.getOrganization()` returns. Default: the engine's ("organization"). */
    organization?: string;
    /** Type-check a TypeScript program before it runs, as Pulumi does. Default true. */
    typeCheck?: boolean;
}

/** A resource of the plan: what the program registered, or a default provider the engine would create. */
export interface PlannedResource extends RecordedResource {
    /** Set on the default provider the engine creates for a package the program uses without an explicit provider. */
    defaultProvider?: boolean;
}

export interface PlanTimings {
    /** From the call to the verdict. */
    totalMs: number;
    /** Running the program against the simulated AWS. */
    programMs: number;
    /** Starting and configuring the policy pack (in parallel with the program); 0 when a started pack was given or policies are off. */
    policyStartMs: number;
    /** Analyze for every resource and AnalyzeStack. */
    analyzeMs: number;
}

export interface PlanResult {
    project: string;
    stack: string;
    preview: boolean;
    /** The program file that ran; undefined for a program given as a function. */
    entry?: string;
    /** The stack config the program ran with, namespaced, sorted by key. */
    config: Record<string, string>;
    /** Config keys whose values are secrets: shown as `[secret]`. */
    secretConfig: string[];
    /** Stack outputs that are secrets: shown as `[secret]`. */
    secretStackOutputs: string[];
    /** In tree order: the stack first, then each parent before its children, siblings sorted. */
    resources: PlannedResource[];
    stackOutputs: Record<string, unknown>;
    /** The invokes the program made, with their answers. */
    invokes: RecordedInvoke[];
    /** What the program logged (info, warnings, errors). */
    diagnostics: RecordedDiagnostic[];
    /** Sorted: mandatory first, then advisory, then remediations; within a level by policy, URN, message. */
    violations: PolicyViolation[];
    /** The pack that judged the plan; undefined when policies were off or the program failed. */
    policyPack?: { name: string; version?: string };
    /** Why the plan could not be made: the program failed, or the policy pack could not run. */
    error?: PlanError;
    timings: PlanTimings;
}

/** A plan that could not be made, and whose fault it is. */
export class PlanError extends Error {
    constructor(
        /** "program": the program failed (Pulumi would fail the same way); "policy": the pack could not start or answer. */
        readonly source: "program" | "policy",
        readonly cause: Error,
    ) {
        super(cause.message);
        this.name = "PlanError";
        this.stack = cause.stack;
    }
}

/** True when the plan has a mandatory violation: `pulumi preview` would refuse it. */
export function blocked(result: PlanResult): boolean {
    return result.violations.some((v) => v.enforcementLevel === "mandatory");
}

/**
 * Plans the program at `target` (a directory with a Pulumi.yaml, or a .ts/.js file) or given
 * as a function (its body, as in a Pulumi program; what it returns becomes the stack outputs).
 * Never throws for a program or pack failure: `error` says what went wrong.
 */
export async function planProgram(target: string | (() => unknown), options: PlanOptions = {}): Promise<PlanResult> {
    const started = Date.now();
    const preview = options.preview ?? false;
    let prepared: { entry?: string; run: RunOptions; raw: RunOptions };
    try {
        prepared = prepare(target, options);
    } catch (e) {
        const error = new PlanError("program", asError(e));
        const project = options.project ?? (typeof target === "string" ? path.basename(path.resolve(target)) : "project");
        return emptyResult({ ...options, project }, preview, error, Date.now() - started);
    }
    const { run } = prepared;
    const project = run.project!;
    const stack = run.stack!;
    const config = sortedObject(run.config ?? {});

    // The pack's start-up (a child process) overlaps the program's run (this process).
    const packStart = Date.now();
    let policyStartMs = 0;
    const packPromise: Promise<PolicyPackHandle | undefined> =
        options.pack !== undefined || options.policyPack === false
            ? Promise.resolve(options.pack)
            : startPolicyPack(options.policyPack ?? DEFAULT_POLICY_PACK, {
                  config: options.policyConfig,
                  dryRun: preview,
                  stackConfig: config,
                  project,
                  stack,
              }).then((pack) => {
                  policyStartMs = Date.now() - packStart;
                  return pack;
              });
    // Keep a failed start from being reported as unhandled while the program runs.
    packPromise.catch(() => undefined);
    const ownsPack = options.pack === undefined;

    const programStart = Date.now();
    // A program file is prepared again by the engine, from the caller's options, so that what
    // preparing it has to say (secure values it could not read) reaches the plan.
    const ran: RunResult = typeof target === "string" ? await runProgramAt(path.resolve(target), prepared.raw) : await runProgram(target, run);
    const programMs = Date.now() - programStart;

    // The pack sees resources in registration order, as the engine sends them; people see a tree.
    const registered = withDefaultProviders(ran.resources, config, prepared.entry);
    const resources = treeOrder(registered);
    const base = {
        project,
        stack,
        preview,
        entry: prepared.entry,
        config,
        resources,
        stackOutputs: ran.stackOutputs,
        invokes: ran.invokes,
        secretConfig: run.secretKeys ?? [],
        secretStackOutputs: ran.secretStackOutputs ?? [],
        diagnostics: ran.diagnostics,
    };
    const timings = (analyzeMs: number): PlanTimings => ({ totalMs: Date.now() - started, programMs, policyStartMs, analyzeMs });

    if (ran.error) {
        // Like `pulumi preview`, a failed program gets no policy verdict.
        if (ownsPack) await packPromise.then((p) => p?.close(), () => undefined);
        return { ...base, violations: [], error: new PlanError("program", ran.error), timings: timings(0) };
    }

    let pack: PolicyPackHandle | undefined;
    try {
        pack = await packPromise;
    } catch (e) {
        return { ...base, violations: [], error: new PlanError("policy", asError(e)), timings: timings(0) };
    }
    if (!pack) return { ...base, violations: [], timings: timings(0) };

    const analyzeStart = Date.now();
    try {
        const info = await pack.info();
        const violations = sortViolations(await pack.analyze(toAnalyzerResources(registered)));
        return { ...base, violations, policyPack: { name: info.name, version: info.version }, timings: timings(Date.now() - analyzeStart) };
    } catch (e) {
        return { ...base, violations: [], error: new PlanError("policy", asError(e)), timings: timings(Date.now() - analyzeStart) };
    } finally {
        if (ownsPack) await pack.close();
    }
}

/**
 * The resources as the engine describes them to an analyzer: properties are the resource's
 * state (inputs overlaid with what the provider reported; in a preview, the inputs), and the
 * provider is the explicit or default provider with its inputs.
 */
export function toAnalyzerResources(resources: readonly PlannedResource[]): AnalyzerResource[] {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    return resources.map((r) => {
        const provider = r.providerUrn ? byUrn.get(r.providerUrn) : undefined;
        const options: AnalyzerResource["options"] = {};
        if (r.protect) options.protect = true;
        if (r.ignoreChanges) options.ignoreChanges = r.ignoreChanges;
        if (r.deleteBeforeReplace !== undefined) options.deleteBeforeReplace = r.deleteBeforeReplace;
        if (r.aliases) options.aliases = r.aliases;
        return {
            urn: r.urn,
            type: r.type,
            name: r.name,
            // As the CLI does: Analyze gets the inputs, AnalyzeStack the state after the step.
            properties: r.inputs,
            stackProperties: stateOf(r),
            ...(r.parent ? { parent: r.parent } : {}),
            ...(provider ? { provider: { urn: provider.urn, type: provider.type, name: provider.name, properties: provider.inputs } } : {}),
            dependencies: r.dependencies,
            propertyDependencies: r.propertyDependencies,
            options,
        };
    });
}

// ---------------------------------------------------------------------------------------
// Preparing the run
// ---------------------------------------------------------------------------------------

function prepare(target: string | (() => unknown), options: PlanOptions): { entry?: string; run: RunOptions; raw: RunOptions } {
    const run: RunOptions = {
        config: options.config,
        stack: options.stack,
        project: options.project,
        preview: options.preview,
        timeoutMs: options.timeoutMs,
        stackReferences: options.stackReferences,
        organization: options.organization,
        typeCheck: options.typeCheck,
    };
    if (typeof target === "string") {
        const prepared = prepareProgram(path.resolve(target), run);
        return { entry: prepared.entry, run: prepared.options, raw: run };
    }
    const project = options.project ?? "project";
    return { raw: run, run: { ...run, project, stack: options.stack ?? "dev", config: namespaced(options.config ?? {}, project) } };
}

function emptyResult(options: PlanOptions, preview: boolean, error: PlanError, totalMs: number): PlanResult {
    return {
        project: options.project ?? "project",
        stack: options.stack ?? "dev",
        preview,
        config: {},
        secretConfig: [],
        secretStackOutputs: [],
        invokes: [],
        resources: [],
        stackOutputs: {},
        diagnostics: [],
        violations: [],
        error,
        timings: { totalMs, programMs: 0, policyStartMs: 0, analyzeMs: 0 },
    };
}

// ---------------------------------------------------------------------------------------
// Default providers
// ---------------------------------------------------------------------------------------

const STACK_TYPE = "pulumi:pulumi:Stack";

/**
 * Adds the default provider the engine creates for each package used without an explicit
 * provider (`pulumi:providers:aws::default_7_48_0`, configured from the stack's `aws:*` keys),
 * and points those resources at it: policies then see the region a resource really lands in,
 * whatever stack config the pack itself was started with.
 */
function withDefaultProviders(recorded: readonly RecordedResource[], config: Record<string, string>, entry: string | undefined): PlannedResource[] {
    const stack = recorded.find((r) => r.type === STACK_TYPE);
    if (!stack) return [...recorded];
    const prefix = stack.urn.slice(0, stack.urn.indexOf("::pulumi:pulumi:Stack::"));
    const providers = new Map<string, PlannedResource>();
    const out: PlannedResource[] = [];
    for (const r of recorded) {
        const pkg = r.type.split(":")[0];
        if (!r.custom || r.providerUrn || pkg === "pulumi" || r.type === STACK_TYPE) {
            out.push(r);
            continue;
        }
        let provider = providers.get(pkg);
        if (!provider) {
            provider = defaultProvider(pkg, prefix, config, entry);
            providers.set(pkg, provider);
        }
        out.push({ ...r, provider: `${provider.urn}::${provider.id}`, providerUrn: provider.urn });
    }
    return [...providers.values(), ...out];
}

function defaultProvider(pkg: string, urnPrefix: string, config: Record<string, string>, entry: string | undefined): PlannedResource {
    const version = packageVersion(pkg, entry);
    const name = version ? `default_${version.replace(/[.\-+]/g, "_")}` : "default";
    const inputs: Record<string, string> = {};
    for (const [key, value] of Object.entries(config)) {
        if (key.startsWith(`${pkg}:`)) inputs[key.slice(pkg.length + 1)] = value;
    }
    if (version) inputs["version"] = version;
    return {
        urn: `${urnPrefix}::pulumi:providers:${pkg}::${name}`,
        type: `pulumi:providers:${pkg}`,
        name,
        custom: true,
        // The engine's default providers have ids like any provider; this one is stable across runs.
        id: "00000000-0000-0000-0000-000000000000",
        ...(pkg === "aws" ? { region: inputs["region"] ?? DEFAULT_REGION } : {}),
        inputs,
        outputs: { ...inputs },
        dependencies: [],
        propertyDependencies: {},
        defaultProvider: true,
    };
}

/** The version of the SDK package the program uses for a provider package (`@pulumi/<pkg>`). */
function packageVersion(pkg: string, entry: string | undefined): string | undefined {
    const paths = [...(entry ? [path.dirname(entry)] : []), __dirname];
    try {
        const file = require.resolve(`@pulumi/${pkg}/package.json`, { paths });
        const json = JSON.parse(fs.readFileSync(file, "utf8")) as { version?: unknown };
        return typeof json.version === "string" ? json.version : undefined;
    } catch {
        return undefined;
    }
}

// ---------------------------------------------------------------------------------------
// Ordering
// ---------------------------------------------------------------------------------------

/** Depth-first from the stack; siblings: providers, then by name, then by type. Orphans follow the stack's tree. */
function treeOrder(resources: readonly PlannedResource[]): PlannedResource[] {
    const urns = new Set(resources.map((r) => r.urn));
    const children = new Map<string, PlannedResource[]>();
    const roots: PlannedResource[] = [];
    for (const r of resources) {
        // Default providers sit under the stack, as the engine shows them.
        const parent = r.defaultProvider ? resources.find((s) => s.type === STACK_TYPE)?.urn : r.parent;
        if (parent && urns.has(parent) && parent !== r.urn) {
            const list = children.get(parent) ?? [];
            list.push(r);
            children.set(parent, list);
        } else {
            roots.push(r);
        }
    }
    const out: PlannedResource[] = [];
    const seen = new Set<string>();
    const visit = (r: PlannedResource): void => {
        if (seen.has(r.urn)) return;
        seen.add(r.urn);
        out.push(r);
        for (const child of siblingsSorted(children.get(r.urn) ?? [])) visit(child);
    };
    for (const root of siblingsSorted(roots)) visit(root);
    return out;
}

function siblingsSorted(list: readonly PlannedResource[]): PlannedResource[] {
    const rank = (r: PlannedResource): number => (r.type === STACK_TYPE ? 0 : r.type.startsWith("pulumi:providers:") ? 1 : 2);
    return [...list].sort((a, b) => rank(a) - rank(b) || compare(a.name, b.name) || compare(a.type, b.type) || compare(a.urn, b.urn));
}

const LEVEL_ORDER: Readonly<Record<EnforcementLevel, number>> = { mandatory: 0, advisory: 1, remediate: 2, disabled: 3 };

function sortViolations(violations: readonly PolicyViolation[]): PolicyViolation[] {
    return [...violations].sort(
        (a, b) =>
            LEVEL_ORDER[a.enforcementLevel] - LEVEL_ORDER[b.enforcementLevel] ||
            compare(a.policy, b.policy) ||
            compare(a.urn ?? "", b.urn ?? "") ||
            compare(a.message, b.message),
    );
}

function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------

/** A resource's state: its inputs overlaid with what came back (components: their registered outputs). */
function stateOf(r: PlannedResource): Record<string, unknown> {
    return { ...r.inputs, ...r.outputs };
}

function sortedObject<T>(object: Record<string, T>): Record<string, T> {
    return Object.fromEntries(Object.entries(object).sort(([a], [b]) => compare(a, b)));
}

function asError(e: unknown): Error {
    return e instanceof Error ? e : new Error(String(e));
}

/** The policy/ directory of this package, from the sources (offline/) or a build (bin/offline/). */
function findPolicyPack(): string {
    for (const up of ["..", path.join("..", "..")]) {
        const dir = path.resolve(__dirname, up, "policy");
        if (fs.existsSync(path.join(dir, "PulumiPolicy.yaml"))) return dir;
    }
    return path.resolve(__dirname, "..", "policy");
}
