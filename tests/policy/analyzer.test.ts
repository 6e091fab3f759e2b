// The pack through its real analyzer protocol: started as the CLI starts it, configured with a
// standard policy config, and asked over gRPC, so enforcement levels, settings, unknowns and
// property dependencies travel exactly as in `pulumi preview --policy-pack policy`.

import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AnalyzerResource, PolicyPackHandle, PolicyViolation, UNKNOWN, startPolicyPack } from "../../offline/analyzer";

const PACK = path.join(__dirname, "..", "..", "policy");
const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const SECRET_VALUE = "1b47061264138c4ac30d75fd1eb44270";

function urn(type: string, name: string): string {
    return `urn:pulumi:dev::shop::${type}::${name}`;
}

function resource(type: string, name: string, properties: Record<string, unknown>, extra: Partial<AnalyzerResource> = {}): AnalyzerResource {
    return { urn: urn(type, name), type, name, properties, ...extra };
}

function provider(region: string): AnalyzerResource["provider"] {
    return { urn: urn("pulumi:providers:aws", region), type: "pulumi:providers:aws", name: region, properties: { region, version: "7.48.0" } };
}

const DOMAIN = "aws:apigateway/domainName:DomainName";
const CERT = "aws:acm/certificate:Certificate";
const VALIDATION = "aws:acm/certificateValidation:CertificateValidation";
const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";

const edgeDomainWithEuCert = resource(DOMAIN, "api", { domainName: "api.example.com", certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/abc", securityPolicy: "TLS_1_2" });
const legacyTlsDomain = resource(DOMAIN, "legacy", { domainName: "legacy.example.com", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc", securityPolicy: "TLS_1_0" });

function cdnTo(host: string): AnalyzerResource {
    return resource(DISTRIBUTION, "cdn", {
        enabled: true,
        origins: [{ originId: "api", domainName: host, customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "http-only", originSslProtocols: ["TLSv1.2"] } }],
        defaultCacheBehavior: { targetOriginId: "api", viewerProtocolPolicy: "https-only", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] },
        viewerCertificate: { cloudfrontDefaultCertificate: true },
        restrictions: { geoRestriction: { restrictionType: "none" } },
    });
}

function byPolicy(violations: PolicyViolation[], policy: string): PolicyViolation[] {
    return violations.filter((v) => v.policy === policy);
}

describe("policy pack over the analyzer protocol", function () {
    let pack: PolicyPackHandle;

    before(async () => {
        pack = await startPolicyPack(PACK, { stackConfig: { "aws:region": "eu-west-1" }, project: "shop", stack: "dev" });
    });

    after(async () => {
        await pack?.close();
    });

    afterEach(async () => {
        await pack.configure({});
    });

    it("starts quickly and describes every rule with its default level and settings", async () => {
        assert.ok(pack.startupMs < 30_000, `start-up took ${pack.startupMs} ms`);
        const info = await pack.info();
        assert.equal(info.name, "apigw-domains");
        assert.equal(info.version, "0.1.0");
        assert.deepEqual(
            info.policies.map((p) => `${p.name}=${p.enforcementLevel}`),
            [
                "certificate-region=mandatory",
                "cloudfront-origin-https=mandatory",
                "cloudfront-host-forwarding=mandatory",
                "no-cname-to-execute-api=mandatory",
                "api-gateway-security-policy=mandatory",
                "websocket-domain-regional=mandatory",
                "mapping-key-rules=mandatory",
                "private-domain-policy=mandatory",
                "routing-rules=mandatory",
                "minimum-tls=advisory",
                "cloudfront-origin-hardening=advisory",
                "prefer-alias-to-api-gateway=advisory",
                "alb-health-check-accepts-403=advisory",
                "execute-api-endpoint-disabled=advisory",
                "routed-record-region=mandatory",
                "routed-record-health-check=advisory",
            ],
        );
        const origin = info.policies.find((p) => p.name === "cloudfront-origin-https");
        assert.deepEqual(origin?.configSchema?.properties["extraApiGatewayHosts"], { type: "array", items: { type: "string" }, default: [], description: "Origin hosts (exact, or *.suffix) that are API Gateway custom domains not created in this stack." });
        assert.ok(info.policies.every((p) => p.description && p.remediationSteps), "every rule has a description and remediation steps");
    });

    it("returns a mandatory stack violation with its level and the URN of the resource at fault", async () => {
        const violations = await pack.analyze([edgeDomainWithEuCert]);
        const [v] = byPolicy(violations, "certificate-region");
        assert.equal(v.enforcementLevel, "mandatory");
        assert.equal(v.urn, edgeDomainWithEuCert.urn);
        assert.equal(v.policyPack, "apigw-domains");
        assert.equal(v.policyPackVersion, "0.1.0");
        assert.match(v.message, /certificateArn is "arn:aws:acm:eu-west-1:123456789012:certificate\/abc": api\.example\.com is edge-optimized, so CloudFront serves it and reads its certificate from us-east-1, but this is a certificate in eu-west-1\. Fix: request the certificate in us-east-1/);
    });

    it("returns a per-resource violation with the resource's URN, advisory for a TLS floor that works in AWS", async () => {
        const [v] = byPolicy(await pack.analyze([legacyTlsDomain]), "minimum-tls");
        assert.equal(v.enforcementLevel, "advisory");
        assert.equal(v.urn, legacyTlsDomain.urn);
        assert.match(v.message, /securityPolicy is "TLS_1_0": it accepts TLS 1\.0, below the TLS 1\.2 floor/);
    });

    it("runs minimum-tls in both phases: the domain per resource, and a listener that fronts an API over the stack", async () => {
        const endpoint = resource("aws:ec2/vpcEndpoint:VpcEndpoint", "execute-api", { serviceName: "com.amazonaws.eu-west-1.execute-api", vpcEndpointType: "Interface" });
        const group = resource("aws:lb/targetGroup:TargetGroup", "api-tg", { targetType: "ip", protocol: "HTTPS", port: 443, arn: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/api/1" });
        const attachment = resource("aws:lb/targetGroupAttachment:TargetGroupAttachment", "ip-a", { targetGroupArn: group.properties["arn"], targetId: "10.0.1.10" }, { dependencies: [group.urn, endpoint.urn], propertyDependencies: { targetGroupArn: [group.urn], targetId: [endpoint.urn] } });
        const listener = resource("aws:lb/listener:Listener", "https", { protocol: "HTTPS", port: 443, sslPolicy: "ELBSecurityPolicy-2016-08", defaultActions: [{ type: "forward", targetGroupArn: group.properties["arn"] }] });
        const unrelated = resource("aws:lb/listener:Listener", "web", { protocol: "HTTPS", port: 443, sslPolicy: "ELBSecurityPolicy-2016-08" });
        const violations = byPolicy(await pack.analyze([legacyTlsDomain, endpoint, group, attachment, listener, unrelated]), "minimum-tls");
        assert.deepEqual(violations.map((v) => v.urn).sort(), [legacyTlsDomain.urn, listener.urn].sort());
        await pack.configure({ "minimum-tls": { scope: "all" } });
        const wide = byPolicy(await pack.analyze([legacyTlsDomain, endpoint, group, attachment, listener, unrelated]), "minimum-tls");
        assert.deepEqual(wide.map((v) => v.urn).sort(), [legacyTlsDomain.urn, listener.urn, unrelated.urn].sort());
    });

    it("follows property dependencies from the domain to the certificate while ARNs are unknown (preview)", async () => {
        const cert = resource(CERT, "api-cert", { domainName: "api.example.com", validationMethod: "DNS", arn: UNKNOWN }, { provider: provider("eu-west-1") });
        const validation = resource(VALIDATION, "api-cert-validation", { certificateArn: UNKNOWN }, { dependencies: [cert.urn], propertyDependencies: { certificateArn: [cert.urn] } });
        const domain = resource(DOMAIN, "api", { domainName: "api.example.com", certificateArn: UNKNOWN }, { dependencies: [validation.urn], propertyDependencies: { certificateArn: [validation.urn] } });
        const [v] = byPolicy(await pack.analyze([cert, validation, domain]), "certificate-region");
        assert.equal(v.urn, domain.urn);
        assert.match(v.message, /certificateArn not known until the update: .* but this is certificate acm\.Certificate "api-cert" in eu-west-1/);
    });

    it("uses the stack's aws:region for a domain without region or provider", async () => {
        const domain = resource(DOMAIN, "regional", { domainName: "r.example.com", regionalCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc", endpointConfiguration: { types: "REGIONAL" } });
        const [v] = byPolicy(await pack.analyze([domain]), "certificate-region");
        assert.match(v.message, /regionalCertificateArn is "arn:aws:acm:us-east-1:[^"]*": r\.example\.com is a REGIONAL domain in eu-west-1, which needs an ACM certificate in its own region, but this is a certificate in us-east-1/);
        const inUsEast = { ...domain, provider: provider("us-east-1") };
        assert.deepEqual(byPolicy(await pack.analyze([inUsEast]), "certificate-region"), []);
    });

    it("keeps two private custom domains of one name apart when mappings name them by domainNameId", async () => {
        const privateDomain = (name: string, id: string) =>
            resource(DOMAIN, name, { domainName: "internal.example.com", certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/abc", endpointConfiguration: { types: "PRIVATE" }, domainNameId: id, policy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*", Condition: { StringEquals: { "aws:SourceVpce": "vpce-0123456789abcdef0" } } }] }) });
        const mapping = (name: string, id: string) =>
            resource("aws:apigateway/basePathMapping:BasePathMapping", name, { restApi: "a1b2c3d4e5", stageName: "prod", domainName: "internal.example.com", domainNameId: id, basePath: "orders" });
        const violations = await pack.analyze([privateDomain("blue", "abc123"), privateDomain("green", "def456"), mapping("to-blue", "abc123"), mapping("to-green", "def456")]);
        assert.deepEqual(violations.filter((v) => v.enforcementLevel === "mandatory"), []);
    });

    it("never trips over unknown values: no crash and no 'can't run during preview' notices", async () => {
        const resources = [
            resource(DOMAIN, "a", { domainName: UNKNOWN, certificateArn: UNKNOWN, endpointConfiguration: UNKNOWN, securityPolicy: UNKNOWN, policy: UNKNOWN }),
            resource("aws:apigatewayv2/domainName:DomainName", "b", { domainName: "b.example.com", domainNameConfiguration: UNKNOWN }),
            resource(DISTRIBUTION, "c", { origins: UNKNOWN, defaultCacheBehavior: UNKNOWN, viewerCertificate: UNKNOWN, aliases: UNKNOWN }),
            resource("aws:route53/record:Record", "d", { name: "d.example.com", type: "CNAME", records: UNKNOWN, zoneId: UNKNOWN }),
            resource("aws:lb/listener:Listener", "e", { protocol: "HTTPS", sslPolicy: UNKNOWN, loadBalancerArn: UNKNOWN }),
            resource("aws:apigatewayv2/apiMapping:ApiMapping", "f", { apiId: UNKNOWN, domainName: UNKNOWN, apiMappingKey: UNKNOWN, stage: UNKNOWN }),
            resource("aws:lb/targetGroupAttachment:TargetGroupAttachment", "g", { targetGroupArn: UNKNOWN, targetId: UNKNOWN }),
        ];
        assert.deepEqual(await pack.analyze(resources), []);
    });

    describe("configuration", () => {
        it("disables a rule", async () => {
            await pack.configure({ "certificate-region": "disabled" });
            assert.deepEqual(byPolicy(await pack.analyze([edgeDomainWithEuCert]), "certificate-region"), []);
        });

        it("changes a rule's enforcement level, alone or for all rules", async () => {
            await pack.configure({ "minimum-tls": { enforcementLevel: "mandatory" } });
            const violations = await pack.analyze([legacyTlsDomain, edgeDomainWithEuCert]);
            assert.equal(byPolicy(violations, "minimum-tls")[0].enforcementLevel, "mandatory");
            assert.equal(byPolicy(violations, "certificate-region")[0].enforcementLevel, "mandatory");
            await pack.configure({ all: "advisory" });
            assert.ok((await pack.analyze([legacyTlsDomain, edgeDomainWithEuCert])).every((v) => v.enforcementLevel === "advisory"));
        });

        it("passes settings to a rule: an allow-listed origin host is checked as API Gateway", async () => {
            const cdn = cdnTo("orders.apis.example.com");
            assert.deepEqual(byPolicy(await pack.analyze([cdn]), "cloudfront-origin-https"), []);
            await pack.configure({ "cloudfront-origin-https": { extraApiGatewayHosts: ["*.apis.example.com"] } });
            const [v] = byPolicy(await pack.analyze([cdn]), "cloudfront-origin-https");
            assert.equal(v.enforcementLevel, "mandatory");
            assert.match(v.message, /origins\[0\]\.customOriginConfig\.originProtocolPolicy is "http-only": origin "api" \(orders\.apis\.example\.com is listed in extraApiGatewayHosts\)/);
        });

        it("accepts the sample config file shipped with the pack", async () => {
            const sample = JSON.parse(fs.readFileSync(path.join(PACK, "policy-config.example.json"), "utf8")) as Record<string, unknown>;
            await pack.configure(sample);
            const violations = await pack.analyze([legacyTlsDomain]);
            assert.equal(byPolicy(violations, "minimum-tls")[0].enforcementLevel, "remediate");
        });

        it("rejects invalid config the way the CLI does", async () => {
            await assert.rejects(pack.configure({ "cloudfront-origin-https": { extraApiGatewayHosts: "api.example.com" } }), /cloudfront-origin-https: extraApiGatewayHosts: expected array, got string/);
            await assert.rejects(pack.configure({ "minimum-tls": "strict" }), /"strict" is not an enforcement level/);
            await assert.rejects(pack.configure({ "minimum-tls": { scope: "everything" } }), /minimum-tls: scope: must be one of "api", "all"/);
        });

        it("refuses a config that names a rule the pack does not have, listing its rules", async () => {
            await assert.rejects(
                pack.configure({ "minimum-tsl": "mandatory" }),
                /invalid policy config for policy pack apigw-domains:\n {2}minimum-tsl: is not a rule of this policy pack \(its rules: certificate-region, cloudfront-origin-https, .*minimum-tls.*\)/,
            );
            // Nothing was applied: the previous config still holds.
            assert.equal(byPolicy(await pack.analyze([legacyTlsDomain]), "minimum-tls")[0].enforcementLevel, "advisory");
        });

        it("refuses a setting a rule does not take, in the CLI's words, naming the settings it does take", async () => {
            await assert.rejects(pack.configure({ "minimum-tls": { allowedAlbSslPolicy: ["x"] } }), /minimum-tls: Additional property allowedAlbSslPolicy is not allowed \(its settings: scope, allowedAlbSslPolicies, extraApiGatewayHosts\)/);
            await assert.rejects(pack.configure({ "certificate-region": { enforcementLevel: "advisory", region: "us-east-1" } }), /certificate-region: Additional property region is not allowed \(it takes no settings besides enforcementLevel\)/);
            // "all" is the CLI's key for every rule, not a rule.
            await pack.configure({ all: "advisory", "minimum-tls": { scope: "all", enforcementLevel: "mandatory" } });
        });

        it("remediates a legacy security policy, keeping secrets secret, and reports the change instead of a violation", async () => {
            await pack.configure({ "minimum-tls": "remediate" });
            const withSecret = { ...legacyTlsDomain, properties: { ...legacyTlsDomain.properties, certificatePrivateKey: { [SECRET_SIG]: SECRET_VALUE, value: "-----BEGIN PRIVATE KEY-----" } } };
            const result = await pack.remediate(withSecret);
            assert.equal(result.properties["securityPolicy"], "TLS_1_2");
            assert.deepEqual(result.properties["certificatePrivateKey"], { [SECRET_SIG]: SECRET_VALUE, value: "-----BEGIN PRIVATE KEY-----" });
            assert.deepEqual(result.remediations.map((r) => r.policy), ["minimum-tls"]);

            const violations = byPolicy(await pack.analyze([withSecret]), "minimum-tls");
            assert.deepEqual(violations.map((v) => [v.enforcementLevel, v.message]), [["remediate", 'remediated securityPolicy: "TLS_1_0" -> "TLS_1_2"']]);
        });
    });

    it("analyzes a preview of 1000 domains in one stack within seconds", async () => {
        const resources: AnalyzerResource[] = [];
        for (let i = 0; i < 500; i++) {
            const cert = resource(CERT, `cert-${i}`, { domainName: `s${i}.example.com`, arn: UNKNOWN }, { provider: provider("eu-west-1") });
            const validation = resource(VALIDATION, `validation-${i}`, { certificateArn: UNKNOWN }, { propertyDependencies: { certificateArn: [cert.urn] }, dependencies: [cert.urn] });
            const domain = resource(DOMAIN, `domain-${i}`, { domainName: `s${i}.example.com`, regionalCertificateArn: UNKNOWN, endpointConfiguration: { types: "REGIONAL" }, securityPolicy: "TLS_1_2" }, { provider: provider("eu-west-1"), propertyDependencies: { regionalCertificateArn: [validation.urn] } });
            resources.push(cert, validation, domain);
        }
        for (let i = 500; i < 1000; i++) {
            resources.push(resource(DOMAIN, `edge-${i}`, { domainName: `e${i}.example.com`, certificateArn: "arn:aws:acm:us-east-1:1:certificate/x", securityPolicy: "TLS_1_2" }, { provider: provider("eu-west-1") }));
        }
        const started = Date.now();
        assert.deepEqual(await pack.analyze(resources), []);
        const elapsed = Date.now() - started;
        assert.ok(elapsed < 20_000, `took ${elapsed} ms`);
    });

    it("rejects calls after close and stops the pack process", async () => {
        const second = await startPolicyPack(PACK, {});
        const pid = second.pid as number;
        await second.close();
        await second.close();
        assert.throws(() => process.kill(pid, 0), /ESRCH/);
        await assert.rejects(second.analyze([legacyTlsDomain]), /handle for .* is closed/);
    });
});

describe("starting policy packs", () => {
    const made: string[] = [];
    const tempPack = (indexSource: string): string => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "apigw-pack-"));
        made.push(dir);
        fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "broken", version: "0.0.1", main: "index.ts" }));
        fs.writeFileSync(path.join(dir, "index.ts"), indexSource);
        return dir;
    };

    after(() => {
        for (const dir of made) {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("explains a directory that is not a policy pack", async () => {
        await assert.rejects(startPolicyPack(os.tmpdir()), /no PulumiPolicy\.yaml in/);
    });

    it("reports a pack that crashes on start with its output", async () => {
        await assert.rejects(startPolicyPack(tempPack(`throw new Error("rules failed to load");\n`)), /exited \(code 1\) before it started\. Output:\n.*rules failed to load/s);
    });

    it("times out with a clear error when the pack never serves", async () => {
        await assert.rejects(startPolicyPack(tempPack(`setInterval(() => undefined, 1000);\n`), { startTimeoutMs: 800 }), /did not start within 800 ms \(it never printed its port\)/);
    });

    it("also runs the pack through the CLI's own runner (run-policy-pack, type-checked by ts-node)", async () => {
        const cli = await startPolicyPack(PACK, { runner: "cli", stackConfig: { "aws:region": "eu-west-1" } });
        try {
            const [v] = byPolicy(await cli.analyze([edgeDomainWithEuCert]), "certificate-region");
            assert.equal(v.enforcementLevel, "mandatory");
        } finally {
            await cli.close();
        }
    });
});
