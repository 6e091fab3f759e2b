import { strict as assert } from "assert";
import { checkWebSocketDomains } from "../../policy/rules/websocket-domain-regional";
import { StackResource, T } from "../../policy/lib/resources";
import { UNKNOWN, messages, res, urnOf } from "./helpers";

const ws = res(T.apiV2, "chat", { name: "chat", protocolType: "WEBSOCKET", routeSelectionExpression: "$request.body.action" });
const http = res(T.apiV2, "orders", { name: "orders", protocolType: "HTTP" });
const rest = res(T.restApi, "legacy", { name: "legacy" });

function domainV2(name: string, endpointType: unknown, securityPolicy: unknown) {
    return res(T.domainV2, name, { domainName: `${name}.example.com`, domainNameConfiguration: { certificateArn: "arn:aws:acm:eu-west-1:1:certificate/x", endpointType, securityPolicy } }, { providerRegion: "eu-west-1" });
}

function apiMapping(name: string, domain: StackResource | string, api: StackResource, key?: string) {
    const domainName = typeof domain === "string" ? domain : domain.props["domainName"];
    const deps: Record<string, StackResource[]> = { apiId: [api] };
    if (typeof domain !== "string") {
        deps["domainName"] = [domain];
    }
    return res(T.apiMapping, name, { apiId: UNKNOWN, domainName, stage: "$default", apiMappingKey: key }, { providerRegion: "eu-west-1", deps });
}

describe("websocket-domain-regional", () => {
    it("accepts a REGIONAL TLS_1_2 domain that maps only WebSocket APIs", () => {
        const domain = domainV2("ws", "REGIONAL", "TLS_1_2");
        assert.deepEqual(checkWebSocketDomains([ws, domain, apiMapping("m", domain, ws)], {}), []);
    });

    it("leaves domains without WebSocket mappings alone", () => {
        const domain = res(T.domainV1, "api", { domainName: "api.example.com", securityPolicy: "TLS_1_0" });
        assert.deepEqual(checkWebSocketDomains([http, domain, apiMapping("m", domain, http)], {}), []);
    });

    it("rejects an EDGE domain serving a WebSocket API", () => {
        const edge = res(T.domainV1, "edge", { domainName: "edge.example.com", certificateArn: "arn:aws:acm:us-east-1:1:certificate/x", securityPolicy: "TLS_1_2" }, { providerRegion: "eu-west-1" });
        assert.deepEqual(messages(checkWebSocketDomains([ws, edge, apiMapping("m", edge, ws)], {})), [
            'apigateway.DomainName "edge": endpointConfiguration.types not set: the domain is EDGE (API Gateway\'s default) but serves the WebSocket API apigatewayv2.Api "chat", ' +
                "and WebSocket APIs only map to REGIONAL custom domains. Fix: make it a REGIONAL domain.",
        ]);
    });

    it("rejects a WebSocket domain whose security policy is not TLS_1_2", () => {
        const domain = res(T.domainV1, "ws", { domainName: "ws.example.com", securityPolicy: "TLS_1_0", endpointConfiguration: { types: "REGIONAL" } }, { providerRegion: "eu-west-1" });
        assert.match(messages(checkWebSocketDomains([ws, domain, apiMapping("m", domain, ws)], {}))[0], /securityPolicy is "TLS_1_0": the domain serves the WebSocket API .* WebSocket custom domains only take "TLS_1_2"\. Fix: set it to "TLS_1_2"\./);
    });

    it("rejects a domain that maps a WebSocket API next to REST and HTTP APIs", () => {
        const domain = domainV2("api", "REGIONAL", "TLS_1_2");
        const restMapping = res(T.basePathMapping, "rest-m", { domainName: "api.example.com", restApi: UNKNOWN, basePath: "legacy" }, { providerRegion: "eu-west-1", deps: { restApi: [rest], domainName: [domain] } });
        const found = checkWebSocketDomains([ws, http, rest, domain, apiMapping("ws-m", domain, ws, "chat"), apiMapping("http-m", domain, http, "orders"), restMapping], {});
        assert.deepEqual(found.map((f) => f.urn), [urnOf(T.apiMapping, "http-m"), restMapping.urn]);
        assert.equal(
            found[0].message,
            'apigatewayv2.ApiMapping "http-m": apiId not known until the update: this maps apigatewayv2.Api "orders" on api.example.com, which also maps the WebSocket API apigatewayv2.Api "chat", ' +
                "and a domain mapped to a WebSocket API cannot serve REST or HTTP APIs. Fix: give the WebSocket API its own custom domain (e.g. ws.api.example.com).",
        );
        assert.match(found[1].message, /^apigateway\.BasePathMapping "rest-m": restApi not known until the update: this maps apigateway\.RestApi "legacy"/);
    });

    it("groups mappings by domain name and region when the domain lives in another stack", () => {
        const found = checkWebSocketDomains([ws, http, apiMapping("a", "shared.example.com", ws), apiMapping("b", "SHARED.example.com", http)], {});
        assert.match(messages(found)[0], /on shared\.example\.com, which also maps the WebSocket API apigatewayv2\.Api "chat"/);
        assert.equal(found[0].urn, "urn:pulumi:dev::shop::aws:apigatewayv2/apiMapping:ApiMapping::b");
    });

    it("does not crash when the API kind, domain or mapping values are unknown (preview)", () => {
        const pendingApi = res(T.apiV2, "pending", { protocolType: UNKNOWN });
        const domain = domainV2("ws", UNKNOWN, UNKNOWN);
        const rs = [ws, pendingApi, domain, apiMapping("a", domain, ws), apiMapping("b", domain, pendingApi), res(T.apiMapping, "c", { apiId: UNKNOWN, domainName: UNKNOWN, stage: UNKNOWN })];
        assert.deepEqual(checkWebSocketDomains(rs, {}), []);
    });
});
