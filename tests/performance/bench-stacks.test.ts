// The components' overhead in `npm run bench` compares like with like only if the raw stack
// creates exactly what the components create; the mechanisms it compares create what each
// mechanism needs per tenant.

import * as assert from "assert";
import { RunResult, runProgram } from "../../offline/engine";
import { MECHANISMS, StackKind, TENANT_CONFIG, tenantStack } from "../../bench/tenants";
import { firstQuota, quotaUse } from "../../bench/quotas";
import { APIGATEWAY_PUBLIC_DOMAINS_QUOTA, CLOUDFRONT_TENANTS_QUOTA } from "../../aws/quotas";

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

    it("per tenant: a domain with its certificate and records; wildcard: nothing; multi-tenant: one distribution tenant", async () => {
        const runs = Object.fromEntries(await Promise.all(MECHANISMS.map(async ({ kind }) => [kind, [await plan(kind, 2), await plan(kind, 4)]] as const)));
        assert.deepStrictEqual(perTenant(...runs.components as [RunResult, RunResult]), {
            "apigw-domains:index:RegionalDomain": 1, "aws:acm/certificate:Certificate": 1, "aws:acm/certificateValidation:CertificateValidation": 1,
            "aws:apigateway/domainName:DomainName": 1, "aws:apigateway/basePathMapping:BasePathMapping": 1, "aws:apigatewayv2/apiMapping:ApiMapping": 1,
            "aws:route53/record:Record": 2,
        });
        assert.deepStrictEqual(perTenant(...runs.wildcard as [RunResult, RunResult]), {}, "a wildcard domain serves every tenant subdomain");
        assert.deepStrictEqual(perTenant(...runs.multitenant as [RunResult, RunResult]), { "aws:cloudfront/distributionTenant:DistributionTenant": 1 });

        const [, mt] = runs.multitenant as [RunResult, RunResult];
        const group = mt.resources.find((x) => x.type === "aws:cloudfront/connectionGroup:ConnectionGroup")!;
        const distribution = mt.resources.find((x) => x.type === "aws:cloudfront/multitenantDistribution:MultitenantDistribution")!;
        for (const t of mt.resources.filter((x) => x.type === "aws:cloudfront/distributionTenant:DistributionTenant")) {
            assert.ok(t.dependencies.includes(group.urn) && t.dependencies.includes(distribution.urn), `${t.name} waits for the group and the distribution`);
            assert.strictEqual(t.inputs.managedCertificateRequest.primaryDomainName, t.inputs.domains[0].domain);
        }
        // The distribution's origin is the API's regional custom domain, not the execute-api name.
        const origin = mt.resources.find((x) => x.type === "aws:apigateway/domainName:DomainName")!;
        assert.strictEqual(distribution.inputs.origins[0].domainName, origin.inputs.domainName);

        // The quota each hits first, from the plans and the rulebook's quotas.
        const first = (kind: StackKind) => {
            const [small, large] = runs[kind] as [RunResult, RunResult];
            return firstQuota({ n: 2, quotas: quotaUse(small.resources) }, { n: 4, quotas: quotaUse(large.resources) });
        };
        const perTenantFirst = first("components")!;
        assert.deepStrictEqual([perTenantFirst.quota.quota, perTenantFirst.tenants], [APIGATEWAY_PUBLIC_DOMAINS_QUOTA.id, APIGATEWAY_PUBLIC_DOMAINS_QUOTA.limit + 1]);
        assert.strictEqual(first("wildcard"), undefined);
        const multitenantFirst = first("multitenant")!;
        assert.deepStrictEqual([multitenantFirst.quota.quota, multitenantFirst.tenants], [CLOUDFRONT_TENANTS_QUOTA.id, CLOUDFRONT_TENANTS_QUOTA.limit + 1]);
    });
});
