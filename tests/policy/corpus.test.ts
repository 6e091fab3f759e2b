// The pack against programs it did not see written: documented-valid configurations must plan with
// no mandatory violation, and each broken one must trip its intended rule, in the update view and
// in a preview (outputs of new resources unknown).
// Everything goes through the offline plan and the pack's real analyzer server, as
// `pulumi preview --policy-pack policy` would.

import { strict as assert } from "assert";
import * as path from "path";
import { PolicyPackHandle, startPolicyPack } from "../../offline/analyzer";
import { PlanResult, planProgram } from "../../offline/plan";
import { BROKEN } from "./corpus/broken";
import { VALID } from "./corpus/valid";

const PACK = path.join(__dirname, "..", "..", "policy");
const CONFIG = { "aws:region": "eu-west-1" };

function mandatory(result: PlanResult) {
    return result.violations.filter((v) => v.enforcementLevel === "mandatory");
}

function report(result: PlanResult): string {
    return mandatory(result).map((v) => `  ${v.policy} on ${v.urn}:\n    ${v.message}`).join("\n");
}

describe("policy corpus, through the offline plan and the pack's analyzer", function () {
    let pack: PolicyPackHandle;

    before(async () => {
        pack = await startPolicyPack(PACK, { stackConfig: CONFIG, project: "corpus", stack: "dev" });
    });

    after(async () => {
        await pack?.close();
    });

    it("has a source for every entry and unique names", () => {
        const names = [...VALID, ...BROKEN].map((e) => e.name);
        assert.equal(new Set(names).size, names.length);
        assert.ok([...VALID, ...BROKEN].every((e) => e.source.length > 20), "every entry names where it comes from");
    });

    describe("documented-valid configurations: no mandatory violation", () => {
        for (const entry of VALID) {
            it(entry.name, async () => {
                for (const preview of [false, true]) {
                    const result = await planProgram(entry.program, { pack, config: CONFIG, preview, project: "corpus" });
                    assert.ifError(result.error);
                    assert.ok(result.resources.length > 2, "the program registered its resources");
                    assert.equal(report(result), "", `${preview ? "preview" : "update"}: mandatory violations on a documented-valid configuration (${entry.source}):\n${report(result)}`);
                    const spoke = new Set(result.violations.map((v) => v.policy));
                    for (const rule of entry.silent ?? []) {
                        assert.ok(!spoke.has(rule), `${rule} must say nothing about ${entry.name}:\n${result.violations.map((v) => `${v.policy}: ${v.message}`).join("\n")}`);
                    }
                    if (!preview) {
                        for (const rule of entry.advice ?? []) {
                            assert.ok(result.violations.some((v) => v.policy === rule && v.enforcementLevel === "advisory"), `${rule} should advise on ${entry.name}`);
                        }
                    }
                }
            });
        }
    });

    describe("broken configurations: each trips its intended rule, and only that one", () => {
        for (const entry of BROKEN) {
            it(`${entry.name} -> ${entry.rule}`, async () => {
                for (const preview of [false, true]) {
                    const result = await planProgram(entry.program, { pack, config: CONFIG, preview, project: "corpus" });
                    assert.ifError(result.error);
                    const found = mandatory(result);
                    const view = preview ? "preview" : "update";
                    assert.deepEqual([...new Set(found.map((v) => v.policy))], [entry.rule], `${view}: expected only ${entry.rule}:\n${report(result)}`);
                    // The exact value is only known in the update view.
                    if (!preview) {
                        assert.ok(found.some((v) => entry.message.test(v.message)), `no ${entry.rule} message matched ${entry.message}:\n${report(result)}`);
                    }
                }
            });
        }
    });
});
