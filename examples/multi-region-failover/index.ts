// Active-passive: api.<zone> is served from us-east-1 while its health check passes, and from
// us-west-2 when it fails. Both regions are deployed and checked all the time, so the secondary is
// known to work before it is needed. Each region has an explicit provider (the shape to use when
// regions live in different accounts or need different credentials); the component still sets the
// region on every regional resource.
import * as aws from "@pulumi/aws";
import { MultiRegionDomain } from "../../index";
import { domainConfig, mockRestApi } from "../lib/apis";

const { domain, zone } = domainConfig("api");
const primary = new aws.Provider("primary", { region: "us-east-1" });
const secondary = new aws.Provider("secondary", { region: "us-west-2" });

const primaryApi = mockRestApi("orders-primary", { endpointType: "REGIONAL", message: "orders (us-east-1)", region: "us-east-1" }, { provider: primary });
const secondaryApi = mockRestApi("orders-secondary", { endpointType: "REGIONAL", message: "orders (us-west-2)", region: "us-west-2" }, { provider: secondary });

const multi = new MultiRegionDomain("orders", {
    domainName: domain,
    zoneName: zone,
    routingPolicy: "failover",
    regions: [
        { region: "us-east-1", failover: "primary", mappings: [{ apiId: primaryApi.id, stage: primaryApi.stageName }] },
        { region: "us-west-2", failover: "secondary", mappings: [{ apiId: secondaryApi.id, stage: secondaryApi.stageName }] },
    ],
    // The API answers GET / with {"message": ...}: the check requires that body, not just a 2xx.
    healthCheck: { path: "/", searchString: "message", requestInterval: 10, failureThreshold: 2 },
}, { regionProviders: { "us-east-1": primary, "us-west-2": secondary } });

export const url = multi.url;
export const targets = multi.targetDomainNames;
export const certificates = multi.certificateArns;
export const healthChecks = multi.healthCheckIds;
export const healthCheckUrls = multi.healthCheckUrls;
