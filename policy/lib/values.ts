// Reading resource properties defensively.
//
// During `pulumi preview` a property whose value comes from a resource that does not exist yet is
// "unknown". The policy SDK hands such a value to policies as one of a handful of sentinel strings,
// wrapped in a proxy that throws as soon as the value is read. A rule that simply walks the
// properties would therefore abort (the SDK turns that into a vague advisory "can't run during
// preview"), and tests written against plain objects show unknowns as `undefined`. Rules read
// everything through the helpers below instead, which treat both forms as "not known yet" and never
// throw, so each rule can still check whatever is known.

/** The sentinels the engine and the policy SDK use for values not known until the update runs. */
const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string (also what the engine sends for any unknown)
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

/** The value the engine uses on the wire for an unknown, whatever its type. */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export type PropertyMap = Record<string, unknown>;

/** True when the value is an unknown sentinel (preview) rather than a real value. */
export function isUnknown(value: unknown): boolean {
    return typeof value === "string" && UNKNOWN_SENTINELS.has(value);
}

/** True for a value that is present and known. */
export function isKnown(value: unknown): boolean {
    return value !== undefined && value !== null && !isUnknown(value);
}

// Names the policy SDK uses for its proxies' escape hatches (see @pulumi/policy proxy.js). Asking a
// proxy for the target gives the underlying object, where unknowns are plain sentinel strings.
const IS_SPECIAL_PROXY = "__isSpecialProxy";
const SPECIAL_PROXY_TARGET = "__getSpecialProxyTarget";

/**
 * Returns the properties without the SDK's unknown-checking proxy, so reads never throw.
 * Plain objects (tests, the offline plan) come back unchanged.
 */
export function readableProps(props: unknown): PropertyMap {
    if (props === null || typeof props !== "object") {
        return {};
    }
    const candidate = props as Record<string, unknown>;
    if (candidate[IS_SPECIAL_PROXY] === true) {
        const target = candidate[SPECIAL_PROXY_TARGET];
        if (target !== null && typeof target === "object") {
            return target as PropertyMap;
        }
    }
    return candidate;
}

/** A known string, or undefined (absent, null, unknown or another type). */
export function str(value: unknown): string | undefined {
    return typeof value === "string" && !isUnknown(value) ? value : undefined;
}

/** A known boolean, or undefined. */
export function bool(value: unknown): boolean | undefined {
    return typeof value === "boolean" ? value : undefined;
}

/** A known object (not an array), or undefined. */
export function obj(value: unknown): PropertyMap | undefined {
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as PropertyMap) : undefined;
}

/** A known array, or undefined. */
export function arr(value: unknown): readonly unknown[] | undefined {
    return Array.isArray(value) ? value : undefined;
}

/**
 * The known strings of a value that AWS accepts either as a single string or as a list (for example
 * apigateway.DomainName `endpointConfiguration.types`, a string in @pulumi/aws v7 and a list before).
 * Returns undefined when the value or any element is unknown, so callers do not decide on a partial
 * list.
 */
export function stringList(value: unknown): string[] | undefined {
    if (typeof value === "string") {
        return isUnknown(value) ? undefined : [value];
    }
    const items = arr(value);
    if (!items) {
        return undefined;
    }
    const out: string[] = [];
    for (const item of items) {
        const s = str(item);
        if (s === undefined) {
            return undefined;
        }
        out.push(s);
    }
    return out;
}

/** Reads a nested property, stopping (undefined) at anything absent or unknown on the way. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
    let current: unknown = value;
    for (const key of path) {
        if (current === null || typeof current !== "object" || isUnknown(current)) {
            return undefined;
        }
        current = (current as Record<string | number, unknown>)[key];
    }
    return current;
}
