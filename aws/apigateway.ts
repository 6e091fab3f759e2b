/**
 * Amazon API Gateway custom domain facts: endpoint types, security policies, endpoint access
 * modes, mapping keys, and the host names API Gateway answers on.
 */
import { Problem, problem } from "./problem";
import { TlsVersion } from "./tls";

/** Endpoint types of a custom domain name (API Gateway API Reference, "EndpointConfiguration": EDGE, REGIONAL, PRIVATE). */
export type EndpointType = "EDGE" | "REGIONAL" | "PRIVATE";
export const ENDPOINT_TYPES: readonly EndpointType[] = ["EDGE", "REGIONAL", "PRIVATE"];

/**
 * The endpoint type of a REST API (and of a v1 custom domain name) that names none. Source: API
 * Gateway Developer Guide, "API endpoint types for REST APIs in API Gateway": edge-optimized "is the
 * default endpoint type for API Gateway REST APIs".
 */
export const DEFAULT_REST_ENDPOINT_TYPE: EndpointType = "EDGE";

/** Kinds of API a mapping can target (REST through v1 or v2 mappings; HTTP and WebSocket through v2). */
export type ApiKind = "rest" | "http" | "websocket";
export const API_KINDS: readonly ApiKind[] = ["rest", "http", "websocket"];

/**
 * TLS security policies of regional and private custom domains of TLS 1.2 or better (API
 * Gateway also takes `TLS_1_0`, which this package refuses). The enhanced `SecurityPolicy_*`
 * policies serve REST APIs only, need `endpointAccessMode`, and cannot be combined with mutual TLS.
 * Written as a literal object (not built from another) because Pulumi's component analyzer turns
 * only literal `as const` objects into schema enums for other languages.
 */
export const RegionalSecurityPolicy = {
    /** TLS 1.2 and later: the default, and the only policy for HTTP and WebSocket APIs and multi-level mappings. */
    TLS_1_2: "TLS_1_2",
    /** TLS 1.3 only. */
    TLS13_1_3_2025_09: "SecurityPolicy_TLS13_1_3_2025_09",
    /** TLS 1.3 only, FIPS-validated ciphers. */
    TLS13_1_3_FIPS_2025_09: "SecurityPolicy_TLS13_1_3_FIPS_2025_09",
    /** TLS 1.3 and 1.2, forward-secret ciphers only, post-quantum key exchange. */
    TLS13_1_2_PFS_PQ_2025_09: "SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09",
    /** TLS 1.3 and 1.2, FIPS-validated forward-secret ciphers, post-quantum key exchange. */
    TLS13_1_2_FIPS_PFS_PQ_2025_09: "SecurityPolicy_TLS13_1_2_FIPS_PFS_PQ_2025_09",
    /** TLS 1.3 and 1.2, post-quantum key exchange. */
    TLS13_1_2_PQ_2025_09: "SecurityPolicy_TLS13_1_2_PQ_2025_09",
    /** TLS 1.3 and 1.2, FIPS-validated ciphers, post-quantum key exchange. */
    TLS13_1_2_FIPS_PQ_2025_09: "SecurityPolicy_TLS13_1_2_FIPS_PQ_2025_09",
    /** TLS 1.3 and 1.2 (2021 cipher suites). */
    TLS13_1_2_2021_06: "SecurityPolicy_TLS13_1_2_2021_06",
} as const;
export type RegionalSecurityPolicy = (typeof RegionalSecurityPolicy)[keyof typeof RegionalSecurityPolicy];

/**
 * TLS security policies of edge-optimized domains of TLS 1.2 or better. The enhanced
 * `SecurityPolicy_*_EDGE` policies need `endpointAccessMode`.
 */
export const EdgeSecurityPolicy = {
    /** TLS 1.2 and later: the default. */
    TLS_1_2: "TLS_1_2",
    /** Enhanced edge policy with TLS 1.3 (2025 cipher suites). */
    TLS13_2025_EDGE: "SecurityPolicy_TLS13_2025_EDGE",
    /** Enhanced edge policy, TLS 1.2 and later with forward-secret ciphers only (2025). */
    TLS12_PFS_2025_EDGE: "SecurityPolicy_TLS12_PFS_2025_EDGE",
    /** Enhanced edge policy, TLS 1.2 and later (2018 cipher suites). */
    TLS12_2018_EDGE: "SecurityPolicy_TLS12_2018_EDGE",
} as const;
export type EdgeSecurityPolicy = (typeof EdgeSecurityPolicy)[keyof typeof EdgeSecurityPolicy];

/**
 * Every security policy API Gateway accepts on a custom domain name.
 * Source: AWS Config Developer Guide, "apigateway-domain-name-tls-check" (the valid values of
 * allowedSecurityPolicies: TLS_1_0, TLS_1_2 and the ten SecurityPolicy_* names below), and API
 * Gateway Developer Guide, "Supported security policies" (which endpoint types take which:
 * the *_EDGE policies are listed for edge-optimized APIs and domains, the others for regional
 * and private APIs and custom domain names; the supported TLS versions of each).
 */
export const SECURITY_POLICY = {
    TLS_1_0: "TLS_1_0",
    ...RegionalSecurityPolicy,
    ...EdgeSecurityPolicy,
} as const;

interface PolicyFacts {
    /** The lowest TLS version the policy accepts. */
    readonly minimumTls: TlsVersion;
    /** The endpoint types whose domains take it. */
    readonly endpoints: readonly EndpointType[];
}

const ALL: readonly EndpointType[] = ENDPOINT_TYPES;
const NON_EDGE: readonly EndpointType[] = ["REGIONAL", "PRIVATE"];
const EDGE: readonly EndpointType[] = ["EDGE"];

const POLICIES: Readonly<Record<string, PolicyFacts>> = {
    // Legacy policies (Developer Guide, "Choose a security policy for your custom domain"): TLS_1_0
    // accepts TLS 1.0 and later, TLS_1_2 "accepts TLS 1.2 and TLS 1.3 traffic".
    [SECURITY_POLICY.TLS_1_0]: { minimumTls: 1.0, endpoints: ALL },
    [SECURITY_POLICY.TLS_1_2]: { minimumTls: 1.2, endpoints: ALL },
    // "Supported security policies", table for regional and private APIs and custom domain names.
    [SECURITY_POLICY.TLS13_1_3_2025_09]: { minimumTls: 1.3, endpoints: NON_EDGE },
    [SECURITY_POLICY.TLS13_1_3_FIPS_2025_09]: { minimumTls: 1.3, endpoints: NON_EDGE },
    [SECURITY_POLICY.TLS13_1_2_PFS_PQ_2025_09]: { minimumTls: 1.2, endpoints: NON_EDGE },
    [SECURITY_POLICY.TLS13_1_2_FIPS_PFS_PQ_2025_09]: { minimumTls: 1.2, endpoints: NON_EDGE },
    [SECURITY_POLICY.TLS13_1_2_PQ_2025_09]: { minimumTls: 1.2, endpoints: NON_EDGE },
    [SECURITY_POLICY.TLS13_1_2_FIPS_PQ_2025_09]: { minimumTls: 1.2, endpoints: NON_EDGE },
    [SECURITY_POLICY.TLS13_1_2_2021_06]: { minimumTls: 1.2, endpoints: NON_EDGE },
    // Same page, table for edge-optimized APIs and custom domain names.
    [SECURITY_POLICY.TLS13_2025_EDGE]: { minimumTls: 1.3, endpoints: EDGE },
    [SECURITY_POLICY.TLS12_PFS_2025_EDGE]: { minimumTls: 1.2, endpoints: EDGE },
    [SECURITY_POLICY.TLS12_2018_EDGE]: { minimumTls: 1.2, endpoints: EDGE },
};

/** True for a security policy name API Gateway knows. */
export function isKnownSecurityPolicy(policy: string): boolean {
    return Object.prototype.hasOwnProperty.call(POLICIES, policy);
}

/** The lowest TLS version a policy accepts; undefined for a name that states none. */
export function securityPolicyMinimumTls(policy: string): TlsVersion | undefined {
    if (isKnownSecurityPolicy(policy)) return POLICIES[policy].minimumTls;
    // A newer enhanced policy than this table knows still states its floor in its name the way
    // every listed one does (`SecurityPolicy_TLS13_1_x_...`, `SecurityPolicy_TLS13_...`, `SecurityPolicy_TLS12_...`).
    const floor = /^SecurityPolicy_TLS13_1_([0-3])(_|$)/.exec(policy);
    if (floor) return 1 + Number(floor[1]) / 10;
    if (/^SecurityPolicy_TLS13_/.test(policy)) return 1.3;
    if (/^SecurityPolicy_TLS12_/.test(policy)) return 1.2;
    return undefined;
}

/** The endpoint types whose domains take this policy (empty for an unknown name). */
export function securityPolicyEndpoints(policy: string): readonly EndpointType[] {
    return isKnownSecurityPolicy(policy) ? POLICIES[policy].endpoints : [];
}

/** The policies a domain of this endpoint type takes, legacy ones included. */
export function securityPoliciesFor(endpoint: EndpointType): string[] {
    return Object.keys(POLICIES).filter((p) => POLICIES[p].endpoints.includes(endpoint));
}

/**
 * Enhanced policies are the ones named `SecurityPolicy_*` (Developer Guide, "Security policies
 * for REST APIs in API Gateway": "Any policy that starts with SecurityPolicy_ is an enhanced
 * security policy").
 */
export function isEnhancedSecurityPolicy(policy: string): boolean {
    return policy.startsWith("SecurityPolicy_");
}

/** Enhanced policies ending in `_EDGE` exist only for edge-optimized endpoints ("Supported security policies"). */
export function isEdgeOnlySecurityPolicy(policy: string): boolean {
    return isEnhancedSecurityPolicy(policy) && policy.endsWith("_EDGE");
}

/**
 * Endpoint access modes. Source: API Gateway Developer Guide, "Security policies for REST APIs
 * in API Gateway", section "Endpoint access mode" ("When you use an enhanced security policy,
 * you must also set the endpoint access mode"; values BASIC and STRICT), and the provider's
 * `endpointAccessMode` ("Only available for domain names that use security policies that start
 * with SecurityPolicy_. Valid values: BASIC, STRICT").
 */
export const ENDPOINT_ACCESS_MODES = ["BASIC", "STRICT"] as const;

/**
 * Why a domain's security policy and access mode do not go together with its endpoint type and
 * the APIs it serves, or undefined. `argument` tells which of the two arguments is at fault.
 */
export function securityPolicyProblem(
    endpoint: EndpointType,
    policy: string,
    accessMode: string | undefined,
    apiKinds: readonly ApiKind[],
): { argument: "securityPolicy" | "endpointAccessMode"; value: unknown; problem: Problem } | undefined {
    const onPolicy = (rule: string, fix: string) => ({ argument: "securityPolicy" as const, value: policy, problem: problem(rule, fix) });
    const onMode = (rule: string, fix: string) => ({ argument: "endpointAccessMode" as const, value: accessMode, problem: problem(rule, fix) });
    const forThis = securityPoliciesFor(endpoint).filter((p) => p !== SECURITY_POLICY.TLS_1_0);
    if (!isKnownSecurityPolicy(policy)) {
        return onPolicy("is not a security policy API Gateway knows", `use one of ${forThis.join(", ")}`);
    }
    if (!securityPolicyEndpoints(policy).includes(endpoint)) {
        return onPolicy(
            isEdgeOnlySecurityPolicy(policy)
                ? `is only valid on edge-optimized domains, and this domain is ${endpoint}`
                : "is for regional and private domains, not edge-optimized ones",
            `use one of ${forThis.join(", ")}`);
    }
    const enhanced = isEnhancedSecurityPolicy(policy);
    if (enhanced && accessMode === undefined) {
        return onMode(`is required with the enhanced security policy "${policy}"`, "set endpointAccessMode to \"STRICT\" (recommended) or \"BASIC\"");
    }
    if (!enhanced && accessMode !== undefined) {
        return onMode(`is only valid with an enhanced SecurityPolicy_* policy, not "${policy}"`,
            "remove endpointAccessMode, or choose an enhanced security policy");
    }
    if (accessMode !== undefined && !(ENDPOINT_ACCESS_MODES as readonly string[]).includes(accessMode)) {
        return onMode("is not an endpoint access mode", "use \"STRICT\" or \"BASIC\"");
    }
    for (const kind of apiKinds) {
        const found = policyApiKindProblem(policy, kind);
        if (found) return { argument: "securityPolicy", value: policy, problem: found };
    }
    return undefined;
}

/**
 * Why a domain with this security policy cannot serve an API of this kind, or undefined. Source:
 * API Gateway Developer Guide, "Choose a security policy for your custom domain in API Gateway":
 * "You can't map an HTTP API to a domain name that uses an enhanced security policy" and "For
 * HTTP or WebSocket APIs, API Gateway only supports the TLS_1_2 security policy".
 */
export function policyApiKindProblem(policy: string, apiKind: ApiKind): Problem | undefined {
    if (apiKind === "rest" || !isEnhancedSecurityPolicy(policy)) return undefined;
    return problem(`cannot serve ${apiKind === "http" ? "an HTTP" : "a WebSocket"} API: enhanced policies are for REST APIs only`,
        "use \"TLS_1_2\" for domains that serve HTTP or WebSocket APIs");
}

/**
 * Mapping keys (base paths). Source: API Gateway API Reference, CreateApiMapping ("apiMappingKey":
 * the API mapping key) and Developer Guide, "Use API mappings to connect API stages to a custom
 * domain name for REST APIs" (multi-level mappings: letters, digits and `$-_.+!*'()` with `/`
 * separating levels; no leading, trailing or consecutive slashes). AWS CDK's BasePathMapping
 * checks the same (`/^[a-zA-Z0-9$_.+!*'()-/]+$/`, no leading, trailing or repeated `/`).
 */
const KEY_SEGMENT = /^[A-Za-z0-9$\-_.+!*'()]+$/;

/** Why a mapping key is not one API Gateway takes, or undefined. The empty key maps the root. */
export function mappingKeyProblem(key: unknown): Problem | undefined {
    if (key === undefined || key === "") return undefined;
    if (typeof key !== "string") return problem("is not a string", "pass a path such as \"v1\" or \"v1/orders\", or \"\" for the root");
    if (key.startsWith("/")) return problem("starts with \"/\"", `drop the leading slash: "${key.replace(/^\/+/, "")}"`);
    if (key.endsWith("/")) return problem("ends with \"/\"", `drop the trailing slash: "${key.replace(/\/+$/, "")}"`);
    if (key.includes("//")) return problem("has an empty level (\"//\")", `use single slashes: "${key.replace(/\/{2,}/g, "/")}"`);
    for (const s of key.split("/")) {
        if (!KEY_SEGMENT.test(s)) {
            return problem(`has the level "${s}" with characters API Gateway does not accept in a mapping key`,
                "use only letters, digits and $-_.+!*'() between slashes");
        }
    }
    return undefined;
}

/**
 * Why an API of this kind cannot be mapped on this domain, or undefined. `domainKind` is the kind
 * that decides WebSocket exclusivity (the domain's own kind). Sources: API Gateway Developer
 * Guide, "Custom domain name for public REST APIs" (edge-optimized custom domain names are for
 * REST APIs; "A Regional custom domain name can be associated with REST APIs and HTTP APIs");
 * "Custom domain names for private APIs" (private custom domain names serve private REST APIs);
 * "Custom domain names for WebSocket APIs": "If you map a custom domain name to a WebSocket API,
 * you can't map it to a REST API or an HTTP API" and "Only Regional custom domain names are
 * supported".
 */
export function apiKindProblem(endpoint: EndpointType, domainKind: ApiKind, apiKind: ApiKind): Problem | undefined {
    if (endpoint === "EDGE" && apiKind !== "rest") {
        return problem("cannot be served by an edge-optimized domain, which serves REST APIs only", "use RegionalDomain for HTTP and WebSocket APIs");
    }
    if (endpoint === "PRIVATE" && apiKind !== "rest") {
        return problem("cannot be served by a private domain, which serves private REST APIs only", "use a private REST API");
    }
    const domainIsWebSocket = domainKind === "websocket";
    if (domainIsWebSocket !== (apiKind === "websocket")) {
        return problem(domainIsWebSocket
            ? "cannot share a domain that serves a WebSocket API"
            : "is a WebSocket API, which cannot share a domain with REST or HTTP APIs",
        "give the WebSocket API its own domain (RegionalDomain with apiType \"websocket\")");
    }
    return undefined;
}

/**
 * Keys API Gateway keeps for itself: "The paths of /ping and /sping are reserved for the service
 * health check" (API Gateway Developer Guide, "Amazon API Gateway known issues", as serverless-
 * domain-manager quotes it when it warns about them). A mapping there deploys, but those requests
 * never reach the API, so the components warn rather than refuse.
 */
export const RESERVED_MAPPING_KEYS: readonly string[] = ["ping", "sping"];

/**
 * Why a multi-level key cannot go on this domain, or undefined. Source: API Gateway Developer
 * Guide, "Use API mappings to connect API stages to a custom domain name for REST APIs": "For
 * Regional custom domain names that use the TLS 1.2 security policy, API Gateway supports
 * multi-level API mappings"; and "Choose a security policy for your custom domain": "If you enable
 * multi-level base path mapping to a REST API that uses an enhanced security policy, you can't
 * create a base path mapping to an HTTP API for the same domain name" (so enhanced policies take
 * multi-level keys too; what they refuse is HTTP APIs, see securityPolicyProblem). Only TLS_1_0
 * is left out. Multi-level keys go through the v2 CreateApiMapping API (apiMappingKey), since the
 * v1 CreateBasePathMapping takes single-level base paths.
 */
export function multiLevelMappingProblem(
    endpoint: EndpointType | undefined,
    policy: string | undefined,
    apiKind: ApiKind | undefined,
): Problem | undefined {
    // Each part is checked only when known (the policy pack sees unknowns during preview).
    // Multi-level keys are documented for REST and HTTP APIs ("Use API mappings ... for REST
    // APIs", "Map API stages to a custom domain name for HTTP APIs"); the WebSocket pages document
    // single-level mappings only.
    if (apiKind === "websocket") {
        return problem("is multi-level; WebSocket domains take single-level keys only", "use a single-level key such as \"ws\"");
    }
    if (endpoint !== undefined && endpoint !== "REGIONAL") {
        return problem(`is multi-level; multi-level paths need a REGIONAL domain with TLS 1.2 or an enhanced policy, and this domain is ${endpoint}`,
            endpoint === "EDGE" ? "use RegionalDomain" : "use a single-level key");
    }
    if (policy === SECURITY_POLICY.TLS_1_0) {
        return problem(`is multi-level; multi-level paths need TLS 1.2 or an enhanced policy, not "${policy}"`,
            "use securityPolicy \"TLS_1_2\" or single-level keys");
    }
    return undefined;
}

/**
 * Stage names. Source: API Gateway API Reference, CreateStage and API Gateway V2 API Reference,
 * Stage ("stageName": "Stage names can only contain alphanumeric characters, hyphens, and
 * underscores. Maximum length is 128 characters."); HTTP and WebSocket APIs also have the
 * `$default` stage (Developer Guide, "Stages for HTTP APIs": "You can create a $default stage").
 */
export function stageNameProblem(stage: string, apiKind: ApiKind): Problem | undefined {
    if (apiKind !== "rest" && stage === "$default") return undefined;
    if (stage.length > 128) return problem(`is ${stage.length} characters long; stage names have at most 128`, "use a shorter stage name");
    if (!/^[A-Za-z0-9_-]+$/.test(stage)) {
        return problem("is not a stage name: stage names hold only letters, digits, hyphens and underscores",
            apiKind === "rest" ? "pass the stage's name, e.g. stage.stageName" : "pass the stage's name, e.g. stage.name, or \"$default\"");
    }
    return undefined;
}

/** The number of levels of a valid mapping key (0 for the root). */
export function mappingKeyLevels(key: string | undefined): number {
    return key === undefined || key === "" ? 0 : key.split("/").length;
}

/**
 * Why mutual TLS cannot be turned on for this domain, or undefined. Sources: API Gateway Developer
 * Guide, "Mutual TLS authentication for your REST APIs" (configured on Regional custom domain
 * names, with a truststore in S3), "Choose a security policy for your custom domain" ("You can't
 * enable mutual TLS on a domain name that uses an enhanced security policy"); serverless-domain-
 * manager refuses it the same way ("EDGE/PRIVATE APIs do not support mutual TLS", src/models/
 * domain-config.ts). WebSocket custom domains document no mutual TLS (kept from the components'
 * earlier checks; unconfirmed beyond that absence).
 */
export function mutualTlsProblem(endpoint: EndpointType, policy: string | undefined, apiKinds: readonly ApiKind[] = []): Problem | undefined {
    if (endpoint !== "REGIONAL") {
        return problem(`is only available on regional domains, and this domain is ${endpoint}`,
            "use a RegionalDomain (or a CloudFrontDomain, whose origin is regional) for mutual TLS");
    }
    if (policy !== undefined && isEnhancedSecurityPolicy(policy)) {
        return problem(`cannot be combined with the enhanced security policy "${policy}"`, "use securityPolicy \"TLS_1_2\" with mutual TLS");
    }
    if (apiKinds.includes("websocket")) return problem("is not supported for WebSocket APIs", "remove mutualTls, or serve REST or HTTP APIs");
    return undefined;
}

/**
 * IP address types of a custom domain. Source: API Gateway Developer Guide, "IP address types
 * for custom domain names in API Gateway": "The default IP address type for API Gateway custom
 * domain names for public APIs is IPv4" and "Private custom domain names can only have a
 * dualstack IP address type"; CloudFormation AWS::ApiGateway::DomainName EndpointConfiguration,
 * IpAddressType ("ipv4" or "dualstack"; "For the PRIVATE endpoint type, only dualstack is
 * supported").
 */
export const IP_ADDRESS_TYPES = ["ipv4", "dualstack"] as const;
export const PUBLIC_DOMAIN_DEFAULT_IP_ADDRESS_TYPE = "ipv4";
export const PRIVATE_DOMAIN_IP_ADDRESS_TYPE = "dualstack";

/**
 * The Route 53 alias record types that reach a domain answering on these IP address types: an
 * AAAA alias only gives IPv6 when the target answers on it (Route 53 Developer Guide, "Routing
 * traffic to an Amazon API Gateway API by using your domain name": create an AAAA alias too when
 * the domain is dualstack).
 */
export function aliasRecordTypes(ipAddressType: string): ("A" | "AAAA")[] {
    return ipAddressType === "dualstack" ? ["A", "AAAA"] : ["A"];
}

/**
 * Why a name cannot be a private custom domain name, or undefined. Source: API Gateway Developer
 * Guide, "Custom domain names for private APIs in API Gateway" (considerations: wildcard custom
 * domain names are not supported for private APIs; a wildcard certificate covering the name is).
 */
export function privateDomainNameProblem(name: string): Problem | undefined {
    if (name.startsWith("*.")) {
        return problem("is a wildcard name; API Gateway does not support wildcard private custom domain names",
            `name each private domain (e.g. "${name.replace(/^\*\./, "api.")}"); a wildcard certificate may still cover it`);
    }
    return undefined;
}

// Host names API Gateway answers on. The default endpoint is `{api-id}.execute-api.{region}.amazonaws.com`
// (Developer Guide, "Invoke REST APIs in API Gateway"); a custom domain's regional target is
// `d-{id}.execute-api.{region}.amazonaws.com` (CreateDomainName's regionalDomainName); private APIs
// answer through VPC endpoint names `vpce-....execute-api.{region}.vpce.amazonaws.com` (Developer
// Guide, "Invoke a private API"). The API id is ten lowercase alphanumerics; a private API addressed
// through an endpoint adds `-vpce-...`.
const DEFAULT_ENDPOINT_LABEL = /^[a-z0-9]{10}(-vpce-[a-z0-9]+)?$/;
const DOMAIN_TARGET_LABEL = /^d-[a-z0-9]+$/;
const EXECUTE_API_HOST = /^([a-z0-9-]+)\.execute-api\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/;
const VPC_ENDPOINT_HOST = /^[a-z0-9-]+\.execute-api\.[a-z0-9-]+\.vpce\.amazonaws\.com(\.cn)?$/;

export type ApiGatewayHostKind =
    /** `{api-id}.execute-api...`: the API's default endpoint. */
    | "default-endpoint"
    /** `d-xxxx.execute-api...`: the regional target of a custom domain name. */
    | "domain-target"
    /** Another `*.execute-api.*.amazonaws.com` name. */
    | "execute-api"
    /** A VPC endpoint name of the execute-api service. */
    | "vpc-endpoint";

/** What kind of API Gateway name a (lowercase) host is, or undefined when it is not one by its shape. */
export function apiGatewayHostKind(host: string): ApiGatewayHostKind | undefined {
    if (VPC_ENDPOINT_HOST.test(host)) return "vpc-endpoint";
    const match = EXECUTE_API_HOST.exec(host);
    if (!match) return undefined;
    const first = match[1];
    if (DOMAIN_TARGET_LABEL.test(first)) return "domain-target";
    if (DEFAULT_ENDPOINT_LABEL.test(first)) return "default-endpoint";
    return "execute-api";
}

/**
 * An execute-api host: `{label}.execute-api.{region}.{dnsSuffix}`, where the label is the API id
 * (the default endpoint) or `d-{id}` (a custom domain's regional target) and dnsSuffix is the
 * partition's (`amazonaws.com`, `amazonaws.com.cn`). Same sources as the patterns above; the one
 * place the shape is written for building names.
 */
export function executeApiHost(label: string, region: string, dnsSuffix: string): string {
    return `${label}.execute-api.${region}.${dnsSuffix}`;
}

/** A custom domain's regional target, `d-{id}.execute-api.{region}.{dnsSuffix}` (CreateDomainName's regionalDomainName). */
export function domainTargetHost(id: string, region: string, dnsSuffix: string): string {
    return executeApiHost(`d-${id}`, region, dnsSuffix);
}

/**
 * A DNS name of an interface VPC endpoint: `{endpoint-id}-{suffix}[-{az}].{service}.{region}.vpce.{dnsSuffix}`
 * (the regional name, and one per Availability Zone when `zone` is given). Source: AWS PrivateLink
 * Guide, "DNS hostnames" of interface endpoints (endpoint-specific Regional and zonal DNS names),
 * and Developer Guide, "Invoke a private API" (`vpce-....execute-api.{region}.vpce.amazonaws.com`).
 */
export function vpcEndpointHost(endpointLabel: string, service: string, region: string, dnsSuffix: string, zone?: string): string {
    return `${endpointLabel}${zone ? `-${zone}` : ""}.${service}.${region}.vpce.${dnsSuffix}`;
}

/**
 * The execute-api VPC endpoint service of a region (`com.amazonaws.eu-west-1.execute-api`; China
 * regions use the `cn.com.amazonaws` prefix). Source: AWS PrivateLink Guide, "AWS services that
 * integrate with AWS PrivateLink" (service names `com.amazonaws.region.execute-api`).
 */
export function executeApiServiceName(region: string): string {
    return `${region.startsWith("cn-") ? "cn.com.amazonaws" : "com.amazonaws"}.${region}.execute-api`;
}

/** True for the name of an execute-api VPC endpoint service, in any region (same source). */
export function isExecuteApiServiceName(name: string): boolean {
    return name.endsWith(".execute-api");
}

/**
 * The region in an execute-api host name (`d-xxxx.execute-api.eu-west-1.amazonaws.com` gives
 * `eu-west-1`), or undefined when the host is not one: API Gateway names every regional endpoint
 * and custom domain target after the region that serves it (same sources as above).
 */
export function executeApiHostRegion(host: string): string | undefined {
    return EXECUTE_API_HOST.exec(host)?.[2];
}

/**
 * Which API Gateway names a DNS CNAME may point at. A CNAME to a custom domain's target (the
 * regional `d-xxxx.execute-api...` name, or the CloudFront name of an edge domain) is documented
 * as valid: Developer Guide, "Set up a Regional custom domain name in API Gateway": "The DNS record
 * can be the CNAME or an A Alias record ... If you use a third-party DNS provider, use a CNAME
 * record." (and the same for edge-optimized names). A CNAME to the API's default endpoint
 * `{api-id}.execute-api...` resolves, but that endpoint presents AWS's own `*.execute-api`
 * certificate and serves only its own name (Developer Guide, "Custom domain name for public REST
 * APIs": a custom domain name needs a custom domain resource and its certificate), so TLS fails
 * for the CNAME's name. Names of execute-api VPC endpoints are ordinary DNS names of the endpoint
 * (PrivateLink Guide, "Access an AWS service using an interface VPC endpoint"), fine as CNAME values.
 */
export function cnameToApiGatewayFails(kind: ApiGatewayHostKind): boolean {
    return kind === "default-endpoint";
}

/**
 * API Gateway serves APIs and custom domains over HTTPS only, with TLS 1.2 available under every
 * security policy. Sources: Developer Guide, "Data protection in Amazon API Gateway" ("API Gateway
 * doesn't support unencrypted (HTTP) endpoints"); "Choose a security policy for your custom domain"
 * (TLS_1_0 accepts TLS 1.0 to 1.2, TLS_1_2 and the enhanced TLS13_1_2 policies accept TLS 1.2). A
 * client that reaches it over plain HTTP, or offers only older protocols, therefore fails.
 */
export const API_GATEWAY_TLS_ALWAYS_ACCEPTED: TlsVersion = 1.2;

/** The security policy with TLS 1.2 as floor that every endpoint type and API kind takes (same page). */
export const BASELINE_SECURITY_POLICY = SECURITY_POLICY.TLS_1_2;

/**
 * The security policy of an API Gateway v2 domain name (HTTP and WebSocket APIs): the only one it
 * takes, so also what it reports when the program names none. Source: Developer Guide, "Choose a
 * security policy for your custom domain", Considerations ("For HTTP or WebSocket APIs, API
 * Gateway only supports the TLS_1_2 security policy").
 */
export const V2_DOMAIN_SECURITY_POLICY = SECURITY_POLICY.TLS_1_2;

/**
 * WebSocket APIs and custom domains. Source: Developer Guide, "Custom domain names for WebSocket
 * APIs in API Gateway", Considerations: a custom domain mapped to a WebSocket API cannot also be
 * mapped to a REST or HTTP API, only Regional custom domain names are supported, and TLS 1.2 is the
 * only minimum TLS version offered.
 */
export const WEBSOCKET_DOMAIN = { endpointType: "REGIONAL" as EndpointType, securityPolicy: SECURITY_POLICY.TLS_1_2 };

/**
 * Multi-level mapping keys (`v1/orders`) exist only on Regional domains with a TLS 1.2 (or enhanced)
 * security policy, and only through the v2 ApiMapping API; the v1 base path mapping takes a single
 * path segment. Sources: Developer Guide, "Use API mappings to connect API stages to a custom domain
 * name for REST APIs" (the restrictions on mappings with multiple levels); API Reference,
 * CreateBasePathMapping and CreateApiMapping.
 */
export const MULTI_LEVEL_KEY_ENDPOINT: EndpointType = "REGIONAL";

/**
 * What API Gateway answers to a load balancer's health probe sent to an execute-api VPC endpoint's
 * address without an API's Host: 403 Forbidden. Source: AWS re:Post Knowledge Center, "How do I
 * use an Application Load Balancer to access a private API in API Gateway?" (the target group's
 * success codes must include 403).
 */
export const EXECUTE_API_PROBE_STATUS = 403;
