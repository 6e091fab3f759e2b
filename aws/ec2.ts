/**
 * Amazon EC2 / VPC identifier formats.
 *
 * Source: Amazon EC2 API Reference, "Resource IDs" ("Resource IDs now use a 17-character format
 * ... for example, vpce-1a2b3c4d5e6f1a2b3", the older format having 8 characters after the
 * prefix): a prefix naming the resource type, a hyphen, then 8 or 17 hexadecimal characters.
 */
import { Problem, problem } from "./problem";

const VPC_ENDPOINT_ID = /^vpce-[0-9a-f]{8,17}$/;

/** Why a value is not an EC2 id of this kind (`subnet`, `sg`, `vpc`, `vpce`), or undefined. */
export function ec2IdProblem(kind: "subnet" | "sg" | "vpc" | "vpce", value: string): Problem | undefined {
    if (new RegExp(`^${kind}-[0-9a-f]{8,17}$`).test(value)) return undefined;
    const what = { subnet: "a subnet id", sg: "a security group id", vpc: "a VPC id", vpce: "a VPC endpoint id" }[kind];
    return problem(`is not ${what}`, `pass an id such as "${kind}-0123456789abcdef0"`);
}

/**
 * Why an interface endpoint's network interfaces do not match the subnets it is meant to serve,
 * or undefined. Source: AWS PrivateLink Guide, "Access an AWS service using an interface VPC
 * endpoint": "For each subnet that you specify from your VPC, we create an endpoint network
 * interface in the subnet" (one per subnet, in one subnet per Availability Zone).
 */
export function endpointInterfaceCountProblem(interfaces: number, subnets: number): Problem | undefined {
    if (interfaces === subnets) return undefined;
    return problem(`has ${interfaces} network interface(s), but ${subnets} subnets are listed; an interface endpoint has one network interface per subnet it serves, and each becomes a load balancer target`,
        "list exactly the subnets the endpoint has interfaces in (its subnetIds), or let the component create the endpoint");
}

/** True for a VPC endpoint id (`vpce-0123456789abcdef0`). */
export function isVpcEndpointId(value: string): boolean {
    return VPC_ENDPOINT_ID.test(value);
}

/**
 * A security group name has at most 255 characters. Source (checked): Amazon EC2 API Reference,
 * CreateSecurityGroup, GroupName: up to 255 characters, not starting with `sg-`.
 */
export const SECURITY_GROUP_NAME_MAX_LENGTH = 255;

/**
 * The private DNS name EC2 gives an address: `ip-10-0-1-5.ec2.internal` in us-east-1,
 * `ip-10-0-1-5.{region}.compute.internal` in every other region. Source (checked): Amazon EC2
 * User Guide, "Amazon EC2 instance hostname types", IP name: an instance in us-east-1 is named
 * from its private IPv4 address under `ec2.internal` (its example: `ip-10-24-34-0.ec2.internal`),
 * one in any other Region under `{region}.compute.internal` (`ip-10-24-34-0.us-west-2.compute.internal`).
 * The VPC User Guide's "DNS attributes for your VPC" only points to that page for the formats.
 */
export function privateIpDnsName(privateIp: string, region: string): string {
    const host = `ip-${privateIp.replace(/\./g, "-")}`;
    return region === "us-east-1" ? `${host}.ec2.internal` : `${host}.${region}.compute.internal`;
}
