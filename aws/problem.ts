/**
 * What a rulebook check returns when AWS would refuse a value: the rule it breaks and how to fix
 * it, in words a message can use after "<argument> <value>". The components turn a problem into
 * their error (naming the component and argument), the policy pack into a violation.
 */
export interface Problem {
    readonly rule: string;
    readonly fix: string;
}

/** Shorthand for building a problem. */
export function problem(rule: string, fix: string): Problem {
    return { rule, fix };
}
