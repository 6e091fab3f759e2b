// Builds what npm publishes (`npm run build`): bin/ with the compiled package and declarations
// (tsconfig.build.json: the entry point, the components and the rulebook aws/), and the compiled
// policy pack in bin/policy/. The pack is self-contained: it is compiled on its own with the
// rulebook it imports (bin/policy/policy/ and bin/policy/aws/, the source layout kept so relative
// imports hold), next to the manifests the Pulumi CLI reads there (PulumiPolicy.yaml, and a
// package.json whose main is the compiled policy/index.js). So the pack runs from
// node_modules/apigw-domains/bin/policy without TypeScript, and `pulumi policy publish` run in
// bin/policy uploads everything it needs. Plain JavaScript, so that it runs wherever
// `npm install` runs it.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const bin = path.join(root, "bin");

// A clean slate: a file left from an earlier build must not end up in the package.
fs.rmSync(bin, { recursive: true, force: true });

const tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
const source = path.join(root, "policy");
const target = path.join(bin, "policy");
for (const args of [
    ["-p", path.join(root, "tsconfig.build.json")],
    // The pack's own compile: its tsconfig (what the source pack runs with), emitting JavaScript
    // for it and for the rulebook modules it imports.
    ["-p", path.join(source, "tsconfig.json"), "--rootDir", root, "--outDir", target, "--noEmit", "false", "--sourceMap", "false"],
]) {
    const compiled = spawnSync(process.execPath, [tsc, ...args], { stdio: "inherit" });
    if (compiled.status !== 0) process.exit(compiled.status ?? 1);
}

const manifest = JSON.parse(fs.readFileSync(path.join(source, "package.json"), "utf8"));
// The compiled pack needs no compiler: TypeScript and type packages serve the source pack only,
// and the source pack's scripts (its guard against publishing policy/ itself) do not apply.
const dependencies = Object.fromEntries(Object.entries(manifest.dependencies ?? {})
    .filter(([name]) => name !== "typescript" && !name.startsWith("@types/")));
const { scripts: _scripts, ...rest } = manifest;
fs.writeFileSync(path.join(target, "package.json"),
    JSON.stringify({ ...rest, main: "policy/index.js", dependencies }, null, 2) + "\n");
for (const file of ["PulumiPolicy.yaml", "README.md", "policy-config.example.json"]) {
    if (fs.existsSync(path.join(source, file))) fs.copyFileSync(path.join(source, file), path.join(target, file));
}
