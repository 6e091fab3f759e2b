import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { Certificate } from "../../components/certificate";
import { T, byUrn, ofType, one, plan, propertyDeps, rejected } from "../helpers";

describe("Certificate", () => {
    it("requests a DNS-validated certificate in the chosen region and validates it through Route 53", async () => {
        let cert: Certificate | undefined;
        const r = await plan(() => {
            cert = new Certificate("api", { domainName: "api.example.com", region: "us-east-1", zoneName: "example.com" });
        }, { config: { "aws:region": "eu-west-1" } });

        const acm = one(r, T.certificate);
        assert.strictEqual(acm.inputs.validationMethod, "DNS");
        assert.strictEqual(acm.region, "us-east-1");
        const records = ofType(r, T.record);
        assert.strictEqual(records.length, 1);
        const dvo = acm.outputs.domainValidationOptions[0];
        assert.strictEqual(records[0].inputs.name, dvo.resourceRecordName);
        assert.deepStrictEqual(records[0].inputs.records, [dvo.resourceRecordValue]);
        assert.strictEqual(records[0].inputs.type, "CNAME");
        assert.ok(r.invokes.some((i) => i.token === "aws:route53/getZone:getZone" && i.args.name === "example.com" && i.args.privateZone === false));

        const validation = one(r, T.validation);
        assert.strictEqual(validation.region, "us-east-1");
        assert.deepStrictEqual(propertyDeps(validation, "certificateArn"), [acm.urn]);
        assert.deepStrictEqual(propertyDeps(validation, "validationRecordFqdns"), [records[0].urn]);
        assert.match(await new Promise<string>((res) => cert!.arn.apply(res)), /^arn:aws:acm:us-east-1:\d{12}:certificate\//);
    });

    it("creates one validation record for a wildcard and its apex", async () => {
        const r = await plan(() => new Certificate("wild", {
            domainName: "*.example.com", subjectAlternativeNames: ["example.com", "api.example.com"], zoneName: "example.com",
        }));
        const acm = one(r, T.certificate);
        assert.deepStrictEqual(acm.inputs.subjectAlternativeNames, ["example.com", "api.example.com"]);
        const names = ofType(r, T.record).map((x) => x.inputs.name).sort();
        assert.strictEqual(names.length, 2);
        assert.strictEqual(new Set(names).size, 2);
        assert.deepStrictEqual(ofType(r, T.record).map((x) => x.name).sort(), ["wild-validation-api.example.com", "wild-validation-example.com"]);
    });

    it("imports a PEM certificate without validation, keeping the private key secret", async () => {
        const r = await plan(() => new Certificate("imp", {
            domainName: "api.example.com",
            region: "ap-southeast-2",
            pem: { certificateBody: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----", privateKey: "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----", certificateChain: "chain" },
        }));
        const acm = one(r, T.certificate);
        assert.match(acm.inputs.certificateBody, /BEGIN CERTIFICATE/);
        assert.strictEqual(acm.inputs.certificateChain, "chain");
        assert.strictEqual(acm.region, "ap-southeast-2");
        assert.ok(acm.secretInputs?.includes("privateKey"), "the private key must be sent as a secret");
        assert.strictEqual(ofType(r, T.validation).length, 0);
        assert.strictEqual(ofType(r, T.record).length, 0);
    });

    it("generates a self-signed certificate with @pulumi/tls and imports it", async () => {
        const r = await plan(() => new Certificate("self", { domainName: "internal.example.com", selfSigned: { validityHours: 720 } }));
        const key = one(r, "tls:index/privateKey:PrivateKey");
        const selfSigned = one(r, "tls:index/selfSignedCert:SelfSignedCert");
        assert.strictEqual(key.inputs.algorithm, "ECDSA");
        assert.deepStrictEqual(selfSigned.inputs.dnsNames, ["internal.example.com"]);
        assert.strictEqual(selfSigned.inputs.validityPeriodHours, 720);
        const acm = one(r, T.certificate);
        assert.deepStrictEqual(propertyDeps(acm, "certificateBody"), [selfSigned.urn]);
        assert.deepStrictEqual(propertyDeps(acm, "privateKey"), [key.urn]);
    });

    it("uses an existing ARN as is and creates nothing", async () => {
        const r = await plan(() => new Certificate("byo", { domainName: "api.example.com", arn: "arn:aws:acm:us-east-1:123456789012:certificate/abc" }));
        assert.strictEqual(ofType(r, T.certificate).length, 0);
        assert.strictEqual(ofType(r, T.record).length, 0);
    });

    it("puts the certificate on its provider and the validation records on the DNS provider", async () => {
        const r = await plan(() => {
            const east = new aws.Provider("east", { region: "us-east-1" });
            const dns = new aws.Provider("dns-account", { region: "us-east-1", assumeRoles: [{ roleArn: "arn:aws:iam::210987654321:role/dns" }] });
            new Certificate("api", { domainName: "api.example.com", zoneId: "ZEXAMPLE" }, { provider: east, dnsProvider: dns });
        });
        const east = one(r, T.provider, "east");
        const dns = one(r, T.provider, "dns-account");
        assert.strictEqual(one(r, T.certificate).providerUrn, east.urn);
        assert.strictEqual(one(r, T.certificate).region, "us-east-1");
        assert.strictEqual(one(r, T.validation).providerUrn, east.urn);
        assert.strictEqual(one(r, T.record).providerUrn, dns.urn);
        assert.strictEqual(one(r, T.record).inputs.zoneId, "ZEXAMPLE");
        assert.ok(!r.invokes.some((i) => i.token === "aws:route53/getZone:getZone"), "a given zone id needs no look-up");
    });

    it("parents every child to the component, with names that start with the component's", async () => {
        const r = await plan(() => new Certificate("api", { domainName: "api.example.com" }));
        const component = one(r, "apigw-domains:index:Certificate");
        for (const child of r.resources.filter((x) => x.type.startsWith("aws:"))) {
            assert.strictEqual(byUrn(r, child.parent!).urn, component.urn);
            assert.ok(child.name.startsWith("api-"), child.name);
        }
    });

    describe("bad input", () => {
        it("rejects a DNS provider among the arguments, where it would be ignored", async () => {
            const m = await rejected(() => new Certificate("c", { domainName: "api.example.com", ...{ dnsProvider: { urn: "dns" } } }));
            assert.match(m, /^Certificate "c": dnsProvider \{"urn":"dns"\} is a resource option, not an argument; pass it in the third constructor parameter/);
        });
        it("rejects two certificate sources", async () => {
            const m = await rejected(() => new Certificate("c", { domainName: "api.example.com", arn: "arn:aws:acm:us-east-1:123456789012:certificate/x", selfSigned: {} }));
            assert.match(m, /^Certificate "c": arn\/pem\/selfSigned "existing and selfSigned" are alternatives; give at most one/);
        });
        it("rejects validation records in a private zone", async () => {
            const m = await rejected(() => new Certificate("c", { domainName: "api.example.com", privateZone: true }));
            assert.match(m, /privateZone true cannot hold ACM validation records: ACM validates through public DNS/);
        });
        it("rejects a requested certificate without its records", async () => {
            const m = await rejected(() => new Certificate("c", { domainName: "api.example.com", createRecords: false }));
            assert.match(m, /createRecords false leaves a DNS-validated certificate without its validation records/);
        });
        it("rejects an ARN from another region than the one asked for", async () => {
            const m = await rejected(() => new Certificate("c", { domainName: "api.example.com", region: "us-east-1", arn: "arn:aws:acm:eu-west-1:123456789012:certificate/x" }));
            assert.match(m, /arn "arn:aws:acm:eu-west-1:.*" is in eu-west-1, but region is us-east-1/);
        });
        it("rejects a name outside the validation zone", async () => {
            const m = await rejected(() => new Certificate("c", { domainName: "api.example.com", zoneName: "example.com", subjectAlternativeNames: ["api.example.org"] }));
            assert.match(m, /subjectAlternativeNames\[0\] "api.example.org" is not in the zone "example.com"/);
        });
        it("rejects a zone that only matches as a string suffix", async () => {
            const m = await rejected(() => new Certificate("c", { domainName: "api.mydomain.com", zoneName: "domain.com" }));
            assert.match(m, /zoneName "domain.com" does not contain the domain "api.mydomain.com" on whole labels/);
        });
        it("rejects an uppercase name", async () => {
            const m = await rejected(() => new Certificate("c", { domainName: "API.example.com" }));
            assert.match(m, /domainName "API.example.com" has uppercase letters.*use "api.example.com"/);
        });
    });
});
