/** AWS RAM: resource shares and their resource and principal associations. */
import { autoName, bool, ServiceModule, str, strs, uuid } from "../common";

export const service: ServiceModule = {
    resources: {
        "aws:ram/resourceShare:ResourceShare": (c) => {
            const arn = `arn:${c.partition}:ram:${c.region}:${c.account}:resource-share/${uuid(c.seed)}`;
            return {
                id: arn,
                state: {
                    arn,
                    name: autoName(c, "name"),
                    allowExternalPrincipals: bool(c.inputs["allowExternalPrincipals"]) ?? false,
                    permissionArns: strs(c.inputs["permissionArns"]),
                },
            };
        },
        "aws:ram/resourceAssociation:ResourceAssociation": (c) => ({
                id: `${str(c.inputs["resourceShareArn"]) ?? ""},${str(c.inputs["resourceArn"]) ?? ""}`,
                state: {},
        }),
        "aws:ram/principalAssociation:PrincipalAssociation": (c) => ({
                id: `${str(c.inputs["resourceShareArn"]) ?? ""},${str(c.inputs["principal"]) ?? ""}`,
                state: {},
        }),
    },
    autonamed: {
        "aws:ram/resourceShare:ResourceShare": { property: "name" /* RAM documents no length limit */ },
    },
};


