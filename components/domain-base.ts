import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { Certificate, CertificateArgs, validateCertificateArgs } from "./certificate";
import { DnsArgs } from "./dns";
import { DomainConfigError } from "./errors";
import { MappingArgs, MappingPlanner, MappingTransforms, PlannedMapping, createMapping, mappingUrl } from "./mappings";
import { arnRegion, plainString } from "./regions";

/** Arguments every custom domain component shares. */
export interface CustomDomainArgs extends DnsArgs {
    /**
     * The custom domain name, lowercase. A wildcard is allowed as the whole first label.
     * @example "api.example.com"
     */
    domainName: string;
    /**
     * API stages to serve on this domain, each under its own path. More can be added later
     * with `addMapping`.
     * @example [{ apiId: api.id, stage: "prod", basePath: "v1" }]
     */
    mappings?: MappingArgs[];
    /**
     * ARN of an existing ACM certificate that covers `domainName`. When omitted, the component
     * requests one with DNS validation in the Route 53 zone.
     */
    certificateArn?: pulumi.Input<string>;
    /**
     * Extra names on the certificate the component requests (ignored with `certificateArn`).
     * @example ["example.com"]
     */
    subjectAlternativeNames?: string[];
    /**
     * Provider for the certificate (e.g. a us-east-1 provider, or another account).
     * @default the component's provider
     */
    certificateProvider?: aws.Provider;
    /**
     * Provider for Route 53 (records and zone look-up), e.g. DNS in another account.
     * @default the component's provider
     */
    dnsProvider?: aws.Provider;
    /** Tags for the domain name and the certificate. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * Checks the certificate side of a domain before anything is registered: a plain ARN must
 * be an ACM ARN in the region the endpoint requires; without an ARN, the certificate the
 * component would request must be valid.
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
    if (arn === undefined) return;
    if (!/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/.+$/.test(arn)) {
        throw new DomainConfigError(label, "certificateArn", arn, "is not an ACM certificate ARN",
            "pass an ARN such as arn:aws:acm:us-east-1:123456789012:certificate/...");
    }
    const region = arnRegion(arn);
    if (requiredRegion !== undefined && region !== requiredRegion) {
        throw new DomainConfigError(label, "certificateArn", arn, `is in ${region}, but ${why} needs it in ${requiredRegion}`, fix);
    }
}

/** The arguments of the certificate a domain requests for itself. */
export function certificateArgsFor(args: CustomDomainArgs, region: string | undefined): CertificateArgs {
    return {
        domainName: args.domainName,
        subjectAlternativeNames: args.subjectAlternativeNames,
        region,
        zoneId: args.zoneId,
        zoneName: args.zoneName,
        privateZone: args.privateZone,
        createRecords: args.createRecords,
        dnsProvider: args.dnsProvider,
        tags: args.tags,
    };
}

/** A zone is needed for the alias records and for the validation records of a requested certificate. */
export function needsZone(args: CustomDomainArgs): boolean {
    return args.createRecords !== false || args.certificateArn === undefined;
}

/** Plans every mapping of the constructor's arguments (validation only; nothing is created). */
export function planMappings(planner: MappingPlanner, mappings: MappingArgs[] | undefined): PlannedMapping[] {
    return (mappings ?? []).map((m, i) => planner.plan(`mappings[${i}]`, m));
}

/**
 * What the domain components have in common: mappings that can be added after creation, and
 * the outputs users need (URL per mapping, alias target for DNS outside Route 53).
 */
export abstract class CustomDomainBase extends pulumi.ComponentResource {
    /** The custom domain name. */
    readonly domainName!: pulumi.Output<string>;
    /** `https://{domainName}/`. */
    readonly url!: pulumi.Output<string>;
    /** ARN of the certificate the domain serves. */
    readonly certificateArn!: pulumi.Output<string>;
    /** The name DNS must alias to (the CloudFront or regional target name). */
    readonly targetDomainName!: pulumi.Output<string>;
    /** The Route 53 hosted zone id of `targetDomainName`, for alias records. */
    readonly hostedZoneId!: pulumi.Output<string>;
    /** The certificate the component requested, unless `certificateArn` was given. */
    readonly certificate!: Certificate | undefined;
    /** The mapping resources, in the order they were added. */
    readonly mappings: (aws.apigateway.BasePathMapping | aws.apigatewayv2.ApiMapping)[] = [];
    /** The Route 53 alias records (A, and AAAA where the target answers on IPv6); empty with createRecords: false. */
    readonly records!: aws.route53.Record[];

    private readonly mappingUrls: { key: string; url: pulumi.Output<string> }[] = [];
    private planner!: MappingPlanner;
    private mappingRegion: string | undefined;
    private mappingTransforms: MappingTransforms | undefined;
    private mappingTarget!: { domainName: pulumi.Input<string>; domainNameId?: pulumi.Input<string> };

    private readonly componentName: string;

    protected constructor(type: string, name: string, opts: pulumi.ComponentResourceOptions | undefined) {
        super(type, name, {}, opts);
        this.componentName = name;
    }

    /** Sets the public outputs; called once by each subclass constructor. */
    protected publish(outputs: {
        domainName: pulumi.Input<string>;
        certificateArn: pulumi.Input<string>;
        targetDomainName: pulumi.Input<string>;
        hostedZoneId: pulumi.Input<string>;
        certificate: Certificate | undefined;
        records: aws.route53.Record[];
    }): void {
        const self = this as unknown as Record<string, unknown>;
        self.domainName = pulumi.output(outputs.domainName);
        self.url = pulumi.interpolate`https://${outputs.domainName}/`;
        self.certificateArn = pulumi.output(outputs.certificateArn);
        self.targetDomainName = pulumi.output(outputs.targetDomainName);
        self.hostedZoneId = pulumi.output(outputs.hostedZoneId);
        self.certificate = outputs.certificate;
        self.records = outputs.records;
    }

    /** The outputs every domain registers. */
    protected commonOutputs(): pulumi.Inputs {
        return {
            domainName: this.domainName,
            url: this.url,
            urls: this.urls,
            certificateArn: this.certificateArn,
            targetDomainName: this.targetDomainName,
            hostedZoneId: this.hostedZoneId,
        };
    }

    /** Wires the mapping machinery once the domain resource exists. */
    protected initMappings(
        planner: MappingPlanner,
        target: { domainName: pulumi.Input<string>; domainNameId?: pulumi.Input<string> },
        region: string | undefined,
        transforms: MappingTransforms | undefined,
    ): void {
        this.planner = planner;
        this.mappingTarget = target;
        this.mappingRegion = region;
        this.mappingTransforms = transforms;
    }

    /** Creates the mappings already planned (and validated) by the constructor. */
    protected createPlannedMappings(planned: PlannedMapping[], mappings: MappingArgs[]): void {
        planned.forEach((p, i) => this.create(p, mappings[i]));
    }

    /**
     * Serves one more API stage on this domain. The mapping is validated against the domain
     * and the mappings it already has before anything is created.
     * @returns the URL of the new mapping.
     */
    addMapping(mapping: MappingArgs): pulumi.Output<string> {
        const planned = this.planner.plan(`addMapping(${JSON.stringify(mapping.basePath ?? "")})`, mapping);
        return this.create(planned, mapping);
    }

    /** The URL of each mapping, keyed by its path ("" for the root). */
    get urls(): pulumi.Output<Record<string, string>> {
        const entries = this.mappingUrls.map(({ key, url }) => url.apply((u) => [key, u] as const));
        return pulumi.all(entries).apply((es) => Object.fromEntries(es));
    }

    private create(planned: PlannedMapping, mapping: MappingArgs): pulumi.Output<string> {
        const resource = createMapping(this.componentName, planned, mapping, this.mappingTarget, this.mappingRegion,
            { parent: this }, this.mappingTransforms);
        this.mappings.push(resource);
        const url = mappingUrl(this.domainName, planned.key);
        this.mappingUrls.push({ key: planned.key, url });
        return url;
    }
}
