/**
 * Amazon S3 names as other services take them.
 */

/**
 * A truststore (or any object) URI: `s3://bucket/key`, the bucket named by S3's rules (3-63
 * characters: lowercase letters, digits, dots and hyphens, beginning and ending with a letter or
 * digit). Sources: Amazon S3 User Guide, "General purpose bucket naming rules"; API Gateway
 * Developer Guide, "Configuring mutual TLS authentication for a REST API" (truststoreUri
 * `s3://bucket-name/key-name`).
 */
export function isS3ObjectUri(value: string): boolean {
    return /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/.+$/.test(value);
}

/**
 * A bucket's domain name, as CloudFront standard logging takes it (`my-logs.s3.amazonaws.com`).
 * Source: CloudFront API Reference, "LoggingConfig", Bucket ("The Amazon S3 bucket to store the
 * access logs in, for example, amzn-s3-demo-bucket.s3.amazonaws.com").
 */
export function isS3BucketDomainName(value: string): boolean {
    return /\.s3(\.[a-z0-9-]+)?\.amazonaws\.com(\.cn)?$/.test(value);
}

/**
 * Bucket names have 3 to 63 characters, lowercase letters, digits, dots and hyphens. Source
 * (checked): Amazon S3 User Guide, "General purpose bucket naming rules": a name is 3 to 63
 * characters long and uses only lowercase letters, numbers, periods and hyphens.
 */
export const BUCKET_NAME_MAX_LENGTH = 63;
