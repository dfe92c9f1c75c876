// The global scope's shape and events (surface_cases.go): globalThis's
// prototype chain, its classes' constructors, origin, ExtendableEvent, and
// "unhandledrejection" events with PromiseRejectionEvent.

addEventListener("unhandledrejection", (e) => {
  console.log("unhandledrejection:", e.constructor.name, e.type, String(e.reason), e.promise instanceof Promise, e.cancelable, e.isTrusted);
});

function attempt(f) {
  try {
    return String(f());
  } catch (e) {
    return "throws " + e.name + ": " + e.message;
  }
}

function shape() {
  const chain = [];
  for (let o = Object.getPrototypeOf(globalThis); o; o = Object.getPrototypeOf(o)) chain.push(o.constructor.name);
  const lines = [
    "chain: " + chain.join(" > "),
    "toString: " + Object.prototype.toString.call(globalThis),
    "origin: " + JSON.stringify(origin),
    "new ServiceWorkerGlobalScope: " + attempt(() => new ServiceWorkerGlobalScope()),
    "new WorkerGlobalScope: " + attempt(() => new WorkerGlobalScope()),
    "fetch on prototype: " + (ServiceWorkerGlobalScope.prototype.fetch === fetch),
    "Request on prototype: " + (ServiceWorkerGlobalScope.prototype.Request === Request),
    "EventTarget on WorkerGlobalScope: " + (WorkerGlobalScope.prototype.EventTarget === EventTarget),
    "globalThis instanceof EventTarget: " + (globalThis instanceof EventTarget),
    "own setTimeout: " + Object.hasOwn(globalThis, "setTimeout"),
    "own queueMicrotask: " + Object.hasOwn(globalThis, "queueMicrotask"),
    "ExecutionContext: " + typeof globalThis.ExecutionContext,
    "GoError: " + typeof globalThis.GoError,
    "new ExtendableEvent: " + attempt(() => new ExtendableEvent("x")),
    "FetchEvent parent: " + Object.getPrototypeOf(FetchEvent.prototype).constructor.name,
    "waitUntil on FetchEvent.prototype: " + Object.hasOwn(FetchEvent.prototype, "waitUntil"),
    "waitUntil on a plain event: " + attempt(() => ExtendableEvent.prototype.waitUntil.call(new Event("x"), Promise.resolve())),
    "new PromiseRejectionEvent: " + attempt(() => new PromiseRejectionEvent("unhandledrejection", {})),
    "Object.keys(globalThis): " + Object.keys(globalThis).join(),
    "origin: " + JSON.stringify(Object.getOwnPropertyDescriptor(globalThis, "origin")),
  ];
  return lines.join("\n") + "\n";
}

export default {
  async fetch(request) {
    const path = new URL(request.url).pathname;
    if (path === "/shape") return new Response(shape());
    if (path === "/reject") {
      Promise.reject(new RangeError("nobody catches this"));
      return new Response("rejected");
    }
    return new Response("not found", { status: 404 });
  },
};
