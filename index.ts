// The package entry point: every component and the types their arguments use.
export { Certificate, CertificateArgs, PemCertificateArgs, SelfSignedCertificateArgs } from "./components/certificate";
export { EdgeDomain, EdgeDomainArgs } from "./components/edge-domain";
export { RegionalDomain, RegionalDomainArgs } from "./components/regional-domain";
export { CustomDomainArgs } from "./components/domain-base";
export { DnsArgs } from "./components/dns";
export { MappingArgs } from "./components/mappings";
export { MutualTlsArgs } from "./components/security";
export { DomainConfigError } from "./components/errors";
export { Transform } from "./components/transform";
export * from "./components/types";
export {
    CloudFrontDomain, CloudFrontDomainArgs, OriginVerificationArgs, AccessLoggingArgs, GeoRestrictionArgs,
    ViewerSecurityPolicy, PriceClass, ViewerProtocolPolicy, HttpVersion,
} from "./components/cloudfront-domain";
export { ManagedOriginRequestPolicy, ManagedCachePolicy } from "./components/cloudfront-policies";
export { PrivateDomain, PrivateDomainArgs, PrivateDomainShareArgs, PrivateDomainZoneArgs } from "./components/private-domain";
export { PrivateAlbDomain, PrivateAlbDomainArgs, ExistingVpcEndpointArgs } from "./components/private-alb-domain";
export { PrivateDnsArgs, PrivateZoneArgs } from "./components/private-dns";
