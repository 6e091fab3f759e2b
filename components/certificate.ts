import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as tls from "@pulumi/tls";
import * as cloudflare from "@pulumi/cloudflare";
import { asOutput, keepNodes, nodesOf } from "./component";
import { DeployTimePaths, refuseDeployTimeValues } from "./deploy-time";
import { DomainConfigError, componentLabel } from "./errors";
import {
    DNS_ARGUMENTS, DNS_DEPLOY_TIME, DnsArgs, DnsPlan, DnsRecordSpec, announceExternalRecords, createCloudflareRecord, resolveCloudflareZone, resolveZone,
    SharedValidationRecord, cloudflareZoneKey, shareValidationRecord, sharedValidationRecord, sharedValidationRecordName, validateDns, validateZone, warnUnusedDnsProvider,
} from "./dns";
import { cloudflareName } from "../aws/cloudflare";
import { REQUESTABLE_KEY_ALGORITHMS, certificateRequestProblem } from "../aws/acm";
import { isAcmCertificateArn, arnRegion } from "../aws/arn";
import { validateDomainName } from "./names";
import { ArgumentNames, rejectOptionsInArgs, rejectUnknownArguments, standardOptions } from "./options";
import { checkedRegion, plainString, validateRegion } from "./regions";
import { Transform, applyTransform } from "./transform";

/** A PEM certificate to import into ACM instead of requesting one. */
export interface PemCertificate {
    /** The certificate, PEM encoded. */
    certificateBody: pulumi.Input<string>;
    /** Its private key, PEM encoded. Stored as a secret. */
    privateKey: pulumi.Input<string>;
    /** Intermediate certificates, PEM encoded, leaf's issuer first. */
    certificateChain?: pulumi.Input<string>;
}

/** Generate a self-signed certificate with `@pulumi/tls` and import it (tests, internal ALBs, private use). */
export interface SelfSignedCertificate {
    /**
     * How long the certificate is valid, in hours.
     * @default 8760 (one year)
     */
    validityHours?: number;
    /**
     * Organization written into the certificate's subject.
     * @default "apigw-domains"
     */
    organization?: string;
}

/** Key algorithms ACM can request a certificate with. */
export const CertificateKeyAlgorithm = {
    /** RSA, 2048-bit key: the widest client support. */
    RSA_2048: "RSA_2048",
    /** ECDSA on P-256: smaller and faster handshakes. */
    EC_prime256v1: "EC_prime256v1",
    /** ECDSA on P-384. */
    EC_secp384r1: "EC_secp384r1",
} as const;
export type CertificateKeyAlgorithm = (typeof CertificateKeyAlgorithm)[keyof typeof CertificateKeyAlgorithm];

export interface CertificateArgs extends DnsArgs {
    /**
     * The name the certificate is for. Wildcards are allowed as the whole first label.
     * Must be known while the program runs (not a secret or an output): it decides the hosted zone looked up, the certificate's validation records and the checks made before anything is created.
     * @example "api.example.com"
     */
    domainName: string;
    /**
     * More names on the same certificate. A wildcard and its apex (`*.example.com` and
     * `example.com`) share one validation record, which is created once.
     * Must be known while the program runs (not a secret or an output): each name decides a validation record.
     * @example ["*.example.com"]
     */
    subjectAlternativeNames?: string[];
    /**
     * Region to create the certificate in, set on the resource itself so one provider can
     * serve several regions. Use `"us-east-1"` for edge-optimized domains and CloudFront.
     * May be an output (another stack's region): it is set on the resources as it is and checked when it resolves (a plain one is also checked against a given certificate ARN before anything is created).
     * @default the provider's region
     */
    region?: pulumi.Input<string>;
    /**
     * An existing ACM certificate ARN to use as is; nothing is created.
     * @example "arn:aws:acm:us-east-1:123456789012:certificate/0a1b..."
     */
    arn?: pulumi.Input<string>;
    /** Import this PEM certificate into ACM instead of requesting one. */
    pem?: PemCertificate;
    /** Generate a self-signed certificate and import it instead of requesting one. */
    selfSigned?: SelfSignedCertificate;
    /**
     * Key algorithm of a requested certificate.
     * @default "RSA_2048"
     */
    keyAlgorithm?: CertificateKeyAlgorithm;
    /** Tags for the ACM certificate. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * Escape hatches for a Certificate's child resources: a partial set of arguments merged over
 * what the component computed, or a callback. TypeScript only; other languages use the
 * standard `transforms` resource option.
 */
export interface CertificateTransforms {
    /** The ACM certificate (`aws.acm.Certificate`), requested or imported. */
    certificate?: Transform<aws.acm.CertificateArgs>;
    /** Each Route 53 validation record. */
    validationRecord?: Transform<aws.route53.RecordArgs>;
    /** Each Cloudflare validation record (`dns: "cloudflare"`); it may not be proxied. */
    cloudflareValidationRecord?: Transform<cloudflare.DnsRecordArgs>;
    /** The validation waiter (`aws.acm.CertificateValidation`). */
    validation?: Transform<aws.acm.CertificateValidationArgs>;
}

/** Resource options of a Certificate: Pulumi's own, plus what only TypeScript can pass. */
export interface CertificateOptions extends pulumi.ComponentResourceOptions {
    /**
     * Provider for the Route 53 validation records and the zone look-up, e.g. for a zone in
     * another account. TypeScript only (README, "Using the components").
     * @default the component's provider
     */
    dnsProvider?: aws.Provider;
    /** Escape hatches for the child resources. */
    transform?: CertificateTransforms;
}

/** The child resources of a Certificate, for TypeScript programs. */
export interface CertificateNodes {
    /** The ACM certificate resource, unless an existing ARN was given. */
    certificate: aws.acm.Certificate | undefined;
    /** The validation waiter of a requested certificate. */
    validation: aws.acm.CertificateValidation | undefined;
    /** One Route 53 record per distinct validation name of a requested certificate. */
    validationRecords: aws.route53.Record[];
    /**
     * One Cloudflare record per distinct validation name (`dns: "cloudflare"`), unless another
     * certificate of the same name in the same zone created it already in this program (ACM gives
     * both one record); the record is a stack-level resource shared by them (README, "The shared
     * validation record").
     */
    cloudflareValidationRecords: cloudflare.DnsRecord[];
}

type Mode = "request" | "import" | "selfSigned" | "existing";

/**
 * An ACM certificate for a custom domain: requested with DNS validation in Route 53 (the
 * default), imported from PEM, generated self-signed, or an existing ARN. `arn` resolves
 * only once the certificate is issued, so whatever uses it waits for validation.
 */
export class Certificate extends pulumi.ComponentResource {
    /** The certificate ARN; for requested certificates, the validated one. */
    readonly arn: pulumi.Output<string>;
    /** The region given for the certificate, when one was given. */
    readonly region: pulumi.Output<string> | undefined;
    /**
     * The validation records of a requested certificate outside Route 53: with `dns: "external"`
     * the CNAMEs to create (also logged as soon as ACM gives them), with "cloudflare" those created
     * there; empty with Route 53 and for other certificates.
     */
    readonly dnsRecords: pulumi.Output<DnsRecordSpec[]>;

    constructor(name: string, args: CertificateArgs, opts: CertificateOptions = {}) {
        const label = componentLabel("Certificate", name);
        const plan = planCertificate(label, args);
        warnUnusedDnsProvider(label, args.dns, opts.dnsProvider);
        super("apigw-domains:index:Certificate", name, {}, standardOptions(opts));
        const region = checkedRegion(label, args.region);
        this.region = region === undefined ? undefined : asOutput(region);
        // The children inherit the component's provider; only DNS may go elsewhere.
        const created = createCertificateResources(this, name, label, { ...args, region }, plan,
            { dnsProvider: opts.dnsProvider, transform: opts.transform });
        keepNodes<CertificateNodes>(this, created.nodes);
        this.arn = created.arn;
        this.dnsRecords = created.dnsRecords;
        this.registerOutputs({ arn: this.arn, region: this.region, dnsRecords: this.dnsRecords });
    }

    /** The child resources, for TypeScript programs (other languages get the outputs above). */
    get nodes(): CertificateNodes {
        return nodesOf(this);
    }
}

export interface CertificatePlan {
    mode: Mode;
    validationNames: { base: string; names: string[] }[];
    /** Where the validation records go (requested certificates). */
    dns: DnsPlan;
}

/** Validates certificate arguments without registering anything (components call it before `super`). */
export function validateCertificateArgs(label: string, args: CertificateArgs): CertificatePlan {
    return planCertificate(label, args);
}

const CERTIFICATE_ARGUMENTS: ArgumentNames<CertificateArgs> = {
    domainName: true, subjectAlternativeNames: true, region: true, arn: true, pem: true, selfSigned: true, keyAlgorithm: true,
    tags: true, ...DNS_ARGUMENTS,
};
const CERTIFICATE_DEPLOY_TIME: DeployTimePaths = ["arn", "tags", "zoneId", "zoneName", "region", "pem.*", ...DNS_DEPLOY_TIME];
const PEM_ARGUMENTS: ArgumentNames<PemCertificate> = { certificateBody: true, privateKey: true, certificateChain: true };
const SELF_SIGNED_ARGUMENTS: ArgumentNames<SelfSignedCertificate> = { validityHours: true, organization: true };

/** Validates the arguments and decides what to create, before anything is registered. */
function planCertificate(label: string, args: CertificateArgs): CertificatePlan {
    refuseDeployTimeValues(label, args, CERTIFICATE_DEPLOY_TIME);
    rejectOptionsInArgs(label, args);
    rejectUnknownArguments(label, args, CERTIFICATE_ARGUMENTS);
    validateRegion(label, args.region);
    rejectUnknownArguments(label, args.pem, PEM_ARGUMENTS, "pem.");
    rejectUnknownArguments(label, args.selfSigned, SELF_SIGNED_ARGUMENTS, "selfSigned.");
    const modes: Mode[] = [];
    if (args.arn !== undefined) modes.push("existing");
    if (args.pem !== undefined) modes.push("import");
    if (args.selfSigned !== undefined) modes.push("selfSigned");
    if (modes.length > 1) {
        throw new DomainConfigError(label, "arn/pem/selfSigned", modes.join(" and "),
            "are alternatives", "give at most one of them (none requests a certificate from ACM)");
    }
    const mode: Mode = modes[0] ?? "request";

    if (mode === "existing") {
        const arn = plainString(args.arn);
        if (arn !== undefined) {
            if (!isAcmCertificateArn(arn)) {
                throw new DomainConfigError(label, "arn", arn, "is not an ACM certificate ARN",
                    "pass an ARN such as arn:aws:acm:us-east-1:123456789012:certificate/...");
            }
            const region = plainString(args.region);
            if (region !== undefined && arnRegion(arn) !== region) {
                throw new DomainConfigError(label, "arn", arn, `is in ${arnRegion(arn)}, but region is ${region}`,
                    `use a certificate from ${region}, or drop region`);
            }
        }
        return { mode, validationNames: [], dns: { choice: "route53" } };
    }

    validateDomainName(label, "domainName", args.domainName);
    (args.subjectAlternativeNames ?? []).forEach((n, i) => validateDomainName(label, `subjectAlternativeNames[${i}]`, n));

    if (mode !== "request") return { mode, validationNames: [], dns: { choice: "route53" } };

    if (args.keyAlgorithm !== undefined && !(REQUESTABLE_KEY_ALGORITHMS as readonly string[]).includes(args.keyAlgorithm)) {
        throw new DomainConfigError(label, "keyAlgorithm", args.keyAlgorithm, "is not a key algorithm ACM can request a certificate with",
            `use one of ${REQUESTABLE_KEY_ALGORITHMS.join(", ")} (other algorithms are for imported certificates: pass pem)`);
    }
    const names = certificateRequestProblem(args.domainName, args.subjectAlternativeNames ?? []);
    if (names) {
        throw new DomainConfigError(label, names.argument, names.argument === "domainName" ? args.domainName : args.subjectAlternativeNames,
            names.problem.rule, names.problem.fix);
    }

    const dns = validateDns(label, args.domainName, args, args.subjectAlternativeNames ?? [], { domainRecord: false });
    const validationNames = distinctValidationNames([args.domainName, ...(args.subjectAlternativeNames ?? [])]);
    if (dns.choice !== "route53") return { mode, validationNames, dns };
    if (args.createRecords === false) {
        throw new DomainConfigError(label, "createRecords", false,
            "leaves a DNS-validated certificate without its validation records, so it would never be issued",
            "let the component create the records, use dns: \"external\" to create them yourself from the dnsRecords output, or bring an issued certificate (certificateArn on a domain; arn, pem or selfSigned on a Certificate)");
    }
    if (args.privateZone) {
        throw new DomainConfigError(label, "privateZone", true,
            "cannot hold ACM validation records: ACM validates through public DNS",
            "validate in the public zone of the same name (privateZone: false), or bring an issued certificate (certificateArn on a domain; arn, pem or selfSigned on a Certificate)");
    }
    validateZone(label, args.domainName, args, args.subjectAlternativeNames);
    return { mode, validationNames, dns };
}

/** Groups names by the validation record ACM gives them (`*.x.com` and `x.com` share one). */
export function distinctValidationNames(names: string[]): { base: string; names: string[] }[] {
    const byBase = new Map<string, string[]>();
    for (const n of names) {
        const base = n.replace(/^\*\./, "");
        const list = byBase.get(base) ?? [];
        if (!list.includes(n)) list.push(n);
        byBase.set(base, list);
    }
    return [...byBase].map(([base, ns]) => ({ base, names: ns }));
}

/** Where a certificate's child resources go, besides their parent. */
export interface CertificateResourceOptions {
    /** Provider for the ACM certificate and its validation; omitted, they inherit the parent's. */
    provider?: pulumi.ProviderResource;
    /** Provider for the validation records and the zone look-up. */
    dnsProvider?: pulumi.ProviderResource;
    transform?: CertificateTransforms;
}

/**
 * Creates a certificate's resources under `parent`, named `${name}-acm`, `${name}-validation`
 * and `${name}-validation-<name>`. The Certificate component uses it for itself; the domain
 * components use it directly, so a domain that requests its certificate registers one
 * component, not two (registrations are most of what a plan costs at scale).
 */
export function createCertificateResources(
    parent: pulumi.Resource,
    name: string,
    label: string,
    args: CertificateArgs,
    plan: CertificatePlan,
    opts: CertificateResourceOptions,
): { arn: pulumi.Output<string>; nodes: CertificateNodes; dnsRecords: pulumi.Output<DnsRecordSpec[]> } {
    const region = args.region;
    const tags = args.tags;
    const child: pulumi.CustomResourceOptions = opts.provider ? { parent, provider: opts.provider } : { parent };
    const none = { validationRecords: [], cloudflareValidationRecords: [] };
    const noRecords = pulumi.output([] as DnsRecordSpec[]);
    if (plan.mode === "existing") {
        return { arn: asOutput(args.arn!), nodes: { certificate: undefined, validation: undefined, ...none }, dnsRecords: noRecords };
    }
    if (plan.mode === "request") {
        const cert = createRequested();
        const specs = validationSpecs(cert);
        if (plan.dns.choice === "cloudflare") {
            const { records, fqdns } = createCloudflareValidationRecords(cert);
            const validation = waitForValidation(cert, fqdns);
            return { arn: validation.certificateArn, nodes: { certificate: cert, validation, validationRecords: [], cloudflareValidationRecords: records }, dnsRecords: specs };
        }
        if (plan.dns.choice === "external") {
            // Nothing to wait on but ACM itself: the validation polls until the user's records resolve.
            announceExternalRecords(parent, label, specs, "these validation records");
            const validation = waitForValidation(cert, undefined);
            return { arn: validation.certificateArn, nodes: { certificate: cert, validation, ...none }, dnsRecords: specs };
        }
        const records = createValidationRecords(cert);
        const validation = waitForValidation(cert, records.map((r) => r.fqdn));
        return { arn: validation.certificateArn, nodes: { certificate: cert, validation, validationRecords: records, cloudflareValidationRecords: [] }, dnsRecords: noRecords };
    }
    const cert = createImported();
    return { arn: cert.arn, nodes: { certificate: cert, validation: undefined, ...none }, dnsRecords: noRecords };

    /** ACM's validation option for one group of names (a wildcard and its apex share one). */
    function validationOption(cert: aws.acm.Certificate, base: string, names: string[]) {
        return cert.domainValidationOptions.apply((options) => {
            const found = options.find((o) => names.includes(o.domainName));
            if (!found) throw new Error(`${label}: ACM returned no validation option for "${base}"`);
            return found;
        });
    }

    function validationSpecs(cert: aws.acm.Certificate): pulumi.Output<DnsRecordSpec[]> {
        if (plan.dns.choice === "route53") return noRecords;
        return pulumi.all(plan.validationNames.map(({ base, names }) => validationOption(cert, base, names))).apply((options) =>
            options.map((o) => ({ name: cloudflareName(o.resourceRecordName), type: o.resourceRecordType, value: cloudflareName(o.resourceRecordValue), purpose: "certificate-validation" })));
    }

    function createCloudflareValidationRecords(cert: aws.acm.Certificate): { records: cloudflare.DnsRecord[]; fqdns: pulumi.Output<string>[] } {
        const zoneId = resolveCloudflareZone(args.domainName, args.cloudflare, { parent });
        const zone = cloudflareZoneKey(args.domainName, args.cloudflare);
        // Cloudflare records go through the component's Cloudflare provider, also for the stack-level shared record.
        const provider = parent.getProvider(CLOUDFLARE_RECORD_TYPE);
        const records: cloudflare.DnsRecord[] = [];
        const fqdns = plan.validationNames.map(({ base, names }) => {
            const option = validationOption(cert, base, names);
            // ACM gives every certificate of a name in one account the same CNAME, whatever the region or
            // provider; Cloudflare holds one CNAME per name, so one record serves them all (README).
            const key = `${zone}|${base}`;
            const shared = sharedValidationRecord(key);
            if (shared) return sameRecordOrFail(shared, option);
            // Named after the name (and the zone, for a name validated in several), not the component, and
            // kept at the stack's level, so that it stays one resource whichever certificate asks first.
            const record = createCloudflareRecord(sharedValidationRecordName(base, zone), label, {
                zoneId, name: option.resourceRecordName, value: option.resourceRecordValue,
                ttl: plan.dns.cloudflare!.ttl, proxied: false, purpose: "certificate validation",
                comment: `ACM certificate validation (${base}), shared by its certificates`,
            }, {
                ...(provider ? { provider } : {}),
                // Where the first release of dns: "cloudflare" put it (under the component that asked first).
                aliases: [{ name: `${name}-validation-${base}`, parent }],
            }, opts.transform?.cloudflareValidationRecord);
            records.push(record);
            shareValidationRecord(key, {
                fqdn: record.name, owner: label,
                name: option.resourceRecordName.apply(cloudflareName), value: option.resourceRecordValue.apply(cloudflareName),
            });
            return record.name;
        });
        return { records, fqdns };
    }

    /**
     * A certificate in another AWS account gets another CNAME from ACM, which the shared record
     * does not hold: said as soon as ACM answers, rather than after the validation's timeout.
     */
    function sameRecordOrFail(shared: SharedValidationRecord, option: pulumi.Output<{ resourceRecordName: string; resourceRecordValue: string }>): pulumi.Output<string> {
        return pulumi.all([shared.fqdn, shared.name, shared.value, option]).apply(([fqdn, sharedName, sharedValue, o]) => {
            const ownName = cloudflareName(o.resourceRecordName);
            const ownValue = cloudflareName(o.resourceRecordValue);
            if (ownName === sharedName && ownValue === sharedValue) return fqdn;
            throw new DomainConfigError(label, "domainName", args.domainName,
                `got the validation CNAME ${ownName} -> ${ownValue} from ACM, not the ${sharedName} -> ${sharedValue} that ${shared.owner}'s certificate created in this Cloudflare zone (certificates in different AWS accounts get different records)`,
                "request this certificate with dns: \"external\" and create its record from the dnsRecords output (a cloudflare.DnsRecord), or issue both from one account");
        });
    }

    function createRequested(): aws.acm.Certificate {
        const [a, o] = applyTransform(opts.transform?.certificate, `${name}-acm`, {
            domainName: args.domainName,
            subjectAlternativeNames: args.subjectAlternativeNames,
            validationMethod: "DNS",
            keyAlgorithm: args.keyAlgorithm,
            region,
            tags,
        } as aws.acm.CertificateArgs, { ...child });
        return new aws.acm.Certificate(`${name}-acm`, a, o);
    }

    function createValidationRecords(cert: aws.acm.Certificate): aws.route53.Record[] {
        const dnsOpts = opts.dnsProvider ? { parent, provider: opts.dnsProvider } : { parent };
        const zoneId = resolveZone(label, args.domainName, args, dnsOpts, args.subjectAlternativeNames);
        // One record per distinct base name: ACM gives a wildcard and its apex the same record.
        return plan.validationNames.map(({ base, names }) => {
            const option = validationOption(cert, base, names);
            const recordName = `${name}-validation-${base}`;
            const [a, o] = applyTransform(opts.transform?.validationRecord, recordName, {
                zoneId,
                name: option.resourceRecordName,
                type: option.resourceRecordType,
                records: [option.resourceRecordValue],
                ttl: 60,
                // Several certificates for one name share this record; overwriting it is harmless.
                allowOverwrite: true,
            } as aws.route53.RecordArgs, dnsOpts);
            return new aws.route53.Record(recordName, a, o);
        });
    }

    function waitForValidation(cert: aws.acm.Certificate, fqdns: pulumi.Output<string>[] | undefined): aws.acm.CertificateValidation {
        const [a, o] = applyTransform(opts.transform?.validation, `${name}-validation`, {
            certificateArn: cert.arn,
            validationRecordFqdns: fqdns,
            region,
        } as aws.acm.CertificateValidationArgs, { ...child });
        return new aws.acm.CertificateValidation(`${name}-validation`, a, o);
    }

    function createImported(): aws.acm.Certificate {
        let body: pulumi.Input<string>;
        let key: pulumi.Input<string>;
        let chain: pulumi.Input<string> | undefined;
        if (plan.mode === "selfSigned") {
            const ss = args.selfSigned!;
            const privateKey = new tls.PrivateKey(`${name}-key`, { algorithm: "ECDSA", ecdsaCurve: "P256" }, { parent });
            const selfSigned = new tls.SelfSignedCert(`${name}-selfsigned`, {
                privateKeyPem: privateKey.privateKeyPem,
                subject: { commonName: args.domainName, organization: ss.organization ?? "apigw-domains" },
                dnsNames: [args.domainName, ...(args.subjectAlternativeNames ?? [])],
                validityPeriodHours: ss.validityHours ?? 8760,
                earlyRenewalHours: Math.min(720, Math.floor((ss.validityHours ?? 8760) / 4)),
                allowedUses: ["key_encipherment", "digital_signature", "server_auth"],
            }, { parent });
            body = selfSigned.certPem;
            key = privateKey.privateKeyPem;
        } else {
            body = args.pem!.certificateBody;
            key = pulumi.secret(args.pem!.privateKey);
            chain = args.pem!.certificateChain;
        }
        const [a, o] = applyTransform(opts.transform?.certificate, `${name}-acm`, {
            certificateBody: body,
            privateKey: key,
            certificateChain: chain,
            region,
            tags,
        } as aws.acm.CertificateArgs, { ...child });
        return new aws.acm.Certificate(`${name}-acm`, a, o);
    }
}

/** The Cloudflare record type, for the component's Cloudflare provider. */
const CLOUDFLARE_RECORD_TYPE = "cloudflare:index/dnsRecord:DnsRecord";
