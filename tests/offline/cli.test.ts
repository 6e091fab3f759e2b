// `npm run plan` as users and CI run it: a child process, its output and its exit status. Each
// spawn costs a second or two of start-up, so the few runs start together in `before` and the
// tests read their results; argument parsing is tested in-process.

import { strict as assert } from "assert";
import * as path from "path";
import { USAGE, parseArgs, runCli } from "../../offline/cli";
import type { PlanJson } from "../../offline/format";
import { CliRun, runPlanCommand } from "../helpers";

const ROOT = path.join(__dirname, "..", "..");
const BROKEN = path.join(__dirname, "fixtures", "edge-certificate-in-eu-west-1.ts");
const CHATTY = path.join(__dirname, "fixtures", "prints-to-stdout.ts");

type Run = CliRun;
const plan = runPlanCommand;

describe("npm run plan (the command)", function () {
    let rootJson: Run;
    let broken: Run;
    let previewWithoutPolicy: Run;
    let failing: Run;
    let chatty: Run;

    // Type-checking the root program (as Pulumi does) takes a while on a busy machine; the
    // other runs are about other things and skip it.
    before(async function () {
        this.timeout(240_000);
        [rootJson, broken, previewWithoutPolicy, failing, chatty] = await Promise.all([
            plan(["--json"]),
            plan([BROKEN, "--no-type-check"]),
            plan(["--view", "preview", "--no-policy", "--no-type-check", "--config", "topology=edge"]),
            plan(["--config", "topology=no-such-topology", "--no-type-check"]),
            plan([CHATTY, "--json", "--no-policy", "--no-type-check", "--config", "aws:region=eu-west-1"]),
        ]);
    });

    it("--json keeps stdout for the document: what the program prints goes to stderr", () => {
        assert.equal(chatty.code, 0, chatty.stderr);
        const doc = JSON.parse(chatty.stdout) as PlanJson;
        assert.equal(doc.view, "update");
        assert.ok(doc.resources.some((r) => r.type === "aws:sqs/queue:Queue"));
        assert.match(chatty.stderr, /creating the queue/);
        assert.deepEqual(doc.unsimulated.resources.map((r) => r.outputs.includes("url")), [true]);
    });

    it("plans the root program with no argument: exit 0 and one JSON document of the documented shape", () => {
        assert.equal(rootJson.code, 0, rootJson.stderr);
        const doc = JSON.parse(rootJson.stdout) as PlanJson;
        assert.deepEqual(Object.keys(doc), ["view", "resources", "violations", "unsimulated"]);
        assert.equal(doc.view, "update");
        assert.equal(doc.resources[0].type, "pulumi:pulumi:Stack");
        for (const r of doc.resources) {
            assert.deepEqual(Object.keys(r), ["urn", "type", "name", "parent", "provider", "region", "inputs", "outputs", "dependencies", "propertyDependencies"]);
        }
        const domain = doc.resources.find((r) => r.type === "aws:apigatewayv2/domainName:DomainName");
        assert.equal(domain?.region, "eu-west-1");
        assert.match(domain!.provider ?? "", /::pulumi:providers:aws::default_7_48_0$/);
        assert.match(JSON.stringify(domain!.outputs), /d-[a-z0-9]+\.execute-api\.eu-west-1\.amazonaws\.com/);
        for (const v of doc.violations) assert.deepEqual(Object.keys(v), ["policyPack", "policy", "enforcementLevel", "urn", "message"]);
        assert.ok(doc.violations.every((v) => v.enforcementLevel !== "mandatory"));
    });

    it("exits 1 on a mandatory violation and prints the tree with regions, then the violations by level", () => {
        assert.equal(broken.code, 1, broken.stderr);
        const out = broken.stdout;
        assert.match(out, /[├└]─ aws:acm:Certificate\s+api-cert\s+eu-west-1/);
        assert.match(out, /aws:apigateway:DomainName\s+api\s+us-east-1\s+\[mandatory: certificate-region\]/);
        assert.match(out, /Policy violations \(apigw-domains 0\.1\.0\):\n  mandatory \(1\):\n    certificate-region  aws:apigateway:DomainName "api"\n/);
        assert.match(out, /blocked/);
    });

    it("--preview --no-policy: plans as a preview, starts no policy pack, exits 0", () => {
        assert.equal(previewWithoutPolicy.code, 0, previewWithoutPolicy.stderr);
        assert.match(previewWithoutPolicy.stdout, /^Offline plan of apigw-domains \(stack dev, preview\): program[/\\]index\.ts$/m);
        assert.match(previewWithoutPolicy.stdout, /^View: preview, as `pulumi preview`/m);
        assert.match(previewWithoutPolicy.stdout, /apigw-domains:index:EdgeDomain\s+api/);
        assert.match(previewWithoutPolicy.stdout, /certificateArn: \[unknown\]/);
        assert.match(previewWithoutPolicy.stdout, /Policies: not evaluated/);
    });

    it("exits 2 when the program fails, printing its error as Pulumi does", () => {
        assert.equal(failing.code, 2);
        assert.match(failing.stderr, /error: Running program '.*index\.ts' failed with an unhandled exception:\nError: config topology "no-such-topology" is not a topology/);
        assert.match(failing.stdout, /Plan failed: the program failed/);
    });

    describe("arguments", () => {
        it("reads a path, repeated --config, --stack and the switches, in either --flag value or --flag=value form", () => {
            assert.deepEqual(parseArgs(["examples/websocket", "--config", "aws:region=eu-west-2", "--config=topology=edge", "--stack=prod", "--preview", "--json", "--critical-path"]), {
                help: false,
                target: "examples/websocket",
                config: { "aws:region": "eu-west-2", topology: "edge" },
                stack: "prod",
                noPolicy: false,
                preview: true,
                json: true,
                criticalPath: true,
                stackReferences: {},
                typeCheck: true,
            });
            assert.deepEqual(
                parseArgs(["--view", "preview", "--stack-reference", "acme/net/prod=net.json", "--organization", "acme", "--no-type-check", "--timeout", "30"]),
                { help: false, config: {}, noPolicy: false, preview: true, json: false, criticalPath: false, stackReferences: { "acme/net/prod": "net.json" }, organization: "acme", typeCheck: false, timeoutSeconds: 30 },
            );
            assert.equal(parseArgs(["--config", "url=https://x.example.com/?a=b"]).config["url"], "https://x.example.com/?a=b");
        });

        it("exits 2 with the usage on a bad argument, and prints the usage for --help", async () => {
            for (const bad of [["--bogus"], ["--config", "novalue"], ["--stack"], ["a", "b"], ["--no-policy", "--policy-pack", "policy"], ["--json=yes"], ["--view", "up"], ["--timeout", "soon"], ["--stack-reference", "x"]]) {
                const out = await runCli(bad);
                assert.equal(out.exitCode, 2, `${bad.join(" ")} was accepted`);
                assert.match(out.stderr, /^error: .*\n\nUsage: npm run plan/);
            }
            const help = await runCli(["--help"]);
            assert.equal(help.exitCode, 0);
            assert.equal(help.stdout, USAGE);
            for (const flag of ["--config key=value", "--stack name", "--policy-pack dir", "--policy-pack-config file", "--no-policy", "--preview", "--json"]) {
                assert.ok(USAGE.includes(flag), `usage mentions ${flag}`);
            }
        });

        it("--critical-path adds the chain of slow AWS operations to the tree and to the JSON", async () => {
            const args = [path.join(ROOT, "examples", "cloudfront-multi-provider"), "--no-policy", "--critical-path", "--no-type-check"];
            const tree = await runCli(args);
            assert.equal(tree.exitCode, 0, tree.stderr);
            assert.match(tree.stdout, /Critical path to a working domain: about [\d.]+ min/);
            assert.match(tree.stdout, /aws:cloudfront\/distribution:Distribution\s+cdn-distribution/);
            const json = JSON.parse((await runCli([...args, "--json"])).stdout);
            const steps = json.criticalPath.steps.map((s: { type: string }) => s.type);
            assert.ok(steps.includes("aws:acm/certificateValidation:CertificateValidation"), steps.join(", "));
            assert.equal(steps[steps.length - 1], "aws:route53/record:Record", "the alias record is the last step");
            assert.ok(json.criticalPath.estimatedMinutes > 5);
        });

        it("exits 2 for a program or policy config file that does not exist", async () => {
            assert.equal((await runCli([path.join(ROOT, "examples", "no-such-example")])).exitCode, 2);
            const out = await runCli(["--policy-pack-config", path.join(ROOT, "no-such-config.json")]);
            assert.equal(out.exitCode, 2);
            assert.match(out.stderr, /cannot read the policy config/);
        });
    });
});
