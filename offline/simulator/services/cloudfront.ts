/** CloudFront: distributions, policies, and lookups of the managed cache and origin request policies. */
import {
    MANAGED_CACHE_POLICIES as MANAGED_CACHE_POLICY_IDS, MANAGED_ORIGIN_REQUEST_POLICIES as MANAGED_ORIGIN_REQUEST_POLICY_IDS, MANAGED_POLICY_NAMES,
} from "../../../aws/cloudfront";
import { CLOUDFRONT_ZONE_ID, partitionOf } from "../../regions";
import { Answer, Ctx, DIGITS, FIXED_TIME, InvokeCall, LOWER_ALNUM, pick, Props, ServiceModule, str, UPPER_ALNUM, uuid } from "../common";

interface ManagedPolicy {
    id: string;
    name: string;
    headerBehavior?: string;
    headers?: string[];
}

/** A managed policy as the lookups answer it: id and name from the rulebook, header behaviour from the same AWS pages. */
function managedPolicy(id: string, headers?: Pick<ManagedPolicy, "headerBehavior" | "headers">): ManagedPolicy {
    return { id, name: MANAGED_POLICY_NAMES.get(id)!, ...headers };
}

const MANAGED_CACHE_POLICIES: ManagedPolicy[] = [
    managedPolicy(MANAGED_CACHE_POLICY_IDS.cachingOptimized),
    managedPolicy(MANAGED_CACHE_POLICY_IDS.cachingDisabled),
];

const MANAGED_ORIGIN_REQUEST_POLICIES: ManagedPolicy[] = [
    managedPolicy(MANAGED_ORIGIN_REQUEST_POLICY_IDS.allViewer, { headerBehavior: "allViewer", headers: [] }),
    managedPolicy(MANAGED_ORIGIN_REQUEST_POLICY_IDS.allViewerExceptHostHeader, { headerBehavior: "allExcept", headers: ["host"] }),
    managedPolicy(MANAGED_ORIGIN_REQUEST_POLICY_IDS.allViewerAndCloudFrontHeaders, {
        headerBehavior: "allViewerAndWhitelistCloudFront",
        headers: ["CloudFront-Viewer-Address", "CloudFront-Viewer-Country"],
    }),
    managedPolicy(MANAGED_ORIGIN_REQUEST_POLICY_IDS.corsS3Origin, { headerBehavior: "whitelist", headers: ["origin", "access-control-request-headers", "access-control-request-method"] }),
    managedPolicy(MANAGED_ORIGIN_REQUEST_POLICY_IDS.corsCustomOrigin, { headerBehavior: "whitelist", headers: ["origin"] }),
];

export const service: ServiceModule = {
    resources: {
        "aws:cloudfront/distribution:Distribution": (c) => distribution(c),
        "aws:cloudfront/cachePolicy:CachePolicy": (c) => cloudFrontPolicy(c, "cache-policy"),
        "aws:cloudfront/originRequestPolicy:OriginRequestPolicy": (c) => cloudFrontPolicy(c, "origin-request-policy"),
        "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy": (c) => cloudFrontPolicy(c, "response-headers-policy"),
    },
    invokes: {
        "aws:cloudfront/getCachePolicy:getCachePolicy": (call) => lookupCloudFrontPolicy(call, MANAGED_CACHE_POLICIES, "cache-policy"),
        "aws:cloudfront/getOriginRequestPolicy:getOriginRequestPolicy": (call) =>
        lookupCloudFrontPolicy(call, MANAGED_ORIGIN_REQUEST_POLICIES, "origin-request-policy"),
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

function lookupCloudFrontPolicy(call: InvokeCall, managed: ManagedPolicy[], kind: string): Props {
    const name = str(call.inputs["name"]);
    const id = str(call.inputs["id"]);
    const policy = managed.find((p) => p.name === name || p.id === id) ?? {
        id: id ?? uuid("cloudfront", kind, call.account, name ?? ""),
        name: name ?? "",
    };
    const arn = `arn:${partitionOf(call.region).partition}:cloudfront::${call.account}:${kind}/${policy.id}`;
    const common = { id: policy.id, name: policy.name, arn, etag: `E${pick(UPPER_ALNUM, 13, policy.id)}`, comment: "" };
    if (kind === "cache-policy") {
        const disabled = policy.name === "Managed-CachingDisabled";
        return { ...common, minTtl: disabled ? 0 : 1, defaultTtl: disabled ? 0 : 86400, maxTtl: disabled ? 0 : 31536000, parametersInCacheKeyAndForwardedToOrigins: [] };
    }
    return {
        ...common,
        headersConfigs: [{ headerBehavior: policy.headerBehavior ?? "none", headers: policy.headers?.length ? [{ items: policy.headers }] : [] }],
        cookiesConfigs: [{ cookieBehavior: policy.headerBehavior === "allViewer" || policy.headerBehavior === "allExcept" ? "all" : "none", cookies: [] }],
        queryStringsConfigs: [{ queryStringBehavior: policy.headerBehavior === "allViewer" || policy.headerBehavior === "allExcept" ? "all" : "none", queryStrings: [] }],
    };
}
