import { strict as assert } from "assert";
import { checkAlbHealthChecks, matcherAccepts } from "../../policy/rules/alb-health-check-accepts-403";
import { StackResource, T } from "../../policy/lib/resources";
import { UNKNOWN, messages, res } from "./helpers";

const TARGET_GROUP = "aws:lb/targetGroup:TargetGroup";
const ATTACHMENT = "aws:lb/targetGroupAttachment:TargetGroupAttachment";

const endpoint = res(T.vpcEndpoint, "execute-api", { vpcId: "vpc-1", serviceName: "com.amazonaws.eu-west-1.execute-api", vpcEndpointType: "Interface", privateDnsEnabled: true });
const s3Endpoint = res(T.vpcEndpoint, "s3", { vpcId: "vpc-1", serviceName: "com.amazonaws.eu-west-1.s3", vpcEndpointType: "Interface" });

function targetGroup(healthCheck: unknown, type = TARGET_GROUP) {
    return res(type, "api-tg", { targetType: "ip", port: 443, protocol: "HTTPS", vpcId: "vpc-1", healthCheck });
}

function attachment(name: string, group: StackResource, source: StackResource, targetId: unknown = UNKNOWN, type = ATTACHMENT) {
    return res(type, name, { targetGroupArn: UNKNOWN, targetId, port: 443 }, { deps: { targetGroupArn: [group], targetId: [source] } });
}

describe("alb-health-check-accepts-403", () => {
    it("parses ALB matchers: lists, ranges and single codes", () => {
        assert.equal(matcherAccepts("200,403", 403), true);
        assert.equal(matcherAccepts("200-499", 403), true);
        assert.equal(matcherAccepts("200-299, 403", 403), true);
        assert.equal(matcherAccepts("200", 403), false);
        assert.equal(matcherAccepts("200-399", 403), false);
    });

    it("accepts a target group on the execute-api endpoint's addresses whose matcher accepts 403", () => {
        const group = targetGroup({ protocol: "HTTPS", path: "/", matcher: "200,403" });
        assert.deepEqual(checkAlbHealthChecks([endpoint, group, attachment("ip-a", group, endpoint), attachment("ip-b", group, endpoint)]), []);
    });

    it("rejects the default matcher (200) once per target group, naming the endpoint", () => {
        const group = targetGroup({ protocol: "HTTPS", path: "/" });
        const found = checkAlbHealthChecks([endpoint, group, attachment("ip-a", group, endpoint), attachment("ip-b", group, endpoint)]);
        assert.deepEqual(messages(found), [
            'lb.TargetGroup "api-tg": healthCheck.matcher not set: the targets are addresses of ec2.VpcEndpoint "execute-api" (execute-api), which answers health probes with 403, ' +
                'so every target is reported unhealthy (the default matcher is "200"). Fix: set healthCheck.matcher to "200,403".',
        ]);
        assert.equal(found[0].urn, group.urn);
    });

    it("finds the target group by ARN and the endpoint through plain dependencies, also for the alb module's types", () => {
        const group = res("aws:alb/targetGroup:TargetGroup", "api-tg", { arn: "arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/api/1", targetType: "ip", protocol: "HTTPS", healthCheck: { matcher: "200-399" } });
        const att = res("aws:alb/targetGroupAttachment:TargetGroupAttachment", "ip-a", { targetGroupArn: "arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/api/1", targetId: "10.0.1.15" }, { dependencies: [endpoint] });
        assert.match(messages(checkAlbHealthChecks([endpoint, group, att]))[0], /alb\.TargetGroup "api-tg": healthCheck\.matcher is "200-399": the targets are addresses of/);
    });

    it("ignores target groups not fed by an execute-api endpoint, and non-HTTP health checks", () => {
        const group = targetGroup({ matcher: "200" });
        assert.deepEqual(checkAlbHealthChecks([s3Endpoint, group, attachment("ip", group, s3Endpoint)]), []);
        const tcp = targetGroup({ protocol: "TCP" });
        assert.deepEqual(checkAlbHealthChecks([endpoint, tcp, attachment("ip", tcp, endpoint)]), []);
    });

    it("does not crash on unknown health checks, matchers and ARNs (preview)", () => {
        const a = targetGroup(UNKNOWN);
        const b = targetGroup({ matcher: UNKNOWN });
        const orphan = res(ATTACHMENT, "orphan", { targetGroupArn: UNKNOWN, targetId: UNKNOWN }, { deps: { targetId: [endpoint] } });
        assert.deepEqual(checkAlbHealthChecks([endpoint, a, b, attachment("ip-a", a, endpoint), attachment("ip-b", b, endpoint), orphan]), []);
    });
});
