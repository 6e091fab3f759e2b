import { DomainConfigError } from "./errors";
import { ApiType, EdgeSecurityPolicy, EndpointKind, RegionalSecurityPolicy } from "./types";

/** True for the enhanced `SecurityPolicy_*` policies. */
export function isEnhancedPolicy(policy: string): boolean {
    return policy.startsWith("SecurityPolicy_");
}

const edgeEnhanced: readonly string[] = Object.values(EdgeSecurityPolicy).filter(isEnhancedPolicy);
const regionalEnhanced: readonly string[] = Object.values(RegionalSecurityPolicy).filter(isEnhancedPolicy);

/**
 * Checks a domain's security policy and endpoint access mode against its endpoint kind and
 * the kinds of API it serves. Returns the policy to use (TLS_1_2 when none is given).
 */
export function validateSecurityPolicy(
    label: string,
    kind: EndpointKind,
    policy: string | undefined,
    accessMode: string | undefined,
    apiTypes: ApiType[],
): string {
    const p = policy ?? "TLS_1_2";
    const fail = (argument: string, value: unknown, rule: string, fix: string): never => {
        throw new DomainConfigError(label, argument, value, rule, fix);
    };
    if (p === "TLS_1_0") {
        fail("securityPolicy", p, "allows TLS 1.0; this package accepts TLS 1.2 or better", "use \"TLS_1_2\" or an enhanced SecurityPolicy_* policy");
    }
    if (p !== "TLS_1_2" && !edgeEnhanced.includes(p) && !regionalEnhanced.includes(p)) {
        fail("securityPolicy", p, "is not a security policy API Gateway knows",
            `use "TLS_1_2" or one of ${kind === "EDGE" ? edgeEnhanced.join(", ") : regionalEnhanced.join(", ")}`);
    }
    if (kind === "EDGE" && regionalEnhanced.includes(p)) {
        fail("securityPolicy", p, "is for regional and private domains, not edge-optimized ones",
            `use an edge policy (${edgeEnhanced.join(", ")}) or "TLS_1_2"`);
    }
    if (kind !== "EDGE" && edgeEnhanced.includes(p)) {
        fail("securityPolicy", p, `is only valid on edge-optimized domains, and this domain is ${kind}`,
            `use a regional policy (${regionalEnhanced.join(", ")}) or "TLS_1_2"`);
    }
    const enhanced = isEnhancedPolicy(p);
    if (enhanced && accessMode === undefined) {
        fail("endpointAccessMode", accessMode, `is required with the enhanced security policy "${p}"`,
            "set endpointAccessMode to \"STRICT\" (recommended) or \"BASIC\"");
    }
    if (!enhanced && accessMode !== undefined) {
        fail("endpointAccessMode", accessMode, `is only valid with an enhanced SecurityPolicy_* policy, not "${p}"`,
            "remove endpointAccessMode, or choose an enhanced security policy");
    }
    if (accessMode !== undefined && accessMode !== "BASIC" && accessMode !== "STRICT") {
        fail("endpointAccessMode", accessMode, "is not an endpoint access mode", "use \"STRICT\" or \"BASIC\"");
    }
    const nonRest = apiTypes.find((t) => t !== "rest");
    if (enhanced && nonRest !== undefined) {
        fail("securityPolicy", p, `cannot serve ${nonRest === "http" ? "an HTTP" : "a WebSocket"} API: enhanced policies are for REST APIs only`,
            "use \"TLS_1_2\" for domains that serve HTTP or WebSocket APIs");
    }
    return p;
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

const S3_URI = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/.+$/;

/** Checks mutual TLS arguments against the endpoint kind, policy and API kind. */
export function validateMutualTls(
    label: string,
    kind: EndpointKind,
    mtls: MutualTls | undefined,
    policy: string,
    apiTypes: ApiType[],
): void {
    if (mtls === undefined) return;
    const fail = (argument: string, value: unknown, rule: string, fix: string): never => {
        throw new DomainConfigError(label, argument, value, rule, fix);
    };
    if (kind !== "REGIONAL") {
        fail("mutualTls", mtls, `is only available on regional domains, and this domain is ${kind}`,
            "use a RegionalDomain (or a CloudFrontDomain, whose origin is regional) for mutual TLS");
    }
    if (isEnhancedPolicy(policy)) {
        fail("mutualTls", mtls, `cannot be combined with the enhanced security policy "${policy}"`,
            "use securityPolicy \"TLS_1_2\" with mutual TLS");
    }
    if (apiTypes.includes("websocket")) {
        fail("mutualTls", mtls, "is not supported for WebSocket APIs", "remove mutualTls, or serve REST or HTTP APIs");
    }
    if (typeof mtls.truststoreUri !== "string" || !S3_URI.test(mtls.truststoreUri)) {
        fail("mutualTls.truststoreUri", mtls.truststoreUri, "is not an s3://bucket/key URI",
            "upload the truststore PEM to S3 and pass its URI, e.g. \"s3://my-bucket/truststore.pem\"");
    }
}
