// One REST API in eu-west-1 serving a SaaS platform's tenants on their own names:
//
// - subdomain tenants (acme.tenants.<zone>, ...) through ONE wildcard regional custom domain,
//   *.tenants.<zone>: no resource per tenant, the API reads the tenant from $context.domainPrefix;
// - customer-owned domains (api.customer-one.com, ...) through ONE multi-tenant CloudFront
//   distribution in front of the platform's own custom domain origin.api.<zone>, one
//   distribution tenant (with a CloudFront-managed certificate) per customer; the API reads the
//   customer's domain from the x-tenant-domain header a CloudFront Function sets.
//
// Onboarding is one entry in the `tenants` config list and one `pulumi up`: only that tenant's
// distribution tenant is created (subdomain tenants need nothing at all). The output
// `tenantInstructions` says what each customer must put in their DNS.
//
// A regional WAF web ACL on the stage lets through requests that carry the distribution's secret
// origin header, and requests on the wildcard's names unless they bring tenant headers of their
// own (only CloudFront may set x-tenant-domain); anything else (someone calling origin.api.<zone>
// or its d-xxxx target directly) is blocked.
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { TenantDomain, TenantDomains } from "../../index";
import { mockRestApi } from "../lib/apis";

const config = new pulumi.Config();
const zone = config.get("zone") ?? "example.com";
const wildcardDomain = `tenants.${zone}`;

const tenants: TenantDomain[] = config.getObject<TenantDomain[]>("tenants") ?? [
    { domain: `acme.${wildcardDomain}` },
    { domain: `globex.${wildcardDomain}` },
    { domain: `initech.${wildcardDomain}` },
    { domain: "api.customer-one.com" },
    { domain: "api.customer-two.io", additionalDomains: ["api.customer-two.de"] },
    // Moving from another host without downtime: the certificate is validated before DNS moves.
    { domain: "api.customer-three.net", validationTokenHost: "self-hosted" },
];

const api = mockRestApi("saas", { endpointType: "REGIONAL", message: "SaaS API" });

const saas = new TenantDomains("saas", {
    wildcardDomain,
    originDomain: `origin.api.${zone}`,
    zoneName: zone,
    mappings: [{ apiId: api.id, stage: api.stageName }],
    tenants,
});

const visibility = (metricName: string) => ({ cloudwatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true });
const guard = new aws.wafv2.WebAcl("saas-origin-guard", {
    scope: "REGIONAL",
    defaultAction: { block: {} },
    rules: [
        {
            name: "from-cloudfront",
            priority: 0,
            action: { allow: {} },
            statement: {
                byteMatchStatement: {
                    // WAF matches header names in lowercase.
                    fieldToMatch: { singleHeader: { name: saas.originVerifyHeaderName!.toLowerCase() } },
                    positionalConstraint: "EXACTLY",
                    searchString: saas.originVerifySecret!,
                    textTransformations: [{ priority: 0, type: "NONE" }],
                },
            },
            visibilityConfig: visibility("from-cloudfront"),
        },
        {
            // The API trusts the tenant headers only as CloudFront sets them: a request without the
            // secret (one on the wildcard's names) must not bring its own x-tenant-domain.
            name: "forged-tenant-headers",
            priority: 1,
            action: { block: {} },
            statement: {
                byteMatchStatement: {
                    fieldToMatch: {
                        headers: [{
                            matchPattern: { includedHeaders: [saas.tenantHeaderName!, `${saas.tenantHeaderName!}-id`] },
                            matchScope: "KEY",
                            oversizeHandling: "MATCH",
                        }],
                    },
                    positionalConstraint: "STARTS_WITH",
                    searchString: saas.tenantHeaderName!,
                    textTransformations: [{ priority: 0, type: "LOWERCASE" }],
                },
            },
            visibilityConfig: visibility("forged-tenant-headers"),
        },
        {
            name: "subdomain-tenants",
            priority: 2,
            action: { allow: {} },
            statement: {
                byteMatchStatement: {
                    fieldToMatch: { singleHeader: { name: "host" } },
                    positionalConstraint: "ENDS_WITH",
                    searchString: `.${wildcardDomain}`,
                    textTransformations: [{ priority: 0, type: "LOWERCASE" }],
                },
            },
            visibilityConfig: visibility("subdomain-tenants"),
        },
    ],
    visibilityConfig: visibility("saas-origin-guard"),
});
new aws.wafv2.WebAclAssociation("saas-origin-guard", {
    resourceArn: pulumi.interpolate`arn:aws:apigateway:${aws.getRegionOutput().region}::/restapis/${api.id}/stages/${api.stageName}`,
    webAclArn: guard.arn,
});

export const tenantUrls = saas.tenantUrls;
export const tenantMechanisms = saas.tenantMechanisms;
export const tenantInstructions = saas.tenantInstructions;
export const customerCnameTargets = saas.customerCnameTargets;
export const routingEndpoint = saas.routingEndpoint;
export const distributionTenantIds = saas.distributionTenantIds;
export const wildcardDomainName = saas.wildcardDomainName;
export const originDomainName = saas.originDomainName;
export const tenantHeaderName = saas.tenantHeaderName;
