import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as cloudflare from "@pulumi/cloudflare";
import { asOutput } from "./component";
import { DeployTimePaths, checkWhenKnown } from "./deploy-time";
import { DomainConfigError } from "./errors";
import { defaultZoneName, isInZone, isRegistrableDomain, isWildcard, withoutWildcard } from "../aws/dns";
import {
    CERTIFICATE_VALIDATION_TIMEOUT_MINUTES, CLOUDFLARE_PROXIED_DEFAULT, CLOUDFLARE_TTL_AUTOMATIC, CLOUDFLARE_TTL_MIN, DNS_CHOICES, DnsChoiceName, THIRD_PARTY_RECORD_TYPE,
    cloudflareDefaultZoneName, cloudflareName, cloudflareTtlNeedsEnterprise, cloudflareTtlProblem,
} from "../aws/cloudflare";
import { ArgumentNames, rejectUnknownArguments } from "./options";
import { Transform, applyTransform } from "./transform";
import { DnsChoice } from "./types";

/**
 * The Cloudflare zone that holds a component's records, and how the domain's record is served.
 * The records go through `@pulumi/cloudflare` with the provider the component's options give for
 * the `cloudflare` package (`providers: [cloudflareProvider]`), like any child resource.
 */
export interface CloudflareDnsArgs {
    /**
     * Cloudflare zone id. Takes precedence over `zoneName`. May be an output (another stack's zone).
     * @example "023e105f4ecef8ad9ca31a8372d0c353"
     */
    zoneId?: pulumi.Input<string>;
    /**
     * Cloudflare zone name to look up (`cloudflare.getZone`). The domain, and every name of a
     * certificate the component requests, must sit in it on whole labels.
     * Must be known while the program runs: it is checked against the domain before anything is created.
     * @default the domain's registrable domain (`api.example.co.uk` gives `example.co.uk`)
     */
    zoneName?: string;
    /**
     * Serve the domain's record through Cloudflare's proxy (orange cloud). Validation records are
     * never proxied. Only with SSL/TLS mode Full (strict): README, "DNS outside Route 53".
     * @default false
     */
    proxied?: boolean;
    /**
     * TTL of the records, in seconds: 1 means automatic (proxied records are always automatic).
     * @default 1
     */
    ttl?: number;
}

/** The names of CloudflareDnsArgs, for the unknown-argument check. */
export const CLOUDFLARE_ARGUMENTS: ArgumentNames<CloudflareDnsArgs> = { zoneId: true, zoneName: true, proxied: true, ttl: true };

/** The DNS arguments that take deploy-time values (besides Route 53's `zoneId` and `zoneName`). */
export const DNS_DEPLOY_TIME: DeployTimePaths = ["cloudflare.zoneId"];

/** The names of the DNS arguments every public component takes. */
export const DNS_ARGUMENTS = { createRecords: true, zoneId: true, zoneName: true, privateZone: true, dns: true, cloudflare: true } as const;

/**
 * A record the DNS must hold: created by the component in Cloudflare, or to be created by the
 * user with `dns: "external"`.
 */
export interface DnsRecordSpec {
    /** Fully qualified name, without the final dot. */
    name: string;
    /** Always "CNAME" outside Route 53. */
    type: string;
    /** What the CNAME points at, without the final dot. */
    value: string;
    /** "certificate-validation" (ACM's validation record) or "domain" (the custom domain's record). */
    purpose: string;
}

/** Where a component's DNS records go. Plain data so it crosses languages. */
export interface DnsArgs {
    /**
     * Which DNS holds the domain's records and the certificate's validation records: "route53"
     * (alias records, the arguments below), "cloudflare" (CNAMEs through `@pulumi/cloudflare`, see
     * `cloudflare`), or "external" (nothing created: the component requests the certificate, waits
     * for its validation and outputs the records to create in `dnsRecords`). MultiRegionDomain,
     * whose routing policies are Route 53's, delegates its name to a Route 53 zone of its own with
     * "cloudflare" or "external" (NS records in Cloudflare, or in `dnsRecords`).
     * @default "route53"
     */
    dns?: DnsChoice;
    /** The Cloudflare zone and record settings, with `dns: "cloudflare"`. */
    cloudflare?: CloudflareDnsArgs;
    /**
     * Whether the component creates Route 53 records (alias records for the domain, and the
     * certificate's validation records when it requests one).
     * Set to false to create no records and bring your own certificate (for a requested one with
     * DNS elsewhere, use `dns: "cloudflare"` or `"external"`); then point your DNS at the outputs
     * `targetDomainName` / `hostedZoneId`. A Route 53 setting: with `dns: "cloudflare"` only true is
     * accepted, with `"external"` either value (nothing is created either way).
     * @default true
     */
    createRecords?: boolean;
    /**
     * Route 53 hosted zone id. Takes precedence over `zoneName`.
     * @example "Z0123456789ABCDEFGHIJ"
     */
    zoneId?: pulumi.Input<string>;
    /**
     * Route 53 hosted zone name to look up. The domain must sit in it on whole labels
     * (`api.example.com` is in `example.com`; `api.myexample.com` is not). May be an output (another
     * stack's zone): it only feeds the look-up, and is checked against the domain when it resolves.
     * @default the domain without its first label (`api.example.com` gives `example.com`)
     */
    zoneName?: pulumi.Input<string>;
    /**
     * Look the zone up among private hosted zones instead of public ones.
     * @default false
     */
    privateZone?: boolean;
}

/** Resolves the hosted zone id for a domain, validating the zone name against the domain. */
export function resolveZone(
    component: string,
    domain: string,
    dns: DnsArgs,
    opts: pulumi.InvokeOptions,
    names: readonly string[] = [],
): pulumi.Output<string> {
    if (dns.zoneId !== undefined) return asOutput(dns.zoneId);
    const privateZone = dns.privateZone ?? false;
    if (dns.zoneName === undefined || typeof dns.zoneName === "string") {
        validateZone(component, domain, dns, names);
        const zoneName = dns.zoneName ?? defaultZoneName(withoutWildcard(domain));
        return pulumi.output(aws.route53.getZone({ name: zoneName, privateZone }, opts)).zoneId;
    }
    // A zone name known only at deploy time: checked as it resolves, before the look-up uses it.
    const zoneName = checkWhenKnown(dns.zoneName, (zone) => checkZoneName(component, domain, zone, names));
    return aws.route53.getZoneOutput({ name: zoneName, privateZone }, opts).zoneId;
}

/**
 * Checks zone arguments without registering anything (so validation can run before `super`); a
 * zone name that is an output is checked when it resolves (resolveZone). `names` are further names
 * whose validation records go to the same zone (a certificate's subject alternative names).
 */
export function validateZone(component: string, domain: string, dns: DnsArgs, names: readonly string[] = []): void {
    if (dns.zoneId !== undefined || typeof dns.zoneName !== "string") return;
    checkZoneName(component, domain, dns.zoneName, names);
}

function checkZoneName(component: string, domain: string, zoneName: string, names: readonly string[], argument = "zoneName", zone = "hosted zone"): void {
    const bare = withoutWildcard(domain);
    if (!isInZone(bare, zoneName)) {
        throw new DomainConfigError(component, argument, zoneName,
            `does not contain the domain "${domain}" on whole labels`,
            `pass the ${zone} the domain lives in (a suffix of "${bare}" made of whole labels), or ${argument.replace(/zoneName$/, "zoneId")}`);
    }
    names.forEach((n, i) => {
        if (!isInZone(withoutWildcard(n), zoneName)) {
            throw new DomainConfigError(component, `subjectAlternativeNames[${i}]`, n,
                `is not in the zone "${zoneName}" that holds the validation records`,
                "request names from other zones in a separate Certificate");
        }
    });
}

export interface AliasTarget {
    name: pulumi.Input<string>;
    zoneId: pulumi.Input<string>;
}

/**
 * Route 53 alias records of the given types (A, and AAAA where the target answers on IPv6) for
 * `recordName`. Aliases, unlike a CNAME, work at the zone apex.
 */
export function createAliasRecords(
    name: string,
    recordName: string,
    zoneId: pulumi.Input<string>,
    target: AliasTarget,
    types: ("A" | "AAAA")[],
    opts: pulumi.CustomResourceOptions,
    transform?: Transform<aws.route53.RecordArgs>,
): aws.route53.Record[] {
    return types.map((type) => {
        const childName = `${name}-${type.toLowerCase()}`;
        const [args, o] = applyTransform(transform, childName, {
            zoneId,
            name: recordName,
            type,
            aliases: [{ name: target.name, zoneId: target.zoneId, evaluateTargetHealth: false }],
        } as aws.route53.RecordArgs, opts);
        return new aws.route53.Record(childName, args, o);
    });
}

/** What a component's DNS arguments decided, before anything is registered. */
export interface DnsPlan {
    choice: DnsChoiceName;
    /** With "cloudflare": the record settings (the zone is resolved separately). */
    cloudflare?: { proxied: boolean; ttl: number };
}

/** What the component does with the DNS, for the checks that depend on it. */
export interface DnsContext {
    /** The component creates (or prints) a record for the domain itself, not only validation records. */
    domainRecord: boolean;
    /** The domain asks clients for certificates (mutual TLS): proxying changes who presents them. */
    mutualTls?: boolean;
}

/**
 * Route 53 settings, and the values of them that mean nothing outside Route 53 (a value a
 * YAML or Python user spells out as the default, createRecords true or privateZone false, is
 * accepted). createRecords false is consistent with external DNS (nothing is created either way)
 * and contradicts Cloudflare (whose records the component creates).
 */
const ROUTE53_ONLY: { key: "createRecords" | "zoneId" | "zoneName" | "privateZone"; harmless: (v: unknown, choice: DnsChoiceName) => boolean }[] = [
    { key: "createRecords", harmless: (v, choice) => v === true || (v === false && choice === "external") },
    { key: "zoneId", harmless: () => false },
    { key: "zoneName", harmless: () => false },
    { key: "privateZone", harmless: (v) => v === false },
];

/**
 * Checks the DNS choice and its arguments without registering anything. `names` are the further
 * names whose validation records go to the same zone (a certificate's subject alternative names).
 */
export function validateDns(label: string, domain: string, dns: DnsArgs, names: readonly string[], context: DnsContext): DnsPlan {
    const choice = dns.dns ?? "route53";
    if (!(DNS_CHOICES as readonly string[]).includes(choice)) {
        throw new DomainConfigError(label, "dns", choice, "is not a DNS choice", `use ${DNS_CHOICES.map((c) => `"${c}"`).join(", ")}`);
    }
    if (choice !== "route53") {
        for (const { key, harmless } of ROUTE53_ONLY) {
            if (dns[key] === undefined || harmless(dns[key], choice)) continue;
            throw new DomainConfigError(label, key, dns[key], `is a Route 53 setting, and dns is "${choice}"`,
                choice === "cloudflare"
                    ? (key === "createRecords"
                        ? "drop it; with Cloudflare the component creates the records there (use dns: \"external\" to create them yourself)"
                        : "drop it; name the Cloudflare zone in cloudflare.zoneId or cloudflare.zoneName")
                    : "drop it; with external DNS the component creates no records and outputs them in dnsRecords");
        }
    }
    if (choice !== "cloudflare") {
        if (dns.cloudflare !== undefined) {
            throw new DomainConfigError(label, "cloudflare", dns.cloudflare, `configures Cloudflare records, and dns is "${choice}"`,
                "set dns: \"cloudflare\" to create the records there, or drop cloudflare");
        }
        if (choice === "external" && context.domainRecord) warnIfApex(label, domain);
        return { choice };
    }
    const cf = dns.cloudflare ?? {};
    rejectUnknownArguments(label, cf, CLOUDFLARE_ARGUMENTS, "cloudflare.");
    // The zone looked up (named, or the domain's registrable domain) must hold every validation record.
    if (cf.zoneId === undefined) checkZoneName(label, domain, cf.zoneName ?? cloudflareDefaultZoneName(domain), names, "cloudflare.zoneName", "Cloudflare zone");
    if (cf.proxied !== undefined && typeof cf.proxied !== "boolean") {
        throw new DomainConfigError(label, "cloudflare.proxied", cf.proxied, "is not a boolean", "use true or false");
    }
    const ttl = cf.ttl ?? CLOUDFLARE_TTL_AUTOMATIC;
    const ttlProblem = cloudflareTtlProblem(ttl);
    if (ttlProblem) throw new DomainConfigError(label, "cloudflare.ttl", cf.ttl, ttlProblem.rule, ttlProblem.fix);
    if (cloudflareTtlNeedsEnterprise(ttl)) {
        warnOnce(`${label}: cloudflare.ttl ${ttl} is below ${CLOUDFLARE_TTL_MIN} seconds, which Cloudflare accepts on Enterprise zones only; use 1 (automatic) or 60 and more on other plans`);
    }
    const proxied = cf.proxied ?? CLOUDFLARE_PROXIED_DEFAULT;
    if (proxied && !context.domainRecord) {
        throw new DomainConfigError(label, "cloudflare.proxied", true,
            "would proxy ACM's validation records, the only records this component creates: a proxied name answers with Cloudflare's addresses, not the CNAME ACM looks for, so the certificate would never be issued",
            "drop proxied (validation records are always DNS-only); proxy the record of the domain that serves the certificate instead");
    }
    if (proxied && context.mutualTls) {
        warnOnce(`${label}: cloudflare.proxied with mutualTls: Cloudflare ends the client's TLS at its edge, so API Gateway sees Cloudflare's connection, not the client's certificate; ` +
            "requests fail unless Cloudflare presents a certificate of your truststore to the origin (Authenticated Origin Pulls). Keep the record DNS-only to let clients' certificates reach API Gateway");
    }
    return { choice, cloudflare: { proxied, ttl } };
}

function warnIfApex(label: string, domain: string): void {
    if (isWildcard(domain) || !isRegistrableDomain(domain)) return;
    warnOnce(`${label}: domainName "${domain}" is a zone apex, and a plain CNAME cannot sit at an apex (it holds the zone's SOA and NS records, RFC 1034 3.6.2); ` +
        "create the domain's record in dnsRecords with your DNS's CNAME flattening or ALIAS/ANAME record (Cloudflare flattens the apex on every plan: dns \"cloudflare\"), or keep the apex in Route 53");
}

/** The Cloudflare zone id of the component's records: the given id, or a look-up by name. */
export function resolveCloudflareZone(
    domain: string,
    cf: CloudflareDnsArgs | undefined,
    opts: pulumi.InvokeOptions,
    checkType?: (zoneName: string, type: string) => void,
): pulumi.Output<string> {
    const zoneId = lookUpCloudflareZone(domain, cf, opts, checkType);
    // A domain hands the zone it resolved to its certificate: the certificate keys it as the domain was given it.
    runRecords().zoneOutputs.set(zoneId, cloudflareZoneKey(domain, cf));
    return zoneId;
}

function lookUpCloudflareZone(
    domain: string,
    cf: CloudflareDnsArgs | undefined,
    opts: pulumi.InvokeOptions,
    checkType?: (zoneName: string, type: string) => void,
): pulumi.Output<string> {
    if (cf?.zoneId !== undefined) return asOutput(cf.zoneId);
    const name = cf?.zoneName ?? cloudflareDefaultZoneName(domain);
    const zone = cloudflare.getZoneOutput({ filter: { name } }, opts);
    if (!checkType) return zone.zoneId;
    // A zone looked up is checked as it resolves, before any record uses its id.
    return pulumi.all([zone.zoneId, zone.type]).apply(([id, type]) => {
        checkType(name, type);
        return id;
    });
}

/**
 * The records of one program run that live outside Route 53, by name: a name holds one CNAME
 * (aws/cloudflare.ts), so a second component asking for the same domain record is refused, and
 * certificates of one name share one validation record.
 */
interface RunRecords {
    domainRecords: Map<string, string>;
    /** Names delegated from Cloudflare to a Route 53 zone (MultiRegionDomain), by the component that delegates each. */
    delegations: Map<string, string>;
    validationRecords: Map<string, SharedValidationRecord>;
    /** Keys of Cloudflare zone ids given as outputs (cloudflareZoneKey). */
    zoneOutputs: Map<object, string>;
    /** Warnings given so far: a component's checks run for the domain and again for its certificate. */
    warnings: Set<string>;
}
const recordsByRun = new WeakMap<object, RunRecords>();
const outsideAnyStack = {};

function runRecords(): RunRecords {
    const key: object = pulumi.runtime.getStackResource() ?? outsideAnyStack;
    let found = recordsByRun.get(key);
    if (!found) recordsByRun.set(key, (found = { domainRecords: new Map(), delegations: new Map(), validationRecords: new Map(), zoneOutputs: new Map(), warnings: new Set() }));
    return found;
}

function warnOnce(message: string): void {
    const given = runRecords().warnings;
    if (given.has(message)) return;
    given.add(message);
    pulumi.log.warn(message);
}

/** Claims the domain's CNAME for this component, before anything is registered; a second claim of one name is refused. */
export function claimDomainRecord(label: string, domain: string, plan: DnsPlan): void {
    if (plan.choice !== "cloudflare") return;
    const records = runRecords().domainRecords;
    const owner = records.get(domain);
    if (owner !== undefined && owner !== label) {
        throw new DomainConfigError(label, "domainName", domain,
            `already gets its Cloudflare CNAME from ${owner} in this program, and a name holds one CNAME (Cloudflare refuses the second)`,
            "serve both from one domain component, or give this one another name");
    }
    for (const [delegated, by] of runRecords().delegations) {
        if (by === label || !isInZone(withoutWildcard(domain), delegated)) continue;
        throw new DomainConfigError(label, "domainName", domain,
            `is at or below ${delegated}, which ${by} delegates to a Route 53 zone with NS records in this program: the delegated zone answers for those names, so a Cloudflare record there is never served (and Cloudflare holds no CNAME next to NS records)`,
            "give this component a name outside the delegated one, or serve it from that component");
    }
    records.set(domain, label);
}

/** A Cloudflare validation record shared by the certificates of one name in one zone. */
export interface SharedValidationRecord {
    /** The record's name as created: what the validations wait on. */
    fqdn: pulumi.Output<string>;
    /** The CNAME ACM gave the certificate that created it (name and value), to compare with the others'. */
    name: pulumi.Output<string>;
    value: pulumi.Output<string>;
    /** The component whose certificate asked for it first. */
    owner: string;
}

/**
 * Claims a name delegated from Cloudflare with NS records, before anything is registered: no
 * Cloudflare domain record of another component of the program may sit at or below it (the
 * delegated zone answers there: RFC 1034, 4.2.1), nor another delegation overlap it.
 */
export function claimDelegation(label: string, name: string): void {
    const run = runRecords();
    for (const [domain, owner] of run.domainRecords) {
        if (owner === label || !isInZone(withoutWildcard(domain), name)) continue;
        throw new DomainConfigError(label, "domainName", name,
            `would delegate ${domain}, whose Cloudflare CNAME ${owner} creates in this program: the delegated zone answers for every name at or below ${name}, so that record would never be served (and Cloudflare holds no CNAME next to NS records)`,
            "give this component a name that does not cover the other, or serve that name from this component");
    }
    for (const [other, owner] of run.delegations) {
        if (owner === label || !(isInZone(name, other) || isInZone(other, name))) continue;
        throw new DomainConfigError(label, "domainName", name, `overlaps ${other}, which ${owner} already delegates in this program`,
            "delegate each name once: serve both from one component, or give this one a name outside the other");
    }
    run.delegations.set(name, label);
}

/**
 * The validation record a certificate shares with every other of the same validation name in the
 * same Cloudflare zone in this program, when one exists (`key`: the zone as given and the name):
 * ACM gives them all one CNAME (one account), which Cloudflare holds once.
 */
export function sharedValidationRecord(key: string): SharedValidationRecord | undefined {
    return runRecords().validationRecords.get(key);
}

export function shareValidationRecord(key: string, record: SharedValidationRecord): void {
    runRecords().validationRecords.set(key, record);
}

/**
 * The resource name of a shared validation record: `acm-validation-<name>` for the first zone the
 * name is validated in, so that how the zone is given (id or name) does not rename it; further
 * zones of the same name add `@<zone>`.
 */
export function sharedValidationRecordName(base: string, zone: string): string {
    const inOtherZones = [...runRecords().validationRecords.keys()].some((k) => k.endsWith(`|${base}`) && k !== `${zone}|${base}`);
    return inOtherZones ? `acm-validation-${base}@${zone}` : `acm-validation-${base}`;
}

/**
 * How the Cloudflare zone was given, as a key: its id, or the name looked up. Two components
 * naming one zone differently (an id and a name) are not known to share it. A zone id that is an
 * output is keyed by the output object: pass the same output to components that share a zone.
 */
export function cloudflareZoneKey(domain: string, cf: CloudflareDnsArgs | undefined): string {
    if (typeof cf?.zoneId === "string") return cf.zoneId;
    if (cf?.zoneId !== undefined) {
        const outputs = runRecords().zoneOutputs;
        const id = cf.zoneId as object;
        if (!outputs.has(id)) outputs.set(id, outputs.size === 0 ? "zone-output" : `zone-output-${outputs.size + 1}`);
        return outputs.get(id)!;
    }
    return cf?.zoneName ?? cloudflareDefaultZoneName(domain);
}

/** A CNAME (or the given type) in Cloudflare, never proxied unless `proxied` says so. */
export function createCloudflareRecord(
    childName: string,
    label: string,
    args: { zoneId: pulumi.Input<string>; name: pulumi.Input<string>; value: pulumi.Input<string>; ttl: number; proxied: boolean; purpose: string; type?: string; comment?: string },
    opts: pulumi.CustomResourceOptions,
    transform?: Transform<cloudflare.DnsRecordArgs>,
): cloudflare.DnsRecord {
    const [a, o] = applyTransform(transform, childName, {
        zoneId: args.zoneId,
        name: pulumi.output(args.name).apply(cloudflareName),
        type: args.type ?? THIRD_PARTY_RECORD_TYPE,
        content: pulumi.output(args.value).apply(cloudflareName),
        // A proxied record's TTL is Cloudflare's to choose: it answers "automatic" whatever is sent.
        ttl: args.proxied ? CLOUDFLARE_TTL_AUTOMATIC : args.ttl,
        proxied: args.proxied,
        comment: (args.comment ?? `${args.purpose} (${label})`).slice(0, 100),
    } as cloudflare.DnsRecordArgs, opts);
    if (args.purpose === "certificate validation" && a.proxied !== undefined && a.proxied !== false) {
        throw new DomainConfigError(label, `transform (${childName}).proxied`, a.proxied,
            "would proxy an ACM validation record: a proxied name answers with Cloudflare's addresses, not the CNAME ACM looks for",
            "leave validation records DNS-only");
    }
    return new cloudflare.DnsRecord(childName, a, o);
}

/** The record a domain's DNS must hold outside Route 53: a CNAME to the custom domain's own target. */
export function domainRecordSpec(domain: string, target: pulumi.Input<string>): pulumi.Output<DnsRecordSpec> {
    return pulumi.output(target).apply((t) => ({ name: domain, type: THIRD_PARTY_RECORD_TYPE, value: cloudflareName(t), purpose: "domain" }));
}

/**
 * Logs the records the user must create with `dns: "external"` as soon as they are known, so that
 * they can be created while `pulumi up` waits for the certificate (up to the validation's timeout).
 */
export function announceExternalRecords(parent: pulumi.Resource, label: string, records: pulumi.Output<DnsRecordSpec[]>, what: string): void {
    records.apply((rs) => {
        if (rs.length === 0) return;
        const lines = rs.map((r) => `  ${r.name} ${r.type} ${r.value} (${r.purpose})`).join("\n");
        pulumi.log.info(`${label}: create ${what} in your DNS (dns "external"):\n${lines}` +
            (what.includes("validation") ? `\nACM issues the certificate once they resolve; this update waits for it (up to ${CERTIFICATE_VALIDATION_TIMEOUT_MINUTES} minutes).` : ""), parent);
    });
}

/** A Route 53 provider given to a component whose records go elsewhere is not used: said, not silently dropped. */
export function warnUnusedDnsProvider(label: string, choice: string | undefined, dnsProvider: unknown): void {
    if (dnsProvider === undefined || choice === undefined || choice === "route53") return;
    warnOnce(`${label}: the dnsProvider option is for Route 53, and dns is "${choice}", so it is not used; ` +
        (choice === "cloudflare" ? "Cloudflare records take the cloudflare provider of the component's providers option" : "with external DNS the component creates no records"));
}
