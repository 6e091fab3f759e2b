// A mapping must not race its stage: API Gateway refuses a mapping (or routing rule) to a stage
// that does not exist yet. Passing the stage resource's name output makes the mapping wait for
// the stage; a plain stage name of an API the same program creates gets a warning.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { EdgeDomain } from "../../components/edge-domain";
import { RegionalDomain } from "../../components/regional-domain";
import { SharedDomainMappings } from "../../components/shared-domain";
import { RunResult, T, ofType, one, plan, propertyDeps } from "../helpers";
import { runProgram } from "../../offline/engine";

const STAGE = "aws:apigateway/stage:Stage";
const STAGE_V2 = "aws:apigatewayv2/stage:Stage";

function restApiWithStage(): { api: aws.apigateway.RestApi; stage: aws.apigateway.Stage } {
    const api = new aws.apigateway.RestApi("api", {});
    const method = new aws.apigateway.Method("get", { restApi: api.id, resourceId: api.rootResourceId, httpMethod: "GET", authorization: "NONE" });
    const integration = new aws.apigateway.Integration("mock", { restApi: api.id, resourceId: api.rootResourceId, httpMethod: method.httpMethod, type: "MOCK" });
    const deployment = new aws.apigateway.Deployment("deployment", { restApi: api.id }, { dependsOn: [integration] });
    const stage = new aws.apigateway.Stage("prod", { restApi: api.id, deployment: deployment.id, stageName: "prod" });
    return { api, stage };
}

function raceWarnings(r: RunResult): string[] {
    return r.diagnostics.filter((d) => d.severity === "warning" && d.message.includes("waits for the API but not for the stage")).map((d) => d.message);
}

describe("a mapping waits for its stage", () => {
    it("depends on the stage when given the stage's name output (the documented usage)", async () => {
        const r = await plan(() => {
            const { api, stage } = restApiWithStage();
            return new RegionalDomain("d", { domainName: "api.example.com", mappings: [{ apiId: api.id, stage: stage.stageName }] });
        });
        const mapping = one(r, T.basePathMapping);
        assert.strictEqual(mapping.inputs.stageName, "prod");
        assert.deepStrictEqual(propertyDeps(mapping, "stageName"), [one(r, STAGE).urn]);
        assert.ok(mapping.dependencies.includes(one(r, STAGE).urn));
        assert.deepStrictEqual(raceWarnings(r), []);
    });

    it("depends on an HTTP API's stage through its name output (v2 mapping)", async () => {
        const r = await plan(() => {
            const api = new aws.apigatewayv2.Api("http", { protocolType: "HTTP" });
            const stage = new aws.apigatewayv2.Stage("default", { apiId: api.id, name: "$default", autoDeploy: true });
            return new RegionalDomain("d", { domainName: "api.example.com", apiType: "http", mappings: [{ apiId: api.id, stage: stage.name }] });
        });
        assert.deepStrictEqual(propertyDeps(one(r, T.apiMapping), "stage"), [one(r, STAGE_V2).urn]);
        assert.deepStrictEqual(raceWarnings(r), []);
    });

    it("warns, through the component, when a plain stage name belongs to an API the program creates", async () => {
        const r = await plan(() => {
            const { api } = restApiWithStage();
            return new EdgeDomain("d", { domainName: "api.example.com", mappings: [{ apiId: api.id, stage: "prod", basePath: "v1" }] });
        });
        const mapping = one(r, T.basePathMapping);
        assert.ok(!mapping.dependencies.includes(one(r, STAGE).urn), "the mapping does not wait for the stage: the race the warning is about");
        assert.deepStrictEqual(raceWarnings(r), [
            'EdgeDomain "d": mappings[0].stage "prod" is a plain name for a stage of an API this program creates, so mappings[0] waits for the API '
            + "but not for the stage, and on a first deploy API Gateway refuses it if the stage does not exist yet; pass the stage resource's name output instead (stage: stage.stageName)",
        ]);
        const component = one(r, "apigw-domains:index:EdgeDomain");
        assert.ok(r.diagnostics.some((d) => d.message.includes("mappings[0].stage") && d.urn === component.urn), "the warning is attached to the component");
    });

    it("warns for a mapping added later and for a routing rule, in a preview too", async () => {
        const r = await plan(() => {
            const { api } = restApiWithStage();
            const d = new RegionalDomain("d", {
                domainName: "api.example.com", routingMode: "ROUTING_RULE_THEN_API_MAPPING",
                routingRules: [{ priority: 10, basePaths: ["orders"], apiId: api.id, stage: "prod" }],
            });
            d.addMapping({ apiId: api.id, stage: "prod", basePath: "v2" });
        }, { preview: true });
        const warnings = raceWarnings(r);
        assert.strictEqual(warnings.length, 2, warnings.join("\n"));
        assert.ok(warnings.some((w) => w.startsWith('RegionalDomain "d": routingRules[0].stage "prod"')));
        assert.ok(warnings.some((w) => w.startsWith('RegionalDomain "d": addMapping("v2").stage "prod"')));
    });

    it("stays silent for an API id from outside the program (config, a parameter) or a literal: the stage is not this program's", async () => {
        const r = await plan(() => {
            const parameter = new aws.ssm.Parameter("api-id", { type: "String", value: "abc123defg" });
            new SharedDomainMappings("s", { domainName: "api.example.com", mappings: [{ apiId: parameter.value, stage: "prod" }] });
            new RegionalDomain("d", { domainName: "b.example.com", mappings: [{ apiId: "abc123defg", stage: "prod" }] });
        });
        assert.strictEqual(ofType(r, T.basePathMapping).length, 2);
        assert.deepStrictEqual(raceWarnings(r), []);
    });

    it("checks a stage name given as an output when it resolves, with the message a plain one gets", async () => {
        const plain = await runProgram(() => new RegionalDomain("d", { domainName: "api.example.com", mappings: [{ apiId: "abc123defg", stage: "pr od" }] }),
            { config: { "aws:region": "us-west-2" } });
        const fromOutput = await runProgram(() => new RegionalDomain("d", { domainName: "api.example.com", mappings: [{ apiId: "abc123defg", stage: pulumi.output("pr od") }] }),
            { config: { "aws:region": "us-west-2" } });
        assert.match(plain.error?.message ?? "", /^RegionalDomain "d": mappings\[0\]\.stage "pr od" /);
        // The SDK names the resource property the failed output was for, then our message.
        assert.strictEqual(fromOutput.error?.message, `error serializing property "stageName": ${plain.error?.message}`);
        assert.deepStrictEqual(ofType(fromOutput, T.basePathMapping).filter((m) => m.inputs.stageName === "pr od"), []);
    });
});
