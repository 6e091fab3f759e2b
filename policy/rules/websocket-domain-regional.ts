// websocket-domain-regional: WebSocket APIs need a regional TLS 1.2 domain of their own.
//
// API Gateway serves WebSocket APIs on regional custom domains only, with the TLS_1_2 policy only,
// and a domain that carries a WebSocket mapping cannot also carry REST or HTTP mappings. The
// violations otherwise show up as failed mappings during the update.

import { ApiGatewayModel, MappingModel, apiKind } from "../lib/apigateway";
import { Finding, RuleContext, stackRule } from "../lib/policy";
import { StackIndex, StackResource, label } from "../lib/resources";

function describeMapping(m: MappingModel): string {
    return `${label(m.resource)}${m.api ? ` -> ${label(m.api)}` : ""}`;
}

/** Checks every domain that has a mapping to a WebSocket API. */
export function checkWebSocketDomains(resources: readonly StackResource[], context: RuleContext): Finding[] {
    const index = new StackIndex(resources);
    const model = new ApiGatewayModel(index, context.defaultRegion);
    const findings: Finding[] = [];
    for (const mappings of model.mappingsByDomain().values()) {
        const webSocket = mappings.filter((m) => m.api && apiKind(m.api) === "WEBSOCKET");
        if (webSocket.length === 0) {
            continue;
        }
        const domain = mappings.find((m) => m.domain)?.domain;
        const name = mappings[0].domainName ?? "(name not known yet)";
        const subject = domain ? `${label(domain.resource)} (${name})` : `domain ${name}`;
        const urn = domain?.resource.urn ?? webSocket[0].resource.urn;
        const apis = webSocket.map((m) => label(m.api as StackResource)).join(", ");
        if (domain?.endpointType !== undefined && domain.endpointType !== "REGIONAL") {
            findings.push({
                urn,
                message: `${subject} is ${domain.endpointType} but serves the WebSocket API ${apis}; WebSocket APIs only work on REGIONAL custom domains.`,
            });
        }
        if (domain?.securityPolicy !== undefined && domain.securityPolicy !== "TLS_1_2") {
            findings.push({
                urn,
                message: `${subject} uses securityPolicy "${domain.securityPolicy}" but serves the WebSocket API ${apis}; WebSocket custom domains only support "TLS_1_2".`,
            });
        }
        const others = mappings.filter((m) => m.api && (apiKind(m.api) === "REST" || apiKind(m.api) === "HTTP"));
        if (others.length > 0) {
            findings.push({
                urn,
                message:
                    `${subject} maps the WebSocket API ${apis} and also ${others.map(describeMapping).join(", ")}; a domain mapped to a ` +
                    `WebSocket API cannot serve REST or HTTP APIs. Give the WebSocket API its own custom domain (e.g. ws.${name.replace(/^\*\./, "")}).`,
            });
        }
    }
    return findings;
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
