/**
 * How a plan is shown: a readable tree (the default of `npm run plan`) or one JSON document
 * (`--json`). Both depend on nothing but the plan, so the same plan always prints the same text.
 */
import type { PolicyViolation } from "./analyzer";
import { UNKNOWN } from "./engine";
import type { PlanResult, PlannedResource } from "./plan";
import { isGlobalServiceType } from "../aws/regions";

/** The `--json` document. Its shape is a contract: scripts and CI read it. */
export interface PlanJson {
    /** "preview" (as `pulumi preview`: outputs of new resources unknown, isDryRun() true) or "update" (every simulated output known). */
    view: "preview" | "update";
    resources: {
        urn: string;
        type: string;
        name: string;
        parent: string | null;
        provider: string | null;
        region: string | null;
        inputs: Record<string, unknown>;
        outputs: Record<string, unknown>;
        dependencies: string[];
        propertyDependencies: Record<string, string[]>;
    }[];
    violations: {
        policyPack: string;
        policy: string;
        enforcementLevel: string;
        urn: string | null;
        message: string;
    }[];
    /** Values the simulator could not compute, which the plan reports as unknown: per resource, and invokes. */
    unsimulated: { resources: { urn: string; outputs: string[] }[]; invokes: string[]; invokeResults?: { token: string; properties: string[] }[] };
    /** Only when the plan could not be made (exit 2): why. */
    error?: string;
}

/** The value Pulumi prints in place of a secret. */
const SECRET = "[secret]";

function masked(values: Record<string, unknown>, secrets: readonly string[] | undefined): Record<string, unknown> {
    if (!secrets || secrets.length === 0) return values;
    const out = { ...values };
    for (const key of secrets) if (key in out) out[key] = SECRET;
    return out;
}

function toJson(result: PlanResult): PlanJson {
    return {
        view: result.preview ? "preview" : "update",
        resources: result.resources.map((r) => ({
            urn: r.urn,
            type: r.type,
            name: r.name,
            parent: r.parent ?? null,
            provider: r.providerUrn ?? null,
            region: r.region ?? null,
            inputs: sortKeys(masked(r.inputs, r.secretInputs)) as Record<string, unknown>,
            outputs: sortKeys(masked(r.outputs, r.secretOutputs)) as Record<string, unknown>,
            dependencies: [...r.dependencies],
            propertyDependencies: sortKeys(r.propertyDependencies) as Record<string, string[]>,
        })),
        violations: result.violations.map((v) => ({
            policyPack: v.policyPack,
            policy: v.policy,
            enforcementLevel: v.enforcementLevel,
            urn: v.urn ?? null,
            message: v.message,
        })),
        unsimulated: {
            resources: result.resources.filter((r) => r.unsimulated).map((r) => ({ urn: r.urn, outputs: [...(r.unsimulated ?? [])].sort() })),
            invokes: unsimulatedInvokes(result),
            ...(partlyUnknownInvokes(result).length > 0 ? { invokeResults: partlyUnknownInvokes(result) } : {}),
        },
        ...(result.error ? { error: result.error.message } : {}),
    };
}

function unsimulatedInvokes(result: PlanResult): string[] {
    return [...new Set((result.invokes ?? []).filter((i) => !i.simulated).map((i) => i.token))].sort();
}

/** Simulated invokes whose answer holds properties the simulator could not know, by token. */
function partlyUnknownInvokes(result: PlanResult): { token: string; properties: string[] }[] {
    const byToken = new Map<string, Set<string>>();
    for (const call of result.invokes ?? []) {
        if (!call.simulated || !call.unknown) continue;
        const properties = byToken.get(call.token) ?? new Set<string>();
        for (const p of call.unknown) properties.add(p);
        byToken.set(call.token, properties);
    }
    return [...byToken.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([token, properties]) => ({ token, properties: [...properties].sort() }));
}

export function formatJson(result: PlanResult): string {
    return `${JSON.stringify(toJson(result), null, 2)}\n`;
}

export interface TreeOptions {
    /** How to name the program in the heading (e.g. a path relative to where the user stands). */
    programLabel?: string;
}

/** The readable plan: heading, resource tree with regions, stack outputs, diagnostics, violations, verdict. */
export function formatTree(result: PlanResult, options: TreeOptions = {}): string {
    const lines: string[] = [];
    const view = result.preview ? "preview" : "update view";
    const label = options.programLabel ?? result.entry;
    lines.push(`Offline plan of ${result.project} (stack ${result.stack}, ${view})${label ? `: ${label}` : ""}`);
    lines.push(
        result.preview
            ? "View: preview, as `pulumi preview` of a new stack: outputs of new resources are unknown, pulumi.runtime.isDryRun() is true."
            : "View: update, as `pulumi up`: simulated outputs are known, pulumi.runtime.isDryRun() is false (--preview plans as `pulumi preview`).",
    );
    const config = Object.entries(result.config);
    const secretConfig = new Set(result.secretConfig);
    if (config.length > 0) lines.push(`Config: ${config.map(([k, v]) => `${k}=${secretConfig.has(k) ? SECRET : v}`).join("  ")}`);
    lines.push("");

    lines.push(...resourceTree(result));

    const outputs = Object.entries(result.stackOutputs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (outputs.length > 0 && !result.error) {
        lines.push("", "Outputs:");
        const secret = new Set(result.secretStackOutputs);
        for (const [key, value] of outputs) lines.push(`    ${key}: ${secret.has(key) ? SECRET : showValue(value)}`);
    }

    const unsimulated = result.resources.filter((r) => r.unsimulated);
    const invokes = unsimulatedInvokes(result);
    const partly = partlyUnknownInvokes(result);
    if (unsimulated.length > 0 || invokes.length > 0 || partly.length > 0) {
        lines.push("", "Not simulated (unknown in this plan; Pulumi would know them after the update):");
        for (const r of unsimulated) lines.push(`    ${displayType(r.type)} "${r.name}": ${[...(r.unsimulated ?? [])].sort().join(", ")}`);
        for (const token of invokes) lines.push(`    invoke ${token}: its whole result`);
        for (const { token, properties } of partly) lines.push(`    invoke ${token}: ${properties.join(", ")}`);
    }

    const diagnostics = result.diagnostics.filter((d) => d.severity !== "error" || !result.error);
    if (diagnostics.length > 0) {
        lines.push("", "Diagnostics:");
        for (const d of diagnostics) {
            const where = d.urn ? ` (${resourceLabel(result, d.urn)})` : "";
            lines.push(...indent(`${d.severity}${where}: ${d.message.trim()}`, "    "));
        }
    }

    if (result.error) {
        const what = result.error.source === "program" ? "the program failed" : "the policy pack failed";
        lines.push("", `Plan failed: ${what}: ${result.error.message.split("\n")[0]}`);
    } else {
        lines.push("", ...violationSection(result), "", verdict(result));
    }
    return `${lines.join("\n")}\n`;
}

/** What `pulumi preview` prints when the program fails. */
export function formatProgramError(result: PlanResult): string {
    const error = result.error;
    if (!error) return "";
    if (error.source === "policy") return `error: the policy pack failed: ${error.message}\n`;
    const program = result.entry ? `Running program '${result.entry}'` : "Running the program";
    return `error: ${program} failed with an unhandled exception:\n${error.stack ?? error.message}\n`;
}

// ---------------------------------------------------------------------------------------

function resourceTree(result: PlanResult): string[] {
    const resources = result.resources;
    if (resources.length === 0) return ["Resources: none"];
    const flagged = violationsByUrn(result.violations);
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const parentOf = (r: PlannedResource): PlannedResource | undefined => {
        if (r.defaultProvider) return resources[0] === r ? undefined : resources[0];
        return r.parent ? byUrn.get(r.parent) : undefined;
    };
    const children = new Map<PlannedResource | undefined, PlannedResource[]>();
    for (const r of resources) {
        const parent = parentOf(r);
        children.set(parent, [...(children.get(parent) ?? []), r]);
    }

    // resources is in tree order already; compute each row's prefix from its ancestors.
    const rows: { tree: string; name: string; region: string; note: string }[] = [];
    const prefixOf = new Map<PlannedResource, string>();
    for (const r of resources) {
        const parent = parentOf(r);
        const siblings = children.get(parent) ?? [];
        const last = siblings[siblings.length - 1] === r;
        const base = parent ? (prefixOf.get(parent) ?? "") : "";
        const branch = parent ? (last ? "└─ " : "├─ ") : "";
        prefixOf.set(r, parent ? base + (last ? "   " : "│  ") : "");
        rows.push({ tree: `${base}${branch}${displayType(r.type)}`, name: r.name, region: regionLabel(r), note: noteFor(r, flagged.get(r.urn)) });
    }
    const typeWidth = Math.max(4, ...rows.map((r) => r.tree.length));
    const nameWidth = Math.max(4, ...rows.map((r) => r.name.length));
    const regionWidth = Math.max(6, ...rows.map((r) => r.region.length));
    const defaults = resources.filter((r) => r.defaultProvider).length;
    const custom = resources.filter((r) => r.custom).length - defaults;
    const parts = [plural(custom, "custom resource"), plural(resources.length - custom - defaults, "component"), ...(defaults ? [plural(defaults, "default provider")] : [])];
    const out = [`Resources: ${resources.length} (${parts.join(", ")})`];
    const row = (t: string, n: string, g: string, note: string): string => `    ${t.padEnd(typeWidth)}  ${n.padEnd(nameWidth)}  ${note ? `${g.padEnd(regionWidth)}  ${note}` : g}`.trimEnd();
    out.push(row("TYPE", "NAME", "REGION", ""));
    for (const r of rows) out.push(row(r.tree, r.name, r.region, r.note));
    return out;
}

function plural(n: number, noun: string): string {
    return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function regionLabel(r: PlannedResource): string {
    if (r.region) return r.region;
    if (!r.custom) return "";
    if (r.type.startsWith("aws:")) return isGlobalServiceType(r.type) ? "global" : "(unknown)";
    return "";
}

function noteFor(r: PlannedResource, violations: PolicyViolation[] | undefined): string {
    const notes: string[] = [];
    if (r.read) notes.push("read");
    if (r.protect) notes.push("protected");
    for (const level of ["mandatory", "advisory", "remediate"] as const) {
        const policies = [...new Set((violations ?? []).filter((v) => v.enforcementLevel === level).map((v) => v.policy))];
        if (policies.length > 0) notes.push(`${level}: ${policies.join(", ")}`);
    }
    return notes.map((n) => `[${n}]`).join(" ");
}

function violationsByUrn(violations: readonly PolicyViolation[]): Map<string, PolicyViolation[]> {
    const map = new Map<string, PolicyViolation[]>();
    for (const v of violations) {
        if (v.urn) map.set(v.urn, [...(map.get(v.urn) ?? []), v]);
    }
    return map;
}

function violationSection(result: PlanResult): string[] {
    if (!result.policyPack) return ["Policies: not evaluated"];
    const pack = `${result.policyPack.name}${result.policyPack.version ? ` ${result.policyPack.version}` : ""}`;
    if (result.violations.length === 0) return [`Policy violations (${pack}): none`];
    const out = [`Policy violations (${pack}):`];
    for (const level of ["mandatory", "advisory", "remediate"] as const) {
        const group = result.violations.filter((v) => v.enforcementLevel === level);
        if (group.length === 0) continue;
        out.push(`  ${level} (${group.length}):`);
        for (const v of group) {
            out.push(`    ${v.policy}  ${v.urn ? resourceLabel(result, v.urn) : "(stack)"}`);
            out.push(...indent(v.message.trim(), "        "));
        }
    }
    return out;
}

function verdict(result: PlanResult): string {
    const count = (level: string): number => result.violations.filter((v) => v.enforcementLevel === level).length;
    const mandatory = count("mandatory");
    const advisory = count("advisory");
    const remediated = count("remediate");
    const resources = plural(result.resources.length, "resource");
    if (!result.policyPack) return `Plan: ${resources}; policies not evaluated.`;
    const counts = `${mandatory} mandatory, ${advisory} advisory${remediated ? `, ${remediated} remediated` : ""}`;
    const outcome = mandatory > 0 ? "blocked: pulumi preview --policy-pack would fail" : "passes";
    return `Plan: ${resources}; policy violations: ${counts}; ${outcome}.`;
}

/** `aws:acm:Certificate "api-cert"`, for a URN of the plan or any URN. */
function resourceLabel(result: PlanResult, urn: string): string {
    const r = result.resources.find((x) => x.urn === urn);
    if (r) return `${displayType(r.type)} "${r.name}"`;
    const parts = urn.split("::");
    if (parts.length < 4) return urn;
    const type = parts[2].split("$").pop() ?? parts[2];
    return `${displayType(type)} "${parts.slice(3).join("::")}"`;
}

/** Pulumi's short form of a type token: `aws:acm/certificate:Certificate` reads `aws:acm:Certificate`. */
function displayType(type: string): string {
    const parts = type.split(":");
    if (parts.length !== 3) return type;
    const [pkg, mod, name] = parts;
    const slash = mod.lastIndexOf("/");
    if (slash >= 0 && mod.slice(slash + 1).toLowerCase() === name.toLowerCase()) return `${pkg}:${mod.slice(0, slash)}:${name}`;
    return type;
}

function showValue(value: unknown): string {
    if (value === UNKNOWN) return "[unknown]";
    return JSON.stringify(value, (_key, v: unknown) => (v === UNKNOWN ? "[unknown]" : v));
}

function indent(text: string, prefix: string): string[] {
    return text.split(/\r?\n/).map((line) => `${prefix}${line}`.trimEnd());
}

/** A copy with object keys sorted at every level, so JSON output never depends on registration details. */
function sortKeys(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(sortKeys);
    if (typeof value !== "object" || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
}
