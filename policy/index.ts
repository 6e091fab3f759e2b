// The CrossGuard pack. Constructing a PolicyPack starts the analyzer's gRPC server, so nothing but
// the CLI (or offline/analyzer.ts, which runs this file the way the CLI does) should import it.

import { PolicyPack } from "@pulumi/policy";
import { policies } from "./rules";

new PolicyPack("apigw-domains", {
    description: "API Gateway custom domains, CloudFront and Route 53: certificate regions, origin HTTPS, Host forwarding, TLS floors and mapping rules.",
    policies,
});
