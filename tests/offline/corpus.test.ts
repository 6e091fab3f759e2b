/**
 * Real programs (tests/corpus) planned as `pulumi preview` would: each with the outcome Pulumi
 * gives, written in its expected.json files.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { RunOptions, UNKNOWN, runProgramAt } from "../../offline/engine";

const CORPUS = path.resolve(__dirname, "..", "corpus");

interface Expected {
    source: string;
    why: string;
    view?: "preview" | "update";
    config?: Record<string, string>;
    stackReferences?: Record<string, Record<string, unknown>>;
    env?: Record<string, string>;
    typeCheck?: boolean;
    outcome: "plan" | "error";
    /** `type name` of every resource the program registers, besides the stack and providers. */
    resources?: string[];
    unknownStackOutputs?: string[];
    /** Inputs some resources must have been registered with (a subset). */
    inputs?: Record<string, Record<string, unknown>>;
    /** A regular expression the error must match. */
    error?: string;
}

function programs(dir: string): string[] {
    const found: string[] = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (!entry.isDirectory()) continue;
        const full = path.join(dir, entry.name);
        if (fs.existsSync(path.join(full, "Pulumi.yaml"))) found.push(full);
        else found.push(...programs(full));
    }
    return found.sort();
}

describe("corpus of real programs, planned as pulumi preview plans them", function () {
    // The first TypeScript program pays for loading @pulumi/aws's declarations into the checker.
    this.timeout(240_000);
    const all = programs(CORPUS);

    it("holds programs from pulumi/examples, pulumi/templates and patterns of our own, each with an expected outcome", () => {
        for (const source of ["pulumi-examples", "pulumi-templates", "patterns"]) {
            assert.ok(all.some((p) => p.startsWith(path.join(CORPUS, source))), `no program under ${source}`);
        }
        for (const p of all) assert.ok(fs.readdirSync(p).some((f) => f.endsWith("expected.json")), `${path.relative(CORPUS, p)} has no expected.json`);
    });

    for (const program of all) {
        for (const file of fs.readdirSync(program).filter((f) => f.endsWith("expected.json"))) {
            const expected = JSON.parse(fs.readFileSync(path.join(program, file), "utf8")) as Expected;
            const label = `${path.relative(CORPUS, program)}${file === "expected.json" ? "" : ` (${file.replace(/\.?expected\.json$/, "")})`}`;
            it(`${label}: ${expected.outcome === "plan" ? "plans" : "fails"} as Pulumi does (${expected.why})`, async () => {
                const options: RunOptions = {
                    preview: (expected.view ?? "preview") === "preview",
                    config: expected.config,
                    stackReferences: expected.stackReferences,
                    typeCheck: expected.typeCheck,
                    ...(expected.env ? { env: expected.env } : {}),
                };
                const result = await runProgramAt(program, options);
                if (expected.outcome === "error") {
                    assert.ok(result.error, "expected the program to fail");
                    assert.match(result.error!.message, new RegExp(expected.error ?? ""));
                    return;
                }
                assert.ifError(result.error);
                const registered = result.resources
                    .filter((r) => r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("pulumi:providers:"))
                    .map((r) => `${r.type} ${r.name}`)
                    .sort();
                assert.deepStrictEqual(registered, [...(expected.resources ?? [])].sort());
                for (const key of expected.unknownStackOutputs ?? []) {
                    assert.ok(key in result.stackOutputs, `stack output ${key} is missing`);
                    assert.strictEqual(result.stackOutputs[key], UNKNOWN, `stack output ${key} is known before the update`);
                }
                for (const [resource, inputs] of Object.entries(expected.inputs ?? {})) {
                    const found = result.resources.find((r) => `${r.type} ${r.name}` === resource);
                    for (const [key, value] of Object.entries(inputs)) assert.deepStrictEqual(found?.inputs[key], value, `${resource} ${key}`);
                }
            });
        }
    }
});
