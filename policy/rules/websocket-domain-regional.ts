// websocket-domain-regional (mandatory): WebSocket APIs need a regional TLS 1.2 domain of their own.
//
// API Gateway serves WebSocket APIs on REGIONAL custom domains only, with the TLS_1_2 policy only,
// and refuses to map a WebSocket API to a domain that also maps REST or HTTP APIs (the facts and
// their sources are in aws/apigateway.ts, WEBSOCKET_DOMAIN). Each of these makes the mapping fail at
// deploy time, so the rule is mandatory.

import { WEBSOCKET_DOMAIN } from "../../aws/apigateway";
import { ApiGatewayModel, DomainModel, MappingModel, apiKind } from "../lib/apigateway";
import { violationMessage } from "../lib/message";
import { Finding, RuleContext, stackRule } from "../lib/policy";
import { StackIndex, StackResource, T, label } from "../lib/resources";
import { at } from "../lib/values";

function endpointPath(domain: DomainModel): { path: string; value: unknown } {
    return domain.resource.type === T.domainV2
        ? { path: "domainNameConfiguration.endpointType", value: at(domain.resource.props, "domainNameConfiguration", "endpointType") }
        : { path: "endpointConfiguration.types", value: at(domain.resource.props, "endpointConfiguration", "types") };
}

function policyPath(domain: DomainModel): string {
    return domain.resource.type === T.domainV2 ? "domainNameConfiguration.securityPolicy" : "securityPolicy";
}

/** Checks every domain that has a mapping to a WebSocket API. */
export function checkWebSocketDomains(resources: readonly StackResource[], context: RuleContext): Finding[] {
    const model = new ApiGatewayModel(new StackIndex(resources), context.defaultRegion);
    const findings: Finding[] = [];
    for (const mappings of model.mappingsByDomain().values()) {
        const webSocket = mappings.filter((m) => m.api && apiKind(m.api) === "WEBSOCKET");
        if (webSocket.length === 0) {
            continue;
        }
        const domain = mappings.find((m) => m.domain)?.domain;
        const name = mappings[0].domainName ?? "(name not known yet)";
        const apis = webSocket.map((m) => label(m.api as StackResource)).join(", ");
        if (domain?.endpointType !== undefined && domain.endpointType !== WEBSOCKET_DOMAIN.endpointType) {
            const { path, value } = endpointPath(domain);
            findings.push({
                urn: domain.resource.urn,
                message: violationMessage(domain.resource, path, value, `the domain is ${domain.endpointType}${value === undefined ? " (API Gateway's default)" : ""} but serves the WebSocket API ${apis}, and WebSocket APIs only map to ${WEBSOCKET_DOMAIN.endpointType} custom domains`, `make it a ${WEBSOCKET_DOMAIN.endpointType} domain`),
            });
        }
        if (domain?.securityPolicy !== undefined && domain.securityPolicy !== WEBSOCKET_DOMAIN.securityPolicy) {
            findings.push({
                urn: domain.resource.urn,
                message: violationMessage(domain.resource, policyPath(domain), domain.securityPolicy, `the domain serves the WebSocket API ${apis}, and WebSocket custom domains only take "${WEBSOCKET_DOMAIN.securityPolicy}"`, `set it to "${WEBSOCKET_DOMAIN.securityPolicy}"`),
            });
        }
        const others = mappings.filter((m) => m.api && (apiKind(m.api) === "REST" || apiKind(m.api) === "HTTP"));
        for (const other of others) {
            findings.push({
                urn: other.resource.urn,
                message: violationMessage(
                    other.resource,
                    other.v1 ? "restApi" : "apiId",
                    other.resource.props[other.v1 ? "restApi" : "apiId"],
                    `this maps ${describeApi(other)} on ${name}, which also maps the WebSocket API ${apis}, and a domain mapped to a WebSocket API cannot serve REST or HTTP APIs`,
                    `give the WebSocket API its own custom domain (e.g. ws.${name.replace(/^\*\./, "")})`,
                ),
            });
        }
    }
    return findings;
}

function describeApi(m: MappingModel): string {
    return m.api ? label(m.api) : "?";
}

export const websocketDomainRegional = stackRule(
    {
        name: "websocket-domain-regional",
        description: "A custom domain mapped to a WebSocket API must be REGIONAL with TLS_1_2 and map no REST or HTTP API.",
        remediationSteps:
            "Serve the WebSocket API from its own apigatewayv2.DomainName with endpointType \"REGIONAL\" and securityPolicy " +
            "\"TLS_1_2\", and move REST and HTTP API mappings to another custom domain.",
        enforcementLevel: "mandatory",
    },
    () => undefined,
    (resources, context) => checkWebSocketDomains(resources, context),
);
