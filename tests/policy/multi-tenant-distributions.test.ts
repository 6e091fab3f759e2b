// The Host and origin rules judge multi-tenant distributions (CloudFront SaaS Manager) too, whose
// provider schema names origins and behaviors differently and which have tenants instead of aliases.
import { strict as assert } from "assert";
import { MANAGED_CACHE_POLICIES, MANAGED_ORIGIN_REQUEST_POLICIES as ORP } from "../../aws/cloudfront";
import { checkCertificateRegions } from "../../policy/rules/certificate-region";
import { checkCloudFrontHostForwarding } from "../../policy/rules/cloudfront-host-forwarding";
import { checkCloudFrontOrigins, readOriginHttpsSettings } from "../../policy/rules/cloudfront-origin-https";
import { checkMinimumTlsInFront, minimumTlsFixes, readMinimumTlsSettings } from "../../policy/rules/minimum-tls";
import { StackResource, T } from "../../policy/lib/resources";
import { UNKNOWN, certArn, messages, res } from "./helpers";
import { tenantFunctionCode } from "../../components/tenant-domains";

const TARGET = "d-1a2b3c4d5e.execute-api.eu-west-1.amazonaws.com";
const ORIGIN_NAME = "origin.api.example.com";
const https = { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] };
const domain = res(T.domainV1, "origin-domain", { domainName: ORIGIN_NAME, endpointConfiguration: { types: "REGIONAL" }, regionalDomainName: TARGET }, { providerRegion: "eu-west-1" });

function multiTenant(originHost: string, originRequestPolicyId: string, extra: Record<string, unknown> = {}): StackResource {
    return res(T.multiTenantDistribution, "saas", {
        enabled: true,
        comment: "tenants",
        origins: [{ id: "api", domainName: originHost, customOriginConfigs: [https] }],
        defaultCacheBehavior: {
            targetOriginId: "api", viewerProtocolPolicy: "redirect-to-https", allowedMethods: { items: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] },
            cachePolicyId: MANAGED_CACHE_POLICIES.cachingDisabled, originRequestPolicyId,
        },
        viewerCertificate: { acmCertificateArn: certArn("us-east-1"), sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" },
        tenantConfig: {},
        ...extra,
    }, { deps: { origins: [domain] } });
}

function tenant(name: string, distribution: StackResource, domains: string[], extra: Record<string, unknown> = {}): StackResource {
    return res(T.distributionTenant, name, { name, domains: domains.map((d) => ({ domain: d })), ...extra }, { deps: { distributionId: [distribution] } });
}

describe("multi-tenant distributions", () => {
    describe("cloudfront-host-forwarding", () => {
        it("accepts the custom domain's own name as origin with AllViewerExceptHostHeader (CloudFront sends that name as Host)", () => {
            const saas = multiTenant(ORIGIN_NAME, ORP.allViewerExceptHostHeader);
            assert.deepEqual(checkCloudFrontHostForwarding([domain, saas, tenant("b", saas, ["api.customer-b.com"])], {}), []);
        });

        it("rejects forwarding the tenants' Host to the custom domain's own name, naming the tenants", () => {
            const saas = multiTenant(ORIGIN_NAME, ORP.allViewer);
            const found = messages(checkCloudFrontHostForwarding([domain, saas, tenant("b", saas, ["api.customer-b.com"])], {}));
            assert.equal(found.length, 1);
            assert.match(found[0], /^cloudfront\.MultitenantDistribution "saas": defaultCacheBehavior\.originRequestPolicyId is "216adef6-5c7f-47e4-b989-5492eafa07d3": the default behavior forwards the viewer's Host to apigateway\.DomainName "origin-domain" \(origin\.api\.example\.com\), but viewers arrive on tenant domains \(api\.customer-b\.com\)/);
            assert.match(found[0], /Fix: set originRequestPolicyId to the managed AllViewerExceptHostHeader policy \(b689b0a8-53d0-40ab-baf2-68738e2966ac\)/);
        });

        it("judges TenantDomains' distribution, whose viewer-request function only copies Host into a header (a transform to AllViewer gets its finding)", () => {
            const fn = res(T.cloudFrontFunction, "saas-tenant-host", { code: tenantFunctionCode("x-tenant-domain") });
            const association = { eventType: "viewer-request", functionArn: UNKNOWN };
            const behavior = (policy: string) => ({
                targetOriginId: "api", viewerProtocolPolicy: "redirect-to-https", allowedMethods: { items: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] },
                cachePolicyId: MANAGED_CACHE_POLICIES.cachingDisabled, originRequestPolicyId: policy, functionAssociations: [association],
            });
            const withFunction = (policy: string) => res(T.multiTenantDistribution, "saas", {
                ...multiTenant(ORIGIN_NAME, policy).props, defaultCacheBehavior: behavior(policy),
            }, { deps: { origins: [domain], defaultCacheBehavior: [fn] } });
            const allViewer = withFunction(ORP.allViewer);
            const found = messages(checkCloudFrontHostForwarding([domain, fn, allViewer, tenant("b", allViewer, ["api.customer-b.com"])], {}));
            assert.equal(found.length, 1);
            assert.match(found[0], /forwards the viewer's Host to apigateway\.DomainName "origin-domain"/);
            const fine = withFunction(ORP.allViewerExceptHostHeader);
            assert.deepEqual(checkCloudFrontHostForwarding([domain, fn, fine, tenant("b", fine, ["api.customer-b.com"])], {}), []);
        });

        it("stays silent on forwarded Host while no tenant of the distribution is known in the stack", () => {
            assert.deepEqual(checkCloudFrontHostForwarding([domain, multiTenant(ORIGIN_NAME, ORP.allViewer)], {}), []);
        });

        it("accepts forwarding Host when every tenant's name is itself the custom domain", () => {
            const saas = multiTenant(ORIGIN_NAME, ORP.allViewer);
            assert.deepEqual(checkCloudFrontHostForwarding([domain, saas, tenant("o", saas, [ORIGIN_NAME])], {}), []);
        });

        it("rejects a custom domain's d-xxxx target as origin without Host, as for a standard distribution", () => {
            const saas = multiTenant(TARGET, ORP.allViewerExceptHostHeader);
            assert.match(messages(checkCloudFrontHostForwarding([domain, saas], {}))[0], /^cloudfront\.MultitenantDistribution "saas": defaultCacheBehavior\.originRequestPolicyId .* without the viewer's Host header/);
        });

        it("rejects forwarding Host to the default execute-api endpoint, naming the multi-tenant property", () => {
            const saas = multiTenant("a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com", ORP.allViewer, {});
            assert.match(messages(checkCloudFrontHostForwarding([saas], {}))[0], /forwards the viewer's Host header to the default API Gateway endpoint/);
        });
    });

    describe("cloudfront-origin-https / hardening", () => {
        it("reports an http-only API Gateway origin under the multi-tenant property name", () => {
            const saas = multiTenant(ORIGIN_NAME, ORP.allViewerExceptHostHeader, {
                origins: [{ id: "api", domainName: ORIGIN_NAME, customOriginConfigs: [{ ...https, originProtocolPolicy: "http-only" }] }],
            });
            const found = checkCloudFrontOrigins([domain, saas], {}, readOriginHttpsSettings({}));
            assert.deepEqual(found.map((f) => f.fails), [true]);
            assert.match(found[0].message, /^cloudfront\.MultitenantDistribution "saas": origins\[0\]\.customOriginConfigs\[0\]\.originProtocolPolicy is "http-only": origin "api" \(origin\.api\.example\.com is apigateway\.DomainName "origin-domain" of this stack\)/);
        });

        it("accepts https-only with TLSv1.2", () => {
            assert.deepEqual(checkCloudFrontOrigins([domain, multiTenant(ORIGIN_NAME, ORP.allViewerExceptHostHeader)], {}, readOriginHttpsSettings({})), []);
        });
    });

    describe("certificate-region", () => {
        it("rejects a multi-tenant distribution's certificate outside us-east-1", () => {
            const saas = multiTenant(ORIGIN_NAME, ORP.allViewerExceptHostHeader, {
                viewerCertificate: { acmCertificateArn: certArn("eu-west-1"), sslSupportMethod: "sni-only" },
            });
            assert.match(messages(checkCertificateRegions([saas], {}))[0], /^cloudfront\.MultitenantDistribution "saas": viewerCertificate\.acmCertificateArn .* in eu-west-1/);
        });

        it("rejects a distribution tenant's own certificate outside us-east-1", () => {
            const saas = multiTenant(ORIGIN_NAME, ORP.allViewerExceptHostHeader);
            const t = tenant("b", saas, ["api.customer-b.com"], { customizations: { certificate: { arn: certArn("eu-west-1") } } });
            assert.match(messages(checkCertificateRegions([saas, t], {}))[0], /^cloudfront\.DistributionTenant "b": customizations\.certificate\.arn .* in eu-west-1/);
        });
    });

    describe("minimum-tls", () => {
        const weak = () => multiTenant(ORIGIN_NAME, ORP.allViewerExceptHostHeader, {
            viewerCertificate: { acmCertificateArn: certArn("us-east-1"), sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1_2016" },
            cacheBehaviors: [{ pathPattern: "/legacy/*", targetOriginId: "api", viewerProtocolPolicy: "allow-all", allowedMethods: { items: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] } }],
        });

        it("holds a multi-tenant distribution in front of an API to TLS 1.2 and HTTPS, naming its cacheBehaviors", () => {
            const found = messages(checkMinimumTlsInFront([domain, weak()], {}, readMinimumTlsSettings({})));
            assert.equal(found.length, 2);
            assert.match(found[0], /^cloudfront\.MultitenantDistribution "saas": viewerCertificate\.minimumProtocolVersion is "TLSv1_2016": viewers may use TLS 1\.0/);
            assert.match(found[1], /cacheBehaviors\[0\]\.viewerProtocolPolicy is "allow-all": viewers may use plain HTTP/);
        });

        it("fixes both by raising the floor", () => {
            assert.deepEqual(minimumTlsFixes(weak(), readMinimumTlsSettings({ scope: "all" })).map((f) => f.path.join(".")),
                ["viewerCertificate.minimumProtocolVersion", "cacheBehaviors.0.viewerProtocolPolicy"]);
        });
    });
});
