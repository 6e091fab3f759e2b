import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { PrivateDomain, PrivateDomainArgs } from "../../components/private-domain";
import { RecordedResource, T, ofType, one, plan, propertyDeps, rejected } from "../helpers";

const ACCESS = "aws:apigateway/domainNameAccessAssociation:DomainNameAccessAssociation";
const SHARE = "aws:ram/resourceShare:ResourceShare";
const SHARE_RESOURCE = "aws:ram/resourceAssociation:ResourceAssociation";
const SHARE_PRINCIPAL = "aws:ram/principalAssociation:PrincipalAssociation";
const ZONE = "aws:route53/zone:Zone";
const ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";

const VPCE = "vpce-0a1b2c3d4e5f60718";
const CONSUMER_VPCE = "vpce-0f9e8d7c6b5a49382";
const base = { domainName: "api.internal.example.com", certificateZoneName: "example.com" };
const orders = { apiId: "ordersapi1", stage: "prod", basePath: "orders" };
const billing = { apiId: "billingap1", stage: "live", basePath: "billing" };

interface Statement { Sid: string; Effect: string; Principal: unknown; Action: string; Resource: string[]; Condition: Record<string, Record<string, string[]>> }

function statements(policy: string): Statement[] {
    return (JSON.parse(policy) as { Statement: Statement[] }).Statement;
}

function output<V>(o: { apply: (f: (v: V) => void) => unknown }): Promise<V> {
    return new Promise((res) => o.apply(res));
}

function aliasRecords(r: { resources: RecordedResource[] }): RecordedResource[] {
    return ofType(r as never, T.record).filter((x) => x.inputs.aliases);
}

describe("PrivateDomain", () => {
    it("creates a PRIVATE dual-stack domain whose certificate is in the API's region", async () => {
        const r = await plan(() => new PrivateDomain("internal", { ...base, region: "eu-west-1", vpcEndpointIds: [VPCE] }),
            { config: { "aws:region": "us-east-1" } });
        assert.strictEqual(one(r, T.certificate).region, "eu-west-1");
        const domain = one(r, T.domainV1);
        assert.strictEqual(domain.region, "eu-west-1");
        assert.strictEqual(domain.inputs.endpointConfiguration.types, "PRIVATE");
        assert.strictEqual(domain.inputs.endpointConfiguration.ipAddressType, "dualstack");
        assert.match(domain.inputs.certificateArn, /^arn:aws:acm:eu-west-1:/);
        assert.strictEqual(domain.inputs.regionalCertificateArn, undefined);
        assert.strictEqual(domain.inputs.securityPolicy, "TLS_1_2");
        assert.deepStrictEqual(propertyDeps(domain, "certificateArn"), [one(r, T.validation).urn]);
        // The certificate is validated through the public zone, never the private one.
        assert.ok(r.invokes.some((i) => i.token === "aws:route53/getZone:getZone" && i.args.name === "example.com" && i.args.privateZone === false));
    });

    it("allows execute-api:Invoke only through the listed VPC endpoints and denies everything else", async () => {
        const r = await plan(() => new PrivateDomain("internal", { ...base, vpcEndpointIds: [VPCE], consumerVpcEndpointIds: [CONSUMER_VPCE] }));
        const domain = one(r, T.domainV1);
        const [allow, deny] = statements(domain.inputs.policy);
        assert.strictEqual(allow.Effect, "Allow");
        assert.strictEqual(allow.Action, "execute-api:Invoke");
        assert.deepStrictEqual(allow.Resource, ["execute-api:/*"]);
        assert.deepStrictEqual(allow.Condition, { StringEquals: { "aws:SourceVpce": [VPCE, CONSUMER_VPCE] } });
        assert.strictEqual(deny.Effect, "Deny");
        assert.strictEqual(deny.Principal, "*");
        assert.strictEqual(deny.Action, "execute-api:Invoke");
        assert.deepStrictEqual(deny.Resource, ["execute-api:/*"]);
        assert.deepStrictEqual(deny.Condition, { StringNotEquals: { "aws:SourceVpce": [VPCE, CONSUMER_VPCE] } });
        assert.strictEqual(statements(domain.inputs.policy).length, 2);
    });

    it("builds the policy from endpoints that are outputs of other resources", async () => {
        let d: PrivateDomain | undefined;
        const r = await plan(() => {
            const endpoint = new aws.ec2.VpcEndpoint("vpce", {
                vpcId: "vpc-0123456789abcdef0", serviceName: "com.amazonaws.us-west-2.execute-api", vpcEndpointType: "Interface",
                subnetIds: ["subnet-a", "subnet-b"],
            });
            d = new PrivateDomain("internal", { ...base, vpcEndpointIds: [endpoint.id] });
        });
        const endpoint = one(r, ENDPOINT);
        const domain = one(r, T.domainV1);
        assert.deepStrictEqual(statements(domain.inputs.policy)[0].Condition.StringEquals["aws:SourceVpce"], [endpoint.id]);
        assert.deepStrictEqual(propertyDeps(domain, "policy"), [endpoint.urn]);
        assert.strictEqual(one(r, ACCESS).inputs.accessAssociationSource, endpoint.id);
        // The same endpoints must be let in by each mapped API's own resource policy.
        assert.deepStrictEqual(statements(await output(d!.apiPolicy))[1].Condition, { StringNotEquals: { "aws:SourceVpce": [endpoint.id] } });
    });

    it("serves several private APIs on one domain, each mapping addressed by domainNameId", async () => {
        let d: PrivateDomain | undefined;
        const r = await plan(() => { d = new PrivateDomain("internal", { ...base, region: "eu-central-1", vpcEndpointIds: [VPCE], mappings: [orders, billing] }); });
        const domain = one(r, T.domainV1);
        const mappings = ofType(r, T.basePathMapping);
        assert.deepStrictEqual(mappings.map((m) => [m.inputs.basePath, m.inputs.restApi, m.inputs.stageName]).sort(),
            [["billing", "billingap1", "live"], ["orders", "ordersapi1", "prod"]]);
        for (const m of mappings) {
            assert.strictEqual(m.inputs.domainNameId, domain.outputs.domainNameId);
            assert.strictEqual(m.inputs.domainName, "api.internal.example.com");
            assert.ok(propertyDeps(m, "domainNameId").includes(domain.urn));
            assert.strictEqual(m.region, "eu-central-1");
        }
        assert.strictEqual(ofType(r, T.apiMapping).length, 0);
        assert.deepStrictEqual(await output(d!.urls), {
            orders: "https://api.internal.example.com/orders/", billing: "https://api.internal.example.com/billing/",
        });
        assert.strictEqual(await output(d!.domainNameId), domain.outputs.domainNameId);
        assert.strictEqual(await output(d!.domainNameArn), domain.outputs.arn);
    });

    it("adds a mapping after creation, still by domainNameId", async () => {
        let url: string | undefined;
        const r = await plan(async () => {
            const d = new PrivateDomain("internal", { ...base, vpcEndpointIds: [VPCE] });
            url = await output(d.addMapping(orders));
        });
        assert.strictEqual(url, "https://api.internal.example.com/orders/");
        assert.strictEqual(one(r, T.basePathMapping).inputs.domainNameId, one(r, T.domainV1).outputs.domainNameId);
    });

    it("associates each endpoint of this account with the domain, and leaves consumers' endpoints to their owners", async () => {
        const second = "vpce-0123456789abcdef1";
        const r = await plan(() => new PrivateDomain("internal", {
            ...base, region: "eu-west-1", vpcEndpointIds: [VPCE, second], consumerVpcEndpointIds: [CONSUMER_VPCE],
        }));
        const domain = one(r, T.domainV1);
        const associations = ofType(r, ACCESS);
        assert.deepStrictEqual(associations.map((a) => a.inputs.accessAssociationSource).sort(), [VPCE, second].sort());
        for (const a of associations) {
            assert.strictEqual(a.inputs.accessAssociationSourceType, "VPCE");
            assert.strictEqual(a.inputs.domainNameArn, domain.outputs.arn);
            assert.match(a.inputs.domainNameArn, /^arn:aws:apigateway:eu-west-1:\d{12}:\/domainnames\/api\.internal\.example\.com\+/);
            assert.deepStrictEqual(propertyDeps(a, "domainNameArn"), [domain.urn]);
            assert.strictEqual(a.region, "eu-west-1");
        }
    });

    it("shares the domain's ARN through AWS RAM with an account, an OU and the organization", async () => {
        const principals = [
            "111122223333",
            "arn:aws:organizations::123456789012:ou/o-a1b2c3d4e5/ou-ab12-cd34ef56",
            "arn:aws:organizations::123456789012:organization/o-a1b2c3d4e5",
        ];
        const r = await plan(() => new PrivateDomain("internal", {
            ...base, region: "eu-west-1", vpcEndpointIds: [VPCE], consumerVpcEndpointIds: [CONSUMER_VPCE], share: { principals, name: "internal-api" },
        }));
        const domain = one(r, T.domainV1);
        const share = one(r, SHARE);
        assert.strictEqual(share.inputs.allowExternalPrincipals, false);
        assert.strictEqual(share.inputs.name, "internal-api");
        const resource = one(r, SHARE_RESOURCE);
        assert.strictEqual(resource.inputs.resourceArn, domain.outputs.arn);
        assert.strictEqual(resource.inputs.resourceShareArn, share.outputs.arn);
        const associated = ofType(r, SHARE_PRINCIPAL);
        assert.deepStrictEqual(associated.map((p) => p.inputs.principal).sort(), [...principals].sort());
        for (const p of associated) assert.strictEqual(p.inputs.resourceShareArn, share.outputs.arn);
        for (const x of [share, resource, ...associated]) assert.strictEqual(x.region, "eu-west-1", x.name);
    });

    it("reports the share's ARN, which the other accounts accept, and the child resources", async () => {
        let d: PrivateDomain | undefined;
        let arn: string | undefined;
        const r = await plan(async () => {
            d = new PrivateDomain("internal", { ...base, vpcEndpointIds: [VPCE], share: { principals: ["111122223333"] } });
            arn = await output(d.resourceShareArn!);
        });
        assert.strictEqual(arn, one(r, SHARE).outputs.arn);
        assert.ok(d!.nodes.resourceShare instanceof aws.ram.ResourceShare);
        assert.strictEqual(d!.nodes.accessAssociations.length, 1);
        const unshared = await plan(() => { d = new PrivateDomain("internal", { ...base, vpcEndpointIds: [VPCE] }); });
        assert.strictEqual(ofType(unshared, SHARE).length, 0);
        assert.strictEqual(d!.resourceShareArn, undefined);
    });

    it("lets a share reach accounts outside the organization only when asked", async () => {
        const r = await plan(() => new PrivateDomain("internal", {
            ...base, vpcEndpointIds: [VPCE], share: { principals: ["444455556666"], allowExternalPrincipals: true },
        }));
        assert.strictEqual(one(r, SHARE).inputs.allowExternalPrincipals, true);
        assert.strictEqual(one(r, SHARE_PRINCIPAL).inputs.principal, "444455556666");
    });

    it("creates a private hosted zone for exactly the domain, associated with the VPC, aliased to the endpoint's regional DNS name", async () => {
        const r = await plan(() => {
            const endpoint = new aws.ec2.VpcEndpoint("vpce", {
                vpcId: "vpc-0123456789abcdef0", serviceName: "com.amazonaws.eu-west-1.execute-api", vpcEndpointType: "Interface",
                subnetIds: ["subnet-a", "subnet-b"], privateDnsEnabled: true, region: "eu-west-1",
            });
            new PrivateDomain("internal", { ...base, region: "eu-west-1", vpcEndpointIds: [endpoint.id], privateZone: { vpcId: "vpc-0123456789abcdef0" } });
        });
        const endpoint = one(r, ENDPOINT);
        const zone = one(r, ZONE);
        assert.strictEqual(zone.inputs.name, "api.internal.example.com");
        assert.deepStrictEqual(zone.inputs.vpcs, [{ vpcId: "vpc-0123456789abcdef0", vpcRegion: "eu-west-1" }]);
        // Private custom domains are dualstack, so the private zone answers A and AAAA.
        assert.deepStrictEqual(aliasRecords(r).map((a) => a.inputs.type).sort(), ["A", "AAAA"]);
        for (const alias of aliasRecords(r)) {
            assert.strictEqual(alias.inputs.name, "api.internal.example.com");
            assert.strictEqual(alias.inputs.zoneId, zone.outputs.zoneId);
            assert.strictEqual(alias.inputs.aliases[0].name, endpoint.outputs.dnsEntries[0].dnsName);
            assert.strictEqual(alias.inputs.aliases[0].zoneId, endpoint.outputs.dnsEntries[0].hostedZoneId);
            assert.match(alias.inputs.aliases[0].name, /^vpce-[0-9a-f]+-[a-z0-9]+\.execute-api\.eu-west-1\.vpce\.amazonaws\.com$/);
        }
    });

    it("aliases to the chosen endpoint inside a given private zone, creating no zone", async () => {
        const chosen = "vpce-0123456789abcdef1";
        const r = await plan(() => new PrivateDomain("internal", {
            ...base, vpcEndpointIds: [VPCE, chosen], privateZone: { zoneId: "Z0PRIVATEZONE0000001", vpcEndpointId: chosen },
        }));
        assert.strictEqual(ofType(r, ZONE).length, 0);
        const [alias] = aliasRecords(r);
        assert.strictEqual(alias.inputs.zoneId, "Z0PRIVATEZONE0000001");
        const lookup = r.invokes.find((i) => i.token === "aws:ec2/getVpcEndpoint:getVpcEndpoint")!;
        assert.strictEqual(lookup.args.id, chosen);
        assert.strictEqual(alias.inputs.aliases[0].name, lookup.result.dnsEntries[0].dnsName);
    });

    it("creates no DNS without privateZone, and names the endpoint to alias to in its outputs", async () => {
        let d: PrivateDomain | undefined;
        const r = await plan(() => { d = new PrivateDomain("internal", { ...base, vpcEndpointIds: [VPCE] }); });
        assert.strictEqual(ofType(r, ZONE).length, 0);
        assert.deepStrictEqual(aliasRecords(r), []);
        const lookup = r.invokes.find((i) => i.token === "aws:ec2/getVpcEndpoint:getVpcEndpoint")!;
        assert.strictEqual(lookup.args.id, VPCE);
        assert.strictEqual(await output(d!.targetDomainName), lookup.result.dnsEntries[0].dnsName);
        assert.strictEqual(await output(d!.hostedZoneId), lookup.result.dnsEntries[0].hostedZoneId);
    });

    it("uses an existing certificate ARN as is, requesting nothing and looking up no public zone", async () => {
        const arn = "arn:aws:acm:us-west-2:123456789012:certificate/existing";
        const r = await plan(() => new PrivateDomain("internal", { ...base, certificateArn: arn, vpcEndpointIds: [VPCE] }));
        assert.strictEqual(ofType(r, T.certificate).length, 0);
        assert.strictEqual(one(r, T.domainV1).inputs.certificateArn, arn);
        assert.ok(!r.invokes.some((i) => i.token === "aws:route53/getZone:getZone"));
    });

    it("accepts an enhanced security policy with its endpoint access mode", async () => {
        const r = await plan(() => new PrivateDomain("internal", {
            ...base, vpcEndpointIds: [VPCE], securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09", endpointAccessMode: "STRICT",
        }));
        assert.strictEqual(one(r, T.domainV1).inputs.securityPolicy, "SecurityPolicy_TLS13_1_3_2025_09");
        assert.strictEqual(one(r, T.domainV1).inputs.endpointAccessMode, "STRICT");
    });

    it("puts API resources on the component's provider and DNS on the DNS provider", async () => {
        const r = await plan(() => {
            const api = new aws.Provider("frankfurt", { region: "eu-central-1" });
            const dns = new aws.Provider("dns", { region: "us-east-1" });
            new PrivateDomain("internal", {
                ...base, vpcEndpointIds: [VPCE], mappings: [orders],
                share: { principals: ["111122223333"] }, privateZone: { vpcId: "vpc-0123456789abcdef0" },
            }, { provider: api, dnsProvider: dns });
        });
        const api = one(r, T.provider, "frankfurt").urn;
        const dns = one(r, T.provider, "dns").urn;
        for (const t of [T.certificate, T.validation, T.domainV1, T.basePathMapping, ACCESS, SHARE, SHARE_RESOURCE, SHARE_PRINCIPAL]) {
            for (const x of ofType(r, t)) {
                assert.strictEqual(x.providerUrn, api, `${t} ${x.name}`);
                assert.strictEqual(x.region, "eu-central-1", `${t} ${x.name}`);
            }
        }
        for (const x of [...ofType(r, T.record), ...ofType(r, ZONE)]) assert.strictEqual(x.providerUrn, dns, x.name);
        const endpointLookup = r.invokes.find((i) => i.token === "aws:ec2/getVpcEndpoint:getVpcEndpoint")!;
        assert.ok(endpointLookup.provider?.startsWith(api), "the endpoint is looked up in the API's account");
    });

    it("plans the same resources in a preview, while the endpoint and domain ids are still unknown", async () => {
        const program = () => {
            const endpoint = new aws.ec2.VpcEndpoint("vpce", {
                vpcId: "vpc-0123456789abcdef0", serviceName: "com.amazonaws.us-west-2.execute-api", vpcEndpointType: "Interface",
                subnetIds: ["subnet-a", "subnet-b"],
            });
            new PrivateDomain("internal", {
                ...base, vpcEndpointIds: [endpoint.id], mappings: [orders], share: { principals: ["111122223333"] },
                privateZone: { vpcId: "vpc-0123456789abcdef0" },
            });
        };
        const names = (r: { resources: RecordedResource[] }) => r.resources.map((x) => `${x.type} ${x.name}`).sort();
        const preview = await plan(program, { preview: true });
        assert.deepStrictEqual(names(preview), names(await plan(program)));
        // An endpoint id unknown at preview gives its association an index-based name.
        assert.strictEqual(one(preview, ACCESS).name, "internal-access-0");
    });

    describe("bad input", () => {
        const cases: [string, Partial<PrivateDomainArgs> & Record<string, unknown>, RegExp][] = [
            ["an HTTP API", { vpcEndpointIds: [VPCE], mappings: [{ apiId: "httpapi001", stage: "$default", apiType: "http" }] },
                /mappings\[0\]\.apiType "http" cannot be served by a private domain, which serves private REST APIs only; use a private REST API/],
            ["a WebSocket API", { vpcEndpointIds: [VPCE], mappings: [{ apiId: "wsapi00001", stage: "prod", apiType: "websocket" }] },
                /mappings\[0\]\.apiType "websocket" cannot be served by a private domain, which serves private REST APIs only/],
            ["a domain that allows no VPC endpoint", {},
                /vpcEndpointIds \(not set\) allows no VPC endpoint; a private domain starts deny-all, so nobody could call it; list the execute-api VPC endpoints/],
            ["empty endpoint lists", { vpcEndpointIds: [], consumerVpcEndpointIds: [] }, /vpcEndpointIds \[\] allows no VPC endpoint/],
            ["an edge-only security policy", { vpcEndpointIds: [VPCE], securityPolicy: "SecurityPolicy_TLS13_2025_EDGE" as never, endpointAccessMode: "STRICT" },
                /securityPolicy "SecurityPolicy_TLS13_2025_EDGE" is only valid on edge-optimized domains, and this domain is PRIVATE/],
            ["TLS 1.0", { vpcEndpointIds: [VPCE], securityPolicy: "TLS_1_0" as never }, /securityPolicy "TLS_1_0" allows TLS 1.0/],
            ["something that is not a VPC endpoint id", { vpcEndpointIds: ["vpc-0123456789abcdef0"] },
                /vpcEndpointIds\[0\] "vpc-0123456789abcdef0" is not a VPC endpoint id/],
            ["a multi-level key", { vpcEndpointIds: [VPCE], mappings: [{ apiId: "ordersapi1", stage: "prod", basePath: "v1/orders" }] },
                /basePath "v1\/orders" is multi-level; multi-level paths need a REGIONAL domain with TLS 1.2 or an enhanced policy, and this domain is PRIVATE/],
            ["a wildcard name", { domainName: "*.internal.example.com", vpcEndpointIds: [VPCE] },
                /^PrivateDomain "internal": domainName "\*\.internal\.example\.com" is a wildcard name; API Gateway does not support wildcard private custom domain names; name each private domain/],
            ["a certificate from another region", { region: "eu-west-1", vpcEndpointIds: [VPCE], certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/x" },
                /certificateArn ".*" is in us-east-1, but a private or regional domain .* needs it in eu-west-1/],
            ["a certificate zone that does not hold the domain", { certificateZoneName: "example.org", vpcEndpointIds: [VPCE] },
                /certificateZoneName "example.org" does not contain the domain "api.internal.example.com"/],
            ["a private zone to create without its VPC", { vpcEndpointIds: [VPCE], privateZone: {} },
                /privateZone\.vpcId \(not set\) is required to create a private hosted zone/],
            ["a private zone that does not hold the domain", { vpcEndpointIds: [VPCE], privateZone: { vpcId: "vpc-1", zoneName: "other.example.com" } },
                /privateZone\.zoneName "other.example.com" does not contain the domain/],
            ["a private zone with no endpoint of this account to alias to", { consumerVpcEndpointIds: [CONSUMER_VPCE], privateZone: { vpcId: "vpc-1" } },
                /privateZone\.vpcEndpointId \(not set\) is needed: the alias record points at a VPC endpoint in this account/],
            ["a share with nobody", { vpcEndpointIds: [VPCE], share: { principals: [] } }, /share\.principals \[\] shares the domain with nobody/],
            ["a share principal that is not an account, OU or organization", { vpcEndpointIds: [VPCE], share: { principals: ["arn:aws:iam::111122223333:root"] } },
                /share\.principals\[0\] "arn:aws:iam::111122223333:root" is not an account id, organizational unit ARN or organization ARN/],
            ["an uppercase name", { domainName: "API.internal.example.com", vpcEndpointIds: [VPCE] }, /domainName "API.internal.example.com" has uppercase letters/],
        ];
        for (const [what, extra, message] of cases) {
            it(`rejects ${what} before registering anything`, async () => {
                const m = await rejected(() => new PrivateDomain("internal", { ...base, ...extra } as PrivateDomainArgs));
                assert.match(m, /^PrivateDomain "internal": /);
                assert.match(m, message);
            });
        }
    });
});
