import * as assert from "assert";
import {
    functionName, managedCertificateDomainProblem, multiTenantWebAclProblem, wildcardTenantProblem,
} from "../../aws/cloudfront-saas";

describe("rulebook: CloudFront SaaS Manager", () => {
    it("lets a wildcard cover exactly one label in front of its base", () => {
        assert.strictEqual(wildcardTenantProblem("acme.tenants.example.com", "tenants.example.com"), undefined);
        assert.match(wildcardTenantProblem("eu.acme.tenants.example.com", "tenants.example.com")!.rule, /is 2 labels below/);
        assert.match(wildcardTenantProblem("eu.acme.tenants.example.com", "tenants.example.com")!.fix, /"eu-acme\.tenants\.example\.com"/);
    });

    it("refuses managed certificates for wildcard names only", () => {
        assert.strictEqual(managedCertificateDomainProblem("api.acme.com"), undefined);
        assert.ok(managedCertificateDomainProblem("*.acme.com"));
    });

    it("makes CloudFront Function names of letters, digits, hyphens and underscores, at most 64", () => {
        assert.strictEqual(functionName("saas.prod-tenant-host"), "saas-prod-tenant-host");
        assert.strictEqual(functionName("x".repeat(80)).length, 64);
    });

    it("takes only WAFv2 ARNs on a multi-tenant distribution", () => {
        assert.strictEqual(multiTenantWebAclProblem("arn:aws:wafv2:us-east-1:123456789012:global/webacl/a/1"), undefined);
        assert.ok(multiTenantWebAclProblem("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"));
    });
});
