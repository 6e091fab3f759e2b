// PrivateAlbDomain in front of an execute-api VPC endpoint that already exists (created by
// another stack or by hand): the component looks the endpoint up and registers one target per
// network interface. Offline, nothing about that endpoint can be known, so its interfaces and
// the targets' addresses must come out unknown, never invented.
import { PrivateAlbDomain } from "../../../../index";

const internal = new PrivateAlbDomain("internal", {
    domainName: "internal.example.com",
    certificateZoneName: "example.com",
    vpcId: "vpc-0123456789abcdef0",
    subnetIds: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"],
    vpcEndpoint: { id: "vpce-0123456789abcdef0", securityGroupId: "sg-0123456789abcdef0" },
});

export const targetIps = internal.targetIps;
