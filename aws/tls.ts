/**
 * TLS versions as comparable numbers, shared by the API Gateway, CloudFront and Elastic Load
 * Balancing policy tables (each service names its policies differently; the tables map them here).
 */

/** A TLS version as a comparable number: 1.0, 1.1, 1.2, 1.3 (SSLv3 is 0.3). */
export type TlsVersion = number;

export const TLS_1_2: TlsVersion = 1.2;
export const TLS_1_3: TlsVersion = 1.3;

/** Formats a TLS version for messages. */
export function formatTls(version: TlsVersion): string {
    return version < 1 ? "SSLv3" : `TLS ${version.toFixed(1)}`;
}
