import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { keepNodes, nodesOf } from "./component";
import { resolveZone } from "./dns";
import { componentLabel } from "./errors";
import { urlOf } from "./mappings";
import { MultiRegionDomainArgs, MultiRegionPlan, PlannedRegion, planMultiRegionDomain } from "./multi-region-plan";
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

    constructor(name: string, args: MultiRegionDomainArgs, opts: MultiRegionDomainOptions = {}) {
        const label = componentLabel("MultiRegionDomain", name);
        const { regionProviders = {}, ...options } = opts;
        const plan = planMultiRegionDomain(label, args, Object.keys(regionProviders));
        super("apigw-domains:index:MultiRegionDomain", name, {}, standardOptions(options));
        this.routingPolicy = plan.routingPolicy;
        this.regions = plan.regions.map((r) => r.region);

        const dnsOpts: pulumi.InvokeOptions & pulumi.CustomResourceOptions =
            opts.dnsProvider ? { parent: this, provider: opts.dnsProvider } : { parent: this };
        // One zone look-up for every region's records and validation records.
        const needsZone = args.createRecords !== false || plan.regions.some((r) => r.domain.certificateArn === undefined);
        const zoneId = needsZone ? resolveZone(label, args.domainName, args, dnsOpts) : undefined;

        const served = plan.regions.map((r) => serveRegion(this, r));
        keepNodes<MultiRegionDomainNodes>(this, {
            regions: Object.fromEntries(served.map((s) => [s.region, s.nodes])),
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
            const domain = new RegionalDomain(`${name}-${r.region}`, { ...r.domain, zoneId: zoneId ?? r.domain.zoneId }, {
                ...regionOpts,
                transform: { ...opts.transform?.regionalDomain, record: routedRecord(plan, r, healthCheckId, opts.transform?.regionalDomain?.record) },
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
