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
    { id: "reserved-mapping-keys", module: "apigateway", rule: "`ping` and `sping` are API Gateway's own health check paths: a mapping there deploys but is never reached (a warning)", source: "API Gateway Developer Guide, \"Amazon API Gateway known issues\"" },
    { id: "cname-default-endpoint", module: "apigateway", rule: "A CNAME to the default `{api-id}.execute-api` endpoint resolves but fails TLS; a CNAME to a custom domain's target is valid", source: "API Gateway Developer Guide, \"Set up a Regional custom domain name in API Gateway\" and \"Custom domain name for public REST APIs\"" },
    { id: "alb-probe-403", module: "apigateway", rule: "API Gateway answers a load balancer's health probes of the execute-api endpoint with 403, so the target group's matcher must accept 403", source: "AWS re:Post Knowledge Center, \"How do I use an Application Load Balancer to access a private API in API Gateway?\"; ELB, \"Health checks for Application Load Balancer target groups\"" },
    { id: "api-https-only", module: "apigateway", rule: "API Gateway serves HTTPS only, with TLS 1.2 under every policy: an origin or client on plain HTTP fails", source: "API Gateway Developer Guide, \"Data protection in Amazon API Gateway\" and \"Choose a security policy for your custom domain\"" },
    { id: "hosted-zone-comment", module: "dns", rule: "A hosted zone's comment has at most 256 characters (the components' generated comments fit it for any valid name)", source: "Route 53 API Reference, \"HostedZoneConfig\" (Comment)" },
    { id: "cloudfront-viewer-policy", module: "cloudfront", rule: "Viewer security policies are CloudFront's (`TLSv1.2_2018` ... `TLSv1.3_2025` here, TLS 1.2 being this package's floor)", source: "CloudFront Developer Guide, \"Supported protocols and ciphers between viewers and CloudFront\"" },
    { id: "cloudfront-geo-restriction", module: "cloudfront", rule: "Geo restriction locations are ISO 3166-1 alpha-2 country codes (uppercase), at least one", source: "CloudFront API Reference, \"GeoRestriction\"" },
    { id: "cloudfront-web-acl", module: "cloudfront", rule: "A distribution takes only a web ACL of scope CLOUDFRONT, which lives in us-east-1", source: "AWS WAFV2 API Reference, \"Scope\" and \"WebACL\"" },
    { id: "cloudfront-logging-bucket", module: "s3", rule: "Standard logging names the bucket by its domain name (`my-logs.s3.amazonaws.com`)", source: "CloudFront API Reference, \"LoggingConfig\" (Bucket)" },
    { id: "set-identifier", module: "route53", rule: "Set identifiers: 1-128 characters, one per record of a name and type", source: "Route 53 API Reference, \"ResourceRecordSet\" (SetIdentifier)" },
    { id: "record-weight", module: "route53", rule: "Weights are whole numbers 0-255 (0 keeps a record in reserve); at most 100 weighted records share a name and type", source: "Route 53 API Reference, \"ResourceRecordSet\" (Weight)" },
    { id: "failover-roles", module: "route53", rule: "Failover records are PRIMARY or SECONDARY, exactly one of each per name and type", source: "Route 53 API Reference, \"ResourceRecordSet\" (Failover)" },
    { id: "health-check-port", module: "route53", rule: "Health check ports 1-65535", source: "Route 53 API Reference, \"HealthCheckConfig\" (Port)" },
    { id: "health-check-path", module: "route53", rule: "Health check resource paths start with `/` and have at most 255 characters, query string included", source: "Route 53 API Reference, \"HealthCheckConfig\" (ResourcePath); Route 53's InvalidInput \"Health check resource path must start with /\" (terraform-provider-aws #2937)" },
    { id: "health-check-search-string", module: "route53", rule: "A health check search string has 1-255 characters", source: "Route 53 API Reference, \"HealthCheckConfig\" (SearchString)" },
    { id: "health-check-interval", module: "route53", rule: "Health check request intervals are 10 or 30 seconds", source: "Route 53 API Reference, \"HealthCheckConfig\" (RequestInterval)" },
    { id: "health-check-threshold", module: "route53", rule: "Health check failure thresholds 1-10", source: "Route 53 API Reference, \"HealthCheckConfig\" (FailureThreshold)" },
    { id: "health-checker-regions", module: "route53", rule: "Health checker regions: at least 3 of the 8 regions Route 53's checkers run from", source: "Route 53 API Reference, \"HealthCheckConfig\" (Regions) and \"HealthCheckRegion\"" },
    { id: "health-check-id", module: "route53", rule: "A record names a health check by its id, at most 64 characters", source: "Route 53 API Reference, \"ResourceRecordSet\" (HealthCheckId)" },
    { id: "health-check-own-name", module: "route53", rule: "A health check must not call the name of the records it decides on (Route 53 calls results unpredictable)", source: "Route 53 API Reference, \"HealthCheckConfig\" (FullyQualifiedDomainName)" },
    { id: "routing-mode", module: "routing", rule: "Routing modes `API_MAPPING_ONLY` (the default), `ROUTING_RULE_ONLY`, `ROUTING_RULE_THEN_API_MAPPING`, or their v1 names (`BASE_PATH_MAPPING_ONLY`, `ROUTING_RULE_THEN_BASE_PATH_MAPPING`)", source: "API Gateway Developer Guide, \"Set the routing mode for your custom domain name\"" },
    { id: "routing-mode-mappings", module: "routing", rule: "Routing rules need a mode that evaluates them; a `ROUTING_RULE_ONLY` domain takes no API mappings", source: "API Gateway Developer Guide, \"Set the routing mode for your custom domain name\"" },
    { id: "routing-rule-priority", module: "routing", rule: "Rule priorities are whole numbers 1-1,000,000, unique per domain", source: "API Gateway Developer Guide, \"Routing rules to connect API stages to a custom domain name for REST APIs\" (Priority)" },
    { id: "routing-rule-conditions", module: "routing", rule: "A rule has at most two header conditions and one base path condition; the provider needs at least one", source: "API Gateway Developer Guide, \"Routing rules ... for REST APIs\" (Conditions); Terraform `aws_apigatewayv2_routing_rule` schema" },
    { id: "routing-header", module: "routing", rule: "Header names up to 40 characters and value globs up to 128, of letters, digits and HTTP token marks; `*` in a glob only as prefix, suffix or infix match", source: "API Gateway V2 API Reference, \"RoutingRuleMatchHeaderValue\"; Developer Guide, \"Routing rules ... for REST APIs\" (wildcards)" },
    { id: "routing-base-path", module: "routing", rule: "Base path conditions are mapping keys (the mapping key rules apply); the root is no condition", source: "API Gateway V2 API Reference, \"RoutingRuleMatchBasePaths\" (SelectionKey)" },
    { id: "routing-stage", module: "routing", rule: "A rule invokes a stage named in 1-128 characters", source: "API Gateway V2 API Reference, \"RoutingRuleActionInvokeApi\" (Stage)" },
    { id: "routing-rest-only", module: "routing", rule: "Routing rules invoke REST APIs; a domain that maps an HTTP or WebSocket API takes no rules", source: "API Gateway Developer Guide, \"Send traffic to your APIs through your custom domain name\"" },
    { id: "routing-rule-target", module: "routing", rule: "Private domains route to private REST APIs; public domains to regional or edge-optimized ones", source: "API Gateway Developer Guide, \"Send traffic to your APIs through your custom domain name\"" },
    { id: "routing-rules-quota", module: "routing", rule: "50 routing rules per domain by default, a quota AWS raises on request (a warning)", source: "API Gateway Developer Guide, \"Quotas for configuring and running a REST API\"" },
];
