/** Route 53: hosted zones (with delegation sets), records, and zone lookups that find the zones the program created. */
import { partitionOf } from "../../../aws/regions";
import { Answer, bool, Ctx, HEX, InvokeCall, normalizeZoneName, numberFrom, pick, Props, ServiceModule, str, UPPER_ALNUM, World } from "../common";

function zoneIdFor(account: string, name: string, privateZone: boolean): string {
    return `Z0${pick(UPPER_ALNUM, 19, "zone", account, name, privateZone ? "private" : "public")}`;
}

/** Route 53 delegation sets: four servers, one per top-level domain, numbered like AWS numbers them. */
function nameServersFor(zoneId: string, privateZone: boolean): string[] {
    const tlds = ["com", "net", "org", "co.uk"];
    return tlds.map((tld, i) => {
        const n = privateZone ? 512 * i : 512 * i + numberFrom(512, zoneId, tld);
        return `ns-${n}.awsdns-${String(Math.floor(n / 32) % 64).padStart(2, "0")}.${tld}`;
    });
}

export const service: ServiceModule = {
    resources: {
        "aws:route53/zone:Zone": (c, world) => zone(world, c),
        "aws:route53/record:Record": (c, world) => record(world, c),
    },
    invokes: {
        "aws:route53/getZone:getZone": (call, world) => lookupZone(world, call),
    },
};

function zone(world: World, c: Ctx): Answer {
    const name = normalizeZoneName(str(c.inputs["name"]) ?? "");
    const privateZone = Array.isArray(c.inputs["vpcs"]) && (c.inputs["vpcs"] as unknown[]).length > 0;
    // The first zone of a name gets the id a lookup of that name answers, whichever runs first.
    const canonical = zoneIdFor(c.account, name, privateZone);
    const taken = world.zones.some((z) => z.created && z.zoneId === canonical);
    const zoneId = c.givenId ?? (taken ? `Z0${pick(UPPER_ALNUM, 19, c.seed)}` : canonical);
    const nameServers = nameServersFor(zoneId, privateZone);
    const looked = world.zones.findIndex((z) => !z.created && z.zoneId === zoneId);
    if (looked >= 0) world.zones.splice(looked, 1);
    world.zones.push({ zoneId, name, privateZone, nameServers, account: c.account, created: true });
    return {
        id: zoneId,
        state: {
            zoneId,
            name,
            arn: `arn:${c.partition}:route53:::hostedzone/${zoneId}`,
            nameServers,
            primaryNameServer: nameServers[0],
            comment: str(c.inputs["comment"]) ?? "Managed by Pulumi",
            enableAcceleratedRecovery: false,
        },
    };
}

function record(world: World, c: Ctx): Answer {
    const zoneId = str(c.inputs["zoneId"]) ?? "";
    const type = str(c.inputs["type"]) ?? "";
    const name = normalizeZoneName(str(c.inputs["name"]) ?? "");
    const zoneName = world.zones.find((z) => z.zoneId === zoneId)?.name;
    // A name relative to the zone is completed with the zone's name, as Route 53 does.
    const fqdn = !zoneName || name === zoneName || name.endsWith(`.${zoneName}`) ? name : `${name}.${zoneName}`;
    const setIdentifier = str(c.inputs["setIdentifier"]);
    return {
        id: [zoneId, name, type, ...(setIdentifier ? [setIdentifier] : [])].join("_"),
        // Route 53 stores names lowercased and without the final dot.
        state: { name, fqdn, allowOverwrite: bool(c.inputs["allowOverwrite"]) ?? false },
    };
}

function lookupZone(world: World, call: InvokeCall): Props {
    const byId = str(call.inputs["zoneId"]);
    const wantedName = str(call.inputs["name"]);
    const wantedPrivate = bool(call.inputs["privateZone"]);
    let zone = byId
        ? world.zones.find((z) => z.zoneId === byId)
        : wantedName
          ? [...world.zones].reverse().find((z) => z.name === normalizeZoneName(wantedName) && z.privateZone === (wantedPrivate ?? false))
          : undefined;
    if (!zone) {
        // Offline, every zone the program asks for exists; it is made up from the question.
        const privateZone = wantedPrivate ?? false;
        const name = wantedName ? normalizeZoneName(wantedName) : `${(byId ?? "zone").toLowerCase()}.example.com`;
        const zoneId = byId ?? zoneIdFor(call.account, name, privateZone);
        zone = { zoneId, name, privateZone, nameServers: nameServersFor(zoneId, privateZone), account: call.account, created: false };
        world.zones.push(zone);
    }
    return {
        id: zone.zoneId,
        zoneId: zone.zoneId,
        name: zone.name,
        arn: `arn:${partitionOf(call.region).partition}:route53:::hostedzone/${zone.zoneId}`,
        callerReference: pick(HEX, 32, "caller", zone.zoneId),
        comment: "",
        nameServers: zone.nameServers,
        primaryNameServer: zone.nameServers[0],
        privateZone: zone.privateZone,
        resourceRecordSetCount: 2,
        linkedServiceDescription: "",
        linkedServicePrincipal: "",
        tags: {},
        ...(str(call.inputs["vpcId"]) ? { vpcId: str(call.inputs["vpcId"]) } : {}),
    };
}
