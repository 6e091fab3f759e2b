import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { MultiRegionDomain, MultiRegionDomainArgs, RegionEndpoint } from "../../components/multi-region-domain";
import { FailoverRole, RoutingPolicy, planMultiRegionDomain } from "../../components/multi-region-plan";
import { FAILOVER_ROLES, MULTI_REGION_ROUTING_POLICIES } from "../../aws/route53";
import { RecordedResource, RunResult, T, ofType, one, plan, propertyDeps, rejected } from "../helpers";

const HEALTH_CHECK = "aws:route53/healthCheck:HealthCheck";
const US: RegionEndpoint = { region: "us-east-1", mappings: [{ apiId: "usapi00001", stage: "prod" }] };
const EU: RegionEndpoint = { region: "eu-west-1", mappings: [{ apiId: "euapi00001", stage: "prod" }] };

function output<V>(o: { apply: (f: (v: V) => void) => unknown }): Promise<V> {
    return new Promise((res) => o.apply(res));
}

/** The routed alias records of the shared name (not the regions' own names, not validation records). */
function routed(r: RunResult): RecordedResource[] {
    return ofType(r, T.record).filter((x) => x.inputs.setIdentifier !== undefined);
}

function named(r: RunResult, type: string, name: string): RecordedResource {
    return one(r, type, name);
}

async function serve(args: Partial<MultiRegionDomainArgs> = {}, regions: RegionEndpoint[] = [US, EU]) {
    let d: MultiRegionDomain | undefined;
    const r = await plan(() => { d = new MultiRegionDomain("api", { domainName: "api.example.com", regions, ...args }); });
    return { r, d: d! };
}

describe("MultiRegionDomain", () => {
    describe("latency routing (the default)", () => {
        it("creates each region's certificate, domain and mapping in that region, whatever the provider's region", async () => {
            const { r } = await serve();
            for (const region of ["us-east-1", "eu-west-1"]) {
                const cert = named(r, T.certificate, `api-${region}-cert-acm`);
                assert.strictEqual(cert.region, region);
                const domain = named(r, T.domainV1, `api-${region}-domain`);
                assert.strictEqual(domain.region, region);
                assert.strictEqual(domain.inputs.domainName, "api.example.com");
                assert.strictEqual(domain.inputs.endpointConfiguration.types, "REGIONAL");
                assert.match(domain.inputs.regionalCertificateArn, new RegExp(`^arn:aws:acm:${region}:`));
                const mapping = named(r, T.basePathMapping, `api-${region}-mapping-root`);
                assert.strictEqual(mapping.region, region);
                assert.strictEqual(mapping.inputs.restApi, region === "us-east-1" ? "usapi00001" : "euapi00001");
            }
        });

        it("aliases each region's record to that region's own target, with a latency policy, a set identifier and its health check", async () => {
            const { r } = await serve();
            const records = routed(r);
            assert.deepStrictEqual(records.map((x) => x.name).sort(), ["api-eu-west-1-a", "api-us-east-1-a"]);
            for (const region of ["us-east-1", "eu-west-1"]) {
                const record = named(r, T.record, `api-${region}-a`);
                const domain = named(r, T.domainV1, `api-${region}-domain`);
                const check = named(r, HEALTH_CHECK, `api-${region}-health`);
                assert.strictEqual(record.inputs.name, "api.example.com");
                assert.strictEqual(record.inputs.setIdentifier, region);
                assert.deepStrictEqual(record.inputs.latencyRoutingPolicies, [{ region }]);
                assert.strictEqual(record.inputs.weightedRoutingPolicies, undefined);
                assert.strictEqual(record.inputs.aliases[0].name, domain.outputs.regionalDomainName);
                assert.match(record.inputs.aliases[0].name, new RegExp(`\\.execute-api\\.${region}\\.amazonaws\\.com$`));
                assert.strictEqual(record.inputs.aliases[0].zoneId, domain.outputs.regionalZoneId);
                assert.strictEqual(record.inputs.aliases[0].evaluateTargetHealth, true);
                assert.strictEqual(record.inputs.healthCheckId, check.id);
                assert.deepStrictEqual(propertyDeps(record, "healthCheckId"), [check.urn]);
            }
        });

        it("checks each region over HTTPS on a name of its own, with SNI, so API Gateway routes the check through that region's mappings", async () => {
            const { r } = await serve();
            for (const region of ["us-east-1", "eu-west-1"]) {
                const check = named(r, HEALTH_CHECK, `api-${region}-health`);
                assert.deepStrictEqual(
                    { type: check.inputs.type, fqdn: check.inputs.fqdn, port: check.inputs.port, resourcePath: check.inputs.resourcePath, enableSni: check.inputs.enableSni, ipAddress: check.inputs.ipAddress },
                    { type: "HTTPS", fqdn: `${region}.api.example.com`, port: 443, resourcePath: "/health", enableSni: true, ipAddress: undefined },
                );
                assert.strictEqual(check.inputs.tags.Name, `api.example.com ${region}`);
                // The checked name is a custom domain in the same region, on the same certificate and API.
                const checkDomain = named(r, T.domainV1, `api-${region}-check-domain`);
                assert.strictEqual(checkDomain.region, region);
                assert.strictEqual(checkDomain.inputs.domainName, `${region}.api.example.com`);
                assert.strictEqual(checkDomain.inputs.regionalCertificateArn, named(r, T.domainV1, `api-${region}-domain`).inputs.regionalCertificateArn);
                assert.deepStrictEqual(propertyDeps(checkDomain, "regionalCertificateArn"), [named(r, T.validation, `api-${region}-cert-validation`).urn]);
                assert.deepStrictEqual(named(r, T.certificate, `api-${region}-cert-acm`).inputs.subjectAlternativeNames, [`${region}.api.example.com`]);
                const checkMapping = named(r, T.basePathMapping, `api-${region}-check-mapping-root`);
                assert.strictEqual(checkMapping.inputs.restApi, named(r, T.basePathMapping, `api-${region}-mapping-root`).inputs.restApi);
                // The checked name resolves on its own (a plain alias), never through the routed records.
                const own = named(r, T.record, `api-${region}-check-a`);
                assert.strictEqual(own.inputs.name, `${region}.api.example.com`);
                assert.strictEqual(own.inputs.setIdentifier, undefined);
                assert.strictEqual(own.inputs.aliases[0].name, checkDomain.outputs.regionalDomainName);
            }
        });

        it("looks the hosted zone up once for every region", async () => {
            const { r } = await serve();
            assert.strictEqual(r.invokes.filter((i) => i.token === "aws:route53/getZone:getZone").length, 1);
            const zones = new Set(ofType(r, T.record).map((x) => x.inputs.zoneId));
            assert.strictEqual(zones.size, 1);
        });

        it("publishes per-region targets, zones, certificates, health checks and the global URL", async () => {
            const { r, d } = await serve();
            assert.strictEqual(await output(d.url), "https://api.example.com/");
            assert.deepStrictEqual(d.regions, ["us-east-1", "eu-west-1"]);
            assert.strictEqual(d.routingPolicy, "latency");
            const targets = await output(d.targetDomainNames);
            const zones = await output(d.hostedZoneIds);
            const certs = await output(d.certificateArns);
            const checks = await output(d.healthCheckIds);
            const urls = await output(d.healthCheckUrls);
            for (const region of ["us-east-1", "eu-west-1"]) {
                const domain = named(r, T.domainV1, `api-${region}-domain`);
                assert.strictEqual(targets[region], domain.outputs.regionalDomainName);
                assert.strictEqual(zones[region], domain.outputs.regionalZoneId);
                assert.strictEqual(certs[region], domain.inputs.regionalCertificateArn);
                assert.strictEqual(checks[region], named(r, HEALTH_CHECK, `api-${region}-health`).id);
                assert.strictEqual(urls[region], `https://${region}.api.example.com/health`);
            }
            assert.strictEqual(zones["us-east-1"], "Z1UJRXOUMOOFQ8");
            assert.strictEqual(zones["eu-west-1"], "ZLY8HYME6SFDD");
            const component = one(r, "apigw-domains:index:MultiRegionDomain");
            assert.deepStrictEqual(Object.keys(component.outputs.targetDomainNames).sort(), ["eu-west-1", "us-east-1"]);
        });

        it("routes AAAA records too for dual-stack domains, and serves HTTP APIs through v2 domains", async () => {
            const http = (region: string) => ({ region, mappings: [{ apiId: `${region}-http`, stage: "$default" }] });
            const { r } = await serve({ apiType: "http", ipAddressType: "dualstack" }, [http("us-east-1"), http("eu-west-1")]);
            assert.deepStrictEqual(routed(r).map((x) => `${x.inputs.type} ${x.inputs.setIdentifier}`).sort(),
                ["A eu-west-1", "A us-east-1", "AAAA eu-west-1", "AAAA us-east-1"]);
            for (const x of routed(r)) assert.ok(x.inputs.healthCheckId, x.name);
            assert.strictEqual(ofType(r, T.domainV2).length, 4);
            assert.strictEqual(ofType(r, T.apiMapping).length, 4);
        });
    });

    describe("weighted and failover routing", () => {
        it("gives each region's records its weight", async () => {
            const { r, d } = await serve({ routingPolicy: "weighted" }, [{ ...US, weight: 200 }, { ...EU, weight: 55 }]);
            assert.strictEqual(d.routingPolicy, "weighted");
            assert.deepStrictEqual(named(r, T.record, "api-us-east-1-a").inputs.weightedRoutingPolicies, [{ weight: 200 }]);
            assert.deepStrictEqual(named(r, T.record, "api-eu-west-1-a").inputs.weightedRoutingPolicies, [{ weight: 55 }]);
            assert.strictEqual(named(r, T.record, "api-eu-west-1-a").inputs.latencyRoutingPolicies, undefined);
        });

        it("accepts a weight of 0 (a region kept in reserve) on weighted records", async () => {
            const { r } = await serve({ routingPolicy: "weighted" }, [{ ...US, weight: 0 }, { ...EU, weight: 1 }]);
            assert.deepStrictEqual(named(r, T.record, "api-us-east-1-a").inputs.weightedRoutingPolicies, [{ weight: 0 }]);
        });

        it("marks one region PRIMARY and the other SECONDARY, both with health checks", async () => {
            const { r } = await serve({ routingPolicy: "failover" }, [{ ...US, failover: "primary" }, { ...EU, failover: "secondary" }]);
            assert.deepStrictEqual(named(r, T.record, "api-us-east-1-a").inputs.failoverRoutingPolicies, [{ type: "PRIMARY" }]);
            assert.deepStrictEqual(named(r, T.record, "api-eu-west-1-a").inputs.failoverRoutingPolicies, [{ type: "SECONDARY" }]);
            assert.strictEqual(ofType(r, HEALTH_CHECK).length, 2);
        });
    });

    describe("health checks", () => {
        it("attaches a health check the user brings, and creates neither a check nor a name for that region", async () => {
            const { r, d } = await serve({}, [{ ...US, healthCheckId: "11111111-2222-3333-4444-555555555555" }, EU]);
            assert.strictEqual(named(r, T.record, "api-us-east-1-a").inputs.healthCheckId, "11111111-2222-3333-4444-555555555555");
            assert.deepStrictEqual(ofType(r, HEALTH_CHECK).map((x) => x.name), ["api-eu-west-1-health"]);
            assert.deepStrictEqual(ofType(r, T.domainV1).map((x) => x.name).sort(), ["api-eu-west-1-check-domain", "api-eu-west-1-domain", "api-us-east-1-domain"]);
            assert.strictEqual(named(r, T.certificate, "api-us-east-1-cert-acm").inputs.subjectAlternativeNames, undefined);
            assert.deepStrictEqual(Object.keys(await output(d.healthCheckUrls)), ["eu-west-1"]);
            assert.strictEqual((await output(d.healthCheckIds))["us-east-1"], "11111111-2222-3333-4444-555555555555");
        });

        it("creates no health checks when disabled: records then rely on the target health of API Gateway alone", async () => {
            const { r } = await serve({ healthCheck: { enabled: false } });
            assert.deepStrictEqual(ofType(r, HEALTH_CHECK), []);
            for (const x of routed(r)) {
                assert.strictEqual(x.inputs.healthCheckId, undefined);
                assert.strictEqual(x.inputs.aliases[0].evaluateTargetHealth, true);
            }
            assert.strictEqual(ofType(r, T.domainV1).length, 2);
        });

        it("passes path, port, search string, interval, threshold and checker regions through", async () => {
            const { r, d } = await serve({
                healthCheck: { path: "/v1/health?deep=1", port: 8443, searchString: "ok", requestInterval: 10, failureThreshold: 2, checkerRegions: ["us-east-1", "eu-west-1", "ap-southeast-1"], measureLatency: true },
            }, [{ ...US, mappings: [{ apiId: "usapi00001", stage: "prod", basePath: "v1" }] }, { ...EU, mappings: [{ apiId: "euapi00001", stage: "prod", basePath: "v1" }] }]);
            const check = named(r, HEALTH_CHECK, "api-us-east-1-health");
            assert.strictEqual(check.inputs.type, "HTTPS_STR_MATCH");
            assert.strictEqual(check.inputs.searchString, "ok");
            assert.strictEqual(check.inputs.resourcePath, "/v1/health?deep=1");
            assert.strictEqual(check.inputs.port, 8443);
            assert.strictEqual(check.inputs.requestInterval, 10);
            assert.strictEqual(check.inputs.failureThreshold, 2);
            assert.strictEqual(check.inputs.measureLatency, true);
            assert.deepStrictEqual(check.inputs.regions, ["us-east-1", "eu-west-1", "ap-southeast-1"]);
            assert.strictEqual((await output(d.healthCheckUrls))["us-east-1"], "https://us-east-1.api.example.com:8443/v1/health?deep=1");
        });

        it("lets a wildcard domain's certificate cover the regions' names, adding no SAN", async () => {
            const { r } = await serve({ domainName: "*.example.com" });
            assert.strictEqual(named(r, HEALTH_CHECK, "api-eu-west-1-health").inputs.fqdn, "eu-west-1.example.com");
            assert.strictEqual(named(r, T.certificate, "api-eu-west-1-cert-acm").inputs.subjectAlternativeNames, undefined);
            assert.strictEqual(named(r, T.record, "api-eu-west-1-a").inputs.name, "*.example.com");
        });

        it("calls a name the user chooses for a region", async () => {
            const { r } = await serve({}, [{ ...US, healthCheckDomainName: "use1.api.example.com" }, EU]);
            assert.strictEqual(named(r, HEALTH_CHECK, "api-us-east-1-health").inputs.fqdn, "use1.api.example.com");
            assert.deepStrictEqual(named(r, T.certificate, "api-us-east-1-cert-acm").inputs.subjectAlternativeNames, ["use1.api.example.com"]);
        });

        it("lets a transform reach the health checks and the records, after the routing policy is set", async () => {
            const r = await plan(() => new MultiRegionDomain("api", { domainName: "api.example.com", regions: [US, EU] }, {
                transform: {
                    healthCheck: { failureThreshold: 5 },
                    regionalDomain: { record: (a) => ({ ...a, allowOverwrite: a.setIdentifier !== undefined }) },
                },
            }));
            assert.strictEqual(named(r, HEALTH_CHECK, "api-us-east-1-health").inputs.failureThreshold, 5);
            assert.strictEqual(named(r, T.record, "api-us-east-1-a").inputs.allowOverwrite, true);
            assert.strictEqual(named(r, T.record, "api-us-east-1-check-a").inputs.allowOverwrite, false);
        });
    });

    describe("certificates and providers", () => {
        it("uses a region's own certificate ARN and requests none there", async () => {
            const arn = "arn:aws:acm:eu-west-1:123456789012:certificate/0f0e0d0c-1111-2222-3333-444455556666";
            const { r } = await serve({}, [US, { ...EU, certificateArn: arn }]);
            assert.deepStrictEqual(ofType(r, T.certificate).map((x) => x.name), ["api-us-east-1-cert-acm"]);
            assert.strictEqual(named(r, T.domainV1, "api-eu-west-1-domain").inputs.regionalCertificateArn, arn);
            assert.strictEqual(named(r, T.domainV1, "api-eu-west-1-check-domain").inputs.regionalCertificateArn, arn);
        });

        it("creates each region's resources with that region's provider, and DNS with the DNS provider", async () => {
            const r = await plan(() => {
                const virginia = new aws.Provider("virginia", { region: "us-east-1" });
                const ireland = new aws.Provider("ireland", { region: "eu-west-1" });
                const dns = new aws.Provider("dns", { region: "us-east-1" });
                new MultiRegionDomain("api", { domainName: "api.example.com", regions: [US, EU] },
                    { regionProviders: { "us-east-1": virginia, "eu-west-1": ireland }, dnsProvider: dns });
            });
            const providers = { "us-east-1": one(r, T.provider, "virginia").urn, "eu-west-1": one(r, T.provider, "ireland").urn };
            for (const region of ["us-east-1", "eu-west-1"] as const) {
                for (const type of [T.certificate, T.validation, T.domainV1, T.basePathMapping]) {
                    for (const x of ofType(r, type).filter((y) => y.name.startsWith(`api-${region}`))) {
                        assert.strictEqual(x.providerUrn, providers[region], `${type} ${x.name}`);
                        assert.strictEqual(x.region, region, `${type} ${x.name}`);
                    }
                }
            }
            const dns = one(r, T.provider, "dns").urn;
            for (const x of [...ofType(r, T.record), ...ofType(r, HEALTH_CHECK)]) assert.strictEqual(x.providerUrn, dns, x.name);
        });
    });

    describe("bad input is refused before anything is registered", () => {
        const cases: [string, Partial<MultiRegionDomainArgs>, RegExp][] = [
            ["a single region", { regions: [US] }, /MultiRegionDomain "api": regions \["us-east-1"\] lists fewer than two regions; serve the name from two or more regions/],
            ["a region listed twice", { regions: [US, { ...US }] }, /regions\[1\]\.region "us-east-1" is also regions\[0\]/],
            ["a region code that is not one", { regions: [US, { ...EU, region: "Europe" }] }, /regions\[1\]\.region "Europe" is not an AWS region code; use a code such as "eu-west-1"/],
            ["an unknown routing policy", { routingPolicy: "geolocation" as never }, /routingPolicy "geolocation" is not a routing policy for several regions; use "latency", "weighted" or "failover"/],
            ["weighted without a weight", { routingPolicy: "weighted", regions: [{ ...US, weight: 1 }, EU] }, /regions\[1\]\.weight \(not set\) is required by weighted routing/],
            ["a weight above 255", { routingPolicy: "weighted", regions: [{ ...US, weight: 256 }, { ...EU, weight: 1 }] }, /regions\[0\]\.weight 256 is not a whole number from 0 to 255/],
            ["a fractional weight", { routingPolicy: "weighted", regions: [{ ...US, weight: 1.5 }, { ...EU, weight: 1 }] }, /regions\[0\]\.weight 1\.5 is not a whole number/],
            ["a weight under latency routing", { regions: [{ ...US, weight: 10 }, EU] }, /regions\[0\]\.weight 10 applies to weighted routing only, and routingPolicy is "latency"/],
            ["a failover role under weighted routing", { routingPolicy: "weighted", regions: [{ ...US, weight: 1, failover: "primary" }, { ...EU, weight: 1 }] }, /regions\[0\]\.failover "primary" applies to failover routing only/],
            ["failover without a role", { routingPolicy: "failover", regions: [{ ...US, failover: "primary" }, EU] }, /regions\[1\]\.failover \(not set\) is required by failover routing/],
            ["two primaries", { routingPolicy: "failover", regions: [{ ...US, failover: "primary" }, { ...EU, failover: "primary" }] }, /regions\[\*\]\.failover \["primary","primary"\] are .* exactly one primary and one secondary/],
            ["three regions under failover", { routingPolicy: "failover", regions: [{ ...US, failover: "primary" }, { ...EU, failover: "secondary" }, { region: "ap-southeast-2", mappings: US.mappings, failover: "secondary" }] }, /exactly one primary and one secondary/],
            ["a role that is not one", { routingPolicy: "failover", regions: [{ ...US, failover: "main" as never }, { ...EU, failover: "secondary" }] }, /include "main", which is not a failover role/],
            ["two regions with one set identifier", { regions: [{ ...US, setIdentifier: "x" }, { ...EU, setIdentifier: "x" }] }, /regions\[1\]\.setIdentifier "x" is used by another region/],
            ["a set identifier over 128 characters", { regions: [{ ...US, setIdentifier: "s".repeat(129) }, EU] }, /setIdentifier .* is 129 characters long; Route 53 takes at most 128/],
            ["a health check path without a slash", { healthCheck: { path: "health" } }, /healthCheck\.path "health" does not start with "\/"/],
            ["a health check path over 255 characters", { healthCheck: { path: `/${"p".repeat(255)}` } }, /healthCheck\.path .* is 256 characters long; Route 53 takes at most 255/],
            ["port 0", { healthCheck: { port: 0 } }, /healthCheck\.port 0 is not a port from 1 to 65535/],
            ["port 70000", { healthCheck: { port: 70000 } }, /healthCheck\.port 70000 is not a port from 1 to 65535/],
            ["a request interval of 15", { healthCheck: { requestInterval: 15 } }, /healthCheck\.requestInterval 15 is not 10 or 30 seconds/],
            ["a failure threshold of 11", { healthCheck: { failureThreshold: 11 } }, /healthCheck\.failureThreshold 11 is not a whole number from 1 to 10/],
            ["two checker regions", { healthCheck: { checkerRegions: ["us-east-1", "eu-west-1"] } }, /healthCheck\.checkerRegions \["us-east-1","eu-west-1"\] names fewer than 3 distinct regions/],
            ["a checker region Route 53 does not run from", { healthCheck: { checkerRegions: ["us-east-1", "eu-west-1", "eu-central-1"] } }, /names "eu-central-1", which is not a region Route 53 health checkers run from/],
            ["an empty search string", { healthCheck: { searchString: "" } }, /healthCheck\.searchString "" is empty/],
            ["an empty health check id", { regions: [{ ...US, healthCheckId: "" }, EU] }, /regions\[0\]\.healthCheckId "" is empty; pass the id of an existing Route 53 health check/],
            ["a health check ARN instead of an id", { regions: [{ ...US, healthCheckId: `arn:aws:route53:::healthcheck/${"a".repeat(60)}` }, EU] }, /healthCheckId .* characters long; a health check id has at most 64/],
            ["a check name equal to the shared name", { regions: [{ ...US, healthCheckDomainName: "api.example.com" }, EU] }, /regions\[0\]\.healthCheckDomainName "api.example.com" is the shared name; Route 53 would resolve it through the records the check decides on/],
            ["two regions checking one name", { regions: [{ ...US, healthCheckDomainName: "x.api.example.com" }, { ...EU, healthCheckDomainName: "x.api.example.com" }] }, /regions\[1\]\.healthCheckDomainName "x.api.example.com" is also regions\[0\]'s/],
            ["a check name with a bring-your-own check", { regions: [{ ...US, healthCheckId: "abc", healthCheckDomainName: "x.api.example.com" }, EU] }, /healthCheckDomainName "x.api.example.com" has no use with the region's own healthCheckId/],
            ["a path no mapping serves", { healthCheck: { path: "/v2/health" }, regions: [{ ...US, mappings: [{ apiId: "a", stage: "p", basePath: "v1" }] }, EU] }, /healthCheck\.path "\/v2\/health" reaches no API in us-east-1: no mapping of the region serves it \(keys \["v1"\]\); start the path with a mapping key, such as "\/v1\/health"/],
            ["a region without mappings", { regions: [US, { region: "eu-west-1" }] }, /healthCheck\.path "\/health" reaches no API in eu-west-1: the region has no mappings, so its domain answers 403/],
            ["mutual TLS with created health checks", { mutualTls: { truststoreUri: "s3://bucket/truststore.pem" } }, /mutualTls .* leaves the health checks the component creates failing forever: Route 53 health checkers present no client certificate/],
            ["records left to other DNS with created health checks", { createRecords: false }, /createRecords false leaves us-east-1\.api\.example\.com, which the health check the component creates calls, without a DNS record/],
            ["a certificate from another region", { regions: [US, { ...EU, certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc" }] }, /MultiRegionDomain "api" \(regions\[1\], eu-west-1\): certificateArn "arn:aws:acm:us-east-1:123456789012:certificate\/abc" is in us-east-1, but a regional domain .* needs it in eu-west-1/],
            ["a regional domain rule broken in one region (HTTP API on an enhanced policy)", { apiType: "http", securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09", endpointAccessMode: "STRICT" }, /MultiRegionDomain "api" \(regions\[0\], us-east-1\): securityPolicy/],
            ["an invalid domain name", { domainName: "API.example.com" }, /domainName "API.example.com" has uppercase letters/],
        ];
        for (const [what, args, message] of cases) {
            it(`refuses ${what}`, async () => {
                const m = await rejected(() => new MultiRegionDomain("api", { domainName: "api.example.com", regions: [US, EU], ...args }));
                assert.match(m, message);
            });
        }

        it("refuses a provider for a region the domain is not served from", async () => {
            const m = await rejected(() => new MultiRegionDomain("api", { domainName: "api.example.com", regions: [US, EU] },
                { regionProviders: { "ap-southeast-2": {} as aws.Provider } }));
            assert.match(m, /regionProviders "ap-southeast-2" names a region the domain is not served from; give providers only for the regions in `regions` \(us-east-1, eu-west-1\)/);
        });

        it("refuses providers passed among the arguments", async () => {
            const m = await rejected(() => new MultiRegionDomain("api", { domainName: "api.example.com", regions: [US, EU], ...{ regionProviders: {} } } as MultiRegionDomainArgs));
            assert.match(m, /regionProviders .* is a resource option, not an argument/);
        });
    });

    describe("the plan (no program)", () => {
        it("offers exactly the routing policies and failover roles of the rulebook", () => {
            assert.deepStrictEqual(Object.values(RoutingPolicy), [...MULTI_REGION_ROUTING_POLICIES]);
            assert.deepStrictEqual(Object.values(FailoverRole).map((r) => r.toUpperCase()), [...FAILOVER_ROLES]);
        });

        it("leaves target health off when asked", () => {
            assert.strictEqual(planMultiRegionDomain("X", { domainName: "api.example.com", regions: [US, EU], evaluateTargetHealth: false }).evaluateTargetHealth, false);
        });

        it("fills in the defaults: latency, target health, HTTPS on 443 at /health every 30 s, 3 failures", () => {
            const p = planMultiRegionDomain("MultiRegionDomain \"x\"", { domainName: "api.example.com", regions: [US, EU] });
            assert.strictEqual(p.routingPolicy, "latency");
            assert.strictEqual(p.evaluateTargetHealth, true);
            assert.deepStrictEqual(p.healthCheck, { path: "/health", port: 443, searchString: undefined, requestInterval: 30, failureThreshold: 3, checkerRegions: undefined, measureLatency: false });
            assert.deepStrictEqual(p.regions.map((r) => [r.setIdentifier, r.healthCheck, r.checkDomainName]), [
                ["us-east-1", "created", "us-east-1.api.example.com"],
                ["eu-west-1", "created", "eu-west-1.api.example.com"],
            ]);
        });

        it("accepts a path under a multi-level mapping key and at the root mapping", () => {
            const deep = { ...US, mappings: [{ apiId: "a", stage: "p", basePath: "v1/orders" }] };
            assert.doesNotThrow(() => planMultiRegionDomain("X", { domainName: "api.example.com", regions: [deep, { ...EU, mappings: deep.mappings }], healthCheck: { path: "/v1/orders/health" } }));
            assert.throws(() => planMultiRegionDomain("X", { domainName: "api.example.com", regions: [deep, { ...EU, mappings: deep.mappings }], healthCheck: { path: "/v1/ordersx" } }), /reaches no API/);
        });

        it("leaves DNS to the user with certificates given and health checks brought", () => {
            const arn = (region: string) => `arn:aws:acm:${region}:123456789012:certificate/abc`;
            const p = planMultiRegionDomain("X", {
                domainName: "api.example.com", createRecords: false, healthCheck: { enabled: false },
                regions: [{ ...US, certificateArn: arn("us-east-1"), healthCheckId: "a" }, { ...EU, certificateArn: arn("eu-west-1"), healthCheckId: "b" }],
            });
            assert.deepStrictEqual(p.regions.map((r) => [r.healthCheck, r.checkDomain]), [["given", undefined], ["given", undefined]]);
        });

        it("needs no mappings for a region that brings its own health check", () => {
            assert.doesNotThrow(() => planMultiRegionDomain("X", { domainName: "api.example.com", regions: [US, { region: "eu-west-1", healthCheckId: "abc" }] }));
        });
    });
});
