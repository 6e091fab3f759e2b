import * as pulumi from "@pulumi/pulumi";

/**
 * An escape hatch for one child resource: either a partial set of arguments merged over
 * what the component computed, or a callback that receives the computed arguments and
 * options and may change them in place or return replacements.
 *
 * Other Pulumi languages reach the same children with the standard `transforms`
 * resource option on the component, which applies to every child.
 */
export type Transform<T> =
    | Partial<T>
    | ((args: T, opts: pulumi.CustomResourceOptions, name: string) => void | T);

/** Applies a transform to one child's arguments; returns the arguments and options to use. */
export function applyTransform<T extends object>(
    transform: Transform<T> | undefined,
    name: string,
    args: T,
    opts: pulumi.CustomResourceOptions,
): [T, pulumi.CustomResourceOptions] {
    if (transform === undefined) return [args, opts];
    if (typeof transform === "function") {
        const replaced = transform(args, opts, name);
        return [replaced ?? args, opts];
    }
    return [{ ...args, ...transform }, opts];
}
