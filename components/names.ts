/**
 * The name checks of the rulebook (aws/), as component errors: each names the component, the
 * argument, the value, the rule and the fix.
 */
import { mappingKeyLevels, mappingKeyProblem } from "../aws/apigateway";
import { domainNameProblem } from "../aws/dns";
import { DomainConfigError } from "./errors";

/** Checks a custom domain name the way API Gateway and Route 53 will (aws/dns.ts). */
export function validateDomainName(component: string, argument: string, name: unknown): string {
    const found = domainNameProblem(name);
    if (found) throw new DomainConfigError(component, argument, name, found.rule, found.fix);
    return name as string;
}

/**
 * A generated text cut to an AWS length limit (with an ellipsis), so a long domain name never
 * makes a comment the API refuses.
 */
export function fitText(text: string, max: number): string {
    return text.length <= max ? text : text.slice(0, max - 1) + "\u2026";
}

/**
 * Checks a base path / API mapping key (aws/apigateway.ts). Returns the number of levels (0 for
 * the root).
 */
export function validateMappingKey(component: string, argument: string, key: unknown): number {
    const found = mappingKeyProblem(key);
    if (found) throw new DomainConfigError(component, argument, key, found.rule, found.fix);
    return mappingKeyLevels(key as string | undefined);
}
