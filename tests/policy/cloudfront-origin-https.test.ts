import { strict as assert } from "assert";
import { checkCloudFrontOriginHttps, readOriginHttpsSettings } from "../../policy/rules/cloudfront-origin-https";
import { T } from "../../policy/lib/resources";
import { UNKNOWN, messages, res } from "./helpers";

const noSettings = readOriginHttpsSettings({});

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

    it("rejects match-viewer and older TLS versions on a default execute-api origin", () => {
        const cdn = distribution([origin("abcdef1234.execute-api.us-east-1.amazonaws.com", { ...https, originProtocolPolicy: "match-viewer", originSslProtocols: ["TLSv1", "TLSv1.1", "TLSv1.2"] })]);
        assert.deepEqual(messages(checkCloudFrontOriginHttps([cdn], {}, noSettings)), [
            'cloudfront.Distribution "cdn" origin "api" (abcdef1234.execute-api.us-east-1.amazonaws.com is an API Gateway endpoint) uses originProtocolPolicy "match-viewer"; set "https-only" (API Gateway does not serve plain HTTP).',
            'cloudfront.Distribution "cdn" origin "api" (abcdef1234.execute-api.us-east-1.amazonaws.com is an API Gateway endpoint) allows TLSv1, TLSv1.1 in originSslProtocols; use only "TLSv1.2".',
        ]);
    });

    it("rejects an API Gateway origin without customOriginConfig (treated as S3) and one that never offers TLSv1.2", () => {
        const cdn = distribution([
            origin("d-abc123xyz.execute-api.eu-west-1.amazonaws.com"),
            origin("d-def456uvw.execute-api.eu-west-1.amazonaws.com", { ...https, originSslProtocols: ["SSLv3"] }, "second"),
        ]);
        const found = messages(checkCloudFrontOriginHttps([cdn], {}, noSettings));
        assert.equal(found.length, 3);
        assert.match(found[0], /origin "api" .* has no customOriginConfig, so CloudFront treats it as an S3 origin/);
        assert.match(found[1], /origin "second" .* allows SSLv3/);
        assert.match(found[2], /origin "second" .* does not offer "TLSv1\.2"/);
    });

    it("recognises a custom domain of this stack used as the origin host", () => {
        const domain = res(T.domainV1, "api-domain", { domainName: "origin.example.com", endpointConfiguration: { types: "REGIONAL" } });
        const cdn = distribution([origin("origin.example.com", { ...https, originProtocolPolicy: "http-only" })]);
        assert.match(messages(checkCloudFrontOriginHttps([domain, cdn], {}, noSettings))[0], /origin\.example\.com is apigateway\.DomainName "api-domain" of this stack\) uses originProtocolPolicy "http-only"/);
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
            assert.match(messages(checkCloudFrontOriginHttps([domain, cdn], {}, noSettings))[0], /its host comes from apigateway\.DomainName "api-domain"\) allows TLSv1\.1/);
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
            assert.deepEqual(checkCloudFrontOriginHttps([domain, ...cdns], {}, noSettings), []);
        });
    });
});
