import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as cloudflare from "@pulumi/cloudflare";
import { DELEGATION_RECORD_TYPE, HOSTED_ZONE_NAME_SERVERS } from "../aws/route53";
import { HOSTED_ZONE_COMMENT_MAX_LENGTH } from "../aws/dns";
import { cloudflareName, delegationZoneTypeProblem } from "../aws/cloudflare";
import { keepNodes, nodesOf } from "./component";
import { DnsRecordSpec, announceExternalRecords, createCloudflareRecord, resolveCloudflareZone, resolveZone } from "./dns";
import { DomainConfigError, componentLabel } from "./errors";
import { urlOf } from "./mappings";
import { MultiRegionDomainArgs, MultiRegionPlan, PlannedDelegation, PlannedRegion, planMultiRegionDomain } from "./multi-region-plan";
import { fitText } from "./names";
import { DomainOptions, standardOptions } from "./options";
import { RegionalDomain, RegionalDomainTransforms } from "./regional-domain";
import { Transform, applyTransform } from "./transform";

export {
    FailoverRole, HealthCheckSettings, MultiRegionDomainArgs, RegionEndpoint, RoutingPolicy,
} from "./multi-region-plan";

/** Escape hatches for a MultiRegionDomain's child resources (TypeScript; other languages use `transforms`). */
export interface MultiRegionDomainTransforms {
    /** Applied to every region's RegionalDomain children (records get the routing policy first). */
    regionalDomain?: RegionalDomainTransforms;
    /** Each health check the component creates (`{name}-{region}-health`). */
    healthCheck?: Transform<aws.route53.HealthCheckArgs>;
    /** The delegated hosted zone (`{name}-zone`, with dns "cloudflare" or "external"). */
    zone?: Transform<aws.route53.ZoneArgs>;
    /** Each Cloudflare NS record that delegates the name (`{name}-ns-{0..3}`, with dns "cloudflare"). */
    delegationRecord?: Transform<cloudflare.DnsRecordArgs>;
}

/** Resource options of a MultiRegionDomain: Pulumi's own, plus what only TypeScript can pass. */
export interface MultiRegionDomainOptions extends DomainOptions {
    /**
     * A provider per region, keyed by region code, for that region's certificate, domain and
     * mappings (another account, or credentials per region). Regions without one use the
     * component's provider; every regional resource gets its `region` input either way.
     * TypeScript only.
     * @example { "us-east-1": useast1, "eu-west-1": euwest1 }
     */
    regionProviders?: Record<string, aws.Provider>;
    /** Escape hatches for the child resources. */
    transform?: MultiRegionDomainTransforms;
}

/** What the component created for one region. */
export interface MultiRegionDomainRegionNodes {
    /** The region's domain for the shared name, with its routed alias records. */
    domain: RegionalDomain;
    /** The region's domain for its own name, which its health check calls. */
    checkDomain: RegionalDomain | undefined;
    /** The health check the component created for the region. */
    healthCheck: aws.route53.HealthCheck | undefined;
}

/** The child resources of a MultiRegionDomain, for TypeScript programs. */
export interface MultiRegionDomainNodes {
    /** Keyed by region code. */
    regions: Record<string, MultiRegionDomainRegionNodes>;
    /** The Route 53 zone the name is delegated to (dns "cloudflare" or "external"). */
    zone: aws.route53.Zone | undefined;
    /** The Cloudflare NS records that delegate the name (dns "cloudflare"). */
    delegationRecords: cloudflare.DnsRecord[];
}

/**
 * One custom domain name served from several regions: in each region a certificate, a regional
 * domain and its mappings (a RegionalDomain, so every rule of a regional domain holds per region),
 * and Route 53 alias records for the shared name with a latency, weighted or failover routing
 * policy, each attached to a health check that calls the region through a custom domain of its own.
 */
export class MultiRegionDomain extends pulumi.ComponentResource {
    /** The custom domain name every region serves. */
    declare readonly domainName: pulumi.Output<string>;
    /** `https://{domainName}/`, the URL clients use (for WebSocket APIs, use the `wss://` scheme). */
    declare readonly url: pulumi.Output<string>;
    /** The routing policy of the records: "latency", "weighted" or "failover". */
    readonly routingPolicy: string;
    /** The regions that serve the name, in the order given. */
    readonly regions: string[];
    /** Each region's regional target (`d-xxxx.execute-api.{region}.amazonaws.com`), keyed by region. */
    declare readonly targetDomainNames: pulumi.Output<Record<string, string>>;
    /** The hosted zone id of each region's target, keyed by region (for records outside this component). */
    declare readonly hostedZoneIds: pulumi.Output<Record<string, string>>;
    /** The ARN of each region's certificate, keyed by region. */
    declare readonly certificateArns: pulumi.Output<Record<string, string>>;
    /** The health check id attached to each region's records, keyed by region (regions without one are absent). */
    declare readonly healthCheckIds: pulumi.Output<Record<string, string>>;
    /** What each created health check requests, keyed by region: `https://{region's own name}{path}`. */
    declare readonly healthCheckUrls: pulumi.Output<Record<string, string>>;
    /**
     * With dns "cloudflare" or "external", the id of the Route 53 zone the name is delegated to
     * (it holds the routed records and the validation records); undefined with "route53".
     */
    declare readonly delegatedZoneId: pulumi.Output<string | undefined>;
    /**
     * The records the parent domain's DNS holds for the delegation: with "external" the NS
     * records to create (one per name server of the delegated zone), with "cloudflare" the ones
     * created there; empty with "route53".
     */
    declare readonly dnsRecords: pulumi.Output<DnsRecordSpec[]>;

    constructor(name: string, args: MultiRegionDomainArgs, opts: MultiRegionDomainOptions = {}) {
        const label = componentLabel("MultiRegionDomain", name);
        const { regionProviders = {}, ...options } = opts;
        const plan = planMultiRegionDomain(label, args, Object.keys(regionProviders));
        super("apigw-domains:index:MultiRegionDomain", name, {}, standardOptions(options));
        this.routingPolicy = plan.routingPolicy;
        this.regions = plan.regions.map((r) => r.region);

        const dnsOpts: pulumi.InvokeOptions & pulumi.CustomResourceOptions =
            opts.dnsProvider ? { parent: this, provider: opts.dnsProvider } : { parent: this };
        // With another DNS, a Route 53 zone of the name's own, delegated from the parent's DNS;
        // else one zone look-up for every region's records and validation records.
        const delegation = plan.delegation && delegate(this, plan.delegation);
        const needsZone = args.createRecords !== false || plan.regions.some((r) => r.domain.certificateArn === undefined);
        const zoneId = delegation ? delegation.zone.zoneId : needsZone ? resolveZone(label, args.domainName, args, dnsOpts) : undefined;

        const served = plan.regions.map((r) => serveRegion(this, r));
        keepNodes<MultiRegionDomainNodes>(this, {
            regions: Object.fromEntries(served.map((s) => [s.region, s.nodes])),
            zone: delegation?.zone,
            delegationRecords: delegation?.records ?? [],
        });
        const byRegion = (value: (s: (typeof served)[number]) => pulumi.Input<string> | undefined) =>
            pulumi.output(Object.fromEntries(served.flatMap((s) => {
                const v = value(s);
                return v === undefined ? [] : [[s.region, v]];
            }))) as pulumi.Output<Record<string, string>>;
        Object.assign(this, {
            domainName: pulumi.output(args.domainName),
            url: pulumi.output(urlOf(args.domainName, "")),
            targetDomainNames: byRegion((s) => s.nodes.domain.targetDomainName),
            hostedZoneIds: byRegion((s) => s.nodes.domain.hostedZoneId),
            certificateArns: byRegion((s) => s.nodes.domain.certificateArn),
            healthCheckIds: byRegion((s) => s.healthCheckId),
            healthCheckUrls: byRegion((s) => s.healthCheckUrl),
            delegatedZoneId: delegation ? delegation.zone.zoneId : pulumi.output(undefined),
            dnsRecords: delegation ? delegation.specs : pulumi.output([]),
        });
        this.registerOutputs({
            domainName: this.domainName,
            url: this.url,
            routingPolicy: this.routingPolicy,
            regions: this.regions,
            targetDomainNames: this.targetDomainNames,
            hostedZoneIds: this.hostedZoneIds,
            certificateArns: this.certificateArns,
            healthCheckIds: this.healthCheckIds,
            healthCheckUrls: this.healthCheckUrls,
            delegatedZoneId: this.delegatedZoneId,
            dnsRecords: this.dnsRecords,
        });

        function serveRegion(parent: MultiRegionDomain, r: PlannedRegion) {
            const provider = regionProviders[r.region];
            const healthCheck = r.healthCheck === "created" ? createHealthCheck(parent, r) : undefined;
            const healthCheckId = healthCheck ? healthCheck.id : r.healthCheckId;
            const regionOpts = {
                parent,
                ...(provider ? { provider } : {}),
                certificateProvider: opts.certificateProvider,
                dnsProvider: opts.dnsProvider,
            };
            const userTransforms = opts.transform?.regionalDomain;
            // ACM reads the validation records through the parent's delegation: with Cloudflare the
            // wait starts once the NS records exist (with external DNS, once the user adds them).
            const certificate = delegation && delegation.records.length > 0
                ? { ...userTransforms?.certificate, validation: waitingFor(delegation.records, userTransforms?.certificate?.validation) }
                : userTransforms?.certificate;
            const domain = new RegionalDomain(`${name}-${r.region}`, { ...r.domain, zoneId: zoneId ?? r.domain.zoneId }, {
                ...regionOpts,
                transform: { ...userTransforms, certificate, record: routedRecord(plan, r, healthCheckId, userTransforms?.record) },
            });
            const checkDomain = r.checkDomain && new RegionalDomain(`${name}-${r.region}-check`, {
                ...r.checkDomain,
                certificateArn: domain.certificateArn,
                zoneId: zoneId ?? r.checkDomain.zoneId,
            }, { ...regionOpts, transform: opts.transform?.regionalDomain });
            const { port, path } = plan.healthCheck;
            const healthCheckUrl = r.checkDomainName === undefined ? undefined : `https://${r.checkDomainName}${port === 443 ? "" : `:${port}`}${path}`;
            return {
                region: r.region,
                healthCheckId,
                healthCheckUrl,
                nodes: { domain, checkDomain, healthCheck },
            };
        }

        /**
         * The hosted zone named exactly the domain (a wildcard's parent), and its delegation:
         * NS records in the Cloudflare zone, or printed for the user's DNS.
         */
        function delegate(parent: MultiRegionDomain, d: PlannedDelegation) {
            const childName = `${name}-zone`;
            const [a, o] = applyTransform(opts.transform?.zone, childName, {
                name: d.zoneName,
                comment: fitText(`${d.zoneName}, delegated from ${d.choice === "cloudflare" ? "Cloudflare" : "external DNS"}: routed records of ${args.domainName} (apigw-domains)`, HOSTED_ZONE_COMMENT_MAX_LENGTH),
                tags: args.tags,
            } as aws.route53.ZoneArgs, { ...dnsOpts, parent });
            const zone = new aws.route53.Zone(childName, a, o);
            const specs: pulumi.Output<DnsRecordSpec[]> = zone.nameServers.apply((servers) => servers.map((ns) => ({
                name: d.zoneName, type: DELEGATION_RECORD_TYPE, value: cloudflareName(ns), purpose: "delegation",
            })));
            const records: cloudflare.DnsRecord[] = [];
            if (d.choice === "cloudflare") {
                const cloudflareZoneId = resolveCloudflareZone(args.domainName, args.cloudflare, { parent }, (zoneName, type) => {
                    const found = delegationZoneTypeProblem(type);
                    if (found) throw new DomainConfigError(label, "cloudflare.zoneName", zoneName, found.rule, found.fix);
                });
                for (let i = 0; i < HOSTED_ZONE_NAME_SERVERS; i++) {
                    records.push(createCloudflareRecord(`${name}-ns-${i}`, label, {
                        zoneId: cloudflareZoneId,
                        name: d.zoneName,
                        type: DELEGATION_RECORD_TYPE,
                        value: zone.nameServers.apply((servers) => servers[i]),
                        ttl: d.ttl!,
                        proxied: false,
                        purpose: "delegation to Route 53",
                    }, { parent }, opts.transform?.delegationRecord));
                }
            } else {
                announceExternalRecords(parent, label, specs,
                    `these NS records, which delegate ${d.zoneName} to the Route 53 zone holding its routed records and certificate validation records,`);
            }
            return { zone, records, specs };
        }

        function createHealthCheck(parent: MultiRegionDomain, r: PlannedRegion): aws.route53.HealthCheck {
            const hc = plan.healthCheck;
            const childName = `${name}-${r.region}-health`;
            const [a, o] = applyTransform(opts.transform?.healthCheck, childName, {
                // HTTPS to the region's own custom domain: SNI and Host carry that name, so API
                // Gateway answers with its certificate and routes through its mappings.
                type: hc.searchString === undefined ? "HTTPS" : "HTTPS_STR_MATCH",
                fqdn: r.checkDomainName,
                port: hc.port,
                resourcePath: hc.path,
                enableSni: true,
                searchString: hc.searchString,
                requestInterval: hc.requestInterval,
                failureThreshold: hc.failureThreshold,
                regions: hc.checkerRegions,
                measureLatency: hc.measureLatency,
                // The console lists health checks by their Name tag.
                tags: pulumi.output(args.tags ?? {}).apply((t) => ({ ...t, Name: `${args.domainName} ${r.region}` })),
            } as aws.route53.HealthCheckArgs, { ...dnsOpts, parent });
            return new aws.route53.HealthCheck(childName, a, o);
        }
    }

    /** The child resources, for TypeScript programs (other languages get the outputs above). */
    get nodes(): MultiRegionDomainNodes {
        return nodesOf(this);
    }
}

/** A validation waiter's transform that also waits for the given resources, before the user's own. */
function waitingFor(
    resources: pulumi.Resource[],
    user: Transform<aws.acm.CertificateValidationArgs> | undefined,
): Transform<aws.acm.CertificateValidationArgs> {
    return (args, opts, name) => {
        const given = opts.dependsOn;
        const before = given === undefined ? [] : Array.isArray(given) ? given : [given];
        opts.dependsOn = [...before, ...resources] as pulumi.Input<pulumi.Resource>[];
        return applyTransform(user, name, args, opts)[0];
    };
}

/**
 * The record transform that turns a region's alias records into its share of the routed record
 * set (set identifier, routing policy, health check, target health), before the user's own.
 */
function routedRecord(
    plan: MultiRegionPlan,
    r: PlannedRegion,
    healthCheckId: pulumi.Input<string> | undefined,
    user: Transform<aws.route53.RecordArgs> | undefined,
): Transform<aws.route53.RecordArgs> {
    return (args, opts, name) => {
        const aliases = (args.aliases as aws.types.input.route53.RecordAlias[] | undefined)
            ?.map((alias) => ({ ...alias, evaluateTargetHealth: plan.evaluateTargetHealth }));
        const policy: Partial<aws.route53.RecordArgs> =
            plan.routingPolicy === "latency" ? { latencyRoutingPolicies: [{ region: r.region }] }
            : plan.routingPolicy === "weighted" ? { weightedRoutingPolicies: [{ weight: r.weight! }] }
            : { failoverRoutingPolicies: [{ type: r.failover! }] };
        const routed: aws.route53.RecordArgs = { ...args, aliases, setIdentifier: r.setIdentifier, healthCheckId, ...policy };
        return applyTransform(user, name, routed, opts)[0];
    };
}
