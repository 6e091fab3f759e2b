import * as assert from "assert";
import { defaultZoneName, isInZone } from "../../aws/dns";
import { validateDomainName, validateMappingKey } from "../../components/names";

describe("names", () => {
    describe("validateDomainName", () => {
        it("accepts ordinary, apex-like and wildcard names", () => {
            for (const n of ["api.example.com", "example.com", "*.example.com", "a-b.c1.example.co.uk", `${"a".repeat(63)}.com`]) {
                assert.strictEqual(validateDomainName("X", "domainName", n), n);
            }
        });
        const bad: [string, RegExp][] = [
            ["Api.Example.com", /uppercase.*use "api\.example\.com"/],
            ["api.example.com.", /ends with a dot/],
            ["localhost", /single label/],
            ["api..example.com", /empty label/],
            [`${"a".repeat(64)}.com`, /64 characters; labels have at most 63/],
            [`${"abcdefghi.".repeat(26)}com`, /263 characters long; a domain name has at most 253/],
            ["api.*.example.com", /"\*" in a label other than the first/],
            ["a*.example.com", /"\*" inside the label "a\*"/],
            ["-api.example.com", /label "-api" with characters/],
            ["api_v1.example.com", /label "api_v1"/],
        ];
        for (const [name, message] of bad) {
            it(`rejects ${JSON.stringify(name.length > 40 ? name.slice(0, 40) + "…" : name)}`, () => {
                assert.throws(() => validateDomainName("RegionalDomain \"x\"", "domainName", name), (e: Error) => {
                    assert.match(e.message, /^RegionalDomain "x": domainName /);
                    assert.match(e.message, message);
                    return true;
                });
            });
        }
    });

    describe("validateMappingKey", () => {
        it("counts levels and accepts the characters API Gateway allows", () => {
            assert.strictEqual(validateMappingKey("X", "basePath", ""), 0);
            assert.strictEqual(validateMappingKey("X", "basePath", undefined), 0);
            assert.strictEqual(validateMappingKey("X", "basePath", "v1"), 1);
            assert.strictEqual(validateMappingKey("X", "basePath", "v1/orders"), 2);
            assert.strictEqual(validateMappingKey("X", "basePath", "a$-_.+!*'()/b"), 2);
        });
        const bad: [string, RegExp][] = [
            ["/v1", /starts with "\/"; drop the leading slash: "v1"/],
            ["v1/", /ends with "\/"; drop the trailing slash: "v1"/],
            ["v1//orders", /empty level.*"v1\/orders"/],
            ["v1/ord ers", /level "ord ers"/],
            ["v1?x", /level "v1\?x"/],
        ];
        for (const [key, message] of bad) {
            it(`rejects ${JSON.stringify(key)}`, () => {
                assert.throws(() => validateMappingKey("X", "mappings[0].basePath", key), message);
            });
        }
    });

    it("matches zones on whole labels only", () => {
        assert.ok(isInZone("api.domain.com", "domain.com"));
        assert.ok(isInZone("domain.com", "domain.com."));
        assert.ok(!isInZone("api.mydomain.com", "domain.com"));
        assert.ok(!isInZone("mydomain.com", "domain.com"));
    });

    it("defaults the zone to the parent name, or the apex itself", () => {
        assert.strictEqual(defaultZoneName("api.example.com"), "example.com");
        assert.strictEqual(defaultZoneName("example.com"), "example.com");
        assert.strictEqual(defaultZoneName("a.b.example.co.uk"), "b.example.co.uk");
    });
});
