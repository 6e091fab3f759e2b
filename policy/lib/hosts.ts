// Reading host names from resource properties. What kind of API Gateway name a host is, and
// wildcard matching, are AWS facts and live in the rulebook (aws/apigateway.ts, aws/dns.ts).

import { str } from "./values";

/** Lower-cases a DNS name and drops the trailing root dot Route 53 values often carry. */
export function normalizeHost(value: unknown): string | undefined {
    const text = str(value);
    if (text === undefined) {
        return undefined;
    }
    const host = text.trim().toLowerCase().replace(/\.$/, "");
    return host.length > 0 ? host : undefined;
}
