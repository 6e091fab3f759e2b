// API Gateway custom domains, their mappings and the APIs behind them, read from raw resources.
//
// REST (`apigateway`) and v2 (`apigatewayv2`) domain names are the same object in AWS, so a v2
// ApiMapping can point at a domain created with the v1 resource and the other way round. Rules see
// one model for both, and find a mapping's domain and API through property dependencies first
// (works during preview, when names and ids are unknown) and by name or id second (works for
// domains and APIs created elsewhere).

import { DEFAULT_REST_ENDPOINT_TYPE, ENDPOINT_TYPES, EndpointType } from "../../aws/apigateway";
import { normalizeHost } from "./hosts";
import { resolveRegion } from "./region";
import { StackIndex, StackResource, T, idOf, sourcesOfType } from "./resources";
import { at, isUnknown, str, stringList } from "./values";

export { EndpointType };

export interface DomainModel {
    readonly resource: StackResource;
    /** Lower-cased custom domain name, when known. */
    readonly domainName?: string;
    /** Undefined while unknown. A v1 domain without endpoint configuration is EDGE, AWS's default. */
    readonly endpointType?: EndpointType;
    /** The security policy, when set and known. */
    readonly securityPolicy?: string;
    readonly region?: string;
    /** Known names API Gateway serves the domain on: the regional target (`d-xxxx...`) or the managed CloudFront name. */
    readonly targets: readonly string[];
}

export type ApiKind = "REST" | "HTTP" | "WEBSOCKET";

export interface MappingModel {
    readonly resource: StackResource;
    /** The mapping key: "" for the root, undefined while unknown. */
    readonly key?: string;
    /** Whether it was made with the v1 BasePathMapping API (single-level keys only). */
    readonly v1: boolean;
    readonly domain?: DomainModel;
    /** Groups mappings of one domain even when the domain is not in this stack. */
    readonly domainKey?: string;
    /** Lower-cased domain name as given on the mapping, when known. */
    readonly domainName?: string;
    readonly api?: StackResource;
}

export const DOMAIN_TYPES: ReadonlySet<string> = new Set([T.domainV1, T.domainV2]);
export const API_TYPES: ReadonlySet<string> = new Set([T.restApi, T.apiV2]);

/** Reads a v1 or v2 domain name resource into the shared model; undefined for other types. */
/** The endpoint type a (case-normalized) value names, or undefined. */
function endpointTypeNamed(value: string | undefined): EndpointType | undefined {
    return ENDPOINT_TYPES.find((t) => t === value);
}

export function domainModel(resource: StackResource, defaultRegion: string | undefined): DomainModel | undefined {
    const p = resource.props;
    const region = resolveRegion(resource, defaultRegion);
    const domainName = normalizeHost(p["domainName"]);
    if (resource.type === T.domainV1) {
        const typesValue = at(p, "endpointConfiguration", "types");
        let endpointType: EndpointType | undefined;
        if (p["endpointConfiguration"] === undefined || p["endpointConfiguration"] === null) {
            endpointType = DEFAULT_REST_ENDPOINT_TYPE;
        } else {
            const types = stringList(typesValue);
            const first = types?.[0]?.toUpperCase();
            endpointType = endpointTypeNamed(first);
        }
        const targets = [p["regionalDomainName"], p["cloudfrontDomainName"]].map(normalizeHost).filter((h): h is string => !!h);
        return { resource, domainName, endpointType, securityPolicy: str(p["securityPolicy"]), region, targets };
    }
    if (resource.type === T.domainV2) {
        // The v2 API only creates REGIONAL domains, so an endpoint type not known yet is REGIONAL.
        const type = str(at(p, "domainNameConfiguration", "endpointType"))?.toUpperCase() ?? "REGIONAL";
        const endpointType = endpointTypeNamed(type);
        const target = normalizeHost(at(p, "domainNameConfiguration", "targetDomainName"));
        return {
            resource,
            domainName,
            endpointType,
            securityPolicy: str(at(p, "domainNameConfiguration", "securityPolicy")),
            region,
            targets: target ? [target] : [],
        };
    }
    return undefined;
}

/** The kind of API a RestApi or v2 Api resource is; undefined while the protocol is unknown. */
export function apiKind(resource: StackResource): ApiKind | undefined {
    if (resource.type === T.restApi) {
        return "REST";
    }
    if (resource.type === T.apiV2) {
        const protocol = str(resource.props["protocolType"])?.toUpperCase();
        return protocol === "HTTP" || protocol === "WEBSOCKET" ? protocol : undefined;
    }
    return undefined;
}

/** A mapping key as API Gateway stores it: the root is "", which v1 also spells "(none)". */
function normalizeKey(value: unknown): string | undefined {
    if (value === undefined || value === null) {
        return "";
    }
    if (isUnknown(value)) {
        return undefined;
    }
    const key = str(value);
    return key === "(none)" ? "" : key;
}

/**
 * The custom domains, mappings and APIs of a stack, each resolved once. Lookups go through maps,
 * so building the model is linear in the number of resources.
 */
export class ApiGatewayModel {
    readonly domains: DomainModel[] = [];
    readonly mappings: MappingModel[] = [];
    private readonly domainsByUrn = new Map<string, DomainModel>();
    /** Several domains may share a name: private custom domains are told apart by domainNameId. */
    private readonly domainsByName = new Map<string, DomainModel[]>();
    private readonly domainsByHost = new Map<string, DomainModel>();

    constructor(index: StackIndex, defaultRegion: string | undefined) {
        for (const resource of index.ofTypes(DOMAIN_TYPES)) {
            const domain = domainModel(resource, defaultRegion);
            if (!domain) {
                continue;
            }
            this.domains.push(domain);
            this.domainsByUrn.set(resource.urn, domain);
            if (domain.domainName) {
                const key = nameKey(domain.region, domain.domainName);
                this.domainsByName.set(key, [...(this.domainsByName.get(key) ?? []), domain]);
                this.domainsByHost.set(domain.domainName, domain);
            }
            for (const target of domain.targets) {
                this.domainsByHost.set(target, domain);
            }
        }

        const apisById = new Map<string, StackResource>();
        for (const api of index.ofTypes(API_TYPES)) {
            const id = idOf(api);
            if (id) {
                apisById.set(id, api);
            }
        }

        for (const resource of index.ofType(T.basePathMapping, T.apiMapping)) {
            const v1 = resource.type === T.basePathMapping;
            const p = resource.props;
            const region = resolveRegion(resource, defaultRegion);
            const domainName = normalizeHost(p["domainName"]);
            const domainSources = [
                ...sourcesOfType(resource, "domainName", DOMAIN_TYPES),
                ...(v1 ? sourcesOfType(resource, "domainNameId", DOMAIN_TYPES) : []),
            ];
            const idValue = v1 ? p["domainNameId"] : undefined;
            const domainNameId = str(idValue);
            const domain =
                domainSources.map((d) => this.domainsByUrn.get(d.urn)).find((d) => d !== undefined) ??
                (domainName ? this.domainByName(nameKey(region, domainName), domainNameId) : undefined);
            // A mapping whose domainNameId is not known yet cannot be placed among same-named private domains.
            const domainKey = domain
                ? domain.resource.urn
                : domainName && !isUnknown(idValue)
                  ? nameKey(region, domainName) + (domainNameId ? `|${domainNameId}` : "")
                  : undefined;

            const apiProperty = v1 ? "restApi" : "apiId";
            const api =
                sourcesOfType(resource, apiProperty, API_TYPES)[0] ??
                apisById.get(str(p[apiProperty]) ?? "");

            this.mappings.push({
                resource,
                key: normalizeKey(v1 ? p["basePath"] : p["apiMappingKey"]),
                v1,
                domain,
                domainKey,
                domainName: domain?.domainName ?? domainName,
                api,
            });
        }
    }

    /**
     * The domain a mapping names: the only one with that name and region, or among several (private
     * domains may share a name) the one whose domainNameId the mapping gives.
     */
    private domainByName(key: string, domainNameId: string | undefined): DomainModel | undefined {
        const candidates = this.domainsByName.get(key) ?? [];
        if (domainNameId !== undefined) {
            const byId = candidates.find((d) => str(d.resource.props["domainNameId"]) === domainNameId);
            if (byId) {
                return byId;
            }
            // Domains whose own id is known and different are other domains of the same name.
            const undecided = candidates.filter((d) => str(d.resource.props["domainNameId"]) === undefined);
            return undecided.length === 1 ? undecided[0] : undefined;
        }
        return candidates.length === 1 ? candidates[0] : undefined;
    }

    /** The stack's domain that a host names: its custom name or one of its API Gateway target names. */
    domainForHost(host: string): DomainModel | undefined {
        return this.domainsByHost.get(host);
    }

    domainForResource(resource: StackResource): DomainModel | undefined {
        return this.domainsByUrn.get(resource.urn);
    }

    /** Mappings grouped by the domain they attach to (mappings whose domain cannot be told are left out). */
    mappingsByDomain(): Map<string, MappingModel[]> {
        const groups = new Map<string, MappingModel[]>();
        for (const mapping of this.mappings) {
            if (mapping.domainKey === undefined) {
                continue;
            }
            let group = groups.get(mapping.domainKey);
            if (!group) {
                group = [];
                groups.set(mapping.domainKey, group);
            }
            group.push(mapping);
        }
        return groups;
    }
}

function nameKey(region: string | undefined, domainName: string): string {
    return `${region ?? "?"}|${domainName}`;
}
