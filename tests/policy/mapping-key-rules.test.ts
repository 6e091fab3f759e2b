import { strict as assert } from "assert";
import { checkSecurityPolicies } from "../../policy/rules/api-gateway-security-policy";
import { checkMappingKeys } from "../../policy/rules/mapping-key-rules";
import { StackResource, T } from "../../policy/lib/resources";
import { UNKNOWN, messages, res } from "./helpers";

const api = res(T.apiV2, "orders", { name: "orders", protocolType: "HTTP" });
const rest = res(T.restApi, "shop", { name: "shop" });
const regional = res(T.domainV2, "api", { domainName: "api.example.com", domainNameConfiguration: { endpointType: "REGIONAL", securityPolicy: "TLS_1_2", certificateArn: "arn:aws:acm:eu-west-1:1:certificate/x" } }, { providerRegion: "eu-west-1" });
const edge = res(T.domainV1, "edge", { domainName: "edge.example.com", certificateArn: "arn:aws:acm:us-east-1:1:certificate/x", securityPolicy: "TLS_1_2" }, { providerRegion: "eu-west-1" });
const legacyTls = res(T.domainV1, "old", { domainName: "old.example.com", regionalCertificateArn: "arn:aws:acm:eu-west-1:1:certificate/x", securityPolicy: "TLS_1_0", endpointConfiguration: { types: "REGIONAL" } }, { providerRegion: "eu-west-1" });

function v2(name: string, domain: StackResource, key: unknown) {
    return res(T.apiMapping, name, { apiId: UNKNOWN, domainName: domain.props["domainName"], stage: "$default", apiMappingKey: key }, { providerRegion: "eu-west-1", deps: { apiId: [api], domainName: [domain] } });
}

function v1(name: string, domain: StackResource | string, basePath: unknown) {
    const deps: Record<string, StackResource[]> = { restApi: [rest] };
    if (typeof domain !== "string") {
        deps["domainName"] = [domain];
    }
    return res(T.basePathMapping, name, { restApi: UNKNOWN, domainName: typeof domain === "string" ? domain : domain.props["domainName"], stageName: "prod", basePath }, { providerRegion: "eu-west-1", deps });
}

describe("mapping-key-rules", () => {
    it("accepts single- and multi-level keys on a REGIONAL TLS 1.2 domain through the v2 API, and a root mapping", () => {
        const rs = [api, rest, regional, v2("root", regional, undefined), v2("a", regional, "orders"), v2("b", regional, "v1/orders"), v2("c", regional, "v2/orders/items"), v1("d", regional, "shop")];
        assert.deepEqual(checkMappingKeys(rs, {}), []);
    });

    it("rejects keys API Gateway does not accept, naming the property, the value and the fix", () => {
        const judge = (key: string) => messages(checkMappingKeys([api, regional, v2("m", regional, key)], {}));
        assert.deepEqual(judge("v1/orders-$x_(y)!*'+."), []);
        assert.deepEqual(judge("/orders"), ['apigatewayv2.ApiMapping "m": apiMappingKey is "/orders": starts with "/". Fix: drop the leading slash: "orders".']);
        assert.deepEqual(judge("v1/"), ['apigatewayv2.ApiMapping "m": apiMappingKey is "v1/": ends with "/". Fix: drop the trailing slash: "v1".']);
        assert.match(judge("orders//items")[0], /apiMappingKey is "orders\/\/items": has an empty level/);
        assert.match(judge("orders?x=1")[0], /apiMappingKey is "orders\?x=1": has the level "orders\?x=1" with characters API Gateway does not accept/);
    });

    it("rejects multi-level keys on an EDGE domain, on a TLS_1_0 domain, and through apigateway.BasePathMapping", () => {
        assert.deepEqual(messages(checkMappingKeys([api, edge, v2("m", edge, "v1/orders")], {})), [
            'apigatewayv2.ApiMapping "m": apiMappingKey is "v1/orders": is multi-level; multi-level paths need a REGIONAL domain with TLS 1.2 or an enhanced policy, and this domain is EDGE (domain apigateway.DomainName "edge"). Fix: use a single-level key, or a REGIONAL custom domain.',
        ]);
        assert.match(messages(checkMappingKeys([api, legacyTls, v2("m", legacyTls, "v1/orders")], {}))[0], /multi-level paths need TLS 1\.2 or an enhanced policy, not "TLS_1_0"/);
        assert.deepEqual(messages(checkMappingKeys([rest, regional, v1("m", regional, "v1/orders")], {})), [
            'apigateway.BasePathMapping "m": basePath is "v1/orders": it has several levels, and apigateway.BasePathMapping only takes single-level paths. Fix: map it with apigatewayv2.ApiMapping (apiMappingKey), or use a single-level path.',
        ]);
    });

    it("accepts multi-level keys of a REST API on a REGIONAL domain with an enhanced policy (AWS allows them)", () => {
        const enhanced = res(T.domainV1, "strict", { domainName: "strict.example.com", regionalCertificateArn: "arn:aws:acm:eu-west-1:1:certificate/x", securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09", endpointAccessMode: "STRICT", endpointConfiguration: { types: "REGIONAL" } }, { providerRegion: "eu-west-1" });
        const mapping = res(T.apiMapping, "m", { apiId: UNKNOWN, domainName: "strict.example.com", stage: "prod", apiMappingKey: "orders/v1/items" }, { providerRegion: "eu-west-1", deps: { apiId: [rest], domainName: [enhanced] } });
        assert.deepEqual(checkMappingKeys([rest, enhanced, mapping], {}), []);
    });

    it("leaves an HTTP API on an enhanced-policy domain to api-gateway-security-policy (one report, not two)", () => {
        const enhanced = res(T.domainV1, "strict", { domainName: "strict.example.com", regionalCertificateArn: "arn:aws:acm:eu-west-1:1:certificate/x", securityPolicy: "SecurityPolicy_TLS13_1_2_2021_06", endpointAccessMode: "STRICT", endpointConfiguration: { types: "REGIONAL" } }, { providerRegion: "eu-west-1" });
        const stack = [api, enhanced, v2("h", enhanced, "orders")];
        assert.deepEqual(messages(checkMappingKeys(stack, {})), []);
        const reported = messages(checkSecurityPolicies(stack, {}));
        assert.equal(reported.length, 1);
        assert.match(reported[0], /SecurityPolicy_TLS13_1_2_2021_06/);
        assert.match(reported[0], /HTTP/);
    });

    it("rejects a key mapped twice on one domain, across the v1 and v2 APIs, with the root spelled two ways", () => {
        const found = checkMappingKeys([api, rest, regional, v2("first", regional, "orders"), v1("second", regional, "orders"), v2("root", regional, ""), v1("root-again", regional, "(none)")], {});
        assert.deepEqual(messages(found), [
            'apigateway.BasePathMapping "second": basePath is "orders": apigatewayv2.ApiMapping "first" already maps this key on api.example.com, and a key maps only one API stage per domain. Fix: give each mapping of the domain a distinct key.',
            'apigateway.BasePathMapping "root-again": basePath is "(none)": apigatewayv2.ApiMapping "root" already maps this key on api.example.com, and a key maps only one API stage per domain. Fix: give each mapping of the domain a distinct key.',
        ]);
        assert.equal(found[0].urn, "urn:pulumi:dev::shop::aws:apigateway/basePathMapping:BasePathMapping::second");
    });

    it("keeps two private custom domains of the same name apart: they are different domains, addressed by domainNameId", () => {
        const privateDomain = (name: string, id: string) =>
            res(T.domainV1, name, { domainName: "api.internal.example.com", endpointConfiguration: { types: "PRIVATE" }, domainNameId: id, securityPolicy: "TLS_1_2" }, { providerRegion: "eu-west-1" });
        const blue = privateDomain("blue", "abc123");
        const green = privateDomain("green", "def456");
        // As a stack without property dependencies (or mappings written with literal ids) reports them.
        const mapping = (name: string, id: string) =>
            res(T.basePathMapping, name, { restApi: "a1b2c3d4e5", domainName: "api.internal.example.com", domainNameId: id, stageName: "prod", basePath: "orders" }, { providerRegion: "eu-west-1" });
        assert.deepEqual(checkMappingKeys([rest, blue, green, mapping("to-blue", "abc123"), mapping("to-green", "def456")], {}), []);
        // The same key twice on one of them is still a duplicate.
        assert.equal(checkMappingKeys([rest, blue, green, mapping("one", "abc123"), mapping("two", "abc123")], {}).length, 1);
        // While the ids are unknown (preview) and nothing ties a mapping to its domain, no guess is made.
        assert.deepEqual(checkMappingKeys([rest, blue, green, mapping("p1", UNKNOWN), mapping("p2", UNKNOWN)], {}), []);
    });

    it("finds duplicates by domain name when the domain is managed elsewhere, and keeps different domains apart", () => {
        assert.equal(checkMappingKeys([rest, v1("a", "shared.example.com", "x"), v1("b", "shared.example.com", "x")], {}).length, 1);
        assert.deepEqual(checkMappingKeys([rest, v1("a", "one.example.com", "x"), v1("b", "two.example.com", "x")], {}), []);
    });

    it("does not crash on unknown keys, domains and endpoint types (preview)", () => {
        const pending = res(T.domainV1, "pending", { domainName: "p.example.com", endpointConfiguration: UNKNOWN, securityPolicy: UNKNOWN });
        const rs = [api, rest, pending, v2("a", pending, "v1/orders"), v2("b", pending, UNKNOWN), v2("c", pending, UNKNOWN), res(T.apiMapping, "d", { apiId: UNKNOWN, domainName: UNKNOWN, apiMappingKey: "x" })];
        assert.deepEqual(checkMappingKeys(rs, {}), []);
    });
});
