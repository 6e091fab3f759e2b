// The rulebook is a leaf: the components, the policy pack and the offline simulator import it,
// and it imports none of them (only Node built-ins and npm packages), so the compiled policy
// pack can carry it alone.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";

const AWS = path.join(__dirname, "..", "..", "aws");

describe("the rulebook (aws/)", () => {
    it("imports nothing of this package outside aws/", () => {
        const offending: string[] = [];
        for (const file of fs.readdirSync(AWS).filter((f) => f.endsWith(".ts"))) {
            const text = fs.readFileSync(path.join(AWS, file), "utf8");
            for (const match of text.matchAll(/from\s+"([^"]+)"/g)) {
                const spec = match[1];
                if (spec.startsWith("..") || (spec.startsWith(".") && !spec.startsWith("./"))) offending.push(`${file}: ${spec}`);
            }
        }
        assert.deepStrictEqual(offending, []);
    });
});
