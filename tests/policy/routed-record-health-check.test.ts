import { strict as assert } from "assert";
import { checkRoutedRecordHealthCheck } from "../../policy/rules/routed-record-health-check";
import { StackResource, T } from "../../policy/lib/resources";
import { UNKNOWN, messages, res } from "./helpers";

const US_TARGET = "d-abc1234567.execute-api.us-east-1.amazonaws.com";
const EU_TARGET = "d-def1234567.execute-api.eu-west-1.amazonaws.com";

function record(name: string, props: Record<string, unknown>, deps?: Record<string, StackResource[]>) {
    return res(T.record, name, { zoneId: "Z0123456789ABC", name: "api.example.com", type: "A", ...props }, { deps });
}

function alias(target: unknown, zoneId: unknown, evaluateTargetHealth = true) {
    return { aliases: [{ name: target, zoneId, evaluateTargetHealth }] };
}

describe("routed-record-health-check", () => {
    it("flags latency, weighted and failover records aliasing API Gateway without a health check, even with target health on", () => {
        const found = messages(checkRoutedRecordHealthCheck([
            record("us", { setIdentifier: "us", latencyRoutingPolicies: [{ region: "us-east-1" }], ...alias(US_TARGET, "Z1UJRXOUMOOFQ8") }),
            record("w", { setIdentifier: "w", weightedRoutingPolicies: [{ weight: 10 }], ...alias(EU_TARGET, "ZLY8HYME6SFDD") }),
            record("f", { setIdentifier: "f", failoverRoutingPolicies: [{ type: "PRIMARY" }], ...alias(EU_TARGET, "ZLY8HYME6SFDD") }),
        ], {}));
        assert.equal(found.length, 3);
        assert.match(found[0], /^route53\.Record "us" is a latency record for api\.example\.com that aliases d-abc1234567\.execute-api\.us-east-1\.amazonaws\.com in us-east-1 without a health check\. Evaluate Target Health on an API Gateway alias only fails when API Gateway itself is down in the region/);
        assert.match(found[1], /is a weighted record/);
        assert.match(found[2], /is a failover record/);
    });

    it("accepts routed records with a health check, known or not yet known", () => {
        assert.deepEqual(checkRoutedRecordHealthCheck([
            record("us", { setIdentifier: "us", latencyRoutingPolicies: [{ region: "us-east-1" }], healthCheckId: "11111111-2222-3333-4444-555555555555", ...alias(US_TARGET, "Z1UJRXOUMOOFQ8") }),
            record("eu", { setIdentifier: "eu", latencyRoutingPolicies: [{ region: "eu-west-1" }], healthCheckId: UNKNOWN, ...alias(EU_TARGET, "ZLY8HYME6SFDD") }),
        ], {}), []);
    });

    it("ignores simple aliases, and routed records to anything but API Gateway", () => {
        assert.deepEqual(checkRoutedRecordHealthCheck([
            record("simple", alias(US_TARGET, "Z1UJRXOUMOOFQ8", false)),
            record("alb", { setIdentifier: "x", latencyRoutingPolicies: [{ region: "us-east-1" }], ...alias("my-alb-123.us-east-1.elb.amazonaws.com", "Z35SXDOTRQ7X7K") }),
            record("ip", { setIdentifier: "y", weightedRoutingPolicies: [{ weight: 1 }], records: ["192.0.2.1"], ttl: 60 }),
        ], {}), []);
    });

    it("finds the API Gateway domain behind an alias while its target is unknown (preview)", () => {
        const domain = res(T.domainV1, "api-eu-domain", { domainName: "api.example.com", endpointConfiguration: { types: "REGIONAL" }, region: "eu-west-1", regionalDomainName: UNKNOWN });
        const found = messages(checkRoutedRecordHealthCheck([
            domain,
            record("eu", { setIdentifier: "eu", latencyRoutingPolicies: [{ region: "eu-west-1" }], aliases: [{ name: UNKNOWN, zoneId: UNKNOWN, evaluateTargetHealth: true }] }, { aliases: [domain] }),
        ], {}));
        assert.match(found[0], /aliases the target of apigateway\.DomainName "api-eu-domain" in eu-west-1 without a health check/);
    });

    it("does not crash on unknown aliases or policies", () => {
        assert.doesNotThrow(() => checkRoutedRecordHealthCheck([
            record("a", { setIdentifier: UNKNOWN, latencyRoutingPolicies: UNKNOWN, aliases: UNKNOWN }),
            record("b", { weightedRoutingPolicies: [UNKNOWN], aliases: [UNKNOWN] }),
        ], {}));
    });
});
