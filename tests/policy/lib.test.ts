// The shared helpers every rule relies on: reading SDK-proxied values, regions, hosts, TLS names.

import { strict as assert } from "assert";
import { PolicyResource, unknownCheckingProxy } from "@pulumi/policy";
import { apiGatewayHostKind, securityPolicyMinimumTls as apiGatewayPolicyMinimum } from "../../aws/apigateway";
import { parseArn } from "../../aws/arn";
import { cloudFrontTlsVersion } from "../../aws/cloudfront";
import { hostMatches } from "../../aws/dns";
import { elbPolicyMinimum } from "../../aws/elb";
import { normalizeHost } from "../../policy/lib/hosts";
import { toStackResources } from "../../policy/lib/policy";
import { regionOfArn, resolveRegion, stackDefaultRegion } from "../../policy/lib/region";
import { StackIndex, T } from "../../policy/lib/resources";
import { at, isUnknown, readableProps, str, stringList } from "../../policy/lib/values";
import { UNKNOWN, res } from "./helpers";

describe("policy helpers", () => {
    describe("values", () => {
        it("reads through the SDK's unknown-checking proxy without throwing", () => {
            const proxied = unknownCheckingProxy({ domainName: "api.example.com", certificateArn: UNKNOWN, nested: { list: [UNKNOWN] } });
            assert.throws(() => proxied.certificateArn, /can't be known during preview/);
            const props = readableProps(proxied);
            assert.equal(str(props["domainName"]), "api.example.com");
            assert.equal(isUnknown(props["certificateArn"]), true);
            assert.equal(str(props["certificateArn"]), undefined);
            assert.equal(stringList(at(props, "nested", "list")), undefined);
        });

        it("accepts a string or a list where AWS takes either, and stops at unknowns on a path", () => {
            assert.deepEqual(stringList("REGIONAL"), ["REGIONAL"]);
            assert.deepEqual(stringList(["EDGE"]), ["EDGE"]);
            assert.equal(at({ a: UNKNOWN }, "a", "b"), undefined);
            assert.equal(at({ a: { b: 1 } }, "a", "b"), 1);
        });
    });

    describe("regions", () => {
        it("resolves resource region, then provider region, then the stack default; an unknown region stays unknown", () => {
            assert.equal(resolveRegion(res(T.certificate, "c", { region: "us-east-1" }, { providerRegion: "eu-west-1" }), "ap-south-1"), "us-east-1");
            assert.equal(resolveRegion(res(T.certificate, "c", {}, { providerRegion: "eu-west-1" }), "ap-south-1"), "eu-west-1");
            assert.equal(resolveRegion(res(T.certificate, "c", {}), "ap-south-1"), "ap-south-1");
            assert.equal(resolveRegion(res(T.certificate, "c", { region: UNKNOWN }, { providerRegion: "eu-west-1" }), "ap-south-1"), undefined);
        });

        it("reads aws:region from the config the CLI passes in PULUMI_CONFIG, then the AWS environment variables", () => {
            assert.equal(stackDefaultRegion({ PULUMI_CONFIG: JSON.stringify({ "aws:region": "eu-north-1" }), AWS_REGION: "us-west-1" }), "eu-north-1");
            assert.equal(stackDefaultRegion({ PULUMI_CONFIG: JSON.stringify({ "aws:config:region": "eu-south-1" }) }), "eu-south-1");
            assert.equal(stackDefaultRegion({ PULUMI_CONFIG: "not json", AWS_DEFAULT_REGION: "sa-east-1" }), "sa-east-1");
            assert.equal(stackDefaultRegion({}), undefined);
        });

        it("parses ARNs of every partition", () => {
            assert.deepEqual(parseArn("arn:aws-cn:acm:cn-north-1:123:certificate/a:b"), { partition: "aws-cn", service: "acm", region: "cn-north-1", account: "123", resource: "certificate/a:b" });
            assert.equal(regionOfArn("arn:aws:acm:eu-west-1:1:certificate/x", "acm"), "eu-west-1");
            assert.equal(regionOfArn("arn:aws:iam::1:server-certificate/x", "acm"), undefined);
            assert.equal(regionOfArn("not-an-arn"), undefined);
        });
    });

    describe("hosts", () => {
        it("tells API Gateway's kinds of names apart", () => {
            assert.equal(apiGatewayHostKind("a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com"), "default-endpoint");
            assert.equal(apiGatewayHostKind("a1b2c3d4e5-vpce-0123abcd.execute-api.eu-west-1.amazonaws.com"), "default-endpoint");
            assert.equal(apiGatewayHostKind("d-a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com"), "domain-target");
            assert.equal(apiGatewayHostKind("vpce-0abc-1def.execute-api.eu-west-1.vpce.amazonaws.com"), "vpc-endpoint");
            assert.equal(apiGatewayHostKind("x1.execute-api.cn-north-1.amazonaws.com.cn"), "execute-api");
            assert.equal(apiGatewayHostKind("api.example.com"), undefined);
            assert.equal(normalizeHost(" API.Example.COM. "), "api.example.com");
        });

        it("matches wildcards on exactly one label", () => {
            assert.equal(hostMatches("a.example.com", "*.example.com"), true);
            assert.equal(hostMatches("a.b.example.com", "*.example.com"), false);
            assert.equal(hostMatches("example.com", "*.example.com"), false);
            assert.equal(hostMatches("api.example.com", "API.example.com."), true);
        });
    });

    describe("TLS policy names", () => {
        it("reads the floor of API Gateway, CloudFront and load balancer policies", () => {
            assert.equal(apiGatewayPolicyMinimum("TLS_1_0"), 1.0);
            assert.equal(apiGatewayPolicyMinimum("SecurityPolicy_TLS13_1_3_2025_09"), 1.3);
            assert.equal(apiGatewayPolicyMinimum("SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09"), 1.2);
            assert.equal(apiGatewayPolicyMinimum("SecurityPolicy_TLS13_2025_EDGE"), 1.3);
            assert.equal(apiGatewayPolicyMinimum("SecurityPolicy_TLS12_PFS_2025_EDGE"), 1.2);
            assert.equal(cloudFrontTlsVersion("TLSv1"), 1.0);
            assert.equal(cloudFrontTlsVersion("TLSv1_2016"), 1.0);
            assert.equal(cloudFrontTlsVersion("TLSv1.1_2016"), 1.1);
            assert.equal(cloudFrontTlsVersion("TLSv1.2_2021"), 1.2);
            assert.equal(cloudFrontTlsVersion("SSLv3"), 0.3);
            assert.equal(elbPolicyMinimum("ELBSecurityPolicy-2016-08"), 1.0);
            assert.equal(elbPolicyMinimum("ELBSecurityPolicy-FS-2018-06"), 1.0);
            assert.equal(elbPolicyMinimum("ELBSecurityPolicy-TLS13-1-0-2021-06"), 1.0);
            assert.equal(elbPolicyMinimum("ELBSecurityPolicy-TLS-1-2-Ext-2018-06"), 1.2);
            assert.equal(elbPolicyMinimum("ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04"), 1.3);
        });
    });

    describe("stack views", () => {
        it("turns the SDK's resources into views with dependencies pointing at views, in linear passes", () => {
            const make = (urn: string, type: string, props: Record<string, unknown>): PolicyResource =>
                ({ urn, type, name: urn, props: unknownCheckingProxy(props), opts: {}, dependencies: [], propertyDependencies: {}, isType: () => false, asType: () => undefined }) as unknown as PolicyResource;
            const cert = make("c", T.certificate, { region: UNKNOWN });
            const domain = make("d", T.domainV1, { certificateArn: UNKNOWN });
            (domain as { dependencies: PolicyResource[] }).dependencies = [cert];
            (domain as { propertyDependencies: Record<string, PolicyResource[]> }).propertyDependencies = { certificateArn: [cert] };
            (domain as { provider?: unknown }).provider = { urn: "p", type: "pulumi:providers:aws", name: "p", props: unknownCheckingProxy({ region: "eu-west-1" }) };
            const [certView, domainView] = toStackResources([cert, domain]);
            assert.equal(domainView.propertyDependencies?.["certificateArn"]?.[0], certView);
            assert.equal(domainView.dependencies?.[0], certView);
            assert.equal(isUnknown(certView.props["region"]), true);
            assert.equal(domainView.provider?.props["region"], "eu-west-1");
        });

        it("lists resources of several types in registration order", () => {
            const a = res(T.apiMapping, "a", {});
            const b = res(T.basePathMapping, "b", {});
            const c = res(T.apiMapping, "c", {});
            assert.deepEqual(new StackIndex([a, b, c]).ofType(T.basePathMapping, T.apiMapping).map((r) => r.name), ["a", "b", "c"]);
        });
    });
});
