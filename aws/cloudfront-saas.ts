/**
 * CloudFront SaaS Manager facts: multi-tenant distributions, distribution tenants, connection
 * groups and CloudFront-managed tenant certificates, and the API Gateway variables that tell
 * tenants apart behind one custom domain.
 */
import { hostMatches, isWildcard, withoutWildcard } from "./dns";
import { Problem, problem } from "./problem";

/**
 * Domains (aliases) per distribution tenant: 100 by default. Source: CloudFront Developer Guide,
 * "Quotas", section "Quotas on multi-tenant distributions" ("Maximum number of aliases per
 * distribution tenant", with "Request a higher quota"): adjustable, so exceeding it is a warning.
 * (The AWS CLI reference of `update-distribution-tenant` says "up to 5 domains" per tenant; the
 * quota page is the newer, account-specific statement and the one followed here.) The account
 * quotas of the same section (10,000 distribution tenants, 20 multi-tenant distributions, 100
 * connection groups) are in ./quotas.
 */
export const DOMAINS_PER_TENANT_QUOTA = 100;

/**
 * Who serves the HTTP validation token of a CloudFront-managed tenant certificate. Source:
 * CloudFront API Reference, "ManagedCertificateRequest", ValidationTokenHost: `cloudfront`
 * (CloudFront serves the token once the domain's DNS points at CloudFront) or `self-hosted` (the
 * domain's current site answers the validation request at `/.well-known/pki-validation/`, so
 * traffic can move to CloudFront after the certificate is issued).
 */
export const ValidationTokenHost = {
    /** CloudFront serves the token once the domain's DNS points at the routing endpoint. */
    CloudFront: "cloudfront",
    /** The domain's current site answers the validation request; DNS moves to CloudFront once the certificate is issued. */
    SelfHosted: "self-hosted",
} as const;
export type ValidationTokenHost = (typeof ValidationTokenHost)[keyof typeof ValidationTokenHost];
export const VALIDATION_TOKEN_HOSTS: readonly string[] = Object.values(ValidationTokenHost);

/**
 * Where a self-hosted validation request arrives: the domain must redirect it to the ACM URL that
 * `GetManagedCertificateDetails` reports (ACM User Guide, "HTTP validation": a redirectFrom URL on
 * the domain, a redirectTo URL at ACM; CloudFront API Reference, "ValidationTokenDetail"; the
 * tenant is identified by its ARN, id or name).
 */
export const HTTP_VALIDATION_PATH = "/.well-known/pki-validation/";

/**
 * A CloudFront-managed tenant certificate is HTTP-validated, and HTTP validation covers no
 * wildcard name. Source: CloudFront Developer Guide, "Request certificates for your CloudFront
 * distribution tenant" ("CloudFront then gets an HTTP-validated certificate from ACM"); ACM User
 * Guide, "HTTP validation": "HTTP validation does not support wildcard domain certificates".
 */
export function managedCertificateDomainProblem(domain: string): Problem | undefined {
    if (!isWildcard(domain)) return undefined;
    return problem("is a wildcard name, and the CloudFront-managed certificate of a distribution tenant is HTTP-validated, which covers no wildcard",
        `list the customer's names one by one (e.g. "${withoutWildcard(domain)}"), or make it a subdomain tenant under the platform's wildcard domain`);
}

/**
 * A wildcard name covers exactly one label in front of its base: `*.tenants.example.com` serves
 * `a.tenants.example.com`, not `tenants.example.com` nor `a.b.tenants.example.com`. Source: ACM
 * User Guide, "ACM certificate characteristics" (a wildcard "protects only one subdomain level").
 * (A DNS wildcard record would answer the deeper name, but the certificate does not cover it, so
 * TLS fails.) `hostMatches` (dns.ts) applies the same rule. A deeper name can still be served by a
 * CloudFront distribution tenant, whose HTTP-validated certificate names it exactly.
 */
export function wildcardTenantProblem(domain: string, base: string): Problem | undefined {
    if (hostMatches(domain, `*.${base}`)) return undefined;
    const head = domain.slice(0, domain.length - base.length - 1);
    return problem(`is ${head.split(".").length} labels below "${base}", and the wildcard "*.${base}" (domain and certificate) covers exactly one`,
        `use a single label such as "${head.replace(/\./g, "-")}.${base}", or serve it through CloudFront with a managed certificate of its own`);
}

/**
 * CloudFront Functions see the distribution tenant through the `cloudfront` module of JavaScript
 * runtime 2.0 (`cf.distributionTenant.id`). Source: CloudFront Developer Guide, "Helper methods for
 * CloudFront SaaS Manager properties" ("you must first create a CloudFront function by using
 * JavaScript runtime 2.0").
 */
export const TENANT_FUNCTION_RUNTIME = "cloudfront-js-2.0";

/**
 * A CloudFront Function's name: letters, digits, hyphens and underscores, at most 64 characters.
 * Source: CloudFront API Reference, "CreateFunction", Name (pattern `^[a-zA-Z0-9-_]{1,64}$`).
 */
export const CLOUDFRONT_FUNCTION_NAME_MAX_LENGTH = 64;

/** A CloudFront Function's comment: at most 128 characters (CloudFront API Reference, "FunctionConfig", Comment). */
export const FUNCTION_COMMENT_MAX_LENGTH = 128;
export function functionName(text: string): string {
    return text.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, CLOUDFRONT_FUNCTION_NAME_MAX_LENGTH);
}

/**
 * How an API behind one custom domain learns which host a request came in on. Source: API Gateway
 * Developer Guide, "Variables for data transformations" / "$context variables": `$context.domainName`
 * is "the full domain name used to invoke the API" (the same as the incoming Host header), and
 * `$context.domainPrefix` "the first label of the $context.domainName". Behind a wildcard custom
 * domain, `domainPrefix` is the tenant's label.
 */
export const API_HOST_VARIABLES = { domainName: "$context.domainName", domainPrefix: "$context.domainPrefix" } as const;

/**
 * A multi-tenant distribution takes only AWS WAF V2 web ACLs, which are named by ARN (a WAF Classic
 * web ACL is named by a bare id). Source: CloudFront Developer Guide, "Configure distributions"
 * ("For multi-tenant distributions, only AWS WAF V2 web access control lists (ACLs) are
 * supported"); the provider's `MultitenantDistribution.webAclId` ("the AWS WAF v2 web ACL").
 */
export function multiTenantWebAclProblem(webAclId: string): Problem | undefined {
    if (webAclId.startsWith("arn:")) return undefined;
    return problem("is not a WAFv2 web ACL ARN; multi-tenant distributions take only AWS WAF V2 web ACLs",
        "create an aws.wafv2.WebAcl with scope \"CLOUDFRONT\" in us-east-1 and pass its arn");
}
