// Deploy-time values (secrets, outputs of resources and of other stacks, values unknown in a
// preview) among the components' arguments, from TypeScript. Where an argument takes one, the
// component passes it on and the resources get it (secret still secret, unknown still unknown,
// the dependency kept); where the argument decides the shape of the graph, the component refuses
// it before registering anything, naming the argument and saying why.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { Certificate } from "../../components/certificate";
import { CloudFrontDomain } from "../../components/cloudfront-domain";
import { EdgeDomain } from "../../components/edge-domain";
import { MultiRegionDomain } from "../../components/multi-region-domain";
import { PrivateAlbDomain } from "../../components/private-alb-domain";
import { PrivateDomain } from "../../components/private-domain";
import { RegionalDomain } from "../../components/regional-domain";
import { SharedDomainMappings } from "../../components/shared-domain";
import { T, ofType, plan, propertyDeps, rejected } from "../helpers";
import { UNKNOWN, runProgram } from "../../offline/engine";

type Construct = (args: Record<string, unknown>) => unknown;
const VPCE = "vpce-0123456789abcdef0";
const mapping = { apiId: "abc123defg", stage: "prod" };

/** Each component with arguments it accepts, and the plain-only argument it decides its shape by. */
const COMPONENTS: { kind: string; args: Record<string, unknown>; construct: Construct; mappingType?: string }[] = [
    { kind: "Certificate", args: { domainName: "api.example.com" }, construct: (a) => new Certificate("c", a as never) },
    { kind: "EdgeDomain", args: { domainName: "api.example.com", mappings: [mapping] }, construct: (a) => new EdgeDomain("c", a as never), mappingType: T.basePathMapping },
    { kind: "RegionalDomain", args: { domainName: "api.example.com", mappings: [mapping] }, construct: (a) => new RegionalDomain("c", a as never), mappingType: T.basePathMapping },
    { kind: "CloudFrontDomain", args: { domainName: "api.example.com", mappings: [mapping] }, construct: (a) => new CloudFrontDomain("c", a as never), mappingType: T.basePathMapping },
    { kind: "PrivateDomain", args: { domainName: "api.example.com", vpcEndpointIds: [VPCE], mappings: [mapping] }, construct: (a) => new PrivateDomain("c", a as never), mappingType: T.basePathMapping },
    {
        kind: "PrivateAlbDomain",
        args: { domainName: "api.example.com", vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0a1b2c3d4e5f60718", "subnet-1a2b3c4d5e6f70819"], mappings: [mapping] },
        construct: (a) => new PrivateAlbDomain("c", a as never), mappingType: T.basePathMapping,
    },
    {
        kind: "MultiRegionDomain",
        args: { domainName: "api.example.com", regions: [{ region: "us-east-1" }, { region: "eu-west-1" }], mappings: [mapping] },
        construct: (a) => new MultiRegionDomain("c", a as never), mappingType: T.basePathMapping,
    },
    { kind: "SharedDomainMappings", args: { domainName: "api.example.com", mappings: [mapping] }, construct: (a) => new SharedDomainMappings("c", a as never), mappingType: T.basePathMapping },
];

const WHY = "is a deploy-time value (a secret, or an output of a resource or of another stack), but must be known while the program runs: ";

describe("deploy-time values in the arguments (TypeScript)", () => {
    for (const { kind, args, construct, mappingType } of COMPONENTS) {
        describe(kind, () => {
            if (kind !== "SharedDomainMappings") {
                it("refuses a secret domainName before registering anything, naming the argument and why (not a toJSON warning)", async () => {
                    const message = await rejected(() => construct({ ...args, domainName: pulumi.secret("api.example.com") }));
                    assert.strictEqual(message, `${kind} "c": domainName (an Output) ${WHY}it decides the hosted zone that is looked up, the certificate's validation records and the checks made before anything is created; `
                        + "pass a plain value (a config value read with config.require rather than requireSecret, a literal); the argument's documentation says which arguments take outputs");
                });
            }

            if (mappingType === undefined) {
                it("takes a secret zoneId and tags, and the resources get them as secrets", async () => {
                    const r = await plan(() => construct({ ...args, zoneId: pulumi.secret("Z0123456789ABCDEFGHIJ"), tags: pulumi.secret({ team: "api" }) }));
                    const record = ofType(r, T.record)[0];
                    assert.strictEqual(record.inputs.zoneId, "Z0123456789ABCDEFGHIJ");
                    assert.ok(record.secretInputs?.includes("zoneId"));
                    const cert = ofType(r, T.certificate)[0];
                    assert.deepStrictEqual(cert.inputs.tags, { team: "api" });
                    assert.ok(cert.secretInputs?.includes("tags"));
                });
                return;
            }

            it("refuses a mapping list that is itself an Output (its length decides the mapping resources)", async () => {
                const message = await rejected(() => construct({ ...args, mappings: pulumi.output([mapping]) }));
                assert.strictEqual(message.split(WHY)[1]?.split(";")[0], "the list decides how many mapping resources exist and their names");
                assert.ok(message.startsWith(`${kind} "c": mappings (an Output) `), message);
            });

            it("refuses an Output basePath, naming the mapping", async () => {
                const message = await rejected(() => construct({ ...args, mappings: [{ ...mapping, basePath: pulumi.output("v1") }] }));
                assert.ok(message.startsWith(`${kind} "c": mappings[0].basePath (an Output) ${WHY}the key names the mapping resource`), message);
            });

            it("maps an API whose id is unknown in a preview, with a secret stage, and the mapping depends on the API", async () => {
                const r = await plan(() => {
                    const api = new aws.apigateway.RestApi("api", {});
                    return construct({ ...args, mappings: [{ apiId: api.id, stage: pulumi.secret("prod") }] });
                }, { preview: true, config: { "aws:region": "us-east-1" } });
                const m = ofType(r, mappingType);
                assert.ok(m.length >= 1);
                for (const x of m) {
                    assert.strictEqual(x.inputs.restApi, UNKNOWN);
                    assert.strictEqual(x.inputs.stageName, "prod");
                    assert.ok(x.secretInputs?.includes("stageName"), "the stage stays secret");
                    assert.deepStrictEqual(propertyDeps(x, "restApi"), [ofType(r, "aws:apigateway/restApi:RestApi")[0].urn]);
                }
            });
        });
    }

    describe("zoneName from another stack (an Input: it only feeds the zone look-up)", () => {
        const withZone = COMPONENTS.filter((c) => ["Certificate", "EdgeDomain", "RegionalDomain", "CloudFrontDomain", "MultiRegionDomain"].includes(c.kind));
        for (const { kind, args, construct } of withZone) {
            it(`${kind}: looks the zone up by the secret name, and the records go to the zone found`, async () => {
                const r = await plan(() => construct({ ...args, zoneName: pulumi.secret("example.com") }));
                const lookups = r.invokes.filter((i) => i.token === "aws:route53/getZone:getZone");
                assert.ok(lookups.length >= 1);
                assert.ok(lookups.every((i) => i.args.name === "example.com"), JSON.stringify(lookups.map((i) => i.args)));
                const records = ofType(r, T.record);
                assert.ok(records.length >= 1);
                assert.strictEqual(new Set(records.map((x) => x.inputs.zoneId)).size, 1);
                assert.strictEqual(records[0].inputs.zoneId, lookups[0].result.zoneId);
            });

            it(`${kind}: refuses a zone name that does not contain the domain when it resolves, with the message a literal gets`, async () => {
                const literal = await rejected(() => construct({ ...args, zoneName: "example.org" }));
                const r = await runProgram(() => construct({ ...args, zoneName: pulumi.output("example.org") }), { config: { "aws:region": "us-west-2" } });
                assert.ok(r.error, "the deployment must fail");
                assert.ok(r.error!.message.endsWith(literal), `${r.error!.message}\nexpected it to end with\n${literal}`);
                assert.deepStrictEqual(ofType(r, T.record), [], "no record goes to a zone that was never checked");
            });

            it(`${kind}: in a preview, a zone name still unknown leaves the zone id unknown rather than failing`, async () => {
                const r = await plan(() => {
                    const zone = new aws.route53.Zone("zone", { name: "example.com" });
                    return construct({ ...args, zoneName: zone.name });
                }, { preview: true, config: { "aws:region": "us-east-1" } });
                const records = ofType(r, T.record);
                assert.ok(records.length >= 1);
                assert.ok(records.every((x) => x.inputs.zoneId === UNKNOWN));
            });
        }

        it("Certificate: a subject alternative name outside a zone known only at deploy time fails when the zone resolves", async () => {
            const r = await runProgram(() => new Certificate("c", { domainName: "api.example.com", subjectAlternativeNames: ["api.example.org"], zoneName: pulumi.output("example.com") }),
                { config: { "aws:region": "us-west-2" } });
            assert.match(r.error?.message ?? "", /Certificate "c": subjectAlternativeNames\[0\] "api\.example\.org" is not in the zone "example\.com" that holds the validation records/);
        });
    });

    describe("region from another stack (an Input where it only places the resources)", () => {
        const placed = COMPONENTS.filter((c) => ["Certificate", "EdgeDomain", "RegionalDomain", "PrivateDomain", "PrivateAlbDomain"].includes(c.kind));
        for (const { kind, args, construct } of placed) {
            it(`${kind}: sets a secret region on its regional resources, and publishes it`, async () => {
                let component: { region?: pulumi.Output<string> } | undefined;
                const r = await plan(() => { component = construct({ ...args, region: pulumi.secret("eu-central-1") }) as typeof component; },
                    { config: { "aws:region": "us-east-1" } });
                const regionalInputs = r.resources.filter((x) => x.custom && x.type.startsWith("aws:") && "region" in x.inputs && x.type !== T.provider);
                assert.ok(regionalInputs.length >= 1);
                // The edge certificate stays in us-east-1 (CloudFront reads it there); everything else follows the argument.
                const follows = regionalInputs.filter((x) => !(kind === "EdgeDomain" && (x.type === T.certificate || x.type === T.validation)));
                assert.ok(follows.length >= 1);
                for (const x of follows) assert.strictEqual(x.region, "eu-central-1", `${x.type} ${x.name}`);
                // EdgeDomain publishes where the domain lives as domainRegion (from its ARN) instead.
                if (kind !== "EdgeDomain") assert.strictEqual(await new Promise((res) => component!.region!.apply(res)), "eu-central-1");
            });

            it(`${kind}: refuses a region that is not one when it resolves, with the message a literal gets`, async () => {
                const literal = await rejected(() => construct({ ...args, region: "eu-middle-9x" }));
                const r = await runProgram(() => construct({ ...args, region: pulumi.output("eu-middle-9x") }), { config: { "aws:region": "us-east-1" } });
                assert.ok(r.error, "the deployment must fail");
                assert.ok(r.error!.message.endsWith(literal), `${r.error!.message}\nexpected it to end with\n${literal}`);
            });

            it(`${kind}: in a preview, an unknown region stays unknown on the resources (not the stack's region)`, async () => {
                const r = await plan(() => {
                    // A value computed from an id: unknown until the resource exists.
                    const source = new aws.ssm.Parameter("region", { type: "String", value: "eu-central-1" });
                    return construct({ ...args, region: source.id.apply(() => "eu-central-1") });
                }, { preview: true, config: { "aws:region": "us-east-1" } });
                const follows = r.resources.filter((x) => x.custom && x.type.startsWith("aws:") && "region" in x.inputs && x.type !== T.provider
                    && !(kind === "EdgeDomain" && (x.type === T.certificate || x.type === T.validation)));
                assert.ok(follows.length >= 1);
                for (const x of follows) assert.strictEqual(x.inputs.region, UNKNOWN, `${x.type} ${x.name}`);
            });
        }

        it("CloudFrontDomain refuses an Output region: it decides whether one certificate or two are requested", async () => {
            const message = await rejected(() => new CloudFrontDomain("c", { domainName: "api.example.com", region: pulumi.output("eu-west-1") as never }));
            assert.ok(message.startsWith(`CloudFrontDomain "c": region (an Output) ${WHY}it decides which certificates are requested`), message);
        });
    });

    describe("certificateArn from another stack: checked when it resolves, with the message a literal gets", () => {
        const cases: [string, Construct, string][] = [
            ["EdgeDomain (certificate outside us-east-1)", (a) => new EdgeDomain("c", { domainName: "api.example.com", ...a } as never), "arn:aws:acm:eu-west-1:123456789012:certificate/abc"],
            ["RegionalDomain (certificate outside the API's region)", (a) => new RegionalDomain("c", { domainName: "api.example.com", region: "eu-west-1", ...a } as never), "arn:aws:acm:us-east-1:123456789012:certificate/abc"],
            ["RegionalDomain (not an ACM ARN)", (a) => new RegionalDomain("c", { domainName: "api.example.com", ...a } as never), "arn:aws:iam::123456789012:server-certificate/abc"],
        ];
        for (const [what, construct, arn] of cases) {
            it(what, async () => {
                const literal = await rejected(() => construct({ certificateArn: arn }));
                const r = await runProgram(() => construct({ certificateArn: pulumi.output(arn) }), { config: { "aws:region": "us-west-2" } });
                assert.ok(r.error, "the deployment must fail");
                assert.ok(r.error!.message.endsWith(literal), `${r.error!.message}\nexpected it to end with\n${literal}`);
                assert.deepStrictEqual([...ofType(r, T.domainV1), ...ofType(r, T.domainV2)].filter((d) => d.inputs.certificateArn === arn || d.inputs.regionalCertificateArn === arn), []);
            });
        }

        it("a secret ARN in the right region is used as it is, and stays secret", async () => {
            const r = await plan(() => new RegionalDomain("c", { domainName: "api.example.com", region: "eu-west-1", certificateArn: pulumi.secret("arn:aws:acm:eu-west-1:123456789012:certificate/abc") }));
            const domain = ofType(r, T.domainV1)[0];
            assert.strictEqual(domain.inputs.regionalCertificateArn, "arn:aws:acm:eu-west-1:123456789012:certificate/abc");
            assert.ok(domain.secretInputs?.includes("regionalCertificateArn"));
            assert.deepStrictEqual(ofType(r, T.certificate), []);
        });
    });

    it("checks a routing rule's stage given as an output when it resolves, with the message a literal gets", async () => {
        const rule = (stage: pulumi.Input<string>) => ({ priority: 10, basePaths: ["orders"], apiId: "abc123defg", stage });
        const args = (stage: pulumi.Input<string>) => ({ domainName: "api.example.com", routingMode: "ROUTING_RULE_ONLY" as const, routingRules: [rule(stage)] });
        const tooLong = "s".repeat(200);
        const literal = await rejected(() => new RegionalDomain("c", args(tooLong)));
        const r = await runProgram(() => new RegionalDomain("c", args(pulumi.output(tooLong))), { config: { "aws:region": "us-west-2" } });
        assert.ok(r.error!.message.endsWith(literal), `${r.error?.message}\nexpected it to end with\n${literal}`);
        const fine = await plan(() => new RegionalDomain("c", args(pulumi.secret("prod"))));
        const created = ofType(fine, "aws:apigatewayv2/routingRule:RoutingRule")[0];
        assert.strictEqual(created.inputs.actions[0].invokeApi.stage, "prod");
        assert.ok(created.secretInputs?.includes("actions"));
    });

    it("refuses an Output region of a MultiRegionDomain (each region names its own resources)", async () => {
        const message = await rejected(() => new MultiRegionDomain("c", { domainName: "api.example.com", regions: [{ region: pulumi.output("us-east-1") as never }, { region: "eu-west-1" }] }));
        assert.ok(message.startsWith('MultiRegionDomain "c": regions[0].region (an Output) '), message);
    });

    it("refuses an Output basePath given to addMapping, creating no mapping", async () => {
        const r = await runProgram(() => {
            const d = new RegionalDomain("c", { domainName: "api.example.com" });
            d.addMapping({ ...mapping, basePath: pulumi.output("v2") as never });
        }, { config: { "aws:region": "us-west-2" } });
        assert.match(r.error?.message ?? "", /^RegionalDomain "c": addMapping\(.*\)\.basePath \(an Output\) is a deploy-time value/);
        assert.deepStrictEqual(ofType(r, T.basePathMapping), []);
    });

    it("takes Outputs where the argument says Input: SharedDomainMappings' domain name and region from another stack", async () => {
        const r = await plan(() => new SharedDomainMappings("c", {
            domainName: pulumi.secret("api.example.com"), region: pulumi.output("eu-west-1"), mappings: [mapping],
        }));
        const m = ofType(r, T.basePathMapping)[0];
        assert.strictEqual(m.inputs.domainName, "api.example.com");
        assert.strictEqual(m.region, "eu-west-1");
    });
});
