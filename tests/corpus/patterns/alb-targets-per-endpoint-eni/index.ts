// The common way to put an ALB in front of a VPC endpoint: look up each of the endpoint's
// network interfaces inside an apply and register its address as a target. Nothing exports the
// apply's result, so the run must wait for the work it starts.
import * as aws from "@pulumi/aws";

const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.20.0.0/16" });
const subnets = ["a", "b"].map((az, i) => new aws.ec2.Subnet(`private-${az}`, { vpcId: vpc.id, cidrBlock: `10.20.${i}.0/24`, availabilityZone: `eu-west-1${az}` }));
const endpoint = new aws.ec2.VpcEndpoint("execute-api", {
    vpcId: vpc.id,
    serviceName: "com.amazonaws.eu-west-1.execute-api",
    vpcEndpointType: "Interface",
    subnetIds: subnets.map((s) => s.id),
    privateDnsEnabled: true,
});
const targets = new aws.lb.TargetGroup("api", { vpcId: vpc.id, port: 443, protocol: "HTTPS", targetType: "ip", healthCheck: { matcher: "200,403" } });

endpoint.networkInterfaceIds.apply((ids) =>
    ids.forEach((id, i) => {
        const eni = aws.ec2.getNetworkInterfaceOutput({ id });
        new aws.lb.TargetGroupAttachment(`api-${i}`, { targetGroupArn: targets.arn, targetId: eni.privateIp, port: 443 });
    }),
);
