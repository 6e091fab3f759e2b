import { strict as assert } from "assert";
import { ROUTING_RULE_TYPE, checkRoutingRules } from "../../policy/rules/routing-rules";
import { StackResource, T } from "../../policy/lib/resources";
import { UNKNOWN, messages, res } from "./helpers";

const region = { providerRegion: "eu-west-1" };

function domain(name: string, routingMode?: unknown): StackResource {
    return res(T.domainV1, name, {
        domainName: `${name}.example.com`, regionalCertificateArn: "arn:aws:acm:eu-west-1:1:certificate/x",
        endpointConfiguration: { types: "REGIONAL" }, securityPolicy: "TLS_1_2", ...(routingMode === undefined ? {} : { routingMode }),
    }, region);
}

function rule(name: string, on: StackResource | string, priority: unknown, conditions: unknown[] = [{ matchHeaders: { anyOf: { header: "x-version", valueGlob: "v2" } } }]): StackResource {
    const domainName = typeof on === "string" ? on : on.props["domainName"];
    return res(ROUTING_RULE_TYPE, name, {
        domainName, priority, conditions, actions: [{ invokeApi: { apiId: "restapiv02", stage: "prod" } }],
    }, { ...region, deps: typeof on === "string" ? {} : { domainName: [on] } });
}

describe("routing-rules", () => {
    it("accepts rules on a ROUTING_RULE_THEN_BASE_PATH_MAPPING domain, with a mapping as fall-back", () => {
        const d = domain("api", "ROUTING_RULE_THEN_BASE_PATH_MAPPING");
        const mapping = res(T.basePathMapping, "m", { domainName: "api.example.com", restApi: "restapiv01", stageName: "prod" }, { ...region, deps: { domainName: [d] } });
        assert.deepEqual(checkRoutingRules([d, rule("r1", d, 10), rule("r2", d, 20), mapping], {}), []);
    });

    it("rejects a rule on a domain whose mode ignores rules (explicit, or the default when unset)", () => {
        const explicit = domain("api", "BASE_PATH_MAPPING_ONLY");
        const unset = domain("web");
        assert.deepEqual(messages(checkRoutingRules([explicit, unset, rule("r1", explicit, 10), rule("r2", unset, 10)], {})), [
            'apigatewayv2.RoutingRule "r1" (priority 10) is on apigateway.DomainName "api" (api.example.com), whose routing mode API_MAPPING_ONLY ignores routing rules; API Gateway refuses to create it. Set the domain\'s routingMode to ROUTING_RULE_THEN_API_MAPPING (ROUTING_RULE_THEN_BASE_PATH_MAPPING on apigateway.DomainName) or ROUTING_RULE_ONLY.',
            'apigatewayv2.RoutingRule "r2" (priority 10) is on apigateway.DomainName "web" (web.example.com), whose routing mode API_MAPPING_ONLY ignores routing rules; API Gateway refuses to create it. Set the domain\'s routingMode to ROUTING_RULE_THEN_API_MAPPING (ROUTING_RULE_THEN_BASE_PATH_MAPPING on apigateway.DomainName) or ROUTING_RULE_ONLY.',
        ]);
    });

    it("rejects two rules of one domain with the same priority, also for a domain of another stack (by name)", () => {
        const d = domain("api", "ROUTING_RULE_ONLY");
        const found = messages(checkRoutingRules([d, rule("a", d, 10), rule("b", d, 10), rule("c", "shared.example.com", 5), rule("e", "shared.example.com", 5)], {}));
        assert.deepEqual(found, [
            'apigatewayv2.RoutingRule "b" (priority 10) has the same priority as apigatewayv2.RoutingRule "a" on apigateway.DomainName "api" (api.example.com); the rules of a domain cannot share a priority. Give each rule its own.',
            'apigatewayv2.RoutingRule "e" (priority 5) has the same priority as apigatewayv2.RoutingRule "c" on domain shared.example.com; the rules of a domain cannot share a priority. Give each rule its own.',
        ]);
    });

    it("rejects a mapping on a ROUTING_RULE_ONLY domain (v1 or v2 API)", () => {
        const d = domain("api", "ROUTING_RULE_ONLY");
        const mapping = res(T.apiMapping, "m", { domainName: "api.example.com", apiId: "restapiv01", stage: "prod", apiMappingKey: "v1" }, { ...region, deps: { domainName: [d] } });
        assert.deepEqual(messages(checkRoutingRules([d, mapping], {})), [
            'apigatewayv2.ApiMapping "m" maps onto apigateway.DomainName "api" (api.example.com), whose routing mode ROUTING_RULE_ONLY takes no mappings; API Gateway refuses it. Use ROUTING_RULE_THEN_API_MAPPING to keep mappings as the fall-back, or replace the mapping with a routing rule.',
        ]);
    });

    it("rejects what AWS refuses in a rule itself: priority range, condition counts, header and glob syntax, base paths", () => {
        const d = domain("api", "ROUTING_RULE_ONLY");
        const h = (header: string, valueGlob: string) => ({ matchHeaders: { anyOf: { header, valueGlob } } });
        const found = messages(checkRoutingRules([
            d,
            rule("p0", d, 0),
            rule("three", d, 1, [h("a", "1"), h("b", "2"), h("c", "3")]),
            rule("glob", d, 2, [h("x-version", "v*2")]),
            rule("name", d, 3, [h("x version", "v2")]),
            rule("paths", d, 4, [{ matchBasePaths: { anyOfs: ["/orders"] } }, { matchBasePaths: { anyOfs: ["b"] } }]),
        ], {}));
        assert.deepEqual(found, [
            'apigatewayv2.RoutingRule "p0" (priority 0): priority 0 is outside 1-1,000,000; API Gateway refuses the rule.',
            'apigatewayv2.RoutingRule "three" (priority 1): it has 3 header conditions; a rule takes at most 2; API Gateway refuses the rule.',
            'apigatewayv2.RoutingRule "glob" (priority 2): header value glob "v*2" has "*" inside the value; a glob matches a prefix ("v2*"), a suffix ("*-beta") or an infix ("*beta*") only; API Gateway refuses the rule.',
            'apigatewayv2.RoutingRule "name" (priority 3): header "x version" has characters a routing rule header name cannot have; API Gateway refuses the rule.',
            'apigatewayv2.RoutingRule "paths" (priority 4): base path "/orders" starts with "/"; API Gateway refuses the rule.',
            'apigatewayv2.RoutingRule "paths" (priority 4): it has 2 base path conditions; a rule takes at most 1 (list several paths in its anyOf); API Gateway refuses the rule.',
        ]);
    });

    it("rejects rules on a domain that also maps an HTTP API", () => {
        const d = domain("api", "ROUTING_RULE_THEN_BASE_PATH_MAPPING");
        const http = res(T.apiV2, "orders", { name: "orders", protocolType: "HTTP" });
        const mapping = res(T.apiMapping, "m", { domainName: "api.example.com", apiId: UNKNOWN, stage: "$default", apiMappingKey: "h" }, { ...region, deps: { domainName: [d], apiId: [http] } });
        assert.match(messages(checkRoutingRules([d, http, mapping, rule("r", d, 10)], {}))[0], /which also maps apigatewayv2\.Api "orders"; routing rules serve REST APIs only/);
    });

    it("rejects a public domain's rule that invokes a private REST API, or an HTTP API", () => {
        const d = domain("api", "ROUTING_RULE_ONLY");
        const privateApi = res(T.restApi, "internal", { name: "internal", endpointConfiguration: { types: "PRIVATE" } });
        const http = res(T.apiV2, "orders", { name: "orders", protocolType: "HTTP" });
        const regionalApi = res(T.restApi, "public", { name: "public", endpointConfiguration: { types: "REGIONAL" } });
        const invoking = (name: string, priority: number, api: StackResource) =>
            res(ROUTING_RULE_TYPE, name, { domainName: "api.example.com", priority, conditions: [{ matchBasePaths: { anyOfs: ["x"] } }], actions: [{ invokeApi: { apiId: UNKNOWN, stage: "prod" } }] },
                { ...region, deps: { domainName: [d], actions: [api] } });
        assert.deepEqual(messages(checkRoutingRules([d, privateApi, http, regionalApi, invoking("p", 1, privateApi), invoking("h", 2, http), invoking("ok", 3, regionalApi)], {})), [
            'apigatewayv2.RoutingRule "p" (priority 1) routes a public domain to a private API; public domains route to regional or edge-optimized APIs only (apigateway.RestApi "internal" is PRIVATE); target a regional or edge-optimized REST API.',
            'apigatewayv2.RoutingRule "h" (priority 2) invokes apigatewayv2.Api "orders"; routing rules invoke REST APIs only. Map HTTP and WebSocket APIs with API mappings.',
        ]);
    });

    it("stays silent while the mode, priority or conditions are unknown (preview)", () => {
        const d = domain("api", UNKNOWN);
        assert.deepEqual(checkRoutingRules([d, rule("a", d, UNKNOWN), rule("b", d, UNKNOWN, [UNKNOWN])], {}), []);
    });
});
