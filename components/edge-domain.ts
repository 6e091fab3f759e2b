import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as cloudflare from "@pulumi/cloudflare";
import { aliasRecordTypes } from "../aws/apigateway";
import { CLOUDFRONT_CERTIFICATE_REGION } from "../aws/cloudfront";
import { CertificateTransforms } from "./certificate";
import { keepNodes, nodesOf } from "./component";
import { DNS_ARGUMENTS, DnsRecordSpec, claimDomainRecord, validateDns, validateZone, warnUnusedDnsProvider } from "./dns";
import {
    CUSTOM_DOMAIN_DEPLOY_TIME, CertificateRegionRule, CustomDomainArgs, checkedCertificateArn, REGION_DEPLOY_TIME, DomainMappings, DomainNodes, DomainOutputs, SharedDomainOutputs,
    createDomainRecords, domainOutputs, requestDomainCertificate, mappingsOf, resolveDomainZone, planMappings, publishDomain, publishSharing, sharingOutputs,
    validateDomainCertificate,
} from "./domain-base";
import { DomainConfigError, componentLabel } from "./errors";
import { Mapping, MappingPlanner, MappingTransforms } from "./mappings";
import { validateDomainName } from "./names";
import { checkedRegion, validateRegion } from "./regions";
import { ArgumentNames, DomainOptions, rejectOptionsInArgs, rejectUnknownArguments, standardOptions } from "./options";
import { validateIpAddressType, validateSecurityPolicy } from "./security";
import { v1RoutingMode } from "../aws/routing";
import { refuseDeployTimeValues } from "./deploy-time";
import { ROUTING_DEPLOY_TIME, RoutingArgs, checkMappingAllowed, createRoutingRules, validateRouting } from "./routing-rules";
import { Transform, applyTransform } from "./transform";
import { ApiType, EdgeSecurityPolicy, EndpointAccessMode, IpAddressType } from "./types";

export interface EdgeDomainArgs extends CustomDomainArgs, RoutingArgs {
    /**
     * Region of the REST API(s), where the domain name and its mappings are managed. The
     * certificate always goes to us-east-1, whatever this is.
     * May be an output (another stack's region): it is set on the resources as it is and checked when it resolves (a plain one is also checked against a given certificate ARN before anything is created).
     * @default the provider's region
     */
    region?: pulumi.Input<string>;
    /**
     * TLS policy for viewers. Enhanced edge policies need `endpointAccessMode`.
     * @default "TLS_1_2"
     */
    securityPolicy?: EdgeSecurityPolicy;
    /**
     * Endpoint access mode; required with an enhanced `SecurityPolicy_*_EDGE` policy, invalid otherwise.
     * @example "STRICT"
     */
    endpointAccessMode?: EndpointAccessMode;
    /**
     * IP address types the domain answers on. Public custom domains answer on IPv4 only unless
     * they are "dualstack", which also creates an AAAA alias record.
     * @default "ipv4"
     */
    ipAddressType?: IpAddressType;
}

/** Escape hatches for an EdgeDomain's child resources (TypeScript; other languages use `transforms`). */
export interface EdgeDomainTransforms extends MappingTransforms {
    /** The certificate's children (requested in us-east-1). */
    certificate?: CertificateTransforms;
    /** The EDGE `apigateway.DomainName`. */
    domainName?: Transform<aws.apigateway.DomainNameArgs>;
    /** Each alias record (`{name}-a`, and `{name}-aaaa` for a dualstack domain). */
    record?: Transform<aws.route53.RecordArgs>;
    /** Each routing rule (`{name}-rule-{priority}`). */
    routingRule?: Transform<aws.apigatewayv2.RoutingRuleArgs>;
    /** The domain's Cloudflare CNAME (`{name}-cname`, with `dns: "cloudflare"`). */
    cloudflareRecord?: Transform<cloudflare.DnsRecordArgs>;
}

/** Resource options of an EdgeDomain: Pulumi's own, plus what only TypeScript can pass. */
export interface EdgeDomainOptions extends DomainOptions {
    /** Escape hatches for the child resources. */
    transform?: EdgeDomainTransforms;
}

/** The child resources of an EdgeDomain, for TypeScript programs. */
export interface EdgeDomainNodes extends DomainNodes {
    /** The EDGE domain name resource. */
    domain: aws.apigateway.DomainName;    /** The routing rules, in the order given. */
    routingRules: aws.apigatewayv2.RoutingRule[];
}

/** An edge-optimized domain is served by CloudFront, which reads certificates only from us-east-1. */
const EDGE_CERTIFICATE_REGION = CLOUDFRONT_CERTIFICATE_REGION;
const EDGE_CERTIFICATE_RULE: CertificateRegionRule = {
    requiredRegion: EDGE_CERTIFICATE_REGION,
    why: "an edge-optimized domain (served by CloudFront)",
    fix: `request or import the certificate in ${EDGE_CERTIFICATE_REGION}, or use RegionalDomain to keep it in the API's region`,
};

/**
 * An edge-optimized custom domain for REST APIs: the certificate in us-east-1 (whatever the
 * stack's region), an EDGE `apigateway.DomainName`, base path mappings, and a Route 53 alias A
 * record (and AAAA for a dualstack domain) to the CloudFront distribution API Gateway manages.
 */
export class EdgeDomain extends pulumi.ComponentResource implements DomainOutputs, SharedDomainOutputs {
    /** The custom domain name. */
    declare readonly domainName: pulumi.Output<string>;
    /** `https://{domainName}/`. */
    declare readonly url: pulumi.Output<string>;
    /** The URL of each mapping, keyed by its path ("" for the root), with the trailing slash a base path needs. */
    declare readonly urls: pulumi.Output<Record<string, string>>;
    /** ARN of the certificate the domain serves (in us-east-1). */
    declare readonly certificateArn: pulumi.Output<string>;
    /** The CloudFront distribution API Gateway manages (`dxxxx.cloudfront.net`): what DNS must alias to. */
    declare readonly targetDomainName: pulumi.Output<string>;
    /** The hosted zone of `targetDomainName` (CloudFront's), for alias records outside this component. */
    declare readonly hostedZoneId: pulumi.Output<string>;
    /** The domain's endpoint type ("EDGE", "REGIONAL" or "PRIVATE"), for SharedDomainMappings in another stack. */
    declare readonly endpointType: pulumi.Output<string>;
    /** The domain's security policy, for SharedDomainMappings in another stack (its key rules depend on it). */
    declare readonly securityPolicy: pulumi.Output<string>;
    /** The region the domain lives in (from its ARN), where another stack's mappings must go. */
    declare readonly domainRegion: pulumi.Output<string>;
    /** The domain's routing mode (apigatewayv2 names); a ROUTING_RULE_ONLY domain takes no mappings from another stack. */
    declare readonly routingMode: pulumi.Output<string>;
    /**
     * The records DNS outside Route 53 must hold: with `dns: "external"` the ones to create (the
     * certificate's validation CNAMEs, then the domain's CNAME to `targetDomainName`, the
     * distribution's name; also logged as soon as known), with "cloudflare" the ones created there;
     * empty with Route 53.
     */
    readonly dnsRecords: pulumi.Output<DnsRecordSpec[]>;

    constructor(name: string, args: EdgeDomainArgs, opts: EdgeDomainOptions = {}) {
        const label = componentLabel("EdgeDomain", name);
        const { planner, planned, securityPolicy, ipAddressType, routing, dns } = validateEdgeDomain(label, args);
        warnUnusedDnsProvider(label, args.dns, opts.dnsProvider);
        super("apigw-domains:index:EdgeDomain", name, {}, standardOptions(opts));
        const region = checkedRegion(label, args.region);

        const dnsOpts: pulumi.InvokeOptions & pulumi.CustomResourceOptions =
            opts.dnsProvider ? { parent: this, provider: opts.dnsProvider } : { parent: this };
        const zoneId = resolveDomainZone(label, args, dnsOpts);

        const given = { ...args, certificateArn: checkedCertificateArn(label, args.certificateArn, EDGE_CERTIFICATE_RULE) };
        const { certificate, arn: certificateArn, dnsRecords: certificateRecords } = requestDomainCertificate(this, name, label, given, EDGE_CERTIFICATE_REGION, zoneId, {
            certificateProvider: opts.certificateProvider, dnsProvider: opts.dnsProvider, transform: opts.transform?.certificate,
        });
        const domain = createDomainName(this, certificateArn);
        const { records, cloudflareRecords, dnsRecords } = createDomainRecords(this, name, label, args, dns, zoneId,
            { name: domain.cloudfrontDomainName, zoneId: domain.cloudfrontZoneId },
            aliasRecordTypes(ipAddressType), dnsOpts, certificateRecords, { record: opts.transform?.record, cloudflareRecord: opts.transform?.cloudflareRecord });
        this.dnsRecords = dnsRecords;

        const routingRules = createRoutingRules(this, name, label, routing, domain.domainName, region, opts.transform?.routingRule);

        const nodes = keepNodes<EdgeDomainNodes>(this, { domain, certificate, records, cloudflareRecords, routingRules, mappings: [] });
        const mappings = new DomainMappings(this, {
            name, planner, target: { domainName: domain.domainName }, region, transforms: opts.transform, resources: nodes.mappings,
            check: (argument, mapping) => checkMappingAllowed(label, routing, argument, mapping.apiType ?? "rest"),
        });
        publishDomain(this, {
            domainName: domain.domainName,
            certificateArn,
            targetDomainName: domain.cloudfrontDomainName,
            hostedZoneId: domain.cloudfrontZoneId,
        }, mappings);
        publishSharing(this, { arn: domain.arn, endpointType: "EDGE", securityPolicy: domain.securityPolicy, routingMode: routing.effectiveMode });
        mappings.createPlanned(planned, args.mappings ?? []);
        this.registerOutputs({ ...domainOutputs(this), ...sharingOutputs(this), dnsRecords: this.dnsRecords });

        function createDomainName(parent: pulumi.Resource, arn: pulumi.Input<string>): aws.apigateway.DomainName {
            const [a, o] = applyTransform(opts.transform?.domainName, `${name}-domain`, {
                domainName: args.domainName,
                certificateArn: arn,
                endpointConfiguration: { types: "EDGE", ipAddressType },
                securityPolicy,
                endpointAccessMode: args.endpointAccessMode,
                routingMode: routing.mode && v1RoutingMode(routing.mode),
                region,
                tags: args.tags,
            } as aws.apigateway.DomainNameArgs, {
                parent,
                // Public custom domain names are unique across AWS: free the name before recreating it.
                deleteBeforeReplace: true,
            });
            return new aws.apigateway.DomainName(`${name}-domain`, a, o);
        }
    }

    /** The child resources, for TypeScript programs (other languages get the outputs above). */
    get nodes(): EdgeDomainNodes {
        return nodesOf(this);
    }

    /**
     * Serves one more REST API stage on this domain (TypeScript). The mapping is validated
     * against the domain and the mappings it already has before anything is created.
     * @returns the URL of the new mapping.
     */
    addMapping(mapping: Mapping): pulumi.Output<string> {
        return mappingsOf(this).add(mapping);
    }
}

const EDGE_DOMAIN_ARGUMENTS: ArgumentNames<EdgeDomainArgs> = {
    domainName: true, mappings: true, certificateArn: true, subjectAlternativeNames: true, tags: true,
    ...DNS_ARGUMENTS,
    region: true, securityPolicy: true, endpointAccessMode: true, ipAddressType: true,
    routingMode: true, routingRules: true,
};

/** Every rule an edge domain must satisfy, checked before anything is registered. */
function validateEdgeDomain(label: string, args: EdgeDomainArgs) {
    refuseDeployTimeValues(label, args, [...CUSTOM_DOMAIN_DEPLOY_TIME, ...REGION_DEPLOY_TIME, ...ROUTING_DEPLOY_TIME]);
    rejectOptionsInArgs(label, args);
    validateDomainName(label, "domainName", args.domainName);
    const dns = validateDns(label, args.domainName, args, args.subjectAlternativeNames ?? [], { domainRecord: true });
    validateZone(label, args.domainName, args);
    const loose = args as EdgeDomainArgs & { mutualTls?: unknown };
    if (loose.mutualTls !== undefined) {
        throw new DomainConfigError(label, "mutualTls", loose.mutualTls,
            "is only available on regional domains, not edge-optimized ones",
            "use RegionalDomain (or CloudFrontDomain, whose origin is regional) for mutual TLS");
    }
    rejectUnknownArguments(label, args, EDGE_DOMAIN_ARGUMENTS);
    validateRegion(label, args.region);
    const apiTypes: ApiType[] = (args.mappings ?? []).map((m) => m.apiType ?? "rest");
    for (const [i, t] of apiTypes.entries()) {
        if (t !== "rest") {
            throw new DomainConfigError(label, `mappings[${i}].apiType`, t,
                "cannot be served by an edge-optimized domain, which serves REST APIs only",
                "use RegionalDomain for HTTP and WebSocket APIs");
        }
    }
    const securityPolicy = validateSecurityPolicy(label, "EDGE", args.securityPolicy, args.endpointAccessMode, apiTypes);
    validateDomainCertificate(label, args, EDGE_CERTIFICATE_RULE.requiredRegion, EDGE_CERTIFICATE_RULE.why, EDGE_CERTIFICATE_RULE.fix);
    const planner = new MappingPlanner(label, { kind: "EDGE", securityPolicy, apiType: "rest" });
    const planned = planMappings(planner, args.mappings);
    const routing = validateRouting(label, args, { apiKinds: ["rest"], hasMappings: (args.mappings ?? []).length > 0 });
    const ipAddressType = validateIpAddressType(label, args.ipAddressType);
    claimDomainRecord(label, args.domainName, dns);
    return { planner, planned, securityPolicy, ipAddressType, routing, dns };
}
