/**
 * Amazon EC2 / VPC identifier formats.
 *
 * Source: Amazon EC2 API Reference, "Resource IDs" ("Resource IDs now use a 17-character format
 * ... for example, vpce-1a2b3c4d5e6f1a2b3", the older format having 8 characters after the
 * prefix): a prefix naming the resource type, a hyphen, then 8 or 17 hexadecimal characters.
 */
const VPC_ENDPOINT_ID = /^vpce-[0-9a-f]{8,17}$/;

/** True for a VPC endpoint id (`vpce-0123456789abcdef0`). */
export function isVpcEndpointId(value: string): boolean {
    return VPC_ENDPOINT_ID.test(value);
}
