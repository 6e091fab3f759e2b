/**
 * Cloudflare, as `@pulumi/cloudflare` (v6, Cloudflare's v5 API schema) reports it: DNS records and
 * zone look-ups, for programs whose DNS lives in Cloudflare (README, "DNS outside Route 53").
 *
 * - A record comes back with a 32-hex id, its name fully qualified (a relative name or `@` is
 *   completed with the zone's name, as Cloudflare stores it), `proxiable` for the types Cloudflare
 *   can proxy, a TTL of 1 (automatic) when proxied, and the creation time; what Cloudflare computes
 *   and this module does not know is unknown, never absent.
 * - A second CNAME of a name in one zone (or any record next to a CNAME) fails as Cloudflare
 *   refuses it (API error 81053; RFC 1034 3.6.2, aws/cloudflare.ts).
 * - `getZone` by id or by `filter.name`: offline, every zone the program asks for exists, except a
 *   public suffix, which no account holds (the provider's generated data source then fails with
 *   "failed to find exactly one result", 0 found). A zone looked up by id alone has a name this
 *   plan cannot know, unless the program looked it up by name too.
 */
import { isPublicSuffix } from "../../../aws/dns";
import { CLOUDFLARE_PROXIABLE_TYPES, CLOUDFLARE_TTL_AUTOMATIC } from "../../../aws/cloudflare";
import { Answer, bool, Ctx, FIXED_TIME, HEX, InvokeCall, normalizeZoneName, num, obj, pick, Props, ServiceModule, str, UNKNOWN, World } from "../common";


interface CloudflareState {
    /** Zone names by id, for the zones looked up so far. */
    zones: Map<string, string>;
    /** Records by zone id and lowercase name: their types and the resource that created each. */
    records: Map<string, { type: string; resource: string }[]>;
}

const stateByWorld = new WeakMap<World, CloudflareState>();

function stateOf(world: World): CloudflareState {
    let state = stateByWorld.get(world);
    if (!state) stateByWorld.set(world, (state = { zones: new Map(), records: new Map() }));
    return state;
}

function zoneIdFor(name: string): string {
    return pick(HEX, 32, "cloudflare-zone", name);
}

export const service: ServiceModule = {
    resources: {
        "cloudflare:index/dnsRecord:DnsRecord": (c, world) => dnsRecord(world, c),
    },
    invokes: {
        "cloudflare:index/getZone:getZone": (call, world) => getZone(world, call),
    },
};

function dnsRecord(world: World, c: Ctx): Answer {
    const state = stateOf(world);
    const zoneId = str(c.inputs["zoneId"]) ?? "";
    const type = (str(c.inputs["type"]) ?? "").toUpperCase();
    const given = normalizeZoneName(str(c.inputs["name"]) ?? "");
    const zoneName = state.zones.get(zoneId);
    const name = fullyQualified(given, zoneName);
    if (!c.givenId) {
        const key = `${zoneId}/${name}`;
        const existing = state.records.get(key) ?? [];
        const clash = existing.find((r) => r.type === "CNAME" || type === "CNAME");
        if (clash) {
            throw new Error(`${c.type} resource '${c.name}': Cloudflare refused the record: "An A, AAAA, or CNAME record with that host already exists" ` +
                `(error 81053): "${name}" already has a ${clash.type} record (created by '${clash.resource}'), and a name with a CNAME holds nothing else (RFC 1034 3.6.2)`);
        }
        state.records.set(key, [...existing, { type, resource: c.name }]);
    }
    const proxied = bool(c.inputs["proxied"]) ?? false;
    const comment = str(c.inputs["comment"]);
    const tags = Array.isArray(c.inputs["tags"]) ? c.inputs["tags"] : [];
    return {
        id: c.givenId ?? pick(HEX, 32, c.seed),
        state: {
            zoneId,
            name,
            type,
            content: str(c.inputs["content"]) ?? UNKNOWN,
            // Proxied records are always automatic, whatever was sent.
            ttl: proxied ? CLOUDFLARE_TTL_AUTOMATIC : (num(c.inputs["ttl"]) ?? CLOUDFLARE_TTL_AUTOMATIC),
            proxied,
            // Whether Cloudflare may proxy an underscore name is its own decision; the type alone is known.
            proxiable: CLOUDFLARE_PROXIABLE_TYPES.includes(type) ? (name.split(".").some((l) => l.startsWith("_")) ? UNKNOWN : true) : false,
            createdOn: FIXED_TIME,
            modifiedOn: FIXED_TIME,
            commentModifiedOn: comment !== undefined ? FIXED_TIME : UNKNOWN,
            tagsModifiedOn: tags.length > 0 ? FIXED_TIME : UNKNOWN,
            tags,
            settings: obj(c.inputs["settings"]) ?? { ipv4Only: false, ipv6Only: false, flattenCname: false },
            meta: UNKNOWN,
            includeShadowMetadata: false,
        },
    };
}

/** A record name as Cloudflare stores it: `@` is the apex, a relative name gets the zone's name. */
function fullyQualified(name: string, zoneName: string | undefined): string {
    if (!zoneName) return name;
    if (name === "@" || name === "") return zoneName;
    return name === zoneName || name.endsWith(`.${zoneName}`) ? name : `${name}.${zoneName}`;
}

function getZone(world: World, call: InvokeCall): Props {
    const state = stateOf(world);
    const byId = str(call.inputs["zoneId"]);
    const filterName = str(obj(call.inputs["filter"])?.["name"]);
    let zoneId: string;
    let name: string;
    if (byId) {
        zoneId = byId;
        name = state.zones.get(byId) ?? UNKNOWN;
    } else if (filterName) {
        name = normalizeZoneName(filterName);
        if (isPublicSuffix(name)) {
            const token = "cloudflare:index/getZone:getZone";
            throw new Error(`invocation of ${token} returned an error: failed to find exactly one result: 0 found ` +
                `(offline plan: "${name}" is a public suffix, under which domains are registered; no Cloudflare account holds a zone for it. ` +
                `Look up the zone of the registrable domain instead, such as "example.${name}")`);
        }
        zoneId = [...state.zones].find(([, n]) => n === name)?.[0] ?? zoneIdFor(name);
    } else {
        throw new Error("invocation of cloudflare:index/getZone:getZone returned an error: give zoneId or filter");
    }
    if (name !== UNKNOWN) state.zones.set(zoneId, name);
    return {
        id: zoneId,
        zoneId,
        name,
        status: "active",
        type: "full",
        paused: false,
        developmentMode: 0,
        createdOn: FIXED_TIME,
        modifiedOn: FIXED_TIME,
        activatedOn: FIXED_TIME,
        nameServers: [`${pick("abcdefghijklmnopqrstuvwxyz", 4, zoneId, "ns1")}.ns.cloudflare.com`, `${pick("abcdefghijklmnopqrstuvwxyz", 4, zoneId, "ns2")}.ns.cloudflare.com`],
        ...(call.inputs["filter"] !== undefined ? { filter: call.inputs["filter"] } : {}),
    };
}
