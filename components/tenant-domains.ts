import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as random from "@pulumi/random";
import {
    CLOUDFRONT_CERTIFICATE_REGION, CLOUDFRONT_COMMENT_MAX_LENGTH, CLOUDFRONT_WEB_ACL_REGION, MANAGED_CACHE_POLICIES,
    MANAGED_ORIGIN_REQUEST_POLICIES, ViewerSecurityPolicy, isRegionalWebAclArn, originHeaderProblem,
} from "../aws/cloudfront";
import {
    HTTP_VALIDATION_PATH, SAAS_QUOTAS, TENANT_FUNCTION_RUNTIME, VALIDATION_TOKEN_HOSTS, ValidationTokenHost,
    managedCertificateDomainProblem, wildcardTenantProblem,
} from "../aws/cloudfront-saas";
import { isInZone } from "../aws/dns";
import { arnRegion } from "../aws/arn";
import { Certificate } from "./certificate";
import { asOutput, keepNodes, nodesOf } from "./component";
import { DeployTimePaths, refuseDeployTimeValues } from "./deploy-time";
import { CUSTOM_DOMAIN_DEPLOY_TIME } from "./domain-base";
import { DnsArgs } from "./dns";
import { DomainConfigError, componentLabel } from "./errors";
import { Mapping, urlOf } from "./mappings";
import { fitText, validateDomainName } from "./names";
import { ArgumentNames, DomainOptions, hasExplicitProvider, rejectOptionsInArgs, rejectUnknownArguments, standardOptions } from "./options";
import { RegionalDomain, RegionalDomainArgs, validateRegionalDomain } from "./regional-domain";
import { knownRegion, plainString } from "./regions";
import { Transform, applyTransform } from "./transform";
import { ApiType, EndpointAccessMode, RegionalSecurityPolicy } from "./types";

/** One tenant: the name its customers call the API on. */
export interface TenantDomain {
    /**
     * The tenant's domain, lowercase. One label under `wildcardDomain` makes it a subdomain tenant
     * (served by the wildcard custom domain, no resource of its own); any other name is a
     * customer-owned domain, served through the multi-tenant CloudFront distribution by a
     * distribution tenant of its own.
     * @example "customer-a.tenants.example.com" // subdomain tenant
     * @example "api.customer-b.com" // customer-owned
     */
    domain: string;
    /**
     * Further names of a customer-owned tenant, on the same distribution tenant and managed
     * certificate (not for subdomain tenants, which are one name each).
     * @example ["api.customer-b.de"]
     */
    additionalDomains?: string[];
    /**
     * Who serves the HTTP validation token of the tenant's CloudFront-managed certificate:
     * "cloudfront" once the customer's CNAME points at the routing endpoint (the default), or
     * "self-hosted" when the customer serves the token from the current site at
     * `/.well-known/pki-validation/` and moves DNS afterwards (no downtime).
     * @default "cloudfront"
     */
    validationTokenHost?: ValidationTokenHost;
    /**
     * Serve the tenant (customer-owned tenants only; a disabled tenant keeps its domain and certificate).
     * @default true
     */
    enabled?: boolean;
}

/** The secret header CloudFront adds to every origin request (customer-owned tenants). */
export interface TenantOriginVerification {
    /**
     * Add the header. Turn it off only when the API is guarded some other way.
     * @default true
     */
    enabled?: boolean;
    /**
     * Name of the header. It must be one CloudFront may add (not Host, not X-Amz-*, ...).
     * @default "x-origin-verify"
     */
    headerName?: string;
}

export interface TenantDomainsArgs extends DnsArgs {
    /**
     * The tenants. The list decides the resources (one distribution tenant per customer-owned
     * tenant, named after its domain, so adding or removing a tenant touches only its own
     * resources), so it must be known while the program runs.
     * @example [{ domain: "customer-a.tenants.example.com" }, { domain: "api.customer-b.com" }]
     */
    tenants: TenantDomain[];
    /**
     * The base of subdomain tenants: one regional custom domain `*.{wildcardDomain}` with a
     * wildcard certificate and wildcard alias records serves every tenant one label below it.
     * Needed when any tenant is a subdomain of it; omit it when every tenant is customer-owned.
     * @example "tenants.example.com"
     */
    wildcardDomain?: string;
    /**
     * The platform's own name that CloudFront connects to for customer-owned tenants: a regional
     * API Gateway custom domain in the platform's zone, with its own certificate in the API's region
     * and alias records. CloudFront sends it as Host and SNI, so API Gateway's custom domain routing
     * works whatever name the viewer used. Needed when any tenant is customer-owned.
     * @example "origin.api.example.com"
     */
    originDomain?: string;
    /**
     * API stages served on both custom domains (the wildcard and the origin), each under its path.
     * @example [{ apiId: api.id, stage: stage.stageName }]
     */
    mappings?: Mapping[];
    /**
     * The kind of API the custom domains serve (as in RegionalDomain).
     * @default "rest"
     */
    apiType?: ApiType;
    /**
     * Region of the API(s): the custom domains and their certificates go there; CloudFront's
     * resources are global and its viewer certificate is in us-east-1 whatever this is.
     * Must be known while the program runs: it decides whether the origin's certificate can also serve CloudFront (an API in us-east-1).
     * @default the provider's region
     */
    region?: string;
    /**
     * TLS policy of the custom domains. CloudFront speaks TLS 1.2 to the origin.
     * @default "TLS_1_2"
     */
    securityPolicy?: RegionalSecurityPolicy;
    /** Endpoint access mode; required with an enhanced `SecurityPolicy_*` policy, invalid otherwise. */
    endpointAccessMode?: EndpointAccessMode;
    /**
     * ARN of an issued ACM certificate in the API's region covering `*.{wildcardDomain}`.
     * @default a wildcard certificate requested and validated in Route 53
     */
    wildcardCertificateArn?: pulumi.Input<string>;
    /**
     * ARN of an issued ACM certificate in the API's region covering `originDomain`.
     * @default a certificate requested and validated in Route 53
     */
    originCertificateArn?: pulumi.Input<string>;
    /**
     * ARN of an ACM certificate in us-east-1 for the multi-tenant distribution itself (its
     * security policy applies to every tenant; each tenant also gets its own managed certificate).
     * @default a us-east-1 certificate for `originDomain` (the origin's own when the API is in us-east-1)
     */
    viewerCertificateArn?: pulumi.Input<string>;
    /**
     * Viewer TLS security policy of the multi-tenant distribution.
     * @default "TLSv1.2_2021"
     */
    minimumProtocolVersion?: ViewerSecurityPolicy;
    /**
     * Name of the header in which a CloudFront Function hands the API the domain the viewer
     * called (customer-owned tenants); the distribution tenant's id goes in `{tenantHeaderName}-id`.
     * The API sees the origin's name as Host, so this header is how it tells tenants apart.
     * @default "x-tenant-domain"
     */
    tenantHeaderName?: string;
    /**
     * A generated secret header CloudFront adds to every origin request, so the API can refuse
     * requests that bypass the distribution (README, "Close the side door: origin verification").
     * @default enabled, header "x-origin-verify"
     */
    originVerification?: TenantOriginVerification;
    /**
     * ARN of a WAFv2 web ACL with scope CLOUDFRONT (us-east-1) for the multi-tenant distribution.
     */
    webAclId?: pulumi.Input<string>;
    /**
     * Answer customer domains on IPv6 too (the connection group's setting).
     * @default true
     */
    ipv6?: boolean;
    /**
     * Wait until CloudFront resources are deployed to every edge location.
     * @default true
     */
    waitForDeployment?: boolean;
    /** Tags for every taggable resource. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** Escape hatches for a TenantDomains' child resources (TypeScript; other languages use `transforms`). */
export interface TenantDomainsTransforms {
    /** The multi-tenant distribution. */
    distribution?: Transform<aws.cloudfront.MultitenantDistributionArgs>;
    /** Each distribution tenant (`{name}-{domain}`). */
    tenant?: Transform<aws.cloudfront.DistributionTenantArgs>;
    /** The connection group. */
    connectionGroup?: Transform<aws.cloudfront.ConnectionGroupArgs>;
    /** The CloudFront Function that hands the API the tenant's domain. */
    function?: Transform<aws.cloudfront.FunctionArgs>;
}

/** Resource options of a TenantDomains: Pulumi's own, plus what only TypeScript can pass. */
export interface TenantDomainsOptions extends DomainOptions {
    /** Escape hatches for the child resources. */
    transform?: TenantDomainsTransforms;
}

/** The child resources of a TenantDomains, for TypeScript programs. */
export interface TenantDomainsNodes {
    /** The wildcard regional custom domain of subdomain tenants, when there are any. */
    wildcard: RegionalDomain | undefined;
    /** The origin regional custom domain of customer-owned tenants, when there are any. */
    origin: RegionalDomain | undefined;
    /** The viewer certificate's resources the component requested in us-east-1, if any. */
    viewerCertificate: Certificate | undefined;
    distribution: aws.cloudfront.MultitenantDistribution | undefined;
    connectionGroup: aws.cloudfront.ConnectionGroup | undefined;
    tenantFunction: aws.cloudfront.Function | undefined;
    originSecret: random.RandomPassword | undefined;
    /** The distribution tenants, by the tenant's domain. */
    tenants: Record<string, aws.cloudfront.DistributionTenant>;
}
