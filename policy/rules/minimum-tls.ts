// minimum-tls: TLS 1.2 is the floor on every hop in front of an API.
//
// API Gateway custom domains still accept the legacy TLS_1_0 policy, CloudFront defaults viewers to
// TLSv1 and serves plain HTTP with `allow-all`, and older load balancer policies accept TLS 1.0.
// Each of them lets a client negotiate a protocol with known weaknesses, whatever the API behind
// does. The rule also rejects security policy combinations API Gateway refuses at deploy time
// (enhanced policies without an endpoint access mode, edge-only policies on regional domains, mTLS
// with an enhanced policy), so they surface in preview rather than halfway through an update.

import { domainModel } from "../lib/apigateway";
import { Finding, Fix, RuleContext, resourceRule, stringListSetting } from "../lib/policy";
import { LISTENER_TYPES, ResourceView, T, label } from "../lib/resources";
import { SECURITY_POLICY, isEdgeOnlySecurityPolicy, isEnhancedSecurityPolicy, securityPolicyMinimumTls } from "../../aws/apigateway";
import { CLOUDFRONT_RECOMMENDED_VIEWER_POLICY, cloudFrontTlsVersion } from "../../aws/cloudfront";
import { ELB_RECOMMENDED_POLICY, elbPolicyMinimum } from "../../aws/elb";
import { TLS_1_2, formatTls } from "../../aws/tls";
import { arr, at, bool, isKnown, obj, str } from "../lib/values";

/** What remediation sets where the current value is too weak. */
const SAFE_VALUES = {
    apiGatewaySecurityPolicy: SECURITY_POLICY.TLS_1_2,
    cloudFrontMinimumProtocolVersion: CLOUDFRONT_RECOMMENDED_VIEWER_POLICY,
    viewerProtocolPolicy: "redirect-to-https",
    elbSslPolicy: ELB_RECOMMENDED_POLICY,
} as const;

export interface MinimumTlsSettings {
    /** When non-empty, the only load balancer SSL policies accepted (replaces the TLS 1.2 check for listeners). */
    readonly allowedAlbSslPolicies: readonly string[];
}

export function readMinimumTlsSettings(raw: Record<string, unknown>): MinimumTlsSettings {
    return { allowedAlbSslPolicies: stringListSetting(raw, "allowedAlbSslPolicies") };
}

const TYPES: ReadonlySet<string> = new Set([T.domainV1, T.domainV2, T.distribution, ...LISTENER_TYPES]);

function checkDomainV1(r: ResourceView): Finding[] {
    const domain = domainModel(r, undefined);
    const policy = domain?.securityPolicy;
    if (!domain || policy === undefined) {
        return [];
    }
    const findings: string[] = [];
    const minimum = securityPolicyMinimumTls(policy);
    if (minimum !== undefined && minimum < TLS_1_2) {
        findings.push(`uses securityPolicy "${policy}", which accepts ${formatTls(minimum)}; use "TLS_1_2" or an enhanced SecurityPolicy_TLS13_* policy`);
    }
    const accessMode = r.props["endpointAccessMode"];
    if (isEnhancedSecurityPolicy(policy)) {
        if (accessMode === undefined || accessMode === null) {
            findings.push(`uses the enhanced securityPolicy "${policy}" without endpointAccessMode; set endpointAccessMode to "STRICT" (or "BASIC" while migrating)`);
        }
        if (domain.endpointType !== undefined && isEdgeOnlySecurityPolicy(policy) !== (domain.endpointType === "EDGE")) {
            findings.push(
                isEdgeOnlySecurityPolicy(policy)
                    ? `uses the edge-only securityPolicy "${policy}" on a ${domain.endpointType} domain; pick a SecurityPolicy_TLS13_* policy without _EDGE`
                    : `uses securityPolicy "${policy}" on an EDGE domain; edge-optimized domains need TLS_1_2 or a *_EDGE enhanced policy`,
            );
        }
        if (isKnown(r.props["mutualTlsAuthentication"])) {
            findings.push(`combines mutual TLS with the enhanced securityPolicy "${policy}", which API Gateway does not allow; use "TLS_1_2" with mTLS`);
        }
    } else if (isKnown(accessMode)) {
        findings.push(`sets endpointAccessMode with the legacy securityPolicy "${policy}"; only SecurityPolicy_* policies take an access mode`);
    }
    return findings.map((f) => ({ message: `${label(r)} ${f}.` }));
}

function checkDomainV2(r: ResourceView): Finding[] {
    const policy = str(at(r.props, "domainNameConfiguration", "securityPolicy"));
    const minimum = policy === undefined ? undefined : securityPolicyMinimumTls(policy);
    if (minimum === undefined || minimum >= TLS_1_2) {
        return [];
    }
    return [{ message: `${label(r)} uses securityPolicy "${policy}", which accepts ${formatTls(minimum)}; use "TLS_1_2".` }];
}

/** The viewer-facing problems of a distribution. */
function checkDistribution(r: ResourceView): Finding[] {
    const findings: Finding[] = [];
    const viewer = obj(r.props["viewerCertificate"]);
    // The default *.cloudfront.net certificate always allows TLSv1; only a custom certificate can raise the floor.
    if (viewer && bool(viewer["cloudfrontDefaultCertificate"]) !== true) {
        const versionValue = viewer["minimumProtocolVersion"];
        const version = str(versionValue);
        const minimum = version === undefined ? (versionValue === undefined || versionValue === null ? 1.0 : undefined) : cloudFrontTlsVersion(version);
        if (minimum !== undefined && minimum < TLS_1_2) {
            const vip = str(viewer["sslSupportMethod"]) === "vip";
            findings.push({
                message:
                    `${label(r)} lets viewers use ${formatTls(minimum)} (minimumProtocolVersion ${version ? `"${version}"` : "not set, so TLSv1"}); ` +
                    `set minimumProtocolVersion to "${SAFE_VALUES.cloudFrontMinimumProtocolVersion}"` +
                    (vip ? ` and sslSupportMethod to "sni-only" (dedicated-IP "vip" only supports SSLv3 and TLSv1)` : "") +
                    ".",
            });
        }
    }
    for (const { path, label: where } of viewerPolicyPaths(r)) {
        if (str(at(r.props, ...path)) === "allow-all") {
            findings.push({ message: `${label(r)} ${where} uses viewerProtocolPolicy "allow-all", which serves plain HTTP; use "${SAFE_VALUES.viewerProtocolPolicy}" or "https-only".` });
        }
    }
    return findings;
}

function viewerPolicyPaths(r: ResourceView): { path: (string | number)[]; label: string }[] {
    const paths: { path: (string | number)[]; label: string }[] = [{ path: ["defaultCacheBehavior", "viewerProtocolPolicy"], label: "default behavior" }];
    (arr(r.props["orderedCacheBehaviors"]) ?? []).forEach((b, i) => {
        paths.push({ path: ["orderedCacheBehaviors", i, "viewerProtocolPolicy"], label: `behavior "${str(obj(b)?.["pathPattern"]) ?? i}"` });
    });
    return paths;
}

function isTlsListener(r: ResourceView): boolean {
    const protocol = str(r.props["protocol"])?.toUpperCase();
    return protocol === "HTTPS" || protocol === "TLS";
}

function checkListener(r: ResourceView, settings: MinimumTlsSettings): Finding[] {
    const policy = str(r.props["sslPolicy"]);
    if (!isTlsListener(r) || policy === undefined) {
        return [];
    }
    if (settings.allowedAlbSslPolicies.length > 0) {
        return settings.allowedAlbSslPolicies.includes(policy)
            ? []
            : [{ message: `${label(r)} uses sslPolicy "${policy}", which is not in allowedAlbSslPolicies (${settings.allowedAlbSslPolicies.join(", ")}).` }];
    }
    const minimum = elbPolicyMinimum(policy);
    if (minimum === undefined || minimum >= TLS_1_2) {
        return [];
    }
    return [{ message: `${label(r)} uses sslPolicy "${policy}", which accepts ${formatTls(minimum)}; use a TLS 1.2+ policy such as "${SAFE_VALUES.elbSslPolicy}".` }];
}

/** Checks one API Gateway domain name, CloudFront distribution or load balancer listener. */
export function checkMinimumTls(resource: ResourceView, _context: RuleContext, settings: MinimumTlsSettings): Finding[] {
    switch (resource.type) {
        case T.domainV1:
            return checkDomainV1(resource);
        case T.domainV2:
            return checkDomainV2(resource);
        case T.distribution:
            return checkDistribution(resource);
        default:
            return LISTENER_TYPES.has(resource.type) ? checkListener(resource, settings) : [];
    }
}

/**
 * The automatic fixes that are safe: they only raise a floor (legacy TLS_1_0 to TLS_1_2, a weak
 * CloudFront viewer minimum or load balancer policy to a TLS 1.2 one, allow-all to
 * redirect-to-https) and never touch anything the old value did not already control.
 */
export function minimumTlsFixes(resource: ResourceView, settings: MinimumTlsSettings): Fix[] {
    const p = resource.props;
    const fixes: Fix[] = [];
    switch (resource.type) {
        case T.domainV1:
            if (str(p["securityPolicy"]) === "TLS_1_0") {
                fixes.push({ path: ["securityPolicy"], value: SAFE_VALUES.apiGatewaySecurityPolicy });
            }
            break;
        case T.domainV2:
            if (str(at(p, "domainNameConfiguration", "securityPolicy")) === "TLS_1_0") {
                fixes.push({ path: ["domainNameConfiguration", "securityPolicy"], value: SAFE_VALUES.apiGatewaySecurityPolicy });
            }
            break;
        case T.distribution: {
            const viewer = obj(p["viewerCertificate"]);
            const version = viewer ? viewer["minimumProtocolVersion"] : undefined;
            const weak = version === undefined || version === null || (cloudFrontTlsVersion(str(version) ?? "TLSv1.2") ?? TLS_1_2) < TLS_1_2;
            if (viewer && bool(viewer["cloudfrontDefaultCertificate"]) !== true && str(viewer["sslSupportMethod"]) === "sni-only" && weak) {
                fixes.push({ path: ["viewerCertificate", "minimumProtocolVersion"], value: SAFE_VALUES.cloudFrontMinimumProtocolVersion });
            }
            for (const { path } of viewerPolicyPaths(resource)) {
                if (str(at(p, ...path)) === "allow-all") {
                    fixes.push({ path, value: SAFE_VALUES.viewerProtocolPolicy });
                }
            }
            break;
        }
        default:
            if (LISTENER_TYPES.has(resource.type) && checkListener(resource, settings).length > 0) {
                fixes.push({ path: ["sslPolicy"], value: settings.allowedAlbSslPolicies[0] ?? SAFE_VALUES.elbSslPolicy });
            }
    }
    return fixes;
}

export const minimumTls = resourceRule(
    {
        name: "minimum-tls",
        description: "API Gateway domains, CloudFront viewers and load balancer HTTPS listeners must require TLS 1.2 or newer.",
        remediationSteps:
            "API Gateway domain names: securityPolicy \"TLS_1_2\" (or an enhanced SecurityPolicy_TLS13_* policy with endpointAccessMode " +
            "\"STRICT\"; *_EDGE policies only on EDGE domains; no enhanced policy with mTLS). CloudFront: a custom certificate with " +
            "sslSupportMethod \"sni-only\", minimumProtocolVersion \"TLSv1.2_2021\" or newer, and viewerProtocolPolicy " +
            "\"redirect-to-https\" or \"https-only\". Load balancers: an sslPolicy such as ELBSecurityPolicy-TLS13-1-2-2021-06 " +
            "(or one from allowedAlbSslPolicies). With enforcement level \"remediate\" the pack raises these values itself.",
        enforcementLevel: "mandatory",
        configSchema: {
            properties: {
                allowedAlbSslPolicies: {
                    type: "array",
                    items: { type: "string" },
                    default: [],
                    description: "If not empty, the only SSL policies load balancer HTTPS/TLS listeners may use.",
                },
            },
        },
    },
    TYPES,
    readMinimumTlsSettings,
    checkMinimumTls,
    minimumTlsFixes,
);
