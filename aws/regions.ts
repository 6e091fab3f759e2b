/**
 * Per-region facts: the Route 53 hosted zones that alias records must name for each kind of
 * target, the partition and DNS suffix, and availability zone naming.
 *
 * Sources: AWS General Reference, "Amazon API Gateway endpoints and quotas" and "Elastic Load
 * Balancing endpoints and quotas" (the "Route 53 Hosted Zone ID" column of each region's row);
 * the VPC endpoint zones as `DescribeVpcEndpoints` reports them in `DnsEntries[].HostedZoneId`
 * (collected by external-dns). A region missing from a table is unknown: `hostedZoneId`
 * answers undefined rather than inventing an id.
 */

/** The region AWS tools fall back to when nothing else decides. */
export const DEFAULT_REGION = "us-east-1";

/** Hosted zone ids of API Gateway regional endpoints (`d-xxxx.execute-api.{region}.amazonaws.com`). */
const API_GATEWAY_ZONES: Readonly<Record<string, string>> = {
    "us-east-1": "Z1UJRXOUMOOFQ8",
    "us-east-2": "ZOJJZC49E0EPZ",
    "us-west-1": "Z2MUQ32089INYE",
    "us-west-2": "Z2OJLYMUO9EFXC",
    "af-south-1": "Z2DHW2332DAMTN",
    "ap-east-1": "Z3FD1VL90ND7K5",
    "ap-south-1": "Z3VO1THU9YC4UR",
    "ap-northeast-1": "Z1YSHQZHG15GKL",
    "ap-northeast-2": "Z20JF4UZKIW1U8",
    "ap-southeast-1": "ZL327KTPIQFUL",
    "ap-southeast-2": "Z2RPCDW04V8134",
    "ap-southeast-3": "Z10132843TYUYSLUG4HA3",
    "ap-southeast-4": "Z092189423Y7RJK61311D",
    "ca-central-1": "Z19DQILCV0OWEC",
    "ca-west-1": "Z04745493436AWVTG1OQY",
    "eu-central-1": "Z1U9ULNL0V5AJ3",
    "eu-central-2": "Z09222482MK253X48U76H",
    "eu-west-1": "ZLY8HYME6SFDD",
    "eu-west-2": "ZJ5UAJN8Y3Z2Q",
    "eu-west-3": "Z3KY65QIEKYHQQ",
    "eu-north-1": "Z3UWIKFBOOGXPP",
    "eu-south-1": "Z3BT4WSQ9TDYZV",
    "eu-south-2": "Z02499852UI5HEQ5JVWX3",
    "il-central-1": "Z07264553HBI44N5X2CKP",
    "me-south-1": "Z20ZBPC0SS8806",
    "me-central-1": "Z08780021BKYYY8U0YHTV",
    "sa-east-1": "ZCMLWB8V5SYIT",
    "us-gov-east-1": "Z3SE9ATJYCRCZJ",
    "us-gov-west-1": "Z1K6XKP9SAGWDV",
};

/** Hosted zone ids of Application (and Classic) Load Balancers. */
const ALB_ZONES: Readonly<Record<string, string>> = {
    "us-east-1": "Z35SXDOTRQ7X7K",
    "us-east-2": "Z3AADJGX6KTTL2",
    "us-west-1": "Z368ELLRRE2KJ0",
    "us-west-2": "Z1H1FL5HABSF5",
    "af-south-1": "Z268VQBMOI5EKX",
    "ap-east-1": "Z3DQVH9N71FHZ0",
    "ap-south-1": "ZP97RAFLXTNZK",
    "ap-south-2": "Z0173938T07WNTVAEPZN",
    "ap-northeast-1": "Z14GRHDCWA56QT",
    "ap-northeast-2": "ZWKZPGTI48KDX",
    "ap-northeast-3": "Z5LXEXXYW11ES",
    "ap-southeast-1": "Z1LMS91P8CMLE5",
    "ap-southeast-2": "Z1GM3OXH4ZPM65",
    "ap-southeast-3": "Z08888821HLRG5A9ZRTER",
    "ca-central-1": "ZQSVJUPU6J1EY",
    "ca-west-1": "Z06473681N0SF6OS049SD",
    "eu-central-1": "Z215JYRZR1TBD5",
    "eu-central-2": "Z06391101F2ZOEP8P5EB3",
    "eu-west-1": "Z32O12XQLNTSW2",
    "eu-west-2": "ZHURV8PSTC4K8",
    "eu-west-3": "Z3Q77PNBQS71R4",
    "eu-north-1": "Z23TAZ6LKFMNIO",
    "eu-south-1": "Z3ULH7SSC9OV64",
    "eu-south-2": "Z0956581394HF5D5LXGAP",
    "il-central-1": "Z09170902867EHPV2DABU",
    "me-south-1": "ZS929ML54UICD",
    "me-central-1": "Z08230872XQRWHG2XF6I",
    "sa-east-1": "Z2P70J7HTTTPLU",
    "us-gov-east-1": "Z166TLBEWOO7G0",
    "us-gov-west-1": "Z33AYJ8TM3BH4J",
};

/** Hosted zone ids of Network Load Balancers (different from the ALB ones in every region). */
const NLB_ZONES: Readonly<Record<string, string>> = {
    "us-east-1": "Z26RNL4JYFTOTI",
    "us-east-2": "ZLMOA37VPKANP",
    "us-west-1": "Z24FKFUX50B4VW",
    "us-west-2": "Z18D5FSROUN65G",
    "af-south-1": "Z203XCE67M25HM",
    "ap-east-1": "Z12Y7K3UBGUAD1",
    "ap-south-1": "ZVDDRBQ08TROA",
    "ap-northeast-1": "Z31USIVHYNEOWT",
    "ap-northeast-2": "ZIBE1TIR4HY56",
    "ap-northeast-3": "Z1GWIQ4HH19I5X",
    "ap-southeast-1": "ZKVM4W9LS7TM",
    "ap-southeast-2": "ZCT6FZBF4DROD",
    "ca-central-1": "Z2EPGBW3API2WT",
    "eu-central-1": "Z3F0SRJ5LGBH90",
    "eu-west-1": "Z2IFOLAFXWLO4F",
    "eu-west-2": "ZD4D7Y8KGAS4G",
    "eu-west-3": "Z1CMS0P5QUZ6D5",
    "eu-north-1": "Z1UDT6IFJ4EJM",
    "eu-south-1": "Z23146JA1KNAFP",
    "me-south-1": "Z3QSRYVP46NYYV",
    "sa-east-1": "ZTK26PT1VY4CU",
    "us-gov-east-1": "Z1ZSMQQ6Q24QQ8",
    "us-gov-west-1": "ZMG1MZ2THAWF1",
};

/** Hosted zone ids of interface VPC endpoint DNS names (`vpce-...{region}.vpce.amazonaws.com`). */
const VPC_ENDPOINT_ZONES: Readonly<Record<string, string>> = {
    "us-east-1": "Z7HUB22UULQXV",
    "us-east-2": "ZC8PG0KIFKBRI",
    "us-west-1": "Z12I86A8N7VCZO",
    "us-west-2": "Z1YSA3EXCYUU9Z",
    "af-south-1": "Z09302161J80N9A7UTP7U",
    "ap-east-1": "Z2LIHJ7PKBEMWN",
    "ap-south-1": "Z2KVTB3ZLFM7JR",
    "ap-northeast-1": "Z2E726K9Y6RL4W",
    "ap-northeast-2": "Z27UANNT0PRK1T",
    "ap-northeast-3": "Z376B5OMM2JZL2",
    "ap-southeast-1": "Z18LLCSTV4NVNL",
    "ap-southeast-2": "ZDK2GCRPAFKGO",
    "ca-central-1": "ZRCXCF510Y6P9",
    "eu-central-1": "Z273ZU8SZ5RJPC",
    "eu-west-1": "Z38GZ743OKFT7T",
    "eu-west-2": "Z7K1066E3PUKB",
    "eu-west-3": "Z1DWHTMFP0WECP",
    "eu-north-1": "Z3OWWK6JFDEDGC",
    "eu-south-1": "Z2A5FDNRLY7KZG",
    "me-south-1": "Z3B95P3VBGEQGY",
    "sa-east-1": "Z2LXUWEVLCVZIB",
    "us-gov-east-1": "Z2MU5TEIGO9WXB",
    "us-gov-west-1": "Z12529ZODG2B6H",
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
