// CloudFront distribution structure: behaviors, the origins they route to, and managed policy ids.

import { PropertyMap, arr, obj, str } from "./values";

/** Managed origin request policies (ids are the same in every account). */
export const MANAGED_ORIGIN_REQUEST_POLICIES = {
    allViewer: "216adef6-5c7f-47e4-b989-5492eafa07d3",
    allViewerAndCloudFrontHeaders: "33f36d7e-f396-46d9-90e0-52428a34d9dc",
    allViewerExceptHostHeader: "b689b0a8-53d0-40ab-baf2-68738e2966ac",
    corsCustomOrigin: "59781a5b-3903-41f3-afcb-af62929ccde1",
    corsS3Origin: "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf",
    userAgentRefererHeaders: "acba4595-bd28-49b8-b9fe-13317c0390fa",
    mediaTailorPersonalizedManifests: "775133bc-15f2-49f9-abea-afb2e0bf67d2",
} as const;

/** Managed cache policies whose cache key (and so the origin request) carries no viewer headers. */
export const MANAGED_CACHE_POLICIES = {
    cachingDisabled: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
    cachingOptimized: "658327ea-f89d-4fab-a63d-7e88639e58f6",
    cachingOptimizedForUncompressedObjects: "b2884449-e4de-46a7-ac36-70bc7f1ddd6d",
} as const;

/** Whether each managed origin request or cache policy passes the viewer's Host header on to the origin. */
export const MANAGED_POLICY_FORWARDS_HOST: ReadonlyMap<string, boolean> = new Map([
    [MANAGED_ORIGIN_REQUEST_POLICIES.allViewer, true],
    [MANAGED_ORIGIN_REQUEST_POLICIES.allViewerAndCloudFrontHeaders, true],
    [MANAGED_ORIGIN_REQUEST_POLICIES.allViewerExceptHostHeader, false],
    [MANAGED_ORIGIN_REQUEST_POLICIES.corsCustomOrigin, false],
    [MANAGED_ORIGIN_REQUEST_POLICIES.corsS3Origin, false],
    [MANAGED_ORIGIN_REQUEST_POLICIES.userAgentRefererHeaders, false],
    [MANAGED_ORIGIN_REQUEST_POLICIES.mediaTailorPersonalizedManifests, false],
    [MANAGED_CACHE_POLICIES.cachingDisabled, false],
    [MANAGED_CACHE_POLICIES.cachingOptimized, false],
    [MANAGED_CACHE_POLICIES.cachingOptimizedForUncompressedObjects, false],
]);

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
