/**
 * What CloudFront does with the Host header, as far as it can be known from plain inputs.
 * API Gateway routes a custom domain by Host, so a distribution in front of one must forward
 * it; these tables let the component refuse the known ways of dropping it before anything is
 * registered. Ids are the published managed policy ids (CloudFront Developer Guide, "Use
 * managed origin request policies" and "Use managed cache policies").
 */
import * as pulumi from "@pulumi/pulumi";
import { plainString } from "./regions";

/** Managed origin request policies (what CloudFront sends to the origin besides the cache key). */
export const ManagedOriginRequestPolicy = {
    /** Every viewer header (Host included), cookie and query string. The default. */
    AllViewer: "216adef6-5c7f-47e4-b989-5492eafa07d3",
    /** AllViewer plus the CloudFront-* headers released up to June 2022. */
    AllViewerAndCloudFrontHeaders: "33f36d7e-f396-46d9-90e0-52428a34d9dc",
    /** Every viewer header except Host: for the default execute-api host, never for a custom domain. */
    AllViewerExceptHostHeader: "b689b0a8-53d0-40ab-baf2-68738e2966ac",
    /** Only the Origin header. */
    CorsCustomOrigin: "59781a5b-3903-41f3-afcb-af62929ccde1",
    /** Only the CORS request headers. */
    CorsS3Origin: "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf",
    /** Only User-Agent and Referer. */
    UserAgentRefererHeaders: "acba4595-bd28-49b8-b9fe-13317c0390fa",
} as const;

/** Managed cache policies. */
export const ManagedCachePolicy = {
    /** No caching: every request reaches the API. The default. */
    CachingDisabled: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
    /** Caches by path only (no headers, cookies or query strings in the key). */
    CachingOptimized: "658327ea-f89d-4fab-a63d-7e88639e58f6",
    /** CachingOptimized without compression. */
    CachingOptimizedForUncompressedObjects: "b2884449-e4de-46a7-ac36-70bc7f1ddd6d",
} as const;

const originRequestPolicyNames = new Map<string, string>(
    Object.entries(ManagedOriginRequestPolicy).map(([name, id]) => [id, name]));

/** Managed origin request policies whose header list leaves Host out. */
const ORIGIN_REQUEST_POLICIES_WITHOUT_HOST: ReadonlySet<string> = new Set([
    ManagedOriginRequestPolicy.AllViewerExceptHostHeader,
    ManagedOriginRequestPolicy.CorsCustomOrigin,
    ManagedOriginRequestPolicy.CorsS3Origin,
    ManagedOriginRequestPolicy.UserAgentRefererHeaders,
]);

/**
 * Managed cache policies with no header in the cache key. Headers in the cache key are
 * forwarded too, so only with one of these is an origin request policy the last word on Host.
 */
const CACHE_POLICIES_WITHOUT_HOST: ReadonlySet<string> = new Set(Object.values(ManagedCachePolicy));

/**
 * When the pair of policies is known to drop the Host header, the name of the origin request
 * policy responsible; undefined when Host is forwarded or when it cannot be known from plain
 * values (a policy created in the same program, or one this table does not know).
 */
export function originRequestPolicyDroppingHost(
    originRequestPolicyId: pulumi.Input<string>,
    cachePolicyId: pulumi.Input<string>,
): string | undefined {
    const request = plainString(originRequestPolicyId);
    const cache = plainString(cachePolicyId);
    if (request === undefined || cache === undefined) return undefined;
    if (!ORIGIN_REQUEST_POLICIES_WITHOUT_HOST.has(request) || !CACHE_POLICIES_WITHOUT_HOST.has(cache)) return undefined;
    return originRequestPolicyNames.get(request);
}

/**
 * Headers CloudFront refuses to add to origin requests (CloudFront Developer Guide, "Custom
 * headers that CloudFront can't add to origin requests"), lowercase.
 */
const RESERVED_ORIGIN_HEADERS: ReadonlySet<string> = new Set([
    "cache-control", "connection", "content-length", "cookie", "host", "if-match", "if-modified-since",
    "if-none-match", "if-range", "if-unmodified-since", "max-forwards", "pragma", "proxy-authenticate",
    "proxy-authorization", "proxy-connection", "range", "request-range", "te", "trailer",
    "transfer-encoding", "upgrade", "via", "x-real-ip",
]);

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
