// Conformance worker: the module "cloudflare:workers" and a class entry
// point. Each request gets a new instance of the default export, built with
// (ctx, env); fetch gets the request alone.
import * as workers from "cloudflare:workers";
import { WorkerEntrypoint, DurableObject, RpcTarget, WorkflowEntrypoint, env, waitUntil } from "cloudflare:workers";

const lines = [];
function attempt(label, fn) {
  try {
    lines.push(`${label}: ${fn()}`);
  } catch (e) {
    lines.push(`${label}: ${e.constructor.name}: ${e.message}`);
  }
}

attempt("keys", () => Object.keys(workers).join(","));
attempt("types", () => Object.keys(workers).map((k) => `${k}=${typeof workers[k]}`).join(" "));
for (const name of ["WorkerEntrypoint", "WorkflowEntrypoint", "DurableObject", "RpcTarget", "RpcStub", "RpcPromise", "RpcProperty", "ServiceStub"]) {
  const C = workers[name];
  attempt(`${name} shape`, () => [C.name, C.length, Object.getOwnPropertyNames(C.prototype).join("+"),
    Object.prototype.toString.call(C.prototype), Object.getPrototypeOf(C.prototype) === Object.prototype].join(" "));
  attempt(`${name}()`, () => C());
}
attempt("new DurableObject", () => new DurableObject({}, {}));
attempt("new WorkerEntrypoint(1, {})", () => new WorkerEntrypoint(1, {}));
attempt("new WorkerEntrypoint({})", () => new WorkerEntrypoint({}));
attempt("new WorkerEntrypoint(f, {})", () => Object.keys(new WorkerEntrypoint(() => {}, {})).join(","));
attempt("new WorkflowEntrypoint({}, {})", () => new WorkflowEntrypoint({}, {}));
attempt("new RpcTarget", () => Object.keys(new RpcTarget()).length);
attempt("new ServiceStub", () => new workers.ServiceStub());
attempt("waitUntil", () => [waitUntil.name, waitUntil.length].join(" "));
attempt("waitUntil at the top level", () => waitUntil(Promise.resolve()));
attempt("restore", () => String(workers.restore));
attempt("cache", () => Object.keys(workers.cache).length + " " + workers.cache.purge);
attempt("exports at the top level", () => Object.keys(workers.exports).length + " " + workers.exports.default);
attempt("env at the top level", () => [typeof env, Object.keys(env).join(","), env.NAME, "NAME" in env, JSON.stringify(env)].join(" "));

class Counter extends DurableObject {}
class Target extends RpcTarget {}
attempt("subclasses", () => [Object.getPrototypeOf(Counter) === DurableObject, new Target() instanceof RpcTarget,
  Object.prototype.toString.call(new Target())].join(" "));
attempt("new Counter", () => new Counter({}, {}));

let made = 0;

export default class Main extends WorkerEntrypoint {
  constructor(ctx, envArg) {
    super(ctx, envArg);
    this.number = ++made;
    this.constructed = [arguments.length, this.ctx === ctx, this.env === envArg, Object.keys(this).join(",")].join(" ");
  }

  async fetch(request, second, third) {
    const path = new URL(request.url).pathname;
    const out = [];
    out.push(`instance ${this.number} of ${made}`);
    out.push(`constructed ${this.constructed}`);
    out.push(`fetch arguments ${arguments.length} ${second} ${third}`);
    out.push(`instanceof ${this instanceof Main} ${this instanceof WorkerEntrypoint} ${this instanceof DurableObject} ${Object.prototype.toString.call(this)}`);
    out.push(`ctx ${Object.prototype.toString.call(this.ctx)} ${typeof this.ctx.waitUntil}`);
    out.push(`this.env ${this.env.NAME} ${JSON.stringify(this.env)}`);
    out.push(`env ${env.NAME} ${Object.keys(env).join(",")} same=${env === this.env}`);
    env.ADDED = path;
    out.push(`env written through the module ${this.env.ADDED}`);
    delete env.ADDED;
    this.ctx.waitUntil(new Promise((resolve) => setTimeout(() => {
      console.log(`ctx.waitUntil done ${path}`);
      resolve();
    }, 20)));
    waitUntil(new Promise((resolve) => setTimeout(() => {
      console.log(`waitUntil done ${path}`);
      resolve();
    }, 40)));
    if (path === "/") out.push(...lines);
    return new Response(out.join("\n") + "\n");
  }
}

export { Counter, Target };
