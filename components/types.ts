/**
 * Enumerations shared by the components. They are plain string unions (not TypeScript
 * `enum`s) so they serialize unchanged across languages, and `as const` objects so
 * TypeScript users get completion.
 */

/** Which kind of API Gateway API a mapping targets. */
export const ApiType = { Rest: "rest", Http: "http", WebSocket: "websocket" } as const;
export type ApiType = (typeof ApiType)[keyof typeof ApiType];

/** The endpoint kind of a custom domain name. */
export type EndpointKind = "EDGE" | "REGIONAL" | "PRIVATE";

/** IP address types a regional domain answers on. */
export const IpAddressType = { Ipv4: "ipv4", DualStack: "dualstack" } as const;
export type IpAddressType = (typeof IpAddressType)[keyof typeof IpAddressType];

/** Endpoint access mode, required by (and only valid with) the enhanced `SecurityPolicy_*` policies. */
export const EndpointAccessMode = { Basic: "BASIC", Strict: "STRICT" } as const;
export type EndpointAccessMode = (typeof EndpointAccessMode)[keyof typeof EndpointAccessMode];

/** Enhanced security policies valid on REGIONAL and PRIVATE REST domains. */
export const RegionalEnhancedSecurityPolicies = [
    "SecurityPolicy_TLS13_1_3_2025_09",
    "SecurityPolicy_TLS13_1_3_FIPS_2025_09",
    "SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09",
    "SecurityPolicy_TLS13_1_2_FIPS_PFS_PQ_2025_09",
    "SecurityPolicy_TLS13_1_2_PQ_2025_09",
    "SecurityPolicy_TLS13_1_2_FIPS_PQ_2025_09",
    "SecurityPolicy_TLS13_1_2_2021_06",
] as const;

/** Enhanced security policies valid only on EDGE domains. */
export const EdgeEnhancedSecurityPolicies = [
    "SecurityPolicy_TLS13_2025_EDGE",
    "SecurityPolicy_TLS12_PFS_2025_EDGE",
    "SecurityPolicy_TLS12_2018_EDGE",
] as const;

export type RegionalSecurityPolicy = "TLS_1_2" | (typeof RegionalEnhancedSecurityPolicies)[number];
export type EdgeSecurityPolicy = "TLS_1_2" | (typeof EdgeEnhancedSecurityPolicies)[number];
/**
 * Every security policy this package accepts. `TLS_1_0` is deliberately absent: TLS 1.2 is the floor.
 */
export type SecurityPolicy = RegionalSecurityPolicy | EdgeSecurityPolicy;

/** Managed CloudFront hosted zone id, used by every alias record that points at CloudFront. */
export const CLOUDFRONT_ZONE_ID = "Z2FDTNDATAQYW2";
