// cloudfront-origin-https (mandatory) and cloudfront-origin-hardening (advisory): how CloudFront
// connects to an API Gateway origin.
//
// API Gateway serves HTTPS only, and every security policy accepts TLS 1.2, the newest protocol
// CloudFront speaks to origins. So an origin with `http-only`, or one that offers no TLSv1.2, fails
// every request (502): mandatory. Everything else works: an origin protocol list with older
// versions next to TLSv1.2 (CloudFront negotiates 1.2), `match-viewer` (HTTPS whenever the viewer
// used HTTPS), an origin without customOriginConfig. Those get advice.

import { ApiGatewayModel } from "../lib/apigateway";
import { Behavior, behaviorsOf, distributionsOf, inputPath, originsForBehavior, originsOf } from "../lib/cloudfront";
import { API_GATEWAY_TLS_ALWAYS_ACCEPTED } from "../../aws/apigateway";
import { HTTPS_VIEWER_POLICIES, PLAIN_HTTP_VIEWER_POLICY, cloudFrontTlsVersion, originProtocol } from "../../aws/cloudfront";
import { apiGatewayOriginReason } from "../lib/fronting";
import { propertyPath, violationMessage } from "../lib/message";
import { Finding, RuleContext, stackRule, stringListSetting } from "../lib/policy";
import { StackIndex, StackResource } from "../lib/resources";
import { PropertyMap, arr, isUnknown, obj, str } from "../lib/values";

export interface OriginHttpsSettings {
    /** Further origin hosts (exact or `*.suffix`) to treat as API Gateway, e.g. custom domains managed in another stack. */
    readonly extraApiGatewayHosts: readonly string[];
}

export function readOriginHttpsSettings(raw: Record<string, unknown>): OriginHttpsSettings {
    return { extraApiGatewayHosts: stringListSetting(raw, "extraApiGatewayHosts") };
}

export interface OriginFinding extends Finding {
    /** True when every request (or every request of a kind) certainly fails. */
    readonly fails: boolean;
}

const EXTRA_HOSTS_SCHEMA = {
    properties: {
        extraApiGatewayHosts: {
            type: "array" as const,
            items: { type: "string" as const },
            default: [],
            description: "Origin hosts (exact, or *.suffix) that are API Gateway custom domains not created in this stack.",
        },
    },
};

/** The viewer protocol policies of the behaviors that route to an origin. */
function viewerPoliciesFor(distribution: PropertyMap, origin: PropertyMap): (string | undefined)[] {
    return behaviorsOf(distribution)
        .filter((b: Behavior) => originsForBehavior(distribution, b.props).includes(origin))
        .map((b) => str(b.props["viewerProtocolPolicy"]));
}

function originProblems(distribution: StackResource, origin: PropertyMap, i: number, why: string): OriginFinding[] {
    const findings: OriginFinding[] = [];
    const at = (...rest: (string | number)[]) => inputPath(distribution, propertyPath("origins", i, ...rest));
    const push = (fails: boolean, path: string, value: unknown, rule: string, fix: string) =>
        findings.push({ urn: distribution.urn, fails, message: violationMessage(distribution, path, value, `origin "${str(origin["originId"]) ?? i}" (${why}): ${rule}`, fix) });
    const config = origin["customOriginConfig"];
    if (isUnknown(config)) {
        return [];
    }
    const custom = obj(config);
    if (!custom) {
        push(false, at("customOriginConfig"), config, "CloudFront treats an origin without customOriginConfig as an S3 origin and picks the protocol itself", 'add customOriginConfig with originProtocolPolicy "https-only", httpsPort 443 and originSslProtocols ["TLSv1.2"]');
        return findings;
    }
    const policy = str(custom["originProtocolPolicy"]);
    const protocol = policy === undefined ? undefined : originProtocol(policy);
    if (protocol === "http") {
        push(true, at("customOriginConfig", "originProtocolPolicy"), policy, "API Gateway serves HTTPS only, so every request through this origin fails (502)", 'set it to "https-only"');
    } else if (protocol === "viewer") {
        const viewers = viewerPoliciesFor(distribution.props, origin);
        const plain = viewers.includes(PLAIN_HTTP_VIEWER_POLICY);
        const allHttps = viewers.length > 0 && viewers.every((v) => v !== undefined && HTTPS_VIEWER_POLICIES.has(v));
        push(
            false,
            at("customOriginConfig", "originProtocolPolicy"),
            policy,
            plain
                ? `a behavior routing here allows plain HTTP viewers ("${PLAIN_HTTP_VIEWER_POLICY}"), and their requests reach API Gateway over HTTP and fail; HTTPS viewers work`
                : allHttps
                  ? "every behavior routing here is HTTPS-only for viewers, so this works, but a later allow-all behavior would send HTTP to API Gateway"
                  : "requests reach API Gateway over the viewer's protocol, and HTTP ones fail",
            'set it to "https-only"',
        );
    }
    const protocolsValue = custom["originSslProtocols"];
    const protocols = arr(protocolsValue)?.map(str);
    if (protocols && !protocols.includes(undefined)) {
        const known = protocols as string[];
        const floor = API_GATEWAY_TLS_ALWAYS_ACCEPTED;
        const usable = known.some((p) => (cloudFrontTlsVersion(p) ?? 0) >= floor);
        if (!usable) {
            push(true, at("customOriginConfig", "originSslProtocols"), known, "API Gateway needs TLS 1.2 from CloudFront and none is offered, so every HTTPS request fails (502)", 'use ["TLSv1.2"]');
        } else {
            const weak = known.filter((p) => (cloudFrontTlsVersion(p) ?? floor) < floor);
            if (weak.length > 0) {
                push(false, at("customOriginConfig", "originSslProtocols"), known, `CloudFront negotiates TLS 1.2 with API Gateway, so ${weak.join(", ")} are never used and only widen what the origin connection allows`, 'use ["TLSv1.2"]');
            }
        }
    }
    return findings;
}

/** Checks every CloudFront origin that points at API Gateway. */
export function checkCloudFrontOrigins(resources: readonly StackResource[], context: RuleContext, settings: OriginHttpsSettings): OriginFinding[] {
    const index = new StackIndex(resources);
    const distributions = distributionsOf(index);
    if (distributions.length === 0) {
        return [];
    }
    const model = new ApiGatewayModel(index, context.defaultRegion);
    const findings: OriginFinding[] = [];
    for (const distribution of distributions) {
        originsOf(distribution.props).forEach((origin) => {
            const why = apiGatewayOriginReason(origin, distribution, model, settings.extraApiGatewayHosts);
            if (why) {
                // Messages name the origin by its index in the inputs, which is where users edit it.
                const i = (arr(distribution.props["origins"]) ?? []).indexOf(origin);
                findings.push(...originProblems(distribution, origin, i, why));
            }
        });
    }
    return findings;
}

export const cloudfrontOriginHttps = stackRule(
    {
        name: "cloudfront-origin-https",
        description: "A CloudFront origin that is API Gateway must connect over HTTPS and offer TLSv1.2, or every request fails with 502.",
        remediationSteps:
            "Give the origin a customOriginConfig with originProtocolPolicy \"https-only\", httpsPort 443 and " +
            "originSslProtocols [\"TLSv1.2\"]. Hosts of API Gateway custom domains managed elsewhere can be added " +
            "with the extraApiGatewayHosts setting so they are checked too.",
        enforcementLevel: "mandatory",
        configSchema: EXTRA_HOSTS_SCHEMA,
    },
    readOriginHttpsSettings,
    (resources, context, settings) => checkCloudFrontOrigins(resources, context, settings).filter((f) => f.fails),
);

export const cloudfrontOriginHardening = stackRule(
    {
        name: "cloudfront-origin-hardening",
        description: "A CloudFront origin that is API Gateway works best pinned to https-only and TLSv1.2 alone.",
        remediationSteps:
            "Set the origin's customOriginConfig to originProtocolPolicy \"https-only\" and originSslProtocols [\"TLSv1.2\"], so no " +
            "behavior can send plain HTTP and no older protocol is allowed on the origin connection.",
        enforcementLevel: "advisory",
        configSchema: EXTRA_HOSTS_SCHEMA,
    },
    readOriginHttpsSettings,
    (resources, context, settings) => checkCloudFrontOrigins(resources, context, settings).filter((f) => !f.fails),
);
