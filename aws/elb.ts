/**
 * Elastic Load Balancing facts: listener TLS policies.
 */
import { TlsVersion } from "./tls";

/**
 * The TLS floor of an Elastic Load Balancing listener policy. Source: Elastic Load Balancing
 * User Guide for Application Load Balancers, "Security policies for your Application Load
 * Balancer": the TLS 1.3 policies are named `ELBSecurityPolicy-TLS13-1-x-...`, the TLS 1.2 ones
 * `...-TLS-1-2-...` or `...-FS-1-2-...`; the older `ELBSecurityPolicy-2016-08`, `-2015-05` and
 * `ELBSecurityPolicy-FS-2018-06` accept TLS 1.0.
 */
export function elbPolicyMinimum(policy: string): TlsVersion | undefined {
    const explicit = /-(?:TLS13|TLS|FS)-1-([0-3])(-|$)/.exec(policy);
    if (explicit) return 1 + Number(explicit[1]) / 10;
    if (/^ELBSecurityPolicy-(\d{4}-\d{2}|FS-\d{4}-\d{2})$/.test(policy)) return 1.0;
    return undefined;
}

/**
 * A listener policy whose minimum is TLS 1.2 or 1.3 carries it in its name (same page).
 */
export function isModernElbPolicy(policy: string): boolean {
    return /^ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)(-|$)/.test(policy);
}
