/**
 * The simulator answers with the rulebook's AWS facts (issue 12), says what it cannot know
 * instead of inventing it, and fails where the provider fails (issue 18, point 3).
 */
import * as assert from "assert";
import * as path from "path";
import * as aws from "@pulumi/aws";
import { UNKNOWN, byType } from "../../offline/engine";
import { runnerIn } from "./environment";
import { formatJson, formatTree } from "../../offline/format";
import { planProgram } from "../../offline/plan";

const { run, ok } = runnerIn("eu-west-1");

describe("offline simulator: AWS facts from the rulebook, unknowns said, provider failures raised", function () {
    this.timeout(120_000);

    describe("route53.getZone of a name that cannot be a hosted zone", () => {
        for (const name of ["co.uk", "com", "com."]) {
            it(`fails a lookup of the public suffix "${name}" as the provider fails when no zone matches`, async () => {
                const result = await run(() => ({ zone: aws.route53.getZoneOutput({ name }).zoneId }));
                assert.ok(result.error, "the plan must fail");
                assert.match(result.error!.message, /no matching Route 53 Hosted Zone found/);
                assert.match(result.error!.message, /public suffix/);
            });
        }

        it("still answers a registrable domain under a multi-label suffix (example.co.uk)", async () => {
            const result = await ok(() => ({ zone: aws.route53.getZoneOutput({ name: "example.co.uk" }) }));
            assert.strictEqual(result.stackOutputs.zone.name, "example.co.uk");
            assert.match(result.stackOutputs.zone.zoneId, /^Z[A-Z0-9]+$/);
        });
    });

    describe("Route 53 health checks", () => {
        it("gets a UUID id, a global healthcheck ARN and the endpoint defaults Route 53 fills in", async () => {
            const result = await ok(() => {
                new aws.route53.HealthCheck("api", { type: "HTTPS", fqdn: "api.example.com", port: 443, resourcePath: "/health" });
            });
            const check = byType(result, "aws:route53/healthCheck:HealthCheck")[0];
            assert.match(check.id!, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
            assert.strictEqual(check.outputs.arn, `arn:aws:route53:::healthcheck/${check.id}`);
            assert.strictEqual(check.outputs.failureThreshold, 3);
            assert.strictEqual(check.outputs.requestInterval, 30);
            assert.strictEqual(check.outputs.enableSni, true);
            assert.strictEqual(check.outputs.regions.length, 8);
            assert.strictEqual(check.region, undefined, "health checks are global");
            assert.ok(!check.id!.startsWith("api-"), "not the fallback id of an unmodelled type");
        });

        it("keeps what the program set, and does not turn SNI on for plain HTTP", async () => {
            const result = await ok(() => {
                new aws.route53.HealthCheck("api", { type: "HTTP", fqdn: "api.example.com", failureThreshold: 5, requestInterval: 10, regions: ["us-east-1", "eu-west-1", "ap-southeast-1"] });
            });
            const check = byType(result, "aws:route53/healthCheck:HealthCheck")[0];
            assert.strictEqual(check.outputs.failureThreshold, 5);
            assert.strictEqual(check.outputs.requestInterval, 10);
            assert.strictEqual(check.outputs.enableSni, false);
            assert.deepStrictEqual(check.outputs.regions, ["us-east-1", "eu-west-1", "ap-southeast-1"]);
        });
    });

    describe("an existing VPC endpoint the program did not create", () => {
        it("answers its network interfaces as unknown, and the plan lists them as not simulated", async () => {
            const result = await ok(() => {
                const endpoint = aws.ec2.getVpcEndpointOutput({ id: "vpce-0123456789abcdef0" });
                return { interfaces: endpoint.networkInterfaceIds };
            });
            assert.strictEqual(result.stackOutputs.interfaces, UNKNOWN, "the program sees an unknown, not [] or undefined");
            const call = result.invokes.find((i) => i.token === "aws:ec2/getVpcEndpoint:getVpcEndpoint")!;
            assert.ok(call.unknown?.includes("networkInterfaceIds"));
            assert.strictEqual(call.result.id, "vpce-0123456789abcdef0");
        });

        it("keeps any unknown property of an answered lookup unknown to the program in the update view, never undefined", async () => {
            const result = await ok(() => {
                const role = aws.iam.getRoleOutput({ name: "deployer" });
                return { arn: role.arn, trust: role.assumeRolePolicy };
            });
            assert.strictEqual(result.stackOutputs.arn, "arn:aws:iam::123456789012:role/deployer");
            assert.strictEqual(result.stackOutputs.trust, UNKNOWN);
        });

        it("plans PrivateAlbDomain with an existing endpoint: the interface check waits, the targets' addresses are unknown", async () => {
            const program = path.resolve(__dirname, "..", "corpus", "patterns", "private-alb-existing-endpoint");
            const result = await planProgram(program, { policyPack: false });
            assert.ifError(result.error);
            const targets = result.resources.filter((r) => r.type === "aws:lb/targetGroupAttachment:TargetGroupAttachment");
            assert.strictEqual(targets.length, 2, "one target per subnet");
            for (const t of targets) assert.deepStrictEqual(t.unsimulated, ["targetId"]);
            const tree = formatTree(result);
            assert.match(tree, /invoke aws:ec2\/getVpcEndpoint:getVpcEndpoint: .*networkInterfaceIds/);
            assert.match(tree, /TargetGroupAttachment "internal-target-0": targetId/);
            const json = JSON.parse(formatJson(result));
            assert.ok(json.unsimulated.invokeResults.some((i: { token: string; properties: string[] }) =>
                i.token === "aws:ec2/getVpcEndpoint:getVpcEndpoint" && i.properties.includes("networkInterfaceIds")));
        });

        it("still answers an endpoint the program created with its own interfaces", async () => {
            const result = await ok(() => {
                const endpoint = new aws.ec2.VpcEndpoint("api", {
                    vpcId: "vpc-0123456789abcdef0", serviceName: "com.amazonaws.eu-west-1.execute-api", vpcEndpointType: "Interface",
                    subnetIds: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"],
                });
                return { interfaces: aws.ec2.getVpcEndpointOutput({ id: endpoint.id }).networkInterfaceIds };
            });
            assert.strictEqual(result.stackOutputs.interfaces.length, 2);
        });
    });

    describe("regions the rulebook has no hosted zone for", () => {
        it("gives a regional domain in such a region an unknown zone id, listed as not simulated, never an invented one", async () => {
            // ap-southeast-6 has no API Gateway zone id in the rulebook's sources (aws/regions.ts).
            const result = await ok(() => {
                new aws.apigateway.DomainName("api", {
                    domainName: "api.example.com", regionalCertificateArn: "arn:aws:acm:ap-southeast-6:123456789012:certificate/1",
                    endpointConfiguration: { types: "REGIONAL" }, region: "ap-southeast-6",
                });
            });
            const domain = byType(result, "aws:apigateway/domainName:DomainName")[0];
            assert.strictEqual(domain.outputs.regionalZoneId, UNKNOWN);
            assert.ok(domain.unsimulated?.includes("regionalZoneId"));
            assert.match(domain.outputs.regionalDomainName, /\.execute-api\.ap-southeast-6\.amazonaws\.com$/);
        });
    });

    describe("facts the simulator answers with", () => {
        it("looks managed CloudFront policies up by name with AWS's ids and settings, and leaves another policy unknown", async () => {
            const result = await ok(() => {
                const exceptHost = aws.cloudfront.getOriginRequestPolicyOutput({ name: "Managed-AllViewerExceptHostHeader" });
                const disabled = aws.cloudfront.getCachePolicyOutput({ name: "Managed-CachingDisabled" });
                const mine = aws.cloudfront.getOriginRequestPolicyOutput({ name: "my-team-policy" });
                return { exceptHost: exceptHost.id, headers: exceptHost.headersConfigs, disabled: disabled.id, ttl: disabled.maxTtl, mineName: mine.name };
            });
            assert.strictEqual(result.stackOutputs.exceptHost, "b689b0a8-53d0-40ab-baf2-68738e2966ac");
            assert.deepStrictEqual(result.stackOutputs.headers, [{ headerBehavior: "allExcept", headers: [{ items: ["host"] }] }]);
            assert.strictEqual(result.stackOutputs.disabled, "4135ea2d-6df8-44a3-9df3-4b5a84be39ad");
            assert.strictEqual(result.stackOutputs.ttl, 0);
            const mine = result.invokes.find((i) => i.token === "aws:cloudfront/getOriginRequestPolicy:getOriginRequestPolicy" && i.args.name === "my-team-policy")!;
            assert.strictEqual(mine.result.id, UNKNOWN, "another account's policy id is not made up");
        });

        it("gives an HTTPS listener without a policy the ELB API's default, and a load balancer name within 32 characters", async () => {
            const result = await ok(() => {
                const lb = new aws.lb.LoadBalancer("a-load-balancer-with-a-very-long-resource-name", { internal: true, subnets: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"] });
                new aws.lb.Listener("https", { loadBalancerArn: lb.arn, port: 443, protocol: "HTTPS", certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/1", defaultActions: [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "404" } }] });
            });
            assert.strictEqual(byType(result, "aws:lb/listener:Listener")[0].outputs.sslPolicy, "ELBSecurityPolicy-2016-08");
            assert.ok(byType(result, "aws:lb/loadBalancer:LoadBalancer")[0].outputs.name.length <= 32);
        });

        it("puts a CLOUDFRONT-scope web ACL in us-east-1 whatever the provider's region", async () => {
            const result = await ok(() => {
                new aws.wafv2.WebAcl("edge", { scope: "CLOUDFRONT", defaultAction: { allow: {} }, visibilityConfig: { cloudwatchMetricsEnabled: false, metricName: "edge", sampledRequestsEnabled: false } });
            });
            assert.match(byType(result, "aws:wafv2/webAcl:WebAcl")[0].outputs.arn, /^arn:aws:wafv2:us-east-1:123456789012:global\/webacl\//);
        });

        it("names a network interface's address ec2.internal in us-east-1 and region.compute.internal elsewhere", async () => {
            const names: Record<string, string> = {};
            for (const region of ["us-east-1", "eu-west-1"]) {
                const result = await ok(() => ({ name: aws.ec2.getNetworkInterfaceOutput({ id: "eni-0123456789abcdef0" }).privateDnsName }), { config: { "aws:region": region } });
                names[region] = result.stackOutputs.name;
            }
            assert.match(names["us-east-1"], /^ip-\d+-\d+-\d+-\d+\.ec2\.internal$/);
            assert.match(names["eu-west-1"], /^ip-\d+-\d+-\d+-\d+\.eu-west-1\.compute\.internal$/);
        });

        it("gives an execute-api endpoint in a China region DNS names of the execute-api service", async () => {
            const result = await ok(() => {
                new aws.ec2.VpcEndpoint("api", {
                    vpcId: "vpc-0123456789abcdef0", serviceName: "cn.com.amazonaws.cn-north-1.execute-api", vpcEndpointType: "Interface",
                    subnetIds: ["subnet-0123456789abcdef0"],
                });
            }, { config: { "aws:region": "cn-north-1" } });
            const entries = byType(result, "aws:ec2/vpcEndpoint:VpcEndpoint")[0].outputs.dnsEntries as { dnsName: string }[];
            assert.match(entries[0].dnsName, /^vpce-[0-9a-f]+-[a-z0-9]+\.execute-api\.cn-north-1\.vpce\.amazonaws\.com\.cn$/);
        });
    });
});
