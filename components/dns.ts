import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { asOutput } from "./component";
import { checkWhenKnown } from "./deploy-time";
import { DomainConfigError } from "./errors";
import { defaultZoneName, isInZone, withoutWildcard } from "../aws/dns";
import { Transform, applyTransform } from "./transform";

/** Where a component's DNS records go. Plain data so it crosses languages. */
export interface DnsArgs {
    /**
     * Whether the component creates Route 53 records (alias records for the domain, and the
     * certificate's validation records when it requests one).
     * Set to false when DNS is hosted elsewhere; then point your DNS at the outputs
     * `targetDomainName` / `hostedZoneId`.
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

function checkZoneName(component: string, domain: string, zoneName: string, names: readonly string[]): void {
    const bare = withoutWildcard(domain);
    if (!isInZone(bare, zoneName)) {
        throw new DomainConfigError(component, "zoneName", zoneName,
            `does not contain the domain "${domain}" on whole labels`,
            `pass the hosted zone the domain lives in (a suffix of "${bare}" made of whole labels), or zoneId`);
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
