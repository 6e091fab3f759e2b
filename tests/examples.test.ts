// Every example and every topology of the root program, end to end through the offline plan:
// it runs, the policy pack finds no violation (none at all in the update view: a shipped example
// is what users copy, so it must not trip even the pack's advisories; no mandatory one in a preview),
// a preview registers exactly what an update would, and no live resource would be replaced
// because its URN changed (the URN snapshots in tests/snapshots/).

import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import * as aws from "@pulumi/aws";
import { PolicyPackHandle, startPolicyPack } from "../offline/analyzer";
import { DEFAULT_POLICY_PACK, PlanResult, PlannedResource, planProgram } from "../offline/plan";

const ROOT = path.join(__dirname, "..");
const EXAMPLES_DIR = path.join(ROOT, "examples");
const SNAPSHOTS_DIR = path.join(__dirname, "snapshots");
const UPDATE = process.env["UPDATE_SNAPSHOTS"] === "1";

/** The topologies the root program deploys (config `topology`); kept in sync with program/index.ts by a test below. */
const TOPOLOGIES = ["edge", "regional", "base-paths", "cloudfront", "websocket", "wildcard", "private", "private-alb", "tenants"];

const EXAMPLES = fs
    .readdirSync(EXAMPLES_DIR)
    .filter((name) => fs.existsSync(path.join(EXAMPLES_DIR, name, "Pulumi.yaml")))
    // The Python and YAML consumer examples document other languages; only Node.js programs run here.
    .filter((name) => /^runtime:\s*(?:nodejs\b|\n\s+name:\s*nodejs\b)/m.test(fs.readFileSync(path.join(EXAMPLES_DIR, name, "Pulumi.yaml"), "utf8")))
    .sort();

interface Target {
    /** The snapshot's name and the test's label. */
    name: string;
    dir: string;
    config: Record<string, string>;
}

const TARGETS: Target[] = [
    ...EXAMPLES.map((name) => ({ name, dir: path.join(EXAMPLES_DIR, name), config: {} })),
    ...TOPOLOGIES.map((topology) => ({ name: `root-${topology}`, dir: ROOT, config: { topology } })),
];

// ---------------------------------------------------------------------------------------
// URN snapshots
// ---------------------------------------------------------------------------------------

interface SnapshotEntry {
    urn: string;
    type: string;
}

const HOW_TO_UPDATE = "If the change is intended, record it on purpose: UPDATE_SNAPSHOTS=1 npm test (or UPDATE_SNAPSHOTS=1 npx mocha --no-config --require tsx/cjs --extension ts --timeout 60000 tests/examples.test.ts), and commit tests/snapshots/.";

/**
 * What a stack would keep: every resource the program registers, by URN. Default providers are
 * left out: the engine names them after the provider version, and a new version does not
 * replace the resources that use them.
 */
function snapshotOf(resources: readonly PlannedResource[]): SnapshotEntry[] {
    return resources
        .filter((r) => !r.defaultProvider)
        .map((r) => ({ urn: r.urn, type: r.type }))
        .sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
}

/**
 * Why the current resources do not match the snapshot, or undefined when they do. A URN that
 * is gone is a resource `pulumi up` would delete and create again under its new URN, unless
 * a current resource declares the old URN as an alias.
 */
function snapshotProblems(label: string, snapshot: readonly SnapshotEntry[], resources: readonly PlannedResource[]): string | undefined {
    const current = new Set(resources.filter((r) => !r.defaultProvider).map((r) => r.urn));
    const before = new Set(snapshot.map((e) => e.urn));
    const aliasOf = new Map<string, string>();
    for (const r of resources) for (const alias of r.aliases ?? []) aliasOf.set(alias, r.urn);
    const gone = snapshot.filter((e) => !current.has(e.urn));
    const replaced = gone.filter((e) => !aliasOf.has(e.urn));
    const aliased = gone.filter((e) => aliasOf.has(e.urn));
    const added = snapshotOf(resources).filter((e) => !before.has(e.urn));
    if (gone.length === 0 && added.length === 0) return undefined;

    const lines = [`${label}: the resources' URNs differ from tests/snapshots/${label}.json.`];
    if (replaced.length > 0) {
        lines.push(
            "",
            `These URNs are gone with no alias: on a live stack \`pulumi up\` would DELETE these resources and create new ones (a custom domain name or a certificate replaced means downtime):`,
            ...replaced.map((e) => `  - ${e.urn}`),
            "If a resource was renamed, moved to another parent or changed type, keep it: give the new resource `aliases: [{ name: \"<old name>\" }]` (or `{ parent: ... }`, `{ type: ... }`, or the old URN) in its options, then update the snapshot.",
        );
    }
    if (aliased.length > 0) lines.push("", "Renamed with an alias (safe; update the snapshot):", ...aliased.map((e) => `  ~ ${e.urn} -> ${aliasOf.get(e.urn)}`));
    if (added.length > 0) lines.push("", "New URNs:", ...added.map((e) => `  + ${e.urn}`));
    lines.push("", HOW_TO_UPDATE);
    return lines.join("\n");
}

function checkSnapshot(label: string, resources: readonly PlannedResource[]): void {
    const file = path.join(SNAPSHOTS_DIR, `${label}.json`);
    if (UPDATE) {
        fs.mkdirSync(SNAPSHOTS_DIR, { recursive: true });
        fs.writeFileSync(file, `${JSON.stringify(snapshotOf(resources), null, 2)}\n`);
        return;
    }
    assert.ok(fs.existsSync(file), `${label}: no URN snapshot at tests/snapshots/${label}.json. ${HOW_TO_UPDATE}`);
    const snapshot = JSON.parse(fs.readFileSync(file, "utf8")) as SnapshotEntry[];
    const problems = snapshotProblems(label, snapshot, resources);
    if (problems) assert.fail(problems);
}

// ---------------------------------------------------------------------------------------

function violationReport(result: PlanResult, levels: readonly string[] = ["mandatory", "advisory", "remediate"]): string {
    return result.violations
        .filter((v) => levels.includes(v.enforcementLevel))
        .map((v) => `  ${v.enforcementLevel} ${v.policy} on ${v.urn}:\n    ${v.message.replace(/\n/g, "\n    ")}`)
        .join("\n");
}

describe("examples, end to end through the offline plan", function () {
    let pack: PolicyPackHandle;

    before(async () => {
        // One pack for every example: each resource reaches it with its provider (explicit or the
        // default one built from the example's own aws:region), so the pack's stack config is only
        // a fallback.
        pack = await startPolicyPack(DEFAULT_POLICY_PACK, { stackConfig: { "aws:region": "eu-west-1" }, project: "apigw-domains", stack: "dev" });
    });

    after(async () => {
        await pack?.close();
    });

    it("finds the examples and the root program's topologies", () => {
        assert.ok(EXAMPLES.length >= 8, `examples found: ${EXAMPLES.join(", ")}`);
        assert.ok(!EXAMPLES.includes("lib"), "examples/lib holds shared helpers, not a program");
    });

    it("plans the root program with no config at all, and knows every topology it offers", async () => {
        const plain = await planProgram(ROOT, { pack });
        assert.ifError(plain.error);
        assert.equal(plain.config["apigw-domains:topology"], "regional");
        const unknown = await planProgram(ROOT, { pack, config: { topology: "no-such-topology" } });
        assert.equal(unknown.error?.source, "program");
        const offered = /one of: (.*)$/m.exec(unknown.error!.message)?.[1].split(", ");
        assert.deepEqual(offered, TOPOLOGIES, "the topologies tested here must be the ones program/index.ts offers");
    });

    for (const target of TARGETS) {
        describe(target.name, () => {
            let update: PlanResult;

            before(async () => {
                update = await planProgram(target.dir, { pack, config: target.config });
            });

            it("plans with no policy violation, not even an advisory one", () => {
                assert.ifError(update.error);
                assert.ok(update.resources.length > 3, "the program registered its resources");
                assert.equal(violationReport(update), "", `policy violations:\n${violationReport(update)}`);
                assert.deepEqual(update.diagnostics.filter((d) => d.severity === "error"), []);
            });

            it("previews exactly what an update creates, with no mandatory violation while outputs are unknown", async () => {
                const preview = await planProgram(target.dir, { pack, config: target.config, preview: true });
                assert.ifError(preview.error);
                assert.deepEqual(preview.resources.map((r) => r.urn), update.resources.map((r) => r.urn), "a resource created inside an apply, or one whose name depends on an output");
                const mandatory = violationReport(preview, ["mandatory"]);
                assert.equal(mandatory, "", `mandatory violations:\n${mandatory}`);
            });

            it("keeps every URN of its snapshot (a renamed resource is a replaced resource)", () => {
                assert.ifError(update.error);
                checkSnapshot(target.name, update.resources);
            });
        });
    }

    describe("URN snapshot check", () => {
        const renamed = (aliased: boolean) => async () =>
            (
                await planProgram(
                    () => {
                        new aws.route53.Zone(aliased ? "primary-zone" : "main-zone", { name: "example.com" }, aliased ? { aliases: [{ name: "zone" }] } : {});
                    },
                    { policyPack: false },
                )
            ).resources;
        const snapshot: SnapshotEntry[] = [
            { urn: "urn:pulumi:dev::project::aws:route53/zone:Zone::zone", type: "aws:route53/zone:Zone" },
            { urn: "urn:pulumi:dev::project::pulumi:pulumi:Stack::project-dev", type: "pulumi:pulumi:Stack" },
        ];

        it("calls a rename without an alias a replacement, and says how to keep the resource and update the snapshot", async () => {
            const problems = snapshotProblems("demo", snapshot, await renamed(false)());
            assert.match(problems ?? "", /would DELETE these resources[\s\S]*- urn:pulumi:dev::project::aws:route53\/zone:Zone::zone/);
            assert.match(problems ?? "", /aliases: \[\{ name: "<old name>" \}\]/);
            assert.match(problems ?? "", /UPDATE_SNAPSHOTS=1 npm test/);
        });

        it("accepts a rename with an alias as safe, still asking for the snapshot to be updated", async () => {
            const problems = snapshotProblems("demo", snapshot, await renamed(true)());
            assert.doesNotMatch(problems ?? "", /would DELETE/);
            assert.match(problems ?? "", /~ urn:pulumi:dev::project::aws:route53\/zone:Zone::zone -> urn:pulumi:dev::project::aws:route53\/zone:Zone::primary-zone/);
        });
    });
});
