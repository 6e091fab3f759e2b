// Time to a working multi-region domain: the regions are built side by side, so the stack takes as
// long as one region does (the README's "One name in several regions" quotes these figures). Each
// region creates two custom domains (the shared name and the region's own), and API Gateway creates
// one custom domain every 30 seconds per account and region, so one of them waits half a minute.

import * as assert from "assert";
import * as path from "path";
import { RegionalDomain } from "../../index";
import { runProgram, runProgramAt } from "../../offline/engine";
import { criticalPath, formatCriticalPath, waitsFor } from "../../offline/critical-path";
import { RunResult, T } from "../helpers";

const HEALTH_CHECK = "aws:route53/healthCheck:HealthCheck";

async function example(name: string): Promise<RunResult> {
    const result = await runProgramAt(path.resolve(__dirname, "../../examples", name), {});
    if (result.error) throw result.error;
    return result;
}

/** The resources a region's components created (their names start with `{component}-{region}`). */
function ofRegion(r: RunResult, component: string, region: string) {
    return r.resources.filter((x) => x.custom && x.name.startsWith(`${component}-${region}`));
}

describe("critical path of a multi-region domain", () => {
    for (const [name, component, regions] of [
        ["multi-region-latency", "global", ["us-east-1", "eu-west-1"]],
        ["multi-region-failover", "orders", ["us-east-1", "us-west-2"]],
    ] as const) {
        it(`${name}: no region waits for another; the stack takes one region's 8.7 min (certificate, validation record, issuance, CreateDomainName queue, domain, alias record)`, async () => {
            const r = await example(name);
            for (const region of regions) {
                const mine = ofRegion(r, component, region);
                assert.ok(mine.length >= 8, `${region}: ${mine.length} resources`);
                const others = new Set(regions.filter((x) => x !== region).flatMap((x) => ofRegion(r, component, x)).map((x) => x.urn));
                for (const x of mine) {
                    const crossing = waitsFor(r.resources, x.urn).filter((u) => others.has(u));
                    assert.deepStrictEqual(crossing, [], `${x.type} ${x.name} waits for another region`);
                }
            }
            const p = criticalPath(r.resources);
            assert.strictEqual(p.estimatedMinutes, 8.7, formatCriticalPath(p));
            assert.deepStrictEqual(p.steps.map((s) => s.type).map((t) => (t === T.domainV2 ? T.domainV1 : t)),
                [T.certificate, T.record, T.validation, T.domainV1, T.domainV1, T.record]);
            assert.strictEqual(p.steps[3].throttle, "apigateway:CreateDomainName");
            // One queue per region, two domains in each: the regions do not share it.
            const queues = p.throttled.filter((q) => q.throttle === "apigateway:CreateDomainName");
            assert.deepStrictEqual(queues.map((q) => [q.region, q.requests]).sort(), regions.map((region) => [region, 2]).sort());
        });
    }

    it("takes as long for two regions as two RegionalDomains take in one region", async () => {
        const one = await runProgram(() => {
            for (const name of ["api", "check"]) {
                new RegionalDomain(name, { domainName: `${name}.example.com`, region: "eu-west-1", mappings: [{ apiId: "a", stage: "p" }] });
            }
        }, { config: { "aws:region": "eu-west-1" } });
        const two = await example("multi-region-failover");
        assert.strictEqual(criticalPath(two.resources).estimatedMinutes, criticalPath(one.resources).estimatedMinutes);
    });

    it("attaches each region's health check to its routed records without holding anything else up", async () => {
        const r = await example("multi-region-latency");
        for (const check of r.resources.filter((x) => x.type === HEALTH_CHECK)) {
            // The check calls a plain name, so it is created at once, next to the certificates.
            assert.deepStrictEqual(waitsFor(r.resources, check.urn).filter((u) => r.resources.find((x) => x.urn === u)?.custom && !u.includes("pulumi:providers")), []);
            const routed = r.resources.filter((x) => x.type === T.record && x.inputs.healthCheckId === check.id);
            assert.strictEqual(routed.length, 1, check.name);
            assert.ok(waitsFor(r.resources, routed[0].urn).includes(check.urn));
        }
    });
});
