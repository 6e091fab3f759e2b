/**
 * One measurement, in a process of its own so that its peak memory is its own: plan a
 * generated stack once (after a small warm-up plan that loads the modules), with or without
 * the policy pack, and print the figures as one JSON line after SCENARIO_MARKER.
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
}

const WARM_UP_TENANTS = 2;

async function run(spec: ScenarioSpec): Promise<ScenarioResult> {
    // Load the SDK, the provider modules and the components, and let the JIT see them once.
    const warm = await planProgram(tenantStack(spec.kind, WARM_UP_TENANTS), { config: { ...TENANT_CONFIG }, project: "tenants", policyPack: false });
    if (warm.error) throw warm.error;

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
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
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
