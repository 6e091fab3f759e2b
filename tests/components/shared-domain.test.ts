import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { EdgeDomain } from "../../components/edge-domain";
import { RegionalDomain } from "../../components/regional-domain";
import { SharedDomainMappings, SharedDomainMappingsArgs, validateSharedDomainMappings } from "../../components/shared-domain";
import { T, ofType, one, plan, rejected } from "../helpers";
import { runProgram } from "../../offline/engine";

const rest = { apiId: "restapi001", stage: "prod" };
const http = { apiId: "httpapi001", stage: "$default", apiType: "http" as const };
const GET_DOMAIN = "aws:apigateway/getDomainName:getDomainName";

function output<V>(o: { apply: (f: (v: V) => void) => unknown }): Promise<V> {
    return new Promise((res) => o.apply(res));
}

const COMPONENT = "apigw-domains:index:SharedDomainMappings";

/** Runs a program whose SharedDomainMappings must fail once the domain's facts are known: no mapping may exist. */
async function rejectedLate(program: () => unknown, config: Record<string, string> = {}): Promise<string> {
    const r = await runProgram(program, { config: { "aws:region": "us-west-2", ...config } });
    assert.ok(r.error, "expected the program to be rejected, but it ran");
    // The SDK reports the failed check through the first registration that waited on it.
    const message = r.error!.message.slice(r.error!.message.indexOf("SharedDomainMappings \""));
    const mappings = [...ofType(r, T.basePathMapping), ...ofType(r, T.apiMapping)].filter((m) => m.parent?.includes(COMPONENT));
    assert.deepStrictEqual(mappings.map((m) => m.name), [], "no mapping may be created on a domain that breaks the rules");
    return message;
}

describe("SharedDomainMappings", () => {
    it("creates only mappings on a domain it does not own: no domain, certificate or record", async () => {
        let shared: SharedDomainMappings | undefined;
        const r = await plan(() => {
            shared = new SharedDomainMappings("orders", {
                domainName: "api.example.com",
                region: "eu-west-1",
                mappings: [{ ...rest, basePath: "orders" }, { ...rest, apiId: "reports001", basePath: "orders/reports" }, { ...http, basePath: "v2" }],
            });
        });
        assert.deepStrictEqual(r.resources.filter((x) => x.custom && x.type !== T.provider).map((x) => x.type).sort(),
            [T.basePathMapping, T.apiMapping, T.apiMapping].sort());
        const v1 = one(r, T.basePathMapping);
        assert.deepStrictEqual([v1.inputs.domainName, v1.inputs.basePath, v1.inputs.restApi, v1.region], ["api.example.com", "orders", "restapi001", "eu-west-1"]);
        assert.deepStrictEqual(ofType(r, T.apiMapping).map((m) => [m.inputs.apiMappingKey, m.inputs.apiId, m.region]).sort(),
            [["orders/reports", "reports001", "eu-west-1"], ["v2", "httpapi001", "eu-west-1"]]);
        assert.deepStrictEqual(await output(shared!.urls), {
            orders: "https://api.example.com/orders/", "orders/reports": "https://api.example.com/orders/reports/", v2: "https://api.example.com/v2/",
        });
    });

    it("looks the public domain up in its region and keeps mappings of a replaced key apart (delete before create)", async () => {
        const r = await plan(() => new SharedDomainMappings("orders", { domainName: "api.example.com", region: "ap-southeast-2", mappings: [rest] }));
        const lookups = r.invokes.filter((i) => i.token === GET_DOMAIN);
        assert.strictEqual(lookups.length, 1);
        assert.strictEqual(lookups[0].args.domainName, "api.example.com");
        assert.strictEqual(lookups[0].args.region, "ap-southeast-2");
        assert.strictEqual(one(r, T.basePathMapping).deleteBeforeReplace, true);
    });

    it("addresses a private domain by domainNameId, with v1 base path mappings and no lookup", async () => {
        let shared: SharedDomainMappings | undefined;
        const r = await plan(() => {
            shared = new SharedDomainMappings("orders", {
                domainName: "private.example.com", domainNameId: "abcd123456", mappings: [{ ...rest, basePath: "orders" }],
            });
        });
        const m = one(r, T.basePathMapping);
        assert.strictEqual(m.inputs.domainNameId, "abcd123456");
        assert.strictEqual(m.inputs.domainName, "private.example.com");
        assert.strictEqual(r.invokes.filter((i) => i.token === GET_DOMAIN).length, 0, "a RAM-shared domain cannot be read from this account");
        assert.ok(shared!.uncheckedRules.some((u) => u.includes("security policy")));
        assert.ok(!shared!.uncheckedRules.some((u) => u.includes("endpoint type")), "a domain addressed by id is private");
    });

    it("takes the domain from another stack's outputs (Outputs, not plain values) and maps on it", async () => {
        const r = await plan(() => new SharedDomainMappings("orders", {
            domainName: pulumi.output("api.example.com"),
            region: pulumi.output("eu-central-1"),
            endpointType: pulumi.output("REGIONAL" as const),
            securityPolicy: pulumi.output("TLS_1_2"),
            mappings: [{ ...rest, basePath: "orders/v1" }],
        }));
        const m = one(r, T.apiMapping);
        assert.deepStrictEqual([m.inputs.domainName, m.inputs.apiMappingKey, m.region], ["api.example.com", "orders/v1", "eu-central-1"]);
    });

    it("pairs with a domain component in the same program: the lookup reports the owner's endpoint type", async () => {
        const message = await rejectedLate(() => {
            const owner = new EdgeDomain("api", { domainName: "api.example.com", zoneName: "example.com" });
            new SharedDomainMappings("orders", { domainName: owner.domainName, mappings: [{ ...rest, basePath: "orders/v1" }] });
        });
        assert.strictEqual(message, "SharedDomainMappings \"orders\": mappings[0].basePath \"orders/v1\" is multi-level; multi-level paths need a REGIONAL domain with TLS 1.2 or an enhanced policy, and this domain is EDGE; use RegionalDomain");
    });

    it("rejects, once another stack's output resolves, an HTTP API on an enhanced-policy domain (no mapping created)", async () => {
        const message = await rejectedLate(() => new SharedDomainMappings("orders", {
            domainName: "api.example.com", lookup: false,
            securityPolicy: pulumi.output("SecurityPolicy_TLS13_1_2_2021_06"),
            mappings: [{ ...http, basePath: "v2" }],
        }));
        assert.strictEqual(message, "SharedDomainMappings \"orders\": mappings[0].apiType \"http\" cannot serve an HTTP API: enhanced policies are for REST APIs only (the domain's securityPolicy is \"SecurityPolicy_TLS13_1_2_2021_06\"); use \"TLS_1_2\" for domains that serve HTTP or WebSocket APIs");
    });

    it("rejects a declared endpoint type the looked-up domain contradicts", async () => {
        const message = await rejectedLate(() => {
            const owner = new RegionalDomain("api", { domainName: "api.example.com", zoneName: "example.com" });
            new SharedDomainMappings("orders", { domainName: owner.domainName, endpointType: pulumi.output("EDGE" as const), mappings: [rest] });
        });
        assert.match(message, /^SharedDomainMappings "orders": endpointType "EDGE" disagrees with the domain, which API Gateway reports as REGIONAL; /);
    });

    it("rejects mappings once the owner's routingMode output says ROUTING_RULE_ONLY", async () => {
        const message = await rejectedLate(() => {
            const owner = new RegionalDomain("api", {
                domainName: "api.example.com", zoneName: "example.com", routingMode: "ROUTING_RULE_ONLY",
                routingRules: [{ priority: 10, basePaths: ["status"], apiId: "status0001", stage: "prod" }],
            });
            new SharedDomainMappings("orders", { domainName: owner.domainName, routingMode: owner.routingMode as pulumi.Output<"ROUTING_RULE_ONLY">, mappings: [rest] });
        });
        assert.match(message, /^SharedDomainMappings "orders": mappings "\(set\)" cannot be created on a domain with routingMode "ROUTING_RULE_ONLY"/);
    });

    it("checks mappings added later against the looked-up domain too", async () => {
        const message = await rejectedLate(() => {
            const owner = new EdgeDomain("api", { domainName: "api.example.com", zoneName: "example.com" });
            const shared = new SharedDomainMappings("orders", { domainName: owner.domainName, mappings: [{ ...rest, basePath: "orders" }] });
            shared.addMapping({ ...rest, basePath: "orders/v2" });
        });
        assert.match(message, /addMapping\("orders\/v2"\)\.basePath "orders\/v2" is multi-level/);
    });

    it("pairs with the domain components' outputs: name, region, endpoint type and security policy, as another stack exports them", async () => {
        const exported: Record<string, unknown> = {};
        const r = await plan(() => {
            const owner = new RegionalDomain("api", { domainName: "api.example.com", zoneName: "example.com", region: "eu-west-1" });
            Object.assign(exported, {
                domainName: owner.domainName, domainRegion: owner.domainRegion, endpointType: owner.endpointType, securityPolicy: owner.securityPolicy,
                routingMode: owner.routingMode,
            });
            new SharedDomainMappings("orders", {
                domainName: owner.domainName,
                region: owner.domainRegion,
                endpointType: owner.endpointType as pulumi.Output<"REGIONAL">,
                securityPolicy: owner.securityPolicy,
                routingMode: owner.routingMode as pulumi.Output<"API_MAPPING_ONLY">,
                mappings: [{ ...rest, basePath: "orders/v1" }],
            });
        }, { config: { "aws:region": "us-east-1" } });
        const values = Object.fromEntries(await Promise.all(Object.entries(exported).map(async ([k, v]) => [k, await output(v as pulumi.Output<string>)])));
        assert.deepStrictEqual(values, {
            domainName: "api.example.com", domainRegion: "eu-west-1", endpointType: "REGIONAL", securityPolicy: "TLS_1_2", routingMode: "API_MAPPING_ONLY",
        });
        const m = one(r, T.apiMapping);
        assert.deepStrictEqual([m.inputs.domainName, m.region], ["api.example.com", "eu-west-1"]);
    });

    it("says which rules it could not check without a lookup or declared facts", () => {
        const { unchecked } = validateSharedDomainMappings("X", { domainName: "api.example.com", lookup: false, mappings: [rest] });
        assert.ok(unchecked.some((u) => u.startsWith("the endpoint type")));
        assert.ok(unchecked.some((u) => u.startsWith("the security policy")));
        assert.ok(unchecked.some((u) => u.startsWith("the domain's routing mode")));
        const looked = validateSharedDomainMappings("X", { domainName: "api.example.com", mappings: [rest] }).unchecked;
        assert.ok(!looked.some((u) => u.startsWith("the endpoint type") || u.startsWith("the security policy")));
    });

    it("accepts valid but unusual inputs: a wildcard domain, the root key, a WebSocket-only set, an empty list", async () => {
        await plan(() => new SharedDomainMappings("a", { domainName: "*.example.com", mappings: [{ ...rest, basePath: "" }] }));
        await plan(() => new SharedDomainMappings("b", {
            domainName: "ws.example.com", apiType: "websocket", mappings: [{ apiId: "wsapi00001", stage: "prod", basePath: "chat" }],
        }));
        // Multi-level keys are fine on an enhanced-policy domain (what it refuses is HTTP APIs).
        await plan(() => new SharedDomainMappings("d", {
            domainName: "api.example.com", lookup: false, securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09", mappings: [{ ...rest, basePath: "a/b/c" }],
        }));
        const r = await plan(() => new SharedDomainMappings("c", { domainName: "api.example.com", mappings: [] }));
        assert.strictEqual(ofType(r, T.basePathMapping).length, 0);
    });

    describe("bad input, refused before anything is registered", () => {
        const cases: [string, SharedDomainMappingsArgs, string][] = [
            ["a domain name with uppercase letters", { domainName: "API.example.com", mappings: [rest] },
                "SharedDomainMappings \"s\": domainName \"API.example.com\" has uppercase letters; API Gateway and ACM store names in lowercase; use \"api.example.com\""],
            ["a key with a leading slash", { domainName: "api.example.com", mappings: [{ ...rest, basePath: "/orders" }] },
                "SharedDomainMappings \"s\": mappings[0].basePath \"/orders\" starts with \"/\"; drop the leading slash: \"orders\""],
            ["one key twice", { domainName: "api.example.com", mappings: [{ ...rest, basePath: "orders" }, { ...rest, basePath: "orders" }] },
                "SharedDomainMappings \"s\": mappings[1].basePath \"orders\" is already mapped on this domain; a key maps one API stage; give each mapping its own basePath"],
            ["a multi-level key on a declared edge domain", { domainName: "api.example.com", endpointType: "EDGE", mappings: [{ ...rest, basePath: "a/b" }] },
                "SharedDomainMappings \"s\": mappings[0].basePath \"a/b\" is multi-level; multi-level paths need a REGIONAL domain with TLS 1.2 or an enhanced policy, and this domain is EDGE; use RegionalDomain"],
            ["an HTTP API on a private domain (by id)", { domainName: "p.example.com", domainNameId: "abcd123456", mappings: [http] },
                "SharedDomainMappings \"s\": mappings[0].apiType \"http\" cannot be served by a private domain, which serves private REST APIs only; use a private REST API"],
            ["an HTTP API on a declared enhanced policy", {
                domainName: "api.example.com", securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09", mappings: [http],
            }, "SharedDomainMappings \"s\": mappings[0].apiType \"http\" cannot serve an HTTP API: enhanced policies are for REST APIs only (the domain's securityPolicy is \"SecurityPolicy_TLS13_1_3_2025_09\"); use \"TLS_1_2\" for domains that serve HTTP or WebSocket APIs"],
            ["WebSocket and REST APIs together", { domainName: "api.example.com", mappings: [rest, { apiId: "ws", stage: "p", apiType: "websocket", basePath: "ws" }] },
                "SharedDomainMappings \"s\": mappings[0].apiType \"rest\" cannot share a domain that serves a WebSocket API; give the WebSocket API its own domain (RegionalDomain with apiType \"websocket\")"],
            ["an endpoint type that is not one", { domainName: "api.example.com", endpointType: "GLOBAL" as never, mappings: [rest] },
                "SharedDomainMappings \"s\": endpointType \"GLOBAL\" is not an endpoint type; use \"EDGE\", \"REGIONAL\" or \"PRIVATE\""],
            ["a domainNameId next to a public endpoint type", { domainName: "api.example.com", domainNameId: "abcd123456", endpointType: "REGIONAL", mappings: [rest] },
                "SharedDomainMappings \"s\": domainNameId \"(set)\" addresses a private domain, but endpointType is \"REGIONAL\"; drop domainNameId for a public domain, or pass the private domain's endpointType \"PRIVATE\""],
            ["a domainNameId that is a whole ARN", { domainName: "p.example.com", domainNameId: "arn:aws:apigateway:us-east-1:1:/domainnames/p+x", mappings: [rest] },
                "SharedDomainMappings \"s\": domainNameId \"arn:aws:apigateway:us-east-1:1:/domainnames/p+x\" is not a domain name identifier (it is the part after \"+\" in the domain's ARN); pass the owner's domainNameId output, e.g. \"abcd123456\""],
            ["no mapping list", { domainName: "api.example.com" } as SharedDomainMappingsArgs,
                "SharedDomainMappings \"s\": mappings (not set) is not a list; pass a list of { apiId, stage, basePath }"],
            ["mappings on a domain declared ROUTING_RULE_ONLY", { domainName: "api.example.com", routingMode: "ROUTING_RULE_ONLY", mappings: [rest] },
                "SharedDomainMappings \"s\": mappings \"(set)\" cannot be created on a domain with routingMode \"ROUTING_RULE_ONLY\", which serves requests by routing rules only; ask the domain's owner for ROUTING_RULE_THEN_API_MAPPING, or add a routing rule to the domain instead"],
            ["a routing mode that is not one", { domainName: "api.example.com", routingMode: "RULES" as never, mappings: [rest] },
                "SharedDomainMappings \"s\": routingMode \"RULES\" is not a routing mode; use one of \"API_MAPPING_ONLY\", \"ROUTING_RULE_ONLY\", \"ROUTING_RULE_THEN_API_MAPPING\""],
            ["a transform among the arguments", { domainName: "api.example.com", mappings: [rest], transform: {} } as SharedDomainMappingsArgs,
                "SharedDomainMappings \"s\": transform [] is a resource option, not an argument; pass it in the third constructor parameter, next to provider: new SharedDomainMappings(name, args, { transform })"],
        ];
        for (const [what, args, expected] of cases) {
            it(`refuses ${what}`, async () => {
                assert.strictEqual(await rejected(() => new SharedDomainMappings("s", args)), expected);
            });
        }
    });
});
