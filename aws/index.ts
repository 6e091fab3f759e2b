/**
 * The rulebook: every AWS constant and constraint this package relies on, each with the AWS
 * document (and sentence) it rests on. A leaf: it imports nothing of this package, so the
 * components, the policy pack and the offline simulator all read AWS from here.
 *
 * One module per service: apigateway, acm, cloudflare (DNS outside Route 53), cloudfront, dns (Route 53 / DNS names), ec2, elb,
 * quotas (control-plane throttles and account quotas), ram, regions (per-region hosted zones, partitions), route53 (routing policies, health checks),
 * routing (API Gateway routing rules and modes), s3, arn, tls (version arithmetic), catalogue (the
 * list of rules, for the README) and problem (the shape a failed check returns).
 */
export * from "./acm";
export * from "./apigateway";
export * from "./arn";
export * from "./catalogue";
export * from "./cloudflare";
export * from "./cloudfront";
export * from "./dns";
export * from "./ec2";
export * from "./elb";
export * from "./iam";
export * from "./lambda";
export * from "./problem";
export * from "./quotas";
export * from "./ram";
export * from "./regions";
export * from "./route53";
export * from "./routing";
export * from "./s3";
export * from "./tls";
export * from "./wafv2";
