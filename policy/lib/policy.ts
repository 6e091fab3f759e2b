// Glue between pure rule functions and the policy SDK.
//
// Each rule module exports plain functions that take resource views and return findings; the
// builders here turn them into `ResourceValidationPolicy` / `StackValidationPolicy` objects. The glue
// is the only place that touches SDK objects: it strips the SDK's unknown-checking proxies, resolves
// dependency objects into views once per stack, reads per-rule config, and applies remediations.

import {
    EnforcementLevel,
    PolicyConfigSchema,
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationPolicy,
} from "@pulumi/policy";
import { stackDefaultRegion } from "./region";
import { ProviderView, ResourceView, StackResource } from "./resources";
import { PropertyMap, readableProps } from "./values";

/** One violation found by a rule. */
export interface Finding {
    /** The resource at fault (stack rules must set it; resource rules default to the resource checked). */
    readonly urn?: string;
    readonly message: string;
}

/** What a rule knows about its surroundings; injectable so tests need no environment. */
export interface RuleContext {
    /** Region of resources with no `region` and no regional provider (the stack's `aws:region`). */
    readonly defaultRegion?: string;
}

/** A safe automatic change: set `value` at `path` in the resource's inputs. */
export interface Fix {
    readonly path: readonly (string | number)[];
    readonly value: unknown;
}

/** The metadata every rule declares. */
export interface RuleInfo {
    readonly name: string;
    /** One line; the SDK prefixes every violation message with it. */
    readonly description: string;
    readonly remediationSteps: string;
    readonly enforcementLevel: EnforcementLevel;
    readonly configSchema?: PolicyConfigSchema;
}

/** Reads a rule's settings from the raw policy config (whatever the user put in the config file). */
export type SettingsReader<S> = (raw: Record<string, unknown>) => S;

export type StackCheck<S> = (resources: readonly StackResource[], context: RuleContext, settings: S) => Finding[];
export type ResourceCheck<S> = (resource: ResourceView, context: RuleContext, settings: S) => Finding[];
export type ResourceFixer<S> = (resource: ResourceView, settings: S) => Fix[];

function contextFromEnvironment(): RuleContext {
    return { defaultRegion: stackDefaultRegion() };
}

function providerView(provider: { urn: string; type: string; name: string; props: Record<string, unknown> } | undefined): ProviderView | undefined {
    return provider ? { urn: provider.urn, type: provider.type, name: provider.name, props: readableProps(provider.props) } : undefined;
}

/**
 * Converts the SDK's stack resources into views in two linear passes: first one view per resource,
 * then parents and dependencies re-pointed at views through a map.
 */
export function toStackResources(resources: readonly PolicyResource[]): StackResource[] {
    interface Mutable {
        urn: string;
        type: string;
        name: string;
        props: PropertyMap;
        provider?: ProviderView;
        parent?: StackResource;
        dependencies: StackResource[];
        propertyDependencies: Record<string, StackResource[]>;
    }
    const views = new Map<PolicyResource, Mutable>();
    for (const r of resources) {
        views.set(r, {
            urn: r.urn,
            type: r.type,
            name: r.name,
            props: readableProps(r.props),
            provider: providerView(r.provider),
            dependencies: [],
            propertyDependencies: {},
        });
    }
    const lookup = (r: PolicyResource): StackResource[] => {
        const v = views.get(r);
        return v ? [v] : [];
    };
    for (const [r, view] of views) {
        if (r.parent) {
            view.parent = views.get(r.parent);
        }
        view.dependencies = (r.dependencies ?? []).flatMap(lookup);
        for (const [property, sources] of Object.entries(r.propertyDependencies ?? {})) {
            view.propertyDependencies[property] = sources.flatMap(lookup);
        }
    }
    return [...views.values()];
}

function report(findings: readonly Finding[], reportViolation: ReportViolation, defaultUrn?: string): void {
    for (const f of findings) {
        reportViolation(f.message, f.urn ?? defaultUrn);
    }
}

/** Builds a stack policy from a pure check over all resources. */
export function stackRule<S>(info: RuleInfo, readSettings: SettingsReader<S>, check: StackCheck<S>): StackValidationPolicy {
    return {
        ...info,
        validateStack: (args, reportViolation) => {
            const findings = check(toStackResources(args.resources), contextFromEnvironment(), readSettings(args.getConfig<Record<string, unknown>>()));
            report(findings, reportViolation);
        },
    };
}

function resourceView(args: ResourceValidationArgs): ResourceView {
    return { urn: args.urn, type: args.type, name: args.name, props: readableProps(args.props), provider: providerView(args.provider) };
}

/**
 * Writes fixes into the SDK's property object. Writing through its proxies (rather than building a
 * copy) keeps values the SDK marks as secret secret when it serializes the result.
 */
function applyFixes(props: Record<string, unknown>, fixes: readonly Fix[]): void {
    for (const fix of fixes) {
        let target: Record<string | number, unknown> = props;
        for (const key of fix.path.slice(0, -1)) {
            target = target[key] as Record<string | number, unknown>;
        }
        target[fix.path[fix.path.length - 1]] = fix.value;
    }
}

/** Builds a per-resource policy for the given types, with an optional remediation. */
export function resourceRule<S>(
    info: RuleInfo,
    types: ReadonlySet<string>,
    readSettings: SettingsReader<S>,
    check: ResourceCheck<S>,
    fixer?: ResourceFixer<S>,
): ResourceValidationPolicy {
    const policy: ResourceValidationPolicy = {
        ...info,
        validateResource: (args, reportViolation) => {
            if (!types.has(args.type)) {
                return;
            }
            report(check(resourceView(args), contextFromEnvironment(), readSettings(args.getConfig<Record<string, unknown>>())), reportViolation, args.urn);
        },
    };
    if (fixer) {
        policy.remediateResource = (args) => {
            if (!types.has(args.type)) {
                return undefined;
            }
            const fixes = fixer(resourceView(args), readSettings(args.getConfig<Record<string, unknown>>()));
            if (fixes.length === 0) {
                return undefined;
            }
            applyFixes(args.props, fixes);
            return args.props;
        };
    }
    return policy;
}

/** Reads a list-of-strings setting, ignoring anything else a hand-edited config file might hold. */
export function stringListSetting(raw: Record<string, unknown>, key: string): string[] {
    const value = raw[key];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
