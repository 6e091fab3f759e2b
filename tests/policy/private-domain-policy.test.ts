import { strict as assert } from "assert";
import { checkPrivateDomainPolicy, privatePolicyProblems } from "../../policy/rules/private-domain-policy";
import { T } from "../../policy/lib/resources";
import { UNKNOWN, messages, res } from "./helpers";

const invoke = { Action: "execute-api:Invoke", Resource: ["execute-api:/*"] };

function privateDomain(policy: unknown) {
    return res(T.domainV1, "internal", {
        domainName: "internal.example.com",
        certificateArn: "arn:aws:acm:eu-west-1:1:certificate/x",
        endpointConfiguration: { types: "PRIVATE" },
        securityPolicy: "TLS_1_2",
        policy,
    });
}

const doc = (...Statement: Record<string, unknown>[]) => JSON.stringify({ Version: "2012-10-17", Statement });

describe("private-domain-policy", () => {
    it("accepts an Allow conditioned on specific VPC endpoints", () => {
        const policy = doc({ Effect: "Allow", Principal: "*", ...invoke, Condition: { StringEquals: { "aws:SourceVpce": ["vpce-0123456789abcdef0", "vpce-0fedcba9876543210"] } } });
        assert.deepEqual(checkPrivateDomainPolicy(privateDomain(policy), {}), []);
    });

    it("accepts AWS's documented pattern: Allow everyone, Deny outside the endpoints", () => {
        const policy = doc(
            { Effect: "Allow", Principal: "*", ...invoke },
            { Effect: "Deny", Principal: "*", ...invoke, Condition: { StringNotEquals: { "aws:SourceVpce": "vpce-0123456789abcdef0" } } },
        );
        assert.deepEqual(checkPrivateDomainPolicy(privateDomain(policy), {}), []);
    });

    it("accepts a policy given as an object, and allows to specific principals", () => {
        assert.deepEqual(privatePolicyProblems({ Statement: { Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, ...invoke } }), []);
    });

    it("rejects an unconditioned Allow for principal *, naming the property, the statement and the fix", () => {
        const policy = doc({ Sid: "Everyone", Effect: "Allow", Principal: { AWS: "*" }, ...invoke });
        const [message] = messages(checkPrivateDomainPolicy(privateDomain(policy), {}));
        assert.match(message, /^apigateway\.DomainName "internal": policy is "\{\\"Version\\":/);
        assert.match(
            message,
            /: the private domain internal\.example\.com has a policy that allows execute-api:Invoke to principal "\*" \(statement Everyone\) with no condition on the source \(aws:SourceVpce, aws:SourceVpc, \.\.\.\), so every VPC endpoint associated with the domain, in any account it is shared with, can call it\. Fix: allow execute-api:Invoke only with a condition on the source/,
        );
    });

    it("accepts an Allow scoped by aws:SourceVpc, and a Deny with StringNotEquals on aws:SourceVpc (documented patterns)", () => {
        assert.deepEqual(privatePolicyProblems(doc({ Effect: "Allow", Principal: "*", ...invoke, Condition: { StringEquals: { "aws:SourceVpc": "vpc-0123456789abcdef0" } } })), []);
        const guarded = JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                { Effect: "Allow", Principal: "*", ...invoke },
                { Effect: "Deny", Principal: "*", ...invoke, Condition: { StringNotEquals: { "aws:SourceVpc": "vpc-0123456789abcdef0" } } },
            ],
        });
        assert.deepEqual(checkPrivateDomainPolicy(privateDomain(guarded), {}), []);
        assert.deepEqual(privatePolicyProblems(doc({ Effect: "Allow", Principal: "*", ...invoke, Condition: { "ForAnyValue:StringLike": { "aws:VpceOrgPaths": ["o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"] } } })), []);
    });

    it("rejects conditions that do not scope the caller: a wildcard vpce, an unrelated key, or a negated allow", () => {
        for (const Condition of [
            { StringLike: { "aws:SourceVpce": "vpce-*" } },
            { StringEquals: { "aws:UserAgent": "curl" } },
            { StringNotEquals: { "aws:SourceVpce": "vpce-0123" } },
        ]) {
            assert.equal(privatePolicyProblems(doc({ Effect: "Allow", Principal: "*", ...invoke, Condition })).length, 1, JSON.stringify(Condition));
        }
    });

    it("rejects a missing policy, invalid JSON and a policy that allows nothing", () => {
        assert.match(messages(checkPrivateDomainPolicy(privateDomain(undefined), {}))[0], /has no policy; a private domain denies every request until its policy allows execute-api:Invoke from specific VPC endpoints/);
        assert.match(messages(checkPrivateDomainPolicy(privateDomain("{not json"), {}))[0], /has a policy that is not valid JSON/);
        assert.match(messages(checkPrivateDomainPolicy(privateDomain(doc({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" })), {}))[0], /allows no execute-api:Invoke/);
    });

    it("only applies to PRIVATE domains", () => {
        const regional = res(T.domainV1, "public", { domainName: "api.example.com", endpointConfiguration: { types: ["REGIONAL"] } });
        const edge = res(T.domainV1, "edge", { domainName: "edge.example.com" });
        assert.deepEqual(checkPrivateDomainPolicy(regional, {}), []);
        assert.deepEqual(checkPrivateDomainPolicy(edge, {}), []);
    });

    it("does not crash when the policy or endpoint type is unknown (preview)", () => {
        assert.deepEqual(checkPrivateDomainPolicy(privateDomain(UNKNOWN), {}), []);
        assert.deepEqual(checkPrivateDomainPolicy(res(T.domainV1, "x", { domainName: UNKNOWN, endpointConfiguration: { types: UNKNOWN }, policy: undefined }), {}), []);
        assert.deepEqual(privatePolicyProblems(JSON.stringify({ Statement: [null, 3, { Effect: "Allow", Principal: "*", Action: ["execute-api:*"], Condition: { StringEquals: { "aws:sourcevpce": ["vpce-1"] } } }] })), []);
    });
});
