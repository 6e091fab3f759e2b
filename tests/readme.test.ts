// What the README shows must be what users get: the sample output of `npm run plan` is a real
// run, the options table lists every option the command takes, and the commands that enable the
// policy pack name the version this package publishes.

import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { USAGE } from "../offline/cli";
import { runPlanCommand } from "./helpers";

const ROOT = path.join(__dirname, "..");
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;

/** The body of the first fenced block after `heading` (a whole line of the README). */
function blockAfter(text: string, heading: string): string {
    const at = text.split("\n").indexOf(heading);
    assert.ok(at >= 0, `the README has no heading "${heading}"`);
    const rest = text.split("\n").slice(at + 1).join("\n");
    const match = /^```[a-z]*\n([\s\S]*?)^```$/m.exec(rest);
    assert.ok(match, `no code block after "${heading}"`);
    return match[1];
}

/** The section from `heading` to the next heading of the same or a higher level. */
function section(text: string, heading: string): string {
    const lines = text.split("\n");
    const at = lines.indexOf(heading);
    assert.ok(at >= 0, `the README has no heading "${heading}"`);
    const level = /^#+/.exec(heading)![0].length;
    const end = lines.findIndex((l, i) => i > at && /^#+ /.test(l) && /^#+/.exec(l)![0].length <= level);
    return lines.slice(at, end < 0 ? undefined : end).join("\n");
}

const runPlan = runPlanCommand;

// The simulator derives every id and name from the program (README: "two runs print the same
// plan") and the tree prints no timing, so the only thing normalized is trailing blanks.
const normalize = (text: string) => text.split("\n").map((l) => l.trimEnd()).join("\n").trim();

describe("README", function () {
    it("shows the output `npm run plan` really prints on a fresh clone", async function () {
        const sample = blockAfter(README, "### What the output means");
        const run = await runPlan([]);
        assert.equal(run.code, 0, run.stderr);
        assert.equal(normalize(sample), normalize(run.stdout),
            "the README's sample is stale: paste the output of `npm run -s plan` under \"What the output means\"");
    });

    it("lists every option of `npm run plan` in its options table, and no other", function () {
        const usage = new Set([...USAGE.matchAll(/^\s+(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]));
        const table = section(README, "### Plan your own program");
        const documented = new Set([...table.matchAll(/^\| `(--[a-z-]+)/gm)].map((m) => m[1]));
        assert.ok(usage.has("--critical-path") && usage.size >= 9, `read the options from the usage: ${[...usage].join(" ")}`);
        assert.deepEqual([...documented].sort(), [...usage].sort());
    });

    it("enables the policy pack at this package's version, never `latest`, in both READMEs", function () {
        const pack = fs.readFileSync(path.join(ROOT, "policy", "README.md"), "utf8");
        for (const [file, text] of [["README.md", README], ["policy/README.md", pack]]) {
            const enables = [...text.matchAll(/pulumi policy enable \S+ (\S+)/g)].map((m) => m[1]);
            assert.ok(enables.length > 0, `${file} shows how to enable the pack`);
            assert.deepEqual([...new Set(enables)], [VERSION], `${file}: pulumi policy enable must name version ${VERSION}`);
        }
    });
});
