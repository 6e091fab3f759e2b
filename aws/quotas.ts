/**
 * What AWS lets one account do, and how fast: the control-plane rate limits ("throttles") on the
 * operations that create custom domains and what fronts them, and the account quotas a platform
 * with many tenant domains runs into. The offline plan's critical path schedules resources that
 * share a throttle (offline/critical-path.ts); `npm run bench` reports which quota each tenant
 * mechanism hits first (bench/quotas.ts).
 *
 * Where AWS publishes no figure, there is no entry: CloudFront publishes no rate for
 * CreateDistribution, CreateDistributionTenant or CreateConnectionGroup (its quotas page lists
 * none; a maintainer's answer on aws/aws-sdk-js#3983 quotes only CreateInvalidation's), so the
 * critical path of a multi-tenant distribution does not slow down with its tenants: a lower
 * bound, said so in the README.
 */

/** Where a throttle or quota counts: per account, or per account in each region. */
export type QuotaScope = "account" | "account-region";

/**
 * A control-plane rate limit, modelled as a token bucket: `burst` requests at once when the
 * bucket is full, then `perSecond` requests a second.
 */
export interface ControlPlaneThrottle {
    /** Stable id, `service:Operation`. */
    readonly id: string;
    /** The API operation, as AWS names it. */
    readonly operation: string;
    readonly perSecond: number;
    readonly burst: number;
    readonly scope: QuotaScope;
    /** Whether AWS raises it on request. */
    readonly adjustable: boolean;
    /** The rate as AWS states it ("1 request every 30 seconds"), for the critical path's steps. */
    readonly stated: string;
    /** The AWS document the figure rests on. */
    readonly source: string;
}

/**
 * API Gateway. Developer Guide, "Amazon API Gateway quotas", table "API Gateway quotas for
 * creating, deploying and managing an API": "These quotas can't be increased"; CreateDomainName,
 * DeleteDomainName and UpdateDomainName "1 request every 30 seconds per account"; CreateRestApi
 * "1 request every 3 seconds per account" for regional or private APIs and "1 request every 30
 * seconds per account" for edge-optimized ones; CreateDeployment "1 request every 5 seconds per
 * account"; "Other operations: No quota up to the total account quota"; "Total operations: 10
 * requests per second with a burst quota of 40 requests per second".
 *
 * The table says "per account"; API Gateway's control plane is regional (one endpoint per region,
 * and the page's other table is "per account, per Region"), so we count each region on its own.
 * The table links the v1 operations; a custom domain name is one resource whichever API version
 * creates it (the v2 API manages regional custom domain names for REST APIs too), so the v2
 * DomainName waits in the same queue.
 */
const APIGATEWAY_SOURCE = "API Gateway Developer Guide, \"Amazon API Gateway quotas\" (quotas for creating, deploying and managing an API)";

export const APIGATEWAY_CREATE_DOMAIN_NAME: ControlPlaneThrottle = {
    id: "apigateway:CreateDomainName", operation: "CreateDomainName", perSecond: 1 / 30, burst: 1, scope: "account-region",
    adjustable: false, stated: "1 request every 30 seconds", source: APIGATEWAY_SOURCE,
};
export const APIGATEWAY_CREATE_REST_API_REGIONAL: ControlPlaneThrottle = {
    id: "apigateway:CreateRestApi", operation: "CreateRestApi (regional or private)", perSecond: 1 / 3, burst: 1, scope: "account-region",
    adjustable: false, stated: "1 request every 3 seconds", source: APIGATEWAY_SOURCE,
};
export const APIGATEWAY_CREATE_REST_API_EDGE: ControlPlaneThrottle = {
    id: "apigateway:CreateRestApi(edge)", operation: "CreateRestApi (edge-optimized)", perSecond: 1 / 30, burst: 1, scope: "account-region",
    adjustable: false, stated: "1 request every 30 seconds", source: APIGATEWAY_SOURCE,
};
export const APIGATEWAY_CREATE_DEPLOYMENT: ControlPlaneThrottle = {
    id: "apigateway:CreateDeployment", operation: "CreateDeployment", perSecond: 1 / 5, burst: 1, scope: "account-region",
    adjustable: false, stated: "1 request every 5 seconds", source: APIGATEWAY_SOURCE,
};
export const APIGATEWAY_TOTAL: ControlPlaneThrottle = {
    id: "apigateway:*", operation: "API Gateway control plane (all operations)", perSecond: 10, burst: 40, scope: "account-region",
    adjustable: false, stated: "10 requests per second, bursts of 40", source: APIGATEWAY_SOURCE,
};

/**
 * ACM. User Guide, "Quotas", "API rate quotas": the quotas "apply to the ACM API for each region
 * and account"; RequestCertificate: 5 requests per second. AWS states no burst, so none is
 * modelled (a steady 5 a second).
 */
export const ACM_REQUEST_CERTIFICATE: ControlPlaneThrottle = {
    id: "acm:RequestCertificate", operation: "RequestCertificate", perSecond: 5, burst: 1, scope: "account-region",
    adjustable: false, stated: "5 requests per second", source: "ACM User Guide, \"Quotas\" (API rate quotas)",
};

/**
 * Route 53. Developer Guide, "Throttling for Amazon Route 53 API requests": a token bucket for
 * all of an account's requests (maximum capacity 50, refill 10 a second) and one per action (by
 * default the same 50 and 10; CreateHostedZone 40 and 2; AssociateVPCWithHostedZone 20 and 5); a
 * request takes a token from both. The page replaced the former "five requests per second
 * per AWS account" (still quoted by the re:Post article "How can I avoid Route 53 API throttling
 * errors?"). Its second limit, change throughput (record changes a second), states no default
 * figure, so it is not modelled. Route 53 is global: one bucket per account.
 */
const ROUTE53_SOURCE = "Route 53 Developer Guide, \"Throttling for Amazon Route 53 API requests\"";

export const ROUTE53_ACCOUNT: ControlPlaneThrottle = {
    id: "route53:*", operation: "Route 53 API (all actions)", perSecond: 10, burst: 50, scope: "account",
    adjustable: false, stated: "10 requests per second, bursts of 50", source: ROUTE53_SOURCE,
};
export const ROUTE53_CREATE_HOSTED_ZONE: ControlPlaneThrottle = {
    id: "route53:CreateHostedZone", operation: "CreateHostedZone", perSecond: 2, burst: 40, scope: "account",
    adjustable: false, stated: "2 requests per second, bursts of 40", source: ROUTE53_SOURCE,
};
export const ROUTE53_ASSOCIATE_VPC: ControlPlaneThrottle = {
    id: "route53:AssociateVPCWithHostedZone", operation: "AssociateVPCWithHostedZone", perSecond: 5, burst: 20, scope: "account",
    adjustable: false, stated: "5 requests per second, bursts of 20", source: ROUTE53_SOURCE,
};

export const CONTROL_PLANE_THROTTLES: readonly ControlPlaneThrottle[] = [
    APIGATEWAY_CREATE_DOMAIN_NAME, APIGATEWAY_CREATE_REST_API_REGIONAL, APIGATEWAY_CREATE_REST_API_EDGE, APIGATEWAY_CREATE_DEPLOYMENT,
    APIGATEWAY_TOTAL, ACM_REQUEST_CERTIFICATE, ROUTE53_ACCOUNT, ROUTE53_CREATE_HOSTED_ZONE, ROUTE53_ASSOCIATE_VPC,
];

/** How many of something an account may have. */
export interface AccountQuota {
    readonly id: string;
    /** What is counted, in a few words. */
    readonly what: string;
    readonly limit: number;
    readonly scope: QuotaScope | "hosted-zone";
    readonly adjustable: boolean;
    readonly source: string;
}

/**
 * API Gateway Developer Guide, "Quotas for configuring and running a REST API in API Gateway":
 * "Public custom domain names per account per Region: 120", can be increased (the HTTP API page
 * gives the same 120 for "Custom domains per account per Region").
 */
export const APIGATEWAY_PUBLIC_DOMAINS_QUOTA: AccountQuota = {
    id: "apigateway-public-domains", what: "API Gateway public custom domain names", limit: 120, scope: "account-region", adjustable: true,
    source: "API Gateway Developer Guide, \"Quotas for configuring and running a REST API in API Gateway\"",
};

/**
 * ACM User Guide, "Quotas", general quotas: "Number of ACM certificates: 2500" (expired and
 * revoked ones count), per region and account; more "at any given time" through the Support
 * Center. Requests per year: twice the quota (5,000).
 */
export const ACM_CERTIFICATES_QUOTA: AccountQuota = {
    id: "acm-certificates", what: "ACM certificates", limit: 2500, scope: "account-region", adjustable: true,
    source: "ACM User Guide, \"Quotas\" (general quotas)",
};
export const ACM_CERTIFICATES_PER_YEAR_QUOTA: AccountQuota = {
    id: "acm-certificates-per-year", what: "ACM certificates requested in 365 days", limit: 5000, scope: "account-region", adjustable: true,
    source: "ACM User Guide, \"Quotas\" (general quotas: twice the certificate quota)",
};

/** Route 53 Developer Guide, "Quotas", quotas on records: 10,000 records per hosted zone, higher on request. */
export const ROUTE53_RECORDS_PER_ZONE_QUOTA: AccountQuota = {
    id: "route53-records-per-zone", what: "Route 53 records in one hosted zone", limit: 10_000, scope: "hosted-zone", adjustable: true,
    source: "Route 53 Developer Guide, \"Quotas\" (quotas on records)",
};

/**
 * CloudFront Developer Guide, "Quotas", "Quotas on multi-tenant distributions": distribution
 * tenants per AWS account 10,000; multi-tenant distributions per account 20; connection groups
 * per account 100 (and aliases per tenant 100); each "Request a higher quota".
 * AWS states no quota of tenants per multi-tenant distribution: the account's is the one.
 */
const CLOUDFRONT_MT_SOURCE = "CloudFront Developer Guide, \"Quotas\" (quotas on multi-tenant distributions)";
export const CLOUDFRONT_TENANTS_QUOTA: AccountQuota = {
    id: "cloudfront-distribution-tenants", what: "CloudFront distribution tenants", limit: 10_000, scope: "account", adjustable: true,
    source: CLOUDFRONT_MT_SOURCE,
};
export const CLOUDFRONT_MULTITENANT_DISTRIBUTIONS_QUOTA: AccountQuota = {
    id: "cloudfront-multitenant-distributions", what: "CloudFront multi-tenant distributions", limit: 20, scope: "account", adjustable: true,
    source: CLOUDFRONT_MT_SOURCE,
};
export const CLOUDFRONT_CONNECTION_GROUPS_QUOTA: AccountQuota = {
    id: "cloudfront-connection-groups", what: "CloudFront connection groups", limit: 100, scope: "account", adjustable: true,
    source: CLOUDFRONT_MT_SOURCE,
};

export const ACCOUNT_QUOTAS: readonly AccountQuota[] = [
    APIGATEWAY_PUBLIC_DOMAINS_QUOTA, ACM_CERTIFICATES_QUOTA, ACM_CERTIFICATES_PER_YEAR_QUOTA, ROUTE53_RECORDS_PER_ZONE_QUOTA,
    CLOUDFRONT_TENANTS_QUOTA, CLOUDFRONT_MULTITENANT_DISTRIBUTIONS_QUOTA, CLOUDFRONT_CONNECTION_GROUPS_QUOTA,
];

/**
 * A wildcard custom domain serves one label in front of its suffix, no deeper: the wildcard
 * certificate "protects only one subdomain level" (ACM User Guide, "ACM certificate
 * characteristics"; `hostMatches` in ./dns). A hard limit, and no per-tenant quota.
 */
export const WILDCARD_SUBDOMAIN_LEVELS = 1;

/** "1 request every 30 seconds per account and region" (for a critical path step). */
export function describeThrottle(t: ControlPlaneThrottle): string {
    return `${t.stated} per account${t.scope === "account-region" ? " and region" : ""}`;
}
