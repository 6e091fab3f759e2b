import { strict as assert } from "assert";
import { checkRoutedRecordRegion } from "../../policy/rules/routed-record-region";
import { StackResource, T } from "../../policy/lib/resources";
import { UNKNOWN, certArn, messages, res } from "./helpers";

const US_TARGET = "d-abc1234567.execute-api.us-east-1.amazonaws.com";
const EU_TARGET = "d-def1234567.execute-api.eu-west-1.amazonaws.com";
const US_ZONE = "Z1UJRXOUMOOFQ8";
const EU_ZONE = "ZLY8HYME6SFDD";

function record(name: string, props: Record<string, unknown>, deps?: Record<string, StackResource[]>) {
    return res(T.record, name, { zoneId: "Z0123456789ABC", name: "api.example.com", type: "A", setIdentifier: name, healthCheckId: "hc", ...props }, { deps });
}

function alias(target: unknown, zoneId: unknown) {
    return { aliases: [{ name: target, zoneId, evaluateTargetHealth: true }] };
}

function domain(name: string, region: string, target: unknown, certificate: unknown) {
    return res(T.domainV1, name, { domainName: "api.example.com", endpointConfiguration: { types: "REGIONAL" }, region, regionalDomainName: target, regionalCertificateArn: certificate });
}

describe("routed-record-region", () => {
    it("accepts each region's record aliasing its own region's target, zone and certificate", () => {
        assert.deepEqual(checkRoutedRecordRegion([
            domain("us-domain", "us-east-1", US_TARGET, certArn("us-east-1")),
            domain("eu-domain", "eu-west-1", EU_TARGET, certArn("eu-west-1")),
            record("us", { latencyRoutingPolicies: [{ region: "us-east-1" }], ...alias(US_TARGET, US_ZONE) }),
            record("eu", { latencyRoutingPolicies: [{ region: "eu-west-1" }], ...alias(EU_TARGET, EU_ZONE) }),
        ], {}), []);
    });

    it("rejects a latency record that stands for one region and aliases another region's target", () => {
        const found = messages(checkRoutedRecordRegion([
            record("us", { latencyRoutingPolicies: [{ region: "us-east-1" }], ...alias(US_TARGET, US_ZONE) }),
            record("eu", { latencyRoutingPolicies: [{ region: "eu-west-1" }], ...alias(US_TARGET, US_ZONE) }),
        ], {}));
        assert.deepEqual(found, [
            'route53.Record "eu" (latency record for api.example.com) stands for eu-west-1 but aliases d-abc1234567.execute-api.us-east-1.amazonaws.com in us-east-1. ' +
                "Point it at the custom domain in eu-west-1, or set its latency region to us-east-1.",
        ]);
    });

    it("rejects an alias naming another region's API Gateway hosted zone", () => {
        const found = messages(checkRoutedRecordRegion([
            record("w", { weightedRoutingPolicies: [{ weight: 1 }], ...alias(EU_TARGET, US_ZONE) }),
        ], {}));
        assert.match(found[0], /aliases d-def1234567\.execute-api\.eu-west-1\.amazonaws\.com with hosted zone Z1UJRXOUMOOFQ8, but API Gateway targets in eu-west-1 live in ZLY8HYME6SFDD; Route 53 refuses/);
    });

    it("rejects a record whose target domain serves another region's certificate", () => {
        const found = messages(checkRoutedRecordRegion([
            domain("eu-domain", "eu-west-1", EU_TARGET, certArn("us-east-1")),
            record("eu", { latencyRoutingPolicies: [{ region: "eu-west-1" }], ...alias(EU_TARGET, EU_ZONE) }),
        ], {}));
        assert.match(found[0], /aliases apigateway\.DomainName "eu-domain" in eu-west-1, which serves the certificate arn:aws:acm:us-east-1:.* from us-east-1/);
    });

    it("rejects a failover pair whose primary and secondary alias one target, and accepts two regions", () => {
        const same = messages(checkRoutedRecordRegion([
            record("primary", { failoverRoutingPolicies: [{ type: "PRIMARY" }], ...alias(US_TARGET, US_ZONE) }),
            record("secondary", { failoverRoutingPolicies: [{ type: "SECONDARY" }], ...alias(US_TARGET, US_ZONE) }),
        ], {}));
        assert.match(same[0], /^route53\.Record "secondary" \(failover record for api\.example\.com\) aliases the same target as the primary route53\.Record "primary", so failover cannot move traffic/);
        assert.deepEqual(checkRoutedRecordRegion([
            record("primary", { failoverRoutingPolicies: [{ type: "PRIMARY" }], ...alias(US_TARGET, US_ZONE) }),
            record("secondary", { failoverRoutingPolicies: [{ type: "SECONDARY" }], ...alias(EU_TARGET, EU_ZONE) }),
        ], {}), []);
    });

    it("traces an unknown target to its domain's region during preview", () => {
        const eu = domain("eu-domain", "eu-west-1", UNKNOWN, UNKNOWN);
        const found = messages(checkRoutedRecordRegion([
            eu,
            record("us", { latencyRoutingPolicies: [{ region: "us-east-1" }], aliases: [{ name: UNKNOWN, zoneId: UNKNOWN, evaluateTargetHealth: true }] }, { aliases: [eu] }),
        ], {}));
        assert.match(found[0], /stands for us-east-1 but aliases the target of apigateway\.DomainName "eu-domain" in eu-west-1/);
    });

    it("leaves records alone when the regions cannot be told yet, or are not API Gateway's", () => {
        assert.deepEqual(checkRoutedRecordRegion([
            record("a", { latencyRoutingPolicies: [{ region: UNKNOWN }], ...alias(US_TARGET, UNKNOWN) }),
            record("b", { latencyRoutingPolicies: [{ region: "eu-west-1" }], ...alias("my-alb-123.us-east-1.elb.amazonaws.com", "Z35SXDOTRQ7X7K") }),
        ], {}), []);
    });
});
