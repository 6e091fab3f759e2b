/**
 * The plan of a multi-region domain, from plain inputs: which regions, which records with which
 * routing policy, which health check calls which name, and the arguments of each region's
 * RegionalDomain. Every rule is checked here, before anything is registered, so a bad region
 * never leaves the good ones half-created.
 */
import * as pulumi from "@pulumi/pulumi";
import {
    FailoverRecordRole, HEALTH_CHECK_DEFAULT_FAILURE_THRESHOLD, HEALTH_CHECK_DEFAULT_REQUEST_INTERVAL, MAX_WEIGHTED_RECORDS,
    MULTI_REGION_ROUTING_POLICIES, MultiRegionRoutingPolicy, failoverRolesProblem, healthCheckFailureThresholdProblem,
    healthCheckIdProblem, healthCheckPathProblem, healthCheckPortProblem, healthCheckRequestIntervalProblem,
    healthCheckSearchStringProblem, healthCheckerRegionsProblem, setIdentifierProblem, WEIGHT_MAX, WEIGHT_MIN, weightProblem,
    delegatedNameProblem, outsideDelegationProblem,
} from "../aws/route53";
import { cloudflareDefaultZoneName, delegationProxiedProblem } from "../aws/cloudflare";
import { regionNameProblem } from "../aws/regions";
import { hostMatches, isRegistrableDomain, isWildcard, withoutWildcard } from "../aws/dns";
import { Problem } from "../aws/problem";
import { DNS_DEPLOY_TIME, DnsArgs, claimDelegation, validateDns, validateZone } from "./dns";
import { MAPPING_DEPLOY_TIME, refuseDeployTimeValues, under } from "./deploy-time";
import { DomainConfigError } from "./errors";
import { Mapping } from "./mappings";
import { validateDomainName } from "./names";
import { ArgumentNames, rejectOptionsInArgs, rejectUnknownArguments } from "./options";
import { RegionalDomainArgs, validateRegionalDomain } from "./regional-domain";
import { MutualTls } from "./security";
import { ApiType, EndpointAccessMode, IpAddressType, RegionalSecurityPolicy } from "./types";

/** How Route 53 chooses among the regions. */
export const RoutingPolicy = {
    /** Each client gets the region with the lowest latency from it (among healthy ones). */
    Latency: "latency",
    /** Queries are spread over the regions in proportion to their weights (among healthy ones). */
    Weighted: "weighted",
    /** All traffic goes to the primary region while it is healthy, else to the secondary. */
    Failover: "failover",
} as const;
export type RoutingPolicy = (typeof RoutingPolicy)[keyof typeof RoutingPolicy];

/** A region's role under failover routing. */
export const FailoverRole = {
    /** Serves while its health check passes. */
    Primary: "primary",
    /** Serves when the primary is unhealthy. */
    Secondary: "secondary",
} as const;
export type FailoverRole = (typeof FailoverRole)[keyof typeof FailoverRole];

/** One region that serves the name. */
export interface RegionEndpoint {
    /**
     * The AWS region of this region's API, certificate and custom domain.
     * Must be known while the program runs (not a secret or an output): it names this region's resources and records.
     * @example "eu-west-1"
     */
    region: string;
    /**
     * The API stages this region serves (its own API ids).
     * @default the component's `mappings`
     * @example [{ apiId: euApi.id, stage: euStage.stageName }]
     */
    mappings?: Mapping[];
    /**
     * ARN of an ACM certificate in this region that covers the domain name (and this region's
     * `healthCheckDomainName` when the component creates the health check). When omitted, one is
     * requested in the region with DNS validation.
     */
    certificateArn?: pulumi.Input<string>;
    /**
     * Weight of this region under weighted routing (0-255; required there, invalid otherwise).
     * @example 100
     */
    weight?: number;
    /** Role of this region under failover routing (required there, invalid otherwise). */
    failover?: FailoverRole;
    /**
     * Set identifier of this region's records.
     * @default the region code
     */
    setIdentifier?: string;
    /**
     * Id of an existing Route 53 health check to attach to this region's records (for example one
     * that watches a CloudWatch alarm). The component then creates no health check for the region.
     */
    healthCheckId?: pulumi.Input<string>;
    /**
     * The name this region answers on by itself, which its health check calls (it must not be the
     * shared name: Route 53 would resolve it through the very records it decides on).
     * @default "{region}.{domainName}" ("{region}.example.com" for "*.example.com")
     */
    healthCheckDomainName?: string;
    /**
     * ARN of a public ACM certificate proving you own the domain; for imported or private-CA
     * certificates with mutual TLS.
     */
    ownershipVerificationCertificateArn?: pulumi.Input<string>;
}

/** The health checks the component creates, one per region (unless a region brings its own). */
export interface HealthCheckSettings {
    /**
     * Create a health check for each region that does not bring its own `healthCheckId`.
     * @default true
     */
    enabled?: boolean;
    /**
     * Path requested on each region's `healthCheckDomainName`; it goes through the region's API
     * mappings, so include the base path: a mapping at "v1" with a `/health` route is "/v1/health".
     * It must answer 2xx or 3xx without authentication.
     * @default "/health"
     */
    path?: string;
    /**
     * Port of the HTTPS check (API Gateway custom domains answer on 443).
     * @default 443
     */
    port?: number;
    /** Text a healthy response contains in its first 5,120 bytes (turns the check into HTTPS_STR_MATCH). */
    searchString?: string;
    /**
     * Seconds between checks from each checker: 30, or 10 (billed higher). Fixed once created.
     * @default 30
     */
    requestInterval?: number;
    /**
     * Consecutive failures (or successes) that change the status, 1-10.
     * @default 3
     */
    failureThreshold?: number;
    /**
     * Regions the health checkers run from (at least 3 of Route 53's checker regions).
     * @default all of them
     */
    checkerRegions?: string[];
    /**
     * Record the latency from the checkers to each region (CloudWatch graphs). Cannot change later.
     * @default false
     */
    measureLatency?: boolean;
}

/** Arguments of a MultiRegionDomain. */
export interface MultiRegionDomainArgs extends DnsArgs {
    /**
     * The custom domain name every region serves, lowercase. A wildcard is allowed as the whole first label.
     * Must be known while the program runs (not a secret or an output): it decides the hosted zone looked up, the certificate's validation records and the checks made before anything is created.
     * @example "api.example.com"
     */
    domainName: string;
    /**
     * The regions that serve the name: at least two distinct ones.
     * Must be known while the program runs (not a secret or an output): the list decides the regional domains, certificates and records; each region's ARNs and ids may be outputs.
     * @example [{ region: "us-east-1", mappings: [...] }, { region: "eu-west-1", mappings: [...] }]
     */
    regions: RegionEndpoint[];
    /**
     * How Route 53 chooses a region: "latency", "weighted" (each region's `weight`) or
     * "failover" (one "primary" and one "secondary" region).
     * @default "latency"
     */
    routingPolicy?: RoutingPolicy;
    /**
     * Mappings for every region that gives none of its own (only useful when the regions share API ids).
     */
    mappings?: Mapping[];
    /** Health checks per region; see README, "One name in several regions". */
    healthCheck?: HealthCheckSettings;
    /**
     * Also let each record follow the health Route 53 knows of API Gateway in its region (the
     * alias's Evaluate Target Health). It fails only when API Gateway itself is down in the region,
     * so it adds to a health check, never replaces one.
     * @default true
     */
    evaluateTargetHealth?: boolean;
    /**
     * The kind of API every region serves.
     * @default "rest"
     */
    apiType?: ApiType;
    /**
     * TLS policy of every region's domain.
     * @default "TLS_1_2"
     */
    securityPolicy?: RegionalSecurityPolicy;
    /** Endpoint access mode; required with an enhanced `SecurityPolicy_*` policy. */
    endpointAccessMode?: EndpointAccessMode;
    /** Mutual TLS on every region's domain (then bring your own health checks: checkers have no client certificate). */
    mutualTls?: MutualTls;
    /**
     * IP address types of every region's domain. "dualstack" also creates AAAA records.
     * @default "ipv4"
     */
    ipAddressType?: IpAddressType;
    /**
     * Extra names on each certificate the component requests.
     * Must be known while the program runs (not a secret or an output): each name decides a validation record.
     */
    subjectAlternativeNames?: string[];
    /** Tags for every domain name, certificate and health check. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** One region's share of the plan. */
export interface PlannedRegion {
    readonly index: number;
    readonly region: string;
    readonly setIdentifier: string;
    readonly weight?: number;
    readonly failover?: FailoverRecordRole;
    /** The health check the records name: the region's own, one the component creates, or none. */
    readonly healthCheck: "given" | "created" | "none";
    readonly healthCheckId?: pulumi.Input<string>;
    /** The name the created health check calls (only when `healthCheck` is "created"). */
    readonly checkDomainName?: string;
    /** Arguments of the region's RegionalDomain for the shared name. */
    readonly domain: RegionalDomainArgs;
    /** Arguments of the region's RegionalDomain for its own name, less the certificate (it reuses the shared domain's). */
    readonly checkDomain?: RegionalDomainArgs;
}

/** The health check every created check gets, with defaults filled in. */
export interface PlannedHealthCheck {
    readonly path: string;
    readonly port: number;
    readonly searchString?: string;
    readonly requestInterval: number;
    readonly failureThreshold: number;
    readonly checkerRegions?: string[];
    readonly measureLatency: boolean;
}

/**
 * With dns "cloudflare" or "external": the subdomain the component delegates to a Route 53 zone
 * of its own, which holds the routed records and the validation records.
 */
export interface PlannedDelegation {
    readonly choice: "cloudflare" | "external";
    /** The name of the hosted zone the component creates: the domain (a wildcard's parent). */
    readonly zoneName: string;
    /** The TTL of the Cloudflare NS records (cloudflare only). */
    readonly ttl?: number;
}

export interface MultiRegionPlan {
    /** Set when the parent domain lives outside Route 53 and the component delegates the name. */
    readonly delegation?: PlannedDelegation;
    readonly routingPolicy: MultiRegionRoutingPolicy;
    readonly evaluateTargetHealth: boolean;
    readonly healthCheck: PlannedHealthCheck;
    readonly regions: readonly PlannedRegion[];
}

/**
 * Checks every argument and returns the plan; throws a DomainConfigError naming the argument,
 * the value, the rule and the fix. `regionProviders` are the regions given providers as options.
 */
const MULTI_REGION_DOMAIN_ARGUMENTS: ArgumentNames<MultiRegionDomainArgs> = {
    domainName: true, regions: true, routingPolicy: true, mappings: true, healthCheck: true, evaluateTargetHealth: true,
    apiType: true, securityPolicy: true, endpointAccessMode: true, mutualTls: true, ipAddressType: true,
    subjectAlternativeNames: true, tags: true, createRecords: true, zoneId: true, zoneName: true, privateZone: true, dns: true, cloudflare: true,
};
const REGION_ENDPOINT_ARGUMENTS: ArgumentNames<RegionEndpoint> = {
    region: true, mappings: true, certificateArn: true, weight: true, failover: true, setIdentifier: true,
    healthCheckId: true, healthCheckDomainName: true, ownershipVerificationCertificateArn: true,
};
const HEALTH_CHECK_ARGUMENTS: ArgumentNames<HealthCheckSettings> = {
    enabled: true, path: true, port: true, searchString: true, requestInterval: true, failureThreshold: true,
    checkerRegions: true, measureLatency: true,
};

export function planMultiRegionDomain(
    label: string,
    args: MultiRegionDomainArgs,
    regionProviders: readonly string[] = [],
): MultiRegionPlan {
    refuseDeployTimeValues(label, args, [
        "tags", "zoneId", "zoneName", ...DNS_DEPLOY_TIME, ...under("mappings[]", MAPPING_DEPLOY_TIME),
        ...under("regions[]", ["certificateArn", "healthCheckId", "ownershipVerificationCertificateArn"]),
        ...under("regions[].mappings[]", MAPPING_DEPLOY_TIME),
    ]);
    rejectOptionsInArgs(label, args);
    if ((args as { regionProviders?: unknown }).regionProviders !== undefined) {
        throw new DomainConfigError(label, "regionProviders", "(providers)", "is a resource option, not an argument",
            "pass it in the third constructor parameter: new MultiRegionDomain(name, args, { regionProviders })");
    }
    const fail = (argument: string, value: unknown, found: Problem): never => {
        throw new DomainConfigError(label, argument, value, found.rule, found.fix);
    };
    rejectUnknownArguments(label, args, MULTI_REGION_DOMAIN_ARGUMENTS);
    rejectUnknownArguments(label, args.healthCheck, HEALTH_CHECK_ARGUMENTS, "healthCheck.");
    validateDomainName(label, "domainName", args.domainName);
    const delegation = planDelegation(label, args);
    if (!delegation) validateZone(label, args.domainName, args);

    const routingPolicy = args.routingPolicy ?? "latency";
    if (!(MULTI_REGION_ROUTING_POLICIES as readonly string[]).includes(routingPolicy)) {
        throw new DomainConfigError(label, "routingPolicy", routingPolicy, "is not a routing policy for several regions",
            "use \"latency\", \"weighted\" or \"failover\"");
    }
    const healthCheck = planHealthCheck(label, args.healthCheck);
    const endpoints = checkRegionList(label, args.regions);
    for (const region of regionProviders) {
        if (!endpoints.some((e) => e.region === region)) {
            throw new DomainConfigError(label, "regionProviders", region, "names a region the domain is not served from",
                `give providers only for the regions in \`regions\` (${endpoints.map((e) => e.region).join(", ")})`);
        }
    }
    checkRoutingRoles(label, routingPolicy, endpoints);

    const createChecks = args.healthCheck?.enabled !== false;
    const setIdentifiers = new Set<string>();
    const checkNames = new Map<string, number>();
    const regions = endpoints.map((e, i): PlannedRegion => {
        const at = `regions[${i}]`;
        const setIdentifier = e.setIdentifier ?? e.region;
        const sid = setIdentifierProblem(setIdentifier);
        if (sid) fail(`${at}.setIdentifier`, setIdentifier, sid);
        if (setIdentifiers.has(setIdentifier)) {
            throw new DomainConfigError(label, `${at}.setIdentifier`, setIdentifier, "is used by another region; Route 53 tells the records apart by it",
                "give each region its own setIdentifier");
        }
        setIdentifiers.add(setIdentifier);

        const given = e.healthCheckId;
        if (typeof given === "string") {
            const found = healthCheckIdProblem(given);
            if (found) fail(`${at}.healthCheckId`, given, found);
        }
        const mappings = e.mappings ?? args.mappings ?? [];
        const creates = given === undefined && createChecks;
        const checkDomainName = creates ? e.healthCheckDomainName ?? defaultCheckDomainName(args.domainName, e.region) : undefined;
        if (creates && delegation) {
            const outside = outsideDelegationProblem(checkDomainName!, delegation.zoneName);
            if (outside) fail(`${at}.healthCheckDomainName`, checkDomainName, outside);
        }
        if (creates) {
            checkCreatedHealthCheck(label, args, e, i, checkDomainName!, mappings, healthCheck.path);
            const other = checkNames.get(checkDomainName!);
            if (other !== undefined) {
                throw new DomainConfigError(label, `${at}.healthCheckDomainName`, checkDomainName, `is also regions[${other}]'s`,
                    "give each region its own name, so each check proves its own region");
            }
            checkNames.set(checkDomainName!, i);
        } else if (e.healthCheckDomainName !== undefined) {
            throw new DomainConfigError(label, `${at}.healthCheckDomainName`, e.healthCheckDomainName,
                given !== undefined ? "has no use with the region's own healthCheckId" : "has no use with healthCheck.enabled false",
                "leave it out, or let the component create the region's health check");
        }

        // A requested certificate covers the region's own name too, unless a wildcard does already.
        const coversCheckName = checkDomainName === undefined || hostMatches(checkDomainName, args.domainName)
            || (args.subjectAlternativeNames ?? []).some((n) => hostMatches(checkDomainName, n));
        const domain: RegionalDomainArgs = {
            domainName: args.domainName,
            region: e.region,
            apiType: args.apiType,
            securityPolicy: args.securityPolicy,
            endpointAccessMode: args.endpointAccessMode,
            mutualTls: args.mutualTls,
            ownershipVerificationCertificateArn: e.ownershipVerificationCertificateArn,
            ipAddressType: args.ipAddressType,
            mappings,
            certificateArn: e.certificateArn,
            subjectAlternativeNames: coversCheckName ? args.subjectAlternativeNames : [...(args.subjectAlternativeNames ?? []), checkDomainName!],
            tags: args.tags,
            createRecords: args.createRecords,
            zoneId: args.zoneId,
            zoneName: args.zoneName,
            privateZone: args.privateZone,
        };
        const explicitProvider = regionProviders.includes(e.region);
        validateRegionalDomain(`${label} (${at}, ${e.region})`, domain, explicitProvider);
        const checkDomain: RegionalDomainArgs | undefined = checkDomainName === undefined ? undefined : {
            ...domain,
            domainName: checkDomainName,
            subjectAlternativeNames: undefined,
            mutualTls: undefined,
            // The region's shared-name certificate covers this name; a stand-in ARN of the right
            // region lets the rules run now (the real one is an output of the shared domain).
            certificateArn: pulumi.output(""),
        };
        if (checkDomain) validateRegionalDomain(`${label} (${at}.healthCheckDomainName, ${e.region})`, checkDomain, explicitProvider);

        return {
            index: i,
            region: e.region,
            setIdentifier,
            weight: routingPolicy === "weighted" ? e.weight : undefined,
            failover: routingPolicy === "failover" ? (e.failover!.toUpperCase() as FailoverRecordRole) : undefined,
            healthCheck: given !== undefined ? "given" : creates ? "created" : "none",
            healthCheckId: given,
            checkDomainName,
            domain,
            checkDomain,
        };
    });
    return { delegation, routingPolicy, evaluateTargetHealth: args.evaluateTargetHealth ?? true, healthCheck, regions };
}

/**
 * The DNS choice. Latency, weighted and failover answers are Route 53 routing policies (a record
 * outside Route 53 has one answer: aws/cloudflare.ts), so with another DNS the component delegates
 * the name to a Route 53 zone of its own (aws/route53.ts, "Subdomain delegation"; README, "DNS
 * outside Route 53"). Route 53 zone arguments are refused with another DNS (validateDns).
 */
function planDelegation(label: string, args: MultiRegionDomainArgs): PlannedDelegation | undefined {
    const cf = args.cloudflare;
    if (args.dns === "cloudflare" && cf !== null && typeof cf === "object") {
        const proxied = delegationProxiedProblem(cf.proxied);
        if (proxied) throw new DomainConfigError(label, "cloudflare.proxied", cf.proxied, proxied.rule, proxied.fix);
    }
    const dns = validateDns(label, args.domainName, args, args.subjectAlternativeNames ?? [], { domainRecord: false });
    if (dns.choice === "route53") return undefined;
    const zoneName = withoutWildcard(args.domainName);
    if (args.createRecords === false) {
        // validateDns already refuses this with Cloudflare; with external DNS it would leave the zone the user delegates to empty.
        throw new DomainConfigError(label, "createRecords", false,
            `would leave empty the Route 53 zone ${zoneName} is delegated to: with dns "${dns.choice}" the routed records, each region's own name and the validation records live in that zone, which the component creates`,
            "drop createRecords; the records the delegation needs in your DNS are in dnsRecords");
    }
    const parentZone = dns.choice === "cloudflare" && cf?.zoneId === undefined ? cf?.zoneName ?? cloudflareDefaultZoneName(args.domainName) : undefined;
    const apex = delegatedNameProblem(zoneName, parentZone, isRegistrableDomain(zoneName));
    if (apex) throw new DomainConfigError(label, "domainName", args.domainName, apex.rule, apex.fix);
    (args.subjectAlternativeNames ?? []).forEach((n, i) => {
        const outside = outsideDelegationProblem(n, zoneName);
        if (outside) throw new DomainConfigError(label, `subjectAlternativeNames[${i}]`, n, outside.rule, outside.fix);
    });
    if (dns.choice === "cloudflare") claimDelegation(label, zoneName);
    return { choice: dns.choice, zoneName, ttl: dns.cloudflare?.ttl };
}

/** The name a region's health check calls by default: the region code in front of the shared name (or of a wildcard's parent). */
export function defaultCheckDomainName(domainName: string, region: string): string {
    return `${region}.${isWildcard(domainName) ? withoutWildcard(domainName) : domainName}`;
}

function checkRegionList(label: string, regions: unknown): RegionEndpoint[] {
    if (!Array.isArray(regions) || regions.length < 2) {
        throw new DomainConfigError(label, "regions", Array.isArray(regions) ? regions.map((r) => r?.region) : regions,
            "lists fewer than two regions", "serve the name from two or more regions (for one region, use RegionalDomain)");
    }
    const seen = new Map<string, number>();
    regions.forEach((e: RegionEndpoint, i) => {
        rejectUnknownArguments(label, e, REGION_ENDPOINT_ARGUMENTS, `regions[${i}].`);
        const found = regionNameProblem(e?.region);
        if (found) throw new DomainConfigError(label, `regions[${i}].region`, e?.region, found.rule, found.fix);
        const other = seen.get(e.region);
        if (other !== undefined) {
            throw new DomainConfigError(label, `regions[${i}].region`, e.region, `is also regions[${other}]; each region serves the name once`,
                "list each region once (to send it more traffic, use weighted routing)");
        }
        seen.set(e.region, i);
    });
    return regions as RegionEndpoint[];
}

function checkRoutingRoles(label: string, policy: MultiRegionRoutingPolicy, endpoints: readonly RegionEndpoint[]): void {
    endpoints.forEach((e, i) => {
        if (policy !== "weighted" && e.weight !== undefined) {
            throw new DomainConfigError(label, `regions[${i}].weight`, e.weight, `applies to weighted routing only, and routingPolicy is "${policy}"`,
                "set routingPolicy: \"weighted\", or leave the weight out");
        }
        if (policy !== "failover" && e.failover !== undefined) {
            throw new DomainConfigError(label, `regions[${i}].failover`, e.failover, `applies to failover routing only, and routingPolicy is "${policy}"`,
                "set routingPolicy: \"failover\", or leave the role out");
        }
        if (policy === "weighted") {
            if (e.weight === undefined) {
                throw new DomainConfigError(label, `regions[${i}].weight`, undefined, "is required by weighted routing",
                    `give every region a weight from ${WEIGHT_MIN} to ${WEIGHT_MAX} (traffic splits in proportion)`);
            }
            const found = weightProblem(e.weight);
            if (found) throw new DomainConfigError(label, `regions[${i}].weight`, e.weight, found.rule, found.fix);
        }
    });
    if (policy === "weighted" && endpoints.length > MAX_WEIGHTED_RECORDS) {
        throw new DomainConfigError(label, "regions", endpoints.length, `are more than the ${MAX_WEIGHTED_RECORDS} weighted records Route 53 allows per name and type`,
            "serve the name from fewer regions");
    }
    if (policy === "failover") {
        const roles = endpoints.map((e) => e.failover);
        const missing = roles.findIndex((r) => r === undefined);
        if (missing >= 0) {
            throw new DomainConfigError(label, `regions[${missing}].failover`, undefined, "is required by failover routing",
                "mark one region \"primary\" and the other \"secondary\"");
        }
        const found = failoverRolesProblem(roles);
        if (found) throw new DomainConfigError(label, "regions[*].failover", roles, found.rule, found.fix);
    }
}

function planHealthCheck(label: string, settings: HealthCheckSettings | undefined): PlannedHealthCheck {
    const s = settings ?? {};
    const check = (argument: string, value: unknown, problemOf: (v: unknown) => Problem | undefined) => {
        if (value === undefined) return;
        const found = problemOf(value);
        if (found) throw new DomainConfigError(label, `healthCheck.${argument}`, value, found.rule, found.fix);
    };
    check("path", s.path, healthCheckPathProblem);
    check("port", s.port, healthCheckPortProblem);
    check("searchString", s.searchString, healthCheckSearchStringProblem);
    check("requestInterval", s.requestInterval, healthCheckRequestIntervalProblem);
    check("failureThreshold", s.failureThreshold, healthCheckFailureThresholdProblem);
    check("checkerRegions", s.checkerRegions, healthCheckerRegionsProblem);
    return {
        path: s.path ?? "/health",
        port: s.port ?? 443,
        searchString: s.searchString,
        requestInterval: s.requestInterval ?? HEALTH_CHECK_DEFAULT_REQUEST_INTERVAL,
        failureThreshold: s.failureThreshold ?? HEALTH_CHECK_DEFAULT_FAILURE_THRESHOLD,
        checkerRegions: s.checkerRegions,
        measureLatency: s.measureLatency ?? false,
    };
}

/** The rules a health check the component creates must meet to ever pass. */
function checkCreatedHealthCheck(
    label: string,
    args: MultiRegionDomainArgs,
    e: RegionEndpoint,
    i: number,
    checkDomainName: string,
    mappings: readonly Mapping[],
    path: string,
): void {
    const at = `regions[${i}]`;
    validateDomainName(label, `${at}.healthCheckDomainName`, checkDomainName);
    if (checkDomainName === args.domainName) {
        throw new DomainConfigError(label, `${at}.healthCheckDomainName`, checkDomainName,
            "is the shared name; Route 53 would resolve it through the records the check decides on, and results are unpredictable",
            `use a name of this region alone, such as "${defaultCheckDomainName(args.domainName, e.region)}"`);
    }
    if (args.mutualTls !== undefined) {
        throw new DomainConfigError(label, "mutualTls", args.mutualTls,
            "leaves the health checks the component creates failing forever: Route 53 health checkers present no client certificate",
            "set healthCheck.enabled: false and give each region a healthCheckId (for example a CloudWatch alarm health check)");
    }
    if (args.createRecords === false) {
        throw new DomainConfigError(label, "createRecords", false,
            `leaves ${checkDomainName}, which the health check the component creates calls, without a DNS record, so the check never passes`,
            "let the component create the records, or set healthCheck.enabled: false and give each region a healthCheckId");
    }
    if (args.privateZone === true) {
        throw new DomainConfigError(label, "privateZone", true,
            "puts the names the health checks call in a private hosted zone, which Route 53 health checkers (outside your VPCs) cannot resolve",
            "give each region a healthCheckId of a CloudWatch alarm health check, and set healthCheck.enabled: false");
    }
    const routed = mappings.some((m) => {
        const key = m.basePath ?? "";
        return key === "" || path === `/${key}` || path.startsWith(`/${key}/`) || path.startsWith(`/${key}?`);
    });
    if (!routed) {
        const keys = mappings.map((m) => m.basePath ?? "");
        throw new DomainConfigError(label, "healthCheck.path", path,
            mappings.length === 0
                ? `reaches no API in ${e.region}: the region has no mappings, so its domain answers 403 and the check never passes`
                : `reaches no API in ${e.region}: no mapping of the region serves it (keys ${JSON.stringify(keys)})`,
            mappings.length === 0
                ? `give ${at}.mappings (or the component's mappings)`
                : `start the path with a mapping key, such as "/${keys[0]}/health"`);
    }
}
