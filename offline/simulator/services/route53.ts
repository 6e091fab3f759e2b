/** Route 53: hosted zones (with delegation sets), records, and zone lookups that find the zones the program created. */
import { isPublicSuffix } from "../../../aws/dns";
import {
    ENDPOINT_HEALTH_CHECK_TYPES, HEALTH_CHECK_DEFAULT_FAILURE_THRESHOLD, HEALTH_CHECK_DEFAULT_REQUEST_INTERVAL, HEALTH_CHECKER_REGIONS,
    healthCheckArn, healthCheckSniDefault,
} from "../../../aws/route53";
import { partitionOf } from "../../../aws/regions";
import { Answer, bool, Ctx, HEX, InvokeCall, normalizeZoneName, num, numberFrom, pick, Props, ServiceModule, str, strs, UNKNOWN, UPPER_ALNUM, uuid, World } from "../common";

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
        "aws:route53/healthCheck:HealthCheck": (c) => healthCheck(c),
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

/**
 * A Route 53 health check: a UUID id (CreateHealthCheck's `HealthCheck.Id`), a global ARN, and
 * the settings Route 53 fills in for an endpoint check the program leaves out (rulebook,
 * aws/route53.ts). For calculated, alarm and recovery-control checks those settings do not apply
 * and what AWS reports for them is not known here: unknown.
 */
function healthCheck(c: Ctx): Answer {
    const id = c.givenId ?? uuid(c.seed, "healthcheck");
    const type = str(c.inputs["type"]) ?? "";
    const endpoint = ENDPOINT_HEALTH_CHECK_TYPES.includes(type);
    const regions = strs(c.inputs["regions"]);
    return {
        id,
        state: {
            arn: healthCheckArn(c.partition, id),
            type,
            failureThreshold: num(c.inputs["failureThreshold"]) ?? (endpoint ? HEALTH_CHECK_DEFAULT_FAILURE_THRESHOLD : UNKNOWN),
            requestInterval: num(c.inputs["requestInterval"]) ?? (endpoint ? HEALTH_CHECK_DEFAULT_REQUEST_INTERVAL : UNKNOWN),
            regions: regions.length > 0 ? regions : endpoint ? [...HEALTH_CHECKER_REGIONS] : UNKNOWN,
            enableSni: bool(c.inputs["enableSni"]) ?? healthCheckSniDefault(type),
            disabled: bool(c.inputs["disabled"]) ?? false,
            invertHealthcheck: bool(c.inputs["invertHealthcheck"]) ?? false,
            measureLatency: bool(c.inputs["measureLatency"]) ?? false,
            childHealthchecks: strs(c.inputs["childHealthchecks"]),
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
        if (wantedName && isPublicSuffix(normalizeZoneName(wantedName))) throw noMatchingZone(wantedName);
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

/**
 * A lookup of a name that cannot be a hosted zone fails as the provider fails when no zone
 * matches. A public suffix (`com`, `co.uk`) is where names are registered, not a name anyone
 * holds (aws/dns.ts, isPublicSuffix), so no account has a zone for it; the provider's text is
 * the one its `getZone` returns when the search finds nothing (pulumi-aws, aws_route53_zone data
 * source: "no matching Route 53 Hosted Zone found").
 */
function noMatchingZone(name: string): Error {
    const token = "aws:route53/getZone:getZone";
    return new Error(
        `invocation of ${token} returned an error: invoking ${token}: no matching Route 53 Hosted Zone found` +
            ` (offline plan: "${name}" is a public suffix, under which domains are registered; no account holds a hosted zone for it. ` +
            `Look up the zone of the registrable domain instead, such as "example.${normalizeZoneName(name)}")`,
    );
}
