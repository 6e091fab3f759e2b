import { strict as assert } from "assert";
import { checkMinimumTls, minimumTlsFixes, readMinimumTlsSettings } from "../../policy/rules/minimum-tls";
import { T } from "../../policy/lib/resources";
import { UNKNOWN, messages, res } from "./helpers";

const defaults = readMinimumTlsSettings({});
const check = (r: ReturnType<typeof res>, settings = defaults) => messages(checkMinimumTls(r, {}, settings));

const LISTENER = "aws:lb/listener:Listener";
const ALB_LISTENER = "aws:alb/listener:Listener";

function cdn(viewerCertificate: unknown, behaviors: Record<string, unknown> = {}) {
    return res(T.distribution, "cdn", {
        enabled: true,
        viewerCertificate,
        defaultCacheBehavior: { targetOriginId: "api", viewerProtocolPolicy: "redirect-to-https" },
        ...behaviors,
    });
}

const customCert = { acmCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/x", sslSupportMethod: "sni-only" };

describe("minimum-tls", () => {
    describe("API Gateway domain names", () => {
        it("accepts TLS_1_2, an enhanced TLS 1.3 policy with an access mode, and an unset policy (AWS defaults to TLS_1_2)", () => {
            assert.deepEqual(check(res(T.domainV1, "a", { domainName: "a.example.com", securityPolicy: "TLS_1_2" })), []);
            assert.deepEqual(
                check(res(T.domainV1, "b", { domainName: "b.example.com", securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09", endpointAccessMode: "STRICT", endpointConfiguration: { types: "REGIONAL" } })),
                [],
            );
            assert.deepEqual(check(res(T.domainV1, "c", { domainName: "c.example.com", securityPolicy: "SecurityPolicy_TLS12_2018_EDGE", endpointAccessMode: "BASIC" })), []);
            assert.deepEqual(check(res(T.domainV1, "d", { domainName: "d.example.com" })), []);
            assert.deepEqual(check(res(T.domainV2, "e", { domainName: "e.example.com", domainNameConfiguration: { endpointType: "REGIONAL", securityPolicy: "TLS_1_2" } })), []);
        });

        it("rejects the legacy TLS_1_0 policy on v1 and v2 domain names", () => {
            assert.deepEqual(check(res(T.domainV1, "api", { domainName: "api.example.com", securityPolicy: "TLS_1_0" })), [
                'apigateway.DomainName "api" uses securityPolicy "TLS_1_0", which accepts TLS 1.0; use "TLS_1_2" or an enhanced SecurityPolicy_TLS13_* policy.',
            ]);
            assert.deepEqual(check(res(T.domainV2, "ws", { domainName: "ws.example.com", domainNameConfiguration: { endpointType: "REGIONAL", securityPolicy: "TLS_1_0" } })), [
                'apigatewayv2.DomainName "ws" uses securityPolicy "TLS_1_0", which accepts TLS 1.0; use "TLS_1_2".',
            ]);
        });

        it("rejects security policy combinations API Gateway refuses", () => {
            const regional = { types: "REGIONAL" };
            assert.match(check(res(T.domainV1, "a", { domainName: "a.example.com", securityPolicy: "SecurityPolicy_TLS13_1_2_2021_06", endpointConfiguration: regional }))[0], /without endpointAccessMode; set endpointAccessMode to "STRICT"/);
            assert.match(check(res(T.domainV1, "b", { domainName: "b.example.com", securityPolicy: "TLS_1_2", endpointAccessMode: "STRICT" }))[0], /sets endpointAccessMode with the legacy securityPolicy "TLS_1_2"/);
            assert.match(check(res(T.domainV1, "c", { domainName: "c.example.com", securityPolicy: "SecurityPolicy_TLS13_2025_EDGE", endpointAccessMode: "STRICT", endpointConfiguration: regional }))[0], /edge-only securityPolicy "SecurityPolicy_TLS13_2025_EDGE" on a REGIONAL domain/);
            assert.match(check(res(T.domainV1, "d", { domainName: "d.example.com", securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09", endpointAccessMode: "STRICT" }))[0], /on an EDGE domain; edge-optimized domains need TLS_1_2 or a \*_EDGE enhanced policy/);
            assert.match(
                check(res(T.domainV1, "e", { domainName: "e.example.com", securityPolicy: "SecurityPolicy_TLS13_1_2_2021_06", endpointAccessMode: "STRICT", endpointConfiguration: regional, mutualTlsAuthentication: { truststoreUri: "s3://b/k" } }))[0],
                /combines mutual TLS with the enhanced securityPolicy/,
            );
        });
    });

    describe("CloudFront", () => {
        it("accepts TLSv1.2_2021 with a custom certificate, and the default certificate (whose floor cannot be raised)", () => {
            assert.deepEqual(check(cdn({ ...customCert, minimumProtocolVersion: "TLSv1.2_2021" })), []);
            assert.deepEqual(check(cdn({ ...customCert, minimumProtocolVersion: "TLSv1.3_2025" })), []);
            assert.deepEqual(check(cdn({ cloudfrontDefaultCertificate: true })), []);
        });

        it("rejects an old or missing viewer minimum (CloudFront's default is TLSv1)", () => {
            assert.deepEqual(check(cdn({ ...customCert, minimumProtocolVersion: "TLSv1.1_2016" })), [
                'cloudfront.Distribution "cdn" lets viewers use TLS 1.1 (minimumProtocolVersion "TLSv1.1_2016"); set minimumProtocolVersion to "TLSv1.2_2021".',
            ]);
            assert.match(check(cdn(customCert))[0], /lets viewers use TLS 1\.0 \(minimumProtocolVersion not set, so TLSv1\)/);
            assert.match(check(cdn({ ...customCert, sslSupportMethod: "vip", minimumProtocolVersion: "TLSv1" }))[0], /and sslSupportMethod to "sni-only" \(dedicated-IP "vip" only supports SSLv3 and TLSv1\)/);
        });

        it("rejects allow-all on the default and ordered behaviors", () => {
            const found = check(
                cdn(
                    { ...customCert, minimumProtocolVersion: "TLSv1.2_2021" },
                    {
                        defaultCacheBehavior: { targetOriginId: "api", viewerProtocolPolicy: "allow-all" },
                        orderedCacheBehaviors: [{ pathPattern: "/static/*", targetOriginId: "api", viewerProtocolPolicy: "allow-all" }],
                    },
                ),
            );
            assert.deepEqual(found, [
                'cloudfront.Distribution "cdn" default behavior uses viewerProtocolPolicy "allow-all", which serves plain HTTP; use "redirect-to-https" or "https-only".',
                'cloudfront.Distribution "cdn" behavior "/static/*" uses viewerProtocolPolicy "allow-all", which serves plain HTTP; use "redirect-to-https" or "https-only".',
            ]);
        });
    });

    describe("load balancer listeners", () => {
        it("accepts TLS 1.2+ policies on HTTPS and TLS listeners, and ignores HTTP listeners", () => {
            assert.deepEqual(check(res(LISTENER, "l", { protocol: "HTTPS", port: 443, sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" })), []);
            assert.deepEqual(check(res(ALB_LISTENER, "l", { protocol: "TLS", port: 443, sslPolicy: "ELBSecurityPolicy-FS-1-2-Res-2020-10" })), []);
            assert.deepEqual(check(res(LISTENER, "l", { protocol: "HTTP", port: 80, sslPolicy: "ELBSecurityPolicy-2016-08" })), []);
        });

        it("rejects the old default ELBSecurityPolicy-2016-08 and TLS 1.1 policies", () => {
            assert.deepEqual(check(res(LISTENER, "alb-https", { protocol: "HTTPS", port: 443, sslPolicy: "ELBSecurityPolicy-2016-08" })), [
                'lb.Listener "alb-https" uses sslPolicy "ELBSecurityPolicy-2016-08", which accepts TLS 1.0; use a TLS 1.2+ policy such as "ELBSecurityPolicy-TLS13-1-2-2021-06".',
            ]);
            assert.match(check(res(ALB_LISTENER, "l", { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS-1-1-2017-01" }))[0], /alb\.Listener "l" .* accepts TLS 1\.1/);
        });

        it("applies the allowedAlbSslPolicies setting as the only accepted policies", () => {
            const settings = readMinimumTlsSettings({ allowedAlbSslPolicies: ["ELBSecurityPolicy-TLS13-1-3-2021-06"] });
            assert.deepEqual(check(res(LISTENER, "l", { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-3-2021-06" }), settings), []);
            assert.deepEqual(check(res(LISTENER, "l", { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" }), settings), [
                'lb.Listener "l" uses sslPolicy "ELBSecurityPolicy-TLS13-1-2-2021-06", which is not in allowedAlbSslPolicies (ELBSecurityPolicy-TLS13-1-3-2021-06).',
            ]);
        });
    });

    describe("remediation", () => {
        it("raises legacy TLS_1_0 to TLS_1_2 on v1 and v2 domains", () => {
            assert.deepEqual(minimumTlsFixes(res(T.domainV1, "a", { securityPolicy: "TLS_1_0" }), defaults), [{ path: ["securityPolicy"], value: "TLS_1_2" }]);
            assert.deepEqual(minimumTlsFixes(res(T.domainV2, "b", { domainNameConfiguration: { securityPolicy: "TLS_1_0" } }), defaults), [{ path: ["domainNameConfiguration", "securityPolicy"], value: "TLS_1_2" }]);
            assert.deepEqual(minimumTlsFixes(res(T.domainV1, "c", { securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09" }), defaults), []);
        });

        it("raises CloudFront's viewer floor (sni-only only) and replaces allow-all", () => {
            const fixes = minimumTlsFixes(cdn(customCert, { orderedCacheBehaviors: [{ pathPattern: "/x", viewerProtocolPolicy: "allow-all" }] }), defaults);
            assert.deepEqual(fixes, [
                { path: ["viewerCertificate", "minimumProtocolVersion"], value: "TLSv1.2_2021" },
                { path: ["orderedCacheBehaviors", 0, "viewerProtocolPolicy"], value: "redirect-to-https" },
            ]);
            assert.deepEqual(minimumTlsFixes(cdn({ ...customCert, sslSupportMethod: "vip" }), defaults), []);
        });

        it("sets a TLS 1.2 policy on a weak listener, preferring the first allowed one", () => {
            const weak = res(LISTENER, "l", { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-2016-08" });
            assert.deepEqual(minimumTlsFixes(weak, defaults), [{ path: ["sslPolicy"], value: "ELBSecurityPolicy-TLS13-1-2-2021-06" }]);
            assert.deepEqual(minimumTlsFixes(weak, readMinimumTlsSettings({ allowedAlbSslPolicies: ["ELBSecurityPolicy-TLS13-1-3-2021-06"] })), [{ path: ["sslPolicy"], value: "ELBSecurityPolicy-TLS13-1-3-2021-06" }]);
        });
    });

    describe("preview", () => {
        it("does not crash or guess on unknown values", () => {
            const rs = [
                res(T.domainV1, "a", { domainName: UNKNOWN, securityPolicy: UNKNOWN, endpointConfiguration: UNKNOWN }),
                res(T.domainV1, "b", { securityPolicy: "SecurityPolicy_TLS13_2025_EDGE", endpointAccessMode: UNKNOWN, endpointConfiguration: { types: UNKNOWN } }),
                res(T.domainV2, "c", { domainNameConfiguration: UNKNOWN }),
                cdn(UNKNOWN, { defaultCacheBehavior: UNKNOWN, orderedCacheBehaviors: UNKNOWN }),
                cdn({ ...customCert, minimumProtocolVersion: UNKNOWN, cloudfrontDefaultCertificate: UNKNOWN }),
                res(LISTENER, "l", { protocol: UNKNOWN, sslPolicy: "ELBSecurityPolicy-2016-08" }),
                res(LISTENER, "m", { protocol: "HTTPS", sslPolicy: UNKNOWN }),
            ];
            for (const r of rs) {
                assert.deepEqual(check(r), [], r.name);
                assert.deepEqual(minimumTlsFixes(r, defaults), [], r.name);
            }
        });
    });
});
