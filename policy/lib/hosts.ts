// Recognising API Gateway host names.
//
// API Gateway answers on three kinds of names, and they behave differently behind CloudFront or a
// CNAME: the default endpoint `{api-id}.execute-api.{region}.amazonaws.com` (AWS's certificate;
// routes by API id, so a foreign Host header gets 403), a custom domain's target
// `d-xxxx.execute-api.{region}.amazonaws.com` (routes by Host/SNI, so it needs the custom domain as
// Host), and VPC endpoint names `vpce-....execute-api.{region}.vpce.amazonaws.com` for private APIs.

import { str } from "./values";

// The API id is ten lowercase alphanumerics; a private API addressed through an endpoint adds `-vpce-...`.
const DEFAULT_ENDPOINT_LABEL = /^[a-z0-9]{10}(-vpce-[a-z0-9]+)?$/;
const DOMAIN_TARGET_LABEL = /^d-[a-z0-9]+$/;
const EXECUTE_API_HOST = /^([a-z0-9-]+)\.execute-api\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/;
const VPC_ENDPOINT_HOST = /^[a-z0-9-]+\.execute-api\.[a-z0-9-]+\.vpce\.amazonaws\.com(\.cn)?$/;

/** Lower-cases a DNS name and drops the trailing root dot Route 53 values often carry. */
export function normalizeHost(value: unknown): string | undefined {
    const text = str(value);
    if (text === undefined) {
        return undefined;
    }
    const host = text.trim().toLowerCase().replace(/\.$/, "");
    return host.length > 0 ? host : undefined;
}

export type ApiGatewayHostKind =
    /** `{api-id}.execute-api...`: the API's default endpoint. */
    | "default-endpoint"
    /** `d-xxxx.execute-api...`: the regional target of a custom domain name. */
    | "domain-target"
    /** Another `*.execute-api.*.amazonaws.com` name. */
    | "execute-api"
    /** A VPC endpoint name of the execute-api service. */
    | "vpc-endpoint";

/** What kind of API Gateway name a host is, or undefined when it is not one by its shape. */
export function apiGatewayHostKind(host: string): ApiGatewayHostKind | undefined {
    if (VPC_ENDPOINT_HOST.test(host)) {
        return "vpc-endpoint";
    }
    const match = EXECUTE_API_HOST.exec(host);
    if (!match) {
        return undefined;
    }
    const first = match[1];
    if (DOMAIN_TARGET_LABEL.test(first)) {
        return "domain-target";
    }
    if (DEFAULT_ENDPOINT_LABEL.test(first)) {
        return "default-endpoint";
    }
    return "execute-api";
}

/**
 * Whether a host matches a pattern: an exact name, or `*.suffix` for any single label in front of
 * the suffix (DNS and certificate wildcard semantics).
 */
export function hostMatches(host: string, pattern: string): boolean {
    const p = pattern.trim().toLowerCase().replace(/\.$/, "");
    if (p.startsWith("*.")) {
        const suffix = p.slice(1);
        if (!host.endsWith(suffix)) {
            return false;
        }
        const head = host.slice(0, host.length - suffix.length);
        return head.length > 0 && !head.includes(".");
    }
    return host === p;
}

