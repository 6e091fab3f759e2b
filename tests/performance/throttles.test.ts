// AWS's control-plane throttles on the critical path: resources that call a throttled operation in
// one account (and region, where AWS counts per region) queue for it, so N separate custom domains
// cost what AWS lets them cost (the README's Performance section quotes these figures).

import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { RegionalDomain } from "../../index";
import { ACM_REQUEST_CERTIFICATE, APIGATEWAY_CREATE_DOMAIN_NAME, ROUTE53_ACCOUNT } from "../../aws/quotas";
import { GraphResource, criticalPath, estimateOperation, formatCriticalPath } from "../../offline/critical-path";
import { runProgram } from "../../offline/engine";
import { T } from "../helpers";

/** Minutes between two requests of a throttle, from its published rate. */
const interval = (t: { perSecond: number }) => 1 / (t.perSecond * 60);
const DOMAIN_INTERVAL = interval(APIGATEWAY_CREATE_DOMAIN_NAME);

const STACK = "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev";

function provider(name: string, inputs: Record<string, unknown>): GraphResource {
    return { urn: `urn:pulumi:dev::p::pulumi:providers:aws::${name}`, type: "pulumi:providers:aws", name, custom: true, parent: STACK,
        inputs, dependencies: [], propertyDependencies: {} };
}

/** One tenant's regional domain as the components record it: certificate, validation record, issuance, domain, alias record. */
function tenant(name: string, region: string, providerUrn?: string): GraphResource[] {
    const urn = (type: string, n: string) => `urn:pulumi:dev::p::${type}::${n}`;
    const base = { custom: true, parent: STACK, region, ...(providerUrn ? { providerUrn } : {}), propertyDependencies: {} };
    const cert = { ...base, urn: urn(T.certificate, `${name}-cert`), type: T.certificate, name: `${name}-cert`, inputs: { domainName: `${name}.example.com` }, dependencies: [] };
    const record = { ...base, region: undefined, urn: urn(T.record, `${name}-validation-record`), type: T.record, name: `${name}-validation-record`, inputs: {}, dependencies: [cert.urn] };
    const validation = { ...base, urn: urn(T.validation, `${name}-validation`), type: T.validation, name: `${name}-validation`, inputs: {}, dependencies: [record.urn] };
    const domain = { ...base, urn: urn(T.domainV1, `${name}-domain`), type: T.domainV1, name: `${name}-domain`,
        inputs: { endpointConfiguration: { types: "REGIONAL" } }, dependencies: [validation.urn] };
    const alias = { ...base, region: undefined, urn: urn(T.record, `${name}-a`), type: T.record, name: `${name}-a`, inputs: {}, dependencies: [domain.urn] };
    return [cert, record, validation, domain, alias];
}

function stack(): GraphResource {
    return { urn: STACK, type: "pulumi:pulumi:Stack", name: "p-dev", custom: false, inputs: {}, dependencies: [], propertyDependencies: {} };
}

function tenants(n: number, region = "eu-west-1", providerUrn?: string, prefix = "t"): GraphResource[] {
    return Array.from({ length: n }, (_, i) => tenant(`${prefix}${String(i).padStart(5, "0")}`, region, providerUrn)).flat();
}

describe("critical path with AWS's control-plane throttles", () => {
    it("N regional domains in one account and region: each after the one before, 30 s apart (N / rate)", () => {
        const one = criticalPath([stack(), ...tenants(1)]).estimatedMinutes;
        for (const n of [2, 10, 200]) {
            const p = criticalPath([stack(), ...tenants(n)]);
            const expected = one + (n - 1) * DOMAIN_INTERVAL;
            assert.ok(Math.abs(p.estimatedMinutes - expected) < 0.06, `${n} domains: ${p.estimatedMinutes} min, expected ${expected}\n${formatCriticalPath(p)}`);
            const wait = p.steps.find((s) => s.throttle === APIGATEWAY_CREATE_DOMAIN_NAME.id);
            assert.ok(wait, "the path names the queue");
            assert.strictEqual(wait!.operation, "waiting for CreateDomainName rate: 1 request every 30 seconds per account and region");
            // The waits on the path (the certificate requests' queue, then the domains') are what the N domains add.
            const waited = p.steps.filter((s) => s.throttle !== undefined).reduce((sum, s) => sum + s.estimateMinutes, 0);
            assert.ok(Math.abs(waited - (n - 1) * DOMAIN_INTERVAL) < 0.11, `${waited}`);
            const queue = p.throttled.find((q) => q.throttle === APIGATEWAY_CREATE_DOMAIN_NAME.id)!;
            assert.deepStrictEqual([queue.account, queue.region, queue.requests], ["default", "eu-west-1", n]);
        }
    });

    it("regions count apart: 6 domains in each of two regions take as long as 6 in one", () => {
        const six = criticalPath([stack(), ...tenants(6)]).estimatedMinutes;
        const both = criticalPath([stack(), ...tenants(6, "eu-west-1", undefined, "eu"), ...tenants(6, "us-east-1", undefined, "us")]);
        assert.strictEqual(both.estimatedMinutes, six);
        assert.deepStrictEqual(both.throttled.filter((q) => q.throttle === APIGATEWAY_CREATE_DOMAIN_NAME.id).map((q) => [q.region, q.requests]).sort(),
            [["eu-west-1", 6], ["us-east-1", 6]]);
    });

    it("accounts count apart (the account of the role a provider assumes); two roles of one account share the queue", () => {
        const role = (account: string, name: string) => JSON.stringify([{ roleArn: `arn:aws:iam::${account}:role/${name}` }]);
        const a = provider("a", { region: "eu-west-1", assumeRoles: role("111111111111", "deploy") });
        const b = provider("b", { region: "eu-west-1", assumeRoles: role("222222222222", "deploy") });
        const a2 = provider("a2", { region: "eu-west-1", assumeRoles: role("111111111111", "other") });
        const six = criticalPath([stack(), ...tenants(6)]).estimatedMinutes;
        const twelve = criticalPath([stack(), ...tenants(12)]).estimatedMinutes;
        const apart = criticalPath([stack(), a, b, ...tenants(6, "eu-west-1", a.urn, "a"), ...tenants(6, "eu-west-1", b.urn, "b")]);
        assert.strictEqual(apart.estimatedMinutes, six);
        assert.deepStrictEqual(apart.throttled.filter((q) => q.throttle === APIGATEWAY_CREATE_DOMAIN_NAME.id).map((q) => q.account).sort(),
            ["111111111111", "222222222222"]);
        const shared = criticalPath([stack(), a, a2, ...tenants(6, "eu-west-1", a.urn, "a"), ...tenants(6, "eu-west-1", a2.urn, "b")]);
        assert.strictEqual(shared.estimatedMinutes, twelve);
    });

    it("Route 53 lets a burst of 50 through, then 10 a second; ACM 5 certificate requests a second", () => {
        const n = 150;
        const independent = (type: string) => Array.from({ length: n }, (_, i): GraphResource => ({
            urn: `urn:pulumi:dev::p::${type}::r${i}`, type, name: `r${i}`, custom: true, parent: STACK, region: "eu-west-1",
            inputs: {}, dependencies: [], propertyDependencies: {},
        }));
        const p = criticalPath([stack(), ...independent(T.record), ...independent(T.certificate)]);
        const certificates = p.throttled.find((q) => q.throttle === ACM_REQUEST_CERTIFICATE.id)!;
        assert.strictEqual(certificates.requests, n);
        assert.ok(Math.abs(certificates.longestWaitMinutes - (n - 1) * interval(ACM_REQUEST_CERTIFICATE)) < 0.06, JSON.stringify(certificates));
        const records = p.throttled.find((q) => q.throttle === ROUTE53_ACCOUNT.id)!;
        assert.strictEqual(records.account, "default");
        assert.strictEqual(records.region, undefined, "Route 53 counts per account, not per region");
        assert.ok(Math.abs(records.longestWaitMinutes - (n - ROUTE53_ACCOUNT.burst) * interval(ROUTE53_ACCOUNT)) < 0.06, JSON.stringify(records));
    });

    it("the components' domains queue too: 4 RegionalDomains in one region take 3 x 30 s longer than one", async () => {
        const domains = (n: number) => async () => {
            const r = await runProgram(() => {
                for (let i = 0; i < n; i++) {
                    new RegionalDomain(`api${i}`, { domainName: `api${i}.example.com`, zoneId: "Z0123456789", mappings: [{ apiId: "a", stage: "p" }] });
                }
            }, { config: { "aws:region": "eu-west-1" } });
            if (r.error) throw r.error;
            return criticalPath(r.resources);
        };
        const [one, four] = [await domains(1)(), await domains(4)()];
        assert.strictEqual(one.estimatedMinutes, 8.2);
        assert.strictEqual(four.estimatedMinutes, 8.2 + 3 * DOMAIN_INTERVAL);
        assert.deepStrictEqual(four.steps.map((s) => s.throttle ?? s.type),
            [T.certificate, T.record, T.validation, APIGATEWAY_CREATE_DOMAIN_NAME.id, T.domainV1, T.record]);
    });

    it("stays fast at 70,000 resources (14,000 domains)", () => {
        const resources = [stack(), ...tenants(14_000)];
        const started = Date.now();
        const p = criticalPath(resources);
        const ms = Date.now() - started;
        assert.ok(ms < 15_000, `${ms} ms`);
        assert.ok(Math.abs(p.estimatedMinutes - (criticalPath([stack(), ...tenants(1)]).estimatedMinutes + 13_999 * DOMAIN_INTERVAL)) < 0.1);
    });
});

describe("estimates for CloudFront SaaS Manager resources", () => {
    const r = (type: string, inputs: Record<string, unknown> = {}): GraphResource =>
        ({ urn: `urn:x::${type}`, type, name: "x", custom: true, inputs, dependencies: [], propertyDependencies: {} });

    it("a distribution tenant waits until Deployed; its CloudFront-managed certificate is issued after, in the background", () => {
        const managed = estimateOperation(r("aws:cloudfront/distributionTenant:DistributionTenant",
            { managedCertificateRequest: { primaryDomainName: "api.customer.example", validationTokenHost: "cloudfront" } }));
        assert.deepStrictEqual([managed.minutes, managed.backgroundMinutes], [5, 5]);
        const own = estimateOperation(r("aws:cloudfront/distributionTenant:DistributionTenant", { customizations: { certificate: { arn: "arn" } } }));
        assert.deepStrictEqual([own.minutes, own.backgroundMinutes], [5, undefined]);
        const notWaiting = estimateOperation(r("aws:cloudfront/distributionTenant:DistributionTenant",
            { waitForDeployment: false, managedCertificateRequest: { primaryDomainName: "api.customer.example" } }));
        assert.deepStrictEqual([notWaiting.minutes, notWaiting.backgroundMinutes], [0.2, 10]);
    });

    it("a multi-tenant distribution and a connection group deploy like a distribution", () => {
        assert.strictEqual(estimateOperation(r("aws:cloudfront/multitenantDistribution:MultitenantDistribution")).minutes, 5);
        assert.strictEqual(estimateOperation(r("aws:cloudfront/connectionGroup:ConnectionGroup")).minutes, 5);
        const background = estimateOperation(r("aws:cloudfront/connectionGroup:ConnectionGroup", { waitForDeployment: false }));
        assert.deepStrictEqual([background.minutes, background.backgroundMinutes], [0.2, 5]);
    });

    it("a tenant's domain works once the distribution, the tenant and its certificate are ready", async () => {
        const result = await runProgram(() => {
            const distribution = new aws.cloudfront.MultitenantDistribution("mt", {
                comment: "x", enabled: true, tenantConfig: {}, viewerCertificate: { cloudfrontDefaultCertificate: true },
                origins: [{ id: "api", domainName: "origin.example.com",
                    customOriginConfigs: [{ httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] }] }],
                defaultCacheBehavior: { targetOriginId: "api", viewerProtocolPolicy: "redirect-to-https",
                    allowedMethods: { items: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] }, cachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad" },
            });
            new aws.cloudfront.DistributionTenant("customer", {
                distributionId: distribution.id, domains: [{ domain: "api.customer.example" }], enabled: true,
                managedCertificateRequest: { primaryDomainName: "api.customer.example", validationTokenHost: "cloudfront" },
            });
        }, { config: { "aws:region": "eu-west-1" } });
        if (result.error) throw result.error;
        const p = criticalPath(result.resources);
        assert.deepStrictEqual(p.steps.map((s) => [s.type, s.estimateMinutes]), [
            ["aws:cloudfront/multitenantDistribution:MultitenantDistribution", 5],
            ["aws:cloudfront/distributionTenant:DistributionTenant", 10],
        ]);
        assert.strictEqual(p.estimatedMinutes, 15);
    });
});
