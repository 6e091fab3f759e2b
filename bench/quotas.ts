/**
 * Which account quotas a planned stack uses, and how much of each: counted from the plan's
 * resources against the quotas of the rulebook (aws/quotas.ts), per account-wide, per-region or
 * per-hosted-zone scope as AWS counts them.
 */
import {
    ACM_CERTIFICATES_PER_YEAR_QUOTA, ACM_CERTIFICATES_QUOTA, APIGATEWAY_PUBLIC_DOMAINS_QUOTA, AccountQuota, CLOUDFRONT_CONNECTION_GROUPS_QUOTA,
    CLOUDFRONT_MULTITENANT_DISTRIBUTIONS_QUOTA, CLOUDFRONT_TENANTS_QUOTA, ROUTE53_RECORDS_PER_ZONE_QUOTA,
} from "../aws/quotas";
import { GraphResource, restEndpointType } from "../offline/critical-path";
import { UNKNOWN } from "../offline/engine";

export interface QuotaUse {
    quota: string;
    what: string;
    limit: number;
    adjustable: boolean;
    /** The most used in any one scope (region, hosted zone or the account). */
    used: number;
    /** The scope where it is used most (a region, a zone id), when the quota is not account-wide. */
    where?: string;
}

/** What a resource counts against: quota and the scope it counts in, or nothing. */
function counts(r: GraphResource): { quota: AccountQuota; scope: string }[] {
    if (!r.custom || r.read) return [];
    const region = r.region ?? "(unknown region)";
    switch (r.type) {
        case "aws:apigateway/domainName:DomainName":
            return restEndpointType(r.inputs) === "PRIVATE" ? [] : [{ quota: APIGATEWAY_PUBLIC_DOMAINS_QUOTA, scope: region }];
        case "aws:apigatewayv2/domainName:DomainName":
            return [{ quota: APIGATEWAY_PUBLIC_DOMAINS_QUOTA, scope: region }];
        case "aws:acm/certificate:Certificate":
            // Imported certificates have quotas of their own.
            return r.inputs["certificateBody"] !== undefined ? [] : [
                { quota: ACM_CERTIFICATES_QUOTA, scope: region },
                { quota: ACM_CERTIFICATES_PER_YEAR_QUOTA, scope: region },
            ];
        case "aws:route53/record:Record": {
            const zone = r.inputs["zoneId"];
            return [{ quota: ROUTE53_RECORDS_PER_ZONE_QUOTA, scope: typeof zone === "string" && zone !== UNKNOWN ? zone : "(unknown zone)" }];
        }
        case "aws:cloudfront/distributionTenant:DistributionTenant":
            return [{ quota: CLOUDFRONT_TENANTS_QUOTA, scope: "account" }];
        case "aws:cloudfront/multitenantDistribution:MultitenantDistribution":
            return [{ quota: CLOUDFRONT_MULTITENANT_DISTRIBUTIONS_QUOTA, scope: "account" }];
        case "aws:cloudfront/connectionGroup:ConnectionGroup":
            return [{ quota: CLOUDFRONT_CONNECTION_GROUPS_QUOTA, scope: "account" }];
        default:
            return [];
    }
}

/** Every quota the stack uses, most used (relative to its limit) first. */
export function quotaUse(resources: readonly GraphResource[]): QuotaUse[] {
    const used = new Map<AccountQuota, Map<string, number>>();
    for (const r of resources) {
        for (const { quota, scope } of counts(r)) {
            const scopes = used.get(quota) ?? new Map<string, number>();
            scopes.set(scope, (scopes.get(scope) ?? 0) + 1);
            used.set(quota, scopes);
        }
    }
    const result: QuotaUse[] = [];
    for (const [quota, scopes] of used) {
        let [where, most] = ["", 0];
        for (const [scope, n] of scopes) if (n > most) [where, most] = [scope, n];
        result.push({
            quota: quota.id, what: quota.what, limit: quota.limit, adjustable: quota.adjustable, used: most,
            ...(quota.scope === "account" ? {} : { where }),
        });
    }
    return result.sort((a, b) => b.used / b.limit - a.used / a.limit || a.quota.localeCompare(b.quota));
}

/**
 * The quota a mechanism hits first as tenants grow, from its use at two tenant counts (use grows
 * linearly with tenants in these stacks): the quota whose limit the fewest tenants reach, and
 * that number of tenants (the first one over the limit). Undefined when no quota grows with
 * tenants.
 */
export function firstQuota(small: { n: number; quotas: QuotaUse[] }, large: { n: number; quotas: QuotaUse[] }):
    { quota: QuotaUse; tenants: number } | undefined {
    let best: { quota: QuotaUse; tenants: number } | undefined;
    for (const q of large.quotas) {
        const before = small.quotas.find((s) => s.quota === q.quota)?.used ?? 0;
        if (large.n === small.n) continue;
        const perTenant = (q.used - before) / (large.n - small.n);
        if (perTenant <= 0) continue;
        const base = q.used - perTenant * large.n;
        const tenants = Math.floor((q.limit - base) / perTenant) + 1;
        if (best === undefined || tenants < best.tenants) best = { quota: q, tenants };
    }
    return best;
}
