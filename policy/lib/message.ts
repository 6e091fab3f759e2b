// One shape for every violation message: the resource, the exact property path that is wrong, its
// value, the AWS rule it breaks and the fix, so a reader can act without opening the rule's source.

import { ResourceView, label } from "./resources";
import { isUnknown } from "./values";

/** A property path as users write it in a program: `origins[0].customOriginConfig.originProtocolPolicy`. */
export function propertyPath(...parts: (string | number)[]): string {
    return parts.reduce<string>((path, part) => (typeof part === "number" ? `${path}[${part}]` : path ? `${path}.${part}` : part), "");
}

/** A value as it would be written in the program; absent values say so. */
export function describeValue(value: unknown): string {
    if (value === undefined || value === null) {
        return "not set";
    }
    if (isUnknown(value)) {
        return "not known until the update";
    }
    const text = JSON.stringify(value);
    return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/**
 * `cloudfront.Distribution "cdn": origins[0].customOriginConfig.originProtocolPolicy is "http-only":
 * API Gateway serves HTTPS only, so every request fails with 502. Fix: set it to "https-only".`
 */
export function violationMessage(resource: ResourceView, path: string, value: unknown, rule: string, fix: string): string {
    const shown = describeValue(value);
    const is = shown === "not set" || shown.startsWith("not known") ? shown : `is ${shown}`;
    return `${label(resource)}: ${path} ${is}: ${rule}. Fix: ${fix}.`;
}
