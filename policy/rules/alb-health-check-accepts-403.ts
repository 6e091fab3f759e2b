// alb-health-check-accepts-403 (advisory): the ALB-in-front-of-private-API workaround needs a
// health check that accepts 403.
//
// When an internal ALB forwards to the execute-api VPC endpoint's addresses, its health probes
// carry no API Host, and API Gateway answers them 403 Forbidden (aws/apigateway.ts,
// EXECUTE_API_PROBE_STATUS). With the default matcher (200) every target is marked unhealthy; an
// ALB whose targets are all unhealthy still routes to all of them ("fail open"), so the API keeps
// answering and the only certain effect is wrong health reporting. Hence advisory.

import { EXECUTE_API_PROBE_STATUS } from "../../aws/apigateway";
import { DEFAULT_HEALTH_CHECK_MATCHER } from "../../aws/elb";
import { apiTargetGroups } from "../lib/fronting";
import { violationMessage } from "../lib/message";
import { Finding, RuleContext, stackRule } from "../lib/policy";
import { StackIndex, StackResource, label } from "../lib/resources";
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

/** Checks target groups whose targets are addresses of an execute-api VPC endpoint. */
export function checkAlbHealthChecks(resources: readonly StackResource[]): Finding[] {
    const findings: Finding[] = [];
    for (const [group, endpoint] of apiTargetGroups(new StackIndex(resources))) {
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
        const matcher = str(matcherValue) ?? DEFAULT_HEALTH_CHECK_MATCHER;
        if (!matcherAccepts(matcher, EXECUTE_API_PROBE_STATUS)) {
            findings.push({
                urn: group.urn,
                message: violationMessage(
                    group,
                    "healthCheck.matcher",
                    matcherValue,
                    `the targets are addresses of ${label(endpoint)} (execute-api), which answers health probes with ${EXECUTE_API_PROBE_STATUS}, so every target is reported unhealthy` +
                        (str(matcherValue) === undefined ? ` (the default matcher is "${DEFAULT_HEALTH_CHECK_MATCHER}")` : ""),
                    `set healthCheck.matcher to "200,${EXECUTE_API_PROBE_STATUS}"`,
                ),
            });
        }
    }
    return findings;
}

export const albHealthCheckAccepts403 = stackRule(
    {
        name: "alb-health-check-accepts-403",
        description: "A target group whose targets are execute-api VPC endpoint addresses should accept 403 in its health check matcher.",
        remediationSteps: `Set the target group's healthCheck.matcher to "${DEFAULT_HEALTH_CHECK_MATCHER},${EXECUTE_API_PROBE_STATUS}" (API Gateway answers the ALB's probes with ${EXECUTE_API_PROBE_STATUS}).`,
        enforcementLevel: "advisory",
    },
    () => undefined,
    (resources: readonly StackResource[], _context: RuleContext) => checkAlbHealthChecks(resources),
);
