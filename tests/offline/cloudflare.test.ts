// The simulated Cloudflare answers a program's DNS records and zone look-ups as `@pulumi/cloudflare`
// does: raw resources of a program we did not write, not only the components'.
import * as assert from "assert";
import * as cloudflare from "@pulumi/cloudflare";
import { UNKNOWN, runProgram } from "../../offline/engine";

const RECORD = "cloudflare:index/dnsRecord:DnsRecord";
const ZONE = "cloudflare:index/getZone:getZone";
const config = { "aws:region": "eu-west-1" };

describe("simulated Cloudflare", () => {
    it("answers a DNS record with the state the provider reports: id, fully qualified name, proxiable, TTL, times", async () => {
        const r = await runProgram(() => {
            const zone = cloudflare.getZoneOutput({ filter: { name: "example.com" } });
            new cloudflare.DnsRecord("www", { zoneId: zone.zoneId, name: "www", type: "CNAME", content: "d-abc123.execute-api.eu-west-1.amazonaws.com", ttl: 300 });
            new cloudflare.DnsRecord("apex", { zoneId: zone.zoneId, name: "@", type: "CNAME", content: "d-abc123.execute-api.eu-west-1.amazonaws.com", ttl: 1, proxied: true });
        }, { config });
        assert.ifError(r.error);
        const lookup = r.invokes.find((i) => i.token === ZONE)!;
        assert.strictEqual(lookup.result.name, "example.com");
        assert.match(lookup.result.zoneId, /^[0-9a-f]{32}$/);
        assert.strictEqual(lookup.result.status, "active");
        const www = r.resources.find((x) => x.type === RECORD && x.name === "www")!;
        assert.match(www.id!, /^[0-9a-f]{32}$/);
        assert.strictEqual(www.outputs.name, "www.example.com", "a relative name comes back fully qualified");
        assert.strictEqual(www.outputs.zoneId, lookup.result.zoneId);
        assert.strictEqual(www.outputs.ttl, 300);
        assert.strictEqual(www.outputs.proxied, false);
        assert.strictEqual(www.outputs.proxiable, true);
        assert.match(www.outputs.createdOn, /^\d{4}-\d\d-\d\dT/);
        assert.strictEqual(www.outputs.meta, UNKNOWN, "what Cloudflare computes and the plan cannot know is unknown, not absent");
        const apex = r.resources.find((x) => x.type === RECORD && x.name === "apex")!;
        assert.strictEqual(apex.outputs.name, "example.com", "@ is the apex");
        assert.strictEqual(apex.outputs.proxied, true);
        assert.strictEqual(apex.outputs.ttl, 1, "a proxied record's TTL is automatic");
    });

    it("refuses a second CNAME of one name in a zone, as Cloudflare does (error 81053)", async () => {
        const r = await runProgram(() => {
            for (const n of ["one", "two"]) {
                new cloudflare.DnsRecord(n, { zoneId: "023e105f4ecef8ad9ca31a8372d0c353", name: "api.example.com", type: "CNAME", content: "d-abc.execute-api.eu-west-1.amazonaws.com", ttl: 1 });
            }
        }, { config });
        assert.match(String(r.error?.message), /'two': Cloudflare refused the record: "An A, AAAA, or CNAME record with that host already exists" \(error 81053\): "api\.example\.com" already has a CNAME record \(created by 'one'\)/);
    });

    it("in a preview, reports a new record with no id and nothing Cloudflare computes", async () => {
        const r = await runProgram(() => {
            new cloudflare.DnsRecord("www", { zoneId: "023e105f4ecef8ad9ca31a8372d0c353", name: "www.example.com", type: "CNAME", content: "d-abc.execute-api.eu-west-1.amazonaws.com", ttl: 1 });
        }, { config, preview: true });
        assert.ifError(r.error);
        const www = r.resources.find((x) => x.type === RECORD)!;
        assert.strictEqual(www.id, undefined);
        // Nothing is invented before the record exists: no creation time, no proxiable verdict.
        assert.ok([undefined, UNKNOWN].includes(www.outputs.createdOn));
        assert.ok([undefined, UNKNOWN].includes(www.outputs.proxiable));
        assert.strictEqual(www.outputs.content, "d-abc.execute-api.eu-west-1.amazonaws.com");
    });

    it("looks a zone up by id, knowing its name once the program looked it up by name", async () => {
        const r = await runProgram(async () => {
            const byName = await cloudflare.getZone({ filter: { name: "example.org" } });
            await cloudflare.getZone({ zoneId: byName.zoneId });
            await cloudflare.getZone({ zoneId: "0123456789abcdef0123456789abcdef" });
        }, { config });
        assert.ifError(r.error);
        const [byName, byId, unknownId] = r.invokes.filter((i) => i.token === ZONE);
        assert.strictEqual(byId.result.zoneId, byName.result.zoneId);
        assert.strictEqual(byId.result.name, "example.org");
        assert.strictEqual(unknownId.result.zoneId, "0123456789abcdef0123456789abcdef");
        assert.strictEqual(unknownId.result.name, UNKNOWN, "a zone known only by id has a name the plan cannot know");
    });

    it("fails the look-up of a public suffix, which no account holds, with the provider's error", async () => {
        const r = await runProgram(async () => {
            await cloudflare.getZone({ filter: { name: "co.uk" } });
        }, { config });
        assert.match(String(r.error?.message), /failed to find exactly one result: 0 found .*"co\.uk" is a public suffix/);
    });
});
