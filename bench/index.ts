/**
 * `npm run bench`: what the package costs its users, measured on this machine.
 *
 * - Plan and policy cost at scale: a generated stack of N tenant domains (bench/tenants.ts),
 *   N = 10, 100, 1000, planned offline without and with the policy pack. Each measurement runs
 *   in a fresh process (bench/scenario.ts), so its peak memory is its own; a small warm-up plan
 *   first loads the modules, so the figure is the plan, not Node.js starting.
 * - The components' overhead: the same N=100 stack written with raw @pulumi/aws resources.
 * - Time to a working domain: the critical path of every example (offline/critical-path.ts).
 *
 * `npm run bench -- --json` prints one JSON document instead of the tables:
 * `{"scale": [{"n", "planMs", "planWithPolicyMs", "peakRssMb"}], "overhead": {"timeRatio",
 * "memoryRatio"}, "criticalPath": {"<example>": {"steps": [...], "estimatedMinutes"}}}`.
 * Other options: `--sizes 10,100` (default 10,100,1000), `--repeat 5` (fresh processes per
 * measurement at N <= 100, default 5; larger N run twice). At N <= 100 each process plans the
 * stack three times (larger N: once): the first plan is what one `npm run plan` pays, JIT
 * compilation included; the fastest is the steady cost. Times are the best over processes (the
 * run other load on the machine disturbed least), memory the median of each process's first
 * plan; the components' overhead is the median ratio of runs made back to back, on the fastest
 * plans.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CriticalPath, criticalPath } from "../offline/critical-path";
import { planProgram } from "../offline/plan";
import { SCENARIO_MARKER, ScenarioResult, ScenarioSpec } from "./scenario";

const ROOT = path.resolve(__dirname, "..");
const EXAMPLES = path.join(ROOT, "examples");
const OVERHEAD_N = 100;
/** Fresh processes per measurement above N = 100 (each takes tens of seconds). */
const LARGE_RUNS = 2;
/** Plans per process at N <= 100 (above, one: a plan takes seconds there, and its JIT warms up within it). */
const SMALL_PLANS = 3;
/** The linear-growth budget: planning 10x the domains may take at most about 12x as long. */
const GROWTH_LIMIT = 12;

interface Options {
    json: boolean;
    sizes: number[];
    repeat: number;
}

/** The figures of one measurement: the best time and the median memory over its runs. */
interface Measurement extends ScenarioResult {
    /** Every run, in the order they ran (one per round). */
    runs: ScenarioResult[];
}

interface BenchReport {
    scale: { n: number; planMs: number; planWithPolicyMs: number; peakRssMb: number; fastestPlanMs: number }[];
    /** timeRatio on the fastest plans; firstPlanTimeRatio on first plans, JIT compilation included. */
    overhead: { timeRatio: number; memoryRatio: number; firstPlanTimeRatio: number };
    criticalPath: Record<string, CriticalPath>;
}

function parseOptions(argv: readonly string[]): Options {
    const options: Options = { json: false, sizes: [10, 100, 1000], repeat: 5 };
    for (let i = 0; i < argv.length; i++) {
        const [flag, inline] = argv[i].split("=", 2);
        const value = (): string => {
            const v = inline ?? argv[++i];
            if (v === undefined) throw new Error(`${flag} needs a value`);
            return v;
        };
        if (flag === "--json") options.json = true;
        else if (flag === "--sizes") options.sizes = value().split(",").map((s) => positiveInteger(flag, s));
        else if (flag === "--repeat") options.repeat = positiveInteger(flag, value());
        else throw new Error(`unknown option ${argv[i]} (options: --json, --sizes 10,100,1000, --repeat 5)`);
    }
    return options;
}

function positiveInteger(flag: string, text: string): number {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} expects positive integers, got "${text}"`);
    return n;
}

function progress(message: string): void {
    process.stderr.write(`bench: ${message}\n`);
}

/** Runs one scenario in a fresh Node.js process and returns what it printed. */
function runScenario(spec: ScenarioSpec): Promise<ScenarioResult> {
    const args = ["--require", require.resolve("tsx/cjs"), path.join(__dirname, "scenario.ts"), JSON.stringify(spec)];
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
        child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
        child.on("error", reject);
        child.on("exit", (code) => {
            const line = stdout.split("\n").find((l) => l.startsWith(SCENARIO_MARKER));
            if (code !== 0 || !line) {
                reject(new Error(`scenario ${JSON.stringify(spec)} failed (exit ${code}):\n${stderr || stdout}`));
                return;
            }
            resolve(JSON.parse(line.slice(SCENARIO_MARKER.length)) as ScenarioResult);
        });
    });
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

/** Runs every scenario `repeat` times, interleaved so that a burst of load elsewhere spreads over all of them. */
async function measure(specs: ScenarioSpec[], repeat: (spec: ScenarioSpec) => number): Promise<Measurement[]> {
    const results = new Map<ScenarioSpec, ScenarioResult[]>(specs.map((s) => [s, []]));
    const rounds = Math.max(...specs.map(repeat));
    for (let round = 0; round < rounds; round++) {
        for (const spec of specs) {
            if (round >= repeat(spec)) continue;
            progress(`${spec.kind} N=${spec.n} ${spec.policy ? "with" : "without"} policies, run ${round + 1} of ${repeat(spec)}`);
            results.get(spec)!.push(await runScenario(spec));
        }
    }
    return specs.map((spec) => {
        const runs = results.get(spec)!;
        // Times: the best run, with its own breakdown; memory does not suffer from load, so the median.
        const best = runs.reduce((a, b) => (b.planMs < a.planMs ? b : a));
        const fastest = runs.reduce((a, b) => (b.fastestPlanMs < a.fastestPlanMs ? b : a));
        const packs = runs.map((r) => r.packPeakRssMb).filter((v): v is number => v !== undefined);
        return {
            ...best,
            fastestPlanMs: fastest.fastestPlanMs,
            fastestCpuMs: fastest.fastestCpuMs,
            runs,
            peakRssMb: median(runs.map((r) => r.peakRssMb)),
            ...(packs.length > 0 ? { packPeakRssMb: median(packs) } : {}),
        };
    });
}

/** The examples that are Node.js programs (others, such as a YAML or Python consumer, are skipped). */
function nodeExamples(): string[] {
    return fs.readdirSync(EXAMPLES)
        .filter((name) => {
            const project = path.join(EXAMPLES, name, "Pulumi.yaml");
            if (!fs.existsSync(project)) return false;
            return /^runtime:\s*(?:nodejs\b|\n\s+name:\s*nodejs\b)/m.test(fs.readFileSync(project, "utf8"));
        })
        .sort();
}

async function criticalPaths(): Promise<Record<string, CriticalPath>> {
    const paths: Record<string, CriticalPath> = {};
    for (const name of nodeExamples()) {
        progress(`critical path of examples/${name}`);
        const result = await planProgram(path.join(EXAMPLES, name), { policyPack: false });
        if (result.error) throw new Error(`examples/${name} failed to plan: ${result.error.message}`);
        paths[name] = criticalPath(result.resources);
    }
    return paths;
}

function ratio(a: number, b: number): number {
    return Math.round((a / b) * 100) / 100;
}

/**
 * The median over rounds of a / b, each pair measured back to back: load from elsewhere on the
 * machine hits both sides of a pair alike, where it would skew a ratio of two bests.
 */
function pairedRatio(a: Measurement, b: Measurement, figure: (r: ScenarioResult) => number): number {
    const pairs = Math.min(a.runs.length, b.runs.length);
    const ratios = Array.from({ length: pairs }, (_, k) => figure(a.runs[k]) / figure(b.runs[k])).sort((x, y) => x - y);
    const mid = Math.floor(pairs / 2);
    return ratio(pairs % 2 === 1 ? ratios[mid] : (ratios[mid - 1] + ratios[mid]) / 2, 1);
}

function machine(): string {
    const cpus = os.cpus();
    const model = cpus[0]?.model.trim() || "unknown CPU";
    return `${cpus.length} CPUs (${model}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node.js ${process.version}, ${process.platform} ${process.arch}`;
}

function load(): string {
    return os.loadavg().map((l) => l.toFixed(2)).join(" ");
}

function table(rows: string[][], align: ("l" | "r")[]): string {
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    return rows.map((r) => "  " + r.map((cell, c) => (align[c] === "r" ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("   ").trimEnd()).join("\n");
}

function printReport(options: Options, scale: { plain: Measurement; policy: Measurement }[], raw: { plain: Measurement; policy: Measurement } | undefined,
    components: { plain: Measurement; policy: Measurement } | undefined, paths: Record<string, CriticalPath>, loads: string[]): void {
    const out: string[] = [];
    out.push(`apigw-domains bench on ${machine()}`);
    out.push(`load average (1, 5, 15 min) at start: ${loads[0]}; at end: ${loads[1]}`);
    out.push("");
    out.push("Plan cost at scale: N tenant domains, each a certificate (DNS-validated), a regional domain, two mappings and an");
    out.push(`alias record; offline plan, update view. Fresh processes (${options.repeat} at N <= ${OVERHEAD_N}, ${LARGE_RUNS} above), each planning once after`);
    out.push(`a small warm-up (${SMALL_PLANS} times at N <= ${OVERHEAD_N}): "plan" is the best first plan, what one \`npm run plan\` pays, JIT`);
    out.push(`compilation included; "fastest" the fastest plan of any process; memory the median over processes of the first plan.`);
    out.push("");
    const rows = [["N", "resources", "plan ms", "ms/resource", "of which GC", "fastest ms", "+policy ms", "of which analyze", "peak RSS MB", "+policy RSS MB", "pack RSS MB", "violations"]];
    for (const { plain, policy } of scale) {
        rows.push([
            String(plain.n), String(plain.resources), String(plain.planMs), (plain.planMs / plain.resources).toFixed(2), String(plain.gcMs),
            (plain.plans ?? 1) > 1 ? String(plain.fastestPlanMs) : "-",
            String(policy.planMs), String(policy.analyzeMs), String(plain.peakRssMb), String(policy.peakRssMb),
            policy.packPeakRssMb !== undefined ? String(policy.packPeakRssMb) : "-", String(policy.violations),
        ]);
    }
    out.push(table(rows, ["r", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r"]));
    for (let i = 1; i < scale.length; i++) {
        const [a, b] = [scale[i - 1], scale[i]];
        const growth = b.plain.n / a.plain.n;
        const t = ratio(b.plain.planMs, a.plain.planMs);
        const p = ratio(b.policy.planMs, a.policy.planMs);
        const verdict = (r: number) => (growth === 10 ? (r <= GROWTH_LIMIT ? "ok" : `OVER the ${GROWTH_LIMIT}x budget`) : "");
        const mutator = ratio(b.plain.planMs - b.plain.gcMs, a.plain.planMs - a.plain.gcMs);
        // Above N = 100 a process plans once, so its "fastest" is its first plan.
        const fastest = ratio(b.plain.fastestPlanMs, a.plain.fastestPlanMs);
        const steady = (b.plain.plans ?? 1) > 1 ? "fastest to fastest" : `one plan against the fastest N=${a.plain.n} plan`;
        out.push(`  N ${a.plain.n} -> ${b.plain.n} (${growth}x domains): plan ${t.toFixed(1)}x ${verdict(t)} (${mutator.toFixed(1)}x without GC pauses; ` +
            `${fastest.toFixed(1)}x ${steady}), plan with policies ${p.toFixed(1)}x ${verdict(p)}`.trimEnd());
    }
    out.push("  peak RSS: the plan's process (program, engine, analyzer client); pack RSS: the policy pack's own process (sampled).");

    if (raw && components) {
        out.push("");
        out.push(`Components' overhead: the N=${OVERHEAD_N} stack with RegionalDomain vs the same resources in raw @pulumi/aws (target < 1.2x)`);
        out.push("");
        const orows = [["", "resources", "fastest ms", "its cpu ms", "plan ms", "cpu ms", "peak RSS MB", "+policy fastest ms", "+policy ms", "+policy RSS MB"]];
        for (const [label, m] of [["components", components], ["raw @pulumi/aws", raw]] as const) {
            orows.push([label, String(m.plain.resources), String(m.plain.fastestPlanMs), String(m.plain.fastestCpuMs), String(m.plain.planMs),
                String(m.plain.cpuMs), String(m.plain.peakRssMb), String(m.policy.fastestPlanMs), String(m.policy.planMs), String(m.policy.peakRssMb)]);
        }
        const r = (f: (m: ScenarioResult) => number) => `${pairedRatio(components.plain, raw.plain, f).toFixed(2)}x`;
        const rp = (f: (m: ScenarioResult) => number) => `${pairedRatio(components.policy, raw.policy, f).toFixed(2)}x`;
        orows.push(["ratio", r((m) => m.resources), r((m) => m.fastestPlanMs), r((m) => m.fastestCpuMs), r((m) => m.planMs), r((m) => m.cpuMs),
            r((m) => m.peakRssMb), rp((m) => m.fastestPlanMs), rp((m) => m.planMs), rp((m) => m.peakRssMb)]);
        out.push(table(orows, ["l", "r", "r", "r", "r", "r", "r", "r", "r", "r"]));
        out.push("  ratio: the median of the ratios of runs made back to back (the rows above show each side's best run). The time");
        out.push(`  overhead is taken on the fastest of ${SMALL_PLANS} plans per process (code compiled, least disturbed); a first plan also pays for`);
        out.push("  compiling the components' code, and on a loaded machine its ratio swings by tenths from run to run.");
        out.push(`  The component stack registers ${components.plain.resources - raw.plain.resources} more resources: the RegionalDomain component of each tenant.`);
    }

    out.push("");
    out.push("Time to a working domain: critical path of each example (estimates: see Performance in the README)");
    out.push("");
    const prows = [["example", "minutes", "critical path"]];
    for (const [name, p] of Object.entries(paths)) {
        prows.push([name, p.estimatedMinutes.toFixed(1), p.steps.map((s) => `${shortType(s.type)} ${s.estimateMinutes}`).join(" -> ")]);
    }
    out.push(table(prows, ["l", "r", "l"]));
    process.stdout.write(out.join("\n") + "\n");
}

/** `aws:acm/certificateValidation:CertificateValidation` -> `acm.CertificateValidation`. */
function shortType(type: string): string {
    const [pkg, module, name] = type.split(":");
    return pkg === "aws" ? `${module.split("/")[0]}.${name}` : type;
}

async function main(): Promise<void> {
    const options = parseOptions(process.argv.slice(2));
    const loads = [load()];
    const sizes = [...new Set(options.sizes)].sort((a, b) => a - b);
    const withOverhead = sizes.includes(OVERHEAD_N);
    const specs: ScenarioSpec[] = [];
    for (const n of sizes) {
        for (const policy of [false, true]) {
            const plans = n > OVERHEAD_N ? 1 : SMALL_PLANS;
            specs.push({ kind: "components", n, policy, plans });
            // Right after its component twin, so that both run under the same load.
            if (withOverhead && n === OVERHEAD_N) specs.push({ kind: "raw", n, policy, plans });
        }
    }

    const measured = await measure(specs, (spec) => (spec.n > OVERHEAD_N ? Math.min(LARGE_RUNS, options.repeat) : options.repeat));
    const find = (kind: string, n: number, policy: boolean) => measured.find((m) => m.kind === kind && m.n === n && m.policy === policy)!;
    const scale = sizes.map((n) => ({ plain: find("components", n, false), policy: find("components", n, true) }));
    const raw = withOverhead ? { plain: find("raw", OVERHEAD_N, false), policy: find("raw", OVERHEAD_N, true) } : undefined;
    const components = withOverhead ? scale.find((s) => s.plain.n === OVERHEAD_N) : undefined;
    const paths = await criticalPaths();
    loads.push(load());

    if (options.json) {
        const report: BenchReport = {
            scale: scale.map(({ plain, policy }) => ({
                n: plain.n,
                planMs: plain.planMs,
                planWithPolicyMs: policy.planMs,
                peakRssMb: Math.max(plain.peakRssMb, policy.peakRssMb),
                fastestPlanMs: plain.fastestPlanMs,
            })),
            overhead: raw && components
                ? {
                    timeRatio: pairedRatio(components.plain, raw.plain, (r) => r.fastestPlanMs),
                    memoryRatio: pairedRatio(components.plain, raw.plain, (r) => r.peakRssMb),
                    firstPlanTimeRatio: pairedRatio(components.plain, raw.plain, (r) => r.planMs),
                }
                : { timeRatio: NaN, memoryRatio: NaN, firstPlanTimeRatio: NaN },
            criticalPath: paths,
        };
        process.stdout.write(JSON.stringify(report, null, 2) + "\n");
    } else {
        printReport(options, scale, raw, components, paths, loads);
    }
}

main().then(
    () => process.exit(0),
    (e: unknown) => {
        process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(1);
    },
);
