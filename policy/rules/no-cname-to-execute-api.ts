// no-cname-to-execute-api (mandatory) and prefer-alias-to-api-gateway (advisory): how DNS points at
// API Gateway.
//
// A CNAME to an API's default endpoint `{api-id}.execute-api...` resolves, but that endpoint
// presents AWS's own certificate and serves only its own name, so every client fails TLS: that is
// certain, so it is mandatory. A CNAME to a custom domain's target (`d-xxxx.execute-api...`, or the
// CloudFront name of an edge domain) is documented as valid and is how DNS outside Route 53 must
// do it; in Route 53 an alias record is merely better (no charge for the lookup, works at the
// zone apex, follows the target), so that is advice. A CNAME to an execute-api VPC endpoint's
// name (for example a weighted CNAME in a private zone) is ordinary DNS and not judged at all.

import { ApiGatewayModel, API_TYPES, DOMAIN_TYPES } from "../lib/apigateway";
import { apiGatewayHostKind, cnameToApiGatewayFails } from "../../aws/apigateway";
import { normalizeHost } from "../lib/hosts";
import { violationMessage, propertyPath } from "../lib/message";
import { Finding, RuleContext, stackRule } from "../lib/policy";
import { StackIndex, StackResource, T, label, sourcesOf } from "../lib/resources";
import { arr, isUnknown, str } from "../lib/values";

export interface CnameFinding extends Finding {
    /** True when clients certainly fail (a CNAME to a default endpoint); false for advice. */
    readonly fails: boolean;
}

type Target = { fails: boolean; what: string };

/** What API Gateway name a CNAME value is, or undefined when it is none (or a VPC endpoint name). */
function apiGatewayTarget(value: string, model: ApiGatewayModel): Target | undefined {
    const host = normalizeHost(value);
    if (!host) {
        return undefined;
    }
    const kind = apiGatewayHostKind(host);
    if (kind === "vpc-endpoint") {
        return undefined;
    }
    if (kind) {
        return cnameToApiGatewayFails(kind)
            ? { fails: true, what: "the default endpoint of an API" }
            : { fails: false, what: "the target of an API Gateway custom domain" };
    }
    const domain = model.domainForHost(host);
    // A CNAME from one custom name to another custom domain name is ordinary DNS; only the names API Gateway serves on count.
    if (domain && domain.domainName !== host) {
        return { fails: false, what: `the API Gateway target of ${label(domain.resource)}` };
    }
    return undefined;
}

function fix(target: Target, name: string): string {
    return target.fails
        ? `create an API Gateway custom domain for ${name} (with a certificate for it) and point an alias A record (and AAAA for a dualstack domain) at the custom domain's target`
        : `keep the CNAME if this zone is not in Route 53; in Route 53 prefer alias A/AAAA records to the same target (free lookups, and they also work at the zone apex)`;
}

/** Every Route 53 CNAME record of the stack that points at an API Gateway name. */
export function checkCnameRecords(resources: readonly StackResource[], context: RuleContext): CnameFinding[] {
    const index = new StackIndex(resources);
    const records = index.ofType(T.record);
    if (records.length === 0) {
        return [];
    }
    const model = new ApiGatewayModel(index, context.defaultRegion);
    const findings: CnameFinding[] = [];
    for (const record of records) {
        if (str(record.props["type"])?.toUpperCase() !== "CNAME") {
            continue;
        }
        const name = str(record.props["name"]) ?? record.name;
        const valuesProp = record.props["records"];
        const values = arr(valuesProp);
        let anyUnknown = isUnknown(valuesProp) || valuesProp === undefined;
        let found = false;
        (values ?? []).forEach((v, i) => {
            const text = str(v);
            if (text === undefined) {
                anyUnknown = true;
                return;
            }
            const target = apiGatewayTarget(text, model);
            if (target) {
                found = true;
                findings.push({
                    urn: record.urn,
                    fails: target.fails,
                    message: violationMessage(
                        record,
                        propertyPath("records", i),
                        text,
                        target.fails
                            ? `a CNAME for ${name} to ${target.what}, which presents AWS's *.execute-api certificate and serves only its own name, so clients of ${name} fail TLS`
                            : `a CNAME for ${name} to ${target.what}, which works (the documented way for DNS outside Route 53)`,
                        fix(target, name),
                    ),
                });
            }
        });
        if (!found && anyUnknown) {
            // Preview: judge by what the value was computed from, when that is unambiguous.
            const sources = sourcesOf(record, "records");
            const apis = sources.filter((s) => API_TYPES.has(s.type));
            const domains = sources.filter((s) => DOMAIN_TYPES.has(s.type));
            const source = apis[0] ?? domains[0];
            if (source) {
                const target: Target = { fails: domains.length === 0, what: `a name of ${label(source)}` };
                findings.push({
                    urn: record.urn,
                    fails: target.fails,
                    message: violationMessage(
                        record,
                        "records",
                        valuesProp,
                        target.fails
                            ? `a CNAME for ${name} to ${target.what}, whose default endpoint presents AWS's certificate, so clients fail TLS`
                            : `a CNAME for ${name} to ${target.what}, which works`,
                        fix(target, name),
                    ),
                });
            }
        }
    }
    return findings;
}

export const noCnameToExecuteApi = stackRule(
    {
        name: "no-cname-to-execute-api",
        description: "A Route 53 CNAME must not point at an API's default execute-api endpoint: it serves AWS's certificate, so clients fail TLS.",
        remediationSteps:
            "Create an API Gateway custom domain for the name (with an ACM certificate for it), map the API to it, and point " +
            "Route 53 alias records (A, and AAAA for a dualstack domain) at the domain's regionalDomainName/regionalZoneId " +
            "(regional) or cloudfrontDomainName/cloudfrontZoneId (edge).",
        enforcementLevel: "mandatory",
    },
    () => undefined,
    (resources, context) => checkCnameRecords(resources, context).filter((f) => f.fails),
);

export const preferAliasToApiGateway = stackRule(
    {
        name: "prefer-alias-to-api-gateway",
        description: "A Route 53 CNAME to an API Gateway custom domain's target works; an alias record is cheaper and also works at the zone apex.",
        remediationSteps:
            "Replace the CNAME with Route 53 alias records (A, and AAAA for a dualstack domain) to the same target and its hosted " +
            "zone id (regionalZoneId, or cloudfrontZoneId for an edge domain). Keep the CNAME if the zone is served outside Route 53.",
        enforcementLevel: "advisory",
    },
    () => undefined,
    (resources, context) => checkCnameRecords(resources, context).filter((f) => !f.fails),
);
