import { strict as assert } from "assert";
import { checkCloudFrontHostForwarding } from "../../policy/rules/cloudfront-host-forwarding";
import { MANAGED_CACHE_POLICIES, MANAGED_ORIGIN_REQUEST_POLICIES as ORP } from "../../aws/cloudfront";
import { StackResource, T } from "../../policy/lib/resources";
import { UNKNOWN, messages, res } from "./helpers";
import { tenantFunctionCode } from "../../components/tenant-domains";

const TARGET = "d-1a2b3c4d5e.execute-api.eu-west-1.amazonaws.com";
const DEFAULT_HOST = "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com";
const https = { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] };

function behavior(extra: Record<string, unknown>) {
    return { targetOriginId: "api", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"], cachePolicyId: MANAGED_CACHE_POLICIES.cachingDisabled, ...extra };
}

function distribution(props: Record<string, unknown>, deps?: Record<string, StackResource[]>) {
    return res(
        T.distribution,
        "cdn",
        {
            enabled: true,
            aliases: ["api.example.com"],
            origins: [{ originId: "api", domainName: TARGET, customOriginConfig: https }],
            defaultCacheBehavior: behavior({ originRequestPolicyId: ORP.allViewer }),
            viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/x", sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" },
            ...props,
        },
        { deps },
    );
}

const domain = res(T.domainV1, "api-domain", { domainName: "api.example.com", endpointConfiguration: { types: "REGIONAL" }, regionalDomainName: TARGET }, { providerRegion: "eu-west-1" });

describe("cloudfront-host-forwarding", () => {
    describe("origin is a custom domain's regional target", () => {
        it("accepts AllViewer with the custom domain as alternate name", () => {
            assert.deepEqual(checkCloudFrontHostForwarding([domain, distribution({})], {}), []);
        });

        it("rejects a behavior that does not forward Host (CachingDisabled and no origin request policy)", () => {
            const cdn = distribution({ defaultCacheBehavior: behavior({}) });
            assert.deepEqual(messages(checkCloudFrontHostForwarding([domain, cdn], {})), [
                `cloudfront.Distribution "cdn": defaultCacheBehavior.originRequestPolicyId not set: the default behavior sends requests to the API Gateway custom domain target ${TARGET} ` +
                    "without the viewer's Host header; API Gateway routes custom domains by Host and answers 403. Fix: set originRequestPolicyId to the managed AllViewer " +
                    "policy (216adef6-5c7f-47e4-b989-5492eafa07d3) or a policy whose headers include Host.",
            ]);
        });

        it("rejects AllViewerExceptHostHeader on an ordered behavior, naming its path", () => {
            const cdn = distribution({ orderedCacheBehaviors: [{ ...behavior({ originRequestPolicyId: ORP.allViewerExceptHostHeader }), pathPattern: "/v1/*" }] });
            assert.match(messages(checkCloudFrontHostForwarding([domain, cdn], {}))[0], /orderedCacheBehaviors\[0\]\.originRequestPolicyId is "b689b0a8-53d0-40ab-baf2-68738e2966ac": the behavior "\/v1\/\*" sends requests .* without the viewer's Host header/);
        });

        it("accepts legacy forwarded values that list Host", () => {
            const cdn = distribution({ defaultCacheBehavior: behavior({ cachePolicyId: undefined, forwardedValues: { queryString: true, headers: ["Authorization", "host"], cookies: { forward: "none" } } }) });
            assert.deepEqual(checkCloudFrontHostForwarding([domain, cdn], {}), []);
        });

        it("requires an alternate name that is the custom domain, and accepts one covered by a wildcard domain", () => {
            const cdn = distribution({ aliases: ["www.example.com"] });
            assert.deepEqual(messages(checkCloudFrontHostForwarding([domain, cdn], {})), [
                'cloudfront.Distribution "cdn": aliases is ["www.example.com"]: Host is forwarded to apigateway.DomainName "api-domain" (api.example.com), but no alternate name reaches api.example.com, ' +
                    'so viewers arrive with another Host and API Gateway answers 403. Fix: add "api.example.com" (or a wildcard covering it) to aliases, with a viewer certificate that covers it.',
            ]);
            const wildcard = res(T.domainV1, "wild", { domainName: "*.example.com", endpointConfiguration: { types: "REGIONAL" }, regionalDomainName: TARGET });
            assert.deepEqual(checkCloudFrontHostForwarding([wildcard, distribution({ aliases: ["shop.example.com"] })], {}), []);
        });

        it("accepts a wildcard alternate name that covers the custom domain (viewers of api.example.com reach it)", () => {
            assert.deepEqual(checkCloudFrontHostForwarding([domain, distribution({ aliases: ["*.example.com"] })], {}), []);
            // A wildcard one level too deep, or for another zone, does not reach it.
            assert.equal(checkCloudFrontHostForwarding([domain, distribution({ aliases: ["*.api.example.com"] })], {}).length, 1);
            assert.equal(checkCloudFrontHostForwarding([domain, distribution({ aliases: ["*.example.org"] })], {}).length, 1);
        });

        it("stays silent on a behavior whose edge code may rewrite the origin request (Lambda@Edge origin-request, a CloudFront Function from outside the stack)", () => {
            const lambda = { lambdaFunctionAssociations: [{ eventType: "origin-request", lambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:set-host:1" }] };
            assert.deepEqual(checkCloudFrontHostForwarding([domain, distribution({ defaultCacheBehavior: behavior({ ...lambda }) })], {}), []);
            const fn = { functionAssociations: [{ eventType: "viewer-request", functionArn: "arn:aws:cloudfront::123456789012:function/set-host" }] };
            assert.deepEqual(checkCloudFrontHostForwarding([domain, distribution({ defaultCacheBehavior: behavior({ ...fn }), aliases: ["www.example.com"] })], {}), []);
            // A viewer-response function does not touch the request.
            const response = { functionAssociations: [{ eventType: "viewer-response", functionArn: "arn:aws:cloudfront::123456789012:function/headers" }] };
            assert.equal(checkCloudFrontHostForwarding([domain, distribution({ defaultCacheBehavior: behavior({ ...response }) })], {}).length, 1);
        });

        it("judges a behavior whose edge code cannot change Host nor the origin: a viewer-request function that only reads Host, a viewer-request Lambda@Edge function", () => {
            // Host is read-only in viewer request events (CloudFront Developer Guide, "Restrictions on all edge functions").
            const copyHost = res(T.cloudFrontFunction, "tenant-host", {
                arn: "arn:aws:cloudfront::123456789012:function/tenant-host", code: tenantFunctionCode("x-tenant-domain"),
            });
            const byArn = { functionAssociations: [{ eventType: "viewer-request", functionArn: "arn:aws:cloudfront::123456789012:function/tenant-host" }] };
            assert.equal(checkCloudFrontHostForwarding([domain, copyHost, distribution({ defaultCacheBehavior: behavior({ ...byArn }), aliases: ["www.example.com"] })], {}).length, 1);
            // In a preview the ARN is unknown: the behavior's function source is the function.
            const unknownArn = { functionAssociations: [{ eventType: "viewer-request", functionArn: UNKNOWN }] };
            const previewed = distribution({ defaultCacheBehavior: behavior({ ...unknownArn }), aliases: ["www.example.com"] }, { defaultCacheBehavior: [copyHost] });
            assert.equal(checkCloudFrontHostForwarding([domain, copyHost, previewed], {}).length, 1);
            const viewerLambda = { lambdaFunctionAssociations: [{ eventType: "viewer-request", lambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:auth:1" }] };
            assert.equal(checkCloudFrontHostForwarding([domain, distribution({ defaultCacheBehavior: behavior({ ...viewerLambda }), aliases: ["www.example.com"] })], {}).length, 1);
        });

        it("stays silent on a viewer-request function that may pick another origin (an origin helper of the cloudfront module)", () => {
            const reroute = res(T.cloudFrontFunction, "reroute", {
                arn: "arn:aws:cloudfront::123456789012:function/reroute",
                code: "import cf from 'cloudfront';\nfunction handler(event) { cf.updateRequestOrigin({ domainName: 'shop.example.org' }); return event.request; }",
            });
            const fn = { functionAssociations: [{ eventType: "viewer-request", functionArn: "arn:aws:cloudfront::123456789012:function/reroute" }] };
            assert.deepEqual(checkCloudFrontHostForwarding([domain, reroute, distribution({ defaultCacheBehavior: behavior({ ...fn }), aliases: ["www.example.com"] })], {}), []);
        });

        it("reads origin request policies of the stack, by id or through property dependencies", () => {
            const withHost = res(T.originRequestPolicy, "host", { id: "orp-with-host", headersConfig: { headerBehavior: "whitelist", headers: { items: ["Host", "Accept"] } } });
            const exceptHost = res(T.originRequestPolicy, "no-host", { id: "orp-no-host", headersConfig: { headerBehavior: "allExcept", headers: { items: ["Host"] } } });
            assert.deepEqual(checkCloudFrontHostForwarding([domain, withHost, distribution({ defaultCacheBehavior: behavior({ originRequestPolicyId: "orp-with-host" }) })], {}), []);
            assert.equal(checkCloudFrontHostForwarding([domain, exceptHost, distribution({ defaultCacheBehavior: behavior({ originRequestPolicyId: "orp-no-host" }) })], {}).length, 1);
            const viaDeps = distribution({ defaultCacheBehavior: behavior({ originRequestPolicyId: UNKNOWN }) }, { defaultCacheBehavior: [exceptHost] });
            assert.equal(checkCloudFrontHostForwarding([domain, exceptHost, viaDeps], {}).length, 1);
        });

        it("checks every member of an origin group", () => {
            const cdn = distribution({
                origins: [
                    { originId: "primary", domainName: "static.example.org", customOriginConfig: https },
                    { originId: "secondary", domainName: TARGET, customOriginConfig: https },
                ],
                originGroups: [{ originId: "api", failoverCriteria: { statusCodes: [500] }, members: [{ originId: "primary" }, { originId: "secondary" }] }],
                defaultCacheBehavior: behavior({}),
            });
            assert.equal(checkCloudFrontHostForwarding([domain, cdn], {}).length, 1);
        });

        it("rejects forwarding Host to the custom domain name itself when no alternate name reaches it", () => {
            const named = res(T.domainV1, "api-domain", { domainName: "api.example.com", endpointConfiguration: { types: "REGIONAL" }, regionalDomainName: TARGET }, { providerRegion: "eu-west-1" });
            const cdn = distribution({ aliases: ["www.example.com"], origins: [{ originId: "api", domainName: "api.example.com", customOriginConfig: https }] });
            assert.match(messages(checkCloudFrontHostForwarding([named, cdn], {}))[0],
                /aliases is \["www\.example\.com"\]: Host is forwarded to apigateway\.DomainName "api-domain" \(api\.example\.com\), but no alternate name reaches api\.example\.com/);
            const same = distribution({ origins: [{ originId: "api", domainName: "api.example.com", customOriginConfig: https }] });
            assert.deepEqual(checkCloudFrontHostForwarding([named, same], {}), [], "the alias is the custom domain: the forwarded Host is its name");
        });

        it("does not require Host forwarding when the origin is the custom domain name itself", () => {
            const cdn = distribution({ origins: [{ originId: "api", domainName: "api.example.com", customOriginConfig: https }], defaultCacheBehavior: behavior({}) });
            assert.deepEqual(checkCloudFrontHostForwarding([domain, cdn], {}), []);
        });
    });

    describe("origin is the default execute-api endpoint", () => {
        const toDefault = (b: Record<string, unknown>) => distribution({ aliases: [], origins: [{ originId: "api", domainName: DEFAULT_HOST, customOriginConfig: https }], defaultCacheBehavior: behavior(b) });

        it("accepts AllViewerExceptHostHeader", () => {
            assert.deepEqual(checkCloudFrontHostForwarding([toDefault({ originRequestPolicyId: ORP.allViewerExceptHostHeader })], {}), []);
        });

        it("rejects AllViewer, which forwards the viewer's Host and gets 403", () => {
            assert.deepEqual(messages(checkCloudFrontHostForwarding([toDefault({ originRequestPolicyId: ORP.allViewer })], {})), [
                `cloudfront.Distribution "cdn": defaultCacheBehavior.originRequestPolicyId is "${ORP.allViewer}": the default behavior forwards the viewer's Host header to the default API Gateway endpoint ${DEFAULT_HOST}, ` +
                    "which serves only its own name and answers 403 to any other Host. Fix: set originRequestPolicyId to the managed AllViewerExceptHostHeader policy " +
                    "(b689b0a8-53d0-40ab-baf2-68738e2966ac) and drop Host from forwarded headers, or put a custom domain in front.",
            ]);
        });

        it("rejects legacy forwarded values of all headers", () => {
            assert.equal(checkCloudFrontHostForwarding([toDefault({ cachePolicyId: undefined, forwardedValues: { queryString: false, headers: ["*"], cookies: { forward: "none" } } })], {}).length, 1);
        });
    });

    describe("preview", () => {
        it("uses the origins' property dependencies when the origin host is unknown", () => {
            const pending = res(T.domainV1, "api-domain", { domainName: "api.example.com", endpointConfiguration: { types: "REGIONAL" }, regionalDomainName: UNKNOWN });
            const cdn = distribution({ origins: [{ originId: "api", domainName: UNKNOWN, customOriginConfig: https }], defaultCacheBehavior: behavior({}), aliases: UNKNOWN }, { origins: [pending] });
            assert.match(messages(checkCloudFrontHostForwarding([pending, cdn], {}))[0], /defaultCacheBehavior\.originRequestPolicyId not set: the default behavior sends requests to the API Gateway custom domain target \(not known yet\) without the viewer's Host header/);
            const api = res(T.restApi, "api", { name: "api" });
            const direct = distribution({ origins: [{ originId: "api", domainName: UNKNOWN, customOriginConfig: https }] }, { origins: [api] });
            assert.match(messages(checkCloudFrontHostForwarding([api, direct], {}))[0], /forwards the viewer's Host header to the default API Gateway endpoint \(not known yet\)/);
        });

        it("does not crash, and stays silent, when policies or behaviors are unknown or come from elsewhere", () => {
            const cdns = [
                distribution({ defaultCacheBehavior: behavior({ originRequestPolicyId: UNKNOWN }) }),
                distribution({ defaultCacheBehavior: behavior({ originRequestPolicyId: "policy-from-another-stack" }) }),
                distribution({ defaultCacheBehavior: behavior({ cachePolicyId: UNKNOWN }) }),
                distribution({ defaultCacheBehavior: behavior({ cachePolicyId: undefined, forwardedValues: UNKNOWN }) }),
                distribution({ defaultCacheBehavior: UNKNOWN, orderedCacheBehaviors: [UNKNOWN] }),
                distribution({ origins: UNKNOWN, aliases: [UNKNOWN] }),
            ];
            for (const cdn of cdns) {
                assert.deepEqual(checkCloudFrontHostForwarding([domain, cdn], {}), []);
            }
        });
    });
});
