/**
 * The DNS side shared by the private topologies: a private domain has two zones. Its
 * certificate is validated through public DNS (ACM never reads private zones), while the
 * name itself is answered by a private hosted zone associated with the VPC.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { asOutput } from "./component";
import { AliasTarget, CloudflareDnsArgs, createAliasRecords, resolveCloudflareZone, resolveZone, validateDns } from "./dns";
import { DnsChoice } from "./types";
import { CustomDomainArgs, DomainArgs, validateDomainCertificate } from "./domain-base";
import { DomainConfigError } from "./errors";
import { HOSTED_ZONE_COMMENT_MAX_LENGTH, isInZone } from "../aws/dns";
import { fitText } from "./names";
import { Transform, applyTransform } from "./transform";

/** The private hosted zone that answers a private domain's name inside the VPC. */
export interface PrivateZone {
    /**
     * An existing private hosted zone, already associated with the VPC(s) that call the domain.
     * Nothing is created; the alias record goes into it.
     * @example "Z0123456789PRIVATE"
     */
    zoneId?: pulumi.Input<string>;
    /**
     * Name of the private hosted zone to create. It must contain the domain on whole labels.
     * A zone for a parent name (such as `example.com`) hides every public record of that
     * name from the VPC, so the default is a zone for exactly the domain name.
     * @default the domain name
     * @example "internal.example.com"
     */
    zoneName?: string;
    /**
     * VPC to associate the created zone with.
     * @default the component's VPC, where it has one (PrivateAlbDomain); required otherwise
     */
    vpcId?: pulumi.Input<string>;
}

/** DNS arguments of the private domain components. */
export interface PrivateDnsArgs {
    /**
     * Public Route 53 zone holding the validation records of the certificate the component
     * requests (ignored with `certificateArn`). Takes precedence over `certificateZoneName`.
     * @example "Z0123456789PUBLIC"
     */
    certificateZoneId?: pulumi.Input<string>;
    /**
     * Name of the public zone to look up for the certificate's validation records.
     * Must be known while the program runs (not a secret or an output): it decides which hosted zone is looked up, and is checked against the domain before anything is created.
     * @default the domain without its first label (`api.internal.example.com` gives `internal.example.com`)
     * @example "example.com"
     */
    certificateZoneName?: string;
    /**
     * Where the certificate's public validation records go: "route53" (the zone above),
     * "cloudflare" (the zone in `certificateCloudflare`), or "external" (none created: the
     * component waits for validation and outputs the records to create in `dnsRecords`). The
     * private zone that answers the name inside the VPC is Route 53's either way.
     * @default "route53"
     */
    certificateDns?: DnsChoice;
    /** The Cloudflare zone of the validation records, with `certificateDns: "cloudflare"` (`proxied` does not apply). */
    certificateCloudflare?: CloudflareDnsArgs;
}

/** The arguments of PrivateDnsArgs that take deploy-time values. */
export const PRIVATE_DNS_DEPLOY_TIME = ["certificateZoneId", "certificateCloudflare.zoneId"] as const;

/** How the shared DNS checks name the private components' arguments. */
const PRIVATE_ARGUMENT_NAMES: Record<string, string> = {
    dns: "certificateDns", cloudflare: "certificateCloudflare", zoneId: "certificateZoneId", zoneName: "certificateZoneName",
};

/** Runs a shared check, renaming the argument in its error to the private components' name for it. */
export function asPrivateArguments<T>(check: () => T): T {
    try {
        return check();
    } catch (e) {
        if (e instanceof DomainConfigError) {
            const [head, ...rest] = e.argument.split(".");
            const renamed = PRIVATE_ARGUMENT_NAMES[head];
            if (renamed !== undefined) {
                throw new DomainConfigError(e.component, [renamed, ...rest].join("."), e.value, e.rule,
                    e.fix.replace(/\bcloudflare\./g, "certificateCloudflare.").replace(/\bdns: "/g, "certificateDns: \""));
            }
        }
        throw e;
    }
}

/** The arguments the shared certificate helpers expect, with the public zone as the record zone. */
export function certificateDomainArgs(args: PrivateDnsArgs & DomainArgs): CustomDomainArgs {
    return {
        domainName: args.domainName,
        certificateArn: args.certificateArn,
        subjectAlternativeNames: args.subjectAlternativeNames,
        tags: args.tags,
        zoneId: args.certificateZoneId,
        zoneName: args.certificateZoneName,
        // Route 53's own switches, meaningless (and refused) for another DNS.
        privateZone: args.certificateDns === undefined || args.certificateDns === "route53" ? false : undefined,
        createRecords: args.certificateDns === undefined || args.certificateDns === "route53" ? true : undefined,
        dns: args.certificateDns,
        cloudflare: args.certificateCloudflare,
    };
}

/**
 * Checks the certificate and both zones before anything is registered: a plain certificate
 * ARN must be in the API's region, the public zone must contain the domain, and a zone to
 * create must contain the domain and know its VPC.
 */
export function validatePrivateDns(
    label: string,
    certArgs: CustomDomainArgs,
    region: string | undefined,
    zone: PrivateZone | false | undefined,
    defaultVpc: boolean,
): void {
    // certificateZoneName is plain (the component refuses an output there before this runs).
    if (certArgs.certificateArn === undefined && certArgs.zoneId === undefined && typeof certArgs.zoneName === "string"
        && !isInZone(certArgs.domainName, certArgs.zoneName)) {
        throw new DomainConfigError(label, "certificateZoneName", certArgs.zoneName,
            `does not contain the domain "${certArgs.domainName}" on whole labels`,
            "pass the public zone the domain lives in (a suffix of the domain made of whole labels), or certificateZoneId");
    }
    // The only records outside Route 53 are validation records: nothing here may be proxied.
    if (certArgs.certificateArn === undefined) {
        asPrivateArguments(() => validateDns(label, certArgs.domainName, certArgs, certArgs.subjectAlternativeNames ?? [], { domainRecord: false }));
    }
    asPrivateArguments(() => validateDomainCertificate(label, certArgs, region,
        "a private or regional domain (API Gateway reads the certificate from the API's region)",
        `request or import the certificate in ${region ?? "the API's region"}`));
    if (!zone || zone.zoneId !== undefined) return;
    if (zone.zoneName !== undefined && !isInZone(certArgs.domainName, zone.zoneName)) {
        throw new DomainConfigError(label, "privateZone.zoneName", zone.zoneName,
            `does not contain the domain "${certArgs.domainName}" on whole labels`,
            `name the zone "${certArgs.domainName}" (the default) or a parent of it`);
    }
    if (zone.vpcId === undefined && !defaultVpc) {
        throw new DomainConfigError(label, "privateZone.vpcId", undefined,
            "is required to create a private hosted zone",
            "pass the VPC the callers are in, or zoneId of an existing private zone associated with it");
    }
}

/** Resolves the public zone that holds a requested certificate's validation records. */
export function certificateZone(label: string, certArgs: CustomDomainArgs, opts: pulumi.InvokeOptions): pulumi.Output<string> | undefined {
    if (certArgs.certificateArn !== undefined || certArgs.dns === "external") return undefined;
    // A Cloudflare look-up goes through the component's cloudflare provider, never an AWS dnsProvider.
    if (certArgs.dns === "cloudflare") return resolveCloudflareZone(certArgs.domainName, certArgs.cloudflare, { parent: opts.parent });
    return resolveZone(label, certArgs.domainName, certArgs, opts);
}

export interface PrivateRecords {
    /** The private hosted zone the component created, if it created one. */
    zone: aws.route53.Zone | undefined;
    /** The id of the private zone holding the alias. */
    zoneId: pulumi.Output<string>;
    records: aws.route53.Record[];
}

/** Creates (or uses) the private hosted zone and the alias records of `types` to `target` in it. */
export function createPrivateRecords(
    name: string,
    domainName: string,
    zone: PrivateZone,
    defaultVpcId: pulumi.Input<string> | undefined,
    region: pulumi.Input<string> | undefined,
    target: AliasTarget,
    types: ("A" | "AAAA")[],
    opts: pulumi.CustomResourceOptions,
    transforms: { zone?: Transform<aws.route53.ZoneArgs>; record?: Transform<aws.route53.RecordArgs> } | undefined,
): PrivateRecords {
    let created: aws.route53.Zone | undefined;
    let zoneId: pulumi.Output<string>;
    if (zone.zoneId !== undefined) {
        zoneId = asOutput(zone.zoneId);
    } else {
        const zoneName = zone.zoneName ?? domainName;
        const [a, o] = applyTransform(transforms?.zone, `${name}-zone`, {
            name: zoneName,
            comment: fitText(`Private zone for ${domainName} (apigw-domains)`, HOSTED_ZONE_COMMENT_MAX_LENGTH),
            vpcs: [{ vpcId: (zone.vpcId ?? defaultVpcId)!, vpcRegion: region }],
        } as aws.route53.ZoneArgs, opts);
        created = new aws.route53.Zone(`${name}-zone`, a, o);
        zoneId = created.zoneId;
    }
    const records = createAliasRecords(name, domainName, zoneId, target, types, opts, transforms?.record);
    return { zone: created, zoneId, records };
}
