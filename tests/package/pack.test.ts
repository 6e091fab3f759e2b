// The npm package as a user gets it: built and packed from a copy of this checkout (so the
// checkout's own bin/ is never touched), its file list checked, then installed into a temporary
// project where a TypeScript program is compiled against its declarations (through `exports`)
// and run under mocks, and where the policy pack it ships is started the way the Pulumi CLI
// starts it. Nothing is downloaded: the package's dependencies are linked from this checkout's
// node_modules, in the layout `npm install <tarball>` produces.
//
// Slow by nature (a full build and a compile against @pulumi/aws's declarations): about 20 s.

import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkShippedPack } from "./shipped-pack";

const ROOT = path.join(__dirname, "..", "..");
const NODE_MODULES = path.join(ROOT, "node_modules");
const TSC = path.join(NODE_MODULES, "typescript", "bin", "tsc");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

/** What the checkout holds but a copy for packing does not need (or must not see). */
const NOT_STAGED = new Set(["node_modules", ".git", "bin", ".scratch", ".pulumi"]);

function run(command: string, args: string[], cwd: string): string {
    const result = spawnSync(command, args, { cwd, encoding: "utf8", shell: process.platform === "win32", maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) {
        throw new Error(`${command} ${args.join(" ")} failed in ${cwd} (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
    }
    return result.stdout;
}

function link(target: string, at: string): void {
    fs.mkdirSync(path.dirname(at), { recursive: true });
    fs.symlinkSync(target, at, process.platform === "win32" ? "junction" : "dir");
}

/** Every file under `dir`, as forward-slash paths relative to it. */
function listFiles(dir: string, prefix = ""): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]);
}

/** The files a source module should compile to. */
function compiledFrom(sourceDir: string, into: string, declarations = true): string[] {
    return listFiles(path.join(ROOT, sourceDir))
        .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
        .flatMap((f) => [`${into}/${f.replace(/\.ts$/, ".js")}`, ...(declarations ? [`${into}/${f.replace(/\.ts$/, ".d.ts")}`] : [])]);
}

/** A program a TypeScript user writes against the installed package, under mocks; it prints what it saw as JSON. */
const CONSUMER_PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import { ApiType, CloudFrontDomain, DomainConfigError, EdgeDomain, RegionalDomain, RegionalSecurityPolicy } from "apigw-domains";

const registered: { type: string; name: string; inputs: Record<string, any> }[] = [];
pulumi.runtime.setMocks({
    newResource(args: pulumi.runtime.MockResourceArgs) {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        const state: Record<string, unknown> = { ...args.inputs, arn: "arn:aws:mock:eu-west-1:123456789012:" + args.name };
        if (args.type === "aws:acm/certificate:Certificate") {
            state.arn = "arn:aws:acm:" + (args.inputs.region ?? "eu-west-1") + ":123456789012:certificate/" + args.name;
            state.domainValidationOptions = [args.inputs.domainName, ...(args.inputs.subjectAlternativeNames ?? [])].map((d: string) => ({
                domainName: d, resourceRecordName: "_x." + d + ".", resourceRecordType: "CNAME", resourceRecordValue: "_y.acm-validations.aws.",
            }));
        }
        if (args.type === "aws:apigatewayv2/domainName:DomainName") {
            state.domainNameConfiguration = { ...args.inputs.domainNameConfiguration, targetDomainName: "d-abc.execute-api.eu-west-1.amazonaws.com", hostedZoneId: "ZREGIONAL" };
        }
        if (args.type === "aws:cloudfront/distribution:Distribution") state.domainName = "d111.cloudfront.net";
        return { id: args.name + "-id", state };
    },
    call(args: pulumi.runtime.MockCallArgs) {
        return args.token === "aws:route53/getZone:getZone" ? { id: "ZMOCK", zoneId: "ZMOCK", name: args.inputs.name } : args.inputs;
    },
}, "consumer", "dev", false);

function value<T>(o: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => o.apply(resolve));
}

async function main() {
    const api = new RegionalDomain("api", {
        domainName: "api.example.com",
        apiType: ApiType.Http,
        region: "eu-west-1",
        securityPolicy: RegionalSecurityPolicy.TLS_1_2,
        mappings: [{ apiId: "httpapi001", stage: "$default", basePath: "v1" }],
    }, { transform: { domainNameV2: (a) => { a.tags = { team: "consumer" }; } } });
    const cdn = new CloudFrontDomain("cdn", { domainName: "cdn.example.com", region: "eu-west-1" });

    let rejected = "";
    let rejectedType = "";
    try {
        new EdgeDomain("bad", { domainName: "API.example.com" });
    } catch (e) {
        rejected = (e as Error).message;
        rejectedType = e instanceof DomainConfigError ? "DomainConfigError" : "other";
    }
    let deepImport = "allowed";
    try {
        require.resolve("apigw-domains/bin/components/edge-domain");
    } catch (e) {
        deepImport = (e as NodeJS.ErrnoException).code ?? "error";
    }

    const [urls, url, certificateArn, cdnTarget] = await Promise.all([value(api.urls), value(api.url), value(api.certificateArn), value(cdn.targetDomainName)]);
    const domain = registered.find((r) => r.type === "aws:apigatewayv2/domainName:DomainName" && r.name === "api-domain");
    console.log(JSON.stringify({
        urls, url, certificateArn, cdnTarget, rejected, rejectedType, deepImport,
        domainTags: domain?.inputs.tags,
        nodesDomainIsResource: pulumi.CustomResource.isInstance(api.nodes.domain),
        components: registered.filter((r) => r.type.startsWith("apigw-domains:")).map((r) => r.type + " " + r.name).sort(),
    }));
}

main().catch((e) => { console.error(e); process.exit(1); });
`;

describe("npm package (npm pack, installed into a fresh project)", function () {
    // Two compiles (the package, then the self-contained pack) and an npm pack: well within a
    // minute alone, but a loaded machine (parallel test runs) can take several.
    this.timeout(300_000);
    let work: string;
    let files: string[];
    let installed: string;

    before(function () {
        work = fs.mkdtempSync(path.join(os.tmpdir(), "apigw-domains-pack-"));
        const stage = path.join(work, "checkout");
        fs.cpSync(ROOT, stage, { recursive: true, filter: (src) => !NOT_STAGED.has(path.basename(src)) && !src.endsWith(".tgz") });
        link(NODE_MODULES, path.join(stage, "node_modules"));

        run("npm", ["run", "build", "--silent"], stage);
        const [packed] = JSON.parse(run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], stage)) as
            { filename: string; files: { path: string }[] }[];
        files = packed.files.map((f) => f.path).sort();

        // `npm install <tarball>`'s layout, with the dependencies taken from this checkout.
        const consumer = path.join(work, "consumer");
        installed = path.join(consumer, "node_modules", "apigw-domains");
        fs.mkdirSync(installed, { recursive: true });
        run("tar", ["-xzf", path.join(work, packed.filename), "-C", installed, "--strip-components=1"], work);
        const installedPkg = JSON.parse(fs.readFileSync(path.join(installed, "package.json"), "utf8"));
        const tops = new Set([...Object.keys(installedPkg.dependencies ?? {}), "@types/node"].map((d) => d.split("/")[0]));
        for (const top of tops) link(path.join(NODE_MODULES, top), path.join(consumer, "node_modules", top));
        fs.writeFileSync(path.join(consumer, "package.json"), JSON.stringify({
            name: "consumer", private: true, dependencies: { "apigw-domains": `file:../${packed.filename}` },
        }, null, 2));
    });

    after(function () {
        if (work) fs.rmSync(work, { recursive: true, force: true });
    });

    it("declares its entry points in package.json: main, types, exports and the files to publish", () => {
        assert.strictEqual(pkg.main, "bin/index.js");
        assert.strictEqual(pkg.types, "bin/index.d.ts");
        assert.deepStrictEqual(pkg.exports?.["."], { types: "./bin/index.d.ts", default: "./bin/index.js" });
        assert.ok(Array.isArray(pkg.files) && pkg.files.length > 0, "package.json needs a files list");
        assert.strictEqual(pkg.license, "Apache-2.0");
    });

    it("ships the compiled package with its declarations, the policy pack, the README and the LICENSE", () => {
        const expected = [
            "LICENSE", "README.md", "package.json",
            "bin/index.js", "bin/index.d.ts",
            ...compiledFrom("components", "bin/components"),
            ...compiledFrom("aws", "bin/aws"),
            // The pack carries its own compiled copy of the rulebook, so bin/policy stands alone.
            ...compiledFrom("policy", "bin/policy/policy", false),
            "bin/policy/aws/apigateway.js", "bin/policy/aws/cloudfront.js",
            "bin/policy/package.json", "bin/policy/PulumiPolicy.yaml",
        ];
        const missing = expected.filter((f) => !files.includes(f));
        assert.deepStrictEqual(missing, [], "missing from the package");
    });

    it("ships nothing else: no sources, tests, examples, maps or development files", () => {
        const allowed = [
            /^(LICENSE|README\.md|package\.json)$/,
            /^bin\/index\.(js|d\.ts)$/,
            /^bin\/(components|aws)\/[a-z0-9-]+\.(js|d\.ts)$/,
            /^bin\/policy\/(policy|aws)\/([a-z0-9-]+\/)*[a-z0-9-]+\.js$/,
            /^bin\/policy\/(package\.json|PulumiPolicy\.yaml|README\.md|policy-config\.example\.json)$/,
        ];
        const unexpected = files.filter((f) => !allowed.some((re) => re.test(f)));
        assert.deepStrictEqual(unexpected, []);
    });

    it("ships a policy pack whose version is the package's, as `pulumi policy publish` reads it", () => {
        const shipped = JSON.parse(fs.readFileSync(path.join(installed, "bin", "policy", "package.json"), "utf8"));
        const source = JSON.parse(fs.readFileSync(path.join(ROOT, "policy", "package.json"), "utf8"));
        assert.strictEqual(source.version, pkg.version, "policy/package.json's version must follow the package's");
        assert.strictEqual(shipped.version, pkg.version);
        assert.strictEqual(shipped.main, "policy/index.js");
        assert.ok(fs.existsSync(path.join(installed, "bin", "policy", shipped.main)));
        assert.match(fs.readFileSync(path.join(installed, "bin", "policy", "PulumiPolicy.yaml"), "utf8"), /^runtime: nodejs$/m);
    });

    it("compiles a TypeScript program against the installed declarations and runs it under mocks", () => {
        const consumer = path.join(work, "consumer");
        fs.writeFileSync(path.join(consumer, "index.ts"), CONSUMER_PROGRAM);
        fs.writeFileSync(path.join(consumer, "tsconfig.json"), JSON.stringify({
            compilerOptions: {
                strict: true, target: "ES2021", module: "node16", moduleResolution: "node16",
                outDir: "out", skipLibCheck: true, types: ["node"],
            },
            files: ["index.ts"],
        }));
        run(process.execPath, [TSC, "-p", "tsconfig.json"], consumer);
        const seen = JSON.parse(run(process.execPath, [path.join("out", "index.js")], consumer));

        assert.deepStrictEqual(seen.urls, { v1: "https://api.example.com/v1/" });
        assert.strictEqual(seen.url, "https://api.example.com/");
        assert.match(seen.certificateArn, /^arn:aws:acm:eu-west-1:123456789012:certificate\/api-cert-acm$/);
        assert.strictEqual(seen.cdnTarget, "d111.cloudfront.net");
        assert.deepStrictEqual(seen.domainTags, { team: "consumer" }, "a transform given in the options reaches the child");
        assert.strictEqual(seen.nodesDomainIsResource, true);
        assert.match(seen.rejected, /^EdgeDomain "bad": domainName "API\.example\.com" has uppercase letters/);
        assert.strictEqual(seen.rejectedType, "DomainConfigError");
        assert.strictEqual(seen.deepImport, "ERR_PACKAGE_PATH_NOT_EXPORTED", "only the entry point is public");
        assert.deepStrictEqual(seen.components, [
            "apigw-domains:index:Certificate cdn-api-cert",
            "apigw-domains:index:Certificate cdn-cert",
            "apigw-domains:index:CloudFrontDomain cdn",
            "apigw-domains:index:RegionalDomain api",
            "apigw-domains:index:RegionalDomain cdn-origin",
        ]);
    });

    it("starts the shipped policy pack the way the Pulumi CLI does, and it rejects a misconfiguration", async () => {
        await checkShippedPack(path.join(installed, "bin", "policy"), pkg.version);
    });
});
