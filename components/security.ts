import { DomainConfigError } from "./errors";
import {
    IP_ADDRESS_TYPES, PUBLIC_DOMAIN_DEFAULT_IP_ADDRESS_TYPE, SECURITY_POLICY, mutualTlsProblem, securityPolicyProblem,
} from "../aws/apigateway";
import { isS3ObjectUri } from "../aws/s3";
import { ArgumentNames, rejectUnknownArguments } from "./options";
import { ApiType, EndpointKind, IpAddressType } from "./types";

/**
 * Checks a domain's security policy and endpoint access mode against its endpoint kind and
 * the kinds of API it serves (aws/apigateway.ts). Returns the policy to use (TLS_1_2 when none
 * is given).
 */
export function validateSecurityPolicy(
    label: string,
    kind: EndpointKind,
    policy: string | undefined,
    accessMode: string | undefined,
    apiTypes: ApiType[],
): string {
    const p = policy ?? SECURITY_POLICY.TLS_1_2;
    // AWS accepts TLS_1_0; this package does not (TLS 1.2 is its floor).
    if (p === SECURITY_POLICY.TLS_1_0) {
        throw new DomainConfigError(label, "securityPolicy", p, "allows TLS 1.0; this package accepts TLS 1.2 or better",
            "use \"TLS_1_2\" or an enhanced SecurityPolicy_* policy");
    }
    const found = securityPolicyProblem(kind, p, accessMode, apiTypes);
    if (found) throw new DomainConfigError(label, found.argument, found.value, found.problem.rule, found.problem.fix);
    return p;
}

/** Checks a public domain's IP address type (aws/apigateway.ts); returns it, "ipv4" by default. */
export function validateIpAddressType(label: string, ipAddressType: unknown): IpAddressType {
    if (ipAddressType === undefined) return PUBLIC_DOMAIN_DEFAULT_IP_ADDRESS_TYPE;
    if (typeof ipAddressType !== "string" || !(IP_ADDRESS_TYPES as readonly string[]).includes(ipAddressType)) {
        throw new DomainConfigError(label, "ipAddressType", ipAddressType, "is not an IP address type", `use ${IP_ADDRESS_TYPES.map((t) => `"${t}"`).join(" or ")}`);
    }
    return ipAddressType as IpAddressType;
}

/** Mutual TLS settings for a regional domain. */
export interface MutualTls {
    /**
     * S3 URI of the truststore (PEM bundle of the CAs that sign client certificates).
     * @example "s3://my-truststores/api/truststore.pem"
     */
    truststoreUri: string;
    /**
     * S3 object version of the truststore, to pin it (updating the object then needs a version bump).
     */
    truststoreVersion?: string;
}


const MUTUAL_TLS_ARGUMENTS: ArgumentNames<MutualTls> = { truststoreUri: true, truststoreVersion: true };

/** Checks mutual TLS arguments against the endpoint kind, policy and API kind. */
export function validateMutualTls(
    label: string,
    kind: EndpointKind,
    mtls: MutualTls | undefined,
    policy: string,
    apiTypes: ApiType[],
): void {
    if (mtls === undefined) return;
    rejectUnknownArguments(label, mtls, MUTUAL_TLS_ARGUMENTS, "mutualTls.");
    const fail = (argument: string, value: unknown, rule: string, fix: string): never => {
        throw new DomainConfigError(label, argument, value, rule, fix);
    };
    const found = mutualTlsProblem(kind, policy, apiTypes);
    if (found) fail("mutualTls", mtls, found.rule, found.fix);
    if (typeof mtls.truststoreUri !== "string" || !isS3ObjectUri(mtls.truststoreUri)) {
        fail("mutualTls.truststoreUri", mtls.truststoreUri, "is not an s3://bucket/key URI",
            "upload the truststore PEM to S3 and pass its URI, e.g. \"s3://my-bucket/truststore.pem\"");
    }
}
