// The source of the built-in module "cloudflare:workers", bundled into a
// worker that imports it. Its values are made per runtime by
// cloudflare_workers.js, and left for this module on the global object
// under a registered symbol, which it takes away again.
const key = Symbol.for("workerhost:cloudflare:workers");
const m = globalThis[key];
delete globalThis[key];

export const DurableObject = m.DurableObject;
export const RpcPromise = m.RpcPromise;
export const RpcProperty = m.RpcProperty;
export const RpcStub = m.RpcStub;
export const RpcTarget = m.RpcTarget;
export const ServiceStub = m.ServiceStub;
export const WorkerEntrypoint = m.WorkerEntrypoint;
export const WorkflowEntrypoint = m.WorkflowEntrypoint;
export const abortIsolate = m.abortIsolate;
export const cache = m.cache;
export const env = m.env;
export const exports = m.exports;
export const restore = m.restore;
export const tracing = m.tracing;
export const waitUntil = m.waitUntil;
export const withEnv = m.withEnv;
export const withEnvAndExports = m.withEnvAndExports;
export const withExports = m.withExports;
