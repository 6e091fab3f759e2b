// minimum-tls (advisory by default; `mandatory` or `remediate` by choice): TLS 1.2 as the floor on
// every hop that serves or fronts an API.
//
// A TLS 1.0 floor works in AWS: API Gateway still offers the legacy TLS_1_0 policy, CloudFront
// defaults viewers to TLSv1, older load balancer policies accept TLS 1.0. So this is a security
// standard, not a failure, and the rule is advisory unless an organization raises it. It judges
// API Gateway custom domains always, and CloudFront distributions and load balancer listeners only
// when they front an API (an API Gateway origin; a target group of execute-api VPC endpoint
// addresses), so a static site kept on TLSv1 for old clients is not its business. The setting
// `scope: "all"` widens the floor to every distribution and HTTPS/TLS listener of the stack.
//
// Combinations API Gateway refuses outright belong to api-gateway-security-policy (mandatory).

import { ApiGatewayModel } from "../lib/apigateway";
import { distributionFrontsApi, listenersFrontingApi } from "../lib/fronting";
import { propertyPath, violationMessage } from "../lib/message";
import { Finding, Fix, RuleContext, resourceRule, stackRule, stringListSetting } from "../lib/policy";
import { LISTENER_TYPES, ResourceView, StackIndex, StackResource, T } from "../lib/resources";
import { BASELINE_SECURITY_POLICY, SECURITY_POLICY, securityPolicyMinimumTls } from "../../aws/apigateway";
import {
    DEFAULT_VIEWER_SECURITY_POLICY,
    PLAIN_HTTP_VIEWER_POLICY,
    CLOUDFRONT_RECOMMENDED_VIEWER_POLICY,
    SNI_ONLY,
    cloudFrontTlsVersion,
} from "../../aws/cloudfront";
import { ELB_RECOMMENDED_POLICY, elbPolicyMinimum } from "../../aws/elb";
import { TLS_1_2, formatTls } from "../../aws/tls";
import { arr, at, bool, obj, str } from "../lib/values";

export type TlsScope = "api" | "all";

export interface MinimumTlsSettings {
    /** "api" (default): domains, and distributions and listeners that front an API; "all": every distribution and listener too. */
    readonly scope: TlsScope;
    /** When non-empty, the only load balancer SSL policies accepted (replaces the TLS 1.2 check for listeners). */
    readonly allowedAlbSslPolicies: readonly string[];
    /** Origin hosts (exact or `*.suffix`) that are API Gateway custom domains not created in this stack. */
    readonly extraApiGatewayHosts: readonly string[];
}

export function readMinimumTlsSettings(raw: Record<string, unknown>): MinimumTlsSettings {
    return {
        scope: raw["scope"] === "all" ? "all" : "api",
        allowedAlbSslPolicies: stringListSetting(raw, "allowedAlbSslPolicies"),
        extraApiGatewayHosts: stringListSetting(raw, "extraApiGatewayHosts"),
    };
}

function checkDomain(r: ResourceView): Finding[] {
    const v2 = r.type === T.domainV2;
    const path = v2 ? propertyPath("domainNameConfiguration", "securityPolicy") : "securityPolicy";
    const policy = str(v2 ? at(r.props, "domainNameConfiguration", "securityPolicy") : r.props["securityPolicy"]);
    const minimum = policy === undefined ? undefined : securityPolicyMinimumTls(policy);
    if (policy === undefined || minimum === undefined || minimum >= TLS_1_2) {
        return [];
    }
    return [{ message: violationMessage(r, path, policy, `it accepts ${formatTls(minimum)}, below the TLS 1.2 floor`, `set it to "${BASELINE_SECURITY_POLICY}"${v2 ? "" : " or an enhanced SecurityPolicy_TLS13_* policy"}`) }];
}

/** The viewer-facing TLS problems of a distribution; `why` says why it is in scope. */
function checkDistribution(r: ResourceView, why: string): Finding[] {
    const findings: Finding[] = [];
    const viewer = obj(r.props["viewerCertificate"]);
    // The default *.cloudfront.net certificate always allows TLSv1; only a custom certificate can raise the floor.
    if (viewer && bool(viewer["cloudfrontDefaultCertificate"]) !== true) {
        const versionValue = viewer["minimumProtocolVersion"];
        const version = str(versionValue) ?? (versionValue === undefined || versionValue === null ? DEFAULT_VIEWER_SECURITY_POLICY : undefined);
        const minimum = version === undefined ? undefined : cloudFrontTlsVersion(version);
        if (minimum !== undefined && minimum < TLS_1_2) {
            const vip = str(viewer["sslSupportMethod"]) === "vip";
            findings.push({
                message: violationMessage(
                    r,
                    propertyPath("viewerCertificate", "minimumProtocolVersion"),
                    versionValue,
                    `viewers may use ${formatTls(minimum)}${versionValue === undefined ? ` (CloudFront's default, ${DEFAULT_VIEWER_SECURITY_POLICY})` : ""}, below the TLS 1.2 floor (${why})`,
                    `set it to "${CLOUDFRONT_RECOMMENDED_VIEWER_POLICY}"` + (vip ? ` and viewerCertificate.sslSupportMethod to "${SNI_ONLY}"` : ""),
                ),
            });
        }
    }
    for (const { path } of viewerPolicyPaths(r)) {
        const value = str(at(r.props, ...path));
        if (value === PLAIN_HTTP_VIEWER_POLICY) {
            findings.push({
                message: violationMessage(r, propertyPath(...path), value, `viewers may use plain HTTP (${why})`, `set it to "redirect-to-https" or "https-only"`),
            });
        }
    }
    return findings;
}

function viewerPolicyPaths(r: ResourceView): { path: (string | number)[] }[] {
    const paths: { path: (string | number)[] }[] = [{ path: ["defaultCacheBehavior", "viewerProtocolPolicy"] }];
    // A multi-tenant distribution (CloudFront SaaS Manager) names its ordered behaviors `cacheBehaviors`.
    const ordered = r.type === T.multiTenantDistribution ? "cacheBehaviors" : "orderedCacheBehaviors";
    (arr(r.props[ordered]) ?? []).forEach((_b, i) => paths.push({ path: [ordered, i, "viewerProtocolPolicy"] }));
    return paths;
}

function isTlsListener(r: ResourceView): boolean {
    const protocol = str(r.props["protocol"])?.toUpperCase();
    return protocol === "HTTPS" || protocol === "TLS";
}

function checkListener(r: ResourceView, settings: MinimumTlsSettings, why: string): Finding[] {
    const policy = str(r.props["sslPolicy"]);
    if (!isTlsListener(r) || policy === undefined) {
        return [];
    }
    if (settings.allowedAlbSslPolicies.length > 0) {
        return settings.allowedAlbSslPolicies.includes(policy)
            ? []
            : [{ message: violationMessage(r, "sslPolicy", policy, `it is not in the allowedAlbSslPolicies setting (${why})`, `use one of ${settings.allowedAlbSslPolicies.join(", ")}`) }];
    }
    const minimum = elbPolicyMinimum(policy);
    if (minimum === undefined || minimum >= TLS_1_2) {
        return [];
    }
    return [{ message: violationMessage(r, "sslPolicy", policy, `it accepts ${formatTls(minimum)}, below the TLS 1.2 floor (${why})`, `use a TLS 1.2+ policy such as "${ELB_RECOMMENDED_POLICY}"`) }];
}

const DOMAIN_TYPES: ReadonlySet<string> = new Set([T.domainV1, T.domainV2]);
const DISTRIBUTION_TYPES: ReadonlySet<string> = new Set([T.distribution, T.multiTenantDistribution]);
const EVERY_TYPE: ReadonlySet<string> = new Set([...DOMAIN_TYPES, ...DISTRIBUTION_TYPES, ...LISTENER_TYPES]);
const WIDE = "scope is \"all\"";

/**
 * Per resource: API Gateway domain names always; with `scope: "all"` every distribution and
 * listener as well (nothing else needs the stack to decide).
 */
export function checkMinimumTls(resource: ResourceView, _context: RuleContext, settings: MinimumTlsSettings): Finding[] {
    if (DOMAIN_TYPES.has(resource.type)) {
        return checkDomain(resource);
    }
    if (settings.scope !== "all") {
        return [];
    }
    if (DISTRIBUTION_TYPES.has(resource.type)) {
        return checkDistribution(resource, WIDE);
    }
    return LISTENER_TYPES.has(resource.type) ? checkListener(resource, settings, WIDE) : [];
}

/** Over the stack, with the default scope: the distributions and listeners that front an API. */
export function checkMinimumTlsInFront(resources: readonly StackResource[], context: RuleContext, settings: MinimumTlsSettings): Finding[] {
    if (settings.scope === "all") {
        return [];
    }
    const index = new StackIndex(resources);
    const findings: Finding[] = [];
    const distributions = index.ofTypes(DISTRIBUTION_TYPES);
    if (distributions.length > 0) {
        const model = new ApiGatewayModel(index, context.defaultRegion);
        for (const d of distributions) {
            const why = distributionFrontsApi(d, model, settings.extraApiGatewayHosts);
            if (why) {
                findings.push(...checkDistribution(d, `it fronts API Gateway: ${why}`).map((f) => ({ ...f, urn: d.urn })));
            }
        }
    }
    const fronting = listenersFrontingApi(index, LISTENER_TYPES);
    for (const listener of index.ofTypes(LISTENER_TYPES)) {
        const why = fronting.get(listener.urn);
        if (why) {
            findings.push(...checkListener(listener, settings, why).map((f) => ({ ...f, urn: listener.urn })));
        }
    }
    return findings;
}

/** Whether a distribution's own inputs show an API Gateway origin (all a remediation can see). */
function distributionShowsApiOrigin(resource: ResourceView, settings: MinimumTlsSettings): boolean {
    const alone = new StackIndex([resource]);
    return distributionFrontsApi(resource, new ApiGatewayModel(alone, undefined), settings.extraApiGatewayHosts) !== undefined;
}

/**
 * The automatic fixes that are safe: they only raise a floor (legacy TLS_1_0 to TLS_1_2, a weak
 * CloudFront viewer minimum or load balancer policy to a TLS 1.2 one, allow-all to
 * redirect-to-https) and never touch anything the old value did not already control. Resources
 * outside the scope are left alone; a listener in front of an API can only be told from the whole
 * stack, so with the default scope it is reported, not changed.
 */
export function minimumTlsFixes(resource: ResourceView, settings: MinimumTlsSettings): Fix[] {
    const p = resource.props;
    const fixes: Fix[] = [];
    switch (resource.type) {
        case T.domainV1:
            if (str(p["securityPolicy"]) === SECURITY_POLICY.TLS_1_0) {
                fixes.push({ path: ["securityPolicy"], value: BASELINE_SECURITY_POLICY });
            }
            break;
        case T.domainV2:
            if (str(at(p, "domainNameConfiguration", "securityPolicy")) === SECURITY_POLICY.TLS_1_0) {
                fixes.push({ path: ["domainNameConfiguration", "securityPolicy"], value: BASELINE_SECURITY_POLICY });
            }
            break;
        case T.distribution:
        case T.multiTenantDistribution: {
            if (settings.scope !== "all" && !distributionShowsApiOrigin(resource, settings)) {
                break;
            }
            const viewer = obj(p["viewerCertificate"]);
            const version = viewer ? viewer["minimumProtocolVersion"] : undefined;
            const weak = version === undefined || version === null || (cloudFrontTlsVersion(str(version) ?? "TLSv1.2") ?? TLS_1_2) < TLS_1_2;
            if (viewer && bool(viewer["cloudfrontDefaultCertificate"]) !== true && str(viewer["sslSupportMethod"]) === SNI_ONLY && weak) {
                fixes.push({ path: ["viewerCertificate", "minimumProtocolVersion"], value: CLOUDFRONT_RECOMMENDED_VIEWER_POLICY });
            }
            for (const { path } of viewerPolicyPaths(resource)) {
                if (str(at(p, ...path)) === PLAIN_HTTP_VIEWER_POLICY) {
                    fixes.push({ path, value: "redirect-to-https" });
                }
            }
            break;
        }
        default:
            if (settings.scope === "all" && LISTENER_TYPES.has(resource.type) && checkListener(resource, settings, WIDE).length > 0) {
                fixes.push({ path: ["sslPolicy"], value: settings.allowedAlbSslPolicies[0] ?? ELB_RECOMMENDED_POLICY });
            }
    }
    return fixes;
}

const info = {
    name: "minimum-tls",
    description: "API Gateway domains, and the CloudFront distributions and load balancer listeners in front of APIs, should require TLS 1.2 or newer.",
    remediationSteps:
        "API Gateway domain names: securityPolicy \"TLS_1_2\" (or an enhanced SecurityPolicy_TLS13_* policy). CloudFront in front " +
        "of an API: a custom certificate with sslSupportMethod \"sni-only\", minimumProtocolVersion \"TLSv1.2_2021\" or newer, and " +
        "viewerProtocolPolicy \"redirect-to-https\" or \"https-only\". Load balancers in front of an API: an sslPolicy such as " +
        "ELBSecurityPolicy-TLS13-1-2-2021-06 (or one from allowedAlbSslPolicies). Set scope \"all\" to hold every distribution " +
        "and listener of the stack to the floor; with enforcement level \"remediate\" the pack raises these values itself.",
    enforcementLevel: "advisory" as const,
    configSchema: {
        properties: {
            scope: {
                type: "string" as const,
                enum: ["api", "all"],
                default: "api",
                description: "\"api\": API Gateway domains and the distributions and listeners that front an API; \"all\": every CloudFront distribution and HTTPS/TLS listener too.",
            },
            allowedAlbSslPolicies: {
                type: "array" as const,
                items: { type: "string" as const },
                default: [],
                description: "If not empty, the only SSL policies load balancer HTTPS/TLS listeners in scope may use.",
            },
            extraApiGatewayHosts: {
                type: "array" as const,
                items: { type: "string" as const },
                default: [],
                description: "Origin hosts (exact, or *.suffix) that are API Gateway custom domains not created in this stack.",
            },
        },
    },
};

/**
 * One policy with both a per-resource check (which can remediate) and a stack check (which can see
 * what a distribution or listener fronts); the policy SDK runs each in its phase.
 */
export const minimumTls = {
    ...resourceRule(info, EVERY_TYPE, readMinimumTlsSettings, checkMinimumTls, minimumTlsFixes),
    validateStack: stackRule(info, readMinimumTlsSettings, checkMinimumTlsInFront).validateStack,
};
