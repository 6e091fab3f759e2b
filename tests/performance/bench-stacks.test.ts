// The components' overhead in `npm run bench` compares like with like only if the raw stack
// creates exactly what the components create.

import * as assert from "assert";
import { RunResult, runProgram } from "../../offline/engine";
import { TENANT_CONFIG, tenantStack } from "../../bench/tenants";

function customResources(r: RunResult): string[] {
    return r.resources.filter((x) => x.custom).map((x) => `${x.type} ${x.name} ${JSON.stringify(x.inputs)}`).sort();
}

describe("bench stacks", () => {
    it("the raw @pulumi/aws tenants create the same custom resources, with the same inputs, as RegionalDomain", async () => {
        const [components, raw] = await Promise.all([
            runProgram(tenantStack("components", 3), { config: { ...TENANT_CONFIG } }),
            runProgram(tenantStack("raw", 3), { config: { ...TENANT_CONFIG } }),
        ]);
        assert.ifError(components.error);
        assert.ifError(raw.error);
        assert.deepStrictEqual(customResources(raw), customResources(components));
        // Per tenant: certificate, validation record, validation, domain, two mappings, alias record.
        assert.strictEqual(customResources(raw).length, 3 + 3 * 7);
        assert.deepStrictEqual(components.resources.filter((x) => !x.custom && x.type !== "pulumi:pulumi:Stack").map((x) => x.type).sort(),
            Array(3).fill("apigw-domains:index:RegionalDomain"), "a domain requests its certificate without a nested component");
    });
});
