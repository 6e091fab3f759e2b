// routed-record-region: in a record set spread over regions, each record must point at its own
// region's API Gateway target.
//
// A latency record names the region it stands for; aliasing another region's custom domain sends
// that region's nearby clients across the world and lets a health check of one region decide for
// another. An alias must also name the hosted zone of its target's region (Route 53 refuses an alias
// whose name is not in the zone given), the domain behind it must serve a certificate of its own
// region (API Gateway reads regional certificates from the domain's region only), and a failover
// pair whose primary and secondary alias one target cannot fail over anywhere. Mandatory: each of
// these either fails at deploy time or defeats the record set's purpose.

import { hostedZoneId } from "../../aws/regions";
import { ApiGatewayModel } from "../lib/apigateway";
import { Finding, RuleContext, stackRule } from "../lib/policy";
import { regionOfArn } from "../lib/region";
import { RoutedApiRecord, routedApiRecords } from "../lib/route53";
import { StackIndex, StackResource, label } from "../lib/resources";
import { at } from "../lib/values";

function certificateRegionOf(record: RoutedApiRecord): { arn: string; region: string } | undefined {
    const p = record.domain?.resource.props;
    if (!p) return undefined;
    for (const value of [p["regionalCertificateArn"], at(p, "domainNameConfiguration", "certificateArn")]) {
        const region = regionOfArn(value, "acm");
        if (region) return { arn: String(value), region };
    }
    return undefined;
}

/** Checks every routed Route 53 record that aliases an API Gateway custom domain. */
export function checkRoutedRecordRegion(resources: readonly StackResource[], context: RuleContext): Finding[] {
    const index = new StackIndex(resources);
    const model = new ApiGatewayModel(index, context.defaultRegion);
    const records = routedApiRecords(index, model);
    const findings: Finding[] = [];
    const add = (r: RoutedApiRecord, text: string) => findings.push({ urn: r.resource.urn, message: `${label(r.resource)} (${r.policy} record for ${r.name}) ${text}` });

    for (const r of records) {
        const target = r.targetHost ?? (r.domain ? `the target of ${label(r.domain.resource)}` : "its target");
        if (r.latencyRegion && r.targetRegion && r.latencyRegion !== r.targetRegion) {
            add(r, `stands for ${r.latencyRegion} but aliases ${target} in ${r.targetRegion}. ` +
                `Point it at the custom domain in ${r.latencyRegion}, or set its latency region to ${r.targetRegion}.`);
        }
        const expectedZone = r.targetRegion && r.targetHost ? hostedZoneId("apigateway", r.targetRegion) : undefined;
        if (expectedZone && r.targetZoneId && r.targetZoneId !== expectedZone) {
            add(r, `aliases ${r.targetHost} with hosted zone ${r.targetZoneId}, but API Gateway targets in ${r.targetRegion} live in ${expectedZone}; ` +
                "Route 53 refuses an alias whose name is not in the zone given. Use the domain's own regionalZoneId (hostedZoneId).");
        }
        const cert = certificateRegionOf(r);
        const region = r.latencyRegion ?? r.targetRegion;
        if (cert && region && cert.region !== region) {
            add(r, `aliases ${label(r.domain!.resource)} in ${region}, which serves the certificate ${cert.arn} from ${cert.region}; ` +
                `a regional custom domain needs a certificate from its own region. Request or import the certificate in ${region}.`);
        }
    }

    // A failover pair aliasing one target has nowhere to fail over to.
    const bySet = new Map<string, RoutedApiRecord[]>();
    for (const r of records.filter((x) => x.policy === "failover")) bySet.set(r.setKey, [...(bySet.get(r.setKey) ?? []), r]);
    for (const group of bySet.values()) {
        const primary = group.find((r) => r.failoverRole === "PRIMARY");
        const secondary = group.find((r) => r.failoverRole === "SECONDARY");
        if (!primary || !secondary) continue;
        const same = (primary.targetHost && primary.targetHost === secondary.targetHost)
            || (primary.domain && primary.domain === secondary.domain);
        if (same) {
            add(secondary, `aliases the same target as the primary ${label(primary.resource)}, so failover cannot move traffic to another region. ` +
                "Point the secondary record at the custom domain of the other region.");
        }
    }
    return findings;
}

export const routedRecordRegion = stackRule(
    {
        name: "routed-record-region",
        description: "Each record of a latency, weighted or failover set that aliases API Gateway must point at its own region's custom domain target, zone and certificate.",
        remediationSteps:
            "Alias each region's record to the regionalDomainName and regionalZoneId of the custom domain created in that region " +
            "(with a certificate from that region), with the latency region equal to the domain's region; give a failover pair two regions.",
        enforcementLevel: "mandatory",
    },
    () => undefined,
    (resources, context) => checkRoutedRecordRegion(resources, context),
);
