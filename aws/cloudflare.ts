/**
 * DNS outside Route 53: what AWS says a third-party DNS must hold for an API Gateway custom domain
 * and an ACM certificate, and what Cloudflare does with the records it holds. The components read
 * these facts to decide the records they create or print; the simulator reads them to answer as
 * Cloudflare would.
 *
 * Sources:
 * - API Gateway Developer Guide, "Set up a Regional custom domain name in API Gateway": the DNS
 *   record for a custom domain "can be the CNAME or an A Alias record ... If you use a third-party
 *   DNS provider, use a CNAME record", pointing at the domain's regional name (`d-xxxx.execute-api...`).
 *   "Set up an edge-optimized custom domain name": outside Route 53, a CNAME to the distribution
 *   name API Gateway gives the domain (`dxxxx.cloudfront.net`). Never the API's default endpoint
 *   (aws/apigateway.ts, `cname-default-endpoint`).
 * - ACM User Guide, "AWS Certificate Manager DNS validation": ACM gives one CNAME per name to add to
 *   the domain's DNS; ACM API Reference, "ResourceRecord": Type "Valid Values: CNAME".
 * - The same CNAME for one name in every certificate and region of an account: terraform-provider-aws
 *   issue #13653 (a second certificate of one name in another region asks for the identical record,
 *   which Cloudflare then refuses with error 81053 "An A, AAAA or CNAME record already exists with
 *   that host"). So a program creates one record per name and every certificate of it waits on that.
 * - RFC 1034, section 3.6.2: "If a CNAME RR is present at a node, no other data should be present";
 *   a zone apex holds the SOA and NS records, so a plain CNAME cannot sit there. Cloudflare
 *   Developer Docs, "CNAME flattening" / "Setup": "CNAME flattening occurs by default for all plans
 *   when your domain uses a CNAME record for its zone apex" (answers with the target's addresses).
 * - Cloudflare API, "DNS Records" (the provider's `DnsRecord.ttl`): "Setting to 1 means 'automatic'.
 *   Value must be between 60 and 86400, with the minimum reduced to 30 for Enterprise zones."
 * - Cloudflare Developer Docs, "Proxy status" and "CNAME flattening / Setup": "Proxied records are
 *   flattened by default as they return Cloudflare anycast IPs": a proxied name answers with
 *   Cloudflare's addresses, never the CNAME, so ACM could not read a proxied validation record.
 * - Cloudflare Developer Docs, "Encryption modes": Flexible reaches the origin over plain HTTP, Full
 *   over HTTPS without checking the certificate, Full (strict) over HTTPS with a certificate that is
 *   valid and "respond[s] for the request domain name". API Gateway custom domains answer on HTTPS
 *   only (Developer Guide, "Custom domain name for public REST APIs": HTTPS endpoints only).
 * - Cloudflare Developer Docs, "Origin Rules": Host header and SNI overrides; without one, a proxied
 *   request reaches the origin with the visitor's host name, which is how API Gateway picks the
 *   custom domain. "Authenticated Origin Pulls (mTLS)": the certificate Cloudflare presents to an
 *   origin; a proxied connection ends the visitor's TLS (and client certificate) at Cloudflare.
 * - Route 53 Developer Guide, "Choosing a routing policy": latency, weighted and failover answers
 *   (with health checks) are Route 53 routing policies of a record set. A Cloudflare DNS record has
 *   one content and no routing policy (Cloudflare API, "DNS Records"); steering between origins is
 *   Cloudflare's separate Load Balancing product. So a name routed between regions stays in Route 53.
 * - Cloudflare Developer Docs, "Delegate subdomains" (dns/manage-dns-records/how-to/subdomains-outside-cloudflare):
 *   a subdomain is delegated to other name servers by NS records for it in the Cloudflare zone;
 *   available on the Free, Pro, Business and Enterprise plans; not possible for a zone on a CNAME
 *   (partial) setup; "Cloudflare's CDN and security services are not applied to delegated
 *   subdomains" (the NS records are DNS-only, and "Proxy status" proxies only A, AAAA and CNAME).
 *   Route 53's side of it: aws/route53.ts, "Subdomain delegation". RFC 1034, section 4.2.1: the
 *   parent's data at a delegation is only the NS records (and glue); every name at or below the
 *   cut is answered by the delegated zone, so no other Cloudflare record there is ever served.
 * - terraform-provider-aws, `aws_acm_certificate_validation` (internal/service/acm/certificate_validation.go):
 *   the create timeout defaults to 75 minutes; the resource waits for ISSUED, with or without
 *   `validation_record_fqdns`.
 */
import { registrableDomain, withoutWildcard } from "./dns";
import { Problem, problem } from "./problem";

/** The choices of where a component's DNS records go. */
export const DNS_CHOICES = ["route53", "cloudflare", "external"] as const;
export type DnsChoiceName = (typeof DNS_CHOICES)[number];

/** Cloudflare's "automatic" TTL (300 seconds for DNS-only records; proxied records are always automatic). */
export const CLOUDFLARE_TTL_AUTOMATIC = 1;
/** The shortest TTL Cloudflare accepts, and the shortest on Enterprise zones. */
export const CLOUDFLARE_TTL_MIN = 60;
export const CLOUDFLARE_TTL_MIN_ENTERPRISE = 30;
export const CLOUDFLARE_TTL_MAX = 86400;

/** Why Cloudflare would refuse a record TTL, or undefined. A TTL of 30-59 only works on Enterprise zones: see `cloudflareTtlNote`. */
export function cloudflareTtlProblem(ttl: unknown): Problem | undefined {
    if (typeof ttl !== "number" || !Number.isInteger(ttl)) return problem("is not a whole number of seconds", `use ${CLOUDFLARE_TTL_AUTOMATIC} (automatic) or ${CLOUDFLARE_TTL_MIN}-${CLOUDFLARE_TTL_MAX}`);
    if (ttl === CLOUDFLARE_TTL_AUTOMATIC) return undefined;
    if (ttl < CLOUDFLARE_TTL_MIN_ENTERPRISE || ttl > CLOUDFLARE_TTL_MAX) {
        return problem(`is outside what Cloudflare accepts (${CLOUDFLARE_TTL_AUTOMATIC} for automatic, or ${CLOUDFLARE_TTL_MIN}-${CLOUDFLARE_TTL_MAX} seconds; ${CLOUDFLARE_TTL_MIN_ENTERPRISE} on Enterprise zones)`,
            `use ${CLOUDFLARE_TTL_AUTOMATIC} (automatic) or a TTL in ${CLOUDFLARE_TTL_MIN}-${CLOUDFLARE_TTL_MAX}`);
    }
    return undefined;
}

/** A TTL Cloudflare accepts only on Enterprise zones (30-59): worth a warning, not a refusal. */
export function cloudflareTtlNeedsEnterprise(ttl: number): boolean {
    return ttl !== CLOUDFLARE_TTL_AUTOMATIC && ttl >= CLOUDFLARE_TTL_MIN_ENTERPRISE && ttl < CLOUDFLARE_TTL_MIN;
}

/** Cloudflare answers a CNAME at the zone apex with the target's addresses, on every plan. */
export const CLOUDFLARE_FLATTENS_APEX = true;

/** The record types Cloudflare's proxy can serve (Cloudflare Developer Docs, "Proxy status"); any other record is DNS-only. */
export const CLOUDFLARE_PROXIABLE_TYPES: readonly string[] = ["A", "AAAA", "CNAME"];

/** Proxying is off unless the user turns it on for the domain's record; validation records are never proxied. */
export const CLOUDFLARE_PROXIED_DEFAULT = false;

/** The type of every record DNS outside Route 53 holds for a custom domain and its validation. */
export const THIRD_PARTY_RECORD_TYPE = "CNAME";

/** How long `aws.acm.CertificateValidation` waits for ISSUED unless its `customTimeouts.create` says otherwise. */
export const CERTIFICATE_VALIDATION_TIMEOUT_MINUTES = 75;

/**
 * A record name as Cloudflare stores it: ACM writes validation names and values fully qualified
 * with a final dot (`_x.api.example.com.`), Cloudflare stores them without it, and a provider
 * that sent the dot would show a difference on every update.
 */
export function cloudflareName(name: string): string {
    return name.replace(/\.$/, "").toLowerCase();
}

/**
 * The Cloudflare zone a name most likely lives in when the user names none: its registrable
 * domain (`api.example.co.uk` gives `example.co.uk`), because a Cloudflare zone is a registrable
 * domain unless the account is on Enterprise (Cloudflare Developer Docs, "Subdomain setup": a
 * subdomain zone is "only available on Enterprise plans"). Public Suffix List as in aws/dns.ts.
 */
export function cloudflareDefaultZoneName(name: string): string {
    return registrableDomain(name) ?? withoutWildcard(name).replace(/\.$/, "").toLowerCase();
}

/**
 * Whether a Cloudflare DNS record sends clients straight to its target (DNS-only) rather than
 * through Cloudflare's proxy. Cloudflare, "Proxy status": a DNS-only record answers with the
 * origin's own address and Cloudflare does not carry its HTTP/HTTPS traffic; only A, AAAA and
 * CNAME records can be proxied. Cloudflare API reference, "Create DNS Record": `proxied`
 * defaults to false. So an absent or false `proxied`, or any other record type, is DNS-only.
 */
export function cloudflareRecordIsDnsOnly(type: string, proxied: boolean | undefined): boolean {
    return proxied !== true || !CLOUDFLARE_PROXIABLE_TYPES.includes(type.toUpperCase());
}

/** Cloudflare delegates a subdomain with NS records on every plan (not on a partial, CNAME-setup zone). */
export const CLOUDFLARE_DELEGATES_ON_ALL_PLANS = true;

/** Cloudflare's proxy does not serve a delegated subdomain: its names are answered by the delegated name servers. */
export function delegationProxiedProblem(proxied: unknown): Problem | undefined {
    if (proxied !== true) return undefined;
    return problem("has no effect on a delegated subdomain: Cloudflare answers it with NS records, which are DNS-only, and its proxy and CDN do not apply to delegated subdomains",
        "drop proxied (the routed records live in Route 53), or serve one RegionalDomain with dns \"cloudflare\" and proxied: true");
}

/** Why a Cloudflare zone of this setup type (`getZone`'s `type`) cannot delegate a subdomain, or undefined. */
export function delegationZoneTypeProblem(type: string | undefined): Problem | undefined {
    if (type !== "partial") return undefined;
    return problem("is on a CNAME (partial) setup, where Cloudflare is not the zone's authoritative DNS and cannot delegate a subdomain",
        "create the NS records in the DNS that is authoritative for the zone (dns \"external\"), or move the zone to a full setup");
}
