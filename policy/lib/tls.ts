// Minimum TLS versions of the security policies API Gateway, CloudFront and Elastic Load Balancing
// accept, read from the policy names (each service encodes the floor in the name).

/** A TLS version as a comparable number: 1.0, 1.1, 1.2, 1.3 (SSLv3 is 0.3). */
export type TlsVersion = number;

export const TLS_1_2: TlsVersion = 1.2;

/**
 * API Gateway domain security policies: the legacy `TLS_1_0` / `TLS_1_2`, and the enhanced
 * `SecurityPolicy_*` family (`SecurityPolicy_TLS13_1_3_2025_09`, `SecurityPolicy_TLS12_2018_EDGE`,
 * ...), whose names give the floor as `TLS13_1_x` or `TLS12`.
 */
export function apiGatewayPolicyMinimum(policy: string): TlsVersion | undefined {
    if (policy === "TLS_1_0") {
        return 1.0;
    }
    if (policy === "TLS_1_2") {
        return 1.2;
    }
    const floor = /^SecurityPolicy_TLS13_1_([0-3])(_|$)/.exec(policy);
    if (floor) {
        return 1 + Number(floor[1]) / 10;
    }
    if (/^SecurityPolicy_TLS13_/.test(policy)) {
        return 1.3;
    }
    if (/^SecurityPolicy_TLS12_/.test(policy)) {
        return 1.2;
    }
    return undefined;
}

/** Enhanced API Gateway policies (`SecurityPolicy_*`) need an endpoint access mode and rule out mTLS. */
export function isEnhancedApiGatewayPolicy(policy: string): boolean {
    return policy.startsWith("SecurityPolicy_");
}

/** Enhanced policies ending in `_EDGE` exist only for edge-optimized endpoints, the others only for regional and private ones. */
export function isEdgeOnlyApiGatewayPolicy(policy: string): boolean {
    return isEnhancedApiGatewayPolicy(policy) && policy.endsWith("_EDGE");
}

/**
 * CloudFront protocol names: viewer policies (`SSLv3`, `TLSv1`, `TLSv1_2016`, `TLSv1.1_2016`,
 * `TLSv1.2_2021`, `TLSv1.3_2025`, ...) and origin SSL protocols (`SSLv3`, `TLSv1`, `TLSv1.1`, `TLSv1.2`).
 */
export function cloudFrontTlsVersion(version: string): TlsVersion | undefined {
    if (version === "SSLv3") {
        return 0.3;
    }
    const match = /^TLSv1(?:\.([0-3]))?(_|$)/.exec(version);
    if (!match) {
        return undefined;
    }
    return 1 + Number(match[1] ?? "0") / 10;
}

/**
 * Elastic Load Balancing listener policies. The floor is in the name (`TLS13-1-2-...`, `TLS-1-2-...`,
 * `FS-1-2-...`); the older names without it (`ELBSecurityPolicy-2016-08`, `-2015-05`,
 * `ELBSecurityPolicy-FS-2018-06`) accept TLS 1.0.
 */
export function elbPolicyMinimum(policy: string): TlsVersion | undefined {
    const explicit = /-(?:TLS13|TLS|FS)-1-([0-3])(-|$)/.exec(policy);
    if (explicit) {
        return 1 + Number(explicit[1]) / 10;
    }
    if (/^ELBSecurityPolicy-(\d{4}-\d{2}|FS-\d{4}-\d{2})$/.test(policy)) {
        return 1.0;
    }
    return undefined;
}

/** Formats a TLS version for messages. */
export function formatTls(version: TlsVersion): string {
    return version < 1 ? "SSLv3" : `TLS ${version.toFixed(1)}`;
}
