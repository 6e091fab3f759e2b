import { strict as assert } from "assert";
import { checkExecuteApiEndpointDisabled } from "../../policy/rules/execute-api-endpoint-disabled";
import { StackResource, T } from "../../policy/lib/resources";
import { UNKNOWN, messages, res } from "./helpers";

const domain = res(T.domainV1, "api", { domainName: "api.example.com", endpointConfiguration: { types: "REGIONAL" } });

function restApi(disableExecuteApiEndpoint: unknown, extra: Record<string, unknown> = {}) {
    return res(T.restApi, "shop", { name: "shop", disableExecuteApiEndpoint, ...extra });
}

function mapping(name: string, api: StackResource, key = "") {
    const v1 = api.type === T.restApi;
    return res(v1 ? T.basePathMapping : T.apiMapping, name, v1 ? { restApi: UNKNOWN, domainName: "api.example.com", basePath: key } : { apiId: UNKNOWN, domainName: "api.example.com", apiMappingKey: key }, {
        deps: v1 ? { restApi: [api], domainName: [domain] } : { apiId: [api], domainName: [domain] },
    });
}

describe("execute-api-endpoint-disabled", () => {
    it("accepts an API served through a custom domain whose default endpoint is disabled", () => {
        const api = restApi(true);
        assert.deepEqual(checkExecuteApiEndpointDisabled([api, domain, mapping("m", api)], {}), []);
    });

    it("ignores APIs no custom domain of the stack serves", () => {
        assert.deepEqual(checkExecuteApiEndpointDisabled([restApi(undefined)], {}), []);
    });

    it("reports an API still reachable on its default endpoint once, listing its domains", () => {
        const api = restApi(false);
        const found = checkExecuteApiEndpointDisabled([api, domain, mapping("a", api, "shop"), mapping("b", api, "store")], {});
        assert.deepEqual(messages(found), [
            'apigateway.RestApi "shop" is served through api.example.com but its default execute-api endpoint is still enabled, so clients can bypass the custom domain. ' +
                "Set disableExecuteApiEndpoint: true (and redeploy the stage).",
        ]);
        assert.equal(found[0].urn, api.urn);
    });

    it("reports an HTTP API left at the default, matched by id when the mapping has no property dependencies", () => {
        const http = res(T.apiV2, "orders", { id: "a1b2c3d4e5", name: "orders", protocolType: "HTTP" });
        const m = res(T.apiMapping, "m", { apiId: "a1b2c3d4e5", domainName: "api.example.com", stage: "$default" });
        assert.match(messages(checkExecuteApiEndpointDisabled([http, m], {}))[0], /^apigatewayv2\.Api "orders" is served through api\.example\.com .*disableExecuteApiEndpoint: true\.$/);
    });

    it("leaves alone an API that a CloudFront distribution reaches on its default endpoint", () => {
        const api = restApi(false, { id: "zz9y8x7w6v" });
        const byDeps = res(T.distribution, "cdn", { origins: [{ originId: "o", domainName: UNKNOWN }] }, { deps: { origins: [api] } });
        const byHost = res(T.distribution, "cdn2", { origins: [{ originId: "o", domainName: "zz9y8x7w6v.execute-api.eu-west-1.amazonaws.com" }] });
        assert.deepEqual(checkExecuteApiEndpointDisabled([api, domain, mapping("m", api), byDeps], {}), []);
        assert.deepEqual(checkExecuteApiEndpointDisabled([api, domain, mapping("m", api), byHost], {}), []);
    });

    it("does not crash or report when the setting or the mapped API is unknown (preview)", () => {
        const api = restApi(UNKNOWN);
        const loose = res(T.basePathMapping, "loose", { restApi: UNKNOWN, domainName: UNKNOWN });
        assert.deepEqual(checkExecuteApiEndpointDisabled([api, domain, mapping("m", api), loose], {}), []);
    });
});
