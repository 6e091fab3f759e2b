import { strict as assert } from "assert";
import { checkCertificateRegions } from "../../policy/rules/certificate-region";
import { T } from "../../policy/lib/resources";
import { UNKNOWN, certArn, messages, res } from "./helpers";

const regional = { types: "REGIONAL" };

describe("certificate-region", () => {
    describe("edge-optimized domains", () => {
        it("accepts an EDGE domain whose certificate is in us-east-1 while the stack is in eu-west-1", () => {
            const domain = res(T.domainV1, "api", { domainName: "api.example.com", certificateArn: certArn("us-east-1") }, { providerRegion: "eu-west-1" });
            assert.deepEqual(checkCertificateRegions([domain], { defaultRegion: "eu-west-1" }), []);
        });

        it("rejects an EDGE domain (the default endpoint type) with a certificate in eu-west-1, naming both regions and the fix", () => {
            const domain = res(T.domainV1, "api", { domainName: "api.example.com", certificateArn: certArn("eu-west-1") });
            const findings = checkCertificateRegions([domain], { defaultRegion: "eu-west-1" });
            assert.equal(findings.length, 1);
            assert.equal(findings[0].urn, domain.urn);
            assert.match(findings[0].message, /apigateway\.DomainName "api": certificateArn is "arn:aws:acm:eu-west-1:[^"]*": api\.example\.com is edge-optimized/);
            assert.match(findings[0].message, /reads its certificate from us-east-1, but this is a certificate in eu-west-1/);
            assert.match(findings[0].message, /Fix: request the certificate in us-east-1, or make the domain REGIONAL\./);
        });

        it("ignores an imported (non-ACM) certificate, which has no region to check", () => {
            const domain = res(T.domainV1, "api", { domainName: "api.example.com", certificateBody: "-----BEGIN CERTIFICATE-----", certificatePrivateKey: "key" });
            assert.deepEqual(checkCertificateRegions([domain], {}), []);
        });
    });

    describe("regional and private domains", () => {
        it("accepts a REGIONAL domain whose certificate is in the region of its provider", () => {
            const domain = res(T.domainV1, "api", { domainName: "api.example.com", regionalCertificateArn: certArn("eu-west-1"), endpointConfiguration: regional }, { providerRegion: "eu-west-1" });
            assert.deepEqual(checkCertificateRegions([domain], { defaultRegion: "us-east-1" }), []);
        });

        it("rejects a REGIONAL domain in eu-west-1 (its own region input) with a us-east-1 certificate", () => {
            const domain = res(T.domainV1, "api", { domainName: "api.example.com", region: "eu-west-1", regionalCertificateArn: certArn("us-east-1"), endpointConfiguration: regional }, { providerRegion: "us-east-1" });
            assert.deepEqual(messages(checkCertificateRegions([domain], {})), [
                `apigateway.DomainName "api": regionalCertificateArn is "${certArn("us-east-1")}": api.example.com is a REGIONAL domain in eu-west-1, ` +
                    "which needs an ACM certificate in its own region, but this is a certificate in us-east-1. Fix: request the certificate in eu-west-1.",
            ]);
        });

        it("falls back to the stack's aws:region for a domain without region or provider region", () => {
            const domain = res(T.domainV1, "api", { domainName: "api.example.com", regionalCertificateArn: certArn("eu-central-1"), endpointConfiguration: { types: ["REGIONAL"] } });
            assert.equal(checkCertificateRegions([domain], { defaultRegion: "eu-west-1" }).length, 1);
            assert.equal(checkCertificateRegions([domain], { defaultRegion: "eu-central-1" }).length, 0);
        });

        it("rejects a PRIVATE domain whose certificateArn is in another region", () => {
            const domain = res(T.domainV1, "internal", { domainName: "internal.example.com", certificateArn: certArn("us-west-2"), endpointConfiguration: { types: "PRIVATE" } }, { providerRegion: "eu-west-1" });
            assert.match(messages(checkCertificateRegions([domain], {}))[0], /certificateArn is "arn:aws:acm:us-west-2:[^"]*": .* is a PRIVATE domain in eu-west-1, which needs an ACM certificate in its own region, but this is a certificate in us-west-2/);
        });

        it("rejects an apigatewayv2 domain whose certificate is not in the domain's region", () => {
            const domain = res(T.domainV2, "ws", {
                domainName: "ws.example.com",
                region: "ap-southeast-2",
                domainNameConfiguration: { certificateArn: certArn("us-east-1"), endpointType: "REGIONAL", securityPolicy: "TLS_1_2" },
            });
            assert.match(messages(checkCertificateRegions([domain], {}))[0], /apigatewayv2\.DomainName "ws": domainNameConfiguration\.certificateArn is "arn:aws:acm:us-east-1:[^"]*": ws\.example\.com is a REGIONAL domain in ap-southeast-2, .* but this is a certificate in us-east-1/);
        });
    });

    describe("CloudFront distributions", () => {
        const distribution = (viewerCertificate: Record<string, unknown>, deps?: Record<string, never[]>) =>
            res(T.distribution, "cdn", { aliases: ["api.example.com"], viewerCertificate }, { providerRegion: "eu-west-1", deps });

        it("accepts a viewer certificate in us-east-1 and the default CloudFront certificate", () => {
            assert.deepEqual(checkCertificateRegions([distribution({ acmCertificateArn: certArn("us-east-1"), sslSupportMethod: "sni-only" })], {}), []);
            assert.deepEqual(checkCertificateRegions([distribution({ cloudfrontDefaultCertificate: true })], {}), []);
        });

        it("rejects a viewer certificate from the API's region", () => {
            const findings = checkCertificateRegions([distribution({ acmCertificateArn: certArn("eu-west-1"), sslSupportMethod: "sni-only" })], {});
            assert.match(messages(findings)[0], /cloudfront\.Distribution "cdn": viewerCertificate\.acmCertificateArn is "arn:aws:acm:eu-west-1:[^"]*": CloudFront only uses ACM certificates from us-east-1, but this is a certificate in eu-west-1/);
        });
    });

    describe("preview: certificate ARN not known yet", () => {
        const certificate = (region: string | undefined, providerRegion?: string) =>
            res(T.certificate, "api-cert", { domainName: "api.example.com", validationMethod: "DNS", region, arn: UNKNOWN }, { providerRegion });
        const validation = (cert: ReturnType<typeof certificate>) =>
            res(T.certificateValidation, "api-cert-validation", { certificateArn: UNKNOWN, validationRecordFqdns: UNKNOWN }, { deps: { certificateArn: [cert] } });

        it("follows propertyDependencies from the domain through the CertificateValidation to the Certificate's region", () => {
            const cert = certificate("eu-west-1");
            const valid = validation(cert);
            const domain = res(T.domainV1, "api", { domainName: "api.example.com", certificateArn: UNKNOWN }, { deps: { certificateArn: [valid] } });
            const findings = checkCertificateRegions([cert, valid, domain], { defaultRegion: "eu-west-1" });
            assert.equal(findings.length, 1);
            assert.match(findings[0].message, /certificateArn not known until the update: .* but this is certificate acm\.Certificate "api-cert" in eu-west-1/);
        });

        it("accepts the same chain when the certificate gets us-east-1 from its provider", () => {
            const cert = certificate(undefined, "us-east-1");
            const valid = validation(cert);
            const domain = res(T.domainV1, "api", { domainName: "api.example.com", certificateArn: UNKNOWN }, { deps: { certificateArn: [valid] } });
            assert.deepEqual(checkCertificateRegions([cert, valid, domain], { defaultRegion: "eu-west-1" }), []);
        });

        it("follows a v2 domain's domainNameConfiguration and a distribution's viewerCertificate the same way", () => {
            const cert = certificate("us-east-1");
            const valid = validation(cert);
            const domain = res(T.domainV2, "ws", { domainName: "ws.example.com", domainNameConfiguration: UNKNOWN }, { providerRegion: "eu-west-1", deps: { domainNameConfiguration: [valid] } });
            const cdn = res(T.distribution, "cdn", { viewerCertificate: { acmCertificateArn: UNKNOWN, sslSupportMethod: "sni-only" } }, { deps: { viewerCertificate: [valid] } });
            const findings = checkCertificateRegions([cert, valid, domain, cdn], {});
            assert.deepEqual(findings.map((f) => f.urn), [domain.urn]);
            assert.match(findings[0].message, /REGIONAL|in eu-west-1/);
        });

        it("treats undefined like unknown and follows the recorded property dependency straight to a Certificate", () => {
            const cert = certificate("ap-northeast-1");
            const domain = res(T.domainV1, "api", { domainName: "api.example.com", certificateArn: undefined }, { deps: { certificateArn: [cert] } });
            assert.equal(checkCertificateRegions([cert, domain], {}).length, 1);
        });

        it("prefers the ARN a Certificate already has over its region input", () => {
            const cert = res(T.certificate, "api-cert", { domainName: "api.example.com", arn: certArn("eu-west-1") }, { providerRegion: "us-east-1" });
            const domain = res(T.domainV1, "api", { domainName: "api.example.com", certificateArn: UNKNOWN }, { deps: { certificateArn: [cert] } });
            assert.match(messages(checkCertificateRegions([cert, domain], {}))[0], /in eu-west-1/);
        });

        it("does not crash and reports nothing when the chain cannot be resolved", () => {
            const orphan = res(T.domainV1, "api", { domainName: UNKNOWN, certificateArn: UNKNOWN, endpointConfiguration: UNKNOWN });
            const regionless = res(T.domainV1, "r", { domainName: "r.example.com", region: UNKNOWN, regionalCertificateArn: certArn("us-east-1"), endpointConfiguration: regional });
            const unknownCdn = res(T.distribution, "cdn", { viewerCertificate: UNKNOWN, origins: UNKNOWN });
            const unknownV2 = res(T.domainV2, "v2", { domainName: UNKNOWN, domainNameConfiguration: { certificateArn: UNKNOWN, endpointType: UNKNOWN } });
            assert.deepEqual(checkCertificateRegions([orphan, regionless, unknownCdn, unknownV2], {}), []);
        });
    });
});
