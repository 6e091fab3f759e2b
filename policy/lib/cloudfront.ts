// CloudFront distribution structure: behaviors and the origins they route to. The managed policy
// ids and what they forward live in the rulebook (aws/cloudfront.ts).

import { PropertyMap, arr, obj, str } from "./values";

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
