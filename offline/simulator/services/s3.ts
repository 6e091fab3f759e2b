/** S3: buckets with their domain names, and lookups of existing buckets. */
import { partitionOf } from "../../../aws/regions";
import { BUCKET_NAME_MAX_LENGTH } from "../../../aws/s3";
import { Answer, autoName, Ctx, InvokeCall, Props, ServiceModule, str } from "../common";

export const service: ServiceModule = {
    resources: {
        "aws:s3/bucket:Bucket": (c) => bucket(c),
        "aws:s3/bucketV2:BucketV2": (c) => bucket(c),
    },
    invokes: {
        "aws:s3/getBucket:getBucket": (call) => lookupBucket(call),
    },
    autonamed: {
        "aws:s3/bucket:Bucket": { property: "bucket", max: BUCKET_NAME_MAX_LENGTH, lower: true },
        "aws:s3/bucketV2:BucketV2": { property: "bucket", max: BUCKET_NAME_MAX_LENGTH, lower: true },
    },
};

function bucket(c: Ctx): Answer {
    const bucket = autoName(c, "bucket", BUCKET_NAME_MAX_LENGTH, true);
    return {
        id: bucket,
        state: {
            bucket,
            arn: `arn:${c.partition}:s3:::${bucket}`,
            bucketDomainName: `${bucket}.s3.${c.dnsSuffix}`,
            bucketRegionalDomainName: `${bucket}.s3.${c.region}.${c.dnsSuffix}`,
            bucketRegion: c.region,
        },
    };
}

/**
 * An existing bucket, taken to be in the region the lookup goes to: its name, ARN and domain
 * names follow from that; its hosted zone and website settings cannot be known offline.
 */
function lookupBucket(call: InvokeCall): Props {
    const bucket = str(call.inputs["bucket"]) ?? "";
    const { partition, dnsSuffix } = partitionOf(call.region);
    return {
        id: bucket,
        bucket,
        arn: `arn:${partition}:s3:::${bucket}`,
        bucketDomainName: `${bucket}.s3.${dnsSuffix}`,
        bucketRegionalDomainName: `${bucket}.s3.${call.region}.${dnsSuffix}`,
        bucketRegion: call.region,
        region: call.region,
    };
}
