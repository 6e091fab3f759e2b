/**
 * Deploy-time values (Outputs and promises: a secret config value, another resource's or another
 * stack's output) among a component's arguments.
 *
 * An argument typed `pulumi.Input` takes one: the component passes it on to the resources and
 * runs the rulebook's check on it once it resolves (`checkWhenKnown`). Every other argument
 * decides the shape of the resource graph (how many resources, their names and types, which
 * look-up runs) and must be known while the program runs, because no resource may be created
 * inside an `apply` (a preview must show what an update does). Other languages send a secret or
 * an output as an Output whatever the argument's type, so each component walks its arguments
 * before anything is registered and refuses a deploy-time value where it cannot take one, naming
 * the argument and saying why (the alternative was `"Calling [toJSON] on an [Output<T>]..." is
 * not a domain name`, or a crash deeper down).
 */
import * as pulumi from "@pulumi/pulumi";
import { DomainConfigError } from "./errors";

/** True for an Output or a promise: a value the program cannot read while it runs. */
export function isDeployTimeValue(value: unknown): boolean {
    return pulumi.Output.isInstance(value) || (typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function");
}

/**
 * Which arguments take deploy-time values: a path per argument, `[]` for every element of a
 * list, `.` into an object, `*` for any key (`"mappings[].apiId"`, `"pem.*"`). Below an accepted
 * path nothing more is checked.
 */
export type DeployTimePaths = readonly string[];

/** Why an argument must be known while the program runs, by the argument's last name. */
const WHY_PLAIN: Record<string, string> = {
    domainName: "it decides the hosted zone that is looked up, the certificate's validation records and the checks made before anything is created",
    subjectAlternativeNames: "each name decides a validation record of the certificate",
    zoneName: "it decides which hosted zone is looked up or created, and is checked against the domain before anything is created",
    certificateZoneName: "it decides which hosted zone is looked up and is checked against the domain before anything is created",
    mappings: "the list decides how many mapping resources exist and their names",
    basePath: "the key names the mapping resource and decides whether a v1 or a v2 mapping serves it",
    basePaths: "the paths are checked against the domain's mappings before anything is created",
    apiType: "it decides which kind of mapping resource serves the API, and which rules apply",
    regions: "the list decides how many regional domains, certificates and records exist and their names",
    // CloudFrontDomain's region (the other components take an output there) and a MultiRegionDomain's regions[].region.
    region: "it decides which certificates are requested (CloudFrontDomain: one shared with CloudFront in us-east-1, else two), or names a region's resources (MultiRegionDomain)",
    routingRules: "the list decides how many routing rule resources exist and their names",
    priority: "it names the routing rule resource",
    vpcEndpointIds: "the list decides the domain policy and the access associations created for it",
    consumerVpcEndpointIds: "the list decides how many access associations exist",
    subnetIds: "the list decides the load balancer's subnets, checked before anything is created",
    principals: "each principal decides an association of the resource share",
    // TenantDomains: the tenants and the platform's names decide its resources and their names.
    tenants: "the list decides how many distribution tenants exist and their names",
    domain: "the tenant's domain names its resources and decides whether the wildcard or CloudFront serves it",
    additionalDomains: "the names are checked against every other tenant and the platform's names before anything is created",
    wildcardDomain: "it decides whether a wildcard custom domain exists, its name and which tenants it serves",
    originDomain: "it decides whether the CloudFront side exists and the name CloudFront connects to",
};

const DEFAULT_WHY = "it decides which resources the component creates, or how they are configured, before anything is created";

/**
 * Refuses a deploy-time value anywhere in `args` outside the accepted paths, before anything is
 * registered. The message names the argument and says why it must be known.
 */
export function refuseDeployTimeValues(label: string, args: unknown, accepted: DeployTimePaths, where = ""): void {
    walk(args, where, "");
    function walk(value: unknown, path: string, shape: string): void {
        if (shape !== "" && accepted.some((p) => matches(p, shape))) return;
        if (isDeployTimeValue(value)) {
            const last = path.replace(/\[\d+\]$/, "").split(".").pop()!.replace(/\[\d+\]/g, "");
            throw new DomainConfigError(label, path, value,
                `is a deploy-time value (a secret, or an output of a resource or of another stack), but must be known while the program runs: ${WHY_PLAIN[last] ?? DEFAULT_WHY}`,
                "pass a plain value (a config value read with config.require rather than requireSecret, a literal); the argument's documentation says which arguments take outputs");
        }
        if (Array.isArray(value)) {
            value.forEach((v, i) => walk(v, `${path}[${i}]`, `${shape}[]`));
        } else if (value !== null && typeof value === "object" && !pulumi.Resource.isInstance(value)) {
            for (const [k, v] of Object.entries(value)) {
                walk(v, path === "" ? k : `${path}.${k}`, shape === "" ? k : `${shape}.${k}`);
            }
        }
    }
}

function matches(pattern: string, shape: string): boolean {
    if (pattern === shape) return true;
    if (pattern.endsWith(".*")) {
        const prefix = pattern.slice(0, -1);
        return shape.startsWith(prefix) && !shape.slice(prefix.length).includes(".");
    }
    return false;
}

/**
 * An Input checked by `check` (a rulebook check that throws a DomainConfigError) as soon as its
 * value is known: now when it is plain, at resolution when it is an Output (the deployment then
 * fails with the same message), and not at all while it is unknown in a preview.
 */
export function checkWhenKnown<T>(value: pulumi.Input<T>, check: (value: T) => void): pulumi.Input<T> {
    if (!isDeployTimeValue(value)) {
        check(value as T);
        return value;
    }
    return pulumi.output(value).apply((v) => {
        check(v as T);
        return v;
    }) as pulumi.Output<T>;
}

/** The accepted paths of a nested argument, under its prefix (`under("mappings[]", MAPPING_DEPLOY_TIME)`). */
export function under(prefix: string, paths: DeployTimePaths): string[] {
    return paths.map((p) => `${prefix}.${p}`);
}

/** A mapping's API and stage may be outputs (its key and kind decide the resource). */
export const MAPPING_DEPLOY_TIME: DeployTimePaths = ["apiId", "stage"];
