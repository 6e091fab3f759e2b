/**
 * One measurement, in a process of its own so that its peak memory is its own: plan a
 * generated stack once (after a small warm-up plan that loads the modules), with or without
 * the policy pack, and print the figures as one JSON line after SCENARIO_MARKER. Or, given
 * `rounds`, the components' time overhead: both spellings of the stack planned by turns in
 * this one process (`alternate`), printed after ALTERNATION_MARKER.
 *
 * Run by bench/index.ts: `node --expose-gc --require tsx/cjs bench/scenario.ts '{"kind":"components","n":100,"policy":false}'`
 * or `... '{"n":100,"policy":false,"rounds":10}'`.
 */
import * as fs from "fs";
import { PerformanceObserver } from "perf_hooks";
import { CriticalPath, criticalPath } from "../offline/critical-path";
import { DEFAULT_POLICY_PACK, planProgram } from "../offline/plan";
import { QuotaUse, quotaUse } from "./quotas";
import { StackKind, TENANT_CONFIG, tenantStack } from "./tenants";

export const SCENARIO_MARKER = "BENCH_SCENARIO ";

export interface ScenarioSpec {
    kind: StackKind;
    n: number;
    policy: boolean;
}

export interface ScenarioResult extends ScenarioSpec {
    /** Resources in the plan (default provider included). */
    resources: number;
    /** From the call to the verdict (`planProgram`'s total). */
    planMs: number;
    /** Running the program against the simulated AWS. */
    programMs: number;
    /** Analyze for every resource and AnalyzeStack (0 without policies). */
    analyzeMs: number;
    /** CPU time of this process during the plan (user + system, garbage collector threads included). */
    cpuMs: number;
    /** Time the program was paused for garbage collection during the plan. */
    gcMs: number;
    /** Peak resident memory of this process (program, engine, analyzer client). */
    peakRssMb: number;
    /** Peak resident memory of the policy pack's process, where /proc tells (Linux). */
    packPeakRssMb?: number;
    violations: number;
    /** Time to a working domain for every tenant, throttles included (computed after the figures above). */
    criticalPath: CriticalPath;
    /** Milliseconds the critical path took to compute. */
    criticalPathMs: number;
    /** The account quotas the stack uses. */
    quotas: QuotaUse[];
    /** The warnings the program logged (a component's quota warning, for instance), each once. */
    warnings: string[];
}

const WARM_UP_TENANTS = 2;
const PLAN_TIMEOUT_MS = 30 * 60_000;

async function run(spec: ScenarioSpec): Promise<ScenarioResult> {
    // Load the SDK, the provider modules and the components, and let the JIT see them once.
    const warm = await planProgram(tenantStack(spec.kind, WARM_UP_TENANTS), { config: { ...TENANT_CONFIG }, project: "tenants", policyPack: false });
    if (warm.error) throw warm.error;

    collectGarbage();
    const watcher = spec.policy ? new ChildMemoryWatcher() : undefined;
    let gcMs = 0;
    const gc = new PerformanceObserver((entries) => {
        for (const e of entries.getEntries()) gcMs += e.duration;
    });
    gc.observe({ entryTypes: ["gc"] });
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    const result = await planProgram(tenantStack(spec.kind, spec.n), {
        config: { ...TENANT_CONFIG },
        project: "tenants",
        policyPack: spec.policy ? DEFAULT_POLICY_PACK : false,
        // 10000 tenant domains take minutes on a loaded machine; the plan's default limit is 2.
        timeoutMs: PLAN_TIMEOUT_MS,
    });
    const planMs = Number(process.hrtime.bigint() - started) / 1e6;
    const used = process.cpuUsage(cpu);
    const packPeakRssMb = watcher?.stop();
    // GC entries are delivered asynchronously: let the last ones arrive.
    await new Promise((resolve) => setTimeout(resolve, 20));
    gc.disconnect();
    if (result.error) throw result.error;
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    const pathStarted = process.hrtime.bigint();
    const path = criticalPath(result.resources);
    const criticalPathMs = Math.round(Number(process.hrtime.bigint() - pathStarted) / 1e6);
    return {
        ...spec,
        resources: result.resources.length,
        planMs: Math.round(planMs),
        programMs: result.timings.programMs,
        analyzeMs: result.timings.analyzeMs,
        cpuMs: Math.round((used.user + used.system) / 1000),
        gcMs: Math.round(gcMs),
        peakRssMb,
        ...(packPeakRssMb !== undefined ? { packPeakRssMb } : {}),
        violations: result.violations.length,
        criticalPath: path,
        criticalPathMs,
        quotas: quotaUse(result.resources),
        warnings: [...new Set(result.diagnostics.filter((d) => d.severity === "warning").map((d) => d.message))],
    };
}

/**
 * The highest peak resident memory (VmHWM) among this process's children, sampled while the
 * plan runs: the policy pack is a child process that exits when the plan is done.
 */
class ChildMemoryWatcher {
    private peakKb = 0;
    private readonly timer: NodeJS.Timeout;

    constructor() {
        this.timer = setInterval(() => this.sample(), 200);
    }

    stop(): number | undefined {
        this.sample();
        clearInterval(this.timer);
        return this.peakKb > 0 ? Math.round(this.peakKb / 1024) : undefined;
    }

    private sample(): void {
        let entries: string[];
        try {
            entries = fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e));
        } catch {
            return;
        }
        for (const pid of entries) {
            try {
                const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
                // The parent pid is the second field after the parenthesized command name.
                const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
                if (ppid !== process.pid) continue;
                const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
                if (hwm) this.peakKb = Math.max(this.peakKb, Number(hwm[1]));
            } catch {
                // The process ended between the listing and the read.
            }
        }
    }
}

/**
 * A full collection before each measured plan (when Node.js runs with --expose-gc, as the bench
 * starts it), so that no plan pays for the garbage the one before it left.
 */
function collectGarbage(): void {
    (globalThis as { gc?: () => void }).gc?.();
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const ALTERNATION_MARKER = "BENCH_ALTERNATION ";

/** The components' time overhead: both spellings of one stack, planned by turns in one process. */
export interface AlternationSpec {
    n: number;
    policy: boolean;
    /** Rounds of one plan of each spelling, after one warm-up plan of each. */
    rounds: number;
}

export interface AlternationResult extends AlternationSpec {
    componentsMs: number[];
    rawMs: number[];
    /** componentsMs[i] / rawMs[i]: each pair planned back to back, under the same load. */
    ratios: number[];
    /** The median of `ratios`. */
    timeRatio: number;
}

/**
 * Plans the components stack and the raw stack by turns, in one process, so that both sides
 * run with the same compiled code, the same heap and nearly the same load from elsewhere on
 * the machine; the median of the per-round ratios is the components' time overhead. (Fresh
 * processes give each side its own memory figure, but on a loaded machine their time ratio
 * swings by tenths from run to run.)
 */
async function alternate(spec: AlternationSpec): Promise<AlternationResult> {
    const plan = async (kind: StackKind): Promise<number> => {
        collectGarbage();
        const started = process.hrtime.bigint();
        const result = await planProgram(tenantStack(kind, spec.n), {
            config: { ...TENANT_CONFIG },
            project: "tenants",
            policyPack: spec.policy ? DEFAULT_POLICY_PACK : false,
        });
        if (result.error) throw result.error;
        return Number(process.hrtime.bigint() - started) / 1e6;
    };
    await plan("components");
    await plan("raw");
    const componentsMs: number[] = [];
    const rawMs: number[] = [];
    for (let round = 0; round < spec.rounds; round++) {
        // Which side goes first changes every round, so neither always follows the other.
        if (round % 2 === 0) {
            componentsMs.push(await plan("components"));
            rawMs.push(await plan("raw"));
        } else {
            rawMs.push(await plan("raw"));
            componentsMs.push(await plan("components"));
        }
    }
    const ratios = componentsMs.map((c, i) => c / rawMs[i]);
    const timeRatio = median(ratios);
    const round = (v: number) => Math.round(v);
    return { ...spec, componentsMs: componentsMs.map(round), rawMs: rawMs.map(round), ratios, timeRatio };
}

/** Prints what `work` returns as one JSON line after `marker`, or its error on stderr (exit 1). */
function report(work: Promise<object>, marker: string): void {
    work.then(
        (result) => {
            process.stdout.write(`${marker}${JSON.stringify(result)}\n`, () => process.exit(0));
        },
        (e: unknown) => {
            process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
            process.exit(1);
        },
    );
}

if (require.main === module) {
    const spec = JSON.parse(process.argv[2] ?? "{}") as ScenarioSpec | AlternationSpec;
    if ("rounds" in spec) report(alternate(spec), ALTERNATION_MARKER);
    else report(run(spec), SCENARIO_MARKER);
}
