/**
 * Enumerations shared by the components. Each is an `as const` object and a type of the same
 * name, the one enum form (besides TypeScript `enum`) that Pulumi's component analyzer turns
 * into a schema enum, so other languages get the same named values; TypeScript users get
 * completion and may still write the plain strings. Enumerations of AWS's names (the security
 * policies) are declared in the rulebook (aws/) and re-exported here.
 */
import { EdgeSecurityPolicy, EndpointType, RegionalSecurityPolicy } from "../aws/apigateway";

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

/** The endpoint type of an existing custom domain name, as its owner reports it (`endpointType` output). */
export const DomainEndpointType = {
    /** Edge-optimized: served by a CloudFront distribution API Gateway manages; REST APIs only. */
    Edge: "EDGE",
    /** Regional: REST, HTTP or WebSocket APIs; the only type that takes multi-level keys. */
    Regional: "REGIONAL",
    /** Private: private REST APIs, reached through execute-api VPC endpoints; addressed by `domainNameId`. */
    Private: "PRIVATE",
} as const;
export type DomainEndpointType = (typeof DomainEndpointType)[keyof typeof DomainEndpointType];

/**
 * How a REST custom domain sends requests to APIs: by API (base path) mappings, by routing rules,
 * or rules first and mappings as the fall-back.
 */
export const RoutingMode = {
    /** Mappings only: the default, and what every domain did before routing rules existed. */
    ApiMappingOnly: "API_MAPPING_ONLY",
    /** Routing rules only: the domain takes no mappings. */
    RoutingRuleOnly: "ROUTING_RULE_ONLY",
    /** Routing rules first, by priority; a request no rule matches goes to the mappings. */
    RoutingRuleThenApiMapping: "ROUTING_RULE_THEN_API_MAPPING",
} as const;
export type RoutingMode = (typeof RoutingMode)[keyof typeof RoutingMode];

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

// The security policies are API Gateway's names, so they live in the rulebook (with the
// endpoint types and TLS floors AWS documents for each); re-exported here as the components' enums.
export { EdgeSecurityPolicy, RegionalSecurityPolicy };

/** Every security policy this package accepts. */
export type SecurityPolicy = RegionalSecurityPolicy | EdgeSecurityPolicy;

/** Managed CloudFront hosted zone id, used by every alias record that points at CloudFront. */
export { CLOUDFRONT_ZONE_ID } from "../aws/cloudfront";

/**
 * Where a component's DNS records go: the custom domain's record and the validation records of
 * the certificate it requests (README, "DNS outside Route 53").
 */
export const DnsChoice = {
    /** Route 53 alias records (and validation records) in a hosted zone: the default. */
    Route53: "route53",
    /** CNAMEs in a Cloudflare zone through `@pulumi/cloudflare`, validation records included. */
    Cloudflare: "cloudflare",
    /** No records: the component outputs them (`dnsRecords`) for any DNS, and waits for the certificate's validation. */
    External: "external",
} as const;
export type DnsChoice = (typeof DnsChoice)[keyof typeof DnsChoice];
