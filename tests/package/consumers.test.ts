// The programs in examples/python-consumer and examples/yaml-consumer are not run here (no
// Pulumi CLI, no Python); this keeps them honest against the schema their SDKs are generated
// from: the package they add, the type tokens, every argument and output they use, the values
// they give enumerations, and nothing required left out.

import * as assert from "assert";
import * as fs from "fs";
import { createRequire } from "module";
import * as path from "path";
import { ROOT, Schema, TOKEN, packageSchema } from "./package-schema";

// js-yaml ships with @pulumi/pulumi, which parses Pulumi.yaml with it.
const yaml = createRequire(require.resolve("@pulumi/pulumi/package.json"))("js-yaml") as { load(text: string): unknown };

const EXAMPLES = path.join(ROOT, "examples");
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

interface Project {
    runtime: string | { name: string };
    packages?: Record<string, string>;
    resources?: Record<string, { type: string; properties?: Record<string, unknown> }>;
    outputs?: Record<string, string>;
}

function project(example: string): Project {
    return yaml.load(fs.readFileSync(path.join(EXAMPLES, example, "Pulumi.yaml"), "utf8")) as Project;
}

/** The package a consumer adds must be this repository: a directory with PulumiPlugin.yaml. */
function assertAddsThisPackage(example: string, p: Project): void {
    const source = p.packages?.["apigw-domains"];
    assert.ok(source, `${example}/Pulumi.yaml has no packages entry for apigw-domains (what \`pulumi package add\` writes)`);
    assert.strictEqual(path.resolve(EXAMPLES, example, source), ROOT);
    assert.ok(fs.existsSync(path.join(ROOT, "PulumiPlugin.yaml")));
}

describe("consumer examples in other languages (checked against the package schema)", function () {
    let schema: Schema;

    before(async function () {
        ({ schema } = await packageSchema());
    });

    /** Checks one object of arguments against a schema type's properties, recursing into object types and enums. */
    function checkArgs(where: string, given: Record<string, unknown>, props: Record<string, { $ref?: string; type?: string; items?: { $ref?: string }; optional?: boolean }>): void {
        for (const [key, value] of Object.entries(given)) {
            const spec = props[key];
            assert.ok(spec, `${where}.${key} is not an argument (known: ${Object.keys(props).join(", ")})`);
            const ref = spec.$ref ?? spec.items?.$ref;
            const type = ref ? schema.types[ref.replace("#/types/", "")] : undefined;
            if (type?.enum && typeof value === "string") {
                assert.ok(type.enum.some((m) => m.value === value), `${where}.${key}: "${value}" is not one of ${type.enum.map((m) => m.value).join(", ")}`);
            }
            if (type?.properties) {
                for (const [i, item] of (Array.isArray(value) ? value : [value]).entries()) {
                    if (item && typeof item === "object") checkArgs(`${where}.${key}[${i}]`, item as Record<string, unknown>, type.properties);
                }
            }
        }
        for (const [key, spec] of Object.entries(props)) {
            if (!spec.optional) assert.ok(key in given, `${where} lacks the required ${key}`);
        }
    }

    it("yaml-consumer adds this package and uses its components by token, with arguments and outputs the schema has", () => {
        const p = project("yaml-consumer");
        assert.strictEqual(p.runtime, "yaml");
        assertAddsThisPackage("yaml-consumer", p);
        const ours = Object.entries(p.resources ?? {}).filter(([, r]) => r.type.startsWith(TOKEN));
        assert.ok(ours.length > 0, "the YAML example uses no component of this package");
        for (const [name, r] of ours) {
            const resource = schema.resources[r.type];
            assert.ok(resource, `${name}: ${r.type} is not a component of this package`);
            checkArgs(name, r.properties ?? {}, resource.inputProperties);
        }
        for (const [output, expression] of Object.entries(p.outputs ?? {})) {
            const [, resourceName, property] = /^\$\{(\w+)\.(\w+)\}$/.exec(expression) ?? [];
            const r = p.resources?.[resourceName];
            if (!r?.type.startsWith(TOKEN)) continue;
            assert.ok(property in schema.resources[r.type].properties, `output ${output}: ${r.type} has no output ${property}`);
        }
    });

    it("python-consumer adds this package and calls the generated SDK with the schema's names", () => {
        const p = project("python-consumer");
        assert.strictEqual(typeof p.runtime === "string" ? p.runtime : p.runtime.name, "python");
        assertAddsThisPackage("python-consumer", p);
        const program = fs.readFileSync(path.join(EXAMPLES, "python-consumer", "__main__.py"), "utf8");
        assert.match(program, /^import pulumi_apigw_domains as apigw_domains$/m, "the generated SDK's module is pulumi_apigw_domains");

        // Every `apigw_domains.X(` call: a component (name first, then keyword arguments) or an input type (`<Type>Args`).
        const calls = [...program.matchAll(/apigw_domains\.(\w+)\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g)];
        assert.ok(calls.some(([, callee]) => schema.resources[TOKEN + callee]), "the Python example uses no component of this package");
        for (const [, callee, body] of calls) {
            // Its own keywords only: nested calls (`MappingArgs(...)`) are checked on their own.
            const own = body.replace(/\([^()]*\)/g, "()");
            const keywords = [...own.matchAll(/(?:^|[,(\s])(\w+)=/g)].map(([, k]) => k);
            const component = schema.resources[TOKEN + callee];
            const type = callee.endsWith("Args") ? schema.types[TOKEN + callee.slice(0, -"Args".length)] : undefined;
            const props = component?.inputProperties ?? type?.properties;
            assert.ok(props, `apigw_domains.${callee} is neither a component nor an input type of the package`);
            const known = new Map(Object.keys(props).map((k) => [snake(k), k]));
            for (const k of keywords.filter((k) => k !== "opts")) {
                assert.ok(known.has(k), `apigw_domains.${callee}(${k}=...) is not an argument (known: ${[...known.keys()].join(", ")})`);
                const ref = props[known.get(k)!].$ref;
                const enumType = ref ? schema.types[ref.replace("#/types/", "")] : undefined;
                const literal = new RegExp(`${k}="([^"]*)"`).exec(own)?.[1];
                if (enumType?.enum && literal !== undefined) {
                    assert.ok(enumType.enum.some((m) => m.value === literal), `${callee}(${k}="${literal}") is not one of the enum's values`);
                }
            }
            for (const [k, spec] of Object.entries(props)) {
                if (!spec.optional) assert.ok(keywords.includes(snake(k)), `apigw_domains.${callee} lacks the required ${snake(k)}`);
            }
        }
        // Outputs read from the component.
        const outputs = new Set(Object.values(schema.resources).flatMap((r) => Object.keys(r.properties).map(snake)));
        for (const [, attribute] of program.matchAll(/\bdomain\.(\w+)/g)) {
            assert.ok(outputs.has(attribute), `domain.${attribute} is not an output of the package`);
        }
    });
});
