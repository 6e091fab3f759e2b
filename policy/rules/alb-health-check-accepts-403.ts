// alb-health-check-accepts-403: the ALB-in-front-of-private-API workaround needs a 403-tolerant check.
//
// When an internal ALB forwards to the execute-api VPC endpoint's addresses, its health probes
// carry no API Host, and API Gateway answers them 403 Forbidden. With the default matcher (200)
// every target is unhealthy and the ALB serves 503s, although the API works.

import { Finding, RuleContext, stackRule } from "../lib/policy";
import { StackIndex, StackResource, T, TARGET_GROUP_ATTACHMENT_TYPES, TARGET_GROUP_TYPES, label, sourcesOf } from "../lib/resources";
import { at, isUnknown, str } from "../lib/values";

/** Whether an ALB matcher ("200", "200,403", "200-499") accepts the given status code. */
export function matcherAccepts(matcher: string, code: number): boolean {
    return matcher.split(",").some((part) => {
        const range = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(part);
        if (range) {
            return Number(range[1]) <= code && code <= Number(range[2]);
        }
        return Number(part.trim()) === code;
    });
}

function isExecuteApiEndpoint(resource: StackResource): boolean {
    return resource.type === T.vpcEndpoint && /\.execute-api$/.test(str(resource.props["serviceName"]) ?? "");
}

/** The execute-api endpoint a target's address came from, if it did. */
function sourceEndpoint(attachment: StackResource): StackResource | undefined {
    const direct = sourcesOf(attachment, "targetId");
    return direct.find(isExecuteApiEndpoint) ?? (attachment.dependencies ?? []).find(isExecuteApiEndpoint);
}

/** Checks target groups whose targets are addresses of an execute-api VPC endpoint. */
export function checkAlbHealthChecks(resources: readonly StackResource[]): Finding[] {
    const index = new StackIndex(resources);
    const groupsByArn = new Map<string, StackResource>();
    for (const group of index.ofTypes(TARGET_GROUP_TYPES)) {
        const arn = str(group.props["arn"]);
        if (arn) {
            groupsByArn.set(arn, group);
        }
    }
    const endpointOfGroup = new Map<StackResource, StackResource>();
    for (const attachment of index.ofTypes(TARGET_GROUP_ATTACHMENT_TYPES)) {
        const endpoint = sourceEndpoint(attachment);
        if (!endpoint) {
            continue;
        }
        const group =
            sourcesOf(attachment, "targetGroupArn").find((r) => TARGET_GROUP_TYPES.has(r.type)) ??
            groupsByArn.get(str(attachment.props["targetGroupArn"]) ?? "");
        if (group && !endpointOfGroup.has(group)) {
            endpointOfGroup.set(group, endpoint);
        }
    }
    const findings: Finding[] = [];
    for (const [group, endpoint] of endpointOfGroup) {
        const health = group.props["healthCheck"];
        if (isUnknown(health)) {
            continue;
        }
        const protocol = str(at(health, "protocol"))?.toUpperCase() ?? str(group.props["protocol"])?.toUpperCase();
        if (protocol !== undefined && protocol !== "HTTP" && protocol !== "HTTPS") {
            continue;
        }
        const matcherValue = at(health, "matcher");
        if (isUnknown(matcherValue)) {
            continue;
        }
        const matcher = str(matcherValue) ?? "200";
        if (!matcherAccepts(matcher, 403)) {
            findings.push({
                urn: group.urn,
                message:
                    `${label(group)} sends traffic to the addresses of ${label(endpoint)} (execute-api), which answers health checks ` +
                    `with 403, but its health check matcher is "${matcher}"${str(matcherValue) === undefined ? " (the default)" : ""}; ` +
                    `every target will be unhealthy. Set healthCheck.matcher to "200,403".`,
            });
        }
    }
    return findings;
}

export const albHealthCheckAccepts403 = stackRule(
    {
        name: "alb-health-check-accepts-403",
        description: "A target group whose targets are execute-api VPC endpoint addresses must accept 403 in its health check matcher.",
        remediationSteps: "Set the target group's healthCheck.matcher to \"200,403\" (API Gateway answers the ALB's probes with 403).",
        enforcementLevel: "advisory",
    },
    () => undefined,
    (resources: readonly StackResource[], _context: RuleContext) => checkAlbHealthChecks(resources),
);
