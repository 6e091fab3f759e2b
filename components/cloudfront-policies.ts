/**
 * What CloudFront does with the Host header, as far as it can be known from plain inputs.
 * API Gateway routes a custom domain by Host, so a distribution in front of one must forward
 * it; these tables let the component refuse the known ways of dropping it before anything is
 * registered. Ids are the published managed policy ids (CloudFront Developer Guide, "Use
 * managed origin request policies" and "Use managed cache policies").
 */
import * as pulumi from "@pulumi/pulumi";
import { MANAGED_CACHE_POLICIES, MANAGED_ORIGIN_REQUEST_POLICIES, MANAGED_POLICY_FORWARDS_HOST } from "../aws/cloudfront";
import { plainString } from "./regions";

/**
 * Managed origin request policies (what CloudFront sends to the origin besides the cache key).
 * The ids come from the rulebook (aws/cloudfront.ts), which the policy pack reads too.
 */
export const ManagedOriginRequestPolicy = {
    /** Every viewer header (Host included), cookie and query string. The default. */
    AllViewer: MANAGED_ORIGIN_REQUEST_POLICIES.allViewer,
    /** AllViewer plus the CloudFront-* headers released up to June 2022. */
    AllViewerAndCloudFrontHeaders: MANAGED_ORIGIN_REQUEST_POLICIES.allViewerAndCloudFrontHeaders,
    /** Every viewer header except Host: for the default execute-api host, never for a custom domain. */
    AllViewerExceptHostHeader: MANAGED_ORIGIN_REQUEST_POLICIES.allViewerExceptHostHeader,
    /** Only the Origin header. */
    CorsCustomOrigin: MANAGED_ORIGIN_REQUEST_POLICIES.corsCustomOrigin,
    /** Only the CORS request headers. */
    CorsS3Origin: MANAGED_ORIGIN_REQUEST_POLICIES.corsS3Origin,
    /** Only User-Agent and Referer. */
    UserAgentRefererHeaders: MANAGED_ORIGIN_REQUEST_POLICIES.userAgentRefererHeaders,
} as const;

/** Managed cache policies. */
export const ManagedCachePolicy = {
    /** No caching: every request reaches the API. The default. */
    CachingDisabled: MANAGED_CACHE_POLICIES.cachingDisabled,
    /** Caches by path only (no headers, cookies or query strings in the key). */
    CachingOptimized: MANAGED_CACHE_POLICIES.cachingOptimized,
    /** CachingOptimized without compression. */
    CachingOptimizedForUncompressedObjects: MANAGED_CACHE_POLICIES.cachingOptimizedForUncompressedObjects,
} as const;

const originRequestPolicyNames = new Map<string, string>(
    Object.entries(ManagedOriginRequestPolicy).map(([name, id]) => [id, name]));

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
    // Headers in a cache key are forwarded too, so the origin request policy only has the last
    // word on Host when the cache policy is a managed one known to leave Host out.
    if (MANAGED_POLICY_FORWARDS_HOST.get(request) !== false || MANAGED_POLICY_FORWARDS_HOST.get(cache) !== false) return undefined;
    return originRequestPolicyNames.get(request);
}
