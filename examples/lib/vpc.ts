/**
 * A small VPC for the private examples: DNS support and hostnames on (private hosted zones and
 * interface endpoints need both), and one private subnet in each of two availability zones.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

export interface ExampleVpc {
    vpcId: pulumi.Output<string>;
    cidrBlock: string;
    /** One private subnet per availability zone; a plain list, so components can count it. */
    subnetIds: pulumi.Output<string>[];
}

/** A VPC with two private subnets in two availability zones (no internet gateway: callers stay private). */
export function privateVpc(name: string, cidrBlock = "10.0.0.0/16"): ExampleVpc {
    const vpc = new aws.ec2.Vpc(name, {
        cidrBlock,
        enableDnsSupport: true,
        enableDnsHostnames: true,
        tags: { Name: name },
    });
    const zones = aws.getAvailabilityZonesOutput({ state: "available" });
    const [a, b] = cidrBlock.split(".");
    const subnetIds = [0, 1].map((i) => new aws.ec2.Subnet(`${name}-private-${i}`, {
        vpcId: vpc.id,
        cidrBlock: `${a}.${b}.${i * 16}.0/20`,
        availabilityZone: zones.names[i],
        mapPublicIpOnLaunch: false,
        tags: { Name: `${name}-private-${i}` },
    }).id);
    return { vpcId: vpc.id, cidrBlock, subnetIds };
}

/**
 * An execute-api interface endpoint in the VPC's subnets, admitting HTTPS from the VPC only.
 * With private DNS on, `{api-id}.execute-api.{region}.amazonaws.com` resolves to it inside the VPC.
 */
export function executeApiEndpoint(name: string, vpc: ExampleVpc, privateDnsEnabled = true): aws.ec2.VpcEndpoint {
    const region = aws.getRegionOutput().region;
    const group = new aws.ec2.SecurityGroup(`${name}-vpce`, {
        vpcId: vpc.vpcId,
        description: "execute-api VPC endpoint: HTTPS from inside the VPC",
    });
    new aws.vpc.SecurityGroupIngressRule(`${name}-vpce-https`, {
        securityGroupId: group.id,
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        cidrIpv4: vpc.cidrBlock,
    });
    return new aws.ec2.VpcEndpoint(`${name}-execute-api`, {
        vpcId: vpc.vpcId,
        serviceName: pulumi.interpolate`com.amazonaws.${region}.execute-api`,
        vpcEndpointType: "Interface",
        privateDnsEnabled,
        subnetIds: vpc.subnetIds,
        securityGroupIds: [group.id],
    });
}
