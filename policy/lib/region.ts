// Where a resource lives: its own `region` input, else its provider's, else the stack's default.
//
// With @pulumi/aws v7 one provider can create resources in several regions (`region` on each
// resource), and programs also use explicit providers per region; the stack's `aws:region` only
// applies when neither says anything. An ARN is the strongest evidence of all: it carries the region
// the resource was actually created in.

import { parseArn } from "../../aws/arn";
import { ResourceView } from "./resources";
import { isUnknown, str } from "./values";

/**
 * Reads a stack configuration value the way a Pulumi program does: the CLI hands the stack's config
 * to the policy pack process as JSON in `PULUMI_CONFIG` (keys like `aws:region`, or the older
 * `aws:config:region`).
 */
function stackConfigValue(key: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
    const raw = env["PULUMI_CONFIG"];
    if (!raw) {
        return undefined;
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(raw);
    } catch {
        return undefined;
    }
    if (parsed === null || typeof parsed !== "object") {
        return undefined;
    }
    const config = parsed as Record<string, unknown>;
    const [namespace, name] = key.split(":", 2);
    return str(config[key]) ?? (name !== undefined ? str(config[`${namespace}:config:${name}`]) : undefined);
}

/**
 * The region a resource without a `region` and without a regional provider lands in: the stack's
 * `aws:region`, then the environment variables the AWS provider itself falls back to.
 */
export function stackDefaultRegion(env: NodeJS.ProcessEnv = process.env): string | undefined {
    return stackConfigValue("aws:region", env) ?? env["AWS_REGION"] ?? env["AWS_DEFAULT_REGION"] ?? undefined;
}

/**
 * The region of a resource, or undefined when it cannot be told yet. An unknown `region` (preview)
 * stops the search: the resource does set a region, we just do not know which, so falling back to
 * the provider's would be a guess.
 */
export function resolveRegion(resource: ResourceView, defaultRegion: string | undefined): string | undefined {
    const own = resource.props["region"];
    if (isUnknown(own)) {
        return undefined;
    }
    const ownRegion = str(own);
    if (ownRegion) {
        return ownRegion;
    }
    const fromProvider = resource.provider?.props["region"];
    if (isUnknown(fromProvider)) {
        return undefined;
    }
    return str(fromProvider) ?? defaultRegion;
}

/** The region in an ARN, when the value is a known ARN of the given service. */
export function regionOfArn(value: unknown, service?: string): string | undefined {
    const text = str(value);
    const arn = text ? parseArn(text) : undefined;
    if (!arn || (service !== undefined && arn.service !== service) || !arn.region) {
        return undefined;
    }
    return arn.region;
}
