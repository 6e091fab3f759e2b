// The simulator's answers for the shared-domain and routing-rule additions: apigateway.getDomainName
// and apigatewayv2.RoutingRule, shaped like AWS's.
import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { plan } from "../helpers";

function output<V>(o: { apply: (f: (v: V) => void) => unknown }): Promise<V> {
    return new Promise((res) => o.apply(res));
}

describe("simulator: custom domain lookups and routing rules", () => {
    it("answers getDomainName for a domain of another stack: regional, TLS_1_2, a d-xxxx target in the asked region", async () => {
        let found: aws.apigateway.GetDomainNameResult | undefined;
        await plan(async () => { found = await output(aws.apigateway.getDomainNameOutput({ domainName: "api.example.com", region: "ap-southeast-2" })); });
        assert.deepStrictEqual(found!.endpointConfigurations[0].types, ["REGIONAL"]);
        assert.strictEqual(found!.securityPolicy, "TLS_1_2");
        assert.strictEqual(found!.arn, "arn:aws:apigateway:ap-southeast-2::/domainnames/api.example.com");
        assert.match(found!.regionalDomainName, /^d-[a-z0-9]{10}\.execute-api\.ap-southeast-2\.amazonaws\.com$/);
        assert.strictEqual(found!.regionalZoneId, "Z2RPCDW04V8134");
    });

    it("answers getDomainName by id as a private domain, and with the state of a domain the run created", async () => {
        let byId: aws.apigateway.GetDomainNameResult | undefined;
        let own: aws.apigateway.GetDomainNameResult | undefined;
        await plan(async () => {
            byId = await output(aws.apigateway.getDomainNameOutput({ domainName: "p.example.com", domainNameId: "abcd123456" }));
            const edge = new aws.apigateway.DomainName("edge", {
                domainName: "edge.example.com", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/x",
                endpointConfiguration: { types: "EDGE" }, securityPolicy: "SecurityPolicy_TLS13_2025_EDGE", endpointAccessMode: "STRICT",
            });
            own = await output(aws.apigateway.getDomainNameOutput({ domainName: edge.domainName }));
        });
        assert.deepStrictEqual([byId!.endpointConfigurations[0].types[0], byId!.domainNameId], ["PRIVATE", "abcd123456"]);
        assert.strictEqual(byId!.arn, "arn:aws:apigateway:us-west-2:123456789012:/domainnames/p.example.com+abcd123456");
        assert.deepStrictEqual([own!.endpointConfigurations[0].types[0], own!.securityPolicy, own!.endpointAccessMode], ["EDGE", "SecurityPolicy_TLS13_2025_EDGE", "STRICT"]);
        assert.match(own!.cloudfrontDomainName, /^d[a-z0-9]{13}\.cloudfront\.net$/);
    });

    it("gives a routing rule an id and the ARN AWS gives it, in the rule's region", async () => {
        const r = await plan(() => new aws.apigatewayv2.RoutingRule("r", {
            domainName: "api.example.com", priority: 10, region: "eu-central-1",
            conditions: [{ matchBasePaths: { anyOfs: ["orders"] } }],
            actions: [{ invokeApi: { apiId: "restapi001", stage: "prod" } }],
        }));
        const rule = r.resources.find((x) => x.type === "aws:apigatewayv2/routingRule:RoutingRule")!;
        assert.match(rule.outputs.routingRuleArn, /^arn:aws:apigateway:eu-central-1:123456789012:\/domainnames\/api\.example\.com\/routingrules\/([a-z0-9]{6})$/);
        assert.strictEqual(rule.outputs.routingRuleArn.split("/").pop(), rule.outputs.routingRuleId);
        assert.strictEqual(rule.id, rule.outputs.routingRuleArn);
        assert.strictEqual(rule.outputs.region, "eu-central-1");
        assert.strictEqual(rule.outputs.priority, 10);
    });
});
