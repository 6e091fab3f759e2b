// Configurations AWS documents as working (or that AWS's own tools, CDK and serverless-domain-manager,
// generate), written as raw @pulumi/aws programs. The pack must plan every one of them with no
// mandatory violation, in the update view and in a preview. None is built from this package's
// components.

import * as aws from "@pulumi/aws";
import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import { ACCOUNT, CorpusEntry, multiTenantDistribution, restApi } from "./common";

const REGION = "eu-west-1";

/** An ACM certificate with DNS validation in the given zone, in the given region. */
function certificate(name: string, domainName: string, zone: aws.route53.Zone, region?: string) {
    const cert = new aws.acm.Certificate(name, { domainName, validationMethod: "DNS", region });
    const record = new aws.route53.Record(`${name}-validation`, {
        zoneId: zone.zoneId,
        name: cert.domainValidationOptions[0].resourceRecordName,
        type: cert.domainValidationOptions[0].resourceRecordType,
        records: [cert.domainValidationOptions[0].resourceRecordValue],
        ttl: 300,
    });
    return new aws.acm.CertificateValidation(`${name}-validated`, { certificateArn: cert.arn, validationRecordFqdns: [record.fqdn], region });
}

function zone(name = "example.com") {
    return new aws.route53.Zone("zone", { name });
}

export const VALID: CorpusEntry[] = [
    {
        name: "regional-domain-cname-to-its-target",
        advice: ["prefer-alias-to-api-gateway"],
        source:
            "API Gateway Developer Guide, \"Set up a Regional custom domain name in API Gateway\": \"The DNS record can be the CNAME or an A Alias " +
            "record ... If you use a third-party DNS provider, use a CNAME record.\" (here a CNAME to regionalDomainName, in Route 53 too)",
        program: () => {
            const z = zone();
            const { api, stage } = restApi("orders");
            const cert = certificate("cert", "api.example.com", z);
            const domain = new aws.apigateway.DomainName("api", { domainName: "api.example.com", regionalCertificateArn: cert.certificateArn, endpointConfiguration: { types: "REGIONAL" }, securityPolicy: "TLS_1_2" });
            new aws.apigateway.BasePathMapping("mapping", { restApi: api.id, stageName: stage.stageName, domainName: domain.domainName });
            new aws.route53.Record("cname", { zoneId: z.zoneId, name: "api.example.com", type: "CNAME", ttl: 300, records: [domain.regionalDomainName] });
        },
    },
    {
        name: "cloudflare-cname-to-a-regional-domain-target",
        silent: ["no-cname-to-execute-api", "prefer-alias-to-api-gateway"],
        source:
            "API Gateway Developer Guide, \"Set up a Regional custom domain name in API Gateway\": \"If you use a third-party DNS provider, use a CNAME record\" " +
            "to the domain's regional name (here in Cloudflare, DNS-only, with the certificate's validation CNAME there too)",
        program: () => {
            const { api, stage } = restApi("orders");
            const cert = new aws.acm.Certificate("cert", { domainName: "api.example.com", validationMethod: "DNS" });
            const option = cert.domainValidationOptions[0];
            const validation = new cloudflare.DnsRecord("cert-validation", {
                zoneId: "023e105f4ecef8ad9ca31a8372d0c353",
                name: option.resourceRecordName,
                type: option.resourceRecordType,
                content: option.resourceRecordValue,
                ttl: 1,
                proxied: false,
            });
            const issued = new aws.acm.CertificateValidation("cert", { certificateArn: cert.arn, validationRecordFqdns: [validation.name] });
            const domain = new aws.apigateway.DomainName("api", { domainName: "api.example.com", regionalCertificateArn: issued.certificateArn, endpointConfiguration: { types: "REGIONAL" }, securityPolicy: "TLS_1_2" });
            new aws.apigateway.BasePathMapping("mapping", { restApi: api.id, stageName: stage.stageName, domainName: domain.domainName });
            new cloudflare.DnsRecord("cname", { zoneId: "023e105f4ecef8ad9ca31a8372d0c353", name: "api.example.com", type: "CNAME", ttl: 1, proxied: false, content: domain.regionalDomainName });
        },
    },
    {
        name: "edge-domain-cname-to-its-cloudfront-name",
        advice: ["prefer-alias-to-api-gateway"],
        source:
            "API Gateway Developer Guide, \"Set up an edge-optimized custom domain name in API Gateway\" (the certificate in us-east-1; " +
            "the DNS record for the custom domain is a CNAME or an alias to the distribution domain name)",
        program: () => {
            const z = zone();
            const { api, stage } = restApi("orders", { endpointConfiguration: { types: "EDGE" } });
            const cert = certificate("cert", "api.example.com", z, "us-east-1");
            const domain = new aws.apigateway.DomainName("api", { domainName: "api.example.com", certificateArn: cert.certificateArn, securityPolicy: "TLS_1_2" });
            new aws.apigateway.BasePathMapping("mapping", { restApi: api.id, stageName: stage.stageName, domainName: domain.domainName, basePath: "orders" });
            new aws.route53.Record("cname", { zoneId: z.zoneId, name: "api.example.com", type: "CNAME", ttl: 300, records: [domain.cloudfrontDomainName] });
        },
    },
    {
        name: "cdk-edge-domain-with-alias-record",
        source:
            "AWS CDK, aws-apigateway DomainName (endpointType EDGE by default, certificate in us-east-1, BasePathMapping) with " +
            "aws-route53-targets ApiGatewayDomain (an alias A record to domainNameAliasDomainName / domainNameAliasHostedZoneId)",
        program: () => {
            const z = zone();
            const { api, stage } = restApi("shop", { endpointConfiguration: { types: "EDGE" } });
            const east = new aws.Provider("us-east-1", { region: "us-east-1" });
            const cert = new aws.acm.Certificate("cert", { domainName: "shop.example.com", validationMethod: "DNS" }, { provider: east });
            const domain = new aws.apigateway.DomainName("shop", { domainName: "shop.example.com", certificateArn: cert.arn, endpointConfiguration: { types: "EDGE" }, securityPolicy: "TLS_1_2" });
            new aws.apigateway.BasePathMapping("mapping", { restApi: api.id, stageName: stage.stageName, domainName: domain.domainName });
            new aws.route53.Record("alias", { zoneId: z.zoneId, name: "shop.example.com", type: "A", aliases: [{ name: domain.cloudfrontDomainName, zoneId: domain.cloudfrontZoneId, evaluateTargetHealth: false }] });
        },
    },
    {
        name: "serverless-domain-manager-http-api-multi-level",
        source:
            "serverless-domain-manager (apiType http, endpointType regional, securityPolicy tls_1_2, basePath) and API Gateway Developer " +
            "Guide, \"Use API mappings to connect API stages to a custom domain name for REST APIs\" (multi-level API mappings on Regional domains)",
        program: () => {
            const z = zone();
            const api = new aws.apigatewayv2.Api("orders", { protocolType: "HTTP" });
            const stage = new aws.apigatewayv2.Stage("default", { apiId: api.id, name: "$default", autoDeploy: true });
            const cert = certificate("cert", "api.example.com", z);
            const domain = new aws.apigatewayv2.DomainName("api", { domainName: "api.example.com", domainNameConfiguration: { certificateArn: cert.certificateArn, endpointType: "REGIONAL", securityPolicy: "TLS_1_2" } });
            new aws.apigatewayv2.ApiMapping("v1-orders", { apiId: api.id, domainName: domain.id, stage: stage.id, apiMappingKey: "v1/orders" });
            new aws.route53.Record("alias", {
                zoneId: z.zoneId,
                name: "api.example.com",
                type: "A",
                aliases: [{ name: domain.domainNameConfiguration.targetDomainName, zoneId: domain.domainNameConfiguration.hostedZoneId, evaluateTargetHealth: false }],
            });
        },
    },
    {
        name: "websocket-api-on-its-own-regional-domain",
        source: "API Gateway Developer Guide, \"Custom domain names for WebSocket APIs in API Gateway\" (Regional, TLS 1.2, a domain of its own)",
        program: () => {
            const z = zone();
            const api = new aws.apigatewayv2.Api("chat", { protocolType: "WEBSOCKET", routeSelectionExpression: "$request.body.action" });
            const stage = new aws.apigatewayv2.Stage("prod", { apiId: api.id, name: "prod" });
            const cert = certificate("cert", "ws.example.com", z);
            const domain = new aws.apigatewayv2.DomainName("ws", { domainName: "ws.example.com", domainNameConfiguration: { certificateArn: cert.certificateArn, endpointType: "REGIONAL", securityPolicy: "TLS_1_2" } });
            new aws.apigatewayv2.ApiMapping("chat", { apiId: api.id, domainName: domain.id, stage: stage.id });
            new aws.route53.Record("alias", {
                zoneId: z.zoneId,
                name: "ws.example.com",
                type: "A",
                aliases: [{ name: domain.domainNameConfiguration.targetDomainName, zoneId: domain.domainNameConfiguration.hostedZoneId, evaluateTargetHealth: false }],
            });
        },
    },
    {
        name: "rest-domain-with-enhanced-security-policy",
        source:
            "API Gateway Developer Guide, \"Security policies for REST APIs in API Gateway\" (an enhanced SecurityPolicy_TLS13_1_3_2025_09 " +
            "on a Regional custom domain with endpoint access mode STRICT)",
        program: () => {
            const z = zone();
            const { api, stage } = restApi("orders");
            const cert = certificate("cert", "api.example.com", z);
            const domain = new aws.apigateway.DomainName("api", {
                domainName: "api.example.com",
                regionalCertificateArn: cert.certificateArn,
                endpointConfiguration: { types: "REGIONAL" },
                securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09",
                endpointAccessMode: "STRICT",
            });
            new aws.apigateway.BasePathMapping("mapping", { restApi: api.id, stageName: stage.stageName, domainName: domain.domainName });
        },
    },
    {
        name: "regional-domain-with-mutual-tls",
        source: "API Gateway Developer Guide, \"Mutual TLS authentication for REST APIs\" (Regional custom domain, TLS_1_2, truststore in S3)",
        program: () => {
            const z = zone();
            const { api, stage } = restApi("partners");
            const cert = certificate("cert", "partners.example.com", z);
            const domain = new aws.apigateway.DomainName("partners", {
                domainName: "partners.example.com",
                regionalCertificateArn: cert.certificateArn,
                endpointConfiguration: { types: "REGIONAL" },
                securityPolicy: "TLS_1_2",
                mutualTlsAuthentication: { truststoreUri: "s3://example-truststore/truststore.pem" },
            });
            new aws.apigateway.BasePathMapping("mapping", { restApi: api.id, stageName: stage.stageName, domainName: domain.domainName });
        },
    },
    {
        name: "cloudfront-wildcard-alias-in-front-of-regional-domain",
        silent: ["cloudfront-host-forwarding"],
        source:
            "AWS re:Post Knowledge Center, \"How do I set up API Gateway with my own CloudFront distribution?\" (origin = the custom domain's " +
            "regional name, HTTPS only, Host forwarded by the AllViewer policy) and CloudFront Developer Guide, \"Use custom URLs by adding " +
            "alternate domain names (CNAMEs)\" (a wildcard alternate domain name such as *.example.com)",
        program: () => {
            const z = zone();
            const { api, stage } = restApi("orders");
            const regionalCert = certificate("cert", "api.example.com", z);
            const edgeCert = new aws.acm.Certificate("cdn-cert", { domainName: "*.example.com", validationMethod: "DNS", region: "us-east-1" });
            const domain = new aws.apigateway.DomainName("api", { domainName: "api.example.com", regionalCertificateArn: regionalCert.certificateArn, endpointConfiguration: { types: "REGIONAL" }, securityPolicy: "TLS_1_2" });
            new aws.apigateway.BasePathMapping("mapping", { restApi: api.id, stageName: stage.stageName, domainName: domain.domainName });
            const cdn = new aws.cloudfront.Distribution("cdn", {
                enabled: true,
                aliases: ["*.example.com"],
                origins: [{ originId: "api", domainName: domain.regionalDomainName, customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] } }],
                defaultCacheBehavior: {
                    targetOriginId: "api",
                    viewerProtocolPolicy: "redirect-to-https",
                    allowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"],
                    cachedMethods: ["GET", "HEAD"],
                    cachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                    originRequestPolicyId: "216adef6-5c7f-47e4-b989-5492eafa07d3",
                },
                viewerCertificate: { acmCertificateArn: edgeCert.arn, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" },
                restrictions: { geoRestriction: { restrictionType: "none" } },
            });
            new aws.route53.Record("alias", { zoneId: z.zoneId, name: "api.example.com", type: "A", aliases: [{ name: cdn.domainName, zoneId: cdn.hostedZoneId, evaluateTargetHealth: false }] });
        },
    },
    {
        name: "cloudfront-origin-with-several-tls-versions-and-match-viewer",
        advice: ["cloudfront-origin-hardening"],
        source:
            "Terraform/Pulumi aws_cloudfront_distribution custom origin example (originSslProtocols [\"TLSv1\", \"TLSv1.1\", \"TLSv1.2\"], " +
            "originProtocolPolicy match-viewer) behind viewers held to HTTPS (CloudFront Developer Guide, \"Origin settings\": match viewer " +
            "uses the viewer's protocol)",
        program: () => {
            const { api, stage } = restApi("orders");
            const domain = new aws.apigateway.DomainName("api", { domainName: "api.example.com", regionalCertificateArn: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/12345678-1234-1234-1234-123456789012`, endpointConfiguration: { types: "REGIONAL" } });
            new aws.apigateway.BasePathMapping("mapping", { restApi: api.id, stageName: stage.stageName, domainName: domain.domainName });
            new aws.cloudfront.Distribution("cdn", {
                enabled: true,
                aliases: ["api.example.com"],
                origins: [{ originId: "api", domainName: domain.regionalDomainName, customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "match-viewer", originSslProtocols: ["TLSv1", "TLSv1.1", "TLSv1.2"] } }],
                defaultCacheBehavior: {
                    targetOriginId: "api",
                    viewerProtocolPolicy: "https-only",
                    allowedMethods: ["GET", "HEAD"],
                    cachedMethods: ["GET", "HEAD"],
                    forwardedValues: { queryString: true, headers: ["Host", "Authorization"], cookies: { forward: "none" } },
                },
                viewerCertificate: { acmCertificateArn: `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/87654321-4321-4321-4321-210987654321`, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" },
                restrictions: { geoRestriction: { restrictionType: "none" } },
            });
        },
    },
    {
        name: "cloudfront-in-front-of-the-default-endpoint",
        source:
            "AWS re:Post Knowledge Center, \"How do I set up API Gateway with my own CloudFront distribution?\" (origin = the API's " +
            "execute-api name with the stage as origin path; the managed AllViewerExceptHostHeader origin request policy, because the default endpoint rejects another Host)",
        program: () => {
            const { api, stage } = restApi("orders");
            new aws.cloudfront.Distribution("cdn", {
                enabled: true,
                origins: [{ originId: "api", domainName: pulumi.interpolate`${api.id}.execute-api.${REGION}.amazonaws.com`, originPath: pulumi.interpolate`/${stage.stageName}`, customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] } }],
                defaultCacheBehavior: {
                    targetOriginId: "api",
                    viewerProtocolPolicy: "redirect-to-https",
                    allowedMethods: ["GET", "HEAD"],
                    cachedMethods: ["GET", "HEAD"],
                    cachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                    originRequestPolicyId: "b689b0a8-53d0-40ab-baf2-68738e2966ac",
                },
                viewerCertificate: { cloudfrontDefaultCertificate: true },
                restrictions: { geoRestriction: { restrictionType: "none" } },
            });
        },
    },
    {
        name: "static-site-on-tlsv1-next-to-an-api",
        silent: ["minimum-tls", "cloudfront-origin-https", "cloudfront-origin-hardening", "cloudfront-host-forwarding"],
        source:
            "CloudFront Developer Guide, \"Supported protocols and ciphers between viewers and CloudFront\" (TLSv1 security policy kept for " +
            "old clients, served with an S3 origin) next to a Regional API custom domain with an alias record",
        program: () => {
            const z = zone();
            const { api, stage } = restApi("orders");
            const domain = new aws.apigateway.DomainName("api", { domainName: "api.example.com", regionalCertificateArn: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/12345678-1234-1234-1234-123456789012`, endpointConfiguration: { types: "REGIONAL" } });
            new aws.apigateway.BasePathMapping("mapping", { restApi: api.id, stageName: stage.stageName, domainName: domain.domainName });
            new aws.route53.Record("api", { zoneId: z.zoneId, name: "api.example.com", type: "A", aliases: [{ name: domain.regionalDomainName, zoneId: domain.regionalZoneId, evaluateTargetHealth: false }] });
            const bucket = new aws.s3.Bucket("site", { bucket: "www-example-com-site" });
            new aws.cloudfront.Distribution("site", {
                enabled: true,
                aliases: ["www.example.com"],
                origins: [{ originId: "s3", domainName: bucket.bucketRegionalDomainName }],
                defaultCacheBehavior: { targetOriginId: "s3", viewerProtocolPolicy: "allow-all", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"], cachePolicyId: "658327ea-f89d-4fab-a63d-7e88639e58f6" },
                viewerCertificate: { acmCertificateArn: `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/87654321-4321-4321-4321-210987654321`, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1" },
                restrictions: { geoRestriction: { restrictionType: "none" } },
            });
        },
    },
    {
        name: "private-domain-scoped-by-source-vpc",
        silent: ["private-domain-policy"],
        source:
            "API Gateway Developer Guide, \"Custom domain names for private APIs in API Gateway\" (private custom domain, base path mapping " +
            "by domainNameId, domain name access association) with a policy from \"API Gateway resource policy examples\" (Allow for \"*\", " +
            "Deny when aws:SourceVpc is not the VPC)",
        program: () => {
            const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true, enableDnsSupport: true });
            const subnet = new aws.ec2.Subnet("a", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", availabilityZone: `${REGION}a` });
            const endpoint = new aws.ec2.VpcEndpoint("execute-api", { vpcId: vpc.id, serviceName: `com.amazonaws.${REGION}.execute-api`, vpcEndpointType: "Interface", privateDnsEnabled: true, subnetIds: [subnet.id] });
            const { api, stage } = restApi("internal", {
                endpointConfiguration: { types: "PRIVATE", vpcEndpointIds: [endpoint.id] },
                policy: endpoint.id.apply((id) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*", Condition: { StringEquals: { "aws:SourceVpce": id } } }] })),
            });
            const domain = new aws.apigateway.DomainName("internal", {
                domainName: "internal.example.com",
                certificateArn: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/12345678-1234-1234-1234-123456789012`,
                endpointConfiguration: { types: "PRIVATE" },
                securityPolicy: "TLS_1_2",
                policy: vpc.id.apply((id) =>
                    JSON.stringify({
                        Version: "2012-10-17",
                        Statement: [
                            { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: ["execute-api:/*"] },
                            { Effect: "Deny", Principal: "*", Action: "execute-api:Invoke", Resource: ["execute-api:/*"], Condition: { StringNotEquals: { "aws:SourceVpc": id } } },
                        ],
                    }),
                ),
            });
            new aws.apigateway.BasePathMapping("mapping", { restApi: api.id, stageName: stage.stageName, domainName: domain.domainName, domainNameId: domain.domainNameId });
            new aws.apigateway.DomainNameAccessAssociation("association", { accessAssociationSource: endpoint.id, accessAssociationSourceType: "VPCE", domainNameArn: domain.arn });
        },
    },
    {
        name: "two-private-domains-with-one-name",
        silent: ["mapping-key-rules"],
        source:
            "API Gateway Developer Guide, \"Custom domain names for private APIs in API Gateway\" (a private custom domain is identified by " +
            "its domainNameId; mappings and access associations address it by id or ARN), e.g. a blue and a green domain of one name",
        program: () => {
            const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true, enableDnsSupport: true });
            const endpoint = new aws.ec2.VpcEndpoint("execute-api", { vpcId: vpc.id, serviceName: `com.amazonaws.${REGION}.execute-api`, vpcEndpointType: "Interface", privateDnsEnabled: true });
            for (const color of ["blue", "green"]) {
                const { api, stage } = restApi(`internal-${color}`, { endpointConfiguration: { types: "PRIVATE", vpcEndpointIds: [endpoint.id] } });
                const domain = new aws.apigateway.DomainName(`internal-${color}`, {
                    domainName: "internal.example.com",
                    certificateArn: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/12345678-1234-1234-1234-123456789012`,
                    endpointConfiguration: { types: "PRIVATE" },
                    policy: endpoint.id.apply((id) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: ["execute-api:/*"], Condition: { StringEquals: { "aws:SourceVpce": id } } }] })),
                });
                new aws.apigateway.BasePathMapping(`orders-${color}`, { restApi: api.id, stageName: stage.stageName, domainName: domain.domainName, domainNameId: domain.domainNameId, basePath: "orders" });
            }
        },
    },
    {
        name: "private-zone-weighted-cname-to-vpc-endpoint",
        silent: ["no-cname-to-execute-api", "prefer-alias-to-api-gateway"],
        source:
            "API Gateway Developer Guide, \"Invoke a private API\" (the VPC endpoint's DNS names reach private APIs) with Route 53 " +
            "Developer Guide, \"Weighted routing\" (two weighted CNAME records in a private hosted zone)",
        program: () => {
            const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true, enableDnsSupport: true });
            const endpoint = new aws.ec2.VpcEndpoint("execute-api", { vpcId: vpc.id, serviceName: `com.amazonaws.${REGION}.execute-api`, vpcEndpointType: "Interface" });
            const z = new aws.route53.Zone("private", { name: "internal.example.com", vpcs: [{ vpcId: vpc.id }] });
            for (const [id, weight] of [["a", 90], ["b", 10]] as const) {
                new aws.route53.Record(`api-${id}`, {
                    zoneId: z.zoneId,
                    name: "api.internal.example.com",
                    type: "CNAME",
                    ttl: 60,
                    setIdentifier: id,
                    weightedRoutingPolicies: [{ weight }],
                    records: [endpoint.dnsEntries[0].dnsName],
                });
            }
        },
    },
    {
        name: "internal-alb-in-front-of-a-private-api",
        source:
            "AWS re:Post Knowledge Center, \"How do I use an Application Load Balancer to access a private API in API Gateway?\" (IP target " +
            "group on the execute-api endpoint's addresses, HTTPS 443, success codes 200,403; HTTPS listener with a TLS 1.2+ policy)",
        program: () => {
            const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true, enableDnsSupport: true });
            const a = new aws.ec2.Subnet("a", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", availabilityZone: `${REGION}a` });
            const b = new aws.ec2.Subnet("b", { vpcId: vpc.id, cidrBlock: "10.0.2.0/24", availabilityZone: `${REGION}b` });
            const endpoint = new aws.ec2.VpcEndpoint("execute-api", { vpcId: vpc.id, serviceName: `com.amazonaws.${REGION}.execute-api`, vpcEndpointType: "Interface", privateDnsEnabled: true, subnetIds: [a.id, b.id] });
            const alb = new aws.lb.LoadBalancer("internal", { internal: true, loadBalancerType: "application", subnets: [a.id, b.id] });
            const group = new aws.lb.TargetGroup("api", { targetType: "ip", protocol: "HTTPS", port: 443, vpcId: vpc.id, healthCheck: { protocol: "HTTPS", path: "/", matcher: "200,403" } });
            const eni = aws.ec2.getNetworkInterfaceOutput({ id: endpoint.networkInterfaceIds[0] });
            new aws.lb.TargetGroupAttachment("api-a", { targetGroupArn: group.arn, targetId: eni.privateIp, port: 443 }, { dependsOn: [endpoint] });
            new aws.lb.Listener("https", {
                loadBalancerArn: alb.arn,
                port: 443,
                protocol: "HTTPS",
                sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
                certificateArn: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/12345678-1234-1234-1234-123456789012`,
                defaultActions: [{ type: "forward", targetGroupArn: group.arn }],
            });
        },
    },
    {
        name: "internal-alb-with-the-api-defaults",
        advice: ["minimum-tls", "alb-health-check-accepts-403"],
        source:
            "The same ALB pattern with the Elastic Load Balancing API's defaults: listener policy ELBSecurityPolicy-2016-08 (Application " +
            "Load Balancers User Guide, \"Security policies\": the default for listeners created through the API) and health check success " +
            "code 200, under which the targets show unhealthy and the ALB routes to all of them (\"Health checks for Application Load " +
            "Balancer target groups\"): it works, and gets advice",
        program: () => {
            const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true, enableDnsSupport: true });
            const a = new aws.ec2.Subnet("a", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", availabilityZone: `${REGION}a` });
            const endpoint = new aws.ec2.VpcEndpoint("execute-api", { vpcId: vpc.id, serviceName: `com.amazonaws.${REGION}.execute-api`, vpcEndpointType: "Interface", subnetIds: [a.id] });
            const alb = new aws.lb.LoadBalancer("internal", { internal: true, loadBalancerType: "application", subnets: [a.id] });
            const group = new aws.lb.TargetGroup("api", { targetType: "ip", protocol: "HTTPS", port: 443, vpcId: vpc.id });
            const eni = aws.ec2.getNetworkInterfaceOutput({ id: endpoint.networkInterfaceIds[0] });
            new aws.lb.TargetGroupAttachment("api-a", { targetGroupArn: group.arn, targetId: eni.privateIp, port: 443 });
            new aws.lb.Listener("https", {
                loadBalancerArn: alb.arn,
                port: 443,
                protocol: "HTTPS",
                sslPolicy: "ELBSecurityPolicy-2016-08",
                certificateArn: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/12345678-1234-1234-1234-123456789012`,
                defaultActions: [{ type: "forward", targetGroupArn: group.arn }],
            });
        },
    },
    {
        name: "multi-tenant-distribution-in-front-of-a-custom-domain-name",
        silent: ["cloudfront-host-forwarding", "cloudfront-origin-https", "cloudfront-origin-hardening", "certificate-region"],
        source:
            "CloudFront Developer Guide, \"Use managed origin request policies\" (AllViewerExceptHostHeader: CloudFront sends the origin's domain " +
            "name as Host) and \"Request certificates for your CloudFront distribution tenant\" (a managed, HTTP-validated certificate per tenant); " +
            "API Gateway Developer Guide, \"Set up a Regional custom domain name\" (the custom domain answers its own name)",
        program: () => {
            const z = zone();
            const { api, stage } = restApi("orders");
            const regional = certificate("origin-cert", "origin.api.example.com", z);
            const viewer = certificate("viewer-cert", "origin.api.example.com", z, "us-east-1");
            const domain = new aws.apigateway.DomainName("origin", {
                domainName: "origin.api.example.com", regionalCertificateArn: regional.certificateArn, endpointConfiguration: { types: "REGIONAL" }, securityPolicy: "TLS_1_2",
            });
            const mapping = new aws.apigateway.BasePathMapping("mapping", { restApi: api.id, stageName: stage.stageName, domainName: domain.domainName });
            const alias = new aws.route53.Record("origin", {
                zoneId: z.zoneId, name: "origin.api.example.com", type: "A", aliases: [{ name: domain.regionalDomainName, zoneId: domain.regionalZoneId, evaluateTargetHealth: false }],
            });
            const { distribution, group } = multiTenantDistribution(domain.domainName, viewer.certificateArn,
                { originRequestPolicyId: "b689b0a8-53d0-40ab-baf2-68738e2966ac" }, { dependsOn: [mapping, alias] });
            new aws.cloudfront.DistributionTenant("customer-b", {
                distributionId: distribution.id, connectionGroupId: group.id, name: "api.customer-b.com", domains: [{ domain: "api.customer-b.com" }],
                enabled: true, managedCertificateRequest: { primaryDomainName: "api.customer-b.com", validationTokenHost: "cloudfront" },
            });
        },
    },
    {
        name: "wildcard-regional-domain-for-tenant-subdomains",
        silent: ["certificate-region", "no-cname-to-execute-api"],
        source:
            "API Gateway Developer Guide, \"Wildcard custom domain names\" (a regional `*.example.com` custom domain with a wildcard ACM certificate " +
            "in the API's region and a wildcard alias record serves every subdomain; the API reads $context.domainName)",
        program: () => {
            const z = zone();
            const { api, stage } = restApi("orders");
            const cert = certificate("cert", "*.tenants.example.com", z);
            const domain = new aws.apigateway.DomainName("tenants", {
                domainName: "*.tenants.example.com", regionalCertificateArn: cert.certificateArn, endpointConfiguration: { types: "REGIONAL" }, securityPolicy: "TLS_1_2",
            });
            new aws.apigateway.BasePathMapping("mapping", { restApi: api.id, stageName: stage.stageName, domainName: domain.domainName });
            new aws.route53.Record("tenants", {
                zoneId: z.zoneId, name: "*.tenants.example.com", type: "A", aliases: [{ name: domain.regionalDomainName, zoneId: domain.regionalZoneId, evaluateTargetHealth: false }],
            });
        },
    },
];
