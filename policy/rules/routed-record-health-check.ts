// routed-record-health-check: latency, weighted and failover records that alias API Gateway should
// carry a health check.
//
// Evaluate Target Health on an alias to an API Gateway custom domain only follows the API Gateway
// service in the region (API Gateway Developer Guide, "Configure custom health checks for DNS
// failover"): when the API itself fails there (a broken deployment, a Lambda error, an expired
// integration), Route 53 keeps sending the region its share. Advisory: the record works, it just
// does not fail over when the API does.

import { ApiGatewayModel } from "../lib/apigateway";
import { Finding, RuleContext, stackRule } from "../lib/policy";
import { routedApiRecords } from "../lib/route53";
import { StackIndex, StackResource, label } from "../lib/resources";

/** Checks every routed Route 53 record that aliases an API Gateway custom domain. */
export function checkRoutedRecordHealthCheck(resources: readonly StackResource[], context: RuleContext): Finding[] {
    const index = new StackIndex(resources);
    const model = new ApiGatewayModel(index, context.defaultRegion);
    return routedApiRecords(index, model)
        .filter((r) => r.healthCheck === "none")
        .map((r) => {
            const target = r.targetHost ?? (r.domain ? `the target of ${label(r.domain.resource)}` : "an API Gateway target");
            const where = r.targetRegion ? ` in ${r.targetRegion}` : "";
            return {
                urn: r.resource.urn,
                message:
                    `${label(r.resource)} is a ${r.policy} record for ${r.name} that aliases ${target}${where} without a health check. ` +
                    "Evaluate Target Health on an API Gateway alias only fails when API Gateway itself is down in the region, so Route 53 " +
                    "keeps routing to a region whose API fails. Set healthCheckId to a Route 53 health check that calls the region through " +
                    "a custom domain name of its own (HTTPS, SNI on, a health route), or to one that watches a CloudWatch alarm; " +
                    "MultiRegionDomain creates such checks.",
            };
        });
}

export const routedRecordHealthCheck = stackRule(
    {
        name: "routed-record-health-check",
        description: "Latency, weighted and failover Route 53 records that alias an API Gateway custom domain should have a health check.",
        remediationSteps:
            "Create an aws.route53.HealthCheck per region (type HTTPS, enableSni true, fqdn a name that only that region's custom " +
            "domain serves, resourcePath a health route of the API) and set it as healthCheckId on that region's records.",
        enforcementLevel: "advisory",
    },
    () => undefined,
    (resources, context) => checkRoutedRecordHealthCheck(resources, context),
);
