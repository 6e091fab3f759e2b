/**
 * DNS names as Route 53, API Gateway and ACM take them.
 *
 * Sources: Route 53 Developer Guide, "DNS domain name format" ("Each label can be up to 63
 * characters long", "the total length of a domain name can't exceed 255 bytes, including the
 * dots" in wire format, which is 253 characters in text form); API Gateway CreateDomainName
 * (a custom domain name is a DNS name; "wildcard custom domain names" are `*` as the first
 * label); Route 53 Developer Guide, "Using an asterisk (*) in the names of hosted zones and
 * records" (`*` only as the leftmost label); internationalized names go to Route 53 and ACM in
 * their punycode form (`xn--...`), which the label rule accepts.
 */
import { getDomain, getPublicSuffix } from "tldts";
import { Problem, problem } from "./problem";

/** A label of letters, digits and inner hyphens (LDH), 1-63 characters, lowercase. */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Why a custom domain name is not one API Gateway and Route 53 take in its canonical form,
 * or undefined: lowercase letters, digits and hyphens, labels of 1-63 characters, 253
 * characters in all, at least two labels, and `*` only as the whole first label.
 */
export function domainNameProblem(name: unknown): Problem | undefined {
    if (typeof name !== "string" || name.length === 0) {
        return problem("is not a domain name", "pass a fully qualified name such as \"api.example.com\"");
    }
    if (name !== name.toLowerCase()) {
        return problem("has uppercase letters; API Gateway and ACM store names in lowercase", `use "${name.toLowerCase()}"`);
    }
    if (name.endsWith(".")) return problem("ends with a dot", `drop the trailing dot: "${name.replace(/\.+$/, "")}"`);
    if (name.length > 253) return problem(`is ${name.length} characters long; a domain name has at most 253`, "use a shorter name");
    const labels = name.split(".");
    if (labels.length < 2) return problem("has a single label", "use a fully qualified name such as \"api.example.com\"");
    for (const [i, label] of labels.entries()) {
        if (label === "*") {
            if (i !== 0) return problem("has \"*\" in a label other than the first", "a wildcard must be the whole first label, as in \"*.example.com\"");
            continue;
        }
        if (label.includes("*")) {
            return problem(`has "*" inside the label "${label}"`, "a wildcard must be the whole first label, as in \"*.example.com\"");
        }
        if (label.length === 0) return problem("has an empty label (two dots in a row, or a leading dot)", "remove the extra dot");
        if (label.length > 63) return problem(`has the label "${label}" of ${label.length} characters; labels have at most 63`, "shorten that label");
        if (!LABEL.test(label)) {
            return problem(`has the label "${label}" with characters other than a-z, 0-9 and inner hyphens`,
                "use only lowercase letters, digits and hyphens, not at the start or end of a label");
        }
    }
    return undefined;
}

/**
 * A hosted zone's comment has at most 256 characters. Source: Route 53 API Reference,
 * "HostedZoneConfig", Comment ("Length Constraints: Maximum length of 256").
 */
export const HOSTED_ZONE_COMMENT_MAX_LENGTH = 256;

/** True when `name` is a wildcard name (`*.example.com`). */
export function isWildcard(name: string): boolean {
    return name.startsWith("*.");
}

/** The name without a leading wildcard label. */
export function withoutWildcard(name: string): string {
    return name.replace(/^\*\./, "");
}

/** True when `name` equals `zone` or sits below it on whole labels (so `mydomain.com` is not in `domain.com`). */
export function isInZone(name: string, zone: string): boolean {
    const z = zone.replace(/\.$/, "").toLowerCase();
    const n = name.replace(/\.$/, "").toLowerCase();
    return n === z || n.endsWith("." + z);
}

/**
 * The public suffix of a name (`co.uk` for `api.example.co.uk`). Source: the Public Suffix List
 * (publicsuffix.org, ICANN section, as the maintained `tldts` package ships it): a public suffix
 * is one "under which Internet users can directly register names", so the zone a user holds is
 * at least one label below it (the registrable domain), never the suffix itself.
 */
export function publicSuffix(name: string): string | undefined {
    return getPublicSuffix(withoutWildcard(name)) ?? undefined;
}

/** True when the name is itself a public suffix (`com`, `co.uk`). */
export function isPublicSuffix(name: string): boolean {
    const bare = withoutWildcard(name).replace(/\.$/, "").toLowerCase();
    return publicSuffix(bare) === bare;
}

/**
 * The zone name a domain most likely lives in when the user names none: the domain without its
 * first label, but never a public suffix: a name that is itself a registrable domain
 * (`example.co.uk`, `example.com`) is the apex of its own zone. So `api.example.co.uk` gives
 * `example.co.uk`, and `example.co.uk` gives `example.co.uk` (not `co.uk`).
 */
export function defaultZoneName(domain: string): string {
    const name = withoutWildcard(domain);
    const registrable = getDomain(name);
    if (registrable === null || registrable === name) return name;
    return name.split(".").slice(1).join(".");
}

/**
 * The registrable domain of a name, one label below its public suffix (`example.co.uk` for
 * `*.api.example.co.uk`); undefined for a public suffix itself or a name the list does not know.
 */
export function registrableDomain(name: string): string | undefined {
    return getDomain(withoutWildcard(name).replace(/\.$/, "").toLowerCase()) ?? undefined;
}

/** True when a name is certainly a zone apex: its own registrable domain (`example.com`, `example.co.uk`). */
export function isRegistrableDomain(name: string): boolean {
    const bare = name.replace(/\.$/, "").toLowerCase();
    return registrableDomain(bare) === bare;
}

/**
 * Whether a host matches a pattern: an exact name, or `*.suffix` for any single label in front of
 * the suffix. Source: ACM User Guide, "ACM certificate characteristics" ("the asterisk (*) ...
 * protects only one subdomain level"); Route 53 Developer Guide, wildcard records.
 */
export function hostMatches(host: string, pattern: string): boolean {
    const p = pattern.trim().toLowerCase().replace(/\.$/, "");
    if (p.startsWith("*.")) {
        const suffix = p.slice(1);
        if (!host.endsWith(suffix)) return false;
        const head = host.slice(0, host.length - suffix.length);
        return head.length > 0 && !head.includes(".");
    }
    return host === p;
}
