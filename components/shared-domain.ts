import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { BASELINE_SECURITY_POLICY, ENDPOINT_TYPES, EndpointType, policyApiKindProblem } from "../aws/apigateway";
import { ROUTING_MODES, modeUsesMappings, routingModeNamed } from "../aws/routing";
import { asOutput, defineLiveOutput, keepNodes, nodesOf } from "./component";
import { DomainMappings, DomainNodes } from "./domain-base";
import { MAPPING_DEPLOY_TIME, refuseDeployTimeValues, under } from "./deploy-time";
import { DomainConfigError, componentLabel } from "./errors";
import { Mapping, MappingPlanner, MappingTransforms, PlannedMapping } from "./mappings";
import { validateDomainName } from "./names";
import { ArgumentNames, rejectOptionsInArgs, rejectUnknownArguments, standardOptions } from "./options";
import { plainString } from "./regions";
import { ApiType, DomainEndpointType, RoutingMode } from "./types";

export interface SharedDomainMappingsArgs {
    /**
     * Name of the existing custom domain (another stack's or account's), e.g. the owner's
     * `domainName` stack output.
     * @example ownerStack.requireOutput("domainName")
     */
    domainName: pulumi.Input<string>;
    /**
     * Identifier of a private custom domain (the owner's `domainNameId` output); private names
     * are not unique, so their mappings address the domain by name and id. Omit for public domains.
     * @example "abcd123456"
     */
    domainNameId?: pulumi.Input<string>;
    /**
     * Region of the domain (the owner's `domainRegion` output); the mappings are created there.
     * @default the provider's region
     */
    region?: pulumi.Input<string>;
    /**
     * The domain's endpoint type as its owner reports it (`endpointType` output). Checked against
     * the looked-up domain when there is a lookup; without one, it is what the key rules apply to.
     * @default "PRIVATE" with `domainNameId`, else what the lookup finds
     */
    endpointType?: pulumi.Input<DomainEndpointType>;
    /**
     * The domain's security policy as its owner reports it (`securityPolicy` output): multi-level
     * keys and HTTP APIs need "TLS_1_2". Checked against the looked-up domain when there is a lookup.
     * @default what the lookup finds
     */
    securityPolicy?: pulumi.Input<string>;
    /**
     * The domain's routing mode as its owner reports it (`routingMode` output): a
     * "ROUTING_RULE_ONLY" domain takes no mappings. The provider's lookup does not report it.
     * @default not checked (listed in `uncheckedRules`)
     */
    routingMode?: pulumi.Input<RoutingMode>;
    /**
     * Read the domain with `aws.apigateway.getDomainName` (endpoint type, security policy) and
     * apply the key rules to what it reports. A private domain shared from another account
     * through AWS RAM cannot be read from this account: leave this off for it and pass
     * `endpointType`/`securityPolicy` from the owner's outputs instead.
     * @default true for public domains, false with `domainNameId`
     */
    lookup?: boolean;
    /**
     * The API stages to serve on the domain, each under its own key. The domain's other keys
     * belong to other stacks and are left alone.
     * Must be known while the program runs (not a secret or an output): the list decides how many mapping resources exist; each mapping's `apiId` and `stage` may be outputs.
     * @example [{ apiId: api.id, stage: stage.stageName, basePath: "orders" }]
     */
    mappings: Mapping[];
    /**
     * Kind of API of the mappings that do not say.
     * @default "rest"
     */
    apiType?: ApiType;
}

/** Resource options of SharedDomainMappings: Pulumi's own, plus escape hatches for the mappings (TypeScript). */
export interface SharedDomainMappingsOptions extends pulumi.ComponentResourceOptions {
    /** Escape hatches for the mapping resources. */
    transform?: MappingTransforms;
}

/** The child resources of SharedDomainMappings, for TypeScript programs. */
export type SharedDomainMappingsNodes = Pick<DomainNodes, "mappings">;

/** What the late check knows of the domain once its outputs and lookup resolve. */
export interface SharedDomainFacts {
    /** What the program declared (`endpointType`, `securityPolicy`), resolved. */
    declared: { endpointType?: string; securityPolicy?: string; routingMode?: string };
    /** What `getDomainName` reported, when the domain was looked up. */
    found?: { endpointType?: string; securityPolicy?: string };
    /** True when the program addresses a private domain by id. */
    byId: boolean;
}

/**
 * Serves API stages under keys of a custom domain this stack does not own (a platform stack's
 * or another account's). It creates only the mappings, v1 base path mappings or v2 API
 * mappings exactly as the domain components choose them, and never touches the domain:
 * removing it removes only its mappings. The key rules of the domain components apply to what
 * is known of the domain: plain arguments before anything is registered, stack outputs and the
 * looked-up domain as soon as they resolve (before any mapping is created). `uncheckedRules`
 * says what could not be checked.
 */
export class SharedDomainMappings extends pulumi.ComponentResource {
    /** The domain name the mappings attach to. */
    readonly domainName: pulumi.Output<string>;
    /** The URL of each mapping, keyed by its path ("" for the root), with the trailing slash a base path needs. */
    declare readonly urls: pulumi.Output<Record<string, string>>;
    /** The rules this component could not check with what it knows of the domain (also logged). */
    readonly uncheckedRules: string[];

    constructor(name: string, args: SharedDomainMappingsArgs, opts: SharedDomainMappingsOptions = {}) {
        const label = componentLabel("SharedDomainMappings", name);
        const plan = validateSharedDomainMappings(label, args);
        super("apigw-domains:index:SharedDomainMappings", name, {}, standardOptions(opts));

        // Every mapping, the constructor's and addMapping's, is held to the domain's facts once they resolve.
        const all: { argument: string; mapping: Mapping }[] = (args.mappings ?? []).map((m, i) => ({ argument: `mappings[${i}]`, mapping: m }));
        const found = plan.lookup
            ? aws.apigateway.getDomainNameOutput({ domainName: args.domainName, domainNameId: args.domainNameId, region: args.region }, { parent: this })
                .apply((d) => ({ endpointType: d.endpointConfigurations?.[0]?.types?.[0], securityPolicy: d.securityPolicy }))
            : undefined;
        const checked = plan.lateCheck || found
            ? pulumi.all([args.endpointType, args.securityPolicy, args.routingMode, found]).apply(([endpointType, securityPolicy, routingMode, f]) => {
                checkSharedDomainFacts(label, { declared: { endpointType, securityPolicy, routingMode }, found: f, byId: plan.byId }, all, plan.domainApiType);
                return true;
            })
            : undefined;
        // The mappings take the domain name through the check, so a failed check creates none of them.
        const target = {
            domainName: checked ? pulumi.all([args.domainName, checked]).apply(([d]) => d) : args.domainName,
            domainNameId: args.domainNameId,
        };

        const nodes = keepNodes<SharedDomainMappingsNodes>(this, { mappings: [] });
        const mappings = new DomainMappings(this, {
            name, planner: plan.planner, target, region: args.region, transforms: opts.transform, resources: nodes.mappings,
        });
        this.domainName = asOutput(args.domainName);
        this.uncheckedRules = plan.unchecked;
        defineLiveOutput(this, "urls", () => mappings.urls());
        sharedMappingsByComponent.set(this, { mappings, all });
        mappings.createPlanned(plan.planned, args.mappings ?? []);
        pulumi.log.info(`${label}: not checked here: ${plan.unchecked.join("; ")}`, this);
        this.registerOutputs({ domainName: this.domainName, urls: this.urls, uncheckedRules: this.uncheckedRules });
    }

    /** The mapping resources, for TypeScript programs. */
    get nodes(): SharedDomainMappingsNodes {
        return nodesOf(this);
    }

    /**
     * Serves one more API stage on the shared domain (TypeScript), under the same rules.
     * @returns the URL of the new mapping.
     */
    addMapping(mapping: Mapping): pulumi.Output<string> {
        const state = sharedMappingsByComponent.get(this)!;
        const url = state.mappings.add(mapping);
        state.all.push({ argument: `addMapping(${JSON.stringify(mapping.basePath ?? "")})`, mapping });
        return url;
    }
}

const sharedMappingsByComponent = new WeakMap<SharedDomainMappings, {
    mappings: DomainMappings;
    all: { argument: string; mapping: Mapping }[];
}>();

/** Whatever a plain (or not yet known) value tells now. */
function plain<T extends string>(value: pulumi.Input<T> | undefined): T | undefined {
    return plainString(value as pulumi.Input<string> | undefined) as T | undefined;
}

/**
 * Every rule that plain arguments can decide, checked before anything is registered; returns
 * the mapping plan and what is left for later or not checkable at all.
 */
const SHARED_DOMAIN_MAPPINGS_ARGUMENTS: ArgumentNames<SharedDomainMappingsArgs> = {
    domainName: true, domainNameId: true, region: true, endpointType: true, securityPolicy: true, routingMode: true,
    lookup: true, mappings: true, apiType: true,
};

export function validateSharedDomainMappings(label: string, args: SharedDomainMappingsArgs) {
    refuseDeployTimeValues(label, args, [
        "domainName", "domainNameId", "region", "endpointType", "securityPolicy", "routingMode", ...under("mappings[]", MAPPING_DEPLOY_TIME),
    ]);
    rejectOptionsInArgs(label, args);
    rejectUnknownArguments(label, args, SHARED_DOMAIN_MAPPINGS_ARGUMENTS);
    const fail = (argument: string, value: unknown, rule: string, fix: string): never => {
        throw new DomainConfigError(label, argument, value, rule, fix);
    };
    const domainName = plain(args.domainName);
    if (args.domainName === undefined) fail("domainName", undefined, "is required", "pass the existing domain's name, e.g. the owner stack's domainName output");
    if (domainName !== undefined) validateDomainName(label, "domainName", domainName);
    const byId = args.domainNameId !== undefined;
    const domainNameId = plain(args.domainNameId);
    // Only what an identifier can never be: AWS does not document its alphabet, so no more is refused.
    if (domainNameId !== undefined && (domainNameId === "" || /[\s+/:]/.test(domainNameId))) {
        fail("domainNameId", domainNameId, "is not a domain name identifier (it is the part after \"+\" in the domain's ARN)",
            "pass the owner's domainNameId output, e.g. \"abcd123456\"");
    }
    if (!Array.isArray(args.mappings)) fail("mappings", args.mappings, "is not a list", "pass a list of { apiId, stage, basePath }");
    const apiType: ApiType = args.apiType ?? "rest";
    if (apiType !== "rest" && apiType !== "http" && apiType !== "websocket") {
        fail("apiType", apiType, "is not an API kind", "use \"rest\", \"http\" or \"websocket\"");
    }
    const endpointType = plain(args.endpointType);
    if (endpointType !== undefined) checkEndpointType(label, endpointType, byId);
    const kind: EndpointType | undefined = endpointType ?? (byId ? "PRIVATE" : undefined);
    const securityPolicy = plain(args.securityPolicy);
    const lookup = args.lookup ?? !byId;
    if (typeof lookup !== "boolean") fail("lookup", lookup, "is not a boolean", "pass true or false");
    // The domain's own kind is unknown here; a WebSocket mapping makes this set WebSocket-only.
    const domainApiType: ApiType = args.mappings.some((m) => (m.apiType ?? apiType) === "websocket") ? "websocket" : apiType;
    // Until the domain is known, plan against the most permissive domain: a regional TLS_1_2 one.
    const planner = new MappingPlanner(label, { kind: kind ?? "REGIONAL", securityPolicy: securityPolicy ?? BASELINE_SECURITY_POLICY, apiType: domainApiType });
    const withDefault = args.mappings.map((m) => ({ ...m, apiType: m.apiType ?? apiType }));
    const planned: PlannedMapping[] = withDefault.map((m, i) => planner.plan(`mappings[${i}]`, m));
    if (securityPolicy !== undefined) {
        withDefault.forEach((m, i) => {
            const found = policyApiKindProblem(securityPolicy, m.apiType);
            if (found) fail(`mappings[${i}].apiType`, m.apiType, `${found.rule} (the domain's securityPolicy is "${securityPolicy}")`, found.fix);
        });
    }
    // Outputs of another stack (endpointType, securityPolicy) are checked as soon as they resolve.
    const routingMode = plain(args.routingMode);
    if (routingMode !== undefined) checkRoutingMode(label, routingMode, args.mappings.length > 0);
    const lateCheck = (args.endpointType !== undefined && endpointType === undefined)
        || (args.securityPolicy !== undefined && securityPolicy === undefined)
        || (args.routingMode !== undefined && routingMode === undefined);
    const unchecked = [
        "whether another stack already maps these keys on the domain (API Gateway refuses a key twice when the mapping is created)",
        "whether the domain's other mappings mix WebSocket APIs with REST or HTTP APIs (a domain serves either)",
    ];
    if (args.routingMode === undefined) {
        unchecked.push("the domain's routing mode (not declared; a ROUTING_RULE_ONLY domain takes no mappings, and the provider's lookup does not report it)");
    }
    if (!lookup && args.endpointType === undefined && !byId) {
        unchecked.push("the endpoint type (not looked up, not declared): edge-optimized and private domains take only REST APIs and single-level keys");
    }
    if (!lookup && args.securityPolicy === undefined) {
        unchecked.push("the security policy (not looked up, not declared): multi-level keys and HTTP APIs need TLS_1_2");
    }
    return { planner, planned, lookup, lateCheck, byId, domainApiType, unchecked };
}

function checkRoutingMode(label: string, value: string, hasMappings: boolean): void {
    const mode = routingModeNamed(value);
    if (mode === undefined) {
        throw new DomainConfigError(label, "routingMode", value, "is not a routing mode", `use one of ${ROUTING_MODES.map((m) => `"${m}"`).join(", ")}`);
    }
    if (hasMappings && !modeUsesMappings(mode)) {
        throw new DomainConfigError(label, "mappings", "(set)", `cannot be created on a domain with routingMode "${mode}", which serves requests by routing rules only`,
            "ask the domain's owner for ROUTING_RULE_THEN_API_MAPPING, or add a routing rule to the domain instead");
    }
}

function checkEndpointType(label: string, endpointType: string, byId: boolean): EndpointType {
    if (!(ENDPOINT_TYPES as readonly string[]).includes(endpointType)) {
        throw new DomainConfigError(label, "endpointType", endpointType, "is not an endpoint type", "use \"EDGE\", \"REGIONAL\" or \"PRIVATE\"");
    }
    if (byId && endpointType !== "PRIVATE") {
        throw new DomainConfigError(label, "domainNameId", "(set)", `addresses a private domain, but endpointType is "${endpointType}"`,
            "drop domainNameId for a public domain, or pass the private domain's endpointType \"PRIVATE\"");
    }
    return endpointType as EndpointType;
}

/**
 * The key rules against what is known of the domain once stack outputs and the lookup resolve:
 * the same checks, and messages, as before registration. Throws a DomainConfigError.
 */
export function checkSharedDomainFacts(
    label: string,
    facts: SharedDomainFacts,
    mappings: readonly { argument: string; mapping: Mapping }[],
    domainApiType: ApiType,
): void {
    const { declared, found, byId } = facts;
    const fail = (argument: string, value: unknown, rule: string, fix: string): never => {
        throw new DomainConfigError(label, argument, value, rule, fix);
    };
    if (declared.endpointType !== undefined) checkEndpointType(label, declared.endpointType, byId);
    if (declared.routingMode !== undefined) checkRoutingMode(label, declared.routingMode, mappings.length > 0);
    if (found?.endpointType !== undefined && declared.endpointType !== undefined && found.endpointType !== declared.endpointType) {
        fail("endpointType", declared.endpointType, `disagrees with the domain, which API Gateway reports as ${found.endpointType}`,
            "pass the owner's endpointType output, or omit endpointType to use the looked-up one");
    }
    if (found?.securityPolicy && declared.securityPolicy !== undefined && found.securityPolicy !== declared.securityPolicy) {
        fail("securityPolicy", declared.securityPolicy, `disagrees with the domain, which API Gateway reports as "${found.securityPolicy}"`,
            "pass the owner's securityPolicy output, or omit securityPolicy to use the looked-up one");
    }
    const kind = (found?.endpointType ?? declared.endpointType ?? (byId ? "PRIVATE" : undefined)) as EndpointType | undefined;
    if (kind !== undefined && !ENDPOINT_TYPES.includes(kind)) {
        fail("domainName", "(looked up)", `has an endpoint type API Gateway did not document ("${kind}")`, "check the domain in the API Gateway console");
    }
    if (byId && kind !== undefined && kind !== "PRIVATE") {
        fail("domainNameId", "(set)", `addresses a private domain, but the domain is ${kind}`, "drop domainNameId for a public domain");
    }
    const policy = found?.securityPolicy || declared.securityPolicy;
    const planner = new MappingPlanner(label, { kind: kind ?? "REGIONAL", securityPolicy: policy ?? BASELINE_SECURITY_POLICY, apiType: domainApiType });
    for (const { argument, mapping } of mappings) {
        const apiType = mapping.apiType ?? domainApiType;
        planner.plan(argument, { ...mapping, apiType });
        const problem = policy === undefined ? undefined : policyApiKindProblem(policy, apiType);
        if (problem) fail(`${argument}.apiType`, apiType, `${problem.rule} (the domain's securityPolicy is "${policy}")`, problem.fix);
    }
}
