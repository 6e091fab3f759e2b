// The Route 53 rules of the rulebook, on values AWS takes (including unusual ones) and values it refuses.
import * as assert from "assert";
import {
    failoverRolesProblem, healthCheckFailureThresholdProblem, healthCheckIdProblem, healthCheckPathProblem, healthCheckPortProblem,
    healthCheckRequestIntervalProblem, healthCheckSearchStringProblem, healthCheckerRegionsProblem,
    setIdentifierProblem, weightProblem,
} from "../../aws/route53";
import { executeApiHostRegion } from "../../aws/apigateway";
import { regionNameProblem } from "../../aws/regions";

describe("rulebook: Route 53 routing and health checks", () => {
    const cases: [string, (v: unknown) => unknown, unknown[], unknown[]][] = [
        ["set identifier", setIdentifierProblem, ["a", "us-east-1", "x".repeat(128), "with spaces and Ünïcode"], ["", "x".repeat(129), 7, undefined]],
        ["weight", weightProblem, [0, 1, 255], [-1, 256, 1.5, "10", undefined]],
        ["port", healthCheckPortProblem, [1, 443, 8443, 65535], [0, 65536, 443.5, "443"]],
        ["resource path", healthCheckPathProblem, ["/", "/health", "/v1/orders/health?deep=1&x=y", `/${"p".repeat(254)}`], ["health", "", `/${"p".repeat(255)}`, 1]],
        ["search string", healthCheckSearchStringProblem, ["ok", "x".repeat(255)], ["", "x".repeat(256)]],
        ["request interval", healthCheckRequestIntervalProblem, [10, 30], [5, 20, 60, "30"]],
        ["failure threshold", healthCheckFailureThresholdProblem, [1, 3, 10], [0, 11, 2.5]],
        ["checker regions", healthCheckerRegionsProblem, [["us-east-1", "eu-west-1", "sa-east-1"], ["us-east-1", "us-west-1", "us-west-2", "eu-west-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1"]],
            [["us-east-1", "eu-west-1"], ["us-east-1", "us-east-1", "eu-west-1"], ["us-east-1", "eu-west-1", "eu-central-1"], "us-east-1"]],
        ["health check id", healthCheckIdProblem, ["abcdef11-2222-3333-4444-555555fedcba", "x".repeat(64)], ["", "x".repeat(65)]],
        ["region code (one rule for latency records and every regional resource)", regionNameProblem, ["us-east-1", "us-gov-west-1", "ap-southeast-4", "il-central-1", "eu-south-2", "eusc-de-east-1"], ["Europe", "us-east", "US-EAST-1", ""]],
    ];
    for (const [what, check, valid, invalid] of cases) {
        it(`${what}: accepts what Route 53 takes (unusual values included), refuses the rest`, () => {
            for (const v of valid) assert.strictEqual(check(v), undefined, `${what} ${JSON.stringify(v)} should pass`);
            for (const v of invalid) assert.ok(check(v), `${what} ${JSON.stringify(v)} should be refused`);
        });
    }

    it("failover: exactly one primary and one secondary, in either case and order", () => {
        assert.strictEqual(failoverRolesProblem(["primary", "secondary"]), undefined);
        assert.strictEqual(failoverRolesProblem(["SECONDARY", "PRIMARY"]), undefined);
        for (const roles of [["primary"], ["primary", "primary"], ["secondary", "secondary"], ["primary", "secondary", "secondary"], ["primary", "backup"]]) {
            assert.ok(failoverRolesProblem(roles), JSON.stringify(roles));
        }
    });

    it("reads the region out of execute-api names", () => {
        assert.strictEqual(executeApiHostRegion("d-abc1234567.execute-api.eu-west-1.amazonaws.com"), "eu-west-1");
        assert.strictEqual(executeApiHostRegion("abc1234567.execute-api.cn-north-1.amazonaws.com.cn"), "cn-north-1");
        assert.strictEqual(executeApiHostRegion("d111111abcdef8.cloudfront.net"), undefined);
    });
});
