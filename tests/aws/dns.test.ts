import * as assert from "assert";
import { defaultZoneName, domainNameProblem, hostMatches, isInZone, isPublicSuffix } from "../../aws/dns";

describe("rulebook: DNS names (aws/dns.ts)", () => {
    it("never defaults a zone to a public suffix: example.co.uk is its own apex", () => {
        assert.strictEqual(defaultZoneName("example.co.uk"), "example.co.uk");
        assert.strictEqual(defaultZoneName("*.example.co.uk"), "example.co.uk");
        assert.strictEqual(defaultZoneName("example.com.au"), "example.com.au");
        assert.strictEqual(defaultZoneName("api.example.co.uk"), "example.co.uk");
        assert.strictEqual(defaultZoneName("a.b.example.co.uk"), "b.example.co.uk");
        assert.strictEqual(defaultZoneName("api.example.com"), "example.com");
        assert.strictEqual(defaultZoneName("example.com"), "example.com");
    });

    it("knows public suffixes from the Public Suffix List", () => {
        assert.ok(isPublicSuffix("co.uk"));
        assert.ok(isPublicSuffix("com"));
        assert.ok(!isPublicSuffix("example.co.uk"));
    });

    it("keeps names in a zone on whole labels", () => {
        assert.ok(isInZone("api.example.com", "example.com."));
        assert.ok(!isInZone("api.myexample.com", "example.com"));
    });

    it("matches a wildcard on exactly one label", () => {
        assert.ok(hostMatches("a.example.com", "*.example.com"));
        assert.ok(!hostMatches("a.b.example.com", "*.example.com"));
        assert.ok(!hostMatches("example.com", "*.example.com"));
    });

    it("accepts a 253-character name of 63-character labels and refuses one character more", () => {
        const label = "a".repeat(63);
        const name = [label, label, label, "b".repeat(61)].join(".");
        assert.strictEqual(name.length, 253);
        assert.strictEqual(domainNameProblem(name), undefined);
        assert.match(domainNameProblem(name + "c")!.rule, /at most 253/);
    });
});
