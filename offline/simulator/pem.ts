/**
 * Simulated PEM documents that the simulated ACM can read back, shared by the TLS provider's
 * answers (which write them) and ACM's (which read them, like real imported certificates).
 */
import { X509Certificate } from "crypto";
import { HEX, pick } from "./common";

const PEM_MARKER = "pulumi-offline-simulator:";

export interface PemFacts {
    commonName?: string;
    dnsNames?: string[];
    keyAlgorithm?: string;
    notBefore?: string;
    notAfter?: string;
}

/**
 * A PEM block whose body records the facts a real certificate would carry. It is not a real
 * certificate (making one would need a random key), but the simulated ACM reads it back, so
 * an imported `@pulumi/tls` certificate keeps its domain names through an offline plan.
 */
export function fakePem(label: string, facts: PemFacts & { kind: string }, seed: string): string {
    const body = Buffer.from(PEM_MARKER + JSON.stringify({ ...facts, id: pick(HEX, 16, seed, label) })).toString("base64");
    const lines = body.match(/.{1,64}/g) ?? [];
    return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

export function readFakePem(pem: string | undefined): PemFacts | undefined {
    const match = /-----BEGIN [A-Z ]+-----([\s\S]*?)-----END/.exec(pem ?? "");
    if (!match) return undefined;
    const text = Buffer.from(match[1].replace(/\s+/g, ""), "base64").toString("utf8");
    if (!text.startsWith(PEM_MARKER)) return undefined;
    try {
        return JSON.parse(text.slice(PEM_MARKER.length)) as PemFacts;
    } catch {
        return undefined;
    }
}

/** What ACM learns from an imported certificate body: a real X.509 certificate or a simulated one. */
export function describeCertificate(pem: string | undefined): PemFacts {
    try {
        const cert = new X509Certificate(pem ?? "");
        const cn = /CN=([^\n,]+)/.exec(cert.subject)?.[1];
        const sans = (cert.subjectAltName ?? "")
            .split(",")
            .map((s) => s.trim())
            .filter((s) => s.startsWith("DNS:"))
            .map((s) => s.slice(4));
        const key = cert.publicKey;
        const details = key.asymmetricKeyDetails;
        const keyAlgorithm =
            key.asymmetricKeyType === "rsa"
                ? `RSA_${details?.modulusLength ?? 2048}`
                : key.asymmetricKeyType === "ec"
                  ? `EC_${details?.namedCurve ?? "prime256v1"}`
                  : String(key.asymmetricKeyType).toUpperCase();
        return {
            commonName: cn ?? sans[0],
            dnsNames: sans,
            keyAlgorithm,
            notBefore: new Date(cert.validFrom).toISOString(),
            notAfter: new Date(cert.validTo).toISOString(),
        };
    } catch {
        return readFakePem(pem) ?? {};
    }
}
