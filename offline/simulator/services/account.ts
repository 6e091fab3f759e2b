/** Account-level AWS lookups (`aws:index`): region, caller identity, partition and availability zones. */
import { availabilityZoneId, availabilityZones, partitionOf, regionDescription } from "../../../aws/regions";
import { pick, ServiceModule, str, UPPER_ALNUM } from "../common";

export const service: ServiceModule = {
    invokes: {
        "aws:index/getRegion:getRegion": (call) => {
            const region = str(call.inputs["region"]) ?? str(call.inputs["name"]) ?? call.region;
            return {
                id: region,
                name: region,
                region,
                description: regionDescription(region),
                endpoint: `ec2.${region}.${partitionOf(region).dnsSuffix}`,
            };
        },
        "aws:index/getCallerIdentity:getCallerIdentity": (call, world) => {
            const p = partitionOf(call.region).partition;
            const role = world.assumedRoleName(call.provider);
            return {
                id: call.account,
                accountId: call.account,
                arn: role ? `arn:${p}:sts::${call.account}:assumed-role/${role}/pulumi` : `arn:${p}:iam::${call.account}:user/offline-plan`,
                userId: role ? `AROA${pick(UPPER_ALNUM, 17, call.account, role)}:pulumi` : `AIDA${pick(UPPER_ALNUM, 17, call.account)}`,
            };
        },
        "aws:index/getPartition:getPartition": (call) => {
            const p = partitionOf(call.region);
            return { id: p.partition, ...p };
        },
        "aws:index/getAvailabilityZones:getAvailabilityZones": (call) => {
            const names = availabilityZones(call.region);
            return { id: call.region, names, zoneIds: names.map(availabilityZoneId), groupNames: [call.region] };
        },
    },
};


