// Refusing a policy config that names a rule the pack does not have, or a setting a rule does not
// take.
//
// The Pulumi CLI validates a pack's config itself before the preview starts (pkg/resource/analyzer
// config.go: every policy's settings against `{"type": "object", "properties": ..., "required": ...}`
// from its configSchema, with gojsonschema; errors read `<policy>: <field>: <problem>`). That schema
// carries no `additionalProperties` (the policy SDK sends only `properties` and `required`), and a
// config entry for a policy the pack does not have is kept without a word. So a typo in a rule or
// setting name would silently leave the rule at its defaults. The pack closes that gap where it
// first sees the config, the Configure call, and answers in the CLI's own words
// (`<policy>: Additional property <name> is not allowed`), before any resource is analyzed.

import * as path from "path";
import { PolicyConfigSchema } from "@pulumi/policy";

/** What the guard needs to know of each rule. */
export interface ConfigurableRule {
    readonly name: string;
    readonly configSchema?: PolicyConfigSchema;
}

/** The key the CLI and the service use for "every rule". */
const ALL = "all";

/**
 * Why a reconciled policy config (rule name to settings, `enforcementLevel` included) does not fit
 * the rules; empty when it does.
 */
export function configProblems(rules: readonly ConfigurableRule[], config: Readonly<Record<string, Readonly<Record<string, unknown>>>>): string[] {
    const byName = new Map(rules.map((r) => [r.name, r]));
    const problems: string[] = [];
    for (const [name, entry] of Object.entries(config)) {
        if (name === ALL) {
            continue;
        }
        const rule = byName.get(name);
        if (!rule) {
            problems.push(`${name}: is not a rule of this policy pack (its rules: ${rules.map((r) => r.name).join(", ")})`);
            continue;
        }
        const known = Object.keys(rule.configSchema?.properties ?? {});
        for (const setting of Object.keys(entry ?? {})) {
            if (setting === "enforcementLevel" || known.includes(setting)) {
                continue;
            }
            problems.push(
                `${name}: Additional property ${setting} is not allowed (` +
                    (known.length > 0 ? `its settings: ${known.join(", ")}` : "it takes no settings besides enforcementLevel") +
                    ")",
            );
        }
    }
    return problems;
}

/** The one-line-per-problem error the Configure call fails with. */
export function configError(packName: string, problems: readonly string[]): string {
    return `invalid policy config for policy pack ${packName}:\n  ${problems.join("\n  ")}`;
}

type Callback = (error: unknown, value?: unknown) => void;
type Handler = (call: { request: { getPolicyconfigMap(): { entries(): Iterable<[string, { getProperties(): { toJavaScript(): Record<string, unknown> } | undefined }]> } } }, callback: Callback) => unknown;

// gRPC status INVALID_ARGUMENT: the caller sent a config the pack cannot accept.
const INVALID_ARGUMENT = 3;

/**
 * Makes the analyzer server this process is about to start refuse invalid config in its Configure
 * call. Must run before the `PolicyPack` is constructed. It wraps the handler the policy SDK
 * registers with gRPC (the SDK offers no hook of its own), and only adds a check in front of it.
 */
export function guardConfiguration(packName: string, rules: readonly ConfigurableRule[]): void {
    type Grpc = { Server: { prototype: { addService(service: unknown, implementation: Record<string, unknown>): void } } };
    let grpc: Grpc;
    try {
        const sdkDir = path.dirname(require.resolve("@pulumi/policy/package.json"));
        // The gRPC module the SDK itself loads, so the wrapped prototype is the one its server uses.
        grpc = require(require.resolve("@grpc/grpc-js", { paths: [sdkDir] })) as Grpc;
    } catch (e) {
        // A pack that does not start would block every stack; one that cannot check its config only loses the check.
        console.error(`${packName}: policy config is not checked for unknown rules and settings (${(e as Error).message})`);
        return;
    }
    const proto = grpc.Server.prototype;
    const addService = proto.addService;
    proto.addService = function (this: unknown, service: unknown, implementation: Record<string, unknown>): void {
        const configure = implementation?.["configure"] as Handler | undefined;
        if (typeof configure === "function" && typeof implementation["analyzeStack"] === "function") {
            implementation = {
                ...implementation,
                configure: (call: Parameters<Handler>[0], callback: Callback) => {
                    let problems: string[];
                    try {
                        const config: Record<string, Record<string, unknown>> = {};
                        for (const [name, value] of call.request.getPolicyconfigMap().entries()) {
                            config[name] = value.getProperties()?.toJavaScript() ?? {};
                        }
                        problems = configProblems(rules, config);
                    } catch {
                        problems = [];
                    }
                    if (problems.length > 0) {
                        const message = configError(packName, problems);
                        callback(Object.assign(new Error(message), { code: INVALID_ARGUMENT, details: message }));
                        return;
                    }
                    return configure(call, callback);
                },
            };
        }
        return addService.call(this, service, implementation);
    };
}
