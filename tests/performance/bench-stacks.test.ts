// The components' overhead in `npm run bench` compares like with like only if the raw stack
// creates exactly what the components create; the mechanisms it compares are what TenantDomains
// creates for N tenants of each kind, and grow per tenant as each mechanism does.

import * as assert from "assert";
import { RunResult, runProgram } from "../../offline/engine";
import { MECHANISMS, ORIGIN_DOMAIN, StackKind, TENANT_CONFIG, WILDCARD_BASE, tenantStack } from "../../bench/tenants";
import { firstQuota, quotaUse } from "../../bench/quotas";
import { APIGATEWAY_PUBLIC_DOMAINS_QUOTA, CLOUDFRONT_TENANTS_QUOTA } from "../../aws/quotas";
import { criticalPath } from "../../offline/critical-path";

function customResources(r: RunResult): string[] {
    return r.resources.filter((x) => x.custom).map((x) => `${x.type} ${x.name} ${JSON.stringify(x.inputs)}`).sort();
}

describe("bench stacks", () => {
    it("the raw @pulumi/aws tenants create the same custom resources, with the same inputs, as RegionalDomain", async () => {
        const [components, raw] = await Promise.all([
            runProgram(tenantStack("components", 3), { config: { ...TENANT_CONFIG } }),
            runProgram(tenantStack("raw", 3), { config: { ...TENANT_CONFIG } }),
        ]);
        assert.ifError(components.error);
        assert.ifError(raw.error);
        assert.deepStrictEqual(customResources(raw), customResources(components));
        // Per tenant: certificate, validation record, validation, domain, two mappings, alias record.
        assert.strictEqual(customResources(raw).length, 3 + 3 * 7);
        assert.deepStrictEqual(components.resources.filter((x) => !x.custom && x.type !== "pulumi:pulumi:Stack").map((x) => x.type).sort(),
            Array(3).fill("apigw-domains:index:RegionalDomain"), "a domain requests its certificate without a nested component");
    });
});

describe("bench mechanisms", () => {
    const plan = async (kind: StackKind, n: number) => {
        const r = await runProgram(tenantStack(kind, n), { config: { ...TENANT_CONFIG } });
        assert.ifError(r.error);
        return r;
    };
    /** How many resources of each type one more tenant adds, from plans of 2 and 4 tenants. */
    const perTenant = (small: RunResult, large: RunResult): Record<string, number> => {
        const count = (r: RunResult) => r.resources.reduce((m, x) => m.set(x.type, (m.get(x.type) ?? 0) + 1), new Map<string, number>());
        const [a, b] = [count(small), count(large)];
        const result: Record<string, number> = {};
        for (const type of new Set([...a.keys(), ...b.keys()])) {
            const delta = ((b.get(type) ?? 0) - (a.get(type) ?? 0)) / 2;
            if (delta !== 0) result[type] = delta;
        }
        return result;
    };
    const byType = (r: RunResult, type: string) => r.resources.filter((x) => x.type === type);
    let runs: Record<StackKind, [RunResult, RunResult]>;
    before(async () => {
        runs = Object.fromEntries(await Promise.all(MECHANISMS.map(async ({ kind }) => [kind, [await plan(kind, 2), await plan(kind, 4)]] as const))) as typeof runs;
    });

    it("per tenant: a domain with its certificate and records; wildcard: nothing; multi-tenant: one distribution tenant", () => {
        assert.deepStrictEqual(perTenant(...runs.components), {
            "apigw-domains:index:RegionalDomain": 1, "aws:acm/certificate:Certificate": 1, "aws:acm/certificateValidation:CertificateValidation": 1,
            "aws:apigateway/domainName:DomainName": 1, "aws:apigateway/basePathMapping:BasePathMapping": 1, "aws:apigatewayv2/apiMapping:ApiMapping": 1,
            "aws:route53/record:Record": 2,
        });
        assert.deepStrictEqual(perTenant(...runs.wildcard), {}, "a wildcard domain serves every tenant subdomain");
        assert.deepStrictEqual(perTenant(...runs.multitenant), { "aws:cloudfront/distributionTenant:DistributionTenant": 1 });
    });

    it("the wildcard and multi-tenant stacks are one TenantDomains each, with the tenants of its kind", () => {
        for (const kind of ["wildcard", "multitenant"] as const) {
            const [, large] = runs[kind];
            const components = byType(large, "apigw-domains:index:TenantDomains");
            assert.strictEqual(components.length, 1, kind);
            // Everything but the shared API and the stack is the component's.
            const outside = large.resources.filter((x) => x.custom && x.parent !== undefined && !x.urn.includes("TenantDomains") && !x.type.startsWith("pulumi:"));
            assert.deepStrictEqual(outside.map((x) => x.type).sort(),
                ["aws:apigateway/deployment:Deployment", "aws:apigateway/restApi:RestApi", "aws:apigateway/stage:Stage"], kind);
        }
        // Wildcard: one *.base domain, its certificate and alias record, and no CloudFront.
        const [, wildcard] = runs.wildcard;
        assert.deepStrictEqual(byType(wildcard, "aws:apigateway/domainName:DomainName").map((x) => x.inputs.domainName), [`*.${WILDCARD_BASE}`]);
        assert.deepStrictEqual(byType(wildcard, "aws:acm/certificate:Certificate").map((x) => x.inputs.domainName), [`*.${WILDCARD_BASE}`]);
        assert.deepStrictEqual(wildcard.resources.filter((x) => x.type.startsWith("aws:cloudfront/")), []);

        // Multi-tenant: the origin domain, a viewer certificate in us-east-1, the group, the
        // function, the distribution and one tenant per customer domain (named after it).
        const [, mt] = runs.multitenant;
        assert.deepStrictEqual(byType(mt, "aws:apigateway/domainName:DomainName").map((x) => x.inputs.domainName), [ORIGIN_DOMAIN]);
        assert.deepStrictEqual(byType(mt, "aws:acm/certificate:Certificate").map((x) => x.region).sort(), ["eu-west-1", "us-east-1"]);
        for (const type of ["connectionGroup:ConnectionGroup", "function:Function", "multitenantDistribution:MultitenantDistribution"]) {
            assert.strictEqual(byType(mt, `aws:cloudfront/${type}`).length, 1, type);
        }
        const group = byType(mt, "aws:cloudfront/connectionGroup:ConnectionGroup")[0];
        const distribution = byType(mt, "aws:cloudfront/multitenantDistribution:MultitenantDistribution")[0];
        const tenants = byType(mt, "aws:cloudfront/distributionTenant:DistributionTenant");
        assert.deepStrictEqual(tenants.map((t) => t.inputs.domains[0].domain).sort(),
            ["api.customer-0000.example", "api.customer-0001.example", "api.customer-0002.example", "api.customer-0003.example"]);
        for (const t of tenants) {
            assert.ok(t.dependencies.includes(group.urn) && t.dependencies.includes(distribution.urn), `${t.name} waits for the group and the distribution`);
            assert.strictEqual(t.inputs.managedCertificateRequest.primaryDomainName, t.inputs.domains[0].domain);
            assert.strictEqual(t.name, `tenants-${t.inputs.domains[0].domain}`);
        }
        // The distribution's origin is the API's regional custom domain, not the execute-api name.
        assert.strictEqual(distribution.inputs.origins[0].domainName, ORIGIN_DOMAIN);
    });

    it("the quota each hits first, from the plans and the rulebook's quotas", () => {
        const first = (kind: StackKind) => {
            const [small, large] = runs[kind];
            return firstQuota({ n: 2, quotas: quotaUse(small.resources) }, { n: 4, quotas: quotaUse(large.resources) });
        };
        const perTenantFirst = first("components")!;
        assert.deepStrictEqual([perTenantFirst.quota.quota, perTenantFirst.tenants], [APIGATEWAY_PUBLIC_DOMAINS_QUOTA.id, APIGATEWAY_PUBLIC_DOMAINS_QUOTA.limit + 1]);
        assert.strictEqual(first("wildcard"), undefined);
        const multitenantFirst = first("multitenant")!;
        assert.deepStrictEqual([multitenantFirst.quota.quota, multitenantFirst.tenants], [CLOUDFRONT_TENANTS_QUOTA.id, CLOUDFRONT_TENANTS_QUOTA.limit + 1]);
    });

    it("the critical path: the wildcard's is one regional domain's; the multi-tenant one does not grow with tenants", () => {
        const path = (kind: StackKind, i: 0 | 1) => criticalPath(runs[kind][i].resources);
        assert.deepStrictEqual([path("wildcard", 0).estimatedMinutes, path("wildcard", 1).estimatedMinutes], [8.2, 8.2]);
        // The origin's certificate, domain and alias record (8.2), the distribution (5), a tenant (5) and its managed certificate (5).
        assert.deepStrictEqual([path("multitenant", 0).estimatedMinutes, path("multitenant", 1).estimatedMinutes], [23.2, 23.2]);
        // Per-tenant domains queue for CreateDomainName, 30 s apart.
        assert.deepStrictEqual([path("components", 0).estimatedMinutes, path("components", 1).estimatedMinutes], [8.7, 9.7]);
    });
});
