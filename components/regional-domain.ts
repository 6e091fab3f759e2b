import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as cloudflare from "@pulumi/cloudflare";
import { aliasRecordTypes } from "../aws/apigateway";
import { CertificateTransforms } from "./certificate";
import { asOutput, keepNodes, nodesOf } from "./component";
import { DNS_ARGUMENTS, DnsRecordSpec, claimDomainRecord, validateDns, validateZone, warnUnusedDnsProvider } from "./dns";
import {
    CUSTOM_DOMAIN_DEPLOY_TIME, CertificateRegionRule, CustomDomainArgs, checkedCertificateArn, REGION_DEPLOY_TIME, DomainMappings, DomainNodes, DomainOutputs, SharedDomainOutputs,
    createDomainRecords, domainOutputs, requestDomainCertificate, mappingsOf, resolveDomainZone, planMappings, publishDomain, publishSharing, sharingOutputs,
    validateDomainCertificate,
} from "./domain-base";
import { DomainConfigError, componentLabel } from "./errors";
import { Mapping, MappingPlanner, MappingTransforms } from "./mappings";
import { validateDomainName } from "./names";
import { ArgumentNames, DomainOptions, hasExplicitProvider, rejectOptionsInArgs, rejectUnknownArguments, standardOptions } from "./options";
import { checkedRegion, knownRegion, plainString, validateRegion } from "./regions";
import { MutualTls, validateIpAddressType, validateMutualTls, validateSecurityPolicy } from "./security";
import { v1RoutingMode } from "../aws/routing";
import { refuseDeployTimeValues } from "./deploy-time";
import { ROUTING_DEPLOY_TIME, RoutingArgs, checkMappingAllowed, createRoutingRules, validateRouting } from "./routing-rules";
import { Transform, applyTransform } from "./transform";
import { ApiType, EndpointAccessMode, IpAddressType, RegionalSecurityPolicy } from "./types";

export interface RegionalDomainArgs extends CustomDomainArgs, RoutingArgs {
    /**
     * The kind of API the domain serves, and the default for each mapping. REST and HTTP APIs
     * may share a domain; a WebSocket domain serves WebSocket APIs only.
     * @default "rest"
     */
    apiType?: ApiType;
    /**
     * Region of the API(s). Set on every regional resource, including the certificate, so the
     * domain works with a provider configured for any region.
     * May be an output (another stack's region): it is set on the resources as it is and checked when it resolves (a plain one is also checked against a given certificate ARN before anything is created).
     * @default the provider's region
     */
    region?: pulumi.Input<string>;
    /**
     * TLS policy. HTTP and WebSocket APIs take only "TLS_1_2"; enhanced REST policies need
     * `endpointAccessMode`.
     * @default "TLS_1_2"
     */
    securityPolicy?: RegionalSecurityPolicy;
    /**
     * Endpoint access mode; required with an enhanced `SecurityPolicy_*` policy, invalid otherwise.
     * @example "STRICT"
     */
    endpointAccessMode?: EndpointAccessMode;
    /** Require client certificates (mutual TLS) signed by a CA in this truststore. */
    mutualTls?: MutualTls;
    /**
     * ARN of a public ACM certificate that proves you own the domain; needed when the
     * serving certificate is imported or from a private CA and mutual TLS is on.
     */
    ownershipVerificationCertificateArn?: pulumi.Input<string>;
    /**
     * IP address types the domain answers on. "dualstack" also creates an AAAA alias record.
     * @default "ipv4"
     */
    ipAddressType?: IpAddressType;
}

/** Escape hatches for a RegionalDomain's child resources (TypeScript; other languages use `transforms`). */
export interface RegionalDomainTransforms extends MappingTransforms {
    /** The certificate's children. */
    certificate?: CertificateTransforms;
    /** For REST domains (`apigateway.DomainName`). */
    domainName?: Transform<aws.apigateway.DomainNameArgs>;
    /** For HTTP and WebSocket domains (`apigatewayv2.DomainName`). */
    domainNameV2?: Transform<aws.apigatewayv2.DomainNameArgs>;
    /** Each alias record (`{name}-a`, `{name}-aaaa`). */
    record?: Transform<aws.route53.RecordArgs>;
    /** Each routing rule (`{name}-rule-{priority}`). */
    routingRule?: Transform<aws.apigatewayv2.RoutingRuleArgs>;
    /** The domain's Cloudflare CNAME (`{name}-cname`, with `dns: "cloudflare"`). */
    cloudflareRecord?: Transform<cloudflare.DnsRecordArgs>;
}

/** Resource options of a RegionalDomain: Pulumi's own, plus what only TypeScript can pass. */
export interface RegionalDomainOptions extends DomainOptions {
    /** Escape hatches for the child resources. */
    transform?: RegionalDomainTransforms;
}

/** The child resources of a RegionalDomain, for TypeScript programs. */
export interface RegionalDomainNodes extends DomainNodes {
    /** The domain name resource: `apigateway.DomainName` for REST, `apigatewayv2.DomainName` otherwise. */
    domain: aws.apigateway.DomainName | aws.apigatewayv2.DomainName;    /** The routing rules, in the order given. */
    routingRules: aws.apigatewayv2.RoutingRule[];
}

/**
 * A regional custom domain for REST, HTTP or WebSocket APIs: the certificate in the API's
 * region, the domain name (v1 for REST, v2 for HTTP and WebSocket), mappings with single- or
 * multi-level keys, and Route 53 alias records to the regional target.
 */
export class RegionalDomain extends pulumi.ComponentResource implements DomainOutputs, SharedDomainOutputs {
    /** The custom domain name. */
    declare readonly domainName: pulumi.Output<string>;
    /** `https://{domainName}/` (for WebSocket APIs, use the `wss://` scheme). */
    declare readonly url: pulumi.Output<string>;
    /** The URL of each mapping, keyed by its path ("" for the root), with the trailing slash a base path needs. */
    declare readonly urls: pulumi.Output<Record<string, string>>;
    /** ARN of the certificate the domain serves (in the API's region). */
    declare readonly certificateArn: pulumi.Output<string>;
    /** The regional target name (`d-xxxx.execute-api.{region}.amazonaws.com`): what DNS must alias to. */
    declare readonly targetDomainName: pulumi.Output<string>;
    /** The hosted zone of `targetDomainName`, for alias records outside this component. */
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
     * certificate's validation CNAMEs, then the domain's CNAME to `targetDomainName`; also logged
     * as soon as known), with "cloudflare" the ones created there; empty with Route 53.
     */
    readonly dnsRecords: pulumi.Output<DnsRecordSpec[]>;
    /** The region given for the API, when one was given. */
    readonly region: pulumi.Output<string> | undefined;

    constructor(name: string, args: RegionalDomainArgs, opts: RegionalDomainOptions = {}) {
        const label = componentLabel("RegionalDomain", name);
        const { planner, planned, securityPolicy, apiType, routing, certificateRule, dns } = validateRegionalDomain(label, args, hasExplicitProvider(opts));
        warnUnusedDnsProvider(label, args.dns, opts.dnsProvider);
        super("apigw-domains:index:RegionalDomain", name, {}, standardOptions(opts));
        const region = checkedRegion(label, args.region);
        this.region = region === undefined ? undefined : asOutput(region);

        const dnsOpts: pulumi.InvokeOptions & pulumi.CustomResourceOptions =
            opts.dnsProvider ? { parent: this, provider: opts.dnsProvider } : { parent: this };
        const zoneId = resolveDomainZone(label, args, dnsOpts);

        // At resolution only the region argument counts: the stack's region is a guess a parent's provider may override.
        const atResolution = { ...certificateRule, requiredRegion: plainString(args.region) };
        const given = { ...args, certificateArn: checkedCertificateArn(label, args.certificateArn, atResolution) };
        const { certificate, arn: certificateArn, dnsRecords: certificateRecords } = requestDomainCertificate(this, name, label, given, region, zoneId, {
            certificateProvider: opts.certificateProvider, dnsProvider: opts.dnsProvider, transform: opts.transform?.certificate,
        });
        const { domain, target } = apiType === "rest" ? createRestDomain(this, certificateArn) : createV2Domain(this, certificateArn);
        const { records, cloudflareRecords, dnsRecords } = createDomainRecords(this, name, label, args, dns, zoneId, target,
            aliasRecordTypes(args.ipAddressType ?? "ipv4"), dnsOpts, certificateRecords, { record: opts.transform?.record, cloudflareRecord: opts.transform?.cloudflareRecord });
        this.dnsRecords = dnsRecords;

        const routingRules = createRoutingRules(this, name, label, routing, domain.domainName, region, opts.transform?.routingRule);

        const nodes = keepNodes<RegionalDomainNodes>(this, { domain, certificate, records, cloudflareRecords, routingRules, mappings: [] });
        const mappings = new DomainMappings(this, {
            name, planner, target: { domainName: domain.domainName }, region, transforms: opts.transform, resources: nodes.mappings,
            check: (argument, mapping) => checkMappingAllowed(label, routing, argument, mapping.apiType ?? apiType),
        });
        publishDomain(this, {
            domainName: domain.domainName,
            certificateArn,
            targetDomainName: target.name,
            hostedZoneId: target.zoneId,
        }, mappings);
        publishSharing(this, { arn: domain.arn, endpointType: "REGIONAL", securityPolicy, routingMode: routing.effectiveMode });
        mappings.createPlanned(planned, args.mappings ?? []);
        this.registerOutputs({ ...domainOutputs(this), ...sharingOutputs(this), region: this.region, dnsRecords: this.dnsRecords });

        function createRestDomain(parent: pulumi.Resource, arn: pulumi.Input<string>) {
            const [a, o] = applyTransform(opts.transform?.domainName, `${name}-domain`, {
                domainName: args.domainName,
                regionalCertificateArn: arn,
                endpointConfiguration: { types: "REGIONAL", ipAddressType: args.ipAddressType },
                securityPolicy,
                endpointAccessMode: args.endpointAccessMode,
                mutualTlsAuthentication: args.mutualTls,
                ownershipVerificationCertificateArn: args.ownershipVerificationCertificateArn,
                routingMode: routing.mode && v1RoutingMode(routing.mode),
                region,
                tags: args.tags,
            } as aws.apigateway.DomainNameArgs, { parent, deleteBeforeReplace: true });
            const domain = new aws.apigateway.DomainName(`${name}-domain`, a, o);
            return { domain, target: { name: domain.regionalDomainName, zoneId: domain.regionalZoneId } };
        }

        function createV2Domain(parent: pulumi.Resource, arn: pulumi.Input<string>) {
            const [a, o] = applyTransform(opts.transform?.domainNameV2, `${name}-domain`, {
                domainName: args.domainName,
                domainNameConfiguration: {
                    certificateArn: arn,
                    endpointType: "REGIONAL",
                    securityPolicy,
                    ipAddressType: args.ipAddressType,
                    ownershipVerificationCertificateArn: args.ownershipVerificationCertificateArn,
                },
                mutualTlsAuthentication: args.mutualTls,
                routingMode: routing.mode,
                region,
                tags: args.tags,
            } as aws.apigatewayv2.DomainNameArgs, { parent, deleteBeforeReplace: true });
            const domain = new aws.apigatewayv2.DomainName(`${name}-domain`, a, o);
            const config = domain.domainNameConfiguration;
            return {
                domain,
                target: { name: config.apply((c) => c.targetDomainName!), zoneId: config.apply((c) => c.hostedZoneId!) },
            };
        }
    }

    /** The child resources, for TypeScript programs (other languages get the outputs above). */
    get nodes(): RegionalDomainNodes {
        return nodesOf(this);
    }

    /**
     * Serves one more API stage on this domain (TypeScript). The mapping is validated against
     * the domain and the mappings it already has before anything is created.
     * @returns the URL of the new mapping.
     */
    addMapping(mapping: Mapping): pulumi.Output<string> {
        return mappingsOf(this).add(mapping);
    }
}

const REGIONAL_DOMAIN_ARGUMENTS: ArgumentNames<RegionalDomainArgs> = {
    domainName: true, mappings: true, certificateArn: true, subjectAlternativeNames: true, tags: true,
    ...DNS_ARGUMENTS,
    apiType: true, region: true, securityPolicy: true, endpointAccessMode: true, mutualTls: true,
    ownershipVerificationCertificateArn: true, ipAddressType: true, routingMode: true, routingRules: true,
};

/** Every rule a regional domain must satisfy, checked before anything is registered. */
export function validateRegionalDomain(label: string, args: RegionalDomainArgs, explicitProvider: boolean) {
    refuseDeployTimeValues(label, args, [...CUSTOM_DOMAIN_DEPLOY_TIME, ...REGION_DEPLOY_TIME, ...ROUTING_DEPLOY_TIME, "ownershipVerificationCertificateArn"]);
    rejectOptionsInArgs(label, args);
    rejectUnknownArguments(label, args, REGIONAL_DOMAIN_ARGUMENTS);
    validateRegion(label, args.region);
    validateDomainName(label, "domainName", args.domainName);
    const dns = validateDns(label, args.domainName, args, args.subjectAlternativeNames ?? [], { domainRecord: true, mutualTls: args.mutualTls !== undefined });
    validateZone(label, args.domainName, args);
    const apiType: ApiType = args.apiType ?? "rest";
    if (apiType !== "rest" && apiType !== "http" && apiType !== "websocket") {
        throw new DomainConfigError(label, "apiType", apiType, "is not an API kind", "use \"rest\", \"http\" or \"websocket\"");
    }
    validateIpAddressType(label, args.ipAddressType);
    const apiTypes: ApiType[] = [apiType, ...(args.mappings ?? []).map((m) => m.apiType ?? apiType)];
    const securityPolicy = validateSecurityPolicy(label, "REGIONAL", args.securityPolicy, args.endpointAccessMode, apiTypes);
    validateMutualTls(label, "REGIONAL", args.mutualTls, securityPolicy, apiTypes);
    // With a plain region (argument or stack config), a certificate from elsewhere is caught now.
    const region = knownRegion(args.region, explicitProvider);
    const certificateRule: CertificateRegionRule = {
        requiredRegion: region,
        why: "a regional domain (API Gateway reads the certificate from the API's region)",
        fix: `request or import the certificate in ${region ?? "the API's region"}`,
    };
    validateDomainCertificate(label, args, certificateRule.requiredRegion, certificateRule.why, certificateRule.fix);
    const routing = validateRouting(label, args, { apiKinds: apiTypes, hasMappings: (args.mappings ?? []).length > 0 });
    const planner = new MappingPlanner(label, { kind: "REGIONAL", securityPolicy, apiType });
    const planned = planMappings(planner, args.mappings);
    claimDomainRecord(label, args.domainName, dns);
    return { planner, planned, securityPolicy, apiType, routing, certificateRule, dns };
}
