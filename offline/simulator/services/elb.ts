/** Elastic Load Balancing (`lb`, `alb` and classic `elb` modules): load balancers, target groups, listeners, and hosted zone lookups. */
import {
    ALB_DEFAULT_IDLE_TIMEOUT, DEFAULT_HEALTH_CHECK_MATCHER, ELB_API_DEFAULT_POLICY, LOAD_BALANCER_NAME_MAX_LENGTH, TARGET_GROUP_DEFAULT_DEREGISTRATION_DELAY,
    TARGET_GROUP_HEALTH_CHECK_DEFAULTS, TARGET_GROUP_NAME_MAX_LENGTH,
} from "../../../aws/elb";
import { hostedZoneId } from "../../../aws/regions";
import { Answer, autoName, bool, Ctx, DIGITS, HEX, InvokeCall, num, obj, pick, Props, ServiceModule, str, strs, UNKNOWN, World } from "../common";

export const service: ServiceModule = {
    resources: {
        "aws:lb/loadBalancer:LoadBalancer": (c, world) => loadBalancer(world, c),
        "aws:alb/loadBalancer:LoadBalancer": (c, world) => loadBalancer(world, c),
        "aws:lb/targetGroup:TargetGroup": (c) => targetGroup(c),
        "aws:alb/targetGroup:TargetGroup": (c) => targetGroup(c),
        "aws:lb/listener:Listener": (c, world) => listener(world, c),
        "aws:alb/listener:Listener": (c, world) => listener(world, c),
        "aws:lb/listenerRule:ListenerRule": (c) => childArn(c, "listenerArn", ":listener/", ":listener-rule/"),
        "aws:alb/listenerRule:ListenerRule": (c) => childArn(c, "listenerArn", ":listener/", ":listener-rule/"),
        "aws:lb/targetGroupAttachment:TargetGroupAttachment": (c) => ({
                id: `${str(c.inputs["targetGroupArn"]) ?? ""}-${pick(DIGITS, 20, c.seed)}`,
                state: {},
        }),
        "aws:alb/targetGroupAttachment:TargetGroupAttachment": (c) => ({
                id: `${str(c.inputs["targetGroupArn"]) ?? ""}-${pick(DIGITS, 20, c.seed)}`,
                state: {},
        }),
    },
    invokes: {
        "aws:lb/getHostedZoneId:getHostedZoneId": (call) => lookupLoadBalancerZone(call),
        "aws:alb/getHostedZoneId:getHostedZoneId": (call) => lookupLoadBalancerZone(call),
        // Classic load balancers share the ALB column of the same table.
        "aws:elb/getHostedZoneId:getHostedZoneId": (call) => ({ id: hostedZoneId("alb", str(call.inputs["region"]) ?? call.region) ?? UNKNOWN }),
    },
    autonamed: {
        "aws:lb/loadBalancer:LoadBalancer": { property: "name", max: LOAD_BALANCER_NAME_MAX_LENGTH },
        "aws:alb/loadBalancer:LoadBalancer": { property: "name", max: LOAD_BALANCER_NAME_MAX_LENGTH },
        "aws:lb/targetGroup:TargetGroup": { property: "name", max: TARGET_GROUP_NAME_MAX_LENGTH },
        "aws:alb/targetGroup:TargetGroup": { property: "name", max: TARGET_GROUP_NAME_MAX_LENGTH },
    },
};

function loadBalancer(world: World, c: Ctx): Answer {
    const type = str(c.inputs["loadBalancerType"]) ?? "application";
    const kind = type === "network" ? "net" : type === "gateway" ? "gwy" : "app";
    const name = autoName(c, "name", LOAD_BALANCER_NAME_MAX_LENGTH);
    const suffix = pick(HEX, 16, c.seed, "suffix");
    const internal = bool(c.inputs["internal"]) ?? false;
    const arn = `arn:${c.partition}:elasticloadbalancing:${c.region}:${c.account}:loadbalancer/${kind}/${name}/${suffix}`;
    world.loadBalancers.set(arn, kind);
    const dnsName =
        kind === "net"
            ? `${name}-${pick(HEX, 16, c.seed, "dns")}.elb.${c.region}.${c.dnsSuffix}`
            : `${internal ? "internal-" : ""}${name}-${pick(DIGITS, 10, c.seed, "dns")}.${c.region}.elb.${c.dnsSuffix}`;
    const subnets = strs(c.inputs["subnets"]);
    return {
        id: arn,
        state: {
            arn,
            arnSuffix: `${kind}/${name}/${suffix}`,
            name,
            dnsName,
            // A region the rulebook has no zone for: unknown, never invented.
            zoneId: hostedZoneId(kind === "net" ? "nlb" : "alb", c.region) ?? UNKNOWN,
            internal,
            loadBalancerType: type,
            ipAddressType: str(c.inputs["ipAddressType"]) ?? "ipv4",
            vpcId: world.subnets.get(subnets[0] ?? "")?.vpcId ?? `vpc-${pick(HEX, 17, c.account, c.region, "default-vpc")}`,
            securityGroups: strs(c.inputs["securityGroups"]),
            subnets,
            subnetMappings: subnets.map((subnetId) => ({ subnetId, allocationId: "", privateIpv4Address: "", ipv6Address: "", outpostId: "" })),
            idleTimeout: num(c.inputs["idleTimeout"]) ?? ALB_DEFAULT_IDLE_TIMEOUT,
            enableHttp2: bool(c.inputs["enableHttp2"]) ?? true,
            enableDeletionProtection: bool(c.inputs["enableDeletionProtection"]) ?? false,
            dropInvalidHeaderFields: bool(c.inputs["dropInvalidHeaderFields"]) ?? false,
            desyncMitigationMode: str(c.inputs["desyncMitigationMode"]) ?? "defensive",
        },
    };
}

function targetGroup(c: Ctx): Answer {
    const name = autoName(c, "name", TARGET_GROUP_NAME_MAX_LENGTH);
    const suffix = pick(HEX, 16, c.seed, "suffix");
    const arn = `arn:${c.partition}:elasticloadbalancing:${c.region}:${c.account}:targetgroup/${name}/${suffix}`;
    const protocol = str(c.inputs["protocol"]);
    const healthCheck = obj(c.inputs["healthCheck"]) ?? {};
    return {
        id: arn,
        state: {
            arn,
            arnSuffix: `targetgroup/${name}/${suffix}`,
            name,
            targetType: str(c.inputs["targetType"]) ?? "instance",
            ipAddressType: str(c.inputs["ipAddressType"]) ?? "ipv4",
            protocolVersion: str(c.inputs["protocolVersion"]) ?? (protocol === "HTTP" || protocol === "HTTPS" ? "HTTP1" : ""),
            deregistrationDelay: num(c.inputs["deregistrationDelay"]) ?? TARGET_GROUP_DEFAULT_DEREGISTRATION_DELAY,
            loadBalancingAlgorithmType: str(c.inputs["loadBalancingAlgorithmType"]) ?? "round_robin",
            slowStart: num(c.inputs["slowStart"]) ?? 0,
            loadBalancerArns: [],
            // AWS fills in every health check setting the program leaves out.
            healthCheck: {
                enabled: true,
                healthyThreshold: TARGET_GROUP_HEALTH_CHECK_DEFAULTS.healthyThreshold,
                interval: TARGET_GROUP_HEALTH_CHECK_DEFAULTS.interval,
                matcher: DEFAULT_HEALTH_CHECK_MATCHER,
                path: "/",
                port: "traffic-port",
                protocol: protocol === "HTTPS" ? "HTTPS" : "HTTP",
                // Not from the rulebook: AWS's default depends on the protocol (CreateTargetGroup: 6 s for HTTP, 10 s for HTTPS/TCP/TLS).
                timeout: 5,
                unhealthyThreshold: TARGET_GROUP_HEALTH_CHECK_DEFAULTS.unhealthyThreshold,
                ...healthCheck,
            },
        },
    };
}

function listener(world: World, c: Ctx): Answer {
    const answer = childArn(c, "loadBalancerArn", ":loadbalancer/", ":listener/");
    const protocol = str(c.inputs["protocol"]) ?? (world.loadBalancers.get(str(c.inputs["loadBalancerArn"]) ?? "") === "net" ? "TCP" : "HTTP");
    const secure = protocol === "HTTPS" || protocol === "TLS";
    answer.state["protocol"] = protocol;
    answer.state["sslPolicy"] = str(c.inputs["sslPolicy"]) ?? (secure ? ELB_API_DEFAULT_POLICY : "");
    return answer;
}

/** An ELB sub-resource's ARN: its parent's ARN with the kind swapped and one more id segment. */
function childArn(c: Ctx, parentProperty: string, from: string, to: string): Answer {
    const parent = str(c.inputs[parentProperty]) ?? "";
    const arn = `${parent.replace(from, to)}/${pick(HEX, 16, c.seed)}`;
    return { id: arn, state: { arn } };
}

function lookupLoadBalancerZone(call: InvokeCall): Props {
    const region = str(call.inputs["region"]) ?? call.region;
    const network = str(call.inputs["loadBalancerType"]) === "network";
    return { id: hostedZoneId(network ? "nlb" : "alb", region) ?? UNKNOWN };
}
