// Builders for the resource views rule functions take, shaped like what a user's @pulumi/aws
// program registers (inputs, provider, property dependencies), so rule tests read like programs.

import { StackResource } from "../../policy/lib/resources";
import { PropertyMap, UNKNOWN_VALUE } from "../../policy/lib/values";

/** The engine's sentinel for a value not known during preview. */
export const UNKNOWN = UNKNOWN_VALUE;

export interface ResOptions {
    /** Region of the resource's provider (an explicit provider, or the default one from aws:region). */
    providerRegion?: string;
    /** Resources each input property was computed from. */
    deps?: Record<string, StackResource[]>;
    /** Plain dependencies (dependsOn and everything in propertyDependencies). */
    dependencies?: StackResource[];
    parent?: StackResource;
}

export function urnOf(type: string, name: string): string {
    return `urn:pulumi:dev::shop::${type}::${name}`;
}

/** A resource as a stack policy sees it. */
export function res(type: string, name: string, props: PropertyMap, options: ResOptions = {}): StackResource {
    const propertyDependencies = options.deps ?? {};
    const dependencies = options.dependencies ?? Object.values(propertyDependencies).flat();
    return {
        urn: urnOf(type, name),
        type,
        name,
        props,
        provider:
            options.providerRegion !== undefined
                ? { urn: urnOf("pulumi:providers:aws", `aws-${options.providerRegion}`), type: "pulumi:providers:aws", name: `aws-${options.providerRegion}`, props: { region: options.providerRegion } }
                : undefined,
        parent: options.parent,
        dependencies,
        propertyDependencies,
    };
}

/** A fake ACM certificate ARN in a region. */
export function certArn(region: string, id = "0f0e0d0c-1111-2222-3333-444455556666"): string {
    return `arn:aws:acm:${region}:123456789012:certificate/${id}`;
}

/** Messages of findings, for compact assertions. */
export function messages(findings: readonly { message: string }[]): string[] {
    return findings.map((f) => f.message);
}
