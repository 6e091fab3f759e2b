// The CrossGuard pack. Constructing a PolicyPack starts the analyzer's gRPC server, so nothing but
// the CLI (or offline/analyzer.ts, which runs this file the way the CLI does) should import it.

import { PolicyPack } from "@pulumi/policy";
import { guardConfiguration } from "./lib/config-guard";
import { policies } from "./rules";

const name = "apigw-domains";

// Before the server starts: a config naming an unknown rule or setting is refused, not ignored.
guardConfiguration(name, policies);

new PolicyPack(name, {
    description: "API Gateway custom domains, CloudFront and Route 53: certificate regions, origin HTTPS, Host forwarding, TLS floors and mapping rules.",
    policies,
});
