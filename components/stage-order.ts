/**
 * A mapping (or routing rule) must not be created before the stage it serves: API Gateway refuses
 * a mapping to a stage that does not exist yet. A mapping depends on what its inputs come from, so
 * `stage: stage.stageName` makes it wait for the stage; `stage: "prod"` only waits for the API,
 * and on a first deploy of a program that creates the API and its stage the mapping races the
 * stage. That case is worth a warning: the API's id comes from an API resource of this program
 * while the stage is a plain string.
 */
import * as pulumi from "@pulumi/pulumi";

/** The resource types of APIs whose stages are separate resources (REST: Stage; HTTP/WebSocket: apigatewayv2 Stage). */
const API_TYPES: readonly string[] = ["aws:apigateway/restApi:RestApi", "aws:apigatewayv2/api:Api"];

/** The resource type in a URN (`urn:pulumi:stack::project::parent$type::name`). */
function urnType(urn: string): string {
    return urn.split("::")[2]?.split("$").pop() ?? "";
}

function urnOf(resource: pulumi.Resource): Promise<string> {
    return new Promise((resolve) => resource.urn.apply(resolve));
}

/**
 * Warns, through the component, when `stage` is a plain string and `apiId` comes from an API
 * resource of this program (TypeScript, or a resource reference other languages send with the
 * value): the mapping would not wait for the stage. The check needs the id's dependencies, which
 * the SDK gives asynchronously; the runtime is kept alive until it is done.
 */
export function warnIfStageNotAwaited(
    component: pulumi.Resource,
    label: string,
    argument: string,
    apiId: pulumi.Input<string>,
    stage: pulumi.Input<string>,
): void {
    if (typeof stage !== "string" || !pulumi.Output.isInstance(apiId)) return;
    const allResources = (apiId as unknown as { allResources?: () => Promise<Set<pulumi.Resource>> }).allResources;
    if (allResources === undefined) return;
    const done = pulumi.runtime.rpcKeepAlive();
    allResources.call(apiId)
        .then((resources) => Promise.all([...resources].map(urnOf)))
        .then((urns) => {
            if (!urns.some((urn) => API_TYPES.includes(urnType(urn)))) return;
            pulumi.log.warn(`${label}: ${argument}.stage "${stage}" is a plain name for a stage of an API this program creates, so ${argument} `
                + "waits for the API but not for the stage, and on a first deploy API Gateway refuses it if the stage does not exist yet; "
                + "pass the stage resource's name output instead (stage: stage.stageName)", component);
        })
        .catch(() => undefined)
        .finally(done);
}
