// Three APIs on one domain, told apart by path: /v1 (REST), /v2 (HTTP, also the root),
// and /admin/reports (REST, a multi-level key, so the domain must be regional with TLS 1.2).
import { RegionalDomain } from "../../index";
import { domainConfig, lambdaHttpApi, mockRestApi } from "../lib/apis";

const { domain, zone } = domainConfig("shop");

const v1 = mockRestApi("v1", { endpointType: "REGIONAL", message: "v1 (REST)" });
const v2 = lambdaHttpApi("v2", { message: "v2 (HTTP)" });
const admin = mockRestApi("admin", { endpointType: "REGIONAL", message: "admin reports (REST)" });

const shop = new RegionalDomain("shop", {
    domainName: domain,
    zoneName: zone,
    mappings: [
        { apiId: v1.id, stage: v1.stageName, basePath: "v1" },
        { apiId: v2.id, stage: v2.stageName, basePath: "v2", apiType: "http" },
        { apiId: v2.id, stage: v2.stageName, basePath: "", apiType: "http" },
    ],
});

// Mappings can also be added once the domain exists, e.g. by another part of the program.
const adminUrl = shop.addMapping({ apiId: admin.id, stage: admin.stageName, basePath: "admin/reports" });

export const urls = shop.urls;
export const adminReportsUrl = adminUrl;
