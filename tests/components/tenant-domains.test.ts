import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { TenantDomains, TenantDomainsArgs, tenantFunctionCode } from "../../components/tenant-domains";
import { RecordedResource, RunResult, T, ofType, one, plan, propertyDeps, rejected } from "../helpers";
import { runProgram } from "../../offline/engine";

const rest = { apiId: "restapi001", stage: "prod" };
const MT = "aws:cloudfront/multitenantDistribution:MultitenantDistribution";
const TENANT = "aws:cloudfront/distributionTenant:DistributionTenant";
const GROUP = "aws:cloudfront/connectionGroup:ConnectionGroup";
const FUNCTION = "aws:cloudfront/function:Function";
const COMPONENT = "apigw-domains:index:TenantDomains";
const ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
const inIreland = { config: { "aws:region": "eu-west-1" } };

const platform: Omit<TenantDomainsArgs, "tenants"> = {
    wildcardDomain: "tenants.example.com", originDomain: "origin.api.example.com", zoneName: "example.com", mappings: [rest],
};
const mixed = (tenants: TenantDomainsArgs["tenants"]) => () => new TenantDomains("saas", { ...platform, tenants });

function domainNamed(r: RunResult, name: string): RecordedResource {
    const found = ofType(r, T.domainV1).filter((d) => d.inputs.domainName === name);
    assert.strictEqual(found.length, 1, `one REST domain ${name}`);
    return found[0];
}

describe("TenantDomains", () => {
    describe("with subdomain and customer-owned tenants", () => {
        let r: RunResult;
        before(async () => {
            r = await plan(mixed([
                { domain: "customer-a.tenants.example.com" },
                { domain: "customer-b.tenants.example.com" },
                { domain: "api.customer-c.com", additionalDomains: ["api.customer-c.de"] },
                { domain: "api.customer-d.io", validationTokenHost: "self-hosted" },
            ]), inIreland);
        });

        it("serves every subdomain tenant with one wildcard regional domain, certificate and alias records in the API's region", () => {
            const wildcard = domainNamed(r, "*.tenants.example.com");
            assert.strictEqual(wildcard.region, "eu-west-1");
            assert.strictEqual(wildcard.inputs.endpointConfiguration.types, "REGIONAL");
            const certs = ofType(r, T.certificate).filter((c) => c.inputs.domainName === "*.tenants.example.com");
            assert.strictEqual(certs.length, 1);
            assert.strictEqual(certs[0].region, "eu-west-1");
            const aliases = ofType(r, T.record).filter((x) => x.inputs.name === "*.tenants.example.com" && x.inputs.aliases);
            assert.deepStrictEqual(aliases.map((x) => x.inputs.type), ["A"]);
            assert.match(aliases[0].inputs.aliases[0].name, /\.execute-api\.eu-west-1\.amazonaws\.com$/);
            // No resource of its own for a subdomain tenant.
            assert.ok(!r.resources.some((x) => x.name.includes("customer-a")), "a subdomain tenant has no resource");
        });

        it("puts CloudFront in front of the origin custom domain by its name, without the viewer's Host", () => {
            const origin = domainNamed(r, "origin.api.example.com");
            assert.strictEqual(origin.region, "eu-west-1");
            const originAlias = ofType(r, T.record).filter((x) => x.inputs.name === "origin.api.example.com" && x.inputs.aliases);
            assert.strictEqual(originAlias.length, 1, "CloudFront resolves the origin's name: it needs its alias record");
            const distribution = one(r, MT);
            const [o] = distribution.inputs.origins;
            assert.strictEqual(o.domainName, "origin.api.example.com", "the custom domain's name, not its d-xxxx target");
            assert.deepStrictEqual(o.customOriginConfigs[0].originSslProtocols, ["TLSv1.2"]);
            assert.strictEqual(o.customOriginConfigs[0].originProtocolPolicy, "https-only");
            assert.strictEqual(o.customHeaders[0].headerName, "x-origin-verify");
            const behavior = distribution.inputs.defaultCacheBehavior;
            assert.strictEqual(behavior.originRequestPolicyId, ALL_VIEWER_EXCEPT_HOST);
            assert.strictEqual(behavior.functionAssociations[0].eventType, "viewer-request");
            assert.deepStrictEqual(propertyDeps(distribution, "defaultCacheBehavior"), [one(r, FUNCTION).urn]);
            assert.strictEqual(one(r, FUNCTION).inputs.runtime, "cloudfront-js-2.0");
            const originChildren = [origin, ...originAlias, ...ofType(r, T.basePathMapping).filter((m) => m.parent === origin.parent)];
            assert.strictEqual(originChildren.length, 3);
            for (const child of originChildren) {
                assert.ok(distribution.dependencies.includes(child.urn), `the distribution waits for ${child.type} ${child.name}`);
            }
        });

        it("gives the distribution a us-east-1 viewer certificate with a TLS 1.2 policy", () => {
            const distribution = one(r, MT);
            const viewer = ofType(r, T.certificate).filter((c) => c.region === "us-east-1");
            assert.strictEqual(viewer.length, 1);
            assert.strictEqual(viewer[0].inputs.domainName, "origin.api.example.com");
            assert.match(distribution.inputs.viewerCertificate.acmCertificateArn, /^arn:aws:acm:us-east-1:/);
            assert.strictEqual(distribution.inputs.viewerCertificate.minimumProtocolVersion, "TLSv1.2_2021");
            assert.strictEqual(distribution.region, undefined, "CloudFront is global");
            const validation = ofType(r, T.validation).find((v) => v.region === "us-east-1")!;
            assert.deepStrictEqual(propertyDeps(distribution, "viewerCertificate"), [validation.urn], "the distribution waits for the viewer certificate's validation");
        });

        it("creates one distribution tenant per customer-owned tenant, with a managed certificate, on the connection group", () => {
            const tenants = ofType(r, TENANT);
            assert.deepStrictEqual(tenants.map((t) => t.name).sort(), ["saas-api.customer-c.com", "saas-api.customer-d.io"]);
            const c = tenants.find((t) => t.name === "saas-api.customer-c.com")!;
            assert.deepStrictEqual(c.inputs.domains.map((d: { domain: string }) => d.domain), ["api.customer-c.com", "api.customer-c.de"]);
            assert.deepStrictEqual(c.inputs.managedCertificateRequest, {
                primaryDomainName: "api.customer-c.com", validationTokenHost: "cloudfront", certificateTransparencyLoggingPreference: "enabled",
            });
            assert.deepStrictEqual(propertyDeps(c, "distributionId"), [one(r, MT).urn]);
            assert.deepStrictEqual(propertyDeps(c, "connectionGroupId"), [one(r, GROUP).urn]);
            assert.strictEqual(c.deleteBeforeReplace, true, "a replacement must free the domain before it claims it");
            assert.strictEqual(tenants.find((t) => t.name === "saas-api.customer-d.io")!.inputs.managedCertificateRequest.validationTokenHost, "self-hosted");
        });

        it("tells each customer the CNAME to create, and each tenant how it is served", () => {
            const component = one(r, COMPONENT);
            const endpoint = one(r, GROUP).outputs.routingEndpoint;
            assert.match(endpoint, /^d[a-z0-9]{13}\.cloudfront\.net$/);
            assert.deepStrictEqual(component.outputs.customerCnameTargets, {
                "api.customer-c.com": endpoint, "api.customer-c.de": endpoint, "api.customer-d.io": endpoint,
            });
            assert.strictEqual(component.outputs.tenantMechanisms["customer-a.tenants.example.com"], "wildcard");
            assert.strictEqual(component.outputs.tenantMechanisms["api.customer-d.io"], "cloudfront");
            assert.match(component.outputs.tenantInstructions["api.customer-d.io"], /\/\.well-known\/pki-validation\//);
            assert.match(component.outputs.tenantInstructions["customer-a.tenants.example.com"], /^nothing/);
            assert.strictEqual(component.outputs.tenantHeaderName, "x-tenant-domain");
            assert.match(component.outputs.originTargetDomainName, /^d-[a-z0-9]+\.execute-api\.eu-west-1\.amazonaws\.com$/, "for DNS outside Route 53");
        });
    });

    it("adding or removing a tenant touches only that tenant's resources", async () => {
        const tenants = [{ domain: "a.tenants.example.com" }, { domain: "api.b.com" }, { domain: "api.c.com" }, { domain: "api.d.com" }];
        const before = await plan(mixed(tenants));
        const after = await plan(mixed(tenants.filter((t) => t.domain !== "api.c.com")));
        const urns = (x: RunResult) => new Set(x.resources.filter((y) => y.type !== T.stack).map((y) => y.urn));
        const [b, a] = [urns(before), urns(after)];
        const gone = [...b].filter((u) => !a.has(u));
        assert.deepStrictEqual(gone.map((u) => u.split("::").pop()), ["saas-api.c.com"]);
        assert.deepStrictEqual([...a].filter((u) => !b.has(u)), [], "no resource of another tenant is new or renamed");
    });

    it("puts the API side in the region argument, whatever the stack's region, and CloudFront's certificate in us-east-1", async () => {
        const r = await plan(() => new TenantDomains("saas", { ...platform, region: "ap-southeast-2", tenants: [{ domain: "api.b.com" }] }),
            { config: { "aws:region": "us-west-2" } });
        for (const name of ["*.tenants.example.com", "origin.api.example.com"]) assert.strictEqual(domainNamed(r, name).region, "ap-southeast-2");
        assert.deepStrictEqual(ofType(r, T.certificate).map((c) => c.region).sort(), ["ap-southeast-2", "ap-southeast-2", "us-east-1"]);
        assert.strictEqual(ofType(r, T.basePathMapping).filter((m) => m.region === "ap-southeast-2").length, 2);
        for (const type of [MT, TENANT, GROUP, FUNCTION]) assert.strictEqual(one(r, type).region, undefined, `${type} is global`);
    });

    it("gives the children the component's explicit provider (TypeScript), and still requests CloudFront's certificate in us-east-1", async () => {
        const r = await plan(() => {
            const ireland = new aws.Provider("ireland", { region: "eu-west-1" });
            new TenantDomains("saas", { ...platform, tenants: [{ domain: "api.b.com" }] }, { provider: ireland });
        });
        const provider = one(r, T.provider, "ireland");
        assert.strictEqual(domainNamed(r, "origin.api.example.com").providerUrn, provider.urn);
        assert.strictEqual(domainNamed(r, "origin.api.example.com").region, "eu-west-1");
        assert.strictEqual(one(r, MT).providerUrn, provider.urn);
        assert.ok(ofType(r, T.certificate).some((c) => c.region === "us-east-1" && c.inputs.region === "us-east-1"));
    });

    it("keeps every generated name and text within AWS's limits for a long component name and a 253-character origin", async () => {
        const long = [..."abc"].map((c) => c.repeat(63)).join(".") + "." + "d".repeat(49) + ".example.com";
        assert.strictEqual(long.length, 253);
        const r = await plan(() => new TenantDomains(`platform.${"x".repeat(90)}`, {
            originDomain: long, zoneName: "example.com", createRecords: false,
            originCertificateArn: "arn:aws:acm:us-west-2:123456789012:certificate/o", viewerCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/v",
            tenants: [{ domain: "api.b.com" }],
        }));
        assert.match(one(r, FUNCTION).inputs.name, /^[A-Za-z0-9_-]{1,64}$/);
        assert.ok(one(r, FUNCTION).inputs.comment.length <= 128);
        assert.ok(one(r, MT).inputs.comment.length <= 128);
    });

    it("with the platform's DNS elsewhere (dns: \"external\"), creates no Route 53 record and lists the platform's records to create", async () => {
        const r = await plan(() => new TenantDomains("saas", {
            wildcardDomain: "tenants.example.com", originDomain: "origin.api.example.com", dns: "external", mappings: [rest], tenants: [{ domain: "api.b.com" }],
        }), inIreland);
        assert.strictEqual(ofType(r, T.record).length, 0);
        const records: { name: string; type: string; value: string; purpose: string }[] = one(r, COMPONENT).outputs.dnsRecords;
        const domains = records.filter((x) => x.purpose === "domain");
        assert.deepStrictEqual(domains.map((x) => x.name).sort(), ["*.tenants.example.com", "origin.api.example.com"]);
        for (const x of domains) assert.match(x.value, /^d-[a-z0-9]+\.execute-api\.eu-west-1\.amazonaws\.com$/);
        assert.ok(records.filter((x) => x.purpose === "certificate-validation").length >= 2, "the certificates' validation records are listed too");
        assert.strictEqual(ofType(r, TENANT).length, 1, "customer domains are the customers' own records either way");
    });

    it("lists each validation record once with dns \"external\" (the origin's and the viewer's certificates share one)", async () => {
        const r = await plan(() => new TenantDomains("saas", {
            originDomain: "origin.api.example.com", dns: "external", mappings: [rest], tenants: [{ domain: "api.b.com" }],
        }), inIreland);
        const certificates = ofType(r, T.certificate).filter((c) => c.inputs.domainName === "origin.api.example.com");
        assert.deepStrictEqual(certificates.map((c) => c.region).sort(), ["eu-west-1", "us-east-1"], "two certificates of one name");
        const records: { name: string; value: string; purpose: string }[] = one(r, COMPONENT).outputs.dnsRecords;
        const validation = records.filter((x) => x.purpose === "certificate-validation");
        assert.strictEqual(validation.length, 1, JSON.stringify(validation));
        assert.match(validation[0].name, /\.origin\.api\.example\.com$/);
        assert.deepStrictEqual(records.filter((x) => x.purpose === "domain").map((x) => x.name), ["origin.api.example.com"]);
    });

    it("gives the tenant function a name unique to the stack (function names are unique per account)", async () => {
        const r = await plan(mixed([{ domain: "api.b.com" }]), inIreland);
        const fn = one(r, FUNCTION);
        const suffix = one(r, "random:index/randomString:RandomString");
        assert.strictEqual(suffix.parent, one(r, COMPONENT).urn);
        assert.match(fn.inputs.name, /^saas-tenant-host-[a-z0-9]{8}$/);
        assert.ok(fn.inputs.name.endsWith(suffix.outputs.result), "the random suffix is the stack's own");
        assert.deepStrictEqual(propertyDeps(fn, "name"), [suffix.urn]);
        assert.notStrictEqual(fn.inputs.name, "saas-tenant-host", "a fixed name collides between dev and prod in one account");
    });

    it("serves a name two labels under the wildcard's base through CloudFront, and says the platform's zone needs its CNAME", async () => {
        const r = await plan(mixed([
            { domain: "eu.acme.tenants.example.com", additionalDomains: ["us.acme.tenants.example.com", "api.acme.com"] },
            { domain: "acme.tenants.example.com" },
        ]), inIreland);
        const tenant = one(r, TENANT);
        assert.deepStrictEqual(tenant.inputs.domains.map((d: { domain: string }) => d.domain),
            ["eu.acme.tenants.example.com", "us.acme.tenants.example.com", "api.acme.com"]);
        const out = one(r, COMPONENT).outputs;
        assert.deepStrictEqual(out.tenantMechanisms, { "eu.acme.tenants.example.com": "cloudfront", "acme.tenants.example.com": "wildcard" });
        const text = out.tenantInstructions["eu.acme.tenants.example.com"];
        assert.match(text, /CNAME eu\.acme\.tenants\.example\.com -> d[a-z0-9]+\.cloudfront\.net in the platform's zone \(a specific record wins over the \*\.tenants\.example\.com wildcard record/);
        assert.match(text, /CNAME api\.acme\.com -> d[a-z0-9]+\.cloudfront\.net; /);
        assert.strictEqual(Object.keys(out.customerCnameTargets).length, 3);
    });

    describe("with the platform's DNS in Cloudflare", () => {
        const CF_RECORD = "cloudflare:index/dnsRecord:DnsRecord";
        let r: RunResult;
        before(async () => {
            r = await plan(() => new TenantDomains("saas", {
                wildcardDomain: "tenants.example.com", originDomain: "origin.api.example.com", mappings: [rest],
                dns: "cloudflare", cloudflare: { zoneName: "example.com", proxied: true },
                tenants: [{ domain: "a.tenants.example.com" }, { domain: "api.b.com" }],
            }), inIreland);
        });

        it("creates the wildcard's and the origin's CNAMEs and the validation records in Cloudflare, none in Route 53", () => {
            assert.strictEqual(ofType(r, T.record).length, 0);
            const records = ofType(r, CF_RECORD);
            const byName = (n: string) => records.filter((x) => x.inputs.name === n);
            const wildcard = byName("*.tenants.example.com");
            assert.strictEqual(wildcard.length, 1);
            assert.strictEqual(wildcard[0].inputs.content, domainNamed(r, "*.tenants.example.com").outputs.regionalDomainName);
            assert.strictEqual(wildcard[0].inputs.proxied, true, "the viewers' name keeps the proxy the user asked for");
            const origin = byName("origin.api.example.com");
            assert.strictEqual(origin.length, 1);
            assert.strictEqual(origin[0].inputs.content, domainNamed(r, "origin.api.example.com").outputs.regionalDomainName);
            assert.strictEqual(origin[0].inputs.proxied, false, "CloudFront must reach API Gateway directly");
            const validation = records.filter((x) => /acm-validations\.aws$/.test(x.inputs.content));
            assert.ok(validation.length >= 2, "the wildcard's and the origin's certificates are validated in Cloudflare");
            assert.ok(validation.every((x) => x.inputs.proxied === false));
            const names = records.map((x) => `${x.inputs.name} ${x.inputs.content}`);
            assert.strictEqual(new Set(names).size, names.length, "Cloudflare holds each record once");
        });

        it("makes the distribution wait for the origin's Cloudflare record, and the viewer certificate in us-east-1 for its validation", () => {
            const origin = ofType(r, CF_RECORD).find((x) => x.inputs.name === "origin.api.example.com")!;
            assert.ok(one(r, MT).dependencies.includes(origin.urn) || one(r, MT).dependencies.includes(origin.parent!),
                "the distribution waits for the origin's name to resolve");
            const viewer = ofType(r, T.certificate).find((c) => c.region === "us-east-1")!;
            assert.strictEqual(viewer.inputs.domainName, "origin.api.example.com");
            const wait = ofType(r, T.validation).find((v) => v.inputs.certificateArn === viewer.outputs.arn);
            assert.ok(wait, "the viewer certificate is waited for");
            assert.strictEqual(one(r, MT).inputs.viewerCertificate.acmCertificateArn, wait!.outputs.certificateArn);
        });

        it("refuses a second component of one of its names before registering anything of it, naming the child", async () => {
            const result = await runProgram(() => {
                new TenantDomains("saas", { wildcardDomain: "tenants.example.com", mappings: [rest], dns: "cloudflare", tenants: [] });
                new TenantDomains("saas2", { wildcardDomain: "tenants.example.com", mappings: [rest], dns: "cloudflare", tenants: [] });
            }, { config: { "aws:region": "eu-west-1" } });
            assert.match(result.error?.message ?? "", /RegionalDomain "saas2-wildcard": domainName "\*\.tenants\.example\.com" already gets its Cloudflare CNAME from RegionalDomain "saas-wildcard"/);
            assert.ok(!result.resources.some((x) => x.name.startsWith("saas2")), "nothing of the second is registered");
        });
    });

    it("puts both platform names in one Route 53 zone when no zone is given: the deepest that holds both", async () => {
        const zones = (r: RunResult) => r.invokes.filter((i) => i.token === "aws:route53/getZone:getZone").map((i) => i.args.name);
        const one = await plan(() => new TenantDomains("saas", {
            wildcardDomain: "tenants.example.com", originDomain: "origin.api.example.com", mappings: [rest], tenants: [{ domain: "api.b.com" }],
        }), inIreland);
        assert.deepStrictEqual([...new Set(zones(one))], ["example.com"], "not api.example.com for the origin");
        const deeper = await plan(() => new TenantDomains("saas", {
            wildcardDomain: "tenants.api.example.com", originDomain: "origin.api.example.com", mappings: [rest], tenants: [],
        }), inIreland);
        assert.deepStrictEqual([...new Set(zones(deeper))], ["api.example.com"]);
        // Two registrable domains cannot share a zone: each name looks up its own.
        const apart = await plan(() => new TenantDomains("saas", {
            wildcardDomain: "tenants.example.com", originDomain: "origin.api.example.org", mappings: [rest], tenants: [],
        }), inIreland);
        assert.deepStrictEqual([...new Set(zones(apart))].sort(), ["api.example.org", "example.com"]);
    });

    it("serves subdomain tenants alone without any CloudFront resource", async () => {
        const r = await plan(() => new TenantDomains("saas", { wildcardDomain: "tenants.example.com", tenants: [{ domain: "a.tenants.example.com" }], mappings: [rest] }));
        assert.strictEqual(ofType(r, MT).length + ofType(r, TENANT).length + ofType(r, GROUP).length, 0);
        domainNamed(r, "*.tenants.example.com");
    });

    it("shares the origin's certificate with CloudFront when the API is in us-east-1", async () => {
        const r = await plan(() => new TenantDomains("saas", { originDomain: "origin.api.example.com", zoneName: "example.com", region: "us-east-1", tenants: [{ domain: "api.b.com" }] }));
        assert.strictEqual(ofType(r, T.certificate).length, 1);
        assert.strictEqual(one(r, MT).inputs.viewerCertificate.acmCertificateArn, domainNamed(r, "origin.api.example.com").inputs.regionalCertificateArn);
    });

    it("lets a transform reach each distribution tenant and the distribution", async () => {
        const r = await plan(() => new TenantDomains("saas", { ...platform, tenants: [{ domain: "api.b.com" }] }, {
            transform: { tenant: { tags: { tier: "gold" } }, distribution: (a) => ({ ...a, httpVersion: "http2" }) },
        }));
        assert.deepStrictEqual(one(r, TENANT).inputs.tags, { tier: "gold" });
        assert.strictEqual(one(r, MT).inputs.httpVersion, "http2");
    });

    it("writes a function that copies the viewer's Host and the tenant id into the tenant headers", () => {
        const code = tenantFunctionCode("x-tenant-domain");
        assert.match(code, /import cf from 'cloudfront'/);
        assert.match(code, /request\.headers\['x-tenant-domain'\] = \{ value: host \}/);
        assert.match(code, /cf\.distributionTenant\.id/);
    });

    describe("refuses, before anything is registered,", () => {
        const cases: [string, () => unknown, RegExp][] = [
            ["a tenant two labels below the wildcard with no CloudFront to serve it",
                () => new TenantDomains("saas", { wildcardDomain: "tenants.example.com", mappings: [rest], tenants: [{ domain: "a.b.tenants.example.com" }] }),
                /TenantDomains "saas": tenants\[0\]\.domain "a\.b\.tenants\.example\.com" is 2 labels below "tenants\.example\.com".*covers exactly one, and a deeper name needs CloudFront, which needs originDomain; use a single label such as "a-b\.tenants\.example\.com", or serve it through CloudFront .* \(set originDomain for that/],
            ["the same domain twice, whatever its case", mixed([{ domain: "api.b.com" }, { domain: "API.b.com" }]),
                /tenants\[1\]\.domain "API\.b\.com" is already tenants\[0\]\.domain/],
            ["a tenant that is the platform's origin", mixed([{ domain: "origin.api.example.com" }]), /is the platform's originDomain/],
            ["a tenant that is the wildcard's base", mixed([{ domain: "tenants.example.com" }]), /is the platform's wildcard base, which "\*\.tenants\.example\.com" does not cover/],
            ["a wildcard customer domain", mixed([{ domain: "*.customer.com" }]), /is a wildcard name, and the CloudFront-managed certificate .* HTTP-validated/],
            ["a customer domain without originDomain", () => new TenantDomains("saas", { wildcardDomain: "tenants.example.com", tenants: [{ domain: "api.b.com" }] }),
                /tenants\[0\]\.domain "api\.b\.com" is not under wildcardDomain "tenants\.example\.com", so it is a customer-owned domain.*needs originDomain/],
            ["a validation token host CloudFront does not know", mixed([{ domain: "api.b.com", validationTokenHost: "dns" as never }]),
                /tenants\[0\]\.validationTokenHost "dns" is not a validation token host CloudFront knows/],
            ["an unknown tenant argument", mixed([{ domain: "api.b.com", domains: ["x.b.com"] } as never]), /tenants\[0\]\.domains .* is not an argument of tenants\[0\]/],
            ["an additional domain one label under the wildcard (a subdomain tenant's name)", mixed([{ domain: "api.b.com", additionalDomains: ["b.tenants.example.com"] }]),
                /additionalDomains\[0\] "b\.tenants\.example\.com" is one label under wildcardDomain "tenants\.example\.com": such names are subdomain tenants/],
            ["a wildcard given as the base", () => new TenantDomains("saas", { wildcardDomain: "*.tenants.example.com", tenants: [] }), /pass the base: "tenants\.example\.com"/],
            ["no platform name at all", () => new TenantDomains("saas", { tenants: [] }), /wildcardDomain \(not set\) and originDomain are both missing/],
            ["a WAF Classic web ACL (multi-tenant distributions take WAFv2 only)", () => new TenantDomains("saas", { ...platform, tenants: [], webAclId: "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111" }),
                /webAclId "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111" is not a WAFv2 web ACL ARN; multi-tenant distributions take only AWS WAF V2 web ACLs/],
            ["a regional web ACL", () => new TenantDomains("saas", { ...platform, tenants: [], webAclId: "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/x/1" }),
                /webAclId .* is a regional web ACL/],
            ["a viewer certificate outside us-east-1", () => new TenantDomains("saas", { ...platform, tenants: [], viewerCertificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/x" }),
                /viewerCertificateArn .* is not an ACM certificate in us-east-1/],
        ];
        for (const [what, program, message] of cases) {
            it(what, async () => assert.match(await rejected(program), message));
        }
    });
});

describe("TenantDomains arguments", () => {
    const args = { ...platform, tenants: [{ domain: "api.b.com" }] };
    const WHY = "is a deploy-time value (a secret, or an output of a resource or of another stack), but must be known while the program runs: ";

    it("refuses a tenant list that is an Output: it decides the distribution tenants", async () => {
        const message = await rejected(() => new TenantDomains("saas", { ...args, tenants: pulumi.output([{ domain: "api.b.com" }]) as never }));
        assert.ok(message.startsWith(`TenantDomains "saas": tenants (an Output) ${WHY}the list decides how many distribution tenants exist`), message);
    });

    it("refuses a secret tenant domain, naming the tenant", async () => {
        const message = await rejected(() => new TenantDomains("saas", { ...args, tenants: [{ domain: pulumi.secret("api.b.com") as never }] }));
        assert.ok(message.startsWith(`TenantDomains "saas": tenants[0].domain (an Output) ${WHY}the tenant's domain names its resources`), message);
    });

    it("refuses an Output region: it decides whether the origin's certificate also serves CloudFront", async () => {
        const message = await rejected(() => new TenantDomains("saas", { ...args, region: pulumi.output("eu-west-1") as never }));
        assert.ok(message.startsWith(`TenantDomains "saas": region (an Output) ${WHY}`), message);
    });

    it("passes secret certificate ARNs, a web ACL output and a secret zone name on, keeping them secret", async () => {
        const viewer = "arn:aws:acm:us-east-1:123456789012:certificate/viewer";
        const acl = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/saas/abc";
        const r = await plan(() => new TenantDomains("saas", {
            ...args, zoneName: pulumi.secret("example.com"), viewerCertificateArn: pulumi.secret(viewer), webAclId: pulumi.output(acl),
            originCertificateArn: pulumi.secret("arn:aws:acm:us-west-2:123456789012:certificate/origin"),
        }));
        const distribution = one(r, MT);
        assert.strictEqual(distribution.inputs.viewerCertificate.acmCertificateArn, viewer);
        assert.ok(distribution.secretInputs?.includes("viewerCertificate"));
        assert.strictEqual(distribution.inputs.webAclId, acl);
        assert.strictEqual(ofType(r, T.certificate).length, 1, "only the wildcard's certificate is requested");
        assert.ok(r.invokes.filter((i) => i.token === "aws:route53/getZone:getZone").every((i) => i.args.name === "example.com"));
    });

    it("refuses a misspelt argument, suggesting the right one, and unknown keys inside tenants and originVerification", async () => {
        assert.strictEqual(await rejected(() => new TenantDomains("saas", { ...args, zoneNmae: "example.com" } as never)),
            'TenantDomains "saas": zoneNmae "example.com" is not an argument of TenantDomains; did you mean "zoneName"?');
        assert.match(await rejected(() => new TenantDomains("saas", { ...args, originVerification: { header: "x" } as never })),
            /originVerification\.header "x" is not an argument of originVerification/);
        assert.match(await rejected(() => new TenantDomains("saas", { ...args, tenants: [{ domain: "api.b.com", validationHost: "cloudfront" } as never] })),
            /tenants\[0\]\.validationHost "cloudfront" is not an argument of tenants\[0\]; remove it \(the arguments are domain, additionalDomains, validationTokenHost, enabled\)/);
    });

    it("takes arguments sent as undefined (how other languages send unset ones)", async () => {
        const r = await plan(() => new TenantDomains("saas", { ...args, zoneNmae: undefined, tags: undefined, tenants: [{ domain: "api.b.com", enabled: undefined }] } as never));
        assert.strictEqual(ofType(r, TENANT).length, 1);
    });

    it("refuses a provider passed among the arguments", async () => {
        assert.match(await rejected(() => new TenantDomains("saas", { ...args, dnsProvider: {} } as never)), /dnsProvider .* is a resource option, not an argument/);
    });
});
