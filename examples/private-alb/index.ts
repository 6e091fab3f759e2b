// A private REST API behind internal.<zone> through an internal Application Load Balancer: the
// ALB terminates TLS with the domain's certificate and forwards to the execute-api endpoint's
// private IPs; API Gateway finds the API from the forwarded Host through a regional custom
// domain of the same name. Callers in the VPC resolve the name in a private hosted zone.
import { PrivateAlbDomain } from "../../index";
import { domainConfig, mockRestApi } from "../lib/apis";
import { privateVpc } from "../lib/vpc";

const { domain, zone } = domainConfig("internal");

const network = privateVpc("private-alb");

const internal = new PrivateAlbDomain("internal", {
    domainName: domain,
    certificateZoneName: zone,
    vpcId: network.vpcId,
    subnetIds: network.subnetIds,
    httpRedirect: true,
});

// The API admits only the endpoint behind the load balancer; it is mapped once it exists.
const api = mockRestApi("internal", {
    endpointType: "PRIVATE",
    message: "hello through the internal ALB",
    policy: internal.apiPolicy,
});
internal.addMapping({ apiId: api.id, stage: api.stageName });

export const url = internal.url;
export const loadBalancerDnsName = internal.targetDomainName;
export const vpcEndpointId = internal.vpcEndpointId;
export const targetIps = internal.targetIps;
