// Libraries that collect subscriptions and register one resource for all of them when the
// program is done, as @pulumi/aws's bucket.onObjectCreated does with its BucketNotification:
// they wait for the language host's event loop to drain, through process "beforeExit".
import * as aws from "@pulumi/aws";

const uploads = new aws.s3.Bucket("uploads");
const queue = new aws.sqs.Queue("uploaded");
const subscriptions: aws.types.input.s3.BucketNotificationQueue[] = [];
subscriptions.push({ queueArn: queue.arn, events: ["s3:ObjectCreated:*"] });

process.on("beforeExit", () => {
    new aws.s3.BucketNotification("uploads", { bucket: uploads.id, queues: subscriptions });
});
