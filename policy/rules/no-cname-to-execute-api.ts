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
//
// Cloudflare records (`@pulumi/cloudflare`) are judged the same way when they are DNS-only: clients
// then resolve the target and connect to API Gateway themselves. A proxied record is not judged:
// Cloudflare connects to the origin, and what API Gateway sees then depends on the zone's SSL mode
// and origin rules (a Host and SNI override can make even the default endpoint work). A CNAME
// outside Route 53 to a custom domain's target is the documented way, so it gets no advice.

import { ApiGatewayModel, API_TYPES, DOMAIN_TYPES } from "../lib/apigateway";
import { apiGatewayHostKind, cnameToApiGatewayFails } from "../../aws/apigateway";
import { cloudflareRecordIsDnsOnly } from "../../aws/cloudflare";
import { normalizeHost } from "../lib/hosts";
import { violationMessage, propertyPath } from "../lib/message";
import { Finding, RuleContext, stackRule } from "../lib/policy";
import { StackIndex, StackResource, T, label, sourcesOf } from "../lib/resources";
import { PropertyMap, arr, isUnknown, str } from "../lib/values";

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

function fix(target: Target, name: string, route53: boolean): string {
    if (!target.fails) {
        return `keep the CNAME if this zone is not in Route 53; in Route 53 prefer alias A/AAAA records to the same target (free lookups, and they also work at the zone apex)`;
    }
    return route53
        ? `create an API Gateway custom domain for ${name} (with a certificate for it) and point an alias A record (and AAAA for a dualstack domain) at the custom domain's target`
        : `create an API Gateway custom domain for ${name} (with a certificate for it) and point this CNAME at the custom domain's target (regionalDomainName, or cloudfrontDomainName for an edge domain)`;
}

/** A CNAME record's name, its values and the property they sit in, in Route 53 or Cloudflare. */
interface CnameView {
    name: string;
    /** `records` (Route 53) or `content` / `value` (Cloudflare). */
    property: string;
    values: readonly unknown[] | undefined;
    /** The property itself (for unknown values and messages). */
    raw: unknown;
    route53: boolean;
    /** An element index in the property path (Route 53's `records` is a list). */
    indexed: boolean;
}

function cnameView(record: StackResource): CnameView | undefined {
    const props: PropertyMap = record.props;
    const type = str(props["type"]);
    if (type?.toUpperCase() !== "CNAME") {
        return undefined;
    }
    const name = str(props["name"]) ?? record.name;
    if (record.type === T.record) {
        const raw = props["records"];
        return { name, property: "records", values: arr(raw), raw, route53: true, indexed: true };
    }
    const proxied = props["proxied"];
    // An unknown proxy status (preview) leaves the outcome open: not judged.
    if (isUnknown(proxied) || !cloudflareRecordIsDnsOnly(type, typeof proxied === "boolean" ? proxied : undefined)) {
        return undefined;
    }
    // `value` is the v4/v5 provider's older spelling of `content`.
    const property = props["content"] !== undefined || props["value"] === undefined ? "content" : "value";
    const raw = props[property];
    return { name, property, values: raw === undefined || isUnknown(raw) ? undefined : [raw], raw, route53: false, indexed: false };
}

/**
 * Every CNAME record of the stack that points at an API Gateway name: Route 53 records, and
 * DNS-only Cloudflare records (which only ever get the failing finding).
 */
export function checkCnameRecords(resources: readonly StackResource[], context: RuleContext): CnameFinding[] {
    const index = new StackIndex(resources);
    const records = [...index.ofType(T.record), ...index.ofType(T.cloudflareRecord), ...index.ofType(T.cloudflareRecordV5)];
    if (records.length === 0) {
        return [];
    }
    const model = new ApiGatewayModel(index, context.defaultRegion);
    const findings: CnameFinding[] = [];
    for (const record of records) {
        const view = cnameView(record);
        if (!view) {
            continue;
        }
        const { name, property, values, raw: valuesProp, route53 } = view;
        /** Records a finding; outside Route 53 only a failing target is reported (a CNAME to a working target is the documented way). */
        const add = (target: Target, path: string, value: unknown, reason: string): void => {
            if (route53 || target.fails) {
                findings.push({ urn: record.urn, fails: target.fails, message: violationMessage(record, path, value, reason, fix(target, name, route53)) });
            }
        };
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
                add(target, view.indexed ? propertyPath(property, i) : property, text,
                    target.fails
                        ? `a CNAME for ${name} to ${target.what}, which presents AWS's *.execute-api certificate and serves only its own name, so clients of ${name} fail TLS`
                        : `a CNAME for ${name} to ${target.what}, which works (the documented way for DNS outside Route 53)`);
            }
        });
        if (!found && anyUnknown) {
            // Preview: judge by what the value was computed from, when that is unambiguous.
            const sources = sourcesOf(record, property);
            const apis = sources.filter((s) => API_TYPES.has(s.type));
            const domains = sources.filter((s) => DOMAIN_TYPES.has(s.type));
            const source = apis[0] ?? domains[0];
            if (source) {
                const target: Target = { fails: domains.length === 0, what: `a name of ${label(source)}` };
                add(target, property, valuesProp,
                    target.fails
                        ? `a CNAME for ${name} to ${target.what}, whose default endpoint presents AWS's certificate, so clients fail TLS`
                        : `a CNAME for ${name} to ${target.what}, which works`);
            }
        }
    }
    return findings;
}

export const noCnameToExecuteApi = stackRule(
    {
        name: "no-cname-to-execute-api",
        description:
            "A CNAME (Route 53, or a DNS-only Cloudflare record) must not point at an API's default execute-api endpoint: it serves AWS's certificate, so clients fail TLS.",
        remediationSteps:
            "Create an API Gateway custom domain for the name (with an ACM certificate for it), map the API to it, and point " +
            "Route 53 alias records (A, and AAAA for a dualstack domain) at the domain's regionalDomainName/regionalZoneId " +
            "(regional) or cloudfrontDomainName/cloudfrontZoneId (edge). Outside Route 53 (Cloudflare), point the CNAME at that same " +
            "target name instead.",
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
