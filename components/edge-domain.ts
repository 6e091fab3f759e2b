import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { Certificate, CertificateArgs } from "./certificate";
import { createAliasRecords, resolveZone, validateZone } from "./dns";
import { CustomDomainArgs, CustomDomainBase, certificateArgsFor, needsZone, planMappings, validateDomainCertificate } from "./domain-base";
import { DomainConfigError, componentLabel } from "./errors";
import { MappingPlanner, MappingTransforms } from "./mappings";
import { validateDomainName } from "./names";
import { validateSecurityPolicy } from "./security";
import { Transform, applyTransform } from "./transform";
import { ApiType, EdgeSecurityPolicy, EndpointAccessMode } from "./types";

export interface EdgeDomainArgs extends CustomDomainArgs {
    /**
     * Region of the REST API(s), where the domain name and its mappings are managed. The
     * certificate always goes to us-east-1, whatever this is.
     * @default the provider's region
     */
    region?: string;
    /**
     * TLS policy for viewers. Enhanced edge policies need `endpointAccessMode`.
     * @default "TLS_1_2"
     */
    securityPolicy?: EdgeSecurityPolicy;
    /**
     * Endpoint access mode; required with an enhanced `SecurityPolicy_*_EDGE` policy, invalid otherwise.
     * @example "STRICT"
     */
    endpointAccessMode?: EndpointAccessMode;
    /** Escape hatches for the child resources. */
    transform?: {
        certificate?: CertificateArgs["transform"];
        domainName?: Transform<aws.apigateway.DomainNameArgs>;
        record?: Transform<aws.route53.RecordArgs>;
    } & MappingTransforms;
}

/** Where every edge-optimized certificate must live: CloudFront reads certificates only from us-east-1. */
const EDGE_CERTIFICATE_REGION = "us-east-1";

/**
 * An edge-optimized custom domain for REST APIs: the certificate in us-east-1 (whatever the
 * stack's region), an EDGE `apigateway.DomainName`, base path mappings, and Route 53 alias
 * A and AAAA records to the CloudFront distribution API Gateway manages.
 */
export class EdgeDomain extends CustomDomainBase {
    /** The EDGE domain name resource. */
    readonly domain: aws.apigateway.DomainName;

    constructor(name: string, args: EdgeDomainArgs, opts: pulumi.ComponentResourceOptions = {}) {
        const label = componentLabel("EdgeDomain", name);
        const { planner, planned, securityPolicy } = validateEdgeDomain(label, args);
        super("apigw-domains:index:EdgeDomain", name, opts);

        const dnsOpts: pulumi.InvokeOptions & pulumi.CustomResourceOptions =
            args.dnsProvider ? { parent: this, provider: args.dnsProvider } : { parent: this };
        const zoneId = needsZone(args) ? resolveZone(label, args.domainName, args, dnsOpts) : undefined;

        const certificate = createCertificate(this);
        const certificateArn = certificate ? certificate.arn : pulumi.output(args.certificateArn!);
        const domain = createDomainName(this, certificateArn);
        const records = zoneId && args.createRecords !== false
            ? createAliasRecords(name, args.domainName, zoneId,
                { name: domain.cloudfrontDomainName, zoneId: domain.cloudfrontZoneId },
                true, dnsOpts, args.transform?.record)
            : [];

        this.domain = domain;
        this.publish({
            domainName: domain.domainName,
            certificateArn,
            targetDomainName: domain.cloudfrontDomainName,
            hostedZoneId: domain.cloudfrontZoneId,
            certificate,
            records,
        });
        this.initMappings(planner, { domainName: domain.domainName }, args.region, args.transform);
        this.createPlannedMappings(planned, args.mappings ?? []);
        this.registerOutputs(this.commonOutputs());

        function createCertificate(parent: pulumi.Resource): Certificate | undefined {
            if (args.certificateArn !== undefined) return undefined;
            const certArgs: CertificateArgs = {
                ...certificateArgsFor(args, EDGE_CERTIFICATE_REGION),
                zoneId,
                transform: args.transform?.certificate,
            };
            return new Certificate(`${name}-cert`, certArgs,
                { parent, ...(args.certificateProvider ? { provider: args.certificateProvider } : {}) });
        }

        function createDomainName(parent: pulumi.Resource, arn: pulumi.Input<string>): aws.apigateway.DomainName {
            const [a, o] = applyTransform(args.transform?.domainName, `${name}-domain`, {
                domainName: args.domainName,
                certificateArn: arn,
                endpointConfiguration: { types: "EDGE" },
                securityPolicy,
                endpointAccessMode: args.endpointAccessMode,
                region: args.region,
                tags: args.tags,
            } as aws.apigateway.DomainNameArgs, {
                parent,
                // Public custom domain names are unique across AWS: free the name before recreating it.
                deleteBeforeReplace: true,
            });
            return new aws.apigateway.DomainName(`${name}-domain`, a, o);
        }
    }
}

/** Every rule an edge domain must satisfy, checked before anything is registered. */
function validateEdgeDomain(label: string, args: EdgeDomainArgs) {
    validateDomainName(label, "domainName", args.domainName);
    validateZone(label, args.domainName, args);
    const loose = args as EdgeDomainArgs & { mutualTls?: unknown };
    if (loose.mutualTls !== undefined) {
        throw new DomainConfigError(label, "mutualTls", loose.mutualTls,
            "is only available on regional domains, not edge-optimized ones",
            "use RegionalDomain (or CloudFrontDomain, whose origin is regional) for mutual TLS");
    }
    const apiTypes: ApiType[] = (args.mappings ?? []).map((m) => m.apiType ?? "rest");
    for (const [i, t] of apiTypes.entries()) {
        if (t !== "rest") {
            throw new DomainConfigError(label, `mappings[${i}].apiType`, t,
                "cannot be served by an edge-optimized domain, which serves REST APIs only",
                "use RegionalDomain for HTTP and WebSocket APIs");
        }
    }
    const securityPolicy = validateSecurityPolicy(label, "EDGE", args.securityPolicy, args.endpointAccessMode, apiTypes);
    validateDomainCertificate(label, args, EDGE_CERTIFICATE_REGION,
        "an edge-optimized domain (served by CloudFront)",
        "request or import the certificate in us-east-1, or use RegionalDomain to keep it in the API's region");
    const planner = new MappingPlanner(label, { kind: "EDGE", securityPolicy, apiType: "rest" });
    const planned = planMappings(planner, args.mappings);
    return { planner, planned, securityPolicy };
}
