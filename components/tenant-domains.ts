import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as random from "@pulumi/random";
import {
    CLOUDFRONT_CERTIFICATE_REGION, CLOUDFRONT_COMMENT_MAX_LENGTH, CLOUDFRONT_WEB_ACL_REGION, MANAGED_CACHE_POLICIES,
    MANAGED_ORIGIN_REQUEST_POLICIES, ViewerSecurityPolicy, isRegionalWebAclArn, originHeaderProblem,
} from "../aws/cloudfront";
import {
    API_HOST_VARIABLES, FUNCTION_COMMENT_MAX_LENGTH, DOMAINS_PER_TENANT_QUOTA, HTTP_VALIDATION_PATH, TENANT_FUNCTION_RUNTIME, CLOUDFRONT_FUNCTION_NAME_MAX_LENGTH, functionName, VALIDATION_TOKEN_HOSTS, ValidationTokenHost,
    managedCertificateDomainProblem, multiTenantWebAclProblem, wildcardTenantProblem,
} from "../aws/cloudfront-saas";
import { getDomain } from "tldts";
import { defaultZoneName, hostMatches, isInZone, isRegistrableDomain } from "../aws/dns";
import { CLOUDFRONT_TENANTS_QUOTA } from "../aws/quotas";
import { arnRegion } from "../aws/arn";
import { Certificate } from "./certificate";
import { OriginVerification, asArgument } from "./cloudfront-domain";
import { asOutput, keepNodes, nodesOf } from "./component";
import { DeployTimePaths, refuseDeployTimeValues } from "./deploy-time";
import { CUSTOM_DOMAIN_DEPLOY_TIME } from "./domain-base";
import { DNS_ARGUMENTS, DnsArgs, DnsRecordSpec } from "./dns";
import { DomainConfigError, componentLabel } from "./errors";
import { Mapping, urlOf } from "./mappings";
import { fitText, validateDomainName } from "./names";
import { ArgumentNames, DomainOptions, hasExplicitProvider, rejectOptionsInArgs, rejectUnknownArguments, standardOptions } from "./options";
import { RegionalDomain, RegionalDomainArgs, validateRegionalDomain } from "./regional-domain";
import { knownRegion, plainString } from "./regions";
import { Transform, applyTransform } from "./transform";
import { ApiType, EndpointAccessMode, RegionalSecurityPolicy } from "./types";

// Who serves a managed certificate's validation token is CloudFront's name: declared in the rulebook, re-exported here.
export { ValidationTokenHost };

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
     * "self-hosted" when the customer's current site answers the validation request (a redirect
     * from `/.well-known/pki-validation/...` to ACM) and DNS moves afterwards (no downtime).
     * @default "cloudfront"
     */
    validationTokenHost?: ValidationTokenHost;
    /**
     * Serve the tenant (customer-owned tenants only; a disabled tenant keeps its domain and certificate).
     * @default true
     */
    enabled?: boolean;
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
    originVerification?: OriginVerification;
    /**
     * ARN of a WAFv2 web ACL with scope CLOUDFRONT (us-east-1) for the multi-tenant distribution
     * (multi-tenant distributions take no WAF Classic web ACL).
     * @example webAcl.arn
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

/** What a tenant is, decided from plain inputs. */
interface TenantPlan {
    /** The tenant's domain (its key: child names and outputs derive from it). */
    domain: string;
    kind: "subdomain" | "customer";
    /** Every name of the tenant, the primary first. */
    domains: string[];
    validationTokenHost: ValidationTokenHost;
    enabled: boolean;
    /**
     * The names of a CloudFront-served tenant that lie two or more labels under `wildcardDomain`:
     * the platform's own zone must hold their CNAME to the routing endpoint.
     */
    platformNames: string[];
}

interface TenantDomainsPlan {
    subdomainTenants: TenantPlan[];
    customerTenants: TenantPlan[];
    /** The API's region when known while the program runs. */
    apiRegion: string | undefined;
    originHeader: string | undefined;
    tenantHeader: string;
    minimumProtocolVersion: ViewerSecurityPolicy;
}

const ORIGIN_ID = "apigateway";
const ALL_METHODS = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"];
const DEFAULT_ORIGIN_HEADER = "x-origin-verify";
const DEFAULT_TENANT_HEADER = "x-tenant-domain";
/** Characters of the random suffix that makes the function's name unique in the account. */
const FUNCTION_SUFFIX_LENGTH = 8;

/**
 * Many tenant domains in front of one API, with the mechanism chosen by what each tenant is:
 * subdomains of the platform's `wildcardDomain` are served by one wildcard regional custom
 * domain (`*.{wildcardDomain}`, wildcard certificate, wildcard alias records: no resource per
 * tenant, the API tells tenants apart by `$context.domainName` / `$context.domainPrefix`);
 * customer-owned domains by one multi-tenant CloudFront distribution (CloudFront SaaS Manager)
 * in front of the platform's own regional custom domain `originDomain`, with a connection group,
 * and one distribution tenant with a CloudFront-managed certificate per customer. A CloudFront
 * Function hands the API the domain the viewer called in a header, since API Gateway sees the
 * origin's name as Host. The outputs say what each customer must put in their DNS.
 */
export class TenantDomains extends pulumi.ComponentResource {
    /** `https://{domain}/` for every tenant, by the tenant's domain. */
    readonly tenantUrls: pulumi.Output<Record<string, string>>;
    /** How each tenant is served ("wildcard" or "cloudfront"), by the tenant's domain. */
    readonly tenantMechanisms: pulumi.Output<Record<string, string>>;
    /**
     * What each customer must put in their DNS, by domain (every name of every customer-owned
     * tenant): a CNAME to the connection group's routing endpoint.
     */
    readonly customerCnameTargets: pulumi.Output<Record<string, string>>;
    /** What each tenant's owner must do, in words, by the tenant's domain. */
    readonly tenantInstructions: pulumi.Output<Record<string, string>>;
    /** The distribution tenant id of each customer-owned tenant, by its domain. */
    readonly distributionTenantIds: pulumi.Output<Record<string, string>>;
    /** The wildcard custom domain name (`*.{wildcardDomain}`), when there is one. */
    readonly wildcardDomainName: pulumi.Output<string> | undefined;
    /** The wildcard domain's regional target, for DNS outside Route 53. */
    readonly wildcardTargetDomainName: pulumi.Output<string> | undefined;
    /** The hosted zone of `wildcardTargetDomainName`. */
    readonly wildcardHostedZoneId: pulumi.Output<string> | undefined;
    /** The origin custom domain name CloudFront connects to, when there is one. */
    readonly originDomainName: pulumi.Output<string> | undefined;
    /** The origin domain's regional target: what its DNS must point to when it is outside Route 53 (`createRecords: false`). */
    readonly originTargetDomainName: pulumi.Output<string> | undefined;
    /** The hosted zone of `originTargetDomainName`. */
    readonly originHostedZoneId: pulumi.Output<string> | undefined;
    /** The multi-tenant distribution's id. */
    readonly distributionId: pulumi.Output<string> | undefined;
    /** The connection group's id. */
    readonly connectionGroupId: pulumi.Output<string> | undefined;
    /** The connection group's routing endpoint (`dxxxx.cloudfront.net`): what customer CNAMEs point to. */
    readonly routingEndpoint: pulumi.Output<string> | undefined;
    /** The header that carries the domain the viewer called to the API (customer-owned tenants). */
    readonly tenantHeaderName: string | undefined;
    /** Name of the secret origin header, unless origin verification is off or no tenant is customer-owned. */
    readonly originVerifyHeaderName: string | undefined;
    /** Value of the secret origin header (a secret output). */
    readonly originVerifySecret: pulumi.Output<string> | undefined;
    /**
     * The platform's records DNS outside Route 53 must hold (`dns: "external"`: the ones to create;
     * "cloudflare": the ones created there): the certificates' validation records and the
     * wildcard's and the origin's CNAMEs. Empty with Route 53. Customers' records are in
     * `customerCnameTargets`.
     */
    readonly dnsRecords: pulumi.Output<DnsRecordSpec[]>;

    constructor(name: string, args: TenantDomainsArgs, opts: TenantDomainsOptions = {}) {
        const label = componentLabel("TenantDomains", name);
        const plan = validateTenantDomains(label, name, args, hasExplicitProvider(opts));
        super("apigw-domains:index:TenantDomains", name, {}, standardOptions(opts));
        const self = this;
        const childOpts = { parent: this, certificateProvider: opts.certificateProvider, dnsProvider: opts.dnsProvider };

        const wildcard = args.wildcardDomain !== undefined ? createWildcardDomain(args.wildcardDomain) : undefined;
        const customer = args.originDomain !== undefined ? createCustomerSide(args.originDomain) : undefined;

        keepNodes<TenantDomainsNodes>(this, {
            wildcard,
            origin: customer?.origin,
            viewerCertificate: customer?.viewerCertificate,
            distribution: customer?.distribution,
            connectionGroup: customer?.group,
            tenantFunction: customer?.fn,
            originSecret: customer?.secret,
            tenants: customer?.tenants ?? {},
        });

        const all = [...plan.subdomainTenants, ...plan.customerTenants];
        this.tenantUrls = pulumi.output(Object.fromEntries(all.map((t) => [t.domain, urlOf(t.domain, "")])));
        this.tenantMechanisms = pulumi.output(Object.fromEntries(all.map((t) => [t.domain, t.kind === "subdomain" ? "wildcard" : "cloudfront"])));
        const endpoint = customer?.group.routingEndpoint;
        this.customerCnameTargets = endpoint
            ? endpoint.apply((e) => Object.fromEntries(plan.customerTenants.flatMap((t) => t.domains.map((d) => [d, e]))))
            : pulumi.output<Record<string, string>>({});
        this.tenantInstructions = pulumi.all([endpoint ?? pulumi.output(""), wildcard?.domainName ?? pulumi.output("")])
            .apply(([e, w]) => Object.fromEntries(all.map((t) => [t.domain, instructionsFor(t, e, w)])));
        this.distributionTenantIds = customer
            ? pulumi.all(Object.fromEntries(Object.entries(customer.tenants).map(([d, t]) => [d, t.id]))) as pulumi.Output<Record<string, string>>
            : pulumi.output<Record<string, string>>({});
        this.wildcardDomainName = wildcard?.domainName;
        this.wildcardTargetDomainName = wildcard?.targetDomainName;
        this.wildcardHostedZoneId = wildcard?.hostedZoneId;
        this.originDomainName = customer?.origin.domainName;
        this.originTargetDomainName = customer?.origin.targetDomainName;
        this.originHostedZoneId = customer?.origin.hostedZoneId;
        this.distributionId = customer?.distribution.id;
        this.connectionGroupId = customer?.group.id;
        this.routingEndpoint = endpoint;
        this.tenantHeaderName = customer ? plan.tenantHeader : undefined;
        this.originVerifyHeaderName = customer?.secret ? plan.originHeader : undefined;
        this.originVerifySecret = customer?.secret ? pulumi.secret(customer.secret.result) : undefined;
        this.dnsRecords = pulumi.all([
            wildcard?.dnsRecords ?? [], customer?.origin.dnsRecords ?? [], customer?.viewerCertificate?.dnsRecords ?? [],
        ]).apply((lists) => uniqueRecords(lists.flat()));
        this.registerOutputs({
            tenantUrls: this.tenantUrls,
            tenantMechanisms: this.tenantMechanisms,
            customerCnameTargets: this.customerCnameTargets,
            tenantInstructions: this.tenantInstructions,
            distributionTenantIds: this.distributionTenantIds,
            wildcardDomainName: this.wildcardDomainName,
            wildcardTargetDomainName: this.wildcardTargetDomainName,
            wildcardHostedZoneId: this.wildcardHostedZoneId,
            originDomainName: this.originDomainName,
            originTargetDomainName: this.originTargetDomainName,
            originHostedZoneId: this.originHostedZoneId,
            distributionId: this.distributionId,
            connectionGroupId: this.connectionGroupId,
            routingEndpoint: this.routingEndpoint,
            tenantHeaderName: this.tenantHeaderName,
            originVerifyHeaderName: this.originVerifyHeaderName,
            originVerifySecret: this.originVerifySecret,
            dnsRecords: this.dnsRecords,
        });

        /** One wildcard regional custom domain (certificate and alias records included) for every subdomain tenant. */
        function createWildcardDomain(base: string): RegionalDomain {
            return new RegionalDomain(`${name}-wildcard`, {
                ...regionalArgs(args), domainName: `*.${base}`, certificateArn: args.wildcardCertificateArn,
            }, childOpts);
        }

        /**
         * The platform's origin custom domain (with alias records, since CloudFront resolves it),
         * the viewer certificate in us-east-1, the connection group, the function that hands the
         * API the viewer's domain, the multi-tenant distribution, and one tenant per customer.
         */
        function createCustomerSide(originDomain: string) {
            const origin = new RegionalDomain(`${name}-origin`, {
                ...originArgs(args), domainName: originDomain, certificateArn: args.originCertificateArn,
            }, childOpts);
            const { viewerCertificate, viewerArn } = createViewerCertificate(originDomain, origin);
            const group = createConnectionGroup();
            const fn = createTenantFunction();
            const secret = plan.originHeader !== undefined ? createOriginSecret() : undefined;
            const distribution = createDistribution(originDomain, origin, viewerArn, fn, secret);
            const tenants: Record<string, aws.cloudfront.DistributionTenant> = {};
            for (const t of plan.customerTenants) tenants[t.domain] = createTenant(t, distribution, group);
            return { origin, viewerCertificate, group, fn, secret, distribution, tenants };
        }

        function createViewerCertificate(originDomain: string, origin: RegionalDomain) {
            if (args.viewerCertificateArn !== undefined) return { viewerCertificate: undefined, viewerArn: asOutput(args.viewerCertificateArn) };
            // An API in us-east-1: the origin's certificate is already where CloudFront reads certificates.
            if (plan.apiRegion === CLOUDFRONT_CERTIFICATE_REGION) return { viewerCertificate: undefined, viewerArn: origin.certificateArn };
            const viewerCertificate = new Certificate(`${name}-viewer-cert`, {
                domainName: originDomain, region: CLOUDFRONT_CERTIFICATE_REGION, ...platformDns(args), cloudflare: unproxied(args.cloudflare), tags: args.tags,
            }, { parent: self, ...(opts.certificateProvider ? { provider: opts.certificateProvider } : {}), dnsProvider: opts.dnsProvider });
            return { viewerCertificate, viewerArn: viewerCertificate.arn };
        }

        function createConnectionGroup(): aws.cloudfront.ConnectionGroup {
            const childName = `${name}-connections`;
            const [a, o] = applyTransform(opts.transform?.connectionGroup, childName, {
                // The provider names it after the child (`{name}-connections-xxxxxxx`).
                enabled: true,
                ipv6Enabled: args.ipv6 ?? true,
                waitForDeployment: args.waitForDeployment ?? true,
                tags: args.tags,
            } as aws.cloudfront.ConnectionGroupArgs, { parent: self });
            return new aws.cloudfront.ConnectionGroup(childName, a, o);
        }

        function createTenantFunction(): aws.cloudfront.Function {
            const childName = `${name}-tenant-host`;
            const suffix = new random.RandomString(`${name}-tenant-host-suffix`,
                { length: FUNCTION_SUFFIX_LENGTH, special: false, upper: false }, { parent: self });
            const [a, o] = applyTransform(opts.transform?.function, childName, {
                // Function names are unique per account: a fixed name would make two stacks of one
                // program (dev and prod) collide. A random suffix of our own, rather than the provider's
                // autonaming, keeps the name within CloudFront's 64 characters and character set.
                name: pulumi.interpolate`${functionName(childName).slice(0, CLOUDFRONT_FUNCTION_NAME_MAX_LENGTH - FUNCTION_SUFFIX_LENGTH - 1)}-${suffix.result}`,
                runtime: TENANT_FUNCTION_RUNTIME,
                comment: fitText(`Hands the API the domain a tenant's viewer called (${plan.tenantHeader})`, FUNCTION_COMMENT_MAX_LENGTH),
                publish: true,
                code: tenantFunctionCode(plan.tenantHeader),
            } as aws.cloudfront.FunctionArgs, { parent: self });
            return new aws.cloudfront.Function(childName, a, o);
        }

        function createOriginSecret(): random.RandomPassword {
            return new random.RandomPassword(`${name}-origin-secret`, { length: 48, special: false }, { parent: self });
        }

        function createDistribution(originDomain: string, origin: RegionalDomain, viewerArn: pulumi.Input<string>,
            fn: aws.cloudfront.Function, secret: random.RandomPassword | undefined): aws.cloudfront.MultitenantDistribution {
            const childName = `${name}-distribution`;
            const [a, o] = applyTransform(opts.transform?.distribution, childName, {
                enabled: true,
                comment: fitText(`${originDomain}: API Gateway tenants`, CLOUDFRONT_COMMENT_MAX_LENGTH),
                origins: [{
                    id: ORIGIN_ID,
                    // The platform's custom domain name itself (not its d-xxxx target): CloudFront sends it as Host and SNI.
                    domainName: origin.domainName,
                    customOriginConfigs: [{ httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] }],
                    customHeaders: secret ? [{ headerName: plan.originHeader!, headerValue: secret.result }] : undefined,
                }],
                defaultCacheBehavior: {
                    targetOriginId: ORIGIN_ID,
                    viewerProtocolPolicy: "redirect-to-https",
                    allowedMethods: { items: ALL_METHODS, cachedMethods: ["GET", "HEAD"] },
                    cachePolicyId: MANAGED_CACHE_POLICIES.cachingDisabled,
                    // Every viewer header but Host: the tenant's name as Host would miss API Gateway's custom domain.
                    originRequestPolicyId: MANAGED_ORIGIN_REQUEST_POLICIES.allViewerExceptHostHeader,
                    functionAssociations: [{ eventType: "viewer-request", functionArn: fn.arn }],
                },
                viewerCertificate: { acmCertificateArn: viewerArn, sslSupportMethod: "sni-only", minimumProtocolVersion: plan.minimumProtocolVersion },
                restrictions: { geoRestriction: { restrictionType: "none" } },
                tenantConfig: {},
                httpVersion: "http2and3",
                webAclId: args.webAclId,
                tags: args.tags,
            } as aws.cloudfront.MultitenantDistributionArgs, {
                parent: self,
                // Requests go to the origin's name: its domain, mappings and alias records come first.
                dependsOn: [origin],
            });
            return new aws.cloudfront.MultitenantDistribution(childName, a, o);
        }

        function createTenant(t: TenantPlan, distribution: aws.cloudfront.MultitenantDistribution,
            group: aws.cloudfront.ConnectionGroup): aws.cloudfront.DistributionTenant {
            // Named after the domain, never the index: onboarding or removing one tenant touches nothing else.
            const childName = `${name}-${t.domain}`;
            const [a, o] = applyTransform(opts.transform?.tenant, childName, {
                distributionId: distribution.id,
                connectionGroupId: group.id,
                name: t.domain,
                domains: t.domains.map((domain) => ({ domain })),
                enabled: t.enabled,
                managedCertificateRequest: {
                    primaryDomainName: t.domain,
                    validationTokenHost: t.validationTokenHost,
                    certificateTransparencyLoggingPreference: "enabled",
                },
                waitForDeployment: args.waitForDeployment ?? true,
                tags: args.tags,
            } as aws.cloudfront.DistributionTenantArgs, {
                parent: self,
                // A domain belongs to one tenant at a time: free it before a replacement claims it.
                deleteBeforeReplace: true,
            });
            return new aws.cloudfront.DistributionTenant(childName, a, o);
        }
    }

    /** The child resources, for TypeScript programs (other languages get the outputs above). */
    get nodes(): TenantDomainsNodes {
        return nodesOf(this);
    }
}

/**
 * The Route 53 zone both platform names go in when neither zoneName nor zoneId is given: each
 * name's own default zone (the name without its first label) differs as soon as the names sit at
 * different depths (`*.tenants.example.com` -> example.com, `origin.api.example.com` ->
 * api.example.com), so both take the deepest zone that holds them both, provided it lies within
 * one registrable domain. Undefined when the names are in different registrable domains (each then
 * looks up its own default) or when only one name is set.
 */
export function sharedZoneName(wildcardDomain: string, originDomain: string): string | undefined {
    const a = defaultZoneName(`*.${wildcardDomain}`).split(".");
    const b = defaultZoneName(originDomain).split(".");
    if (getDomain(a.join(".")) === null || getDomain(a.join(".")) !== getDomain(b.join("."))) return undefined;
    const common: string[] = [];
    for (let i = 1; i <= Math.min(a.length, b.length) && a[a.length - i] === b[b.length - i]; i++) common.unshift(a[a.length - i]);
    return common.join(".");
}

/** What both regional custom domains share. */
function regionalArgs(args: TenantDomainsArgs): Omit<RegionalDomainArgs, "domainName"> {
    return {
        mappings: args.mappings,
        apiType: args.apiType,
        region: args.region,
        securityPolicy: args.securityPolicy,
        endpointAccessMode: args.endpointAccessMode,
        ...platformDns(args),
        tags: args.tags,
    };
}

/** Where the platform's records go: the same for both regional domains and the viewer certificate. */
function platformDns(args: TenantDomainsArgs): DnsArgs {
    return {
        dns: args.dns,
        cloudflare: args.cloudflare,
        createRecords: args.createRecords,
        zoneId: args.zoneId,
        zoneName: platformZoneName(args),
        privateZone: args.privateZone,
    };
}

/** The zone name the platform's names use: the one given, else the shared default (Route 53 only). */
function platformZoneName(args: TenantDomainsArgs): TenantDomainsArgs["zoneName"] {
    if (args.zoneName !== undefined || args.zoneId !== undefined || (args.dns !== undefined && args.dns !== "route53")) return args.zoneName;
    if (typeof args.wildcardDomain !== "string" || typeof args.originDomain !== "string") return undefined;
    return sharedZoneName(args.wildcardDomain, args.originDomain);
}

/**
 * The origin's arguments: the shared ones with Cloudflare's proxy off. The origin name is a hop
 * between CloudFront and API Gateway, never a viewer's: proxied, CloudFront would connect to
 * Cloudflare's edge instead of API Gateway, a second CDN whose bot and rate rules see all tenants'
 * traffic from CloudFront's few addresses, and the origin secret would pass through it.
 */
function originArgs(args: TenantDomainsArgs): Omit<RegionalDomainArgs, "domainName"> {
    return { ...regionalArgs(args), cloudflare: unproxied(args.cloudflare) };
}

/** Cloudflare settings without `proxied`: for the origin's CNAME and for validation records, which Cloudflare cannot proxy. */
function unproxied(cloudflare: TenantDomainsArgs["cloudflare"]): TenantDomainsArgs["cloudflare"] {
    if (cloudflare === undefined || cloudflare === null || typeof cloudflare !== "object") return cloudflare;
    const { proxied: _proxied, ...rest } = cloudflare;
    return rest;
}

/**
 * The viewer-request function: copies the Host the viewer called into the tenant header and the
 * distribution tenant's id into `{header}-id` (overwriting whatever the viewer sent under those
 * names), which the AllViewerExceptHostHeader policy forwards to the API.
 */
export function tenantFunctionCode(header: string): string {
    return [
        "import cf from 'cloudfront';",
        "",
        "function handler(event) {",
        "    var request = event.request;",
        "    var host = request.headers.host ? request.headers.host.value : '';",
        `    request.headers['${header}'] = { value: host };`,
        "    try {",
        `        request.headers['${header}-id'] = { value: cf.distributionTenant.id };`,
        "    } catch (e) {",
        `        delete request.headers['${header}-id'];`,
        "    }",
        "    return request;",
        "}",
        "",
    ].join("\n");
}

/**
 * Each record once: ACM gives certificates of one name in one account the same validation CNAME, so
 * the origin's certificate and the us-east-1 viewer certificate ask for the same record.
 */
function uniqueRecords(records: DnsRecordSpec[]): DnsRecordSpec[] {
    return records.filter((r, i) => records.findIndex((x) => x.name === r.name && x.value === r.value) === i);
}

function wildcardBase(wildcard: string): string {
    return wildcard.startsWith("*.") ? wildcard.slice(2) : wildcard;
}

/** What a tenant's owner must do, in words. */
function instructionsFor(t: TenantPlan, routingEndpoint: string, wildcard: string): string {
    if (t.kind === "subdomain") {
        return `nothing: ${wildcard} already serves ${t.domain} (the API reads the tenant from ${API_HOST_VARIABLES.domainName} or ${API_HOST_VARIABLES.domainPrefix})`;
    }
    const cnames = t.domains.map((d) => t.platformNames.includes(d)
        ? `CNAME ${d} -> ${routingEndpoint} in the platform's zone (a specific record wins over the *.${wildcardBase(wildcard)} wildcard record, which would send it to the wildcard custom domain, whose certificate covers one label only)`
        : isRegistrableDomain(d)
        ? `${d} -> ${routingEndpoint} (a zone apex cannot hold a CNAME: use the DNS provider's ALIAS/ANAME or CNAME flattening)`
        : `CNAME ${d} -> ${routingEndpoint}`).join("; ");
    const validation = t.validationTokenHost === "cloudfront"
        ? "CloudFront serves the certificate's HTTP validation token once the CNAME is in place"
        : `before moving DNS, redirect http://${t.domain}${HTTP_VALIDATION_PATH}... on the current site to the RedirectTo URL that \`aws cloudfront get-managed-certificate-details --identifier ${t.domain}\` reports, and move the CNAME once the certificate is issued`;
    return `${cnames}; ${validation}`;
}

const TENANT_DOMAINS_ARGUMENTS: ArgumentNames<TenantDomainsArgs> = {
    tenants: true, wildcardDomain: true, originDomain: true, mappings: true, apiType: true, region: true,
    securityPolicy: true, endpointAccessMode: true, wildcardCertificateArn: true, originCertificateArn: true,
    viewerCertificateArn: true, minimumProtocolVersion: true, tenantHeaderName: true, originVerification: true,
    webAclId: true, ipv6: true, waitForDeployment: true, tags: true,
    ...DNS_ARGUMENTS,
};
const TENANT_ARGUMENTS: ArgumentNames<TenantDomain> = { domain: true, additionalDomains: true, validationTokenHost: true, enabled: true };
const ORIGIN_VERIFICATION_ARGUMENTS: ArgumentNames<OriginVerification> = { enabled: true, headerName: true };

/**
 * The arguments that take deploy-time values: ids and ARNs passed on as they are. The tenant list,
 * the domains and the region decide the resources, so they are plain.
 */
const TENANT_DOMAINS_DEPLOY_TIME: DeployTimePaths = [
    ...CUSTOM_DOMAIN_DEPLOY_TIME.filter((p) => p !== "certificateArn"),
    "wildcardCertificateArn", "originCertificateArn", "viewerCertificateArn", "webAclId",
];

/** Every rule the tenants and the platform's names must satisfy, checked before anything is registered. */
function validateTenantDomains(label: string, name: string, args: TenantDomainsArgs, explicitProvider: boolean): TenantDomainsPlan {
    const fail = (argument: string, value: unknown, rule: string, fix: string): never => {
        throw new DomainConfigError(label, argument, value, rule, fix);
    };
    refuseDeployTimeValues(label, args, TENANT_DOMAINS_DEPLOY_TIME);
    rejectOptionsInArgs(label, args);
    rejectUnknownArguments(label, args, TENANT_DOMAINS_ARGUMENTS);
    if (typeof args.originVerification === "object") rejectUnknownArguments(label, args.originVerification, ORIGIN_VERIFICATION_ARGUMENTS, "originVerification.");
    if (!Array.isArray(args.tenants)) {
        fail("tenants", args.tenants, "is not a list of tenants", "pass a list such as [{ domain: \"customer-a.tenants.example.com\" }] (an empty list is fine)");
    }
    args.tenants.forEach((t, i) => rejectUnknownArguments(label, t, TENANT_ARGUMENTS, `tenants[${i}].`));

    // The platform's own names.
    const base = args.wildcardDomain;
    if (base !== undefined) {
        validateDomainName(label, "wildcardDomain", base);
        if (base.startsWith("*.")) {
            fail("wildcardDomain", base, "is itself a wildcard; the component serves \"*.\" in front of the base you give",
                `pass the base: "${base.slice(2)}"`);
        }
    }
    const origin = args.originDomain;
    if (origin !== undefined) {
        validateDomainName(label, "originDomain", origin);
        if (origin.startsWith("*.")) {
            fail("originDomain", origin, "is a wildcard; CloudFront connects to one name", "pass a single name in the platform's zone, such as \"origin.api.example.com\"");
        }
    }
    if (base === undefined && origin === undefined) {
        fail("wildcardDomain", undefined, "and originDomain are both missing, so no tenant could be served",
            "set wildcardDomain for subdomain tenants, originDomain for customer-owned domains, or both");
    }
    if (base !== undefined && origin !== undefined && origin === base) {
        fail("originDomain", origin, "is the wildcard's base; the origin needs a name of its own", `use a name such as "origin.${base}"`);
    }

    // Every tenant name: unique (ignoring case), valid, and not one of the platform's names.
    const seen = new Map<string, string>();
    const claim = (argument: string, domain: unknown) => {
        if (typeof domain !== "string") return;
        const key = domain.toLowerCase();
        const earlier = seen.get(key);
        if (earlier !== undefined) {
            fail(argument, domain, `is already ${earlier}; a domain belongs to one tenant (CloudFront takes a name on one distribution tenant only)`, "remove the duplicate");
        }
        seen.set(key, argument);
    };
    const tenants: TenantPlan[] = args.tenants.map((t, i) => {
        const at = `tenants[${i}]`;
        if (t === null || typeof t !== "object") fail(at, t, "is not a tenant", "pass { domain: \"...\" }");
        claim(`${at}.domain`, t.domain);
        (t.additionalDomains ?? []).forEach((d, j) => claim(`${at}.additionalDomains[${j}]`, d));
        const domain = validateDomainName(label, `${at}.domain`, t.domain);
        checkNotPlatformName(`${at}.domain`, domain);
        // One label under the base: the wildcard serves it. Deeper under the base: the wildcard's
        // certificate does not cover it, so it goes through CloudFront like a customer's name.
        const underBase = base !== undefined && domain !== base && isInZone(domain, base);
        const kind = underBase && wildcardTenantProblem(domain, base!) === undefined ? "subdomain" : "customer";
        if (underBase && kind === "customer" && origin === undefined) {
            const found = wildcardTenantProblem(domain, base!)!;
            fail(`${at}.domain`, domain, `${found.rule}, and a deeper name needs CloudFront, which needs originDomain`,
                `${found.fix} (set originDomain for that; the name then needs a CNAME in the platform's zone)`);
        }
        if (kind === "subdomain") {
            if (t.additionalDomains !== undefined && t.additionalDomains.length > 0) {
                fail(`${at}.additionalDomains`, t.additionalDomains, "are only for customer-owned tenants; a subdomain tenant is one name under the wildcard",
                    "make each name a tenant of its own");
            }
            for (const key of ["validationTokenHost", "enabled"] as const) {
                if (t[key] !== undefined) {
                    fail(`${at}.${key}`, t[key], "only applies to customer-owned tenants (a subdomain tenant has no resource of its own)", `remove ${key}`);
                }
            }
        } else {
            if (origin === undefined) {
                fail(`${at}.domain`, domain, base === undefined
                    ? "is a customer-owned domain, and those are served through CloudFront, which needs originDomain"
                    : `is not under wildcardDomain "${base}", so it is a customer-owned domain, served through CloudFront, which needs originDomain`,
                "set originDomain (a name in the platform's zone, such as \"origin.api.example.com\"), or use a name one label under wildcardDomain");
            }
            const found = managedCertificateDomainProblem(domain);
            if (found) fail(`${at}.domain`, domain, found.rule, found.fix);
        }
        const domains = [domain];
        (kind === "customer" ? t.additionalDomains ?? [] : []).forEach((d, j) => {
            const argument = `${at}.additionalDomains[${j}]`;
            validateDomainName(label, argument, d);
            checkNotPlatformName(argument, d);
            const problem = managedCertificateDomainProblem(d);
            if (problem) fail(argument, d, problem.rule, problem.fix);
            if (base !== undefined && hostMatches(d, `*.${base}`)) {
                fail(argument, d, `is one label under wildcardDomain "${base}": such names are subdomain tenants, served by the wildcard custom domain, not by a customer's distribution tenant`,
                    "make it a subdomain tenant of its own, or use a name outside the wildcard's base (names two or more labels under it are fine here)");
            }
            domains.push(d);
        });
        const validationTokenHost: ValidationTokenHost = t.validationTokenHost ?? ValidationTokenHost.CloudFront;
        if (!VALIDATION_TOKEN_HOSTS.includes(validationTokenHost)) {
            fail(`${at}.validationTokenHost`, validationTokenHost, "is not a validation token host CloudFront knows", `use one of ${VALIDATION_TOKEN_HOSTS.map((h) => `"${h}"`).join(", ")}`);
        }
        if (t.enabled !== undefined && typeof t.enabled !== "boolean") fail(`${at}.enabled`, t.enabled, "is not true or false", "pass a boolean");
        if (domains.length > DOMAINS_PER_TENANT_QUOTA) {
            pulumi.log.warn(`${label}: ${at} has ${domains.length} domains; CloudFront's default quota is ${DOMAINS_PER_TENANT_QUOTA} per distribution tenant. `
                + "Request an increase (Service Quotas / AWS Support) before deploying, or split the names over several tenants.");
        }
        const platformNames = base === undefined ? [] : domains.filter((d) => kind === "customer" && isInZone(d, base));
        return { domain, kind, domains, validationTokenHost, enabled: t.enabled ?? true, platformNames };
    });
    const customerTenants = tenants.filter((t) => t.kind === "customer");
    if (customerTenants.length > CLOUDFRONT_TENANTS_QUOTA.limit) {
        pulumi.log.warn(`${label}: ${customerTenants.length} customer-owned tenants; CloudFront's default quota is ${CLOUDFRONT_TENANTS_QUOTA.limit} distribution tenants per account. `
            + "Request an increase (AWS Support) before deploying, or spread the tenants over accounts.");
    }

    function checkNotPlatformName(argument: string, domain: string): void {
        if (domain === origin) {
            fail(argument, domain, "is the platform's originDomain, which CloudFront connects to; a tenant cannot have it", "give the tenant a name of its own");
        }
        if (base !== undefined && (domain === base || domain === `*.${base}`)) {
            fail(argument, domain, `is the platform's wildcard${domain === base ? " base, which \"*." + base + "\" does not cover" : ""}`,
                `give the tenant a name one label under it, such as "customer-a.${base}"`);
        }
    }

    // The two regional custom domains: every RegionalDomain rule (mappings, security policy, zone, certificates).
    const apiRegion = knownRegion(args.region, explicitProvider);
    // Checked under the children's own labels: a Cloudflare CNAME is claimed for the child that
    // creates it (so the child's own check finds its own claim), and a second component of the same
    // name is refused here, before anything is registered, with the child named.
    if (base !== undefined) {
        asArgument("wildcardCertificateArn", () => validateRegionalDomain(componentLabel("RegionalDomain", `${name}-wildcard`),
            { ...regionalArgs(args), domainName: `*.${base}`, certificateArn: args.wildcardCertificateArn }, explicitProvider));
    }
    if (origin !== undefined) {
        asArgument("originCertificateArn", () => validateRegionalDomain(componentLabel("RegionalDomain", `${name}-origin`),
            { ...originArgs(args), domainName: origin, certificateArn: args.originCertificateArn }, explicitProvider));
    }

    // The CloudFront side.
    const viewerArn = plainString(args.viewerCertificateArn);
    if (viewerArn !== undefined && arnRegion(viewerArn) !== CLOUDFRONT_CERTIFICATE_REGION) {
        fail("viewerCertificateArn", viewerArn, `is not an ACM certificate in ${CLOUDFRONT_CERTIFICATE_REGION}, where CloudFront reads certificates`,
            `request or import the certificate in ${CLOUDFRONT_CERTIFICATE_REGION}, or omit viewerCertificateArn`);
    }
    const minimumProtocolVersion = args.minimumProtocolVersion ?? ViewerSecurityPolicy.Tls12_2021;
    const viewerPolicies: readonly string[] = Object.values(ViewerSecurityPolicy);
    if (!viewerPolicies.includes(minimumProtocolVersion)) {
        fail("minimumProtocolVersion", minimumProtocolVersion, "is not a CloudFront security policy of TLS 1.2 or better, the floor this package accepts",
            `use one of ${viewerPolicies.join(", ")}`);
    }
    const webAcl = plainString(args.webAclId);
    const classic = webAcl === undefined ? undefined : multiTenantWebAclProblem(webAcl);
    if (classic) fail("webAclId", webAcl, classic.rule, classic.fix);
    if (webAcl !== undefined && (isRegionalWebAclArn(webAcl) || arnRegion(webAcl) !== CLOUDFRONT_WEB_ACL_REGION)) {
        fail("webAclId", webAcl, `is a regional web ACL; CloudFront takes only web ACLs with scope CLOUDFRONT, which live in ${CLOUDFRONT_WEB_ACL_REGION}`,
            `create the web ACL with scope "CLOUDFRONT" in ${CLOUDFRONT_WEB_ACL_REGION}`);
    }
    const tenantHeader = args.tenantHeaderName ?? DEFAULT_TENANT_HEADER;
    const headerProblem = originHeaderProblem(tenantHeader);
    if (headerProblem !== undefined) fail("tenantHeaderName", tenantHeader, headerProblem, `use a custom name such as "${DEFAULT_TENANT_HEADER}"`);
    let originHeader: string | undefined;
    if (args.originVerification?.enabled !== false) {
        originHeader = args.originVerification?.headerName ?? DEFAULT_ORIGIN_HEADER;
        const problem = originHeaderProblem(originHeader);
        if (problem !== undefined) fail("originVerification.headerName", originHeader, problem, `use a custom name such as "${DEFAULT_ORIGIN_HEADER}"`);
        if (originHeader.toLowerCase() === tenantHeader.toLowerCase() || originHeader.toLowerCase() === `${tenantHeader.toLowerCase()}-id`) {
            fail("originVerification.headerName", originHeader, "is also the tenant header, which the function overwrites", "use two different header names");
        }
    }

    return {
        subdomainTenants: tenants.filter((t) => t.kind === "subdomain"),
        customerTenants,
        apiRegion,
        originHeader,
        tenantHeader,
        minimumProtocolVersion,
    };
}
