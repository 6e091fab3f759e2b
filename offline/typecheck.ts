/**
 * Type-checks a TypeScript program before it runs, as Pulumi's Node.js runtime does: it loads
 * TypeScript programs through ts-node, which refuses to run code with type errors unless
 * PULUMI_NODEJS_TRANSPILE_ONLY=true. The nearest tsconfig.json above the program is used when there is one,
 * else ts-node's defaults as Pulumi sets them; only the program's own files are reported.
 *
 * Parsing the provider packages' declarations dominates the cost (seconds for @pulumi/aws),
 * so the parsed files under node_modules are kept for the process: the next check reuses them.
 */
import * as fs from "fs";
import * as path from "path";
import type * as TypeScript from "typescript";

const libraryFiles = new Map<string, TypeScript.SourceFile | undefined>();
let previous: TypeScript.Program | undefined;

function compilerOptions(ts: typeof TypeScript, root: string): TypeScript.CompilerOptions {
    const defaults: TypeScript.CompilerOptions = {
        target: ts.ScriptTarget.ES2020,
        module: ts.ModuleKind.CommonJS,
        moduleResolution: ts.ModuleResolutionKind.Node10,
        esModuleInterop: true,
        skipLibCheck: true,
        strict: false,
    };
    // ts-node looks for the nearest tsconfig.json from the program's directory upwards.
    const file = process.env["PULUMI_NODEJS_TSCONFIG_PATH"] ?? ts.findConfigFile(root, ts.sys.fileExists);
    if (!file || !fs.existsSync(file)) return defaults;
    const read = ts.readConfigFile(file, ts.sys.readFile);
    if (read.error) throw new Error(`${file}: ${ts.flattenDiagnosticMessageText(read.error.messageText, "\n")}`);
    const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(file));
    // ts-node compiles in memory, each file as it is required: what the project says about
    // emitting or about leaving imports unresolved (a schema-only tsconfig.json) does not apply.
    return { ...parsed.options, noEmit: true, declaration: false, declarationMap: false, composite: false, incremental: false, noResolve: false, skipLibCheck: true };
}

/** Throws with Pulumi's wording ("Unable to compile TypeScript") and every error, when the program has type errors. */
export function typeCheck(entry: string, root: string): void {
    const ts = require("typescript") as typeof TypeScript;
    const options = compilerOptions(ts, root);
    const host = ts.createCompilerHost(options);
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, language, onError, fresh) => {
        if (!fileName.includes(`${path.sep}node_modules${path.sep}`)) return read(fileName, language, onError, fresh);
        if (!libraryFiles.has(fileName)) libraryFiles.set(fileName, read(fileName, language, onError, fresh));
        return libraryFiles.get(fileName);
    };
    const program = ts.createProgram({ rootNames: [entry], options, host, oldProgram: previous });
    previous = program;
    const own = program.getSourceFiles().filter((f) => !f.isDeclarationFile && !f.fileName.includes("/node_modules/"));
    const diagnostics = own.flatMap((f) => [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)]);
    const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
    if (errors.length === 0) return;
    const lines = errors.map((d) => {
        const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
        if (!d.file || d.start === undefined) return `error TS${d.code}: ${message}`;
        const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
        return `${path.relative(root, d.file.fileName)}(${line + 1},${character + 1}): error TS${d.code}: ${message}`;
    });
    throw new Error(
        `TSError: ⨯ Unable to compile TypeScript:\n${lines.join("\n")}\n` +
            `(Pulumi type-checks TypeScript programs; set PULUMI_NODEJS_TRANSPILE_ONLY=true or pass --no-type-check to run without checking.)`,
    );
}
