/** API Gateway (REST and v2 HTTP/WebSocket): APIs, stages, resources, integrations, custom domain names and their mappings. */
import {
    BASELINE_SECURITY_POLICY, DEFAULT_REST_ENDPOINT_TYPE, domainTargetHost, executeApiHost, PRIVATE_DOMAIN_IP_ADDRESS_TYPE, PUBLIC_DOMAIN_DEFAULT_IP_ADDRESS_TYPE,
    V2_DOMAIN_SECURITY_POLICY,
} from "../../../aws/apigateway";
import { CLOUDFRONT_CERTIFICATE_REGION, CLOUDFRONT_ZONE_ID } from "../../../aws/cloudfront";
import { hostedZoneId, partitionOf } from "../../../aws/regions";
import { Answer, autoName, bool, Ctx, FIXED_TIME, InvokeCall, LOWER_ALNUM, num, obj, pick, Props, ServiceModule, str, strs, UNKNOWN, uuid, World } from "../common";

function restMethodId(prefix: string, c: Ctx): string {
    return `${prefix}-${str(c.inputs["restApi"]) ?? ""}-${str(c.inputs["resourceId"]) ?? ""}-${str(c.inputs["httpMethod"]) ?? ""}`;
}

export const service: ServiceModule = {
    resources: {
        "aws:apigateway/domainName:DomainName": (c, world) => restDomainName(world, c),
        "aws:apigatewayv2/domainName:DomainName": (c) => httpDomainName(c),
        "aws:apigateway/restApi:RestApi": (c, world) => restApi(world, c),
        "aws:apigatewayv2/api:Api": (c, world) => httpApi(world, c),
        "aws:apigateway/stage:Stage": (c) => restStage(c),
        "aws:apigatewayv2/stage:Stage": (c, world) => httpStage(world, c),
        "aws:apigateway/deployment:Deployment": (c) => ({ id: pick(LOWER_ALNUM, 6, c.seed), state: { createdDate: FIXED_TIME } }),
        "aws:apigatewayv2/deployment:Deployment": (c) => ({ id: pick(LOWER_ALNUM, 6, c.seed), state: { autoDeployed: false } }),
        "aws:apigateway/resource:Resource": (c, world) => restResource(world, c),
        "aws:apigateway/method:Method": (c) => ({ id: restMethodId("agm", c), state: {} }),
        "aws:apigateway/methodResponse:MethodResponse": (c) => ({ id: `${restMethodId("agmr", c)}-${str(c.inputs["statusCode"]) ?? ""}`, state: {} }),
        "aws:apigateway/integration:Integration": (c) => ({
            id: restMethodId("agi", c),
            state: {
                cacheNamespace: str(c.inputs["resourceId"]) ?? "",
                connectionType: str(c.inputs["connectionType"]) ?? "INTERNET",
                passthroughBehavior: str(c.inputs["passthroughBehavior"]) ?? "WHEN_NO_MATCH",
                timeoutMilliseconds: num(c.inputs["timeoutMilliseconds"]) ?? 29000,
                responseTransferMode: str(c.inputs["responseTransferMode"]) ?? "BUFFERED",
            },
        }),
        "aws:apigateway/integrationResponse:IntegrationResponse": (c) => ({ id: `${restMethodId("agir", c)}-${str(c.inputs["statusCode"]) ?? ""}`, state: {} }),
        "aws:apigatewayv2/route:Route": (c) => ({ id: pick(LOWER_ALNUM, 7, c.seed), state: {} }),
        "aws:apigatewayv2/integration:Integration": (c, world) => httpIntegration(world, c),
        "aws:apigateway/basePathMapping:BasePathMapping": (c) => {
            const domainNameId = str(c.inputs["domainNameId"]);
            const basePath = str(c.inputs["basePath"]) ?? "";
            const id = [str(c.inputs["domainName"]) ?? "", basePath, ...(domainNameId ? [domainNameId] : [])].join("/");
            return { id, state: { basePath } };
        },
        "aws:apigatewayv2/apiMapping:ApiMapping": (c) => ({ id: pick(LOWER_ALNUM, 6, c.seed), state: {} }),
        "aws:apigatewayv2/routingRule:RoutingRule": (c) => routingRule(c),
        "aws:apigateway/domainNameAccessAssociation:DomainNameAccessAssociation": (c) => {
            const domainArn = str(c.inputs["domainNameArn"]) ?? "";
            const domainKey = domainArn.slice(domainArn.indexOf("/domainnames/") + "/domainnames/".length);
            const source = str(c.inputs["accessAssociationSource"]) ?? "";
            const arn = `arn:${c.partition}:apigateway:${c.region}:${c.account}:/domainnameaccessassociations/domainname/${domainKey}/vpcesource/${source}`;
            return { id: arn, state: { arn } };
        },
    },
    invokes: {
        "aws:apigateway/getDomainName:getDomainName": (call, world) => lookupDomainName(world, call),
    },
    autonamed: {
        // The API references state no length limit for either name.
        "aws:apigateway/restApi:RestApi": { property: "name" },
        "aws:apigatewayv2/api:Api": { property: "name" },
    },
};

function restDomainName(world: World, c: Ctx): Answer {
    const answer = restDomainNameAnswer(c);
    world.domainNames.push({ id: answer.id, region: c.region, inputs: c.inputs, state: answer.state });
    return answer;
}

function restDomainNameAnswer(c: Ctx): Answer {
    const domainName = str(c.inputs["domainName"]) ?? "";
    const configuration = obj(c.inputs["endpointConfiguration"]);
    const types = configuration?.["types"];
    // aws v7 models `types` as one string; older programs passed a one-element list.
    const endpointType = (Array.isArray(types) ? str(types[0]) : str(types)) ?? DEFAULT_REST_ENDPOINT_TYPE;
    const state: Props = {
        certificateUploadDate: FIXED_TIME,
        // CreateDomainName names no default policy; the plan reports the TLS 1.2 baseline.
        securityPolicy: str(c.inputs["securityPolicy"]) ?? BASELINE_SECURITY_POLICY,
        routingMode: str(c.inputs["routingMode"]) ?? "BASE_PATH_MAPPING_ONLY",
        endpointConfiguration: {
            ...(configuration ?? {}),
            types: types ?? endpointType,
            ipAddressType: str(configuration?.["ipAddressType"]) ?? (endpointType === "PRIVATE" ? PRIVATE_DOMAIN_IP_ADDRESS_TYPE : PUBLIC_DOMAIN_DEFAULT_IP_ADDRESS_TYPE),
        },
    };
    // The provider reports the targets an endpoint type does not have as empty strings.
    Object.assign(state, { cloudfrontDomainName: "", cloudfrontZoneId: "", regionalDomainName: "", regionalZoneId: "", domainNameId: "" });
    if (endpointType === "PRIVATE") {
        const domainNameId = pick(LOWER_ALNUM, 10, c.seed, "domainNameId");
        state["domainNameId"] = domainNameId;
        state["arn"] = `arn:${c.partition}:apigateway:${c.region}:${c.account}:/domainnames/${domainName}+${domainNameId}`;
        return { id: `${domainName}/${domainNameId}`, state };
    }
    state["arn"] = `arn:${c.partition}:apigateway:${c.region}::/domainnames/${domainName}`;
    if (endpointType === "EDGE") {
        state["cloudfrontDomainName"] = `d${pick(LOWER_ALNUM, 13, c.seed, "cloudfront")}.cloudfront.net`;
        state["cloudfrontZoneId"] = CLOUDFRONT_ZONE_ID;
    } else {
        state["regionalDomainName"] = domainTargetHost(pick(LOWER_ALNUM, 10, c.seed, "regional"), c.region, c.dnsSuffix);
        // A region the rulebook has no zone for: unknown, never invented.
        state["regionalZoneId"] = hostedZoneId("apigateway", c.region) ?? UNKNOWN;
    }
    return { id: domainName, state };
}

function httpDomainName(c: Ctx): Answer {
    const domainName = str(c.inputs["domainName"]) ?? "";
    const configuration = obj(c.inputs["domainNameConfiguration"]) ?? {};
    return {
        id: domainName,
        state: {
            arn: `arn:${c.partition}:apigateway:${c.region}::/domainnames/${domainName}`,
            apiMappingSelectionExpression: "$request.basepath",
            routingMode: str(c.inputs["routingMode"]) ?? "API_MAPPING_ONLY",
            domainNameConfiguration: {
                ...configuration,
                endpointType: str(configuration["endpointType"]) ?? "REGIONAL",
                securityPolicy: str(configuration["securityPolicy"]) ?? V2_DOMAIN_SECURITY_POLICY,
                ipAddressType: str(configuration["ipAddressType"]) ?? PUBLIC_DOMAIN_DEFAULT_IP_ADDRESS_TYPE,
                targetDomainName: domainTargetHost(pick(LOWER_ALNUM, 10, c.seed, "regional"), c.region, c.dnsSuffix),
                hostedZoneId: hostedZoneId("apigateway", c.region) ?? UNKNOWN,
            },
        },
    };
}

function restApi(world: World, c: Ctx): Answer {
    const id = c.givenId ?? pick(LOWER_ALNUM, 10, c.seed);
    const rootResourceId = pick(LOWER_ALNUM, 10, c.seed, "root");
    world.restResourcePaths.set(rootResourceId, "/");
    return {
        id,
        state: {
            name: autoName(c, "name"),
            rootResourceId,
            arn: `arn:${c.partition}:apigateway:${c.region}::/restapis/${id}`,
            executionArn: `arn:${c.partition}:execute-api:${c.region}:${c.account}:${id}`,
            createdDate: FIXED_TIME,
            apiKeySource: str(c.inputs["apiKeySource"]) ?? "HEADER",
            binaryMediaTypes: strs(c.inputs["binaryMediaTypes"]),
            description: str(c.inputs["description"]) ?? "",
            disableExecuteApiEndpoint: bool(c.inputs["disableExecuteApiEndpoint"]) ?? false,
            // A REST API without an endpoint configuration is edge-optimized.
            endpointConfiguration: obj(c.inputs["endpointConfiguration"]) ?? { types: DEFAULT_REST_ENDPOINT_TYPE, ipAddressType: PUBLIC_DOMAIN_DEFAULT_IP_ADDRESS_TYPE },
            minimumCompressionSize: str(c.inputs["minimumCompressionSize"]) ?? "",
            policy: str(c.inputs["policy"]) ?? "",
        },
    };
}

function httpApi(world: World, c: Ctx): Answer {
    const id = c.givenId ?? pick(LOWER_ALNUM, 10, c.seed);
    const protocol = str(c.inputs["protocolType"]) ?? "HTTP";
    world.apiProtocols.set(id, protocol);
    const scheme = protocol === "WEBSOCKET" ? "wss" : "https";
    return {
        id,
        state: {
            name: autoName(c, "name"),
            apiEndpoint: `${scheme}://${executeApiHost(id, c.region, c.dnsSuffix)}`,
            arn: `arn:${c.partition}:apigateway:${c.region}::/apis/${id}`,
            executionArn: `arn:${c.partition}:execute-api:${c.region}:${c.account}:${id}`,
            ipAddressType: str(c.inputs["ipAddressType"]) ?? "ipv4",
            apiKeySelectionExpression: str(c.inputs["apiKeySelectionExpression"]) ?? "$request.header.x-api-key",
            routeSelectionExpression:
                str(c.inputs["routeSelectionExpression"]) ?? (protocol === "WEBSOCKET" ? "$request.body.action" : "$request.method $request.path"),
        },
    };
}

function restStage(c: Ctx): Answer {
    const api = str(c.inputs["restApi"]) ?? "";
    const stage = str(c.inputs["stageName"]) ?? "";
    return {
        id: `ags-${api}-${stage}`,
        state: {
            invokeUrl: `https://${executeApiHost(api, c.region, c.dnsSuffix)}/${stage}`,
            executionArn: `arn:${c.partition}:execute-api:${c.region}:${c.account}:${api}/${stage}`,
            arn: `arn:${c.partition}:apigateway:${c.region}::/restapis/${api}/stages/${stage}`,
            webAclArn: "",
        },
    };
}

function httpStage(world: World, c: Ctx): Answer {
    const api = str(c.inputs["apiId"]) ?? "";
    const stage = str(c.inputs["name"]) ?? "";
    const scheme = world.apiProtocols.get(api) === "WEBSOCKET" ? "wss" : "https";
    // The `$default` stage is served at the root of the API's URL.
    const path = stage === "$default" ? "" : stage;
    return {
        id: stage,
        state: {
            invokeUrl: `${scheme}://${executeApiHost(api, c.region, c.dnsSuffix)}/${path}`,
            executionArn: `arn:${c.partition}:execute-api:${c.region}:${c.account}:${api}/${stage}`,
            arn: `arn:${c.partition}:apigateway:${c.region}::/apis/${api}/stages/${stage}`,
            deploymentId: str(c.inputs["deploymentId"]) ?? "",
        },
    };
}

function restResource(world: World, c: Ctx): Answer {
    const id = pick(LOWER_ALNUM, 6, c.seed);
    const parentPath = world.restResourcePaths.get(str(c.inputs["parentId"]) ?? "") ?? "/";
    const path = `${parentPath === "/" ? "" : parentPath}/${str(c.inputs["pathPart"]) ?? ""}`;
    world.restResourcePaths.set(id, path);
    return { id, state: { path } };
}

function httpIntegration(world: World, c: Ctx): Answer {
    const websocket = world.apiProtocols.get(str(c.inputs["apiId"]) ?? "") === "WEBSOCKET";
    return {
        id: pick(LOWER_ALNUM, 7, c.seed),
        state: {
            connectionType: str(c.inputs["connectionType"]) ?? "INTERNET",
            integrationResponseSelectionExpression: "",
            payloadFormatVersion: str(c.inputs["payloadFormatVersion"]) ?? "1.0",
            timeoutMilliseconds: num(c.inputs["timeoutMilliseconds"]) ?? (websocket ? 29000 : 30000),
        },
    };
}

/**
 * `apigatewayv2.RoutingRule`: AWS gives the rule an id and the ARN
 * `arn:{partition}:apigateway:{region}:{account}:/domainnames/{domainName}/routingrules/{id}` (the
 * provider imports rules by that ARN); the provider's resource id is the ARN too.
 */
function routingRule(c: Ctx): Answer {
    const domainName = str(c.inputs["domainName"]) ?? "";
    const routingRuleId = pick(LOWER_ALNUM, 6, c.seed, "routingRule");
    const routingRuleArn = `arn:${c.partition}:apigateway:${c.region}:${c.account}:/domainnames/${domainName}/routingrules/${routingRuleId}`;
    return { id: routingRuleArn, state: { routingRuleArn, routingRuleId } };
}

/**
 * `apigateway.getDomainName`: a domain this run created answers with its own state; any other
 * exists offline, made up from the question (private when asked by id, else regional with TLS_1_2).
 */
function lookupDomainName(world: World, call: InvokeCall): Props {
    const domainName = str(call.inputs["domainName"]) ?? "";
    const domainNameId = str(call.inputs["domainNameId"]);
    const region = str(call.inputs["region"]) ?? call.region;
    const { partition, dnsSuffix } = partitionOf(region);
    const known = [...world.domainNames].reverse().find((d) => d.region === region
        && str(d.inputs["domainName"]) === domainName && (domainNameId === undefined || str(d.state["domainNameId"]) === domainNameId));
    const seed = `${call.account}/${region}/${domainName}/${domainNameId ?? ""}`;
    const state: Props = known ? { ...known.inputs, ...known.state } : {};
    const configuration = obj(state["endpointConfiguration"]);
    const types = configuration?.["types"];
    const endpointType = (Array.isArray(types) ? str(types[0]) : str(types)) ?? (domainNameId ? "PRIVATE" : "REGIONAL");
    const id = domainNameId ?? str(state["domainNameId"]);
    const certificateArn = `arn:${partition}:acm:${endpointType === "EDGE" ? CLOUDFRONT_CERTIFICATE_REGION : region}:${call.account}:certificate/${uuid("domain-lookup", seed)}`;
    return {
        id: known?.id ?? domainName,
        arn: str(state["arn"]) ?? `arn:${partition}:apigateway:${region}:${id ? call.account : ""}:/domainnames/${domainName}${id ? `+${id}` : ""}`,
        domainName,
        domainNameId: id ?? "",
        region,
        endpointConfigurations: [{ types: [endpointType], ipAddressType: str(configuration?.["ipAddressType"]) ?? (endpointType === "PRIVATE" ? PRIVATE_DOMAIN_IP_ADDRESS_TYPE : PUBLIC_DOMAIN_DEFAULT_IP_ADDRESS_TYPE) }],
        securityPolicy: str(state["securityPolicy"]) ?? BASELINE_SECURITY_POLICY,
        endpointAccessMode: str(state["endpointAccessMode"]) ?? "",
        certificateArn: endpointType === "REGIONAL" ? "" : str(state["certificateArn"]) ?? certificateArn,
        certificateName: "",
        certificateUploadDate: FIXED_TIME,
        regionalCertificateArn: endpointType === "REGIONAL" ? str(state["regionalCertificateArn"]) ?? certificateArn : "",
        regionalCertificateName: "",
        cloudfrontDomainName: endpointType === "EDGE" ? str(state["cloudfrontDomainName"]) ?? `d${pick(LOWER_ALNUM, 13, seed, "cloudfront")}.cloudfront.net` : "",
        cloudfrontZoneId: endpointType === "EDGE" ? CLOUDFRONT_ZONE_ID : "",
        regionalDomainName: endpointType === "REGIONAL"
            ? str(state["regionalDomainName"]) ?? domainTargetHost(pick(LOWER_ALNUM, 10, seed, "regional"), region, dnsSuffix) : "",
        regionalZoneId: endpointType === "REGIONAL" ? hostedZoneId("apigateway", region) ?? UNKNOWN : "",
        policy: str(state["policy"]) ?? "",
        tags: obj(state["tags"]) ?? {},
    };
}
