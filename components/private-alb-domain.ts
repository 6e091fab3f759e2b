import { isIPv4, isIPv6 } from "net";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { DnsRecordSpec } from "./dns";
import { EXECUTE_API_PROBE_STATUS } from "../aws/apigateway";
import { ec2IdProblem } from "../aws/ec2";
import { ALB_MIN_SUBNETS, DEFAULT_HEALTH_CHECK_MATCHER, ELB_RECOMMENDED_POLICY, listenerPolicyProblem } from "../aws/elb";
import { CertificateTransforms } from "./certificate";
import { asOutput, keepNodes, nodesOf } from "./component";
import {
    DOMAIN_DEPLOY_TIME, DomainArgs, REGION_DEPLOY_TIME, DomainMappings, DomainNodes, DomainOutputs, domainOutputs, mappingsOf, planMappings, publishDomain,
    requestDomainCertificate,
} from "./domain-base";
import { refuseDeployTimeValues } from "./deploy-time";
import { DomainConfigError, componentLabel } from "./errors";
import { Mapping, MappingPlanner, MappingTransforms } from "./mappings";
import { validateDomainName } from "./names";
import { ArgumentNames, DomainOptions, hasExplicitProvider, rejectOptionsInArgs, rejectUnknownArguments, standardOptions } from "./options";
import {
    PrivateDnsArgs,
    PrivateZone,
    certificateDomainArgs,
    certificateZone,
    createPrivateRecords,
    validatePrivateDns,
} from "./private-dns";
import { checkedRegion, knownRegion, plainString, validateRegion } from "./regions";
import { validateSecurityPolicy } from "./security";
import { Transform, applyTransform } from "./transform";
import { EndpointAccessMode, RegionalSecurityPolicy } from "./types";
import { createExecuteApiEndpoint, endpointInterfaceIps, sourceVpcePolicy } from "./vpc-endpoint";

/** An execute-api interface VPC endpoint that already exists. */
export interface ExistingVpcEndpoint {
    /**
     * The endpoint's id. It must have a network interface in each of `subnetIds`.
     * @example "vpce-0123456789abcdef0"
     */
    id: pulumi.Input<string>;
    /**
     * A security group attached to the endpoint; the component adds the rule admitting HTTPS
     * from the load balancer to it.
     * @example "sg-0123456789abcdef0"
     */
    securityGroupId: pulumi.Input<string>;
}

export interface PrivateAlbDomainArgs extends DomainArgs, PrivateDnsArgs {
    /**
     * Region of the private API(s), the load balancer and the endpoint. Set on every regional resource.
     * May be an output (another stack's region): it is set on the resources as it is and checked when it resolves (a plain one is also checked against a given certificate ARN before anything is created).
     * @default the provider's region
     */
    region?: pulumi.Input<string>;
    /**
     * The VPC the callers, the load balancer and the endpoint are in.
     * @example vpc.id
     */
    vpcId: pulumi.Input<string>;
    /**
     * Two or more subnets in different availability zones, for the internal load balancer and
     * (when the component creates it) the endpoint, which gets one network interface in each.
     * A plain list: its length decides how many targets are registered.
     * @example [privateA.id, privateB.id]
     */
    subnetIds: pulumi.Input<string>[];
    /**
     * IPv4 or IPv6 ranges allowed to reach the load balancer on 443 (and 80 with `httpRedirect`).
     * @default the VPC's IPv4 CIDR
     * @example ["10.0.0.0/16", "192.168.10.0/24"]
     */
    allowedCidrs?: string[];
    /**
     * Use this execute-api endpoint instead of creating one.
     * @default a new interface endpoint in `subnetIds`
     */
    vpcEndpoint?: ExistingVpcEndpoint;
    /**
     * Private DNS on the endpoint the component creates. The load balancer reaches the endpoint
     * by IP, and private DNS would make every `*.execute-api` name in the VPC resolve to this
     * endpoint, cutting the VPC off from public APIs' default endpoints; so it is off unless asked.
     * @default false
     */
    privateDnsEnabled?: boolean;
    /**
     * Add an HTTP listener on 80 that only redirects to HTTPS.
     * @default false
     */
    httpRedirect?: boolean;
    /**
     * TLS policy of the HTTPS listener; TLS 1.2 or better.
     * @default "ELBSecurityPolicy-TLS13-1-2-2021-06"
     */
    sslPolicy?: string;
    /**
     * TLS policy of the API Gateway custom domain the load balancer forwards to.
     * @default "TLS_1_2"
     */
    securityPolicy?: RegionalSecurityPolicy;
    /**
     * Endpoint access mode; required with an enhanced `SecurityPolicy_*` policy, invalid otherwise.
     * @example "STRICT"
     */
    endpointAccessMode?: EndpointAccessMode;
    /**
     * Whether the component answers the domain inside the VPC: a private hosted zone (see
     * `privateZone`) with an alias A record to the load balancer. Set to false to handle DNS
     * yourself with the outputs `targetDomainName` and `hostedZoneId`.
     * @default true
     */
    createRecords?: boolean;
    /**
     * The private hosted zone answering the domain inside the VPC: an existing one, or the name
     * and VPC of the one to create.
     * @default a new private zone named after the domain, associated with `vpcId`
     */
    privateZone?: PrivateZone;
}

/** Escape hatches for a PrivateAlbDomain's child resources (TypeScript; other languages use `transforms`). */
export interface PrivateAlbDomainTransforms extends MappingTransforms {
    /** The certificate's children. */
    certificate?: CertificateTransforms;
    /** The execute-api interface endpoint the component creates. */
    vpcEndpoint?: Transform<aws.ec2.VpcEndpointArgs>;
    /** For both groups; a callback tells them apart by name (`{name}-alb-sg`, `{name}-endpoint-sg`). */
    securityGroup?: Transform<aws.ec2.SecurityGroupArgs>;
    /** The IP target group on the endpoint's network interfaces. */
    targetGroup?: Transform<aws.lb.TargetGroupArgs>;
    /** The internal Application Load Balancer. */
    loadBalancer?: Transform<aws.lb.LoadBalancerArgs>;
    /** For the HTTPS listener and the redirect (`{name}-https`, `{name}-http`). */
    listener?: Transform<aws.lb.ListenerArgs>;
    /** The regional `apigateway.DomainName` the forwarded Host resolves to. */
    domainName?: Transform<aws.apigateway.DomainNameArgs>;
    /** The private hosted zone the component creates. */
    zone?: Transform<aws.route53.ZoneArgs>;
    /** The alias record in the private zone. */
    record?: Transform<aws.route53.RecordArgs>;
}

/** Resource options of a PrivateAlbDomain: Pulumi's own, plus what only TypeScript can pass. */
export interface PrivateAlbDomainOptions extends DomainOptions {
    /** Escape hatches for the child resources. */
    transform?: PrivateAlbDomainTransforms;
}

/** The child resources of a PrivateAlbDomain, for TypeScript programs. */
export interface PrivateAlbDomainNodes extends DomainNodes {
    /** The regional API Gateway domain name the forwarded Host header resolves to. */
    domain: aws.apigateway.DomainName;
    /** The internal Application Load Balancer. */
    loadBalancer: aws.lb.LoadBalancer;
    /** The IP target group on the endpoint's network interfaces. */
    targetGroup: aws.lb.TargetGroup;
    /** One attachment per endpoint network interface. */
    targets: aws.lb.TargetGroupAttachment[];
    /** The HTTPS listener. */
    httpsListener: aws.lb.Listener;
    /** The HTTP-to-HTTPS redirect listener, with `httpRedirect`. */
    httpListener: aws.lb.Listener | undefined;
    /** The endpoint the component created (undefined with `vpcEndpoint`). */
    vpcEndpoint: aws.ec2.VpcEndpoint | undefined;
    /** The load balancer's security group. */
    albSecurityGroup: aws.ec2.SecurityGroup;
    /** The private hosted zone the component created, if it created one. */
    privateZone: aws.route53.Zone | undefined;
}

/** The listener policy used unless another is given: TLS 1.3 and 1.2 with forward secrecy. */
const DEFAULT_SSL_POLICY = ELB_RECOMMENDED_POLICY;

/**
 * The classic way to give a private REST API a custom domain: an internal Application Load
 * Balancer terminates TLS with the domain's certificate and forwards to the private IPs of the
 * execute-api VPC endpoint; a regional custom domain of the same name on API Gateway lets the
 * forwarded Host header find the API; a private hosted zone aliases the name to the load balancer.
 */
export class PrivateAlbDomain extends pulumi.ComponentResource implements DomainOutputs {
    /** The custom domain name. */
    declare readonly domainName: pulumi.Output<string>;
    /** `https://{domainName}/`, answered by the internal load balancer. */
    declare readonly url: pulumi.Output<string>;
    /** The URL of each mapping, keyed by its path ("" for the root), with the trailing slash a base path needs. */
    declare readonly urls: pulumi.Output<Record<string, string>>;
    /** ARN of the certificate the load balancer and the API Gateway domain serve (in the API's region). */
    declare readonly certificateArn: pulumi.Output<string>;
    /** The load balancer's DNS name: what DNS inside the VPC must alias to. */
    declare readonly targetDomainName: pulumi.Output<string>;
    /** The load balancer's hosted zone, for alias records outside this component. */
    declare readonly hostedZoneId: pulumi.Output<string>;
    /**
     * The certificate's public validation records outside Route 53: with `certificateDns: "external"`
     * the CNAMEs to create (also logged as soon as ACM gives them), with "cloudflare" those created
     * there; empty with Route 53. The private zone's records are always Route 53 aliases.
     */
    readonly dnsRecords: pulumi.Output<DnsRecordSpec[]>;
    /** ARN of the internal Application Load Balancer. */
    readonly loadBalancerArn: pulumi.Output<string>;
    /** The id of the load balancer's security group (admit more clients by adding ingress rules to it). */
    readonly albSecurityGroupId: pulumi.Output<string>;
    /** The id of the execute-api VPC endpoint behind the load balancer. */
    readonly vpcEndpointId: pulumi.Output<string>;
    /** The private IPs registered as targets (the endpoint's network interfaces). */
    readonly targetIps: pulumi.Output<string[]>;
    /** The id of the endpoint's security group (created, or the one given). */
    readonly endpointSecurityGroupId: pulumi.Output<string>;
    /**
     * A resource policy (JSON) for the private APIs mapped here, admitting only this endpoint.
     * Set it as the REST API's `policy`.
     */
    readonly apiPolicy: pulumi.Output<string>;
    /** The id of the private hosted zone holding the alias, unless `createRecords: false`. */
    readonly privateZoneId: pulumi.Output<string> | undefined;
    /** The region given for the API, when one was given. */
    readonly region: pulumi.Output<string> | undefined;

    constructor(name: string, args: PrivateAlbDomainArgs, opts: PrivateAlbDomainOptions = {}) {
        const label = componentLabel("PrivateAlbDomain", name);
        const { planner, planned, securityPolicy, sslPolicy, certArgs } =
            validatePrivateAlbDomain(label, args, hasExplicitProvider(opts));
        super("apigw-domains:index:PrivateAlbDomain", name, {}, standardOptions(opts));
        const region = checkedRegion(label, args.region);
        this.region = region === undefined ? undefined : asOutput(region);
        const child = { parent: this };
        const dnsOpts: pulumi.InvokeOptions & pulumi.CustomResourceOptions =
            opts.dnsProvider ? { parent: this, provider: opts.dnsProvider } : { parent: this };

        const { certificate, arn: certificateArn, dnsRecords } = requestDomainCertificate(this, name, label, certArgs, region,
            certificateZone(label, certArgs, dnsOpts), {
                certificateProvider: opts.certificateProvider, dnsProvider: opts.dnsProvider, transform: opts.transform?.certificate,
            });
        const albSecurityGroup = createSecurityGroup("alb", "Internal ALB in front of the execute-api VPC endpoint");
        const endpoint = useOrCreateEndpoint();
        allowTraffic(albSecurityGroup.id, endpoint.securityGroupId);
        const targetGroup = createTargetGroup();
        const { targets, ips } = registerEndpointInterfaces(targetGroup, endpoint.id, endpoint.networkInterfaceIds);
        const loadBalancer = createLoadBalancer(albSecurityGroup.id);
        const httpsListener = listenHttps(loadBalancer, targetGroup, certificateArn);
        const httpListener = args.httpRedirect ? redirectHttp(loadBalancer) : undefined;
        const domain = createApiGatewayDomain(certificateArn);
        const dns = args.createRecords !== false
            // The internal load balancer answers on IPv4 (its default ipAddressType): an A alias.
            ? createPrivateRecords(name, args.domainName, args.privateZone ?? {}, args.vpcId, region,
                { name: loadBalancer.dnsName, zoneId: loadBalancer.zoneId }, ["A"], dnsOpts, opts.transform)
            : undefined;

        this.loadBalancerArn = loadBalancer.arn;
        this.albSecurityGroupId = albSecurityGroup.id;
        this.vpcEndpointId = endpoint.id;
        this.targetIps = pulumi.all(ips);
        this.endpointSecurityGroupId = endpoint.securityGroupId;
        this.apiPolicy = sourceVpcePolicy([endpoint.id]);
        this.privateZoneId = dns?.zoneId;
        const nodes = keepNodes<PrivateAlbDomainNodes>(this, {
            domain, certificate, loadBalancer, targetGroup, targets, httpsListener, httpListener,
            vpcEndpoint: endpoint.resource, albSecurityGroup, privateZone: dns?.zone,
            records: dns?.records ?? [], mappings: [],
        });
        const mappings = new DomainMappings(this, {
            name, planner, target: { domainName: domain.domainName }, region, transforms: opts.transform, resources: nodes.mappings,
            check: (argument, mapping) => requireRest(label, argument, mapping),
        });
        publishDomain(this, {
            domainName: domain.domainName,
            certificateArn,
            targetDomainName: loadBalancer.dnsName,
            hostedZoneId: loadBalancer.zoneId,
        }, mappings);
        mappings.createPlanned(planned, args.mappings ?? []);
        this.dnsRecords = dnsRecords;
        this.registerOutputs({
            dnsRecords: this.dnsRecords,
            ...domainOutputs(this),
            loadBalancerArn: this.loadBalancerArn,
            albSecurityGroupId: this.albSecurityGroupId,
            vpcEndpointId: this.vpcEndpointId,
            targetIps: this.targetIps,
            endpointSecurityGroupId: this.endpointSecurityGroupId,
            apiPolicy: this.apiPolicy,
            privateZoneId: this.privateZoneId,
            region: this.region,
        });

        function createSecurityGroup(role: "alb" | "endpoint", description: string): aws.ec2.SecurityGroup {
            // Without inline rules the provider also removes AWS's default allow-all egress rule,
            // so each group allows exactly the rules created below.
            const [a, o] = applyTransform(opts.transform?.securityGroup, `${name}-${role}-sg`, {
                vpcId: args.vpcId,
                description,
                region,
                tags: args.tags,
            } as aws.ec2.SecurityGroupArgs, { ...child });
            return new aws.ec2.SecurityGroup(`${name}-${role}-sg`, a, o);
        }

        function useOrCreateEndpoint() {
            if (args.vpcEndpoint) {
                const existing = aws.ec2.getVpcEndpointOutput({ id: args.vpcEndpoint.id, region }, { ...child });
                return {
                    resource: undefined,
                    id: asOutput(args.vpcEndpoint.id),
                    securityGroupId: asOutput(args.vpcEndpoint.securityGroupId),
                    networkInterfaceIds: existing.networkInterfaceIds,
                };
            }
            const securityGroup = createSecurityGroup("endpoint", "execute-api VPC endpoint, reachable from the internal ALB only");
            const resource = createExecuteApiEndpoint(`${name}-endpoint`, {
                vpcId: args.vpcId,
                subnetIds: args.subnetIds,
                securityGroupIds: [securityGroup.id],
                privateDnsEnabled: args.privateDnsEnabled ?? false,
                region,
                tags: args.tags,
            }, { ...child }, opts.transform?.vpcEndpoint);
            return { resource, id: resource.id, securityGroupId: securityGroup.id, networkInterfaceIds: resource.networkInterfaceIds };
        }

        function allowTraffic(albGroupId: pulumi.Input<string>, endpointGroupId: pulumi.Input<string>) {
            const https = { ipProtocol: "tcp", fromPort: 443, toPort: 443, region };
            const sources: { key: string; cidr: pulumi.Input<string> }[] = args.allowedCidrs
                ? args.allowedCidrs.map((cidr) => ({ key: cidr.replace(/[./:]+/g, "-"), cidr }))
                : [{ key: "vpc", cidr: aws.ec2.getVpcOutput({ id: args.vpcId, region }, { ...child }).cidrBlock }];
            const ports = args.httpRedirect ? [443, 80] : [443];
            for (const { key, cidr } of sources) {
                for (const port of ports) {
                    const v6 = isIPv6(plainString(cidr)?.split("/")[0] ?? "");
                    new aws.vpc.SecurityGroupIngressRule(`${name}-alb-in-${port === 443 ? "https" : "http"}-${key}`, {
                        securityGroupId: albGroupId,
                        description: port === 443 ? "HTTPS from allowed clients" : "HTTP from allowed clients (redirected to HTTPS)",
                        ...https,
                        fromPort: port,
                        toPort: port,
                        ...(v6 ? { cidrIpv6: cidr } : { cidrIpv4: cidr }),
                    }, { ...child });
                }
            }
            new aws.vpc.SecurityGroupEgressRule(`${name}-alb-out-endpoint`, {
                securityGroupId: albGroupId,
                description: "HTTPS to the execute-api VPC endpoint only",
                referencedSecurityGroupId: endpointGroupId,
                ...https,
            }, { ...child });
            new aws.vpc.SecurityGroupIngressRule(`${name}-endpoint-in-alb`, {
                securityGroupId: endpointGroupId,
                description: "HTTPS from the internal ALB only",
                referencedSecurityGroupId: albGroupId,
                ...https,
            }, { ...child });
        }

        function createTargetGroup(): aws.lb.TargetGroup {
            const [a, o] = applyTransform(opts.transform?.targetGroup, `${name}-tg`, {
                targetType: "ip",
                protocol: "HTTPS",
                protocolVersion: "HTTP1",
                port: 443,
                vpcId: args.vpcId,
                healthCheck: {
                    enabled: true,
                    protocol: "HTTPS",
                    path: "/",
                    // API Gateway answers the probes (no Host of any API) with 403: that means "up".
                    matcher: `${DEFAULT_HEALTH_CHECK_MATCHER},${EXECUTE_API_PROBE_STATUS}`,
                },
                region,
                tags: args.tags,
            } as aws.lb.TargetGroupArgs, { ...child });
            return new aws.lb.TargetGroup(`${name}-tg`, a, o);
        }

        function registerEndpointInterfaces(targetGroup: aws.lb.TargetGroup, endpointId: pulumi.Input<string>, networkInterfaceIds: pulumi.Input<string[]>) {
            // One interface per subnet: the count is plain, the addresses are looked up.
            const ips = endpointInterfaceIps(label, args.vpcEndpoint ? "vpcEndpoint.id" : "subnetIds", endpointId, networkInterfaceIds,
                args.subnetIds.length, region, { ...child });
            const targets = ips.map((ip, i) => new aws.lb.TargetGroupAttachment(`${name}-target-${i}`, {
                targetGroupArn: targetGroup.arn,
                targetId: ip,
                port: 443,
                region,
            }, { ...child }));
            return { targets, ips };
        }

        function createLoadBalancer(securityGroupId: pulumi.Input<string>): aws.lb.LoadBalancer {
            const [a, o] = applyTransform(opts.transform?.loadBalancer, `${name}-alb`, {
                internal: true,
                loadBalancerType: "application",
                subnets: args.subnetIds,
                securityGroups: [securityGroupId],
                dropInvalidHeaderFields: true,
                region,
                tags: args.tags,
            } as aws.lb.LoadBalancerArgs, { ...child });
            return new aws.lb.LoadBalancer(`${name}-alb`, a, o);
        }

        function listenHttps(lb: aws.lb.LoadBalancer, tg: aws.lb.TargetGroup, arn: pulumi.Input<string>): aws.lb.Listener {
            const [a, o] = applyTransform(opts.transform?.listener, `${name}-https`, {
                loadBalancerArn: lb.arn,
                port: 443,
                protocol: "HTTPS",
                sslPolicy,
                certificateArn: arn,
                defaultActions: [{ type: "forward", targetGroupArn: tg.arn }],
                region,
                tags: args.tags,
            } as aws.lb.ListenerArgs, { ...child });
            return new aws.lb.Listener(`${name}-https`, a, o);
        }

        function redirectHttp(lb: aws.lb.LoadBalancer): aws.lb.Listener {
            const [a, o] = applyTransform(opts.transform?.listener, `${name}-http`, {
                loadBalancerArn: lb.arn,
                port: 80,
                protocol: "HTTP",
                defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
                region,
                tags: args.tags,
            } as aws.lb.ListenerArgs, { ...child });
            return new aws.lb.Listener(`${name}-http`, a, o);
        }

        function createApiGatewayDomain(arn: pulumi.Input<string>): aws.apigateway.DomainName {
            const [a, o] = applyTransform(opts.transform?.domainName, `${name}-domain`, {
                domainName: args.domainName,
                regionalCertificateArn: arn,
                endpointConfiguration: { types: "REGIONAL" },
                securityPolicy,
                endpointAccessMode: args.endpointAccessMode,
                region,
                tags: args.tags,
            } as aws.apigateway.DomainNameArgs, {
                ...child,
                // A regional custom domain name is unique per region across AWS: free it before recreating it.
                deleteBeforeReplace: true,
            });
            return new aws.apigateway.DomainName(`${name}-domain`, a, o);
        }
    }

    /** The child resources, for TypeScript programs (other languages get the outputs above). */
    get nodes(): PrivateAlbDomainNodes {
        return nodesOf(this);
    }

    /**
     * Serves one more private REST API stage on this domain (TypeScript; HTTP and WebSocket
     * APIs are refused). The mapping is validated before anything is created.
     * @returns the URL of the new mapping.
     */
    addMapping(mapping: Mapping): pulumi.Output<string> {
        return mappingsOf(this).add(mapping);
    }
}

const PRIVATE_ALB_DOMAIN_ARGUMENTS: ArgumentNames<PrivateAlbDomainArgs> = {
    domainName: true, mappings: true, certificateArn: true, subjectAlternativeNames: true, tags: true,
    certificateZoneId: true, certificateZoneName: true, certificateDns: true, certificateCloudflare: true,
    region: true, vpcId: true, subnetIds: true, allowedCidrs: true, vpcEndpoint: true, privateDnsEnabled: true,
    httpRedirect: true, sslPolicy: true, securityPolicy: true, endpointAccessMode: true, createRecords: true, privateZone: true,
};
const VPC_ENDPOINT_ARGUMENTS: ArgumentNames<ExistingVpcEndpoint> = { id: true, securityGroupId: true };
const PRIVATE_ZONE_ARGUMENTS: ArgumentNames<PrivateZone> = { zoneId: true, zoneName: true, vpcId: true };

/** Every rule the ALB workaround must satisfy, checked before anything is registered. */
function validatePrivateAlbDomain(label: string, args: PrivateAlbDomainArgs, explicitProvider: boolean) {
    const fail = (argument: string, value: unknown, rule: string, fix: string): never => {
        throw new DomainConfigError(label, argument, value, rule, fix);
    };
    refuseDeployTimeValues(label, args, [
        ...DOMAIN_DEPLOY_TIME, ...REGION_DEPLOY_TIME, "certificateZoneId", "certificateCloudflare.zoneId", "vpcId", "subnetIds[]",
        "vpcEndpoint.id", "vpcEndpoint.securityGroupId", "privateZone.zoneId", "privateZone.vpcId",
    ]);
    rejectOptionsInArgs(label, args);
    rejectUnknownArguments(label, args, PRIVATE_ALB_DOMAIN_ARGUMENTS);
    validateRegion(label, args.region);
    rejectUnknownArguments(label, args.vpcEndpoint, VPC_ENDPOINT_ARGUMENTS, "vpcEndpoint.");
    rejectUnknownArguments(label, args.privateZone, PRIVATE_ZONE_ARGUMENTS, "privateZone.");
    // `privateZone: false` was how DNS was turned off before the arguments became plain data.
    if ((args.privateZone as unknown) === false) {
        fail("privateZone", false, "is not a zone", "set createRecords: false to create no DNS");
    }
    if (args.createRecords === false && args.privateZone !== undefined) {
        fail("privateZone", args.privateZone, "is unused with createRecords: false", "drop privateZone, or let the component create the records");
    }
    validateDomainName(label, "domainName", args.domainName);
    if (!Array.isArray(args.subnetIds) || args.subnetIds.length < ALB_MIN_SUBNETS) {
        fail("subnetIds", args.subnetIds,
            "has fewer than two subnets; an Application Load Balancer needs subnets in at least two availability zones",
            "pass two or more subnets in different availability zones (the endpoint gets an interface in each)");
    }
    (args.allowedCidrs ?? []).forEach((cidr, i) => {
        if (!isCidr(cidr)) {
            fail(`allowedCidrs[${i}]`, cidr, "is not a CIDR", "write an IPv4 or IPv6 range with its prefix length, such as \"10.0.0.0/16\"");
        }
    });
    if (args.allowedCidrs !== undefined && args.allowedCidrs.length === 0) {
        fail("allowedCidrs", args.allowedCidrs, "admits nobody to the load balancer", "list the client ranges, or omit it to admit the VPC's CIDR");
    }
    const ids: [string, "vpc" | "vpce" | "sg", unknown][] = [
        ["vpcId", "vpc", args.vpcId], ["vpcEndpoint.id", "vpce", args.vpcEndpoint?.id], ["vpcEndpoint.securityGroupId", "sg", args.vpcEndpoint?.securityGroupId],
    ];
    for (const [argument, kind, value] of ids) {
        const plain = plainString(value as pulumi.Input<string> | undefined);
        const found = plain === undefined ? undefined : ec2IdProblem(kind, plain);
        if (found) fail(argument, plain, found.rule, found.fix);
    }
    const subnets = new Set<string>();
    args.subnetIds.forEach((id, i) => {
        const plain = plainString(id);
        if (plain === undefined) return;
        const found = ec2IdProblem("subnet", plain);
        if (found) fail(`subnetIds[${i}]`, plain, found.rule, found.fix);
        // CreateLoadBalancer takes one subnet per Availability Zone; a repeated subnet is a mistake either way.
        if (subnets.has(plain)) fail(`subnetIds[${i}]`, plain, "is listed twice", "list each subnet once, in different Availability Zones");
        subnets.add(plain);
    });
    if (args.allowedCidrs !== undefined && new Set(args.allowedCidrs).size !== args.allowedCidrs.length) {
        fail("allowedCidrs", args.allowedCidrs, "lists a range twice", "list each range once");
    }
    const sslPolicy = args.sslPolicy ?? DEFAULT_SSL_POLICY;
    const policyProblem = listenerPolicyProblem(sslPolicy,
        `use "${DEFAULT_SSL_POLICY}" (the default) or another policy of TLS 1.2 or better, such as "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09"`);
    if (policyProblem) fail("sslPolicy", sslPolicy, policyProblem.rule, policyProblem.fix);
    (args.mappings ?? []).forEach((m, i) => requireRest(label, `mappings[${i}]`, m));
    const securityPolicy = validateSecurityPolicy(label, "REGIONAL", args.securityPolicy, args.endpointAccessMode, ["rest"]);
    const certArgs = certificateDomainArgs(args);
    validatePrivateDns(label, certArgs, knownRegion(args.region, explicitProvider), args.createRecords !== false && (args.privateZone ?? {}), true);
    const planner = new MappingPlanner(label, { kind: "REGIONAL", securityPolicy, apiType: "rest" });
    const planned = planMappings(planner, args.mappings);
    return { planner, planned, securityPolicy, sslPolicy, certArgs };
}

/**
 * The regional domain behind the load balancer could serve HTTP APIs, but only REST APIs
 * have a private endpoint type, so anything else here is a mistake.
 */
function requireRest(label: string, argument: string, mapping: Mapping): void {
    const apiType = mapping.apiType ?? "rest";
    if (apiType !== "rest") {
        throw new DomainConfigError(label, `${argument}.apiType`, apiType,
            "cannot be served through a private domain, which serves private REST APIs only",
            "map a private REST API (HTTP and WebSocket APIs have no private endpoint type)");
    }
}

/** True for an IPv4 or IPv6 range written as address/prefix. */
function isCidr(value: unknown): boolean {
    if (typeof value !== "string") return false;
    const match = /^([^/]+)\/(\d{1,3})$/.exec(value);
    if (!match) return false;
    const prefix = Number(match[2]);
    if (isIPv4(match[1])) return prefix <= 32;
    if (isIPv6(match[1])) return prefix <= 128;
    return false;
}
