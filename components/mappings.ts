import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { API_KINDS, RESERVED_MAPPING_KEYS, apiKindProblem, multiLevelMappingProblem, stageNameProblem } from "../aws/apigateway";
import { asOutput } from "./component";
import { MAPPING_DEPLOY_TIME, checkWhenKnown, refuseDeployTimeValues } from "./deploy-time";
import { DomainConfigError } from "./errors";
import { validateMappingKey } from "./names";
import { ArgumentNames, rejectUnknownArguments } from "./options";
import { ApiType, EndpointKind } from "./types";
import { Transform, applyTransform } from "./transform";

/** One API stage served under a path of a custom domain. */
export interface Mapping {
    /**
     * Id of the API: a REST API id for `rest`, an `apigatewayv2.Api` id for `http` and `websocket`.
     * @example restApi.id
     */
    apiId: pulumi.Input<string>;
    /**
     * Stage name to serve. Pass the stage resource's name output (`stage.stageName`, or the
     * `name` of an `apigatewayv2.Stage`) rather than a plain string: the mapping then waits for the
     * stage, which API Gateway requires to exist (a plain name only waits for the API, and the
     * component warns when that API is created by the same program). Checked against API
     * Gateway's stage name rules when known (at deploy time for an output).
     * @example stage.stageName
     */
    stage: pulumi.Input<string>;
    /**
     * Path under the domain (the mapping key). Empty or omitted serves the API at the root.
     * Multi-level keys (`v1/orders`) need a regional domain (TLS_1_2 or an enhanced policy).
     * Must be known while the program runs (not a secret or an output): the key names the mapping resource and decides whether a v1 or a v2 mapping serves it.
     * @default "" (the root)
     * @example "v1"
     */
    basePath?: string;
    /**
     * Kind of API.
     * Must be known while the program runs (not a secret or an output): it decides which kind of mapping resource serves the API.
     * @default the domain's `apiType` ("rest" for EdgeDomain)
     */
    apiType?: ApiType;
}

const MAPPING_ARGUMENTS: ArgumentNames<Mapping> = { apiId: true, stage: true, basePath: true, apiType: true };

/** What the domain is, as far as mapping rules care. */
export interface MappingDomainTraits {
    kind: EndpointKind;
    securityPolicy: string;
    /** The API kind mappings default to, and that decides WebSocket exclusivity. */
    apiType: ApiType;
}

export interface PlannedMapping {
    key: string;
    levels: number;
    apiType: ApiType;
    /** Which API Gateway mapping resource serves it. */
    resource: "basePathMapping" | "apiMapping";
    /** The stage, checked against the stage name rules as soon as it is known. */
    stage: pulumi.Input<string>;
}

/**
 * Validates mappings one at a time against the domain and against each other (a key maps
 * once per domain; WebSocket APIs do not share a domain with REST or HTTP APIs).
 */
export class MappingPlanner {
    private readonly keys = new Set<string>();

    constructor(readonly label: string, private readonly traits: MappingDomainTraits) {}

    plan(argument: string, mapping: Mapping): PlannedMapping {
        refuseDeployTimeValues(this.label, mapping, MAPPING_DEPLOY_TIME, argument);
        rejectUnknownArguments(this.label, mapping, MAPPING_ARGUMENTS, `${argument}.`);
        const { kind, securityPolicy } = this.traits;
        const key = mapping.basePath ?? "";
        const apiType = mapping.apiType ?? this.traits.apiType;
        const fail = (arg: string, value: unknown, rule: string, fix: string): never => {
            throw new DomainConfigError(this.label, arg, value, rule, fix);
        };
        if (!(API_KINDS as readonly string[]).includes(apiType)) {
            fail(`${argument}.apiType`, apiType, "is not an API kind", "use \"rest\", \"http\" or \"websocket\"");
        }
        const levels = validateMappingKey(this.label, `${argument}.basePath`, key);
        const stage = checkWhenKnown(mapping.stage, (name) => {
            const stageProblem = stageNameProblem(name, apiType);
            if (stageProblem) fail(`${argument}.stage`, name, stageProblem.rule, stageProblem.fix);
        });
        if (this.keys.has(key)) {
            fail(`${argument}.basePath`, key, "is already mapped on this domain; a key maps one API stage",
                "give each mapping its own basePath");
        }
        const kindProblem = apiKindProblem(kind, this.traits.apiType, apiType);
        if (kindProblem) fail(`${argument}.apiType`, apiType, kindProblem.rule, kindProblem.fix);
        if (levels > 1) {
            const levelsProblem = multiLevelMappingProblem(kind, securityPolicy, apiType);
            if (levelsProblem) fail(`${argument}.basePath`, key, levelsProblem.rule, levelsProblem.fix);
        }
        if (RESERVED_MAPPING_KEYS.includes(key.split("/")[0])) {
            pulumi.log.warn(`${this.label}: ${argument}.basePath "${key}" starts with a path API Gateway reserves for its health check (/ping, /sping): those requests never reach the API; choose another path`);
        }
        this.keys.add(key);
        const resource = apiType === "rest" && levels <= 1 ? "basePathMapping" : "apiMapping";
        return { key, levels, apiType, resource, stage };
    }
}

/** Child name of a mapping: stable per key, so reordering the list never replaces anything. */
export function mappingChildName(component: string, key: string): string {
    return `${component}-mapping-${key === "" ? "root" : key}`;
}

/** The URL a mapping answers on, with the trailing slash a base path needs ("" is the root). */
export function urlOf(domainName: string, key: string): string {
    return `https://${domainName}/${key === "" ? "" : key + "/"}`;
}

/** The URL a mapping answers on, once the domain name is known. */
export function mappingUrl(domain: pulumi.Input<string>, key: string): pulumi.Output<string> {
    return asOutput(domain).apply((d) => urlOf(d, key));
}

export interface MappingTransforms {
    basePathMapping?: Transform<aws.apigateway.BasePathMappingArgs>;
    apiMapping?: Transform<aws.apigatewayv2.ApiMappingArgs>;
}

/**
 * Creates the mapping resource: v1 `BasePathMapping` for single-level REST keys (and for
 * private domains, addressed by `domainNameId`), v2 `ApiMapping` for HTTP, WebSocket and
 * multi-level keys.
 */
export function createMapping(
    component: string,
    planned: PlannedMapping,
    mapping: Mapping,
    domain: { domainName: pulumi.Input<string>; domainNameId?: pulumi.Input<string> },
    region: pulumi.Input<string> | undefined,
    opts: pulumi.CustomResourceOptions,
    transforms: MappingTransforms | undefined,
): aws.apigateway.BasePathMapping | aws.apigatewayv2.ApiMapping {
    const name = mappingChildName(component, planned.key);
    // A key is unique per domain, so a replacement must free it before claiming it again.
    const o: pulumi.CustomResourceOptions = { ...opts, deleteBeforeReplace: true };
    if (planned.resource === "basePathMapping") {
        const [a, ro] = applyTransform(transforms?.basePathMapping, name, {
            domainName: domain.domainName,
            domainNameId: domain.domainNameId,
            restApi: mapping.apiId,
            stageName: planned.stage,
            basePath: planned.key === "" ? undefined : planned.key,
            region,
        } as aws.apigateway.BasePathMappingArgs, o);
        return new aws.apigateway.BasePathMapping(name, a, ro);
    }
    const [a, ro] = applyTransform(transforms?.apiMapping, name, {
        domainName: domain.domainName,
        apiId: mapping.apiId,
        stage: planned.stage,
        apiMappingKey: planned.key === "" ? undefined : planned.key,
        region,
    } as aws.apigatewayv2.ApiMappingArgs, o);
    return new aws.apigatewayv2.ApiMapping(name, a, ro);
}
