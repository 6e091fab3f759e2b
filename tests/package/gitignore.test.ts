// `pulumi package add` writes a generated SDK into the consumer program (sdks/), and Python's
// toolchain a virtual environment (venv/, as examples/python-consumer's Pulumi.yaml names it):
// neither may show up as changes to commit. Asked of git itself, so the patterns are tested as
// git reads them.

import * as assert from "assert";
import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");

/** The paths among `paths` that git ignores. */
function ignored(paths: string[]): string[] {
    const result = spawnSync("git", ["check-ignore", "--no-index", "--stdin"], { cwd: ROOT, input: paths.join("\n"), encoding: "utf8" });
    // 0: some ignored, 1: none ignored; anything else is git failing.
    assert.ok(result.status === 0 || result.status === 1, `git check-ignore failed: ${result.stderr}`);
    return result.stdout.split("\n").filter(Boolean);
}

describe(".gitignore", function () {
    before(function () {
        if (spawnSync("git", ["rev-parse", "--git-dir"], { cwd: ROOT }).status !== 0) this.skip();
    });

    it("ignores the SDKs and virtual environments other-language consumers generate in examples/", function () {
        const generated = [
            "examples/python-consumer/sdks/apigw-domains/pulumi_apigw_domains/__init__.py",
            "examples/python-consumer/sdks/apigw-domains/setup.py",
            "examples/python-consumer/venv/bin/python",
            "examples/python-consumer/venv/lib/python3.12/site-packages/pulumi/__init__.py",
            "examples/python-consumer/.venv/pyvenv.cfg",
            "examples/python-consumer/__pycache__/__main__.cpython-312.pyc",
            "examples/go-consumer/sdks/apigw-domains/go.mod",
            "examples/dotnet-consumer/obj/project.assets.json",
            "examples/java-consumer/target/classes/App.class",
        ];
        assert.deepStrictEqual(ignored(generated), generated);
    });

    it("keeps the consumer programs themselves, and examples that are not generated", function () {
        const sources = [
            "examples/python-consumer/__main__.py",
            "examples/python-consumer/Pulumi.yaml",
            "examples/python-consumer/requirements.txt",
            "examples/yaml-consumer/Pulumi.yaml",
            "examples/edge-optimized/index.ts",
            "examples/lib/apis.ts",
        ];
        assert.deepStrictEqual(ignored(sources), []);
    });
});
