/**
 * The generated stacks the bench plans: N tenant domains, the way a platform team gives each
 * tenant its own name. Each tenant has a certificate (requested, DNS-validated in the shared
 * zone), a regional REST custom domain, two mappings (a single-level and a multi-level key)
 * and an alias record. All tenants share one API and one hosted zone.
 *
 * The same stack comes in two spellings, so the components' overhead can be measured: with
 * `RegionalDomain` (which creates the `Certificate` component), and with the same custom
 * resources written by hand with raw `@pulumi/aws`, inputs as the component sends them.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { RegionalDomain } from "../index";

export type StackKind = "components" | "raw";

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
        for (let i = 0; i < n; i++) {
            const name = `tenant-${String(i).padStart(4, "0")}`;
            if (kind === "components") componentTenant(name, shared);
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
    const domainName = `${name}.${ZONE}`;
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
    new aws.route53.Record(`${name}-a`, {
        zoneId: shared.zoneId,
        name: domainName,
        type: "A",
        aliases: [{ name: domain.regionalDomainName, zoneId: domain.regionalZoneId, evaluateTargetHealth: false }],
    });
}
