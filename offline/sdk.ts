/**
 * Every reach of the offline plan into `@pulumi/pulumi` beyond its public API, in one place.
 *
 * The engine drives the SDK the way the Pulumi CLI's language host does, which needs parts the
 * SDK does not export publicly: the runtime settings and state store (to give each run its own
 * state and a stand-in engine), the promise and call-site bookkeeping (skipped during a run),
 * the wire (de)serializers and the protobuf stubs of the resource monitor and the analyzer, the
 * dependency resources its transform callback builds, and an Output's internal promise.
 *
 * They were checked against the SDK versions in `TESTED_SDK_VERSIONS`; tests/offline/sdk.test.ts
 * fails when the installed SDK is another minor or one of these shapes has changed, so an SDK
 * upgrade is a deliberate change here, not a silent break (package.json pins the same range).
 */
import * as pulumi from "@pulumi/pulumi";

/** The `@pulumi/pulumi` minors (major.minor) these internals were read from and tested with. */
export const TESTED_SDK_VERSIONS: readonly string[] = ["3.270"];

/** The installed SDK's version. */
export const SDK_VERSION: string = (require("@pulumi/pulumi/package.json") as { version: string }).version;

export interface RuntimeStore {
    settings: { engine?: unknown; options: { engineAddr?: string }; rpcDone: Promise<unknown> };
    resourceModules: Map<string, unknown>;
    resourcePackages: Map<string, unknown>;
}

/** runtime/settings: the monitor and engine the SDK talks to, and its RPC bookkeeping. */
export const settings = require("@pulumi/pulumi/runtime/settings") as {
    getMonitor(): unknown;
    getEngine(): unknown;
    waitForRPCs(): Promise<void>;
    disconnectSync(): void;
};

/** runtime/state: the store all of the SDK's per-run state lives in. */
export const runtimeState = require("@pulumi/pulumi/runtime/state") as {
    LocalStore: new () => RuntimeStore;
    withLocalStorage<T>(callback: () => T): T;
    getLocalStore(): RuntimeStore | undefined;
    getStore(): RuntimeStore;
    getGlobalStore(): RuntimeStore;
};

/** runtime/debuggable: the leak bookkeeping wrapped around nearly every SDK promise. */
export const debuggable = require("@pulumi/pulumi/runtime/debuggable") as { debuggablePromise: <T>(p: Promise<T>, ctx: unknown) => Promise<T> };

/** log: `debug` is replaced during a run (its messages are dropped anyway). */
export const log = require("@pulumi/pulumi/log") as { debug: (...args: unknown[]) => Promise<void> };

/** `Resource.callsites`, which captures every frame of every registration. */
export const resourceStatics = pulumi.Resource as unknown as { callsites: () => unknown[] };

export { deserializeProperties, serializeProperties, unknownValue } from "@pulumi/pulumi/runtime/rpc";
export { DependencyProviderResource, DependencyResource } from "@pulumi/pulumi/resource";
export * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
export * as analyzerRpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
export type { Alias } from "@pulumi/pulumi/proto/alias_pb";
export type { LogRequest } from "@pulumi/pulumi/proto/engine_pb";
export type {
    ReadResourceRequest,
    ReadResourceResponse,
    RegisterResourceOutputsRequest,
    RegisterResourceRequest,
    RegisterResourceResponse,
    ResourceInvokeRequest,
    ResourceInvokeResponse,
} from "@pulumi/pulumi/proto/resource_pb";

interface OutputInternals<T> {
    promise(withUnknowns?: boolean): Promise<T>;
    isKnown: Promise<boolean>;
}

/** An Output's value whether or not it is known (the SDK's internal `promise()`, as its own transform callback reads it). */
export function outputPromise<T>(output: pulumi.Output<T>, withUnknowns = false): Promise<T> {
    return (output as unknown as OutputInternals<T>).promise(withUnknowns);
}

/** Whether an Output's value is known. */
export function outputIsKnown(output: pulumi.Output<unknown>): Promise<boolean> {
    return (output as unknown as OutputInternals<unknown>).isKnown;
}
