import * as assert from "assert";
import { CLOUDFRONT_ZONE_ID } from "../../aws/cloudfront";
import { hostedZoneId } from "../../aws/regions";

describe("rulebook: per-region hosted zones (aws/regions.ts)", () => {
    it("answers the published API Gateway zone for regions the first table lacked", () => {
        assert.strictEqual(hostedZoneId("apigateway", "ap-northeast-3"), "Z22ILHG95FLSZ2");
        assert.strictEqual(hostedZoneId("apigateway", "mx-central-1"), "Z00020171WIGL5M88SHRM");
        assert.strictEqual(hostedZoneId("apigateway", "ap-southeast-7"), "Z048508712PZLK5NKG8R0");
    });

    it("answers the published load balancer zones, different for ALB and NLB in the same region", () => {
        assert.strictEqual(hostedZoneId("alb", "eu-west-1"), "Z32O12XQLNTSW2");
        assert.strictEqual(hostedZoneId("nlb", "eu-west-1"), "Z2IFOLAFXWLO4F");
        assert.strictEqual(hostedZoneId("nlb", "il-central-1"), "Z0313266YDI6ZRHTGQY4");
        assert.strictEqual(hostedZoneId("alb", "cn-north-1"), "Z1GDH35T77C1KE");
    });

    it("says a region is unknown (undefined) instead of inventing an id", () => {
        assert.strictEqual(hostedZoneId("apigateway", "ap-southeast-6"), undefined);
        assert.strictEqual(hostedZoneId("alb", "xx-nowhere-9"), undefined);
        assert.strictEqual(hostedZoneId("vpce", "xx-nowhere-9"), undefined);
    });

    it("gives every region its own zone per kind, none of them CloudFront's, all in Route 53's id format", () => {
        const regions = ["us-east-1", "eu-west-1", "ap-southeast-2", "sa-east-1", "me-south-1"];
        for (const kind of ["apigateway", "alb", "nlb", "vpce"] as const) {
            const ids = regions.map((r) => hostedZoneId(kind, r));
            for (const id of ids) assert.match(id ?? "", /^Z[A-Z0-9]{10,31}$/);
            assert.strictEqual(new Set(ids).size, regions.length, `${kind}: one zone per region`);
            assert.ok(!ids.includes(CLOUDFRONT_ZONE_ID));
        }
    });
});
