// The offline plan as a library: a program run against the simulated AWS, completed the way the
// engine sees it, and judged by the real policy pack. The broken programs here are the classic
// mistakes the pack exists for, each next to its correct twin so a test proves the rule fires on
// the mistake and only on it.

import { strict as assert } from "assert";
import * as path from "path";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ManagedCachePolicy, ManagedOriginRequestPolicy } from "../../index";
import { PolicyPackHandle, PolicyViolation, startPolicyPack } from "../../offline/analyzer";
import { UNKNOWN } from "../../offline/engine";
import { formatJson, formatTree } from "../../offline/format";
import { DEFAULT_POLICY_PACK, PlanOptions, PlanResult, blocked, planProgram, toAnalyzerResources } from "../../offline/plan";
import { T } from "../helpers";

const ROOT = path.join(__dirname, "..", "..");
const REGION = "eu-west-1";

function mandatory(result: PlanResult): PolicyViolation[] {
    return result.violations.filter((v) => v.enforcementLevel === "mandatory");
}

function urnOf(result: PlanResult, type: string, name: string): string {
    const found = result.resources.find((r) => r.type === type && r.name === name);
    assert.ok(found, `no ${type} named ${name} in the plan`);
    return found.urn;
}

function listed(violations: readonly PolicyViolation[]): string {
    return violations.map((v) => `${v.enforcementLevel} ${v.policy} ${v.urn}: ${v.message}`).join("\n") || "(none)";
}

/** Expects exactly one mandatory violation, of `policy`, on the resource `type`/`name`. */
function assertBlockedBy(result: PlanResult, policy: string, type: string, name: string): PolicyViolation {
    assert.ifError(result.error);
    const found = mandatory(result);
    assert.deepEqual(found.map((v) => `${v.policy} ${v.urn}`), [`${policy} ${urnOf(result, type, name)}`], `violations:\n${listed(result.violations)}`);
    assert.ok(blocked(result));
    return found[0];
}

function assertPasses(result: PlanResult): void {
    assert.ifError(result.error);
    assert.deepEqual(mandatory(result), [], `violations:\n${listed(result.violations)}`);
    assert.ok(!blocked(result));
}

// ---------------------------------------------------------------------------------------
// Programs: each mistake and its correct twin
// ---------------------------------------------------------------------------------------

/** An edge-optimized domain whose certificate is in `certificateRegion` (it must be us-east-1). */
function edgeDomainWithCertificateIn(certificateRegion: string): () => void {
    return () => {
        const cert = new aws.acm.Certificate("api-cert", { domainName: "api.example.com", validationMethod: "DNS", region: certificateRegion });
        new aws.apigateway.DomainName("api", {
            domainName: "api.example.com",
            certificateArn: cert.arn,
            endpointConfiguration: { types: "EDGE" },
            securityPolicy: "TLS_1_2",
        });
    };
}

interface FrontDoor {
    origin: { originId: string; domainName: pulumi.Input<string>; customOriginConfig: { httpPort: number; httpsPort: number; originProtocolPolicy: string; originSslProtocols: string[] } };
    behavior: { targetOriginId: string; viewerProtocolPolicy: string; allowedMethods: string[]; cachedMethods: string[]; cachePolicyId: string; originRequestPolicyId: string };
}

/**
 * A CloudFront distribution in front of a regional custom domain, set up as CloudFrontDomain
 * does it (origin = the domain's regional target over HTTPS/TLS 1.2, Host forwarded, alternate
 * name = the custom domain), with raw resources so any one setting can be broken.
 */
function cloudFrontInFrontOfRegionalDomain(change: (front: FrontDoor) => void = () => undefined): () => void {
    return () => {
        const api = new aws.apigateway.RestApi("orders", { endpointConfiguration: { types: "REGIONAL" }, disableExecuteApiEndpoint: true });
        const apiCert = new aws.acm.Certificate("api-cert", { domainName: "cdn.example.com", validationMethod: "DNS" });
        const viewerCert = new aws.acm.Certificate("viewer-cert", { domainName: "cdn.example.com", validationMethod: "DNS", region: "us-east-1" });
        const domain = new aws.apigateway.DomainName("cdn", {
            domainName: "cdn.example.com",
            regionalCertificateArn: apiCert.arn,
            endpointConfiguration: { types: "REGIONAL" },
            securityPolicy: "TLS_1_2",
        });
        new aws.apigateway.BasePathMapping("orders", { restApi: api.id, stageName: "prod", domainName: domain.domainName, basePath: "orders" });
        const front: FrontDoor = {
            origin: {
                originId: "api",
                domainName: domain.regionalDomainName,
                customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] },
            },
            behavior: {
                targetOriginId: "api",
                viewerProtocolPolicy: "redirect-to-https",
                allowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"],
                cachedMethods: ["GET", "HEAD"],
                cachePolicyId: ManagedCachePolicy.CachingDisabled,
                originRequestPolicyId: ManagedOriginRequestPolicy.AllViewer,
            },
        };
        change(front);
        new aws.cloudfront.Distribution("cdn", {
            enabled: true,
            aliases: ["cdn.example.com"],
            origins: [front.origin],
            defaultCacheBehavior: front.behavior,
            viewerCertificate: { acmCertificateArn: viewerCert.arn, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" },
            restrictions: { geoRestriction: { restrictionType: "none" } },
        });
    };
}

/** A regional custom domain published through `record` (a CNAME, or the alias A record it should be). */
function regionalDomainPublishedBy(record: "cname-to-target" | "cname-to-execute-api" | "alias"): () => void {
    return () => {
        const zone = new aws.route53.Zone("zone", { name: "example.com" });
        const api = new aws.apigateway.RestApi("orders", { endpointConfiguration: { types: "REGIONAL" } });
        const cert = new aws.acm.Certificate("api-cert", { domainName: "api.example.com", validationMethod: "DNS" });
        const domain = new aws.apigateway.DomainName("api", {
            domainName: "api.example.com",
            regionalCertificateArn: cert.arn,
            endpointConfiguration: { types: "REGIONAL" },
            securityPolicy: "TLS_1_2",
        });
        if (record === "alias") {
            new aws.route53.Record("api", {
                zoneId: zone.zoneId,
                name: "api.example.com",
                type: "A",
                aliases: [{ name: domain.regionalDomainName, zoneId: domain.regionalZoneId, evaluateTargetHealth: false }],
            });
        } else {
            const target = record === "cname-to-target" ? domain.regionalDomainName : pulumi.interpolate`${api.id}.execute-api.${REGION}.amazonaws.com`;
            new aws.route53.Record("api", { zoneId: zone.zoneId, name: "api.example.com", type: "CNAME", ttl: 300, records: [target] });
        }
    };
}

// ---------------------------------------------------------------------------------------

describe("offline plan", function () {
    let pack: PolicyPackHandle;
    const plan = (program: string | (() => unknown), options: PlanOptions = {}): Promise<PlanResult> =>
        planProgram(program, { pack, ...options, config: { "aws:region": REGION, ...options.config } });

    before(async () => {
        pack = await startPolicyPack(DEFAULT_POLICY_PACK, { stackConfig: { "aws:region": REGION }, project: "project", stack: "dev" });
    });

    after(async () => {
        await pack?.close();
    });

    describe("catches the classic mistakes with the right policy", () => {
        for (const preview of [false, true]) {
            const view = preview ? "in a preview, where the ARN is unknown" : "in the update view";
            it(`rejects an edge domain whose certificate is in eu-west-1 (certificate-region), ${view}`, async () => {
                const bad = await plan(edgeDomainWithCertificateIn("eu-west-1"), { preview });
                const v = assertBlockedBy(bad, "certificate-region", T.domainV1, "api");
                assert.match(v.message, /us-east-1/);
                assertPasses(await plan(edgeDomainWithCertificateIn("us-east-1"), { preview }));
            });
        }

        it("rejects a CloudFront origin to API Gateway over plain HTTP (cloudfront-origin-https)", async () => {
            const bad = await plan(cloudFrontInFrontOfRegionalDomain((front) => (front.origin.customOriginConfig.originProtocolPolicy = "http-only")));
            const v = assertBlockedBy(bad, "cloudfront-origin-https", T.distribution, "cdn");
            assert.match(v.message, /https-only/);
            assertPasses(await plan(cloudFrontInFrontOfRegionalDomain()));
        });

        it("rejects a distribution in front of a custom domain that does not forward Host (cloudfront-host-forwarding)", async () => {
            const bad = await plan(cloudFrontInFrontOfRegionalDomain((front) => (front.behavior.originRequestPolicyId = ManagedOriginRequestPolicy.AllViewerExceptHostHeader)));
            const v = assertBlockedBy(bad, "cloudfront-host-forwarding", T.distribution, "cdn");
            assert.match(v.message, /Host/);
        });

        it("rejects a distribution that forwards Host to the default execute-api endpoint (cloudfront-host-forwarding)", async () => {
            const bad = await plan(() => {
                const api = new aws.apigateway.RestApi("orders", { endpointConfiguration: { types: "REGIONAL" } });
                new aws.cloudfront.Distribution("cdn", {
                    enabled: true,
                    origins: [{
                        originId: "api",
                        domainName: pulumi.interpolate`${api.id}.execute-api.${REGION}.amazonaws.com`,
                        originPath: "/prod",
                        customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] },
                    }],
                    defaultCacheBehavior: {
                        targetOriginId: "api",
                        viewerProtocolPolicy: "redirect-to-https",
                        allowedMethods: ["GET", "HEAD"],
                        cachedMethods: ["GET", "HEAD"],
                        cachePolicyId: ManagedCachePolicy.CachingDisabled,
                        originRequestPolicyId: ManagedOriginRequestPolicy.AllViewer,
                    },
                    viewerCertificate: { cloudfrontDefaultCertificate: true },
                    restrictions: { geoRestriction: { restrictionType: "none" } },
                });
            });
            assertBlockedBy(bad, "cloudfront-host-forwarding", T.distribution, "cdn");
        });

        it("rejects a CNAME to the default execute-api host (no-cname-to-execute-api)", async () => {
            const bad = await plan(regionalDomainPublishedBy("cname-to-execute-api"));
            assertBlockedBy(bad, "no-cname-to-execute-api", T.record, "api");
        });

        it("only advises on a CNAME to the custom domain's d-xxxx.execute-api target, which AWS documents as valid (prefer-alias-to-api-gateway)", async () => {
            const result = await plan(regionalDomainPublishedBy("cname-to-target"));
            assertPasses(result);
            assert.deepEqual(result.violations.filter((v) => v.policy === "prefer-alias-to-api-gateway").map((v) => v.enforcementLevel), ["advisory"]);
        });

        it("accepts the alias A record a custom domain should have", async () => {
            assertPasses(await plan(regionalDomainPublishedBy("alias")));
        });
    });

    describe("what the policy pack is shown", () => {
        it("gives resources without an explicit provider the engine's default provider, configured from aws:* stack config", async () => {
            const result = await plan(edgeDomainWithCertificateIn("us-east-1"));
            const provider = result.resources.find((r) => r.type === T.provider);
            assert.ok(provider?.defaultProvider);
            assert.equal(provider.name, "default_7_48_0");
            assert.equal(provider.urn, "urn:pulumi:dev::project::pulumi:providers:aws::default_7_48_0");
            assert.deepEqual(provider.inputs, { region: REGION, version: "7.48.0" });
            const domain = toAnalyzerResources(result.resources).find((r) => r.type === T.domainV1);
            assert.deepEqual(domain?.provider, { urn: provider.urn, type: T.provider, name: "default_7_48_0", properties: { region: REGION, version: "7.48.0" } });
        });

        it("keeps explicit providers with their inputs, and gives the analyzer parents, dependencies and property dependencies", async () => {
            const result = await plan(() => {
                const usEast1 = new aws.Provider("use1", { region: "us-east-1" });
                const parent = new pulumi.ComponentResource("test:index:Box", "box");
                const cert = new aws.acm.Certificate("cert", { domainName: "api.example.com", validationMethod: "DNS" }, { provider: usEast1, parent });
                new aws.apigateway.DomainName("api", { domainName: "api.example.com", certificateArn: cert.arn, endpointConfiguration: { types: "EDGE" } }, { parent });
            });
            const resources = toAnalyzerResources(result.resources);
            const cert = resources.find((r) => r.type === T.certificate)!;
            const domain = resources.find((r) => r.type === T.domainV1)!;
            assert.equal(cert.provider?.name, "use1");
            assert.equal(cert.provider?.properties["region"], "us-east-1");
            assert.equal(cert.parent, "urn:pulumi:dev::project::test:index:Box::box");
            assert.deepEqual(domain.propertyDependencies?.["certificateArn"], [cert.urn]);
            assert.ok(domain.dependencies?.includes(cert.urn));
            assert.match(String(domain.properties["certificateArn"]), /^arn:aws:acm:us-east-1:/, "in the update view the state carries the simulated ARN");
            assertPasses(result);
        });

        it("shows unknown outputs as the engine's sentinel in a preview, and simulated ones in the update view", async () => {
            const program = edgeDomainWithCertificateIn("us-east-1");
            const update = await plan(program);
            const preview = await plan(program, { preview: true });
            const domainIn = (r: PlanResult) => r.resources.find((x) => x.type === T.domainV1)!;
            assert.match(domainIn(update).inputs["certificateArn"], /^arn:aws:acm:us-east-1:/);
            assert.equal(domainIn(preview).inputs["certificateArn"], UNKNOWN);
            assert.equal(domainIn(preview).outputs["cloudfrontDomainName"], undefined);
            assert.match(domainIn(update).outputs["cloudfrontDomainName"], /^d[a-z0-9]+\.cloudfront\.net$/);
            assert.deepEqual(preview.resources.map((r) => r.urn), update.resources.map((r) => r.urn));
        });
    });

    describe("the result", () => {
        it("lists resources in tree order, stack first, and is the same text on every run", async () => {
            const first = await plan(cloudFrontInFrontOfRegionalDomain());
            const second = await plan(cloudFrontInFrontOfRegionalDomain());
            assert.equal(first.resources[0].type, "pulumi:pulumi:Stack");
            const seen = new Set<string>();
            for (const r of first.resources) {
                if (r.parent && !r.defaultProvider) assert.ok(seen.has(r.parent), `${r.urn} comes before its parent`);
                seen.add(r.urn);
            }
            assert.equal(formatJson(second), formatJson(first));
            assert.equal(formatTree(second), formatTree(first));
        });

        it("reports a failing program as the program's error, with no verdict", async () => {
            const result = await plan(() => {
                new aws.route53.Zone("zone", { name: "example.com" });
                throw new Error("boom: the program failed");
            });
            assert.equal(result.error?.source, "program");
            assert.match(result.error!.message, /boom: the program failed/);
            assert.deepEqual(result.violations, []);
            assert.equal(result.policyPack, undefined);
        });

        it("reports a program that cannot be found as a program error", async () => {
            const result = await planProgram(path.join(ROOT, "examples", "no-such-example"), { policyPack: false });
            assert.equal(result.error?.source, "program");
            assert.match(result.error!.message, /no-such-example/);
        });

        it("plans without policies when asked, and says they were not evaluated", async () => {
            const result = await planProgram(edgeDomainWithCertificateIn("eu-west-1"), { policyPack: false, config: { "aws:region": REGION } });
            assert.ifError(result.error);
            assert.deepEqual(result.violations, []);
            assert.equal(result.policyPack, undefined);
            assert.equal(result.timings.policyStartMs, 0);
            assert.match(formatTree(result), /Policies: not evaluated/);
        });

        it("reads a directory's Pulumi.yaml config and applies --config on top", async () => {
            const result = await plan(path.join(ROOT, "examples", "websocket"), { config: { "aws:region": "eu-west-2" } });
            assert.equal(result.project, "apigw-domains-websocket");
            assert.equal(result.config["aws:region"], "eu-west-2");
            assert.ok(result.resources.filter((r) => r.type.startsWith("aws:apigatewayv2/")).every((r) => r.region === "eu-west-2"));
        });
    });

    describe("with a pack it starts itself", () => {
        it("starts this package's pack in parallel with the program and applies the policy config", async () => {
            const result = await planProgram(edgeDomainWithCertificateIn("eu-west-1"), { config: { "aws:region": REGION }, policyConfig: { "certificate-region": "advisory" } });
            assert.ifError(result.error);
            assert.deepEqual(result.policyPack, { name: "apigw-domains", version: "0.1.0" });
            assert.deepEqual(result.violations.map((v) => `${v.enforcementLevel} ${v.policy}`), ["advisory certificate-region"]);
            assert.ok(result.timings.policyStartMs > 0);
            assert.ok(result.timings.totalMs < result.timings.programMs + result.timings.policyStartMs + result.timings.analyzeMs + 1000);
        });

        it("reports a policy pack that cannot start as a policy error", async () => {
            const result = await planProgram(edgeDomainWithCertificateIn("us-east-1"), { policyPack: path.join(ROOT, "examples"), config: { "aws:region": REGION } });
            assert.equal(result.error?.source, "policy");
            assert.match(result.error!.message, /PulumiPolicy\.yaml/);
        });
    });
});
