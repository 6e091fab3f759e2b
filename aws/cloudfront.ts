/**
 * Amazon CloudFront facts: managed policy ids, the alias hosted zone, what an origin request may
 * carry, the TLS versions CloudFront speaks to viewers and to origins.
 */
import { Problem, problem } from "./problem";
import { TlsVersion } from "./tls";

/**
 * Every CloudFront distribution answers alias records in this hosted zone, and so does every
 * edge-optimized API Gateway domain (whose target is a CloudFront distribution).
 * Source: Route 53 API Reference, "AliasTarget" (HostedZoneId): "Specify Z2FDTNDATAQYW2. This is
 * always the hosted zone ID when you create an alias record that routes traffic to a CloudFront
 * distribution."
 */
export const CLOUDFRONT_ZONE_ID = "Z2FDTNDATAQYW2";

/**
 * CloudFront reads viewer certificates only from US East (N. Virginia).
 * Source: CloudFront Developer Guide, "Requirements for using SSL/TLS certificates with
 * CloudFront": "If you want to require HTTPS between viewers and CloudFront, you must change the
 * AWS Region to US East (N. Virginia) in the AWS Certificate Manager console before you request
 * or import a certificate." The same holds for the client certificate of origin mutual TLS.
 */
export const CLOUDFRONT_CERTIFICATE_REGION = "us-east-1";

/**
 * Web ACLs for CloudFront have the CLOUDFRONT scope and live in US East (N. Virginia). Source:
 * AWS WAFV2 API Reference, "Scope" ("To work with CloudFront, you must also specify the Region US
 * East (N. Virginia)").
 */
export const CLOUDFRONT_WEB_ACL_REGION = "us-east-1";

/**
 * Geo restriction locations are ISO 3166-1 alpha-2 country codes. Source: CloudFront API
 * Reference, "GeoRestriction", Items ("A complex type that contains a Location element for each
 * country ... The Location element is a two-letter, uppercase country code ... ISO 3166-1-alpha-2").
 */
export function isCountryCode(value: string): boolean {
    return /^[A-Z]{2}$/.test(value);
}

/**
 * A WAFV2 web ACL ARN of the REGIONAL scope (`...:regional/webacl/...`), which CloudFront cannot
 * use; CloudFront takes `global/webacl` ARNs from us-east-1 (WAFV2 API Reference, "WebACL" ARN
 * and "Scope").
 */
export function isRegionalWebAclArn(value: string): boolean {
    return /:regional\/webacl\//.test(value);
}

/**
 * Managed origin request policies; the ids are the same in every account.
 * Source: CloudFront Developer Guide, "Use managed origin request policies" (each policy's "ID").
 */
export const MANAGED_ORIGIN_REQUEST_POLICIES = {
    allViewer: "216adef6-5c7f-47e4-b989-5492eafa07d3",
    allViewerAndCloudFrontHeaders: "33f36d7e-f396-46d9-90e0-52428a34d9dc",
    allViewerExceptHostHeader: "b689b0a8-53d0-40ab-baf2-68738e2966ac",
    corsCustomOrigin: "59781a5b-3903-41f3-afcb-af62929ccde1",
    corsS3Origin: "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf",
    userAgentRefererHeaders: "acba4595-bd28-49b8-b9fe-13317c0390fa",
    mediaTailorPersonalizedManifests: "775133bc-15f2-49f9-abea-afb2e0bf67d2",
} as const;

/**
 * Managed cache policies whose cache key (and so the origin request) carries no viewer headers.
 * Source: CloudFront Developer Guide, "Use managed cache policies" (each policy's "ID").
 */
export const MANAGED_CACHE_POLICIES = {
    cachingDisabled: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
    cachingOptimized: "658327ea-f89d-4fab-a63d-7e88639e58f6",
    cachingOptimizedForUncompressedObjects: "b2884449-e4de-46a7-ac36-70bc7f1ddd6d",
} as const;

/** The names AWS gives the managed policies (same pages), by id. */
export const MANAGED_POLICY_NAMES: ReadonlyMap<string, string> = new Map([
    [MANAGED_ORIGIN_REQUEST_POLICIES.allViewer, "Managed-AllViewer"],
    [MANAGED_ORIGIN_REQUEST_POLICIES.allViewerAndCloudFrontHeaders, "Managed-AllViewerAndCloudFrontHeaders-2022-06"],
    [MANAGED_ORIGIN_REQUEST_POLICIES.allViewerExceptHostHeader, "Managed-AllViewerExceptHostHeader"],
    [MANAGED_ORIGIN_REQUEST_POLICIES.corsCustomOrigin, "Managed-CORS-CustomOrigin"],
    [MANAGED_ORIGIN_REQUEST_POLICIES.corsS3Origin, "Managed-CORS-S3Origin"],
    [MANAGED_ORIGIN_REQUEST_POLICIES.userAgentRefererHeaders, "Managed-UserAgentRefererHeaders"],
    [MANAGED_ORIGIN_REQUEST_POLICIES.mediaTailorPersonalizedManifests, "Managed-Elemental-MediaTailor-PersonalizedManifests"],
    [MANAGED_CACHE_POLICIES.cachingDisabled, "Managed-CachingDisabled"],
    [MANAGED_CACHE_POLICIES.cachingOptimized, "Managed-CachingOptimized"],
    [MANAGED_CACHE_POLICIES.cachingOptimizedForUncompressedObjects, "Managed-CachingOptimizedForUncompressedObjects"],
]);

/**
 * Whether each managed origin request or cache policy passes the viewer's Host header on to the
 * origin. Source (checked): the same two pages: AllViewer sends every viewer header;
 * AllViewerExceptHostHeader every one but `Host`; the others list their headers, Host not among
 * them; the listed cache policies put no viewer header in the cache key (CachingOptimized only
 * the normalized Accept-Encoding).
 */
export const MANAGED_POLICY_FORWARDS_HOST: ReadonlyMap<string, boolean> = new Map([
    [MANAGED_ORIGIN_REQUEST_POLICIES.allViewer, true],
    [MANAGED_ORIGIN_REQUEST_POLICIES.allViewerAndCloudFrontHeaders, true],
    [MANAGED_ORIGIN_REQUEST_POLICIES.allViewerExceptHostHeader, false],
    [MANAGED_ORIGIN_REQUEST_POLICIES.corsCustomOrigin, false],
    [MANAGED_ORIGIN_REQUEST_POLICIES.corsS3Origin, false],
    [MANAGED_ORIGIN_REQUEST_POLICIES.userAgentRefererHeaders, false],
    [MANAGED_ORIGIN_REQUEST_POLICIES.mediaTailorPersonalizedManifests, false],
    [MANAGED_CACHE_POLICIES.cachingDisabled, false],
    [MANAGED_CACHE_POLICIES.cachingOptimized, false],
    [MANAGED_CACHE_POLICIES.cachingOptimizedForUncompressedObjects, false],
]);

/**
 * Headers CloudFront refuses to add to origin requests, lowercase.
 * Source: CloudFront Developer Guide, "Custom headers that CloudFront can't add to origin
 * requests" (the list, plus "X-Amz-*" and "X-Edge-*").
 */
const RESERVED_ORIGIN_HEADERS: ReadonlySet<string> = new Set([
    "cache-control", "connection", "content-length", "cookie", "host", "if-match", "if-modified-since",
    "if-none-match", "if-range", "if-unmodified-since", "max-forwards", "pragma", "proxy-authenticate",
    "proxy-authorization", "proxy-connection", "range", "request-range", "te", "trailer",
    "transfer-encoding", "upgrade", "via", "x-real-ip",
]);

/** An HTTP header name is an RFC 9110 token. */
const HEADER_TOKEN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

/** Why CloudFront would refuse this custom origin header name, or undefined when it is fine. */
export function originHeaderProblem(name: string): string | undefined {
    if (!HEADER_TOKEN.test(name)) return "is not an HTTP header name";
    const lower = name.toLowerCase();
    if (RESERVED_ORIGIN_HEADERS.has(lower) || lower.startsWith("x-amz-") || lower.startsWith("x-edge-")) {
        return "is a header CloudFront does not let a distribution add to origin requests";
    }
    return undefined;
}

/**
 * A distribution's comment has at most 128 characters. Source: CloudFront API Reference,
 * "DistributionConfig", Comment ("The comment originally specified ... cannot be longer than 128
 * characters").
 */
export const CLOUDFRONT_COMMENT_MAX_LENGTH = 128;

/**
 * Cache, origin request and response headers policy ids are UUIDs, managed ones and your own
 * alike (CloudFront API Reference, CreateCachePolicy / CreateOriginRequestPolicy responses, and
 * the managed policy ids above).
 */
export function policyIdProblem(id: string): Problem | undefined {
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
    return problem("is not a CloudFront policy id (a UUID such as \"4135ea2d-6df8-44a3-9df3-4b5a84be39ad\")",
        "pass the policy's id (policy.id), not its name or ARN");
}

/**
 * The newest TLS version CloudFront speaks to a custom origin. Source: CloudFront API Reference,
 * "OriginSslProtocols": "Valid Values: SSLv3 | TLSv1 | TLSv1.1 | TLSv1.2". An origin that accepts
 * only TLS 1.3 cannot complete a handshake with CloudFront (viewers see 502).
 */
export const CLOUDFRONT_ORIGIN_MAX_TLS: TlsVersion = 1.2;

/**
 * Viewer security policies a distribution with an SNI certificate can use. Source: CloudFront
 * Developer Guide, "Supported protocols and ciphers between viewers and CloudFront" (the policy
 * columns SSLv3 through TLSv1.3_2025), and "Distribution settings reference", Security policy:
 * "We recommend that you specify TLSv1.2_2021 unless your viewers are using browsers or devices
 * that don't support TLSv1.2".
 */
/**
 * CloudFront viewer security policies of TLS 1.2 or better (the ones this package offers); a
 * literal object, the form Pulumi's component analyzer turns into a schema enum.
 */
export const ViewerSecurityPolicy = {
    /** TLS 1.2 and later, 2018 ciphers. */
    Tls12_2018: "TLSv1.2_2018",
    /** TLS 1.2 and later, 2019 ciphers. */
    Tls12_2019: "TLSv1.2_2019",
    /** TLS 1.2 and later, 2021 ciphers: the default. */
    Tls12_2021: "TLSv1.2_2021",
    /** TLS 1.2 and later, 2025 ciphers. */
    Tls12_2025: "TLSv1.2_2025",
    /** TLS 1.3 only. */
    Tls13_2025: "TLSv1.3_2025",
} as const;
export type ViewerSecurityPolicy = (typeof ViewerSecurityPolicy)[keyof typeof ViewerSecurityPolicy];

export const CLOUDFRONT_VIEWER_POLICIES: readonly string[] = [
    "SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016", ...Object.values(ViewerSecurityPolicy),
];
export const CLOUDFRONT_RECOMMENDED_VIEWER_POLICY = ViewerSecurityPolicy.Tls12_2021;

/**
 * The TLS floor of a CloudFront protocol name: viewer policies (`SSLv3`, `TLSv1`, `TLSv1_2016`,
 * `TLSv1.1_2016`, `TLSv1.2_2021`, `TLSv1.3_2025`, ...) and origin SSL protocols (`SSLv3`,
 * `TLSv1`, `TLSv1.1`, `TLSv1.2`). Source: CloudFront Developer Guide, "Supported protocols and
 * ciphers between viewers and CloudFront" and "... between CloudFront and the origin".
 */
export function cloudFrontTlsVersion(version: string): TlsVersion | undefined {
    if (version === "SSLv3") return 0.3;
    const match = /^TLSv1(?:\.([0-3]))?(_|$)/.exec(version);
    if (!match) return undefined;
    return 1 + Number(match[1] ?? "0") / 10;
}

/**
 * How CloudFront reaches a custom origin. Source: CloudFront Developer Guide, "Origin settings",
 * "Protocol (custom origins only)": "HTTP only" uses only HTTP, "HTTPS only" only HTTPS, "Match
 * viewer" the protocol of the viewer's request; and "Cache behavior settings", "Viewer protocol
 * policy": "Redirect HTTP to HTTPS" and "HTTPS only" never let an HTTP request through (the first
 * redirects it, the second answers 403), while "HTTP and HTTPS" (`allow-all`) serves both.
 */
export type OriginProtocol = "http" | "https" | "viewer";
export function originProtocol(originProtocolPolicy: string): OriginProtocol | undefined {
    switch (originProtocolPolicy) {
        case "http-only": return "http";
        case "https-only": return "https";
        case "match-viewer": return "viewer";
        default: return undefined;
    }
}

/** Viewer protocol policies under which every request CloudFront forwards arrived over HTTPS (same page). */
export const HTTPS_VIEWER_POLICIES: ReadonlySet<string> = new Set(["https-only", "redirect-to-https"]);

/** The viewer protocol policy that serves plain HTTP (same page). */
export const PLAIN_HTTP_VIEWER_POLICY = "allow-all";

/**
 * The floor that applies when no viewer security policy is set or the default `*.cloudfront.net`
 * certificate is used (TLSv1); the recommended one is CLOUDFRONT_RECOMMENDED_VIEWER_POLICY.
 * Source: CloudFront Developer Guide, "Supported protocols and ciphers between viewers and
 * CloudFront" ("We recommend that you use TLSv1.2_2021"; the default certificate "supports TLSv1"),
 * and the provider's `viewer_certificate.minimum_protocol_version` ("Default: TLSv1").
 */
export const DEFAULT_VIEWER_SECURITY_POLICY = "TLSv1";

/**
 * With `sslSupportMethod: "vip"` (dedicated IP) viewers may also use the legacy protocols; only
 * `sni-only` takes the TLSv1.2 policies without a dedicated IP. Same page ("Dedicated IP ...").
 */
export const SNI_ONLY = "sni-only";

/**
 * Edge code that can change what reaches the origin, so that a distribution's settings alone do
 * not decide whether API Gateway accepts the Host. Source: CloudFront Developer Guide,
 * "Restrictions on all edge functions", "Read-only headers": `Host` is read-only in viewer request
 * events for every edge function (a function that edits it fails with a 502), and the origin
 * request read-only list (Lambda@Edge only) does not name Host, so only an origin-request
 * Lambda@Edge function may rewrite it. A viewer-request CloudFront Function cannot touch Host, but
 * may send the request to another origin through the `cloudfront` module's origin helpers ("Helper
 * methods for origin modification": `updateRequestOrigin`, `selectRequestOriginById`,
 * `createRequestOriginGroup`, viewer request functions only); only code that calls one of them
 * leaves the outcome open. A viewer-request Lambda@Edge function can do neither.
 */
export const HOST_REWRITING_LAMBDA_EVENTS: ReadonlySet<string> = new Set(["origin-request"]);
export const ORIGIN_CHANGING_FUNCTION_EVENTS: ReadonlySet<string> = new Set(["viewer-request"]);
export const ORIGIN_MODIFICATION_HELPERS: readonly string[] = ["updateRequestOrigin", "selectRequestOriginById", "createRequestOriginGroup"];

/** Whether a CloudFront Function's code may change the request's origin (it calls an origin helper). */
export function functionMayChangeOrigin(code: string): boolean {
    return ORIGIN_MODIFICATION_HELPERS.some((helper) => code.includes(helper));
}

/**
 * What each managed origin request policy sends to the origin, as `GetOriginRequestPolicy`
 * reports it (header behaviour and list, cookie and query string behaviour). Source (checked):
 * CloudFront Developer Guide, "Use managed origin request policies", each policy's settings:
 * AllViewer sends every viewer header, all cookies and all query strings;
 * AllViewerAndCloudFrontHeaders-2022-06 the same plus the CloudFront-* headers it lists;
 * AllViewerExceptHostHeader every viewer header but `Host` (CloudFront puts the origin's domain
 * name in `Host` instead), all cookies and all query strings; CORS-CustomOrigin only `Origin`,
 * CORS-S3Origin `Origin`, `Access-Control-Request-Headers` and `Access-Control-Request-Method`,
 * neither any cookie or query string. (The page also notes that with an S3 origin the managed
 * all-viewer policies hold back the `response-content-*` query strings; that does not change
 * what the policy reports.) The behaviour names are the
 * API's (CloudFront API Reference, "OriginRequestPolicyHeadersConfig"). A policy or a list this
 * table leaves out (the CloudFront-* header list, MediaTailor, UserAgentRefererHeaders) is not
 * recorded here: whoever answers with it must say it is unknown.
 */
export interface ManagedOriginRequestSettings {
    readonly headerBehavior: "allViewer" | "allExcept" | "whitelist" | "allViewerAndWhitelistCloudFront";
    /** The header list, when the page gives it in full. */
    readonly headers?: readonly string[];
    readonly cookieBehavior: "all" | "none";
    readonly queryStringBehavior: "all" | "none";
}
export const MANAGED_ORIGIN_REQUEST_SETTINGS: ReadonlyMap<string, ManagedOriginRequestSettings> = new Map<string, ManagedOriginRequestSettings>([
    [MANAGED_ORIGIN_REQUEST_POLICIES.allViewer, { headerBehavior: "allViewer", headers: [], cookieBehavior: "all", queryStringBehavior: "all" }],
    [MANAGED_ORIGIN_REQUEST_POLICIES.allViewerAndCloudFrontHeaders, { headerBehavior: "allViewerAndWhitelistCloudFront", cookieBehavior: "all", queryStringBehavior: "all" }],
    [MANAGED_ORIGIN_REQUEST_POLICIES.allViewerExceptHostHeader, { headerBehavior: "allExcept", headers: ["host"], cookieBehavior: "all", queryStringBehavior: "all" }],
    [MANAGED_ORIGIN_REQUEST_POLICIES.corsCustomOrigin, { headerBehavior: "whitelist", headers: ["origin"], cookieBehavior: "none", queryStringBehavior: "none" }],
    [MANAGED_ORIGIN_REQUEST_POLICIES.corsS3Origin, {
        headerBehavior: "whitelist", headers: ["origin", "access-control-request-headers", "access-control-request-method"], cookieBehavior: "none", queryStringBehavior: "none",
    }],
]);

/**
 * The TTLs (seconds) of the managed cache policies. Source (checked): CloudFront Developer Guide,
 * "Use managed cache policies", each policy's settings: CachingDisabled has minimum, default and
 * maximum TTL all 0; CachingOptimized and CachingOptimizedForUncompressedObjects have minimum 1
 * second, default 86,400 (24 hours) and maximum 31,536,000 (365 days).
 */
export const MANAGED_CACHE_POLICY_TTLS: ReadonlyMap<string, { readonly minTtl: number; readonly defaultTtl: number; readonly maxTtl: number }> = new Map([
    [MANAGED_CACHE_POLICIES.cachingDisabled, { minTtl: 0, defaultTtl: 0, maxTtl: 0 }],
    [MANAGED_CACHE_POLICIES.cachingOptimized, { minTtl: 1, defaultTtl: 86_400, maxTtl: 31_536_000 }],
    [MANAGED_CACHE_POLICIES.cachingOptimizedForUncompressedObjects, { minTtl: 1, defaultTtl: 86_400, maxTtl: 31_536_000 }],
]);
