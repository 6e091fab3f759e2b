/**
 * The offline plan behaves like `pulumi preview` on programs we did not write (issue 14): each
 * block is one way a plan used to differ from what Pulumi does with the same program.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { UNKNOWN, byType, runProgram, runProgramAt } from "../../offline/engine";
import { runnerIn } from "./environment";
import { formatJson, formatTree } from "../../offline/format";
import { planProgram, toAnalyzerResources } from "../../offline/plan";

const FIXTURES = path.join(__dirname, "fixtures");
const ROOT = path.resolve(__dirname, "..", "..");

const { run, ok } = runnerIn("eu-west-1");

/** Whether an Output's value is known to the program (the SDK's own flag). */
function isKnown(output: pulumi.Output<unknown>): Promise<boolean> {
    return (output as unknown as { isKnown: Promise<boolean> }).isKnown;
}

/** A scratch project outside this repository that still resolves this repository's packages. */
function scratchProject(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "offline-plan-"));
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

describe("offline plan: behaves like pulumi preview on programs we did not write", () => {
    describe("values the simulator does not model are unknown, visibly, never undefined", () => {
        it("reports a queue's url and a bucket's website endpoint as unknown, to the program and in the plan", async () => {
            const known: Record<string, boolean> = {};
            const result = await ok(() => {
                const queue = new aws.sqs.Queue("jobs");
                const site = new aws.s3.Bucket("site");
                void isKnown(queue.url).then((k) => (known.url = k));
                return { siteUrl: pulumi.interpolate`http://${site.websiteEndpoint}` };
            });
            const queue = byType(result, "aws:sqs/queue:Queue")[0];
            assert.strictEqual(queue.outputs.url, UNKNOWN);
            assert.ok(queue.unsimulated?.includes("url"), "the plan lists the queue's url as not simulated");
            assert.ok(typeof queue.outputs.arn === "string" && queue.outputs.arn.startsWith("arn:aws:sqs:eu-west-1:"), "what is modelled stays known");
            assert.strictEqual(known.url, false, "the program sees an unknown url, not undefined");
            assert.notStrictEqual(result.stackOutputs.siteUrl, "http://undefined");
        });

        it("answers an invoke it does not model with every result property unknown, and warns", async () => {
            const result = await ok(() => {
                aws.kms.getKeyOutput({ keyId: "alias/app" });
            });
            const call = result.invokes.find((i) => i.token === "aws:kms/getKey:getKey")!;
            assert.strictEqual(call.simulated, false);
            assert.strictEqual(call.result.arn, UNKNOWN);
            assert.strictEqual(call.result.keyState, UNKNOWN);
            assert.ok(result.diagnostics.some((d) => d.severity === "warning" && d.message.includes("aws:kms/getKey:getKey is not simulated")));
        });

        it("computes aws.iam.getPolicyDocument into the JSON the provider builds", async () => {
            const result = await ok(() => {
                const doc = aws.iam.getPolicyDocumentOutput({
                    statements: [
                        { sid: "Read", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::site/*"], principals: [{ type: "Service", identifiers: ["cloudfront.amazonaws.com"] }] },
                        { effect: "Deny", actions: ["s3:*", "s3:PutObject"], resources: ["*"], conditions: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }] },
                    ],
                });
                new aws.iam.Policy("read", { policy: doc.json });
            });
            const policy = JSON.parse(byType(result, "aws:iam/policy:Policy")[0].inputs.policy);
            assert.deepStrictEqual(policy, {
                Version: "2012-10-17",
                Statement: [
                    { Sid: "Read", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::site/*", Principal: { Service: "cloudfront.amazonaws.com" } },
                    { Effect: "Deny", Action: ["s3:*", "s3:PutObject"], Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } },
                ],
            });
        });

        it("models getAmi and ssm.getParameter: an instance gets an ami, a parameter an ARN in the stack's region", async () => {
            const result = await ok(() => {
                const ami = aws.ec2.getAmiOutput({ mostRecent: true, owners: ["amazon"], filters: [{ name: "name", values: ["al2023-ami-*-x86_64"] }] });
                new aws.ec2.Instance("web", { ami: ami.id, instanceType: "t3.micro" });
                const param = aws.ssm.getParameterOutput({ name: "/app/image" });
                return { arn: param.arn };
            });
            assert.match(byType(result, "aws:ec2/instance:Instance")[0].inputs.ami, /^ami-[0-9a-f]{17}$/);
            assert.strictEqual(result.stackOutputs.arn, "arn:aws:ssm:eu-west-1:123456789012:parameter/app/image");
        });

        it("answers role and bucket lookups with what follows from their names, and leaves the rest unknown", async () => {
            const result = await ok(() => {
                const role = aws.iam.getRoleOutput({ name: "deployer" });
                const bucket = aws.s3.getBucketOutput({ bucket: "assets" });
                return { roleArn: role.arn, trust: role.assumeRolePolicy, bucketArn: bucket.arn, regional: bucket.bucketRegionalDomainName, website: bucket.websiteEndpoint };
            });
            assert.strictEqual(result.stackOutputs.roleArn, "arn:aws:iam::123456789012:role/deployer");
            assert.strictEqual(result.stackOutputs.bucketArn, "arn:aws:s3:::assets");
            assert.strictEqual(result.stackOutputs.regional, "assets.s3.eu-west-1.amazonaws.com");
            const calls = result.invokes.filter((i) => i.token === "aws:iam/getRole:getRole" || i.token === "aws:s3/getBucket:getBucket");
            assert.deepStrictEqual(calls.map((c) => [c.result.assumeRolePolicy ?? c.result.websiteEndpoint]), [[UNKNOWN], [UNKNOWN]]);
        });
    });

    describe("failures pulumi preview raises are raised", () => {
        it("fails on two resources with the same URN instead of keeping one", async () => {
            const result = await run(() => {
                new aws.route53.Record("www", { zoneId: "Z1", name: "www.example.com", type: "A", ttl: 60, records: ["192.0.2.1"] });
                new aws.route53.Record("www", { zoneId: "Z1", name: "www.example.com", type: "AAAA", ttl: 60, records: ["2001:db8::1"] });
            });
            assert.match(result.error?.message ?? "", /Duplicate resource URN 'urn:pulumi:dev::project::aws:route53\/record:Record::www'/);
        });

        it("fails when a required input arrives without a value", async () => {
            const result = await run(() => {
                const name = pulumi.output(undefined as unknown as string);
                new aws.route53.Record("www", { zoneId: "Z1", name, type: "A", ttl: 60, records: ["192.0.2.1"] });
            });
            assert.match(result.error?.message ?? "", /aws:route53\/record:Record resource 'www' has a problem: missing required input "name"/);
        });

        it("fails a resource on a default provider that pulumi:disable-default-providers forbids, and accepts an explicit one", async () => {
            const config = { "pulumi:disable-default-providers": '["aws"]' };
            const failed = await run(() => {
                new aws.sqs.Queue("jobs");
            }, { config });
            assert.match(failed.error?.message ?? "", /Default provider for 'aws' disabled\. aws:sqs\/queue:Queue resource 'jobs' must use an explicit provider/);
            await ok(() => {
                const provider = new aws.Provider("eu", { region: "eu-west-1" });
                new aws.sqs.Queue("jobs", {}, { provider });
            }, { config });
        });

        it("fails when no region is configured anywhere, and reads AWS_REGION and AWS_DEFAULT_REGION as the provider does", async () => {
            const program = () => {
                new aws.sqs.Queue("jobs");
            };
            const none = await runProgram(program, { env: {} });
            assert.match(none.error?.message ?? "", /no AWS region is configured/);
            const fromEnv = await runProgram(program, { env: { AWS_REGION: "ap-south-1" } });
            assert.ifError(fromEnv.error);
            assert.strictEqual(byType(fromEnv, "aws:sqs/queue:Queue")[0].region, "ap-south-1");
            const fromDefault = await runProgram(program, { env: { AWS_DEFAULT_REGION: "sa-east-1" } });
            assert.strictEqual(byType(fromDefault, "aws:sqs/queue:Queue")[0].region, "sa-east-1");
        });

        it("refuses a TypeScript program with a type error, as ts-node does, unless type-checking is off", async function () {
            this.timeout(180_000);
            const dir = scratchProject({
                "Pulumi.yaml": "name: type-error\nruntime: nodejs\n",
                "index.ts": 'import * as aws from "@pulumi/aws";\nconst ttl: string = 300;\nnew aws.route53.Record("www", { zoneId: "Z1", name: "www.example.com", type: "CNAME", ttl, records: ["example.com"] });\n',
            });
            const checked = await runProgramAt(dir, { config: { "aws:region": "eu-west-1" } });
            assert.match(checked.error?.message ?? "", /Unable to compile TypeScript:\nindex\.ts\(2,7\): error TS2322: Type 'number' is not assignable to type 'string'/);
            assert.deepStrictEqual(checked.resources, [], "nothing runs");
            const unchecked = await runProgramAt(dir, { config: { "aws:region": "eu-west-1" }, typeCheck: false });
            assert.ifError(unchecked.error);
        });
    });

    describe("the program runs where and as long as Pulumi runs it", () => {
        it("runs in the project's main folder, so relative file reads work from anywhere", async () => {
            const result = await runProgramAt(path.join(FIXTURES, "reads-a-file"), { config: { "aws:region": "eu-west-1" }, typeCheck: false });
            assert.ifError(result.error);
            assert.match(byType(result, "aws:s3/bucketPolicy:BucketPolicy")[0].inputs.policy, /aws:SecureTransport/);
            assert.strictEqual(process.cwd(), ROOT, "the caller's directory is restored");
        });

        it("waits for work started in an apply that nothing exports, and for beforeExit registrations", async () => {
            const listenersBefore = process.listenerCount("beforeExit");
            const result = await ok(() => {
                const vpc = new aws.ec2.Vpc("main", { cidrBlock: "10.0.0.0/16" });
                vpc.id.apply((vpcId) => {
                    const identity = aws.getCallerIdentityOutput();
                    new aws.ec2.SecurityGroup("late", { vpcId, description: identity.accountId });
                });
                process.on("beforeExit", () => {
                    new aws.sqs.Queue("registered-on-exit");
                });
            });
            assert.strictEqual(byType(result, "aws:ec2/securityGroup:SecurityGroup").length, 1);
            assert.strictEqual(byType(result, "aws:ec2/securityGroup:SecurityGroup")[0].inputs.description, "123456789012");
            assert.strictEqual(byType(result, "aws:sqs/queue:Queue").length, 1);
            assert.strictEqual(process.listenerCount("beforeExit"), listenersBefore, "the program's listener does not stay on the caller's process");
        });

        it("gives up at the timeout it is given", async () => {
            const result = await runProgram(() => new Promise(() => undefined), { timeoutMs: 150 });
            assert.match(result.error?.message ?? "", /did not finish within 150 ms/);
        });

        it("fails at once, saying what to do, when the program brings its own @pulumi/pulumi", async () => {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "offline-plan-sdk-"));
            fs.mkdirSync(path.join(dir, "node_modules", "@pulumi", "pulumi"), { recursive: true });
            fs.writeFileSync(path.join(dir, "node_modules", "@pulumi", "pulumi", "package.json"), '{ "name": "@pulumi/pulumi", "version": "3.100.0" }');
            fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: old-sdk\nruntime: nodejs\n");
            fs.writeFileSync(path.join(dir, "index.js"), 'require("@pulumi/pulumi");\n');
            const started = Date.now();
            const result = await runProgramAt(dir, { config: { "aws:region": "eu-west-1" } });
            assert.ok(Date.now() - started < 5000);
            assert.match(result.error?.message ?? "", /loads its own @pulumi\/pulumi 3\.100\.0 .* not the 3\.\d+\.\d+ the offline plan drives/);
        });

        it("loads \"type\": \"module\" and .mjs programs with top-level await as ES modules", async () => {
            const pkg = await runProgramAt(path.join(FIXTURES, "esm-package"), { config: { "aws:region": "eu-west-1" } });
            assert.ifError(pkg.error);
            assert.strictEqual(pkg.stackOutputs.bucketName, "logs-123456789012");
            const mjs = await runProgramAt(path.join(FIXTURES, "esm-mjs"), { config: { "aws:region": "us-west-2" } });
            assert.ifError(mjs.error);
            assert.strictEqual(mjs.stackOutputs.where, "us-west-2");
        });
    });

    describe("region, config and secrets", () => {
        it("puts aws:defaultTags into tagsAll, under the resource's own tags", async () => {
            const result = await ok(() => {
                new aws.sqs.Queue("jobs", { tags: { team: "api" } });
            }, { config: { "aws:defaultTags": JSON.stringify({ tags: { owner: "platform", team: "default" } }) } });
            assert.deepStrictEqual(byType(result, "aws:sqs/queue:Queue")[0].outputs.tagsAll, { owner: "platform", team: "api" });
        });

        it("turns a secure: value into a secret placeholder with a warning, and shows secrets as [secret]", async () => {
            const result = await planProgram(path.join(FIXTURES, "secure-config"), { policyPack: false, typeCheck: false });
            assert.ifError(result.error);
            assert.ok(result.diagnostics.some((d) => d.severity === "warning" && d.message.includes("secure-config:dbPassword is a secure value")));
            assert.ok(result.secretConfig.includes("secure-config:dbPassword"));
            const tree = formatTree(result);
            assert.match(tree, /passwordOut: \[secret\]/);
            assert.doesNotMatch(tree, /\[secret secure-config:dbPassword\]/, "the placeholder itself is not printed");
            const json = JSON.parse(formatJson(result));
            const parameter = json.resources.find((r: { type: string }) => r.type === "aws:ssm/parameter:Parameter");
            assert.strictEqual(parameter.inputs.value, "[secret]");
            assert.strictEqual(parameter.outputs.value, "[secret]");
        });
    });

    describe("unsupported features fail with a message, or are supported", () => {
        it("reads StackReference outputs that were given, and says how to give them otherwise", async () => {
            const program = () => {
                const network = new pulumi.StackReference("acme/network/prod");
                return { vpcId: network.getOutput("vpcId"), org: pulumi.getOrganization() };
            };
            const given = await ok(program, { stackReferences: { "acme/network/prod": { vpcId: "vpc-0abc" } }, organization: "acme" });
            assert.deepStrictEqual(given.stackOutputs, { vpcId: "vpc-0abc", org: "acme" });
            const missing = await run(program);
            assert.match(missing.error?.message ?? "", /StackReference 'acme\/network\/prod'.*--stack-reference acme\/network\/prod=outputs\.json/);
        });
    });

    describe("transforms, policies and components", () => {
        it("applies the options a transform changes (provider, protect)", async () => {
            const result = await ok(() => {
                const tokyo = new aws.Provider("tokyo", { region: "ap-northeast-1" });
                new aws.sqs.Queue("jobs", {}, {
                    transforms: [(args) => ({ props: args.props, opts: pulumi.mergeOptions(args.opts, { provider: tokyo, protect: true }) })],
                });
            });
            const queue = byType(result, "aws:sqs/queue:Queue")[0];
            assert.strictEqual(queue.protect, true);
            assert.match(queue.providerUrn ?? "", /pulumi:providers:aws::tokyo$/);
            assert.strictEqual(queue.region, "ap-northeast-1");
        });

        it("gives Analyze a resource's inputs and AnalyzeStack its outputs, as the CLI does", async () => {
            const result = await ok(() => {
                new aws.sqs.Queue("jobs", { delaySeconds: 5 });
            });
            const [, queue] = toAnalyzerResources(result.resources);
            assert.strictEqual(queue.properties.delaySeconds, 5);
            assert.strictEqual(queue.properties.arn, undefined, "Analyze runs before the provider has computed anything");
            assert.match(String(queue.stackProperties?.arn), /^arn:aws:sqs:/);
        });

        it("warns that a multi-language component's children cannot be simulated", async () => {
            const result = await ok(() => {
                new pulumi.ComponentResource("awsx:ec2:Vpc", "vpc", {}, {}, true);
            });
            const vpc = byType(result, "awsx:ec2:Vpc")[0];
            assert.strictEqual(vpc.remote, true);
            assert.ok(result.diagnostics.some((d) => d.severity === "warning" && d.urn === vpc.urn && /multi-language component/.test(d.message)));
        });
    });

    describe("the view", () => {
        it("states the view in the tree and the JSON", async () => {
            const update = await planProgram(() => undefined, { policyPack: false, config: { "aws:region": "eu-west-1" } });
            const preview = await planProgram(() => undefined, { policyPack: false, preview: true, config: { "aws:region": "eu-west-1" } });
            assert.match(formatTree(update), /View: update, as `pulumi up`.*isDryRun\(\) is false/);
            assert.match(formatTree(preview), /View: preview, as `pulumi preview`.*isDryRun\(\) is true/);
            assert.strictEqual(JSON.parse(formatJson(update)).view, "update");
            assert.strictEqual(JSON.parse(formatJson(preview)).view, "preview");
        });
    });
});
