// What other languages see: the package schema `pulumi package add` generates their SDKs from.
// It is produced here exactly as the plugin host produces it (run-plugin collects the component
// classes the entry point exports; ComponentProvider runs Pulumi's component analyzer over the
// TypeScript sources and writes the schema), then pinned: every component, every argument with
// its type and description, the outputs, the object types and the enums.
//
// Types read like TypeScript: `string` is a plain value, `Input<string>` may be an output of
// another resource, `?` marks what may be omitted. A change here changes every generated SDK.

import * as assert from "assert";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental/provider";
import { plan } from "../helpers";
import { PropertySpec, ROOT, Schema, TOKEN, TYPE_REF, packageSchema } from "./package-schema";

/** A property's type as TypeScript would spell it (inputs say what may be an output of another resource). */
function typeOf(p: PropertySpec, input: boolean): string {
    let t: string;
    if (p.$ref) t = p.$ref.replace(TYPE_REF, "");
    else if (p.type === "array") t = `${typeOf(p.items!, input)}[]`;
    else if (p.type === "object" && p.additionalProperties) t = `Record<string, ${typeOf(p.additionalProperties, input)}>`;
    else t = p.type!;
    return input && !p.plain ? `Input<${t}>` : t;
}

function signatures(props: Record<string, PropertySpec>, input: boolean): Record<string, string> {
    return Object.fromEntries(Object.entries(props).map(([k, p]) => [k, `${typeOf(p, input)}${p.optional ? "?" : ""}`]));
}

/** Where a component's records go (DnsArgs), for every component that creates public records. */
const DNS_INPUTS = {
    createRecords: "boolean?",
    zoneId: "Input<string>?",
    // Another stack's zone may be named: it only feeds the zone look-up (checked when it resolves).
    zoneName: "Input<string>?",
    privateZone: "boolean?",
    // Where the records go (route53, cloudflare, external): plain, it decides which resources exist.
    dns: "DnsChoice?",
    cloudflare: "CloudflareDnsArgs?",
};

/** Arguments every public-DNS domain takes (CustomDomainArgs). */
const DOMAIN_INPUTS = {
    domainName: "string",
    mappings: "Mapping[]?",
    certificateArn: "Input<string>?",
    subjectAlternativeNames: "string[]?",
    tags: "Input<Record<string, Input<string>>>?",
    ...DNS_INPUTS,
};
// `region` is an Input where it only places the resources (Certificate, EdgeDomain, RegionalDomain,
// PrivateDomain, PrivateAlbDomain), plain where it decides the certificates (CloudFrontDomain).

/** Arguments of the private domains (DomainArgs and PrivateDnsArgs). */
const PRIVATE_DOMAIN_INPUTS = {
    domainName: "string",
    mappings: "Mapping[]?",
    certificateArn: "Input<string>?",
    subjectAlternativeNames: "string[]?",
    tags: "Input<Record<string, Input<string>>>?",
    certificateZoneId: "Input<string>?",
    certificateZoneName: "string?",
    certificateDns: "DnsChoice?",
    certificateCloudflare: "CloudflareDnsArgs?",
};

const DOMAIN_OUTPUTS = {
    domainName: "string",
    url: "string",
    urls: "Record<string, string>",
    certificateArn: "string",
    targetDomainName: "string",
    hostedZoneId: "string",
};

/** What another stack needs to serve its APIs on a domain (SharedDomainMappings' arguments). */
const SHARING_OUTPUTS = {
    endpointType: "string",
    securityPolicy: "string",
    domainRegion: "string",
    routingMode: "string",
};

const COMPONENTS: Record<string, { inputs: Record<string, string>; outputs: Record<string, string> }> = {
    Certificate: {
        inputs: {
            domainName: "string",
            subjectAlternativeNames: "string[]?",
            region: "Input<string>?",
            arn: "Input<string>?",
            pem: "PemCertificate?",
            selfSigned: "SelfSignedCertificate?",
            keyAlgorithm: "CertificateKeyAlgorithm?",
            tags: "Input<Record<string, Input<string>>>?",
            ...DNS_INPUTS,
        },
        outputs: { arn: "string", region: "string?", dnsRecords: "DnsRecordSpec[]" },
    },
    EdgeDomain: {
        inputs: {
            ...DOMAIN_INPUTS,
            region: "Input<string>?",
            securityPolicy: "EdgeSecurityPolicy?",
            endpointAccessMode: "EndpointAccessMode?",
            ipAddressType: "IpAddressType?",
            routingMode: "RoutingMode?",
            routingRules: "RoutingRule[]?",
        },
        outputs: { ...DOMAIN_OUTPUTS, ...SHARING_OUTPUTS, dnsRecords: "DnsRecordSpec[]" },
    },
    RegionalDomain: {
        inputs: {
            ...DOMAIN_INPUTS,
            apiType: "ApiType?",
            region: "Input<string>?",
            securityPolicy: "RegionalSecurityPolicy?",
            endpointAccessMode: "EndpointAccessMode?",
            mutualTls: "MutualTls?",
            ownershipVerificationCertificateArn: "Input<string>?",
            ipAddressType: "IpAddressType?",
            routingMode: "RoutingMode?",
            routingRules: "RoutingRule[]?",
        },
        outputs: { ...DOMAIN_OUTPUTS, ...SHARING_OUTPUTS, region: "string?", dnsRecords: "DnsRecordSpec[]" },
    },
    CloudFrontDomain: {
        inputs: {
            ...DOMAIN_INPUTS,
            apiType: "ApiType?",
            region: "string?",
            apiCertificateArn: "Input<string>?",
            securityPolicy: "RegionalSecurityPolicy?",
            endpointAccessMode: "EndpointAccessMode?",
            mutualTls: "MutualTls?",
            originClientCertificateArn: "Input<string>?",
            ownershipVerificationCertificateArn: "Input<string>?",
            originRequestPolicyId: "Input<string>?",
            cachePolicyId: "Input<string>?",
            forwardedValues: "ForwardedValues?",
            responseHeadersPolicyId: "Input<string>?",
            viewerProtocolPolicy: "ViewerProtocolPolicy?",
            minimumProtocolVersion: "ViewerSecurityPolicy?",
            priceClass: "PriceClass?",
            ipv6: "boolean?",
            httpVersion: "HttpVersion?",
            webAclId: "Input<string>?",
            logging: "AccessLogging?",
            geoRestriction: "GeoRestriction?",
            waitForDeployment: "boolean?",
            comment: "string?",
            originVerification: "OriginVerification?",
            routingMode: "RoutingMode?",
            routingRules: "RoutingRule[]?",
        },
        outputs: {
            ...DOMAIN_OUTPUTS,
            apiCertificateArn: "string",
            distributionId: "string",
            distributionArn: "string",
            distributionDomainName: "string",
            originDomainName: "string",
            originVerifyHeaderName: "string?",
            originVerifySecret: "string?",
            dnsRecords: "DnsRecordSpec[]",
        },
    },
    PrivateDomain: {
        inputs: {
            ...PRIVATE_DOMAIN_INPUTS,
            region: "Input<string>?",
            securityPolicy: "RegionalSecurityPolicy?",
            endpointAccessMode: "EndpointAccessMode?",
            vpcEndpointIds: "Input<string>[]?",
            consumerVpcEndpointIds: "Input<string>[]?",
            privateZone: "PrivateDomainZone?",
            share: "PrivateDomainShare?",
        },
        outputs: {
            ...DOMAIN_OUTPUTS,
            ...SHARING_OUTPUTS,
            domainNameId: "string",
            domainNameArn: "string",
            policy: "string",
            apiPolicy: "string",
            resourceShareArn: "string?",
            privateZoneId: "string?",
            region: "string?",
            dnsRecords: "DnsRecordSpec[]",
        },
    },
    PrivateAlbDomain: {
        inputs: {
            ...PRIVATE_DOMAIN_INPUTS,
            region: "Input<string>?",
            vpcId: "Input<string>",
            subnetIds: "Input<string>[]",
            allowedCidrs: "string[]?",
            vpcEndpoint: "ExistingVpcEndpoint?",
            privateDnsEnabled: "boolean?",
            httpRedirect: "boolean?",
            sslPolicy: "string?",
            securityPolicy: "RegionalSecurityPolicy?",
            endpointAccessMode: "EndpointAccessMode?",
            createRecords: "boolean?",
            privateZone: "PrivateZone?",
        },
        outputs: {
            ...DOMAIN_OUTPUTS,
            loadBalancerArn: "string",
            albSecurityGroupId: "string",
            vpcEndpointId: "string",
            targetIps: "string[]",
            endpointSecurityGroupId: "string",
            apiPolicy: "string",
            privateZoneId: "string?",
            region: "string?",
            dnsRecords: "DnsRecordSpec[]",
        },
    },
    MultiRegionDomain: {
        inputs: {
            // Every domain argument but the certificate, which is per region.
            ...Object.fromEntries(Object.entries(DOMAIN_INPUTS).filter(([k]) => k !== "certificateArn")),
            regions: "RegionEndpoint[]",
            routingPolicy: "RoutingPolicy?",
            healthCheck: "HealthCheckSettings?",
            evaluateTargetHealth: "boolean?",
            apiType: "ApiType?",
            securityPolicy: "RegionalSecurityPolicy?",
            endpointAccessMode: "EndpointAccessMode?",
            mutualTls: "MutualTls?",
            ipAddressType: "IpAddressType?",
        },
        outputs: {
            domainName: "string",
            url: "string",
            routingPolicy: "string",
            regions: "string[]",
            targetDomainNames: "Record<string, string>",
            hostedZoneIds: "Record<string, string>",
            certificateArns: "Record<string, string>",
            healthCheckIds: "Record<string, string>",
            healthCheckUrls: "Record<string, string>",
            delegatedZoneId: "string?",
            dnsRecords: "DnsRecordSpec[]",
        },
    },
    SharedDomainMappings: {
        inputs: {
            domainName: "Input<string>",
            domainNameId: "Input<string>?",
            region: "Input<string>?",
            endpointType: "Input<DomainEndpointType>?",
            securityPolicy: "Input<string>?",
            routingMode: "Input<RoutingMode>?",
            lookup: "boolean?",
            mappings: "Mapping[]",
            apiType: "ApiType?",
        },
        outputs: { domainName: "string", urls: "Record<string, string>", uncheckedRules: "string[]" },
    },
    TenantDomains: {
        inputs: {
            // The tenant list and the platform's names decide the resources: plain.
            tenants: "TenantDomain[]",
            wildcardDomain: "string?",
            originDomain: "string?",
            mappings: "Mapping[]?",
            apiType: "ApiType?",
            region: "string?",
            securityPolicy: "RegionalSecurityPolicy?",
            endpointAccessMode: "EndpointAccessMode?",
            wildcardCertificateArn: "Input<string>?",
            originCertificateArn: "Input<string>?",
            viewerCertificateArn: "Input<string>?",
            minimumProtocolVersion: "ViewerSecurityPolicy?",
            tenantHeaderName: "string?",
            originVerification: "OriginVerification?",
            webAclId: "Input<string>?",
            ipv6: "boolean?",
            waitForDeployment: "boolean?",
            tags: "Input<Record<string, Input<string>>>?",
            ...DNS_INPUTS,
        },
        outputs: {
            dnsRecords: "DnsRecordSpec[]",
            tenantUrls: "Record<string, string>",
            tenantMechanisms: "Record<string, string>",
            customerCnameTargets: "Record<string, string>",
            tenantInstructions: "Record<string, string>",
            distributionTenantIds: "Record<string, string>",
            wildcardDomainName: "string?",
            wildcardTargetDomainName: "string?",
            wildcardHostedZoneId: "string?",
            originDomainName: "string?",
            originTargetDomainName: "string?",
            originHostedZoneId: "string?",
            distributionId: "string?",
            connectionGroupId: "string?",
            routingEndpoint: "string?",
            tenantHeaderName: "string?",
            originVerifyHeaderName: "string?",
            originVerifySecret: "string?",
        },
    },
};

const OBJECT_TYPES: Record<string, Record<string, string>> = {
    Mapping: { apiId: "Input<string>", stage: "Input<string>", basePath: "string?", apiType: "ApiType?" },
    PemCertificate: { certificateBody: "Input<string>", privateKey: "Input<string>", certificateChain: "Input<string>?" },
    SelfSignedCertificate: { validityHours: "number?", organization: "string?" },
    MutualTls: { truststoreUri: "string", truststoreVersion: "string?" },
    ForwardedValues: {
        queryString: "Input<boolean>",
        queryStringCacheKeys: "Input<string>[]?",
        headers: "Input<string>[]?",
        cookies: "ForwardedCookies",
    },
    ForwardedCookies: { forward: "CookieForwarding", whitelistedNames: "Input<string>[]?" },
    AccessLogging: { bucket: "Input<string>", prefix: "Input<string>?", includeCookies: "Input<boolean>?" },
    GeoRestriction: { restrictionType: "GeoRestrictionType", locations: "string[]" },
    OriginVerification: { enabled: "boolean?", headerName: "string?" },
    PrivateDomainZone: { vpcEndpointId: "Input<string>?", zoneId: "Input<string>?", zoneName: "string?", vpcId: "Input<string>?" },
    PrivateDomainShare: { principals: "string[]", allowExternalPrincipals: "boolean?", name: "string?" },
    ExistingVpcEndpoint: { id: "Input<string>", securityGroupId: "Input<string>" },
    PrivateZone: { zoneId: "Input<string>?", zoneName: "string?", vpcId: "Input<string>?" },
    RegionEndpoint: {
        region: "string",
        mappings: "Mapping[]?",
        certificateArn: "Input<string>?",
        weight: "number?",
        failover: "FailoverRole?",
        setIdentifier: "string?",
        healthCheckId: "Input<string>?",
        healthCheckDomainName: "string?",
        ownershipVerificationCertificateArn: "Input<string>?",
    },
    HealthCheckSettings: {
        enabled: "boolean?",
        path: "string?",
        port: "number?",
        searchString: "string?",
        requestInterval: "number?",
        failureThreshold: "number?",
        checkerRegions: "string[]?",
        measureLatency: "boolean?",
    },
    RoutingRule: {
        priority: "number", headers: "RoutingHeaderCondition[]?", basePaths: "string[]?",
        apiId: "Input<string>", stage: "Input<string>", stripBasePath: "boolean?",
    },
    RoutingHeaderCondition: { header: "string", valueGlob: "string" },
    // A Cloudflare zone id may come from another stack; the zone name is checked against the domain now.
    CloudflareDnsArgs: { zoneId: "Input<string>?", zoneName: "string?", proxied: "boolean?", ttl: "number?" },
    // An output type: the analyzer describes every object type alike.
    DnsRecordSpec: { name: "Input<string>", type: "Input<string>", value: "Input<string>", purpose: "Input<string>" },
    TenantDomain: { domain: "string", additionalDomains: "string[]?", validationTokenHost: "ValidationTokenHost?", enabled: "boolean?" },
};

const ENUMS: Record<string, string[]> = {
    ApiType: ["rest", "http", "websocket"],
    DnsChoice: ["route53", "cloudflare", "external"],
    DomainEndpointType: ["EDGE", "REGIONAL", "PRIVATE"],
    RoutingMode: ["API_MAPPING_ONLY", "ROUTING_RULE_ONLY", "ROUTING_RULE_THEN_API_MAPPING"],
    IpAddressType: ["ipv4", "dualstack"],
    EndpointAccessMode: ["BASIC", "STRICT"],
    CertificateKeyAlgorithm: ["RSA_2048", "EC_prime256v1", "EC_secp384r1"],
    EdgeSecurityPolicy: ["TLS_1_2", "SecurityPolicy_TLS13_2025_EDGE", "SecurityPolicy_TLS12_PFS_2025_EDGE", "SecurityPolicy_TLS12_2018_EDGE"],
    RegionalSecurityPolicy: [
        "TLS_1_2",
        "SecurityPolicy_TLS13_1_3_2025_09",
        "SecurityPolicy_TLS13_1_3_FIPS_2025_09",
        "SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09",
        "SecurityPolicy_TLS13_1_2_FIPS_PFS_PQ_2025_09",
        "SecurityPolicy_TLS13_1_2_PQ_2025_09",
        "SecurityPolicy_TLS13_1_2_FIPS_PQ_2025_09",
        "SecurityPolicy_TLS13_1_2_2021_06",
    ],
    ViewerSecurityPolicy: ["TLSv1.2_2018", "TLSv1.2_2019", "TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"],
    ViewerProtocolPolicy: ["redirect-to-https", "https-only"],
    PriceClass: ["PriceClass_All", "PriceClass_200", "PriceClass_100"],
    HttpVersion: ["http1.1", "http2", "http2and3", "http3"],
    GeoRestrictionType: ["whitelist", "blacklist"],
    CookieForwarding: ["all", "none", "whitelist"],
    RoutingPolicy: ["latency", "weighted", "failover"],
    FailoverRole: ["primary", "secondary"],
    ValidationTokenHost: ["cloudfront", "self-hosted"],
};

/**
 * Arguments as a program in another language sends them: plain data, every component with its
 * children created and every output set.
 */
const REMOTE_INPUTS: Record<string, pulumi.Inputs> = {
    // The DNS choices as other languages send them: plain strings.
    Certificate: { domainName: "api.example.com", keyAlgorithm: "EC_prime256v1", dns: "external" },
    EdgeDomain: {
        domainName: "api.example.com", mappings: [{ apiId: "abc123defg", stage: "prod", basePath: "v1" }],
        dns: "external",
        routingMode: "ROUTING_RULE_THEN_API_MAPPING",
        routingRules: [{ priority: 10, headers: [{ header: "x-version", valueGlob: "v2" }], apiId: "abc123v2v2", stage: "prod" }],
    },
    RegionalDomain: {
        domainName: "api.example.com", apiType: "http", region: "eu-west-1", mappings: [{ apiId: "httpapi001", stage: "$default" }],
        dns: "cloudflare", cloudflare: { zoneName: "example.com", proxied: false },
    },
    CloudFrontDomain: { domainName: "cdn.example.com", region: "eu-west-1", mappings: [{ apiId: "abc123defg", stage: "prod", basePath: "orders" }], dns: "external" },
    PrivateDomain: {
        domainName: "api.internal.example.com",
        certificateDns: "cloudflare",
        certificateCloudflare: { zoneName: "example.com" },
        vpcEndpointIds: ["vpce-0123456789abcdef0"],
        privateZone: { vpcId: "vpc-0123456789abcdef0" },
        share: { principals: ["111122223333"] },
        mappings: [{ apiId: "privateap1", stage: "prod" }],
    },
    SharedDomainMappings: {
        domainName: "api.example.com", region: "eu-west-1",
        mappings: [{ apiId: "abc123defg", stage: "prod", basePath: "orders" }, { apiId: "httpapi001", stage: "$default", basePath: "orders/v2", apiType: "http" }],
    },
    PrivateAlbDomain: {
        domainName: "api.internal.example.com",
        certificateDns: "external",
        vpcId: "vpc-0123456789abcdef0",
        subnetIds: ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"],
        mappings: [{ apiId: "privateap1", stage: "prod" }],
    },
    TenantDomains: {
        wildcardDomain: "tenants.example.com",
        originDomain: "origin.api.example.com",
        // The platform's records in another DNS: dnsRecords lists them.
        dns: "external",
        region: "eu-west-1",
        mappings: [{ apiId: "abc123defg", stage: "prod" }],
        tenants: [{ domain: "customer-a.tenants.example.com" }, { domain: "api.customer-b.com", validationTokenHost: "self-hosted" }],
    },
    MultiRegionDomain: {
        domainName: "api.example.com",
        routingPolicy: "failover",
        regions: [
            { region: "us-east-1", failover: "primary", mappings: [{ apiId: "usapi00001", stage: "prod" }] },
            { region: "eu-west-1", failover: "secondary", mappings: [{ apiId: "euapi00001", stage: "prod" }] },
        ],
        healthCheck: { path: "/health", failureThreshold: 2 },
        // The parent domain elsewhere: the name is delegated to a zone the component creates (plain strings, as other languages send).
        dns: "external",
    },
};

/** The resource options the plugin host rebuilds for a construct request (provider/server.js). */
const REMOTE_OPTIONS: pulumi.ComponentResourceOptions = {
    aliases: [], dependsOn: [], protect: false, providers: {}, parent: undefined,
    ignoreChanges: [], replaceOnChanges: [], retainOnDelete: false,
};

function resolved(value: unknown): Promise<unknown> {
    return pulumi.Output.isInstance(value) ? new Promise((res) => value.apply(res)) : Promise.resolve(value);
}

/** Sorted keys, so that a failure shows only what differs (not the analyzer's order). */
function sorted(o: Record<string, string>): Record<string, string> {
    return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe("package schema (what `pulumi package add` generates other languages' SDKs from)", function () {
    let schema: Schema;
    let componentNames: string[];
    let provider: ComponentProvider;

    before(async function () {
        ({ schema, provider, componentNames } = await packageSchema());
    });

    it("publishes every component the entry point exports, and nothing else", () => {
        const expected = Object.keys(COMPONENTS).sort();
        assert.deepStrictEqual(componentNames, expected);
        assert.deepStrictEqual(Object.keys(schema.resources).sort(), expected.map((n) => TOKEN + n));
        for (const [token, resource] of Object.entries(schema.resources)) {
            assert.strictEqual(resource.isComponent, true, token);
            assert.ok((resource.description ?? "").length > 40, `${token} has no description`);
        }
    });

    it("takes its name, version and description from package.json, and depends on no other package's schema", () => {
        const pkg = require(path.join(ROOT, "package.json"));
        assert.strictEqual(schema.name, "apigw-domains");
        assert.strictEqual(schema.version, pkg.version);
        assert.strictEqual(schema.description, pkg.description);
        // No resource of another package is an argument or an output, so generating an SDK needs no other schema.
        assert.deepStrictEqual(schema.dependencies, []);
    });

    for (const [name, expected] of Object.entries(COMPONENTS)) {
        describe(name, () => {
            it("takes exactly these arguments, each typed and documented", () => {
                const resource = schema.resources[TOKEN + name];
                assert.deepStrictEqual(sorted(signatures(resource.inputProperties, true)), sorted(expected.inputs));
                const required = Object.entries(expected.inputs).filter(([, t]) => !t.endsWith("?")).map(([k]) => k).sort();
                assert.deepStrictEqual(resource.requiredInputs, required);
                for (const [k, p] of Object.entries(resource.inputProperties)) {
                    assert.ok((p.description ?? "").trim().length > 0, `${name}.${k} has no description`);
                }
            });

            it("gives exactly these outputs, each documented", () => {
                const resource = schema.resources[TOKEN + name];
                assert.deepStrictEqual(sorted(signatures(resource.properties, false)), sorted(expected.outputs));
                for (const [k, p] of Object.entries(resource.properties)) {
                    assert.ok((p.description ?? "").trim().length > 0, `${name} output ${k} has no description`);
                }
            });
        });
    }

    describe("constructed as the plugin host constructs it for another language", () => {
        for (const name of Object.keys(COMPONENTS)) {
            it(`${name}: takes plain-data arguments and returns every output the schema declares`, async () => {
                let state: Record<string, unknown> = {};
                const r = await plan(async () => {
                    const result = await provider.construct("it", TOKEN + name, REMOTE_INPUTS[name], REMOTE_OPTIONS);
                    const entries = await Promise.all(Object.entries(result.state).map(async ([k, v]) => [k, await resolved(v)] as const));
                    state = Object.fromEntries(entries);
                });
                assert.strictEqual(r.resources.filter((x) => x.type === TOKEN + name).length, 1);
                assert.deepStrictEqual(Object.keys(state).sort(), Object.keys(COMPONENTS[name].outputs).sort());
                for (const [k, t] of Object.entries(COMPONENTS[name].outputs)) {
                    if (t.endsWith("?")) continue;
                    const v = state[k];
                    assert.ok(v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0), `${name}.${k} is empty: ${JSON.stringify(v)}`);
                }
            });
        }
    });

    it("offers no TypeScript-only option as an argument (providers and transforms are resource options)", () => {
        for (const [token, resource] of Object.entries(schema.resources)) {
            for (const key of ["transform", "transforms", "provider", "certificateProvider", "apiCertificateProvider", "dnsProvider", "regionProviders"]) {
                assert.ok(!(key in resource.inputProperties), `${token} takes ${key}`);
            }
        }
    });

    it("defines the object types the arguments use, each property typed and documented", () => {
        const objects = Object.entries(schema.types).filter(([, t]) => t.enum === undefined);
        assert.deepStrictEqual(objects.map(([token]) => token.replace(TOKEN, "")).sort(), Object.keys(OBJECT_TYPES).sort());
        for (const [token, type] of objects) {
            const name = token.replace(TOKEN, "");
            assert.deepStrictEqual(sorted(signatures(type.properties!, true)), sorted(OBJECT_TYPES[name]), name);
            for (const [k, p] of Object.entries(type.properties!)) {
                assert.ok((p.description ?? "").trim().length > 0, `${name}.${k} has no description`);
            }
        }
    });

    it("turns every fixed set of values into a named enum, each value documented", () => {
        const enums = Object.entries(schema.types).filter(([, t]) => t.enum !== undefined);
        assert.deepStrictEqual(enums.map(([token]) => token.replace(TOKEN, "")).sort(), Object.keys(ENUMS).sort());
        for (const [token, type] of enums) {
            const name = token.replace(TOKEN, "");
            assert.strictEqual(type.type, "string", name);
            assert.deepStrictEqual(type.enum!.map((m) => m.value), ENUMS[name], name);
            for (const m of type.enum!) {
                assert.match(m.name, /^[A-Za-z][A-Za-z0-9_]*$/, `${name}.${m.name} is not a name every language can use`);
                assert.ok((m.description ?? "").length > 0, `${name}.${m.name} has no description`);
            }
        }
    });
});
