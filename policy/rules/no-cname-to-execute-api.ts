// no-cname-to-execute-api: point names at API Gateway with alias records, not CNAMEs.
//
// A CNAME to `{api-id}.execute-api...` resolves, but the endpoint presents AWS's certificate and
// routes by its own name, so clients fail TLS or get 403. Even towards a custom domain's target or
// its managed CloudFront name, a CNAME cannot sit at the zone apex and costs an extra lookup, where
// a Route 53 alias (A and AAAA) works everywhere and follows the target if AWS moves it.

import { ApiGatewayModel, API_TYPES, DOMAIN_TYPES } from "../lib/apigateway";
import { apiGatewayHostKind } from "../../aws/apigateway";
import { normalizeHost } from "../lib/hosts";
import { Finding, RuleContext, stackRule } from "../lib/policy";
import { StackIndex, StackResource, T, label, sourcesOf } from "../lib/resources";
import { arr, isUnknown, str } from "../lib/values";

/** Why a CNAME value is an API Gateway name, or undefined. */
function apiGatewayTarget(value: string, model: ApiGatewayModel): string | undefined {
    const host = normalizeHost(value);
    if (!host) {
        return undefined;
    }
    const kind = apiGatewayHostKind(host);
    if (kind === "default-endpoint") {
        return `the default endpoint ${host}`;
    }
    if (kind) {
        return `the API Gateway name ${host}`;
    }
    const domain = model.domainForHost(host);
    // A CNAME from one custom name to another custom domain name is ordinary DNS; only the names API Gateway serves on count.
    if (domain && domain.domainName !== host) {
        return `${host}, the API Gateway target of ${label(domain.resource)}`;
    }
    return undefined;
}

/** Checks every Route 53 CNAME record of the stack. */
export function checkNoCnameToExecuteApi(resources: readonly StackResource[], context: RuleContext): Finding[] {
    const index = new StackIndex(resources);
    const records = index.ofType(T.record);
    if (records.length === 0) {
        return [];
    }
    const model = new ApiGatewayModel(index, context.defaultRegion);
    const findings: Finding[] = [];
    for (const record of records) {
        if (str(record.props["type"])?.toUpperCase() !== "CNAME") {
            continue;
        }
        const name = str(record.props["name"]) ?? record.name;
        const valuesProp = record.props["records"];
        const values = arr(valuesProp);
        const reasons = new Set<string>();
        let unknownValue = isUnknown(valuesProp) || valuesProp === undefined;
        for (const v of values ?? []) {
            const text = str(v);
            if (text === undefined) {
                unknownValue = true;
                continue;
            }
            const reason = apiGatewayTarget(text, model);
            if (reason) {
                reasons.add(reason);
            }
        }
        if (reasons.size === 0 && unknownValue) {
            // Preview: the value comes from a resource; an API Gateway domain or API as its source is enough.
            const source = sourcesOf(record, "records").find((s) => DOMAIN_TYPES.has(s.type) || API_TYPES.has(s.type));
            if (source) {
                reasons.add(`a name of ${label(source)}`);
            }
        }
        for (const reason of reasons) {
            const fix = reason.startsWith("the default endpoint")
                ? `That endpoint presents AWS's certificate and routes by its own name, so clients fail TLS; create an API Gateway custom domain for ${name} and point alias A and AAAA records at its target.`
                : `Replace it with alias A and AAAA records to the same target (aliases also work at the zone apex).`;
            findings.push({ urn: record.urn, message: `${label(record)} makes ${name} a CNAME to ${reason}. ${fix}` });
        }
    }
    return findings;
}

export const noCnameToExecuteApi = stackRule(
    {
        name: "no-cname-to-execute-api",
        description: "Route 53 must point at API Gateway with alias A/AAAA records, never a CNAME to an execute-api or API Gateway target name.",
        remediationSteps:
            "Create an API Gateway custom domain for the name, then replace the CNAME with Route 53 alias records (type A and AAAA) " +
            "whose alias target is the domain's regionalDomainName/regionalZoneId (regional) or cloudfrontDomainName/cloudfrontZoneId (edge).",
        enforcementLevel: "mandatory",
    },
    () => undefined,
    (resources, context) => checkNoCnameToExecuteApi(resources, context),
);
