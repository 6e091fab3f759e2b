// The repository's tsconfig.json is what Pulumi's component analyzer compiles at every start of
// the plugin (the SDK reads `<plugin directory>/tsconfig.json`, nothing else). It is kept narrow
// so that other languages do not pay for @pulumi/aws's declarations on every run; these tests
// keep it narrow and complete. That it yields the same schema is pinned by schema.test.ts.

import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.join(__dirname, "..", "..");

/** The program a tsconfig describes, built the way the SDK's Analyzer builds it. */
function programOf(config: string): ts.Program {
    const file = path.join(ROOT, config);
    const read = ts.readConfigFile(file, ts.sys.readFile);
    assert.ifError(read.error && ts.flattenDiagnosticMessageText(read.error.messageText, "\n"));
    const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, ROOT);
    return ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, strictNullChecks: true } });
}

const ours = (file: string) => !file.includes("/node_modules/");

/** Every module of this repository the entry point reaches through imports and re-exports. */
function reachedFromEntryPoint(options: ts.CompilerOptions): Set<string> {
    const seen = new Set<string>();
    const queue = [path.join(ROOT, "index.ts")];
    while (queue.length > 0) {
        const file = queue.pop()!;
        if (seen.has(file)) continue;
        seen.add(file);
        const info = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
        for (const imported of info.importedFiles) {
            const resolved = ts.resolveModuleName(imported.fileName, file, options, ts.sys).resolvedModule?.resolvedFileName;
            if (resolved && ours(resolved) && !resolved.endsWith(".d.ts")) queue.push(resolved);
        }
    }
    return seen;
}

describe("the component analyzer's tsconfig.json", function () {
    let analyzer: ts.Program;

    before(function () {
        analyzer = programOf("tsconfig.json");
    });

    it("loads none of @pulumi/aws, @pulumi/tls or @pulumi/random's declarations, only @pulumi/pulumi's", function () {
        const files = analyzer.getSourceFiles().map((f) => f.fileName);
        assert.deepStrictEqual(files.filter((f) => /\/node_modules\/@pulumi\/(aws|tls|random)\//.test(f)), []);
        assert.ok(files.some((f) => f.endsWith("/node_modules/@pulumi/pulumi/index.d.ts")), "Input and Output come from @pulumi/pulumi");
        assert.ok(files.length < 400, `the analyzer's program has ${files.length} files`);
    });

    it("holds every module of ours that the entry point reaches (noResolve follows no import)", function () {
        const inProgram = new Set(analyzer.getSourceFiles().map((f) => path.resolve(f.fileName)));
        const missing = [...reachedFromEntryPoint(analyzer.getCompilerOptions())].filter((f) => !inProgram.has(path.resolve(f)));
        assert.deepStrictEqual(missing.map((f) => path.relative(ROOT, f)), [], "add these to the include of tsconfig.json");
        assert.ok(inProgram.has(path.join(ROOT, "components", "regional-domain.ts")));
    });

    it("leaves type-checking to tsconfig.dev.json, which npm test runs and which covers all of it", function () {
        const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
        assert.match(pkg.scripts.test, /tsc --noEmit -p tsconfig\.dev\.json/);
        const read = ts.readConfigFile(path.join(ROOT, "tsconfig.dev.json"), ts.sys.readFile);
        const dev = new Set(ts.parseJsonConfigFileContent(read.config, ts.sys, ROOT).fileNames.map((f) => path.resolve(f)));
        const unchecked = analyzer.getRootFileNames().filter(ours).filter((f) => !dev.has(path.resolve(f)));
        assert.deepStrictEqual(unchecked, []);
    });
});
