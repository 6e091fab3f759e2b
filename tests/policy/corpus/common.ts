// Shared shape of the corpus entries: raw @pulumi/aws programs, each with the public source it
// was written from, planned through the pack's real analyzer server by tests/policy/corpus.test.ts.

import * as aws from "@pulumi/aws";

export interface CorpusEntry {
    /** Short kebab-case name, used as the test title. */
    readonly name: string;
    /** Where the configuration comes from (AWS documentation, AWS blog, CDK or serverless-domain-manager). */
    readonly source: string;
    /** The program: plain @pulumi/aws resources, as a user would write them. */
    readonly program: () => unknown;
    /** Advisory rules that must speak up about it (it works, and could be better). */
    readonly advice?: readonly string[];
    /** Rules that must stay silent about it at any level (it is none of their business). */
    readonly silent?: readonly string[];
}

export interface BrokenEntry extends CorpusEntry {
    /** The mandatory rule the program must trip (and no other mandatory rule). */
    readonly rule: string;
    /** What the message must say: the property path and value at fault. */
    readonly message: RegExp;
}

/** A placeholder account in ARNs, as the AWS documentation writes them. */
export const ACCOUNT = "111122223333";

/** A REST API with one GET method and a deployment, enough to map a stage. */
export function restApi(name: string, extra: Partial<aws.apigateway.RestApiArgs> = {}) {
    const api = new aws.apigateway.RestApi(name, { name, endpointConfiguration: { types: "REGIONAL" }, ...extra });
    const method = new aws.apigateway.Method(`${name}-get`, { restApi: api.id, resourceId: api.rootResourceId, httpMethod: "GET", authorization: "NONE" });
    const integration = new aws.apigateway.Integration(`${name}-mock`, { restApi: api.id, resourceId: api.rootResourceId, httpMethod: method.httpMethod, type: "MOCK" });
    const deployment = new aws.apigateway.Deployment(`${name}-deployment`, { restApi: api.id }, { dependsOn: [integration] });
    const stage = new aws.apigateway.Stage(`${name}-prod`, { restApi: api.id, deployment: deployment.id, stageName: "prod" });
    return { api, stage };
}

