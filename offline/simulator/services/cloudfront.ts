/** CloudFront: distributions, policies, and lookups of the managed cache and origin request policies. */
import {
    CLOUDFRONT_ZONE_ID, MANAGED_CACHE_POLICIES, MANAGED_CACHE_POLICY_TTLS, MANAGED_ORIGIN_REQUEST_POLICIES, MANAGED_ORIGIN_REQUEST_SETTINGS,
    MANAGED_POLICY_NAMES,
} from "../../../aws/cloudfront";
import { CLOUDFRONT_FUNCTION_NAME_MAX_LENGTH, VALIDATION_TOKEN_HOSTS, managedCertificateDomainProblem, multiTenantWebAclProblem } from "../../../aws/cloudfront-saas";
import { partitionOf } from "../../../aws/regions";
import {
    Answer, Ctx, DIGITS, FIXED_TIME, InvokeCall, LOWER_ALNUM, autoName, bool, isPlainObject, isUnknownValue, obj, pick, Props, ServiceModule, str, UNKNOWN, UPPER_ALNUM, uuid,
} from "../common";

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
        "aws:cloudfront/multitenantDistribution:MultitenantDistribution": (c) => multiTenantDistribution(c),
        "aws:cloudfront/connectionGroup:ConnectionGroup": (c) => connectionGroup(c),
        "aws:cloudfront/distributionTenant:DistributionTenant": (c) => distributionTenant(c),
        "aws:cloudfront/function:Function": (c) => cloudFrontFunction(c),
    },
    // Connection groups and functions are named by the provider when the program gives no name.
    autonamed: {
        "aws:cloudfront/connectionGroup:ConnectionGroup": { property: "name" },
        "aws:cloudfront/function:Function": { property: "name", max: CLOUDFRONT_FUNCTION_NAME_MAX_LENGTH },
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

/** The base62 tail of SaaS Manager ids (`cg_...`, `dt_...`), as the CloudFront API returns them. */
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * A multi-tenant distribution: like a standard one, but its connection mode is `tenant-only`
 * (the provider sets it). A WAF Classic web ACL id is refused (aws/cloudfront-saas.ts).
 */
function multiTenantDistribution(c: Ctx): Answer {
    const webAcl = str(c.inputs["webAclId"]);
    const found = webAcl === undefined || webAcl === "" ? undefined : multiTenantWebAclProblem(webAcl);
    if (found) throw new Error(`creating CloudFront multi-tenant distribution ${c.name}: InvalidWebACLId: "${webAcl}" ${found.rule} (offline plan)`);
    const answer = distribution(c);
    const { priceClass: _p, continuousDeploymentPolicyId: _c, trustedSigners: _t, trustedKeyGroups: _k, hostedZoneId: _h, ...rest } = answer.state;
    return { id: answer.id, state: { ...rest, connectionMode: "tenant-only", inProgressInvalidationBatches: 0 } };
}

/** A connection group: its routing endpoint is the name customers' CNAMEs point to. */
function connectionGroup(c: Ctx): Answer {
    const id = c.givenId ?? `cg_${pick(BASE62, 27, c.seed)}`;
    return {
        id,
        state: {
            arn: `arn:${c.partition}:cloudfront::${c.account}:connection-group/${id}`,
            routingEndpoint: `d${pick(LOWER_ALNUM, 13, c.seed, "endpoint")}.cloudfront.net`,
            status: "Deployed",
            etag: `E${pick(UPPER_ALNUM, 13, c.seed, "etag")}`,
            isDefault: false,
            enabled: bool(c.inputs["enabled"]) ?? true,
            ipv6Enabled: bool(c.inputs["ipv6Enabled"]) ?? false,
            lastModifiedTime: FIXED_TIME,
            name: autoName(c, "name"),
        },
    };
}

/**
 * A distribution tenant. Refused as CloudFront refuses it: without a domain (CloudFront API
 * Reference, CreateDistributionTenant: "You must specify at least one domain"), with a validation
 * token host CloudFront does not know (ManagedCertificateRequest), or with a managed certificate for
 * a wildcard name (HTTP validation covers none; aws/cloudfront-saas.ts). Without a connection group
 * CloudFront picks the account's default one, whose id the plan cannot know.
 */
function distributionTenant(c: Ctx): Answer {
    const domains = Array.isArray(c.inputs["domains"]) ? (c.inputs["domains"] as unknown[]) : [];
    const names = domains.map((d) => (isPlainObject(d) ? str(d["domain"]) : undefined));
    const fail = (why: string) => {
        throw new Error(`creating CloudFront distribution tenant ${c.name}: InvalidArgument: ${why} (offline plan)`);
    };
    if (domains.length === 0 && !isUnknownValue(c.inputs["domains"])) fail("a distribution tenant needs at least one domain");
    const request = obj(c.inputs["managedCertificateRequest"]);
    const host = str(request?.["validationTokenHost"]);
    if (host !== undefined && !VALIDATION_TOKEN_HOSTS.includes(host)) {
        fail(`validationTokenHost "${host}" is not one of ${VALIDATION_TOKEN_HOSTS.join(", ")}`);
    }
    if (request) {
        for (const name of names) {
            const found = name === undefined ? undefined : managedCertificateDomainProblem(name);
            if (found) fail(`domain "${name}" ${found.rule}`);
        }
    }
    const id = c.givenId ?? `dt_${pick(BASE62, 27, c.seed)}`;
    return {
        id,
        state: {
            arn: `arn:${c.partition}:cloudfront::${c.account}:distribution-tenant/${id}`,
            connectionGroupId: str(c.inputs["connectionGroupId"]) ?? UNKNOWN,
            // A domain turns active once its certificate is issued and its DNS points at CloudFront: not known to a plan.
            domains: names.map((domain) => ({ domain: domain ?? UNKNOWN, status: UNKNOWN })),
            enabled: bool(c.inputs["enabled"]) ?? true,
            status: "Deployed",
            etag: `E${pick(UPPER_ALNUM, 13, c.seed, "etag")}`,
        },
    };
}

/** A CloudFront Function: global, named by its name. Its stage status depends on publishing and associations, unknown to a plan. */
function cloudFrontFunction(c: Ctx): Answer {
    const name = autoName(c, "name", CLOUDFRONT_FUNCTION_NAME_MAX_LENGTH);
    const etag = `E${pick(UPPER_ALNUM, 13, c.seed, "etag")}`;
    return {
        id: name,
        state: {
            name,
            arn: `arn:${c.partition}:cloudfront::${c.account}:function/${name}`,
            etag,
            liveStageEtag: bool(c.inputs["publish"]) === false ? "" : etag,
            status: UNKNOWN,
        },
    };
}
