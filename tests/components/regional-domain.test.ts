import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { RegionalDomain, RegionalDomainArgs } from "../../components/regional-domain";
import { T, ofType, one, plan, propertyDeps, rejected } from "../helpers";

const rest = { apiId: "restapi001", stage: "prod" };
const http = { apiId: "httpapi001", stage: "$default", apiType: "http" as const };
const ws = { apiId: "wsapi00001", stage: "prod", apiType: "websocket" as const };

function output<V>(o: { apply: (f: (v: V) => void) => unknown }): Promise<V> {
    return new Promise((res) => o.apply(res));
}

describe("RegionalDomain", () => {
    it("puts the certificate and the REST domain in the API's region, whatever the provider's", async () => {
        const r = await plan(() => new RegionalDomain("api", { domainName: "api.example.com", region: "eu-west-1", mappings: [rest] }),
            { config: { "aws:region": "us-east-1" } });
        assert.strictEqual(one(r, T.certificate).region, "eu-west-1");
        const domain = one(r, T.domainV1);
        assert.strictEqual(domain.region, "eu-west-1");
        assert.strictEqual(domain.inputs.endpointConfiguration.types, "REGIONAL");
        assert.match(domain.inputs.regionalCertificateArn, /^arn:aws:acm:eu-west-1:/);
        assert.deepStrictEqual(propertyDeps(domain, "regionalCertificateArn"), [one(r, T.validation).urn]);
        assert.strictEqual(one(r, T.basePathMapping).region, "eu-west-1");
    });

    it("aliases to the regional target and its zone, A only for IPv4", async () => {
        const r = await plan(() => new RegionalDomain("api", { domainName: "api.example.com", mappings: [rest] }), { config: { "aws:region": "eu-west-1" } });
        const domain = one(r, T.domainV1);
        const aliases = ofType(r, T.record).filter((x) => x.inputs.aliases);
        assert.deepStrictEqual(aliases.map((a) => a.inputs.type), ["A"]);
        assert.match(aliases[0].inputs.aliases[0].name, /^d-[a-z0-9]{10}\.execute-api\.eu-west-1\.amazonaws\.com$/);
        assert.strictEqual(aliases[0].inputs.aliases[0].name, domain.outputs.regionalDomainName);
        assert.strictEqual(aliases[0].inputs.aliases[0].zoneId, domain.outputs.regionalZoneId);
    });

    it("adds an AAAA alias when dual-stack", async () => {
        const r = await plan(() => new RegionalDomain("api", { domainName: "api.example.com", ipAddressType: "dualstack" }));
        assert.deepStrictEqual(ofType(r, T.record).filter((x) => x.inputs.aliases).map((a) => a.inputs.type).sort(), ["A", "AAAA"]);
        assert.strictEqual(one(r, T.domainV1).inputs.endpointConfiguration.ipAddressType, "dualstack");
    });

    it("serves an HTTP API through a v2 domain name and API mapping", async () => {
        let d: RegionalDomain | undefined;
        const r = await plan(() => { d = new RegionalDomain("api", { domainName: "api.example.com", apiType: "http", mappings: [{ ...http, basePath: "" }] }); });
        const domain = one(r, T.domainV2);
        assert.deepStrictEqual(domain.inputs.domainNameConfiguration.endpointType, "REGIONAL");
        assert.strictEqual(domain.inputs.domainNameConfiguration.securityPolicy, "TLS_1_2");
        const mapping = one(r, T.apiMapping);
        assert.strictEqual(mapping.inputs.apiId, "httpapi001");
        assert.strictEqual(mapping.inputs.stage, "$default");
        assert.strictEqual(mapping.inputs.apiMappingKey, undefined);
        const alias = ofType(r, T.record).find((x) => x.inputs.type === "A")!;
        assert.strictEqual(alias.inputs.aliases[0].name, domain.outputs.domainNameConfiguration.targetDomainName);
        assert.strictEqual(alias.inputs.aliases[0].zoneId, domain.outputs.domainNameConfiguration.hostedZoneId);
        assert.strictEqual(await output(d!.targetDomainName), domain.outputs.domainNameConfiguration.targetDomainName);
    });

    it("looks up the apex zone for a registrable name under a multi-label public suffix (example.co.uk, not co.uk)", async () => {
        const r = await plan(() => new RegionalDomain("uk", { domainName: "example.co.uk", region: "eu-west-2" }));
        const lookups = r.invokes.filter((i) => i.token === "aws:route53/getZone:getZone").map((i) => i.args.name);
        assert.ok(lookups.length > 0);
        assert.deepStrictEqual([...new Set(lookups)], ["example.co.uk"]);
    });

    it("takes multi-level keys on a domain with an enhanced security policy (AWS allows it), through the v2 mapping API", async () => {
        const r = await plan(() => new RegionalDomain("shop", {
            domainName: "shop.example.com", securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09", endpointAccessMode: "STRICT",
            mappings: [{ ...rest, basePath: "orders/v1/items" }, { ...rest, apiId: "other00001", basePath: "v2" }],
        }));
        assert.strictEqual(one(r, T.domainV1).inputs.securityPolicy, "SecurityPolicy_TLS13_1_3_2025_09");
        assert.deepStrictEqual(ofType(r, T.apiMapping).map((m) => m.inputs.apiMappingKey), ["orders/v1/items"]);
        assert.deepStrictEqual(ofType(r, T.basePathMapping).map((m) => m.inputs.basePath), ["v2"]);
    });

    it("serves REST and HTTP APIs on one domain, multi-level keys through the v2 mapping API", async () => {
        let d: RegionalDomain | undefined;
        const r = await plan(() => {
            d = new RegionalDomain("shop", {
                domainName: "shop.example.com",
                mappings: [{ ...rest, basePath: "v1" }, { ...http, basePath: "v2" }, { ...rest, apiId: "admin", basePath: "admin/reports" }, { ...rest, apiId: "home" }],
            });
        });
        assert.deepStrictEqual(ofType(r, T.basePathMapping).map((m) => m.inputs.basePath ?? "").sort(), ["", "v1"]);
        assert.deepStrictEqual(ofType(r, T.apiMapping).map((m) => [m.inputs.apiMappingKey, m.inputs.apiId]).sort(),
            [["admin/reports", "admin"], ["v2", "httpapi001"]]);
        assert.deepStrictEqual(await output(d!.urls), {
            v1: "https://shop.example.com/v1/", v2: "https://shop.example.com/v2/",
            "admin/reports": "https://shop.example.com/admin/reports/", "": "https://shop.example.com/",
        });
    });

    it("adds mappings after creation and still refuses a key twice", async () => {
        let url: string | undefined;
        let error: Error | undefined;
        const r = await plan(async () => {
            const d = new RegionalDomain("api", { domainName: "api.example.com", mappings: [{ ...rest, basePath: "v1" }] });
            url = await output(d.addMapping({ ...rest, apiId: "later", basePath: "v2/items" }));
            try { d.addMapping({ ...rest, basePath: "v1" }); } catch (e) { error = e as Error; }
        });
        assert.strictEqual(url, "https://api.example.com/v2/items/");
        assert.strictEqual(one(r, T.apiMapping).inputs.apiId, "later");
        assert.match(error!.message, /addMapping\("v1"\)\.basePath "v1" is already mapped on this domain/);
        assert.strictEqual(ofType(r, T.basePathMapping).length, 1);
    });

    it("serves a WebSocket API on a regional TLS 1.2 v2 domain", async () => {
        const r = await plan(() => new RegionalDomain("ws", { domainName: "ws.example.com", apiType: "websocket", mappings: [{ ...ws, basePath: "chat" }] }));
        const domain = one(r, T.domainV2);
        assert.strictEqual(domain.inputs.domainNameConfiguration.securityPolicy, "TLS_1_2");
        assert.strictEqual(domain.inputs.domainNameConfiguration.endpointType, "REGIONAL");
        assert.strictEqual(one(r, T.apiMapping).inputs.apiMappingKey, "chat");
    });

    it("serves a wildcard name with a wildcard certificate and wildcard aliases", async () => {
        const r = await plan(() => new RegionalDomain("tenants", { domainName: "*.example.com", zoneName: "example.com", mappings: [rest] }));
        assert.strictEqual(one(r, T.certificate).inputs.domainName, "*.example.com");
        assert.strictEqual(one(r, T.domainV1).inputs.domainName, "*.example.com");
        assert.strictEqual(ofType(r, T.record).find((x) => x.inputs.type === "A")!.inputs.name, "*.example.com");
        assert.ok(r.invokes.some((i) => i.token === "aws:route53/getZone:getZone" && i.args.name === "example.com"));
    });

    it("passes mutual TLS and the ownership verification certificate through", async () => {
        const r = await plan(() => new RegionalDomain("mtls", {
            domainName: "mtls.example.com",
            certificateArn: "arn:aws:acm:us-west-2:123456789012:certificate/imported",
            ownershipVerificationCertificateArn: "arn:aws:acm:us-west-2:123456789012:certificate/public",
            mutualTls: { truststoreUri: "s3://trust-bucket/truststore.pem", truststoreVersion: "v3" },
        }));
        const domain = one(r, T.domainV1);
        assert.deepStrictEqual(domain.inputs.mutualTlsAuthentication, { truststoreUri: "s3://trust-bucket/truststore.pem", truststoreVersion: "v3" });
        assert.strictEqual(domain.inputs.ownershipVerificationCertificateArn, "arn:aws:acm:us-west-2:123456789012:certificate/public");
    });

    it("accepts an enhanced REST policy with its endpoint access mode", async () => {
        const r = await plan(() => new RegionalDomain("api", { domainName: "api.example.com", securityPolicy: "SecurityPolicy_TLS13_1_2_PQ_2025_09", endpointAccessMode: "STRICT" }));
        assert.strictEqual(one(r, T.domainV1).inputs.securityPolicy, "SecurityPolicy_TLS13_1_2_PQ_2025_09");
        assert.strictEqual(one(r, T.domainV1).inputs.endpointAccessMode, "STRICT");
    });

    it("gives every child the right provider when providers are explicit", async () => {
        const r = await plan(() => {
            const ireland = new aws.Provider("ireland", { region: "eu-west-1" });
            const dns = new aws.Provider("dns", { region: "us-east-1" });
            new RegionalDomain("api", { domainName: "api.example.com", mappings: [rest, { ...rest, basePath: "a/b" }] }, { provider: ireland, dnsProvider: dns });
        });
        const ireland = one(r, T.provider, "ireland").urn;
        const dns = one(r, T.provider, "dns").urn;
        for (const t of [T.certificate, T.validation, T.domainV1, T.basePathMapping, T.apiMapping]) {
            for (const x of ofType(r, t)) {
                assert.strictEqual(x.providerUrn, ireland, `${t} ${x.name}`);
                assert.strictEqual(x.region, "eu-west-1", `${t} ${x.name}`);
            }
        }
        for (const rec of ofType(r, T.record)) assert.strictEqual(rec.providerUrn, dns, rec.name);
        assert.ok(r.invokes.filter((i) => i.token === "aws:route53/getZone:getZone").every((i) => i.provider?.startsWith(dns)));
    });

    it("lets Pulumi's standard transforms option reach the children, the route other languages take", async () => {
        const r = await plan(() => new RegionalDomain("api", { domainName: "api.example.com", mappings: [rest] }, {
            transforms: [(a) => a.type === T.domainV1
                ? { props: { ...a.props, tags: { ...(a.props.tags ?? {}), owner: "platform" } }, opts: a.opts }
                : undefined],
        }));
        assert.deepStrictEqual(one(r, T.domainV1).inputs.tags, { owner: "platform" });
        assert.strictEqual(one(r, T.certificate).inputs.tags, undefined, "only the resources the transform picks change");
    });

    it("keeps child names stable when mappings are reordered", async () => {
        const names = async (ms: typeof rest[]) => (await plan(() => new RegionalDomain("api", { domainName: "api.example.com", mappings: ms })))
            .resources.map((x) => x.urn).sort();
        const a = { ...rest, basePath: "a" };
        const b = { ...rest, basePath: "b/c" };
        assert.deepStrictEqual(await names([a, b]), await names([b, a]));
    });

    describe("bad input", () => {
        const cases: [string, Partial<RegionalDomainArgs> & Record<string, unknown>, RegExp, Record<string, string>?][] = [
            ["a WebSocket API mixed with REST", { apiType: "websocket", mappings: [ws, { ...rest, apiType: "rest", basePath: "r" }] }, /mappings\[1\]\.apiType "rest" cannot share a domain that serves a WebSocket API/],
            ["a WebSocket mapping on a REST domain", { mappings: [{ ...ws }] }, /mappings\[0\]\.apiType "websocket" is a WebSocket API, which cannot share a domain with REST or HTTP APIs/],
            ["a multi-level key on a WebSocket domain", { apiType: "websocket", mappings: [{ ...ws, basePath: "a/b" }] }, /basePath "a\/b" is multi-level; WebSocket domains take single-level keys only/],
            ["an HTTP API mapping on a domain with an enhanced policy", { securityPolicy: "SecurityPolicy_TLS13_1_2_2021_06", endpointAccessMode: "STRICT", mappings: [{ ...rest, basePath: "a/b" }, { apiId: "httpapi001", stage: "$default", apiType: "http", basePath: "h" }] }, /securityPolicy "SecurityPolicy_TLS13_1_2_2021_06" cannot serve an HTTP API: enhanced policies are for REST APIs only/],
            ["mutual TLS with an enhanced policy", { securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09", endpointAccessMode: "STRICT", mutualTls: { truststoreUri: "s3://b/k.pem" } }, /mutualTls .* cannot be combined with the enhanced security policy/],
            ["a truststore that is not an S3 URI", { mutualTls: { truststoreUri: "https://bucket.s3.amazonaws.com/k.pem" } }, /mutualTls\.truststoreUri "https:\/\/bucket.s3.amazonaws.com\/k.pem" is not an s3:\/\/bucket\/key URI/],
            ["an edge-only policy", { securityPolicy: "SecurityPolicy_TLS13_2025_EDGE" as never, endpointAccessMode: "STRICT" }, /securityPolicy "SecurityPolicy_TLS13_2025_EDGE" is only valid on edge-optimized domains, and this domain is REGIONAL/],
            ["an enhanced policy without access mode", { securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09" }, /endpointAccessMode \(not set\) is required/],
            ["a legacy policy with an access mode", { endpointAccessMode: "STRICT" }, /endpointAccessMode "STRICT" is only valid with an enhanced/],
            ["an enhanced policy for an HTTP API", { apiType: "http", securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09", endpointAccessMode: "STRICT" }, /cannot serve an HTTP API: enhanced policies are for REST APIs only/],
            ["a certificate from another region (region argument)", { region: "eu-west-1", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/x" }, /certificateArn ".*" is in us-east-1, but a regional domain .* needs it in eu-west-1; request or import the certificate in eu-west-1/],
            ["a certificate from another region (stack config)", { certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/x" }, /is in us-east-1, but a regional domain .* needs it in ap-south-1/, { "aws:region": "ap-south-1" }],
            ["a wildcard inside the name", { domainName: "api.*.example.com" }, /domainName "api\.\*\.example\.com" has "\*" in a label other than the first/],
            ["a label over 63 characters", { domainName: `${"x".repeat(64)}.example.com` }, /has the label "x+" of 64 characters/],
            ["a name over 253 characters", { domainName: `${"abcdefghi.".repeat(25)}example.com` }, /is 261 characters long; a domain name has at most 253/],
            ["a bad key character", { mappings: [{ ...rest, basePath: "v1#" }] }, /basePath "v1#" has the level "v1#"/],
            ["a trailing slash", { mappings: [{ ...rest, basePath: "v1/" }] }, /basePath "v1\/" ends with "\/"/],
            ["a doubled slash", { mappings: [{ ...rest, basePath: "v1//x" }] }, /basePath "v1\/\/x" has an empty level/],
            ["mutual TLS on a WebSocket domain", { apiType: "websocket", mutualTls: { truststoreUri: "s3://b/k.pem" } }, /mutualTls .* is not supported for WebSocket APIs/],
        ];
        for (const [what, extra, message, config] of cases) {
            it(`rejects ${what} before registering anything`, async () => {
                const m = await rejected(() => new RegionalDomain("api", { domainName: "api.example.com", ...extra } as RegionalDomainArgs),
                    config ? { config } : {});
                assert.match(m, /^RegionalDomain "api": /);
                assert.match(m, message);
            });
        }
    });
});
