// Configurations AWS refuses or that certainly fail, written as raw @pulumi/aws programs. Each must
// trip its intended mandatory rule (and no other), with a message naming the property at fault.
// The failure each one shows is the one the source describes.

import * as aws from "@pulumi/aws";
import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import { ACCOUNT, BrokenEntry, multiTenantDistribution, restApi } from "./common";

const REGION = "eu-west-1";
const REGIONAL_CERT = `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/12345678-1234-1234-1234-123456789012`;
const EAST_CERT = `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/87654321-4321-4321-4321-210987654321`;

function regionalDomain(name = "api", extra: Partial<aws.apigateway.DomainNameArgs> = {}) {
    return new aws.apigateway.DomainName(name, { domainName: `${name}.example.com`, regionalCertificateArn: REGIONAL_CERT, endpointConfiguration: { types: "REGIONAL" }, securityPolicy: "TLS_1_2", ...extra });
}

function distributionTo(origin: pulumi.Input<string>, originProtocolPolicy: string, behavior: Partial<aws.types.input.cloudfront.DistributionDefaultCacheBehavior> = {}) {
    return new aws.cloudfront.Distribution("cdn", {
        enabled: true,
        aliases: ["api.example.com"],
        origins: [{ originId: "api", domainName: origin, customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy, originSslProtocols: ["TLSv1.2"] } }],
        defaultCacheBehavior: {
            targetOriginId: "api",
            viewerProtocolPolicy: "redirect-to-https",
            allowedMethods: ["GET", "HEAD"],
            cachedMethods: ["GET", "HEAD"],
            cachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
            originRequestPolicyId: "216adef6-5c7f-47e4-b989-5492eafa07d3",
            ...behavior,
        },
        viewerCertificate: { acmCertificateArn: EAST_CERT, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" },
        restrictions: { geoRestriction: { restrictionType: "none" } },
    });
}

export const BROKEN: BrokenEntry[] = [
    {
        name: "cname-to-the-default-endpoint",
        rule: "no-cname-to-execute-api",
        message: /route53\.Record "cname": records\[0\] is "[a-z0-9]{10}\.execute-api\.eu-west-1\.amazonaws\.com": a CNAME for api\.example\.com to the default endpoint of an API/,
        source: "API Gateway Developer Guide, \"Custom domain name for public REST APIs\" (the default endpoint serves AWS's *.execute-api certificate; a custom name needs a custom domain)",
        program: () => {
            const z = new aws.route53.Zone("zone", { name: "example.com" });
            const { api } = restApi("orders");
            new aws.route53.Record("cname", { zoneId: z.zoneId, name: "api.example.com", type: "CNAME", ttl: 300, records: [pulumi.interpolate`${api.id}.execute-api.${REGION}.amazonaws.com`] });
        },
    },
    {
        name: "cloudflare-dns-only-cname-to-the-default-endpoint",
        rule: "no-cname-to-execute-api",
        message: /cloudflare\.DnsRecord "cname": content is "[a-z0-9]{10}\.execute-api\.eu-west-1\.amazonaws\.com": a CNAME for api\.example\.com to the default endpoint of an API/,
        source:
            "API Gateway Developer Guide, \"Custom domain name for public REST APIs\" (the default endpoint serves AWS's *.execute-api certificate); " +
            "Cloudflare, \"Proxy status\" (a DNS-only record hands clients the target itself, so they meet that certificate)",
        program: () => {
            const { api } = restApi("orders");
            new cloudflare.DnsRecord("cname", { zoneId: "023e105f4ecef8ad9ca31a8372d0c353", name: "api.example.com", type: "CNAME", ttl: 1, proxied: false, content: pulumi.interpolate`${api.id}.execute-api.${REGION}.amazonaws.com` });
        },
    },
    {
        name: "edge-domain-with-a-regional-certificate",
        rule: "certificate-region",
        message: /apigateway\.DomainName "api": certificateArn is "arn:aws:acm:eu-west-1:[^"]+": api\.example\.com is edge-optimized/,
        source: "API Gateway Developer Guide, \"Get certificates ready in AWS Certificate Manager\" (edge-optimized custom domains need the certificate in us-east-1)",
        program: () => {
            const { api, stage } = restApi("orders");
            const domain = new aws.apigateway.DomainName("api", { domainName: "api.example.com", certificateArn: REGIONAL_CERT, securityPolicy: "TLS_1_2" });
            new aws.apigateway.BasePathMapping("mapping", { restApi: api.id, stageName: stage.stageName, domainName: domain.domainName });
        },
    },
    {
        name: "cloudfront-http-only-origin-to-api-gateway",
        rule: "cloudfront-origin-https",
        message: /cloudfront\.Distribution "cdn": origins\[0\]\.customOriginConfig\.originProtocolPolicy is "http-only"/,
        source: "API Gateway Developer Guide, \"Data protection in Amazon API Gateway\" (no unencrypted HTTP endpoints): CloudFront answers 502",
        program: () => {
            const { api, stage } = restApi("orders");
            const domain = regionalDomain();
            new aws.apigateway.BasePathMapping("mapping", { restApi: api.id, stageName: stage.stageName, domainName: domain.domainName });
            distributionTo(domain.regionalDomainName, "http-only");
        },
    },
    {
        name: "cloudfront-to-a-custom-domain-without-host",
        rule: "cloudfront-host-forwarding",
        message: /cloudfront\.Distribution "cdn": defaultCacheBehavior\.originRequestPolicyId not set: the default behavior sends requests to the API Gateway custom domain target d-[a-z0-9]+\.execute-api/,
        source: "AWS re:Post Knowledge Center, \"How do I set up API Gateway with my own CloudFront distribution?\" (a custom domain origin needs the Host header; without it API Gateway answers 403)",
        program: () => {
            const { api, stage } = restApi("orders");
            const domain = regionalDomain();
            new aws.apigateway.BasePathMapping("mapping", { restApi: api.id, stageName: stage.stageName, domainName: domain.domainName });
            distributionTo(domain.regionalDomainName, "https-only", { originRequestPolicyId: undefined });
        },
    },
    {
        name: "enhanced-policy-without-access-mode",
        rule: "api-gateway-security-policy",
        message: /apigateway\.DomainName "api": endpointAccessMode not set: is required with the enhanced security policy "SecurityPolicy_TLS13_1_2_2021_06"/,
        source: "API Gateway Developer Guide, \"Security policies for REST APIs in API Gateway\" (\"When you use an enhanced security policy, you must also set the endpoint access mode\")",
        program: () => {
            const { api, stage } = restApi("orders");
            const domain = regionalDomain("api", { securityPolicy: "SecurityPolicy_TLS13_1_2_2021_06" });
            new aws.apigateway.BasePathMapping("mapping", { restApi: api.id, stageName: stage.stageName, domainName: domain.domainName });
        },
    },
    {
        name: "websocket-and-http-apis-on-one-domain",
        rule: "websocket-domain-regional",
        message: /apigatewayv2\.ApiMapping "orders": apiId is "[a-z0-9]+": this maps apigatewayv2\.Api "orders" on api\.example\.com, which also maps the WebSocket API apigatewayv2\.Api "chat"/,
        source: "API Gateway Developer Guide, \"Custom domain names for WebSocket APIs in API Gateway\" (a WebSocket API cannot share a custom domain with REST or HTTP APIs)",
        program: () => {
            const domain = new aws.apigatewayv2.DomainName("api", { domainName: "api.example.com", domainNameConfiguration: { certificateArn: REGIONAL_CERT, endpointType: "REGIONAL", securityPolicy: "TLS_1_2" } });
            const chat = new aws.apigatewayv2.Api("chat", { protocolType: "WEBSOCKET", routeSelectionExpression: "$request.body.action" });
            const chatStage = new aws.apigatewayv2.Stage("chat", { apiId: chat.id, name: "prod" });
            const orders = new aws.apigatewayv2.Api("orders", { protocolType: "HTTP" });
            const ordersStage = new aws.apigatewayv2.Stage("orders", { apiId: orders.id, name: "$default", autoDeploy: true });
            new aws.apigatewayv2.ApiMapping("chat", { apiId: chat.id, domainName: domain.id, stage: chatStage.id, apiMappingKey: "chat" });
            new aws.apigatewayv2.ApiMapping("orders", { apiId: orders.id, domainName: domain.id, stage: ordersStage.id, apiMappingKey: "orders" });
        },
    },
    {
        name: "multi-level-key-through-base-path-mapping",
        rule: "mapping-key-rules",
        message: /apigateway\.BasePathMapping "mapping": basePath is "v1\/orders": it has several levels, and apigateway\.BasePathMapping only takes single-level paths/,
        source: "API Gateway API Reference, CreateBasePathMapping (a base path is a single path segment; multi-level keys go through CreateApiMapping)",
        program: () => {
            const { api, stage } = restApi("orders");
            const domain = regionalDomain();
            new aws.apigateway.BasePathMapping("mapping", { restApi: api.id, stageName: stage.stageName, domainName: domain.domainName, basePath: "v1/orders" });
        },
    },
    {
        name: "one-key-mapped-twice",
        rule: "mapping-key-rules",
        message: /apigatewayv2\.ApiMapping "second": apiMappingKey is "orders": apigatewayv2\.ApiMapping "first" already maps this key on api\.example\.com/,
        source: "API Gateway API Reference, CreateApiMapping (ConflictException: a key maps one API stage per domain)",
        program: () => {
            const domain = new aws.apigatewayv2.DomainName("api", { domainName: "api.example.com", domainNameConfiguration: { certificateArn: REGIONAL_CERT, endpointType: "REGIONAL", securityPolicy: "TLS_1_2" } });
            for (const name of ["first", "second"]) {
                const api = new aws.apigatewayv2.Api(name, { protocolType: "HTTP" });
                const stage = new aws.apigatewayv2.Stage(name, { apiId: api.id, name: "$default", autoDeploy: true });
                new aws.apigatewayv2.ApiMapping(name, { apiId: api.id, domainName: domain.id, stage: stage.id, apiMappingKey: "orders" });
            }
        },
    },
    {
        name: "private-domain-open-to-every-endpoint",
        rule: "private-domain-policy",
        message: /apigateway\.DomainName "internal": policy is .*: the private domain internal\.example\.com has a policy that allows execute-api:Invoke to principal "\*" with no condition on the source/,
        source: "API Gateway Developer Guide, \"Custom domain names for private APIs in API Gateway\" (the domain policy decides which VPC endpoints may invoke it; an unconditioned \"*\" admits every associated endpoint)",
        program: () => {
            const domain = new aws.apigateway.DomainName("internal", {
                domainName: "internal.example.com",
                certificateArn: REGIONAL_CERT,
                endpointConfiguration: { types: "PRIVATE" },
                policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: ["execute-api:/*"] }] }),
            });
            const api = new aws.apigateway.RestApi("internal", { endpointConfiguration: { types: "PRIVATE" } });
            new aws.apigateway.BasePathMapping("mapping", { restApi: api.id, stageName: "prod", domainName: domain.domainName, domainNameId: domain.domainNameId });
        },
    },
    {
        name: "multi-tenant-distribution-forwarding-tenant-host",
        rule: "cloudfront-host-forwarding",
        message: /cloudfront\.MultitenantDistribution "saas": defaultCacheBehavior\.originRequestPolicyId is "216adef6-5c7f-47e4-b989-5492eafa07d3": the default behavior forwards the viewer's Host to apigateway\.DomainName "origin" \(origin\.example\.com\), but viewers arrive on tenant domains \(api\.customer-b\.com\)/,
        source:
            "API Gateway Developer Guide, \"Set up a Regional custom domain name\" (a custom domain serves requests whose Host is its name) and " +
            "CloudFront Developer Guide, \"Use managed origin request policies\" (AllViewer passes the viewer's Host, here a tenant's domain)",
        program: () => {
            const { api, stage } = restApi("orders");
            const domain = regionalDomain("origin");
            new aws.apigateway.BasePathMapping("mapping", { restApi: api.id, stageName: stage.stageName, domainName: domain.domainName });
            const { distribution, group } = multiTenantDistribution(domain.domainName, EAST_CERT, { originRequestPolicyId: "216adef6-5c7f-47e4-b989-5492eafa07d3" });
            new aws.cloudfront.DistributionTenant("customer-b", {
                distributionId: distribution.id, connectionGroupId: group.id, name: "api.customer-b.com", domains: [{ domain: "api.customer-b.com" }],
                managedCertificateRequest: { primaryDomainName: "api.customer-b.com", validationTokenHost: "cloudfront" },
            });
        },
    },
    {
        name: "multi-tenant-distribution-forwarding-tenant-host-with-viewer-request-function",
        rule: "cloudfront-host-forwarding",
        message: /cloudfront\.MultitenantDistribution "saas": defaultCacheBehavior\.originRequestPolicyId is "216adef6-5c7f-47e4-b989-5492eafa07d3": the default behavior forwards the viewer's Host to apigateway\.DomainName "origin" \(origin\.example\.com\), but viewers arrive on tenant domains \(api\.customer-b\.com\)/,
        source:
            "CloudFront Developer Guide, \"Restrictions on all edge functions\" (Host is read-only in viewer request events: a function that only reads it cannot save the request) " +
            "and \"Use managed origin request policies\" (AllViewer passes the viewer's Host)",
        program: () => {
            const { api, stage } = restApi("orders");
            const domain = regionalDomain("origin");
            new aws.apigateway.BasePathMapping("mapping", { restApi: api.id, stageName: stage.stageName, domainName: domain.domainName });
            const fn = new aws.cloudfront.Function("tenant-host", {
                runtime: "cloudfront-js-2.0", publish: true,
                code: "function handler(event) {\n  var r = event.request;\n  r.headers['x-tenant-domain'] = { value: r.headers.host.value };\n  return r;\n}\n",
            });
            const group = new aws.cloudfront.ConnectionGroup("tenants", { enabled: true, ipv6Enabled: true });
            const distribution = new aws.cloudfront.MultitenantDistribution("saas", {
                enabled: true,
                comment: "customer domains in front of the API",
                origins: [{ id: "api", domainName: domain.domainName, customOriginConfigs: [{ httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] }] }],
                defaultCacheBehavior: {
                    targetOriginId: "api", viewerProtocolPolicy: "redirect-to-https",
                    allowedMethods: { items: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] },
                    cachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", originRequestPolicyId: "216adef6-5c7f-47e4-b989-5492eafa07d3",
                    functionAssociations: [{ eventType: "viewer-request", functionArn: fn.arn }],
                },
                viewerCertificate: { acmCertificateArn: EAST_CERT, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" },
                restrictions: { geoRestriction: { restrictionType: "none" } },
                tenantConfig: {},
            });
            new aws.cloudfront.DistributionTenant("customer-b", {
                distributionId: distribution.id, connectionGroupId: group.id, name: "api.customer-b.com", domains: [{ domain: "api.customer-b.com" }],
                managedCertificateRequest: { primaryDomainName: "api.customer-b.com", validationTokenHost: "cloudfront" },
            });
        },
    },
    {
        name: "multi-tenant-distribution-http-only-origin",
        rule: "cloudfront-origin-https",
        message: /cloudfront\.MultitenantDistribution "saas": origins\[0\]\.customOriginConfigs\[0\]\.originProtocolPolicy is "http-only": origin "api" .*API Gateway serves HTTPS only/,
        source: "API Gateway Developer Guide, \"Data protection in Amazon API Gateway\" (HTTPS endpoints only); CloudFront Developer Guide, \"Origin settings\", Protocol",
        program: () => {
            const domain = regionalDomain("origin");
            multiTenantDistribution(domain.domainName, EAST_CERT, { originRequestPolicyId: "b689b0a8-53d0-40ab-baf2-68738e2966ac", originProtocolPolicy: "http-only" });
        },
    },
    {
        name: "distribution-tenant-certificate-outside-us-east-1",
        rule: "certificate-region",
        message: /cloudfront\.DistributionTenant "customer-b": customizations\.certificate\.arn is "arn:aws:acm:eu-west-1:[^"]+": CloudFront only uses ACM certificates from us-east-1/,
        source: "CloudFront Developer Guide, \"Request certificates for your CloudFront distribution tenant\" (\"The certificate must exist in the US East (N. Virginia) Region\")",
        program: () => {
            const domain = regionalDomain("origin");
            const { distribution } = multiTenantDistribution(domain.domainName, EAST_CERT, { originRequestPolicyId: "b689b0a8-53d0-40ab-baf2-68738e2966ac" });
            new aws.cloudfront.DistributionTenant("customer-b", {
                distributionId: distribution.id, name: "api.customer-b.com", domains: [{ domain: "api.customer-b.com" }],
                customizations: { certificate: { arn: REGIONAL_CERT } },
            });
        },
    },
];
