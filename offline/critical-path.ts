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
 * The estimates are typical times, not worst cases: AWS publishes few figures, and where it
 * does not, the figure is ours (the README's Performance section lists each with its source).
 */
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
}

export interface CriticalPath {
    /** In the order AWS performs them; their estimates add up to `estimatedMinutes`. */
    steps: CriticalPathStep[];
    /** Estimated minutes from `pulumi up` to a working domain (every resource created and ready). */
    estimatedMinutes: number;
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

function restDomainEstimate(inputs: Record<string, unknown>): OperationEstimate {
    const configuration = inputs["endpointConfiguration"];
    const raw = typeof configuration === "object" && configuration !== null ? (configuration as Record<string, unknown>)["types"] : undefined;
    // `types` is a string in @pulumi/aws 7 and a one-element list before; API Gateway's default is EDGE.
    const type = known(Array.isArray(raw) ? raw[0] : raw) ?? (inputs["regionalCertificateArn"] !== undefined ? "REGIONAL" : "EDGE");
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

/** The value, or undefined while a preview does not know it (the provider's default applies then). */
function known(value: unknown): unknown {
    return value === UNKNOWN ? undefined : value;
}

// ---------------------------------------------------------------------------------------
// The longest chain
// ---------------------------------------------------------------------------------------

/** A wait on another resource: for its registration (parent, provider) or for it to be done. */
interface Link {
    urn: string;
    kind: "registered" | "done";
}

/** The graph of waits between the resources of one plan, with each resource's timing. */
class WaitGraph {
    private readonly byUrn = new Map<string, GraphResource>();
    private readonly children = new Map<string, string[]>();
    private readonly registrations = new Map<string, { at: number; startedAfter?: Link }>();
    private readonly completions = new Map<string, { at: number; lastChild?: string }>();
    private readonly visiting = new Set<string>();

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

    urns(): string[] {
        return [...this.byUrn.keys()];
    }

    childrenOf(urn: string): string[] {
        return this.children.get(urn) ?? [];
    }

    /** What `urn` waits for before it starts, deduplicated, sorted for stable tie-breaking. */
    waits(urn: string): Link[] {
        const r = this.resource(urn);
        const done = new Set<string>([...r.dependencies, ...Object.values(r.propertyDependencies).flat()]);
        const links: Link[] = [];
        for (const d of [...done].sort()) {
            // A wait on one's own ancestor cannot happen (the ancestor waits for its children); the engine ignores it too.
            if (d !== urn && this.byUrn.has(d) && !this.isAncestor(d, urn)) links.push({ urn: d, kind: "done" });
        }
        if (r.parent !== undefined && this.byUrn.has(r.parent)) links.push({ urn: r.parent, kind: "registered" });
        if (r.providerUrn !== undefined && this.byUrn.has(r.providerUrn) && r.providerUrn !== urn) links.push({ urn: r.providerUrn, kind: "registered" });
        return links;
    }

    /** When `urn`'s registration returns, and what it waited for last. */
    registration(urn: string): { at: number; startedAfter?: Link } {
        const cached = this.registrations.get(urn);
        if (cached) return cached;
        // A cycle can only come from a broken recording; ignore the edge that closes it.
        if (this.visiting.has(urn)) return { at: 0 };
        this.visiting.add(urn);
        let start = 0;
        let startedAfter: Link | undefined;
        for (const link of this.waits(urn)) {
            const at = link.kind === "registered" ? this.registration(link.urn).at : this.completion(link.urn).at;
            if (at > start) {
                start = at;
                startedAfter = link;
            }
        }
        this.visiting.delete(urn);
        const result = { at: start + estimateOperation(this.resource(urn)).minutes, startedAfter };
        this.registrations.set(urn, result);
        return result;
    }

    /** When `urn` is done: custom resources once registered, components once their children are done too. */
    completion(urn: string): { at: number; lastChild?: string } {
        const cached = this.completions.get(urn);
        if (cached) return cached;
        let at = this.registration(urn).at;
        let lastChild: string | undefined;
        if (!this.resource(urn).custom) {
            for (const child of this.childrenOf(urn)) {
                const childDone = this.completion(child).at;
                if (childDone > at) {
                    at = childDone;
                    lastChild = child;
                }
            }
        }
        const result = { at, lastChild };
        this.completions.set(urn, result);
        return result;
    }

    private isAncestor(candidate: string, urn: string): boolean {
        for (let p = this.byUrn.get(urn)?.parent; p !== undefined; p = this.byUrn.get(p)?.parent) {
            if (p === candidate) return true;
        }
        return false;
    }
}

/**
 * The critical path of a recorded plan: the chain of operations that decides when the last
 * resource is created and ready, and its estimated length in minutes.
 */
export function criticalPath(resources: readonly GraphResource[]): CriticalPath {
    const graph = new WaitGraph(resources);
    // The resource whose readiness comes last ends the path (ties: the first URN, for stable output).
    let end: string | undefined;
    let endsAt = 0;
    for (const urn of graph.urns().sort()) {
        const r = graph.resource(urn);
        if (!r.custom) continue;
        const readyAt = graph.registration(urn).at + (estimateOperation(r).backgroundMinutes ?? 0);
        if (end === undefined || readyAt > endsAt + 1e-9) {
            end = urn;
            endsAt = readyAt;
        }
    }
    if (end === undefined) return { steps: [], estimatedMinutes: 0 };

    const chain: string[] = [];
    let link: Link | undefined = { urn: end, kind: "registered" };
    while (link !== undefined) {
        const lastChild: string | undefined = link.kind === "done" ? graph.completion(link.urn).lastChild : undefined;
        if (lastChild !== undefined) {
            // Waiting for a component to be done means waiting for its last child.
            link = { urn: lastChild, kind: "done" };
            continue;
        }
        chain.push(link.urn);
        link = graph.registration(link.urn).startedAfter;
    }
    chain.reverse();

    const steps: CriticalPathStep[] = [];
    for (const urn of chain) {
        const r = graph.resource(urn);
        const estimate = estimateOperation(r);
        const minutes = estimate.minutes + (urn === end ? estimate.backgroundMinutes ?? 0 : 0);
        if (minutes === 0) continue;
        steps.push({ urn, type: r.type, name: r.name, operation: estimate.operation, estimateMinutes: round(minutes) });
    }
    return { steps, estimatedMinutes: round(endsAt) };
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
 * step with its estimate and the running total, then the total.
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
    return lines.join("\n") + "\n";
}

function minutes(value: number): string {
    return value.toFixed(1);
}
