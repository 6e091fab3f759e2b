// Shared shape of the corpus entries: raw @pulumi/aws programs, each with the public source it
// was written from, planned through the pack's real analyzer server by tests/policy/corpus.test.ts.

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface CorpusEntry {
    /** Short kebab-case name, used as the test title. */
    readonly name: string;
    /** Where the configuration comes from (AWS documentation, AWS blog, CDK or serverless-domain-manager). */
    readonly source: string;
    /** The program: plain @pulumi/aws resources, as a user would write them. */
    readonly program: () => unknown;
    /** Advisory rules that must speak up about it (it works, and could be better). */
    readonly advice?: readonly string[];
    /** Rules that must stay silent about it at any level (it is none of their business). */
    readonly silent?: readonly string[];
}

export interface BrokenEntry extends CorpusEntry {
    /** The mandatory rule the program must trip (and no other mandatory rule). */
    readonly rule: string;
    /** What the message must say: the property path and value at fault. */
    readonly message: RegExp;
}

/** A placeholder account in ARNs, as the AWS documentation writes them. */
export const ACCOUNT = "111122223333";

/** A REST API with one GET method and a deployment, enough to map a stage. */
export function restApi(name: string, extra: Partial<aws.apigateway.RestApiArgs> = {}) {
    const api = new aws.apigateway.RestApi(name, { name, endpointConfiguration: { types: "REGIONAL" }, ...extra });
    const method = new aws.apigateway.Method(`${name}-get`, { restApi: api.id, resourceId: api.rootResourceId, httpMethod: "GET", authorization: "NONE" });
    const integration = new aws.apigateway.Integration(`${name}-mock`, { restApi: api.id, resourceId: api.rootResourceId, httpMethod: method.httpMethod, type: "MOCK" });
    const deployment = new aws.apigateway.Deployment(`${name}-deployment`, { restApi: api.id }, { dependsOn: [integration] });
    const stage = new aws.apigateway.Stage(`${name}-prod`, { restApi: api.id, deployment: deployment.id, stageName: "prod" });
    return { api, stage };
}


/**
 * A multi-tenant CloudFront distribution (CloudFront SaaS Manager) with one API Gateway origin,
 * as the provider's schema spells it, and a connection group for its tenants.
 */
export function multiTenantDistribution(
    origin: pulumi.Input<string>,
    viewerCertificateArn: pulumi.Input<string>,
    options: { originRequestPolicyId: string; originProtocolPolicy?: string },
    opts: pulumi.CustomResourceOptions = {},
) {
    const distribution = new aws.cloudfront.MultitenantDistribution("saas", {
        enabled: true,
        comment: "customer domains in front of the API",
        origins: [{
            id: "api", domainName: origin,
            customOriginConfigs: [{ httpPort: 80, httpsPort: 443, originProtocolPolicy: options.originProtocolPolicy ?? "https-only", originSslProtocols: ["TLSv1.2"] }],
        }],
        defaultCacheBehavior: {
            targetOriginId: "api",
            viewerProtocolPolicy: "redirect-to-https",
            allowedMethods: { items: ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"], cachedMethods: ["GET", "HEAD"] },
            cachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
            originRequestPolicyId: options.originRequestPolicyId,
        },
        viewerCertificate: { acmCertificateArn: viewerCertificateArn, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" },
        restrictions: { geoRestriction: { restrictionType: "none" } },
        tenantConfig: {},
    }, opts);
    const group = new aws.cloudfront.ConnectionGroup("tenants", { enabled: true, ipv6Enabled: true });
    return { distribution, group };
}
