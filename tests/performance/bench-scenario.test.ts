// `npm run bench` measures each figure in a process of its own (bench/scenario.ts). These run
// the two kinds of process on a tiny stack, the way the bench starts them, and check what they
// report: the figures the tables and the JSON are made of.

import * as assert from "assert";
import { execFile } from "child_process";
import * as path from "path";
import { ALTERNATION_MARKER, AlternationResult, SCENARIO_MARKER, ScenarioResult } from "../../bench/scenario";

const ROOT = path.resolve(__dirname, "../..");

function runScenario(spec: object, marker: string): Promise<unknown> {
    const args = ["--expose-gc", "--require", require.resolve("tsx/cjs"), path.join(ROOT, "bench/scenario.ts"), JSON.stringify(spec)];
    return new Promise((resolve, reject) => {
        execFile(process.execPath, args, { cwd: ROOT }, (err, stdout, stderr) => {
            if (err) return reject(new Error(`${err.message}\n${stderr}`));
            const line = stdout.split("\n").find((l) => l.startsWith(marker));
            if (!line) return reject(new Error(`no ${marker.trim()} line in:\n${stdout}`));
            resolve(JSON.parse(line.slice(marker.length)));
        });
    });
}

describe("bench scenarios", function () {
    // Each process loads @pulumi/aws (a few seconds on a loaded machine).
    this.timeout(60_000);

    it("plans N tenants in a fresh process and reports time, GC, CPU and peak memory", async () => {
        const result = (await runScenario({ kind: "components", n: 3, policy: false }, SCENARIO_MARKER)) as ScenarioResult;
        // The stack, the default provider, the shared API (API, deployment, stage), and per
        // tenant the component and its seven resources.
        assert.strictEqual(result.resources, 2 + 3 + 3 * 8);
        assert.strictEqual(result.violations, 0);
        assert.strictEqual(result.analyzeMs, 0, "no policy pack was asked for");
        assert.ok(result.planMs > 0 && result.programMs > 0 && result.programMs <= result.planMs);
        assert.ok(result.cpuMs > 0 && result.gcMs >= 0);
        assert.ok(result.peakRssMb > 50, `peak RSS ${result.peakRssMb} MB`);
        // Time to every tenant working: three domains in one region queue for CreateDomainName, 30 s apart.
        const queue = result.criticalPath.throttled.find((q) => q.throttle === "apigateway:CreateDomainName");
        assert.deepStrictEqual([queue?.requests, queue?.region], [3, "eu-west-1"]);
        assert.strictEqual(result.criticalPath.estimatedMinutes, 8.2 + 2 * 0.5);
        assert.deepStrictEqual(result.quotas.filter((q) => q.quota === "apigateway-public-domains").map((q) => [q.used, q.limit]), [[3, 120]]);
        assert.deepStrictEqual(result.warnings, []);
    });

    it("plans the multi-tenant mechanism through TenantDomains and reports its resources, path and quotas", async () => {
        const result = (await runScenario({ kind: "multitenant", n: 3, policy: false }, SCENARIO_MARKER)) as ScenarioResult;
        // The stack, the default providers (aws, random), the shared API; the component, its origin domain (component,
        // certificate, validation record, validation, domain, mapping, alias record), its viewer
        // certificate in us-east-1 (component and three resources), group, function and the random
        // suffix of its name, origin secret, distribution; and a distribution tenant per customer.
        assert.strictEqual(result.resources, 3 + 3 + 1 + 7 + 4 + 5 + 3);
        assert.strictEqual(result.criticalPath.estimatedMinutes, 23.2);
        assert.deepStrictEqual(result.criticalPath.steps.slice(-2).map((s) => s.type),
            ["aws:cloudfront/multitenantDistribution:MultitenantDistribution", "aws:cloudfront/distributionTenant:DistributionTenant"]);
        assert.deepStrictEqual(result.quotas.filter((q) => q.quota === "cloudfront-distribution-tenants").map((q) => [q.used, q.limit]), [[3, 10_000]]);
    });

    it("plans the component and raw stacks by turns and reports each round and the median ratio", async () => {
        const result = (await runScenario({ n: 3, policy: false, rounds: 3 }, ALTERNATION_MARKER)) as AlternationResult;
        assert.strictEqual(result.componentsMs.length, 3);
        assert.strictEqual(result.rawMs.length, 3);
        // Each round's ratio is its two plans' (the reported times are rounded to the millisecond).
        result.ratios.forEach((r, i) => {
            const [c, w] = [result.componentsMs[i], result.rawMs[i]];
            assert.ok(r >= (c - 0.5) / (w + 0.5) && r <= (c + 0.5) / (w - 0.5), `round ${i}: ${r} is not ${c} ms / ${w} ms`);
        });
        assert.strictEqual(result.timeRatio, [...result.ratios].sort((a, b) => a - b)[1]);
    });
});
