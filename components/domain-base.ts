import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as cloudflare from "@pulumi/cloudflare";
import { CertificateArgs, CertificateNodes, CertificateTransforms, createCertificateResources, validateCertificateArgs } from "./certificate";
import { asOutput, defineLiveOutput } from "./component";
import { DeployTimePaths, MAPPING_DEPLOY_TIME, checkWhenKnown, under } from "./deploy-time";
import {
    AliasTarget, DNS_DEPLOY_TIME, DnsArgs, DnsPlan, DnsRecordSpec, announceExternalRecords, createAliasRecords, createCloudflareRecord, domainRecordSpec,
    resolveCloudflareZone, resolveZone,
} from "./dns";
import { Transform } from "./transform";
import { warnIfStageNotAwaited } from "./stage-order";
import { DomainConfigError } from "./errors";
import { Mapping, MappingPlanner, MappingTransforms, PlannedMapping, createMapping, mappingUrl, urlOf } from "./mappings";
import { EndpointType } from "../aws/apigateway";
import { arnRegion, isAcmCertificateArn } from "../aws/arn";
import { plainString } from "./regions";

/** Arguments every custom domain component takes, whatever its DNS. */
export interface DomainArgs {
    /**
     * The custom domain name, lowercase. A wildcard is allowed as the whole first label.
     * Must be known while the program runs (not a secret or an output): it decides the hosted zone looked up, the certificate's validation records and the checks made before anything is created.
     * @example "api.example.com"
     */
    domainName: string;
    /**
     * API stages to serve on this domain, each under its own path. More can be added later
     * with `addMapping` (TypeScript).
     * Must be known while the program runs (not a secret or an output): the list decides how many mapping resources exist; each mapping's `apiId` and `stage` may be outputs.
     * @example [{ apiId: api.id, stage: stage.stageName, basePath: "v1" }]
     */
    mappings?: Mapping[];
    /**
     * ARN of an existing ACM certificate that covers `domainName`. When omitted, the component
     * requests one with DNS validation in the zone of its `dns` choice (Route 53 by default).
     */
    certificateArn?: pulumi.Input<string>;
    /**
     * Extra names on the certificate the component requests (ignored with `certificateArn`).
     * Must be known while the program runs (not a secret or an output): each name decides a validation record.
     * @example ["example.com"]
     */
    subjectAlternativeNames?: string[];
    /** Tags for the domain name and the certificate. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** The arguments of DomainArgs that take deploy-time values (deploy-time.ts). */
export const DOMAIN_DEPLOY_TIME: DeployTimePaths = ["certificateArn", "tags", ...under("mappings[]", MAPPING_DEPLOY_TIME)];

/** The same for CustomDomainArgs (public DNS). */
export const CUSTOM_DOMAIN_DEPLOY_TIME: DeployTimePaths = [...DOMAIN_DEPLOY_TIME, "zoneId", "zoneName", ...DNS_DEPLOY_TIME];

/** The region, for the components whose shape does not depend on it (not CloudFrontDomain's, nor a MultiRegionDomain's regions). */
export const REGION_DEPLOY_TIME: DeployTimePaths = ["region"];

/** Arguments of the custom domain components whose name is in public Route 53 DNS. */
export interface CustomDomainArgs extends DomainArgs, DnsArgs {}

/** Where a domain's own certificate must be, and what to say when it is not. */
export interface CertificateRegionRule {
    /** The region the endpoint reads the certificate from, when it is known while the program runs. */
    requiredRegion: string | undefined;
    /** The endpoint, for the message: "an edge-optimized domain (served by CloudFront)". */
    why: string;
    fix: string;
}

/**
 * Checks the certificate side of a domain before anything is registered: a plain ARN must
 * be an ACM ARN in the region the endpoint requires; without an ARN, the certificate the
 * component would request must be valid. An ARN that is an output is checked when it resolves
 * (`checkedCertificateArn`).
 */
export function validateDomainCertificate(
    label: string,
    args: CustomDomainArgs,
    requiredRegion: string | undefined,
    why: string,
    fix: string,
): void {
    const arn = plainString(args.certificateArn);
    if (args.certificateArn === undefined) {
        validateCertificateArgs(label, certificateArgsFor(args, undefined));
        return;
    }
    if (arn !== undefined) checkCertificateArn(label, arn, { requiredRegion, why, fix });
}

/** The `certificateArn` to give the domain: checked now when plain, when it resolves when an output. */
export function checkedCertificateArn(label: string, arn: pulumi.Input<string> | undefined, rule: CertificateRegionRule): pulumi.Input<string> | undefined {
    return arn === undefined ? undefined : checkWhenKnown(arn, (a) => checkCertificateArn(label, a, rule));
}

function checkCertificateArn(label: string, arn: string, { requiredRegion, why, fix }: CertificateRegionRule): void {
    if (!isAcmCertificateArn(arn)) {
        throw new DomainConfigError(label, "certificateArn", arn, "is not an ACM certificate ARN",
            "pass an ARN such as arn:aws:acm:us-east-1:123456789012:certificate/...");
    }
    const region = arnRegion(arn);
    if (requiredRegion !== undefined && region !== requiredRegion) {
        throw new DomainConfigError(label, "certificateArn", arn, `is in ${region}, but ${why} needs it in ${requiredRegion}`, fix);
    }
}

/** The arguments of the certificate a domain requests for itself. */
export function certificateArgsFor(args: CustomDomainArgs, region: pulumi.Input<string> | undefined): CertificateArgs {
    return {
        domainName: args.domainName,
        subjectAlternativeNames: args.subjectAlternativeNames,
        region,
        zoneId: args.zoneId,
        zoneName: args.zoneName,
        privateZone: args.privateZone,
        createRecords: args.createRecords,
        dns: args.dns,
        // The domain's record may be proxied; validation records never are.
        cloudflare: args.cloudflare && { ...args.cloudflare, proxied: undefined },
        tags: args.tags,
    };
}

/** Certificate arguments with the zone the domain looked up, for whichever DNS holds the validation records (none for external DNS). */
export function withZone(args: CertificateArgs, zoneId: pulumi.Input<string> | undefined): CertificateArgs {
    if (args.dns === "external") return args;
    if (args.dns === "cloudflare") return { ...args, cloudflare: { ...args.cloudflare, zoneId } };
    return { ...args, zoneId };
}

/** A Route 53 zone is needed for the alias records and for the validation records of a requested certificate. */
export function needsZone(args: CustomDomainArgs): boolean {
    return (args.dns ?? "route53") === "route53" && (args.createRecords !== false || args.certificateArn === undefined);
}

/**
 * The zone of a domain's records and of its certificate's validation records, looked up once for
 * both: a Route 53 hosted zone (through `dnsOpts`, which may carry the DNS account's AWS provider),
 * a Cloudflare zone (through the component's `cloudflare` provider), or none for external DNS.
 */
export function resolveDomainZone(
    label: string,
    args: CustomDomainArgs,
    dnsOpts: pulumi.InvokeOptions & pulumi.CustomResourceOptions,
): pulumi.Output<string> | undefined {
    const choice = args.dns ?? "route53";
    if (choice === "external") return undefined;
    if (choice === "cloudflare") return resolveCloudflareZone(args.domainName, args.cloudflare, { parent: dnsOpts.parent });
    return needsZone(args) ? resolveZone(label, args.domainName, args, dnsOpts) : undefined;
}

/** The records a domain component created for its name, by DNS. */
export interface DomainRecords {
    /** Route 53 alias records. */
    records: aws.route53.Record[];
    /** The Cloudflare CNAME (`dns: "cloudflare"`). */
    cloudflareRecords: cloudflare.DnsRecord[];
    /** Every record outside Route 53, the certificate's validation records first (the `dnsRecords` output). */
    dnsRecords: pulumi.Output<DnsRecordSpec[]>;
}

/**
 * The domain's own records, for its DNS choice: Route 53 aliases (A, and AAAA where the target
 * answers on IPv6), one Cloudflare CNAME to the custom domain's target (never the API's default
 * endpoint), or, for external DNS, that CNAME printed and output for the user to create.
 */
export function createDomainRecords(
    parent: pulumi.Resource,
    name: string,
    label: string,
    args: CustomDomainArgs,
    dns: DnsPlan,
    zone: pulumi.Input<string> | undefined,
    target: AliasTarget,
    aliasTypes: ("A" | "AAAA")[],
    dnsOpts: pulumi.CustomResourceOptions,
    certificateRecords: pulumi.Output<DnsRecordSpec[]>,
    transforms: { record?: Transform<aws.route53.RecordArgs>; cloudflareRecord?: Transform<cloudflare.DnsRecordArgs> },
): DomainRecords {
    if (dns.choice === "route53") {
        const records = zone && args.createRecords !== false
            ? createAliasRecords(name, args.domainName, zone, target, aliasTypes, dnsOpts, transforms.record)
            : [];
        return { records, cloudflareRecords: [], dnsRecords: certificateRecords };
    }
    const spec = domainRecordSpec(args.domainName, target.name);
    const dnsRecords = pulumi.all([certificateRecords, spec]).apply(([certs, own]) => [...certs, own]);
    if (dns.choice === "external") {
        announceExternalRecords(parent, label, spec.apply((r) => [r]), "this record for the domain");
        return { records: [], cloudflareRecords: [], dnsRecords };
    }
    const record = createCloudflareRecord(`${name}-cname`, label, {
        zoneId: zone!, name: args.domainName, value: target.name, ttl: dns.cloudflare!.ttl, proxied: dns.cloudflare!.proxied, purpose: "domain",
    }, { parent }, transforms.cloudflareRecord);
    return { records: [], cloudflareRecords: [record], dnsRecords };
}

/** Plans every mapping of the constructor's arguments (validation only; nothing is created). */
export function planMappings(planner: MappingPlanner, mappings: Mapping[] | undefined): PlannedMapping[] {
    return (mappings ?? []).map((m, i) => planner.plan(`mappings[${i}]`, m));
}

/** The child resources every domain component has, for TypeScript programs. */
export interface DomainNodes {
    /** The resources of the certificate the component requested, unless `certificateArn` was given. */
    certificate: CertificateNodes | undefined;
    /** The mapping resources, in the order they were added. */
    mappings: (aws.apigateway.BasePathMapping | aws.apigatewayv2.ApiMapping)[];
    /** The alias records the component created (empty when it created none). */
    records: aws.route53.Record[];
    /** The Cloudflare records of the domain's name (`dns: "cloudflare"`; the certificate's are in `certificate`). */
    cloudflareRecords?: cloudflare.DnsRecord[];
}

/** The outputs every domain component declares, each documented for its topology. */
export interface DomainOutputs {
    readonly domainName: pulumi.Output<string>;
    readonly url: pulumi.Output<string>;
    readonly urls: pulumi.Output<Record<string, string>>;
    readonly certificateArn: pulumi.Output<string>;
    readonly targetDomainName: pulumi.Output<string>;
    readonly hostedZoneId: pulumi.Output<string>;
}

/** The domain resource mappings attach to: by name, and by id for private domains. */
export interface MappingTarget {
    domainName: pulumi.Input<string>;
    domainNameId?: pulumi.Input<string>;
}

/**
 * The mappings of one custom domain: each is validated against the domain and the mappings it
 * already has before anything is created, so mappings can be added after the constructor
 * (`addMapping`) with the same rules.
 */
export class DomainMappings {
    /** The key of each mapping so far, in the order they were added. */
    private readonly keys: string[] = [];

    constructor(private readonly domain: pulumi.ComponentResource, private readonly settings: {
        /** The component's name: mapping children are named after it. */
        name: string;
        planner: MappingPlanner;
        target: MappingTarget;
        region: pulumi.Input<string> | undefined;
        transforms: MappingTransforms | undefined;
        /** Where the created resources go (the component's `nodes.mappings`). */
        resources: DomainNodes["mappings"];
        /** A component's own rule on top of the planner's (PrivateAlbDomain: REST only). */
        check?: (argument: string, mapping: Mapping) => void;
    }) {}

    /** Creates the mappings the constructor already planned (and validated). */
    createPlanned(planned: PlannedMapping[], mappings: Mapping[]): void {
        planned.forEach((p, i) => this.create(p, mappings[i], `mappings[${i}]`));
    }

    /** Validates and creates one more mapping; returns its URL. */
    add(mapping: Mapping): pulumi.Output<string> {
        const argument = `addMapping(${JSON.stringify(mapping.basePath ?? "")})`;
        this.settings.check?.(argument, mapping);
        const planned = this.settings.planner.plan(argument, mapping);
        this.create(planned, mapping, argument);
        return mappingUrl(this.settings.target.domainName, planned.key);
    }

    /** The URL of each mapping so far, keyed by its path ("" for the root). */
    urls(): pulumi.Output<Record<string, string>> {
        // One apply for the whole map (not an Output per mapping): the keys are known now.
        const keys = [...this.keys];
        return asOutput(this.settings.target.domainName).apply((d) => Object.fromEntries(keys.map((k) => [k, urlOf(d, k)])));
    }

    private create(planned: PlannedMapping, mapping: Mapping, argument: string): void {
        const { name, planner, target, region, transforms, resources } = this.settings;
        warnIfStageNotAwaited(this.domain, planner.label, argument, mapping.apiId, mapping.stage);
        resources.push(createMapping(name, planned, mapping, target, region, { parent: this.domain }, transforms));
        this.keys.push(planned.key);
    }
}

const mappingsByDomain = new WeakMap<pulumi.ComponentResource, DomainMappings>();

/** The mapping machinery of a domain component, for its `addMapping` method. */
export function mappingsOf(domain: pulumi.ComponentResource): DomainMappings {
    const mappings = mappingsByDomain.get(domain);
    if (mappings === undefined) throw new Error(`${domain.constructor.name}: addMapping works once the constructor has run`);
    return mappings;
}

/**
 * Sets a domain component's shared outputs (`urls` computed when read, so that mappings added
 * later show) and keeps its mapping machinery for `addMapping`.
 */
export function publishDomain(
    domain: pulumi.ComponentResource & DomainOutputs,
    values: {
        domainName: pulumi.Input<string>;
        certificateArn: pulumi.Input<string>;
        targetDomainName: pulumi.Input<string>;
        hostedZoneId: pulumi.Input<string>;
    },
    mappings: DomainMappings,
): void {
    mappingsByDomain.set(domain, mappings);
    Object.assign(domain, {
        domainName: asOutput(values.domainName),
        url: asOutput(values.domainName).apply((d) => urlOf(d, "")),
        certificateArn: asOutput(values.certificateArn),
        targetDomainName: asOutput(values.targetDomainName),
        hostedZoneId: asOutput(values.hostedZoneId),
    });
    defineLiveOutput(domain, "urls", () => mappings.urls());
}

/** The shared outputs, for `registerOutputs` (once the constructor's mappings exist). */
export function domainOutputs(domain: DomainOutputs): pulumi.Inputs {
    return {
        domainName: domain.domainName,
        url: domain.url,
        urls: domain.urls,
        certificateArn: domain.certificateArn,
        targetDomainName: domain.targetDomainName,
        hostedZoneId: domain.hostedZoneId,
    };
}

/**
 * What another stack needs to serve its APIs on this domain (SharedDomainMappings' arguments),
 * as outputs a program can export (domainName, domainRegion, endpointType, securityPolicy, routingMode).
 */
export interface SharedDomainOutputs {
    readonly endpointType: pulumi.Output<string>;
    readonly securityPolicy: pulumi.Output<string>;
    readonly domainRegion: pulumi.Output<string>;
    readonly routingMode: pulumi.Output<string>;
}

/** Sets the outputs another stack needs, from the domain resource (its ARN carries the region it lives in). */
export function publishSharing(
    domain: pulumi.ComponentResource & SharedDomainOutputs,
    values: { arn: pulumi.Input<string>; endpointType: EndpointType; securityPolicy: pulumi.Input<string>; routingMode: string },
): void {
    Object.assign(domain, {
        routingMode: pulumi.output(values.routingMode),
        endpointType: pulumi.output(values.endpointType),
        securityPolicy: asOutput(values.securityPolicy),
        domainRegion: asOutput(values.arn).apply((arn) => arnRegion(arn) ?? ""),
    });
}

/** The sharing outputs, for `registerOutputs`. */
export function sharingOutputs(domain: SharedDomainOutputs): pulumi.Inputs {
    return { endpointType: domain.endpointType, securityPolicy: domain.securityPolicy, domainRegion: domain.domainRegion, routingMode: domain.routingMode };
}

/** Where a domain's own certificate resources go: the TypeScript-only options that concern them. */
export interface DomainCertificateOptions {
    certificateProvider?: aws.Provider;
    dnsProvider?: aws.Provider;
    transform?: CertificateTransforms;
}

/**
 * Requests the domain's certificate (in `region`, validated in `zoneId`) as children of the
 * domain itself, named `${name}-cert-*`, unless `certificateArn` was given. No nested Certificate
 * component: one registration fewer per domain, which is what a plan of many domains pays for.
 */
export function requestDomainCertificate(
    parent: pulumi.Resource,
    name: string,
    label: string,
    args: CustomDomainArgs,
    region: pulumi.Input<string> | undefined,
    zoneId: pulumi.Input<string> | undefined,
    opts: DomainCertificateOptions,
): { certificate: CertificateNodes | undefined; arn: pulumi.Output<string>; dnsRecords: pulumi.Output<DnsRecordSpec[]> } {
    if (args.certificateArn !== undefined) return { certificate: undefined, arn: asOutput(args.certificateArn), dnsRecords: pulumi.output([]) };
    const certArgs = withZone(certificateArgsFor(args, region), zoneId);
    const plan = validateCertificateArgs(label, certArgs);
    const { arn, nodes, dnsRecords } = createCertificateResources(parent, `${name}-cert`, label, certArgs, plan,
        { provider: opts.certificateProvider, dnsProvider: opts.dnsProvider, transform: opts.transform });
    return { certificate: nodes, arn, dnsRecords };
}
