// execute-api-endpoint-disabled: an API behind a custom domain should not also be reachable directly.
//
// Every API keeps its default `{api-id}.execute-api.{region}.amazonaws.com` endpoint unless
// `disableExecuteApiEndpoint` is set. Whatever the custom domain adds (mTLS, WAF on the
// distribution, base path routing, the TLS floor) can then be bypassed by calling the default name.

import { ApiGatewayModel } from "../lib/apigateway";
import { Finding, RuleContext, stackRule } from "../lib/policy";
import { distributionsOf, originsOf } from "../lib/cloudfront";
import { apiGatewayHostKind } from "../../aws/apigateway";
import { normalizeHost } from "../lib/hosts";
import { StackIndex, StackResource, T, idOf, label, sourcesOf } from "../lib/resources";
import { bool, isUnknown } from "../lib/values";

/** Checks every API of the stack that a custom domain mapping serves. */
export function checkExecuteApiEndpointDisabled(resources: readonly StackResource[], context: RuleContext): Finding[] {
    const index = new StackIndex(resources);
    const model = new ApiGatewayModel(index, context.defaultRegion);
    // An API that a distribution reaches on its default endpoint still needs that endpoint.
    const usedDirectly = new Set<string>();
    const idsUsedDirectly = new Set<string>();
    for (const distribution of distributionsOf(index)) {
        for (const source of sourcesOf(distribution, "origins")) {
            usedDirectly.add(source.urn);
        }
        for (const origin of originsOf(distribution.props)) {
            const host = normalizeHost(origin["domainName"]);
            if (host && apiGatewayHostKind(host) === "default-endpoint") {
                idsUsedDirectly.add(host.split(".")[0].split("-")[0]);
            }
        }
    }
    const served = new Map<string, { api: StackResource; domains: Set<string> }>();
    for (const m of model.mappings) {
        if (!m.api || usedDirectly.has(m.api.urn) || idsUsedDirectly.has(idOf(m.api) ?? "")) {
            continue;
        }
        let entry = served.get(m.api.urn);
        if (!entry) {
            entry = { api: m.api, domains: new Set() };
            served.set(m.api.urn, entry);
        }
        entry.domains.add(m.domainName ?? "a custom domain");
    }
    const findings: Finding[] = [];
    for (const { api, domains } of served.values()) {
        const value = api.props["disableExecuteApiEndpoint"];
        if (isUnknown(value) || bool(value) === true) {
            continue;
        }
        findings.push({
            urn: api.urn,
            message:
                `${label(api)} is served through ${[...domains].join(", ")} but its default execute-api endpoint is still enabled, ` +
                `so clients can bypass the custom domain. Set disableExecuteApiEndpoint: true` +
                (api.type === T.restApi ? " (and redeploy the stage)." : "."),
        });
    }
    return findings;
}

export const executeApiEndpointDisabled = stackRule(
    {
        name: "execute-api-endpoint-disabled",
        description: "An API served through a custom domain should have its default execute-api endpoint disabled.",
        remediationSteps:
            "Set disableExecuteApiEndpoint: true on the apigateway.RestApi or apigatewayv2.Api (REST APIs need a new deployment " +
            "of the stage for it to take effect). Keep it enabled only if something must call the default endpoint.",
        enforcementLevel: "advisory",
    },
    () => undefined,
    (resources, context) => checkExecuteApiEndpointDisabled(resources, context),
);
