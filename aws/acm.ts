import { Problem, problem } from "./problem";

/**
 * AWS Certificate Manager facts.
 */

/**
 * Key algorithms a requested certificate may use. Source: ACM API Reference, RequestCertificate,
 * "KeyAlgorithm": "Algorithms supported for an ACM certificate request include: RSA_2048,
 * EC_prime256v1, EC_secp384r1" (the other values of the enum belong to imported certificates).
 */
export const REQUESTABLE_KEY_ALGORITHMS = ["RSA_2048", "EC_prime256v1", "EC_secp384r1"] as const;

/**
 * The first name of a requested certificate (its Common Name) has at most 64 characters.
 * Source: ACM API Reference, RequestCertificate, "DomainName": "In compliance with RFC 5280, the
 * length of the domain name (technically, the Common Name) that you provide cannot exceed 64
 * octets (characters), including periods. To add a longer domain name, specify it in the Subject
 * Alternative Name field, which supports names up to 253 octets in length."
 */
export const ACM_FIRST_NAME_MAX_LENGTH = 64;

/**
 * At most 100 subject alternative names in one request. Source: ACM API Reference,
 * RequestCertificate, "SubjectAlternativeNames": "Array Members: Minimum number of 1 item.
 * Maximum number of 100 items." (The account quota of names per certificate defaults to 10 and
 * can be raised, so only the API's own limit is a certain refusal.)
 */
export const ACM_MAX_SUBJECT_ALTERNATIVE_NAMES = 100;

/** Why a certificate request with these names would be refused, or undefined. */
export function certificateRequestProblem(domainName: string, subjectAlternativeNames: readonly string[]):
    { argument: "domainName" | "subjectAlternativeNames"; problem: Problem } | undefined {
    if (domainName.length > ACM_FIRST_NAME_MAX_LENGTH) {
        return {
            argument: "domainName",
            problem: problem(`is ${domainName.length} characters long; ACM takes at most ${ACM_FIRST_NAME_MAX_LENGTH} for a certificate's first name (its Common Name)`,
                "bring a certificate that covers the name (certificateArn; a wildcard of its parent, or a shorter first name with this one as a subject alternative name)"),
        };
    }
    if (subjectAlternativeNames.length > ACM_MAX_SUBJECT_ALTERNATIVE_NAMES) {
        return {
            argument: "subjectAlternativeNames",
            problem: problem(`lists ${subjectAlternativeNames.length} names; a certificate request takes at most ${ACM_MAX_SUBJECT_ALTERNATIVE_NAMES}`,
                "split the names over several certificates"),
        };
    }
    return undefined;
}
