// CloudFront distribution structure: behaviors and the origins they route to. The managed policy
// ids and what they forward live in the rulebook (aws/cloudfront.ts).

import { StackIndex, StackResource, T, idOf } from "./resources";
import { PropertyMap, arr, isUnknown, obj, str } from "./values";

/** A cache behavior and where it sits in the distribution's inputs. */
export interface Behavior {
    readonly props: PropertyMap;
    /** The input property holding it, which is also the key of its property dependencies. */
    readonly property: "defaultCacheBehavior" | "orderedCacheBehaviors";
    /** How messages name it: `default behavior` or `behavior "/api/*"`. */
    readonly label: string;
}

/** The default behavior and the ordered ones, skipping any not known yet. */
export function behaviorsOf(distribution: PropertyMap): Behavior[] {
    const out: Behavior[] = [];
    const defaultBehavior = obj(distribution["defaultCacheBehavior"]);
    if (defaultBehavior) {
        out.push({ props: defaultBehavior, property: "defaultCacheBehavior", label: "default behavior" });
    }
    for (const item of arr(distribution["orderedCacheBehaviors"]) ?? []) {
        const behavior = obj(item);
        if (behavior) {
            const pattern = str(behavior["pathPattern"]) ?? "?";
            out.push({ props: behavior, property: "orderedCacheBehaviors", label: `behavior "${pattern}"` });
        }
    }
    return out;
}

/** The distribution's origins that are known objects. */
export function originsOf(distribution: PropertyMap): PropertyMap[] {
    return (arr(distribution["origins"]) ?? []).map(obj).filter((o): o is PropertyMap => o !== undefined);
}

/**
 * The origins a behavior can send requests to: the origin with its target id, or every member of
 * the origin group with that id (a failover group sends to either).
 */
export function originsForBehavior(distribution: PropertyMap, behavior: PropertyMap): PropertyMap[] {
    const target = str(behavior["targetOriginId"]);
    if (target === undefined) {
        return [];
    }
    const origins = originsOf(distribution);
    const byId = new Map<string, PropertyMap>();
    for (const origin of origins) {
        const id = str(origin["originId"]);
        if (id !== undefined) {
            byId.set(id, origin);
        }
    }
    const direct = byId.get(target);
    if (direct) {
        return [direct];
    }
    for (const item of arr(distribution["originGroups"]) ?? []) {
        const group = obj(item);
        if (group && str(group["originId"]) === target) {
            return (arr(group["members"]) ?? [])
                .map((m) => byId.get(str(obj(m)?.["originId"]) ?? ""))
                .filter((o): o is PropertyMap => o !== undefined);
        }
    }
    return [];
}

/**
 * Every CloudFront distribution of the stack as the rules read one. A multi-tenant distribution
 * (CloudFront SaaS Manager, `cloudfront.MultitenantDistribution`) describes the same origins and
 * behaviors under other names in the provider's schema (`id` for `originId`, a one-element
 * `customOriginConfigs` list, `headerName`/`headerValue` custom headers, `cacheBehaviors`); it is
 * translated to the standard shape, keeping its type, so messages can name its own properties
 * (`inputPath`).
 */
export function distributionsOf(index: StackIndex): StackResource[] {
    return [...index.ofType(T.distribution), ...index.ofType(T.multiTenantDistribution).map(standardShape)];
}

function firstOf(value: unknown): unknown {
    return isUnknown(value) ? value : arr(value)?.[0];
}

function standardShape(distribution: StackResource): StackResource {
    const props = distribution.props;
    const origins = isUnknown(props["origins"]) ? props["origins"] : arr(props["origins"])?.map((item) => {
        const origin = obj(item);
        if (!origin) return item;
        const headers = origin["customHeaders"];
        return {
            ...origin,
            originId: origin["id"],
            customOriginConfig: firstOf(origin["customOriginConfigs"]),
            customHeaders: isUnknown(headers) ? headers : arr(headers)?.map((h) => ({ name: obj(h)?.["headerName"], value: obj(h)?.["headerValue"] })),
        };
    });
    const dependencies = distribution.propertyDependencies;
    return {
        ...distribution,
        props: { ...props, origins, orderedCacheBehaviors: props["cacheBehaviors"] },
        propertyDependencies: dependencies && { ...dependencies, orderedCacheBehaviors: dependencies["cacheBehaviors"] ?? [] },
    };
}

/** A property path of the standard shape as the distribution's own program writes it. */
export function inputPath(distribution: StackResource, path: string): string {
    if (distribution.type !== T.multiTenantDistribution) return path;
    return path
        .replace(/^orderedCacheBehaviors/, "cacheBehaviors")
        .replace(/\.customOriginConfig(?=\.|$)/, ".customOriginConfigs[0]")
        .replace(/\.originId$/, ".id");
}

/**
 * The domains viewers reach a multi-tenant distribution on: those of its distribution tenants in
 * this stack (found by their `distributionId`), or undefined when none is known here (tenants
 * created elsewhere, or a distribution that is not multi-tenant).
 */
export function tenantDomainsOf(distribution: StackResource, index: StackIndex): string[] | undefined {
    if (distribution.type !== T.multiTenantDistribution) return undefined;
    const id = idOf(distribution);
    const tenants = index.ofType(T.distributionTenant).filter((t) =>
        (t.propertyDependencies?.["distributionId"] ?? []).some((s) => s.urn === distribution.urn) || (id !== undefined && str(t.props["distributionId"]) === id));
    const domains = tenants.flatMap((t) => (arr(t.props["domains"]) ?? []).map((d) => str(obj(d)?.["domain"])?.toLowerCase()));
    if (tenants.length === 0 || domains.includes(undefined)) return undefined;
    return domains as string[];
}
