import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { DnsRecordSpec } from "./dns";
import { PRIVATE_DOMAIN_IP_ADDRESS_TYPE, aliasRecordTypes, privateDomainNameProblem } from "../aws/apigateway";
import { isVpcEndpointId } from "../aws/ec2";
import { DEFAULT_ROUTING_MODE } from "../aws/routing";
import { isRamPrincipal } from "../aws/ram";
import { CertificateTransforms } from "./certificate";
import { asOutput, keepNodes, nodesOf } from "./component";
import {
    DOMAIN_DEPLOY_TIME, DomainArgs, REGION_DEPLOY_TIME, DomainMappings, DomainNodes, DomainOutputs, SharedDomainOutputs, domainOutputs, mappingsOf, planMappings, publishDomain,
    publishSharing, requestDomainCertificate, sharingOutputs,
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
import { sourceVpcePolicy } from "./vpc-endpoint";

/** Sharing a private domain with other accounts through AWS RAM. */
export interface PrivateDomainShare {
    /**
     * Who may use the domain: 12-digit account ids, organizational unit ARNs, or the
     * organization's ARN. Each consumer still creates its own domain name access association.
     * @example ["111122223333", "arn:aws:organizations::123456789012:ou/o-abc123/ou-ab12-cd34ef56"]
     */
    principals: string[];
    /**
     * Allow principals outside your AWS organization (they must accept the invitation within 12 hours).
     * @default false
     */
    allowExternalPrincipals?: boolean;
    /**
     * Name of the resource share.
     * @default the child resource's name with a random suffix
     */
    name?: string;
}

/** Where the private domain's name resolves inside the VPC, and which endpoint it aliases to. */
export interface PrivateDomainZone extends PrivateZone {
    /**
     * The VPC endpoint (in this account, in the zone's VPC) whose DNS name the alias points at.
     * @default the first of `vpcEndpointIds`
     */
    vpcEndpointId?: pulumi.Input<string>;
}

export interface PrivateDomainArgs extends DomainArgs, PrivateDnsArgs {
    /**
     * Region of the private API(s). Set on every regional resource, including the certificate.
     * May be an output (another stack's region): it is set on the resources as it is and checked when it resolves (a plain one is also checked against a given certificate ARN before anything is created).
     * @default the provider's region
     */
    region?: pulumi.Input<string>;
    /**
     * TLS policy: "TLS_1_2", or an enhanced REST policy with `endpointAccessMode`.
     * Edge-only `*_EDGE` policies are rejected.
     * @default "TLS_1_2"
     */
    securityPolicy?: RegionalSecurityPolicy;
    /**
     * Endpoint access mode; required with an enhanced `SecurityPolicy_*` policy, invalid otherwise.
     * @example "STRICT"
     */
    endpointAccessMode?: EndpointAccessMode;
    /**
     * execute-api interface VPC endpoints in this account that may call the domain: the domain
     * policy allows them, and each gets a domain name access association.
     * @example [endpoint.id]
     */
    vpcEndpointIds?: pulumi.Input<string>[];
    /**
     * VPC endpoints in other accounts that may call the domain: the domain policy allows them,
     * and their owners create the access association (see `share`).
     * @example ["vpce-0123456789abcdef0"]
     */
    consumerVpcEndpointIds?: pulumi.Input<string>[];
    /**
     * A private hosted zone answering the domain inside a VPC, with alias A and AAAA records to
     * the VPC endpoint (private custom domains are dualstack). Omitted, no DNS is created: point your own DNS at `targetDomainName` and
     * `hostedZoneId` (the endpoint's regional DNS name and zone).
     * @example { vpcId: vpc.id }
     */
    privateZone?: PrivateDomainZone;
    /** Share the domain with other accounts, OUs or the organization through AWS RAM. */
    share?: PrivateDomainShare;
}

/** Escape hatches for a PrivateDomain's child resources (TypeScript; other languages use `transforms`). */
export interface PrivateDomainTransforms extends Pick<MappingTransforms, "basePathMapping"> {
    /** The certificate's children. */
    certificate?: CertificateTransforms;
    /** The PRIVATE `apigateway.DomainName`. */
    domainName?: Transform<aws.apigateway.DomainNameArgs>;
    /** Each domain name access association (`{name}-access-{endpoint}`). */
    accessAssociation?: Transform<aws.apigateway.DomainNameAccessAssociationArgs>;
    /** The RAM resource share. */
    resourceShare?: Transform<aws.ram.ResourceShareArgs>;
    /** The private hosted zone the component creates. */
    zone?: Transform<aws.route53.ZoneArgs>;
    /** The alias record in the private zone. */
    record?: Transform<aws.route53.RecordArgs>;
}

/** Resource options of a PrivateDomain: Pulumi's own, plus what only TypeScript can pass. */
export interface PrivateDomainOptions extends DomainOptions {
    /** Escape hatches for the child resources. */
    transform?: PrivateDomainTransforms;
}

/** The child resources of a PrivateDomain, for TypeScript programs. */
export interface PrivateDomainNodes extends DomainNodes {
    /** The PRIVATE domain name resource. */
    domain: aws.apigateway.DomainName;
    /** One access association per endpoint in `vpcEndpointIds`. */
    accessAssociations: aws.apigateway.DomainNameAccessAssociation[];
    /** The RAM share, with `share`. */
    resourceShare: aws.ram.ResourceShare | undefined;
    /** The private hosted zone the component created, if it created one. */
    privateZone: aws.route53.Zone | undefined;
}

/**
 * A native private custom domain name for private REST APIs: the certificate in the API's
 * region, a PRIVATE `apigateway.DomainName` whose policy admits only the listed VPC endpoints,
 * base path mappings addressed by `domainNameId`, domain name access associations for this
 * account's endpoints, an optional AWS RAM share, and a private hosted zone alias to the
 * VPC endpoint.
 */
export class PrivateDomain extends pulumi.ComponentResource implements DomainOutputs, SharedDomainOutputs {
    /** The custom domain name. */
    declare readonly domainName: pulumi.Output<string>;
    /** `https://{domainName}/`, reachable from the allowed VPC endpoints only. */
    declare readonly url: pulumi.Output<string>;
    /** The URL of each mapping, keyed by its path ("" for the root), with the trailing slash a base path needs. */
    declare readonly urls: pulumi.Output<Record<string, string>>;
    /** ARN of the certificate the domain serves (in the API's region). */
    declare readonly certificateArn: pulumi.Output<string>;
    /** The VPC endpoint's regional DNS name the private zone aliases to; empty without `privateZone`. */
    declare readonly targetDomainName: pulumi.Output<string>;
    /** The hosted zone of `targetDomainName`; empty without `privateZone`. */
    declare readonly hostedZoneId: pulumi.Output<string>;
    /**
     * The certificate's public validation records outside Route 53: with `certificateDns: "external"`
     * the CNAMEs to create (also logged as soon as ACM gives them), with "cloudflare" those created
     * there; empty with Route 53. The private zone's records are always Route 53 aliases.
     */
    readonly dnsRecords: pulumi.Output<DnsRecordSpec[]>;
    /** The domain's endpoint type ("EDGE", "REGIONAL" or "PRIVATE"), for SharedDomainMappings in another stack. */
    declare readonly endpointType: pulumi.Output<string>;
    /** The domain's security policy, for SharedDomainMappings in another stack (its key rules depend on it). */
    declare readonly securityPolicy: pulumi.Output<string>;
    /** The region the domain lives in (from its ARN), where another stack's mappings must go. */
    declare readonly domainRegion: pulumi.Output<string>;
    /** The domain's routing mode (apigatewayv2 names); a ROUTING_RULE_ONLY domain takes no mappings from another stack. */
    declare readonly routingMode: pulumi.Output<string>;
    /** The domain's identifier, unique per account (private names need not be). */
    readonly domainNameId: pulumi.Output<string>;
    /** The domain's ARN: what consumers associate with and what RAM shares. */
    readonly domainNameArn: pulumi.Output<string>;
    /** The domain's resource policy (JSON): invoke only through the listed VPC endpoints. */
    readonly policy: pulumi.Output<string>;
    /**
     * A resource policy (JSON) for the private APIs mapped here: API Gateway checks the API's
     * own policy too, so it must admit the same endpoints. Set it as the REST API's `policy`.
     */
    readonly apiPolicy: pulumi.Output<string>;
    /** ARN of the RAM resource share, with `share`: what the other accounts accept. */
    readonly resourceShareArn: pulumi.Output<string> | undefined;
    /** The id of the private hosted zone holding the alias, with `privateZone`. */
    readonly privateZoneId: pulumi.Output<string> | undefined;
    /** The region given for the API, when one was given. */
    readonly region: pulumi.Output<string> | undefined;

    constructor(name: string, args: PrivateDomainArgs, opts: PrivateDomainOptions = {}) {
        const label = componentLabel("PrivateDomain", name);
        const { planner, planned, securityPolicy, certArgs, ownEndpoints, allowedEndpoints, targetEndpoint } =
            validatePrivateDomain(label, args, hasExplicitProvider(opts));
        super("apigw-domains:index:PrivateDomain", name, {}, standardOptions(opts));
        const region = checkedRegion(label, args.region);
        this.region = region === undefined ? undefined : asOutput(region);
        const child = { parent: this };
        const dnsOpts: pulumi.InvokeOptions & pulumi.CustomResourceOptions =
            opts.dnsProvider ? { parent: this, provider: opts.dnsProvider } : { parent: this };

        const policy = sourceVpcePolicy(allowedEndpoints);
        const { certificate, arn: certificateArn, dnsRecords } = requestDomainCertificate(this, name, label, certArgs, region,
            certificateZone(label, certArgs, dnsOpts), {
                certificateProvider: opts.certificateProvider, dnsProvider: opts.dnsProvider, transform: opts.transform?.certificate,
            });
        const domain = createDomainName(certificateArn);
        const accessAssociations = ownEndpoints.map((id, i) => associate(domain, id, i));
        const resourceShare = args.share ? shareWithRam(domain, args.share) : undefined;
        const target = targetEndpoint !== undefined ? endpointTarget(targetEndpoint) : undefined;
        const dns = args.privateZone && target
            // Private custom domains are dualstack, and so is the execute-api endpoint's DNS name: A and AAAA.
            ? createPrivateRecords(name, args.domainName, args.privateZone, undefined, region, target,
                aliasRecordTypes(PRIVATE_DOMAIN_IP_ADDRESS_TYPE), dnsOpts, opts.transform)
            : undefined;

        this.domainNameId = domain.domainNameId;
        this.domainNameArn = domain.arn;
        this.policy = policy;
        this.apiPolicy = policy;
        this.resourceShareArn = resourceShare?.arn;
        this.privateZoneId = dns?.zoneId;
        const nodes = keepNodes<PrivateDomainNodes>(this, {
            domain, certificate, accessAssociations, resourceShare,
            privateZone: dns?.zone, records: dns?.records ?? [], mappings: [],
        });
        const mappings = new DomainMappings(this, {
            name, planner, target: { domainName: domain.domainName, domainNameId: domain.domainNameId },
            region, transforms: opts.transform, resources: nodes.mappings,
        });
        publishDomain(this, {
            domainName: domain.domainName,
            certificateArn,
            targetDomainName: target?.name ?? "",
            hostedZoneId: target?.zoneId ?? "",
        }, mappings);
        publishSharing(this, { arn: domain.arn, endpointType: "PRIVATE", securityPolicy, routingMode: DEFAULT_ROUTING_MODE });
        mappings.createPlanned(planned, args.mappings ?? []);
        this.dnsRecords = dnsRecords;
        this.registerOutputs({
            dnsRecords: this.dnsRecords,
            ...domainOutputs(this),
            ...sharingOutputs(this),
            domainNameId: this.domainNameId,
            domainNameArn: this.domainNameArn,
            policy: this.policy,
            apiPolicy: this.apiPolicy,
            resourceShareArn: this.resourceShareArn,
            privateZoneId: this.privateZoneId,
            region: this.region,
        });

        function createDomainName(arn: pulumi.Input<string>): aws.apigateway.DomainName {
            const [a, o] = applyTransform(opts.transform?.domainName, `${name}-domain`, {
                domainName: args.domainName,
                // Private domains take the ACM certificate in `certificateArn`, like the API Gateway API does.
                certificateArn: arn,
                endpointConfiguration: { types: "PRIVATE", ipAddressType: PRIVATE_DOMAIN_IP_ADDRESS_TYPE },
                securityPolicy,
                endpointAccessMode: args.endpointAccessMode,
                policy,
                region,
                tags: args.tags,
            } as aws.apigateway.DomainNameArgs, { ...child });
            return new aws.apigateway.DomainName(`${name}-domain`, a, o);
        }

        function associate(domain: aws.apigateway.DomainName, endpointId: pulumi.Input<string>, index: number) {
            // Named after the endpoint when it is known, so reordering the list replaces nothing.
            const childName = `${name}-access-${plainString(endpointId) ?? index}`;
            const [a, o] = applyTransform(opts.transform?.accessAssociation, childName, {
                accessAssociationSource: endpointId,
                accessAssociationSourceType: "VPCE",
                domainNameArn: domain.arn,
                region,
                tags: args.tags,
            } as aws.apigateway.DomainNameAccessAssociationArgs, { ...child });
            return new aws.apigateway.DomainNameAccessAssociation(childName, a, o);
        }

        function shareWithRam(domain: aws.apigateway.DomainName, share: PrivateDomainShare): aws.ram.ResourceShare {
            const [a, o] = applyTransform(opts.transform?.resourceShare, `${name}-share`, {
                name: share.name,
                allowExternalPrincipals: share.allowExternalPrincipals ?? false,
                region,
                tags: args.tags,
            } as aws.ram.ResourceShareArgs, { ...child });
            const resourceShare = new aws.ram.ResourceShare(`${name}-share`, a, o);
            new aws.ram.ResourceAssociation(`${name}-share-domain`, {
                resourceArn: domain.arn,
                resourceShareArn: resourceShare.arn,
                region,
            }, { ...child });
            for (const principal of share.principals) {
                new aws.ram.PrincipalAssociation(`${name}-share-${principalLabel(principal)}`, {
                    principal,
                    resourceShareArn: resourceShare.arn,
                    region,
                }, { ...child });
            }
            return resourceShare;
        }

        function endpointTarget(endpointId: pulumi.Input<string>) {
            // The endpoint's first DNS entry is its regional name (all zones); the rest are zonal.
            const entry = aws.ec2.getVpcEndpointOutput({ id: endpointId, region }, { ...child })
                .dnsEntries.apply((entries) => {
                    if (entries.length === 0) throw new Error(`${label}: the VPC endpoint has no DNS entries; is it an interface endpoint?`);
                    return entries[0];
                });
            return { name: entry.dnsName, zoneId: entry.hostedZoneId };
        }
    }

    /** The child resources, for TypeScript programs (other languages get the outputs above). */
    get nodes(): PrivateDomainNodes {
        return nodesOf(this);
    }

    /**
     * Serves one more private REST API stage on this domain (TypeScript). The mapping is
     * validated against the domain and the mappings it already has before anything is created.
     * @returns the URL of the new mapping.
     */
    addMapping(mapping: Mapping): pulumi.Output<string> {
        return mappingsOf(this).add(mapping);
    }
}

/** A readable, stable child-name part for a RAM principal: the account id, OU id or organization id. */
function principalLabel(principal: string): string {
    return principal.split("/").pop()!;
}


const PRIVATE_DOMAIN_ARGUMENTS: ArgumentNames<PrivateDomainArgs> = {
    domainName: true, mappings: true, certificateArn: true, subjectAlternativeNames: true, tags: true,
    certificateZoneId: true, certificateZoneName: true, certificateDns: true, certificateCloudflare: true,
    region: true, securityPolicy: true, endpointAccessMode: true, vpcEndpointIds: true, consumerVpcEndpointIds: true,
    privateZone: true, share: true,
};
const SHARE_ARGUMENTS: ArgumentNames<PrivateDomainShare> = { principals: true, allowExternalPrincipals: true, name: true };
const ZONE_ARGUMENTS: ArgumentNames<PrivateDomainZone> = { zoneId: true, zoneName: true, vpcId: true, vpcEndpointId: true };

/** Every rule a private domain must satisfy, checked before anything is registered. */
function validatePrivateDomain(label: string, args: PrivateDomainArgs, explicitProvider: boolean) {
    refuseDeployTimeValues(label, args, [
        ...DOMAIN_DEPLOY_TIME, ...REGION_DEPLOY_TIME, "certificateZoneId", "certificateCloudflare.zoneId", "vpcEndpointIds[]", "consumerVpcEndpointIds[]",
        "privateZone.vpcEndpointId", "privateZone.zoneId", "privateZone.vpcId",
    ]);
    rejectOptionsInArgs(label, args);
    rejectUnknownArguments(label, args, PRIVATE_DOMAIN_ARGUMENTS);
    validateRegion(label, args.region);
    rejectUnknownArguments(label, args.share, SHARE_ARGUMENTS, "share.");
    rejectUnknownArguments(label, args.privateZone, ZONE_ARGUMENTS, "privateZone.");
    const fail = (argument: string, value: unknown, rule: string, fix: string): never => {
        throw new DomainConfigError(label, argument, value, rule, fix);
    };
    validateDomainName(label, "domainName", args.domainName);
    const wildcard = privateDomainNameProblem(args.domainName);
    if (wildcard) fail("domainName", args.domainName, wildcard.rule, wildcard.fix);
    const ownEndpoints = args.vpcEndpointIds ?? [];
    const consumerEndpoints = args.consumerVpcEndpointIds ?? [];
    if (!Array.isArray(ownEndpoints)) fail("vpcEndpointIds", ownEndpoints, "is not a list", "pass a list of VPC endpoint ids");
    if (!Array.isArray(consumerEndpoints)) fail("consumerVpcEndpointIds", consumerEndpoints, "is not a list", "pass a list of VPC endpoint ids");
    const allowedEndpoints = [...ownEndpoints, ...consumerEndpoints];
    if (allowedEndpoints.length === 0) {
        fail("vpcEndpointIds", args.vpcEndpointIds,
            "allows no VPC endpoint; a private domain starts deny-all, so nobody could call it",
            "list the execute-api VPC endpoints that may call the domain (vpcEndpointIds in this account, consumerVpcEndpointIds in others)");
    }
    ([["vpcEndpointIds", ownEndpoints], ["consumerVpcEndpointIds", consumerEndpoints]] as const).forEach(([argument, ids]) => {
        ids.forEach((id, i) => {
            const plain = plainString(id);
            if (plain !== undefined && !isVpcEndpointId(plain)) {
                fail(`${argument}[${i}]`, plain, "is not a VPC endpoint id", "pass an id such as \"vpce-0123456789abcdef0\"");
            }
        });
    });
    const seen = new Set<string>();
    allowedEndpoints.forEach((id, i) => {
        const plain = plainString(id);
        if (plain === undefined) return;
        // Each endpoint gets one access association; a second for the same endpoint is refused by API Gateway.
        if (seen.has(plain)) {
            const argument = i < ownEndpoints.length ? `vpcEndpointIds[${i}]` : `consumerVpcEndpointIds[${i - ownEndpoints.length}]`;
            fail(argument, plain, "is listed twice", "list each VPC endpoint once, in vpcEndpointIds (this account) or consumerVpcEndpointIds (others)");
        }
        seen.add(plain);
    });
    const securityPolicy = validateSecurityPolicy(label, "PRIVATE", args.securityPolicy, args.endpointAccessMode, ["rest"]);
    const certArgs = certificateDomainArgs(args);
    validatePrivateDns(label, certArgs, knownRegion(args.region, explicitProvider), args.privateZone, false);
    const targetEndpoint = args.privateZone?.vpcEndpointId ?? ownEndpoints[0];
    if (args.privateZone && targetEndpoint === undefined) {
        fail("privateZone.vpcEndpointId", undefined, "is needed: the alias record points at a VPC endpoint in this account, and vpcEndpointIds is empty",
            "pass privateZone.vpcEndpointId, or list this account's endpoint in vpcEndpointIds");
    }
    if (args.share) {
        const principals = args.share.principals;
        if (!Array.isArray(principals) || principals.length === 0) {
            fail("share.principals", principals, "shares the domain with nobody", "list account ids, OU ARNs or the organization ARN, or drop share");
        }
        principals.forEach((p, i) => {
            if (typeof p !== "string" || !isRamPrincipal(p)) {
                fail(`share.principals[${i}]`, p, "is not an account id, organizational unit ARN or organization ARN",
                    "use \"111122223333\", \"arn:aws:organizations::123456789012:ou/o-.../ou-...\" or \"arn:aws:organizations::123456789012:organization/o-...\"");
            }
        });
        if (new Set(principals).size !== principals.length) {
            fail("share.principals", principals, "lists a principal twice", "list each principal once");
        }
    }
    const planner = new MappingPlanner(label, { kind: "PRIVATE", securityPolicy, apiType: "rest" });
    const planned = planMappings(planner, args.mappings);
    return { planner, planned, securityPolicy, certArgs, ownEndpoints, allowedEndpoints, targetEndpoint };
}
