import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { Certificate } from "../../components/certificate";
import { CloudFrontDomain, CloudFrontDomainArgs } from "../../components/cloudfront-domain";
import { RecordedResource, RunResult, T, ofType, one, plan, propertyDeps, rejected } from "../helpers";

const rest = { apiId: "restapi001", stage: "prod" };
const http = { apiId: "httpapi001", stage: "$default", apiType: "http" as const };
const password = "random:index/randomPassword:RandomPassword";
const ALL_VIEWER = "216adef6-5c7f-47e4-b989-5492eafa07d3";
const ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
const CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
const CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";

function output<V>(o: { apply: (f: (v: V) => void) => unknown }): Promise<V> {
    return new Promise((res) => o.apply(res));
}

/** The certificate (ACM resource) and its validation in one region. */
function certificateIn(r: RunResult, region: string): { acm: RecordedResource; validation: RecordedResource } {
    const acm = ofType(r, T.certificate).filter((c) => c.region === region);
    const validation = ofType(r, T.validation).filter((v) => v.region === region);
    assert.strictEqual(acm.length, 1, `one certificate in ${region}, found ${acm.map((c) => c.name).join(", ") || "none"}`);
    assert.strictEqual(validation.length, 1, `one validation in ${region}`);
    return { acm: acm[0], validation: validation[0] };
}

const inIreland = { config: { "aws:region": "eu-west-1" } };

describe("CloudFrontDomain", () => {
    describe("without explicit providers", () => {
        it("puts the CloudFront certificate in us-east-1 and the API's certificate and domain in eu-west-1", async () => {
            const r = await plan(() => new CloudFrontDomain("api", { domainName: "api.example.com", mappings: [rest] }), inIreland);
            const viewer = certificateIn(r, "us-east-1");
            const api = certificateIn(r, "eu-west-1");
            assert.strictEqual(viewer.acm.inputs.region, "us-east-1", "the per-resource region carries the viewer certificate to us-east-1");
            for (const c of [viewer.acm, api.acm]) assert.strictEqual(c.inputs.domainName, "api.example.com");
            const domain = one(r, T.domainV1);
            assert.strictEqual(domain.region, "eu-west-1");
            assert.strictEqual(domain.inputs.endpointConfiguration.types, "REGIONAL");
            assert.match(domain.inputs.regionalCertificateArn, /^arn:aws:acm:eu-west-1:/);
            assert.deepStrictEqual(propertyDeps(domain, "regionalCertificateArn"), [api.validation.urn]);
            const distribution = one(r, T.distribution);
            assert.match(distribution.inputs.viewerCertificate.acmCertificateArn, /^arn:aws:acm:us-east-1:/);
            assert.strictEqual(one(r, T.basePathMapping).region, "eu-west-1");
            for (const x of r.resources.filter((x) => x.custom)) assert.strictEqual(x.providerUrn, undefined, `${x.type} ${x.name}`);
        });

        it("puts the API side in the region argument whatever the stack's region", async () => {
            const r = await plan(() => new CloudFrontDomain("api", { domainName: "api.example.com", region: "ap-southeast-2", mappings: [rest] }),
                { config: { "aws:region": "us-west-2" } });
            certificateIn(r, "us-east-1");
            certificateIn(r, "ap-southeast-2");
            assert.strictEqual(one(r, T.domainV1).region, "ap-southeast-2");
            assert.match(one(r, T.distribution).inputs.origins[0].domainName, /\.execute-api\.ap-southeast-2\.amazonaws\.com$/);
        });

        it("uses one certificate for both sides when the API is in us-east-1", async () => {
            let d: CloudFrontDomain | undefined;
            const r = await plan(() => { d = new CloudFrontDomain("api", { domainName: "api.example.com", region: "us-east-1", mappings: [rest] }); });
            const { validation } = certificateIn(r, "us-east-1");
            assert.strictEqual(ofType(r, T.certificate).length, 1);
            const domain = one(r, T.domainV1);
            assert.strictEqual(domain.inputs.regionalCertificateArn, one(r, T.distribution).inputs.viewerCertificate.acmCertificateArn);
            assert.deepStrictEqual(propertyDeps(domain, "regionalCertificateArn"), [validation.urn]);
            assert.strictEqual(d!.nodes.certificate, d!.nodes.apiCertificate);
        });
        it("uses a passed us-east-1 API certificate for the viewer too, and requests none", async () => {
            const arn = "arn:aws:acm:us-east-1:123456789012:certificate/shared";
            const r = await plan(() => new CloudFrontDomain("api", { domainName: "api.example.com", region: "us-east-1", apiCertificateArn: arn }));
            assert.strictEqual(ofType(r, T.certificate).length, 0);
            assert.strictEqual(one(r, T.distribution).inputs.viewerCertificate.acmCertificateArn, arn);
            assert.strictEqual(one(r, T.domainV1).inputs.regionalCertificateArn, arn);
        });

        it("requests two certificates when an explicit provider hides the API's region", async () => {
            const r = await plan(() => {
                const virginia = new aws.Provider("virginia", { region: "us-east-1" });
                new CloudFrontDomain("api", { domainName: "api.example.com" }, { provider: virginia });
            });
            assert.deepStrictEqual(ofType(r, T.certificate).map((c) => c.region), ["us-east-1", "us-east-1"]);
        });
    });

    describe("the distribution", () => {
        it("sends every request to the regional target over HTTPS with TLS 1.2 and no origin path", async () => {
            const r = await plan(() => new CloudFrontDomain("api", { domainName: "api.example.com", mappings: [rest] }), inIreland);
            const domain = one(r, T.domainV1);
            const [origin, ...others] = one(r, T.distribution).inputs.origins;
            assert.strictEqual(others.length, 0);
            assert.strictEqual(origin.domainName, domain.outputs.regionalDomainName);
            assert.match(origin.domainName, /^d-[a-z0-9]{10}\.execute-api\.eu-west-1\.amazonaws\.com$/);
            assert.strictEqual(origin.originPath, undefined);
            assert.strictEqual(origin.customOriginConfig.originProtocolPolicy, "https-only");
            assert.deepStrictEqual(origin.customOriginConfig.originSslProtocols, ["TLSv1.2"]);
            assert.strictEqual(origin.customOriginConfig.httpsPort, 443);
            assert.strictEqual(one(r, T.distribution).inputs.defaultCacheBehavior.targetOriginId, origin.originId);
        });

        it("answers on the API Gateway domain's name and forwards the Host header, with caching off", async () => {
            const r = await plan(() => new CloudFrontDomain("api", { domainName: "api.example.com", mappings: [rest] }), inIreland);
            const distribution = one(r, T.distribution).inputs;
            assert.deepStrictEqual(distribution.aliases, [one(r, T.domainV1).inputs.domainName]);
            const behavior = distribution.defaultCacheBehavior;
            assert.strictEqual(behavior.originRequestPolicyId, ALL_VIEWER);
            assert.strictEqual(behavior.cachePolicyId, CACHING_DISABLED);
            assert.strictEqual(behavior.forwardedValues, undefined);
            assert.strictEqual(behavior.viewerProtocolPolicy, "redirect-to-https");
            assert.deepStrictEqual([...behavior.allowedMethods].sort(), ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]);
        });

        it("serves viewers with SNI, TLSv1.2_2021, IPv6 and every price class by default, and waits for deployment", async () => {
            const r = await plan(() => new CloudFrontDomain("api", { domainName: "api.example.com" }), inIreland);
            const distribution = one(r, T.distribution);
            assert.strictEqual(distribution.inputs.viewerCertificate.sslSupportMethod, "sni-only");
            assert.strictEqual(distribution.inputs.viewerCertificate.minimumProtocolVersion, "TLSv1.2_2021");
            assert.strictEqual(distribution.inputs.viewerCertificate.cloudfrontDefaultCertificate, undefined);
            assert.strictEqual(distribution.inputs.isIpv6Enabled, true);
            assert.strictEqual(distribution.inputs.priceClass, "PriceClass_All");
            assert.strictEqual(distribution.inputs.waitForDeployment, true);
            assert.strictEqual(distribution.inputs.enabled, true);
            assert.strictEqual(distribution.inputs.webAclId, undefined);
            assert.strictEqual(distribution.inputs.loggingConfig, undefined);
            assert.strictEqual(distribution.deleteBeforeReplace, true, "an alternate name belongs to one distribution at a time");
        });

        it("waits for the us-east-1 validation, and depends on nothing but it, the origin domain and the origin secret", async () => {
            const r = await plan(() => new CloudFrontDomain("api", { domainName: "api.example.com", mappings: [rest, { ...rest, basePath: "v2" }] }), inIreland);
            const distribution = one(r, T.distribution);
            const viewer = certificateIn(r, "us-east-1");
            const api = certificateIn(r, "eu-west-1");
            assert.deepStrictEqual(propertyDeps(distribution, "viewerCertificate"), [viewer.validation.urn]);
            assert.deepStrictEqual(distribution.dependencies.slice().sort(),
                [viewer.validation.urn, one(r, T.domainV1).urn, one(r, password).urn].sort());
            for (const unrelated of [viewer.acm, api.acm, api.validation, ...ofType(r, T.basePathMapping), ...ofType(r, T.record)]) {
                assert.ok(!distribution.dependencies.includes(unrelated.urn), `must not wait on ${unrelated.name}`);
            }
        });

        it("passes the cache policy, response headers policy, WAF, logging, geo restriction and the rest through", async () => {
            const webAcl = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/0123abcd";
            const r = await plan(() => new CloudFrontDomain("api", {
                domainName: "api.example.com",
                cachePolicyId: CACHING_OPTIMIZED,
                responseHeadersPolicyId: "67f7725c-6f97-4210-82d7-5512b31e9d03",
                webAclId: webAcl,
                logging: { bucket: "logs.s3.amazonaws.com", prefix: "api/" },
                geoRestriction: { restrictionType: "whitelist", locations: ["DE", "FR"] },
                priceClass: "PriceClass_100",
                minimumProtocolVersion: "TLSv1.2_2025",
                viewerProtocolPolicy: "https-only",
                waitForDeployment: false,
                httpVersion: "http2",
                tags: { team: "api" },
            }), inIreland);
            const d = one(r, T.distribution).inputs;
            assert.strictEqual(d.defaultCacheBehavior.cachePolicyId, CACHING_OPTIMIZED);
            assert.strictEqual(d.defaultCacheBehavior.originRequestPolicyId, ALL_VIEWER);
            assert.strictEqual(d.defaultCacheBehavior.responseHeadersPolicyId, "67f7725c-6f97-4210-82d7-5512b31e9d03");
            assert.strictEqual(d.defaultCacheBehavior.viewerProtocolPolicy, "https-only");
            assert.strictEqual(d.webAclId, webAcl);
            assert.deepStrictEqual(d.loggingConfig, { bucket: "logs.s3.amazonaws.com", prefix: "api/" });
            assert.deepStrictEqual(d.restrictions.geoRestriction, { restrictionType: "whitelist", locations: ["DE", "FR"] });
            assert.strictEqual(d.priceClass, "PriceClass_100");
            assert.strictEqual(d.viewerCertificate.minimumProtocolVersion, "TLSv1.2_2025");
            assert.strictEqual(d.waitForDeployment, false);
            assert.strictEqual(d.httpVersion, "http2");
            assert.deepStrictEqual(d.tags, { team: "api" });
        });

        it("accepts legacy forwarded values that include Host, with caching off", async () => {
            const r = await plan(() => new CloudFrontDomain("api", {
                domainName: "api.example.com",
                forwardedValues: { queryString: true, headers: ["Host", "Authorization"], cookies: { forward: "all" } },
            }), inIreland);
            const behavior = one(r, T.distribution).inputs.defaultCacheBehavior;
            assert.deepStrictEqual(behavior.forwardedValues.headers, ["Host", "Authorization"]);
            assert.strictEqual(behavior.cachePolicyId, undefined);
            assert.strictEqual(behavior.originRequestPolicyId, undefined);
            assert.deepStrictEqual([behavior.minTtl, behavior.defaultTtl, behavior.maxTtl], [0, 0, 0]);
        });

        it("lets a transform reach settings the component does not expose", async () => {
            const r = await plan(() => new CloudFrontDomain("api", { domainName: "api.example.com" }, {
                transform: { distribution: (a) => ({ ...a, defaultRootObject: "index.html" }) },
            }), inIreland);
            assert.strictEqual(one(r, T.distribution).inputs.defaultRootObject, "index.html");
        });
    });

    describe("origin verification", () => {
        it("adds a generated secret header to every origin request and exposes it as a secret output", async () => {
            let d: CloudFrontDomain | undefined;
            let secret = false;
            let value: string | undefined;
            const r = await plan(async () => {
                d = new CloudFrontDomain("api", { domainName: "api.example.com" });
                secret = await pulumi.isSecret(d.originVerifySecret!);
                value = await output(d.originVerifySecret!);
            }, inIreland);
            const generated = one(r, password);
            assert.strictEqual(generated.parent, r.resources.find((x) => x.type === "apigw-domains:index:CloudFrontDomain")!.urn);
            assert.ok(generated.inputs.length >= 32);
            const headers = one(r, T.distribution).inputs.origins[0].customHeaders;
            assert.deepStrictEqual(headers, [{ name: "x-origin-verify", value: generated.outputs.result }]);
            assert.deepStrictEqual(propertyDeps(one(r, T.distribution), "origins").includes(generated.urn), true);
            assert.strictEqual(d!.originVerifyHeaderName, "x-origin-verify");
            assert.strictEqual(value, generated.outputs.result);
            assert.ok(secret, "the header value must be a secret output");
        });

        it("takes another header name, or none at all", async () => {
            const named = await plan(() => new CloudFrontDomain("api", { domainName: "api.example.com", originVerification: { headerName: "X-From-Edge" } }), inIreland);
            assert.strictEqual(one(named, T.distribution).inputs.origins[0].customHeaders[0].name, "X-From-Edge");
            const none = await plan(() => new CloudFrontDomain("api", { domainName: "api.example.com", originVerification: { enabled: false } }), inIreland);
            assert.strictEqual(ofType(none, password).length, 0);
            assert.strictEqual(one(none, T.distribution).inputs.origins[0].customHeaders, undefined);
        });
    });

    describe("DNS", () => {
        it("aliases A and AAAA to the distribution in the CloudFront zone, never to execute-api", async () => {
            let d: CloudFrontDomain | undefined;
            const r = await plan(() => { d = new CloudFrontDomain("api", { domainName: "api.example.com", zoneName: "example.com" }); }, inIreland);
            const distribution = one(r, T.distribution);
            const aliases = ofType(r, T.record).filter((x) => x.inputs.aliases);
            assert.deepStrictEqual(aliases.map((x) => x.inputs.type).sort(), ["A", "AAAA"]);
            for (const rec of aliases) {
                assert.strictEqual(rec.inputs.name, "api.example.com");
                assert.strictEqual(rec.inputs.aliases[0].name, distribution.outputs.domainName);
                assert.match(rec.inputs.aliases[0].name, /^d[a-z0-9]+\.cloudfront\.net$/);
                assert.strictEqual(rec.inputs.aliases[0].zoneId, "Z2FDTNDATAQYW2");
            }
            assert.ok(!ofType(r, T.record).some((x) => /execute-api/.test(JSON.stringify(x.inputs))), "nothing may point at the API directly");
            assert.strictEqual(await output(d!.targetDomainName), distribution.outputs.domainName);
            assert.strictEqual(await output(d!.hostedZoneId), "Z2FDTNDATAQYW2");
        });

        it("creates only the A record without IPv6", async () => {
            const r = await plan(() => new CloudFrontDomain("api", { domainName: "api.example.com", ipv6: false }), inIreland);
            assert.deepStrictEqual(ofType(r, T.record).filter((x) => x.inputs.aliases).map((x) => x.inputs.type), ["A"]);
            assert.strictEqual(one(r, T.distribution).inputs.isIpv6Enabled, false);
        });

        it("skips DNS when asked, given both certificates", async () => {
            const r = await plan(() => new CloudFrontDomain("api", {
                domainName: "api.example.com",
                createRecords: false,
                certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/viewer",
                apiCertificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/api",
            }), inIreland);
            assert.strictEqual(ofType(r, T.record).length, 0);
            assert.strictEqual(ofType(r, T.certificate).length, 0);
            assert.strictEqual(r.invokes.filter((i) => i.token === "aws:route53/getZone:getZone").length, 0);
            assert.strictEqual(one(r, T.distribution).inputs.viewerCertificate.acmCertificateArn, "arn:aws:acm:us-east-1:123456789012:certificate/viewer");
            assert.strictEqual(one(r, T.domainV1).inputs.regionalCertificateArn, "arn:aws:acm:eu-west-1:123456789012:certificate/api");
        });
    });

    describe("mappings", () => {
        it("serves several APIs on the one domain, adds more later and reports each URL", async () => {
            let d: CloudFrontDomain | undefined;
            let later: string | undefined;
            const r = await plan(async () => {
                d = new CloudFrontDomain("shop", { domainName: "shop.example.com", mappings: [{ ...rest, basePath: "v1" }, { ...http, basePath: "v2" }] });
                later = await output(d.addMapping({ ...rest, apiId: "admin", basePath: "admin/reports" }));
            }, inIreland);
            assert.strictEqual(one(r, T.basePathMapping).inputs.basePath, "v1");
            assert.deepStrictEqual(ofType(r, T.apiMapping).map((m) => m.inputs.apiMappingKey).sort(), ["admin/reports", "v2"]);
            for (const m of [...ofType(r, T.basePathMapping), ...ofType(r, T.apiMapping)]) {
                assert.strictEqual(m.region, "eu-west-1");
                assert.deepStrictEqual(propertyDeps(m, "domainName"), [one(r, T.domainV1).urn]);
            }
            assert.strictEqual(later, "https://shop.example.com/admin/reports/");
            assert.strictEqual(d!.nodes.mappings.length, 3);
            assert.deepStrictEqual(await output(d!.urls), {
                v1: "https://shop.example.com/v1/", v2: "https://shop.example.com/v2/", "admin/reports": "https://shop.example.com/admin/reports/",
            });
            assert.strictEqual(await output(d!.url), "https://shop.example.com/");
        });

        it("serves an HTTP API through a v2 domain as the origin", async () => {
            const r = await plan(() => new CloudFrontDomain("api", { domainName: "api.example.com", apiType: "http", mappings: [http] }), inIreland);
            const domain = one(r, T.domainV2);
            assert.strictEqual(domain.inputs.domainNameConfiguration.endpointType, "REGIONAL");
            assert.strictEqual(one(r, T.distribution).inputs.origins[0].domainName, domain.outputs.domainNameConfiguration.targetDomainName);
        });

        it("frees the API Gateway name before a replacement recreates it", async () => {
            const r = await plan(() => new CloudFrontDomain("api", { domainName: "api.example.com", mappings: [rest] }), inIreland);
            assert.strictEqual(one(r, T.domainV1).deleteBeforeReplace, true);
        });
    });

    describe("with explicit providers", () => {
        it("gives every child the right provider: us-east-1 certificate, API region, DNS account", async () => {
            const r = await plan(() => {
                const usEast1 = new aws.Provider("us-east-1", { region: "us-east-1" });
                const ireland = new aws.Provider("ireland", { region: "eu-west-1" });
                const dns = new aws.Provider("dns", { region: "us-east-1", assumeRoles: [{ roleArn: "arn:aws:iam::210987654321:role/dns" }] });
                new CloudFrontDomain("api", {
                    domainName: "api.example.com",
                    mappings: [rest, { ...rest, basePath: "a/b" }],
                }, { provider: ireland, certificateProvider: usEast1, dnsProvider: dns });
            }, { config: { "aws:region": "ap-south-1" } });
            const usEast1 = one(r, T.provider, "us-east-1").urn;
            const ireland = one(r, T.provider, "ireland").urn;
            const dns = one(r, T.provider, "dns").urn;
            const viewer = certificateIn(r, "us-east-1");
            for (const x of [viewer.acm, viewer.validation]) assert.strictEqual(x.providerUrn, usEast1, x.name);
            const api = certificateIn(r, "eu-west-1");
            for (const x of [api.acm, api.validation, one(r, T.domainV1), one(r, T.basePathMapping), one(r, T.apiMapping)]) {
                assert.strictEqual(x.providerUrn, ireland, x.name);
                assert.strictEqual(x.region, "eu-west-1", x.name);
            }
            assert.strictEqual(one(r, T.distribution).providerUrn, ireland, "CloudFront is global; the component's provider serves");
            const records = ofType(r, T.record);
            assert.strictEqual(records.length, 4, "two validation records and the A and AAAA aliases");
            for (const rec of records) assert.strictEqual(rec.providerUrn, dns, rec.name);
            const lookups = r.invokes.filter((i) => i.token === "aws:route53/getZone:getZone");
            assert.ok(lookups.length > 0 && lookups.every((i) => i.provider?.startsWith(dns)));
            assert.strictEqual(one(r, password).providerUrn, undefined, "the aws provider is not a random provider");
        });

        it("uses two Certificates made with their own providers and requests none", async () => {
            const r = await plan(() => {
                const usEast1 = new aws.Provider("us-east-1", { region: "us-east-1" });
                const ireland = new aws.Provider("ireland", { region: "eu-west-1" });
                const dns = new aws.Provider("dns", { region: "us-east-1" });
                const viewer = new Certificate("viewer", { domainName: "api.example.com" }, { provider: usEast1, dnsProvider: dns });
                const apiSide = new Certificate("api-side", { domainName: "api.example.com" }, { provider: ireland, dnsProvider: dns });
                new CloudFrontDomain("api", {
                    domainName: "api.example.com",
                    certificateArn: viewer.arn,
                    apiCertificateArn: apiSide.arn,
                    mappings: [rest],
                }, { provider: ireland, dnsProvider: dns });
            });
            assert.strictEqual(ofType(r, T.certificate).length, 2);
            const component = r.resources.find((x) => x.type === "apigw-domains:index:CloudFrontDomain")!;
            assert.ok(!r.resources.some((x) => x.type === "apigw-domains:index:Certificate" && x.parent === component.urn), "no certificate of its own");
            const viewerValidation = one(r, T.validation, "viewer-validation");
            assert.strictEqual(viewerValidation.providerUrn, one(r, T.provider, "us-east-1").urn);
            assert.deepStrictEqual(propertyDeps(one(r, T.distribution), "viewerCertificate"), [viewerValidation.urn]);
            assert.match(one(r, T.distribution).inputs.viewerCertificate.acmCertificateArn, /^arn:aws:acm:us-east-1:/);
            assert.deepStrictEqual(propertyDeps(one(r, T.domainV1), "regionalCertificateArn"), [one(r, T.validation, "api-side-validation").urn]);
            assert.match(one(r, T.domainV1).inputs.regionalCertificateArn, /^arn:aws:acm:eu-west-1:/);
        });
    });

    describe("origin mutual TLS", () => {
        it("turns on mTLS at API Gateway and gives CloudFront its client certificate", async () => {
            const client = "arn:aws:acm:us-east-1:123456789012:certificate/client";
            const r = await plan(() => new CloudFrontDomain("api", {
                domainName: "api.example.com",
                mutualTls: { truststoreUri: "s3://trust/truststore.pem" },
                originClientCertificateArn: client,
            }), inIreland);
            assert.deepStrictEqual(one(r, T.domainV1).inputs.mutualTlsAuthentication, { truststoreUri: "s3://trust/truststore.pem" });
            assert.deepStrictEqual(one(r, T.distribution).inputs.origins[0].customOriginConfig.originMtlsConfig, { clientCertificateArn: client });
        });
    });

    it("plans in a preview, before any certificate exists", async () => {
        const r = await plan(() => new CloudFrontDomain("api", { domainName: "api.example.com", mappings: [rest] }), { ...inIreland, preview: true });
        const distribution = one(r, T.distribution);
        assert.deepStrictEqual(propertyDeps(distribution, "viewerCertificate"), [certificateIn(r, "us-east-1").validation.urn]);
        assert.deepStrictEqual(distribution.inputs.aliases, ["api.example.com"]);
        assert.strictEqual(distribution.inputs.defaultCacheBehavior.originRequestPolicyId, ALL_VIEWER);
    });

    describe("bad input", () => {
        const east = "arn:aws:acm:us-east-1:123456789012:certificate/x";
        const west = "arn:aws:acm:eu-west-1:123456789012:certificate/x";
        const cases: [string, Partial<CloudFrontDomainArgs> & Record<string, unknown>, RegExp, Record<string, string>?][] = [
            ["a viewer certificate outside us-east-1", { certificateArn: west },
                /certificateArn ".*" is in eu-west-1, but a CloudFront viewer certificate needs it in us-east-1; request or import the certificate in us-east-1/],
            ["a viewer certificate ARN that is not ACM's", { certificateArn: "arn:aws:iam::123456789012:server-certificate/x" },
                /certificateArn ".*" is not an ACM certificate ARN/],
            ["an API certificate outside the API's region (region argument)", { region: "eu-west-1", apiCertificateArn: east },
                /apiCertificateArn ".*" is in us-east-1, but the API Gateway regional custom domain .* needs it in eu-west-1; request or import the certificate in eu-west-1/],
            ["an API certificate outside the API's region (stack config)", { apiCertificateArn: east },
                /apiCertificateArn ".*" is in us-east-1, but .* needs it in ap-south-1/, { "aws:region": "ap-south-1" }],
            ["a domain with uppercase letters", { domainName: "API.example.com" }, /domainName "API\.example\.com" has uppercase letters/],
            ["an API-side policy that accepts only TLS 1.3 (CloudFront speaks at most TLS 1.2 to origins)",
                { securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09", endpointAccessMode: "STRICT" },
                /^CloudFrontDomain "api": securityPolicy "SecurityPolicy_TLS13_1_3_2025_09" accepts only TLS 1\.3, and CloudFront speaks at most TLS 1\.2 to an origin .*502.*; use "TLS_1_2"/],
            ["a domain with a wildcard inside", { domainName: "api.*.example.com" }, /domainName "api\.\*\.example\.com" has "\*" in a label other than the first/],
            ["the AllViewerExceptHostHeader origin request policy", { originRequestPolicyId: ALL_VIEWER_EXCEPT_HOST },
                /originRequestPolicyId "b689b0a8-53d0-40ab-baf2-68738e2966ac" is the managed AllViewerExceptHostHeader policy, which leaves out the Host header .*; omit originRequestPolicyId to use the managed AllViewer policy/],
            ["a managed origin request policy without Host under a managed cache policy", { originRequestPolicyId: "59781a5b-3903-41f3-afcb-af62929ccde1", cachePolicyId: CACHING_OPTIMIZED },
                /originRequestPolicyId "59781a5b-.*" is the managed CorsCustomOrigin policy, which leaves out the Host header/],
            ["a cache policy with legacy forwarded values", { cachePolicyId: CACHING_DISABLED, forwardedValues: { queryString: true, headers: ["Host"], cookies: { forward: "all" } } },
                /cachePolicyId "4135ea2d-.*" cannot be combined with the legacy forwardedValues/],
            ["an origin request policy with legacy forwarded values", { originRequestPolicyId: ALL_VIEWER, forwardedValues: { queryString: true, headers: ["*"], cookies: { forward: "all" } } },
                /originRequestPolicyId "216adef6-.*" needs a cache policy on the same behavior, and forwardedValues replaces the cache policy/],
            ["legacy forwarded values without Host", { forwardedValues: { queryString: true, headers: ["Authorization"], cookies: { forward: "none" } } },
                /forwardedValues\.headers \["Authorization"\] leave out the Host header/],
            ["plain HTTP for viewers", { viewerProtocolPolicy: "allow-all" as never }, /viewerProtocolPolicy "allow-all" would serve the API over plain HTTP/],
            ["a viewer security policy below TLS 1.2", { minimumProtocolVersion: "TLSv1.1_2016" as never }, /minimumProtocolVersion "TLSv1\.1_2016" is not a CloudFront security policy of TLS 1\.2 or better/],
            ["an unknown price class", { priceClass: "PriceClass_300" as never }, /priceClass "PriceClass_300" is not a CloudFront price class/],
            ["an unknown HTTP version", { httpVersion: "http4" as never }, /httpVersion "http4" is not an HTTP version CloudFront offers/],
            ["an unknown geo restriction type", { geoRestriction: { restrictionType: "none" as never, locations: ["DE"] } }, /geoRestriction\.restrictionType "none" is not a restriction type/],
            ["geo restriction locations that are not country codes", { geoRestriction: { restrictionType: "blacklist", locations: ["Germany"] } }, /geoRestriction\.locations \["Germany"\] must be a non-empty list of ISO 3166-1 alpha-2 country codes/],
            ["a regional web ACL", { webAclId: "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api/0123" }, /webAclId ".*regional\/webacl.*" is a regional web ACL; CloudFront takes only web ACLs with scope CLOUDFRONT/],
            ["a log bucket given by name", { logging: { bucket: "my-logs" } }, /logging\.bucket "my-logs" is not an S3 bucket domain name/],
            ["an origin header CloudFront may not add", { originVerification: { headerName: "Host" } }, /originVerification\.headerName "Host" is a header CloudFront does not let a distribution add/],
            ["an origin header under X-Amz-", { originVerification: { headerName: "x-amz-secret" } }, /originVerification\.headerName "x-amz-secret" is a header CloudFront does not let/],
            ["an origin header name with a space", { originVerification: { headerName: "x origin" } }, /originVerification\.headerName "x origin" is not an HTTP header name/],
            ["mutual TLS without a client certificate for CloudFront", { mutualTls: { truststoreUri: "s3://trust/t.pem" } }, /originClientCertificateArn \(not set\) is required with mutualTls/],
            ["a client certificate outside us-east-1", { mutualTls: { truststoreUri: "s3://trust/t.pem" }, originClientCertificateArn: west },
                /originClientCertificateArn ".*" is in eu-west-1, but CloudFront's client certificate for origin mutual TLS needs it in us-east-1/],
            ["a mapping rule of the regional domain", { apiType: "websocket", mappings: [{ ...rest, apiType: "websocket" }, { ...rest, apiType: "rest", basePath: "r" }] },
                /mappings\[1\]\.apiType "rest" cannot share a domain that serves a WebSocket API/],
            ["an edge-only security policy on the API domain", { securityPolicy: "SecurityPolicy_TLS13_2025_EDGE" as never, endpointAccessMode: "STRICT" },
                /securityPolicy "SecurityPolicy_TLS13_2025_EDGE" is only valid on edge-optimized domains/],
            ["no DNS records for a certificate it must request", { createRecords: false, certificateArn: east },
                /createRecords false leaves a DNS-validated certificate without its validation records/],
            ["origin verification turned off with a bare boolean", { originVerification: false as never },
                /originVerification false is not an object; use \{ enabled: false \}/],
            ["a provider among the arguments (it is a resource option)", { apiCertificateProvider: { urn: "x" } },
                /apiCertificateProvider \{"urn":"x"\} is a resource option, not an argument; pass it in the third constructor parameter, next to provider: new CloudFrontDomain\(name, args, \{ apiCertificateProvider \}\)/],
        ];
        for (const [what, extra, message, config] of cases) {
            it(`rejects ${what} before registering anything`, async () => {
                const m = await rejected(() => new CloudFrontDomain("api", { domainName: "api.example.com", ...extra } as CloudFrontDomainArgs),
                    { config: config ?? { "aws:region": "eu-west-1" } });
                assert.match(m, /^CloudFrontDomain "api": /);
                assert.match(m, message);
            });
        }
    });
});
