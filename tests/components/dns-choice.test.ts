// The DNS choice of the public components: Route 53 (the default), Cloudflare and external DNS.
// Each test runs a program against the simulated AWS and Cloudflare and asserts what was
// registered: the records, where (provider, zone), their inputs, and what waits on what.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as cloudflare from "@pulumi/cloudflare";
import { Certificate } from "../../components/certificate";
import { CloudFrontDomain } from "../../components/cloudfront-domain";
import { EdgeDomain } from "../../components/edge-domain";
import { MultiRegionDomain } from "../../components/multi-region-domain";
import { PrivateAlbDomain } from "../../components/private-alb-domain";
import { PrivateDomain } from "../../components/private-domain";
import { RegionalDomain } from "../../components/regional-domain";
import { runProgram } from "../../offline/engine";
import { T, ofType, one, plan, propertyDeps, rejected } from "../helpers";

const CF_RECORD = "cloudflare:index/dnsRecord:DnsRecord";
const CF_ZONE = "cloudflare:index/getZone:getZone";
const CF_PROVIDER = "pulumi:providers:cloudflare";
const REST = { apiId: "restapi001", stage: "prod" };
const ZONE_ID = "023e105f4ecef8ad9ca31a8372d0c353";

function value<V>(o: pulumi.Output<V>): Promise<V> {
    return new Promise((res) => o.apply((v) => { res(v); return v; }));
}

describe("DNS choice: Cloudflare", () => {
    it("creates the validation CNAME and the domain's CNAME to the regional target in the Cloudflare zone, and nothing in Route 53", async () => {
        let d: RegionalDomain | undefined;
        const r = await plan(() => { d = new RegionalDomain("api", { domainName: "api.example.com", region: "eu-west-1", mappings: [REST], dns: "cloudflare", cloudflare: { zoneName: "example.com" } }); });
        assert.deepStrictEqual(ofType(r, T.record), []);
        assert.deepStrictEqual(r.invokes.filter((i) => i.token === "aws:route53/getZone:getZone"), []);
        const lookups = r.invokes.filter((i) => i.token === CF_ZONE);
        assert.strictEqual(lookups.length, 1, "one zone look-up serves the certificate and the domain");
        assert.deepStrictEqual(lookups[0].args.filter, { name: "example.com" });
        const records = ofType(r, CF_RECORD);
        assert.deepStrictEqual(records.map((x) => x.name).sort(), ["api-cert-validation-api.example.com", "api-cname"]);
        const cert = one(r, T.certificate);
        const option = cert.outputs.domainValidationOptions[0];
        const validation = records.find((x) => x.name.startsWith("api-cert-validation"))!;
        assert.strictEqual(validation.inputs.type, "CNAME");
        assert.strictEqual(validation.inputs.name, option.resourceRecordName.replace(/\.$/, ""));
        assert.strictEqual(validation.inputs.content, option.resourceRecordValue.replace(/\.$/, ""));
        assert.strictEqual(validation.inputs.proxied, false);
        assert.strictEqual(validation.inputs.ttl, 1);
        const cname = one(r, CF_RECORD, "api-cname");
        const domain = one(r, T.domainV1);
        assert.strictEqual(cname.inputs.type, "CNAME");
        assert.strictEqual(cname.inputs.name, "api.example.com");
        assert.strictEqual(cname.inputs.content, domain.outputs.regionalDomainName);
        assert.match(cname.inputs.content, /^d-[a-z0-9]+\.execute-api\.eu-west-1\.amazonaws\.com$/);
        assert.strictEqual(cname.inputs.proxied, false, "proxying is off by default");
        for (const rec of records) assert.strictEqual(rec.inputs.zoneId, cname.inputs.zoneId);
        assert.match(cname.inputs.zoneId, /^[0-9a-f]{32}$/);
        // The certificate waits for the Cloudflare record; the domain waits for the validated certificate.
        const wait = one(r, T.validation);
        assert.deepStrictEqual(propertyDeps(wait, "validationRecordFqdns"), [validation.urn]);
        assert.deepStrictEqual(wait.inputs.validationRecordFqdns, [validation.outputs.name]);
        assert.deepStrictEqual(propertyDeps(domain, "regionalCertificateArn"), [wait.urn]);
        assert.ok(propertyDeps(cname, "content").includes(domain.urn));
        const outputs = await value(d!.dnsRecords);
        assert.deepStrictEqual(outputs.map((x) => [x.purpose, x.type, x.name]), [
            ["certificate-validation", "CNAME", validation.inputs.name], ["domain", "CNAME", "api.example.com"]]);
    });

    it("gives the records the Cloudflare provider passed in the component's providers", async () => {
        const r = await plan(() => {
            const cf = new cloudflare.Provider("cf", { apiToken: "token" });
            new RegionalDomain("api", { domainName: "api.example.com", dns: "cloudflare", cloudflare: { zoneId: ZONE_ID } }, { providers: [cf] });
        });
        const provider = one(r, CF_PROVIDER, "cf");
        const records = ofType(r, CF_RECORD);
        assert.strictEqual(records.length, 2);
        for (const rec of records) {
            assert.strictEqual(rec.providerUrn, provider.urn);
            assert.strictEqual(rec.inputs.zoneId, ZONE_ID);
        }
        assert.strictEqual(one(r, T.certificate).providerUrn, undefined, "the AWS resources keep their own provider");
        assert.deepStrictEqual(r.invokes.filter((i) => i.token === CF_ZONE), [], "a zone id needs no look-up");
    });

    it("looks the zone up by the registrable domain when none is named, and points an edge domain at its CloudFront name", async () => {
        const r = await plan(() => new EdgeDomain("edge", { domainName: "a.b.example.co.uk", mappings: [REST], dns: "cloudflare" }));
        assert.deepStrictEqual(r.invokes.filter((i) => i.token === CF_ZONE).map((i) => i.args.filter), [{ name: "example.co.uk" }]);
        const cname = one(r, CF_RECORD, "edge-cname");
        assert.strictEqual(cname.inputs.content, one(r, T.domainV1).outputs.cloudfrontDomainName);
        assert.match(cname.inputs.content, /^d[a-z0-9]+\.cloudfront\.net$/);
        assert.strictEqual(one(r, T.certificate).region, "us-east-1");
    });

    it("sends the zone look-up through the component's Cloudflare provider, and says that a Route 53 dnsProvider is not used", async () => {
        const r = await plan(() => {
            const cf = new cloudflare.Provider("cf", { apiToken: "token" });
            const route53 = new aws.Provider("dns-account", { region: "us-east-1" });
            new RegionalDomain("api", { domainName: "api.example.com", dns: "cloudflare" }, { providers: [cf], dnsProvider: route53 });
        });
        const lookup = r.invokes.find((i) => i.token === CF_ZONE)!;
        assert.ok(lookup.provider?.startsWith(one(r, CF_PROVIDER, "cf").urn), `the look-up went through ${lookup.provider}`);
        assert.ok(r.diagnostics.some((d) => d.severity === "warning" && /RegionalDomain "api": the dnsProvider option is for Route 53, and dns is "cloudflare", so it is not used/.test(d.message)));
        assert.deepStrictEqual(ofType(r, T.record), []);
    });

    it("proxies the domain's record when asked, never the validation record", async () => {
        const r = await plan(() => new RegionalDomain("api", { domainName: "api.example.com", dns: "cloudflare", cloudflare: { zoneId: ZONE_ID, proxied: true, ttl: 300 } }));
        const cname = one(r, CF_RECORD, "api-cname");
        assert.strictEqual(cname.inputs.proxied, true);
        assert.strictEqual(cname.inputs.ttl, 1, "a proxied record's TTL is automatic");
        const validation = ofType(r, CF_RECORD).find((x) => x !== cname)!;
        assert.strictEqual(validation.inputs.proxied, false);
        assert.strictEqual(validation.inputs.ttl, 300);
    });

    it("with a certificate brought along, creates only the domain's CNAME", async () => {
        const r = await plan(() => new RegionalDomain("api", { domainName: "api.example.com", region: "eu-west-1", dns: "cloudflare", cloudflare: { zoneId: ZONE_ID }, certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/2222" }));
        assert.deepStrictEqual(ofType(r, CF_RECORD).map((x) => x.name), ["api-cname"]);
        assert.deepStrictEqual(ofType(r, T.certificate), []);
    });

    it("lets transforms reach the Cloudflare records, but not proxy a validation record", async () => {
        const r = await plan(() => new RegionalDomain("api", { domainName: "api.example.com", dns: "cloudflare", cloudflare: { zoneId: ZONE_ID } },
            { transform: { cloudflareRecord: { comment: "owned by the API team" }, certificate: { cloudflareValidationRecord: { tags: ["team:api"] } } } }));
        assert.strictEqual(one(r, CF_RECORD, "api-cname").inputs.comment, "owned by the API team");
        assert.deepStrictEqual(one(r, CF_RECORD, "api-cert-validation-api.example.com").inputs.tags, ["team:api"]);
        const failed = await runProgram(() => new RegionalDomain("api", { domainName: "api.example.com", dns: "cloudflare", cloudflare: { zoneId: ZONE_ID } },
            { transform: { certificate: { cloudflareValidationRecord: { proxied: true } } } }), { config: { "aws:region": "us-west-2" } });
        assert.match(String(failed.error?.message), /transform \(api-cert-validation-api\.example\.com\)\.proxied true would proxy an ACM validation record/);
        assert.deepStrictEqual(ofType(failed, CF_RECORD), []);
    });

    it("creates one validation record for a wildcard and its apex", async () => {
        const r = await plan(() => new Certificate("c", { domainName: "*.example.com", subjectAlternativeNames: ["example.com"], dns: "cloudflare", cloudflare: { zoneId: ZONE_ID } }));
        const records = ofType(r, CF_RECORD);
        assert.strictEqual(records.length, 1);
        assert.deepStrictEqual(propertyDeps(one(r, T.validation), "validationRecordFqdns"), [records[0].urn]);
    });

    it("shares one validation record between certificates of one name in one program (ACM gives both the same CNAME)", async () => {
        const r = await plan(() => {
            new Certificate("east", { domainName: "api.example.com", region: "us-east-1", dns: "cloudflare", cloudflare: { zoneId: ZONE_ID } });
            new Certificate("west", { domainName: "api.example.com", region: "eu-west-1", dns: "cloudflare", cloudflare: { zoneId: ZONE_ID } });
        });
        const records = ofType(r, CF_RECORD);
        assert.strictEqual(records.length, 1);
        const waits = ofType(r, T.validation);
        assert.strictEqual(waits.length, 2);
        for (const w of waits) assert.deepStrictEqual(propertyDeps(w, "validationRecordFqdns"), [records[0].urn]);
    });

    it("accepts a CNAME at the apex of a Cloudflare zone, which Cloudflare flattens", async () => {
        const r = await plan(() => new RegionalDomain("apex", { domainName: "example.com", dns: "cloudflare", cloudflare: { zoneName: "example.com" } }));
        assert.strictEqual(one(r, CF_RECORD, "apex-cname").inputs.name, "example.com");
        assert.deepStrictEqual(r.diagnostics.filter((d) => d.severity === "warning" && /apex|CNAME/.test(d.message)).map((d) => d.message), []);
    });

    it("refuses a second component that would create the CNAME of the same name, before it registers anything", async () => {
        const r = await runProgram(() => {
            new RegionalDomain("one", { domainName: "api.example.com", dns: "cloudflare", cloudflare: { zoneId: ZONE_ID } });
            new EdgeDomain("two", { domainName: "api.example.com", dns: "cloudflare", cloudflare: { zoneId: ZONE_ID } });
        }, { config: { "aws:region": "us-west-2" } });
        assert.match(String(r.error?.message), /EdgeDomain "two": domainName "api\.example\.com" already gets its Cloudflare CNAME from RegionalDomain "one" in this program, and a name holds one CNAME/);
        assert.deepStrictEqual(r.resources.filter((x) => x.urn.includes("EdgeDomain")), []);
    });

    it("fails the look-up of a zone no account holds (a public suffix) as the provider does", async () => {
        const r = await runProgram(() => new RegionalDomain("api", { domainName: "api.example.com", dns: "cloudflare", cloudflare: { zoneName: "com" } }),
            { config: { "aws:region": "us-west-2" } });
        assert.match(String(r.error?.message), /getZone.*failed to find exactly one result: 0 found/s);
        assert.deepStrictEqual(ofType(r, CF_RECORD), []);
    });
});

describe("DNS choice: CloudFrontDomain (two certificates, one name)", () => {
    it("validates both certificates through one Cloudflare record and points the name at the distribution", async () => {
        let d: CloudFrontDomain | undefined;
        const r = await plan(() => { d = new CloudFrontDomain("cdn", { domainName: "cdn.example.com", region: "eu-west-1", mappings: [REST], dns: "cloudflare", cloudflare: { zoneName: "example.com" } }); });
        assert.deepStrictEqual(ofType(r, T.record), []);
        const certs = ofType(r, T.certificate);
        assert.deepStrictEqual(certs.map((c) => c.region).sort(), ["eu-west-1", "us-east-1"]);
        const records = ofType(r, CF_RECORD);
        assert.deepStrictEqual(records.map((x) => x.name).sort(), ["cdn-cert-validation-cdn.example.com", "cdn-cname"]);
        const validation = one(r, CF_RECORD, "cdn-cert-validation-cdn.example.com");
        const waits = ofType(r, T.validation);
        assert.strictEqual(waits.length, 2);
        for (const w of waits) assert.deepStrictEqual(propertyDeps(w, "validationRecordFqdns"), [validation.urn]);
        const cname = one(r, CF_RECORD, "cdn-cname");
        assert.strictEqual(cname.inputs.content, one(r, T.distribution).outputs.domainName);
        assert.strictEqual(r.invokes.filter((i) => i.token === CF_ZONE).length, 1);
        const out = await value(d!.dnsRecords);
        assert.deepStrictEqual(out.map((x) => x.purpose), ["certificate-validation", "domain"]);
    });

    it("with external DNS, outputs one validation record for both certificates and the CNAME to the distribution", async () => {
        let d: CloudFrontDomain | undefined;
        const r = await plan(() => { d = new CloudFrontDomain("cdn", { domainName: "cdn.example.com", region: "eu-west-1", dns: "external" }); });
        assert.deepStrictEqual(ofType(r, T.record), []);
        for (const w of ofType(r, T.validation)) assert.strictEqual(w.inputs.validationRecordFqdns, undefined);
        const out = await value(d!.dnsRecords);
        assert.deepStrictEqual(out.map((x) => [x.purpose, x.type]), [["certificate-validation", "CNAME"], ["domain", "CNAME"]]);
        assert.strictEqual(out[1].value, one(r, T.distribution).outputs.domainName);
    });
});

describe("DNS choice: the public validation of the private components' certificates", () => {
    const VPCE = "vpce-0123456789abcdef0";
    it("PrivateDomain validates in Cloudflare and keeps its private zone in Route 53", async () => {
        const r = await plan(() => new PrivateDomain("p", {
            domainName: "api.internal.example.com", vpcEndpointIds: [VPCE], privateZone: { vpcId: "vpc-0123456789abcdef0" },
            certificateDns: "cloudflare", certificateCloudflare: { zoneName: "example.com" },
        }));
        const records = ofType(r, CF_RECORD);
        assert.deepStrictEqual(records.map((x) => x.name), ["p-cert-validation-api.internal.example.com"]);
        assert.deepStrictEqual(propertyDeps(one(r, T.validation), "validationRecordFqdns"), [records[0].urn]);
        assert.deepStrictEqual(r.invokes.filter((i) => i.token === "aws:route53/getZone:getZone"), [], "no public Route 53 zone is looked up");
        const aliases = ofType(r, T.record);
        assert.deepStrictEqual(aliases.map((a) => a.inputs.type).sort(), ["A", "AAAA"], "the private zone answers inside the VPC");
    });

    it("PrivateAlbDomain with external validation outputs the validation record and still creates its private alias", async () => {
        let d: PrivateAlbDomain | undefined;
        const r = await plan(() => { d = new PrivateAlbDomain("alb", {
            domainName: "api.internal.example.com", vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0a1b2c3d4e5f60718", "subnet-1a2b3c4d5e6f70819"],
            certificateDns: "external",
        }); });
        assert.deepStrictEqual(ofType(r, CF_RECORD), []);
        assert.strictEqual(one(r, T.validation).inputs.validationRecordFqdns, undefined);
        assert.ok(ofType(r, T.record).every((x) => x.inputs.aliases), "only the private alias records");
        const out = await value(d!.dnsRecords);
        assert.deepStrictEqual(out.map((x) => x.purpose), ["certificate-validation"]);
    });

    it("names the private components' own arguments in their errors", async () => {
        assert.match(await rejected(() => new PrivateDomain("p", { domainName: "api.internal.example.com", vpcEndpointIds: [VPCE], certificateDns: "cloudflare", certificateZoneName: "example.com" })),
            /PrivateDomain "p": certificateZoneName "example\.com" is a Route 53 setting, and dns is "cloudflare"/);
        assert.match(await rejected(() => new PrivateDomain("p", { domainName: "api.internal.example.com", vpcEndpointIds: [VPCE], certificateDns: "cloudflare", certificateCloudflare: { zoneName: "other.com" } })),
            /certificateCloudflare\.zoneName "other\.com" does not contain the domain/);
        assert.match(await rejected(() => new PrivateDomain("p", { domainName: "api.internal.example.com", vpcEndpointIds: [VPCE], certificateDns: "cloudflare", certificateCloudflare: { zoneId: ZONE_ID, proxied: true } })),
            /certificateCloudflare\.proxied true would proxy ACM's validation records/);
    });
});

describe("DNS choice: external", () => {
    it("creates no records, waits for validation without record names, and outputs and logs the records to create", async () => {
        let d: RegionalDomain | undefined;
        const r = await plan(() => { d = new RegionalDomain("api", { domainName: "api.example.com", region: "eu-west-1", mappings: [REST], dns: "external" }); });
        assert.deepStrictEqual(ofType(r, T.record), []);
        assert.deepStrictEqual(ofType(r, CF_RECORD), []);
        assert.deepStrictEqual(r.invokes.filter((i) => i.token.endsWith("getZone")), []);
        const wait = one(r, T.validation);
        assert.strictEqual(wait.inputs.validationRecordFqdns, undefined);
        assert.deepStrictEqual(propertyDeps(wait, "certificateArn"), [one(r, T.certificate).urn]);
        const domain = one(r, T.domainV1);
        assert.deepStrictEqual(propertyDeps(domain, "regionalCertificateArn"), [wait.urn]);
        const option = one(r, T.certificate).outputs.domainValidationOptions[0];
        const records = await value(d!.dnsRecords);
        assert.deepStrictEqual(records, [
            { name: option.resourceRecordName.replace(/\.$/, ""), type: "CNAME", value: option.resourceRecordValue.replace(/\.$/, ""), purpose: "certificate-validation" },
            { name: "api.example.com", type: "CNAME", value: domain.outputs.regionalDomainName, purpose: "domain" },
        ]);
        assert.doesNotMatch(records[1].value, /^[a-z0-9]{10}\.execute-api/, "never the default endpoint");
        const infos = r.diagnostics.filter((x) => x.severity === "info").map((x) => x.message).join("\n");
        assert.match(infos, /RegionalDomain "api": create these validation records in your DNS \(dns "external"\):\n\s+_[0-9a-f]+\.api\.example\.com CNAME /);
        assert.match(infos, /up to 75 minutes/);
        assert.match(infos, /api\.example\.com CNAME d-[a-z0-9]+\.execute-api\.eu-west-1\.amazonaws\.com \(domain\)/);
    });

    it("logs exactly what the README shows for it", async () => {
        const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
        const after = readme.slice(readme.indexOf("### External DNS: the records, and the wait"));
        const shown = /^```\n([\s\S]*?)^```$/m.exec(after)![1].trim();
        const r = await plan(() => new RegionalDomain("api", { domainName: "api.example.com", region: "eu-west-1", dns: "external" }), { config: { "aws:region": "eu-west-1" } });
        const logged = r.diagnostics.filter((x) => x.severity === "info").map((x) => x.message.trim()).join("\n");
        assert.strictEqual(logged, shown);
    });

    it("gives an edge domain's CNAME to the distribution API Gateway manages", async () => {
        let d: EdgeDomain | undefined;
        const r = await plan(() => { d = new EdgeDomain("edge", { domainName: "api.example.com", dns: "external" }); });
        const out = await value(d!.dnsRecords);
        assert.deepStrictEqual(out[out.length - 1], { name: "api.example.com", type: "CNAME", value: one(r, T.domainV1).outputs.cloudfrontDomainName, purpose: "domain" });
        assert.strictEqual(one(r, T.validation).region, "us-east-1");
    });

    it("with a certificate brought along, outputs only the domain's CNAME", async () => {
        let d: RegionalDomain | undefined;
        const r = await plan(() => { d = new RegionalDomain("api", { domainName: "api.example.com", region: "eu-west-1", dns: "external", certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/2222" }); });
        assert.deepStrictEqual(ofType(r, T.certificate), []);
        assert.deepStrictEqual((await value(d!.dnsRecords)).map((x) => x.purpose), ["domain"]);
    });

    it("warns that an apex needs flattening, and still plans", async () => {
        const r = await plan(() => new RegionalDomain("apex", { domainName: "example.com", dns: "external" }));
        assert.ok(r.diagnostics.some((x) => x.severity === "warning" && /domainName "example\.com" is a zone apex/.test(x.message)));
        assert.strictEqual(ofType(r, T.domainV1).length, 1);
    });

    it("requests and waits for a certificate on its own", async () => {
        let c: Certificate | undefined;
        const r = await plan(() => { c = new Certificate("c", { domainName: "api.example.com", subjectAlternativeNames: ["www.example.com"], dns: "external" }); });
        assert.strictEqual(one(r, T.certificate).inputs.validationMethod, "DNS");
        const records = await value(c!.dnsRecords);
        assert.deepStrictEqual(records.map((x) => x.purpose), ["certificate-validation", "certificate-validation"]);
    });
});

describe("DNS choice: Route 53 stays the default", () => {
    it("creates alias and validation records in Route 53 and nothing in Cloudflare", async () => {
        let d: RegionalDomain | undefined;
        const r = await plan(() => { d = new RegionalDomain("api", { domainName: "api.example.com", dns: "route53" }); });
        assert.strictEqual(ofType(r, T.record).length, 2);
        assert.deepStrictEqual(ofType(r, CF_RECORD), []);
        assert.deepStrictEqual(await value(d!.dnsRecords), []);
    });
});

describe("DNS choice: bad input is refused before anything is registered", () => {
    const cases: [string, () => unknown, RegExp][] = [
        ["a DNS choice that does not exist", () => new RegionalDomain("c", { domainName: "api.example.com", dns: "godaddy" as never }),
            /RegionalDomain "c": dns "godaddy" is not a DNS choice; use "route53", "cloudflare", "external"/],
        ["a Route 53 zone with Cloudflare", () => new RegionalDomain("c", { domainName: "api.example.com", dns: "cloudflare", zoneName: "example.com" }),
            /zoneName "example\.com" is a Route 53 setting, and dns is "cloudflare"; drop it; name the Cloudflare zone in cloudflare\.zoneId or cloudflare\.zoneName/],
        ["createRecords with external DNS", () => new EdgeDomain("c", { domainName: "api.example.com", dns: "external", createRecords: false }),
            /createRecords false is a Route 53 setting, and dns is "external"/],
        ["Cloudflare settings without the Cloudflare choice", () => new RegionalDomain("c", { domainName: "api.example.com", cloudflare: { zoneId: ZONE_ID } }),
            /cloudflare .* configures Cloudflare records, and dns is "route53"; set dns: "cloudflare"/],
        ["a Cloudflare zone that does not hold the domain", () => new RegionalDomain("c", { domainName: "api.myexample.com", dns: "cloudflare", cloudflare: { zoneName: "example.com" } }),
            /cloudflare\.zoneName "example\.com" does not contain the domain "api\.myexample\.com" on whole labels; pass the Cloudflare zone/],
        ["a SAN outside the Cloudflare zone", () => new Certificate("c", { domainName: "api.example.com", subjectAlternativeNames: ["api.other.com"], dns: "cloudflare", cloudflare: { zoneName: "example.com" } }),
            /subjectAlternativeNames\[0\] "api\.other\.com" is not in the zone "example\.com"/],
        ["a SAN outside the default Cloudflare zone (the domain's registrable domain)", () => new Certificate("c", { domainName: "api.example.com", subjectAlternativeNames: ["api.example.org"], dns: "cloudflare" }),
            /subjectAlternativeNames\[0\] "api\.example\.org" is not in the zone "example\.com" that holds the validation records; request names from other zones in a separate Certificate/],
        ["a TTL Cloudflare refuses", () => new RegionalDomain("c", { domainName: "api.example.com", dns: "cloudflare", cloudflare: { zoneId: ZONE_ID, ttl: 20 } }),
            /cloudflare\.ttl 20 is outside what Cloudflare accepts/],
        ["a misspelt Cloudflare argument", () => new RegionalDomain("c", { domainName: "api.example.com", dns: "cloudflare", cloudflare: { zoneID: ZONE_ID } as never }),
            /cloudflare\.zoneID .* is not an argument of cloudflare; did you mean "zoneId"\?/],
        ["a proxied certificate (only validation records)", () => new Certificate("c", { domainName: "api.example.com", dns: "cloudflare", cloudflare: { zoneId: ZONE_ID, proxied: true } }),
            /cloudflare\.proxied true would proxy ACM's validation records/],
        ["a Cloudflare zone id that is a secret is fine, but a zone name that is an output is not", () => new RegionalDomain("c", { domainName: "api.example.com", dns: "cloudflare", cloudflare: { zoneName: pulumi.output("example.com") as never } }),
            /cloudflare\.zoneName \(an Output\) is a deploy-time value/],
        ["the DNS choice as an output", () => new RegionalDomain("c", { domainName: "api.example.com", dns: pulumi.output("cloudflare") as never }),
            /dns \(an Output\) is a deploy-time value/],
    ];
    for (const [what, program, message] of cases) {
        it(`refuses ${what}`, async () => assert.match(await rejected(program), message));
    }

    for (const choice of ["cloudflare", "external"] as const) {
        it(`refuses MultiRegionDomain with dns "${choice}": routed records are Route 53's, saying what to do instead`, async () => {
            const message = await rejected(() => new MultiRegionDomain("m", {
                domainName: "api.example.com", dns: choice, regions: [{ region: "us-east-1" }, { region: "eu-west-1" }], mappings: [REST],
            }));
            assert.match(message, new RegExp(`MultiRegionDomain "m": dns "${choice}" cannot hold the routed records: latency, weighted and failover routing with health checks are Route 53 routing policies`));
            assert.match(message, /create one RegionalDomain per region with dns "cloudflare" or "external"/);
        });
    }

    it("takes the private components' Cloudflare zone id from another stack, and refuses their DNS choice as an output", async () => {
        const base = { domainName: "api.internal.example.com", vpcEndpointIds: ["vpce-0123456789abcdef0"] };
        const r = await plan(() => new PrivateDomain("p", { ...base, certificateDns: "cloudflare", certificateCloudflare: { zoneId: pulumi.secret(ZONE_ID) } }));
        assert.strictEqual(one(r, CF_RECORD).inputs.zoneId, ZONE_ID);
        assert.match(await rejected(() => new PrivateDomain("p", { ...base, certificateDns: pulumi.output("cloudflare") as never })),
            /certificateDns \(an Output\) is a deploy-time value/);
    });

    it("takes a Cloudflare zone id from another stack (an output)", async () => {
        const r = await plan(() => new RegionalDomain("c", { domainName: "api.example.com", dns: "cloudflare", cloudflare: { zoneId: pulumi.secret(ZONE_ID) } }));
        for (const rec of ofType(r, CF_RECORD)) assert.strictEqual(rec.inputs.zoneId, ZONE_ID);
    });
});
