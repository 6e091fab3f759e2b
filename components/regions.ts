import * as pulumi from "@pulumi/pulumi";
import { regionNameProblem } from "../aws/regions";
import { checkWhenKnown, isDeployTimeValue } from "./deploy-time";
import { DomainConfigError } from "./errors";

/**
 * Checks a `region` argument's shape (aws/regions.ts), when one is given and plain; an output is
 * checked when it resolves (`checkedRegion`).
 */
export function validateRegion(label: string, region: unknown): void {
    if (region === undefined || isDeployTimeValue(region)) return;
    const found = regionNameProblem(region);
    if (found) throw new DomainConfigError(label, "region", region, found.rule, found.fix);
}

/** The region to set on the resources: a plain one as it is (already checked), an output checked as it resolves. */
export function checkedRegion(label: string, region: pulumi.Input<string> | undefined): pulumi.Input<string> | undefined {
    return region === undefined ? undefined : checkWhenKnown(region, (r) => {
        const found = regionNameProblem(r);
        if (found) throw new DomainConfigError(label, "region", r, found.rule, found.fix);
    });
}

/** The value when it is a plain string now (not an Output, not a Promise), else undefined. */
export function plainString(value: pulumi.Input<string> | undefined): string | undefined {
    return typeof value === "string" ? value : undefined;
}

/**
 * The region the component's regional resources will land in, as far as it can be known
 * without running anything: the explicit `region` argument, else (when no explicit provider
 * decides it) the stack's `aws:region` config. Undefined when an explicit provider decides,
 * since its region is not readable here; the policy pack checks that case.
 */
export function knownRegion(region: pulumi.Input<string> | undefined, hasExplicitProvider: boolean): string | undefined {
    // A region given as an output is the region, unknown for now: never the stack's.
    if (region !== undefined) return plainString(region);
    if (hasExplicitProvider) return undefined;
    return new pulumi.Config("aws").get("region") ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
}
