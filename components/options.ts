/**
 * The TypeScript-only resource options of the components, and the line between them and the
 * arguments.
 *
 * Arguments are plain data, so that every language can pass them (`pulumi package add`
 * generates the other SDKs from them). A provider object or a transform callback cannot cross
 * languages, so they are resource options here, next to Pulumi's own `provider` and
 * `transforms`, in the constructor's third parameter. Programs in other languages use the
 * standard options instead: one AWS provider through `providers` (the components set `region`
 * on each regional resource, so it serves the us-east-1 certificate too) and `transforms` to
 * reach the children (README, "Using the components").
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { DomainConfigError } from "./errors";

/** Resource options of the domain components: Pulumi's own, plus providers for parts of the topology. */
export interface DomainOptions extends pulumi.ComponentResourceOptions {
    /**
     * Provider for the certificate the component requests, e.g. another account. Its region
     * is set on the certificate either way (us-east-1 wherever CloudFront reads it).
     * TypeScript only: other languages pass one provider in `providers`.
     * @default the component's provider
     */
    certificateProvider?: aws.Provider;
    /**
     * Provider for Route 53 (records and zone look-up), e.g. DNS in another account. Not for
     * Cloudflare: its records take the `cloudflare` provider of the component's `providers`.
     * TypeScript only: other languages set `createRecords: false` and create the records from
     * the outputs `targetDomainName` and `hostedZoneId` with their DNS provider.
     * @default the component's provider
     */
    dnsProvider?: aws.Provider;
}

/** Options that are ours, not Pulumi's: never handed to the engine. */
const OWN_OPTIONS = ["transform", "certificateProvider", "apiCertificateProvider", "dnsProvider"] as const;

/** Pulumi's resource options alone, for the component's own registration. */
export function standardOptions(opts: pulumi.ComponentResourceOptions): pulumi.ComponentResourceOptions {
    const standard: Record<string, unknown> = { ...opts };
    for (const key of OWN_OPTIONS) delete standard[key];
    return standard as pulumi.ComponentResourceOptions;
}

/**
 * Refuses a provider or transform given among the arguments (a spread object escapes
 * TypeScript's excess-property check): ignoring it would put resources in the wrong account.
 */
export function rejectOptionsInArgs(label: string, args: object): void {
    const given = args as Record<string, unknown>;
    const found = OWN_OPTIONS.find((key) => given[key] !== undefined);
    if (found !== undefined) {
        const value = found === "transform" && typeof given[found] === "object" ? Object.keys(given[found] as object) : given[found];
        throw new DomainConfigError(label, found, value, "is a resource option, not an argument",
            `pass it in the third constructor parameter, next to provider: new ${label.split(" ")[0]}(name, args, { ${found} })`);
    }
}

/**
 * The argument names an argument type declares, as an object the compiler holds complete (every
 * key of `T`, nothing else): `const ARGS: ArgumentNames<EdgeDomainArgs> = { domainName: true, ... }`.
 */
export type ArgumentNames<T> = { readonly [K in keyof Required<T>]: true };

/**
 * Refuses an argument the component does not declare (a typo, or an argument of another
 * component), the same way in every component: silently dropping it would deploy something other
 * than what the program says. `where` prefixes nested arguments (`mappings[0].`). Arguments set to
 * undefined are ignored (other languages send every schema property, unset ones as undefined).
 */
export function rejectUnknownArguments(label: string, args: unknown, known: ArgumentNames<object>, where = ""): void {
    if (args === null || typeof args !== "object" || Array.isArray(args)) return;
    const names = Object.keys(known);
    for (const [key, value] of Object.entries(args as Record<string, unknown>)) {
        if (value === undefined || names.includes(key) || (where === "" && (OWN_OPTIONS as readonly string[]).includes(key))) continue;
        const close = names.find((n) => n.toLowerCase() === key.toLowerCase()) ?? names.find((n) => editDistance(n, key) <= 2);
        const owner = where === "" ? `of ${label.split(" ")[0]}` : `of ${where.replace(/\.$/, "")}`;
        throw new DomainConfigError(label, `${where}${key}`, value, `is not an argument ${owner}`,
            close !== undefined ? `did you mean "${close}"?` : `remove it (the arguments are ${names.join(", ")})`);
    }
}

/** Levenshtein distance, for "did you mean" on misspelt argument names. */
function editDistance(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
            diagonal = above;
        }
    }
    return row[b.length];
}

/** True when the program chose the component's providers (so the stack's `aws:region` may not apply). */
export function hasExplicitProvider(opts: pulumi.ComponentResourceOptions): boolean {
    const { provider, providers } = opts;
    if (provider !== undefined) return true;
    if (providers === undefined) return false;
    // A component built for another language always gets a providers map, often empty.
    return Array.isArray(providers) ? providers.length > 0 : Object.keys(providers).length > 0;
}
