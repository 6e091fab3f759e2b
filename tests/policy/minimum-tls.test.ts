import { strict as assert } from "assert";
import { checkMinimumTls, checkMinimumTlsInFront, minimumTlsFixes, readMinimumTlsSettings } from "../../policy/rules/minimum-tls";
import { StackResource, T } from "../../policy/lib/resources";
import { UNKNOWN, messages, res } from "./helpers";

const defaults = readMinimumTlsSettings({});
const wide = readMinimumTlsSettings({ scope: "all" });

/** Everything the rule reports over a stack: the per-resource phase and the stack phase, as the SDK runs both. */
function judge(resources: StackResource[], settings = defaults): string[] {
    return messages([...resources.flatMap((r) => checkMinimumTls(r, {}, settings)), ...checkMinimumTlsInFront(resources, {}, settings)]);
}

const LISTENER = "aws:lb/listener:Listener";
const ALB_LISTENER = "aws:alb/listener:Listener";
const API_HOST = "d-abc123xyz.execute-api.eu-west-1.amazonaws.com";

function cdn(viewerCertificate: unknown, extra: Record<string, unknown> = {}, originHost: unknown = API_HOST) {
    return res(T.distribution, "cdn", {
        enabled: true,
        origins: [{ originId: "api", domainName: originHost, customOriginConfig: { originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] } }],
        viewerCertificate,
        defaultCacheBehavior: { targetOriginId: "api", viewerProtocolPolicy: "redirect-to-https" },
        ...extra,
    });
}

const customCert = { acmCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/x", sslSupportMethod: "sni-only" };

/** The private-API ALB pattern: a listener forwarding to a target group whose targets are an execute-api endpoint's addresses. */
function albInFrontOfApi(sslPolicy: string, type = LISTENER) {
    const endpoint = res(T.vpcEndpoint, "execute-api", { serviceName: "com.amazonaws.eu-west-1.execute-api", vpcEndpointType: "Interface" });
    const group = res("aws:lb/targetGroup:TargetGroup", "api-tg", { targetType: "ip", protocol: "HTTPS", port: 443, arn: "arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/api/1" });
    const attachment = res("aws:lb/targetGroupAttachment:TargetGroupAttachment", "ip-a", { targetGroupArn: UNKNOWN, targetId: UNKNOWN }, { deps: { targetGroupArn: [group], targetId: [endpoint] } });
    const listener = res(type, "alb-https", { protocol: "HTTPS", port: 443, sslPolicy, defaultActions: [{ type: "forward", targetGroupArn: "arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/api/1" }] });
    return [endpoint, group, attachment, listener];
}

describe("minimum-tls", () => {
    describe("API Gateway domain names", () => {
        it("accepts TLS_1_2, enhanced policies and an unset policy (AWS defaults to TLS_1_2)", () => {
            assert.deepEqual(judge([res(T.domainV1, "a", { domainName: "a.example.com", securityPolicy: "TLS_1_2" })]), []);
            assert.deepEqual(judge([res(T.domainV1, "b", { domainName: "b.example.com", securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09", endpointAccessMode: "STRICT", endpointConfiguration: { types: "REGIONAL" } })]), []);
            assert.deepEqual(judge([res(T.domainV1, "d", { domainName: "d.example.com" })]), []);
            assert.deepEqual(judge([res(T.domainV2, "e", { domainName: "e.example.com", domainNameConfiguration: { endpointType: "REGIONAL", securityPolicy: "TLS_1_2" } })]), []);
        });

        it("reports the legacy TLS_1_0 policy on v1 and v2 domain names with the exact property and the fix", () => {
            assert.deepEqual(judge([res(T.domainV1, "api", { domainName: "api.example.com", securityPolicy: "TLS_1_0" })]), [
                'apigateway.DomainName "api": securityPolicy is "TLS_1_0": it accepts TLS 1.0, below the TLS 1.2 floor. Fix: set it to "TLS_1_2" or an enhanced SecurityPolicy_TLS13_* policy.',
            ]);
            assert.deepEqual(judge([res(T.domainV2, "ws", { domainName: "ws.example.com", domainNameConfiguration: { endpointType: "REGIONAL", securityPolicy: "TLS_1_0" } })]), [
                'apigatewayv2.DomainName "ws": domainNameConfiguration.securityPolicy is "TLS_1_0": it accepts TLS 1.0, below the TLS 1.2 floor. Fix: set it to "TLS_1_2".',
            ]);
        });

        it("leaves security policy combinations to api-gateway-security-policy", () => {
            assert.deepEqual(judge([res(T.domainV1, "a", { domainName: "a.example.com", securityPolicy: "SecurityPolicy_TLS13_1_2_2021_06", endpointConfiguration: { types: "REGIONAL" } })]), []);
        });
    });

    describe("scope: only what fronts an API, unless scope is \"all\"", () => {
        it("leaves a CloudFront distribution of a static site on TLSv1 alone, and judges it with scope \"all\"", () => {
            const site = cdn({ ...customCert, minimumProtocolVersion: "TLSv1" }, {}, "assets.s3.eu-west-1.amazonaws.com");
            assert.deepEqual(judge([site]), []);
            assert.deepEqual(minimumTlsFixes(site, defaults), []);
            assert.deepEqual(judge([site], wide), [
                'cloudfront.Distribution "cdn": viewerCertificate.minimumProtocolVersion is "TLSv1": viewers may use TLS 1.0, below the TLS 1.2 floor (scope is "all"). Fix: set it to "TLSv1.2_2021".',
            ]);
            assert.deepEqual(minimumTlsFixes(site, wide), [{ path: ["viewerCertificate", "minimumProtocolVersion"], value: "TLSv1.2_2021" }]);
        });

        it("leaves an unrelated load balancer listener on an old policy alone, and judges it with scope \"all\"", () => {
            const listener = res(LISTENER, "web", { protocol: "HTTPS", port: 443, sslPolicy: "ELBSecurityPolicy-2016-08" });
            assert.deepEqual(judge([listener]), []);
            assert.deepEqual(minimumTlsFixes(listener, defaults), []);
            assert.match(judge([listener], wide)[0], /lb\.Listener "web": sslPolicy is "ELBSecurityPolicy-2016-08": it accepts TLS 1\.0, below the TLS 1\.2 floor \(scope is "all"\)/);
            assert.deepEqual(minimumTlsFixes(listener, wide), [{ path: ["sslPolicy"], value: "ELBSecurityPolicy-TLS13-1-2-2021-06" }]);
        });

        it("judges a distribution whose origin is API Gateway, by host or by a custom domain of the stack", () => {
            assert.deepEqual(judge([cdn({ ...customCert, minimumProtocolVersion: "TLSv1.1_2016" })]), [
                `cloudfront.Distribution "cdn": viewerCertificate.minimumProtocolVersion is "TLSv1.1_2016": viewers may use TLS 1.1, below the TLS 1.2 floor (it fronts API Gateway: ${API_HOST} is an API Gateway endpoint). Fix: set it to "TLSv1.2_2021".`,
            ]);
            const domain = res(T.domainV1, "api", { domainName: "origin.example.com", endpointConfiguration: { types: "REGIONAL" }, securityPolicy: "TLS_1_2" });
            assert.match(judge([domain, cdn(customCert, {}, "origin.example.com")])[0], /minimumProtocolVersion not set: viewers may use TLS 1\.0 \(CloudFront's default, TLSv1\)/);
        });

        it("judges a listener that forwards to execute-api VPC endpoint addresses (the private API ALB pattern)", () => {
            assert.deepEqual(judge(albInFrontOfApi("ELBSecurityPolicy-2016-08")), [
                'lb.Listener "alb-https": sslPolicy is "ELBSecurityPolicy-2016-08": it accepts TLS 1.0, below the TLS 1.2 floor (it forwards to lb.TargetGroup "api-tg", whose targets are ec2.VpcEndpoint "execute-api" (execute-api)). Fix: use a TLS 1.2+ policy such as "ELBSecurityPolicy-TLS13-1-2-2021-06".',
            ]);
            assert.match(judge(albInFrontOfApi("ELBSecurityPolicy-TLS-1-1-2017-01", ALB_LISTENER))[0], /alb\.Listener "alb-https": .* accepts TLS 1\.1/);
            assert.deepEqual(judge(albInFrontOfApi("ELBSecurityPolicy-TLS13-1-2-2021-06")), []);
        });
    });

    describe("CloudFront in front of an API", () => {
        it("accepts TLSv1.2_2021 and newer with a custom certificate, and the default certificate (whose floor cannot be raised)", () => {
            assert.deepEqual(judge([cdn({ ...customCert, minimumProtocolVersion: "TLSv1.2_2021" })]), []);
            assert.deepEqual(judge([cdn({ ...customCert, minimumProtocolVersion: "TLSv1.3_2025" })]), []);
            assert.deepEqual(judge([cdn({ cloudfrontDefaultCertificate: true })]), []);
        });

        it("asks for sni-only with a dedicated-IP certificate", () => {
            assert.match(judge([cdn({ ...customCert, sslSupportMethod: "vip", minimumProtocolVersion: "TLSv1" })])[0], /Fix: set it to "TLSv1\.2_2021" and viewerCertificate\.sslSupportMethod to "sni-only"\./);
        });

        it("reports allow-all on the default and ordered behaviors by their paths", () => {
            const found = judge([
                cdn(
                    { ...customCert, minimumProtocolVersion: "TLSv1.2_2021" },
                    {
                        defaultCacheBehavior: { targetOriginId: "api", viewerProtocolPolicy: "allow-all" },
                        orderedCacheBehaviors: [{ pathPattern: "/static/*", targetOriginId: "api", viewerProtocolPolicy: "allow-all" }],
                    },
                ),
            ]);
            assert.deepEqual(found, [
                `cloudfront.Distribution "cdn": defaultCacheBehavior.viewerProtocolPolicy is "allow-all": viewers may use plain HTTP (it fronts API Gateway: ${API_HOST} is an API Gateway endpoint). Fix: set it to "redirect-to-https" or "https-only".`,
                `cloudfront.Distribution "cdn": orderedCacheBehaviors[0].viewerProtocolPolicy is "allow-all": viewers may use plain HTTP (it fronts API Gateway: ${API_HOST} is an API Gateway endpoint). Fix: set it to "redirect-to-https" or "https-only".`,
            ]);
        });
    });

    describe("load balancer listeners in scope", () => {
        it("accepts TLS 1.2+ policies on HTTPS and TLS listeners, and ignores HTTP listeners", () => {
            assert.deepEqual(judge([res(LISTENER, "l", { protocol: "HTTPS", port: 443, sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" })], wide), []);
            assert.deepEqual(judge([res(ALB_LISTENER, "l", { protocol: "TLS", port: 443, sslPolicy: "ELBSecurityPolicy-FS-1-2-Res-2020-10" })], wide), []);
            assert.deepEqual(judge([res(LISTENER, "l", { protocol: "HTTP", port: 80, sslPolicy: "ELBSecurityPolicy-2016-08" })], wide), []);
        });

        it("applies the allowedAlbSslPolicies setting as the only accepted policies", () => {
            const settings = readMinimumTlsSettings({ scope: "all", allowedAlbSslPolicies: ["ELBSecurityPolicy-TLS13-1-3-2021-06"] });
            assert.deepEqual(judge([res(LISTENER, "l", { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-3-2021-06" })], settings), []);
            assert.deepEqual(judge([res(LISTENER, "l", { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" })], settings), [
                'lb.Listener "l": sslPolicy is "ELBSecurityPolicy-TLS13-1-2-2021-06": it is not in the allowedAlbSslPolicies setting (scope is "all"). Fix: use one of ELBSecurityPolicy-TLS13-1-3-2021-06.',
            ]);
            assert.deepEqual(minimumTlsFixes(res(LISTENER, "l", { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-2016-08" }), settings), [{ path: ["sslPolicy"], value: "ELBSecurityPolicy-TLS13-1-3-2021-06" }]);
        });
    });

    describe("remediation", () => {
        it("raises legacy TLS_1_0 to TLS_1_2 on v1 and v2 domains", () => {
            assert.deepEqual(minimumTlsFixes(res(T.domainV1, "a", { securityPolicy: "TLS_1_0" }), defaults), [{ path: ["securityPolicy"], value: "TLS_1_2" }]);
            assert.deepEqual(minimumTlsFixes(res(T.domainV2, "b", { domainNameConfiguration: { securityPolicy: "TLS_1_0" } }), defaults), [{ path: ["domainNameConfiguration", "securityPolicy"], value: "TLS_1_2" }]);
            assert.deepEqual(minimumTlsFixes(res(T.domainV1, "c", { securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09" }), defaults), []);
        });

        it("raises the viewer floor (sni-only only) and replaces allow-all on a distribution whose origin is API Gateway", () => {
            const fixes = minimumTlsFixes(cdn(customCert, { orderedCacheBehaviors: [{ pathPattern: "/x", viewerProtocolPolicy: "allow-all" }] }), defaults);
            assert.deepEqual(fixes, [
                { path: ["viewerCertificate", "minimumProtocolVersion"], value: "TLSv1.2_2021" },
                { path: ["orderedCacheBehaviors", 0, "viewerProtocolPolicy"], value: "redirect-to-https" },
            ]);
            assert.deepEqual(minimumTlsFixes(cdn({ ...customCert, sslSupportMethod: "vip" }), defaults), []);
        });

        it("reports, but does not change, a listener in front of an API with the default scope (only the stack shows what it fronts)", () => {
            const [, , , listener] = albInFrontOfApi("ELBSecurityPolicy-2016-08");
            assert.deepEqual(minimumTlsFixes(listener, defaults), []);
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
                cdn({ ...customCert, minimumProtocolVersion: "TLSv1" }, {}, UNKNOWN),
                res(LISTENER, "l", { protocol: UNKNOWN, sslPolicy: "ELBSecurityPolicy-2016-08" }),
                res(LISTENER, "m", { protocol: "HTTPS", sslPolicy: UNKNOWN }),
            ];
            for (const r of rs) {
                assert.deepEqual(judge([r]), [], r.name);
                assert.deepEqual(judge([r], wide).filter((m) => !m.includes("TLSv1\"")), [], r.name);
                assert.deepEqual(minimumTlsFixes(r, defaults), [], r.name);
            }
        });
    });
});
