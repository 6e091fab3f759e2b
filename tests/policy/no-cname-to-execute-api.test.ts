import { strict as assert } from "assert";
import { checkNoCnameToExecuteApi } from "../../policy/rules/no-cname-to-execute-api";
import { StackResource, T } from "../../policy/lib/resources";
import { UNKNOWN, messages, res } from "./helpers";

function record(name: string, type: unknown, records: unknown, deps?: Record<string, StackResource[]>) {
    return res(T.record, name, { zoneId: "Z0123456789ABC", name, type, ttl: 300, records }, { deps });
}

describe("no-cname-to-execute-api", () => {
    it("accepts alias A/AAAA records and CNAMEs to unrelated hosts", () => {
        const alias = res(T.record, "api-a", {
            zoneId: "Z0123456789ABC",
            name: "api.example.com",
            type: "A",
            aliases: [{ name: "d-abc123.execute-api.eu-west-1.amazonaws.com", zoneId: "ZLY8HYME6SFDD", evaluateTargetHealth: false }],
        });
        const other = record("www.example.com", "CNAME", ["example.github.io."]);
        const txt = record("_acme.example.com", "TXT", ["abcdef1234.execute-api.eu-west-1.amazonaws.com"]);
        assert.deepEqual(checkNoCnameToExecuteApi([alias, other, txt], {}), []);
    });

    it("rejects a CNAME to a default execute-api endpoint, explaining the TLS failure", () => {
        const cname = record("api.example.com", "CNAME", ["abcdef1234.execute-api.eu-west-1.amazonaws.com."]);
        assert.deepEqual(messages(checkNoCnameToExecuteApi([cname], {})), [
            'route53.Record "api.example.com" makes api.example.com a CNAME to the default endpoint abcdef1234.execute-api.eu-west-1.amazonaws.com. ' +
                "That endpoint presents AWS's certificate and routes by its own name, so clients fail TLS; create an API Gateway custom domain for " +
                "api.example.com and point alias A and AAAA records at its target.",
        ]);
    });

    it("rejects a CNAME to a custom domain's regional target and to a VPC endpoint name", () => {
        const target = record("api.example.com", "cname", ["D-ABC123XYZ.execute-api.eu-west-1.amazonaws.com"]);
        const vpce = record("internal.example.com", "CNAME", ["vpce-0abc-1def.execute-api.eu-west-1.vpce.amazonaws.com"]);
        const found = messages(checkNoCnameToExecuteApi([target, vpce], {}));
        assert.match(found[0], /a CNAME to the API Gateway name d-abc123xyz\.execute-api\.eu-west-1\.amazonaws\.com\. Replace it with alias A and AAAA records/);
        assert.match(found[1], /a CNAME to the API Gateway name vpce-0abc-1def\.execute-api\.eu-west-1\.vpce\.amazonaws\.com/);
    });

    it("rejects a CNAME to the CloudFront name API Gateway manages for an edge domain of this stack", () => {
        const edge = res(T.domainV1, "edge", { domainName: "api.example.com", cloudfrontDomainName: "d111111abcdef8.cloudfront.net" });
        const cname = record("www.example.com", "CNAME", ["d111111abcdef8.cloudfront.net"]);
        assert.match(messages(checkNoCnameToExecuteApi([edge, cname], {}))[0], /a CNAME to d111111abcdef8\.cloudfront\.net, the API Gateway target of apigateway\.DomainName "edge"/);
        // A CloudFront distribution the user owns is not API Gateway's.
        assert.deepEqual(checkNoCnameToExecuteApi([edge, record("cdn.example.com", "CNAME", ["d222222abcdef8.cloudfront.net"])], {}), []);
    });

    it("accepts a CNAME to another custom domain name (plain DNS between names)", () => {
        const regional = res(T.domainV2, "api", { domainName: "api.example.com", domainNameConfiguration: { targetDomainName: "d-x.execute-api.eu-west-1.amazonaws.com" } });
        assert.deepEqual(checkNoCnameToExecuteApi([regional, record("alt.example.com", "CNAME", ["api.example.com"])], {}), []);
    });

    describe("preview", () => {
        it("rejects a CNAME whose unknown value comes from an API Gateway domain", () => {
            const domain = res(T.domainV1, "api-domain", { domainName: "api.example.com", regionalDomainName: UNKNOWN, endpointConfiguration: { types: "REGIONAL" } });
            const cname = record("api.example.com", "CNAME", [UNKNOWN], { records: [domain] });
            assert.match(messages(checkNoCnameToExecuteApi([domain, cname], {}))[0], /a CNAME to a name of apigateway\.DomainName "api-domain"/);
        });

        it("does not crash on unknown types, names or record lists", () => {
            const rs = [record("a.example.com", UNKNOWN, ["abcdef1234.execute-api.eu-west-1.amazonaws.com"]), record("b.example.com", "CNAME", UNKNOWN), record("c.example.com", "CNAME", undefined), res(T.record, "d", { type: "CNAME", name: UNKNOWN, records: [UNKNOWN] })];
            assert.deepEqual(checkNoCnameToExecuteApi(rs, {}), []);
        });
    });
});
