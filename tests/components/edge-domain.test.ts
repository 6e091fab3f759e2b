import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { EdgeDomain, EdgeDomainArgs } from "../../components/edge-domain";
import { T, ofType, one, plan, propertyDeps, rejected } from "../helpers";

const api = { apiId: "abc123defg", stage: "prod" };

function output<V>(o: { apply: (f: (v: V) => void) => unknown }): Promise<V> {
    return new Promise((res) => o.apply(res));
}

describe("EdgeDomain", () => {
    it("puts the certificate in us-east-1 when the API is in eu-west-1, and the domain in eu-west-1", async () => {
        const r = await plan(() => new EdgeDomain("api", { domainName: "api.example.com", mappings: [api] }),
            { config: { "aws:region": "eu-west-1" } });
        assert.strictEqual(one(r, T.certificate).region, "us-east-1");
        assert.strictEqual(one(r, T.validation).region, "us-east-1");
        const domain = one(r, T.domainV1);
        assert.strictEqual(domain.region, "eu-west-1");
        assert.strictEqual(domain.inputs.endpointConfiguration.types, "EDGE");
        assert.strictEqual(domain.inputs.securityPolicy, "TLS_1_2");
        assert.match(domain.inputs.certificateArn, /^arn:aws:acm:us-east-1:/);
    });

    it("waits for the validated certificate, not just the requested one", async () => {
        const r = await plan(() => new EdgeDomain("api", { domainName: "api.example.com" }));
        const domain = one(r, T.domainV1);
        assert.deepStrictEqual(propertyDeps(domain, "certificateArn"), [one(r, T.validation).urn]);
    });

    it("answers on IPv4 by default: ipAddressType ipv4 and an A alias only (an AAAA alias would give no IPv6)", async () => {
        const r = await plan(() => new EdgeDomain("api", { domainName: "api.example.com", zoneName: "example.com" }));
        assert.strictEqual(one(r, T.domainV1).inputs.endpointConfiguration.ipAddressType, "ipv4");
        const aliases = ofType(r, T.record).filter((x) => x.inputs.aliases);
        assert.deepStrictEqual(aliases.map((x) => x.inputs.type), ["A"]);
    });

    it("aliases A and AAAA to the managed CloudFront distribution when the domain is dualstack", async () => {
        const r = await plan(() => new EdgeDomain("api", { domainName: "api.example.com", zoneName: "example.com", ipAddressType: "dualstack" }));
        const domain = one(r, T.domainV1);
        assert.strictEqual(domain.inputs.endpointConfiguration.ipAddressType, "dualstack");
        const aliases = ofType(r, T.record).filter((x) => x.inputs.aliases);
        assert.deepStrictEqual(aliases.map((x) => x.inputs.type).sort(), ["A", "AAAA"]);
        for (const rec of aliases) {
            assert.strictEqual(rec.inputs.name, "api.example.com");
            assert.strictEqual(rec.inputs.aliases[0].name, domain.outputs.cloudfrontDomainName);
            assert.strictEqual(rec.inputs.aliases[0].zoneId, "Z2FDTNDATAQYW2");
            assert.match(rec.inputs.aliases[0].name, /^d[a-z0-9]+\.cloudfront\.net$/);
        }
        assert.ok(!ofType(r, T.record).some((x) => x.inputs.type === "CNAME" && /execute-api|cloudfront/.test(String(x.inputs.records))));
    });

    it("maps REST API stages under base paths and reports each URL with its trailing slash", async () => {
        let d: EdgeDomain | undefined;
        const r = await plan(() => {
            d = new EdgeDomain("api", { domainName: "api.example.com", mappings: [api, { ...api, apiId: "zzz", basePath: "v2" }] });
        });
        const maps = ofType(r, T.basePathMapping);
        assert.deepStrictEqual(maps.map((m) => [m.name, m.inputs.restApi, m.inputs.stageName, m.inputs.basePath]).sort(),
            [["api-mapping-root", "abc123defg", "prod", undefined], ["api-mapping-v2", "zzz", "prod", "v2"]]);
        for (const m of maps) assert.deepStrictEqual(propertyDeps(m, "domainName"), [one(r, T.domainV1).urn]);
        assert.deepStrictEqual(await output(d!.urls), { "": "https://api.example.com/", v2: "https://api.example.com/v2/" });
    });

    it("reaches its child resources through nodes, and keeps urls current as mappings are added", async () => {
        let d: EdgeDomain | undefined;
        const r = await plan(() => {
            d = new EdgeDomain("api", { domainName: "api.example.com", mappings: [api] });
            d.addMapping({ ...api, apiId: "zzz", basePath: "v2" });
        });
        assert.ok(d!.nodes.domain instanceof aws.apigateway.DomainName);
        assert.strictEqual(d!.nodes.records.length, 1);
        assert.strictEqual(d!.nodes.mappings.length, 2);
        assert.ok(d!.nodes.certificate!.validation instanceof aws.acm.CertificateValidation);
        assert.strictEqual(ofType(r, T.validation).length, 1);
        assert.deepStrictEqual(await output(d!.urls), { "": "https://api.example.com/", v2: "https://api.example.com/v2/" });
    });

    it("uses a given certificate ARN and requests none", async () => {
        const arn = "arn:aws:acm:us-east-1:123456789012:certificate/given";
        const r = await plan(() => new EdgeDomain("api", { domainName: "api.example.com", certificateArn: arn }));
        assert.strictEqual(ofType(r, T.certificate).length, 0);
        assert.strictEqual(one(r, T.domainV1).inputs.certificateArn, arn);
    });

    it("skips DNS when asked, still giving the alias target for DNS elsewhere", async () => {
        let d: EdgeDomain | undefined;
        const r = await plan(() => {
            d = new EdgeDomain("api", { domainName: "api.example.com", createRecords: false, certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/x" });
        });
        assert.strictEqual(ofType(r, T.record).length, 0);
        assert.strictEqual(r.invokes.filter((i) => i.token === "aws:route53/getZone:getZone").length, 0);
        assert.match(await output(d!.targetDomainName), /\.cloudfront\.net$/);
        assert.strictEqual(await output(d!.hostedZoneId), "Z2FDTNDATAQYW2");
    });

    it("frees the public name before a replacement recreates it", async () => {
        const r = await plan(() => new EdgeDomain("api", { domainName: "api.example.com", mappings: [api] }));
        assert.strictEqual(one(r, T.domainV1).deleteBeforeReplace, true);
        assert.strictEqual(one(r, T.basePathMapping).deleteBeforeReplace, true);
    });

    it("accepts an enhanced edge security policy with its access mode", async () => {
        const r = await plan(() => new EdgeDomain("api", { domainName: "api.example.com", securityPolicy: "SecurityPolicy_TLS13_2025_EDGE", endpointAccessMode: "STRICT" }));
        assert.strictEqual(one(r, T.domainV1).inputs.securityPolicy, "SecurityPolicy_TLS13_2025_EDGE");
        assert.strictEqual(one(r, T.domainV1).inputs.endpointAccessMode, "STRICT");
    });

    it("lets a transform reach the domain name resource", async () => {
        const r = await plan(() => new EdgeDomain("api", { domainName: "api.example.com" }, {
            transform: { domainName: (a) => { a.tags = { team: "edge" }; } },
        }));
        assert.deepStrictEqual(one(r, T.domainV1).inputs.tags, { team: "edge" });
    });

    it("keeps the certificate on the certificate provider and records on the DNS provider", async () => {
        const r = await plan(() => {
            const east = new aws.Provider("east", { region: "us-east-1" });
            const dns = new aws.Provider("dns", { region: "us-east-1" });
            new EdgeDomain("api", { domainName: "api.example.com" }, { certificateProvider: east, dnsProvider: dns });
        });
        assert.strictEqual(one(r, T.certificate).providerUrn, one(r, T.provider, "east").urn);
        for (const rec of ofType(r, T.record)) assert.strictEqual(rec.providerUrn, one(r, T.provider, "dns").urn);
        assert.strictEqual(one(r, T.domainV1).providerUrn, undefined);
    });

    describe("bad input", () => {
        const cases: [string, Partial<EdgeDomainArgs> & Record<string, unknown>, RegExp][] = [
            ["an HTTP API", { mappings: [{ ...api, apiType: "http" }] }, /mappings\[0\]\.apiType "http" cannot be served by an edge-optimized domain.*use RegionalDomain/],
            ["a WebSocket API", { mappings: [{ ...api, apiType: "websocket" }] }, /mappings\[0\]\.apiType "websocket" cannot be served by an edge-optimized domain/],
            ["a multi-level key", { mappings: [{ ...api, basePath: "v1/orders" }] }, /^EdgeDomain "api": mappings\[0\]\.basePath "v1\/orders" is multi-level; multi-level paths need a REGIONAL domain with TLS 1\.2.*use RegionalDomain/],
            ["mutual TLS", { mutualTls: { truststoreUri: "s3://b/k" } }, /mutualTls .* is only available on regional domains/],
            ["a regional-only policy", { securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09" as never, endpointAccessMode: "STRICT" }, /securityPolicy "SecurityPolicy_TLS13_1_3_2025_09" is for regional and private domains, not edge-optimized ones/],
            ["an enhanced policy without access mode", { securityPolicy: "SecurityPolicy_TLS13_2025_EDGE" }, /endpointAccessMode \(not set\) is required with the enhanced security policy/],
            ["a legacy policy with an access mode", { endpointAccessMode: "BASIC" }, /endpointAccessMode "BASIC" is only valid with an enhanced SecurityPolicy_\* policy, not "TLS_1_2"/],
            ["TLS 1.0", { securityPolicy: "TLS_1_0" as never }, /securityPolicy "TLS_1_0" allows TLS 1\.0/],
            ["a certificate outside us-east-1", { certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/x" }, /certificateArn ".*" is in eu-west-1, but an edge-optimized domain \(served by CloudFront\) needs it in us-east-1; request or import the certificate in us-east-1/],
            ["a malformed name", { domainName: "api..example.com" }, /domainName "api\.\.example\.com" has an empty label/],
            ["a duplicate key", { mappings: [{ ...api, basePath: "v1" }, { ...api, basePath: "v1" }] }, /mappings\[1\]\.basePath "v1" is already mapped on this domain/],
            ["a transform among the arguments (it is a resource option)", { transform: { domainName: () => undefined } },
                /^EdgeDomain "api": transform \["domainName"\] is a resource option, not an argument; pass it in the third constructor parameter, next to provider: new EdgeDomain\(name, args, \{ transform \}\)/],
            ["an invalid key", { mappings: [{ ...api, basePath: "/v1" }] }, /mappings\[0\]\.basePath "\/v1" starts with "\/"/],
        ];
        for (const [what, extra, message] of cases) {
            it(`rejects ${what} before registering anything`, async () => {
                const m = await rejected(() => new EdgeDomain("api", { domainName: "api.example.com", ...extra } as EdgeDomainArgs));
                assert.match(m, message);
                assert.match(m, /^EdgeDomain "api": /);
            });
        }
    });
});
