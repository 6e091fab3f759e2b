import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
    RecordedResource,
    RunResult,
    UNKNOWN,
    byType,
    childrenOf,
    effectiveRegion,
    findResource,
    isUnknown,
    runProgram,
    runProgramAt,
} from "../../offline/engine";
import { withAwsRegionFromEnvironment } from "./environment";

const ZONE = "aws:route53/zone:Zone";
const RECORD = "aws:route53/record:Record";
const CERT = "aws:acm/certificate:Certificate";

function must(result: RunResult, type: string, name: string): RecordedResource {
    const found = findResource(result, type, name);
    assert.ok(found, `no ${type} named ${name}; registered: ${result.resources.map((r) => `${r.type} ${r.name}`).join(", ")}`);
    return found;
}

class Box extends pulumi.ComponentResource {
    readonly zoneId: pulumi.Output<string>;
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("test:index:Box", name, {}, opts);
        const zone = new aws.route53.Zone(`${name}-zone`, { name: "example.com" }, { parent: this });
        this.zoneId = zone.zoneId;
        this.registerOutputs({ zoneId: zone.zoneId });
    }
}

describe("offline engine", () => {
    withAwsRegionFromEnvironment("us-east-1");

    it("records the stack, parents, explicit providers and the provider's region", async () => {
        const result = await runProgram(() => {
            const provider = new aws.Provider("use1", { region: "us-east-1" });
            const box = new Box("box");
            new aws.acm.Certificate("cert", { domainName: "example.com", validationMethod: "DNS" }, { parent: box, provider });
        });
        assert.ifError(result.error);
        const stack = result.resources[0];
        assert.strictEqual(stack.type, "pulumi:pulumi:Stack");
        const box = must(result, "test:index:Box", "box");
        assert.strictEqual(box.custom, false);
        assert.strictEqual(box.parent, stack.urn);
        assert.deepStrictEqual(childrenOf(result, box).map((r) => r.name).sort(), ["box-zone", "cert"]);
        const provider = must(result, "pulumi:providers:aws", "use1");
        const cert = must(result, CERT, "cert");
        assert.strictEqual(cert.providerUrn, provider.urn);
        assert.strictEqual(cert.provider, `${provider.urn}::${provider.id}`);
        assert.strictEqual(cert.region, "us-east-1");
        assert.strictEqual(provider.region, "us-east-1");
        assert.strictEqual(must(result, ZONE, "box-zone").region, undefined, "Route 53 zones are global");
        assert.strictEqual(must(result, ZONE, "box-zone").provider, undefined);
    });

    it("names resources with the URNs the Pulumi engine gives them", async () => {
        const result = await runProgram(
            () => {
                const outer = new pulumi.ComponentResource("test:index:Outer", "outer");
                new Box("inner", { parent: outer });
                new aws.Provider("use1", { region: "us-east-1" });
            },
            { project: "shop", stack: "prod" },
        );
        assert.ifError(result.error);
        assert.deepStrictEqual(
            result.resources.map((r) => r.urn).sort(),
            [
                "urn:pulumi:prod::shop::pulumi:pulumi:Stack::shop-prod",
                "urn:pulumi:prod::shop::test:index:Outer::outer",
                "urn:pulumi:prod::shop::test:index:Outer$test:index:Box::inner",
                "urn:pulumi:prod::shop::pulumi:providers:aws::use1",
                "urn:pulumi:prod::shop::test:index:Outer$test:index:Box$aws:route53/zone:Zone::inner-zone",
            ].sort(),
        );
        assert.deepStrictEqual(must(result, "test:index:Box", "inner").outputs, { zoneId: must(result, ZONE, "inner-zone").outputs.zoneId });
    });

    it("records dependencies and, per property, the resources a value came from", async () => {
        const result = await runProgram(() => {
            const zone = new aws.route53.Zone("zone", { name: "example.com" });
            const cert = new aws.acm.Certificate("cert", { domainName: "example.com", validationMethod: "DNS" });
            const option = cert.domainValidationOptions[0];
            new aws.route53.Record(
                "validation",
                { zoneId: zone.zoneId, name: option.resourceRecordName, type: option.resourceRecordType, records: [option.resourceRecordValue], ttl: 60 },
                { dependsOn: [cert] },
            );
        });
        assert.ifError(result.error);
        const zone = must(result, ZONE, "zone");
        const cert = must(result, CERT, "cert");
        const record = must(result, RECORD, "validation");
        assert.deepStrictEqual(record.propertyDependencies.zoneId, [zone.urn]);
        assert.deepStrictEqual(record.propertyDependencies.records, [cert.urn]);
        assert.deepStrictEqual(record.propertyDependencies.ttl, []);
        assert.deepStrictEqual([...record.dependencies].sort(), [cert.urn, zone.urn].sort());
        assert.strictEqual(record.inputs.zoneId, zone.outputs.zoneId);
        assert.strictEqual(record.inputs.records[0], cert.outputs.domainValidationOptions[0].resourceRecordValue);
    });

    it("records resource options: deleteBeforeReplace, protect, ignoreChanges, aliases and secrets", async () => {
        const result = await runProgram(() => {
            new aws.apigateway.DomainName(
                "domain",
                { domainName: "api.example.com", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/x", certificateBody: pulumi.secret("body") },
                { deleteBeforeReplace: true, protect: true, ignoreChanges: ["tags"], aliases: [{ name: "old-domain" }] },
            );
            new aws.route53.Zone("plain", { name: "example.com" });
        });
        assert.ifError(result.error);
        const domain = must(result, "aws:apigateway/domainName:DomainName", "domain");
        assert.strictEqual(domain.deleteBeforeReplace, true);
        assert.strictEqual(domain.protect, true);
        assert.deepStrictEqual(domain.ignoreChanges, ["tags"]);
        assert.deepStrictEqual(domain.aliases, [domain.urn.replace(/::domain$/, "::old-domain")]);
        assert.deepStrictEqual(domain.secretInputs, ["certificateBody"]);
        assert.strictEqual(domain.inputs.certificateBody, "body");
        const zone = must(result, ZONE, "plain");
        assert.strictEqual(zone.deleteBeforeReplace, undefined);
        assert.strictEqual(zone.protect, undefined);
        assert.strictEqual(zone.aliases, undefined);
    });

    it("records invokes with their arguments, provider and answer, and the stack and component outputs", async () => {
        const result = await runProgram(() => {
            const dns = new aws.Provider("dns", { region: "us-east-1" });
            const zone = aws.route53.getZoneOutput({ name: "example.com", privateZone: false }, { provider: dns });
            const box = new Box("box");
            return { zoneId: zone.zoneId, boxZone: box.zoneId };
        });
        assert.ifError(result.error);
        const lookup = result.invokes.find((i) => i.token === "aws:route53/getZone:getZone");
        assert.ok(lookup);
        assert.deepStrictEqual(lookup.args, { name: "example.com", privateZone: false });
        assert.strictEqual(lookup.provider?.split("::").slice(0, -1).join("::"), must(result, "pulumi:providers:aws", "dns").urn);
        assert.strictEqual(result.stackOutputs.zoneId, lookup.result.zoneId);
        assert.strictEqual(result.stackOutputs.boxZone, must(result, ZONE, "box-zone").outputs.zoneId);
        assert.deepStrictEqual(must(result, "test:index:Box", "box").outputs, { zoneId: result.stackOutputs.boxZone });
        assert.ok(!result.invokes.some((i) => i.token.startsWith("pulumi:")), "SDK-internal lookups are not recorded");
    });

    it("records a read of an existing resource with the id it was read by", async () => {
        const result = await runProgram(() => {
            aws.route53.Zone.get("existing", "Z0EXISTING1234567890");
        });
        assert.ifError(result.error);
        const zone = must(result, ZONE, "existing");
        assert.strictEqual(zone.read, true);
        assert.strictEqual(zone.id, "Z0EXISTING1234567890");
        assert.strictEqual(zone.outputs.zoneId, "Z0EXISTING1234567890");
    });

    it("gives config to the program, un-namespaced keys in the project's namespace, and none to the next run", async () => {
        const read = () => ({ domain: new pulumi.Config().get("domain"), region: new pulumi.Config("aws").get("region"), project: pulumi.getProject() });
        const first = await runProgram(read, { project: "shop", config: { domain: "api.example.com", "aws:region": "eu-west-3" } });
        assert.deepStrictEqual(first.stackOutputs, { domain: "api.example.com", region: "eu-west-3", project: "shop" });
        const second = await runProgram(read);
        assert.deepStrictEqual(second.stackOutputs, { project: "project" });
    });

    it("keeps runs started together apart", async () => {
        const program = () => {
            const cert = new aws.acm.Certificate("cert", { domainName: "example.com", validationMethod: "DNS" });
            return { arn: cert.arn };
        };
        const [a, b] = await Promise.all([
            runProgram(program, { config: { "aws:region": "eu-west-1" } }),
            runProgram(program, { config: { "aws:region": "ap-northeast-1" } }),
        ]);
        assert.strictEqual(a.stackOutputs.arn.split(":")[3], "eu-west-1");
        assert.strictEqual(b.stackOutputs.arn.split(":")[3], "ap-northeast-1");
        assert.strictEqual(byType(a, CERT).length, 1);
        assert.strictEqual(byType(b, CERT).length, 1);
    });

    it("leaves the caller's own Pulumi runtime state (config, mocks) as it was", async () => {
        // A test file that set up mocks of its own, then plans a program in the same process.
        const sdk = globalThis as { globalStore?: unknown };
        const before = sdk.globalStore;
        sdk.globalStore = undefined;
        try {
            await pulumi.runtime.setMocks({ newResource: (a) => ({ id: `mine-${a.name}`, state: a.inputs }), call: () => ({}) }, "outer", "outerstack");
            pulumi.runtime.setConfig("outer:tier", "gold");
            const inner = await runProgram(() => ({ tier: new pulumi.Config().get("tier"), project: pulumi.getProject() }), {
                project: "inner", config: { tier: "silver" },
            });
            assert.deepStrictEqual(inner.stackOutputs, { tier: "silver", project: "inner" });
            assert.strictEqual(pulumi.getProject(), "outer");
            assert.strictEqual(new pulumi.Config("outer").get("tier"), "gold");
            const zone = new aws.route53.Zone("after-the-run", { name: "example.com" });
            assert.strictEqual(await new Promise((resolve) => zone.id.apply(resolve)), "mine-after-the-run");
        } finally {
            sdk.globalStore = before;
        }
    });

    it("puts the SDK's leak tracking, source positions and logging back after a run, and keeps the program's stacks", async () => {
        const debuggable = require("@pulumi/pulumi/runtime/debuggable") as { debuggablePromise: unknown };
        const settings = require("@pulumi/pulumi/runtime/settings") as { getEngine: unknown };
        const resource = pulumi.Resource as unknown as { callsites: unknown };
        const before = [debuggable.debuggablePromise, resource.callsites, pulumi.log.debug, settings.getEngine];
        const sdkGlobals = globalThis as { stackResource?: unknown };
        const stackBefore = sdkGlobals.stackResource;
        let during: unknown[] = [];
        const result = await runProgram(() => {
            during = [debuggable.debuggablePromise, resource.callsites, pulumi.log.debug, settings.getEngine];
            pulumi.log.debug("not recorded");
            new aws.route53.Zone("zone", { name: "example.com" });
            throw new Error("thrown by the program");
        });
        assert.deepStrictEqual([debuggable.debuggablePromise, resource.callsites, pulumi.log.debug, settings.getEngine], before);
        // The run's stack (and through it every resource of the run) is not kept alive after it.
        assert.strictEqual(sdkGlobals.stackResource, stackBefore);
        // The run itself used lighter stand-ins for all four.
        during.forEach((f, i) => assert.notStrictEqual(f, before[i], `SDK hook ${i} was not replaced during the run`));
        assert.deepStrictEqual(result.diagnostics, []);
        assert.ok(findResource(result, ZONE, "zone"));
        assert.match(result.error?.stack ?? "", /engine\.test\.ts/);
    });

    it("answers a registration on a later turn of the event loop, as a real engine's gRPC answer arrives", async () => {
        let answeredWithinTheTurn: boolean | undefined;
        const result = await runProgram(async () => {
            const zone = new aws.route53.Zone("zone", { name: "example.com" });
            let answered = false;
            zone.id.apply(() => (answered = true));
            // Plenty of promise jobs: an answer given within this turn would have arrived by now.
            for (let i = 0; i < 5000; i++) await Promise.resolve();
            answeredWithinTheTurn = answered;
            await new Promise((resolve) => setImmediate(resolve));
        });
        assert.ifError(result.error);
        assert.strictEqual(answeredWithinTheTurn, false);
        assert.ok(findResource(result, ZONE, "zone")?.id);
    });

    it("plans in a process the Pulumi CLI started (PULUMI_NODEJS_ENGINE set) without reaching for that engine", async () => {
        const before = process.env["PULUMI_NODEJS_ENGINE"];
        // Nothing listens there: a client the SDK opened to it would fail the run.
        process.env["PULUMI_NODEJS_ENGINE"] = "127.0.0.1:1";
        try {
            const result = await runProgram(() => {
                pulumi.log.info("recorded, not sent");
                new aws.route53.Zone("zone", { name: "example.com" });
            });
            assert.ifError(result.error);
            assert.ok(findResource(result, ZONE, "zone"));
            assert.deepStrictEqual(result.diagnostics.map((d) => d.message), ["recorded, not sent"]);
        } finally {
            if (before === undefined) delete process.env["PULUMI_NODEJS_ENGINE"];
            else process.env["PULUMI_NODEJS_ENGINE"] = before;
        }
    });

    it("keeps the resource modules packages register, those loaded before a run and those loaded during it", async () => {
        let awsModuleDuringRun = false;
        const result = await runProgram(() => {
            awsModuleDuringRun = pulumi.runtime.getResourceModule("aws", "route53/zone", undefined) !== undefined;
            // What a package does when its module is first loaded (during a run, for a program that imports it).
            pulumi.runtime.registerResourceModule("engine-test", "widgets", {
                version: "1.0.0",
                construct: (name, _type, urn) => new Box(name, { urn }),
            });
        });
        assert.ifError(result.error);
        assert.ok(awsModuleDuringRun, "the aws package's modules, loaded before the run, were not visible in it");
        assert.ok(pulumi.runtime.getResourceModule("engine-test", "widgets", undefined), "the module registered during the run was lost");
    });

    it("does not report an abandoned program's later work as the caller's leaked promises", async () => {
        const state = require("@pulumi/pulumi/runtime/state") as { getStore(): { leakCandidates: Set<unknown> } };
        const leaksBefore = state.getStore().leakCandidates.size;
        const result = await runProgram(() => {
            // After the timeout, a timer registers a resource whose input never resolves.
            setTimeout(() => new aws.route53.Zone("late", { name: new Promise<string>(() => undefined) }), 150);
            return new Promise(() => undefined);
        }, { timeoutMs: 50 });
        assert.match(result.error?.message ?? "", /did not finish within 50 ms/);
        await new Promise((resolve) => setTimeout(resolve, 300));
        // The SDK's exit handler would print these as leaks and fail the process.
        assert.strictEqual(state.getStore().leakCandidates.size, leaksBefore);
    });

    it("runs inside a caller's own async-local runtime state (the Automation API's way)", async () => {
        const state = require("@pulumi/pulumi/runtime/state") as { withLocalStorage<T>(f: () => T): T };
        let result: RunResult;
        try {
            result = await state.withLocalStorage(() => runProgram(() => {
                pulumi.log.warn("from inside");
                const cert = new aws.acm.Certificate("cert", { domainName: "example.com", validationMethod: "DNS" });
                return { arn: cert.arn };
            }, { config: { "aws:region": "sa-east-1" } }));
        } finally {
            // Switch Node.js's promise hooks off again, so the tests after this one do not pay for them.
            (globalThis as unknown as { asyncLocalStorage: { disable(): void } }).asyncLocalStorage.disable();
        }
        assert.ifError(result.error);
        assert.strictEqual(result.stackOutputs.arn.split(":")[3], "sa-east-1");
        assert.deepStrictEqual(result.diagnostics.map((d) => d.message), ["from inside"]);
    });

    it("returns a program's exception with what it registered so far, and the next run is clean", async () => {
        const failed = await runProgram(() => {
            new aws.route53.Zone("before", { name: "example.com" });
            throw new Error("bad input: no domain");
        });
        assert.ok(failed.error);
        assert.strictEqual(failed.error.message, "bad input: no domain");
        assert.ok(findResource(failed, ZONE, "before"));

        const clean = await runProgram(() => {
            new aws.route53.Zone("after", { name: "example.com" });
        });
        assert.ifError(clean.error);
        assert.deepStrictEqual(byType(clean, ZONE).map((r) => r.name), ["after"]);
    });

    it("returns an error thrown inside an apply without registering what depended on it", async () => {
        const result = await runProgram(() => {
            const zone = new aws.route53.Zone("zone", { name: "example.com" });
            const name = zone.zoneId.apply((): string => {
                throw new Error("failed inside apply");
            });
            new aws.route53.Record("record", { zoneId: zone.zoneId, name, type: "A", ttl: 60, records: ["192.0.2.1"] });
        });
        assert.ok(result.error);
        assert.match(result.error.message, /failed inside apply/);
        assert.ok(findResource(result, ZONE, "zone"));
        assert.strictEqual(findResource(result, RECORD, "record"), undefined);
    });

    it("returns an error thrown inside an apply that nothing uses", async () => {
        const result = await runProgram(() => {
            const zone = new aws.route53.Zone("zone", { name: "example.com" });
            zone.zoneId.apply(() => {
                throw new Error("nobody awaits this");
            });
        });
        assert.ok(result.error);
        assert.strictEqual(result.error.message, "nobody awaits this");
    });

    it("fails a program that logs an error, and keeps its messages", async () => {
        const result = await runProgram(() => {
            pulumi.log.warn("careful");
            pulumi.log.error("the domain is taken");
        });
        assert.ok(result.error);
        assert.match(result.error.message, /the domain is taken/);
        assert.deepStrictEqual(
            result.diagnostics.map((d) => [d.severity, d.message]),
            [
                ["warning", "careful"],
                ["error", "the domain is taken"],
            ],
        );
    });

    it("gives up on a program that never finishes", async () => {
        const result = await runProgram(() => new Promise(() => undefined), { timeoutMs: 200 });
        assert.ok(result.error);
        assert.match(result.error.message, /did not finish within 200 ms/);
    });

    it("plans a preview without crashing, with unknowns marked as UNKNOWN", async () => {
        const result = await runProgram(
            () => {
                const provider = new aws.Provider("use1", { region: "us-east-1" });
                const cert = new aws.acm.Certificate("cert", { domainName: "example.com", validationMethod: "DNS" }, { provider });
                const validation = new aws.acm.CertificateValidation("validation", { certificateArn: cert.arn }, { provider });
                new aws.apigateway.DomainName("domain", { domainName: "example.com", certificateArn: validation.certificateArn });
                return { arn: cert.arn };
            },
            { preview: true, config: { "aws:region": "eu-west-1" } },
        );
        assert.ifError(result.error);
        const validation = must(result, "aws:acm/certificateValidation:CertificateValidation", "validation");
        assert.ok(isUnknown(validation.inputs.certificateArn));
        assert.strictEqual(validation.region, "us-east-1");
        assert.deepStrictEqual(validation.propertyDependencies.certificateArn, [must(result, CERT, "cert").urn]);
        assert.strictEqual(must(result, "pulumi:providers:aws", "use1").id, undefined);
        assert.strictEqual(result.stackOutputs.arn, UNKNOWN);
        assert.strictEqual(effectiveRegion(must(result, "aws:apigateway/domainName:DomainName", "domain")), "eu-west-1");
    });

    it("tells a resource's region from its ARN when it has no recorded region", () => {
        const resource: RecordedResource = {
            urn: "urn:pulumi:dev::p::x:y:Z::z",
            type: "x:y:Z",
            name: "z",
            custom: true,
            inputs: {},
            outputs: { arn: "arn:aws:acm:ca-central-1:123456789012:certificate/x" },
            dependencies: [],
            propertyDependencies: {},
        };
        assert.strictEqual(effectiveRegion(resource), "ca-central-1");
        assert.strictEqual(effectiveRegion({ ...resource, outputs: { arn: UNKNOWN } }), undefined);
    });

    describe("runProgramAt", () => {
        let dir: string;
        const awsPath = JSON.stringify(require.resolve("@pulumi/aws"));
        const pulumiPath = JSON.stringify(require.resolve("@pulumi/pulumi"));

        beforeEach(() => {
            dir = fs.mkdtempSync(path.join(os.tmpdir(), "offline-engine-"));
        });
        afterEach(() => {
            fs.rmSync(dir, { recursive: true, force: true });
        });

        it("runs a project directory with its name, config defaults, stack config and overrides, twice", async () => {
            fs.writeFileSync(
                path.join(dir, "Pulumi.yaml"),
                [
                    "name: storefront",
                    "runtime: nodejs",
                    "config:",
                    "  aws:region: eu-west-1",
                    "  domain:",
                    "    type: string",
                    "    default: shop.example.com",
                    "  storefront:zone:",
                    "    value: example.com",
                    "  storefront:ttl: 300",
                ].join("\n"),
            );
            fs.writeFileSync(path.join(dir, "Pulumi.prod.yaml"), ["config:", "  storefront:zone: example.org"].join("\n"));
            fs.writeFileSync(
                path.join(dir, "index.ts"),
                [
                    `const aws = require(${awsPath});`,
                    `const pulumi = require(${pulumiPath});`,
                    "const config = new pulumi.Config();",
                    `const cert = new aws.acm.Certificate("cert", { domainName: config.require("domain"), validationMethod: "DNS" });`,
                    "export const arn = cert.arn;",
                    `export const zone = config.require("zone");`,
                    `export const ttl = config.requireNumber("ttl");`,
                    "export const project = pulumi.getProject();",
                ].join("\n"),
            );
            const first = await runProgramAt(dir);
            assert.ifError(first.error);
            assert.strictEqual(first.stackOutputs.project, "storefront");
            assert.strictEqual(first.stackOutputs.zone, "example.com");
            assert.strictEqual(first.stackOutputs.ttl, 300);
            assert.strictEqual(first.stackOutputs.arn.split(":")[3], "eu-west-1");
            assert.strictEqual(must(first, CERT, "cert").inputs.domainName, "shop.example.com");

            const second = await runProgramAt(dir, { stack: "prod", config: { "aws:region": "us-west-1", domain: "www.example.com" } });
            assert.ifError(second.error);
            assert.strictEqual(byType(second, CERT).length, 1, "the program runs again");
            assert.strictEqual(second.stackOutputs.zone, "example.org");
            assert.strictEqual(second.stackOutputs.arn.split(":")[3], "us-west-1");
            assert.strictEqual(must(second, CERT, "cert").inputs.domainName, "www.example.com");
        });

        it("runs the main file a Pulumi.yaml names, and a program file given directly", async () => {
            fs.mkdirSync(path.join(dir, "src"));
            fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: mainprog\nruntime: nodejs\nmain: src/program.js\n");
            fs.writeFileSync(
                path.join(dir, "src", "program.js"),
                `const aws = require(${awsPath});\nmodule.exports = async () => { const z = new aws.route53.Zone("z", { name: "example.net" }); return { id: z.zoneId }; };\n`,
            );
            const viaProject = await runProgramAt(dir);
            assert.ifError(viaProject.error);
            assert.match(viaProject.stackOutputs.id, /^Z/);
            assert.strictEqual(viaProject.resources[0].urn, "urn:pulumi:dev::mainprog::pulumi:pulumi:Stack::mainprog-dev");

            const viaFile = await runProgramAt(path.join(dir, "src", "program.js"), { preview: true });
            assert.ifError(viaFile.error);
            assert.strictEqual(viaFile.stackOutputs.id, UNKNOWN);
        });

        it("returns the error of a program file that fails to load, or of a project file that does not parse", async () => {
            fs.writeFileSync(path.join(dir, "index.js"), `throw new Error("cannot load");\n`);
            const result = await runProgramAt(dir);
            assert.ok(result.error);
            assert.strictEqual(result.error.message, "cannot load");

            fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: broken\ndescription: a: b\n");
            const broken = await runProgramAt(dir);
            assert.ok(broken.error);
            assert.match(broken.error.message, /Pulumi\.yaml: /);
            assert.deepStrictEqual(broken.resources, []);
        });
    });
});
