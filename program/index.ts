// The root program: deploys one topology, chosen by stack config, by running that topology's
// example. `pulumi config set topology cloudfront`, `pulumi config set zone mydomain.com`,
// optionally `pulumi config set domain api.mydomain.com`, then `pulumi up`.
import * as pulumi from "@pulumi/pulumi";

const topologies: Record<string, string> = {
    edge: "edge-optimized",
    regional: "regional-http",
    "base-paths": "base-paths",
    cloudfront: "cloudfront-multi-provider",
    websocket: "websocket",
    wildcard: "wildcard",
    private: "private-native",
    "private-alb": "private-alb",
    tenants: "saas-tenants",
};

const topology = new pulumi.Config().get("topology") ?? "regional";
const example = topologies[topology];
if (example === undefined) {
    throw new Error(`config topology "${topology}" is not a topology this package deploys; ` +
        `set it to one of: ${Object.keys(topologies).join(", ")}`);
}

// The example's exports become this stack's outputs.
module.exports = require(`../examples/${example}`);
