// Two regional REST APIs in eu-west-1 behind cdn.<zone>, served by a CloudFront distribution
// this program owns. CloudFront reads its certificate from us-east-1, API Gateway reads the
// domain's certificate from the API's region, and the Route 53 zone lives in another account:
// so three explicit providers, two certificates, and one CloudFrontDomain that uses them.
// With `explicitProviders: false` the same topology comes from the component alone (it then
// puts the CloudFront certificate in us-east-1 through the per-resource region).
//
// The distribution adds a secret header to every origin request; a regional WAF web ACL on
// the API stages lets through only requests that carry it, so the API Gateway domain's own
// target (d-xxxx.execute-api...) cannot be used to go around CloudFront, and the default
// execute-api endpoints are disabled.
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { Certificate } from "../../index";
import { CloudFrontDomain } from "../../index";
import { ExampleApi, domainConfig, mockRestApi } from "../lib/apis";

const config = new pulumi.Config();
const { domain, zone } = domainConfig("cdn");
const apiRegion = config.get("apiRegion") ?? "eu-west-1";
const explicitProviders = config.getBoolean("explicitProviders") ?? true;
const dnsRoleArn = config.get("dnsRoleArn") ?? "";

const { cdn, apis, apiOpts } = explicitProviders ? withExplicitProviders() : withoutProviders();
guardOrigin(cdn, apis, apiOpts);

function withExplicitProviders() {
    // Each provider is built here, in the program, from whatever credentials the program runs
    // with; the component never builds one behind your back.
    const usEast1 = new aws.Provider("us-east-1", { region: "us-east-1" });
    const apiProvider = new aws.Provider("api-region", { region: apiRegion });
    const dns = new aws.Provider("dns", {
        region: "us-east-1",
        ...(dnsRoleArn ? { assumeRoles: [{ roleArn: dnsRoleArn, sessionName: "apigw-domains-dns" }] } : {}),
    });

    // The certificate viewers see (CloudFront, us-east-1) and the one CloudFront sees when it
    // connects to API Gateway (the API's region). Both are validated in the DNS account's zone.
    const viewerCertificate = new Certificate("cdn-viewer", { domainName: domain, zoneName: zone }, { provider: usEast1, dnsProvider: dns });
    const apiCertificate = new Certificate("cdn-api", { domainName: domain, zoneName: zone }, { provider: apiProvider, dnsProvider: dns });

    const apiOpts = { provider: apiProvider };
    const apis = createApis(apiOpts, undefined);
    const cdn = new CloudFrontDomain("cdn", {
        domainName: domain,
        zoneName: zone,
        certificateArn: viewerCertificate.arn,
        apiCertificateArn: apiCertificate.arn,
        mappings: mappingsFor(apis),
    }, { provider: apiProvider, dnsProvider: dns });
    return { cdn, apis, apiOpts };
}

function withoutProviders() {
    const apis = createApis({}, apiRegion);
    const cdn = new CloudFrontDomain("cdn", {
        domainName: domain,
        zoneName: zone,
        region: apiRegion,
        mappings: mappingsFor(apis),
    });
    return { cdn, apis, apiOpts: {} };
}

function createApis(opts: pulumi.CustomResourceOptions, region: string | undefined) {
    return {
        orders: mockRestApi("orders", { endpointType: "REGIONAL", message: "orders, through CloudFront", region }, opts),
        users: mockRestApi("users", { endpointType: "REGIONAL", message: "users, through CloudFront", region }, opts),
    };
}

function mappingsFor(apis: { orders: ExampleApi; users: ExampleApi }) {
    return [
        { apiId: apis.orders.id, stage: apis.orders.stageName, basePath: "orders" },
        { apiId: apis.users.id, stage: apis.users.stageName, basePath: "users" },
    ];
}

/** A regional WAF web ACL on each API stage: allow only requests carrying the distribution's secret header. */
function guardOrigin(distribution: CloudFrontDomain, stages: Record<string, ExampleApi>, opts: pulumi.CustomResourceOptions): void {
    const region = explicitProviders ? undefined : apiRegion;
    const visibility = (metricName: string) => ({ cloudwatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true });
    const acl = new aws.wafv2.WebAcl("cdn-origin-guard", {
        scope: "REGIONAL",
        region,
        defaultAction: { block: {} },
        rules: [{
            name: "from-cloudfront",
            priority: 0,
            action: { allow: {} },
            statement: {
                byteMatchStatement: {
                    // WAF matches header names in lowercase.
                    fieldToMatch: { singleHeader: { name: distribution.originVerifyHeaderName!.toLowerCase() } },
                    positionalConstraint: "EXACTLY",
                    searchString: distribution.originVerifySecret!,
                    textTransformations: [{ priority: 0, type: "NONE" }],
                },
            },
            visibilityConfig: visibility("from-cloudfront"),
        }],
        visibilityConfig: visibility("cdn-origin-guard"),
    }, opts);
    for (const [name, api] of Object.entries(stages)) {
        new aws.wafv2.WebAclAssociation(`cdn-origin-guard-${name}`, {
            resourceArn: pulumi.interpolate`arn:aws:apigateway:${apiRegion}::/restapis/${api.id}/stages/${api.stageName}`,
            webAclArn: acl.arn,
            region,
        }, opts);
    }
}

export const url = cdn.url;
export const urls = cdn.urls;
export const distributionId = cdn.distributionId;
export const distributionDomainName = cdn.distributionDomainName;
export const viewerCertificateArn = cdn.certificateArn;
export const apiCertificateArn = cdn.apiCertificateArn;
export const originDomainName = cdn.originDomainName;
export const originVerifyHeaderName = cdn.originVerifyHeaderName;
