/** The `tls` provider: keys and certificates as simulated PEM documents that the simulated ACM can read back. */
import { Answer, bool, Ctx, DIGITS, FIXED_TIME, FIXED_TIME_MS, HEX, num, obj, pick, Props, secret, ServiceModule, str, strs } from "../common";
import { fakePem, readFakePem } from "../pem";

export const service: ServiceModule = {
    resources: {
        "tls:index/privateKey:PrivateKey": (c) => privateKey(c),
        "tls:index/selfSignedCert:SelfSignedCert": (c) => tlsCertificate(c, obj(c.inputs["subject"]), strs(c.inputs["dnsNames"])),
        "tls:index/certRequest:CertRequest": (c) => {
            const facts = { kind: "csr", commonName: str(obj(c.inputs["subject"])?.["commonName"]), dnsNames: strs(c.inputs["dnsNames"]) };
            return { id: pick(HEX, 40, c.seed), state: { certRequestPem: fakePem("CERTIFICATE REQUEST", facts, c.seed), keyAlgorithm: "RSA" } };
        },
        "tls:index/locallySignedCert:LocallySignedCert": (c) => {
            const request = readFakePem(str(c.inputs["certRequestPem"]));
            return tlsCertificate(c, { commonName: request?.commonName }, request?.dnsNames ?? []);
        },
    },
};

function privateKey(c: Ctx): Answer {
    const algorithm = str(c.inputs["algorithm"]) ?? "RSA";
    const facts = { kind: "private-key", keyAlgorithm: algorithm };
    const fingerprint = pick(HEX, 32, c.seed, "md5");
    return {
        id: pick(HEX, 40, c.seed),
        state: {
            algorithm,
            rsaBits: num(c.inputs["rsaBits"]) ?? 2048,
            ecdsaCurve: str(c.inputs["ecdsaCurve"]) ?? "P224",
            privateKeyPem: secret(fakePem(algorithm === "RSA" ? "RSA PRIVATE KEY" : "EC PRIVATE KEY", facts, c.seed)),
            privateKeyPemPkcs8: secret(fakePem("PRIVATE KEY", facts, c.seed)),
            privateKeyOpenssh: secret(fakePem("OPENSSH PRIVATE KEY", facts, c.seed)),
            publicKeyPem: fakePem("PUBLIC KEY", { ...facts, kind: "public-key" }, c.seed),
            publicKeyOpenssh: `ssh-${algorithm.toLowerCase()} ${Buffer.from(pick(HEX, 64, c.seed, "ssh")).toString("base64")}\n`,
            publicKeyFingerprintMd5: fingerprint.match(/../g)?.join(":") ?? fingerprint,
            publicKeyFingerprintSha256: `SHA256:${Buffer.from(pick(HEX, 64, c.seed, "sha"), "hex").toString("base64").replace(/=+$/, "")}`,
        },
    };
}

function tlsCertificate(c: Ctx, subject: Props | undefined, dnsNames: string[]): Answer {
    const hours = num(c.inputs["validityPeriodHours"]) ?? 24;
    const notAfter = new Date(FIXED_TIME_MS + hours * 3_600_000).toISOString().replace(".000", "");
    const key = readFakePem(str(c.inputs["privateKeyPem"]) ?? str(c.inputs["caPrivateKeyPem"]));
    const facts = {
        kind: "certificate",
        commonName: str(subject?.["commonName"]),
        dnsNames,
        keyAlgorithm: key?.keyAlgorithm === "ECDSA" ? "EC_prime256v1" : "RSA_2048",
        notBefore: FIXED_TIME,
        notAfter,
    };
    return {
        id: pick(DIGITS, 38, c.seed),
        state: {
            certPem: fakePem("CERTIFICATE", facts, c.seed),
            keyAlgorithm: key?.keyAlgorithm ?? "RSA",
            validityStartTime: FIXED_TIME,
            validityEndTime: notAfter,
            readyForRenewal: false,
            isCaCertificate: bool(c.inputs["isCaCertificate"]) ?? false,
        },
    };
}
