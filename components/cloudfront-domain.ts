import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as random from "@pulumi/random";
import * as cloudflare from "@pulumi/cloudflare";
import { arnRegion } from "../aws/arn";
import { securityPolicyMinimumTls } from "../aws/apigateway";
import {
    CLOUDFRONT_CERTIFICATE_REGION, CLOUDFRONT_COMMENT_MAX_LENGTH, CLOUDFRONT_ORIGIN_MAX_TLS, CLOUDFRONT_WEB_ACL_REGION, CLOUDFRONT_ZONE_ID,
    ViewerSecurityPolicy, isCountryCode, isRegionalWebAclArn, originHeaderProblem, policyIdProblem,
} from "../aws/cloudfront";
import { fitText } from "./names";
import { isS3BucketDomainName } from "../aws/s3";
import { formatTls } from "../aws/tls";
import { Certificate, CertificateTransforms, validateCertificateArgs } from "./certificate";
import { ManagedCachePolicy, ManagedOriginRequestPolicy, originRequestPolicyDroppingHost } from "./cloudfront-policies";
import { asOutput, defineLiveOutput, keepNodes, nodesOf } from "./component";
import { DNS_ARGUMENTS, DnsPlan, DnsRecordSpec, claimDomainRecord, resolveCloudflareZone, resolveZone, validateDns, warnUnusedDnsProvider } from "./dns";
import { DeployTimePaths, refuseDeployTimeValues } from "./deploy-time";
import { CUSTOM_DOMAIN_DEPLOY_TIME, CustomDomainArgs, certificateArgsFor, createDomainRecords, validateDomainCertificate, withZone } from "./domain-base";
import { DomainConfigError, componentLabel } from "./errors";
import { Mapping, MappingTransforms, urlOf } from "./mappings";
import { ArgumentNames, DomainOptions, hasExplicitProvider, rejectOptionsInArgs, rejectUnknownArguments, standardOptions } from "./options";
import { RegionalDomain, RegionalDomainArgs, RegionalDomainTransforms, validateRegionalDomain } from "./regional-domain";
import { ROUTING_DEPLOY_TIME, RoutingArgs } from "./routing-rules";
import { knownRegion, plainString } from "./regions";
import { MutualTls } from "./security";
import { Transform, applyTransform } from "./transform";
import { ApiType, EndpointAccessMode, RegionalSecurityPolicy } from "./types";

// CloudFront's viewer policies are its names: declared in the rulebook, re-exported here.
export { ViewerSecurityPolicy };

/** Which edge locations serve the distribution (cheaper classes serve fewer regions). */
export const PriceClass = {
    /** Every edge location: the default. */
    All: "PriceClass_All",
    /** Most regions, without the most expensive ones. */
    PriceClass200: "PriceClass_200",
    /** North America, Europe and Israel only. */
    PriceClass100: "PriceClass_100",
} as const;
export type PriceClass = (typeof PriceClass)[keyof typeof PriceClass];

/** What CloudFront does with plain HTTP viewers. Plain HTTP to the API is not on offer. */
export const ViewerProtocolPolicy = {
    /** Answer plain HTTP with a redirect to HTTPS: the default. */
    RedirectToHttps: "redirect-to-https",
    /** Refuse plain HTTP. */
    HttpsOnly: "https-only",
} as const;
export type ViewerProtocolPolicy = (typeof ViewerProtocolPolicy)[keyof typeof ViewerProtocolPolicy];

/** HTTP versions the distribution speaks to viewers. */
export const HttpVersion = {
    /** HTTP/1.1 only. */
    Http1_1: "http1.1",
    /** HTTP/2 and HTTP/1.1. */
    Http2: "http2",
    /** HTTP/3, HTTP/2 and HTTP/1.1: the default. */
    Http2And3: "http2and3",
    /** HTTP/3 and HTTP/1.1. */
    Http3: "http3",
} as const;
export type HttpVersion = (typeof HttpVersion)[keyof typeof HttpVersion];

/** How a geo restriction reads its country list. */
export const GeoRestrictionType = {
    /** Serve only the listed countries. */
    Whitelist: "whitelist",
    /** Serve every country but the listed ones. */
    Blacklist: "blacklist",
} as const;
export type GeoRestrictionType = (typeof GeoRestrictionType)[keyof typeof GeoRestrictionType];

/** The secret header CloudFront adds to every origin request. */
export interface OriginVerification {
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

/** Standard (v1) access logs to S3. */
export interface AccessLogging {
    /**
     * Domain name of the bucket (not its name or ARN); the bucket must allow ACLs.
     * @example logs.bucketDomainName // "my-logs.s3.amazonaws.com"
     */
    bucket: pulumi.Input<string>;
    /**
     * Prefix of the log objects.
     * @example "api/"
     */
    prefix?: pulumi.Input<string>;
    /**
     * Include cookies in the logs.
     * @default false
     */
    includeCookies?: pulumi.Input<boolean>;
}

/** Which cookies a legacy cache behavior forwards to the origin. */
export const CookieForwarding = {
    /** Every cookie. */
    All: "all",
    /** No cookie. */
    None: "none",
    /** Only the cookies in `whitelistedNames`. */
    Whitelist: "whitelist",
} as const;
export type CookieForwarding = (typeof CookieForwarding)[keyof typeof CookieForwarding];

/** The cookies a legacy cache behavior forwards. */
export interface ForwardedCookies {
    /** Which cookies to forward. */
    forward: CookieForwarding;
    /** The cookies to forward, with `forward: "whitelist"`. */
    whitelistedNames?: pulumi.Input<string>[];
}

/** Legacy cache settings of the default behavior (instead of cache and origin request policies). */
export interface ForwardedValues {
    /** Forward the query string to the API (and cache on it). */
    queryString: pulumi.Input<boolean>;
    /** Query string parameters to cache on, when `queryString` is on. */
    queryStringCacheKeys?: pulumi.Input<string>[];
    /**
     * Headers to forward (and cache on). They must include "Host" (or be "*"): API Gateway
     * picks the custom domain by Host.
     * @example ["Host", "Authorization"]
     */
    headers?: pulumi.Input<string>[];
    /** Cookies to forward. */
    cookies: ForwardedCookies;
}

/** Serve or refuse viewers by country. */
export interface GeoRestriction {
    /** "whitelist" serves only `locations`; "blacklist" serves everyone else. */
    restrictionType: GeoRestrictionType;
    /**
     * ISO 3166-1 alpha-2 country codes.
     * @example ["DE", "FR"]
     */
    locations: string[];
}

export interface CloudFrontDomainArgs extends CustomDomainArgs, RoutingArgs {
    /**
     * The kind of API the domain serves, and the default for each mapping (as in RegionalDomain).
     * @default "rest"
     */
    apiType?: ApiType;
    /**
     * Region of the API(s): the API Gateway custom domain, its mappings and its certificate go
     * there. The viewer certificate goes to us-east-1 whatever this is.
     * Must be known while the program runs (not a secret or an output): it decides whether one
     * certificate serves both CloudFront and API Gateway (an API in us-east-1) or two are requested.
     * @default the provider's region
     */
    region?: string;
    /**
     * ARN of an issued ACM certificate in **us-east-1** covering `domainName`, for the
     * distribution (the certificate viewers see). When the API is in us-east-1, it also serves
     * the API Gateway domain unless `apiCertificateArn` is given.
     * @default a certificate requested in us-east-1 and validated in Route 53
     * @example usEast1Certificate.arn
     */
    certificateArn?: pulumi.Input<string>;
    /**
     * ARN of an issued ACM certificate in **the API's region** covering `domainName`, for the
     * API Gateway custom domain (the certificate CloudFront sees when it connects to the origin).
     * @default a certificate requested in the API's region (or the us-east-1 one when the API is there)
     * @example apiRegionCertificate.arn
     */
    apiCertificateArn?: pulumi.Input<string>;
    /**
     * TLS policy of the API Gateway custom domain. CloudFront connects with TLS 1.2, so policies
     * that accept only TLS 1.3 are refused.
     * @default "TLS_1_2"
     */
    securityPolicy?: RegionalSecurityPolicy;
    /** Endpoint access mode; required with an enhanced `SecurityPolicy_*` policy, invalid otherwise. */
    endpointAccessMode?: EndpointAccessMode;
    /**
     * Mutual TLS on the API Gateway domain. CloudFront is then the client, so it needs
     * `originClientCertificateArn`.
     */
    mutualTls?: MutualTls;
    /**
     * ARN of the ACM client certificate (in us-east-1) CloudFront presents to the API when
     * `mutualTls` is on (origin mutual TLS).
     */
    originClientCertificateArn?: pulumi.Input<string>;
    /** Passed to the API Gateway domain: proves ownership for imported or private-CA certificates with mTLS. */
    ownershipVerificationCertificateArn?: pulumi.Input<string>;
    /**
     * Origin request policy of the default behavior. It must forward the Host header: API
     * Gateway picks the custom domain by Host and answers 403 without it.
     * @default the managed AllViewer policy ("216adef6-5c7f-47e4-b989-5492eafa07d3")
     */
    originRequestPolicyId?: pulumi.Input<string>;
    /**
     * Cache policy of the default behavior.
     * @default the managed CachingDisabled policy ("4135ea2d-6df8-44a3-9df3-4b5a84be39ad")
     * @example "658327ea-f89d-4fab-a63d-7e88639e58f6" // CachingOptimized
     */
    cachePolicyId?: pulumi.Input<string>;
    /**
     * Legacy cache settings instead of cache and origin request policies (no TTLs: caching
     * stays off unless a transform sets them). Its `headers` must include "Host" or "*".
     */
    forwardedValues?: ForwardedValues;
    /** Response headers policy of the default behavior (CORS, security headers). */
    responseHeadersPolicyId?: pulumi.Input<string>;
    /**
     * What plain-HTTP viewers get.
     * @default "redirect-to-https"
     */
    viewerProtocolPolicy?: ViewerProtocolPolicy;
    /**
     * Viewer TLS security policy.
     * @default "TLSv1.2_2021"
     */
    minimumProtocolVersion?: ViewerSecurityPolicy;
    /**
     * Which edge locations serve the distribution; cheaper classes serve fewer regions.
     * @default "PriceClass_All"
     */
    priceClass?: PriceClass;
    /**
     * Answer viewers on IPv6 too (and create the AAAA alias record).
     * @default true
     */
    ipv6?: boolean;
    /**
     * HTTP versions the distribution speaks to viewers.
     * @default "http2and3"
     */
    httpVersion?: HttpVersion;
    /**
     * A WAF web ACL for the distribution: the ARN of a WAFv2 web ACL with scope CLOUDFRONT
     * (created in us-east-1), or a WAF Classic global web ACL id.
     */
    webAclId?: pulumi.Input<string>;
    /** Standard access logs to an S3 bucket. */
    logging?: AccessLogging;
    /** Serve or refuse viewers by country. */
    geoRestriction?: GeoRestriction;
    /**
     * Wait until the distribution is deployed to every edge location (several minutes).
     * @default true
     */
    waitForDeployment?: boolean;
    /**
     * Comment on the distribution (CloudFront takes at most 128 characters).
     * @default "{domainName}: API Gateway custom domain", cut to 128 characters
     */
    comment?: string;
    /**
     * A generated secret header CloudFront adds to every origin request, so the API can refuse
     * requests that did not come through the distribution (see the README, "Close the side door: origin verification").
     * `{ enabled: false }` turns it off.
     * @default enabled, header "x-origin-verify"
     */
    originVerification?: OriginVerification;
}

/** Escape hatches for a CloudFrontDomain's child resources (TypeScript; other languages use `transforms`). */
export interface CloudFrontDomainTransforms extends MappingTransforms {
    /** The us-east-1 (viewer) certificate's children. */
    certificate?: CertificateTransforms;
    /** The children of the certificate in the API's region. */
    apiCertificate?: CertificateTransforms;
    /** The CloudFront distribution. */
    distribution?: Transform<aws.cloudfront.DistributionArgs>;
    /** The generated origin secret. */
    originSecret?: Transform<random.RandomPasswordArgs>;
    /** Each alias record to the distribution (`{name}-a`, `{name}-aaaa`). */
    record?: Transform<aws.route53.RecordArgs>;
    /** The CNAME to the distribution in Cloudflare (`{name}-cname`, with `dns: "cloudflare"`). */
    cloudflareRecord?: Transform<cloudflare.DnsRecordArgs>;
    /** The origin's REST domain (`apigateway.DomainName`). */
    domainName?: Transform<aws.apigateway.DomainNameArgs>;
    /** The origin's HTTP or WebSocket domain (`apigatewayv2.DomainName`). */
    domainNameV2?: Transform<aws.apigatewayv2.DomainNameArgs>;
    /** Each routing rule of the origin's domain (`{name}-origin-rule-{priority}`). */
    routingRule?: Transform<aws.apigatewayv2.RoutingRuleArgs>;
}

/** Resource options of a CloudFrontDomain: Pulumi's own, plus what only TypeScript can pass. */
export interface CloudFrontDomainOptions extends DomainOptions {
    /**
     * Provider for the certificate the component requests in us-east-1 (the `region` of the
     * certificate is set to us-east-1 either way). TypeScript only.
     * @default the component's provider
     */
    certificateProvider?: aws.Provider;
    /**
     * Provider for the certificate the component requests in the API's region. TypeScript only.
     * @default the component's provider
     */
    apiCertificateProvider?: aws.Provider;
    /** Escape hatches for the child resources. */
    transform?: CloudFrontDomainTransforms;
}

/** The child resources of a CloudFrontDomain, for TypeScript programs. */
export interface CloudFrontDomainNodes {
    /** The us-east-1 certificate the component requested, unless one was passed in. */
    certificate: Certificate | undefined;
    /** The certificate the component requested in the API's region (the same object when the API is in us-east-1). */
    apiCertificate: Certificate | undefined;
    /** The API Gateway regional custom domain and its mappings: the distribution's origin. */
    origin: RegionalDomain;
    /** The CloudFront distribution. */
    distribution: aws.cloudfront.Distribution;
    /** The generated origin secret, unless origin verification is off. */
    originSecret: random.RandomPassword | undefined;
    /** Route 53 alias records to the distribution (A, and AAAA with IPv6); empty with createRecords: false. */
    records: aws.route53.Record[];
    /** The CNAME to the distribution in Cloudflare (`dns: "cloudflare"`); the validation records are the certificates'. */
    cloudflareRecords: cloudflare.DnsRecord[];
    /** The mapping resources (on the origin), in the order they were added. */
    mappings: (aws.apigateway.BasePathMapping | aws.apigatewayv2.ApiMapping)[];
}

const ORIGIN_ID = "apigateway";
const ALL_METHODS = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"];
const DEFAULT_ORIGIN_HEADER = "x-origin-verify";

/**
 * A regional API behind a CloudFront distribution you own: a certificate in us-east-1 for the
 * distribution and one in the API's region for the API Gateway custom domain (one when the API
 * is in us-east-1), the regional custom domain and its mappings (a RegionalDomain child), a
 * distribution whose origin is the domain's regional target over HTTPS/TLS 1.2 with the Host
 * header forwarded and caching off by default, an optional secret origin header, and Route 53
 * alias records to the distribution.
 */
export class CloudFrontDomain extends pulumi.ComponentResource {
    /** The custom domain name (the distribution's alternate name and the API Gateway domain). */
    readonly domainName: pulumi.Output<string>;
    /** `https://{domainName}/`. */
    readonly url: pulumi.Output<string>;
    /** The URL of each mapping, keyed by its path ("" for the root), with the trailing slash a base path needs. */
    declare readonly urls: pulumi.Output<Record<string, string>>;
    /** ARN of the viewer certificate (us-east-1), once validated. */
    readonly certificateArn: pulumi.Output<string>;
    /** ARN of the API Gateway domain's certificate (the API's region), once validated. */
    readonly apiCertificateArn: pulumi.Output<string>;
    /** The distribution's id, e.g. for invalidations. */
    readonly distributionId: pulumi.Output<string>;
    /** The distribution's ARN. */
    readonly distributionArn: pulumi.Output<string>;
    /** `dxxxx.cloudfront.net`. */
    readonly distributionDomainName: pulumi.Output<string>;
    /** What DNS must alias to: the distribution's domain name (for DNS outside Route 53). */
    readonly targetDomainName: pulumi.Output<string>;
    /** Hosted zone of every CloudFront distribution, for alias records. */
    readonly hostedZoneId: pulumi.Output<string>;
    /** The API Gateway regional target the distribution sends requests to (`d-xxxx.execute-api.{region}.amazonaws.com`). */
    readonly originDomainName: pulumi.Output<string>;
    /** Name of the secret origin header, unless origin verification is off. */
    readonly originVerifyHeaderName: string | undefined;
    /** Value of the secret origin header (a secret output), unless origin verification is off. */
    readonly originVerifySecret: pulumi.Output<string> | undefined;
    /**
     * The records DNS outside Route 53 must hold: with `dns: "external"` the ones to create (the
     * certificates' validation CNAMEs, one per name as ACM gives both certificates the same, then
     * the name's CNAME to the distribution; also logged as soon as known), with "cloudflare" the
     * ones created there; empty with Route 53.
     */
    readonly dnsRecords: pulumi.Output<DnsRecordSpec[]>;

    constructor(name: string, args: CloudFrontDomainArgs, opts: CloudFrontDomainOptions = {}) {
        const label = componentLabel("CloudFrontDomain", name);
        const plan = validateCloudFrontDomain(label, args, hasExplicitProvider(opts));
        warnUnusedDnsProvider(label, args.dns, opts.dnsProvider);
        super("apigw-domains:index:CloudFrontDomain", name, {}, standardOptions(opts));
        const self = this;

        const dnsOpts: pulumi.InvokeOptions & pulumi.CustomResourceOptions =
            opts.dnsProvider ? { parent: this, provider: opts.dnsProvider } : { parent: this };
        const zoneId = plan.dns.choice === "cloudflare"
            ? resolveCloudflareZone(args.domainName, args.cloudflare, { parent: this })
            : plan.needsZone ? resolveZone(label, args.domainName, args, dnsOpts) : undefined;

        const { viewer, api } = createCertificates();
        const origin = createOrigin(api.arn);
        const secret = plan.originHeader ? createOriginSecret() : undefined;
        const distribution = createDistribution(viewer.arn, origin, secret);
        const certificateRecords = pulumi.all([viewer.dnsRecords, api.dnsRecords]).apply(([a, b]) =>
            [...a, ...b.filter((r) => !a.some((x) => x.name === r.name && x.value === r.value))]);
        const { records, cloudflareRecords, dnsRecords } = createDomainRecords(this, name, label, args, plan.dns, zoneId,
            { name: distribution.domainName, zoneId: CLOUDFRONT_ZONE_ID },
            plan.ipv6 ? ["A", "AAAA"] : ["A"], dnsOpts, certificateRecords, { record: opts.transform?.record, cloudflareRecord: opts.transform?.cloudflareRecord });
        this.dnsRecords = dnsRecords;

        keepNodes<CloudFrontDomainNodes>(this, {
            certificate: viewer.certificate,
            apiCertificate: api.certificate,
            origin,
            distribution,
            originSecret: secret,
            records,
            cloudflareRecords,
            mappings: origin.nodes.mappings,
        });
        this.domainName = origin.domainName;
        this.url = origin.domainName.apply((d) => urlOf(d, ""));
        // A getter, so that mappings added later show; still a property the analyzer publishes.
        defineLiveOutput(this, "urls", () => origin.urls);
        this.certificateArn = asOutput(viewer.arn);
        this.apiCertificateArn = asOutput(api.arn);
        this.distributionId = distribution.id;
        this.distributionArn = distribution.arn;
        this.distributionDomainName = distribution.domainName;
        this.targetDomainName = distribution.domainName;
        this.hostedZoneId = pulumi.output(CLOUDFRONT_ZONE_ID);
        this.originDomainName = origin.targetDomainName;
        this.originVerifyHeaderName = secret ? plan.originHeader : undefined;
        this.originVerifySecret = secret ? pulumi.secret(secret.result) : undefined;
        this.registerOutputs({
            domainName: this.domainName,
            url: this.url,
            urls: this.urls,
            certificateArn: this.certificateArn,
            apiCertificateArn: this.apiCertificateArn,
            distributionId: this.distributionId,
            distributionArn: this.distributionArn,
            distributionDomainName: this.distributionDomainName,
            targetDomainName: this.targetDomainName,
            hostedZoneId: this.hostedZoneId,
            originDomainName: this.originDomainName,
            originVerifyHeaderName: this.originVerifyHeaderName,
            originVerifySecret: this.originVerifySecret,
            dnsRecords: this.dnsRecords,
        });

        /**
         * The viewer certificate in us-east-1 and the API's in its region: each the one passed
         * in, else requested; one serves both when the API is known to be in us-east-1.
         */
        function createCertificates() {
            const request = (childName: string, region: string | undefined, provider: aws.Provider | undefined,
                transform: CertificateTransforms | undefined) =>
                new Certificate(childName, withZone(certificateArgsFor(args, region), zoneId),
                    { parent: self, ...(provider ? { provider } : {}), dnsProvider: opts.dnsProvider, transform });
            const given = (arn: pulumi.Input<string>) => ({ certificate: undefined, arn, dnsRecords: pulumi.output([] as DnsRecordSpec[]) });

            const viewer = plan.viewerCertificateArn !== undefined
                ? given(plan.viewerCertificateArn)
                : fromCertificate(request(`${name}-cert`, CLOUDFRONT_CERTIFICATE_REGION,
                    opts.certificateProvider ?? (plan.shareCertificate ? opts.apiCertificateProvider : undefined),
                    opts.transform?.certificate));
            const api = plan.apiCertificateArn !== undefined
                ? given(plan.apiCertificateArn)
                : plan.shareCertificate
                    ? viewer
                    : fromCertificate(request(`${name}-api-cert`, args.region, opts.apiCertificateProvider, opts.transform?.apiCertificate));
            return { viewer, api };
        }

        function createOrigin(certificateArn: pulumi.Input<string>): RegionalDomain {
            return new RegionalDomain(`${name}-origin`, {
                ...originArgs(args),
                certificateArn,
                // The custom domain's name resolves to CloudFront, not to API Gateway.
                createRecords: false,
            }, { parent: self, transform: originTransforms(opts.transform) });
        }

        function createOriginSecret(): random.RandomPassword {
            const [a, o] = applyTransform(opts.transform?.originSecret, `${name}-origin-secret`,
                { length: 48, special: false } as random.RandomPasswordArgs, { parent: self });
            return new random.RandomPassword(`${name}-origin-secret`, a, o);
        }

        function createDistribution(viewerArn: pulumi.Input<string>, regional: RegionalDomain,
            originSecret: random.RandomPassword | undefined): aws.cloudfront.Distribution {
            const [a, o] = applyTransform(opts.transform?.distribution, `${name}-distribution`, {
                enabled: true,
                comment: args.comment ?? fitText(`${args.domainName}: API Gateway custom domain`, CLOUDFRONT_COMMENT_MAX_LENGTH),
                // Must equal the API Gateway domain name: CloudFront forwards it as Host.
                aliases: [args.domainName],
                origins: [{
                    originId: ORIGIN_ID,
                    domainName: regional.targetDomainName,
                    customOriginConfig: {
                        httpPort: 80,
                        httpsPort: 443,
                        // API Gateway does not listen on plain HTTP; anything else shows up as 502s.
                        originProtocolPolicy: "https-only",
                        originSslProtocols: ["TLSv1.2"],
                        originMtlsConfig: args.originClientCertificateArn !== undefined
                            ? { clientCertificateArn: args.originClientCertificateArn }
                            : undefined,
                    },
                    customHeaders: originSecret ? [{ name: plan.originHeader!, value: originSecret.result }] : undefined,
                }],
                defaultCacheBehavior: {
                    targetOriginId: ORIGIN_ID,
                    viewerProtocolPolicy: plan.viewerProtocolPolicy,
                    allowedMethods: ALL_METHODS,
                    cachedMethods: ["GET", "HEAD"],
                    cachePolicyId: plan.cachePolicyId,
                    originRequestPolicyId: plan.originRequestPolicyId,
                    responseHeadersPolicyId: args.responseHeadersPolicyId,
                    // Legacy settings cache for a day by default; an API must opt in to caching.
                    ...(args.forwardedValues ? { forwardedValues: args.forwardedValues, minTtl: 0, defaultTtl: 0, maxTtl: 0 } : {}),
                },
                viewerCertificate: {
                    acmCertificateArn: viewerArn,
                    sslSupportMethod: "sni-only",
                    minimumProtocolVersion: plan.minimumProtocolVersion,
                },
                restrictions: {
                    geoRestriction: args.geoRestriction ?? { restrictionType: "none", locations: [] },
                },
                priceClass: args.priceClass ?? PriceClass.All,
                isIpv6Enabled: plan.ipv6,
                httpVersion: args.httpVersion ?? HttpVersion.Http2And3,
                webAclId: args.webAclId,
                loggingConfig: args.logging,
                waitForDeployment: args.waitForDeployment ?? true,
                tags: args.tags,
            } as aws.cloudfront.DistributionArgs, {
                parent: self,
                // An alternate name belongs to one distribution at a time: free it before a replacement claims it.
                deleteBeforeReplace: true,
            });
            return new aws.cloudfront.Distribution(`${name}-distribution`, a, o);
        }
    }

    /** The child resources, for TypeScript programs (other languages get the outputs above). */
    get nodes(): CloudFrontDomainNodes {
        return nodesOf(this);
    }

    /**
     * Serves one more API stage on this domain, through the same distribution (TypeScript).
     * @returns the URL of the new mapping.
     */
    addMapping(mapping: Mapping): pulumi.Output<string> {
        return this.nodes.origin.addMapping(mapping);
    }
}

function fromCertificate(certificate: Certificate): { certificate: Certificate; arn: pulumi.Input<string>; dnsRecords: pulumi.Output<DnsRecordSpec[]> } {
    return { certificate, arn: certificate.arn, dnsRecords: certificate.dnsRecords };
}

/** What the RegionalDomain child gets from the component's arguments (its certificate aside). */
function originArgs(args: CloudFrontDomainArgs): RegionalDomainArgs {
    return {
        domainName: args.domainName,
        apiType: args.apiType,
        region: args.region,
        securityPolicy: args.securityPolicy,
        endpointAccessMode: args.endpointAccessMode,
        mutualTls: args.mutualTls,
        ownershipVerificationCertificateArn: args.ownershipVerificationCertificateArn,
        mappings: args.mappings,
        routingMode: args.routingMode,
        routingRules: args.routingRules,
        tags: args.tags,
    };
}

/** The transforms that reach the RegionalDomain child's resources. */
function originTransforms(t: CloudFrontDomainTransforms | undefined): RegionalDomainTransforms | undefined {
    return t && {
        domainName: t.domainName,
        domainNameV2: t.domainNameV2,
        basePathMapping: t.basePathMapping,
        apiMapping: t.apiMapping,
        routingRule: t.routingRule,
    };
}

/** The decisions the constructor needs, taken from plain inputs only. */
interface CloudFrontDomainPlan {
    /** The viewer certificate passed in (or shared), undefined when one is requested. */
    viewerCertificateArn: pulumi.Input<string> | undefined;
    /** The API certificate passed in (or shared), undefined when one is requested or shared with a requested viewer one. */
    apiCertificateArn: pulumi.Input<string> | undefined;
    /** One certificate serves both sides (the API is known to be in us-east-1). */
    shareCertificate: boolean;
    needsZone: boolean;
    dns: DnsPlan;
    originHeader: string | undefined;
    cachePolicyId: pulumi.Input<string> | undefined;
    originRequestPolicyId: pulumi.Input<string> | undefined;
    viewerProtocolPolicy: ViewerProtocolPolicy;
    minimumProtocolVersion: ViewerSecurityPolicy;
    ipv6: boolean;
}

const CLOUDFRONT_DOMAIN_ARGUMENTS: ArgumentNames<CloudFrontDomainArgs> = {
    domainName: true, mappings: true, certificateArn: true, subjectAlternativeNames: true, tags: true,
    ...DNS_ARGUMENTS,
    apiType: true, region: true, apiCertificateArn: true, securityPolicy: true, endpointAccessMode: true, mutualTls: true,
    originClientCertificateArn: true, ownershipVerificationCertificateArn: true, originRequestPolicyId: true, cachePolicyId: true,
    forwardedValues: true, responseHeadersPolicyId: true, viewerProtocolPolicy: true, minimumProtocolVersion: true,
    priceClass: true, ipv6: true, httpVersion: true, webAclId: true, logging: true, geoRestriction: true,
    waitForDeployment: true, comment: true, originVerification: true, routingMode: true, routingRules: true,
};
const ORIGIN_VERIFICATION_ARGUMENTS: ArgumentNames<OriginVerification> = { enabled: true, headerName: true };
const LOGGING_ARGUMENTS: ArgumentNames<AccessLogging> = { bucket: true, prefix: true, includeCookies: true };
const GEO_ARGUMENTS: ArgumentNames<GeoRestriction> = { restrictionType: true, locations: true };

/** The arguments that take deploy-time values (deploy-time.ts): ids and ARNs passed on as they are. */
const CLOUDFRONT_DEPLOY_TIME: DeployTimePaths = [
    ...CUSTOM_DOMAIN_DEPLOY_TIME, ...ROUTING_DEPLOY_TIME,
    "apiCertificateArn", "originClientCertificateArn", "ownershipVerificationCertificateArn",
    "originRequestPolicyId", "cachePolicyId", "responseHeadersPolicyId", "webAclId",
    "forwardedValues.queryString", "forwardedValues.queryStringCacheKeys[]", "forwardedValues.headers[]",
    "forwardedValues.cookies.whitelistedNames[]", "logging.bucket", "logging.prefix", "logging.includeCookies",
];

/** Every rule the topology must satisfy, checked before anything is registered. */
function validateCloudFrontDomain(label: string, args: CloudFrontDomainArgs, explicitProvider: boolean): CloudFrontDomainPlan {
    const fail = (argument: string, value: unknown, rule: string, fix: string): never => {
        throw new DomainConfigError(label, argument, value, rule, fix);
    };
    refuseDeployTimeValues(label, args, CLOUDFRONT_DEPLOY_TIME);
    rejectOptionsInArgs(label, args);
    rejectUnknownArguments(label, args, CLOUDFRONT_DOMAIN_ARGUMENTS);
    // Both certificates validate in the same DNS; the name's own record points at the distribution.
    const dns = validateDns(label, args.domainName, args, args.subjectAlternativeNames ?? [], { domainRecord: true });
    rejectUnknownArguments(label, args.logging, LOGGING_ARGUMENTS, "logging.");
    rejectUnknownArguments(label, args.geoRestriction, GEO_ARGUMENTS, "geoRestriction.");
    if (typeof args.originVerification === "object") rejectUnknownArguments(label, args.originVerification, ORIGIN_VERIFICATION_ARGUMENTS, "originVerification.");
    const apiRegion = knownRegion(args.region, explicitProvider);
    const shareCertificate = apiRegion === CLOUDFRONT_CERTIFICATE_REGION;

    // Certificates: the viewer's in us-east-1, the API's in the API's region.
    if (args.certificateArn !== undefined) {
        validateDomainCertificate(label, args, CLOUDFRONT_CERTIFICATE_REGION,
            "a CloudFront viewer certificate",
            `request or import the certificate in ${CLOUDFRONT_CERTIFICATE_REGION}, or omit certificateArn to let the component request one there`);
    }
    if (args.apiCertificateArn !== undefined) {
        asArgument("apiCertificateArn", () => validateDomainCertificate(label, { ...args, certificateArn: args.apiCertificateArn },
            apiRegion, "the API Gateway regional custom domain (API Gateway reads the certificate from the API's region)",
            `request or import the certificate in ${apiRegion ?? "the API's region"}, or omit apiCertificateArn to let the component request one there`));
    }
    const viewerCertificateArn = args.certificateArn ?? (shareCertificate ? args.apiCertificateArn : undefined);
    const apiCertificateArn = args.apiCertificateArn ?? (shareCertificate ? args.certificateArn : undefined);
    const requestsCertificate = viewerCertificateArn === undefined || (apiCertificateArn === undefined && !shareCertificate);
    if (requestsCertificate) validateCertificateArgs(label, certificateArgsFor(args, undefined));

    // The API Gateway side: every RegionalDomain rule, with the certificate it will be given.
    validateRegionalDomain(label, { ...originArgs(args), certificateArn: apiCertificateArn }, explicitProvider);
    const apiMinimumTls = args.securityPolicy !== undefined ? securityPolicyMinimumTls(args.securityPolicy) : undefined;
    if (apiMinimumTls !== undefined && apiMinimumTls > CLOUDFRONT_ORIGIN_MAX_TLS) {
        fail("securityPolicy", args.securityPolicy,
            `accepts only ${formatTls(apiMinimumTls)}, and CloudFront speaks at most ${formatTls(CLOUDFRONT_ORIGIN_MAX_TLS)} to an origin (the handshake would fail and viewers get 502)`,
            "use \"TLS_1_2\" or an enhanced policy that accepts TLS 1.2, such as \"SecurityPolicy_TLS13_1_2_2021_06\"");
    }
    if (args.mutualTls !== undefined && args.originClientCertificateArn === undefined) {
        fail("originClientCertificateArn", undefined,
            "is required with mutualTls: CloudFront is the API's client, and API Gateway refuses connections without a client certificate",
            `import a client certificate signed by a CA in the truststore into ACM in ${CLOUDFRONT_CERTIFICATE_REGION} and pass its ARN`);
    }
    if (args.originClientCertificateArn !== undefined) {
        asArgument("originClientCertificateArn", () => validateDomainCertificate(label,
            { ...args, certificateArn: args.originClientCertificateArn }, CLOUDFRONT_CERTIFICATE_REGION,
            "CloudFront's client certificate for origin mutual TLS", `import the client certificate into ACM in ${CLOUDFRONT_CERTIFICATE_REGION}`));
    }

    if (args.comment !== undefined && (typeof args.comment !== "string" || args.comment.length > CLOUDFRONT_COMMENT_MAX_LENGTH)) {
        fail("comment", args.comment, `is not a text of at most ${CLOUDFRONT_COMMENT_MAX_LENGTH} characters, the most CloudFront takes`, "shorten the comment");
    }
    for (const argument of ["cachePolicyId", "originRequestPolicyId", "responseHeadersPolicyId"] as const) {
        const id = plainString(args[argument]);
        const found = id === undefined ? undefined : policyIdProblem(id);
        if (found) fail(argument, id, found.rule, found.fix);
    }

    // The Host header: API Gateway picks the custom domain by it.
    const legacy = args.forwardedValues !== undefined;
    if (legacy && args.cachePolicyId !== undefined) {
        fail("cachePolicyId", args.cachePolicyId, "cannot be combined with the legacy forwardedValues (a behavior has one or the other)",
            "drop forwardedValues and use cachePolicyId (with an origin request policy that forwards Host), or drop cachePolicyId");
    }
    if (legacy && args.originRequestPolicyId !== undefined) {
        fail("originRequestPolicyId", args.originRequestPolicyId,
            "needs a cache policy on the same behavior, and forwardedValues replaces the cache policy",
            "drop forwardedValues to use cache and origin request policies, or drop originRequestPolicyId");
    }
    if (legacy) {
        const headers = args.forwardedValues!.headers;
        if (Array.isArray(headers) && headers.every((h) => typeof h === "string")
            && !headers.some((h) => h === "*" || (h as string).toLowerCase() === "host")) {
            fail("forwardedValues.headers", headers, "leave out the Host header API Gateway routes a custom domain by (requests would get 403)",
                "add \"Host\" to the headers, or drop forwardedValues to use the default AllViewer origin request policy");
        }
    }
    const cachePolicyId = legacy ? undefined : args.cachePolicyId ?? ManagedCachePolicy.CachingDisabled;
    const originRequestPolicyId = legacy ? undefined : args.originRequestPolicyId ?? ManagedOriginRequestPolicy.AllViewer;
    if (!legacy) {
        const dropping = originRequestPolicyDroppingHost(originRequestPolicyId!, cachePolicyId!);
        if (dropping !== undefined) {
            fail("originRequestPolicyId", originRequestPolicyId,
                `is the managed ${dropping} policy, which leaves out the Host header API Gateway routes a custom domain by (requests would get 403)`,
                `omit originRequestPolicyId to use the managed AllViewer policy (${ManagedOriginRequestPolicy.AllViewer}), or pass a policy whose headers include Host`);
        }
    }

    // The viewer side.
    const viewerProtocolPolicy = args.viewerProtocolPolicy ?? ViewerProtocolPolicy.RedirectToHttps;
    if (!(Object.values(ViewerProtocolPolicy) as string[]).includes(viewerProtocolPolicy)) {
        fail("viewerProtocolPolicy", viewerProtocolPolicy, "would serve the API over plain HTTP", "use \"redirect-to-https\" or \"https-only\"");
    }
    const minimumProtocolVersion = args.minimumProtocolVersion ?? ViewerSecurityPolicy.Tls12_2021;
    const viewerPolicies: readonly string[] = Object.values(ViewerSecurityPolicy);
    if (!viewerPolicies.includes(minimumProtocolVersion)) {
        fail("minimumProtocolVersion", minimumProtocolVersion, "is not a CloudFront security policy of TLS 1.2 or better, the floor this package accepts",
            `use one of ${viewerPolicies.join(", ")}`);
    }
    const priceClasses: readonly string[] = Object.values(PriceClass);
    if (args.priceClass !== undefined && !priceClasses.includes(args.priceClass)) {
        fail("priceClass", args.priceClass, "is not a CloudFront price class", `use one of ${priceClasses.join(", ")}`);
    }
    const httpVersions: readonly string[] = Object.values(HttpVersion);
    if (args.httpVersion !== undefined && !httpVersions.includes(args.httpVersion)) {
        fail("httpVersion", args.httpVersion, "is not an HTTP version CloudFront offers", `use one of ${httpVersions.join(", ")}`);
    }
    if (args.geoRestriction !== undefined) {
        const { restrictionType, locations } = args.geoRestriction;
        if (!(Object.values(GeoRestrictionType) as string[]).includes(restrictionType)) {
            fail("geoRestriction.restrictionType", restrictionType, "is not a restriction type",
                "use \"whitelist\" or \"blacklist\" (omit geoRestriction to serve every country)");
        }
        const bad = (locations ?? []).find((l) => !isCountryCode(l));
        if (!Array.isArray(locations) || locations.length === 0 || bad !== undefined) {
            fail("geoRestriction.locations", locations, "must be a non-empty list of ISO 3166-1 alpha-2 country codes",
                "pass uppercase two-letter codes such as [\"DE\", \"FR\"]");
        }
    }
    const webAcl = plainString(args.webAclId);
    if (webAcl !== undefined && webAcl.startsWith("arn:")) {
        const regional = isRegionalWebAclArn(webAcl);
        if (regional || arnRegion(webAcl) !== CLOUDFRONT_WEB_ACL_REGION) {
            fail("webAclId", webAcl, `is a regional web ACL; CloudFront takes only web ACLs with scope CLOUDFRONT, which live in ${CLOUDFRONT_WEB_ACL_REGION}`,
                `create the web ACL with scope "CLOUDFRONT" in ${CLOUDFRONT_WEB_ACL_REGION} (a regional web ACL belongs on the API stage instead)`);
        }
    }
    const bucket = plainString(args.logging?.bucket);
    if (bucket !== undefined && !isS3BucketDomainName(bucket)) {
        fail("logging.bucket", bucket, "is not an S3 bucket domain name",
            "pass the bucket's domain name, e.g. bucket.bucketDomainName (\"my-logs.s3.amazonaws.com\")");
    }

    // Origin verification.
    let originHeader: string | undefined;
    const verification = args.originVerification;
    if (typeof verification === "boolean") {
        // Before the arguments became plain data, a boolean turned the header on or off.
        fail("originVerification", verification, "is not an object", `use { enabled: ${verification} }`);
    }
    if (verification?.enabled !== false) {
        originHeader = verification?.headerName ?? DEFAULT_ORIGIN_HEADER;
        const problem = originHeaderProblem(originHeader);
        if (problem !== undefined) {
            fail("originVerification.headerName", originHeader, problem, `use a custom name such as "${DEFAULT_ORIGIN_HEADER}"`);
        }
    }

    const ipv6 = args.ipv6 ?? true;
    claimDomainRecord(label, args.domainName, dns);
    return {
        viewerCertificateArn,
        apiCertificateArn,
        shareCertificate,
        needsZone: dns.choice === "route53" && (args.createRecords !== false || requestsCertificate),
        dns,
        originHeader,
        cachePolicyId,
        originRequestPolicyId,
        viewerProtocolPolicy,
        minimumProtocolVersion,
        ipv6,
    };
}

/**
 * Runs a shared certificate check written for `certificateArn` on another ARN argument, so
 * the message names the argument the user actually set.
 */
export function asArgument(argument: string, check: () => void): void {
    try {
        check();
    } catch (e) {
        if (e instanceof DomainConfigError && e.argument === "certificateArn") {
            throw new DomainConfigError(e.component, argument, e.value, e.rule, e.fix);
        }
        throw e;
    }
}
