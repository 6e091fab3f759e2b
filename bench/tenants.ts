/**
 * The generated stacks the bench plans: N tenant domains in front of one API, by three
 * mechanisms.
 *
 * - Per-tenant API Gateway custom domains (`components`, `raw`): each tenant has a certificate
 *   (requested, DNS-validated in the shared zone), a regional REST custom domain, two mappings (a
 *   single-level and a multi-level key) and an alias record. All tenants share one API and one
 *   hosted zone. The same stack comes in two spellings, so the components' overhead can be
 *   measured: with `RegionalDomain`, and with the same custom resources written by hand with raw
 *   `@pulumi/aws`, inputs as the component sends them.
 * - One wildcard regional custom domain (`wildcard`): tenants are subdomains of one zone
 *   (`tenant-0001.tenants.example.com`), served by one `*.tenants.example.com` domain with a
 *   wildcard certificate and a wildcard alias record; the API tells tenants apart by the Host it
 *   sees. Nothing in AWS is per tenant.
 * - One multi-tenant CloudFront distribution (`multitenant`): customer-owned domains
 *   (`api.customer-0001.example`), one distribution tenant each with a CloudFront-managed
 *   certificate, in a connection group, in front of one regional API Gateway custom domain (the
 *   origin). The customer creates the CNAME in their own DNS, so the stack has one resource per
 *   tenant.
 *
 * The last two are written with raw `@pulumi/aws` resources, spelled as the tenant component
 * (issue 19) creates them.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { RegionalDomain } from "../index";
import { MANAGED_CACHE_POLICIES, MANAGED_ORIGIN_REQUEST_POLICIES } from "../aws/cloudfront";

export type StackKind = "components" | "raw" | "wildcard" | "multitenant";

/** The three mechanisms the bench compares, and the stack each is planned with. */
export const MECHANISMS = [
    { mechanism: "per-tenant API Gateway domains", kind: "components" },
    { mechanism: "one wildcard regional domain", kind: "wildcard" },
    { mechanism: "one multi-tenant CloudFront distribution", kind: "multitenant" },
] as const satisfies readonly { mechanism: string; kind: StackKind }[];

/** Stack config of the generated stacks. */
export const TENANT_CONFIG: Readonly<Record<string, string>> = { "aws:region": "eu-west-1" };

const ZONE = "example.com";

interface SharedApi {
    apiId: pulumi.Output<string>;
    stage: pulumi.Output<string>;
    zoneId: pulumi.Output<string>;
}

/** The body of a Pulumi program with `n` tenants. */
export function tenantStack(kind: StackKind, n: number): () => void {
    return () => {
        const shared = sharedApi();
        if (kind === "wildcard") return wildcardTenants(shared);
        const distribution = kind === "multitenant" ? multitenantDistribution(shared) : undefined;
        for (let i = 0; i < n; i++) {
            const name = `tenant-${String(i).padStart(4, "0")}`;
            if (kind === "components") componentTenant(name, shared);
            else if (distribution !== undefined) distributionTenant(name, distribution);
            else rawTenant(name, shared);
        }
    };
}

function sharedApi(): SharedApi {
    const api = new aws.apigateway.RestApi("shared", {
        endpointConfiguration: { types: "REGIONAL" },
        // Tenants come in through their domains only.
        disableExecuteApiEndpoint: true,
    });
    const deployment = new aws.apigateway.Deployment("shared", { restApi: api.id });
    const stage = new aws.apigateway.Stage("shared", { restApi: api.id, deployment: deployment.id, stageName: "prod" });
    const zoneId = aws.route53.getZoneOutput({ name: ZONE, privateZone: false }).zoneId;
    return { apiId: api.id, stage: stage.stageName, zoneId };
}

function componentTenant(name: string, shared: SharedApi): void {
    new RegionalDomain(name, {
        domainName: `${name}.${ZONE}`,
        zoneId: shared.zoneId,
        mappings: [
            { apiId: shared.apiId, stage: shared.stage, basePath: "orders" },
            { apiId: shared.apiId, stage: shared.stage, basePath: "admin/reports" },
        ],
    });
}

/** What RegionalDomain creates for one tenant, written by hand. */
function rawTenant(name: string, shared: SharedApi): void {
    const domain = regionalDomain(name, `${name}.${ZONE}`, shared);
    new aws.apigateway.BasePathMapping(`${name}-mapping-orders`, {
        domainName: domain.domainName,
        restApi: shared.apiId,
        stageName: shared.stage,
        basePath: "orders",
    }, { deleteBeforeReplace: true });
    new aws.apigatewayv2.ApiMapping(`${name}-mapping-admin/reports`, {
        domainName: domain.domainName,
        apiId: shared.apiId,
        stage: shared.stage,
        apiMappingKey: "admin/reports",
    }, { deleteBeforeReplace: true });
}

/** A regional custom domain with a requested, DNS-validated certificate and an alias record, as RegionalDomain creates them. */
function regionalDomain(name: string, domainName: string, shared: SharedApi): aws.apigateway.DomainName {
    const certificate = new aws.acm.Certificate(`${name}-cert-acm`, { domainName, validationMethod: "DNS" });
    const option = certificate.domainValidationOptions.apply((options) => options.find((o) => o.domainName === domainName)!);
    const validationRecord = new aws.route53.Record(`${name}-cert-validation-${domainName}`, {
        zoneId: shared.zoneId,
        name: option.resourceRecordName,
        type: option.resourceRecordType,
        records: [option.resourceRecordValue],
        ttl: 60,
        allowOverwrite: true,
    });
    const validation = new aws.acm.CertificateValidation(`${name}-cert-validation`, {
        certificateArn: certificate.arn,
        validationRecordFqdns: [validationRecord.fqdn],
    });
    const domain = new aws.apigateway.DomainName(`${name}-domain`, {
        domainName,
        regionalCertificateArn: validation.certificateArn,
        endpointConfiguration: { types: "REGIONAL" },
        securityPolicy: "TLS_1_2",
    }, { deleteBeforeReplace: true });
    new aws.route53.Record(`${name}-a`, {
        zoneId: shared.zoneId,
        name: domainName,
        type: "A",
        aliases: [{ name: domain.regionalDomainName, zoneId: domain.regionalZoneId, evaluateTargetHealth: false }],
    });
    return domain;
}

/** Every tenant subdomain of one zone through one wildcard domain: nothing per tenant. */
function wildcardTenants(shared: SharedApi): void {
    rootMapping("tenants", regionalDomain("tenants", `*.tenants.${ZONE}`, shared), shared);
}

/** The API at the root of a domain. */
function rootMapping(name: string, domain: aws.apigateway.DomainName, shared: SharedApi): void {
    new aws.apigateway.BasePathMapping(`${name}-mapping`, { domainName: domain.domainName, restApi: shared.apiId, stageName: shared.stage },
        { deleteBeforeReplace: true });
}

/**
 * The shared part of the multi-tenant mechanism: the API's regional custom domain (the origin,
 * so API Gateway sees its own custom domain's name as Host and SNI), the multi-tenant
 * distribution in front of it, and a connection group for the tenants' CNAME target.
 */
function multitenantDistribution(shared: SharedApi): { distributionId: pulumi.Output<string>; connectionGroupId: pulumi.Output<string> } {
    const origin = regionalDomain("origin", `origin.${ZONE}`, shared);
    rootMapping("origin", origin, shared);
    const distribution = new aws.cloudfront.MultitenantDistribution("tenants", {
        comment: "tenant domains in front of the shared API",
        enabled: true,
        origins: [{
            id: "api",
            domainName: origin.domainName,
            customOriginConfigs: [{ httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] }],
        }],
        defaultCacheBehavior: {
            targetOriginId: "api",
            viewerProtocolPolicy: "redirect-to-https",
            allowedMethods: { items: ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"], cachedMethods: ["GET", "HEAD"] },
            // An API is not cached, and the origin sees its own name as Host (so its custom domain routing works).
            cachePolicyId: MANAGED_CACHE_POLICIES.cachingDisabled,
            originRequestPolicyId: MANAGED_ORIGIN_REQUEST_POLICIES.allViewerExceptHostHeader,
        },
        viewerCertificate: { cloudfrontDefaultCertificate: true },
        tenantConfig: {},
    });
    const group = new aws.cloudfront.ConnectionGroup("tenants", { enabled: true });
    return { distributionId: distribution.id, connectionGroupId: group.id };
}

/** One customer-owned domain: a distribution tenant with a CloudFront-managed certificate. */
function distributionTenant(name: string, distribution: { distributionId: pulumi.Output<string>; connectionGroupId: pulumi.Output<string> }): void {
    const domain = `api.${name.replace(/^tenant-/, "customer-")}.example`;
    new aws.cloudfront.DistributionTenant(name, {
        distributionId: distribution.distributionId,
        connectionGroupId: distribution.connectionGroupId,
        domains: [{ domain }],
        enabled: true,
        managedCertificateRequest: { primaryDomainName: domain, validationTokenHost: "cloudfront", certificateTransparencyLoggingPreference: "enabled" },
    });
}
