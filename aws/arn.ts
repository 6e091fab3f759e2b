/**
 * Amazon Resource Names.
 *
 * Source: AWS Identity and Access Management User Guide, "IAM identifiers" / AWS General
 * Reference, "Amazon Resource Names (ARNs)": an ARN is
 * `arn:partition:service:region:account-id:resource`, the region and account fields are empty
 * for resources of global services, and the resource part may itself contain colons.
 */
import { isRegionCode } from "./regions";

/** Parts of an Amazon Resource Name. */
export interface Arn {
    readonly partition: string;
    readonly service: string;
    readonly region: string;
    readonly account: string;
    readonly resource: string;
}

/** Parses `arn:partition:service:region:account:resource`; undefined when the text is not an ARN. */
export function parseArn(value: string): Arn | undefined {
    const parts = value.split(":");
    if (parts.length < 6 || parts[0] !== "arn" || !parts[1] || !parts[2]) return undefined;
    return {
        partition: parts[1],
        service: parts[2],
        region: parts[3],
        account: parts[4],
        resource: parts.slice(5).join(":"),
    };
}

/** The region field of an ARN (`arn:aws:acm:eu-west-1:...` gives `eu-west-1`); undefined when empty or not an ARN. */
export function arnRegion(arn: string): string | undefined {
    return parseArn(arn)?.region || undefined;
}

/**
 * An AWS account id is twelve digits (AWS Account Management Reference Guide, "View AWS
 * account identifiers": "The AWS account ID is a 12-digit number").
 */
export const ACCOUNT_ID = /^\d{12}$/;

/** True for an account id. */
export function isAccountId(value: string): boolean {
    return ACCOUNT_ID.test(value);
}

/** The account field of an ARN when it is an account id (a role's `arn:aws:iam::123456789012:role/x`), else undefined. */
export function arnAccount(arn: string | undefined): string | undefined {
    const account = parseArn(arn ?? "")?.account;
    return account !== undefined && isAccountId(account) ? account : undefined;
}

/**
 * ACM certificate ARNs: `arn:{partition}:acm:{region}:{account}:certificate/{id}` (AWS
 * Certificate Manager User Guide, "ACM certificate characteristics" / the RequestCertificate
 * response's CertificateArn, e.g. `arn:aws:acm:us-east-1:123456789012:certificate/...`).
 */
export function isAcmCertificateArn(value: string): boolean {
    const arn = parseArn(value);
    return arn !== undefined && arn.service === "acm" && isRegionCode(arn.region)
        && ACCOUNT_ID.test(arn.account) && /^certificate\/[^/]+$/.test(arn.resource);
}
