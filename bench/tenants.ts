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
 * - One wildcard regional custom domain (`wildcard`): `TenantDomains` with N subdomain tenants
 *   (`tenant-0001.tenants.example.com`) under `wildcardDomain`, served by one
 *   `*.tenants.example.com` domain with a wildcard certificate and wildcard alias records; the
 *   API tells tenants apart by the Host it sees. Nothing in AWS is per tenant.
 * - One multi-tenant CloudFront distribution (`multitenant`): `TenantDomains` with N
 *   customer-owned domains (`api.customer-0001.example`) through `originDomain`: one distribution
 *   tenant each with a CloudFront-managed certificate, in a connection group, in front of the
 *   platform's regional custom domain (the origin). The customer creates the CNAME in their own
 *   DNS, so the stack has one resource per tenant.
 *
 * The last two are planned with the component itself, so the bench measures what it really
 * creates (its viewer certificate, function and origin secret included).
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { RegionalDomain, TenantDomains } from "../index";

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
/** The base of the wildcard mechanism's subdomain tenants, and the multi-tenant mechanism's origin. */
export const WILDCARD_BASE = `tenants.${ZONE}`;
export const ORIGIN_DOMAIN = `origin.${ZONE}`;

interface SharedApi {
    apiId: pulumi.Output<string>;
    stage: pulumi.Output<string>;
    zoneId: pulumi.Output<string>;
}

/** The name of tenant `i` (0-based), as each mechanism's stack spells it. */
export function tenantName(i: number): string {
    return `tenant-${String(i).padStart(4, "0")}`;
}

/** The body of a Pulumi program with `n` tenants. */
export function tenantStack(kind: StackKind, n: number): () => void {
    return () => {
        const shared = sharedApi();
        if (kind === "wildcard" || kind === "multitenant") {
            tenantDomains(kind, n, shared);
            return;
        }
        for (let i = 0; i < n; i++) {
            const name = tenantName(i);
            if (kind === "components") componentTenant(name, shared);
            else rawTenant(name, shared);
        }
    };
}

/**
 * The tenant component with N tenants of one kind: subdomains of the wildcard's base, or
 * customer-owned domains through the origin. The API at the root of its custom domain.
 */
function tenantDomains(kind: "wildcard" | "multitenant", n: number, shared: SharedApi): TenantDomains {
    const tenants = Array.from({ length: n }, (_, i) => ({
        domain: kind === "wildcard" ? `${tenantName(i)}.${WILDCARD_BASE}` : `api.${tenantName(i).replace(/^tenant-/, "customer-")}.example`,
    }));
    return new TenantDomains("tenants", {
        ...(kind === "wildcard" ? { wildcardDomain: WILDCARD_BASE } : { originDomain: ORIGIN_DOMAIN }),
        zoneId: shared.zoneId,
        mappings: [{ apiId: shared.apiId, stage: shared.stage }],
        tenants,
    });
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
