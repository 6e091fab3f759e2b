/**
 * Test helpers on top of the offline engine: run a program against the simulated AWS and
 * look at what it registered.
 */
import * as assert from "assert";
import { spawn } from "child_process";
import * as path from "path";
import { RecordedResource, RunOptions, RunResult, runProgram } from "../offline/engine";

export { RecordedResource, RunResult };

export const T = {
    certificate: "aws:acm/certificate:Certificate",
    validation: "aws:acm/certificateValidation:CertificateValidation",
    record: "aws:route53/record:Record",
    domainV1: "aws:apigateway/domainName:DomainName",
    domainV2: "aws:apigatewayv2/domainName:DomainName",
    basePathMapping: "aws:apigateway/basePathMapping:BasePathMapping",
    apiMapping: "aws:apigatewayv2/apiMapping:ApiMapping",
    distribution: "aws:cloudfront/distribution:Distribution",
    accessAssociation: "aws:apigateway/domainNameAccessAssociation:DomainNameAccessAssociation",
    loadBalancer: "aws:lb/loadBalancer:LoadBalancer",
    listener: "aws:lb/listener:Listener",
    vpcEndpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    provider: "pulumi:providers:aws",
    stack: "pulumi:pulumi:Stack",
} as const;

/** Runs a program (update view unless `preview`), failing the test if the program itself fails. */
export async function plan(program: () => unknown, options: RunOptions = {}): Promise<RunResult> {
    const result = await runProgram(program, { config: { "aws:region": "us-west-2" }, ...options });
    if (result.error) throw result.error;
    return result;
}

/** Runs a program that must be rejected: returns the error message, and checks nothing but the stack was registered. */
export async function rejected(program: () => unknown, options: RunOptions = {}): Promise<string> {
    const result = await runProgram(program, { config: { "aws:region": "us-west-2" }, ...options });
    assert.ok(result.error, "expected the program to be rejected, but it ran");
    const registered = result.resources.filter((r) => r.type !== T.stack);
    assert.deepStrictEqual(registered.map((r) => `${r.type} ${r.name}`), [], "nothing may be registered for bad input");
    return result.error!.message;
}

export function ofType(result: RunResult, type: string): RecordedResource[] {
    return result.resources.filter((r) => r.type === type);
}

/** The one resource of a type (and name, when given); fails when there is not exactly one. */
export function one(result: RunResult, type: string, name?: string): RecordedResource {
    const found = ofType(result, type).filter((r) => name === undefined || r.name === name);
    assert.strictEqual(found.length, 1, `expected one ${type}${name ? ` named ${name}` : ""}, found ${found.map((r) => r.name).join(", ") || "none"}`);
    return found[0];
}

export function byUrn(result: RunResult, urn: string): RecordedResource {
    const r = result.resources.find((x) => x.urn === urn);
    assert.ok(r, `no resource ${urn}`);
    return r!;
}

/** URNs a resource's property depends on (as the engine records them). */
export function propertyDeps(r: RecordedResource, property: string): string[] {
    return r.propertyDependencies[property] ?? [];
}

/** What a run of the plan command gave: its exit status and both streams. */
export interface CliRun {
    code: number | null;
    stdout: string;
    stderr: string;
}

/**
 * Runs `npm run plan -- <args>` as users type it at the repository root (tsx on offline/cli.ts),
 * in a child process, without npm's own start-up.
 */
export function runPlanCommand(args: string[]): Promise<CliRun> {
    const root = path.join(__dirname, "..");
    return new Promise((resolve, reject) => {
        const env = { ...process.env };
        // Paths are absolute; a stale INIT_CWD from an outer npm must not matter either way.
        delete env["INIT_CWD"];
        const child = spawn(process.execPath, ["--require", require.resolve("tsx/cjs"), path.join(root, "offline", "cli.ts"), ...args], { cwd: root, env });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
}
