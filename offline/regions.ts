/**
 * The per-region facts the simulator answers with. They live in the rulebook (aws/regions.ts,
 * each table with its source); this module keeps the names offline code imports.
 */
export {
    DEFAULT_REGION, Partition, ZoneKind, availabilityZoneId, availabilityZones, hostedZoneId, isGlobalServiceType,
    partitionOf, regionDescription,
} from "../aws/regions";
export { CLOUDFRONT_ZONE_ID } from "../aws/cloudfront";
