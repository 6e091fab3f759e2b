/**
 * AWS Resource Access Manager principals.
 *
 * Source: AWS RAM API Reference, CreateResourceShare / AssociateResourceShare ("principals": an
 * AWS account ID, "An Amazon Resource Name (ARN) of an organization in AWS Organizations, for
 * example: organizations::123456789012:organization/o-exampleorgid", "An ARN of an
 * organizational unit (OU) in AWS Organizations, for example:
 * organizations::123456789012:ou/o-exampleorgid/ou-examplerootid-exampleouid123", or an IAM
 * role or user ARN); the id formats are AWS Organizations API Reference, "Organization"
 * (`^o-[a-z0-9]{10,32}$`) and "OrganizationalUnit" (`^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$`).
 */
import { ACCOUNT_ID } from "./arn";

const ORGANIZATION = /^arn:aws[a-z-]*:organizations::\d{12}:organization\/o-[a-z0-9]{10,32}$/;
const OU = /^arn:aws[a-z-]*:organizations::\d{12}:ou\/o-[a-z0-9]{10,32}\/ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}$/;

/** True for a principal the component can share with: an account id, an OU ARN or an organization ARN. */
export function isRamPrincipal(value: string): boolean {
    return ACCOUNT_ID.test(value) || ORGANIZATION.test(value) || OU.test(value);
}
