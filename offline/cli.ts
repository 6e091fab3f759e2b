/**
 * `npm run plan`: the offline plan of a Pulumi program, checked by the policy pack.
 *
 * Exit status: 0 when no policy violation is mandatory, 1 when one is, 2 when the program
 * fails (or no plan can be made: bad arguments, unreadable files, a policy pack that fails).
 */
import { criticalPath, formatCriticalPath } from "./critical-path";
import * as fs from "fs";
import * as path from "path";
import type { PolicyConfigFile } from "./analyzer";
import { formatJson, formatProgramError, formatTree } from "./format";
import { DEFAULT_POLICY_PACK, PlanOptions, blocked, planProgram } from "./plan";

export const USAGE = `Usage: npm run plan -- [path] [options]

Runs a Pulumi program offline, against a simulated AWS, and checks what it would create with
the policy pack, as \`pulumi preview --policy-pack\` would. Needs neither the Pulumi CLI nor
AWS credentials.

Arguments:
  path                        a directory with a Pulumi.yaml (runs its main, else index.ts) or a
                              .ts/.js program file; default: this package's root program

Options:
  --config key=value          stack config, repeatable: --config aws:region=eu-west-1
                              --config topology=cloudfront (keys without a namespace belong
                              to the project); overrides Pulumi.yaml and Pulumi.<stack>.yaml
  --stack name                stack name; reads Pulumi.<name>.yaml next to the program
                              (default: dev)
  --policy-pack dir           the policy pack to evaluate (default: this package's policy/)
  --policy-pack-config file   policy config JSON: per policy, an enforcement level or
                              {"enforcementLevel": ..., settings}; "all" sets every level
  --no-policy                 do not evaluate any policy pack
  --preview                   plan as \`pulumi preview\` does: outputs of new resources are
                              unknown and pulumi.runtime.isDryRun() is true; same as --view preview
  --view preview|update       the view to plan in (default: update, as \`pulumi up\`: simulated
                              outputs known, isDryRun() false); the output always says which
  --stack-reference name=file outputs of the stack a pulumi.StackReference("name") reads: a JSON
                              object, as \`pulumi stack output --json\` prints it; repeatable
  --organization name         what pulumi.getOrganization() returns (default: organization)
  --no-type-check             run a TypeScript program without type-checking it first (Pulumi
                              checks unless PULUMI_NODEJS_TRANSPILE_ONLY=true)
  --timeout seconds           give up on a program that has not finished (default: 120)
  --json                      print one JSON document {"view", "resources", "violations",
                              "unsimulated"}; what the program prints goes to stderr
  --critical-path             also show the critical path to a working domain: the chain of slow
                              AWS operations (certificate validation, CloudFront deployment, ...)
                              and waits in AWS's throttled queues (CreateDomainName: one every
                              30 s per account and region), with estimated minutes; with --json,
                              as "criticalPath"
                              instead of the tree
  -h, --help                  print this help

Exit status:
  0  no mandatory policy violation
  1  at least one mandatory policy violation
  2  the program failed (its error is printed), or the plan could not be made
`;

/** What the command line asks for. */
export interface CliArgs {
    help: boolean;
    /** The program to plan; undefined: the root program. */
    target?: string;
    config: Record<string, string>;
    stack?: string;
    policyPack?: string;
    policyPackConfig?: string;
    noPolicy: boolean;
    preview: boolean;
    json: boolean;
    criticalPath: boolean;
    /** Files of stack outputs by stack name. */
    stackReferences: Record<string, string>;
    organization?: string;
    typeCheck: boolean;
    timeoutSeconds?: number;
}

class UsageError extends Error {}

/** Parses the arguments after `npm run plan --`; throws UsageError with a message for the user. */
export function parseArgs(argv: readonly string[]): CliArgs {
    const args: CliArgs = { help: false, config: {}, noPolicy: false, preview: false, json: false, criticalPath: false, stackReferences: {}, typeCheck: true };
    const withValue = new Set(["--config", "--stack", "--policy-pack", "--policy-pack-config", "--view", "--stack-reference", "--organization", "--timeout"]);
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        let flag = arg;
        let value: string | undefined;
        const eq = arg.indexOf("=");
        if (arg.startsWith("--") && eq > 0) {
            flag = arg.slice(0, eq);
            value = arg.slice(eq + 1);
        }
        if (withValue.has(flag)) {
            if (value === undefined) {
                value = argv[++i];
                if (value === undefined || (value.startsWith("--") && value.length > 2)) throw new UsageError(`${flag} needs a value`);
            }
        } else if (value !== undefined) {
            throw new UsageError(`${flag} takes no value`);
        }
        switch (flag) {
            case "-h":
            case "--help":
                args.help = true;
                break;
            case "--config": {
                const at = value!.indexOf("=");
                if (at <= 0) throw new UsageError(`--config expects key=value, got "${value}"`);
                args.config[value!.slice(0, at)] = value!.slice(at + 1);
                break;
            }
            case "--stack":
                if (!/^[A-Za-z0-9_.\-/]+$/.test(value!)) throw new UsageError(`--stack "${value}" is not a stack name`);
                args.stack = value;
                break;
            case "--policy-pack":
                args.policyPack = value;
                break;
            case "--policy-pack-config":
                args.policyPackConfig = value;
                break;
            case "--no-policy":
                args.noPolicy = true;
                break;
            case "--preview":
                args.preview = true;
                break;
            case "--view":
                if (value !== "preview" && value !== "update") throw new UsageError(`--view is preview or update, got "${value}"`);
                args.preview = value === "preview";
                break;
            case "--stack-reference": {
                const at = value!.indexOf("=");
                if (at <= 0) throw new UsageError(`--stack-reference expects name=file, got "${value}"`);
                args.stackReferences[value!.slice(0, at)] = value!.slice(at + 1);
                break;
            }
            case "--organization":
                args.organization = value;
                break;
            case "--no-type-check":
                args.typeCheck = false;
                break;
            case "--timeout": {
                const seconds = Number(value);
                if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--timeout expects a number of seconds, got "${value}"`);
                args.timeoutSeconds = seconds;
                break;
            }
            case "--json":
                args.json = true;
                break;
            case "--critical-path":
                args.criticalPath = true;
                break;
            default:
                if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option ${arg}`);
                if (args.target !== undefined) throw new UsageError(`one program at a time: got "${args.target}" and "${arg}"`);
                args.target = arg;
        }
    }
    if (args.noPolicy && (args.policyPack !== undefined || args.policyPackConfig !== undefined)) {
        throw new UsageError("--no-policy cannot be combined with --policy-pack or --policy-pack-config");
    }
    return args;
}

/** Where the user stands: npm runs scripts from the package root but says where it was called from. */
function userDirectory(): string {
    return process.env["INIT_CWD"] || process.cwd();
}

/** This package's root program (the directory with the root Pulumi.yaml), from the sources or a build. */
function rootProgram(): string {
    for (const up of ["..", path.join("..", "..")]) {
        const dir = path.resolve(__dirname, up);
        if (fs.existsSync(path.join(dir, "Pulumi.yaml"))) return dir;
    }
    return path.resolve(__dirname, "..");
}

function readPolicyConfig(file: string): PolicyConfigFile {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new UsageError(`cannot read the policy config ${file}: ${(e as Error).message}`);
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (e) {
        throw new UsageError(`the policy config ${file} is not JSON: ${(e as Error).message}`);
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        throw new UsageError(`the policy config ${file} must be a JSON object keyed by policy name`);
    }
    return parsed as PolicyConfigFile;
}

export interface CliOutput {
    stdout: string;
    stderr: string;
    exitCode: number;
}

/** Runs the command for `argv` and returns what to print and the exit status; never throws. */
export async function runCli(argv: readonly string[]): Promise<CliOutput> {
    let args: CliArgs;
    try {
        args = parseArgs(argv);
    } catch (e) {
        if (e instanceof UsageError) return { stdout: "", stderr: `error: ${e.message}\n\n${USAGE}`, exitCode: 2 };
        throw e;
    }
    if (args.help) return { stdout: USAGE, stderr: "", exitCode: 0 };

    const here = userDirectory();
    const target = args.target !== undefined ? path.resolve(here, args.target) : rootProgram();
    let stderr = "";
    if (!fs.existsSync(target)) return { stdout: "", stderr: `error: no program at ${target}\n`, exitCode: 2 };
    const root = fs.statSync(target).isDirectory() ? target : path.dirname(target);
    if (args.stack !== undefined && !fs.existsSync(path.join(root, `Pulumi.${args.stack}.yaml`))) {
        stderr += `note: no Pulumi.${args.stack}.yaml in ${root}; planning stack ${args.stack} with the project's defaults and --config\n`;
    }

    const options: PlanOptions = {
        config: args.config,
        stack: args.stack,
        preview: args.preview,
        organization: args.organization,
        typeCheck: args.typeCheck,
        ...(args.timeoutSeconds !== undefined ? { timeoutMs: args.timeoutSeconds * 1000 } : {}),
    };
    try {
        options.stackReferences = readStackReferences(args.stackReferences, here);
    } catch (e) {
        return { stdout: "", stderr: `${stderr}error: ${(e as Error).message}\n`, exitCode: 2 };
    }
    if (args.noPolicy) {
        options.policyPack = false;
    } else {
        options.policyPack = args.policyPack !== undefined ? path.resolve(here, args.policyPack) : DEFAULT_POLICY_PACK;
        try {
            if (args.policyPackConfig !== undefined) options.policyConfig = readPolicyConfig(path.resolve(here, args.policyPackConfig));
        } catch (e) {
            return { stdout: "", stderr: `${stderr}error: ${(e as Error).message}\n`, exitCode: 2 };
        }
    }

    // With --json, stdout carries the document alone: what the program prints goes to stderr.
    const result = args.json ? await withStdoutOnStderr(() => planProgram(target, options)) : await planProgram(target, options);
    const programLabel = result.entry ? path.relative(here, result.entry) || result.entry : undefined;
    if (args.json) {
        for (const d of result.diagnostics) stderr += `${d.severity}: ${d.message.trim()}\n`;
        stderr += formatProgramError(result);
        const json = args.criticalPath && !result.error
            ? `${JSON.stringify({ ...JSON.parse(formatJson(result)), criticalPath: criticalPath(result.resources) }, null, 2)}\n`
            : formatJson(result);
        return { stdout: json, stderr, exitCode: exitCodeOf(result) };
    }
    stderr += formatProgramError(result);
    let stdout = formatTree(result, { programLabel });
    if (args.criticalPath && !result.error) stdout += `\n${formatCriticalPath(criticalPath(result.resources))}`;
    return { stdout, stderr, exitCode: exitCodeOf(result) };
}

async function withStdoutOnStderr<T>(work: () => Promise<T>): Promise<T> {
    const write = process.stdout.write;
    process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
    try {
        return await work();
    } finally {
        process.stdout.write = write;
    }
}

function readStackReferences(files: Record<string, string>, here: string): Record<string, Record<string, unknown>> {
    const out: Record<string, Record<string, unknown>> = {};
    for (const [name, file] of Object.entries(files)) {
        const full = path.resolve(here, file);
        let parsed: unknown;
        try {
            parsed = JSON.parse(fs.readFileSync(full, "utf8"));
        } catch (e) {
            throw new UsageError(`--stack-reference ${name}: cannot read ${full} as JSON: ${(e as Error).message}`);
        }
        if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
            throw new UsageError(`--stack-reference ${name}: ${full} must hold a JSON object of the stack's outputs`);
        }
        out[name] = parsed as Record<string, unknown>;
    }
    return out;
}

function exitCodeOf(result: Awaited<ReturnType<typeof planProgram>>): number {
    if (result.error) return 2;
    return blocked(result) ? 1 : 0;
}

async function main(): Promise<void> {
    const output = await runCli(process.argv.slice(2));
    const write = (stream: NodeJS.WriteStream, text: string): Promise<void> =>
        new Promise((resolve) => (text ? stream.write(text, () => resolve()) : resolve()));
    await write(process.stdout, output.stdout);
    await write(process.stderr, output.stderr);
    // The simulated program may leave timers of its own; the verdict is final.
    process.exit(output.exitCode);
}

if (require.main === module) {
    main().catch((e: unknown) => {
        process.stderr.write(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
        process.exit(2);
    });
}
