// Time to a working domain: each topology's critical path is the shortest AWS allows, and
// nothing waits for what it does not need (the README's Performance section explains each path).

import * as assert from "assert";
import * as path from "path";
import { Certificate, CloudFrontDomain, EdgeDomain, RegionalDomain } from "../../index";
import { RecordedResource, RunResult, runProgram, runProgramAt } from "../../offline/engine";
import { CriticalPath, GraphResource, criticalPath, estimateOperation, formatCriticalPath, waitsFor } from "../../offline/critical-path";
import { T } from "../helpers";


/** The certificate chain every requested certificate goes through before anything can use it. */
const CERTIFICATE_CHAIN = [T.certificate, T.record, T.validation];

const examples = path.resolve(__dirname, "../../examples");

async function example(name: string, config: Record<string, string> = {}): Promise<RunResult> {
    const result = await runProgramAt(path.join(examples, name), { config });
    if (result.error) throw result.error;
    return result;
}

async function program(body: () => unknown): Promise<RunResult> {
    const result = await runProgram(body, { config: { "aws:region": "eu-west-1" } });
    if (result.error) throw result.error;
    return result;
}

function ofType(r: RunResult, type: string): RecordedResource[] {
    return r.resources.filter((x) => x.type === type);
}

function isAlias(x: RecordedResource): boolean {
    return x.type === T.record && x.inputs.aliases !== undefined;
}

function names(r: RunResult, urns: string[]): string[] {
    return urns.map((u) => r.resources.find((x) => x.urn === u)!).map((x) => `${x.type} ${x.name}`);
}

/** The path's steps as types, and a check that its figures add up. */
function shape(p: CriticalPath): string[] {
    const sum = p.steps.reduce((total, s) => total + s.estimateMinutes, 0);
    assert.ok(Math.abs(sum - p.estimatedMinutes) < 0.05, `steps add up to ${sum}, path says ${p.estimatedMinutes}`);
    return p.steps.map((s) => s.type);
}

/** The sum of the estimates of a sequence of operations, as the docs quote it. */
function minutesOf(r: RunResult, names: string[]): number {
    const sum = names.reduce((total, n) => {
        const x = r.resources.find((y) => y.name === n);
        assert.ok(x, `no resource ${n}`);
        const e = estimateOperation(x!);
        return total + e.minutes;
    }, 0);
    return Math.round(sum * 10) / 10;
}

/** Asserts that `resource` waits for nothing but `allowed` (by type), and returns what it waits for. */
function assertWaitsOnlyFor(r: RunResult, resource: RecordedResource, allowed: string[]): string[] {
    const waits = waitsFor(r.resources, resource.urn);
    const unexpected = names(r, waits).filter((n) => !allowed.includes(n.split(" ")[0]));
    assert.deepStrictEqual(unexpected, [], `${resource.type} ${resource.name} waits for unrelated resources`);
    return waits;
}

describe("critical path", () => {
    describe("regional domains (REST, HTTP, WebSocket, wildcard, several APIs)", () => {
        for (const name of ["regional-http", "websocket", "base-paths"]) {
            it(`${name}: certificate, validation record, issuance, domain, alias record (8.2 min), nothing else`, async () => {
                const r = await example(name);
                const p = criticalPath(r.resources);
                assert.deepStrictEqual(shape(p).map((t) => (t === T.domainV2 ? T.domainV1 : t)), [...CERTIFICATE_CHAIN, T.domainV1, T.record]);
                assert.strictEqual(p.estimatedMinutes, 8.2);
                assert.ok(isAlias(r.resources.find((x) => x.urn === p.steps[p.steps.length - 1].urn)!), "the path ends with the alias record");
            });
        }

        it("wildcard: its two domains are ready together; API Gateway creates one 30 s after the other (8.7 min)", async () => {
            const r = await example("wildcard");
            const p = criticalPath(r.resources);
            assert.deepStrictEqual(shape(p).map((t) => (t === T.domainV2 ? T.domainV1 : t)),
                [...CERTIFICATE_CHAIN, T.domainV1, T.domainV1, T.record], formatCriticalPath(p));
            const wait = p.steps[3];
            assert.strictEqual(wait.throttle, "apigateway:CreateDomainName");
            assert.strictEqual(wait.operation, "waiting for CreateDomainName rate: 1 request every 30 seconds per account and region");
            assert.strictEqual(wait.estimateMinutes, 0.5);
            assert.strictEqual(p.estimatedMinutes, 8.7);
            assert.ok(isAlias(r.resources.find((x) => x.urn === p.steps[p.steps.length - 1].urn)!), "the path ends with the alias record");
        });

        it("alias records wait only for their domain and its certificate, never for mappings or APIs", async () => {
            const r = await example("base-paths");
            for (const record of r.resources.filter(isAlias)) {
                const waits = assertWaitsOnlyFor(r, record, [...CERTIFICATE_CHAIN, T.domainV1, T.domainV2]);
                assert.ok(waits.length > 0);
            }
        });

        it("mappings wait for their domain and their API, never for the alias records", async () => {
            const r = await example("base-paths");
            const aliases = new Set(r.resources.filter(isAlias).map((x) => x.urn));
            const mappings = [...ofType(r, T.basePathMapping), ...ofType(r, T.apiMapping)];
            assert.strictEqual(mappings.length, 4);
            for (const m of mappings) {
                const waits = waitsFor(r.resources, m.urn);
                assert.deepStrictEqual(waits.filter((u) => aliases.has(u)), [], `${m.name} waits for an alias record`);
                assert.ok(waits.some((u) => u === ofType(r, T.domainV1)[0].urn), `${m.name} waits for its domain`);
                // A mapping never waits for another mapping.
                assert.deepStrictEqual(names(r, waits).filter((n) => n.startsWith(T.basePathMapping) || n.startsWith(T.apiMapping)), []);
            }
        });

        it("two domains in one stack do not wait for each other", async () => {
            const r = await example("wildcard");
            const [tenants, admin] = ["tenants-a", "admin-a"].map((n) => r.resources.find((x) => x.name === n)!);
            const tenantsWaits = new Set(waitsFor(r.resources, tenants.urn));
            for (const u of waitsFor(r.resources, admin.urn)) {
                assert.ok(!tenantsWaits.has(u), `admin and tenants share ${u}`);
            }
        });
    });

    describe("certificates", () => {
        it("creates every validation record together, right after the certificate request", async () => {
            const r = await program(() => new Certificate("multi", {
                domainName: "a.example.com",
                subjectAlternativeNames: ["*.a.example.com", "b.example.com", "c.example.com"],
                zoneId: "Z0123456789",
            }));
            const records = ofType(r, T.record);
            assert.strictEqual(records.length, 3, "a.example.com and *.a.example.com share one record");
            const acm = ofType(r, T.certificate)[0];
            for (const record of records) assert.deepStrictEqual(waitsFor(r.resources, record.urn), [acm.urn], record.name);
            // The three records overlap, so the chain is still one record long.
            assert.deepStrictEqual(shape(criticalPath(r.resources)), CERTIFICATE_CHAIN);
        });
    });

    describe("edge-optimized domains", () => {
        it("us-east-1 certificate, then the domain, whose managed distribution gets ready in the background (46.7 min)", async () => {
            const r = await example("edge-optimized");
            const p = criticalPath(r.resources);
            assert.deepStrictEqual(shape(p), [...CERTIFICATE_CHAIN, T.domainV1]);
            const last = p.steps[p.steps.length - 1];
            assert.strictEqual(last.estimateMinutes, 40.5, "creation plus about 40 minutes until the domain is ready");
            assert.strictEqual(p.estimatedMinutes, 46.7);
        });

        it("alias records go in as soon as the domain exists, while its distribution deploys", async () => {
            const r = await example("edge-optimized");
            for (const record of r.resources.filter(isAlias)) assertWaitsOnlyFor(r, record, [...CERTIFICATE_CHAIN, T.domainV1]);
            const domain = ofType(r, T.domainV1)[0];
            assert.strictEqual(estimateOperation(domain).minutes, 0.5, "the provider does not wait for the managed distribution");
        });

        it("an edge and a regional domain in one stack overlap: the stack takes as long as the edge domain", async () => {
            const r = await program(() => {
                new EdgeDomain("edge", { domainName: "edge.example.com", zoneId: "Z0123456789", mappings: [{ apiId: "rest01", stage: "prod" }] });
                new RegionalDomain("regional", { domainName: "regional.example.com", zoneId: "Z0123456789", mappings: [{ apiId: "rest02", stage: "prod" }] });
            });
            assert.strictEqual(criticalPath(r.resources).estimatedMinutes, 46.7);
        });
    });

    describe("CloudFront in front of a regional domain", () => {
        it("both certificates validate in parallel; the path is the API's certificate, origin domain, distribution, record (13.2 min)", async () => {
            const r = await example("cloudfront-multi-provider");
            const p = criticalPath(r.resources);
            assert.deepStrictEqual(shape(p), [...CERTIFICATE_CHAIN, T.domainV1, T.distribution, T.record]);
            assert.strictEqual(p.estimatedMinutes, 13.2);
            const [first, second] = ofType(r, T.validation);
            assert.ok(!waitsFor(r.resources, first.urn).includes(second.urn) && !waitsFor(r.resources, second.urn).includes(first.urn),
                "neither certificate waits for the other");
            // Both chains end at the same time: they really run side by side.
            assert.strictEqual(minutesOf(r, ["cdn-viewer-acm", "cdn-viewer-validation-cdn.example.com", "cdn-viewer-validation"]),
                minutesOf(r, ["cdn-api-acm", "cdn-api-validation-cdn.example.com", "cdn-api-validation"]));
        });

        it("the origin domain does not wait for the viewer certificate, nor the distribution for the mappings", async () => {
            const r = await example("cloudfront-multi-provider", { explicitProviders: "false" });
            const viewer = r.resources.find((x) => x.type === T.validation && x.region === "us-east-1")!;
            const origin = ofType(r, T.domainV1)[0];
            assert.ok(!waitsFor(r.resources, origin.urn).includes(viewer.urn));
            const distribution = ofType(r, T.distribution)[0];
            // The origin secret is generated locally, in no time.
            assertWaitsOnlyFor(r, distribution, [...CERTIFICATE_CHAIN, T.domainV1, "random:index/randomPassword:RandomPassword"]);
        });

        it("with waitForDeployment false, records go in at once and the domain works when the distribution has deployed (12.4 min)", async () => {
            const cdn = (waitForDeployment?: boolean) => () => new CloudFrontDomain("cdn", {
                domainName: "cdn.example.com",
                zoneId: "Z0123456789",
                region: "eu-west-1",
                mappings: [{ apiId: "rest01", stage: "prod" }],
                waitForDeployment,
            });
            const waiting = criticalPath((await program(cdn())).resources);
            const r = await program(cdn(false));
            const notWaiting = criticalPath(r.resources);
            assert.strictEqual(waiting.estimatedMinutes, 13.2);
            assert.deepStrictEqual(shape(notWaiting), [...CERTIFICATE_CHAIN, T.domainV1, T.distribution]);
            assert.strictEqual(notWaiting.estimatedMinutes, 12.4);
            assert.strictEqual(estimateOperation(ofType(r, T.distribution)[0]).minutes, 0.2, "pulumi up does not wait for the deployment");
        });
    });

    describe("many tenants (TenantDomains, examples/saas-tenants)", () => {
        const MT = {
            distribution: "aws:cloudfront/multitenantDistribution:MultitenantDistribution",
            tenant: "aws:cloudfront/distributionTenant:DistributionTenant",
            group: "aws:cloudfront/connectionGroup:ConnectionGroup",
            fn: "aws:cloudfront/function:Function",
        };
        let r: RunResult;
        before(async () => {
            r = await example("saas-tenants");
        });
        const named = (name: string) => {
            const x = r.resources.find((y) => y.name === name);
            assert.ok(x, `no resource ${name}`);
            return x!;
        };

        it("the path: origin certificate, origin domain, its alias record, distribution, a tenant and its managed certificate (23.2 min)", () => {
            const p = criticalPath(r.resources);
            assert.deepStrictEqual(shape(p), [...CERTIFICATE_CHAIN, T.domainV1, T.record, MT.distribution, MT.tenant]);
            assert.deepStrictEqual(p.steps.slice(0, 5).map((s) => s.name), [
                "saas-origin-cert-acm", "saas-origin-cert-validation-origin.api.example.com", "saas-origin-cert-validation", "saas-origin-domain", "saas-origin-a",
            ]);
            // Deployed (5), then its CloudFront-managed certificate issued (5, in the background).
            assert.strictEqual(p.steps[p.steps.length - 1].estimateMinutes, 10);
            assert.strictEqual(p.estimatedMinutes, minutesOf(r, ["saas-origin-cert-acm", "saas-origin-cert-validation-origin.api.example.com",
                "saas-origin-cert-validation", "saas-origin-domain", "saas-origin-a", "saas-distribution"]) + 10);
            assert.strictEqual(p.estimatedMinutes, 23.2);
            // The wildcard and the origin are two custom domains in eu-west-1: API Gateway creates them 30 s apart.
            const queue = p.throttled.find((q) => q.throttle === "apigateway:CreateDomainName");
            assert.deepStrictEqual([queue?.requests, queue?.region, queue?.longestWaitMinutes], [2, "eu-west-1", 0.5]);
        });

        it("each distribution tenant waits for the distribution and the connection group, never for another tenant, the wildcard or the WAF", () => {
            const tenants = ofType(r, MT.tenant);
            assert.strictEqual(tenants.length, 3);
            const distribution = named("saas-distribution");
            const group = named("saas-connections");
            const wildcard = r.resources.filter((x) => x.name.startsWith("saas-wildcard")).map((x) => x.urn);
            for (const t of tenants) {
                const waits = waitsFor(r.resources, t.urn);
                assert.ok(waits.includes(distribution.urn) && waits.includes(group.urn), `${t.name} waits for the distribution and the group`);
                const unrelated = names(r, waits.filter((u) => tenants.some((o) => o.urn === u) || wildcard.includes(u)
                    || r.resources.find((x) => x.urn === u)!.type.startsWith("aws:wafv2/")));
                assert.deepStrictEqual(unrelated, [], `${t.name} waits for unrelated resources`);
            }
            // The connection group and the function wait for nothing on AWS (the function only for the
            // random suffix of its name): they deploy while the certificates validate.
            const onAws = (u: string) => r.resources.find((x) => x.urn === u)!.type.startsWith("aws:");
            assert.deepStrictEqual(waitsFor(r.resources, group.urn).filter(onAws), []);
            assert.deepStrictEqual(waitsFor(r.resources, named("saas-tenant-host").urn).filter(onAws), []);
        });

        it("the us-east-1 viewer certificate and the origin's validate side by side; subdomain tenants do not wait for CloudFront", () => {
            const viewer = named("saas-viewer-cert-validation");
            const origin = named("saas-origin-cert-validation");
            assert.deepStrictEqual([viewer.region, origin.region], ["us-east-1", "eu-west-1"]);
            assert.ok(!waitsFor(r.resources, viewer.urn).includes(origin.urn) && !waitsFor(r.resources, origin.urn).includes(viewer.urn),
                "neither certificate waits for the other");
            const distributionWaits = waitsFor(r.resources, named("saas-distribution").urn);
            assert.ok(distributionWaits.includes(viewer.urn) && distributionWaits.includes(named(`saas-tenant-host`).urn));
            // Subdomain tenants are served once the wildcard domain and its alias record exist.
            const alias = named("saas-wildcard-a");
            const cloudfront = new Set(r.resources.filter((x) => x.type.startsWith("aws:cloudfront/")).map((x) => x.urn));
            assert.deepStrictEqual(waitsFor(r.resources, alias.urn).filter((u) => cloudfront.has(u)), []);
        });
    });

    describe("private domains", () => {
        it("native: certificate, private domain, endpoint association (7.7 min); the VPC endpoint and private zone overlap", async () => {
            const r = await example("private-native");
            const p = criticalPath(r.resources);
            assert.deepStrictEqual(shape(p), [...CERTIFICATE_CHAIN, T.domainV1, T.accessAssociation]);
            assert.strictEqual(p.estimatedMinutes, 7.7);
            const domain = ofType(r, T.domainV1)[0];
            // The domain's policy names the endpoint, so it waits for it, but not for the zone or its records.
            assertWaitsOnlyFor(r, domain, [...CERTIFICATE_CHAIN, T.vpcEndpoint, "aws:ec2/vpc:Vpc", "aws:ec2/subnet:Subnet",
                "aws:ec2/securityGroup:SecurityGroup"]);
        });

        it("ALB workaround: certificate, regional domain, mapping (7.3 min); the load balancer is provisioned meanwhile", async () => {
            const r = await example("private-alb");
            const p = criticalPath(r.resources);
            assert.deepStrictEqual(shape(p), [...CERTIFICATE_CHAIN, T.domainV1, T.basePathMapping]);
            assert.strictEqual(p.estimatedMinutes, 7.3);
            const alb = ofType(r, T.loadBalancer)[0];
            assert.ok(!waitsFor(r.resources, alb.urn).some((u) => u === ofType(r, T.validation)[0].urn), "the ALB does not wait for the certificate");
            for (const listener of ofType(r, T.listener)) {
                assert.ok(!waitsFor(r.resources, listener.urn).includes(ofType(r, T.domainV1)[0].urn), `${listener.name} does not wait for the API Gateway domain`);
            }
        });
    });

    describe("the computation", () => {
        const res = (urn: string, type: string, extra: Partial<GraphResource> = {}): GraphResource => ({
            urn, type, name: urn, custom: !type.includes(":index:") && type !== "pulumi:pulumi:Stack",
            inputs: {}, dependencies: [], propertyDependencies: {}, ...extra,
        });

        it("waits for every child of a component it depends on, and shows the child that decided", () => {
            const resources = [
                res("stack", "pulumi:pulumi:Stack"),
                res("comp", "pkg:index:Thing", { parent: "stack" }),
                res("slow", T.validation, { parent: "comp" }),
                res("fast", T.apiMapping, { parent: "comp" }),
                res("after", T.record, { parent: "stack", dependencies: ["comp"] }),
            ];
            const p = criticalPath(resources);
            assert.deepStrictEqual(p.steps.map((s) => s.name), ["slow", "after"]);
            assert.strictEqual(p.estimatedMinutes, 6);
        });

        it("counts background work only at the end of a chain", () => {
            const resources = [
                res("edge", T.domainV1, { inputs: { endpointConfiguration: { types: "EDGE" } } }),
                res("record", T.record, { dependencies: ["edge"] }),
            ];
            const p = criticalPath(resources);
            assert.deepStrictEqual(p.steps.map((s) => [s.name, s.estimateMinutes]), [["edge", 40.5]]);
        });

        it("takes a REST domain without an endpoint type for edge-optimized, as API Gateway does", () => {
            assert.strictEqual(estimateOperation(res("raw", T.domainV1, { inputs: { certificateArn: "arn:aws:acm:us-east-1:1:certificate/x" } })).backgroundMinutes, 40);
            assert.strictEqual(estimateOperation(res("raw", T.domainV1, { inputs: { regionalCertificateArn: "arn:aws:acm:eu-west-1:1:certificate/x" } })).backgroundMinutes, undefined);
        });

        it("survives a dependency cycle in a broken recording", () => {
            const p = criticalPath([res("a", T.record, { dependencies: ["b"] }), res("b", T.record, { dependencies: ["a"] })]);
            assert.ok(p.estimatedMinutes >= 1);
        });

        it("prints each step with its estimate and the running total", () => {
            const text = formatCriticalPath(criticalPath([
                res("cert", T.certificate),
                res("validation-record", T.record, { dependencies: ["cert"] }),
            ]));
            assert.strictEqual(text, [
                "Critical path to a working domain: about 1.2 min (estimated; see Performance in the README)",
                "    +0.2    0.2 min  aws:acm/certificate:Certificate  cert",
                "                     request the ACM certificate (validation records within seconds)",
                "    +1.0    1.2 min  aws:route53/record:Record        validation-record",
                "                     Route 53 change until INSYNC",
                "",
            ].join("\n"));
        });
    });
});
