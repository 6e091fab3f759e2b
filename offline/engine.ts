/**
 * Runs a Pulumi program in-process against the simulated AWS and records what it asks for.
 *
 * The program runs exactly as under `pulumi preview`/`pulumi up`, inside a Stack resource,
 * but the resource monitor is the SDK's `MockMonitor` driven by `AwsSimulator`. The engine
 * wraps the monitor's RPC methods, so every registration is recorded as the engine would see
 * it: inputs as sent on the wire, parent, provider reference, dependencies and property
 * dependencies, resource options, and the answer.
 *
 * Each run gets its own Pulumi runtime state (a fresh SDK store, put back as it was afterwards),
 * its own simulator and its own config, so runs in one process never see each other. Runs are
 * queued one after another because the errors a program leaks (unhandled rejections) can only
 * be caught process-wide, and because the SDK store they use is the process's global one. A
 * program that keeps working after its run has ended (one abandoned at its timeout, or a timer
 * it leaked) is not isolated: what it does later reaches the caller's SDK state.
 *
 * Unknown values: in `inputs`, `outputs` and `stackOutputs`, a value the engine does not know
 * during a preview is the wire sentinel `UNKNOWN` (the SDK's `runtime.unknownValue` string),
 * never `undefined`, so it can be told apart from "not set" and serialized back as-is. During
 * a preview, outputs a provider computes are simply absent from `outputs`. Secrets are
 * unwrapped; resource references are replaced by the referenced resource's id (its URN for
 * components), as the engine does for providers.
 */
import * as fs from "fs";
import * as path from "path";
import { createRequire } from "module";
import { pathToFileURL } from "url";
import * as pulumi from "@pulumi/pulumi";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import {
    Alias,
    DependencyProviderResource,
    DependencyResource,
    LogRequest,
    ReadResourceRequest,
    ReadResourceResponse,
    RegisterResourceOutputsRequest,
    RegisterResourceRequest,
    RegisterResourceResponse,
    ResourceInvokeRequest,
    ResourceInvokeResponse,
    debuggable,
    deserializeProperties,
    log,
    outputPromise,
    resourceStatics,
    runtimeState,
    serializeProperties,
    settings,
} from "./sdk";
import { arnRegion } from "../aws/arn";
import { isGlobalServiceType } from "../aws/regions";
import { AwsSimulator } from "./simulator";
import { typeCheck } from "./typecheck";

export interface RecordedResource {
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    /** The provider's id for it; undefined for components and, in a preview, for new resources. */
    id?: string;
    /** Parent URN. */
    parent?: string;
    /** Provider reference `urn::id` exactly as the SDK sent it, when the resource has an explicit provider. */
    provider?: string;
    providerUrn?: string;
    /**
     * The region an AWS resource lands in: its own `region` input, else its provider's, else
     * `aws:region`, else us-east-1. Undefined for non-AWS types, for global services (Route 53
     * zones and records, CloudFront, IAM) and when the deciding value is unknown in a preview.
     */
    region?: string;
    /** What the program sent, unknowns as `UNKNOWN`, secrets unwrapped. */
    inputs: Record<string, any>;
    /** Input properties the program sent as secrets (wholly or in part). */
    secretInputs?: string[];
    /** What came back (components: what they registered as outputs), unknowns as `UNKNOWN`. */
    outputs: Record<string, any>;
    /** Output properties that are secrets (wholly or in part): shown as `[secret]`, as Pulumi shows them. */
    secretOutputs?: string[];
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    deleteBeforeReplace?: boolean;
    /** Alias URNs, with alias specs resolved the way the engine resolves them. */
    aliases?: string[];
    protect?: boolean;
    ignoreChanges?: string[];
    /** True for `Resource.get` reads of existing resources. */
    read?: boolean;
    retainOnDelete?: boolean;
    replaceOnChanges?: string[];
    /**
     * Outputs the provider would compute that the simulator does not (update view): they are
     * unknown in `outputs` and to the program, as a skipped create's outputs are in `pulumi up`.
     */
    unsimulated?: string[];
    /** A multi-language component: its provider plugin creates its children, which a plan cannot see. */
    remote?: boolean;
}

export interface RecordedInvoke {
    token: string;
    args: Record<string, any>;
    provider?: string;
    result: Record<string, any>;
    /** False when the simulator does not model this function: its result is all unknown. */
    simulated: boolean;
    /** Properties of a simulated result the simulator could not know (unknown in this plan). */
    unknown?: string[];
}

/** A message the program or the SDK logged (`pulumi.log.info/warn/error`); debug output is dropped. */
export interface RecordedDiagnostic {
    severity: "info" | "warning" | "error";
    message: string;
    urn?: string;
}

export interface RunResult {
    /** In registration order; the first is the stack. */
    resources: RecordedResource[];
    invokes: RecordedInvoke[];
    stackOutputs: Record<string, any>;
    /** Stack outputs that are secrets. */
    secretStackOutputs?: string[];
    diagnostics: RecordedDiagnostic[];
    /** Why the program failed: the first exception it threw or leaked, else its first logged error. */
    error?: Error;
}

export interface RunOptions {
    /** Stack config; keys without a namespace belong to the project (`domain` means `{project}:domain`). */
    config?: Record<string, string>;
    /** Run as a preview of a new stack (computed outputs unknown) instead of an update. Default false. */
    preview?: boolean;
    /** Default "project" (runProgram) or the `name` in Pulumi.yaml (runProgramAt). */
    project?: string;
    /** Default "dev". */
    stack?: string;
    /** Config keys whose values are secrets. */
    secretKeys?: string[];
    /** The simulated account. Default "123456789012". */
    accountId?: string;
    /** Give up on a program that has not finished after this long. Default 120 000 ms. */
    timeoutMs?: number;
    /** What `pulumi.getOrganization()` returns. Default "organization", a self-managed backend's. */
    organization?: string;
    /** Outputs of the stacks `pulumi.StackReference` reads, by the name the program gives. */
    stackReferences?: Record<string, Record<string, unknown>>;
    /** The environment the AWS provider reads (`AWS_REGION`, ...). Default: this process's. */
    env?: Record<string, string | undefined>;
    /** The directory the program runs in (`process.cwd()`); runProgramAt: the project directory. */
    cwd?: string;
    /**
     * runProgramAt: type-check a TypeScript program first, as Pulumi's ts-node does, and fail
     * on type errors. Default true, unless PULUMI_NODEJS_TRANSPILE_ONLY=true or Pulumi.yaml sets
     * `runtime.options.typescript: false`.
     */
    typeCheck?: boolean;
}

/** How an unknown value appears in recorded inputs and outputs. */
export const UNKNOWN: string = pulumi.runtime.unknownValue;

export function isUnknown(value: unknown): boolean {
    return value === UNKNOWN;
}

// ---------------------------------------------------------------------------------------
// Queries tests and tools make on a result
// ---------------------------------------------------------------------------------------

export function byType(result: RunResult, type: string): RecordedResource[] {
    return result.resources.filter((r) => r.type === type);
}

/** The first resource of a type whose name equals, matches or satisfies `name` (any name when omitted). */
export function findResource(
    result: RunResult,
    type: string,
    name?: string | RegExp | ((name: string) => boolean),
): RecordedResource | undefined {
    const matches =
        name === undefined ? () => true : typeof name === "string" ? (n: string) => n === name : name instanceof RegExp ? (n: string) => name.test(n) : name;
    return byType(result, type).find((r) => matches(r.name));
}

/** The resources whose parent is `parent`. */
export function childrenOf(result: RunResult, parent: RecordedResource): RecordedResource[] {
    return result.resources.filter((r) => r.parent === parent.urn);
}

/**
 * Where a resource is: its recorded region, else the region in its ARN (`outputs.arn`).
 * Undefined for global resources and for what a preview cannot know yet.
 */
export function effectiveRegion(resource: RecordedResource): string | undefined {
    if (resource.region) return resource.region;
    const arn = resource.outputs["arn"];
    if (typeof arn !== "string" || arn === UNKNOWN) return undefined;
    return arnRegion(arn);
}

// ---------------------------------------------------------------------------------------
// Running programs
// ---------------------------------------------------------------------------------------

const DEFAULT_STACK = "dev";
const DEFAULT_ORGANIZATION = "organization";
const DEFAULT_TIMEOUT_MS = 120_000;

/**
 * Runs `callback` with a Pulumi runtime state of its own. Runs are queued, never concurrent, so
 * the SDK's global store is enough: a fresh one is installed for the run and the caller's put
 * back afterwards. The SDK's other way, `withLocalStorage`, keeps the state in an
 * AsyncLocalStorage, which switches on Node.js's promise hooks for the rest of the process: every
 * promise then pays for a hook call and a copied context, and a plan makes thousands of promises
 * per resource. Inside a caller's own local store (the Automation API's way), the global store
 * would not be read, so there the run gets a local store as well.
 */
async function withOwnRuntimeState<T>(callback: () => Promise<T>): Promise<T> {
    // The SDK also points process-wide variables at the run's stack resource and mock monitor,
    // which would keep the whole run's object graph alive until the next run replaced them.
    const global = globalThis as { globalStore?: unknown; stackResource?: unknown };
    const outerStack = global.stackResource;
    const run = async () => {
        try {
            return await callback();
        } finally {
            settings.disconnectSync();
            global.stackResource = outerStack;
        }
    };
    if (runtimeState.getLocalStore() !== undefined) return runtimeState.withLocalStorage(run);
    const outer = runtimeState.getGlobalStore();
    const own = new runtimeState.LocalStore();
    // Provider packages register their resource modules in the global store once, when they are
    // first loaded: the run must see those loaded before it, and keep those it loads.
    own.resourceModules = outer.resourceModules;
    own.resourcePackages = outer.resourcePackages;
    global.globalStore = own;
    try {
        return await run();
    } finally {
        global.globalStore = outer;
    }
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs jobs one at a time: a leaked rejection is only attributable to the run in progress. */
function enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = queue.then(job);
    queue = run.catch(() => undefined);
    return run;
}

/** Runs `program` (the body of a Pulumi program; what it returns becomes the stack outputs). */
export async function runProgram(program: () => unknown, options: RunOptions = {}): Promise<RunResult> {
    return enqueue(() => execute(program, options));
}

async function execute(program: () => unknown, options: RunOptions): Promise<RunResult> {
    const project = options.project ?? "project";
    const stack = options.stack ?? DEFAULT_STACK;
    const preview = options.preview ?? false;
    const config = namespaced(options.config ?? {}, project);
    const secretKeys = (options.secretKeys ?? []).map((key) => (key.includes(":") ? key : `${project}:${key}`));
    const simulator = new AwsSimulator({ preview, accountId: options.accountId, config, env: options.env, stackReferences: options.stackReferences });
    const recorder = new Recorder(simulator, preview);
    const errors = new ErrorTrap();
    errors.install();
    const restoreSdkBookkeeping = skipSdkBookkeeping();
    const getEngine = settings.getEngine;
    const exitHooks = captureExitHooks();
    const cwd = process.cwd();
    let abandoned = false;
    try {
        if (options.cwd) process.chdir(options.cwd);
        await withOwnRuntimeState(async () => {
            await pulumi.runtime.setMocks(simulator, project, stack, preview, options.organization ?? DEFAULT_ORGANIZATION);
            pulumi.runtime.setAllConfig(config, secretKeys);
            // A stand-in engine collects the program's log messages instead of printing them. The
            // log functions ask `settings.getEngine` (looked up at each call); with the global
            // store it would return a module variable no one can set, so it is replaced for the run.
            const store = runtimeState.getStore();
            store.settings.engine = recorder.engine;
            if (runtimeState.getLocalStore() === undefined) settings.getEngine = () => recorder.engine;
            // Nor may the SDK reach a real engine of its own: started by the Pulumi CLI, this
            // process has PULUMI_NODEJS_ENGINE set, and on the global store the SDK would open
            // a client to it (to announce the stack) from that address.
            store.settings.options.engineAddr = "";
            recorder.attach(settings.getMonitor() as Monitor);
            const finished = (async () => {
                try {
                    await pulumi.runtime.runInPulumiStack(async () => program());
                } catch (e) {
                    errors.add(e);
                }
                await untilDrained(exitHooks);
            })();
            const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
            if (!(await finishesWithin(finished, timeoutMs))) {
                errors.add(new Error(`the program did not finish within ${timeoutMs} ms`));
                abandoned = true;
            }
        });
        // Rejections nobody handled surface only after the current tasks; give them a turn.
        await nextTurn();
        await nextTurn();
    } finally {
        settings.getEngine = getEngine;
        exitHooks.restore();
        if (process.cwd() !== cwd) process.chdir(cwd);
        // An abandoned program may still be running, now on the caller's SDK state. Left with
        // the SDK's leak bookkeeping, whatever it started later would be reported as the
        // caller's leaked promises when the process exits (and fail it), so the bookkeeping
        // stays skipped for the rest of the process.
        if (!abandoned) restoreSdkBookkeeping();
        errors.uninstall();
    }
    return recorder.result(recorder.failure() ?? errors.first() ?? recorder.loggedError());
}

/** `beforeExit` listeners the program adds while it runs: Pulumi runs them when its event loop drains. */
interface ExitHooks {
    /** Listeners added since the last call, now detached from the process. */
    take(): Array<(code: number) => unknown>;
    restore(): void;
}

/**
 * Libraries register resources when the language host's event loop drains, through
 * `process.on("beforeExit")` (the AWS package's bucket notifications from `onObjectCreated`
 * are made that way). A plan runs inside a process that does not exit, so the listeners the
 * program adds are held back and called when the program's own work has drained.
 */
function captureExitHooks(): ExitHooks {
    const captured: Array<(code: number) => unknown> = [];
    const proc = process as unknown as Record<string, (...args: unknown[]) => unknown>;
    const originals = { on: proc["on"], addListener: proc["addListener"], once: proc["once"], prependListener: proc["prependListener"] };
    for (const method of Object.keys(originals) as Array<keyof typeof originals>) {
        const original = originals[method];
        proc[method] = function (this: unknown, event: unknown, listener: unknown, ...rest: unknown[]) {
            if (event === "beforeExit" && typeof listener === "function") {
                captured.push(listener as (code: number) => unknown);
                return process;
            }
            return original.call(this, event, listener, ...rest);
        };
    }
    return {
        take: () => captured.splice(0),
        restore: () => {
            for (const method of Object.keys(originals) as Array<keyof typeof originals>) proc[method] = originals[method];
        },
    };
}

/**
 * Waits as the Node.js language host does before it reports a program done: until the
 * program's RPCs and the work they start have settled (an apply that registers resources or
 * calls an invoke, whether or not anything uses its result), then runs the `beforeExit`
 * listeners and waits again, until a whole round starts nothing new.
 */
async function untilDrained(exitHooks: ExitHooks): Promise<void> {
    for (;;) {
        await settings.waitForRPCs();
        // Work an apply starts only begins on a later turn: give it turns, then check again.
        const before = runtimeState.getStore().settings.rpcDone;
        for (let i = 0; i < 5; i++) await nextTurn();
        if (runtimeState.getStore().settings.rpcDone !== before) continue;
        const hooks = exitHooks.take();
        if (hooks.length === 0) return;
        for (const hook of hooks) await hook(0);
    }
}

/**
 * Bookkeeping nobody reads during an offline run, skipped while a program runs:
 *
 * - `debuggablePromise`, which the SDK wraps around nearly every promise it makes, captures a
 *   stack trace, tags the promise with three properties, adds it to a set of leak candidates
 *   and chains two more promises to take it out again. All of that serves one diagnostic, the
 *   list of leaked promises printed when the process exits (with stacks only under
 *   PULUMI_DEBUG_PROMISE_LEAKS); the offline engine catches a program's errors itself. For the
 *   run it returns the promise as it is, which settles exactly as the wrapped one would.
 * - `Resource.callsites` captures every frame of every registration (source-mapped under tsx)
 *   for a source position the mock monitor ignores; for the run it reports none.
 * - `log.debug`, which the SDK calls several times per registration, sends each message to the
 *   engine through a chain of promises; the recorder drops debug messages, so for the run they
 *   are not sent.
 *
 * Errors keep their full, source-mapped stacks. The SDK reaches all three through properties
 * looked up at each call, so replacing them reaches every call. With PULUMI_DEBUG_PROMISE_LEAKS
 * set, nothing is skipped. Returns the undo.
 */
function skipSdkBookkeeping(): () => void {
    // A leak hunt needs the bookkeeping.
    if (process.env["PULUMI_DEBUG_PROMISE_LEAKS"]) return () => undefined;
    const trackPromise = debuggable.debuggablePromise;
    debuggable.debuggablePromise = (p) => p;
    const resource = resourceStatics;
    const callsites = resource.callsites;
    resource.callsites = () => [];
    const debug = log.debug;
    log.debug = () => Promise.resolve();
    return () => {
        debuggable.debuggablePromise = trackPromise;
        resource.callsites = callsites;
        log.debug = debug;
    };
}

/**
 * Runs the Pulumi program at `target`: a directory with a Pulumi.yaml (its `main`, else
 * index.ts, else index.js) or a .ts/.js file. The project name and config defaults come from
 * Pulumi.yaml, then Pulumi.<stack>.yaml, then `options.config`.
 */
export async function runProgramAt(target: string, options: RunOptions = {}): Promise<RunResult> {
    let program: PreparedProgram;
    try {
        program = prepareProgram(path.resolve(target), options);
        checkSdkCopy(program.entry);
        if (program.typeCheck) typeCheck(program.entry, program.root);
    } catch (e) {
        // A program that cannot even be found, configured or compiled fails like one that throws.
        return { resources: [], invokes: [], stackOutputs: {}, diagnostics: [], error: e instanceof Error ? e : new Error(String(e)) };
    }
    return enqueue(async () => {
        const loadedBefore = new Set(Object.keys(require.cache));
        delete require.cache[program.entry];
        try {
            const result = await execute(() => loadProgram(program.entry), program.options);
            result.diagnostics.unshift(...program.notes);
            return result;
        } finally {
            // Forget the program's own modules so the next run executes them again; packages stay loaded.
            for (const key of Object.keys(require.cache)) {
                if (!loadedBefore.has(key) && !key.split(path.sep).includes("node_modules")) delete require.cache[key];
            }
            delete require.cache[program.entry];
        }
    });
}

export interface PreparedProgram {
    /** The program file that will be loaded. */
    entry: string;
    /** The project directory (where Pulumi.yaml is, else the program's directory). */
    root: string;
    /** The options it will run with: project, stack, the merged, namespaced config, the working directory. */
    options: RunOptions;
    /** Whether it is type-checked before it runs. */
    typeCheck: boolean;
    /** What the plan must tell the user about how it prepared the program (secure values it could not read). */
    notes: RecordedDiagnostic[];
}

/**
 * What `runProgramAt(target, options)` will run, without running it: the entry file, the
 * project, the stack and the config merged from Pulumi.yaml, Pulumi.<stack>.yaml and
 * `options.config`. Throws when the program cannot be found or its YAML cannot be read.
 */
export function prepareProgram(target: string, options: RunOptions): PreparedProgram {
    const location = locateProgram(target);
    const project = options.project ?? location.project ?? path.basename(location.root);
    const stack = options.stack ?? DEFAULT_STACK;
    const stackConfig = readStackConfig(location.root, stack);
    const given = namespaced(options.config ?? {}, project);
    const config = {
        ...namespaced(location.configDefaults, project),
        ...namespaced(stackConfig.values, project),
        ...given,
    };
    // Encrypted values need the stack's secrets provider, which a plan does not have: the
    // value given with --config is used, else a placeholder, and either way it stays secret.
    const notes: RecordedDiagnostic[] = [];
    const secretKeys = [...(options.secretKeys ?? []).map((key) => (key.includes(":") ? key : `${project}:${key}`))];
    for (const key of Object.keys(namespaced(Object.fromEntries(stackConfig.secure.map((k) => [k, ""])), project))) {
        secretKeys.push(key);
        if (given[key] !== undefined) continue;
        config[key] = `[secret ${key}]`;
        notes.push({
            severity: "warning",
            message: `config ${key} is a secure value in Pulumi.${stack}.yaml, which the offline plan cannot decrypt; the program sees a secret placeholder string instead. Pass --config ${key}=<value> to plan with a real value.`,
        });
    }
    const typeCheckOff = options.typeCheck === false || process.env["PULUMI_NODEJS_TRANSPILE_ONLY"] === "true" || location.typescript === false;
    return {
        entry: location.entry,
        root: location.root,
        options: { ...options, project, stack, config, secretKeys, cwd: options.cwd ?? location.programDir },
        typeCheck: !typeCheckOff && /\.[cm]?tsx?$/.test(location.entry),
        notes,
    };
}

interface ProgramLocation {
    root: string;
    /** Where Pulumi runs the program: the `main` folder when main is one, else the project directory. */
    programDir: string;
    entry: string;
    project?: string;
    configDefaults: Record<string, string>;
    /** Pulumi.yaml's `runtime.options.typescript`, when set. */
    typescript?: boolean;
}

function locateProgram(target: string): ProgramLocation {
    const isDirectory = fs.statSync(target).isDirectory();
    const root = isDirectory ? target : path.dirname(target);
    const projectFile = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(root, f)).find((f) => fs.existsSync(f));
    const project = projectFile ? (loadYaml(projectFile) as Record<string, unknown> | undefined) : undefined;
    let entry = target;
    let programDir = root;
    if (isDirectory) {
        const main = typeof project?.["main"] === "string" ? path.resolve(root, project["main"]) : root;
        const mainIsDir = fs.existsSync(main) && fs.statSync(main).isDirectory();
        entry = mainIsDir ? indexFile(main) : main;
        if (mainIsDir) programDir = main;
    }
    const runtime = project?.["runtime"];
    const runtimeOptions = typeof runtime === "object" && runtime !== null ? (runtime as Record<string, unknown>)["options"] : undefined;
    const typescript = typeof runtimeOptions === "object" && runtimeOptions !== null ? (runtimeOptions as Record<string, unknown>)["typescript"] : undefined;
    return {
        root,
        programDir,
        entry,
        project: typeof project?.["name"] === "string" ? project["name"] : undefined,
        configDefaults: configValues(project?.["config"], ["value", "default"]).values,
        typescript: typeof typescript === "boolean" ? typescript : undefined,
    };
}

function indexFile(dir: string): string {
    // The package's own "main" first, as Node.js resolves a directory; then the usual index files.
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest)) {
        const main = (JSON.parse(fs.readFileSync(manifest, "utf8")) as { main?: unknown }).main;
        if (typeof main === "string" && fs.existsSync(path.resolve(dir, main))) return path.resolve(dir, main);
    }
    const found = ["index.ts", "index.js", "index.mts", "index.mjs"].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
    if (!found) throw new Error(`no Pulumi program in ${dir}: expected index.ts or index.js`);
    return found;
}

function readStackConfig(root: string, stack: string): ConfigSection {
    const file = path.join(root, `Pulumi.${stack}.yaml`);
    if (!fs.existsSync(file)) return { values: {}, secure: [] };
    const content = loadYaml(file) as Record<string, unknown> | undefined;
    return configValues(content?.["config"], ["value"]);
}

interface ConfigSection {
    values: Record<string, string>;
    /** Keys whose value is encrypted (`secure:`). */
    secure: string[];
}

/**
 * Config values as the CLI passes them to a program: strings, with structured values as
 * JSON. A key may hold its value plainly or under one of `wrappers`; encrypted (`secure`)
 * values cannot be read offline and are listed apart.
 */
function configValues(section: unknown, wrappers: string[]): ConfigSection {
    const out: ConfigSection = { values: {}, secure: [] };
    if (typeof section !== "object" || section === null) return out;
    for (const [key, raw] of Object.entries(section as Record<string, unknown>)) {
        let value = raw;
        if (typeof raw === "object" && raw !== null && !Array.isArray(raw)) {
            const wrapper = wrappers.find((w) => w in raw);
            if (wrapper) value = (raw as Record<string, unknown>)[wrapper];
            else if ("secure" in raw) {
                out.secure.push(key);
                continue;
            } else if ("type" in raw) continue;
        }
        if (value === undefined || value === null) continue;
        out.values[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
    return out;
}

function loadYaml(file: string): unknown {
    const yaml = require("js-yaml") as { load(text: string): unknown };
    try {
        return yaml.load(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new Error(`${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
}

/**
 * Fails at once, with what to do, when the program would load another version of
 * `@pulumi/pulumi` than the engine drives: that copy never sees the simulated monitor, and the
 * program would wait for an engine that does not exist until the timeout.
 */
function checkSdkCopy(entry: string): void {
    let theirs: string;
    try {
        theirs = createRequire(entry).resolve("@pulumi/pulumi/package.json");
    } catch {
        return; // Not resolvable from the program: it will fail to load with Node's own message.
    }
    const ours = require.resolve("@pulumi/pulumi/package.json");
    if (fs.realpathSync(theirs) === fs.realpathSync(ours)) return;
    const version = (file: string) => (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
    // A copy of the same version keeps its runtime state in the same process-wide store, so it
    // sees the simulated monitor; another version's store and protocol are not the engine's.
    if (version(theirs) === version(ours)) return;
    throw new Error(
        `the program loads its own @pulumi/pulumi ${version(theirs)} (${path.dirname(theirs)}), not the ${version(ours)} the offline plan ` +
            `drives (${path.dirname(ours)}). Another version of the SDK cannot talk to the simulated engine. Remove the program's copy ` +
            `(or its node_modules) so that it resolves the plan's @pulumi/pulumi, or install the plan alongside the program.`,
    );
}

/** Whether Node.js loads `entry` as an ES module: `.mjs`/`.mts`, or `.js`/`.ts` under a package.json with "type": "module". */
function isEsModule(entry: string): boolean {
    if (/\.m[jt]s$/.test(entry)) return true;
    if (/\.c[jt]s$/.test(entry)) return false;
    for (let dir = path.dirname(entry); ; dir = path.dirname(dir)) {
        const manifest = path.join(dir, "package.json");
        if (fs.existsSync(manifest)) return (JSON.parse(fs.readFileSync(manifest, "utf8")) as { type?: unknown }).type === "module";
        if (path.dirname(dir) === dir) return false;
    }
}

let esmRuns = 0;

/** Loads a program module the way the Node.js language host does and returns its outputs. */
async function loadProgram(entry: string): Promise<unknown> {
    if (isEsModule(entry)) {
        // A fresh URL per run, so a second plan of the same file runs it again.
        const url = `${pathToFileURL(entry).href}?offline-run=${++esmRuns}`;
        const namespace = /\.[cm]?tsx?$/.test(entry)
            ? // tsx's ES module build: its CommonJS build cannot find its own loader when loaded under tsx/cjs.
              await ((await importEsm("tsx/esm/api")) as { tsImport(specifier: string, parent: string): Promise<unknown> }).tsImport(url, pathToFileURL(__filename).href)
            : await importEsm(url);
        return esmOutputs(namespace as Record<string, unknown>);
    }
    if (/\.[cm]?tsx?$/.test(entry) && !require.extensions[".ts"]) {
        (require("tsx/cjs/api") as { register(): unknown }).register();
    }
    const exported = require(entry) as unknown;
    if (typeof exported === "function") return (exported as () => unknown)();
    // A TypeScript `export default async () => ...` compiles to a module whose only export is `default`.
    const namespace = exported as Record<string, unknown>;
    if (namespace && typeof namespace["default"] === "function" && Object.keys(namespace).every((k) => k === "default")) {
        return (namespace["default"] as () => unknown)();
    }
    return exported;
}

/** `import()` as Node.js itself performs it (a compiled CommonJS module would turn it into `require`). */
const importEsm = new Function("url", "return import(url)") as (url: string) => Promise<unknown>;

/**
 * The stack outputs of an ES module program, as the language host takes them: a default
 * export that is a function is called (its result awaited), else the named exports are the outputs.
 */
async function esmOutputs(namespace: Record<string, unknown>): Promise<unknown> {
    const main = namespace["default"];
    if (typeof main === "function") return (main as () => unknown)();
    const outputs: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(namespace)) if (key !== "default") outputs[key] = value;
    return main !== undefined && Object.keys(outputs).length === 0 ? main : outputs;
}

/** Config keys as the engine passes them: a key without a namespace belongs to the project. */
export function namespaced(config: Record<string, string>, project: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(config)) out[key.includes(":") ? key : `${project}:${key}`] = value;
    return out;
}

async function finishesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), ms);
    });
    try {
        return await Promise.race([work.then(() => true), timeout]);
    } finally {
        clearTimeout(timer);
    }
}

function nextTurn(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
}

/** Catches what a program throws or leaks (rejections nobody handled), once per error. */
class ErrorTrap {
    private readonly seen = new Set<unknown>();
    private readonly errors: Error[] = [];
    private readonly listener = (reason: unknown) => this.add(reason);

    install(): void {
        process.on("unhandledRejection", this.listener);
        process.on("uncaughtException", this.listener);
    }

    uninstall(): void {
        process.off("unhandledRejection", this.listener);
        process.off("uncaughtException", this.listener);
    }

    add(reason: unknown): void {
        if (this.seen.has(reason)) return;
        this.seen.add(reason);
        this.errors.push(reason instanceof Error ? reason : new Error(String(reason)));
    }

    first(): Error | undefined {
        return this.errors[0];
    }
}

// ---------------------------------------------------------------------------------------
// Recording the monitor's traffic
// ---------------------------------------------------------------------------------------

type Callback<T> = (err: Error | null, response?: T) => void;

/**
 * The same callback, called on a later turn of the event loop, as a real engine's gRPC answer
 * arrives. Answered at once (in the same run of microtasks), every registration of a large
 * program moved forward in lockstep: the queue of pending promise jobs held work for all of them,
 * so it outlived the young generation and nearly everything survived the garbage collector's
 * scavenges. Answered on a later turn, what a registration is done with dies young.
 */
function onLaterTurn<T>(callback: Callback<T>): Callback<T> {
    return (err, response) => {
        setImmediate(() => callback(err, response));
    };
}

interface Monitor {
    /** The MockMonitor's registry, which its resource lookups and output registrations read by URN. */
    resources: Map<string, { urn: string }>;
    registerResource(req: RegisterResourceRequest, callback: Callback<RegisterResourceResponse>): unknown;
    readResource(req: ReadResourceRequest, callback: Callback<ReadResourceResponse>): unknown;
    invoke(req: ResourceInvokeRequest, callback: Callback<ResourceInvokeResponse>): unknown;
    registerResourceOutputs(req: RegisterResourceOutputsRequest, callback: Callback<unknown>): unknown;
    registerStackTransform(req: { getToken(): string }, callback: Callback<unknown>): unknown;
    /** The MockMonitor's registry of transform callbacks, by the token the SDK sends. */
    transformCallbacks: Map<string, TransformFn>;
}

type TransformFn = (args: pulumi.ResourceTransformArgs) =>
    Promise<pulumi.ResourceTransformResult | undefined> | pulumi.ResourceTransformResult | undefined;

const STACK_TYPE = "pulumi:pulumi:Stack";
const SEVERITIES: Readonly<Record<number, RecordedDiagnostic["severity"]>> = { 1: "info", 2: "warning", 3: "error" };

class Recorder {
    private readonly resources: RecordedResource[] = [];
    private readonly byUrn = new Map<string, RecordedResource>();
    private readonly invokes: RecordedInvoke[] = [];
    private readonly diagnostics: RecordedDiagnostic[] = [];
    private stackOutputs: Record<string, any> = {};
    /** `transforms` options by URN, so children inherit them as the engine makes them. */
    private readonly transformsByUrn = new Map<string, TransformFn[]>();
    private readonly parentOf = new Map<string, string>();
    private readonly stackTransforms: TransformFn[] = [];

    /** Failures the engine raises itself (not the program), such as a duplicate URN. */
    private readonly failures: Error[] = [];

    constructor(
        private readonly simulator: AwsSimulator,
        private readonly preview: boolean,
    ) {}

    failure(): Error | undefined {
        return this.failures[0];
    }

    /** Fails a registration whose URN is taken, as the engine does, instead of keeping one of the two. */
    private checkUnique(urn: string): Error | undefined {
        if (!this.seenUrns.has(urn)) {
            this.seenUrns.add(urn);
            return undefined;
        }
        const error = new Error(`Duplicate resource URN '${urn}'; try giving it a unique name`);
        this.failures.push(error);
        return error;
    }

    private readonly seenUrns = new Set<string>();

    /** Just enough of the engine service for the SDK's logging and root-resource calls. */
    readonly engine = {
        log: (req: LogRequest, callback: Callback<unknown>) => {
            const severity = SEVERITIES[req.getSeverity()];
            if (severity) this.diagnostics.push({ severity, message: req.getMessage(), urn: req.getUrn() || undefined });
            callback(null, {});
        },
        setRootResource: (_req: unknown, callback: Callback<unknown>) => callback(null, {}),
    };

    attach(monitor: Monitor): void {
        const registerStackTransform = monitor.registerStackTransform.bind(monitor);
        monitor.registerStackTransform = (req, callback) => {
            const transform = monitor.transformCallbacks.get(req.getToken());
            if (transform) this.stackTransforms.push(transform);
            return registerStackTransform(req, callback);
        };

        const register = monitor.registerResource.bind(monitor);
        monitor.registerResource = (req, answer) => {
            const callback = onLaterTurn(answer);
            this.applyTransforms(monitor, req).then(
                () => this.registerTransformed(monitor, register, req, callback),
                (err: Error) => callback(err),
            );
        };

        const read = monitor.readResource.bind(monitor);
        monitor.readResource = (req, answer) => {
            const callback = onLaterTurn(answer);
            const duplicate = this.checkUnique(engineUrn(req.getParent(), req.getType(), req.getName()));
            if (duplicate) return callback(duplicate);
            const record = this.begin(req.getType(), req.getName(), req.getParent(), req.getProvider(), req.getProperties()?.toJavaScript());
            record.read = true;
            record.dependencies = req.getDependenciesList();
            this.simulator.noteUnknownInputs(req.getType(), req.getName(), Object.keys(record.inputs).filter((key) => containsUnknown(record.inputs[key])));
            return read(req, (err, response) => {
                if (response) {
                    adoptUrn(monitor, response.getUrn(), record.urn);
                    response.setUrn(record.urn);
                    this.complete(record, req.getId(), response.getProperties()?.toJavaScript());
                }
                callback(err, response);
            });
        };

        const invoke = monitor.invoke.bind(monitor);
        monitor.invoke = (req, answer) => {
            const callback = onLaterTurn(answer);
            // The SDK's own lookups of registered resources are not calls to AWS.
            if (req.getTok() === "pulumi:pulumi:getResource") return invoke(req, callback);
            return invoke(req, (err, response) => {
                // The SDK reports a failed invoke by the gRPC error's `details`, as the engine sends
                // a provider's failure; the mock monitor passes the simulator's Error on as it is.
                if (err && (err as { details?: string }).details === undefined) Object.assign(err, { details: err.message });
                const simulated = this.simulator.simulatesInvoke(req.getTok());
                const wire = (response?.getReturn()?.toJavaScript() ?? {}) as Record<string, unknown>;
                // Outside a preview the SDK reads an unknown property of an invoke result as
                // undefined. What the simulator cannot know must stay unknown to the program (an
                // existing VPC endpoint's interfaces: a check on them waits, as in a preview), so
                // each unknown travels as an unknown output value, which the SDK keeps unknown.
                if (response && !this.preview && containsUnknown(wire)) {
                    response.setReturn(Struct.fromJavaScript(unknownsAsOutputValues(wire) as Parameters<typeof Struct.fromJavaScript>[0]));
                }
                const result = fromWire(wire);
                const unknown = simulated ? Object.keys(result).filter((key) => containsUnknown(result[key])).sort() : [];
                this.invokes.push({
                    token: req.getTok(),
                    args: fromWire(req.getArgs()?.toJavaScript() ?? {}),
                    provider: req.getProvider() || undefined,
                    result,
                    simulated,
                    ...(unknown.length > 0 ? { unknown } : {}),
                });
                if (!simulated && !err) {
                    this.diagnostics.push({
                        severity: "warning",
                        message: `${req.getTok()} is not simulated offline: its result is unknown in this plan (a preview or update would look it up)`,
                    });
                }
                callback(err, response);
            });
        };

        const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
        monitor.registerResourceOutputs = (req, callback) => {
            const wire = req.getOutputs()?.toJavaScript() ?? {};
            const outputs = fromWire(wire);
            const record = this.byUrn.get(req.getUrn());
            if (record) {
                record.outputs = outputs;
                const secrets = secretKeysOf(wire);
                if (secrets.length > 0) record.secretOutputs = secrets;
            }
            if (record?.type === STACK_TYPE) this.stackOutputs = outputs;
            return registerOutputs(req, callback);
        };
    }

    /**
     * Applies the `transforms` the engine would: the resource's own, then its ancestors'
     * (nearest first), then the stack's. Each sees the properties and the options the previous
     * one left; the options it returns (provider, protect, ignoreChanges, ...) replace the
     * request's, as the engine's transform callback does.
     */
    private async applyTransforms(monitor: Monitor, req: RegisterResourceRequest): Promise<void> {
        const urn = engineUrn(req.getParent(), req.getType(), req.getName());
        if (req.getParent()) this.parentOf.set(urn, req.getParent());
        const own = req.getTransformsList()
            .map((cb) => monitor.transformCallbacks.get(cb.getToken()))
            .filter((t): t is TransformFn => t !== undefined);
        if (own.length > 0) this.transformsByUrn.set(urn, own);
        const chain = [...own];
        for (let p = this.parentOf.get(urn); p; p = this.parentOf.get(p)) chain.push(...(this.transformsByUrn.get(p) ?? []));
        chain.push(...this.stackTransforms);
        if (chain.length === 0 || req.getType().startsWith("pulumi:")) return;
        let props = deserializeProperties(req.getObject() ?? new Struct());
        let opts = optionsOf(req);
        for (const transform of chain) {
            const result = await transform({ custom: req.getCustom(), type: req.getType(), name: req.getName(), props, opts });
            if (result) {
                props = result.props;
                opts = result.opts ?? opts;
            }
        }
        req.setObject(Struct.fromJavaScript(await serializeProperties(`transformed ${req.getName()}`, props)));
        await applyOptions(req, opts);
    }

    private registerTransformed(
        monitor: Monitor,
        register: Monitor["registerResource"],
        req: RegisterResourceRequest,
        callback: Callback<RegisterResourceResponse>,
    ): unknown {
        const duplicate = this.checkUnique(engineUrn(req.getParent(), req.getType(), req.getName()));
        if (duplicate) return callback(duplicate);
        const record = this.begin(req.getType(), req.getName(), req.getParent(), req.getProvider(), req.getObject()?.toJavaScript());
        // Outside a preview the mock monitor reads an unknown input as undefined; the simulator
        // must still see it as unknown (present, not missing, and unknown in the answer).
        this.simulator.noteUnknownInputs(req.getType(), req.getName(), Object.keys(record.inputs).filter((key) => containsUnknown(record.inputs[key])));
        if (req.getRemote()) {
            record.remote = true;
            this.diagnostics.push({
                severity: "warning",
                urn: record.urn,
                message:
                    `${req.getType()} "${req.getName()}" is a multi-language component: its provider plugin creates its children, ` +
                    `which the offline plan cannot run, so they are missing from this plan and the policy pack does not see them`,
            });
        }
        record.custom = req.getCustom();
        record.dependencies = req.getDependenciesList();
        req.getPropertydependenciesMap().forEach((deps, key) => {
            record.propertyDependencies[key] = deps.getUrnsList();
        });
        if (req.getDeletebeforereplacedefined()) record.deleteBeforeReplace = req.getDeletebeforereplace();
        if (req.getProtect()) record.protect = true;
        if (req.getIgnorechangesList().length > 0) record.ignoreChanges = req.getIgnorechangesList();
        if (req.getRetainondelete()) record.retainOnDelete = true;
        if (req.getReplaceonchangesList().length > 0) record.replaceOnChanges = req.getReplaceonchangesList();
        const aliases = [...req.getAliasurnsList(), ...req.getAliasesList().map((a) => aliasUrn(a, record))];
        if (aliases.length > 0) record.aliases = aliases;
        return register(req, (err, response) => {
            if (response) {
                adoptUrn(monitor, response.getUrn(), record.urn);
                response.setUrn(record.urn);
                this.complete(record, response.getId(), response.getObject()?.toJavaScript());
                const unknown = Object.keys(record.outputs).filter((key) => containsUnknown(record.outputs[key]));
                if (!this.preview && record.custom && unknown.length > 0) {
                    record.unsimulated = unknown;
                    // As for a skipped create in `pulumi up`: the SDK keeps these outputs unknown
                    // instead of resolving them to undefined.
                    response.setUnknown(true);
                }
            }
            callback(err, response);
        });
    }

    private begin(type: string, name: string, parent: string, provider: string, wireInputs: unknown): RecordedResource {
        const inputs = fromWire(wireInputs ?? {});
        const secrets = secretKeysOf(wireInputs);
        const record: RecordedResource = {
            urn: engineUrn(parent, type, name),
            type,
            name,
            custom: true,
            inputs,
            outputs: {},
            dependencies: [],
            propertyDependencies: {},
        };
        if (secrets.length > 0) record.secretInputs = secrets;
        if (parent) record.parent = parent;
        if (provider) {
            record.provider = provider;
            record.providerUrn = provider.slice(0, provider.lastIndexOf("::"));
        }
        if (type === "pulumi:providers:aws" || (type.startsWith("aws:") && !isGlobalServiceType(type))) {
            record.region = this.simulator.regionOf(inputs, record.provider);
        }
        this.resources.push(record);
        return record;
    }

    private complete(record: RecordedResource, id: string, wireOutputs: unknown): void {
        if (id) record.id = id;
        record.outputs = fromWire(wireOutputs ?? {});
        const secrets = secretKeysOf(wireOutputs);
        if (secrets.length > 0) record.secretOutputs = secrets;
        this.byUrn.set(record.urn, record);
        if (record.type.startsWith("pulumi:providers:")) {
            // The reference resources will send: the SDK spells an unknown provider id as the unknown sentinel.
            this.simulator.rememberProvider(`${record.urn}::${id || UNKNOWN}`, record.inputs);
        }
    }

    loggedError(): Error | undefined {
        const logged = this.diagnostics.filter((d) => d.severity === "error");
        return logged.length > 0 ? new Error(logged.map((d) => d.message).join("\n")) : undefined;
    }

    result(error: Error | undefined): RunResult {
        // Copies: a program that timed out may still be registering in the background.
        const stack = this.resources.find((r) => r.type === STACK_TYPE);
        return {
            resources: [...this.resources],
            invokes: [...this.invokes],
            stackOutputs: this.stackOutputs,
            ...(stack?.secretOutputs ? { secretStackOutputs: stack.secretOutputs } : {}),
            diagnostics: [...this.diagnostics],
            ...(error ? { error } : {}),
        };
    }
}

/**
 * The URN the Pulumi engine gives a resource: its type qualified by its parent's qualified
 * type, except under the root stack. (The SDK's MockMonitor qualifies with the parent's last
 * type only, and with the stack's; the recorded URNs follow the engine, as policies see them.)
 */
function engineUrn(parent: string, type: string, name: string, stack = pulumi.getStack(), project = pulumi.getProject()): string {
    const parentType = parent ? parent.split("::")[2] : "";
    const qualified = parentType && parentType !== STACK_TYPE ? `${parentType}$${type}` : type;
    return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

/** Files the MockMonitor's entry under the engine's URN, so its lookups by URN keep working. */
function adoptUrn(monitor: Monitor, mockUrn: string, urn: string): void {
    const entry = monitor.resources.get(mockUrn);
    if (!entry || mockUrn === urn) return;
    entry.urn = urn;
    monitor.resources.delete(mockUrn);
    monitor.resources.set(urn, entry);
}

/** An alias as a URN: a spec's missing parts are the resource's own, as the engine fills them in. */
function aliasUrn(alias: Alias, record: RecordedResource): string {
    if (alias.getUrn()) return alias.getUrn();
    const spec = alias.getSpec();
    if (!spec) return "";
    const parent = spec.getNoparent() ? "" : spec.getParenturn() || record.parent || "";
    return engineUrn(parent, spec.getType() || record.type, spec.getName() || record.name, spec.getStack() || pulumi.getStack(), spec.getProject() || pulumi.getProject());
}

const valueOf = outputPromise;

/** The value with every unknown replaced by an unknown output value (`{sig: outputValue}` without a value). */
function unknownsAsOutputValues(value: unknown): unknown {
    if (value === UNKNOWN) return { [pulumi.runtime.specialSigKey]: pulumi.runtime.specialOutputValueSig };
    if (Array.isArray(value)) return value.map(unknownsAsOutputValues);
    if (typeof value !== "object" || value === null) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unknownsAsOutputValues(v)]));
}

function containsUnknown(value: unknown): boolean {
    if (value === UNKNOWN) return true;
    if (Array.isArray(value)) return value.some(containsUnknown);
    return typeof value === "object" && value !== null && Object.values(value).some(containsUnknown);
}

/** A request's options as a transform sees them (what the SDK's own transform callback passes). */
function optionsOf(req: RegisterResourceRequest): pulumi.CustomResourceOptions {
    const opts: pulumi.CustomResourceOptions = {
        protect: req.getProtect(),
        ignoreChanges: req.getIgnorechangesList(),
        replaceOnChanges: req.getReplaceonchangesList(),
        retainOnDelete: req.getRetainondelete(),
        additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
    };
    if (req.getDeletebeforereplacedefined()) opts.deleteBeforeReplace = req.getDeletebeforereplace();
    if (req.getProvider()) opts.provider = new DependencyProviderResource(req.getProvider());
    if (req.getParent()) opts.parent = new DependencyResource(req.getParent());
    if (req.getDependenciesList().length > 0) opts.dependsOn = req.getDependenciesList().map((urn) => new DependencyResource(urn));
    return opts;
}

/** Writes the options a transform returned back into the request. */
async function applyOptions(req: RegisterResourceRequest, opts: pulumi.CustomResourceOptions): Promise<void> {
    req.setProtect(opts.protect ?? false);
    req.setIgnorechangesList(opts.ignoreChanges ?? []);
    req.setReplaceonchangesList(opts.replaceOnChanges ?? []);
    req.setRetainondelete(opts.retainOnDelete ?? false);
    req.setAdditionalsecretoutputsList(opts.additionalSecretOutputs ?? []);
    req.setDeletebeforereplacedefined(opts.deleteBeforeReplace !== undefined);
    req.setDeletebeforereplace(opts.deleteBeforeReplace ?? false);
    if (opts.provider) {
        const urn = await valueOf(opts.provider.urn);
        const id = (await valueOf(opts.provider.id)) || UNKNOWN;
        req.setProvider(`${urn}::${id}`);
    } else {
        req.setProvider("");
    }
    if (opts.dependsOn !== undefined) {
        const deps = await valueOf(pulumi.output(opts.dependsOn) as pulumi.Output<unknown>);
        const list = (Array.isArray(deps) ? deps : [deps]) as pulumi.Resource[];
        req.setDependenciesList(await Promise.all(list.map((d) => valueOf(d.urn))));
    }
}

/** The top-level properties of a wire object that hold a secret anywhere inside. */
function secretKeysOf(wire: unknown): string[] {
    return Object.entries((wire ?? {}) as Record<string, unknown>)
        .filter(([, value]) => containsSecret(value))
        .map(([key]) => key);
}

function containsSecret(value: unknown): boolean {
    if (Array.isArray(value)) return value.some(containsSecret);
    if (typeof value !== "object" || value === null) return false;
    const object = value as Record<string, unknown>;
    return object[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig || Object.values(object).some(containsSecret);
}

/**
 * A property value from the wire, as recorded: secrets unwrapped, resource references as
 * the referenced id (URN for components), output values as their value, unknowns as `UNKNOWN`.
 */
function fromWire(value: unknown): any {
    if (Array.isArray(value)) return value.map(fromWire);
    if (typeof value !== "object" || value === null) return value;
    const object = value as Record<string, unknown>;
    const signature = object[pulumi.runtime.specialSigKey];
    if (signature === pulumi.runtime.specialSecretSig) return fromWire(object["value"]);
    if (signature === pulumi.runtime.specialResourceSig) {
        if ("id" in object) return object["id"] === "" ? UNKNOWN : object["id"];
        return object["urn"];
    }
    if (signature === pulumi.runtime.specialOutputValueSig) return "value" in object ? fromWire(object["value"]) : UNKNOWN;
    // Assets and archives keep their wire form.
    if (signature !== undefined) return object;
    const out: Record<string, any> = {};
    for (const [key, v] of Object.entries(object)) out[key] = fromWire(v);
    return out;
}
