/**
 * Small, real APIs for the examples: enough to answer a request through the custom domain,
 * with the default execute-api endpoint turned off so the domain is the only way in.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

export interface ExampleApi {
    /** The API's id, for mappings. */
    id: pulumi.Output<string>;
    /** The stage name to map. */
    stageName: pulumi.Output<string>;
}

export interface RestApiOptions {
    /** "EDGE", "REGIONAL" or "PRIVATE". */
    endpointType: "EDGE" | "REGIONAL" | "PRIVATE";
    /** What GET / answers, so each API on a shared domain can be told apart. */
    message: string;
    /** Region of the API; omitted, the provider's. */
    region?: string;
    /** Resource policy (JSON); private APIs need one. */
    policy?: pulumi.Input<string>;
    /** VPC endpoints a private API is reachable through. */
    vpcEndpointIds?: pulumi.Input<string>[];
    /**
     * Keep the default https://{id}.execute-api.{region}.amazonaws.com endpoint. Off by default: with
     * a custom domain in front, the default endpoint is a second, unguarded way in (for a private
     * API too: README, "Calling it from the VPC").
     * @default false
     */
    keepExecuteApiEndpoint?: boolean;
}

/** A REST API whose GET / answers a fixed JSON body through a MOCK integration. */
export function mockRestApi(name: string, o: RestApiOptions, opts: pulumi.CustomResourceOptions = {}): ExampleApi {
    const region = o.region;
    const api = new aws.apigateway.RestApi(name, {
        endpointConfiguration: { types: o.endpointType, vpcEndpointIds: o.vpcEndpointIds },
        // Private APIs too: the calls that name the API itself through the VPC endpoint (private DNS,
        // x-apigw-api-id, {api-id}-{vpce-id}) are its default endpoint, and would bypass the domain.
        disableExecuteApiEndpoint: !(o.keepExecuteApiEndpoint ?? false),
        policy: o.policy,
        region,
    }, opts);
    const common = { restApi: api.id, resourceId: api.rootResourceId, httpMethod: "GET", region };
    const method = new aws.apigateway.Method(`${name}-get`, { ...common, authorization: "NONE" }, opts);
    const integration = new aws.apigateway.Integration(`${name}-mock`, {
        ...common,
        type: "MOCK",
        requestTemplates: { "application/json": "{\"statusCode\": 200}" },
    }, { ...opts, dependsOn: [method] });
    const response = new aws.apigateway.MethodResponse(`${name}-200`, { ...common, statusCode: "200" }, { ...opts, dependsOn: [method] });
    const integrationResponse = new aws.apigateway.IntegrationResponse(`${name}-200`, {
        ...common,
        statusCode: "200",
        responseTemplates: { "application/json": JSON.stringify({ message: o.message }) },
    }, { ...opts, dependsOn: [integration, response] });
    const deployment = new aws.apigateway.Deployment(name, {
        restApi: api.id,
        region,
        // A new deployment whenever the API's shape or answer changes.
        triggers: { shape: pulumi.jsonStringify([method.id, integration.id, o.message, o.policy ?? ""]) },
    }, { ...opts, dependsOn: [integrationResponse] });
    const stage = new aws.apigateway.Stage(name, { restApi: api.id, deployment: deployment.id, stageName: "prod", region }, opts);
    return { id: api.id, stageName: stage.stageName };
}

/** An HTTP API whose default route answers from a tiny inline Lambda function. */
export function lambdaHttpApi(name: string, o: { message: string; region?: string }, opts: pulumi.CustomResourceOptions = {}): ExampleApi {
    const region = o.region;
    const role = new aws.iam.Role(`${name}-fn`, {
        assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
        }),
    }, opts);
    new aws.iam.RolePolicyAttachment(`${name}-fn-logs`, {
        role: role.name,
        policyArn: "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
    }, opts);
    const fn = new aws.lambda.Function(`${name}-fn`, {
        runtime: "nodejs20.x",
        handler: "index.handler",
        role: role.arn,
        region,
        code: new pulumi.asset.AssetArchive({
            "index.js": new pulumi.asset.StringAsset(
                `exports.handler = async (e) => ({ statusCode: 200, headers: { "content-type": "application/json" }, ` +
                `body: JSON.stringify({ message: ${JSON.stringify(o.message)}, path: e.rawPath }) });\n`),
        }),
    }, opts);
    const api = new aws.apigatewayv2.Api(name, { protocolType: "HTTP", disableExecuteApiEndpoint: true, region }, opts);
    const integration = new aws.apigatewayv2.Integration(name, {
        apiId: api.id,
        integrationType: "AWS_PROXY",
        integrationUri: fn.invokeArn,
        payloadFormatVersion: "2.0",
        region,
    }, opts);
    new aws.apigatewayv2.Route(name, { apiId: api.id, routeKey: "$default", target: pulumi.interpolate`integrations/${integration.id}`, region }, opts);
    new aws.lambda.Permission(`${name}-invoke`, {
        action: "lambda:InvokeFunction",
        function: fn.name,
        principal: "apigateway.amazonaws.com",
        sourceArn: pulumi.interpolate`${api.executionArn}/*/*`,
        region,
    }, opts);
    const stage = new aws.apigatewayv2.Stage(name, { apiId: api.id, name: "$default", autoDeploy: true, region }, opts);
    return { id: api.id, stageName: stage.name };
}

/** A WebSocket API whose $default route echoes a fixed reply through a MOCK integration. */
export function mockWebSocketApi(name: string, o: { message: string; region?: string }, opts: pulumi.CustomResourceOptions = {}): ExampleApi {
    const region = o.region;
    const api = new aws.apigatewayv2.Api(name, {
        protocolType: "WEBSOCKET",
        routeSelectionExpression: "$request.body.action",
        disableExecuteApiEndpoint: true,
        region,
    }, opts);
    const integration = new aws.apigatewayv2.Integration(name, {
        apiId: api.id,
        integrationType: "MOCK",
        requestTemplates: { "$default": "{\"statusCode\": 200}" },
        templateSelectionExpression: "\\$default",
        region,
    }, opts);
    new aws.apigatewayv2.IntegrationResponse(name, {
        apiId: api.id,
        integrationId: integration.id,
        integrationResponseKey: "$default",
        responseTemplates: { "$default": JSON.stringify({ message: o.message }) },
        region,
    }, opts);
    const route = new aws.apigatewayv2.Route(name, {
        apiId: api.id,
        routeKey: "$default",
        target: pulumi.interpolate`integrations/${integration.id}`,
        routeResponseSelectionExpression: "$default",
        region,
    }, opts);
    new aws.apigatewayv2.RouteResponse(name, { apiId: api.id, routeId: route.id, routeResponseKey: "$default", region }, opts);
    const stage = new aws.apigatewayv2.Stage(name, { apiId: api.id, name: "prod", autoDeploy: true, region }, opts);
    return { id: api.id, stageName: stage.name };
}

/** The `domain` and `zone` every example reads from stack config, with placeholders that plan offline. */
export function domainConfig(defaultSubdomain: string): { domain: string; zone: string } {
    const config = new pulumi.Config();
    const zone = config.get("zone") ?? "example.com";
    return { zone, domain: config.get("domain") ?? `${defaultSubdomain}.${zone}` };
}
