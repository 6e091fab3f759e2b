/**
 * The package schema as the plugin host produces it for `pulumi package add`: run-plugin
 * collects the component classes the entry point exports, and ComponentProvider runs Pulumi's
 * component analyzer over the TypeScript sources (the program tsconfig.json describes). Built
 * once per test run (a second or two) and shared by the tests that read it.
 */
import * as path from "path";
import { ComponentProvider, getPulumiComponents } from "@pulumi/pulumi/provider/experimental/provider";

export const ROOT = path.join(__dirname, "..", "..");
export const TOKEN = "apigw-domains:index:";
export const TYPE_REF = `#/types/${TOKEN}`;

export interface PropertySpec {
    type?: string;
    $ref?: string;
    items?: PropertySpec;
    additionalProperties?: PropertySpec;
    plain?: boolean;
    optional?: boolean;
    description?: string;
}

export interface Schema {
    name: string;
    version: string;
    description: string;
    dependencies: unknown[];
    resources: Record<string, {
        isComponent: boolean;
        description?: string;
        inputProperties: Record<string, PropertySpec>;
        requiredInputs: string[];
        properties: Record<string, PropertySpec>;
        required: string[];
    }>;
    types: Record<string, {
        type: string;
        enum?: { name: string; value: string; description?: string }[];
        properties?: Record<string, PropertySpec>;
        required?: string[];
    }>;
}

export interface PackageSchema {
    schema: Schema;
    /** The provider that produced it, ready to construct components as the plugin host does. */
    provider: ComponentProvider;
    /** The component classes the entry point exports. */
    componentNames: string[];
}

let built: Promise<PackageSchema> | undefined;

export function packageSchema(): Promise<PackageSchema> {
    built ??= (async () => {
        const components = getPulumiComponents(require(path.join(ROOT, "index")));
        const provider = new ComponentProvider({ components, dirname: ROOT, name: "apigw-domains" });
        const schema = JSON.parse(await provider.getSchema()) as Schema;
        return { schema, provider, componentNames: components.map((c) => c.name).sort() };
    })();
    return built;
}
