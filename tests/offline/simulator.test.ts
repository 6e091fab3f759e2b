import * as assert from "assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as tls from "@pulumi/tls";
import { RecordedResource, RunOptions, RunResult, UNKNOWN, byType, runProgram } from "../../offline/engine";
import { AwsSimulator } from "../../offline/simulator";

const CERT = "aws:acm/certificate:Certificate";
const REST_DOMAIN = "aws:apigateway/domainName:DomainName";

/** Runs a program in the stack region us-east-1 unless the test configures another. */
async function plan(program: () => unknown, options: RunOptions = {}): Promise<RunResult> {
    const result = await runProgram(program, { ...options, config: { "aws:region": "us-east-1", ...options.config } });
    if (result.error) throw result.error;
    return result;
}

function only(result: RunResult, type: string, name?: string): RecordedResource {
    const found = byType(result, type).filter((r) => name === undefined || r.name === name);
    assert.strictEqual(found.length, 1, `expected one ${type} ${name ?? ""}, found ${found.length}`);
    return found[0];
}

function arnRegion(arn: unknown): string {
    assert.strictEqual(typeof arn, "string", `expected an ARN, got ${String(arn)}`);
    return (arn as string).split(":")[3];
}

describe("offline simulator", () => {
    describe("regions", () => {
        it("puts a resource in its own region input, ahead of its provider's and the stack's", async () => {
            const result = await plan(
                () => {
                    const provider = new aws.Provider("use2", { region: "us-east-2" });
                    new aws.acm.Certificate("cert", { domainName: "a.example.com", validationMethod: "DNS", region: "ap-southeast-2" }, { provider });
                },
                { config: { "aws:region": "eu-west-1" } },
            );
            const cert = only(result, CERT);
            assert.strictEqual(arnRegion(cert.outputs.arn), "ap-southeast-2");
            assert.strictEqual(cert.region, "ap-southeast-2");
            assert.strictEqual(cert.outputs.region, "ap-southeast-2");
        });

        it("takes the explicit provider's region when the resource names none", async () => {
            const result = await plan(
                () => {
                    const provider = new aws.Provider("use1", { region: "us-east-1" });
                    new aws.acm.Certificate("edge", { domainName: "a.example.com", validationMethod: "DNS" }, { provider });
                    new aws.acm.Certificate("home", { domainName: "a.example.com", validationMethod: "DNS" });
                },
                { config: { "aws:region": "eu-central-1" } },
            );
            assert.strictEqual(arnRegion(only(result, CERT, "edge").outputs.arn), "us-east-1");
            assert.strictEqual(arnRegion(only(result, CERT, "home").outputs.arn), "eu-central-1");
        });

        it("inherits a component's providers", async () => {
            const result = await plan(() => {
                const provider = new aws.Provider("sydney", { region: "ap-southeast-2" });
                const parent = new pulumi.ComponentResource("test:index:Box", "box", {}, { providers: { aws: provider } });
                new aws.acm.Certificate("inner", { domainName: "a.example.com", validationMethod: "DNS" }, { parent });
                new aws.acm.Certificate("outer", { domainName: "a.example.com", validationMethod: "DNS" });
            });
            assert.strictEqual(arnRegion(only(result, CERT, "inner").outputs.arn), "ap-southeast-2");
            assert.strictEqual(arnRegion(only(result, CERT, "outer").outputs.arn), "us-east-1");
        });

        it("answers getRegion, getPartition and getAvailabilityZones for the provider the call goes through", async () => {
            const result = await plan(
                () => {
                    const provider = new aws.Provider("frankfurt", { region: "eu-central-1" });
                    const here = aws.getRegionOutput({});
                    const there = aws.getRegionOutput({}, { provider });
                    const zones = aws.getAvailabilityZonesOutput({}, { provider });
                    const partition = aws.getPartitionOutput({});
                    return { here: here.region, there: there.region, zones: zones.names, zoneIds: zones.zoneIds, suffix: partition.dnsSuffix };
                },
                { config: { "aws:region": "sa-east-1" } },
            );
            assert.strictEqual(result.stackOutputs.here, "sa-east-1");
            assert.strictEqual(result.stackOutputs.there, "eu-central-1");
            assert.deepStrictEqual(result.stackOutputs.zones, ["eu-central-1a", "eu-central-1b", "eu-central-1c"]);
            assert.deepStrictEqual(result.stackOutputs.zoneIds, ["euc1-az1", "euc1-az2", "euc1-az3"]);
            assert.strictEqual(result.stackOutputs.suffix, "amazonaws.com");
        });

        it("puts resources and the caller identity of an assume-role provider in that role's account", async () => {
            const result = await plan(() => {
                const dns = new aws.Provider("dns", { region: "us-east-1", assumeRoles: [{ roleArn: "arn:aws:iam::210987654321:role/dns-admin" }] });
                new aws.acm.Certificate("cert", { domainName: "a.example.com", validationMethod: "DNS" }, { provider: dns });
                return { caller: aws.getCallerIdentityOutput({}, { provider: dns }).accountId, home: aws.getCallerIdentityOutput({}).accountId };
            });
            assert.strictEqual((only(result, CERT).outputs.arn as string).split(":")[4], "210987654321");
            assert.strictEqual(result.stackOutputs.caller, "210987654321");
            assert.strictEqual(result.stackOutputs.home, "123456789012");
        });
    });

    describe("ACM", () => {
        it("gives a wildcard and its apex one shared DNS validation record, and another name its own", async () => {
            const result = await plan(() => {
                new aws.acm.Certificate("cert", {
                    domainName: "example.com",
                    subjectAlternativeNames: ["*.example.com", "api.other.org"],
                    validationMethod: "DNS",
                });
            });
            const options = only(result, CERT).outputs.domainValidationOptions as Record<string, string>[];
            assert.deepStrictEqual(options.map((o) => o.domainName).sort(), ["*.example.com", "api.other.org", "example.com"]);
            const apex = options.find((o) => o.domainName === "example.com")!;
            const wildcard = options.find((o) => o.domainName === "*.example.com")!;
            const other = options.find((o) => o.domainName === "api.other.org")!;
            assert.strictEqual(wildcard.resourceRecordName, apex.resourceRecordName);
            assert.strictEqual(wildcard.resourceRecordValue, apex.resourceRecordValue);
            assert.notStrictEqual(other.resourceRecordName, apex.resourceRecordName);
            assert.match(apex.resourceRecordName, /^_[0-9a-f]{32}\.example\.com\.$/);
            assert.match(apex.resourceRecordValue, /^_[0-9a-f]{32}\.[a-z]+\.acm-validations\.aws\.$/);
            assert.strictEqual(apex.resourceRecordType, "CNAME");
            assert.strictEqual(only(result, CERT).outputs.status, "ISSUED");
            assert.strictEqual(only(result, CERT).outputs.type, "AMAZON_ISSUED");
        });

        it("reads the names of an imported @pulumi/tls certificate", async () => {
            const result = await plan(() => {
                const key = new tls.PrivateKey("key", { algorithm: "RSA" });
                const pem = new tls.SelfSignedCert("self", {
                    privateKeyPem: key.privateKeyPem,
                    subject: { commonName: "internal.example.com" },
                    dnsNames: ["internal.example.com", "*.internal.example.com"],
                    validityPeriodHours: 24,
                    allowedUses: ["server_auth"],
                });
                new aws.acm.Certificate("imported", { certificateBody: pem.certPem, privateKey: key.privateKeyPem });
            });
            const cert = only(result, CERT);
            assert.strictEqual(cert.outputs.type, "IMPORTED");
            assert.strictEqual(cert.outputs.domainName, "internal.example.com");
            assert.deepStrictEqual(cert.outputs.subjectAlternativeNames, ["*.internal.example.com"]);
            assert.deepStrictEqual(cert.outputs.domainValidationOptions, []);
            assert.match(only(result, "tls:index/selfSignedCert:SelfSignedCert").outputs.certPem, /^-----BEGIN CERTIFICATE-----/);
        });

        it("validates in the certificate's own ARN", async () => {
            const result = await plan(() => {
                const cert = new aws.acm.Certificate("cert", { domainName: "a.example.com", validationMethod: "DNS", region: "us-east-1" });
                new aws.acm.CertificateValidation("valid", { certificateArn: cert.arn, region: "us-east-1" });
            });
            const validation = only(result, "aws:acm/certificateValidation:CertificateValidation");
            assert.strictEqual(validation.id, only(result, CERT).outputs.arn);
            assert.strictEqual(validation.outputs.certificateArn, only(result, CERT).outputs.arn);
        });
    });

    describe("API Gateway domains", () => {
        it("gives a regional domain a d-xxxx.execute-api target in its region with that region's hosted zone", async () => {
            const result = await plan(() => {
                for (const region of ["eu-west-1", "us-east-2"]) {
                    new aws.apigateway.DomainName(region, {
                        domainName: `api.${region}.example.com`,
                        regionalCertificateArn: `arn:aws:acm:${region}:123456789012:certificate/x`,
                        endpointConfiguration: { types: "REGIONAL" },
                        region,
                    });
                }
            });
            const ireland = only(result, REST_DOMAIN, "eu-west-1").outputs;
            const ohio = only(result, REST_DOMAIN, "us-east-2").outputs;
            assert.match(ireland.regionalDomainName, /^d-[a-z0-9]{10}\.execute-api\.eu-west-1\.amazonaws\.com$/);
            assert.strictEqual(ireland.regionalZoneId, "ZLY8HYME6SFDD");
            assert.match(ohio.regionalDomainName, /^d-[a-z0-9]{10}\.execute-api\.us-east-2\.amazonaws\.com$/);
            assert.strictEqual(ohio.regionalZoneId, "ZOJJZC49E0EPZ");
            assert.strictEqual(ireland.cloudfrontDomainName, "");
            assert.strictEqual(ireland.securityPolicy, "TLS_1_2");
            assert.strictEqual(ireland.arn, "arn:aws:apigateway:eu-west-1::/domainnames/api.eu-west-1.example.com");
        });

        it("gives an edge-optimized domain a CloudFront target in zone Z2FDTNDATAQYW2 and no regional target", async () => {
            const result = await plan(() => {
                new aws.apigateway.DomainName("edge", {
                    domainName: "api.example.com",
                    certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/x",
                    endpointConfiguration: { types: "EDGE" },
                });
            });
            const edge = only(result, REST_DOMAIN).outputs;
            assert.match(edge.cloudfrontDomainName, /^d[a-z0-9]{13}\.cloudfront\.net$/);
            assert.strictEqual(edge.cloudfrontZoneId, "Z2FDTNDATAQYW2");
            assert.strictEqual(edge.regionalDomainName, "");
        });

        it("gives a private domain a domainNameId and an account-scoped ARN", async () => {
            const result = await plan(
                () => {
                    new aws.apigateway.DomainName("private", {
                        domainName: "api.internal.example.com",
                        certificateArn: "arn:aws:acm:eu-west-2:123456789012:certificate/x",
                        endpointConfiguration: { types: "PRIVATE" },
                    });
                },
                { config: { "aws:region": "eu-west-2" } },
            );
            const domain = only(result, REST_DOMAIN);
            assert.match(domain.outputs.domainNameId, /^[a-z0-9]{10}$/);
            assert.strictEqual(domain.outputs.arn, `arn:aws:apigateway:eu-west-2:123456789012:/domainnames/api.internal.example.com+${domain.outputs.domainNameId}`);
            assert.strictEqual(domain.id, `api.internal.example.com/${domain.outputs.domainNameId}`);
        });

        it("reports a v2 domain's target and hosted zone inside its domainNameConfiguration", async () => {
            const result = await plan(() => {
                new aws.apigatewayv2.DomainName("ws", {
                    domainName: "ws.example.com",
                    domainNameConfiguration: { certificateArn: "arn:aws:acm:ca-central-1:123456789012:certificate/x", endpointType: "REGIONAL", securityPolicy: "TLS_1_2" },
                    region: "ca-central-1",
                });
            });
            const domain = only(result, "aws:apigatewayv2/domainName:DomainName").outputs;
            assert.match(domain.domainNameConfiguration.targetDomainName, /^d-[a-z0-9]{10}\.execute-api\.ca-central-1\.amazonaws\.com$/);
            assert.strictEqual(domain.domainNameConfiguration.hostedZoneId, "Z19DQILCV0OWEC");
            assert.strictEqual(domain.apiMappingSelectionExpression, "$request.basepath");
        });

        it("gives APIs and stages execute-api endpoints in their region, wss:// for WebSocket", async () => {
            const result = await plan(
                () => {
                    const rest = new aws.apigateway.RestApi("rest", {});
                    const http = new aws.apigatewayv2.Api("http", { protocolType: "HTTP" });
                    const ws = new aws.apigatewayv2.Api("ws", { protocolType: "WEBSOCKET", routeSelectionExpression: "$request.body.action" });
                    new aws.apigatewayv2.Stage("ws-prod", { apiId: ws.id, name: "prod" });
                    new aws.apigatewayv2.Stage("http-default", { apiId: http.id, name: "$default" });
                    // Passing the RestApi itself sends a resource reference; the provider sees its id.
                    new aws.apigateway.Stage("rest-prod", { restApi: rest, deployment: "abc123", stageName: "prod" });
                    const root = new aws.apigateway.Resource("orders", { restApi: rest.id, parentId: rest.rootResourceId, pathPart: "orders" });
                    new aws.apigateway.Resource("order", { restApi: rest.id, parentId: root.id, pathPart: "{id}" });
                },
                { config: { "aws:region": "us-west-2" } },
            );
            const rest = only(result, "aws:apigateway/restApi:RestApi");
            assert.match(rest.id!, /^[a-z0-9]{10}$/);
            assert.strictEqual(rest.outputs.executionArn, `arn:aws:execute-api:us-west-2:123456789012:${rest.id}`);
            assert.match(rest.outputs.name, /^rest-[0-9a-f]{7}$/);
            const restStage = only(result, "aws:apigateway/stage:Stage");
            assert.strictEqual(restStage.inputs.restApi, rest.id);
            assert.strictEqual(restStage.outputs.invokeUrl, `https://${rest.id}.execute-api.us-west-2.amazonaws.com/prod`);
            const ws = only(result, "aws:apigatewayv2/api:Api", "ws");
            assert.strictEqual(ws.outputs.apiEndpoint, `wss://${ws.id}.execute-api.us-west-2.amazonaws.com`);
            assert.strictEqual(only(result, "aws:apigatewayv2/stage:Stage", "ws-prod").outputs.invokeUrl, `wss://${ws.id}.execute-api.us-west-2.amazonaws.com/prod`);
            const http = only(result, "aws:apigatewayv2/api:Api", "http");
            assert.strictEqual(only(result, "aws:apigatewayv2/stage:Stage", "http-default").outputs.invokeUrl, `https://${http.id}.execute-api.us-west-2.amazonaws.com/`);
            assert.strictEqual(only(result, "aws:apigateway/resource:Resource", "order").outputs.path, "/orders/{id}");
        });
    });

    describe("networking and DNS", () => {
        it("gives an interface endpoint one ENI per subnet, addressed inside the subnet, and zonal DNS names", async () => {
            const result = await plan(
                () => {
                    const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.20.0.0/16" });
                    const a = new aws.ec2.Subnet("a", { vpcId: vpc.id, cidrBlock: "10.20.1.0/24", availabilityZone: "eu-west-1a" });
                    const b = new aws.ec2.Subnet("b", { vpcId: vpc.id, cidrBlock: "10.20.2.0/24", availabilityZone: "eu-west-1b" });
                    const endpoint = new aws.ec2.VpcEndpoint("execute-api", {
                        vpcId: vpc.id,
                        serviceName: "com.amazonaws.eu-west-1.execute-api",
                        vpcEndpointType: "Interface",
                        subnetIds: [a.id, b.id],
                        privateDnsEnabled: true,
                    });
                    const ips = endpoint.networkInterfaceIds.apply((ids) =>
                        Promise.all(ids.map((id) => aws.ec2.getNetworkInterface({ id }).then((eni) => ({ ip: eni.privateIp, subnet: eni.subnetId })))),
                    );
                    return { ips, subnets: [a.id, b.id] };
                },
                { config: { "aws:region": "eu-west-1" } },
            );
            const endpoint = only(result, "aws:ec2/vpcEndpoint:VpcEndpoint");
            assert.match(endpoint.id!, /^vpce-[0-9a-f]{17}$/);
            assert.strictEqual(endpoint.outputs.networkInterfaceIds.length, 2);
            for (const eni of endpoint.outputs.networkInterfaceIds) assert.match(eni, /^eni-[0-9a-f]{17}$/);
            const entries = endpoint.outputs.dnsEntries as { dnsName: string; hostedZoneId: string }[];
            assert.strictEqual(entries.length, 3);
            assert.match(entries[0].dnsName, new RegExp(`^${endpoint.id}-[a-z0-9]{8}\\.execute-api\\.eu-west-1\\.vpce\\.amazonaws\\.com$`));
            assert.ok(entries[1].dnsName.includes("-eu-west-1a."));
            assert.strictEqual(entries[0].hostedZoneId, "Z38GZ743OKFT7T");
            const [ipA, ipB] = result.stackOutputs.ips as { ip: string; subnet: string }[];
            assert.match(ipA.ip, /^10\.20\.1\.\d+$/);
            assert.match(ipB.ip, /^10\.20\.2\.\d+$/);
            assert.deepStrictEqual([ipA.subnet, ipB.subnet], result.stackOutputs.subnets);
        });

        it("gives an internal ALB an internal- DNS name and the region's ALB hosted zone", async () => {
            const result = await plan(
                () => {
                    new aws.lb.LoadBalancer("alb", { internal: true, loadBalancerType: "application", subnets: ["subnet-1", "subnet-2"] });
                    new aws.lb.LoadBalancer("nlb", { loadBalancerType: "network", subnets: ["subnet-1"], region: "eu-west-1" });
                },
                { config: { "aws:region": "us-east-1" } },
            );
            const alb = only(result, "aws:lb/loadBalancer:LoadBalancer", "alb").outputs;
            assert.match(alb.dnsName, /^internal-alb-[0-9a-f]{7}-\d{10}\.us-east-1\.elb\.amazonaws\.com$/);
            assert.strictEqual(alb.zoneId, "Z35SXDOTRQ7X7K");
            assert.match(alb.arn, /^arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer\/app\//);
            assert.strictEqual(only(result, "aws:lb/loadBalancer:LoadBalancer", "nlb").outputs.zoneId, "Z2IFOLAFXWLO4F");
        });

        it("fills in a target group's health check the way AWS defaults it", async () => {
            const result = await plan(() => {
                new aws.lb.TargetGroup("tg", { port: 443, protocol: "HTTPS", targetType: "ip", vpcId: "vpc-1", healthCheck: { matcher: "200,403" } });
            });
            const health = only(result, "aws:lb/targetGroup:TargetGroup").outputs.healthCheck;
            assert.strictEqual(health.matcher, "200,403");
            assert.strictEqual(health.protocol, "HTTPS");
            assert.strictEqual(health.path, "/");
        });

        it("gives a CloudFront distribution an E-id, a dxxxx.cloudfront.net name and zone Z2FDTNDATAQYW2", async () => {
            const result = await plan(() => {
                new aws.cloudfront.Distribution("cdn", {
                    enabled: true,
                    origins: [{ domainName: "d-abc.execute-api.eu-west-1.amazonaws.com", originId: "api", customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] } }],
                    defaultCacheBehavior: { targetOriginId: "api", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"], cachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad" },
                    restrictions: { geoRestriction: { restrictionType: "none" } },
                    viewerCertificate: { cloudfrontDefaultCertificate: true },
                });
            });
            const cdn = only(result, "aws:cloudfront/distribution:Distribution");
            assert.match(cdn.id!, /^E[A-Z0-9]{13}$/);
            assert.match(cdn.outputs.domainName, /^d[a-z0-9]{13}\.cloudfront\.net$/);
            assert.strictEqual(cdn.outputs.hostedZoneId, "Z2FDTNDATAQYW2");
            assert.strictEqual(cdn.outputs.arn, `arn:aws:cloudfront::123456789012:distribution/${cdn.id}`);
            assert.strictEqual(cdn.region, undefined, "CloudFront is global");
        });

        it("answers getZone with the zone the program creates, public and private apart, and completes relative record names", async () => {
            const result = await plan(() => {
                const lookedUpFirst = aws.route53.getZoneOutput({ name: "example.com" });
                const zone = new aws.route53.Zone("public", { name: "example.com" });
                const privateZone = new aws.route53.Zone("private", { name: "example.com", vpcs: [{ vpcId: "vpc-1" }] });
                new aws.route53.Record("www", { zoneId: zone.zoneId, name: "www", type: "CNAME", ttl: 60, records: ["x.example.org"] });
                const lookedUpPrivate = aws.route53.getZoneOutput({ name: "example.com", privateZone: true });
                return { first: lookedUpFirst.zoneId, zone: zone.zoneId, private: privateZone.zoneId, lookedUpPrivate: lookedUpPrivate.zoneId };
            });
            const out = result.stackOutputs;
            assert.strictEqual(out.first, out.zone);
            assert.strictEqual(out.lookedUpPrivate, out.private);
            assert.notStrictEqual(out.private, out.zone);
            assert.strictEqual(only(result, "aws:route53/record:Record").outputs.fqdn, "www.example.com");
            assert.strictEqual(only(result, "aws:route53/zone:Zone", "public").outputs.nameServers.length, 4);
        });

        it("answers a getZone for a zone it has never seen with a stable made-up zone", async () => {
            const program = () => ({ zone: aws.route53.getZoneOutput({ name: "elsewhere.net" }).zoneId });
            const [first, second] = [await plan(program), await plan(program)];
            assert.match(first.stackOutputs.zone, /^Z[A-Z0-9]+$/);
            assert.strictEqual(first.stackOutputs.zone, second.stackOutputs.zone);
        });
    });

    describe("everything else", () => {
        it("answers types it does not model with an id from the name, the inputs and a regional ARN", async () => {
            const result = await plan(
                () => {
                    new aws.sns.Topic("alerts", { displayName: "Alerts" });
                },
                { config: { "aws:region": "eu-north-1" } },
            );
            const topic = only(result, "aws:sns/topic:Topic");
            assert.match(topic.id!, /^alerts-[0-9a-f]{7}$/);
            assert.strictEqual(topic.outputs.displayName, "Alerts");
            assert.strictEqual(arnRegion(topic.outputs.arn), "eu-north-1");
        });

        it("gives identical outputs on every run of the same program", async () => {
            const program = () => {
                const cert = new aws.acm.Certificate("cert", { domainName: "example.com", validationMethod: "DNS" });
                const domain = new aws.apigateway.DomainName("domain", { domainName: "example.com", regionalCertificateArn: cert.arn, endpointConfiguration: { types: "REGIONAL" } });
                return { arn: cert.arn, target: domain.regionalDomainName };
            };
            const [a, b] = [await plan(program), await plan(program)];
            assert.deepStrictEqual(a.stackOutputs, b.stackOutputs);
            assert.deepStrictEqual(
                a.resources.map((r) => r.outputs),
                b.resources.map((r) => r.outputs),
            );
        });

        it("leaves computed outputs unknown in a preview but still answers lookups", async () => {
            const result = await plan(
                () => {
                    const cert = new aws.acm.Certificate("cert", { domainName: "example.com", validationMethod: "DNS" });
                    new aws.apigateway.DomainName("domain", { domainName: "example.com", regionalCertificateArn: cert.arn, endpointConfiguration: { types: "REGIONAL" } });
                    return { arn: cert.arn, zone: aws.route53.getZoneOutput({ name: "example.com" }).zoneId };
                },
                { preview: true },
            );
            const cert = only(result, CERT);
            assert.strictEqual(cert.id, undefined);
            assert.strictEqual(cert.outputs.arn, undefined);
            assert.strictEqual(result.stackOutputs.arn, UNKNOWN);
            assert.match(result.stackOutputs.zone, /^Z[A-Z0-9]+$/);
            assert.strictEqual(only(result, REST_DOMAIN).inputs.regionalCertificateArn, UNKNOWN);
            assert.strictEqual(only(result, REST_DOMAIN).region, "us-east-1");
        });

        it("can be used directly as the mocks of a unit test", async () => {
            const simulator = new AwsSimulator({ config: { "aws:region": "eu-west-3" }, accountId: "111122223333" });
            const answer = await simulator.newResource({ type: "aws:apigatewayv2/api:Api", name: "api", inputs: { protocolType: "HTTP" }, custom: true });
            assert.match(answer.id!, /^[a-z0-9]{10}$/);
            assert.strictEqual(answer.state.executionArn, `arn:aws:execute-api:eu-west-3:111122223333:${answer.id}`);
            const region = await simulator.call({ token: "aws:index/getRegion:getRegion", inputs: {} });
            assert.strictEqual(region.name, "eu-west-3");
            assert.deepStrictEqual(await simulator.call({ token: "aws:unknown/thing:thing", inputs: {} }), {});
        });
    });
});
