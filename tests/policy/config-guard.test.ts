import { strict as assert } from "assert";
import { configError, configProblems } from "../../policy/lib/config-guard";
import { describeValue, propertyPath } from "../../policy/lib/message";
import { policies } from "../../policy/rules";
import { UNKNOWN } from "./helpers";

describe("policy config guard", () => {
    it("accepts every rule with its own settings, enforcement levels and the CLI's \"all\" key", () => {
        const config: Record<string, Record<string, unknown>> = { all: { enforcementLevel: "advisory" } };
        for (const p of policies) {
            config[p.name] = { enforcementLevel: "mandatory", ...Object.fromEntries(Object.keys(p.configSchema?.properties ?? {}).map((k) => [k, []])) };
        }
        assert.deepEqual(configProblems(policies, config), []);
    });

    it("names an unknown rule and lists the pack's rules", () => {
        const [problem] = configProblems(policies, { "cloudfront-origin-http": { enforcementLevel: "mandatory" } });
        assert.match(problem, /^cloudfront-origin-http: is not a rule of this policy pack \(its rules: certificate-region, cloudfront-origin-https, /);
    });

    it("names an unknown setting in the CLI's words, with the settings the rule does take", () => {
        assert.deepEqual(configProblems(policies, { "cloudfront-origin-https": { extraApiGatewayHost: ["x"] }, "mapping-key-rules": { strict: true } }), [
            "cloudfront-origin-https: Additional property extraApiGatewayHost is not allowed (its settings: extraApiGatewayHosts)",
            "mapping-key-rules: Additional property strict is not allowed (it takes no settings besides enforcementLevel)",
        ]);
        assert.equal(configError("apigw-domains", ["a", "b"]), "invalid policy config for policy pack apigw-domains:\n  a\n  b");
    });
});

describe("violation messages", () => {
    it("write property paths as a program does", () => {
        assert.equal(propertyPath("domainNameConfiguration", "certificateArn"), "domainNameConfiguration.certificateArn");
        assert.equal(propertyPath("origins", 0, "customOriginConfig", "originSslProtocols"), "origins[0].customOriginConfig.originSslProtocols");
    });

    it("show values as written, and say when one is absent or not known yet", () => {
        assert.equal(describeValue("TLS_1_0"), '"TLS_1_0"');
        assert.equal(describeValue(["TLSv1", "TLSv1.2"]), '["TLSv1","TLSv1.2"]');
        assert.equal(describeValue(undefined), "not set");
        assert.equal(describeValue(UNKNOWN), "not known until the update");
        assert.ok(describeValue("x".repeat(500)).endsWith("..."));
    });
});
