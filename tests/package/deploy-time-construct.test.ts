// Deploy-time values as other languages send them. A YAML or Python program reaches a component
// through the component provider's construct call: the engine sends each argument as a protobuf
// value in which a secret, an unknown (preview) or another resource's output is an "output value",
// and the provider server turns those into Outputs (a top-level secret becomes an Output of the
// whole argument). These tests build the request the way the engine does, run it through the SDK's
// own deserializer (provider/server's deserializeInputs) and the ComponentProvider the plugin host
// uses, inside the offline engine, and look at what was registered or refused.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { specialOutputValueSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental/provider";
import { T, ofType, plan, rejected } from "../helpers";
import { UNKNOWN, runProgram } from "../../offline/engine";
import { TOKEN, packageSchema } from "./package-schema";

// The provider server's own deserializer (exported by its module, left out of its typings).
const { deserializeInputs } = require("@pulumi/pulumi/provider/server") as {
    deserializeInputs(inputs: Struct, dependencies: Map<string, unknown>): Promise<pulumi.Inputs>;
};

/** Wire forms of the engine's output values. */
const wire = {
    secret: (value: unknown) => ({ [specialSigKey]: specialOutputValueSig, value, secret: true }),
    unknown: () => ({ [specialSigKey]: specialOutputValueSig }),
    output: (value: unknown, dependencies?: string[]) => ({ [specialSigKey]: specialOutputValueSig, value, ...(dependencies ? { dependencies } : {}) }),
};

/** The resource options the plugin host rebuilds for a construct request (provider/server.js). */
const REMOTE_OPTIONS: pulumi.ComponentResourceOptions = {
    aliases: [], dependsOn: [], protect: false, providers: {}, parent: undefined,
    ignoreChanges: [], replaceOnChanges: [], retainOnDelete: false,
};

async function construct(provider: ComponentProvider, kind: string, request: Record<string, unknown>): Promise<void> {
    const inputs = await deserializeInputs(Struct.fromJavaScript(request as never), new Map());
    await provider.construct("c", TOKEN + kind, inputs, REMOTE_OPTIONS);
}

const VPCE = "vpce-0123456789abcdef0";
const mapping = { apiId: "abc123defg", stage: "prod" };
const BASE: Record<string, Record<string, unknown>> = {
    Certificate: { domainName: "api.example.com" },
    EdgeDomain: { domainName: "api.example.com", mappings: [mapping] },
    RegionalDomain: { domainName: "api.example.com", mappings: [mapping] },
    CloudFrontDomain: { domainName: "api.example.com", mappings: [mapping] },
    PrivateDomain: { domainName: "api.example.com", vpcEndpointIds: [VPCE], mappings: [mapping] },
    PrivateAlbDomain: { domainName: "api.example.com", vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0a1b2c3d4e5f60718", "subnet-1a2b3c4d5e6f70819"], mappings: [mapping] },
    MultiRegionDomain: { domainName: "api.example.com", regions: [{ region: "us-east-1" }, { region: "eu-west-1" }], mappings: [mapping] },
    SharedDomainMappings: { domainName: "api.example.com", mappings: [mapping] },
};

const WHY = "is a deploy-time value (a secret, or an output of a resource or of another stack), but must be known while the program runs: ";

describe("deploy-time values sent by other languages (the component provider's construct path)", function () {
    let provider: ComponentProvider;
    before(async () => {
        ({ provider } = await packageSchema());
    });

    for (const [kind, base] of Object.entries(BASE)) {
        describe(kind, () => {
            if (kind !== "SharedDomainMappings") {
                it("refuses a secret domainName with the message TypeScript gets, registering nothing but the component's caller", async () => {
                    const message = await rejected(() => construct(provider, kind, { ...base, domainName: wire.secret("api.example.com") }));
                    assert.ok(message.startsWith(`${kind} "c": domainName (an Output) ${WHY}it decides the hosted zone`), message);
                });

                it("refuses a domainName that is another stack's output, naming it (not a toJSON warning)", async () => {
                    const message = await rejected(() => construct(provider, kind, { ...base, domainName: wire.output("api.example.com") }));
                    assert.ok(message.startsWith(`${kind} "c": domainName (an Output) ${WHY}`), message);
                    assert.doesNotMatch(message, /toJSON/);
                });
            } else {
                it("takes a secret domainName, and a region unknown in a preview (its arguments are Inputs)", async () => {
                    const r = await plan(() => construct(provider, kind, { ...base, domainName: wire.secret("api.example.com"), region: wire.output("eu-west-1") }));
                    const m = ofType(r, T.basePathMapping)[0];
                    assert.strictEqual(m.inputs.domainName, "api.example.com");
                    assert.ok(m.secretInputs?.includes("domainName"));
                    assert.strictEqual(m.region, "eu-west-1");
                    const preview = await plan(() => construct(provider, kind, { ...base, region: wire.unknown() }), { preview: true });
                    assert.strictEqual(ofType(preview, T.basePathMapping)[0].inputs.region, UNKNOWN);
                });
            }
            if (kind === "Certificate") {
                it("takes a secret zoneId and an unknown one in a preview", async () => {
                    const r = await plan(() => construct(provider, kind, { ...base, zoneId: wire.secret("Z0123456789ABCDEFGHIJ") }));
                    const record = ofType(r, T.record)[0];
                    assert.strictEqual(record.inputs.zoneId, "Z0123456789ABCDEFGHIJ");
                    assert.ok(record.secretInputs?.includes("zoneId"));
                    const preview = await plan(() => construct(provider, kind, { ...base, zoneId: wire.unknown() }), { preview: true });
                    assert.strictEqual(ofType(preview, T.record)[0].inputs.zoneId, UNKNOWN);
                });
                return;
            }

            it("refuses a mapping list sent as one output (e.g. another stack's output): its length decides the resources", async () => {
                const message = await rejected(() => construct(provider, kind, { ...base, mappings: wire.output([mapping]) }));
                assert.ok(message.startsWith(`${kind} "c": mappings (an Output) ${WHY}the list decides how many mapping resources exist`), message);
            });

            it("maps an API whose id is unknown (preview) with a secret stage", async () => {
                const r = await plan(() => construct(provider, kind, { ...base, mappings: [{ apiId: wire.unknown(), stage: wire.secret("prod") }] }),
                    { preview: true, config: { "aws:region": "us-east-1" } });
                const m = ofType(r, T.basePathMapping);
                assert.ok(m.length >= 1);
                for (const x of m) {
                    assert.strictEqual(x.inputs.restApi, UNKNOWN);
                    assert.strictEqual(x.inputs.stageName, "prod");
                    assert.ok(x.secretInputs?.includes("stageName"));
                }
            });

            it("maps an API whose id is another resource's output, in an update", async () => {
                const r = await plan(() => construct(provider, kind, { ...base, mappings: [{ apiId: wire.output("fromother1"), stage: "prod" }] }),
                    { config: { "aws:region": "us-east-1" } });
                assert.ok(ofType(r, T.basePathMapping).every((x) => x.inputs.restApi === "fromother1"));
            });
        });
    }

    for (const kind of ["Certificate", "EdgeDomain", "RegionalDomain", "CloudFrontDomain", "MultiRegionDomain"]) {
        it(`${kind}: takes a zoneName that is a secret (update) or unknown (preview), and checks it when it resolves`, async () => {
            const r = await plan(() => construct(provider, kind, { ...BASE[kind], zoneName: wire.secret("example.com") }), { config: { "aws:region": "us-east-1" } });
            assert.ok(r.invokes.filter((i) => i.token === "aws:route53/getZone:getZone").every((i) => i.args.name === "example.com"));
            assert.ok(ofType(r, T.record).length >= 1);
            const preview = await plan(() => construct(provider, kind, { ...BASE[kind], zoneName: wire.unknown() }), { preview: true, config: { "aws:region": "us-east-1" } });
            assert.ok(ofType(preview, T.record).every((x) => x.inputs.zoneId === UNKNOWN));
            const wrong = await runProgram(() => construct(provider, kind, { ...BASE[kind], zoneName: wire.output("example.org") }), { config: { "aws:region": "us-east-1" } });
            assert.match(wrong.error?.message ?? "", new RegExp(`${kind} "c": zoneName "example\\.org" does not contain the domain "api\\.example\\.com" on whole labels`));
        });
    }

    for (const kind of ["Certificate", "EdgeDomain", "RegionalDomain", "PrivateDomain", "PrivateAlbDomain"]) {
        it(`${kind}: takes a region that is a secret or unknown (preview), and refuses a bad one when it resolves`, async () => {
            const r = await plan(() => construct(provider, kind, { ...BASE[kind], region: wire.secret("eu-central-1") }), { config: { "aws:region": "us-east-1" } });
            const domainOrCert = r.resources.filter((x) => x.type === T.domainV1 || (kind === "Certificate" && x.type === T.certificate));
            assert.ok(domainOrCert.length >= 1);
            assert.ok(domainOrCert.every((x) => x.region === "eu-central-1"));
            const preview = await plan(() => construct(provider, kind, { ...BASE[kind], region: wire.unknown() }), { preview: true, config: { "aws:region": "us-east-1" } });
            assert.ok(preview.resources.filter((x) => x.type === T.domainV1).every((x) => x.inputs.region === UNKNOWN));
            const wrong = await runProgram(() => construct(provider, kind, { ...BASE[kind], region: wire.output("eu-middle-9x") }), { config: { "aws:region": "us-east-1" } });
            assert.match(wrong.error?.message ?? "", new RegExp(`${kind} "c": region "eu-middle-9x" `));
        });
    }

    it("CloudFrontDomain: refuses a region sent as an output, saying it decides the certificates", async () => {
        const message = await rejected(() => construct(provider, "CloudFrontDomain", { ...BASE.CloudFrontDomain, region: wire.output("eu-west-1") }));
        assert.ok(message.startsWith(`CloudFrontDomain "c": region (an Output) ${WHY}it decides which certificates are requested`), message);
    });

    it("warns when a YAML program maps its own REST API with a plain stage name (the mapping would race the stage)", async () => {
        const apiUrn = "urn:pulumi:dev::project::aws:apigateway/restApi:RestApi::api";
        const r = await plan(() => construct(provider, "RegionalDomain", { domainName: "api.example.com", mappings: [{ apiId: wire.output("abc123defg", [apiUrn]), stage: "prod" }] }));
        assert.ok(r.diagnostics.some((d) => d.severity === "warning" && d.message.startsWith('RegionalDomain "c": mappings[0].stage "prod" is a plain name for a stage of an API this program creates')),
            JSON.stringify(r.diagnostics));
        const quiet = await plan(() => construct(provider, "RegionalDomain", {
            domainName: "api.example.com",
            mappings: [{ apiId: wire.output("abc123defg", [apiUrn]), stage: wire.output("prod", ["urn:pulumi:dev::project::aws:apigateway/stage:Stage::prod"]) }],
        }));
        assert.ok(!quiet.diagnostics.some((d) => d.message.includes("waits for the API but not for the stage")));
        const deps = ofType(quiet, T.basePathMapping)[0].dependencies;
        assert.ok(deps.includes(apiUrn) && deps.includes("urn:pulumi:dev::project::aws:apigateway/stage:Stage::prod"), deps.join(", "));
    });
});
