// The policy pack as `pulumi policy publish` uploads it: the pack imports the rulebook (aws/),
// which lives outside policy/, so what is published is the compiled, self-contained pack that
// `npm run build` writes to bin/policy. The CLI runs `npm pack` there, and the service later
// installs that tarball on its own (only the dependencies its package.json declares) and runs
// it. Here the build runs in a copy of this checkout, the tarball is packed and extracted the
// same way, given exactly its declared dependencies (linked from this checkout, nothing
// downloaded), and started as the CLI starts it. policy/ itself refuses to be packed, so that
// `pulumi policy publish` in the wrong folder fails with directions instead of uploading a pack
// that cannot start.

import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkShippedPack } from "./shipped-pack";

const ROOT = path.join(__dirname, "..", "..");
const POLICY = path.join(ROOT, "policy");
const NOT_STAGED = new Set(["node_modules", ".git", "bin", ".scratch", ".pulumi"]);
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, "utf8"));

describe("policy pack (as `pulumi policy publish` uploads it)", function () {
    // Two compiles (the package, then the self-contained pack) and an npm pack: well within a
    // minute alone, but a loaded machine (parallel test runs) can take several.
    this.timeout(300_000);
    let work: string;
    let pack: string;
    let packed: string[];

    before(function () {
        work = fs.mkdtempSync(path.join(os.tmpdir(), "apigw-domains-policy-"));
        const stage = path.join(work, "checkout");
        fs.cpSync(ROOT, stage, { recursive: true, filter: (src) => !NOT_STAGED.has(path.basename(src)) && !src.endsWith(".tgz") });
        fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(stage, "node_modules"), process.platform === "win32" ? "junction" : "dir");
        const build = spawnSync(process.execPath, [path.join(stage, "scripts", "build.js")], { cwd: stage, encoding: "utf8" });
        assert.strictEqual(build.status, 0, build.stdout + build.stderr);
        const npm = spawnSync("npm", ["pack", "--json", "--pack-destination", work],
            { cwd: path.join(stage, "bin", "policy"), encoding: "utf8", shell: process.platform === "win32" });
        assert.strictEqual(npm.status, 0, npm.stderr);
        const [result] = JSON.parse(npm.stdout) as { filename: string; files: { path: string }[] }[];
        packed = result.files.map((f) => f.path);
        pack = path.join(work, "pack");
        fs.mkdirSync(pack);
        const tar = spawnSync("tar", ["-xzf", path.join(work, result.filename), "-C", pack, "--strip-components=1"], { encoding: "utf8" });
        assert.strictEqual(tar.status, 0, tar.stderr);
        // Only what the pack declares, as the service's `npm install` would give it.
        const manifest = readJson(path.join(pack, "package.json"));
        const declared = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
        for (const top of new Set(declared.map((d) => d.split("/")[0]))) {
            const at = path.join(pack, "node_modules", top);
            fs.mkdirSync(path.dirname(at), { recursive: true });
            fs.symlinkSync(path.join(ROOT, "node_modules", top), at, process.platform === "win32" ? "junction" : "dir");
        }
        // A scope linked whole brings more than was declared; keep only the declared packages in it.
        for (const scope of new Set(declared.filter((d) => d.startsWith("@")).map((d) => d.split("/")[0]))) {
            const linked = path.join(pack, "node_modules", scope);
            fs.unlinkSync(linked);
            fs.mkdirSync(linked);
            for (const name of declared.filter((d) => d.startsWith(`${scope}/`))) {
                fs.symlinkSync(path.join(ROOT, "node_modules", name), path.join(pack, "node_modules", name), process.platform === "win32" ? "junction" : "dir");
            }
        }
    });

    after(function () {
        if (work) fs.rmSync(work, { recursive: true, force: true });
    });

    it("has the manifests the CLI reads, with the package's version", () => {
        assert.match(fs.readFileSync(path.join(POLICY, "PulumiPolicy.yaml"), "utf8"), /^runtime: nodejs$/m);
        const source = readJson(path.join(POLICY, "package.json"));
        assert.strictEqual(source.version, readJson(path.join(ROOT, "package.json")).version,
            "policy/package.json's version is the published pack's version; keep it in step with the package");
        const manifest = readJson(path.join(pack, "package.json"));
        assert.strictEqual(manifest.version, source.version);
        for (const file of ["PulumiPolicy.yaml", "package.json", manifest.main]) assert.ok(packed.includes(file), `${file} is not in the uploaded pack`);
        assert.ok(packed.some((f) => f.startsWith("aws/")), "the uploaded pack carries the rulebook");
    });

    it("refuses to pack policy/ itself, pointing at the compiled pack", () => {
        const npm = spawnSync("npm", ["pack", "--dry-run"], { cwd: POLICY, encoding: "utf8", shell: process.platform === "win32" });
        assert.notStrictEqual(npm.status, 0);
        assert.match(npm.stderr, /bin\/policy/);
    });

    it("starts on its own, with only its declared dependencies, and enforces its rules", async () => {
        await checkShippedPack(pack, readJson(path.join(ROOT, "package.json")).version, { startTimeoutMs: 30_000 });
    });
});
