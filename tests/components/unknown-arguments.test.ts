// Every component refuses an argument it does not declare, the same way (and before anything is
// registered): a misspelt or misplaced argument silently dropped would deploy something other than
// what the program says. Arguments other languages send as undefined are not "given".
import * as assert from "assert";
import { Certificate } from "../../components/certificate";
import { CloudFrontDomain } from "../../components/cloudfront-domain";
import { EdgeDomain } from "../../components/edge-domain";
import { PrivateAlbDomain } from "../../components/private-alb-domain";
import { PrivateDomain } from "../../components/private-domain";
import { MultiRegionDomain } from "../../components/multi-region-domain";
import { RegionalDomain } from "../../components/regional-domain";
import { SharedDomainMappings } from "../../components/shared-domain";
import { T, plan, rejected } from "../helpers";

type Construct = (extra: Record<string, unknown>) => unknown;
const VPCE = "vpce-0123456789abcdef0";
const base = { domainName: "api.example.com" };
const components: [string, Construct][] = [
    ["Certificate", (x) => new Certificate("c", { ...base, ...x } as never)],
    ["EdgeDomain", (x) => new EdgeDomain("c", { ...base, ...x } as never)],
    ["RegionalDomain", (x) => new RegionalDomain("c", { ...base, ...x } as never)],
    ["CloudFrontDomain", (x) => new CloudFrontDomain("c", { ...base, ...x } as never)],
    ["PrivateDomain", (x) => new PrivateDomain("c", { ...base, vpcEndpointIds: [VPCE], ...x } as never)],
    ["MultiRegionDomain", (x) => new MultiRegionDomain("c", { ...base, regions: [{ region: "us-east-1" }, { region: "eu-west-1" }], mappings: [{ apiId: "abc123defg", stage: "prod" }], ...x } as never)],
    ["PrivateAlbDomain", (x) => new PrivateAlbDomain("c", { ...base, vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0a1b2c3d4e5f60718", "subnet-1a2b3c4d5e6f70819"], ...x } as never)],
];

describe("unknown arguments, refused alike by every component", () => {
    for (const [kind, construct] of components) {
        it(`${kind} refuses a misspelt argument, suggesting the right one, before registering anything`, async () => {
            // The private components name their public zone certificateZoneName.
            const [typo, meant] = kind.startsWith("Private") ? ["certificateZoneNmae", "certificateZoneName"] : ["zoneNmae", "zoneName"];
            const message = await rejected(() => construct({ [typo]: "example.com" }));
            assert.strictEqual(message, `${kind} "c": ${typo} "example.com" is not an argument of ${kind}; did you mean "${meant}"?`);
        });

        it(`${kind} refuses an argument no component has, listing the ones it takes`, async () => {
            const message = await rejected(() => construct({ colour: "blue" }));
            assert.match(message, new RegExp(`^${kind} "c": colour "blue" is not an argument of ${kind}; remove it \\(the arguments are domainName, `));
        });

        it(`${kind} takes an argument sent as undefined (how other languages send unset ones)`, async () => {
            const r = await plan(() => construct({ zoneNmae: undefined, tags: undefined }), { config: { "aws:region": "us-east-1" } });
            assert.ok(r.resources.some((x) => x.type !== T.stack));
        });
    }

    it("refuses an unknown key inside a mapping, naming the mapping", async () => {
        const message = await rejected(() => new RegionalDomain("c", { ...base, mappings: [{ apiId: "abc123defg", stage: "prod", basepath: "v1" } as never] }));
        assert.strictEqual(message, 'RegionalDomain "c": mappings[0].basepath "v1" is not an argument of mappings[0]; did you mean "basePath"?');
    });

    it("refuses an unknown key inside a nested argument (share, mutualTls)", async () => {
        assert.match(await rejected(() => new PrivateDomain("c", { ...base, vpcEndpointIds: [VPCE], share: { principals: ["111122223333"], allowExternal: true } as never })),
            /^PrivateDomain "c": share\.allowExternal true is not an argument of share; did you mean "allowExternalPrincipals"\?|remove it/);
        assert.match(await rejected(() => new RegionalDomain("c", { ...base, mutualTls: { truststoreUri: "s3://b/k", version: "1" } as never })),
            /^RegionalDomain "c": mutualTls\.version "1" is not an argument of mutualTls/);
    });

    it("refuses an unknown key inside a routing rule and its header condition", async () => {
        const rule = { priority: 10, apiId: "abc123defg", stage: "prod", headers: [{ header: "x-version", valueGlob: "v2" }] };
        const mode = { routingMode: "ROUTING_RULE_THEN_API_MAPPING" };
        assert.strictEqual(await rejected(() => new RegionalDomain("c", { ...base, ...mode, routingRules: [{ ...rule, basePath: "v2" }] } as never)),
            'RegionalDomain "c": routingRules[0].basePath "v2" is not an argument of routingRules[0]; did you mean "basePaths"?');
        assert.match(await rejected(() => new EdgeDomain("c", { ...base, ...mode, routingRules: [{ ...rule, headers: [{ header: "x-version", value: "v2" }] }] } as never)),
            /^EdgeDomain "c": routingRules\[0\]\.headers\[0\]\.value "v2" is not an argument of routingRules\[0\]\.headers\[0\]/);
    });

    it("refuses unknown keys of SharedDomainMappings and inside a MultiRegionDomain's regions and health check", async () => {
        assert.strictEqual(await rejected(() => new SharedDomainMappings("c", { ...base, mappings: [], domainNameID: "x" } as never)),
            'SharedDomainMappings "c": domainNameID "x" is not an argument of SharedDomainMappings; did you mean "domainNameId"?');
        const regions = [{ region: "us-east-1" }, { region: "eu-west-1", weigth: 10 }];
        assert.strictEqual(await rejected(() => new MultiRegionDomain("c", { ...base, regions } as never)),
            'MultiRegionDomain "c": regions[1].weigth 10 is not an argument of regions[1]; did you mean "weight"?');
        assert.match(await rejected(() => new MultiRegionDomain("c", { ...base, regions: regions.slice(0, 1).concat([{ region: "eu-west-1" }]), healthCheck: { url: "/health" } } as never)),
            /^MultiRegionDomain "c": healthCheck\.url "\/health" is not an argument of healthCheck/);
    });
});
