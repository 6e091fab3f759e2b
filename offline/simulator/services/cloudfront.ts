/** CloudFront: distributions, policies, and lookups of the managed cache and origin request policies. */
import {
    CLOUDFRONT_ZONE_ID, MANAGED_CACHE_POLICIES, MANAGED_CACHE_POLICY_TTLS, MANAGED_ORIGIN_REQUEST_POLICIES, MANAGED_ORIGIN_REQUEST_SETTINGS,
    MANAGED_POLICY_NAMES,
} from "../../../aws/cloudfront";
import { partitionOf } from "../../../aws/regions";
import { Answer, Ctx, DIGITS, FIXED_TIME, InvokeCall, LOWER_ALNUM, pick, Props, ServiceModule, str, UNKNOWN, UPPER_ALNUM, uuid } from "../common";

/** The managed policies of one kind (cache or origin request), by id, with their names. */
function managed(ids: Readonly<Record<string, string>>): { id: string; name: string }[] {
    return Object.values(ids).map((id) => ({ id, name: MANAGED_POLICY_NAMES.get(id) ?? "" }));
}

export const service: ServiceModule = {
    resources: {
        "aws:cloudfront/distribution:Distribution": (c) => distribution(c),
        "aws:cloudfront/cachePolicy:CachePolicy": (c) => cloudFrontPolicy(c, "cache-policy"),
        "aws:cloudfront/originRequestPolicy:OriginRequestPolicy": (c) => cloudFrontPolicy(c, "origin-request-policy"),
        "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy": (c) => cloudFrontPolicy(c, "response-headers-policy"),
    },
    invokes: {
        "aws:cloudfront/getCachePolicy:getCachePolicy": (call) => lookupCloudFrontPolicy(call, managed(MANAGED_CACHE_POLICIES), "cache-policy"),
        "aws:cloudfront/getOriginRequestPolicy:getOriginRequestPolicy": (call) =>
        lookupCloudFrontPolicy(call, managed(MANAGED_ORIGIN_REQUEST_POLICIES), "origin-request-policy"),
    },
};

function distribution(c: Ctx): Answer {
    const id = c.givenId ?? `E${pick(UPPER_ALNUM, 13, c.seed)}`;
    return {
        id,
        state: {
            arn: `arn:${c.partition}:cloudfront::${c.account}:distribution/${id}`,
            domainName: `d${pick(LOWER_ALNUM, 13, c.seed, "domain")}.cloudfront.net`,
            hostedZoneId: CLOUDFRONT_ZONE_ID,
            status: "Deployed",
            etag: `E${pick(UPPER_ALNUM, 13, c.seed, "etag")}`,
            callerReference: `terraform-${pick(DIGITS, 20, c.seed, "caller")}`,
            lastModifiedTime: FIXED_TIME,
            inProgressValidationBatches: 0,
            httpVersion: str(c.inputs["httpVersion"]) ?? "http2",
            priceClass: str(c.inputs["priceClass"]) ?? "PriceClass_All",
            continuousDeploymentPolicyId: "",
            trustedKeyGroups: [{ enabled: false, items: [] }],
            trustedSigners: [{ enabled: false, items: [] }],
        },
    };
}

function cloudFrontPolicy(c: Ctx, kind: string): Answer {
    const id = uuid(c.seed);
    return {
        id,
        state: { arn: `arn:${c.partition}:cloudfront::${c.account}:${kind}/${id}`, etag: `E${pick(UPPER_ALNUM, 13, c.seed, "etag")}` },
    };
}

/**
 * A lookup of a cache or origin request policy: a managed one answers with what the rulebook
 * records of it; anything the rulebook does not hold (another account's policy, a setting of a
 * managed policy it leaves out) is unknown, never made up.
 */
function lookupCloudFrontPolicy(call: InvokeCall, known: { id: string; name: string }[], kind: string): Props {
    const name = str(call.inputs["name"]);
    const id = str(call.inputs["id"]);
    const policy = known.find((p) => p.name === name || p.id === id);
    const policyId = policy?.id ?? id ?? UNKNOWN;
    const arn = policyId === UNKNOWN ? UNKNOWN : `arn:${partitionOf(call.region).partition}:cloudfront::${call.account}:${kind}/${policyId}`;
    const common = {
        id: policyId,
        name: policy?.name ?? name ?? UNKNOWN,
        arn,
        etag: policy ? `E${pick(UPPER_ALNUM, 13, policy.id)}` : UNKNOWN,
        comment: policy ? "" : UNKNOWN,
    };
    if (kind === "cache-policy") {
        const ttls = policy ? MANAGED_CACHE_POLICY_TTLS.get(policy.id) : undefined;
        return {
            ...common,
            minTtl: ttls?.minTtl ?? UNKNOWN,
            defaultTtl: ttls?.defaultTtl ?? UNKNOWN,
            maxTtl: ttls?.maxTtl ?? UNKNOWN,
            parametersInCacheKeyAndForwardedToOrigins: ttls ? [] : UNKNOWN,
        };
    }
    const settings = policy ? MANAGED_ORIGIN_REQUEST_SETTINGS.get(policy.id) : undefined;
    return {
        ...common,
        headersConfigs: settings
            ? [{ headerBehavior: settings.headerBehavior, headers: settings.headers === undefined ? UNKNOWN : settings.headers.length ? [{ items: [...settings.headers] }] : [] }]
            : UNKNOWN,
        cookiesConfigs: settings ? [{ cookieBehavior: settings.cookieBehavior, cookies: [] }] : UNKNOWN,
        queryStringsConfigs: settings ? [{ queryStringBehavior: settings.queryStringBehavior, queryStrings: [] }] : UNKNOWN,
    };
}
