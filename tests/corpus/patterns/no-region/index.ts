// No aws:region anywhere: the AWS provider refuses to configure itself.
import * as aws from "@pulumi/aws";

new aws.s3.Bucket("data");
