// Two private REST APIs on one native private custom domain, private.<zone>, callable only from
// inside a small VPC through its execute-api endpoint. The certificate is validated in the public
// zone; the name resolves in a private hosted zone to the endpoint.
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { PrivateDomain } from "../../index";
import { domainConfig, mockRestApi } from "../lib/apis";
import { executeApiEndpoint, privateVpc } from "../lib/vpc";

const { domain, zone } = domainConfig("private");

const network = privateVpc("private-native");
const endpoint = executeApiEndpoint("private-native", network);

const privateDomain = new PrivateDomain("private", {
    domainName: domain,
    certificateZoneName: zone,
    vpcEndpointIds: [endpoint.id],
    privateZone: { vpcId: network.vpcId },
});

// Each API's own resource policy must let the same endpoint in; the domain offers it ready-made.
// Associating the endpoint with the API also gives it the `{api-id}-{vpce-id}` hostname.
const api = (name: string, message: string) =>
    mockRestApi(name, { endpointType: "PRIVATE", message, policy: privateDomain.apiPolicy, vpcEndpointIds: [endpoint.id] });
const orders = api("orders", "orders (private)");
const billing = api("billing", "billing (private)");

privateDomain.addMapping({ apiId: orders.id, stage: orders.stageName, basePath: "orders" });
privateDomain.addMapping({ apiId: billing.id, stage: billing.stageName, basePath: "billing" });

const region = aws.getRegionOutput().region;
const endpointDnsName = endpoint.dnsEntries.apply((entries) => entries[0].dnsName);

export const urls = privateDomain.urls;
export const domainNameId = privateDomain.domainNameId;
export const domainNameArn = privateDomain.domainNameArn;
export const vpcEndpointId = endpoint.id;
/** How to call the orders API from inside the VPC, one command per VPC-endpoint DNS mode. */
export const howToCall = {
    customDomain: pulumi.interpolate`curl https://${domain}/orders/`,
    endpointHostnameWithHost: pulumi.interpolate`curl https://${endpointDnsName}/orders/ -H 'Host: ${domain}'`,
    endpointHostnameWithApiId: pulumi.interpolate`curl https://${endpointDnsName}/${orders.stageName}/ -H 'x-apigw-api-id: ${orders.id}'`,
    apiEndpointAlias: pulumi.interpolate`curl https://${orders.id}-${endpoint.id}.execute-api.${region}.amazonaws.com/${orders.stageName}/`,
    privateDns: pulumi.interpolate`curl https://${orders.id}.execute-api.${region}.amazonaws.com/${orders.stageName}/`,
};
