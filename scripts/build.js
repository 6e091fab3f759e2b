// Builds what npm publishes (`npm run build`): bin/ with the compiled package and declarations
// (tsconfig.build.json), and the compiled policy pack in bin/policy/ with the manifests the
// Pulumi CLI reads there (PulumiPolicy.yaml, and a package.json whose main is the compiled
// index.js), so the pack runs from node_modules/apigw-domains/bin/policy without TypeScript.
// Plain JavaScript, so that it runs wherever `npm install` runs it.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const bin = path.join(root, "bin");

// A clean slate: a file left from an earlier build must not end up in the package.
fs.rmSync(bin, { recursive: true, force: true });

const tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
const compiled = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json")], { stdio: "inherit" });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

const source = path.join(root, "policy");
const target = path.join(bin, "policy");
const manifest = JSON.parse(fs.readFileSync(path.join(source, "package.json"), "utf8"));
// The compiled pack needs no compiler: TypeScript and type packages serve the source pack only.
const dependencies = Object.fromEntries(Object.entries(manifest.dependencies ?? {})
    .filter(([name]) => name !== "typescript" && !name.startsWith("@types/")));
fs.writeFileSync(path.join(target, "package.json"),
    JSON.stringify({ ...manifest, main: "index.js", dependencies }, null, 2) + "\n");
for (const file of ["PulumiPolicy.yaml", "README.md", "policy-config.example.json"]) {
    if (fs.existsSync(path.join(source, file))) fs.copyFileSync(path.join(source, file), path.join(target, file));
}
