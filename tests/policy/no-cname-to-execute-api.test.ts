import { strict as assert } from "assert";
import { checkCnameRecords } from "../../policy/rules/no-cname-to-execute-api";
import { StackResource, T } from "../../policy/lib/resources";
import { UNKNOWN, res } from "./helpers";

function record(name: string, type: unknown, records: unknown, deps?: Record<string, StackResource[]>) {
    return res(T.record, name, { zoneId: "Z0123456789ABC", name, type, ttl: 300, records }, { deps });
}

/** What each rule of the pair reports: no-cname-to-execute-api (fails) and prefer-alias-to-api-gateway (advice). */
function judged(resources: StackResource[]) {
    const found = checkCnameRecords(resources, {});
    return { mandatory: found.filter((f) => f.fails).map((f) => f.message), advisory: found.filter((f) => !f.fails).map((f) => f.message) };
}

describe("no-cname-to-execute-api and prefer-alias-to-api-gateway", () => {
    it("accepts alias A/AAAA records and CNAMEs to unrelated hosts", () => {
        const alias = res(T.record, "api-a", {
            zoneId: "Z0123456789ABC",
            name: "api.example.com",
            type: "A",
            aliases: [{ name: "d-abc123.execute-api.eu-west-1.amazonaws.com", zoneId: "ZLY8HYME6SFDD", evaluateTargetHealth: false }],
        });
        const other = record("www.example.com", "CNAME", ["example.github.io."]);
        const txt = record("_acme.example.com", "TXT", ["abcdef1234.execute-api.eu-west-1.amazonaws.com"]);
        assert.deepEqual(checkCnameRecords([alias, other, txt], {}), []);
    });

    it("makes a CNAME to a default execute-api endpoint mandatory, naming records[0], the value, the TLS failure and the fix", () => {
        const cname = record("api.example.com", "CNAME", ["abcdef1234.execute-api.eu-west-1.amazonaws.com."]);
        assert.deepEqual(judged([cname]), {
            mandatory: [
                'route53.Record "api.example.com": records[0] is "abcdef1234.execute-api.eu-west-1.amazonaws.com.": a CNAME for api.example.com to the default endpoint of an API, ' +
                    "which presents AWS's *.execute-api certificate and serves only its own name, so clients of api.example.com fail TLS. " +
                    "Fix: create an API Gateway custom domain for api.example.com (with a certificate for it) and point an alias A record (and AAAA for a dualstack domain) at the custom domain's target.",
            ],
            advisory: [],
        });
    });

    it("only advises on a CNAME to a custom domain's regional target, which AWS documents as valid", () => {
        const target = record("api.example.com", "cname", ["D-ABC123XYZ.execute-api.eu-west-1.amazonaws.com"]);
        const { mandatory, advisory } = judged([target]);
        assert.deepEqual(mandatory, []);
        assert.match(advisory[0], /records\[0\] is "D-ABC123XYZ\.execute-api\.eu-west-1\.amazonaws\.com": a CNAME for api\.example\.com to the target of an API Gateway custom domain, which works .* Fix: keep the CNAME if this zone is not in Route 53; in Route 53 prefer alias A\/AAAA records/);
    });

    it("does not judge a CNAME to an execute-api VPC endpoint name (a weighted CNAME in a private zone works)", () => {
        const weighted = res(T.record, "internal", {
            zoneId: "Z0PRIVATE",
            name: "internal.example.com",
            type: "CNAME",
            ttl: 60,
            setIdentifier: "a",
            weightedRoutingPolicies: [{ weight: 50 }],
            records: ["vpce-0abc-1def.execute-api.eu-west-1.vpce.amazonaws.com"],
        });
        assert.deepEqual(checkCnameRecords([weighted], {}), []);
    });

    it("only advises on a CNAME to the CloudFront name API Gateway manages for an edge domain of this stack", () => {
        const edge = res(T.domainV1, "edge", { domainName: "api.example.com", cloudfrontDomainName: "d111111abcdef8.cloudfront.net" });
        const cname = record("www.example.com", "CNAME", ["d111111abcdef8.cloudfront.net"]);
        const { mandatory, advisory } = judged([edge, cname]);
        assert.deepEqual(mandatory, []);
        assert.match(advisory[0], /a CNAME for www\.example\.com to the API Gateway target of apigateway\.DomainName "edge", which works/);
        // A CloudFront distribution the user owns is not API Gateway's.
        assert.deepEqual(checkCnameRecords([edge, record("cdn.example.com", "CNAME", ["d222222abcdef8.cloudfront.net"])], {}), []);
    });

    it("accepts a CNAME to another custom domain name (plain DNS between names)", () => {
        const regional = res(T.domainV2, "api", { domainName: "api.example.com", domainNameConfiguration: { targetDomainName: "d-x.execute-api.eu-west-1.amazonaws.com" } });
        assert.deepEqual(checkCnameRecords([regional, record("alt.example.com", "CNAME", ["api.example.com"])], {}), []);
    });

    describe("Cloudflare records", () => {
        function cf(name: string, props: Record<string, unknown>, deps?: Record<string, StackResource[]>, type: string = T.cloudflareRecord) {
            return res(type, name, { zoneId: "023e105f4ecef8ad9ca31a8372d0c353", name, ttl: 1, ...props }, { deps });
        }

        it("makes a DNS-only CNAME to a default endpoint mandatory, with content as the path and a fix for DNS outside Route 53", () => {
            const dnsOnly = cf("api.example.com", { type: "CNAME", content: "abcdef1234.execute-api.eu-west-1.amazonaws.com", proxied: false });
            assert.deepEqual(judged([dnsOnly]), {
                mandatory: [
                    'cloudflare.DnsRecord "api.example.com": content is "abcdef1234.execute-api.eu-west-1.amazonaws.com": a CNAME for api.example.com to the default endpoint of an API, ' +
                        "which presents AWS's *.execute-api certificate and serves only its own name, so clients of api.example.com fail TLS. " +
                        "Fix: create an API Gateway custom domain for api.example.com (with a certificate for it) and point this CNAME at the custom domain's target (regionalDomainName, or cloudfrontDomainName for an edge domain).",
                ],
                advisory: [],
            });
        });

        it("treats an absent proxied as DNS-only (Cloudflare's default) and reads the older provider's Record and its value spelling", () => {
            const absent = cf("a.example.com", { type: "cname", content: "abcdef1234.execute-api.eu-west-1.amazonaws.com" });
            const v5 = cf("b.example.com", { type: "CNAME", value: "abcdef1234.execute-api.eu-west-1.amazonaws.com" }, undefined, T.cloudflareRecordV5);
            const { mandatory } = judged([absent, v5]);
            assert.equal(mandatory.length, 2);
            assert.match(mandatory[0], /^cloudflare\.DnsRecord "a\.example\.com": content is/);
            assert.match(mandatory[1], /^cloudflare\.Record "b\.example\.com": value is/);
        });

        it("does not judge a proxied record, or one whose proxy status is unknown (Cloudflare connects to the origin itself)", () => {
            const proxied = cf("api.example.com", { type: "CNAME", content: "abcdef1234.execute-api.eu-west-1.amazonaws.com", proxied: true });
            const unknown = cf("b.example.com", { type: "CNAME", content: "abcdef1234.execute-api.eu-west-1.amazonaws.com", proxied: UNKNOWN });
            assert.deepEqual(checkCnameRecords([proxied, unknown], {}), []);
        });

        it("gives no advice on a CNAME to a custom domain's target, the documented way outside Route 53", () => {
            const target = cf("api.example.com", { type: "CNAME", content: "d-abc123xyz.execute-api.eu-west-1.amazonaws.com", proxied: false });
            const edge = res(T.domainV1, "edge", { domainName: "edge.example.com", cloudfrontDomainName: "d111111abcdef8.cloudfront.net" });
            const toEdge = cf("edge.example.com", { type: "CNAME", content: "d111111abcdef8.cloudfront.net" });
            assert.deepEqual(checkCnameRecords([target, edge, toEdge], {}), []);
        });

        it("in preview, fails a DNS-only record whose unknown content comes from an API and leaves one from a custom domain alone", () => {
            const api = res(T.restApi, "shop", { name: "shop", id: UNKNOWN });
            const toApi = cf("shop.example.com", { type: "CNAME", content: UNKNOWN }, { content: [api] });
            const domain = res(T.domainV1, "api-domain", { domainName: "api.example.com", regionalDomainName: UNKNOWN, endpointConfiguration: { types: "REGIONAL" } });
            const toDomain = cf("api.example.com", { type: "CNAME", content: UNKNOWN }, { content: [domain] });
            const { mandatory, advisory } = judged([api, toApi, domain, toDomain]);
            assert.deepEqual(advisory, []);
            assert.equal(mandatory.length, 1);
            assert.match(mandatory[0], /^cloudflare\.DnsRecord "shop\.example\.com": content .*a CNAME for shop\.example\.com to a name of apigateway\.RestApi "shop"/);
        });
    });

    describe("preview", () => {
        it("advises on a CNAME whose unknown value comes from an API Gateway domain, and fails one that comes from an API", () => {
            const domain = res(T.domainV1, "api-domain", { domainName: "api.example.com", regionalDomainName: UNKNOWN, endpointConfiguration: { types: "REGIONAL" } });
            const toDomain = record("api.example.com", "CNAME", [UNKNOWN], { records: [domain] });
            const api = res(T.restApi, "shop", { name: "shop", id: UNKNOWN });
            const toApi = record("shop.example.com", "CNAME", [UNKNOWN], { records: [api] });
            const { mandatory, advisory } = judged([domain, toDomain, api, toApi]);
            assert.equal(advisory.length, 1);
            assert.match(advisory[0], /a CNAME for api\.example\.com to a name of apigateway\.DomainName "api-domain", which works/);
            assert.equal(mandatory.length, 1);
            assert.match(mandatory[0], /a CNAME for shop\.example\.com to a name of apigateway\.RestApi "shop", whose default endpoint presents AWS's certificate/);
        });

        it("does not crash on unknown types, names or record lists", () => {
            const rs = [record("a.example.com", UNKNOWN, ["abcdef1234.execute-api.eu-west-1.amazonaws.com"]), record("b.example.com", "CNAME", UNKNOWN), record("c.example.com", "CNAME", undefined), res(T.record, "d", { type: "CNAME", name: UNKNOWN, records: [UNKNOWN] })];
            assert.deepEqual(checkCnameRecords(rs, {}), []);
        });
    });
});
