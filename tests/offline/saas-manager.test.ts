// The simulator answers CloudFront SaaS Manager (multi-tenant distributions, connection groups,
// distribution tenants) and CloudFront Functions as the provider reports them, and refuses what
// CloudFront refuses.
import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { RecordedResource, RunOptions, RunResult, UNKNOWN, byType, runProgram } from "../../offline/engine";

const MT = "aws:cloudfront/multitenantDistribution:MultitenantDistribution";
const GROUP = "aws:cloudfront/connectionGroup:ConnectionGroup";
const TENANT = "aws:cloudfront/distributionTenant:DistributionTenant";
const FUNCTION = "aws:cloudfront/function:Function";
const CERT = "arn:aws:acm:us-east-1:123456789012:certificate/viewer";

function run(program: () => unknown, options: RunOptions = {}): Promise<RunResult> {
    return runProgram(program, { ...options, config: { "aws:region": "eu-west-1", ...options.config } });
}

function only(result: RunResult, type: string): RecordedResource {
    const found = byType(result, type);
    assert.strictEqual(found.length, 1, `expected one ${type}, found ${found.length}`);
    return found[0];
}

function distribution(webAclId?: string): aws.cloudfront.MultitenantDistribution {
    return new aws.cloudfront.MultitenantDistribution("saas", {
        enabled: true,
        comment: "tenants",
        origins: [{ id: "api", domainName: "origin.api.example.com", customOriginConfigs: [{ httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] }] }],
        defaultCacheBehavior: { targetOriginId: "api", viewerProtocolPolicy: "https-only", allowedMethods: { items: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] }, cachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad" },
        viewerCertificate: { acmCertificateArn: CERT, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" },
        tenantConfig: {},
        webAclId,
    });
}

describe("offline simulator: CloudFront SaaS Manager", () => {
    it("answers a multi-tenant distribution, a connection group, a tenant and a function with the provider's outputs", async () => {
        const r = await run(() => {
            const d = distribution();
            const group = new aws.cloudfront.ConnectionGroup("tenants", { ipv6Enabled: true });
            new aws.cloudfront.DistributionTenant("acme", {
                distributionId: d.id, connectionGroupId: group.id, name: "api.acme.com", domains: [{ domain: "api.acme.com" }],
                managedCertificateRequest: { primaryDomainName: "api.acme.com", validationTokenHost: "cloudfront" },
            });
            new aws.cloudfront.Function("host", { runtime: "cloudfront-js-2.0", code: "function handler(e) { return e.request; }", publish: true });
        });
        assert.ifError(r.error);
        const d = only(r, MT);
        assert.match(d.id!, /^E[A-Z0-9]{13}$/);
        assert.strictEqual(d.outputs.arn, `arn:aws:cloudfront::123456789012:distribution/${d.id}`);
        assert.strictEqual(d.outputs.connectionMode, "tenant-only");
        assert.strictEqual(d.outputs.status, "Deployed");
        assert.ok(!("hostedZoneId" in d.outputs) && !("priceClass" in d.outputs), "a multi-tenant distribution has neither (the connection group routes)");
        assert.strictEqual(d.region, undefined, "CloudFront is global");

        const group = only(r, GROUP);
        assert.match(group.id!, /^cg_[0-9A-Za-z]{27}$/);
        assert.match(group.outputs.routingEndpoint, /^d[a-z0-9]{13}\.cloudfront\.net$/);
        assert.strictEqual(group.outputs.ipv6Enabled, true);
        assert.strictEqual(group.outputs.isDefault, false);
        assert.match(group.outputs.name, /^tenants-[0-9a-f]{7}$/, "named by the provider when the program gives no name");

        const tenant = only(r, TENANT);
        assert.match(tenant.id!, /^dt_[0-9A-Za-z]{27}$/);
        assert.strictEqual(tenant.outputs.arn, `arn:aws:cloudfront::123456789012:distribution-tenant/${tenant.id}`);
        assert.strictEqual(tenant.outputs.connectionGroupId, group.id);
        assert.deepStrictEqual(tenant.outputs.domains, [{ domain: "api.acme.com", status: UNKNOWN }], "a domain's status depends on its certificate and DNS");

        const fn = only(r, FUNCTION);
        assert.match(fn.outputs.arn, /^arn:aws:cloudfront::123456789012:function\/host-[0-9a-f]{7}$/);
        assert.strictEqual(fn.outputs.liveStageEtag, fn.outputs.etag, "published");
    });

    it("leaves a tenant's connection group unknown when CloudFront picks the account's default one", async () => {
        const r = await run(() => new aws.cloudfront.DistributionTenant("acme", { distributionId: "E1234567890ABC", domains: [{ domain: "api.acme.com" }] }));
        assert.ifError(r.error);
        assert.strictEqual(only(r, TENANT).outputs.connectionGroupId, UNKNOWN);
    });

    for (const [what, program, message] of [
        ["a tenant without a domain", () => new aws.cloudfront.DistributionTenant("acme", { distributionId: "E1234567890ABC", domains: [] }), /needs at least one domain/],
        ["a managed certificate for a wildcard domain", () => new aws.cloudfront.DistributionTenant("acme", {
            distributionId: "E1234567890ABC", domains: [{ domain: "*.acme.com" }], managedCertificateRequest: { primaryDomainName: "*.acme.com", validationTokenHost: "cloudfront" },
        }), /domain "\*\.acme\.com" is a wildcard name/],
        ["a validation token host CloudFront does not know", () => new aws.cloudfront.DistributionTenant("acme", {
            distributionId: "E1234567890ABC", domains: [{ domain: "api.acme.com" }], managedCertificateRequest: { validationTokenHost: "dns" },
        }), /validationTokenHost "dns" is not one of cloudfront, self-hosted/],
        ["a WAF Classic web ACL on a multi-tenant distribution", () => distribution("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"), /only AWS WAF V2 web ACLs/],
    ] as const) {
        it(`refuses ${what}`, async () => {
            const r = await run(program);
            assert.ok(r.error, "the update must fail");
            assert.match(r.error!.message, message);
        });
    }

    it("leaves ids and endpoints unknown in a preview", async () => {
        const r = await run(() => new aws.cloudfront.ConnectionGroup("tenants", { name: "tenants" }), { preview: true });
        assert.ifError(r.error);
        const group = only(r, GROUP);
        assert.strictEqual(group.id, undefined);
        assert.strictEqual(group.outputs.routingEndpoint, undefined);
    });
});
