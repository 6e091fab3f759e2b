/** EC2 and VPC: VPCs, subnets, security groups and rules, VPC endpoints with their ENIs, and the lookups that read them back. */
import { executeApiServiceName, vpcEndpointHost } from "../../../aws/apigateway";
import { isAccountId } from "../../../aws/arn";
import { privateIpDnsName, SECURITY_GROUP_NAME_MAX_LENGTH } from "../../../aws/ec2";
import { availabilityZoneId, availabilityZones, hostedZoneId, partitionOf } from "../../../aws/regions";
import { addressIn, Answer, autoName, bool, Ctx, DIGITS, FIXED_TIME, EniFacts, HEX, InvokeCall, LOWER_ALNUM, numberFrom, obj, pick, Props, ServiceModule, str, strs, UNKNOWN, World } from "../common";

const FULL_ACCESS_POLICY = JSON.stringify({
    Version: "2008-10-17",
    Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }],
});

export const service: ServiceModule = {
    resources: {
        "aws:ec2/vpc:Vpc": (c, world) => vpc(world, c),
        "aws:ec2/subnet:Subnet": (c, world) => subnet(world, c),
        "aws:ec2/securityGroup:SecurityGroup": (c) => securityGroup(c),
        "aws:ec2/securityGroupRule:SecurityGroupRule": (c) => ({
                id: `sgrule-${pick(DIGITS, 10, c.seed)}`,
                state: { securityGroupRuleId: `sgr-${pick(HEX, 17, c.seed, "rule")}` },
        }),
        "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": (c) => securityGroupRule(c),
        "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": (c) => securityGroupRule(c),
        "aws:ec2/vpcEndpoint:VpcEndpoint": (c, world) => vpcEndpoint(world, c),
    },
    invokes: {
        "aws:ec2/getVpc:getVpc": (call, world) => lookupVpc(world, call),
        "aws:ec2/getSubnets:getSubnets": (call, world) => lookupSubnets(world, call),
        "aws:ec2/getSubnet:getSubnet": (call, world) => {
            const id = str(call.inputs["id"]) ?? `subnet-${pick(HEX, 17, call.region, JSON.stringify(call.inputs))}`;
            const subnet = world.subnets.get(id) ?? { id, availabilityZone: availabilityZones(call.region)[0] };
            return {
                id,
                arn: `arn:${partitionOf(call.region).partition}:ec2:${call.region}:${call.account}:subnet/${id}`,
                availabilityZone: subnet.availabilityZone,
                availabilityZoneId: availabilityZoneId(subnet.availabilityZone),
                cidrBlock: subnet.cidrBlock ?? "10.0.0.0/24",
                vpcId: subnet.vpcId ?? `vpc-${pick(HEX, 17, call.account, call.region, "default-vpc")}`,
                ownerId: call.account,
                state: "available",
            };
        },
        "aws:ec2/getAmi:getAmi": (call) => lookupAmi(call),
        "aws:ec2/getNetworkInterface:getNetworkInterface": (call, world) => lookupNetworkInterface(world, call),
        "aws:ec2/getVpcEndpoint:getVpcEndpoint": (call, world) => lookupVpcEndpoint(world, call),
    },
    autonamed: {
        "aws:ec2/securityGroup:SecurityGroup": { property: "name", max: SECURITY_GROUP_NAME_MAX_LENGTH },
    },
};

function vpc(world: World, c: Ctx): Answer {
    const id = c.givenId ?? `vpc-${pick(HEX, 17, c.seed)}`;
    const cidrBlock = str(c.inputs["cidrBlock"]) ?? "10.0.0.0/16";
    world.vpcCidrs.set(id, cidrBlock);
    const routeTable = `rtb-${pick(HEX, 17, c.seed, "rtb")}`;
    return {
        id,
        state: {
            arn: `arn:${c.partition}:ec2:${c.region}:${c.account}:vpc/${id}`,
            cidrBlock,
            ownerId: c.account,
            defaultSecurityGroupId: `sg-${pick(HEX, 17, c.seed, "sg")}`,
            defaultNetworkAclId: `acl-${pick(HEX, 17, c.seed, "acl")}`,
            defaultRouteTableId: routeTable,
            mainRouteTableId: routeTable,
            dhcpOptionsId: `dopt-${pick(HEX, 17, c.seed, "dopt")}`,
            enableDnsSupport: bool(c.inputs["enableDnsSupport"]) ?? true,
            enableDnsHostnames: bool(c.inputs["enableDnsHostnames"]) ?? false,
            enableNetworkAddressUsageMetrics: false,
            instanceTenancy: str(c.inputs["instanceTenancy"]) ?? "default",
            ipv6AssociationId: "",
            ipv6CidrBlock: "",
            ipv6CidrBlockNetworkBorderGroup: "",
        },
    };
}

function subnet(world: World, c: Ctx): Answer {
    const id = c.givenId ?? `subnet-${pick(HEX, 17, c.seed)}`;
    const zones = availabilityZones(c.region);
    const availabilityZone = str(c.inputs["availabilityZone"]) ?? zones[numberFrom(zones.length, c.seed, "az")];
    const vpcId = str(c.inputs["vpcId"]);
    const cidrBlock = str(c.inputs["cidrBlock"]);
    world.subnets.set(id, { id, vpcId, availabilityZone, cidrBlock });
    return {
        id,
        state: {
            arn: `arn:${c.partition}:ec2:${c.region}:${c.account}:subnet/${id}`,
            availabilityZone,
            availabilityZoneId: availabilityZoneId(availabilityZone),
            ownerId: c.account,
            mapPublicIpOnLaunch: bool(c.inputs["mapPublicIpOnLaunch"]) ?? false,
            privateDnsHostnameTypeOnLaunch: "ip-name",
            ipv6CidrBlock: "",
            ipv6CidrBlockAssociationId: "",
        },
    };
}

function securityGroup(c: Ctx): Answer {
    const id = c.givenId ?? `sg-${pick(HEX, 17, c.seed)}`;
    return {
        id,
        state: {
            arn: `arn:${c.partition}:ec2:${c.region}:${c.account}:security-group/${id}`,
            name: autoName(c, "name", SECURITY_GROUP_NAME_MAX_LENGTH),
            description: str(c.inputs["description"]) ?? "Managed by Pulumi",
            ownerId: c.account,
            ingress: c.inputs["ingress"] ?? [],
            egress: c.inputs["egress"] ?? [],
            revokeRulesOnDelete: bool(c.inputs["revokeRulesOnDelete"]) ?? false,
            vpcId: str(c.inputs["vpcId"]) ?? `vpc-${pick(HEX, 17, c.account, c.region, "default-vpc")}`,
        },
    };
}

function securityGroupRule(c: Ctx): Answer {
    const id = `sgr-${pick(HEX, 17, c.seed)}`;
    return { id, state: { arn: `arn:${c.partition}:ec2:${c.region}:${c.account}:security-group-rule/${id}`, securityGroupRuleId: id } };
}

function vpcEndpoint(world: World, c: Ctx): Answer {
    const id = c.givenId ?? `vpce-${pick(HEX, 17, c.seed)}`;
    const state = endpointState(world, c, id);
    world.vpcEndpoints.set(id, { id, ...c.inputs, ...state });
    return { id, state };
}

/** The state of a VPC endpoint; interface endpoints get one ENI per subnet and zonal DNS names. */
function endpointState(world: World, c: Ctx, id: string): Props {
    const type = str(c.inputs["vpcEndpointType"]) ?? "Gateway";
    const serviceName = str(c.inputs["serviceName"]) ?? "";
    const vpcId = str(c.inputs["vpcId"]);
    const subnetIds = strs(c.inputs["subnetIds"]);
    const securityGroupIds = strs(c.inputs["securityGroupIds"]);
    const state: Props = {
        arn: `arn:${c.partition}:ec2:${c.region}:${c.account}:vpc-endpoint/${id}`,
        state: "available",
        ownerId: c.account,
        requesterManaged: false,
        vpcEndpointType: type,
        serviceRegion: c.region,
        ipAddressType: str(c.inputs["ipAddressType"]) ?? "ipv4",
        privateDnsEnabled: bool(c.inputs["privateDnsEnabled"]) ?? false,
        dnsOptions: { dnsRecordIpType: "ipv4", privateDnsOnlyForInboundResolverEndpoint: false },
        policy: str(c.inputs["policy"]) ?? FULL_ACCESS_POLICY,
        securityGroupIds,
        subnetIds,
        cidrBlocks: [],
        prefixListId: "",
        networkInterfaceIds: [],
        dnsEntries: [],
        subnetConfigurations: [],
    };
    if (type === "Gateway") {
        state["prefixListId"] = `pl-${pick(HEX, 8, c.seed, "pl")}`;
        return state;
    }
    if (type !== "Interface") return state;
    const zones = availabilityZones(c.region);
    const enis = subnetIds.map((subnetId, index) => {
        const subnet = world.subnets.get(subnetId);
        const eni: EniFacts = {
            id: `eni-${pick(HEX, 17, id, subnetId)}`,
            subnetId,
            vpcId: vpcId ?? subnet?.vpcId,
            availabilityZone: subnet?.availabilityZone ?? zones[index % zones.length],
            privateIp: addressIn(subnet?.cidrBlock, id, subnetId),
            securityGroups: securityGroupIds,
            vpcEndpointId: id,
            region: c.region,
            account: c.account,
        };
        world.enis.set(eni.id, eni);
        return eni;
    });
    // The service's short name: what follows the region (`com.amazonaws.eu-west-1.execute-api`
    // and `cn.com.amazonaws.cn-north-1.execute-api` serve `execute-api`).
    const service = serviceName === executeApiServiceName(c.region) ? "execute-api" : serviceName.split(`.${c.region}.`)[1] || "vpce-svc";
    const suffix = pick(LOWER_ALNUM, 8, c.seed, "dns");
    const zoneId = hostedZoneId("vpce", c.region) ?? UNKNOWN;
    const zonal = [...new Set(enis.map((e) => e.availabilityZone))];
    state["networkInterfaceIds"] = enis.map((e) => e.id);
    state["subnetConfigurations"] = enis.map((e) => ({ subnetId: e.subnetId, ipv4: e.privateIp, ipv6: "" }));
    state["dnsEntries"] = [
        { dnsName: vpcEndpointHost(`${id}-${suffix}`, service, c.region, c.dnsSuffix), hostedZoneId: zoneId },
        ...zonal.map((az) => ({ dnsName: vpcEndpointHost(`${id}-${suffix}`, service, c.region, c.dnsSuffix, az), hostedZoneId: zoneId })),
    ];
    return state;
}

function lookupVpc(world: World, call: InvokeCall): Props {
    const isDefault = bool(call.inputs["default"]) ?? !str(call.inputs["id"]);
    const id = str(call.inputs["id"]) ?? `vpc-${pick(HEX, 17, call.account, call.region, "default-vpc")}`;
    const cidrBlock = world.vpcCidrs.get(id) ?? (isDefault ? "172.31.0.0/16" : "10.0.0.0/16");
    world.vpcCidrs.set(id, cidrBlock);
    return {
        id,
        arn: `arn:${partitionOf(call.region).partition}:ec2:${call.region}:${call.account}:vpc/${id}`,
        cidrBlock,
        cidrBlockAssociations: [{ associationId: `vpc-cidr-assoc-${pick(HEX, 17, id)}`, cidrBlock, state: "associated" }],
        default: isDefault,
        dhcpOptionsId: `dopt-${pick(HEX, 17, id)}`,
        enableDnsHostnames: true,
        enableDnsSupport: true,
        enableNetworkAddressUsageMetrics: false,
        instanceTenancy: "default",
        ipv6AssociationId: "",
        ipv6CidrBlock: "",
        mainRouteTableId: `rtb-${pick(HEX, 17, id)}`,
        ownerId: call.account,
        region: call.region,
        state: "available",
        tags: {},
    };
}

function lookupSubnets(world: World, call: InvokeCall): Props {
    const filters = Array.isArray(call.inputs["filters"]) ? (call.inputs["filters"] as unknown[]) : [];
    const vpcFilter = filters.map(obj).find((f) => str(f?.["name"]) === "vpc-id");
    const vpcId = strs(vpcFilter?.["values"])[0] ?? `vpc-${pick(HEX, 17, call.account, call.region, "default-vpc")}`;
    let subnets = [...world.subnets.values()].filter((s) => s.vpcId === vpcId);
    if (subnets.length === 0) {
        // An unknown VPC gets one subnet per availability zone, carved from its CIDR.
        const cidr = world.vpcCidrs.get(vpcId) ?? "10.0.0.0/16";
        const [a, b] = cidr.split(".");
        subnets = availabilityZones(call.region).map((availabilityZone, index) => ({
            id: `subnet-${pick(HEX, 17, vpcId, String(index))}`,
            vpcId,
            availabilityZone,
            cidrBlock: `${a}.${b}.${index * 16}.0/20`,
        }));
        for (const s of subnets) world.subnets.set(s.id, s);
    }
    return { id: call.region, ids: subnets.map((s) => s.id), filters };
}

function lookupNetworkInterface(world: World, call: InvokeCall): Props {
    const id = str(call.inputs["id"]) ?? `eni-${pick(HEX, 17, JSON.stringify(call.inputs))}`;
    const eni = world.enis.get(id) ?? {
        id,
        subnetId: `subnet-${pick(HEX, 17, id)}`,
        availabilityZone: availabilityZones(call.region)[numberFrom(3, id)],
        privateIp: addressIn(undefined, id),
        securityGroups: [],
        region: call.region,
        account: call.account,
    };
    const privateDnsName = privateIpDnsName(eni.privateIp, eni.region);
    return {
        id,
        arn: `arn:${partitionOf(eni.region).partition}:ec2:${eni.region}:${eni.account}:network-interface/${id}`,
        availabilityZone: eni.availabilityZone,
        description: eni.vpcEndpointId ? `VPC Endpoint Interface ${eni.vpcEndpointId}` : "",
        interfaceType: eni.vpcEndpointId ? "vpc_endpoint" : "interface",
        privateIp: eni.privateIp,
        privateIps: [eni.privateIp],
        privateDnsName,
        subnetId: eni.subnetId,
        vpcId: eni.vpcId ?? world.subnets.get(eni.subnetId)?.vpcId ?? `vpc-${pick(HEX, 17, eni.account, eni.region, "default-vpc")}`,
        securityGroups: eni.securityGroups,
        ownerId: eni.account,
        requesterId: eni.vpcEndpointId ? "AROAOFFLINEVPCE" : "",
        macAddress: `02:${pick(HEX, 10, id, "mac").match(/../g)?.join(":")}`,
        ipv6Addresses: [],
        associations: [],
        attachments: [],
        enaSrdSpecifications: [],
        outpostArn: "",
        region: eni.region,
        tags: {},
    };
}

/**
 * `ec2.getVpcEndpoint`: an endpoint this run created answers with its own state. Any other
 * endpoint exists outside the program: its id, ARN and region follow from the question, and it
 * is answered as the interface endpoint of the service asked for (execute-api by default, the
 * one this package's components look up), with the regional DNS name and hosted zone such an
 * endpoint has. Which subnets it serves, and so its network interfaces, cannot be known offline:
 * they are unknown (and the plan lists them), never made up, so a check on them (PrivateAlbDomain's
 * interface count) waits as it would in a preview.
 */
function lookupVpcEndpoint(world: World, call: InvokeCall): Props {
    const id = str(call.inputs["id"]);
    const serviceName = str(call.inputs["serviceName"]);
    const vpcId = str(call.inputs["vpcId"]);
    const known = id
        ? world.vpcEndpoints.get(id)
        : [...world.vpcEndpoints.values()].find((e) => (!serviceName || e["serviceName"] === serviceName) && (!vpcId || e["vpcId"] === vpcId));
    if (known) return { ...known, tags: {} };
    const endpointId = id ?? `vpce-${pick(HEX, 17, JSON.stringify(call.inputs))}`;
    const partition = partitionOf(call.region);
    const ctx: Ctx = {
        type: "aws:ec2/vpcEndpoint:VpcEndpoint",
        name: endpointId,
        seed: endpointId,
        inputs: { vpcEndpointType: "Interface", serviceName: serviceName ?? executeApiServiceName(call.region), subnetIds: [] },
        region: call.region,
        account: call.account,
        partition: partition.partition,
        dnsSuffix: partition.dnsSuffix,
    };
    return {
        id: endpointId,
        ...ctx.inputs,
        ...endpointState(world, ctx, endpointId),
        vpcId: vpcId ?? UNKNOWN,
        subnetIds: UNKNOWN,
        networkInterfaceIds: UNKNOWN,
        securityGroupIds: UNKNOWN,
        region: call.region,
        tags: {},
    };
}

/**
 * An AMI lookup: a stable image id per question, owned by the first owner asked for, with the
 * name the filter or regex asked for. Which image AWS would pick today cannot be known offline.
 */
function lookupAmi(call: InvokeCall): Props {
    const question = JSON.stringify(call.inputs);
    const id = `ami-${pick(HEX, 17, call.region, question)}`;
    const filters = Array.isArray(call.inputs["filters"]) ? (call.inputs["filters"] as unknown[]).map(obj) : [];
    const byName = strs(filters.find((f) => str(f?.["name"]) === "name")?.["values"])[0];
    const architecture = strs(filters.find((f) => str(f?.["name"]) === "architecture")?.["values"])[0] ?? "x86_64";
    const name = (byName ?? str(call.inputs["nameRegex"]) ?? "image").replace(/[*?^$\\]/g, "") || "image";
    const owner = strs(call.inputs["owners"])[0] ?? call.account;
    const accountOwner = isAccountId(owner);
    return {
        id,
        imageId: id,
        arn: `arn:${partitionOf(call.region).partition}:ec2:${call.region}::image/${id}`,
        name,
        architecture,
        ownerId: accountOwner ? owner : "137112412123",
        imageOwnerAlias: accountOwner ? "" : owner,
        imageType: "machine",
        state: "available",
        public: true,
        rootDeviceName: "/dev/xvda",
        rootDeviceType: "ebs",
        virtualizationType: "hvm",
        hypervisor: "xen",
        enaSupport: true,
        creationDate: FIXED_TIME,
        filters: call.inputs["filters"] ?? [],
        owners: strs(call.inputs["owners"]),
        region: call.region,
        tags: {},
    };
}
