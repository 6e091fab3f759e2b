// The package entry point: every component, the types of their arguments and options, and the
// enumerations. It is also the plugin's entry for other languages: `pulumi package add` runs
// this module and publishes every component class exported here (README, "Using the components").
export {
    Certificate, CertificateArgs, CertificateKeyAlgorithm, CertificateNodes, CertificateOptions, CertificateTransforms,
    PemCertificate, SelfSignedCertificate,
} from "./components/certificate";
export { EdgeDomain, EdgeDomainArgs, EdgeDomainNodes, EdgeDomainOptions, EdgeDomainTransforms } from "./components/edge-domain";
export {
    RegionalDomain, RegionalDomainArgs, RegionalDomainNodes, RegionalDomainOptions, RegionalDomainTransforms,
} from "./components/regional-domain";
export { CustomDomainArgs, DomainArgs, DomainNodes } from "./components/domain-base";
export { DomainOptions } from "./components/options";
export { DnsArgs } from "./components/dns";
export { Mapping, MappingTransforms } from "./components/mappings";
export { MutualTls } from "./components/security";
export { DomainConfigError } from "./components/errors";
export { Transform } from "./components/transform";
export * from "./components/types";
export {
    CloudFrontDomain, CloudFrontDomainArgs, CloudFrontDomainNodes, CloudFrontDomainOptions, CloudFrontDomainTransforms,
    OriginVerification, AccessLogging, GeoRestriction, ForwardedValues, ForwardedCookies,
    ViewerSecurityPolicy, PriceClass, ViewerProtocolPolicy, HttpVersion, GeoRestrictionType, CookieForwarding,
} from "./components/cloudfront-domain";
export { ManagedOriginRequestPolicy, ManagedCachePolicy } from "./components/cloudfront-policies";
export {
    PrivateDomain, PrivateDomainArgs, PrivateDomainNodes, PrivateDomainOptions, PrivateDomainTransforms,
    PrivateDomainShare, PrivateDomainZone,
} from "./components/private-domain";
export {
    PrivateAlbDomain, PrivateAlbDomainArgs, PrivateAlbDomainNodes, PrivateAlbDomainOptions, PrivateAlbDomainTransforms,
    ExistingVpcEndpoint,
} from "./components/private-alb-domain";
export { PrivateDnsArgs, PrivateZone } from "./components/private-dns";
export {
    MultiRegionDomain, MultiRegionDomainArgs, MultiRegionDomainNodes, MultiRegionDomainOptions, MultiRegionDomainRegionNodes,
    MultiRegionDomainTransforms, RegionEndpoint, HealthCheckSettings, RoutingPolicy, FailoverRole,
} from "./components/multi-region-domain";
export {
    SharedDomainMappings, SharedDomainMappingsArgs, SharedDomainMappingsNodes, SharedDomainMappingsOptions,
} from "./components/shared-domain";
export {
    TenantDomains, TenantDomainsArgs, TenantDomainsNodes, TenantDomainsOptions, TenantDomainsTransforms, TenantDomain, ValidationTokenHost,
} from "./components/tenant-domains";
