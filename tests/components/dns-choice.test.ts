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
import { delegationZoneTypeProblem } from "../../aws/cloudflare";
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
        assert.deepStrictEqual(records.map((x) => x.name).sort(), ["acm-validation-api.example.com", "api-cname"]);
        const cert = one(r, T.certificate);
        const option = cert.outputs.domainValidationOptions[0];
        const validation = records.find((x) => x.name.startsWith("acm-validation"))!;
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
        assert.deepStrictEqual(one(r, CF_RECORD, `acm-validation-api.example.com`).inputs.tags, ["team:api"]);
        const failed = await runProgram(() => new RegionalDomain("api", { domainName: "api.example.com", dns: "cloudflare", cloudflare: { zoneId: ZONE_ID } },
            { transform: { certificate: { cloudflareValidationRecord: { proxied: true } } } }), { config: { "aws:region": "us-west-2" } });
        assert.match(String(failed.error?.message), /transform \(acm-validation-api\.example\.com\)\.proxied true would proxy an ACM validation record/);
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
        // The first waits on the record; the second on it too, and on the certificates whose CNAMEs are compared.
        assert.deepStrictEqual(propertyDeps(waits[0], "validationRecordFqdns"), [records[0].urn]);
        assert.deepStrictEqual(propertyDeps(waits[1], "validationRecordFqdns").filter((u) => !u.endsWith("-acm")), [records[0].urn]);
    });

    describe("one validation record per name and zone, whatever AWS provider requests the certificate (one account)", () => {
        const cases: [string, () => void][] = [
            ["a Certificate with a us-east-1 provider next to a RegionalDomain of the same name", () => {
                const use1 = new aws.Provider("use1", { region: "us-east-1" });
                new Certificate("cert", { domainName: "api.example.com", dns: "cloudflare" }, { provider: use1 });
                new RegionalDomain("r", { domainName: "api.example.com", region: "eu-west-1", mappings: [REST], dns: "cloudflare" });
            }],
            ["a CloudFrontDomain whose viewer certificate takes its own provider", () => {
                const use1 = new aws.Provider("use1", { region: "us-east-1" });
                new CloudFrontDomain("c", { domainName: "api.example.com", region: "eu-west-1", mappings: [REST], dns: "cloudflare" }, { certificateProvider: use1 });
            }],
            ["two Certificates of one name, one given a provider through providers", () => {
                const p = new aws.Provider("p", { region: "eu-west-1" });
                new Certificate("a", { domainName: "api.example.com", dns: "cloudflare" }, { providers: [p] });
                new Certificate("b", { domainName: "*.api.example.com", subjectAlternativeNames: ["api.example.com"], dns: "cloudflare", region: "us-east-1" });
            }],
        ];
        for (const [what, program] of cases) {
            it(what, async () => {
                const r = await plan(program);
                const validations = ofType(r, CF_RECORD).filter((x) => x.inputs.comment?.startsWith("ACM"));
                assert.deepStrictEqual(validations.map((x) => x.name), ["acm-validation-api.example.com"]);
                const waits = ofType(r, T.validation);
                assert.ok(waits.length >= 2);
                for (const w of waits) assert.ok(propertyDeps(w, "validationRecordFqdns").includes(validations[0].urn), `${w.name} waits on the shared record`);
            });
        }

        it("keeps the shared record one resource, at the stack's level, when the component that created it goes", async () => {
            const both = await plan(() => {
                new Certificate("first", { domainName: "api.example.com", dns: "cloudflare" });
                new RegionalDomain("second", { domainName: "api.example.com", dns: "cloudflare" });
            });
            const onlySecond = await plan(() => new RegionalDomain("second", { domainName: "api.example.com", dns: "cloudflare" }));
            const before = one(both, CF_RECORD, "acm-validation-api.example.com");
            const after = one(onlySecond, CF_RECORD, "acm-validation-api.example.com");
            assert.strictEqual(after.urn, before.urn, "same URN: Pulumi neither deletes nor creates it");
            assert.deepStrictEqual([after.inputs.name, after.inputs.content, after.inputs.comment], [before.inputs.name, before.inputs.content, before.inputs.comment]);
            assert.doesNotMatch(before.urn, /Certificate|RegionalDomain/);
            // Naming the zone by id instead of by name keeps the URN too (a new URN would be created before the old is deleted: 81053).
            const byId = await plan(() => new RegionalDomain("second", { domainName: "api.example.com", dns: "cloudflare", cloudflare: { zoneId: ZONE_ID } }));
            assert.strictEqual(one(byId, CF_RECORD, "acm-validation-api.example.com").urn, before.urn);
        });

        it("creates a record per zone when the name is validated in two zones", async () => {
            const r = await plan(() => {
                new Certificate("a", { domainName: "api.example.com", dns: "cloudflare", cloudflare: { zoneId: ZONE_ID } });
                new Certificate("b", { domainName: "api.example.com", dns: "cloudflare", cloudflare: { zoneName: "api.example.com" } });
            });
            assert.deepStrictEqual(ofType(r, CF_RECORD).map((x) => x.name).sort(), ["acm-validation-api.example.com", "acm-validation-api.example.com@api.example.com"]);
        });

        it("says which certificates differ when one in another account gets another CNAME, instead of waiting out the validation", async () => {
            const r = await runProgram(() => {
                const other = new aws.Provider("other", { region: "eu-west-1", assumeRoles: [{ roleArn: "arn:aws:iam::210987654321:role/deploy" }] });
                new Certificate("home", { domainName: "api.example.com", dns: "cloudflare" });
                new Certificate("away", { domainName: "api.example.com", dns: "cloudflare" }, { provider: other });
            }, { config: { "aws:region": "us-west-2" } });
            assert.match(String(r.error?.message), /Certificate "away": domainName "api\.example\.com" got the validation CNAME _[0-9a-f]+\.api\.example\.com -> .* not the .* that Certificate "home"'s certificate created in this Cloudflare zone \(certificates in different AWS accounts get different records\); request this certificate with dns: "external"/);
        });
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
        assert.deepStrictEqual(records.map((x) => x.name).sort(), ["acm-validation-cdn.example.com", "cdn-cname"]);
        const validation = one(r, CF_RECORD, "acm-validation-cdn.example.com");
        const waits = ofType(r, T.validation);
        assert.strictEqual(waits.length, 2);
        for (const w of waits) assert.deepStrictEqual(propertyDeps(w, "validationRecordFqdns").filter((u) => !u.endsWith("-acm")), [validation.urn]);
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
        assert.deepStrictEqual(records.map((x) => x.name), ["acm-validation-api.internal.example.com"]);
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
        ["createRecords false with Cloudflare, which creates the records", () => new EdgeDomain("c", { domainName: "api.example.com", dns: "cloudflare", createRecords: false }),
            /createRecords false is a Route 53 setting, and dns is "cloudflare"; drop it; with Cloudflare the component creates the records there/],
        ["a private zone with external DNS", () => new RegionalDomain("c", { domainName: "api.example.com", dns: "external", privateZone: true }),
            /privateZone true is a Route 53 setting, and dns is "external"/],
        ["a Route 53 zone id with external DNS", () => new RegionalDomain("c", { domainName: "api.example.com", dns: "external", zoneId: "Z0123456789ABCDEFGHIJ" }),
            /zoneId "Z0123456789ABCDEFGHIJ" is a Route 53 setting, and dns is "external"/],
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

    it("accepts Route 53 settings spelt out at values that change nothing (defaults from YAML or Python, createRecords false with external DNS)", async () => {
        const r = await plan(() => {
            new RegionalDomain("cf", { domainName: "cf.example.com", dns: "cloudflare", createRecords: true, privateZone: false });
            new EdgeDomain("ext", { domainName: "ext.example.com", dns: "external", createRecords: true, privateZone: false });
            new RegionalDomain("none", { domainName: "none.example.com", dns: "external", createRecords: false });
        });
        assert.deepStrictEqual(ofType(r, T.record), []);
        assert.deepStrictEqual(ofType(r, CF_RECORD).map((x) => x.name).sort(), ["acm-validation-cf.example.com", "cf-cname"]);
        assert.strictEqual(ofType(r, T.validation).length, 3);
    });

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

describe("DNS choice: MultiRegionDomain delegates its name to a Route 53 zone of its own", () => {
    const ZONE = "aws:route53/zone:Zone";
    const HEALTH_CHECK = "aws:route53/healthCheck:HealthCheck";
    const US = { region: "us-east-1", mappings: [{ apiId: "usapi00001", stage: "prod" }] };
    const EU = { region: "eu-west-1", mappings: [{ apiId: "euapi00001", stage: "prod" }] };
    const regions = [US, EU];

    /** What every delegation gives: the zone, and every Route 53 record (routed, own names, validation) in it. */
    function delegatedZone(r: Awaited<ReturnType<typeof plan>>, name = "api.example.com") {
        const zone = one(r, ZONE);
        assert.strictEqual(zone.inputs.name, name);
        assert.strictEqual(zone.inputs.vpcs, undefined, "a public zone: the parent's DNS delegates to it");
        assert.deepStrictEqual(r.invokes.filter((i) => i.token === "aws:route53/getZone:getZone"), [], "no Route 53 zone is looked up");
        assert.strictEqual(zone.outputs.nameServers.length, 4);
        for (const rec of ofType(r, T.record)) {
            assert.strictEqual(rec.inputs.zoneId, zone.outputs.zoneId, `${rec.name} is in the delegated zone`);
            assert.ok(propertyDeps(rec, "zoneId").includes(zone.urn), `${rec.name} waits for the zone`);
        }
        return zone;
    }

    it("with Cloudflare: routed records and validation records in the zone, one NS record per name server in Cloudflare, validation waiting for them", async () => {
        let d: MultiRegionDomain | undefined;
        const r = await plan(() => {
            const cf = new cloudflare.Provider("cf", { apiToken: "token" });
            d = new MultiRegionDomain("api", { domainName: "api.example.com", regions, dns: "cloudflare", cloudflare: { zoneName: "example.com" } }, { providers: [cf] });
        });
        const zone = delegatedZone(r);
        // The routed records, at the zone's apex, with the latency policy and health checks as with Route 53 alone.
        const routed = ofType(r, T.record).filter((x) => x.inputs.setIdentifier !== undefined);
        assert.deepStrictEqual(routed.map((x) => x.name).sort(), ["api-eu-west-1-a", "api-us-east-1-a"]);
        for (const region of ["us-east-1", "eu-west-1"]) {
            const record = one(r, T.record, `api-${region}-a`);
            const domain = one(r, T.domainV1, `api-${region}-domain`);
            const check = one(r, HEALTH_CHECK, `api-${region}-health`);
            assert.strictEqual(record.inputs.name, "api.example.com");
            assert.deepStrictEqual(record.inputs.latencyRoutingPolicies, [{ region }]);
            assert.strictEqual(record.inputs.healthCheckId, check.id);
            assert.strictEqual(record.inputs.aliases[0].name, domain.outputs.regionalDomainName);
            assert.ok(propertyDeps(record, "aliases").includes(domain.urn), "the routed record waits for its region's domain");
            assert.strictEqual(check.inputs.fqdn, `${region}.api.example.com`);
            assert.strictEqual(one(r, T.record, `api-${region}-check-a`).inputs.name, `${region}.api.example.com`);
        }
        // The validation records of every name of the certificates, in the delegated zone.
        const validations = ofType(r, T.record).filter((x) => x.inputs.type === "CNAME");
        assert.deepStrictEqual(validations.map((x) => x.name).sort(), [
            "api-eu-west-1-cert-validation-api.example.com", "api-eu-west-1-cert-validation-eu-west-1.api.example.com",
            "api-us-east-1-cert-validation-api.example.com", "api-us-east-1-cert-validation-us-east-1.api.example.com"]);
        for (const v of validations) assert.match(v.inputs.name, /^_[0-9a-f]+\.([a-z0-9-]+\.)?api\.example\.com\.$/);
        // The delegation: one NS record per name server of the zone, in the Cloudflare zone, through the given provider.
        const provider = one(r, CF_PROVIDER, "cf");
        const lookup = r.invokes.filter((i) => i.token === CF_ZONE);
        assert.strictEqual(lookup.length, 1);
        assert.deepStrictEqual(lookup[0].args.filter, { name: "example.com" });
        const ns = ofType(r, CF_RECORD);
        assert.deepStrictEqual(ns.map((x) => x.name), ["api-ns-0", "api-ns-1", "api-ns-2", "api-ns-3"]);
        assert.deepStrictEqual(ns.map((x) => x.inputs.content), zone.outputs.nameServers.map((n: string) => n.replace(/\.$/, "")));
        for (const rec of ns) {
            assert.strictEqual(rec.inputs.type, "NS");
            assert.strictEqual(rec.inputs.name, "api.example.com");
            assert.strictEqual(rec.inputs.proxied, false);
            assert.match(rec.inputs.zoneId, /^[0-9a-f]{32}$/);
            assert.strictEqual(rec.providerUrn, provider.urn);
            assert.deepStrictEqual(propertyDeps(rec, "content"), [zone.urn]);
        }
        // ACM sees the validation records only through the delegation: each waiter waits for every NS record.
        const waits = ofType(r, T.validation);
        assert.strictEqual(waits.length, 2);
        for (const wait of waits) {
            for (const rec of ns) assert.ok(wait.dependencies.includes(rec.urn), `${wait.name} waits for ${rec.name}`);
        }
        for (const region of ["us-east-1", "eu-west-1"]) {
            assert.deepStrictEqual(propertyDeps(one(r, T.domainV1, `api-${region}-domain`), "regionalCertificateArn"), [one(r, T.validation, `api-${region}-cert-validation`).urn]);
        }
        assert.deepStrictEqual(await value(d!.dnsRecords), zone.outputs.nameServers.map((n: string) => ({ name: "api.example.com", type: "NS", value: n.replace(/\.$/, ""), purpose: "delegation" })));
        assert.strictEqual(await value(d!.delegatedZoneId), zone.outputs.zoneId);
        assert.strictEqual(d!.nodes.zone!.urn !== undefined && d!.nodes.delegationRecords.length, 4);
    });

    for (const [policy, roles] of [["failover", [{ failover: "primary" }, { failover: "secondary" }]], ["weighted", [{ weight: 70 }, { weight: 30 }]]] as const) {
        it(`with Cloudflare by zone id, ${policy} routing keeps its policies and health checks in the delegated zone`, async () => {
            const r = await plan(() => new MultiRegionDomain("api", {
                domainName: "api.example.com", routingPolicy: policy, regions: [{ ...US, ...roles[0] }, { ...EU, ...roles[1] }],
                dns: "cloudflare", cloudflare: { zoneId: pulumi.secret(ZONE_ID), ttl: 300 },
            }));
            delegatedZone(r);
            assert.deepStrictEqual(r.invokes.filter((i) => i.token === CF_ZONE), [], "a zone id needs no look-up");
            for (const rec of ofType(r, CF_RECORD)) {
                assert.strictEqual(rec.inputs.zoneId, ZONE_ID);
                assert.strictEqual(rec.inputs.ttl, 300);
            }
            const us = one(r, T.record, "api-us-east-1-a");
            const eu = one(r, T.record, "api-eu-west-1-a");
            if (policy === "failover") {
                assert.deepStrictEqual([us.inputs.failoverRoutingPolicies, eu.inputs.failoverRoutingPolicies], [[{ type: "PRIMARY" }], [{ type: "SECONDARY" }]]);
            } else {
                assert.deepStrictEqual([us.inputs.weightedRoutingPolicies, eu.inputs.weightedRoutingPolicies], [[{ weight: 70 }], [{ weight: 30 }]]);
            }
            assert.strictEqual(us.inputs.healthCheckId, one(r, HEALTH_CHECK, "api-us-east-1-health").id);
        });
    }

    it("with external DNS: creates the zone and its records, nothing in Cloudflare, and outputs and logs the NS records to create", async () => {
        let d: MultiRegionDomain | undefined;
        const r = await plan(() => { d = new MultiRegionDomain("api", { domainName: "api.example.com", regions, dns: "external" }); });
        const zone = delegatedZone(r);
        assert.deepStrictEqual(ofType(r, CF_RECORD), []);
        assert.deepStrictEqual(r.invokes.filter((i) => i.token === CF_ZONE), []);
        assert.strictEqual(ofType(r, T.record).filter((x) => x.inputs.setIdentifier !== undefined).length, 2);
        assert.strictEqual(ofType(r, T.record).filter((x) => x.inputs.type === "CNAME").length, 4, "the validation records, in the zone");
        // The waiter waits for the record names in the zone (and, in fact, for the user's NS records: up to its timeout).
        for (const wait of ofType(r, T.validation)) assert.ok(wait.inputs.validationRecordFqdns.length > 0);
        const records = await value(d!.dnsRecords);
        assert.deepStrictEqual(records, zone.outputs.nameServers.map((n: string) => ({ name: "api.example.com", type: "NS", value: n.replace(/\.$/, ""), purpose: "delegation" })));
        const infos = r.diagnostics.filter((x) => x.severity === "info").map((x) => x.message).join("\n");
        assert.match(infos, /MultiRegionDomain "api": create these NS records, which delegate api\.example\.com to the Route 53 zone holding its routed records and certificate validation records, in your DNS \(dns "external"\):/);
        for (const rec of records) assert.ok(infos.includes(`  api.example.com NS ${rec.value} (delegation)`));
        assert.match(infos, /up to 75 minutes/);
    });

    it("logs exactly what the README shows for the delegation with external DNS", async () => {
        const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
        const after = readme.slice(readme.indexOf("### `MultiRegionDomain` with Cloudflare or external DNS: subdomain delegation"));
        const shown = /^  ```\n([\s\S]*?)^  ```$/m.exec(after)![1].split("\n").map((l) => l.replace(/^  /, "")).join("\n").trim();
        const r = await plan(() => new MultiRegionDomain("api", { domainName: "api.example.com", regions, dns: "external" }));
        const logged = r.diagnostics.filter((x) => x.severity === "info").map((x) => x.message.trim()).join("\n");
        assert.strictEqual(logged, shown);
    });

    it("with a wildcard, delegates the wildcard's parent and routes the wildcard at it", async () => {
        const r = await plan(() => new MultiRegionDomain("api", { domainName: "*.api.example.com", regions, dns: "cloudflare" }));
        delegatedZone(r, "api.example.com");
        assert.deepStrictEqual(r.invokes.filter((i) => i.token === CF_ZONE)[0].args.filter, { name: "example.com" });
        for (const rec of ofType(r, CF_RECORD)) assert.strictEqual(rec.inputs.name, "api.example.com");
        assert.deepStrictEqual(ofType(r, T.record).filter((x) => x.inputs.setIdentifier !== undefined).map((x) => x.inputs.name), ["*.api.example.com", "*.api.example.com"]);
        assert.strictEqual(one(r, HEALTH_CHECK, "api-us-east-1-health").inputs.fqdn, "us-east-1.api.example.com");
    });

    it("keeps a user's validation transform, after its own wait", async () => {
        const r = await plan(() => new MultiRegionDomain("api", { domainName: "api.example.com", regions, dns: "cloudflare" }, {
            transform: { regionalDomain: { certificate: { validation: { customTimeouts: undefined, validationRecordFqdns: undefined } as never } } },
        }));
        for (const wait of ofType(r, T.validation)) {
            assert.strictEqual(wait.inputs.validationRecordFqdns, undefined, "the user's transform applied");
            assert.strictEqual(ofType(r, CF_RECORD).filter((rec) => wait.dependencies.includes(rec.urn)).length, 4);
        }
    });

    it("refuses, as the look-up resolves, a Cloudflare zone on a CNAME (partial) setup, which cannot delegate; a full zone delegates", () => {
        const found = delegationZoneTypeProblem("partial");
        assert.match(found!.rule, /CNAME \(partial\) setup/);
        assert.match(found!.fix, /dns "external"/);
        assert.strictEqual(delegationZoneTypeProblem("full"), undefined);
    });

    it("refuses a delegation over another component's Cloudflare record, and a Cloudflare record under a delegation, each before it registers anything", async () => {
        const config = { config: { "aws:region": "us-west-2" } };
        const over = await runProgram(() => {
            new RegionalDomain("one", { domainName: "v1.api.example.com", dns: "cloudflare", cloudflare: { zoneId: ZONE_ID } });
            new MultiRegionDomain("m", { domainName: "api.example.com", regions, dns: "cloudflare", cloudflare: { zoneId: ZONE_ID } });
        }, config);
        assert.match(String(over.error?.message), /MultiRegionDomain "m": domainName "api\.example\.com" would delegate v1\.api\.example\.com, whose Cloudflare CNAME RegionalDomain "one" creates in this program/);
        assert.deepStrictEqual(over.resources.filter((x) => x.urn.includes("MultiRegionDomain")), []);
        const under = await runProgram(() => {
            new MultiRegionDomain("m", { domainName: "*.api.example.com", regions, dns: "cloudflare", cloudflare: { zoneId: ZONE_ID } });
            new EdgeDomain("two", { domainName: "api.example.com", dns: "cloudflare", cloudflare: { zoneId: ZONE_ID } });
        }, config);
        assert.match(String(under.error?.message), /EdgeDomain "two": domainName "api\.example\.com" is at or below api\.example\.com, which MultiRegionDomain "m" delegates to a Route 53 zone with NS records in this program/);
        assert.deepStrictEqual(under.resources.filter((x) => x.urn.includes("EdgeDomain")), []);
        const twice = await runProgram(() => {
            new MultiRegionDomain("m", { domainName: "api.example.com", regions, dns: "cloudflare", cloudflare: { zoneId: ZONE_ID } });
            new MultiRegionDomain("n", { domainName: "eu.api.example.com", regions, dns: "cloudflare", cloudflare: { zoneId: ZONE_ID } });
        }, config);
        assert.match(String(twice.error?.message), /MultiRegionDomain "n": domainName "eu\.api\.example\.com" overlaps api\.example\.com, which MultiRegionDomain "m" already delegates/);
        // Names beside the delegated one are the zone's as before.
        const beside = await plan(() => {
            new MultiRegionDomain("m", { domainName: "api.example.com", regions, dns: "cloudflare", cloudflare: { zoneId: ZONE_ID } });
            new RegionalDomain("www", { domainName: "www.example.com", dns: "cloudflare", cloudflare: { zoneId: ZONE_ID } });
            new RegionalDomain("other", { domainName: "myapi.example.com", dns: "cloudflare", cloudflare: { zoneId: ZONE_ID } });
        });
        assert.deepStrictEqual(ofType(beside, CF_RECORD).filter((x) => x.inputs.type === "CNAME" && !x.name.includes("validation")).map((x) => x.inputs.name).sort(), ["myapi.example.com", "www.example.com"]);
    });

    const bad: [string, () => unknown, RegExp][] = [
        ["a Route 53 zone with Cloudflare", () => new MultiRegionDomain("m", { domainName: "api.example.com", regions, dns: "cloudflare", zoneName: "example.com" }),
            /MultiRegionDomain "m": zoneName "example\.com" is a Route 53 setting, and dns is "cloudflare"; drop it; name the Cloudflare zone in cloudflare\.zoneId or cloudflare\.zoneName/],
        ["a private zone with external DNS", () => new MultiRegionDomain("m", { domainName: "api.example.com", regions, dns: "external", privateZone: true }),
            /privateZone true is a Route 53 setting, and dns is "external"/],
        ["createRecords false with Cloudflare", () => new MultiRegionDomain("m", { domainName: "api.example.com", regions, dns: "cloudflare", createRecords: false }),
            /createRecords false is a Route 53 setting, and dns is "cloudflare"/],
        ["createRecords false with external DNS (the delegated zone must hold the records)", () => new MultiRegionDomain("m", { domainName: "api.example.com", regions, dns: "external", createRecords: false }),
            /MultiRegionDomain "m": createRecords false would leave empty the Route 53 zone api\.example\.com is delegated to: with dns "external" .*; drop createRecords/],
        ["Cloudflare settings with Route 53", () => new MultiRegionDomain("m", { domainName: "api.example.com", regions, cloudflare: { zoneId: ZONE_ID } }),
            /cloudflare .* configures Cloudflare records, and dns is "route53"/],
        ["an apex", () => new MultiRegionDomain("m", { domainName: "example.com", regions, dns: "external" }),
            /domainName "example\.com" is the apex of its parent zone, and a zone cannot delegate its own apex/],
        ["a Cloudflare zone that does not hold the name", () => new MultiRegionDomain("m", { domainName: "api.example.com", regions, dns: "cloudflare", cloudflare: { zoneName: "example.org" } }),
            /cloudflare\.zoneName "example\.org" does not contain the domain "api\.example\.com"/],
        ["a misspelt Cloudflare argument", () => new MultiRegionDomain("m", { domainName: "api.example.com", regions, dns: "cloudflare", cloudflare: { zone: "example.com" } as never }),
            /cloudflare\.zone .* is not an argument of cloudflare/],
        ["a proxied delegation", () => new MultiRegionDomain("m", { domainName: "api.example.com", regions, dns: "cloudflare", cloudflare: { proxied: true } }),
            /cloudflare\.proxied true has no effect on a delegated subdomain/],
        ["a health check name outside the delegated name", () => new MultiRegionDomain("m", { domainName: "api.example.com", regions: [{ ...US, healthCheckDomainName: "us-api.example.com" }, EU], dns: "cloudflare" }),
            /regions\[0\]\.healthCheckDomainName "us-api\.example\.com" is outside api\.example\.com/],
        ["the DNS choice as an output", () => new MultiRegionDomain("m", { domainName: "api.example.com", regions, dns: pulumi.output("cloudflare") as never }),
            /dns \(an Output\) is a deploy-time value/],
        ["a Cloudflare zone name as an output", () => new MultiRegionDomain("m", { domainName: "api.example.com", regions, dns: "cloudflare", cloudflare: { zoneName: pulumi.output("example.com") as never } }),
            /cloudflare\.zoneName \(an Output\) is a deploy-time value/],
    ];
    for (const [what, program, message] of bad) {
        it(`refuses ${what}, registering nothing`, async () => assert.match(await rejected(program), message));
    }
});
