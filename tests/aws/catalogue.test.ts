// The README lists the rulebook's rules, each with its source, from aws/catalogue.ts: this test
// keeps the two equal (UPDATE_README=1 rewrites the README's block from the catalogue).
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { RULEBOOK } from "../../aws/catalogue";

const ROOT = path.join(__dirname, "..", "..");
const README = path.join(ROOT, "README.md");
const START = "<!-- rulebook:start (generated from aws/catalogue.ts by tests/aws/catalogue.test.ts) -->";
const END = "<!-- rulebook:end -->";

function rendered(): string {
    const rows = RULEBOOK.map((r) => `| \`${r.id}\` | ${r.rule} | ${r.source} | \`aws/${r.module}.ts\` |`);
    return [START, "| rule | what AWS refuses (or how it behaves) | source | where |", "|---|---|---|---|", ...rows, END].join("\n");
}

describe("the README's list of rulebook rules", () => {
    it("is the catalogue in aws/catalogue.ts, rule for rule", () => {
        const text = fs.readFileSync(README, "utf8");
        const start = text.indexOf(START);
        const end = text.indexOf(END);
        assert.ok(start >= 0 && end > start, `README.md needs the block between ${START} and ${END}`);
        const current = text.slice(start, end + END.length);
        if (process.env.UPDATE_README === "1" && current !== rendered()) {
            fs.writeFileSync(README, text.slice(0, start) + rendered() + text.slice(end + END.length));
            return;
        }
        assert.strictEqual(current, rendered(), "README.md's rulebook table is out of date: run UPDATE_README=1 npx mocha tests/aws/catalogue.test.ts");
    });

    it("names, for every rule, a rulebook module that exists and cites a source", () => {
        for (const r of RULEBOOK) {
            const file = path.join(ROOT, "aws", `${r.module}.ts`);
            assert.ok(fs.existsSync(file), `${r.id}: aws/${r.module}.ts does not exist`);
            assert.match(fs.readFileSync(file, "utf8"), /Source/, `${r.id}: aws/${r.module}.ts cites no source`);
            assert.ok(r.source.length > 0 && r.rule.length > 0);
        }
        assert.strictEqual(new Set(RULEBOOK.map((r) => r.id)).size, RULEBOOK.length, "rule ids are unique");
    });

    it("says what AWS does with a CNAME: the default endpoint fails TLS, a custom domain's target is valid", () => {
        const text = fs.readFileSync(README, "utf8").replace(/\s+/g, " ");
        assert.ok(!/never a CNAME to execute-api: it resolves but presents AWS's certificate/.test(text),
            "a CNAME to a custom domain's target (d-xxxx.execute-api...) is valid; only the default endpoint presents AWS's certificate");
        assert.match(text, /A CNAME to the custom domain's \*target\* \(`targetDomainName`, `d-xxxx\.execute-api\.\.\.`\) is valid/);
        assert.match(text, /\*default\* endpoint \(`\{api-id\}\.execute-api\.\{region\}\.amazonaws\.com`\): it resolves, but presents AWS's certificate/);
    });
});
