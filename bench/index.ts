/**
 * `npm run bench`: what the package costs its users, measured on this machine.
 *
 * - Plan and policy cost at scale: a generated stack of N tenant domains (bench/tenants.ts),
 *   N = 10, 100, 1000, 10000, planned offline without and with the policy pack (with it up to
 *   N = 1000 only: at 10000 the pack alone would take most of the bench's time). Each measurement runs
 *   in a fresh process (bench/scenario.ts), so its peak memory is its own; a small warm-up plan
 *   first loads the modules, so the figure is the plan, not Node.js starting.
 * - The components' overhead: the same N=100 stack written with raw @pulumi/aws resources.
 * - Tenants by mechanism: the same N tenants as per-tenant API Gateway domains (the stack above),
 *   and through `TenantDomains` as N subdomains of one wildcard regional domain and as N
 *   customer-owned domains behind one multi-tenant CloudFront distribution: resources, plan time
 *   and memory, the critical path with AWS's throttles, and the account quota each hits first
 *   (bench/quotas.ts), all from the planned stacks.
 * - Time to a working domain: the critical path of every example (offline/critical-path.ts).
 *
 * `npm run bench -- --json` prints one JSON document instead of the tables:
 * `{"scale": [{"n", "planMs", "planWithPolicyMs" (null above N = 1000), "peakRssMb"}], "overhead":
 * {"timeRatio", "memoryRatio", "firstPlanTimeRatio", "timeRatioWithPolicies"}, "mechanisms":
 * [{"mechanism", "kind", "n", "resources", "planMs", "peakRssMb", "criticalPath": {"steps",
 * "estimatedMinutes", "throttled"}, "quotas": [...], "firstQuota": {"quota", "tenants"}, "warnings"}],
 * "criticalPath": {"<example>": {"steps": [...], "estimatedMinutes", "throttled"}}}`.
 * Other options: `--sizes 10,100` (default 10,100,1000,10000), `--repeat 5` (fresh processes per
 * measurement at N <= 100, default 5; N = 1000 runs twice, N > 1000 once; the mechanisms' own
 * stacks twice at most; also the rounds by turns below, four
 * times as many without policies). Times are the best run (the one other load on the machine
 * disturbed least), memory the median. The components' time overhead comes from one process
 * that plans the components stack and the raw stack by turns (bench/scenario.ts, `alternate`):
 * the median of the per-round ratios. Their memory overhead is the median ratio of fresh
 * processes run back to back.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CriticalPath, criticalPath } from "../offline/critical-path";
import { planProgram } from "../offline/plan";
import { QuotaUse, firstQuota } from "./quotas";
import { ALTERNATION_MARKER, AlternationResult, AlternationSpec, SCENARIO_MARKER, ScenarioResult, ScenarioSpec, median } from "./scenario";
import { MECHANISMS } from "./tenants";

const ROOT = path.resolve(__dirname, "..");
const EXAMPLES = path.join(ROOT, "examples");
const OVERHEAD_N = 100;
/** Fresh processes per measurement above N = 100 (each takes tens of seconds), and above N = 1000 (minutes). */
const LARGE_RUNS = 2;
const HUGE_RUNS = 1;
/** The largest N planned with the policy pack. */
const POLICY_MAX_N = 1000;
/** Heap for the scenario processes: 10000 per-tenant domains need several GB (the machine has 24). */
const SCENARIO_HEAP_MB = 16384;
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

/** One mechanism at one N: what `--json` reports under `mechanisms`. */
interface MechanismRow {
    mechanism: string;
    kind: string;
    n: number;
    resources: number;
    planMs: number;
    peakRssMb: number;
    criticalPath: CriticalPath;
    quotas: QuotaUse[];
    /** The quota this mechanism hits first as tenants grow, and at how many tenants; null when none grows with tenants. */
    firstQuota: { quota: string; what: string; limit: number; adjustable: boolean; tenants: number } | null;
    /** What the plan logged as warnings (TenantDomains warns above CloudFront's tenant quota); a warning does not stop the plan. */
    warnings: string[];
}

interface BenchReport {
    scale: { n: number; planMs: number; planWithPolicyMs: number | null; peakRssMb: number }[];
    mechanisms: MechanismRow[];
    /**
     * timeRatio: by turns in one process (alternation); memoryRatio: fresh processes;
     * firstPlanTimeRatio: the time ratio of those fresh processes, for reference.
     */
    overhead: { timeRatio: number; memoryRatio: number; firstPlanTimeRatio: number; timeRatioWithPolicies: number };
    criticalPath: Record<string, CriticalPath>;
}

function parseOptions(argv: readonly string[]): Options {
    const options: Options = { json: false, sizes: [10, 100, 1000, 10000], repeat: 5 };
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
        else throw new Error(`unknown option ${argv[i]} (options: --json, --sizes 10,100,1000,10000, --repeat 5)`);
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
function runScenario(spec: ScenarioSpec): Promise<ScenarioResult>;
function runScenario(spec: AlternationSpec): Promise<AlternationResult>;
function runScenario(spec: ScenarioSpec | AlternationSpec): Promise<ScenarioResult | AlternationResult> {
    const marker = "rounds" in spec ? ALTERNATION_MARKER : SCENARIO_MARKER;
    // --expose-gc: the scenario collects garbage before each measured plan.
    const args = ["--expose-gc", `--max-old-space-size=${SCENARIO_HEAP_MB}`, "--require", require.resolve("tsx/cjs"), path.join(__dirname, "scenario.ts"), JSON.stringify(spec)];
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
        child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
        child.on("error", reject);
        child.on("exit", (code) => {
            const line = stdout.split("\n").find((l) => l.startsWith(marker));
            if (code !== 0 || !line) {
                reject(new Error(`scenario ${JSON.stringify(spec)} failed (exit ${code}):\n${stderr || stdout}`));
                return;
            }
            resolve(JSON.parse(line.slice(marker.length)) as ScenarioResult | AlternationResult);
        });
    });
}

/** The median of whole figures (milliseconds, megabytes), rounded to a whole one. */
function wholeMedian(values: number[]): number {
    return Math.round(median(values));
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
        const packs = runs.map((r) => r.packPeakRssMb).filter((v): v is number => v !== undefined);
        return {
            ...best,
            runs,
            peakRssMb: wholeMedian(runs.map((r) => r.peakRssMb)),
            ...(packs.length > 0 ? { packPeakRssMb: wholeMedian(packs) } : {}),
        };
    });
}

/** The components' time overhead, planned by turns in one fresh process. */
async function alternate(policy: boolean, rounds: number): Promise<AlternationResult> {
    progress(`components and raw N=${OVERHEAD_N} by turns, ${policy ? "with" : "without"} policies, ${rounds} rounds`);
    return runScenario({ n: OVERHEAD_N, policy, rounds });
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
    return ratio(median(Array.from({ length: pairs }, (_, k) => figure(a.runs[k]) / figure(b.runs[k]))), 1);
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

interface Overhead {
    raw: { plain: Measurement; policy: Measurement };
    components: { plain: Measurement; policy: Measurement };
    alternation: { plain: AlternationResult; policy: AlternationResult };
}

/** A duration in minutes as people read it: minutes, or hours and days past two hours. */
function duration(minutes: number): string {
    if (minutes < 120) return `${minutes.toFixed(1)} min`;
    const hours = minutes / 60;
    return hours < 48 ? `${hours.toFixed(1)} h` : `${(hours / 24).toFixed(1)} days`;
}

function printReport(options: Options, scale: { plain: Measurement; policy?: Measurement }[], overhead: Overhead | undefined,
    mechanisms: MechanismRow[], paths: Record<string, CriticalPath>, loads: string[]): void {
    const out: string[] = [];
    out.push(`apigw-domains bench on ${machine()}`);
    out.push(`load average (1, 5, 15 min) at start: ${loads[0]}; at end: ${loads[1]}`);
    out.push("");
    out.push("Plan cost at scale: N tenant domains, each a certificate (DNS-validated), a regional domain, two mappings and an");
    out.push(`alias record; offline plan, update view. Each figure from fresh processes (${options.repeat} at N <= ${OVERHEAD_N}, ${LARGE_RUNS} at N <= ${POLICY_MAX_N},`);
    out.push(`${HUGE_RUNS} above): best time, median memory. With the policy pack up to N = ${POLICY_MAX_N}.`);
    out.push("");
    const rows = [["N", "resources", "plan ms", "ms/resource", "of which GC", "+policy ms", "of which analyze", "peak RSS MB", "+policy RSS MB", "pack RSS MB", "violations"]];
    for (const { plain, policy } of scale) {
        rows.push([
            String(plain.n), String(plain.resources), String(plain.planMs), (plain.planMs / plain.resources).toFixed(2), String(plain.gcMs),
            policy ? String(policy.planMs) : "-", policy ? String(policy.analyzeMs) : "-", String(plain.peakRssMb), policy ? String(policy.peakRssMb) : "-",
            policy?.packPeakRssMb !== undefined ? String(policy.packPeakRssMb) : "-", policy ? String(policy.violations) : "-",
        ]);
    }
    out.push(table(rows, ["r", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r"]));
    for (let i = 1; i < scale.length; i++) {
        const [a, b] = [scale[i - 1], scale[i]];
        const growth = b.plain.n / a.plain.n;
        const t = ratio(b.plain.planMs, a.plain.planMs);
        const verdict = (r: number) => (growth === 10 ? (r <= GROWTH_LIMIT ? "ok" : `OVER the ${GROWTH_LIMIT}x budget`) : "");
        const mutator = ratio(b.plain.planMs - b.plain.gcMs, a.plain.planMs - a.plain.gcMs);
        const p = a.policy && b.policy ? ratio(b.policy.planMs, a.policy.planMs) : undefined;
        out.push(`  N ${a.plain.n} -> ${b.plain.n} (${growth}x domains): plan ${t}x ${verdict(t)} (${mutator}x without GC pauses)` +
            (p !== undefined ? `, plan with policies ${p}x ${verdict(p)}`.trimEnd() : ""));
    }
    out.push("  peak RSS: the plan's process (program, engine, analyzer client); pack RSS: the policy pack's own process (sampled).");

    if (overhead) {
        const { raw, components, alternation } = overhead;
        const x = (r: number) => `${r.toFixed(2)}x`;
        out.push("");
        out.push(`Components' overhead: the N=${OVERHEAD_N} stack with RegionalDomain vs the same resources in raw @pulumi/aws (target < 1.2x)`);
        out.push("");
        const orows = [["", "resources", "plan ms by turns", "+policy ms by turns", "peak RSS MB", "+policy RSS MB", "plan ms alone", "+policy ms alone"]];
        for (const [label, m, plain, policy] of [
            ["components", components, alternation.plain.componentsMs, alternation.policy.componentsMs],
            ["raw @pulumi/aws", raw, alternation.plain.rawMs, alternation.policy.rawMs],
        ] as const) {
            orows.push([label, String(m.plain.resources), String(wholeMedian(plain)), String(wholeMedian(policy)), String(m.plain.peakRssMb),
                String(m.policy.peakRssMb), String(m.plain.planMs), String(m.policy.planMs)]);
        }
        const r = (f: (m: ScenarioResult) => number) => x(pairedRatio(components.plain, raw.plain, f));
        const rp = (f: (m: ScenarioResult) => number) => x(pairedRatio(components.policy, raw.policy, f));
        orows.push(["ratio", r((m) => m.resources), x(alternation.plain.timeRatio), x(alternation.policy.timeRatio),
            r((m) => m.peakRssMb), rp((m) => m.peakRssMb), r((m) => m.planMs), rp((m) => m.planMs)]);
        out.push(table(orows, ["l", "r", "r", "r", "r", "r", "r", "r"]));
        out.push(`  by turns: one process plans both stacks in turn (${alternation.plain.rounds} rounds, ${alternation.policy.rounds} with policies), a full garbage`);
        out.push("  collection before each plan; medians, and the ratio is the median of the per-round ratios. Memory and \"alone\":");
        out.push("  the fresh processes above, median of the ratios of runs made back to back; their time ratio swings by tenths");
        out.push("  from run to run on a loaded machine. Per-round time ratios without policies:");
        const perRound = alternation.plain.ratios.map((v) => v.toFixed(2));
        for (let i = 0; i < perRound.length; i += 15) out.push(`    ${perRound.slice(i, i + 15).join(" ")}`);
        out.push(`  The component stack registers ${components.plain.resources - raw.plain.resources} more resources: the RegionalDomain component of each tenant.`);
    }

    out.push("");
    out.push("Tenants by mechanism: N tenant domains in front of one API (per-tenant rows: the stack above, without policies;");
    out.push("the others TenantDomains stacks, from fresh processes of their own). Critical path: to every tenant working, with AWS's control-plane");
    out.push("throttles (aws/quotas.ts). Quota: the one the mechanism hits first as tenants grow, and its use at N.");
    out.push("");
    const mrows = [["mechanism", "N", "resources", "plan ms", "peak RSS MB", "critical path", "longest throttle queue", "quota used at N"]];
    for (const m of mechanisms) {
        const queue = m.criticalPath.throttled[0];
        const first = m.firstQuota;
        const use = first ? m.quotas.find((q) => q.quota === first.quota) : undefined;
        mrows.push([m.mechanism, String(m.n), String(m.resources), String(m.planMs), String(m.peakRssMb), duration(m.criticalPath.estimatedMinutes),
            queue ? `${queue.throttle.split(":")[1]} x${queue.requests} (${duration(queue.longestWaitMinutes)})` : "-",
            first && use ? `${use.used}/${first.limit}${use.used > first.limit ? " OVER" : ""}` : "-"]);
    }
    out.push(table(mrows, ["l", "r", "r", "r", "r", "r", "l", "r"]));
    for (const { mechanism } of MECHANISMS) {
        const row = mechanisms.find((m) => m.mechanism === mechanism);
        if (!row) continue;
        const first = row.firstQuota;
        out.push(first
            ? `  ${mechanism}: first quota hit at ${first.tenants} tenants: ${first.what}, ${first.limit} (${first.adjustable ? "adjustable" : "hard"})`
            : `  ${mechanism}: no quota grows with tenants${row.kind === "wildcard" ? " (tenants are one subdomain level under the wildcard: a hard limit)" : ""}`);
    }
    for (const m of mechanisms) for (const w of m.warnings) out.push(`  warning in the plan of ${m.mechanism} at N=${m.n}: ${w}`);

    out.push("");
    out.push("Time to a working domain: critical path of each example (estimates: see Performance in the README)");
    out.push("");
    const prows = [["example", "minutes", "critical path"]];
    for (const [name, p] of Object.entries(paths)) {
        prows.push([name, p.estimatedMinutes.toFixed(1), p.steps.map((s) => `${s.throttle ? `${s.throttle.split(":")[1]} queue` : shortType(s.type)} ${s.estimateMinutes}`).join(" -> ")]);
    }
    out.push(table(prows, ["l", "r", "l"]));
    process.stdout.write(out.join("\n") + "\n");
}

/** Each mechanism at each N, with the quota it hits first (from its use at the smallest and largest N). */
function mechanismRows(sizes: number[], measurement: (kind: ScenarioSpec["kind"], n: number) => Measurement): MechanismRow[] {
    const rows: MechanismRow[] = [];
    for (const { mechanism, kind } of MECHANISMS) {
        const small = measurement(kind, sizes[0]);
        const large = measurement(kind, sizes[sizes.length - 1]);
        const first = firstQuota(small, large);
        for (const n of sizes) {
            const m = measurement(kind, n);
            rows.push({
                mechanism, kind, n, resources: m.resources, planMs: m.planMs, peakRssMb: m.peakRssMb, criticalPath: m.criticalPath, quotas: m.quotas,
                warnings: m.warnings,
                firstQuota: first ? { quota: first.quota.quota, what: first.quota.what, limit: first.quota.limit, adjustable: first.quota.adjustable, tenants: first.tenants } : null,
            });
        }
    }
    return rows;
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
        for (const policy of n <= POLICY_MAX_N ? [false, true] : [false]) {
            specs.push({ kind: "components", n, policy });
            // Right after its component twin, so that both run under the same load.
            if (withOverhead && n === OVERHEAD_N) specs.push({ kind: "raw", n, policy });
        }
        for (const { kind } of MECHANISMS) if (kind !== "components") specs.push({ kind, n, policy: false });
    }

    const runs = (spec: ScenarioSpec): number => {
        if (spec.kind === "wildcard" || spec.kind === "multitenant") return Math.min(LARGE_RUNS, options.repeat, spec.n > POLICY_MAX_N ? HUGE_RUNS : LARGE_RUNS);
        if (spec.n > POLICY_MAX_N) return HUGE_RUNS;
        return spec.n > OVERHEAD_N ? Math.min(LARGE_RUNS, options.repeat) : options.repeat;
    };
    const measured = await measure(specs, runs);
    const find = (kind: string, n: number, policy: boolean) => measured.find((m) => m.kind === kind && m.n === n && m.policy === policy);
    const scale = sizes.map((n) => ({ plain: find("components", n, false)!, policy: find("components", n, true) }));
    const mechanisms = mechanismRows(sizes, (kind, n) => find(kind, n, false)!);
    let overhead: Overhead | undefined;
    if (withOverhead) {
        const alternation = { plain: await alternate(false, 4 * options.repeat), policy: await alternate(true, options.repeat) };
        overhead = {
            raw: { plain: find("raw", OVERHEAD_N, false)!, policy: find("raw", OVERHEAD_N, true)! },
            components: { plain: find("components", OVERHEAD_N, false)!, policy: find("components", OVERHEAD_N, true)! },
            alternation,
        };
    }
    const paths = await criticalPaths();
    loads.push(load());

    if (options.json) {
        const report: BenchReport = {
            scale: scale.map(({ plain, policy }) => ({
                n: plain.n,
                planMs: plain.planMs,
                planWithPolicyMs: policy ? policy.planMs : null,
                peakRssMb: Math.max(plain.peakRssMb, policy?.peakRssMb ?? 0),
            })),
            mechanisms,
            overhead: overhead
                ? {
                    timeRatio: ratio(overhead.alternation.plain.timeRatio, 1),
                    memoryRatio: pairedRatio(overhead.components.plain, overhead.raw.plain, (r) => r.peakRssMb),
                    firstPlanTimeRatio: pairedRatio(overhead.components.plain, overhead.raw.plain, (r) => r.planMs),
                    timeRatioWithPolicies: ratio(overhead.alternation.policy.timeRatio, 1),
                }
                : { timeRatio: NaN, memoryRatio: NaN, firstPlanTimeRatio: NaN, timeRatioWithPolicies: NaN },
            criticalPath: paths,
        };
        process.stdout.write(JSON.stringify(report, null, 2) + "\n");
    } else {
        printReport(options, scale, overhead, mechanisms, paths, loads);
    }
}

main().then(
    () => process.exit(0),
    (e: unknown) => {
        process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(1);
    },
);
