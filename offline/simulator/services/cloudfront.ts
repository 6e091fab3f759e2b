/** CloudFront: distributions, policies, and lookups of the managed cache and origin request policies. */
import { CLOUDFRONT_ZONE_ID, partitionOf } from "../../regions";
import { Answer, Ctx, DIGITS, FIXED_TIME, InvokeCall, LOWER_ALNUM, pick, Props, ServiceModule, str, UPPER_ALNUM, uuid } from "../common";

interface ManagedPolicy {
    id: string;
    name: string;
    headerBehavior?: string;
    headers?: string[];
}

const MANAGED_CACHE_POLICIES: ManagedPolicy[] = [
    { id: "658327ea-f89d-4fab-a63d-7e88639e58f6", name: "Managed-CachingOptimized" },
    { id: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", name: "Managed-CachingDisabled" },
];

const MANAGED_ORIGIN_REQUEST_POLICIES: ManagedPolicy[] = [
    { id: "216adef6-5c7f-47e4-b989-5492eafa07d3", name: "Managed-AllViewer", headerBehavior: "allViewer", headers: [] },
    { id: "b689b0a8-53d0-40ab-baf2-68738e2966ac", name: "Managed-AllViewerExceptHostHeader", headerBehavior: "allExcept", headers: ["host"] },
    {
        id: "33f36d7e-f396-46d9-90e0-52428a34d9dc",
        name: "Managed-AllViewerAndCloudFrontHeaders-2022-06",
        headerBehavior: "allViewerAndWhitelistCloudFront",
        headers: ["CloudFront-Viewer-Address", "CloudFront-Viewer-Country"],
    },
    { id: "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf", name: "Managed-CORS-S3Origin", headerBehavior: "whitelist", headers: ["origin", "access-control-request-headers", "access-control-request-method"] },
    { id: "59781a5b-3903-41f3-afcb-af62929ccde1", name: "Managed-CORS-CustomOrigin", headerBehavior: "whitelist", headers: ["origin"] },
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
