import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { PrivateAlbDomain, PrivateAlbDomainArgs } from "../../components/private-alb-domain";
import { runProgram } from "../../offline/engine";
import { RecordedResource, RunResult, T, ofType, one, plan, propertyDeps, rejected } from "../helpers";

const ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const TG = "aws:lb/targetGroup:TargetGroup";
const ATTACHMENT = "aws:lb/targetGroupAttachment:TargetGroupAttachment";
const ALB = "aws:lb/loadBalancer:LoadBalancer";
const LISTENER = "aws:lb/listener:Listener";
const ZONE = "aws:route53/zone:Zone";
const GET_ENI = "aws:ec2/getNetworkInterface:getNetworkInterface";

const VPC = "vpc-0123456789abcdef0";
const base = {
    domainName: "api.internal.example.com",
    certificateZoneName: "example.com",
    vpcId: VPC,
    subnetIds: ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"],
};
const rest = { apiId: "privateap1", stage: "prod" };

function output<V>(o: { apply: (f: (v: V) => void) => unknown }): Promise<V> {
    return new Promise((res) => o.apply(res));
}

function group(r: RunResult, name: string): RecordedResource {
    return one(r, SG, name);
}

/** Every security group rule, as a comparable summary. */
function rules(r: RunResult): string[] {
    const sgName = new Map(ofType(r, SG).map((g) => [g.id, g.name]));
    const describe = (kind: string) => (x: RecordedResource) => {
        const peer = x.inputs.referencedSecurityGroupId ? `sg:${sgName.get(x.inputs.referencedSecurityGroupId)}` : x.inputs.cidrIpv4 ?? x.inputs.cidrIpv6;
        return `${sgName.get(x.inputs.securityGroupId)} ${kind} ${x.inputs.ipProtocol} ${x.inputs.fromPort}-${x.inputs.toPort} ${peer}`;
    };
    return [...ofType(r, INGRESS).map(describe("in")), ...ofType(r, EGRESS).map(describe("out"))].sort();
}

describe("PrivateAlbDomain", () => {
    it("creates an execute-api interface endpoint in every subnet, without private DNS, behind its own security group", async () => {
        const r = await plan(() => new PrivateAlbDomain("internal", { ...base, region: "eu-west-1", mappings: [rest] }),
            { config: { "aws:region": "us-east-1" } });
        const endpoint = one(r, ENDPOINT);
        assert.strictEqual(endpoint.inputs.serviceName, "com.amazonaws.eu-west-1.execute-api");
        assert.strictEqual(endpoint.inputs.vpcEndpointType, "Interface");
        assert.strictEqual(endpoint.inputs.privateDnsEnabled, false);
        assert.deepStrictEqual(endpoint.inputs.subnetIds, base.subnetIds);
        assert.deepStrictEqual(endpoint.inputs.securityGroupIds, [group(r, "internal-endpoint-sg").id]);
        assert.strictEqual(endpoint.inputs.vpcId, VPC);
        assert.strictEqual(endpoint.region, "eu-west-1");
    });

    it("reports the load balancer and its security group, for rules and DNS outside the component", async () => {
        let d: PrivateAlbDomain | undefined;
        let arn: string | undefined;
        let groupId: string | undefined;
        const r = await plan(async () => {
            d = new PrivateAlbDomain("internal", base);
            [arn, groupId] = await Promise.all([output(d.loadBalancerArn), output(d.albSecurityGroupId)]);
        });
        assert.strictEqual(arn, one(r, ALB).outputs.arn);
        assert.strictEqual(groupId, group(r, "internal-alb-sg").id);
        assert.strictEqual(d!.nodes.targets.length, 2);
        assert.strictEqual(d!.nodes.httpListener, undefined, "no redirect listener unless asked");
    });

    it("reads the endpoint service's region from the provider when no region is given", async () => {
        const r = await plan(() => new PrivateAlbDomain("internal", base), { config: { "aws:region": "ap-southeast-2" } });
        assert.strictEqual(one(r, ENDPOINT).inputs.serviceName, "com.amazonaws.ap-southeast-2.execute-api");
    });

    it("registers the private IP of each of the endpoint's network interfaces as an HTTPS target", async () => {
        let d: PrivateAlbDomain | undefined;
        const subnetIds = [...base.subnetIds, "subnet-0ccccccccccccccc3"];
        const r = await plan(() => { d = new PrivateAlbDomain("internal", { ...base, subnetIds }); });
        const endpoint = one(r, ENDPOINT);
        const tg = one(r, TG);
        const enis: string[] = endpoint.outputs.networkInterfaceIds;
        assert.strictEqual(enis.length, 3);
        const lookups = r.invokes.filter((i) => i.token === GET_ENI);
        assert.deepStrictEqual(lookups.map((i) => i.args.id).sort(), [...enis].sort(), "each interface of the endpoint is looked up");
        const endpointIps = lookups.map((i) => i.result.privateIp as string).sort();
        const attachments = ofType(r, ATTACHMENT);
        assert.strictEqual(attachments.length, 3);
        assert.deepStrictEqual(attachments.map((a) => a.inputs.targetId).sort(), endpointIps);
        assert.strictEqual(new Set(endpointIps).size, 3);
        for (const a of attachments) {
            assert.match(a.inputs.targetId, /^\d+\.\d+\.\d+\.\d+$/);
            assert.strictEqual(a.inputs.port, 443);
            assert.strictEqual(a.inputs.targetGroupArn, tg.outputs.arn);
            assert.ok(propertyDeps(a, "targetId").includes(endpoint.urn), "the target IPs come from the endpoint");
        }
        assert.deepStrictEqual([...await output(d!.targetIps)].sort(), endpointIps);
        assert.deepStrictEqual(attachments.map((a) => a.name).sort(), ["internal-target-0", "internal-target-1", "internal-target-2"]);
    });

    it("health-checks the targets over HTTPS and counts API Gateway's 403 as healthy", async () => {
        const r = await plan(() => new PrivateAlbDomain("internal", base));
        const tg = one(r, TG);
        assert.strictEqual(tg.inputs.targetType, "ip");
        assert.strictEqual(tg.inputs.protocol, "HTTPS");
        assert.strictEqual(tg.inputs.port, 443);
        assert.strictEqual(tg.inputs.vpcId, VPC);
        assert.strictEqual(tg.inputs.healthCheck.enabled, true);
        assert.strictEqual(tg.inputs.healthCheck.protocol, "HTTPS");
        assert.deepStrictEqual(tg.inputs.healthCheck.matcher.split(",").sort(), ["200", "403"]);
    });

    it("puts an internal ALB in the subnets with an HTTPS listener on the domain's certificate and a TLS 1.3/1.2 policy", async () => {
        const r = await plan(() => new PrivateAlbDomain("internal", base));
        const alb = one(r, ALB);
        assert.strictEqual(alb.inputs.internal, true);
        assert.strictEqual(alb.inputs.loadBalancerType, "application");
        assert.deepStrictEqual(alb.inputs.subnets, base.subnetIds);
        assert.deepStrictEqual(alb.inputs.securityGroups, [group(r, "internal-alb-sg").id]);
        assert.strictEqual(alb.inputs.dropInvalidHeaderFields, true);
        const listener = one(r, LISTENER);
        assert.strictEqual(listener.inputs.protocol, "HTTPS");
        assert.strictEqual(listener.inputs.port, 443);
        assert.strictEqual(listener.inputs.sslPolicy, "ELBSecurityPolicy-TLS13-1-2-2021-06");
        assert.strictEqual(listener.inputs.loadBalancerArn, alb.outputs.arn);
        assert.strictEqual(listener.inputs.certificateArn, one(r, T.validation).outputs.certificateArn);
        assert.deepStrictEqual(propertyDeps(listener, "certificateArn"), [one(r, T.validation).urn]);
        assert.deepStrictEqual(listener.inputs.defaultActions, [{ type: "forward", targetGroupArn: one(r, TG).outputs.arn }]);
    });

    it("redirects HTTP to HTTPS only when asked", async () => {
        const r = await plan(() => new PrivateAlbDomain("internal", { ...base, httpRedirect: true }));
        const http = ofType(r, LISTENER).find((l) => l.inputs.port === 80)!;
        assert.strictEqual(http.inputs.protocol, "HTTP");
        assert.deepStrictEqual(http.inputs.defaultActions, [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }]);
        assert.ok(rules(r).includes("internal-alb-sg in tcp 80-80 10.0.0.0/16"));
    });

    it("admits 443 to the ALB from the VPC's CIDR only, and to the endpoint from the ALB only", async () => {
        const r = await plan(() => new PrivateAlbDomain("internal", base));
        const vpc = r.invokes.find((i) => i.token === "aws:ec2/getVpc:getVpc")!;
        assert.strictEqual(vpc.args.id, VPC);
        assert.deepStrictEqual(rules(r), [
            `internal-alb-sg in tcp 443-443 ${vpc.result.cidrBlock}`,
            "internal-alb-sg out tcp 443-443 sg:internal-endpoint-sg",
            "internal-endpoint-sg in tcp 443-443 sg:internal-alb-sg",
        ]);
        // No inline rules: the provider drops AWS's default allow-all egress, leaving only the rules above.
        for (const g of ofType(r, SG)) {
            assert.strictEqual(g.inputs.ingress, undefined, g.name);
            assert.strictEqual(g.inputs.egress, undefined, g.name);
            assert.strictEqual(g.inputs.vpcId, VPC, g.name);
        }
    });

    it("admits the given IPv4 and IPv6 ranges instead of the VPC's CIDR", async () => {
        const r = await plan(() => new PrivateAlbDomain("internal", { ...base, allowedCidrs: ["10.20.0.0/16", "192.168.7.0/24", "fd00:10::/56"] }));
        assert.ok(!r.invokes.some((i) => i.token === "aws:ec2/getVpc:getVpc"));
        assert.deepStrictEqual(rules(r).filter((x) => x.startsWith("internal-alb-sg in")), [
            "internal-alb-sg in tcp 443-443 10.20.0.0/16",
            "internal-alb-sg in tcp 443-443 192.168.7.0/24",
            "internal-alb-sg in tcp 443-443 fd00:10::/56",
        ]);
        const v6 = ofType(r, INGRESS).find((x) => x.inputs.cidrIpv6)!;
        assert.strictEqual(v6.inputs.cidrIpv4, undefined);
    });

    it("creates a regional API Gateway domain of the same name and the mapping, so the forwarded Host finds the private API", async () => {
        let d: PrivateAlbDomain | undefined;
        const r = await plan(() => { d = new PrivateAlbDomain("internal", { ...base, region: "eu-west-1", mappings: [{ ...rest, basePath: "orders" }] }); });
        const domain = one(r, T.domainV1);
        assert.strictEqual(domain.inputs.domainName, "api.internal.example.com");
        assert.strictEqual(domain.inputs.endpointConfiguration.types, "REGIONAL");
        assert.strictEqual(domain.inputs.regionalCertificateArn, one(r, LISTENER).inputs.certificateArn);
        assert.strictEqual(domain.inputs.securityPolicy, "TLS_1_2");
        assert.strictEqual(domain.deleteBeforeReplace, true);
        const mapping = one(r, T.basePathMapping);
        assert.strictEqual(mapping.inputs.domainName, "api.internal.example.com");
        assert.strictEqual(mapping.inputs.restApi, "privateap1");
        assert.strictEqual(mapping.inputs.basePath, "orders");
        assert.strictEqual(mapping.region, "eu-west-1");
        assert.deepStrictEqual(await output(d!.urls), { orders: "https://api.internal.example.com/orders/" });
    });

    it("offers the mapped APIs a resource policy scoped to the endpoint", async () => {
        let d: PrivateAlbDomain | undefined;
        const r = await plan(() => { d = new PrivateAlbDomain("internal", base); });
        const endpoint = one(r, ENDPOINT);
        const policy = JSON.parse(await output(d!.apiPolicy)) as { Statement: { Effect: string; Action: string; Resource: string[]; Condition: unknown }[] };
        assert.deepStrictEqual(policy.Statement.map((s) => [s.Effect, s.Action, s.Resource, s.Condition]), [
            ["Allow", "execute-api:Invoke", ["execute-api:/*"], { StringEquals: { "aws:SourceVpce": [endpoint.id] } }],
            ["Deny", "execute-api:Invoke", ["execute-api:/*"], { StringNotEquals: { "aws:SourceVpce": [endpoint.id] } }],
        ]);
        assert.strictEqual(await output(d!.vpcEndpointId), endpoint.id);
    });

    it("aliases the name to the ALB in a private hosted zone associated with the VPC", async () => {
        let d: PrivateAlbDomain | undefined;
        const r = await plan(() => { d = new PrivateAlbDomain("internal", { ...base, region: "eu-west-1" }); });
        const alb = one(r, ALB);
        const zone = one(r, ZONE);
        assert.strictEqual(zone.inputs.name, "api.internal.example.com");
        assert.deepStrictEqual(zone.inputs.vpcs, [{ vpcId: VPC, vpcRegion: "eu-west-1" }]);
        const aliases = ofType(r, T.record).filter((x) => x.inputs.aliases);
        assert.strictEqual(aliases.length, 1);
        assert.strictEqual(aliases[0].inputs.type, "A");
        assert.strictEqual(aliases[0].inputs.zoneId, zone.outputs.zoneId);
        assert.strictEqual(aliases[0].inputs.aliases[0].name, alb.outputs.dnsName);
        assert.strictEqual(aliases[0].inputs.aliases[0].zoneId, alb.outputs.zoneId);
        assert.strictEqual(await output(d!.targetDomainName), alb.outputs.dnsName);
    });

    it("creates no DNS with createRecords: false, and uses a given zone as is", async () => {
        const none = await plan(() => new PrivateAlbDomain("internal", { ...base, createRecords: false }));
        assert.strictEqual(ofType(none, ZONE).length, 0);
        assert.strictEqual(ofType(none, T.record).filter((x) => x.inputs.aliases).length, 0);
        const given = await plan(() => new PrivateAlbDomain("internal", { ...base, privateZone: { zoneId: "Z0PRIVATEZONE0000001" } }));
        assert.strictEqual(ofType(given, ZONE).length, 0);
        assert.strictEqual(ofType(given, T.record).find((x) => x.inputs.aliases)!.inputs.zoneId, "Z0PRIVATEZONE0000001");
    });

    it("uses an existing endpoint: targets its interfaces and opens its security group to the ALB only", async () => {
        const r = await plan(() => {
            const sg = new aws.ec2.SecurityGroup("shared-vpce", { vpcId: VPC });
            const endpoint = new aws.ec2.VpcEndpoint("shared", {
                vpcId: VPC, serviceName: "com.amazonaws.us-west-2.execute-api", vpcEndpointType: "Interface",
                subnetIds: base.subnetIds, securityGroupIds: [sg.id], privateDnsEnabled: true,
            });
            new PrivateAlbDomain("internal", { ...base, vpcEndpoint: { id: endpoint.id, securityGroupId: sg.id } });
        });
        const endpoint = one(r, ENDPOINT, "shared");
        assert.strictEqual(ofType(r, ENDPOINT).length, 1, "no second endpoint");
        assert.strictEqual(ofType(r, SG).length, 2, "the shared group and the ALB's");
        assert.deepStrictEqual(rules(r), [
            "internal-alb-sg in tcp 443-443 10.0.0.0/16",
            "internal-alb-sg out tcp 443-443 sg:shared-vpce",
            "shared-vpce in tcp 443-443 sg:internal-alb-sg",
        ]);
        const ips = r.invokes.filter((i) => i.token === GET_ENI && endpoint.outputs.networkInterfaceIds.includes(i.args.id)).map((i) => i.result.privateIp).sort();
        assert.strictEqual(ips.length, 2);
        assert.deepStrictEqual(ofType(r, ATTACHMENT).map((a) => a.inputs.targetId).sort(), ips);
    });

    it("puts every regional resource on the component's provider and region", async () => {
        const r = await plan(() => {
            const api = new aws.Provider("ireland", { region: "eu-west-1" });
            const dns = new aws.Provider("dns", { region: "us-east-1" });
            new PrivateAlbDomain("internal", { ...base, mappings: [rest] }, { provider: api, dnsProvider: dns });
        });
        const api = one(r, T.provider, "ireland").urn;
        const dns = one(r, T.provider, "dns").urn;
        for (const t of [T.certificate, T.validation, T.domainV1, T.basePathMapping, ENDPOINT, SG, INGRESS, EGRESS, TG, ATTACHMENT, ALB, LISTENER]) {
            for (const x of ofType(r, t)) {
                assert.strictEqual(x.providerUrn, api, `${t} ${x.name}`);
                assert.strictEqual(x.region, "eu-west-1", `${t} ${x.name}`);
            }
        }
        assert.strictEqual(one(r, ENDPOINT).inputs.serviceName, "com.amazonaws.eu-west-1.execute-api");
        for (const x of [...ofType(r, T.record), ...ofType(r, ZONE)]) assert.strictEqual(x.providerUrn, dns, x.name);
        assert.ok(r.invokes.filter((i) => i.token === GET_ENI).every((i) => i.provider?.startsWith(api)));
    });

    it("refuses to add an HTTP API mapping after creation", async () => {
        let error: Error | undefined;
        const r = await plan(() => {
            const d = new PrivateAlbDomain("internal", base);
            try { d.addMapping({ apiId: "httpapi001", stage: "$default", apiType: "http", basePath: "h" }); } catch (e) { error = e as Error; }
        });
        assert.match(error!.message, /^PrivateAlbDomain "internal": addMapping\("h"\)\.apiType "http" cannot be served through a private domain/);
        assert.strictEqual(ofType(r, T.apiMapping).length + ofType(r, T.basePathMapping).length, 0);
    });

    it("plans the same resources in a preview, while the endpoint's interfaces are still unknown", async () => {
        const program = () => new PrivateAlbDomain("internal", { ...base, httpRedirect: true, mappings: [rest] });
        const names = (r: RunResult) => r.resources.map((x) => `${x.type} ${x.name}`).sort();
        const preview = await plan(program, { preview: true });
        assert.deepStrictEqual(names(preview), names(await plan(program)));
        assert.strictEqual(ofType(preview, ATTACHMENT).length, 2);
    });

    it("fails with the components' own error as soon as an existing endpoint's interfaces are known not to match subnetIds", async () => {
        const result = await runProgram(() => {
            const sg = new aws.ec2.SecurityGroup("shared-vpce", { vpcId: VPC });
            const endpoint = new aws.ec2.VpcEndpoint("shared", {
                vpcId: VPC, serviceName: "com.amazonaws.us-west-2.execute-api", vpcEndpointType: "Interface",
                subnetIds: [...base.subnetIds, "subnet-c"], securityGroupIds: [sg.id], privateDnsEnabled: true,
            });
            new PrivateAlbDomain("internal", { ...base, vpcEndpoint: { id: endpoint.id, securityGroupId: sg.id } });
        }, { config: { "aws:region": "us-west-2" } });
        assert.ok(result.error, "expected the program to fail");
        assert.match(result.error!.message,
            /PrivateAlbDomain "internal": vpcEndpoint\.id "vpce-[0-9a-f]+" has 3 network interface\(s\), but 2 subnets are listed; an interface endpoint has one network interface per subnet .*; list exactly the subnets the endpoint has interfaces in/);
        assert.strictEqual(result.resources.filter((r) => r.type === ATTACHMENT).length, 0, "no target is registered");
    });

    describe("bad input", () => {
        const cases: [string, Partial<PrivateAlbDomainArgs> & Record<string, unknown>, RegExp][] = [
            ["fewer than two subnets", { subnetIds: ["subnet-0aaaaaaaaaaaaaaa1"] },
                /subnetIds \["subnet-0aaaaaaaaaaaaaaa1"\] has fewer than two subnets; an Application Load Balancer needs subnets in at least two availability zones/],
            ["no subnets", { subnetIds: [] }, /subnetIds \[\] has fewer than two subnets/],
            ["a CIDR without a prefix length", { allowedCidrs: ["10.0.0.0"] }, /allowedCidrs\[0\] "10.0.0.0" is not a CIDR; write an IPv4 or IPv6 range/],
            ["a CIDR with a bad octet", { allowedCidrs: ["10.0.0.0/16", "10.0.300.0/24"] }, /allowedCidrs\[1\] "10.0.300.0\/24" is not a CIDR/],
            ["a CIDR with a prefix too long", { allowedCidrs: ["10.0.0.0/33"] }, /allowedCidrs\[0\] "10.0.0.0\/33" is not a CIDR/],
            ["a name instead of a CIDR", { allowedCidrs: ["corp-network"] }, /allowedCidrs\[0\] "corp-network" is not a CIDR/],
            ["an empty CIDR list", { allowedCidrs: [] }, /allowedCidrs \[\] admits nobody to the load balancer/],
            ["an HTTP API", { mappings: [{ apiId: "httpapi001", stage: "$default", apiType: "http" }] },
                /mappings\[0\]\.apiType "http" cannot be served through a private domain, which serves private REST APIs only/],
            ["a WebSocket API", { mappings: [{ apiId: "wsapi00001", stage: "prod", apiType: "websocket" }] },
                /mappings\[0\]\.apiType "websocket" cannot be served through a private domain/],
            ["an edge-only security policy", { securityPolicy: "SecurityPolicy_TLS12_2018_EDGE" as never, endpointAccessMode: "BASIC" },
                /securityPolicy "SecurityPolicy_TLS12_2018_EDGE" is only valid on edge-optimized domains, and this domain is REGIONAL/],
            ["a listener policy that allows TLS 1.0", { sslPolicy: "ELBSecurityPolicy-2016-08" },
                /sslPolicy "ELBSecurityPolicy-2016-08" is not an ELB policy with TLS 1.2 or better as its minimum/],
            ["a listener policy that allows TLS 1.1", { sslPolicy: "ELBSecurityPolicy-TLS13-1-1-2021-06" }, /sslPolicy "ELBSecurityPolicy-TLS13-1-1-2021-06" is not an ELB policy/],
            ["an existing endpoint id that is not one", { vpcEndpoint: { id: "eni-0123456789abcdef0", securityGroupId: "sg-1" } },
                /vpcEndpoint\.id "eni-0123456789abcdef0" is not a VPC endpoint id/],
            ["a certificate from another region", { region: "eu-west-1", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/x" },
                /certificateArn ".*" is in us-east-1, but a private or regional domain .* needs it in eu-west-1/],
            ["a private zone that does not hold the domain", { privateZone: { zoneName: "corp.example.net" } },
                /privateZone\.zoneName "corp.example.net" does not contain the domain "api.internal.example.com"/],
            ["DNS turned off with privateZone: false", { privateZone: false as never }, /privateZone false is not a zone; set createRecords: false to create no DNS/],
            ["a private zone with createRecords: false", { createRecords: false, privateZone: { vpcId: "vpc-1" } },
                /privateZone \{"vpcId":"vpc-1"\} is unused with createRecords: false/],
            ["a transform among the arguments (it is a resource option)", { transform: { loadBalancer: () => undefined } },
                /transform \["loadBalancer"\] is a resource option, not an argument; pass it in the third constructor parameter/],
        ];
        for (const [what, extra, message] of cases) {
            it(`rejects ${what} before registering anything`, async () => {
                const m = await rejected(() => new PrivateAlbDomain("internal", { ...base, ...extra } as PrivateAlbDomainArgs));
                assert.match(m, /^PrivateAlbDomain "internal": /);
                assert.match(m, message);
            });
        }
    });
});
