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
     * Provider for Route 53 (records and zone look-up), e.g. DNS in another account.
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

/** True when the program chose the component's providers (so the stack's `aws:region` may not apply). */
export function hasExplicitProvider(opts: pulumi.ComponentResourceOptions): boolean {
    const { provider, providers } = opts;
    if (provider !== undefined) return true;
    if (providers === undefined) return false;
    // A component built for another language always gets a providers map, often empty.
    return Array.isArray(providers) ? providers.length > 0 : Object.keys(providers).length > 0;
}
