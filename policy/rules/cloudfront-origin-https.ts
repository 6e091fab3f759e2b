// cloudfront-origin-https: CloudFront must reach API Gateway over HTTPS with TLS 1.2.
//
// API Gateway only listens on HTTPS and only speaks TLS 1.2 or newer to CloudFront, so an origin
// left on `http-only` or `match-viewer`, or offering only older protocols, fails with 502s rather
// than at deploy time; allowing SSLv3/TLSv1/TLSv1.1 on the origin leg is a downgrade path besides.

import { ApiGatewayModel, DOMAIN_TYPES, API_TYPES } from "../lib/apigateway";
import { originsOf } from "../lib/cloudfront";
import { apiGatewayHostKind } from "../../aws/apigateway";
import { cloudFrontTlsVersion } from "../../aws/cloudfront";
import { hostMatches } from "../../aws/dns";
import { TLS_1_2 } from "../../aws/tls";
import { normalizeHost } from "../lib/hosts";
import { Finding, RuleContext, stackRule, stringListSetting } from "../lib/policy";
import { StackIndex, StackResource, T, label, sourcesOf } from "../lib/resources";
import { PropertyMap, arr, isUnknown, obj, str } from "../lib/values";

export interface OriginHttpsSettings {
    /** Further origin hosts (exact or `*.suffix`) to treat as API Gateway, e.g. custom domains managed in another stack. */
    readonly extraApiGatewayHosts: readonly string[];
}

export function readOriginHttpsSettings(raw: Record<string, unknown>): OriginHttpsSettings {
    return { extraApiGatewayHosts: stringListSetting(raw, "extraApiGatewayHosts") };
}

/** Why an origin is considered API Gateway, for the message; undefined when it is not (or cannot be told). */
function apiGatewayReason(
    origin: PropertyMap,
    distribution: StackResource,
    model: ApiGatewayModel,
    settings: OriginHttpsSettings,
): string | undefined {
    const hostValue = origin["domainName"];
    const host = normalizeHost(hostValue);
    if (host !== undefined) {
        if (apiGatewayHostKind(host)) {
            return `${host} is an API Gateway endpoint`;
        }
        const domain = model.domainForHost(host);
        if (domain) {
            return `${host} is ${label(domain.resource)} of this stack`;
        }
        if (settings.extraApiGatewayHosts.some((pattern) => hostMatches(host, pattern))) {
            return `${host} is listed in extraApiGatewayHosts`;
        }
        return undefined;
    }
    // Unknown host (preview): the origin list was built from an API Gateway resource's outputs.
    if (isUnknown(hostValue) || hostValue === undefined) {
        const source = sourcesOf(distribution, "origins").find((s) => DOMAIN_TYPES.has(s.type) || API_TYPES.has(s.type));
        return source ? `its host comes from ${label(source)}` : undefined;
    }
    return undefined;
}

/** The problems of one API Gateway origin's connection settings. */
function originHttpsProblems(origin: PropertyMap): string[] {
    const config = origin["customOriginConfig"];
    if (isUnknown(config)) {
        return [];
    }
    const custom = obj(config);
    if (!custom) {
        return ["has no customOriginConfig, so CloudFront treats it as an S3 origin; add customOriginConfig with originProtocolPolicy \"https-only\" and originSslProtocols [\"TLSv1.2\"]"];
    }
    const problems: string[] = [];
    const policy = str(custom["originProtocolPolicy"]);
    if (policy !== undefined && policy !== "https-only") {
        problems.push(`uses originProtocolPolicy "${policy}"; set "https-only" (API Gateway does not serve plain HTTP)`);
    }
    const protocolsValue = custom["originSslProtocols"];
    const protocols = arr(protocolsValue)?.map(str);
    if (protocols && !protocols.includes(undefined)) {
        const known = protocols as string[];
        const weak = known.filter((p) => (cloudFrontTlsVersion(p) ?? 0) < TLS_1_2);
        if (weak.length > 0) {
            problems.push(`allows ${weak.join(", ")} in originSslProtocols; use only "TLSv1.2"`);
        }
        if (!known.includes("TLSv1.2")) {
            problems.push(`does not offer "TLSv1.2" in originSslProtocols, the only version API Gateway accepts from CloudFront`);
        }
    }
    return problems;
}

/** Checks every CloudFront origin that points at API Gateway. */
export function checkCloudFrontOriginHttps(resources: readonly StackResource[], context: RuleContext, settings: OriginHttpsSettings): Finding[] {
    const index = new StackIndex(resources);
    const distributions = index.ofType(T.distribution);
    if (distributions.length === 0) {
        return [];
    }
    const model = new ApiGatewayModel(index, context.defaultRegion);
    const findings: Finding[] = [];
    for (const distribution of distributions) {
        for (const origin of originsOf(distribution.props)) {
            const reason = apiGatewayReason(origin, distribution, model, settings);
            if (!reason) {
                continue;
            }
            const id = str(origin["originId"]) ?? "?";
            for (const problem of originHttpsProblems(origin)) {
                findings.push({ urn: distribution.urn, message: `${label(distribution)} origin "${id}" (${reason}) ${problem}.` });
            }
        }
    }
    return findings;
}

export const cloudfrontOriginHttps = stackRule(
    {
        name: "cloudfront-origin-https",
        description: "CloudFront origins that are API Gateway must use https-only and TLSv1.2.",
        remediationSteps:
            "Give the origin a customOriginConfig with originProtocolPolicy \"https-only\", httpsPort 443 and " +
            "originSslProtocols [\"TLSv1.2\"]. Hosts of API Gateway custom domains managed elsewhere can be added " +
            "with the extraApiGatewayHosts setting so they are checked too.",
        enforcementLevel: "mandatory",
        configSchema: {
            properties: {
                extraApiGatewayHosts: {
                    type: "array",
                    items: { type: "string" },
                    default: [],
                    description: "Origin hosts (exact, or *.suffix) that are API Gateway custom domains not created in this stack.",
                },
            },
        },
    },
    readOriginHttpsSettings,
    checkCloudFrontOriginHttps,
);
