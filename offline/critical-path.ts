/**
 * Time to a working domain: the critical path of slow AWS operations through the resource
 * graph a plan recorded.
 *
 * `pulumi up` creates a resource as soon as everything it waits for is done, so the time until
 * the domain answers is the longest chain of waits, weighted by how long AWS takes for each
 * resource. A resource waits for:
 * - its dependencies and property dependencies (a dependency on a component waits for all of
 *   the component's children: a component is done when its children are);
 * - its parent's registration (a component registers at once, after its own dependencies; a
 *   custom parent registers once it is created) and its explicit provider.
 *
 * Each custom resource costs the estimate of its operation (below). Some operations finish in
 * the background: the provider returns while AWS keeps working (an edge-optimized custom
 * domain's managed CloudFront distribution; a distribution created with
 * `waitForDeployment: false`). Dependents go ahead at once, but the domain only works once
 * that background work is over, so it counts at the end of its chain, not in the middle.
 *
 * AWS also limits how fast one account may call some operations (API Gateway's CreateDomainName:
 * 1 request every 30 seconds; ACM's RequestCertificate: 5 a second; Route 53: 10 a second). Those
 * throttles come from the rulebook (aws/quotas.ts): resources that call a throttled operation in
 * the same account (and region, where the throttle is regional) queue for it, in the order they
 * become ready. So the path is not just the longest chain: it is a list-scheduling simulation in
 * time order, and N domains in one account cost what AWS lets them cost. A wait in such a queue
 * shows on the path as a step of its own.
 *
 * The estimates are typical times, not worst cases: AWS publishes few figures, and where it
 * does not, the figure is ours (the README's Performance section lists each with its source).
 * The throttled queues assume requests paced at exactly AWS's rate; the provider's retries with
 * back-off only make it slower.
 */
import {
    ACM_REQUEST_CERTIFICATE, APIGATEWAY_CREATE_DEPLOYMENT, APIGATEWAY_CREATE_DOMAIN_NAME, APIGATEWAY_CREATE_REST_API_EDGE,
    APIGATEWAY_CREATE_REST_API_REGIONAL, APIGATEWAY_TOTAL, ControlPlaneThrottle, ROUTE53_ACCOUNT, ROUTE53_ASSOCIATE_VPC,
    ROUTE53_CREATE_HOSTED_ZONE, describeThrottle,
} from "../aws/quotas";
import { arnAccount } from "../aws/arn";
import { UNKNOWN } from "./engine";

/** What the critical path needs of a recorded resource (engine `RecordedResource` and plan `PlannedResource` fit). */
export interface GraphResource {
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    parent?: string;
    providerUrn?: string;
    /** `Resource.get` reads of existing resources cost nothing to create. */
    read?: boolean;
    /** The region an AWS resource lands in (engine and plan record it); regional throttles count per region. */
    region?: string;
    inputs: Record<string, unknown>;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
}

/** How long AWS takes for one resource. */
export interface OperationEstimate {
    /** What AWS does, in a few words. */
    operation: string;
    /** How long `pulumi up` waits for the resource before its dependents can start. */
    minutes: number;
    /** Work AWS goes on with after the provider has returned, before the domain answers. */
    backgroundMinutes?: number;
}

export interface CriticalPathStep {
    urn: string;
    type: string;
    name: string;
    operation: string;
    /** Minutes this step adds to the path (background work included on the last step). */
    estimateMinutes: number;
    /** Set on a wait in a throttled queue: the throttle's id (aws/quotas.ts); the step names the resource that waited. */
    throttle?: string;
}

/** One throttled queue of the plan: every request one account (and region) made of one throttled operation. */
export interface ThrottleQueue {
    /** The throttle's id (aws/quotas.ts), e.g. `apigateway:CreateDomainName`. */
    throttle: string;
    /** The rate, as AWS states it. */
    rate: string;
    /** The account (the provider's assumed role's account, profile, or `default`) and region it counts in. */
    account: string;
    region?: string;
    requests: number;
    /** The longest any request waited in it. */
    longestWaitMinutes: number;
}

export interface CriticalPath {
    /** In the order AWS performs them; their estimates add up to `estimatedMinutes`. */
    steps: CriticalPathStep[];
    /** Estimated minutes from `pulumi up` to a working domain (every resource created and ready). */
    estimatedMinutes: number;
    /** The throttled queues where some request waited, longest wait first. */
    throttled: ThrottleQueue[];
}

// ---------------------------------------------------------------------------------------
// Per-operation estimates
// ---------------------------------------------------------------------------------------

/** An API call that returns within seconds (mappings, stages, security group rules, ...). */
const FAST: OperationEstimate = { operation: "API call", minutes: 0.1 };

/** Nothing on AWS: components, providers, local resources (random, tls), reads of existing resources. */
const INSTANT: OperationEstimate = { operation: "no AWS operation", minutes: 0 };

/**
 * Route 53: a change is PENDING until every authoritative server has it, then INSYNC, which
 * the provider waits for. AWS (Route 53 FAQ): updates reach its authoritative servers "within
 * 60 seconds under normal conditions".
 */
const ROUTE53_CHANGE_MINUTES = 1;

/**
 * ACM DNS validation: after the validation CNAME is INSYNC, ACM checks it and issues the
 * certificate. Our estimate: typically a few minutes (AWS keeps trying for 72 hours; the
 * Terraform provider waits up to 75 minutes; the CDK raised its waiter from 5 to 9.5 minutes
 * because 5 was sometimes too short).
 */
const ACM_VALIDATION_MINUTES = 5;

/**
 * Edge-optimized custom domain: API Gateway sets up a CloudFront distribution it manages.
 * AWS: "The edge-optimized custom domain name takes about 40 minutes to be ready" (API
 * Gateway developer guide, "Set up an edge-optimized custom domain name"). The provider
 * returns once CreateDomainName does, so the 40 minutes run in the background.
 */
const EDGE_DOMAIN_READY_MINUTES = 40;

/**
 * CloudFront distribution, from creation to Deployed on every edge location. AWS: changes now
 * deploy "reliably within 5 minutes" (AWS Networking & Content Delivery blog, "Slashing
 * CloudFront change propagation times in 2020"; earlier 15 to 35 minutes).
 */
const CLOUDFRONT_DEPLOY_MINUTES = 5;

/**
 * A CloudFront-managed certificate of a distribution tenant (`managedCertificateRequest`): ours.
 * CloudFront requests it from ACM and validates it (HTTP, through the token CloudFront hosts once
 * the customer's CNAME points at it, or DNS); we take the time of an ACM DNS validation. It runs
 * after the tenant is created, so it counts in the background, where the tenant's domain waits.
 */
const MANAGED_CERTIFICATE_MINUTES = ACM_VALIDATION_MINUTES;

/** Our estimates for the rest; each is a typical time for the provider's own waiter. */
const REGIONAL_DOMAIN_MINUTES = 1;
const VPC_ENDPOINT_MINUTES = 2;
const LOAD_BALANCER_MINUTES = 3;
const RAM_ASSOCIATION_MINUTES = 0.5;
const ACCESS_ASSOCIATION_MINUTES = 0.5;

/** The estimate for creating `resource` (see the constants above for sources). */
export function estimateOperation(resource: GraphResource): OperationEstimate {
    if (!resource.custom || resource.read) return INSTANT;
    const pkg = resource.type.split(":")[0];
    if (pkg === "pulumi" || pkg === "random" || pkg === "tls") return INSTANT;
    const inputs = resource.inputs;
    switch (resource.type) {
        case "aws:acm/certificate:Certificate":
            return inputs["certificateBody"] !== undefined
                ? { operation: "import the certificate into ACM", minutes: 0.1 }
                : { operation: "request the ACM certificate (validation records within seconds)", minutes: 0.2 };
        case "aws:acm/certificateValidation:CertificateValidation":
            return { operation: "ACM DNS validation until the certificate is ISSUED", minutes: ACM_VALIDATION_MINUTES };
        case "aws:route53/record:Record":
            return { operation: "Route 53 change until INSYNC", minutes: ROUTE53_CHANGE_MINUTES };
        case "aws:route53/zone:Zone":
            return { operation: "create the hosted zone until INSYNC", minutes: ROUTE53_CHANGE_MINUTES };
        case "aws:route53/zoneAssociation:ZoneAssociation":
            return { operation: "associate the VPC with the hosted zone until INSYNC", minutes: ROUTE53_CHANGE_MINUTES };
        case "aws:apigateway/domainName:DomainName":
            return restDomainEstimate(inputs);
        case "aws:apigatewayv2/domainName:DomainName":
            return { operation: "create the regional custom domain", minutes: REGIONAL_DOMAIN_MINUTES };
        case "aws:apigateway/domainNameAccessAssociation:DomainNameAccessAssociation":
            return { operation: "associate the VPC endpoint with the private domain", minutes: ACCESS_ASSOCIATION_MINUTES };
        case "aws:cloudfront/distribution:Distribution":
            return known(inputs["waitForDeployment"]) === false
                ? { operation: "create the distribution (not waiting); it deploys in the background", minutes: 0.2, backgroundMinutes: CLOUDFRONT_DEPLOY_MINUTES }
                : { operation: "create the distribution and wait until Deployed", minutes: CLOUDFRONT_DEPLOY_MINUTES };
        case "aws:cloudfront/multitenantDistribution:MultitenantDistribution":
            // Ours: the provider has no waitForDeployment for it; we take it to wait for Deployed, as for a distribution.
            return { operation: "create the multi-tenant distribution and wait until Deployed", minutes: CLOUDFRONT_DEPLOY_MINUTES };
        case "aws:cloudfront/connectionGroup:ConnectionGroup":
            return known(inputs["waitForDeployment"]) === false
                ? { operation: "create the connection group (not waiting); it deploys in the background", minutes: 0.2, backgroundMinutes: CLOUDFRONT_DEPLOY_MINUTES }
                : { operation: "create the connection group and wait until Deployed", minutes: CLOUDFRONT_DEPLOY_MINUTES };
        case "aws:cloudfront/distributionTenant:DistributionTenant":
            return distributionTenantEstimate(inputs);
        case "aws:ec2/vpcEndpoint:VpcEndpoint":
            return known(inputs["vpcEndpointType"]) === "Interface" || known(inputs["vpcEndpointType"]) === "GatewayLoadBalancer"
                ? { operation: "interface VPC endpoint until available (ENIs in each subnet)", minutes: VPC_ENDPOINT_MINUTES }
                : FAST;
        case "aws:lb/loadBalancer:LoadBalancer":
        case "aws:alb/loadBalancer:LoadBalancer":
            return { operation: "provision the load balancer until active", minutes: LOAD_BALANCER_MINUTES };
        case "aws:ram/resourceAssociation:ResourceAssociation":
        case "aws:ram/principalAssociation:PrincipalAssociation":
            return { operation: "RAM association until ASSOCIATED", minutes: RAM_ASSOCIATION_MINUTES };
        default:
            return FAST;
    }
}

/**
 * The endpoint type of a REST API or v1 custom domain, as far as a preview knows it. `types` is a
 * string in @pulumi/aws 7 and a one-element list before; undefined when not given or unknown.
 */
export function restEndpointType(inputs: Record<string, unknown>): unknown {
    const configuration = inputs["endpointConfiguration"];
    const raw = typeof configuration === "object" && configuration !== null ? (configuration as Record<string, unknown>)["types"] : undefined;
    return known(Array.isArray(raw) ? raw[0] : raw);
}

function restDomainEstimate(inputs: Record<string, unknown>): OperationEstimate {
    // API Gateway's default is EDGE; a regional certificate says REGIONAL.
    const type = restEndpointType(inputs) ?? (inputs["regionalCertificateArn"] !== undefined ? "REGIONAL" : "EDGE");
    if (type === "EDGE") {
        return {
            operation: "create the edge-optimized custom domain; its managed CloudFront distribution gets ready in the background",
            minutes: 0.5,
            backgroundMinutes: EDGE_DOMAIN_READY_MINUTES,
        };
    }
    if (type === "PRIVATE") return { operation: "create the private custom domain", minutes: REGIONAL_DOMAIN_MINUTES };
    return { operation: "create the regional custom domain", minutes: REGIONAL_DOMAIN_MINUTES };
}

function distributionTenantEstimate(inputs: Record<string, unknown>): OperationEstimate {
    const managed = inputs["managedCertificateRequest"] !== undefined && inputs["managedCertificateRequest"] !== null;
    const certificate = managed ? MANAGED_CERTIFICATE_MINUTES : 0;
    const suffix = managed ? "; its CloudFront-managed certificate is validated and issued in the background" : "";
    return known(inputs["waitForDeployment"]) === false
        ? { operation: `create the distribution tenant (not waiting); it deploys in the background${suffix}`, minutes: 0.2,
            backgroundMinutes: CLOUDFRONT_DEPLOY_MINUTES + certificate }
        : { operation: `create the distribution tenant and wait until Deployed${suffix}`, minutes: CLOUDFRONT_DEPLOY_MINUTES,
            ...(managed ? { backgroundMinutes: certificate } : {}) };
}

/** The value, or undefined while a preview does not know it (the provider's default applies then). */
function known(value: unknown): unknown {
    return value === UNKNOWN ? undefined : value;
}

// ---------------------------------------------------------------------------------------
// Control-plane throttles
// ---------------------------------------------------------------------------------------

/**
 * The throttled operations creating `resource` calls (aws/quotas.ts). API Gateway's total
 * control-plane rate applies to every API Gateway call; Route 53's account bucket to every
 * Route 53 call (ChangeResourceRecordSets has the default per-action bucket, the same 50 and 10
 * as the account's, so the account's decides).
 */
export function throttlesOf(resource: GraphResource): readonly ControlPlaneThrottle[] {
    if (!resource.custom || resource.read) return [];
    const inputs = resource.inputs;
    switch (resource.type) {
        case "aws:apigateway/domainName:DomainName":
        case "aws:apigatewayv2/domainName:DomainName":
            return [APIGATEWAY_CREATE_DOMAIN_NAME, APIGATEWAY_TOTAL];
        case "aws:apigateway/restApi:RestApi":
            return [(restEndpointType(inputs) ?? "EDGE") === "EDGE" ? APIGATEWAY_CREATE_REST_API_EDGE : APIGATEWAY_CREATE_REST_API_REGIONAL, APIGATEWAY_TOTAL];
        case "aws:apigateway/deployment:Deployment":
            return [APIGATEWAY_CREATE_DEPLOYMENT, APIGATEWAY_TOTAL];
        case "aws:acm/certificate:Certificate":
            return inputs["certificateBody"] !== undefined ? [] : [ACM_REQUEST_CERTIFICATE];
        case "aws:route53/zone:Zone":
            return [ROUTE53_CREATE_HOSTED_ZONE, ROUTE53_ACCOUNT];
        case "aws:route53/zoneAssociation:ZoneAssociation":
            return [ROUTE53_ASSOCIATE_VPC, ROUTE53_ACCOUNT];
        default:
            if (resource.type.startsWith("aws:apigateway/") || resource.type.startsWith("aws:apigatewayv2/")) return [APIGATEWAY_TOTAL];
            if (resource.type.startsWith("aws:route53/")) return [ROUTE53_ACCOUNT];
            return [];
    }
}

/**
 * The account a provider acts in, as far as a preview can tell: the account of the role it
 * assumes, else its allowed account, else its profile, else `default` (the credentials of the
 * environment). Two providers with the same answer share throttles.
 */
function accountOf(provider: GraphResource | undefined): string {
    if (provider === undefined) return "default";
    const inputs = provider.inputs;
    const parse = (value: unknown): unknown => {
        if (typeof value !== "string") return value;
        try {
            return JSON.parse(value);
        } catch {
            return value;
        }
    };
    const roles = parse(inputs["assumeRoles"] ?? inputs["assumeRole"]);
    const role = Array.isArray(roles) ? roles[0] : roles;
    const arn = typeof role === "object" && role !== null ? known((role as Record<string, unknown>)["roleArn"]) : undefined;
    const fromArn = typeof arn === "string" ? arnAccount(arn) : undefined;
    if (fromArn !== undefined) return fromArn;
    if (arn === undefined && role !== undefined && Array.isArray(roles) && roles.length > 0) return `role of ${provider.name}`;
    const allowed = parse(inputs["allowedAccountIds"]);
    if (Array.isArray(allowed) && allowed.length === 1 && typeof known(allowed[0]) === "string") return String(allowed[0]);
    const profile = known(parse(inputs["profile"]));
    if (typeof profile === "string") return `profile ${profile}`;
    return "default";
}

/**
 * A token bucket, as the generic cell rate algorithm: requests arrive in time order; each is let
 * through at the earliest time the bucket has a token, then takes it.
 */
class Bucket {
    /** The theoretical arrival time: when the next request could go if the bucket allowed no burst. */
    private tat = 0;
    readonly interval: number;
    private readonly tolerance: number;
    requests = 0;
    longestWait = 0;
    /** Requests waiting for a token, first come first served (from `head` on). */
    readonly waiting: number[] = [];
    head = 0;
    wakeScheduled = false;

    constructor(readonly id: number, readonly throttle: ControlPlaneThrottle, readonly account: string, readonly region: string | undefined) {
        this.interval = 1 / (throttle.perSecond * 60);
        this.tolerance = (throttle.burst - 1) * this.interval;
    }

    /** The earliest minute at or after `t` a request may go. */
    earliest(t: number): number {
        return Math.max(t, this.tat - this.tolerance);
    }

    take(at: number, waited: number): void {
        this.tat = Math.max(this.tat, at) + this.interval;
        this.requests++;
        if (waited > this.longestWait) this.longestWait = waited;
    }
}

// ---------------------------------------------------------------------------------------
// The simulation
// ---------------------------------------------------------------------------------------

/** A wait on another resource: for its registration (parent, provider) or for it to be done. */
interface Link {
    urn: string;
    kind: "registered" | "done";
}

/** The graph of waits between the resources of one plan. */
class WaitGraph {
    private readonly byUrn = new Map<string, GraphResource>();
    private readonly children = new Map<string, string[]>();

    constructor(resources: readonly GraphResource[]) {
        for (const r of resources) this.byUrn.set(r.urn, r);
        for (const r of resources) {
            if (r.parent === undefined || !this.byUrn.has(r.parent)) continue;
            const list = this.children.get(r.parent) ?? [];
            list.push(r.urn);
            this.children.set(r.parent, list);
        }
    }

    resource(urn: string): GraphResource {
        return this.byUrn.get(urn)!;
    }

    has(urn: string): boolean {
        return this.byUrn.has(urn);
    }

    childrenOf(urn: string): string[] {
        return this.children.get(urn) ?? [];
    }

    /** What `urn` waits for before it starts, deduplicated, sorted for stable tie-breaking. */
    waits(urn: string): Link[] {
        const r = this.resource(urn);
        const done = new Set<string>(r.dependencies);
        for (const list of Object.values(r.propertyDependencies)) for (const d of list) done.add(d);
        const links: Link[] = [];
        for (const d of [...done].sort()) {
            // A wait on one's own ancestor cannot happen (the ancestor waits for its children); the engine ignores it too.
            if (d !== urn && this.byUrn.has(d) && !this.isAncestor(d, urn)) links.push({ urn: d, kind: "done" });
        }
        if (r.parent !== undefined && this.byUrn.has(r.parent)) links.push({ urn: r.parent, kind: "registered" });
        if (r.providerUrn !== undefined && this.byUrn.has(r.providerUrn) && r.providerUrn !== urn) links.push({ urn: r.providerUrn, kind: "registered" });
        return links;
    }

    private isAncestor(candidate: string, urn: string): boolean {
        for (let p = this.byUrn.get(urn)?.parent; p !== undefined; p = this.byUrn.get(p)?.parent) {
            if (p === candidate) return true;
        }
        return false;
    }
}

/** A binary min-heap of events, ordered by time, then finishes before queued requests, then resource order. */
class EventHeap {
    private readonly items: { time: number; rank: number; node: number }[] = [];

    get size(): number {
        return this.items.length;
    }

    push(time: number, rank: number, node: number): void {
        const items = this.items;
        items.push({ time, rank, node });
        let i = items.length - 1;
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (!this.less(items[i], items[parent])) break;
            [items[i], items[parent]] = [items[parent], items[i]];
            i = parent;
        }
    }

    pop(): { time: number; rank: number; node: number } {
        const items = this.items;
        const top = items[0];
        const last = items.pop()!;
        if (items.length > 0) {
            items[0] = last;
            let i = 0;
            for (;;) {
                const l = 2 * i + 1;
                const r = l + 1;
                let m = i;
                if (l < items.length && this.less(items[l], items[m])) m = l;
                if (r < items.length && this.less(items[r], items[m])) m = r;
                if (m === i) break;
                [items[i], items[m]] = [items[m], items[i]];
                i = m;
            }
        }
        return top;
    }

    private less(a: { time: number; rank: number; node: number }, b: { time: number; rank: number; node: number }): boolean {
        if (a.time !== b.time) return a.time < b.time;
        if (a.rank !== b.rank) return a.rank < b.rank;
        return a.node < b.node;
    }
}

const FINISH = 0;
const REQUEST = 1;
/** A bucket's next token: `node` is the bucket's index. */
const WAKE = 2;

/**
 * `pulumi up` simulated in time order: each resource starts once everything it waits for is
 * done, queues for the throttled operations it calls, and registers after its estimate.
 */
class Schedule {
    readonly urns: string[];
    readonly resources: GraphResource[];
    readonly estimates: OperationEstimate[];
    /** When each resource's registration returns. */
    readonly registered: Float64Array;
    /** When each resource is done (components: once their children are). */
    readonly completed: Float64Array;
    /** The link each resource waited for last (index into `links`), or -1. */
    readonly startedAfter: Int32Array;
    /** For components: the child that was done last, if it was after the component's registration, or -1. */
    readonly lastChild: Int32Array;
    /** Minutes each resource waited in a throttled queue, and which throttle held it up. */
    readonly throttleWait: Float64Array;
    readonly throttleHeldBy: (ControlPlaneThrottle | undefined)[];
    readonly links: { target: number; kind: "registered" | "done" }[][];
    readonly buckets = new Map<string, Bucket>();
    private readonly bucketList: Bucket[] = [];

    private readonly index = new Map<string, number>();
    private readonly readyAt: Float64Array;
    private readonly pending: Int32Array;
    private readonly completionPending: Int32Array;
    private readonly parent: Int32Array;
    private readonly childPosition: Int32Array;
    private readonly children: number[][];
    /** For components: the latest time a child was done. */
    private readonly childMax: Float64Array;
    private readonly registeredDependents: { node: number; link: number }[][];
    private readonly doneDependents: { node: number; link: number }[][];
    private readonly heap = new EventHeap();
    private readonly throttled: { throttles: readonly ControlPlaneThrottle[]; account: string }[];
    /** The bucket that last sent a request back to wait. */
    private readonly heldBy: (Bucket | undefined)[];

    constructor(graph: WaitGraph, resources: readonly GraphResource[]) {
        this.urns = [...new Set(resources.map((r) => r.urn))].sort();
        const n = this.urns.length;
        this.urns.forEach((u, i) => this.index.set(u, i));
        this.resources = this.urns.map((u) => graph.resource(u));
        this.estimates = this.resources.map(estimateOperation);
        this.registered = new Float64Array(n).fill(NaN);
        this.completed = new Float64Array(n).fill(NaN);
        this.startedAfter = new Int32Array(n).fill(-1);
        this.lastChild = new Int32Array(n).fill(-1);
        this.throttleWait = new Float64Array(n);
        this.throttleHeldBy = new Array(n).fill(undefined);
        this.readyAt = new Float64Array(n);
        this.pending = new Int32Array(n);
        this.completionPending = new Int32Array(n);
        this.parent = new Int32Array(n).fill(-1);
        this.childPosition = new Int32Array(n).fill(-1);
        this.children = Array.from({ length: n }, () => []);
        this.childMax = new Float64Array(n).fill(-Infinity);
        this.registeredDependents = Array.from({ length: n }, () => []);
        this.doneDependents = Array.from({ length: n }, () => []);
        this.links = this.urns.map((u, i) => graph.waits(u).map((l, k) => {
            const target = this.index.get(l.urn)!;
            (l.kind === "registered" ? this.registeredDependents : this.doneDependents)[target].push({ node: i, link: k });
            return { target, kind: l.kind };
        }));
        this.urns.forEach((u, i) => {
            this.pending[i] = this.links[i].length;
            if (!this.resources[i].custom) {
                const children = graph.childrenOf(u);
                this.completionPending[i] = 1 + children.length;
                children.forEach((c, position) => {
                    const ci = this.index.get(c)!;
                    this.parent[ci] = i;
                    this.childPosition[ci] = position;
                    this.children[i].push(ci);
                });
            }
        });
        this.heldBy = new Array(n).fill(undefined);
        this.throttled = this.resources.map((r) => {
            const throttles = throttlesOf(r);
            if (throttles.length === 0) return { throttles, account: "" };
            const provider = r.providerUrn !== undefined && graph.has(r.providerUrn) ? graph.resource(r.providerUrn) : undefined;
            return { throttles, account: accountOf(provider) };
        });
    }

    run(): void {
        for (let i = 0; i < this.urns.length; i++) if (this.pending[i] === 0) this.ready(i);
        let done = 0;
        for (;;) {
            while (this.heap.size > 0) {
                const event = this.heap.pop();
                if (event.rank === FINISH) {
                    this.onRegistered(event.node, event.time);
                    done++;
                } else if (event.rank === REQUEST) {
                    this.request(event.node, event.time);
                } else {
                    this.wake(this.bucketList[event.node], event.time);
                }
            }
            if (done >= this.urns.length) return;
            // A cycle can only come from a broken recording: start the first resource caught in it
            // with what it has, ignoring the wait that closes the cycle.
            const stuck = this.pending.findIndex((p, i) => p > 0 && Number.isNaN(this.registered[i]));
            if (stuck < 0) return;
            this.pending[stuck] = 0;
            this.ready(stuck);
        }
    }

    /** Everything `node` waits for is done: it starts now, or queues for its throttled operations. */
    private ready(node: number): void {
        const at = this.readyAt[node];
        if (this.throttled[node].throttles.length > 0) this.heap.push(at, REQUEST, node);
        else this.heap.push(at + this.estimates[node].minutes, FINISH, node);
    }

    /**
     * The throttled request of `node`, at `at` (events come in time order, so the buckets are
     * taken from in time order). A request waits in the first queue that is not free: a bucket
     * with requests already waiting (first come, first served) or without a token yet. It takes
     * from every bucket at once, when all are free.
     */
    private request(node: number, at: number, woken?: Bucket): void {
        const { throttles, account } = this.throttled[node];
        const region = this.resources[node].region;
        const buckets = throttles.map((t) => this.bucket(t, account, region));
        const busy = buckets.find((b) => b !== woken && b.waiting.length > b.head);
        let held = busy;
        if (held === undefined) {
            let earliest = at;
            for (const b of buckets) {
                const next = b.earliest(at);
                if (next > earliest) {
                    earliest = next;
                    held = b;
                }
            }
        }
        if (held !== undefined) {
            held.waiting.push(node);
            this.heldBy[node] = held;
            if (!held.wakeScheduled) {
                held.wakeScheduled = true;
                this.heap.push(Math.max(at, held.earliest(at)), WAKE, held.id);
            }
            return;
        }
        const waited = at - this.readyAt[node];
        const heldBy = this.heldBy[node];
        for (const b of buckets) b.take(at, b === heldBy ? waited : 0);
        this.throttleWait[node] = waited;
        this.throttleHeldBy[node] = waited > 0 ? heldBy?.throttle : undefined;
        this.heap.push(at + this.estimates[node].minutes, FINISH, node);
    }

    /** The bucket's next token is there: the request at the head of its queue tries again. */
    private wake(bucket: Bucket, at: number): void {
        bucket.wakeScheduled = false;
        const node = bucket.waiting[bucket.head++];
        if (bucket.head > 1024 && bucket.head * 2 > bucket.waiting.length) {
            bucket.waiting.splice(0, bucket.head);
            bucket.head = 0;
        }
        this.request(node, at, bucket);
        if (bucket.waiting.length > bucket.head && !bucket.wakeScheduled) {
            bucket.wakeScheduled = true;
            this.heap.push(bucket.earliest(at), WAKE, bucket.id);
        }
    }

    private bucket(t: ControlPlaneThrottle, account: string, region: string | undefined): Bucket {
        const regionKey = t.scope === "account-region" ? region ?? "(unknown region)" : undefined;
        const key = `${t.id} ${account} ${regionKey ?? ""}`;
        let bucket = this.buckets.get(key);
        if (bucket === undefined) {
            bucket = new Bucket(this.bucketList.length, t, account, regionKey);
            this.buckets.set(key, bucket);
            this.bucketList.push(bucket);
        }
        return bucket;
    }

    private onRegistered(node: number, at: number): void {
        this.registered[node] = at;
        for (const d of this.registeredDependents[node]) this.resolve(d.node, d.link, at);
        if (this.resources[node].custom) this.onCompleted(node, at);
        else this.completionStep(node, -1, at);
    }

    private onCompleted(node: number, at: number): void {
        this.completed[node] = at;
        for (const d of this.doneDependents[node]) this.resolve(d.node, d.link, at);
        const p = this.parent[node];
        if (p >= 0) this.completionStep(p, this.childPosition[node], at);
    }

    /** One of a component's parts is done: its own registration (position -1) or a child. */
    private completionStep(node: number, position: number, at: number): void {
        if (position >= 0) {
            const last = this.lastChild[node];
            if (at > this.childMax[node] || (at === this.childMax[node] && last >= 0 && position < this.childPosition[last])) {
                this.childMax[node] = at;
                this.lastChild[node] = this.children[node][position];
            }
        }
        if (--this.completionPending[node] === 0) {
            // The child that was done last decides only if it was done after the component registered.
            const registered = this.registered[node];
            if (!(this.childMax[node] > registered)) this.lastChild[node] = -1;
            this.onCompleted(node, Math.max(registered, this.childMax[node]));
        }
    }

    /** Link `link` of `node` is satisfied at `at`; it starts once all are. */
    private resolve(node: number, link: number, at: number): void {
        const current = this.readyAt[node];
        const chosen = this.startedAfter[node];
        if (at > current || (at === current && chosen >= 0 && link < chosen)) {
            this.readyAt[node] = at;
            this.startedAfter[node] = link;
        }
        if (--this.pending[node] === 0) this.ready(node);
    }
}

/**
 * The critical path of a recorded plan: the chain of operations (and of waits in throttled
 * queues) that decides when the last resource is created and ready, and its estimated length in
 * minutes.
 */
export function criticalPath(resources: readonly GraphResource[]): CriticalPath {
    const schedule = new Schedule(new WaitGraph(resources), resources);
    schedule.run();
    // The resource whose readiness comes last ends the path (ties: the first URN, for stable output).
    let end = -1;
    let endsAt = 0;
    for (let i = 0; i < schedule.urns.length; i++) {
        if (!schedule.resources[i].custom) continue;
        const readyAt = schedule.registered[i] + (schedule.estimates[i].backgroundMinutes ?? 0);
        if (end < 0 || readyAt > endsAt + 1e-9) {
            end = i;
            endsAt = readyAt;
        }
    }
    const throttled = [...schedule.buckets.values()]
        .filter((b) => round(b.longestWait) > 0)
        .map((b): ThrottleQueue => ({
            throttle: b.throttle.id, rate: describeThrottle(b.throttle), account: b.account,
            ...(b.region !== undefined ? { region: b.region } : {}), requests: b.requests, longestWaitMinutes: round(b.longestWait),
        }))
        .sort((a, b) => b.longestWaitMinutes - a.longestWaitMinutes || a.throttle.localeCompare(b.throttle));
    if (end < 0) return { steps: [], estimatedMinutes: 0, throttled };

    const chain: number[] = [];
    let link: { node: number; kind: "registered" | "done" } | undefined = { node: end, kind: "registered" };
    const seen = new Set<string>();
    while (link !== undefined) {
        const key = `${link.kind} ${link.node}`;
        if (seen.has(key)) break;
        seen.add(key);
        const lastChild: number = link.kind === "done" ? schedule.lastChild[link.node] : -1;
        if (lastChild >= 0) {
            // Waiting for a component to be done means waiting for its last child.
            link = { node: lastChild, kind: "done" };
            continue;
        }
        chain.push(link.node);
        const after: number = schedule.startedAfter[link.node];
        link = after >= 0 ? { node: schedule.links[link.node][after].target, kind: schedule.links[link.node][after].kind } : undefined;
    }
    chain.reverse();

    const steps: CriticalPathStep[] = [];
    for (const i of chain) {
        const r = schedule.resources[i];
        const held = schedule.throttleHeldBy[i];
        // A wait too short to show at a tenth of a minute (another certificate requested the same second) is left out.
        if (held !== undefined && round(schedule.throttleWait[i]) > 0) {
            steps.push({
                urn: r.urn, type: r.type, name: r.name, throttle: held.id,
                operation: `waiting for ${held.operation} rate: ${describeThrottle(held)}`,
                estimateMinutes: round(schedule.throttleWait[i]),
            });
        }
        const estimate = schedule.estimates[i];
        const minutes = estimate.minutes + (i === end ? estimate.backgroundMinutes ?? 0 : 0);
        if (minutes === 0) continue;
        steps.push({ urn: r.urn, type: r.type, name: r.name, operation: estimate.operation, estimateMinutes: round(minutes) });
    }
    return { steps, estimatedMinutes: round(endsAt), throttled };
}

/**
 * Every custom resource (providers aside) that `urn` waits for, directly or not: a wait on a
 * component counts its children, a wait on a parent's registration does not. What a test
 * asserts when it says "the records wait for nothing unrelated".
 */
export function waitsFor(resources: readonly GraphResource[], urn: string): string[] {
    const graph = new WaitGraph(resources);
    const seen = new Set<string>();
    const found = new Set<string>();
    const pending: Link[] = [...graph.waits(urn)];
    while (pending.length > 0) {
        const next = pending.pop()!;
        const key = `${next.kind} ${next.urn}`;
        if (seen.has(key)) continue;
        seen.add(key);
        found.add(next.urn);
        pending.push(...graph.waits(next.urn));
        // Being done, unlike being registered, means a component's children are done too.
        if (next.kind === "done" && !graph.resource(next.urn).custom) {
            pending.push(...graph.childrenOf(next.urn).map((child): Link => ({ urn: child, kind: "done" })));
        }
    }
    found.delete(urn);
    return [...found].filter((u) => {
        const r = graph.resource(u);
        return r.custom && !r.type.startsWith("pulumi:providers:");
    }).sort();
}

function round(minutes: number): number {
    return Math.round(minutes * 10) / 10;
}

// ---------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------

/**
 * The critical path as the plan prints it (`npm run plan -- --critical-path`): one line per
 * step with its estimate and the running total, then the total; then the throttled queues where
 * some request waited.
 *
 *     Critical path to a working domain: about 8.2 min (estimated; see Performance in the README)
 *         +0.2    0.2 min  aws:acm/certificate:Certificate  http-cert-acm
 *                          request the ACM certificate (validation records within seconds)
 *         ...
 */
export function formatCriticalPath(path: CriticalPath, options: { indent?: string } = {}): string {
    const indent = options.indent ?? "";
    if (path.steps.length === 0) return `${indent}Critical path: nothing to create.\n`;
    const lines = [`${indent}Critical path to a working domain: about ${minutes(path.estimatedMinutes)} min (estimated; see Performance in the README)`];
    const typeWidth = Math.max(...path.steps.map((s) => s.type.length));
    let total = 0;
    for (const step of path.steps) {
        total = round(total + step.estimateMinutes);
        const lead = `  ${`+${minutes(step.estimateMinutes)}`.padStart(6)} ${minutes(total).padStart(6)} min  `;
        lines.push(`${indent}${lead}${step.type.padEnd(typeWidth)}  ${step.name}`);
        lines.push(`${indent}${" ".repeat(lead.length)}${step.operation}`);
    }
    if (path.throttled.length > 0) {
        lines.push(`${indent}Queued by AWS's control-plane rate limits (aws/quotas.ts):`);
        for (const q of path.throttled) {
            const where = q.region !== undefined ? `account ${q.account}, ${q.region}` : `account ${q.account}`;
            lines.push(`${indent}  ${q.throttle} (${q.rate}): ${q.requests} requests in ${where}, longest wait ${minutes(q.longestWaitMinutes)} min`);
        }
    }
    return lines.join("\n") + "\n";
}

function minutes(value: number): string {
    return value.toFixed(1);
}
