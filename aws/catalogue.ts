/**
 * The rules of this rulebook that decide whether AWS accepts an input, one line each with the
 * AWS document it rests on (the sentence is quoted in the module that implements it). The README
 * lists them from here (tests/aws/catalogue.test.ts keeps the two equal), and the bad-input
 * corpus (tests/components/corpus.test.ts) has at least one case per rule.
 */
export interface RulebookRule {
    /** Stable id, used by the corpora. */
    readonly id: string;
    /** The module of aws/ that implements it. */
    readonly module: string;
    /** What AWS refuses, in one line. */
    readonly rule: string;
    /** The AWS document (or, where AWS has none, the maintained source) it rests on. */
    readonly source: string;
}

export const RULEBOOK: readonly RulebookRule[] = [
    { id: "domain-name", module: "dns", rule: "Custom domain names: lowercase letters, digits and inner hyphens, labels of 1-63 characters, at most 253 in all, at least two labels, `*` only as the whole first label", source: "Route 53 Developer Guide, \"DNS domain name format\"; API Gateway CreateDomainName" },
    { id: "zone-contains-domain", module: "dns", rule: "A zone holds a name only on whole labels (`api.myexample.com` is not in `example.com`); a default zone is never a public suffix", source: "Route 53 Developer Guide, \"DNS domain name format\"; Public Suffix List (ICANN section)" },
    { id: "private-no-wildcard", module: "apigateway", rule: "Private custom domain names cannot be wildcards (a wildcard certificate is fine)", source: "API Gateway Developer Guide, \"Custom domain names for private APIs in API Gateway\"" },
    { id: "api-kind-per-endpoint", module: "apigateway", rule: "Edge-optimized and private domains serve REST APIs only; a WebSocket domain serves WebSocket APIs only", source: "API Gateway Developer Guide, \"Custom domain names for WebSocket APIs\" and \"Custom domain name for public REST APIs\"" },
    { id: "mapping-key", module: "apigateway", rule: "Mapping keys: letters, digits and `$-_.+!*'()`, levels separated by single `/`, no leading or trailing `/`", source: "API Gateway CreateApiMapping / CreateBasePathMapping; Developer Guide, \"Use API mappings ... for REST APIs\"" },
    { id: "mapping-key-unique", module: "apigateway", rule: "A key maps one API stage per domain", source: "API Gateway CreateApiMapping (ConflictException for an existing mapping)" },
    { id: "multi-level-keys", module: "apigateway", rule: "Multi-level keys need a REGIONAL domain with TLS_1_2 or an enhanced policy (through the v2 mapping API), and no WebSocket API", source: "API Gateway Developer Guide, \"Use API mappings ... for REST APIs\" and \"Choose a security policy for your custom domain\"" },
    { id: "stage-name", module: "apigateway", rule: "Stage names: letters, digits, hyphens and underscores, at most 128 characters (`$default` for HTTP and WebSocket APIs)", source: "API Gateway CreateStage; API Gateway V2 Stage" },
    { id: "security-policy", module: "apigateway", rule: "Security policies API Gateway knows, per endpoint type (`*_EDGE` for edge-optimized only; the others for regional and private)", source: "API Gateway Developer Guide, \"Supported security policies\"; AWS Config, \"apigateway-domain-name-tls-check\"" },
    { id: "endpoint-access-mode", module: "apigateway", rule: "`endpointAccessMode` (BASIC or STRICT) is required with an enhanced `SecurityPolicy_*` policy and invalid with a legacy one", source: "API Gateway Developer Guide, \"Security policies for REST APIs\", Endpoint access mode" },
    { id: "enhanced-rest-only", module: "apigateway", rule: "A domain with an enhanced policy maps no HTTP or WebSocket API", source: "API Gateway Developer Guide, \"Choose a security policy for your custom domain\"" },
    { id: "mutual-tls", module: "apigateway", rule: "Mutual TLS: regional domains only, not with an enhanced policy, not for WebSocket APIs; the truststore is an `s3://bucket/key` URI", source: "API Gateway Developer Guide, \"Mutual TLS authentication for your REST APIs\" and \"Choose a security policy for your custom domain\"; Amazon S3 bucket naming rules" },
    { id: "ip-address-type", module: "apigateway", rule: "IP address types `ipv4` or `dualstack`; public domains default to IPv4; private domains are dualstack only", source: "API Gateway Developer Guide, \"IP address types for custom domain names\"" },
    { id: "certificate-region", module: "cloudfront", rule: "Edge-optimized domains and CloudFront read ACM certificates from us-east-1; regional and private domains from the API's region", source: "CloudFront Developer Guide, \"Requirements for using SSL/TLS certificates with CloudFront\"" },
    { id: "acm-certificate-arn", module: "arn", rule: "Certificate ARNs are ACM's: `arn:{partition}:acm:{region}:{account}:certificate/{id}`", source: "ACM RequestCertificate (CertificateArn); \"Amazon Resource Names (ARNs)\"" },
    { id: "acm-first-name", module: "acm", rule: "A requested certificate's first name has at most 64 characters", source: "ACM RequestCertificate, DomainName" },
    { id: "acm-names-count", module: "acm", rule: "A certificate request lists at most 100 subject alternative names", source: "ACM RequestCertificate, SubjectAlternativeNames" },
    { id: "acm-key-algorithm", module: "acm", rule: "Requested certificates use RSA_2048, EC_prime256v1 or EC_secp384r1", source: "ACM RequestCertificate, KeyAlgorithm" },
    { id: "cloudfront-origin-tls", module: "cloudfront", rule: "CloudFront speaks at most TLS 1.2 to an origin: an API-side policy that accepts only TLS 1.3 cannot sit behind it", source: "CloudFront API Reference, \"OriginSslProtocols\"" },
    { id: "cloudfront-host", module: "cloudfront", rule: "Managed origin request policies that drop Host (with a cache policy that adds none) cannot front a custom domain", source: "CloudFront Developer Guide, \"Use managed origin request policies\" and \"Use managed cache policies\"" },
    { id: "cloudfront-origin-header", module: "cloudfront", rule: "Custom origin headers: HTTP tokens, not one CloudFront refuses to add (Host, X-Amz-*, ...)", source: "CloudFront Developer Guide, \"Custom headers that CloudFront can't add to origin requests\"" },
    { id: "cloudfront-policy-id", module: "cloudfront", rule: "Cache, origin request and response headers policy ids are UUIDs", source: "CloudFront API Reference, CreateCachePolicy / CreateOriginRequestPolicy" },
    { id: "cloudfront-comment", module: "cloudfront", rule: "A distribution's comment has at most 128 characters", source: "CloudFront API Reference, \"DistributionConfig\"" },
    { id: "region-code", module: "regions", rule: "Regions are region codes (`eu-west-1`); unknown but well-formed codes pass", source: "AWS SDK partition table (`regionRegex`)" },
    { id: "ec2-id", module: "ec2", rule: "VPC, subnet, security group and VPC endpoint ids: prefix, hyphen, 8 or 17 hexadecimal characters", source: "Amazon EC2 API Reference, \"Resource IDs\"" },
    { id: "endpoint-interfaces", module: "ec2", rule: "An interface endpoint has one network interface per subnet it serves", source: "AWS PrivateLink Guide, \"Access an AWS service using an interface VPC endpoint\"" },
    { id: "elb-policy", module: "elb", rule: "Listener policies are ELB's predefined `ELBSecurityPolicy-*` policies (TLS 1.2 or better here)", source: "Elastic Load Balancing, \"Security policies for your Application Load Balancer\"; AWS CDK `SslPolicy`" },
    { id: "alb-subnets", module: "elb", rule: "An Application Load Balancer needs subnets in at least two Availability Zones", source: "Elastic Load Balancing CreateLoadBalancer, Subnets" },
    { id: "ram-principal", module: "ram", rule: "RAM principals: a 12-digit account id, an OU ARN or the organization's ARN", source: "AWS RAM CreateResourceShare, principals; AWS Organizations \"Organization\" and \"OrganizationalUnit\"" },
    { id: "hosted-zone-ids", module: "regions", rule: "Alias targets name their service's hosted zone in their region; an unknown region is said, never invented", source: "AWS General Reference, \"Amazon API Gateway endpoints and quotas\" and \"Elastic Load Balancing endpoints and quotas\"" },
];
