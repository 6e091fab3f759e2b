/**
 * Enumerations shared by the components. Each is an `as const` object and a type of the same
 * name, the one enum form (besides TypeScript `enum`) that Pulumi's component analyzer turns
 * into a schema enum, so other languages get the same named values; TypeScript users get
 * completion and may still write the plain strings. The analyzer takes only literal values, so
 * the AWS names here are written out; tests/aws/enums.test.ts holds each to the rulebook (aws/),
 * which says where it is documented.
 */
import { EndpointType } from "../aws/apigateway";

/** Which kind of API Gateway API a mapping targets. */
export const ApiType = {
    /** A REST API (`apigateway.RestApi`). */
    Rest: "rest",
    /** An HTTP API (`apigatewayv2.Api` with protocol HTTP). */
    Http: "http",
    /** A WebSocket API (`apigatewayv2.Api` with protocol WEBSOCKET). */
    WebSocket: "websocket",
} as const;
export type ApiType = (typeof ApiType)[keyof typeof ApiType];

/** The endpoint kind of a custom domain name. */
export type EndpointKind = EndpointType;

/** IP address types a regional domain answers on. */
export const IpAddressType = {
    /** IPv4 only. */
    Ipv4: "ipv4",
    /** IPv4 and IPv6 (adds an AAAA alias record). */
    DualStack: "dualstack",
} as const;
export type IpAddressType = (typeof IpAddressType)[keyof typeof IpAddressType];

/** Endpoint access mode, required by (and only valid with) the enhanced `SecurityPolicy_*` policies. */
export const EndpointAccessMode = {
    /** The domain also answers requests whose SNI or Host does not match it. */
    Basic: "BASIC",
    /** The domain answers only requests whose SNI and Host match it (recommended). */
    Strict: "STRICT",
} as const;
export type EndpointAccessMode = (typeof EndpointAccessMode)[keyof typeof EndpointAccessMode];

/**
 * TLS security policies of regional and private custom domains. `TLS_1_0` is deliberately
 * absent: TLS 1.2 is the floor. The enhanced `SecurityPolicy_*` policies serve REST APIs only,
 * need `endpointAccessMode`, and cannot be combined with mutual TLS.
 */
export const RegionalSecurityPolicy = {
    /** TLS 1.2 and later: the default, and the only policy for HTTP and WebSocket APIs and multi-level mappings. */
    TLS_1_2: "TLS_1_2",
    /** TLS 1.3 only. */
    TLS13_1_3_2025_09: "SecurityPolicy_TLS13_1_3_2025_09",
    /** TLS 1.3 only, FIPS-validated ciphers. */
    TLS13_1_3_FIPS_2025_09: "SecurityPolicy_TLS13_1_3_FIPS_2025_09",
    /** TLS 1.3 and 1.2, forward-secret ciphers only, post-quantum key exchange. */
    TLS13_1_2_PFS_PQ_2025_09: "SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09",
    /** TLS 1.3 and 1.2, FIPS-validated forward-secret ciphers, post-quantum key exchange. */
    TLS13_1_2_FIPS_PFS_PQ_2025_09: "SecurityPolicy_TLS13_1_2_FIPS_PFS_PQ_2025_09",
    /** TLS 1.3 and 1.2, post-quantum key exchange. */
    TLS13_1_2_PQ_2025_09: "SecurityPolicy_TLS13_1_2_PQ_2025_09",
    /** TLS 1.3 and 1.2, FIPS-validated ciphers, post-quantum key exchange. */
    TLS13_1_2_FIPS_PQ_2025_09: "SecurityPolicy_TLS13_1_2_FIPS_PQ_2025_09",
    /** TLS 1.3 and 1.2 (2021 cipher suites). */
    TLS13_1_2_2021_06: "SecurityPolicy_TLS13_1_2_2021_06",
} as const;
export type RegionalSecurityPolicy = (typeof RegionalSecurityPolicy)[keyof typeof RegionalSecurityPolicy];

/**
 * TLS security policies of edge-optimized domains. The enhanced `SecurityPolicy_*_EDGE`
 * policies need `endpointAccessMode`.
 */
export const EdgeSecurityPolicy = {
    /** TLS 1.2 and later: the default. */
    TLS_1_2: "TLS_1_2",
    /** Enhanced edge policy with TLS 1.3 (2025 cipher suites). */
    TLS13_2025_EDGE: "SecurityPolicy_TLS13_2025_EDGE",
    /** Enhanced edge policy, TLS 1.2 and later with forward-secret ciphers only (2025). */
    TLS12_PFS_2025_EDGE: "SecurityPolicy_TLS12_PFS_2025_EDGE",
    /** Enhanced edge policy, TLS 1.2 and later (2018 cipher suites). */
    TLS12_2018_EDGE: "SecurityPolicy_TLS12_2018_EDGE",
} as const;
export type EdgeSecurityPolicy = (typeof EdgeSecurityPolicy)[keyof typeof EdgeSecurityPolicy];

/** Every security policy this package accepts. */
export type SecurityPolicy = RegionalSecurityPolicy | EdgeSecurityPolicy;

/** Managed CloudFront hosted zone id, used by every alias record that points at CloudFront. */
export { CLOUDFRONT_ZONE_ID } from "../aws/cloudfront";
