import * as pulumi from "@pulumi/pulumi";

/**
 * The one error type the components throw for bad input. Its message always names the
 * component, the argument, the offending value, the rule and the fix, and it is thrown
 * before anything is registered with the engine.
 */
export class DomainConfigError extends Error {
    constructor(
        readonly component: string,
        readonly argument: string,
        readonly value: unknown,
        readonly rule: string,
        readonly fix: string,
    ) {
        super(`${component}: ${argument} ${formatValue(value)} ${rule}; ${fix}`);
        this.name = "DomainConfigError";
    }
}

function formatValue(value: unknown): string {
    if (typeof value === "string") return JSON.stringify(value);
    if (value === undefined) return "(not set)";
    if (typeof value === "function") return "(a function)";
    if (pulumi.Resource.isInstance(value)) return "(a resource)";
    // Never JSON.stringify an Output: its toJSON returns a warning, and a secret must not be read.
    if (pulumi.Output.isInstance(value)) return "(an Output)";
    if (value !== null && typeof value === "object" && typeof (value as { then?: unknown }).then === "function") return "(a promise)";
    try {
        return JSON.stringify(value);
    } catch {
        return String(value);
    }
}

/** A label for messages: `EdgeDomain "api"`. */
export function componentLabel(kind: string, name: string): string {
    return `${kind} "${name}"`;
}
