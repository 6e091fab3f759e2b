/**
 * AWS Certificate Manager facts.
 */

/**
 * Key algorithms a requested certificate may use. Source: ACM API Reference, RequestCertificate,
 * "KeyAlgorithm": "Algorithms supported for an ACM certificate request include: RSA_2048,
 * EC_prime256v1, EC_secp384r1" (the other values of the enum belong to imported certificates).
 */
export const REQUESTABLE_KEY_ALGORITHMS = ["RSA_2048", "EC_prime256v1", "EC_secp384r1"] as const;
