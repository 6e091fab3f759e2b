import * as assert from "assert";
import { CloudFrontDomain } from "../../components/cloudfront-domain";
import { EdgeDomain, EdgeDomainArgs } from "../../components/edge-domain";
import { RegionalDomain, RegionalDomainArgs } from "../../components/regional-domain";
import { RoutingRule } from "../../components/routing-rules";
import { T, ofType, one, plan, propertyDeps, rejected } from "../helpers";

const RULE = "aws:apigatewayv2/routingRule:RoutingRule";
const base = { domainName: "api.example.com", zoneName: "example.com" };
const v1 = { apiId: "restapiv01", stage: "prod" };
const v2 = { apiId: "restapiv02", stage: "prod" };
const byHeader = (priority: number, valueGlob: string, target = v2): RoutingRule => ({ priority, headers: [{ header: "x-version", valueGlob }], ...target });

describe("routing rules on REST domains", () => {
    it("routes by header first and falls back to the base path mapping (ROUTING_RULE_THEN_API_MAPPING)", async () => {
        const r = await plan(() => new RegionalDomain("api", {
            ...base, region: "eu-west-1",
            routingMode: "ROUTING_RULE_THEN_API_MAPPING",
            routingRules: [byHeader(100, "v2"), { priority: 200, headers: [{ header: "x-version", valueGlob: "beta-*" }], basePaths: ["orders", "orders/v2"], ...v2, stripBasePath: true }],
            mappings: [{ ...v1, basePath: "" }],
        }));
        const domain = one(r, T.domainV1);
        assert.strictEqual(domain.inputs.routingMode, "ROUTING_RULE_THEN_BASE_PATH_MAPPING", "the v1 API spells the mode with BASE_PATH");
        const rules = ofType(r, RULE).sort((a, b) => a.inputs.priority - b.inputs.priority);
        assert.deepStrictEqual(rules.map((x) => x.name), ["api-rule-100", "api-rule-200"]);
        const [first, second] = rules;
        assert.deepStrictEqual(first.inputs.conditions, [{ matchHeaders: { anyOf: { header: "x-version", valueGlob: "v2" } } }]);
        assert.deepStrictEqual(first.inputs.actions, [{ invokeApi: { apiId: "restapiv02", stage: "prod" } }]);
        assert.deepStrictEqual(second.inputs.conditions, [
            { matchHeaders: { anyOf: { header: "x-version", valueGlob: "beta-*" } } },
            { matchBasePaths: { anyOfs: ["orders", "orders/v2"] } },
        ]);
        assert.strictEqual(second.inputs.actions[0].invokeApi.stripBasePath, true);
        for (const rule of rules) {
            assert.strictEqual(rule.region, "eu-west-1");
            assert.strictEqual(rule.inputs.domainName, "api.example.com");
            assert.deepStrictEqual(propertyDeps(rule, "domainName"), [domain.urn], "a rule waits for its domain");
            assert.match(rule.outputs.routingRuleArn, /^arn:aws:apigateway:eu-west-1:123456789012:\/domainnames\/api\.example\.com\/routingrules\/[a-z0-9]+$/);
            assert.strictEqual(rule.id, rule.outputs.routingRuleArn);
        }
        assert.strictEqual(one(r, T.basePathMapping).inputs.basePath, undefined);
    });

    it("serves an edge domain by rules alone (ROUTING_RULE_ONLY), without mappings", async () => {
        const r = await plan(() => new EdgeDomain("edge", { ...base, routingMode: "ROUTING_RULE_ONLY", routingRules: [{ priority: 1, basePaths: ["orders"], ...v1 }] }));
        assert.strictEqual(one(r, T.domainV1).inputs.routingMode, "ROUTING_RULE_ONLY");
        assert.deepStrictEqual(one(r, RULE).inputs.conditions, [{ matchBasePaths: { anyOfs: ["orders"] } }]);
        assert.strictEqual(ofType(r, T.basePathMapping).length, 0);
    });

    it("puts the rules on the regional origin domain behind a CloudFrontDomain, which forwards every header", async () => {
        const r = await plan(() => new CloudFrontDomain("cdn", {
            ...base, region: "eu-west-1", routingMode: "ROUTING_RULE_THEN_API_MAPPING", routingRules: [byHeader(10, "v2")], mappings: [v1],
        }));
        const domain = one(r, T.domainV1);
        const rule = one(r, RULE);
        assert.strictEqual(domain.inputs.routingMode, "ROUTING_RULE_THEN_BASE_PATH_MAPPING");
        assert.strictEqual(rule.name, "cdn-origin-rule-10");
        assert.strictEqual(rule.region, "eu-west-1");
        assert.deepStrictEqual(propertyDeps(rule, "domainName"), [domain.urn]);
        // The rules see the viewer's headers only if CloudFront forwards them: AllViewer by default.
        assert.strictEqual(one(r, T.distribution).inputs.defaultCacheBehavior.originRequestPolicyId, "216adef6-5c7f-47e4-b989-5492eafa07d3");
    });

    it("leaves the routing mode unset (today's API_MAPPING_ONLY behaviour) when none is given", async () => {
        const r = await plan(() => new RegionalDomain("api", { ...base, mappings: [v1] }));
        assert.strictEqual(one(r, T.domainV1).inputs.routingMode, undefined);
        assert.strictEqual(ofType(r, RULE).length, 0);
    });

    it("accepts valid but unusual rules: globs *, *x*, x*; 40-character headers; 128-character globs; priorities 1 and 1,000,000; the v1 mode name", async () => {
        const header40 = "x-" + "a".repeat(38);
        const r = await plan(() => new RegionalDomain("api", {
            ...base,
            routingMode: "ROUTING_RULE_THEN_BASE_PATH_MAPPING" as never,
            routingRules: [
                byHeader(1, "*"),
                { priority: 2, headers: [{ header: header40, valueGlob: "*beta*" }, { header: "X-Api_Ver~1", valueGlob: "v2.1'!#$%&^`|" }], ...v2 },
                { priority: 1_000_000, headers: [{ header: "x-tenant", valueGlob: "g".repeat(127) + "*" }], basePaths: ["v1/orders"], ...v1 },
            ],
        }));
        assert.strictEqual(one(r, T.domainV1).inputs.routingMode, "ROUTING_RULE_THEN_BASE_PATH_MAPPING");
        assert.deepStrictEqual(ofType(r, RULE).map((x) => x.inputs.priority).sort((a, b) => a - b), [1, 2, 1_000_000]);
    });

    it("sets the mode on a v2 domain with its v2 name, and creates rules beyond the default quota with a warning", async () => {
        const rules = Array.from({ length: 51 }, (_, i) => byHeader(10 * (i + 1), `tenant-${i}`));
        const r = await plan(() => new RegionalDomain("api", { ...base, routingMode: "ROUTING_RULE_THEN_API_MAPPING", routingRules: rules }));
        assert.strictEqual(ofType(r, RULE).length, 51);
        assert.ok(r.diagnostics.some((d) => d.severity === "warning" && d.message.includes("51 routing rules; the default quota is 50 per domain")));
    });

    it("refuses a mapping added later to a ROUTING_RULE_ONLY domain", async () => {
        let error: Error | undefined;
        await plan(() => {
            const d = new RegionalDomain("api", { ...base, routingMode: "ROUTING_RULE_ONLY", routingRules: [byHeader(10, "v2")] });
            try { d.addMapping({ ...v1, basePath: "v1" }); } catch (e) { error = e as Error; }
        });
        assert.strictEqual(error?.message, "RegionalDomain \"api\": addMapping(\"v1\") \"(a mapping)\" cannot be created on a domain with routingMode \"ROUTING_RULE_ONLY\", which serves requests by routing rules only; set routingMode \"ROUTING_RULE_THEN_API_MAPPING\" to keep mappings as the fall-back, or add a routing rule instead");
    });

    it("refuses an HTTP API mapped later next to routing rules", async () => {
        let error: Error | undefined;
        await plan(() => {
            const d = new RegionalDomain("api", { ...base, routingMode: "ROUTING_RULE_THEN_API_MAPPING", routingRules: [byHeader(10, "v2")] });
            try { d.addMapping({ apiId: "httpapi001", stage: "$default", apiType: "http", basePath: "h" }); } catch (e) { error = e as Error; }
        });
        assert.strictEqual(error?.message, "RegionalDomain \"api\": addMapping(\"h\").apiType \"http\" cannot be mapped on a domain with routing rules: rules serve REST APIs only, and a domain that maps other kinds of API takes none; serve the HTTP or WebSocket API from another domain");
    });

    describe("bad input, refused before anything is registered", () => {
        const r = (routingRules: RoutingRule[], extra: Partial<RegionalDomainArgs> = {}): RegionalDomainArgs =>
            ({ ...base, routingMode: "ROUTING_RULE_THEN_API_MAPPING", routingRules, ...extra });
        const cases: [string, RegionalDomainArgs, string][] = [
            ["rules under the default mode", { ...base, routingRules: [byHeader(10, "v2")] },
                "routingRules \"(1 rules)\" are ignored by routingMode \"API_MAPPING_ONLY\" (the default): API Gateway creates no routing rule on such a domain; set routingMode \"ROUTING_RULE_THEN_API_MAPPING\" (rules first, mappings as fall-back) or \"ROUTING_RULE_ONLY\""],
            ["rules under API_MAPPING_ONLY", { ...base, routingMode: "API_MAPPING_ONLY", routingRules: [byHeader(10, "v2")] },
                "routingRules \"(1 rules)\" are ignored by routingMode \"API_MAPPING_ONLY\": API Gateway creates no routing rule on such a domain; set routingMode \"ROUTING_RULE_THEN_API_MAPPING\" (rules first, mappings as fall-back) or \"ROUTING_RULE_ONLY\""],
            ["a mode that is not one", { ...base, routingMode: "RULES" as never },
                "routingMode \"RULES\" is not a routing mode; use one of \"API_MAPPING_ONLY\", \"ROUTING_RULE_ONLY\", \"ROUTING_RULE_THEN_API_MAPPING\""],
            ["mappings under ROUTING_RULE_ONLY", { ...base, routingMode: "ROUTING_RULE_ONLY", mappings: [v1] },
                "mappings \"(set)\" cannot be created on a domain with routingMode \"ROUTING_RULE_ONLY\", which serves requests by routing rules only; set routingMode \"ROUTING_RULE_THEN_API_MAPPING\" to keep mappings as the fall-back, or express each mapping as a rule with a base path condition"],
            ["rules on an HTTP domain", { ...r([byHeader(10, "v2")]), apiType: "http" },
                "routingRules \"(1 rules)\" cannot go on a domain that serves an HTTP API: routing rules serve REST APIs only, and a domain that maps other kinds takes no rules; serve the HTTP or WebSocket API from another domain, or drop the routing rules"],
            ["rules next to an HTTP mapping", r([byHeader(10, "v2")], { mappings: [{ apiId: "httpapi001", stage: "$default", apiType: "http", basePath: "h" }] }),
                "routingRules \"(1 rules)\" cannot go on a domain that serves an HTTP API: routing rules serve REST APIs only, and a domain that maps other kinds takes no rules; serve the HTTP or WebSocket API from another domain, or drop the routing rules"],
            ["ROUTING_RULE_ONLY on a WebSocket domain", { ...base, apiType: "websocket", routingMode: "ROUTING_RULE_ONLY" },
                "routingMode \"ROUTING_RULE_ONLY\" leaves nothing to serve the domain's HTTP or WebSocket APIs: the mode takes no mappings, and routing rules serve REST APIs only; keep the default routingMode for HTTP and WebSocket domains"],
            ["priority 0", r([byHeader(0, "v2")]),
                "routingRules[0].priority 0 is not an integer from 1 to 1,000,000; give each rule a whole number in that range, lowest first, with gaps to insert rules later"],
            ["priority 1,000,001", r([byHeader(1_000_001, "v2")]),
                "routingRules[0].priority 1000001 is not an integer from 1 to 1,000,000; give each rule a whole number in that range, lowest first, with gaps to insert rules later"],
            ["a fractional priority", r([byHeader(1.5, "v2")]),
                "routingRules[0].priority 1.5 is not an integer from 1 to 1,000,000; give each rule a whole number in that range, lowest first, with gaps to insert rules later"],
            ["a priority given as text (another language)", r([byHeader("10" as never, "v2")]),
                "routingRules[0].priority \"10\" is not an integer from 1 to 1,000,000; give each rule a whole number in that range, lowest first, with gaps to insert rules later"],
            ["two rules with one priority", r([byHeader(10, "v2"), byHeader(10, "v3")]),
                "routingRules[1].priority 10 is already the priority of routingRules[0]; rules of a domain cannot share a priority; give each rule its own priority"],
            ["three header conditions", r([{ priority: 1, headers: [{ header: "a", valueGlob: "1" }, { header: "b", valueGlob: "2" }, { header: "c", valueGlob: "3" }], ...v2 }]),
                "routingRules[0] \"(priority 1)\" has 3 header conditions; a rule takes at most 2; keep the two that decide, or split the rule"],
            ["a rule without conditions", r([{ priority: 1, ...v2 }]),
                "routingRules[0] \"(priority 1)\" has no condition; AWS takes a catch-all rule, but the Pulumi AWS provider requires at least one condition; add a header or base path condition, or serve the rest through mappings with routingMode \"ROUTING_RULE_THEN_API_MAPPING\""],
            ["a header name of 41 characters", r([{ priority: 1, headers: [{ header: "x".repeat(41), valueGlob: "v2" }], ...v2 }]),
                `routingRules[0].headers[0].header "${"x".repeat(41)}" is 41 characters long; routing rules match header names of at most 40; use a shorter header`],
            ["a header name with a colon", r([{ priority: 1, headers: [{ header: "x-version:", valueGlob: "v2" }], ...v2 }]),
                "routingRules[0].headers[0].header \"x-version:\" has characters a routing rule header name cannot have; use only letters, digits and *?-!#$%&'.^_`|~"],
            ["a glob with * in the middle", r([byHeader(1, "v*2")]),
                "routingRules[0].headers[0].valueGlob \"v*2\" has \"*\" inside the value; a glob matches a prefix (\"v2*\"), a suffix (\"*-beta\") or an infix (\"*beta*\") only; put \"*\" only at the start and/or the end"],
            ["an empty glob", r([byHeader(1, "")]),
                "routingRules[0].headers[0].valueGlob \"\" is not a header value glob; pass a value such as \"v2\" or \"beta-*\""],
            ["a glob with a slash", r([byHeader(1, "application/json")]),
                "routingRules[0].headers[0].valueGlob \"application/json\" has characters a header value glob cannot have (no spaces, slashes, colons, commas, = or +); use only letters, digits and *?-!#$%&'.^_`|~"],
            ["a glob of 129 characters", r([byHeader(1, "g".repeat(129))]),
                `routingRules[0].headers[0].valueGlob "${"g".repeat(129)}" is 129 characters long; header globs have at most 128; use a shorter glob`],
            ["an empty base path", r([{ priority: 1, basePaths: [""], ...v2 }]),
                "routingRules[0].basePaths[0] \"\" is empty; omit basePaths to match every path, or name the path such as \"orders\""],
            ["a base path with a leading slash", r([{ priority: 1, basePaths: ["/orders"], ...v2 }]),
                "routingRules[0].basePaths[0] \"/orders\" starts with \"/\"; drop the leading slash: \"orders\""],
            ["an empty base path list", r([{ priority: 1, basePaths: [], ...v2 }]),
                "routingRules[0].basePaths [] lists no base path; list one or more paths such as [\"orders\"], or omit basePaths to match every path"],
            ["a stage name of 129 characters", r([{ ...byHeader(1, "v2"), stage: "s".repeat(129) }]),
                `routingRules[0].stage "${"s".repeat(129)}" is not a stage name of 1 to 128 characters; pass the stage to invoke, e.g. "prod"`],
            ["a rule without an API", r([{ priority: 1, headers: [{ header: "x", valueGlob: "y" }], stage: "prod" } as RoutingRule]),
                "routingRules[0].apiId (not set) is required; pass the REST API's id, e.g. restApi.id"],
            ["stripBasePath as text", r([{ ...byHeader(1, "v2"), stripBasePath: "yes" as never }]),
                "routingRules[0].stripBasePath \"yes\" is not a boolean; pass true or false"],
        ];
        for (const [what, args, expected] of cases) {
            it(`refuses ${what}`, async () => {
                assert.strictEqual(await rejected(() => new RegionalDomain("api", args)), `RegionalDomain "api": ${expected}`);
            });
        }

        it("refuses rules under the default mode on an edge domain too", async () => {
            const args: EdgeDomainArgs = { ...base, routingRules: [byHeader(10, "v2")] };
            assert.match(await rejected(() => new EdgeDomain("edge", args)), /^EdgeDomain "edge": routingRules "\(1 rules\)" are ignored by routingMode "API_MAPPING_ONLY" \(the default\)/);
        });
    });
});
