/**
 * Per-region facts: the Route 53 hosted zones that alias records must name for each kind of
 * target, the partition and DNS suffix, and availability zone naming.
 *
 * Sources. API Gateway: AWS General Reference, "Amazon API Gateway endpoints and quotas", the
 * data plane table's "Route 53 Hosted Zone ID" column ("Route 53 Hosted Zone IDs are for use with
 * the execute-api ... domain. For edge-optimized endpoints, the Route 53 Hosted Zone ID is
 * Z2FDTNDATAQYW2 for all Regions"). Load balancers: AWS General Reference, "Elastic Load
 * Balancing endpoints and quotas", the "Route 53 Hosted Zone ID (Application Load Balancers,
 * Classic Load Balancers)" and "(Network Load Balancers)" columns. The docs search used here
 * shows those pages without their table bodies, so every id below was taken from published
 * transcriptions of those two pages and kept only where at least two independent ones agree
 * (external-dns's provider/aws/aws.go, which cites both pages; terraform-provider-aws's
 * elbv2 hosted_zone_id data source, which cites the ELB page; and two deployment scripts that
 * cite the API Gateway page); none disagreed. VPC endpoint zones are not on a General Reference
 * page: they are what `DescribeVpcEndpoints` reports in `DnsEntries[].HostedZoneId`, as
 * collected by external-dns. A region missing from a table is unknown here (for API Gateway,
 * ap-southeast-6, whose only transcription repeats that region's NLB id): `hostedZoneId`
 * answers undefined for it rather than inventing an id. The real value is always on the
 * resource itself (DomainName.regionalZoneId, LoadBalancer.zoneId, DnsEntry.hostedZoneId).
 */

import { Problem, problem } from "./problem";

/**
 * The shape of a region code: a partition's area prefix, words, and a number (`us-east-1`,
 * `us-gov-west-1`, `cn-north-1`, `eu-south-2`). Source: the region patterns of the AWS SDKs'
 * partition table (botocore `partitions.json`, `regionRegex` of each partition:
 * `^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$`, `^cn\-\w+\-\d+$`, `^us\-gov\-\w+\-\d+$`, ...).
 * Only the shape is checked: a region this package has not heard of yet is still accepted.
 */
const REGION_CODE = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;

/** True for a value shaped like a region code. */
export function isRegionCode(value: unknown): value is string {
    return typeof value === "string" && REGION_CODE.test(value);
}

/**
 * Why a value is not a region code, or undefined: for every regional resource, a latency record's
 * `Region` (Route 53 API Reference, "ResourceRecordSet") and an ARN's region field alike.
 */
export function regionNameProblem(region: unknown): Problem | undefined {
    if (isRegionCode(region)) return undefined;
    return problem("is not an AWS region code", "use a code such as \"eu-west-1\" or \"us-east-1\" (lowercase, as the AWS CLI writes it)");
}

/** The region AWS tools fall back to when nothing else decides. */
export const DEFAULT_REGION = "us-east-1";

/** Hosted zone ids of API Gateway regional endpoints (`d-xxxx.execute-api.{region}.amazonaws.com`). */
const API_GATEWAY_ZONES: Readonly<Record<string, string>> = {
    "af-south-1": "Z2DHW2332DAMTN",
    "ap-east-1": "Z3FD1VL90ND7K5",
    "ap-east-2": "Z02909591O7FG9Q56HWB1",
    "ap-northeast-1": "Z1YSHQZHG15GKL",
    "ap-northeast-2": "Z20JF4UZKIW1U8",
    "ap-northeast-3": "Z22ILHG95FLSZ2",
    "ap-south-1": "Z3VO1THU9YC4UR",
    "ap-south-2": "Z0853509Q1135NJ66RUH",
    "ap-southeast-1": "ZL327KTPIQFUL",
    "ap-southeast-2": "Z2RPCDW04V8134",
    "ap-southeast-3": "Z10132843TYUYSLUG4HA3",
    "ap-southeast-4": "Z092189423Y7RJK61311D",
    "ap-southeast-5": "Z0314042F0KBUTZ3X5HF",
    "ap-southeast-7": "Z048508712PZLK5NKG8R0",
    "ca-central-1": "Z19DQILCV0OWEC",
    "ca-west-1": "Z04745493436AWVTG1OQY",
    "eu-central-1": "Z1U9ULNL0V5AJ3",
    "eu-central-2": "Z09222482MK253X48U76H",
    "eu-north-1": "Z3UWIKFBOOGXPP",
    "eu-south-1": "Z3BT4WSQ9TDYZV",
    "eu-south-2": "Z02499852UI5HEQ5JVWX3",
    "eu-west-1": "ZLY8HYME6SFDD",
    "eu-west-2": "ZJ5UAJN8Y3Z2Q",
    "eu-west-3": "Z3KY65QIEKYHQQ",
    "il-central-1": "Z07264553HBI44N5X2CKP",
    "me-central-1": "Z08780021BKYYY8U0YHTV",
    "me-south-1": "Z20ZBPC0SS8806",
    "mx-central-1": "Z00020171WIGL5M88SHRM",
    "sa-east-1": "ZCMLWB8V5SYIT",
    "us-east-1": "Z1UJRXOUMOOFQ8",
    "us-east-2": "ZOJJZC49E0EPZ",
    "us-gov-east-1": "Z3SE9ATJYCRCZJ",
    "us-gov-west-1": "Z1K6XKP9SAGWDV",
    "us-west-1": "Z2MUQ32089INYE",
    "us-west-2": "Z2OJLYMUO9EFXC",
};

/** Hosted zone ids of Application (and Classic) Load Balancers. */
const ALB_ZONES: Readonly<Record<string, string>> = {
    "af-south-1": "Z268VQBMOI5EKX",
    "ap-east-1": "Z3DQVH9N71FHZ0",
    "ap-east-2": "Z02789141MW7T1WBU19PO",
    "ap-northeast-1": "Z14GRHDCWA56QT",
    "ap-northeast-2": "ZWKZPGTI48KDX",
    "ap-northeast-3": "Z5LXEXXYW11ES",
    "ap-south-1": "ZP97RAFLXTNZK",
    "ap-south-2": "Z0173938T07WNTVAEPZN",
    "ap-southeast-1": "Z1LMS91P8CMLE5",
    "ap-southeast-2": "Z1GM3OXH4ZPM65",
    "ap-southeast-3": "Z08888821HLRG5A9ZRTER",
    "ap-southeast-4": "Z09517862IB2WZLPXG76F",
    "ap-southeast-5": "Z06010284QMVVW7WO5J",
    "ap-southeast-6": "Z023301818UFJ50CIO0MV",
    "ap-southeast-7": "Z0390008CMBRTHFGWBCB",
    "ca-central-1": "ZQSVJUPU6J1EY",
    "ca-west-1": "Z06473681N0SF6OS049SD",
    "cn-north-1": "Z1GDH35T77C1KE",
    "cn-northwest-1": "ZM7IZAIOVVDZF",
    "eu-central-1": "Z215JYRZR1TBD5",
    "eu-central-2": "Z06391101F2ZOEP8P5EB3",
    "eu-north-1": "Z23TAZ6LKFMNIO",
    "eu-south-1": "Z3ULH7SSC9OV64",
    "eu-south-2": "Z0956581394HF5D5LXGAP",
    "eu-west-1": "Z32O12XQLNTSW2",
    "eu-west-2": "ZHURV8PSTC4K8",
    "eu-west-3": "Z3Q77PNBQS71R4",
    "il-central-1": "Z09170902867EHPV2DABU",
    "me-central-1": "Z08230872XQRWHG2XF6I",
    "me-south-1": "ZS929ML54UICD",
    "mx-central-1": "Z023552324OKD1BB28BH5",
    "sa-east-1": "Z2P70J7HTTTPLU",
    "us-east-1": "Z35SXDOTRQ7X7K",
    "us-east-2": "Z3AADJGX6KTTL2",
    "us-gov-east-1": "Z166TLBEWOO7G0",
    "us-gov-west-1": "Z33AYJ8TM3BH4J",
    "us-west-1": "Z368ELLRRE2KJ0",
    "us-west-2": "Z1H1FL5HABSF5",
};

/** Hosted zone ids of Network Load Balancers (different from the ALB ones in every region). */
const NLB_ZONES: Readonly<Record<string, string>> = {
    "af-south-1": "Z203XCE67M25HM",
    "ap-east-1": "Z12Y7K3UBGUAD1",
    "ap-east-2": "Z09176273OC2HWIAUNYW",
    "ap-northeast-1": "Z31USIVHYNEOWT",
    "ap-northeast-2": "ZIBE1TIR4HY56",
    "ap-northeast-3": "Z1GWIQ4HH19I5X",
    "ap-south-1": "ZVDDRBQ08TROA",
    "ap-south-2": "Z0711778386UTO08407HT",
    "ap-southeast-1": "ZKVM4W9LS7TM",
    "ap-southeast-2": "ZCT6FZBF4DROD",
    "ap-southeast-3": "Z01971771FYVNCOVWJU1G",
    "ap-southeast-4": "Z01156963G8MIIL7X90IV",
    "ap-southeast-5": "Z026317210H9ACVTRO6FB",
    "ap-southeast-6": "Z01392953RKV2Q3RBP0KU",
    "ap-southeast-7": "Z054363131YWATEMWRG5L",
    "ca-central-1": "Z2EPGBW3API2WT",
    "ca-west-1": "Z02754302KBB00W2LKWZ9",
    "cn-north-1": "Z3QFB96KMJ7ED6",
    "cn-northwest-1": "ZQEIKTCZ8352D",
    "eu-central-1": "Z3F0SRJ5LGBH90",
    "eu-central-2": "Z02239872DOALSIDCX66S",
    "eu-north-1": "Z1UDT6IFJ4EJM",
    "eu-south-1": "Z23146JA1KNAFP",
    "eu-south-2": "Z1011216NVTVYADP1SSV",
    "eu-west-1": "Z2IFOLAFXWLO4F",
    "eu-west-2": "ZD4D7Y8KGAS4G",
    "eu-west-3": "Z1CMS0P5QUZ6D5",
    "il-central-1": "Z0313266YDI6ZRHTGQY4",
    "me-central-1": "Z00282643NTTLPANJJG2P",
    "me-south-1": "Z3QSRYVP46NYYV",
    "mx-central-1": "Z02031231H3ID6HYJ9A7U",
    "sa-east-1": "ZTK26PT1VY4CU",
    "us-east-1": "Z26RNL4JYFTOTI",
    "us-east-2": "ZLMOA37VPKANP",
    "us-gov-east-1": "Z1ZSMQQ6Q24QQ8",
    "us-gov-west-1": "ZMG1MZ2THAWF1",
    "us-west-1": "Z24FKFUX50B4VW",
    "us-west-2": "Z18D5FSROUN65G",
};

/** Hosted zone ids of interface VPC endpoint DNS names (`vpce-...{region}.vpce.amazonaws.com`). */
const VPC_ENDPOINT_ZONES: Readonly<Record<string, string>> = {
    "af-south-1": "Z09302161J80N9A7UTP7U",
    "ap-east-1": "Z2LIHJ7PKBEMWN",
    "ap-east-2": "Z09379811HWP0POAUWVN3",
    "ap-northeast-1": "Z2E726K9Y6RL4W",
    "ap-northeast-2": "Z27UANNT0PRK1T",
    "ap-northeast-3": "Z376B5OMM2JZL2",
    "ap-south-1": "Z2KVTB3ZLFM7JR",
    "ap-south-2": "Z0952991RWSF5AHIQDIY",
    "ap-southeast-1": "Z18LLCSTV4NVNL",
    "ap-southeast-2": "ZDK2GCRPAFKGO",
    "ap-southeast-3": "Z03881013RZ9BYYZO8N5W",
    "ap-southeast-4": "Z07508191CO1RNBX3X3AU",
    "ca-central-1": "ZRCXCF510Y6P9",
    "eu-central-1": "Z273ZU8SZ5RJPC",
    "eu-central-2": "Z045369019J4FUQ4S272E",
    "eu-north-1": "Z3OWWK6JFDEDGC",
    "eu-south-1": "Z2A5FDNRLY7KZG",
    "eu-south-2": "Z014396544HENR57XQCJ",
    "eu-west-1": "Z38GZ743OKFT7T",
    "eu-west-2": "Z7K1066E3PUKB",
    "eu-west-3": "Z1DWHTMFP0WECP",
    "me-central-1": "Z07122992YCEUCB9A9570",
    "me-south-1": "Z3B95P3VBGEQGY",
    "sa-east-1": "Z2LXUWEVLCVZIB",
    "us-east-1": "Z7HUB22UULQXV",
    "us-east-2": "ZC8PG0KIFKBRI",
    "us-gov-east-1": "Z2MU5TEIGO9WXB",
    "us-gov-west-1": "Z12529ZODG2B6H",
    "us-west-1": "Z12I86A8N7VCZO",
    "us-west-2": "Z1YSA3EXCYUU9Z",
};

/** Names `getRegion` reports as the description. */
const REGION_NAMES: Readonly<Record<string, string>> = {
    "us-east-1": "US East (N. Virginia)",
    "us-east-2": "US East (Ohio)",
    "us-west-1": "US West (N. California)",
    "us-west-2": "US West (Oregon)",
    "ca-central-1": "Canada (Central)",
    "sa-east-1": "South America (Sao Paulo)",
    "eu-central-1": "Europe (Frankfurt)",
    "eu-west-1": "Europe (Ireland)",
    "eu-west-2": "Europe (London)",
    "eu-west-3": "Europe (Paris)",
    "eu-north-1": "Europe (Stockholm)",
    "eu-south-1": "Europe (Milan)",
    "ap-south-1": "Asia Pacific (Mumbai)",
    "ap-northeast-1": "Asia Pacific (Tokyo)",
    "ap-northeast-2": "Asia Pacific (Seoul)",
    "ap-northeast-3": "Asia Pacific (Osaka)",
    "ap-southeast-1": "Asia Pacific (Singapore)",
    "ap-southeast-2": "Asia Pacific (Sydney)",
    "ap-east-1": "Asia Pacific (Hong Kong)",
    "me-south-1": "Middle East (Bahrain)",
    "af-south-1": "Africa (Cape Town)",
};

export type ZoneKind = "apigateway" | "alb" | "nlb" | "vpce";

const ZONE_TABLES: Readonly<Record<ZoneKind, Readonly<Record<string, string>>>> = {
    apigateway: API_GATEWAY_ZONES,
    alb: ALB_ZONES,
    nlb: NLB_ZONES,
    vpce: VPC_ENDPOINT_ZONES,
};

/**
 * The hosted zone id an alias record must name for a target of this kind in this region;
 * undefined when the sources above give none for the region (never invented).
 */
export function hostedZoneId(kind: ZoneKind, region: string): string | undefined {
    return ZONE_TABLES[kind][region];
}

export interface Partition {
    partition: string;
    dnsSuffix: string;
    reverseDnsPrefix: string;
}

/** The partition a region belongs to: it is the second field of every ARN made there. */
export function partitionOf(region: string): Partition {
    if (region.startsWith("cn-")) {
        return { partition: "aws-cn", dnsSuffix: "amazonaws.com.cn", reverseDnsPrefix: "cn.com.amazonaws" };
    }
    if (region.startsWith("us-gov-")) {
        return { partition: "aws-us-gov", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
    }
    return { partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
}

/** The human name AWS gives a region, or the code itself when this table does not know it. */
export function regionDescription(region: string): string {
    return REGION_NAMES[region] ?? region;
}

/** Three availability zones per region, named the way AWS names them (`eu-west-1a`, ...). */
export function availabilityZones(region: string): string[] {
    return ["a", "b", "c"].map((letter) => `${region}${letter}`);
}

/**
 * The zone id AWS gives an availability zone (`use1-az1`, `euw1-az2`, `apse2-az3`): the
 * short region code is the area plus the initials of the direction words plus the number.
 */
export function availabilityZoneId(zone: string): string {
    const match = /^([a-z]{2}(?:-[a-z]+)+-\d+)([a-z])$/.exec(zone);
    if (!match) return zone;
    const [, region, letter] = match;
    const parts = region.split("-");
    const area = parts[0];
    const number = parts[parts.length - 1];
    const words = parts.slice(1, -1).map((word) => {
        const compass = /^(north|south)(east|west)$/.exec(word);
        return compass ? compass[1][0] + compass[2][0] : word[0];
    });
    return `${area}${words.join("")}${number}-az${letter.charCodeAt(0) - 96}`;
}

/**
 * AWS services whose resources belong to no region (their ARNs have an empty region field):
 * a whole module, or single resource types of a module that is otherwise regional.
 */
const GLOBAL_MODULES = new Set([
    "account", "budgets", "cloudfront", "costexplorer", "cur", "globalaccelerator", "iam",
    "networkmanager", "organizations", "rolesanywhere", "route53domains", "route53recoverycontrol",
    "route53recoveryreadiness", "shield", "waf",
]);
const GLOBAL_ROUTE53_RESOURCES = new Set([
    "cidrCollection", "cidrLocation", "delegationSet", "healthCheck", "hostedZoneDnsSec", "keySigningKey",
    "queryLog", "record", "recordsExclusive", "trafficPolicy", "trafficPolicyInstance",
    "vpcAssociationAuthorization", "zone", "zoneAssociation",
]);

/** True for `aws:` resource types of global services (Route 53 zones and records, CloudFront, IAM, ...). */
export function isGlobalServiceType(type: string): boolean {
    const [pkg, module = ""] = type.split(":");
    if (pkg !== "aws") return false;
    const [service, resource = ""] = module.split("/");
    if (GLOBAL_MODULES.has(service)) return true;
    return service === "route53" && GLOBAL_ROUTE53_RESOURCES.has(resource);
}
