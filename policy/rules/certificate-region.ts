// certificate-region: an ACM certificate only works in the region it was issued in.
//
// Edge-optimized API Gateway domains and CloudFront distributions are served by CloudFront, which
// only reads certificates from us-east-1; regional and private domains read them from their own
// region. AWS rejects the mismatch at create time (a certain failure, so the rule is mandatory),
// after everything before it was already deployed, so catching it in preview saves a half-applied
// update.

import { CLOUDFRONT_CERTIFICATE_REGION } from "../../aws/cloudfront";
import { DomainModel, domainModel } from "../lib/apigateway";
import { Finding, RuleContext, stackRule } from "../lib/policy";
import { regionOfArn, resolveRegion } from "../lib/region";
import { StackIndex, StackResource, T, label, sourcesOf } from "../lib/resources";
import { at, isKnown, isUnknown, str } from "../lib/values";
import { violationMessage } from "../lib/message";

/** Where a certificate lives and how we know. */
interface CertificateLocation {
    readonly region: string;
    /** For messages: the ARN, or the certificate resource it was traced to. */
    readonly what: string;
}

/**
 * Locates the certificate behind a property. A known ARN answers directly (its region is where it
 * was issued). While the ARN is unknown (preview), follow the property's dependencies: either
 * straight to the `acm.Certificate`, or to the `acm.CertificateValidation` whose `certificateArn`
 * came from it; the certificate's region then comes from its own ARN if known, else from its
 * `region` input, provider or the stack default.
 */
function locateCertificate(
    owner: StackResource,
    arnValue: unknown,
    property: string,
    context: RuleContext,
): CertificateLocation | undefined {
    const arn = str(arnValue);
    if (arn !== undefined) {
        const region = regionOfArn(arn, "acm");
        return region ? { region, what: arn } : undefined;
    }
    if (isKnown(arnValue)) {
        return undefined;
    }
    for (const source of certificateSources(owner, property, arnValue)) {
        if (source.type === T.certificateValidation) {
            const validated = regionOfArn(source.props["certificateArn"], "acm");
            if (validated) {
                return { region: validated, what: `certificate validated by ${label(source)}` };
            }
        }
        const certificate = source.type === T.certificate ? source : validatedCertificate(source);
        if (certificate) {
            const region = regionOfArn(certificate.props["arn"], "acm") ?? resolveRegion(certificate, context.defaultRegion);
            if (region) {
                return { region, what: `certificate ${label(certificate)}` };
            }
        }
    }
    return undefined;
}

/**
 * The certificate resources a property may have come from. An unknown value (preview) may follow
 * plain dependencies when the engine reported no property dependencies; a value that is simply
 * absent only counts what the engine recorded for that very property, so an unset
 * `regionalCertificateArn` does not borrow the certificate of `certificateArn`.
 */
function certificateSources(owner: StackResource, property: string, value: unknown): StackResource[] {
    const sources = isUnknown(value) ? sourcesOf(owner, property) : (owner.propertyDependencies?.[property] ?? []);
    return sources.filter((s) => s.type === T.certificate || s.type === T.certificateValidation);
}

function validatedCertificate(validation: StackResource): StackResource | undefined {
    if (validation.type !== T.certificateValidation) {
        return undefined;
    }
    return sourcesOf(validation, "certificateArn").find((r) => r.type === T.certificate);
}

function checkDomain(domain: DomainModel, context: RuleContext): Finding[] {
    const r = domain.resource;
    const name = domain.domainName ?? r.name;
    const findings: Finding[] = [];
    // `property` is where the engine records the dependency (top-level inputs), `path` what messages name.
    const candidates: { property: string; path: string; value: unknown }[] =
        r.type === T.domainV2
            ? [{ property: "domainNameConfiguration", path: "domainNameConfiguration.certificateArn", value: at(r.props, "domainNameConfiguration", "certificateArn") }]
            : domain.endpointType === "EDGE"
              ? [{ property: "certificateArn", path: "certificateArn", value: r.props["certificateArn"] }]
              : [
                    { property: "regionalCertificateArn", path: "regionalCertificateArn", value: r.props["regionalCertificateArn"] },
                    { property: "certificateArn", path: "certificateArn", value: r.props["certificateArn"] },
                ];
    for (const { property, path, value } of candidates) {
        if (value === undefined && certificateSources(r, property, value).length === 0) {
            continue;
        }
        const cert = locateCertificate(r, value, property, context);
        if (!cert) {
            continue;
        }
        const what = str(value) !== undefined ? "a certificate" : cert.what;
        if (domain.endpointType === "EDGE") {
            if (cert.region !== CLOUDFRONT_CERTIFICATE_REGION) {
                findings.push({
                    urn: r.urn,
                    message: violationMessage(
                        r,
                        path,
                        value,
                        `${name} is edge-optimized, so CloudFront serves it and reads its certificate from ${CLOUDFRONT_CERTIFICATE_REGION}, but this is ${what} in ${cert.region}`,
                        `request the certificate in ${CLOUDFRONT_CERTIFICATE_REGION}, or make the domain REGIONAL`,
                    ),
                });
            }
        } else if (domain.endpointType !== undefined && domain.region !== undefined && cert.region !== domain.region) {
            findings.push({
                urn: r.urn,
                message: violationMessage(
                    r,
                    path,
                    value,
                    `${name} is a ${domain.endpointType} domain in ${domain.region}, which needs an ACM certificate in its own region, but this is ${what} in ${cert.region}`,
                    `request the certificate in ${domain.region}`,
                ),
            });
        }
    }
    return findings;
}

function checkDistribution(distribution: StackResource, context: RuleContext, path: readonly string[] = ["viewerCertificate", "acmCertificateArn"]): Finding[] {
    const arnValue = at(distribution.props, ...path);
    if (arnValue === undefined && certificateSources(distribution, path[0], arnValue).length === 0) {
        return [];
    }
    const cert = locateCertificate(distribution, arnValue, path[0], context);
    if (!cert || cert.region === CLOUDFRONT_CERTIFICATE_REGION) {
        return [];
    }
    return [
        {
            urn: distribution.urn,
            message: violationMessage(
                distribution,
                path.join("."),
                arnValue,
                `CloudFront only uses ACM certificates from ${CLOUDFRONT_CERTIFICATE_REGION}, but this is ${str(arnValue) !== undefined ? "a certificate" : cert.what} in ${cert.region}`,
                `request the certificate in ${CLOUDFRONT_CERTIFICATE_REGION} (a second certificate for the same names is fine; API Gateway keeps its own regional one)`,
            ),
        },
    ];
}

/** Checks every API Gateway domain name and CloudFront distribution of the stack. */
export function checkCertificateRegions(resources: readonly StackResource[], context: RuleContext): Finding[] {
    const index = new StackIndex(resources);
    const findings: Finding[] = [];
    for (const r of index.ofType(T.domainV1, T.domainV2)) {
        const domain = domainModel(r, context.defaultRegion);
        if (domain) {
            findings.push(...checkDomain(domain, context));
        }
    }
    // Multi-tenant distributions (CloudFront SaaS Manager) hold a viewer certificate the same way;
    // a distribution tenant's own certificate must be in us-east-1 too (CloudFront Developer Guide,
    // "Request certificates for your CloudFront distribution tenant").
    for (const distribution of index.ofType(T.distribution, T.multiTenantDistribution)) {
        findings.push(...checkDistribution(distribution, context));
    }
    for (const tenant of index.ofType(T.distributionTenant)) {
        findings.push(...checkDistribution(tenant, context, ["customizations", "certificate", "arn"]));
    }
    return findings;
}

export const certificateRegion = stackRule(
    {
        name: "certificate-region",
        description: "ACM certificates must be in us-east-1 for edge-optimized domains and CloudFront, and in the domain's own region for regional and private domains.",
        remediationSteps:
            "For an EDGE apigateway.DomainName or a CloudFront distribution, request the ACM certificate in us-east-1 " +
            "(`region: \"us-east-1\"` on the certificate with @pulumi/aws v7, or a us-east-1 provider). For a REGIONAL or " +
            "PRIVATE domain name, request it in the API's region. Alternatively switch an edge domain to a REGIONAL endpoint.",
        enforcementLevel: "mandatory",
    },
    () => undefined,
    (resources, context) => checkCertificateRegions(resources, context),
);
