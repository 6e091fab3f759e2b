import { DomainConfigError } from "./errors";

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Checks a custom domain name the way API Gateway and Route 53 will: lowercase letters,
 * digits and hyphens, labels of 1-63 characters, 253 characters in all, at least two
 * labels, and `*` only as the whole first label.
 */
export function validateDomainName(component: string, argument: string, name: unknown): string {
    const fail = (rule: string, fix: string): never => {
        throw new DomainConfigError(component, argument, name, rule, fix);
    };
    if (typeof name !== "string" || name.length === 0) {
        return fail("is not a domain name", "pass a fully qualified name such as \"api.example.com\"");
    }
    if (name !== name.toLowerCase()) {
        fail("has uppercase letters; API Gateway and ACM store names in lowercase", `use "${name.toLowerCase()}"`);
    }
    if (name.endsWith(".")) {
        fail("ends with a dot", `drop the trailing dot: "${name.replace(/\.+$/, "")}"`);
    }
    if (name.length > 253) {
        fail(`is ${name.length} characters long; a domain name has at most 253`, "use a shorter name");
    }
    const labels = name.split(".");
    if (labels.length < 2) {
        fail("has a single label", "use a fully qualified name such as \"api.example.com\"");
    }
    labels.forEach((label, i) => {
        if (label === "*") {
            if (i !== 0) fail("has \"*\" in a label other than the first", "a wildcard must be the whole first label, as in \"*.example.com\"");
            return;
        }
        if (label.includes("*")) {
            fail(`has "*" inside the label "${label}"`, "a wildcard must be the whole first label, as in \"*.example.com\"");
        }
        if (label.length === 0) fail("has an empty label (two dots in a row, or a leading dot)", "remove the extra dot");
        if (label.length > 63) fail(`has the label "${label}" of ${label.length} characters; labels have at most 63`, "shorten that label");
        if (!LABEL.test(label)) {
            fail(`has the label "${label}" with characters other than a-z, 0-9 and inner hyphens`, "use only lowercase letters, digits and hyphens, not at the start or end of a label");
        }
    });
    return name;
}

/** True when `name` is a wildcard name (`*.example.com`). */
export function isWildcard(name: string): boolean {
    return name.startsWith("*.");
}

/** True when `name` equals `zone` or sits below it on whole labels (so `mydomain.com` is not in `domain.com`). */
export function isInZone(name: string, zone: string): boolean {
    const z = zone.replace(/\.$/, "").toLowerCase();
    const n = name.replace(/\.$/, "").toLowerCase();
    return n === z || n.endsWith("." + z);
}

/**
 * The zone name a domain most likely lives in when the user names none: the domain without
 * its first label, unless that would leave a single label (then the domain itself, an apex).
 */
export function defaultZoneName(domain: string): string {
    const labels = domain.split(".");
    return labels.length > 2 ? labels.slice(1).join(".") : domain;
}

const KEY_SEGMENT = /^[A-Za-z0-9$\-_.+!*'()]+$/;

/**
 * Checks a base path / API mapping key: letters, digits and `$-_.+!*'()`, separated by single
 * slashes, no leading or trailing slash. The empty key maps the root. Returns the number of
 * levels (0 for the root).
 */
export function validateMappingKey(component: string, argument: string, key: unknown): number {
    if (key === undefined || key === "") return 0;
    const fail = (rule: string, fix: string): never => {
        throw new DomainConfigError(component, argument, key, rule, fix);
    };
    if (typeof key !== "string") return fail("is not a string", "pass a path such as \"v1\" or \"v1/orders\", or \"\" for the root");
    if (key.startsWith("/")) fail("starts with \"/\"", `drop the leading slash: "${key.replace(/^\/+/, "")}"`);
    if (key.endsWith("/")) fail("ends with \"/\"", `drop the trailing slash: "${key.replace(/\/+$/, "")}"`);
    if (key.includes("//")) fail("has an empty level (\"//\")", `use single slashes: "${key.replace(/\/{2,}/g, "/")}"`);
    const segments = key.split("/");
    for (const s of segments) {
        if (!KEY_SEGMENT.test(s)) {
            fail(`has the level "${s}" with characters API Gateway does not accept in a mapping key`, "use only letters, digits and $-_.+!*'() between slashes");
        }
    }
    return segments.length;
}
