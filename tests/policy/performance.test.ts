// Platform teams run stacks with thousands of domains: every rule must stay linear in the stack size.

import { strict as assert } from "assert";
import { checkAlbHealthChecks } from "../../policy/rules/alb-health-check-accepts-403";
import { checkCertificateRegions } from "../../policy/rules/certificate-region";
import { checkCloudFrontHostForwarding } from "../../policy/rules/cloudfront-host-forwarding";
import { checkCloudFrontOrigins, readOriginHttpsSettings } from "../../policy/rules/cloudfront-origin-https";
import { checkExecuteApiEndpointDisabled } from "../../policy/rules/execute-api-endpoint-disabled";
import { checkMappingKeys } from "../../policy/rules/mapping-key-rules";
import { checkMinimumTls, checkMinimumTlsInFront, readMinimumTlsSettings } from "../../policy/rules/minimum-tls";
import { checkCnameRecords } from "../../policy/rules/no-cname-to-execute-api";
import { checkSecurityPolicies } from "../../policy/rules/api-gateway-security-policy";
import { checkPrivateDomainPolicy } from "../../policy/rules/private-domain-policy";
import { checkWebSocketDomains } from "../../policy/rules/websocket-domain-regional";
import { StackResource, T } from "../../policy/lib/resources";
import { MANAGED_ORIGIN_REQUEST_POLICIES } from "../../aws/cloudfront";
import { UNKNOWN, res } from "./helpers";

/** A preview of `count` regional domains, each with certificate, validation, two mappings, DNS and a distribution per 10 domains. */
function bigStack(count: number): StackResource[] {
    const resources: StackResource[] = [];
    const api = res(T.restApi, "shared-api", { name: "shared", disableExecuteApiEndpoint: true });
    const http = res(T.apiV2, "shared-http", { name: "shared-http", protocolType: "HTTP", disableExecuteApiEndpoint: true });
    resources.push(api, http);
    for (let i = 0; i < count; i++) {
        const name = `svc${i}.example.com`;
        const cert = res(T.certificate, `cert-${i}`, { domainName: name, arn: UNKNOWN }, { providerRegion: "eu-west-1" });
        const validation = res(T.certificateValidation, `validation-${i}`, { certificateArn: UNKNOWN }, { deps: { certificateArn: [cert] } });
        const domain = res(T.domainV1, `domain-${i}`, { domainName: name, regionalCertificateArn: UNKNOWN, endpointConfiguration: { types: "REGIONAL" }, securityPolicy: "TLS_1_2", regionalDomainName: UNKNOWN }, { providerRegion: "eu-west-1", deps: { regionalCertificateArn: [validation] } });
        const v1 = res(T.basePathMapping, `rest-${i}`, { domainName: name, restApi: UNKNOWN, basePath: "shop" }, { providerRegion: "eu-west-1", deps: { domainName: [domain], restApi: [api] } });
        const v2 = res(T.apiMapping, `http-${i}`, { domainName: name, apiId: UNKNOWN, apiMappingKey: "v1/orders", stage: "$default" }, { providerRegion: "eu-west-1", deps: { domainName: [domain], apiId: [http] } });
        const record = res(T.record, `dns-${i}`, { name, type: "A", zoneId: "Z1", aliases: [{ name: UNKNOWN, zoneId: UNKNOWN, evaluateTargetHealth: false }] }, { deps: { aliases: [domain] } });
        resources.push(cert, validation, domain, v1, v2, record);
        if (i % 10 === 0) {
            resources.push(
                res(T.distribution, `cdn-${i}`, {
                    aliases: [name],
                    origins: [{ originId: "api", domainName: UNKNOWN, customOriginConfig: { originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] } }],
                    defaultCacheBehavior: { targetOriginId: "api", viewerProtocolPolicy: "https-only", originRequestPolicyId: MANAGED_ORIGIN_REQUEST_POLICIES.allViewer },
                    viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:1:certificate/x", sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" },
                }, { deps: { origins: [domain] } }),
            );
        }
    }
    return resources;
}

describe("policy performance", () => {
    it("checks a stack of 3000 domains (over 18000 resources) with every rule in well under two seconds", () => {
        const resources = bigStack(3000);
        const started = Date.now();
        const findings = [
            ...checkCertificateRegions(resources, { defaultRegion: "eu-west-1" }),
            ...checkCloudFrontOrigins(resources, {}, readOriginHttpsSettings({})),
            ...checkCloudFrontHostForwarding(resources, {}),
            ...checkCnameRecords(resources, {}),
            ...checkSecurityPolicies(resources, {}),
            ...checkMinimumTlsInFront(resources, {}, readMinimumTlsSettings({})),
            ...checkWebSocketDomains(resources, {}),
            ...checkMappingKeys(resources, {}),
            ...checkAlbHealthChecks(resources),
            ...checkExecuteApiEndpointDisabled(resources, {}),
            ...resources.flatMap((r) => [...checkMinimumTls(r, {}, readMinimumTlsSettings({})), ...checkPrivateDomainPolicy(r, {})]),
        ];
        const elapsed = Date.now() - started;
        assert.deepEqual(findings, []);
        assert.ok(elapsed < 2000, `took ${elapsed} ms`);
    });
});
