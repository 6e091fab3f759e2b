// A component that names its A and AAAA records after the domain alone, as a public component
// once did: two resources with one URN. The engine refuses the second.
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

class AliasRecords extends pulumi.ComponentResource {
    constructor(name: string, args: { zoneId: string; target: string; targetZoneId: string }, opts?: pulumi.ComponentResourceOptions) {
        super("patterns:index:AliasRecords", name, {}, opts);
        for (const type of ["A", "AAAA"]) {
            new aws.route53.Record(name, { zoneId: args.zoneId, name, type, aliases: [{ name: args.target, zoneId: args.targetZoneId, evaluateTargetHealth: false }] }, { parent: this });
        }
        this.registerOutputs({});
    }
}

new AliasRecords("api.example.com", { zoneId: "Z0123456789ABCDEFGHIJ", target: "d111111abcdef8.cloudfront.net", targetZoneId: "Z2FDTNDATAQYW2" });
