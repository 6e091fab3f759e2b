/**
 * What a started copy of the policy pack must do, wherever it came from (the installed package's
 * `bin/policy`, or `policy/` as `pulumi policy publish` uploads it): name itself as this package
 * at its version, and reject an edge-optimized domain whose certificate is not in us-east-1.
 */
import * as assert from "assert";
import { PolicyPackHandle, startPolicyPack } from "../../offline/analyzer";

export async function checkShippedPack(dir: string, version: string, options: { startTimeoutMs?: number } = {}): Promise<void> {
    let handle: PolicyPackHandle | undefined;
    try {
        handle = await startPolicyPack(dir, { runner: "cli", ...options, stackConfig: { "aws:region": "eu-west-1" } });
        const info = await handle.info();
        assert.strictEqual(info.name, "apigw-domains");
        assert.strictEqual(info.version, version);
        const urn = "urn:pulumi:dev::consumer::aws:apigateway/domainName:DomainName::api";
        const violations = await handle.analyze([{
            urn,
            type: "aws:apigateway/domainName:DomainName",
            name: "api",
            properties: {
                domainName: "api.example.com",
                certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/abc",
                endpointConfiguration: { types: "EDGE" },
            },
        }]);
        assert.deepStrictEqual(violations.filter((v) => v.policy === "certificate-region").map((v) => [v.urn, v.enforcementLevel]),
            [[urn, "mandatory"]], `expected one mandatory certificate-region violation, got ${JSON.stringify(violations)}`);
    } finally {
        await handle?.close();
    }
}
