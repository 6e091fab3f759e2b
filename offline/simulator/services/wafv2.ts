/** WAFv2: web ACLs (regional or CloudFront scope) and their associations. */
import { CLOUDFRONT_WEB_ACL_REGION } from "../../../aws/cloudfront";
import { WEB_ACL_NAME_MAX_LENGTH } from "../../../aws/wafv2";
import { Answer, autoName, Ctx, ServiceModule, str, uuid } from "../common";

export const service: ServiceModule = {
    resources: {
        "aws:wafv2/webAcl:WebAcl": (c) => webAcl(c),
        "aws:wafv2/webAclAssociation:WebAclAssociation": (c) => ({
                id: `${str(c.inputs["webAclArn"]) ?? ""},${str(c.inputs["resourceArn"]) ?? ""}`,
                state: {},
        }),
    },
    autonamed: {
        "aws:wafv2/webAcl:WebAcl": { property: "name", max: WEB_ACL_NAME_MAX_LENGTH },
    },
};

function webAcl(c: Ctx): Answer {
    const id = uuid(c.seed);
    const name = autoName(c, "name", WEB_ACL_NAME_MAX_LENGTH);
    // CloudFront web ACLs live in the CloudFront scope's region under "global", whatever the provider says.
    const cloudfront = str(c.inputs["scope"]) === "CLOUDFRONT";
    const region = cloudfront ? CLOUDFRONT_WEB_ACL_REGION : c.region;
    return {
        id,
        state: {
            name,
            arn: `arn:${c.partition}:wafv2:${region}:${c.account}:${cloudfront ? "global" : "regional"}/webacl/${name}/${id}`,
            capacity: 0,
            lockToken: uuid(c.seed, "lock"),
            applicationIntegrationUrl: "",
        },
    };
}
