/**
 * How a component class is written so that it reads right to two readers: TypeScript, and
 * Pulumi's component analyzer, which `pulumi package add` runs to generate the SDKs of other
 * languages (tests/package/schema.test.ts pins what it sees). The analyzer:
 *
 * - recognizes a component only when its class extends `pulumi.ComponentResource` directly,
 *   so there is no shared base class: what the components share are the helpers here and in
 *   domain-base.ts;
 * - publishes every property the class declares (private ones included) as an output, and
 *   can publish only plain data: no union types, no resources of this package;
 * - does not read getters or methods.
 *
 * So a component declares as properties exactly its outputs, each a plain `pulumi.Output` or
 * value, and keeps its child resources (useful to TypeScript programs only) here, behind a
 * `nodes` getter.
 */
import * as pulumi from "@pulumi/pulumi";

const nodesByComponent = new WeakMap<pulumi.ComponentResource, object>();

/** Records a component's child resources; called once by each constructor. */
export function keepNodes<Nodes extends object>(component: pulumi.ComponentResource, nodes: Nodes): Nodes {
    nodesByComponent.set(component, nodes);
    return nodes;
}

/** A component's child resources, for its `nodes` getter. */
export function nodesOf<Nodes extends object>(component: pulumi.ComponentResource): Nodes {
    const nodes = nodesByComponent.get(component);
    if (nodes === undefined) throw new Error(`${component.constructor.name}: nodes exist once the constructor has run`);
    return nodes as Nodes;
}

/**
 * Defines an output property whose value is computed each time it is read, so that it shows
 * what was added after the constructor (`addMapping`). The class declares it (`declare
 * readonly`), so the analyzer publishes it like any output.
 */
export function defineLiveOutput(component: pulumi.ComponentResource, key: string, read: () => pulumi.Output<unknown>): void {
    Object.defineProperty(component, key, { get: read, enumerable: true, configurable: true });
}

/**
 * `pulumi.output` for a value that is often an Output already: that Output is returned as it is,
 * where `pulumi.output` would copy it into a new one (a few dozen promises each, which a stack of
 * hundreds of domains pays for in time and garbage collection). Meant for flat values; nested
 * Outputs inside objects still go through `pulumi.output`.
 */
export function asOutput<T>(value: pulumi.Input<T>): pulumi.Output<T> {
    return (pulumi.Output.isInstance(value) ? value : pulumi.output(value)) as pulumi.Output<T>;
}
