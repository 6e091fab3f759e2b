/**
 * Elastic Load Balancing facts: listener TLS policies.
 */
import { Problem, problem } from "./problem";
import { TlsVersion } from "./tls";

/**
 * The predefined listener security policies and the lowest TLS version each accepts. Source:
 * Elastic Load Balancing User Guide for Application Load Balancers, "Security policies for your
 * Application Load Balancer" (the policy tables: TLS 1.3 policies `ELBSecurityPolicy-TLS13-1-x-*`,
 * FIPS and post-quantum `PQ-2025-09` variants, forward-secrecy `FS-*`, and the older TLS 1.0
 * policies `ELBSecurityPolicy-2016-08` (the API's default), `-2015-05`, `-TLS-1-0-2015-04`,
 * `-FS-2018-06`), cross-checked against AWS CDK's `SslPolicy` enum (aws-elasticloadbalancingv2,
 * lib/shared/enums.ts), which mirrors that page.
 */
const POLICIES: Readonly<Record<string, TlsVersion>> = {
    "ELBSecurityPolicy-TLS13-1-3-2021-06": 1.3,
    "ELBSecurityPolicy-TLS13-1-3-PQ-2025-09": 1.3,
    "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04": 1.3,
    "ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09": 1.3,
    "ELBSecurityPolicy-TLS13-1-2-2021-06": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-PQ-2025-09": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-Res-2021-06": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-Ext1-PQ-2025-09": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-PQ-2025-09": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-PQ-2025-09": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-PQ-2025-09": 1.2,
    "ELBSecurityPolicy-TLS13-1-1-2021-06": 1.1,
    "ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04": 1.1,
    "ELBSecurityPolicy-TLS13-1-1-FIPS-PQ-2025-09": 1.1,
    "ELBSecurityPolicy-TLS13-1-0-2021-06": 1.0,
    "ELBSecurityPolicy-TLS13-1-0-PQ-2025-09": 1.0,
    "ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04": 1.0,
    "ELBSecurityPolicy-TLS13-1-0-FIPS-PQ-2025-09": 1.0,
    "ELBSecurityPolicy-FS-1-2-Res-2020-10": 1.2,
    "ELBSecurityPolicy-FS-1-2-Res-2019-08": 1.2,
    "ELBSecurityPolicy-FS-1-2-2019-08": 1.2,
    "ELBSecurityPolicy-FS-1-1-2019-08": 1.1,
    "ELBSecurityPolicy-FS-2018-06": 1.0,
    "ELBSecurityPolicy-TLS-1-2-2017-01": 1.2,
    "ELBSecurityPolicy-TLS-1-2-Ext-2018-06": 1.2,
    "ELBSecurityPolicy-TLS-1-1-2017-01": 1.1,
    "ELBSecurityPolicy-2016-08": 1.0,
    "ELBSecurityPolicy-TLS-1-0-2015-04": 1.0,
    "ELBSecurityPolicy-2015-05": 1.0,
};

/**
 * The policy a listener gets when the API call names none. Source: same page, Considerations:
 * "Other methods (for example, the AWS CLI, AWS CloudFormation, and the AWS CDK) - The default
 * security policy is ELBSecurityPolicy-2016-08."
 */
export const ELB_API_DEFAULT_POLICY = "ELBSecurityPolicy-2016-08";

/**
 * An Application Load Balancer needs subnets in at least two Availability Zones. Source: Elastic
 * Load Balancing API Reference, CreateLoadBalancer, Subnets ("[Application Load Balancers] You
 * must specify subnets from at least two Availability Zones").
 */
export const ALB_MIN_SUBNETS = 2;

/**
 * The TLS 1.3 policy AWS recommends for new listeners (TLS 1.3 and 1.2, forward secrecy). Source:
 * same page's recommendation, and AWS CDK `SslPolicy.RECOMMENDED_TLS` ("The recommended security
 * policy for TLS listeners").
 */
export const ELB_RECOMMENDED_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

/** The predefined policy names, for messages and tests. */
export const ELB_SECURITY_POLICIES: readonly string[] = Object.keys(POLICIES);

/**
 * The TLS floor of a listener policy: the table's, else (a policy newer than this table) the one
 * its name states the way every listed policy does (`-TLS13-1-x-`, `-TLS-1-x-`, `-FS-1-x-`);
 * undefined for a name that follows neither.
 */
export function elbPolicyMinimum(policy: string): TlsVersion | undefined {
    if (Object.prototype.hasOwnProperty.call(POLICIES, policy)) return POLICIES[policy];
    const explicit = /^ELBSecurityPolicy-(?:TLS13|TLS|FS)-1-([0-3])(-[A-Za-z0-9]+)*-\d{4}-\d{2}$/.exec(policy);
    return explicit ? 1 + Number(explicit[1]) / 10 : undefined;
}

/** True for a policy in the table above. */
export function isKnownElbPolicy(policy: string): boolean {
    return Object.prototype.hasOwnProperty.call(POLICIES, policy);
}

/**
 * Why a listener policy is not one this package accepts (an ELB policy of TLS 1.2 or better), or
 * undefined. A name that follows AWS's naming and states a TLS 1.2+ floor is accepted even when
 * newer than the table, so a new AWS policy is never refused.
 */
export function listenerPolicyProblem(policy: string, fix: string): Problem | undefined {
    const minimum = elbPolicyMinimum(policy);
    if (minimum === undefined) return problem("is not an Elastic Load Balancing security policy", fix);
    if (minimum < 1.2) return problem("is not an ELB policy with TLS 1.2 or better as its minimum", fix);
    return undefined;
}

/**
 * The success codes a target group's HTTP/HTTPS health check expects when `matcher` is not set.
 * Source: Elastic Load Balancing User Guide for Application Load Balancers, "Health checks for
 * Application Load Balancer target groups" (Success codes: "The default value is 200").
 */
export const DEFAULT_HEALTH_CHECK_MATCHER = "200";

/**
 * Health check settings AWS gives a target group of protocol HTTP, HTTPS, TCP, TLS, UDP or TCP_UDP
 * whose targets are instances or IP addresses, when the request leaves them out. Source (checked):
 * Elastic Load Balancing API Reference (version 2015-12-01), CreateTargetGroup:
 * HealthCheckIntervalSeconds ("the default is 30 seconds" for those protocols; 10 for GENEVE, 35
 * for lambda targets), HealthyThresholdCount (default 5) and UnhealthyThresholdCount (default 2),
 * as the AWS SDK's model of CreateTargetGroupRequest states them. Lambda and GENEVE target groups
 * have other defaults, not modelled here.
 */
export const TARGET_GROUP_HEALTH_CHECK_DEFAULTS = { interval: 30, healthyThreshold: 5, unhealthyThreshold: 2 } as const;

/**
 * How long a target waits to leave the draining state when the program sets no
 * `deregistration_delay.timeout_seconds`. Source (checked): Elastic Load Balancing API Reference,
 * TargetGroupAttribute ("The default value is 300 seconds").
 */
export const TARGET_GROUP_DEFAULT_DEREGISTRATION_DELAY = 300;

/**
 * An Application Load Balancer's idle timeout when `idle_timeout.timeout_seconds` is not set: 60
 * seconds. Sources: Elastic Load Balancing API Reference, LoadBalancerAttribute
 * (idle_timeout.timeout_seconds, default 60), and the Pulumi AWS provider's `lb.LoadBalancer`
 * idleTimeout ("Default: 60").
 */
export const ALB_DEFAULT_IDLE_TIMEOUT = 60;

/**
 * Load balancer and target group names: at most 32 characters. Source (checked): Elastic Load
 * Balancing API Reference (version 2015-12-01), CreateLoadBalancer, Name, and CreateTargetGroup,
 * Name: both limit the name to 32 characters of letters, digits and hyphens, no hyphen at either
 * end (a load balancer's also may not start with "internal-").
 */
export const LOAD_BALANCER_NAME_MAX_LENGTH = 32;
export const TARGET_GROUP_NAME_MAX_LENGTH = 32;
