import { strict as assert } from "assert";
import { checkSecurityPolicies } from "../../policy/rules/api-gateway-security-policy";
import { T } from "../../policy/lib/resources";
import { UNKNOWN, messages, res } from "./helpers";

const regional = { types: "REGIONAL" };
const judge = (...rs: ReturnType<typeof res>[]) => messages(checkSecurityPolicies(rs, {}));

describe("api-gateway-security-policy", () => {
    it("accepts what API Gateway accepts: legacy policies alone, enhanced ones with an access mode on the right endpoint type, mTLS with TLS_1_2", () => {
        assert.deepEqual(judge(res(T.domainV1, "a", { domainName: "a.example.com", securityPolicy: "TLS_1_2" })), []);
        assert.deepEqual(judge(res(T.domainV1, "a0", { domainName: "a0.example.com", securityPolicy: "TLS_1_0" })), []);
        assert.deepEqual(judge(res(T.domainV1, "b", { domainName: "b.example.com", securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09", endpointAccessMode: "STRICT", endpointConfiguration: regional })), []);
        assert.deepEqual(judge(res(T.domainV1, "c", { domainName: "c.example.com", securityPolicy: "SecurityPolicy_TLS12_2018_EDGE", endpointAccessMode: "BASIC" })), []);
        assert.deepEqual(judge(res(T.domainV1, "d", { domainName: "d.example.com", securityPolicy: "TLS_1_2", endpointConfiguration: regional, mutualTlsAuthentication: { truststoreUri: "s3://b/k" } })), []);
        // A policy name the rulebook does not know yet is left to AWS rather than refused.
        assert.deepEqual(judge(res(T.domainV1, "e", { domainName: "e.example.com", securityPolicy: "SecurityPolicy_TLS13_1_3_2030_01", endpointConfiguration: regional })), []);
    });

    it("rejects the combinations API Gateway refuses, naming the property, the value and the fix", () => {
        assert.deepEqual(judge(res(T.domainV1, "a", { domainName: "a.example.com", securityPolicy: "SecurityPolicy_TLS13_1_2_2021_06", endpointConfiguration: regional })), [
            'apigateway.DomainName "a": endpointAccessMode not set: is required with the enhanced security policy "SecurityPolicy_TLS13_1_2_2021_06". Fix: set endpointAccessMode to "STRICT" (recommended) or "BASIC".',
        ]);
        assert.match(judge(res(T.domainV1, "b", { domainName: "b.example.com", securityPolicy: "TLS_1_2", endpointAccessMode: "STRICT" }))[0], /endpointAccessMode is "STRICT": is only valid with an enhanced SecurityPolicy_\* policy, not "TLS_1_2"/);
        assert.match(judge(res(T.domainV1, "c", { domainName: "c.example.com", securityPolicy: "SecurityPolicy_TLS13_2025_EDGE", endpointAccessMode: "STRICT", endpointConfiguration: regional }))[0], /securityPolicy is "SecurityPolicy_TLS13_2025_EDGE": is only valid on edge-optimized domains, and this domain is REGIONAL/);
        assert.match(judge(res(T.domainV1, "d", { domainName: "d.example.com", securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09", endpointAccessMode: "STRICT" }))[0], /securityPolicy is "SecurityPolicy_TLS13_1_3_2025_09": is for regional and private domains, not edge-optimized ones/);
        assert.match(
            judge(res(T.domainV1, "e", { domainName: "e.example.com", securityPolicy: "SecurityPolicy_TLS13_1_2_2021_06", endpointAccessMode: "STRICT", endpointConfiguration: regional, mutualTlsAuthentication: { truststoreUri: "s3://b/k" } }))[0],
            /mutualTlsAuthentication is \{"truststoreUri":"s3:\/\/b\/k"\}: cannot be combined with the enhanced security policy "SecurityPolicy_TLS13_1_2_2021_06"/,
        );
        assert.match(judge(res(T.domainV1, "f", { domainName: "f.example.com", securityPolicy: "TLS_1_2", mutualTlsAuthentication: { truststoreUri: "s3://b/k" } }))[0], /is only available on regional domains, and this domain is EDGE/);
    });

    it("rejects an enhanced policy on a domain that serves an HTTP API", () => {
        const domain = res(T.domainV1, "api", { domainName: "api.example.com", securityPolicy: "SecurityPolicy_TLS13_1_2_2021_06", endpointAccessMode: "STRICT", endpointConfiguration: regional });
        const http = res(T.apiV2, "orders", { protocolType: "HTTP" });
        const mapping = res(T.apiMapping, "m", { domainName: "api.example.com", apiId: UNKNOWN, stage: "$default" }, { deps: { domainName: [domain], apiId: [http] } });
        assert.match(judge(domain, http, mapping)[0], /securityPolicy is "SecurityPolicy_TLS13_1_2_2021_06": cannot serve an HTTP API: enhanced policies are for REST APIs only/);
    });

    it("does not guess while the policy, access mode or endpoint type is unknown (preview)", () => {
        assert.deepEqual(judge(res(T.domainV1, "a", { securityPolicy: UNKNOWN, endpointConfiguration: regional })), []);
        assert.deepEqual(judge(res(T.domainV1, "b", { securityPolicy: "SecurityPolicy_TLS13_2025_EDGE", endpointAccessMode: UNKNOWN, endpointConfiguration: { types: UNKNOWN } })), []);
        assert.deepEqual(judge(res(T.domainV1, "c", { securityPolicy: "SecurityPolicy_TLS13_1_2_2021_06", endpointAccessMode: UNKNOWN, endpointConfiguration: regional })), []);
    });
});
