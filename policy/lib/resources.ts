// The resource shape rules work on, independent of the policy SDK, and a per-stack index.
//
// Rules are pure functions over these views so that tests can feed them plain objects shaped like a
// user's `@pulumi/aws` program, while the policy glue (policy/lib/policy.ts) converts what the SDK
// hands over (proxied properties, resolved dependency objects) into the same shape once.

import { PropertyMap, str } from "./values";

/** The provider a resource was registered with, as the engine reports it. */
export interface ProviderView {
    readonly urn?: string;
    readonly type?: string;
    readonly name?: string;
    readonly props: PropertyMap;
}

/** One resource of a stack: inputs during `Analyze`, outputs (inputs plus computed values) during `AnalyzeStack`. */
export interface ResourceView {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly props: PropertyMap;
    readonly provider?: ProviderView;
}

/** A resource seen by a stack policy, with the resources it depends on resolved to views. */
export interface StackResource extends ResourceView {
    readonly parent?: StackResource;
    readonly dependencies?: readonly StackResource[];
    /** For each input property, the resources whose outputs flowed into it. */
    readonly propertyDependencies?: Readonly<Record<string, readonly StackResource[]>>;
}

/** Resource type tokens the rules look at (from @pulumi/aws v7). */
export const T = {
    restApi: "aws:apigateway/restApi:RestApi",
    domainV1: "aws:apigateway/domainName:DomainName",
    basePathMapping: "aws:apigateway/basePathMapping:BasePathMapping",
    apiV2: "aws:apigatewayv2/api:Api",
    domainV2: "aws:apigatewayv2/domainName:DomainName",
    apiMapping: "aws:apigatewayv2/apiMapping:ApiMapping",
    certificate: "aws:acm/certificate:Certificate",
    certificateValidation: "aws:acm/certificateValidation:CertificateValidation",
    distribution: "aws:cloudfront/distribution:Distribution",
    multiTenantDistribution: "aws:cloudfront/multitenantDistribution:MultitenantDistribution",
    distributionTenant: "aws:cloudfront/distributionTenant:DistributionTenant",
    cloudFrontFunction: "aws:cloudfront/function:Function",
    originRequestPolicy: "aws:cloudfront/originRequestPolicy:OriginRequestPolicy",
    record: "aws:route53/record:Record",
    /** `@pulumi/cloudflare` v6 DNS record; its v5 name `cloudflare:index/record:Record` is an alias of it. */
    cloudflareRecord: "cloudflare:index/dnsRecord:DnsRecord",
    cloudflareRecordV5: "cloudflare:index/record:Record",
    vpcEndpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
} as const;

// Elastic Load Balancing resources exist under both the `lb` and the older `alb` module names.
export const LISTENER_TYPES: ReadonlySet<string> = new Set(["aws:lb/listener:Listener", "aws:alb/listener:Listener"]);
export const TARGET_GROUP_TYPES: ReadonlySet<string> = new Set(["aws:lb/targetGroup:TargetGroup", "aws:alb/targetGroup:TargetGroup"]);
export const TARGET_GROUP_ATTACHMENT_TYPES: ReadonlySet<string> = new Set([
    "aws:lb/targetGroupAttachment:TargetGroupAttachment",
    "aws:alb/targetGroupAttachment:TargetGroupAttachment",
]);

/**
 * Resources of a stack indexed once by URN and by type, so a stack policy over thousands of
 * resources never compares every resource with every other.
 */
export class StackIndex {
    private readonly byUrnMap = new Map<string, StackResource>();
    private readonly byTypeMap = new Map<string, StackResource[]>();

    constructor(readonly resources: readonly StackResource[]) {
        for (const r of resources) {
            this.byUrnMap.set(r.urn, r);
            let list = this.byTypeMap.get(r.type);
            if (!list) {
                list = [];
                this.byTypeMap.set(r.type, list);
            }
            list.push(r);
        }
    }

    byUrn(urn: string): StackResource | undefined {
        return this.byUrnMap.get(urn);
    }

    /** Resources of the given types, in registration order (so "first" in messages means first declared). */
    ofType(...types: string[]): StackResource[] {
        if (types.length === 1) {
            return this.byTypeMap.get(types[0]) ?? [];
        }
        const wanted = new Set(types);
        return this.resources.filter((r) => wanted.has(r.type));
    }

    ofTypes(types: ReadonlySet<string>): StackResource[] {
        return this.ofType(...types);
    }
}

/**
 * The resources that flowed into a property. Falls back to the plain dependency list when the
 * engine did not report property dependencies (older engines, or hand-written test input), because
 * a dependency on the right resource type is still the best evidence available.
 */
export function sourcesOf(resource: StackResource, property: string): readonly StackResource[] {
    const byProperty = resource.propertyDependencies?.[property];
    if (byProperty && byProperty.length > 0) {
        return byProperty;
    }
    if (resource.propertyDependencies && Object.keys(resource.propertyDependencies).length > 0) {
        return [];
    }
    return resource.dependencies ?? [];
}

/** The sources of a property that have one of the given types. */
export function sourcesOfType(resource: StackResource, property: string, types: ReadonlySet<string> | readonly string[]): StackResource[] {
    const wanted = types instanceof Set ? types : new Set(types as readonly string[]);
    return sourcesOf(resource, property).filter((r) => wanted.has(r.type));
}

/** A short human label used in messages: `apigateway.DomainName "api"`, `cloudflare.DnsRecord "api"`. */
export function label(resource: ResourceView): string {
    const match = /^([^:]+):([^/]+)\/[^:]*:(.+)$/.exec(resource.type);
    let kind = resource.type;
    if (match) {
        const [, pkg, module, type] = match;
        kind = pkg === "aws" ? `${module}.${type}` : module === "index" ? `${pkg}.${type}` : `${pkg}.${module}.${type}`;
    }
    return `${kind} "${resource.name}"`;
}

/** The resource's `id` output when the provider reported one (bridged providers do), for matching by value. */
export function idOf(resource: ResourceView): string | undefined {
    return str(resource.props["id"]);
}
