/**
 * One measurement, in a process of its own so that its peak memory is its own: after a small
 * warm-up plan that loads the modules, plan a generated stack `plans` times, with or without the
 * policy pack, and print the figures as one JSON line after SCENARIO_MARKER: those of the first
 * plan (what one `npm run plan` pays, the JIT compiling the code as it goes) and the time of the
 * fastest plan (the code compiled, and the plan least disturbed by other load on the machine).
 *
 * Run by bench/index.ts: `node --require tsx/cjs bench/scenario.ts '{"kind":"components","n":100,"policy":false}'`.
 */
import * as fs from "fs";
import { PerformanceObserver } from "perf_hooks";
import { DEFAULT_POLICY_PACK, planProgram } from "../offline/plan";
import { StackKind, TENANT_CONFIG, tenantStack } from "./tenants";

export const SCENARIO_MARKER = "BENCH_SCENARIO ";

export interface ScenarioSpec {
    kind: StackKind;
    n: number;
    policy: boolean;
    /** Plans in this process after the warm-up. Default 1. */
    plans?: number;
}

export interface ScenarioResult extends ScenarioSpec {
    /** Resources in the plan (default provider included). */
    resources: number;
    /** The first plan, from the call to the verdict (`planProgram`'s total). */
    planMs: number;
    /** The fastest of the process's plans (the first included). */
    fastestPlanMs: number;
    /** CPU time of the fastest plan. */
    fastestCpuMs: number;
    /** Running the program against the simulated AWS. */
    programMs: number;
    /** Analyze for every resource and AnalyzeStack (0 without policies). */
    analyzeMs: number;
    /** CPU time of this process during the plan (user + system, garbage collector threads included). */
    cpuMs: number;
    /** Time the program was paused for garbage collection during the plan. */
    gcMs: number;
    /** Peak resident memory of this process (program, engine, analyzer client) up to the end of its first plan. */
    peakRssMb: number;
    /** Peak resident memory of the policy pack's process, where /proc tells (Linux). */
    packPeakRssMb?: number;
    violations: number;
}

const WARM_UP_TENANTS = 2;

async function run(spec: ScenarioSpec): Promise<ScenarioResult> {
    // Load the SDK, the provider modules and the components, and let the JIT see them once.
    const warm = await planProgram(tenantStack(spec.kind, WARM_UP_TENANTS), { config: { ...TENANT_CONFIG }, project: "tenants", policyPack: false });
    if (warm.error) throw warm.error;

    const first = await planOnce(spec);
    // The high-water mark of this process so far: the first plan's, before later plans add to the heap.
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    let fastest = first;
    for (let i = 1; i < (spec.plans ?? 1); i++) {
        const again = await planOnce(spec);
        if (again.planMs < fastest.planMs) fastest = again;
    }
    return { ...first, fastestPlanMs: fastest.planMs, fastestCpuMs: fastest.cpuMs, peakRssMb };
}

async function planOnce(spec: ScenarioSpec): Promise<Omit<ScenarioResult, "peakRssMb" | "fastestPlanMs" | "fastestCpuMs">> {
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
    });
    const planMs = Number(process.hrtime.bigint() - started) / 1e6;
    const used = process.cpuUsage(cpu);
    const packPeakRssMb = watcher?.stop();
    // GC entries are delivered asynchronously: let the last ones arrive.
    await new Promise((resolve) => setTimeout(resolve, 20));
    gc.disconnect();
    if (result.error) throw result.error;
    return {
        ...spec,
        resources: result.resources.length,
        planMs: Math.round(planMs),
        programMs: result.timings.programMs,
        analyzeMs: result.timings.analyzeMs,
        cpuMs: Math.round((used.user + used.system) / 1000),
        gcMs: Math.round(gcMs),
        ...(packPeakRssMb !== undefined ? { packPeakRssMb } : {}),
        violations: result.violations.length,
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

if (require.main === module) {
    const spec = JSON.parse(process.argv[2] ?? "{}") as ScenarioSpec;
    run(spec).then(
        (result) => {
            process.stdout.write(`${SCENARIO_MARKER}${JSON.stringify(result)}\n`, () => process.exit(0));
        },
        (e: unknown) => {
            process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
            process.exit(1);
        },
    );
}
