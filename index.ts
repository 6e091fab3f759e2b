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
