import { strict as assert } from "assert";
import { checkCloudFrontOrigins, readOriginHttpsSettings } from "../../policy/rules/cloudfront-origin-https";
import { StackResource } from "../../policy/lib/resources";
import { T } from "../../policy/lib/resources";
import { UNKNOWN, messages, res } from "./helpers";

const noSettings = readOriginHttpsSettings({});

type Settings = ReturnType<typeof readOriginHttpsSettings>;

/** What cloudfront-origin-https (mandatory: the request fails) reports. */
function checkCloudFrontOriginHttps(resources: StackResource[], _context: object, settings: Settings) {
    return checkCloudFrontOrigins(resources, {}, settings).filter((f) => f.fails);
}

/** What cloudfront-origin-hardening (advisory: works, could be tighter) reports. */
function advice(resources: StackResource[], settings: Settings = noSettings) {
    return messages(checkCloudFrontOrigins(resources, {}, settings).filter((f) => !f.fails));
}

function origin(domainName: unknown, customOriginConfig?: unknown, originId = "api") {
    return { originId, domainName, customOriginConfig };
}

const https = { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] };

function distribution(origins: unknown, deps?: Record<string, ReturnType<typeof res>[]>) {
    return res(
        T.distribution,
        "cdn",
        {
            enabled: true,
            origins,
            defaultCacheBehavior: { targetOriginId: "api", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] },
            viewerCertificate: { cloudfrontDefaultCertificate: true },
            restrictions: { geoRestriction: { restrictionType: "none" } },
        },
        { deps },
    );
}

describe("cloudfront-origin-https", () => {
    it("accepts an API Gateway origin with https-only and TLSv1.2", () => {
        const cdn = distribution([origin("d-abc123xyz.execute-api.eu-west-1.amazonaws.com", https)]);
        assert.deepEqual(checkCloudFrontOriginHttps([cdn], {}, noSettings), []);
    });

    it("ignores origins that are not API Gateway (an S3 bucket, another web server)", () => {
        const cdn = distribution([
            origin("assets.s3.eu-west-1.amazonaws.com", undefined, "assets"),
            origin("legacy.example.org", { ...https, originProtocolPolicy: "http-only" }, "legacy"),
        ]);
        assert.deepEqual(checkCloudFrontOriginHttps([cdn], {}, noSettings), []);
    });

    it("only advises on match-viewer behind HTTPS-only viewers and on older TLS versions offered next to TLSv1.2, which both work", () => {
        const cdn = distribution([origin("abcdef1234.execute-api.us-east-1.amazonaws.com", { ...https, originProtocolPolicy: "match-viewer", originSslProtocols: ["TLSv1", "TLSv1.1", "TLSv1.2"] })]);
        assert.deepEqual(checkCloudFrontOriginHttps([cdn], {}, noSettings), []);
        assert.deepEqual(advice([cdn]), [
            'cloudfront.Distribution "cdn": origins[0].customOriginConfig.originProtocolPolicy is "match-viewer": origin "api" (abcdef1234.execute-api.us-east-1.amazonaws.com is an API Gateway endpoint): ' +
                'every behavior routing here is HTTPS-only for viewers, so this works, but a later allow-all behavior would send HTTP to API Gateway. Fix: set it to "https-only".',
            'cloudfront.Distribution "cdn": origins[0].customOriginConfig.originSslProtocols is ["TLSv1","TLSv1.1","TLSv1.2"]: origin "api" (abcdef1234.execute-api.us-east-1.amazonaws.com is an API Gateway endpoint): ' +
                'CloudFront negotiates TLS 1.2 with API Gateway, so TLSv1, TLSv1.1 are never used and only widen what the origin connection allows. Fix: use ["TLSv1.2"].',
        ]);
    });

    it("makes an http-only API Gateway origin mandatory, naming the exact property, the value and the fix", () => {
        const cdn = distribution([origin("abcdef1234.execute-api.us-east-1.amazonaws.com", { ...https, originProtocolPolicy: "http-only" })]);
        assert.deepEqual(messages(checkCloudFrontOriginHttps([cdn], {}, noSettings)), [
            'cloudfront.Distribution "cdn": origins[0].customOriginConfig.originProtocolPolicy is "http-only": origin "api" (abcdef1234.execute-api.us-east-1.amazonaws.com is an API Gateway endpoint): ' +
                'API Gateway serves HTTPS only, so every request through this origin fails (502). Fix: set it to "https-only".',
        ]);
    });

    it("advises more firmly on match-viewer when a behavior lets plain HTTP viewers through", () => {
        const cdn = distribution([origin("d-abc123xyz.execute-api.eu-west-1.amazonaws.com", { ...https, originProtocolPolicy: "match-viewer" })]);
        const open = { ...cdn, props: { ...cdn.props, defaultCacheBehavior: { ...(cdn.props["defaultCacheBehavior"] as object), viewerProtocolPolicy: "allow-all" } } };
        assert.deepEqual(checkCloudFrontOriginHttps([open], {}, noSettings), []);
        assert.match(advice([open])[0], /allows plain HTTP viewers \("allow-all"\), and their requests reach API Gateway over HTTP and fail; HTTPS viewers work/);
    });

    it("makes an origin that never offers TLSv1.2 mandatory, and only advises on one without customOriginConfig (treated as S3)", () => {
        const cdn = distribution([
            origin("d-abc123xyz.execute-api.eu-west-1.amazonaws.com"),
            origin("d-def456uvw.execute-api.eu-west-1.amazonaws.com", { ...https, originSslProtocols: ["SSLv3", "TLSv1.1"] }, "second"),
        ]);
        const found = messages(checkCloudFrontOriginHttps([cdn], {}, noSettings));
        assert.equal(found.length, 1);
        assert.match(found[0], /origins\[1\]\.customOriginConfig\.originSslProtocols is \["SSLv3","TLSv1\.1"\]: origin "second" .* API Gateway needs TLS 1\.2 from CloudFront and none is offered/);
        assert.match(advice([cdn])[0], /origins\[0\]\.customOriginConfig not set: origin "api" .* CloudFront treats an origin without customOriginConfig as an S3 origin/);
    });

    it("recognises a custom domain of this stack used as the origin host", () => {
        const domain = res(T.domainV1, "api-domain", { domainName: "origin.example.com", endpointConfiguration: { types: "REGIONAL" } });
        const cdn = distribution([origin("origin.example.com", { ...https, originProtocolPolicy: "http-only" })]);
        assert.match(messages(checkCloudFrontOriginHttps([domain, cdn], {}, noSettings))[0], /originProtocolPolicy is "http-only": origin "api" \(origin\.example\.com is apigateway\.DomainName "api-domain" of this stack\)/);
    });

    it("checks hosts from the extraApiGatewayHosts setting, exact or wildcard", () => {
        const cdn = distribution([origin("orders.apis.example.com", { ...https, originProtocolPolicy: "http-only" })]);
        assert.deepEqual(checkCloudFrontOriginHttps([cdn], {}, noSettings), []);
        const wildcard = readOriginHttpsSettings({ extraApiGatewayHosts: ["*.apis.example.com"] });
        assert.match(messages(checkCloudFrontOriginHttps([cdn], {}, wildcard))[0], /orders\.apis\.example\.com is listed in extraApiGatewayHosts/);
        const exact = readOriginHttpsSettings({ extraApiGatewayHosts: ["orders.apis.example.com", 42] });
        assert.equal(checkCloudFrontOriginHttps([cdn], {}, exact).length, 1);
    });

    describe("preview", () => {
        it("treats an origin whose host is unknown but built from a DomainName as API Gateway", () => {
            const domain = res(T.domainV1, "api-domain", { domainName: "api.example.com", regionalDomainName: UNKNOWN, endpointConfiguration: { types: "REGIONAL" } });
            const cdn = distribution([origin(UNKNOWN, { ...https, originSslProtocols: ["TLSv1.1", "TLSv1.2"] })], { origins: [domain] });
            assert.deepEqual(checkCloudFrontOriginHttps([domain, cdn], {}, noSettings), []);
            assert.match(advice([domain, cdn])[0], /its host comes from apigateway\.DomainName "api-domain"\): CloudFront negotiates TLS 1\.2 .* TLSv1\.1 are never used/);
        });

        it("does not crash on unknown origins, configs and protocol lists", () => {
            const domain = res(T.domainV1, "api-domain", { domainName: "api.example.com" });
            const cdns = [
                distribution(UNKNOWN, { origins: [domain] }),
                distribution([origin(UNKNOWN, UNKNOWN)], { origins: [domain] }),
                distribution([origin("d-x1.execute-api.eu-west-1.amazonaws.com", { originProtocolPolicy: UNKNOWN, originSslProtocols: UNKNOWN })]),
                distribution([origin("d-x1.execute-api.eu-west-1.amazonaws.com", { originProtocolPolicy: "https-only", originSslProtocols: [UNKNOWN, "TLSv1"] })]),
                distribution([origin(undefined, undefined)]),
            ];
            assert.deepEqual(checkCloudFrontOrigins([domain, ...cdns], {}, noSettings), []);
        });
    });
});
