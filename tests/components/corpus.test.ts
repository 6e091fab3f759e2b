// Two corpora built from AWS's own documents (not from this package's code): inputs AWS refuses,
// one per rule of the rulebook (aws/catalogue.ts), each refused before anything is registered
// with a message naming the component, the argument, the value, the rule and the fix; and inputs
// that look unusual but that AWS accepts, each of which must plan. A false rejection blocks a user
// completely, so the second corpus matters as much as the first.
import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { RULEBOOK } from "../../aws/catalogue";
import { hostedZoneId } from "../../aws/regions";
import { Certificate } from "../../components/certificate";
import { CloudFrontDomain } from "../../components/cloudfront-domain";
import { EdgeDomain } from "../../components/edge-domain";
import { MultiRegionDomain, MultiRegionDomainArgs } from "../../components/multi-region-domain";
import { PrivateAlbDomain } from "../../components/private-alb-domain";
import { PrivateDomain } from "../../components/private-domain";
import { RegionalDomain } from "../../components/regional-domain";
import { RoutingRule } from "../../components/routing-rules";
import { SharedDomainMappings } from "../../components/shared-domain";
import { TenantDomains, TenantDomainsArgs } from "../../components/tenant-domains";
import { RunResult, T, ofType, one, plan, rejected } from "../helpers";

const REST = { apiId: "a1b2c3d4e5", stage: "prod" };
const HTTP = { apiId: "h1b2c3d4e5", stage: "$default", apiType: "http" as const };
const VPCE = "vpce-0123456789abcdef0";
const ALB_BASE = { domainName: "api.internal.example.com", vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0a1b2c3d4e5f60718", "subnet-1a2b3c4d5e6f70819"] };
const EAST_CERT = "arn:aws:acm:us-east-1:123456789012:certificate/1111";
const WEST_CERT = "arn:aws:acm:eu-west-1:123456789012:certificate/2222";
const US = { region: "us-east-1", mappings: [{ apiId: "usapi00001", stage: "prod" }] };
const EU = { region: "eu-west-1", mappings: [{ apiId: "euapi00001", stage: "prod" }] };
const AP = { region: "ap-southeast-2", mappings: [{ apiId: "apapi00001", stage: "prod" }] };
const HEALTH_CHECK = "aws:route53/healthCheck:HealthCheck";
const CF_ZONE_ID = "023e105f4ecef8ad9ca31a8372d0c353";
const RULE = "aws:apigatewayv2/routingRule:RoutingRule";
/** One name served from several regions (us-east-1 and eu-west-1 unless the case says otherwise). */
const multiRegion = (args: Partial<MultiRegionDomainArgs>) => () => new MultiRegionDomain("c", { domainName: "api.example.com", regions: [US, EU], ...args });
/** A regional REST domain with routing rules evaluated before its mappings. */
const routed = (rules: RoutingRule[], extra: object = {}) => () => new RegionalDomain("c", {
    domainName: "api.example.com", routingMode: "ROUTING_RULE_THEN_API_MAPPING", routingRules: rules, mappings: [REST], ...extra });
const rule = (priority: number, extra: Partial<RoutingRule> = {}): RoutingRule => ({ priority, headers: [{ header: "x-version", valueGlob: "v2" }], apiId: "v2api00001", stage: "prod", ...extra });

interface Bad { rule: string; what: string; source: string; program: () => unknown; message: RegExp }

/** A platform with subdomain tenants under tenants.example.com and customer domains behind origin.api.example.com. */
const tenants = (list: TenantDomainsArgs["tenants"], extra: Partial<TenantDomainsArgs> = {}) => () => new TenantDomains("c", {
    wildcardDomain: "tenants.example.com", originDomain: "origin.api.example.com", zoneName: "example.com", mappings: [REST], tenants: list, ...extra });

const BAD: Bad[] = [
    { rule: "wildcard-depth", what: "a tenant two labels below the wildcard's base, with no CloudFront to serve it", source: "ACM: a wildcard protects one subdomain level",
        program: tenants([{ domain: "eu.acme.tenants.example.com" }], { originDomain: undefined }), message: /tenants\[0\]\.domain "eu\.acme\.tenants\.example\.com" is 2 labels below "tenants\.example\.com", and the wildcard "\*\.tenants\.example\.com" \(domain and certificate\) covers exactly one, and a deeper name needs CloudFront, which needs originDomain/ },
    { rule: "tenant-domain-unique", what: "one customer domain on two tenants, in different case", source: "CloudFront: an alternate name lives in one distribution",
        program: tenants([{ domain: "api.acme.com" }, { domain: "api.other.com", additionalDomains: ["API.ACME.COM"] }]), message: /tenants\[1\]\.additionalDomains\[0\] "API\.ACME\.COM" is already tenants\[0\]\.domain; a domain belongs to one tenant/ },
    { rule: "tenant-domain-unique", what: "a tenant that is the wildcard's base", source: "ACM: the wildcard does not cover its base",
        program: tenants([{ domain: "tenants.example.com" }]), message: /tenants\[0\]\.domain "tenants\.example\.com" is the platform's wildcard base/ },
    { rule: "tenant-managed-certificate", what: "a wildcard customer domain", source: "ACM HTTP validation does not support wildcard names",
        program: tenants([{ domain: "*.acme.com" }]), message: /tenants\[0\]\.domain "\*\.acme\.com" is a wildcard name, and the CloudFront-managed certificate of a distribution tenant is HTTP-validated/ },
    { rule: "tenant-validation-host", what: "a validation token host of DNS", source: "ManagedCertificateRequest ValidationTokenHost values",
        program: tenants([{ domain: "api.acme.com", validationTokenHost: "dns" as never }]), message: /tenants\[0\]\.validationTokenHost "dns" is not a validation token host CloudFront knows; use one of "cloudfront", "self-hosted"/ },
    { rule: "domain-name", what: "a label of 64 characters", source: "Route 53 DNS domain name format: labels up to 63",
        program: () => new RegionalDomain("c", { domainName: `${"a".repeat(64)}.example.com` }), message: /domainName ".*" has the label "a{64}" of 64 characters; labels have at most 63; shorten that label/ },
    { rule: "domain-name", what: "a wildcard that is not the whole first label", source: "Route 53: * only as the leftmost label",
        program: () => new RegionalDomain("c", { domainName: "api.*.example.com" }), message: /has "\*" in a label other than the first/ },
    { rule: "zone-contains-domain", what: "a zone that holds the name only as a string suffix", source: "DNS: zones hold whole labels",
        program: () => new RegionalDomain("c", { domainName: "api.myexample.com", zoneName: "example.com" }), message: /zoneName "example.com" does not contain the domain "api.myexample.com" on whole labels/ },
    { rule: "private-no-wildcard", what: "a wildcard private domain", source: "API Gateway private custom domain names",
        program: () => new PrivateDomain("c", { domainName: "*.internal.example.com", vpcEndpointIds: [VPCE] }), message: /domainName "\*\.internal\.example\.com" is a wildcard name; API Gateway does not support wildcard private custom domain names/ },
    { rule: "api-kind-per-endpoint", what: "an HTTP API on an edge-optimized domain", source: "edge-optimized custom domains are for REST APIs",
        program: () => new EdgeDomain("c", { domainName: "api.example.com", mappings: [{ ...HTTP }] as never }), message: /mappings\[0\]\.apiType "http" cannot be served by an edge-optimized domain/ },
    { rule: "api-kind-per-endpoint", what: "a REST API on a WebSocket domain", source: "WebSocket custom domains cannot map REST or HTTP APIs",
        program: () => new RegionalDomain("c", { domainName: "ws.example.com", apiType: "websocket", mappings: [{ ...REST, apiType: "rest" }] }), message: /mappings\[0\]\.apiType "rest" cannot share a domain that serves a WebSocket API/ },
    { rule: "mapping-key", what: "a key with a space", source: "CreateApiMapping apiMappingKey characters",
        program: () => new RegionalDomain("c", { domainName: "api.example.com", mappings: [{ ...REST, basePath: "v 1" }] }), message: /mappings\[0\]\.basePath "v 1" has the level "v 1" with characters API Gateway does not accept/ },
    { rule: "mapping-key", what: "a key with a trailing slash", source: "CreateApiMapping: no trailing /",
        program: () => new RegionalDomain("c", { domainName: "api.example.com", mappings: [{ ...REST, basePath: "v1/" }] }), message: /basePath "v1\/" ends with "\/"; drop the trailing slash: "v1"/ },
    { rule: "mapping-key-unique", what: "one key mapped twice", source: "CreateApiMapping ConflictException",
        program: () => new RegionalDomain("c", { domainName: "api.example.com", mappings: [{ ...REST, basePath: "v1" }, { ...REST, apiId: "z1b2c3d4e5", basePath: "v1" }] }), message: /mappings\[1\]\.basePath "v1" is already mapped on this domain/ },
    { rule: "multi-level-keys", what: "a multi-level key on an edge-optimized domain", source: "multi-level mappings need a Regional domain",
        program: () => new EdgeDomain("c", { domainName: "api.example.com", mappings: [{ ...REST, basePath: "v1/orders" }] }), message: /basePath "v1\/orders" is multi-level; multi-level paths need a REGIONAL domain with TLS 1\.2 or an enhanced policy, and this domain is EDGE; use RegionalDomain/ },
    { rule: "stage-name", what: "a REST stage with a dot", source: "CreateStage stageName characters",
        program: () => new RegionalDomain("c", { domainName: "api.example.com", mappings: [{ ...REST, stage: "v1.0" }] }), message: /mappings\[0\]\.stage "v1\.0" is not a stage name/ },
    { rule: "stage-name", what: "$default on a REST API", source: "$default is an HTTP/WebSocket stage",
        program: () => new RegionalDomain("c", { domainName: "api.example.com", mappings: [{ ...REST, stage: "$default" }] }), message: /mappings\[0\]\.stage "\$default" is not a stage name/ },
    { rule: "security-policy", what: "an edge-only policy on a regional domain", source: "Supported security policies per endpoint type",
        program: () => new RegionalDomain("c", { domainName: "api.example.com", securityPolicy: "SecurityPolicy_TLS13_2025_EDGE" as never, endpointAccessMode: "STRICT" }), message: /securityPolicy "SecurityPolicy_TLS13_2025_EDGE" is only valid on edge-optimized domains, and this domain is REGIONAL/ },
    { rule: "security-policy", what: "a policy name API Gateway does not know (another language's plain string)", source: "AWS Config apigateway-domain-name-tls-check valid values",
        program: () => new EdgeDomain("c", { domainName: "api.example.com", securityPolicy: "TLS_1_3" as never }), message: /securityPolicy "TLS_1_3" is not a security policy API Gateway knows/ },
    { rule: "endpoint-access-mode", what: "an enhanced policy without an access mode", source: "Endpoint access mode is required with enhanced policies",
        program: () => new RegionalDomain("c", { domainName: "api.example.com", securityPolicy: "SecurityPolicy_TLS13_1_2_2021_06" }), message: /endpointAccessMode \(not set\) is required with the enhanced security policy/ },
    { rule: "endpoint-access-mode", what: "an access mode that is not BASIC or STRICT", source: "endpointAccessMode valid values",
        program: () => new RegionalDomain("c", { domainName: "api.example.com", securityPolicy: "SecurityPolicy_TLS13_1_2_2021_06", endpointAccessMode: "strict" as never }), message: /endpointAccessMode "strict" is not an endpoint access mode/ },
    { rule: "enhanced-rest-only", what: "an HTTP API on a domain with an enhanced policy", source: "You can't map an HTTP API to a domain name that uses an enhanced security policy",
        program: () => new RegionalDomain("c", { domainName: "api.example.com", securityPolicy: "SecurityPolicy_TLS13_1_2_2021_06", endpointAccessMode: "STRICT", mappings: [{ ...REST }, { ...HTTP, basePath: "h" }] }), message: /securityPolicy "SecurityPolicy_TLS13_1_2_2021_06" cannot serve an HTTP API/ },
    { rule: "ip-address-type", what: "an IP address type AWS does not have", source: "IP address types: ipv4 or dualstack",
        program: () => new EdgeDomain("c", { domainName: "api.example.com", ipAddressType: "ipv6" as never }), message: /ipAddressType "ipv6" is not an IP address type; use "ipv4" or "dualstack"/ },
    { rule: "certificate-region", what: "an edge domain's certificate outside us-east-1", source: "CloudFront reads certificates from us-east-1",
        program: () => new EdgeDomain("c", { domainName: "api.example.com", certificateArn: WEST_CERT }), message: /certificateArn ".*" is in eu-west-1, but an edge-optimized domain \(served by CloudFront\) needs it in us-east-1/ },
    { rule: "acm-certificate-arn", what: "an IAM server certificate ARN", source: "ACM certificate ARN format",
        program: () => new RegionalDomain("c", { domainName: "api.example.com", certificateArn: "arn:aws:iam::123456789012:server-certificate/x" }), message: /certificateArn ".*" is not an ACM certificate ARN/ },
    { rule: "acm-first-name", what: "a 65-character name to request a certificate for", source: "RequestCertificate DomainName: 64 octets",
        program: () => new RegionalDomain("c", { domainName: `${"a".repeat(53)}.example.com` }), message: /domainName "a{53}\.example\.com" is 65 characters long; ACM takes at most 64 for a certificate's first name/ },
    { rule: "acm-names-count", what: "101 subject alternative names", source: "RequestCertificate SubjectAlternativeNames: at most 100",
        program: () => new Certificate("c", { domainName: "example.com", subjectAlternativeNames: Array.from({ length: 101 }, (_, i) => `n${i}.example.com`) }), message: /subjectAlternativeNames .* lists 101 names; a certificate request takes at most 100/ },
    { rule: "acm-key-algorithm", what: "an RSA_4096 request (import-only)", source: "RequestCertificate KeyAlgorithm",
        program: () => new Certificate("c", { domainName: "example.com", keyAlgorithm: "RSA_4096" as never }), message: /keyAlgorithm "RSA_4096" is not a key algorithm ACM can request/ },
    { rule: "cloudfront-origin-tls", what: "a TLS 1.3-only API behind CloudFront", source: "OriginSslProtocols stop at TLSv1.2",
        program: () => new CloudFrontDomain("c", { domainName: "api.example.com", securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09", endpointAccessMode: "STRICT" }), message: /securityPolicy "SecurityPolicy_TLS13_1_3_2025_09" accepts only TLS 1\.3, and CloudFront speaks at most TLS 1\.2 to an origin/ },
    { rule: "cloudfront-host", what: "AllViewerExceptHostHeader in front of a custom domain", source: "managed policy drops Host",
        program: () => new CloudFrontDomain("c", { domainName: "api.example.com", originRequestPolicyId: "b689b0a8-53d0-40ab-baf2-68738e2966ac" }), message: /originRequestPolicyId ".*" is the managed AllViewerExceptHostHeader policy, which leaves out the Host header/ },
    { rule: "cloudfront-origin-header", what: "an X-Amz- origin header", source: "headers CloudFront can't add",
        program: () => new CloudFrontDomain("c", { domainName: "api.example.com", originVerification: { headerName: "X-Amz-Verify" } }), message: /originVerification\.headerName "X-Amz-Verify" is a header CloudFront does not let a distribution add/ },
    { rule: "cloudfront-policy-id", what: "a policy name where an id belongs", source: "policy ids are UUIDs",
        program: () => new CloudFrontDomain("c", { domainName: "api.example.com", cachePolicyId: "Managed-CachingDisabled" }), message: /cachePolicyId "Managed-CachingDisabled" is not a CloudFront policy id/ },
    { rule: "cloudfront-comment", what: "a 129-character comment", source: "DistributionConfig Comment: 128",
        program: () => new CloudFrontDomain("c", { domainName: "api.example.com", comment: "x".repeat(129) }), message: /comment "x{129}" is not a text of at most 128 characters/ },
    { rule: "region-code", what: "a region written as its name", source: "region codes",
        program: () => new RegionalDomain("c", { domainName: "api.example.com", region: "Europe (Ireland)" }), message: /region "Europe \(Ireland\)" is not an AWS region code/ },
    { rule: "ec2-id", what: "a subnet name where an id belongs", source: "EC2 resource ids",
        program: () => new PrivateAlbDomain("c", { ...ALB_BASE, subnetIds: ["private-a", "private-b"] }), message: /subnetIds\[0\] "private-a" is not a subnet id/ },
    { rule: "ec2-id", what: "an ENI id where a VPC endpoint id belongs", source: "EC2 resource ids",
        program: () => new PrivateDomain("c", { domainName: "api.internal.example.com", vpcEndpointIds: ["eni-0123456789abcdef0"] }), message: /vpcEndpointIds\[0\] "eni-0123456789abcdef0" is not a VPC endpoint id/ },
    { rule: "elb-policy", what: "a listener policy that is not ELB's", source: "ALB security policies",
        program: () => new PrivateAlbDomain("c", { ...ALB_BASE, sslPolicy: "TLSv1.2_2021" }), message: /sslPolicy "TLSv1\.2_2021" is not an Elastic Load Balancing security policy/ },
    { rule: "mutual-tls", what: "mutual TLS with an enhanced policy", source: "You can't enable mutual TLS on a domain name that uses an enhanced security policy",
        program: () => new RegionalDomain("c", { domainName: "api.example.com", securityPolicy: "SecurityPolicy_TLS13_1_2_2021_06", endpointAccessMode: "STRICT", mutualTls: { truststoreUri: "s3://trust/store.pem" } }), message: /mutualTls .* cannot be combined with the enhanced security policy/ },
    { rule: "mutual-tls", what: "a truststore given as an https URL", source: "truststoreUri is s3://bucket/key",
        program: () => new RegionalDomain("c", { domainName: "api.example.com", mutualTls: { truststoreUri: "https://trust.s3.amazonaws.com/store.pem" } }), message: /mutualTls\.truststoreUri ".*" is not an s3:\/\/bucket\/key URI/ },
    { rule: "alb-subnets", what: "one subnet for the load balancer", source: "CreateLoadBalancer: subnets from at least two Availability Zones",
        program: () => new PrivateAlbDomain("c", { ...ALB_BASE, subnetIds: ["subnet-0a1b2c3d4e5f60718"] }), message: /subnetIds .* has fewer than two subnets/ },
    { rule: "ram-principal", what: "an account id of 11 digits", source: "RAM principals",
        program: () => new PrivateDomain("c", { domainName: "api.internal.example.com", vpcEndpointIds: [VPCE], share: { principals: ["11112222333"] } }), message: /share\.principals\[0\] "11112222333" is not an account id, organizational unit ARN or organization ARN/ },
    { rule: "region-code", what: "a latency region written as its name", source: "ResourceRecordSet Region: a region code",
        program: multiRegion({ regions: [US, { ...EU, region: "Europe" }] }), message: /MultiRegionDomain "c": regions\[1\]\.region "Europe" is not an AWS region code; use a code such as "eu-west-1"/ },
    { rule: "set-identifier", what: "a set identifier of 129 characters", source: "ResourceRecordSet SetIdentifier: 1-128",
        program: multiRegion({ regions: [{ ...US, setIdentifier: "s".repeat(129) }, EU] }), message: /regions\[0\]\.setIdentifier "s{129}" is 129 characters long; Route 53 takes at most 128/ },
    { rule: "set-identifier", what: "one set identifier on two regions", source: "ResourceRecordSet SetIdentifier tells the records of a name and type apart",
        program: multiRegion({ regions: [{ ...US, setIdentifier: "x" }, { ...EU, setIdentifier: "x" }] }), message: /regions\[1\]\.setIdentifier "x" is used by another region; Route 53 tells the records apart by it/ },
    { rule: "record-weight", what: "a weight of 256", source: "ResourceRecordSet Weight: 0-255",
        program: multiRegion({ routingPolicy: "weighted", regions: [{ ...US, weight: 256 }, { ...EU, weight: 1 }] }), message: /regions\[0\]\.weight 256 is not a whole number from 0 to 255/ },
    { rule: "record-weight", what: "101 weighted regions", source: "ResourceRecordSet Weight: at most 100 weighted records of one name and type",
        program: multiRegion({ routingPolicy: "weighted", regions: Array.from({ length: 101 }, (_, i) => ({ region: `${i < 99 ? "us-east" : "eu-west"}-${(i % 99) + 1}`, weight: 1, mappings: [REST] })) }),
        message: /regions 101 are more than the 100 weighted records Route 53 allows per name and type/ },
    { rule: "failover-roles", what: "two primaries", source: "ResourceRecordSet Failover: one PRIMARY and one SECONDARY",
        program: multiRegion({ routingPolicy: "failover", regions: [{ ...US, failover: "primary" }, { ...EU, failover: "primary" }] }), message: /regions\[\*\]\.failover \["primary","primary"\] are .*exactly one primary and one secondary/ },
    { rule: "failover-roles", what: "a role that is not one (another language's plain string)", source: "ResourceRecordSet Failover: PRIMARY | SECONDARY",
        program: multiRegion({ routingPolicy: "failover", regions: [{ ...US, failover: "main" as never }, { ...EU, failover: "secondary" }] }), message: /include "main", which is not a failover role; use "primary" or "secondary"/ },
    { rule: "health-check-port", what: "port 65536", source: "HealthCheckConfig Port: 1-65535",
        program: multiRegion({ healthCheck: { port: 65536 } }), message: /healthCheck\.port 65536 is not a port from 1 to 65535/ },
    { rule: "health-check-path", what: "a 256-character path", source: "HealthCheckConfig ResourcePath: at most 255",
        program: multiRegion({ healthCheck: { path: `/${"p".repeat(255)}` } }), message: /healthCheck\.path "\/p{255}" is 256 characters long; Route 53 takes at most 255/ },
    { rule: "health-check-path", what: "a path without its leading slash", source: "Route 53 InvalidInput: resource path must start with /",
        program: multiRegion({ healthCheck: { path: "health" } }), message: /healthCheck\.path "health" does not start with "\/"/ },
    { rule: "health-check-search-string", what: "a 256-character search string", source: "HealthCheckConfig SearchString: at most 255",
        program: multiRegion({ healthCheck: { searchString: "x".repeat(256) } }), message: /healthCheck\.searchString "x{256}" is 256 characters long; Route 53 takes at most 255/ },
    { rule: "health-check-interval", what: "a 15-second interval", source: "HealthCheckConfig RequestInterval: 10 or 30",
        program: multiRegion({ healthCheck: { requestInterval: 15 } }), message: /healthCheck\.requestInterval 15 is not 10 or 30 seconds/ },
    { rule: "health-check-threshold", what: "a failure threshold of 0", source: "HealthCheckConfig FailureThreshold: 1-10",
        program: multiRegion({ healthCheck: { failureThreshold: 0 } }), message: /healthCheck\.failureThreshold 0 is not a whole number from 1 to 10/ },
    { rule: "health-checker-regions", what: "two checker regions", source: "HealthCheckConfig Regions: at least 3",
        program: multiRegion({ healthCheck: { checkerRegions: ["us-east-1", "eu-west-1"] } }), message: /healthCheck\.checkerRegions \["us-east-1","eu-west-1"\] names fewer than 3 distinct regions/ },
    { rule: "health-checker-regions", what: "a region Route 53's checkers do not run from", source: "HealthCheckRegion: the 8 checker regions",
        program: multiRegion({ healthCheck: { checkerRegions: ["us-east-1", "eu-west-1", "eu-central-1"] } }), message: /names "eu-central-1", which is not a region Route 53 health checkers run from/ },
    { rule: "health-check-id", what: "a health check ARN where the id belongs", source: "ResourceRecordSet HealthCheckId: at most 64",
        program: multiRegion({ regions: [{ ...US, healthCheckId: `arn:aws:route53:::healthcheck/${"a".repeat(40)}` }, EU] }), message: /regions\[0\]\.healthCheckId ".*" is 70 characters long; a health check id has at most 64/ },
    { rule: "health-check-own-name", what: "a health check calling the shared name", source: "HealthCheckConfig FullyQualifiedDomainName: results are unpredictable",
        program: multiRegion({ regions: [{ ...US, healthCheckDomainName: "api.example.com" }, EU] }), message: /regions\[0\]\.healthCheckDomainName "api\.example\.com" is the shared name; Route 53 would resolve it through the records the check decides on/ },
    { rule: "delegation-below-apex", what: "a routed apex whose parent lives in Cloudflare", source: "Route 53, subdomain without migrating the parent: NS records for the subdomain in the parent's DNS",
        program: multiRegion({ domainName: "example.com", dns: "cloudflare" }), message: /MultiRegionDomain "c": domainName "example\.com" is the apex of its parent zone, and a zone cannot delegate its own apex.*; serve a subdomain \(such as "api\.example\.com"\)/ },
    { rule: "delegation-below-apex", what: "a wildcard over a registrable domain with external DNS", source: "RFC 1034 4.2: NS records at a zone's top node are the zone's own",
        program: multiRegion({ domainName: "*.example.co.uk", dns: "external" }), message: /domainName "\*\.example\.co\.uk" is the apex of its parent zone/ },
    { rule: "delegation-below-apex", what: "a name that is itself the Cloudflare zone named", source: "Cloudflare Nameserver options: NS records at a zone apex are ignored",
        program: multiRegion({ dns: "cloudflare", cloudflare: { zoneName: "api.example.com" } }), message: /domainName "api\.example\.com" is the apex of its parent zone/ },
    { rule: "delegation-holds-names", what: "a health check name outside the delegated subdomain", source: "Route 53: a hosted zone holds a domain and its subdomains",
        program: multiRegion({ dns: "external", regions: [{ ...US, healthCheckDomainName: "us.example.com" }, EU] }),
        message: /regions\[0\]\.healthCheckDomainName "us\.example\.com" is outside api\.example\.com, the subdomain delegated to the Route 53 zone/ },
    { rule: "delegation-holds-names", what: "a certificate name outside the delegated subdomain", source: "Route 53: a hosted zone holds a domain and its subdomains",
        program: multiRegion({ dns: "cloudflare", subjectAlternativeNames: ["www.example.com"] }), message: /subjectAlternativeNames\[0\] "www\.example\.com" is outside api\.example\.com/ },
    { rule: "delegation-dns-only", what: "a proxied delegation", source: "Cloudflare Delegate subdomains: CDN and security services are not applied to delegated subdomains",
        program: multiRegion({ dns: "cloudflare", cloudflare: { zoneId: CF_ZONE_ID, proxied: true } }), message: /cloudflare\.proxied true has no effect on a delegated subdomain: Cloudflare answers it with NS records, which are DNS-only/ },
    { rule: "routing-mode", what: "a routing mode API Gateway does not have", source: "Set the routing mode: three modes",
        program: () => new RegionalDomain("c", { domainName: "api.example.com", routingMode: "RULES_FIRST" as never }), message: /routingMode "RULES_FIRST" is not a routing mode; use one of "API_MAPPING_ONLY", "ROUTING_RULE_ONLY", "ROUTING_RULE_THEN_API_MAPPING"/ },
    { rule: "routing-mode-mappings", what: "routing rules under the default mode", source: "API_MAPPING_ONLY: routing rules cannot be created",
        program: () => new RegionalDomain("c", { domainName: "api.example.com", routingRules: [rule(10)], mappings: [REST] }), message: /routingRules "\(1 rules\)" are ignored by routingMode "API_MAPPING_ONLY" \(the default\)/ },
    { rule: "routing-mode-mappings", what: "a mapping on a ROUTING_RULE_ONLY domain", source: "ROUTING_RULE_ONLY: API mappings cannot be created",
        program: () => new EdgeDomain("c", { domainName: "api.example.com", routingMode: "ROUTING_RULE_ONLY", routingRules: [rule(10)], mappings: [REST] }), message: /mappings "\(set\)" cannot be created on a domain with routingMode "ROUTING_RULE_ONLY"/ },
    { rule: "routing-mode-mappings", what: "mappings on another stack's ROUTING_RULE_ONLY domain", source: "ROUTING_RULE_ONLY: API mappings cannot be created",
        program: () => new SharedDomainMappings("c", { domainName: "api.example.com", routingMode: "ROUTING_RULE_ONLY", lookup: false, mappings: [{ ...REST, basePath: "orders" }] }), message: /SharedDomainMappings "c": mappings "\(set\)" cannot be created on a domain with routingMode "ROUTING_RULE_ONLY"/ },
    { rule: "routing-rule-priority", what: "priority 0", source: "Priority 1-1,000,000",
        program: routed([rule(0)]), message: /routingRules\[0\]\.priority 0 is not an integer from 1 to 1,000,000/ },
    { rule: "routing-rule-priority", what: "priority 1,000,001", source: "Priority 1-1,000,000",
        program: routed([rule(1_000_001)]), message: /routingRules\[0\]\.priority 1000001 is not an integer from 1 to 1,000,000/ },
    { rule: "routing-rule-priority", what: "two rules of one priority", source: "Rules can't have the same priority",
        program: routed([rule(10), rule(10, { headers: [{ header: "x-tenant", valueGlob: "a" }] })]), message: /routingRules\[1\]\.priority 10 is already the priority of routingRules\[0\]/ },
    { rule: "routing-rule-conditions", what: "three header conditions", source: "up to two header conditions",
        program: routed([rule(10, { headers: [{ header: "a", valueGlob: "1" }, { header: "b", valueGlob: "2" }, { header: "c", valueGlob: "3" }] })]), message: /routingRules\[0\] "\(priority 10\)" has 3 header conditions; a rule takes at most 2/ },
    { rule: "routing-rule-conditions", what: "a rule without conditions", source: "provider schema: at least one condition",
        program: routed([rule(10, { headers: undefined })]), message: /routingRules\[0\] "\(priority 10\)" has no condition; AWS takes a catch-all rule, but the Pulumi AWS provider requires at least one condition/ },
    { rule: "routing-header", what: "a 41-character header name", source: "RoutingRuleMatchHeaderValue Header: 40",
        program: routed([rule(10, { headers: [{ header: "h".repeat(41), valueGlob: "v2" }] })]), message: /routingRules\[0\]\.headers\[0\]\.header "h{41}" is 41 characters long; routing rules match header names of at most 40/ },
    { rule: "routing-header", what: "a header name with a colon", source: "RoutingRuleMatchHeaderValue Header characters",
        program: routed([rule(10, { headers: [{ header: "x-version:", valueGlob: "v2" }] })]), message: /headers\[0\]\.header "x-version:" has characters a routing rule header name cannot have/ },
    { rule: "routing-header", what: "a wildcard in the middle of a glob", source: "wildcards: prefix, suffix or infix match only",
        program: routed([rule(10, { headers: [{ header: "x-version", valueGlob: "v*2" }] })]), message: /headers\[0\]\.valueGlob "v\*2" has "\*" inside the value/ },
    { rule: "routing-header", what: "a 129-character glob", source: "RoutingRuleMatchHeaderValue ValueGlob: 128",
        program: routed([rule(10, { headers: [{ header: "x-version", valueGlob: "g".repeat(129) }] })]), message: /valueGlob "g{129}" is 129 characters long; header globs have at most 128/ },
    { rule: "routing-base-path", what: "the root as a base path condition", source: "RoutingRuleMatchBasePaths: SelectionKeys",
        program: routed([rule(10, { basePaths: [""] })]), message: /routingRules\[0\]\.basePaths\[0\] "" is empty; omit basePaths to match every path/ },
    { rule: "routing-base-path", what: "a base path with a leading slash", source: "mapping key rules: no leading /",
        program: routed([rule(10, { basePaths: ["/orders"] })]), message: /routingRules\[0\]\.basePaths\[0\] "\/orders" starts with "\/"; drop the leading slash: "orders"/ },
    { rule: "routing-stage", what: "a 129-character stage", source: "RoutingRuleActionInvokeApi Stage: 1-128",
        program: routed([rule(10, { stage: "s".repeat(129) })]), message: /routingRules\[0\]\.stage "s{129}" is not a stage name of 1 to 128 characters/ },
    { rule: "routing-rest-only", what: "routing rules on a domain that maps an HTTP API", source: "WebSocket or HTTP APIs aren't supported as target APIs for routing rules",
        program: routed([rule(10)], { mappings: [{ ...REST, basePath: "r" }, { ...HTTP, basePath: "h" }] }), message: /routingRules "\(1 rules\)" cannot go on a domain that serves an HTTP API: routing rules serve REST APIs only/ },
    { rule: "cloudfront-viewer-policy", what: "a TLS 1.1 viewer policy", source: "CloudFront viewer security policies",
        program: () => new CloudFrontDomain("c", { domainName: "api.example.com", minimumProtocolVersion: "TLSv1.1_2016" as never }), message: /minimumProtocolVersion "TLSv1\.1_2016" is not a CloudFront security policy of TLS 1\.2 or better/ },
    { rule: "cloudfront-geo-restriction", what: "a lowercase country code", source: "GeoRestriction Location: ISO 3166-1 alpha-2, uppercase",
        program: () => new CloudFrontDomain("c", { domainName: "api.example.com", geoRestriction: { restrictionType: "whitelist", locations: ["de"] } }), message: /geoRestriction\.locations \["de"\] must be a non-empty list of ISO 3166-1 alpha-2 country codes/ },
    { rule: "cloudfront-web-acl", what: "a REGIONAL-scope web ACL", source: "WAFV2 Scope: CLOUDFRONT in us-east-1",
        program: () => new CloudFrontDomain("c", { domainName: "api.example.com", webAclId: "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api/1111" }), message: /webAclId ".*regional\/webacl.*" is a regional web ACL; CloudFront takes only web ACLs with scope CLOUDFRONT, which live in us-east-1/ },
    { rule: "cloudfront-logging-bucket", what: "a bucket name where its domain name belongs", source: "LoggingConfig Bucket: the bucket's domain name",
        program: () => new CloudFrontDomain("c", { domainName: "api.example.com", logging: { bucket: "my-logs" } }), message: /logging\.bucket "my-logs" is not an S3 bucket domain name/ },
    { rule: "zone-contains-domain", what: "a Cloudflare zone that holds the name only as a string suffix", source: "DNS: zones hold whole labels",
        program: () => new RegionalDomain("c", { domainName: "api.myexample.com", dns: "cloudflare", cloudflare: { zoneName: "example.com" } }), message: /cloudflare\.zoneName "example\.com" does not contain the domain "api\.myexample\.com" on whole labels/ },
    { rule: "cloudflare-ttl", what: "a Cloudflare TTL above a day", source: "Cloudflare API DNS Records: ttl 60-86400, or 1 for automatic",
        program: () => new RegionalDomain("c", { domainName: "api.example.com", dns: "cloudflare", cloudflare: { zoneId: CF_ZONE_ID, ttl: 86401 } }), message: /cloudflare\.ttl 86401 is outside what Cloudflare accepts/ },
    { rule: "cloudflare-ttl", what: "a Cloudflare TTL that is not a whole number (another language's float)", source: "Cloudflare API DNS Records: ttl in seconds",
        program: () => new EdgeDomain("c", { domainName: "api.example.com", dns: "cloudflare", cloudflare: { zoneId: CF_ZONE_ID, ttl: 90.5 } }), message: /cloudflare\.ttl 90\.5 is not a whole number of seconds/ },
    { rule: "validation-record-dns-only", what: "a proxied Cloudflare certificate (its records are validation records only)", source: "Cloudflare: proxied names answer with Cloudflare's addresses",
        program: () => new Certificate("c", { domainName: "api.example.com", dns: "cloudflare", cloudflare: { zoneId: CF_ZONE_ID, proxied: true } }), message: /cloudflare\.proxied true would proxy ACM's validation records/ },
];

/**
 * Rules no argument of a component can break (the component generates the value, needs a looked-up one, or only the
 * policy pack sees the input): each is tested where that happens.
 */
const TESTED_ELSEWHERE: Record<string, string> = {
    "endpoint-interfaces": "tests/components/private-alb-domain.test.ts (existing endpoint whose interfaces do not match subnetIds)",
    "hosted-zone-ids": "tests/aws/regions.test.ts (unknown regions answer undefined)",
    "routing-rule-target": "tests/policy/routing-rules.test.ts (the API's endpoint type is known only to the pack: a public domain's rule that invokes a private REST API)",
    "cname-default-endpoint": "tests/policy/no-cname-to-execute-api.test.ts (the components create aliases only; the pack judges raw CNAME records)",
    "api-https-only": "tests/policy/cloudfront-origin-https.test.ts (CloudFrontDomain always sets https-only and TLSv1.2; the pack judges raw distributions)",
    "hosted-zone-comment": "the valid corpus below (a 253-character domain's generated zone comment stays within 256)",
    "one-cname-per-name": "tests/components/dns-choice.test.ts (two components: the first registers before the second is refused; and certificates of one name share one record)",
    "alb-probe-403": "tests/policy/alb-health-check-accepts-403.test.ts (PrivateAlbDomain always accepts 403; the pack judges raw target groups)",
};

/** Rules AWS enforces only as advice or a raisable quota: the input plans, with a warning naming the rule. */
interface Warned { rule: string; what: string; source: string; program: () => unknown; warning: RegExp }

const WARNED: Warned[] = [
    { rule: "saas-quotas", what: "101 domains on one distribution tenant", source: "Quotas on multi-tenant distributions: 100 aliases per tenant by default",
        program: tenants([{ domain: "api.acme.com", additionalDomains: Array.from({ length: 100 }, (_, i) => `api${i}.acme.com`) }]),
        warning: /tenants\[0\] has 101 domains; CloudFront's default quota is 100 per distribution tenant/ },
    { rule: "reserved-mapping-keys", what: "a key on a path API Gateway reserves (/ping)", source: "API Gateway known issues: /ping and /sping are reserved",
        program: () => new RegionalDomain("c", { domainName: "api.example.com", mappings: [{ ...REST, basePath: "ping" }] }), warning: /basePath "ping" starts with a path API Gateway reserves/ },
    { rule: "routing-rules-quota", what: "51 routing rules on one domain", source: "Quotas: routing rules per domain, 50 by default",
        program: routed(Array.from({ length: 51 }, (_, i) => rule(i + 1))), warning: /51 routing rules; the default quota is 50 per domain/ },
    { rule: "apex-cname-flattening", what: "an apex name with external DNS (a plain CNAME cannot sit there)", source: "RFC 1034 3.6.2: a CNAME holds no other data",
        program: () => new RegionalDomain("c", { domainName: "example.com", dns: "external" }), warning: /domainName "example\.com" is a zone apex, and a plain CNAME cannot sit at an apex/ },
];

interface Valid { what: string; source: string; program: () => unknown; check?: (r: RunResult) => void }

const VALID: Valid[] = [
    { what: "a platform with no tenant yet (onboarding comes later, one per update)", source: "CloudFront: a multi-tenant distribution exists before its tenants",
        program: tenants([]), check: (r) => assert.strictEqual(ofType(r, "aws:cloudfront/distributionTenant:DistributionTenant").length, 0) },
    { what: "a customer tenant at its zone apex", source: "CloudFront SaaS Manager serves apex domains (with a DNS provider that flattens the CNAME, or static IPs)",
        program: tenants([{ domain: "acme.com" }]), check: (r) => {
            assert.strictEqual(one(r, "aws:cloudfront/distributionTenant:DistributionTenant").inputs.domains[0].domain, "acme.com");
            assert.match(one(r, "apigw-domains:index:TenantDomains").outputs.tenantInstructions["acme.com"], /a zone apex cannot hold a CNAME: use the DNS provider's ALIAS\/ANAME/);
        } },
    { what: "a customer domain in the platform's own zone, outside the wildcard's base", source: "any name outside the wildcard is served by CloudFront",
        program: tenants([{ domain: "partner.example.com" }]), check: (r) => assert.strictEqual(ofType(r, "aws:cloudfront/distributionTenant:DistributionTenant").length, 1) },
    { what: "a tenant and an additional domain two labels under the wildcard's base", source: "ACM: a wildcard covers one level, but a distribution tenant's HTTP-validated certificate names the domain exactly",
        program: tenants([{ domain: "eu.acme.tenants.example.com", additionalDomains: ["us.acme.tenants.example.com"] }]),
        check: (r) => assert.deepStrictEqual(one(r, "aws:cloudfront/distributionTenant:DistributionTenant").inputs.domains.map((d: { domain: string }) => d.domain),
            ["eu.acme.tenants.example.com", "us.acme.tenants.example.com"]) },
    { what: "an origin name one label under the wildcard's base", source: "API Gateway: *.example.com and a.example.com coexist as custom domains",
        program: tenants([{ domain: "acme.tenants.example.com" }], { originDomain: "origin.tenants.example.com" }),
        check: (r) => assert.strictEqual(ofType(r, T.domainV1).length, 2) },
    { what: "a subdomain tenant with a punycode label of 63 characters", source: "Route 53 and ACM: IDNs in punycode, labels up to 63",
        program: tenants([{ domain: "xn--bcher-kva.tenants.example.com" }, { domain: `${"t".repeat(63)}.tenants.example.com` }]) },
    { what: "an apex name", source: "alias records work at the zone apex (Route 53 alias records)",
        program: () => new RegionalDomain("c", { domainName: "example.com", mappings: [REST] }) },
    { what: "a punycode (internationalized) name", source: "Route 53 and ACM take IDNs in punycode",
        program: () => new RegionalDomain("c", { domainName: "xn--bcher-kva.example.com", mappings: [REST] }) },
    { what: "a label of exactly 63 characters", source: "Route 53: labels up to 63",
        program: () => new RegionalDomain("c", { domainName: `${"a".repeat(63)}.example.com`, certificateArn: WEST_CERT, region: "eu-west-1", createRecords: false }) },
    { what: "a 64-character name requested from ACM", source: "RequestCertificate: 64 octets is allowed",
        program: () => new RegionalDomain("c", { domainName: `${"a".repeat(52)}.example.com` }) },
    { what: "a name several labels below its zone", source: "DNS: any depth below the zone",
        program: () => new RegionalDomain("c", { domainName: "a.b.c.api.example.com", zoneName: "example.com" }),
        check: (r) => assert.deepStrictEqual([...new Set(r.invokes.filter((i) => i.token === "aws:route53/getZone:getZone").map((i) => i.args.name))], ["example.com"]) },
    { what: "a name under a multi-label public suffix", source: "Public Suffix List: co.uk is a suffix, example.co.uk a zone",
        program: () => new EdgeDomain("c", { domainName: "example.co.uk" }),
        check: (r) => assert.deepStrictEqual([...new Set(r.invokes.filter((i) => i.token === "aws:route53/getZone:getZone").map((i) => i.args.name))], ["example.co.uk"]) },
    { what: "a key with every allowed punctuation mark", source: "CreateApiMapping apiMappingKey characters",
        program: () => new RegionalDomain("c", { domainName: "api.example.com", mappings: [{ ...REST, basePath: "$-_.+!*'()" }] }) },
    { what: "a three-level key", source: "multi-level API mappings on regional domains",
        program: () => new RegionalDomain("c", { domainName: "api.example.com", mappings: [{ ...REST, basePath: "orders/v1/items" }] }),
        check: (r) => assert.strictEqual(one(r, T.apiMapping).inputs.apiMappingKey, "orders/v1/items") },
    { what: "REST and HTTP APIs on one domain", source: "You can map HTTP and REST API stages to the same custom domain name",
        program: () => new RegionalDomain("c", { domainName: "api.example.com", mappings: [{ ...REST, basePath: "rest" }, { ...HTTP, basePath: "http" }] }) },
    { what: "a multi-level key with an enhanced policy", source: "multi-level mapping with an enhanced security policy",
        program: () => new RegionalDomain("c", { domainName: "api.example.com", securityPolicy: "SecurityPolicy_TLS13_1_2_PQ_2025_09", endpointAccessMode: "BASIC", mappings: [{ ...REST, basePath: "a/b" }] }) },
    { what: "an enhanced policy on a private domain", source: "Supported security policies: regional and private custom domain names",
        program: () => new PrivateDomain("c", { domainName: "api.internal.example.com", vpcEndpointIds: [VPCE], securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09", endpointAccessMode: "STRICT" }) },
    { what: "an EC certificate", source: "RequestCertificate KeyAlgorithm EC_prime256v1 / EC_secp384r1",
        program: () => { new Certificate("c", { domainName: "api.example.com", keyAlgorithm: "EC_secp384r1" }); new Certificate("d", { domainName: "api2.example.com", keyAlgorithm: "EC_prime256v1" }); } },
    { what: "a wildcard with its apex on one certificate", source: "ACM: one validation record for *.x and x",
        program: () => new Certificate("c", { domainName: "*.example.com", subjectAlternativeNames: ["example.com"] }) },
    { what: "a share with an organization and an OU", source: "RAM principals: organization and OU ARNs",
        program: () => new PrivateDomain("c", { domainName: "api.internal.example.com", vpcEndpointIds: [VPCE], share: { principals: [
            "arn:aws:organizations::123456789012:organization/o-exampleorgid",
            "arn:aws:organizations::123456789012:ou/o-exampleorgid/ou-examplerootid-exampleouid123"] } }) },
    { what: "a GovCloud region and its ARN partition", source: "ARNs: partition aws-us-gov",
        program: () => new RegionalDomain("c", { domainName: "api.example.com", region: "us-gov-west-1", certificateArn: "arn:aws-us-gov:acm:us-gov-west-1:123456789012:certificate/3333", createRecords: false }) },
    { what: "a region newer than the first tables, with its own hosted zone", source: "General Reference: API Gateway hosted zones per region",
        program: () => new RegionalDomain("c", { domainName: "api.example.com", region: "ap-northeast-3", mappings: [REST] }),
        check: (r) => assert.strictEqual(ofType(r, T.record).find((x) => x.inputs.aliases)!.inputs.aliases[0].zoneId, hostedZoneId("apigateway", "ap-northeast-3")) },
    { what: "a listener policy newer than the rulebook's table, named the AWS way", source: "ELB policy naming (TLS floor in the name)",
        program: () => new PrivateAlbDomain("c", { ...ALB_BASE, sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2027-01" }) },
    { what: "a post-quantum listener policy", source: "ALB security policies (PQ-2025-09)",
        program: () => new PrivateAlbDomain("c", { ...ALB_BASE, sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09" }) },
    { what: "an existing VPC endpoint created elsewhere in the program", source: "one interface per subnet",
        program: () => {
            const sg = new aws.ec2.SecurityGroup("vpce-sg", { vpcId: ALB_BASE.vpcId });
            const endpoint = new aws.ec2.VpcEndpoint("vpce", { vpcId: ALB_BASE.vpcId, serviceName: "com.amazonaws.us-west-2.execute-api", vpcEndpointType: "Interface", subnetIds: ALB_BASE.subnetIds, securityGroupIds: [sg.id] });
            new PrivateAlbDomain("c", { ...ALB_BASE, vpcEndpoint: { id: endpoint.id, securityGroupId: sg.id } });
        } },
    { what: "weight 0 on one region (kept in reserve) and 255 on the other", source: "ResourceRecordSet Weight: 0-255",
        program: multiRegion({ routingPolicy: "weighted", regions: [{ ...US, weight: 0 }, { ...EU, weight: 255 }] }),
        check: (r) => assert.deepStrictEqual(ofType(r, T.record).filter((x) => x.inputs.setIdentifier).map((x) => x.inputs.weightedRoutingPolicies?.[0]?.weight ?? x.inputs.weightedRoutingPolicy?.weight).sort(), [0, 255]) },
    { what: "a 128-character set identifier", source: "ResourceRecordSet SetIdentifier: up to 128",
        program: multiRegion({ regions: [{ ...US, setIdentifier: "s".repeat(128) }, EU] }),
        check: (r) => assert.ok(ofType(r, T.record).some((x) => x.inputs.setIdentifier === "s".repeat(128))) },
    { what: "a health check on port 8443 with a 255-character search string, fast interval, threshold 10 and exactly three checker regions", source: "HealthCheckConfig Port, SearchString, RequestInterval, FailureThreshold, Regions",
        program: multiRegion({ healthCheck: { port: 8443, searchString: "o".repeat(255), requestInterval: 10, failureThreshold: 10, checkerRegions: ["us-east-1", "eu-west-1", "sa-east-1"], path: "/health?deep=1" } }),
        check: (r) => {
            const checks = ofType(r, HEALTH_CHECK);
            assert.strictEqual(checks.length, 2);
            for (const c of checks) {
                assert.strictEqual(c.inputs.port, 8443);
                assert.strictEqual(c.inputs.searchString, "o".repeat(255));
                assert.strictEqual(c.inputs.requestInterval, 10);
                assert.strictEqual(c.inputs.failureThreshold, 10);
                assert.deepStrictEqual(c.inputs.regions, ["us-east-1", "eu-west-1", "sa-east-1"]);
                assert.strictEqual(c.inputs.resourcePath, "/health?deep=1");
            }
        } },
    { what: "a routed name several labels below a Cloudflare zone of a two-label public suffix, weighted, the zone by name", source: "Route 53, subdomain without migrating the parent; Cloudflare Delegate subdomains (all plans)",
        program: multiRegion({ domainName: "api.eu.example.co.uk", dns: "cloudflare", cloudflare: { zoneName: "example.co.uk" }, routingPolicy: "weighted", regions: [{ ...US, weight: 0 }, { ...EU, weight: 255 }] }),
        check: (r) => {
            const zone = one(r, "aws:route53/zone:Zone");
            assert.strictEqual(zone.inputs.name, "api.eu.example.co.uk");
            const ns = ofType(r, "cloudflare:index/dnsRecord:DnsRecord");
            assert.deepStrictEqual(ns.map((x) => [x.inputs.type, x.inputs.name]), Array(4).fill(["NS", "api.eu.example.co.uk"]));
            assert.deepStrictEqual(ofType(r, T.record).filter((x) => x.inputs.setIdentifier).map((x) => x.inputs.weightedRoutingPolicies[0].weight).sort(), [0, 255]);
        } },
    { what: "a wildcard routed from a subdomain delegated out of an external DNS, with a certificate name inside it", source: "Route 53, subdomain without migrating the parent; ACM wildcard names",
        program: multiRegion({ domainName: "*.api.example.com", dns: "external", subjectAlternativeNames: ["api.example.com"] }),
        check: (r) => {
            assert.strictEqual(one(r, "aws:route53/zone:Zone").inputs.name, "api.example.com");
            const zoneId = one(r, "aws:route53/zone:Zone").outputs.zoneId;
            for (const rec of ofType(r, T.record)) assert.strictEqual(rec.inputs.zoneId, zoneId);
            assert.deepStrictEqual(ofType(r, T.record).filter((x) => x.inputs.setIdentifier).map((x) => x.inputs.name), ["*.api.example.com", "*.api.example.com"]);
        } },
    { what: "a three-region latency set without failover", source: "latency records: one per region, any number",
        program: multiRegion({ regions: [US, EU, AP] }),
        check: (r) => assert.deepStrictEqual(ofType(r, T.record).filter((x) => x.inputs.setIdentifier && x.inputs.type === "A").map((x) => x.inputs.latencyRoutingPolicies?.[0]?.region ?? x.inputs.latencyRoutingPolicy?.region).sort(), ["ap-southeast-2", "eu-west-1", "us-east-1"]) },
    { what: "failover roles in the API's own uppercase spelling (another language's plain strings)", source: "ResourceRecordSet Failover: PRIMARY | SECONDARY",
        program: multiRegion({ routingPolicy: "failover", regions: [{ ...US, failover: "PRIMARY" as never }, { ...EU, failover: "SECONDARY" as never }] }) },
    { what: "a header glob `*beta*` (infix match), priorities 1 and 1,000,000, a 40-character header name and a 128-character glob", source: "Routing rules: priority 1-1,000,000; header 40, glob 128; infix wildcards",
        program: routed([
            rule(1, { headers: [{ header: "x-channel", valueGlob: "*beta*" }] }),
            rule(1_000_000, { headers: [{ header: "h".repeat(40), valueGlob: "g".repeat(128) }] }),
        ]),
        check: (r) => assert.deepStrictEqual(ofType(r, RULE).map((x) => x.inputs.priority).sort((a, b) => a - b), [1, 1_000_000]) },
    { what: "a rule with two header conditions and a base path condition of several paths", source: "up to two header conditions and one path condition",
        program: routed([rule(10, { headers: [{ header: "x-version", valueGlob: "v2*" }, { header: "x-tenant", valueGlob: "*-eu" }], basePaths: ["orders", "orders/v2", "$-_.+!*'()"] })]) },
    { what: "a routing mode in the v1 API's spelling", source: "Set the routing mode: ROUTING_RULE_THEN_BASE_PATH_MAPPING in apigateway",
        program: routed([rule(10)], { routingMode: "ROUTING_RULE_THEN_BASE_PATH_MAPPING" }),
        check: (r) => assert.strictEqual(one(r, T.domainV1).inputs.routingMode, "ROUTING_RULE_THEN_BASE_PATH_MAPPING") },
    { what: "an edge-optimized domain served by routing rules alone", source: "routing rules on public domains to edge-optimized APIs; ROUTING_RULE_ONLY",
        program: () => new EdgeDomain("c", { domainName: "api.example.com", routingMode: "ROUTING_RULE_ONLY", routingRules: [rule(10, { basePaths: ["orders"] })] }),
        check: (r) => assert.strictEqual(ofType(r, RULE).length, 1) },
    { what: "SharedDomainMappings on a private domain addressed by id", source: "CreateBasePathMapping domainNameId for private custom domains",
        program: () => new SharedDomainMappings("c", { domainName: "api.internal.example.com", domainNameId: "abcd123456", mappings: [{ ...REST, basePath: "orders" }] }),
        check: (r) => assert.strictEqual(one(r, T.basePathMapping).inputs.domainNameId, "abcd123456") },
    { what: "a 253-character domain whose generated texts (zone comment, distribution comment) stay within AWS's limits", source: "HostedZoneConfig Comment 256; DistributionConfig Comment 128",
        program: () => {
            const long = [..."abc"].map((c) => c.repeat(63)).join(".") + "." + "d".repeat(49) + ".example.com";
            new PrivateDomain("p", { domainName: long, vpcEndpointIds: [VPCE], certificateArn: "arn:aws:acm:us-west-2:123456789012:certificate/4444", privateZone: { vpcId: ALB_BASE.vpcId } });
            new CloudFrontDomain("cf", { domainName: long, certificateArn: EAST_CERT, apiCertificateArn: "arn:aws:acm:us-west-2:123456789012:certificate/4444", createRecords: false });
        },
        check: (r) => {
            assert.ok(one(r, "aws:route53/zone:Zone").inputs.comment.length <= 256);
            assert.ok(one(r, "aws:cloudfront/distribution:Distribution").inputs.comment.length <= 128);
        } },
    { what: "an apex name in Cloudflare (flattened on every plan)", source: "Cloudflare CNAME flattening: by default at the zone apex",
        program: () => new RegionalDomain("c", { domainName: "example.com", dns: "cloudflare", cloudflare: { zoneName: "example.com" } }),
        check: (r) => assert.strictEqual(one(r, "cloudflare:index/dnsRecord:DnsRecord", "c-cname").inputs.name, "example.com") },
    { what: "a wildcard name in Cloudflare", source: "API Gateway wildcard custom domains; a CNAME for *.example.com is a plain record",
        program: () => new RegionalDomain("c", { domainName: "*.example.com", dns: "cloudflare", cloudflare: { zoneId: CF_ZONE_ID } }),
        check: (r) => assert.strictEqual(one(r, "cloudflare:index/dnsRecord:DnsRecord", "c-cname").inputs.name, "*.example.com") },
    { what: "subject alternative names deeper in the Cloudflare zone", source: "ACM: one validation record per name, all in the zone",
        program: () => new RegionalDomain("c", { domainName: "api.example.com", subjectAlternativeNames: ["a.b.example.com", "*.api.example.com"], dns: "cloudflare", cloudflare: { zoneName: "example.com" } }),
        check: (r) => assert.strictEqual(r.resources.filter((x) => x.type === "cloudflare:index/dnsRecord:DnsRecord").length, 3) },
    { what: "a Cloudflare TTL of 30 seconds (Enterprise zones)", source: "Cloudflare API DNS Records: the minimum is 30 for Enterprise zones",
        program: () => new RegionalDomain("c", { domainName: "api.example.com", dns: "cloudflare", cloudflare: { zoneId: CF_ZONE_ID, ttl: 30 } }),
        check: (r) => assert.ok(r.diagnostics.some((d) => d.severity === "warning" && /Enterprise zones only/.test(d.message))) },
    { what: "a wildcard with external DNS (no apex warning: *.example.com is not the apex)", source: "a wildcard CNAME is a plain record below the apex",
        program: () => new RegionalDomain("c", { domainName: "*.example.com", dns: "external" }),
        check: (r) => assert.ok(!r.diagnostics.some((d) => /zone apex/.test(d.message))) },
];

describe("corpus of bad inputs: one per rulebook rule, each refused before anything is registered", () => {
    for (const c of BAD) {
        it(`[${c.rule}] refuses ${c.what} (${c.source})`, async () => {
            assert.match(await rejected(c.program), c.message);
        });
    }

    for (const c of WARNED) {
        it(`[${c.rule}] plans ${c.what}, with a warning (${c.source})`, async () => {
            const r = await plan(c.program);
            assert.ok(r.resources.some((x) => x.type !== T.stack));
            assert.ok(r.diagnostics.some((d) => d.severity === "warning" && c.warning.test(d.message)),
                `no warning matching ${c.warning}: ${JSON.stringify(r.diagnostics.map((d) => d.message))}`);
        });
    }

    it("covers every rule of the rulebook", () => {
        const covered = new Set([...BAD.map((c) => c.rule), ...WARNED.map((c) => c.rule), ...Object.keys(TESTED_ELSEWHERE)]);
        assert.deepStrictEqual(RULEBOOK.map((r) => r.id).filter((id) => !covered.has(id)), []);
        for (const c of [...BAD, ...WARNED]) assert.ok(RULEBOOK.some((r) => r.id === c.rule), `unknown rule ${c.rule}`);
        for (const id of Object.keys(TESTED_ELSEWHERE)) assert.ok(RULEBOOK.some((r) => r.id === id), `unknown rule ${id}`);
    });
});

describe("corpus of valid but unusual inputs: AWS accepts each, so the components must too", () => {
    for (const c of VALID) {
        it(`accepts ${c.what} (${c.source})`, async () => {
            const r = await plan(c.program);
            assert.ok(r.resources.some((x) => x.type !== T.stack));
            c.check?.(r);
        });
    }
});
