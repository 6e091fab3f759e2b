import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { runProgram } from "../../offline/engine";
import { withAwsRegionFromEnvironment } from "./environment";

class Pair extends pulumi.ComponentResource {
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("test:index:Pair", name, {}, opts);
        new aws.s3.Bucket(`${name}-a`, { tags: { own: "a" } }, { parent: this });
        new aws.s3.Bucket(`${name}-b`, {}, { parent: this });
    }
}

describe("offline engine: transforms", () => {
    withAwsRegionFromEnvironment("us-east-1");

    it("applies a component's transforms to its children, as the engine does, before recording and simulating", async () => {
        const r = await runProgram(() => {
            new Pair("p", {
                transforms: [(a) => a.type === "aws:s3/bucket:Bucket"
                    ? { props: { ...a.props, tags: { ...(a.props.tags ?? {}), team: "platform" } }, opts: a.opts }
                    : undefined],
            });
            new aws.s3.Bucket("outside", {});
        });
        assert.ifError(r.error);
        const tags = (name: string) => r.resources.find((x) => x.name === name)!.inputs.tags;
        assert.deepStrictEqual(tags("p-a"), { own: "a", team: "platform" });
        assert.deepStrictEqual(tags("p-b"), { team: "platform" });
        assert.strictEqual(tags("outside"), undefined);
        assert.deepStrictEqual(r.resources.find((x) => x.name === "p-b")!.outputs.tags, { team: "platform" });
    });

    it("applies stack transforms to every resource after the resource's own", async () => {
        const r = await runProgram(() => {
            pulumi.runtime.registerResourceTransform((a) => a.type === "aws:s3/bucket:Bucket"
                ? { props: { ...a.props, bucketPrefix: `${a.props.bucketPrefix ?? "stack"}-x` }, opts: a.opts }
                : undefined);
            new aws.s3.Bucket("one", {}, { transforms: [(a) => ({ props: { ...a.props, bucketPrefix: "own" }, opts: a.opts })] });
            new aws.s3.Bucket("two", {});
        });
        assert.ifError(r.error);
        assert.strictEqual(r.resources.find((x) => x.name === "one")!.inputs.bucketPrefix, "own-x");
        assert.strictEqual(r.resources.find((x) => x.name === "two")!.inputs.bucketPrefix, "stack-x");
    });
});
