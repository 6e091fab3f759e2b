/**
 * The execute-api interface VPC endpoint, which is how a VPC reaches private REST APIs, and
 * the resource policy that lets only chosen endpoints through.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { executeApiServiceName } from "../aws/apigateway";
import { endpointInterfaceCountProblem } from "../aws/ec2";
import { DomainConfigError } from "./errors";
import { Transform, applyTransform } from "./transform";

/**
 * A resource policy for `execute-api` that allows invoking only through the listed VPC
 * endpoints and denies everything else. Private custom domain names start deny-all and
 * private APIs answer nobody without a policy; the explicit deny keeps a later, broader
 * allow statement from opening the API to other endpoints.
 */
export function sourceVpcePolicy(vpcEndpointIds: pulumi.Input<string>[]): pulumi.Output<string> {
    const endpoints = pulumi.output(vpcEndpointIds);
    const statement = (effect: "Allow" | "Deny", operator: "StringEquals" | "StringNotEquals", sid: string) => ({
        Sid: sid,
        Effect: effect,
        Principal: "*",
        Action: "execute-api:Invoke",
        Resource: ["execute-api:/*"],
        Condition: { [operator]: { "aws:SourceVpce": endpoints } },
    });
    return pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
            statement("Allow", "StringEquals", "AllowInvokeThroughListedVpcEndpoints"),
            statement("Deny", "StringNotEquals", "DenyInvokeFromAnywhereElse"),
        ],
    });
}


export interface CreateEndpointArgs {
    vpcId: pulumi.Input<string>;
    subnetIds: pulumi.Input<string>[];
    securityGroupIds: pulumi.Input<string>[];
    privateDnsEnabled: boolean;
    region: pulumi.Input<string> | undefined;
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** Creates an execute-api interface endpoint with one network interface per subnet. */
export function createExecuteApiEndpoint(
    name: string,
    args: CreateEndpointArgs,
    opts: pulumi.CustomResourceOptions,
    transform: Transform<aws.ec2.VpcEndpointArgs> | undefined,
): aws.ec2.VpcEndpoint {
    // The service name carries the region; read it from the provider when no region is given.
    const region = args.region ?? aws.getRegionOutput({}, { parent: opts.parent }).region;
    const [a, o] = applyTransform(transform, name, {
        vpcId: args.vpcId,
        serviceName: pulumi.output(region).apply(executeApiServiceName),
        vpcEndpointType: "Interface",
        privateDnsEnabled: args.privateDnsEnabled,
        subnetIds: args.subnetIds,
        securityGroupIds: args.securityGroupIds,
        region: args.region,
        tags: args.tags,
    } as aws.ec2.VpcEndpointArgs, opts);
    return new aws.ec2.VpcEndpoint(name, a, o);
}

/**
 * The private IPv4 address of each of an endpoint's network interfaces, looked up one by one.
 * `count` comes from plain input (one interface per subnet), so the caller can create one
 * resource per address without creating anything inside an `apply`. The ids are sorted
 * because AWS returns them as a set: a stable order keeps each address on the same index.
 */
export function endpointInterfaceIps(
    label: string,
    endpointArgument: string,
    endpointId: pulumi.Input<string>,
    networkInterfaceIds: pulumi.Input<string[]>,
    count: number,
    region: pulumi.Input<string> | undefined,
    opts: pulumi.InvokeOutputOptions,
): pulumi.Output<string>[] {
    // Checked once, as soon as the interface ids are known, with the components' own error (the
    // count comes from plain input, so the targets could be declared before the look-up answered).
    const sorted = pulumi.all([endpointId, networkInterfaceIds]).apply(([id, ids]) => {
        const found = endpointInterfaceCountProblem(ids.length, count);
        if (found) throw new DomainConfigError(label, endpointArgument, id, found.rule, found.fix);
        return [...ids].sort();
    });
    return Array.from({ length: count }, (_, i) => {
        const id = sorted.apply((ids) => ids[i]);
        return aws.ec2.getNetworkInterfaceOutput({ id, region }, opts).privateIp;
    });
}
