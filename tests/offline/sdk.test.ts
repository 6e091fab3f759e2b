/**
 * The offline engine's reach into @pulumi/pulumi internals (offline/sdk.ts) against the SDK
 * that is installed: an SDK upgrade that moves one of them fails here, by name, instead of
 * making plans hang or lie.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { builtinModules } from "module";
import * as pulumi from "@pulumi/pulumi";
import * as sdk from "../../offline/sdk";

const ROOT = path.resolve(__dirname, "..", "..");
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
};

function minor(version: string): string {
    return version.split(".").slice(0, 2).join(".");
}

describe("offline engine: the @pulumi/pulumi internals it relies on", () => {
    it("runs on an SDK minor it was tested with, and package.json admits no other", () => {
        assert.ok(sdk.TESTED_SDK_VERSIONS.includes(minor(sdk.SDK_VERSION)), `installed @pulumi/pulumi ${sdk.SDK_VERSION} is not in ${sdk.TESTED_SDK_VERSIONS.join(", ")}`);
        const range = manifest.dependencies["@pulumi/pulumi"];
        const match = /^~(\d+\.\d+)\.\d+$/.exec(range);
        assert.ok(match, `@pulumi/pulumi is "${range}" in package.json; a ~major.minor.patch range keeps it to one tested minor`);
        assert.ok(sdk.TESTED_SDK_VERSIONS.includes(match![1]), `package.json admits @pulumi/pulumi ${match![1]}, which offline/sdk.ts was not tested with`);
    });

    it("finds the runtime settings, state store, bookkeeping and log hooks with the shapes it uses", () => {
        for (const fn of ["getMonitor", "getEngine", "waitForRPCs", "disconnectSync"] as const) assert.strictEqual(typeof sdk.settings[fn], "function", `settings.${fn}`);
        for (const fn of ["withLocalStorage", "getLocalStore", "getStore", "getGlobalStore"] as const) assert.strictEqual(typeof sdk.runtimeState[fn], "function", `state.${fn}`);
        const store = new sdk.runtimeState.LocalStore();
        assert.ok(store.settings && store.settings.options, "a store has settings.options");
        assert.ok(store.resourceModules instanceof Map && store.resourcePackages instanceof Map);
        assert.ok("rpcDone" in store.settings, "settings.rpcDone, which the engine watches to see the program's work drain");
        assert.strictEqual(typeof sdk.debuggable.debuggablePromise, "function");
        assert.strictEqual(typeof sdk.log.debug, "function");
        assert.strictEqual(typeof sdk.resourceStatics.callsites, "function");
    });

    it("finds the wire helpers, monitor messages and analyzer stubs it speaks", () => {
        assert.strictEqual(sdk.unknownValue, pulumi.runtime.unknownValue);
        assert.strictEqual(typeof sdk.serializeProperties, "function");
        assert.strictEqual(typeof sdk.deserializeProperties, "function");
        const resourcePb = require("@pulumi/pulumi/proto/resource_pb");
        // The response flag that keeps a skipped create's outputs unknown in an update, and the remote flag of components.
        assert.strictEqual(typeof resourcePb.RegisterResourceResponse.prototype.setUnknown, "function");
        assert.strictEqual(typeof resourcePb.RegisterResourceRequest.prototype.getRemote, "function");
        assert.strictEqual(typeof sdk.analyzerRpc.AnalyzerClient, "function");
        assert.strictEqual(typeof sdk.analyzerProto.AnalyzeRequest, "function");
        const output = pulumi.output("x");
        return Promise.all([sdk.outputPromise(output), sdk.outputIsKnown(output)]).then(([value, known]) => {
            assert.strictEqual(value, "x");
            assert.strictEqual(known, true);
        });
    });

    it("declares in package.json every package the offline code imports", () => {
        const declared = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)]);
        const files: string[] = [];
        const walk = (dir: string) => {
            for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
                const full = path.join(dir, entry.name);
                if (entry.isDirectory()) walk(full);
                else if (entry.name.endsWith(".ts")) files.push(full);
            }
        };
        walk(path.join(ROOT, "offline"));
        const missing = new Set<string>();
        for (const file of files) {
            const source = fs.readFileSync(file, "utf8");
            const specs = [
                ...[...source.matchAll(/^(?:import|export)\b[^;]*?\bfrom "([^"./][^"]*)"/gm)].map((m) => m[1]),
                ...[...source.matchAll(/\brequire\("([^"./][^"]*)"\)/g)].map((m) => m[1]),
            ];
            for (const spec of specs) {
                const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
                if (builtinModules.includes(name) || name.startsWith("node:")) continue;
                if (!declared.has(name)) missing.add(`${name} (${path.relative(ROOT, file)})`);
            }
        }
        assert.deepStrictEqual([...missing], []);
    });
});
