/** S3: buckets with their domain names. */
import { Answer, autoName, Ctx, ServiceModule } from "../common";

export const service: ServiceModule = {
    resources: {
        "aws:s3/bucket:Bucket": (c) => bucket(c),
        "aws:s3/bucketV2:BucketV2": (c) => bucket(c),
    },
    autonamed: {
        "aws:s3/bucket:Bucket": { property: "bucket", max: 63, lower: true },
        "aws:s3/bucketV2:BucketV2": { property: "bucket", max: 63, lower: true },
    },
};

function bucket(c: Ctx): Answer {
    const bucket = autoName(c, "bucket", 63, true);
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
