// Two private REST APIs on one native private custom domain, private.<zone>, callable only from
// inside a small VPC through its execute-api endpoint. The certificate is validated in the public
// zone; the name resolves in a private hosted zone to the endpoint.
import * as pulumi from "@pulumi/pulumi";
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
// The APIs' default endpoints are off, so the domain is the only way in: no API-level endpoint
// association (the `{api-id}-{vpce-id}` hostname would only answer 403).
const api = (name: string, message: string) =>
    mockRestApi(name, { endpointType: "PRIVATE", message, policy: privateDomain.apiPolicy });
const orders = api("orders", "orders (private)");
const billing = api("billing", "billing (private)");

privateDomain.addMapping({ apiId: orders.id, stage: orders.stageName, basePath: "orders" });
privateDomain.addMapping({ apiId: billing.id, stage: billing.stageName, basePath: "billing" });

const endpointDnsName = endpoint.dnsEntries.apply((entries) => entries[0].dnsName);

export const urls = privateDomain.urls;
export const domainNameId = privateDomain.domainNameId;
export const domainNameArn = privateDomain.domainNameArn;
export const vpcEndpointId = endpoint.id;
/**
 * How to call the orders API from inside the VPC. The custom name resolves through the private
 * zone whatever the endpoint's DNS mode; the endpoint's own hostname with the domain as Host
 * works too. Calls that name the API instead (private DNS, x-apigw-api-id, {api-id}-{vpce-id})
 * answer 403: the APIs' default endpoint is disabled.
 */
export const howToCall = {
    customDomain: pulumi.interpolate`curl https://${domain}/orders/`,
    endpointHostnameWithHost: pulumi.interpolate`curl https://${endpointDnsName}/orders/ -H 'Host: ${domain}'`,
};
