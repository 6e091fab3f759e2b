// The components' enumerations are written out as literals (Pulumi's component analyzer takes
// nothing else), so these tests hold each literal to the rulebook, where its source is cited.
import * as assert from "assert";
import { ENDPOINT_TYPES, securityPoliciesFor } from "../../aws/apigateway";
import { REQUESTABLE_KEY_ALGORITHMS } from "../../aws/acm";
import { CLOUDFRONT_VIEWER_POLICIES, cloudFrontTlsVersion } from "../../aws/cloudfront";
import { ViewerSecurityPolicy } from "../../components/cloudfront-domain";
import { ROUTING_MODES } from "../../aws/routing";
import { CertificateKeyAlgorithm } from "../../components/certificate";
import { DomainEndpointType, EdgeSecurityPolicy, RegionalSecurityPolicy, RoutingMode } from "../../components/types";

describe("component enumerations against the rulebook", () => {
    it("offers on regional domains only security policies API Gateway takes on regional domains", () => {
        const regional = securityPoliciesFor("REGIONAL");
        for (const p of Object.values(RegionalSecurityPolicy)) assert.ok(regional.includes(p), `${p} is not a regional policy`);
    });

    it("offers on edge-optimized domains only security policies API Gateway takes on edge domains", () => {
        const edge = securityPoliciesFor("EDGE");
        for (const p of Object.values(EdgeSecurityPolicy)) assert.ok(edge.includes(p), `${p} is not an edge policy`);
    });

    it("offers every policy of TLS 1.2 or better that API Gateway takes, per endpoint type", () => {
        assert.deepStrictEqual([...Object.values(RegionalSecurityPolicy)].sort(),
            securityPoliciesFor("REGIONAL").filter((p) => p !== "TLS_1_0").sort());
        assert.deepStrictEqual([...Object.values(EdgeSecurityPolicy)].sort(),
            securityPoliciesFor("EDGE").filter((p) => p !== "TLS_1_0").sort());
    });

    it("offers CloudFront viewer policies CloudFront has, each of TLS 1.2 or better, and every such one", () => {
        const offered = Object.values(ViewerSecurityPolicy) as string[];
        for (const p of offered) assert.ok(CLOUDFRONT_VIEWER_POLICIES.includes(p), `${p} is not a CloudFront viewer policy`);
        assert.deepStrictEqual([...offered].sort(), CLOUDFRONT_VIEWER_POLICIES.filter((p) => (cloudFrontTlsVersion(p) ?? 0) >= 1.2).sort());
    });

    it("names exactly the endpoint types API Gateway documents for a custom domain", () => {
        assert.deepStrictEqual([...Object.values(DomainEndpointType)].sort(), [...ENDPOINT_TYPES].sort());
    });

    it("offers exactly the routing modes API Gateway documents, by their apigatewayv2 names", () => {
        assert.deepStrictEqual([...Object.values(RoutingMode)].sort(), [...ROUTING_MODES].sort());
    });

    it("requests certificates only with key algorithms ACM's RequestCertificate accepts", () => {
        assert.deepStrictEqual([...Object.values(CertificateKeyAlgorithm)].sort(), [...REQUESTABLE_KEY_ALGORITHMS].sort());
    });
});
