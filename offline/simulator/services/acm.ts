/** ACM: requested certificates with DNS validation records, imported ones read from their PEM body, and certificate lookups. */
import { partitionOf } from "../../../aws/regions";
import { addDays, Answer, Ctx, FIXED_TIME, HEX, LOWER_ALPHA, pick, Props, ServiceModule, str, strs, uuid, World } from "../common";
import { describeCertificate } from "../pem";


/**
 * The DNS record ACM asks for to validate a name. ACM gives every name in an account the
 * same record, whichever certificate asks, and a wildcard shares its apex's record.
 */
function validationRecord(account: string, domainName: string): Props {
    const base = domainName.replace(/^\*\./, "").toLowerCase();
    return {
        domainName,
        resourceRecordName: `_${pick(HEX, 32, "acm-name", account, base)}.${base}.`,
        resourceRecordType: "CNAME",
        resourceRecordValue: `_${pick(HEX, 32, "acm-value", account, base)}.${pick(LOWER_ALPHA, 10, "acm-zone", account, base)}.acm-validations.aws.`,
    };
}

export const service: ServiceModule = {
    resources: {
        "aws:acm/certificate:Certificate": (c, world) => certificate(world, c),
        "aws:acm/certificateValidation:CertificateValidation": (c) => {
            const arn = str(c.inputs["certificateArn"]) ?? "";
            return { id: arn, state: { certificateArn: arn } };
        },
    },
    invokes: {
        "aws:acm/getCertificate:getCertificate": (call, world) => {
            const domain = str(call.inputs["domain"]) ?? "";
            const existing = world.certificates.find((cert) => cert.domainName === domain && cert.region === call.region);
            const arn = existing?.arn ?? `arn:${partitionOf(call.region).partition}:acm:${call.region}:${call.account}:certificate/${uuid("lookup", call.account, call.region, domain)}`;
            return { id: arn, arn, domain, status: "ISSUED", certificate: "", certificateChain: "", tags: {} };
        },
    },
};

function certificate(world: World, c: Ctx): Answer {
    const arn = c.givenId?.startsWith("arn:") ? c.givenId : `arn:${c.partition}:acm:${c.region}:${c.account}:certificate/${uuid(c.seed)}`;
    const common = { arn, status: "ISSUED", pendingRenewal: false, renewalSummaries: [], validationEmails: [] };
    const body = str(c.inputs["certificateBody"]);
    if (body !== undefined) {
        const facts = describeCertificate(body);
        // A body this simulator cannot read leaves the name out rather than inventing one.
        const domainName = facts.commonName ?? facts.dnsNames?.[0];
        if (domainName) world.certificates.push({ arn, domainName, region: c.region });
        return {
            id: arn,
            state: {
                ...common,
                type: "IMPORTED",
                ...(domainName ? { domainName } : {}),
                subjectAlternativeNames: (facts.dnsNames ?? []).filter((n) => n !== domainName),
                keyAlgorithm: facts.keyAlgorithm ?? "RSA_2048",
                notBefore: facts.notBefore ?? FIXED_TIME,
                notAfter: facts.notAfter ?? addDays(FIXED_TIME, 365),
                validationMethod: "NONE",
                domainValidationOptions: [],
                renewalEligibility: "INELIGIBLE",
            },
        };
    }
    const domainName = str(c.inputs["domainName"]) ?? "";
    const alternatives = strs(c.inputs["subjectAlternativeNames"]);
    world.certificates.push({ arn, domainName, region: c.region });
    const privateCa = str(c.inputs["certificateAuthorityArn"]) !== undefined;
    const method = str(c.inputs["validationMethod"]) ?? (privateCa ? "NONE" : "DNS");
    const names = [...new Set([domainName, ...alternatives])];
    return {
        id: arn,
        state: {
            ...common,
            type: privateCa ? "PRIVATE" : "AMAZON_ISSUED",
            domainName,
            subjectAlternativeNames: alternatives,
            keyAlgorithm: str(c.inputs["keyAlgorithm"]) ?? "RSA_2048",
            notBefore: FIXED_TIME,
            notAfter: addDays(FIXED_TIME, 395),
            validationMethod: method,
            domainValidationOptions: method === "DNS" ? names.map((n) => validationRecord(c.account, n)) : names.map((n) => ({ domainName: n })),
            validationEmails: method === "EMAIL" ? names.map((n) => `admin@${n.replace(/^\*\./, "")}`) : [],
            renewalEligibility: privateCa ? "ELIGIBLE" : "INELIGIBLE",
        },
    };
}
