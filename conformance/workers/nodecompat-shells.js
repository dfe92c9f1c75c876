// The node: modules workerd gives as shells (bindings/node_shells.go):
// for each, its exports, what each function gives when called with no
// arguments, and each class's instance, one path per module, as "label:
// result" lines.
import * as worker_threads from "node:worker_threads";
import * as module from "node:module";
import * as console_ from "node:console";
import * as constants from "node:constants";
import * as readline from "node:readline";
import * as readlinePromises from "node:readline/promises";
import * as tty from "node:tty";
import * as v8 from "node:v8";
import * as vm from "node:vm";
import * as child_process from "node:child_process";
import * as cluster from "node:cluster";
import * as inspector from "node:inspector";
import * as inspectorPromises from "node:inspector/promises";
import * as trace_events from "node:trace_events";
import * as wasi from "node:wasi";
import * as domain from "node:domain";
import * as repl from "node:repl";
import * as http2 from "node:http2";

const modules = {
  worker_threads, module, console: console_, constants, readline, "readline/promises": readlinePromises, tty, v8, vm,
  child_process, cluster, inspector, "inspector/promises": inspectorPromises, trace_events, wasi, domain, repl, http2,
};

// kind describes a value without what differs between runtimes.
function kind(v) {
  if (typeof v === "function") return "function/" + v.length;
  if (v === null) return "null";
  if (typeof v === "symbol") return v.toString();
  if (typeof v === "object") {
    const name = Object.getPrototypeOf(v) === null ? "null-proto" : (v.constructor && v.constructor.name);
    const keys = Object.keys(v).sort();
    return name + "{" + keys.slice(0, 12).join(",") + (keys.length > 12 ? ",..." : "") + "}";
  }
  return typeof v + " " + String(v);
}

function outcome(fn) {
  try {
    return "-> " + kind(fn());
  } catch (e) {
    return "throws " + (e && e.name) + " " + (e && e.code) + " " + (e && e.message);
  }
}

// protoChain names the prototypes of o up to Object.prototype, each with
// its own members.
function protoChain(o) {
  const out = [];
  for (let p = Object.getPrototypeOf(o); p && p !== Object.prototype && p !== Function.prototype; p = Object.getPrototypeOf(p)) {
    out.push((p.constructor && p.constructor.name) + "[" + Object.getOwnPropertyNames(p).filter((k) => k !== "constructor").sort().join(",") + "]");
  }
  return out.join(" < ");
}

const isClass = (f) => typeof f === "function" && /^[A-Z]/.test(f.name || "") && f.prototype !== undefined;

function describe(name, ns, log) {
  log("named", Object.keys(ns).sort().join(","));
  const def = ns.default;
  log("default", kind(def));
  for (const k of Object.keys(def).sort()) {
    const v = def[k];
    if (typeof v !== "function") {
      log("." + k, kind(v));
      continue;
    }
    if (isClass(v)) {
      let inst;
      const made = outcome(() => (inst = new v()));
      log("new ." + k, made);
      if (inst && typeof inst === "object") log("  proto", protoChain(inst));
      continue;
    }
    log("." + k + "()", outcome(() => v.call(def)));
  }
}

// behaviour calls the shells' functions with arguments.
function behaviour(log) {
  const t = (k, f) => log(k, outcome(f));
  t("environment data", () => { worker_threads.setEnvironmentData("a", 1); return worker_threads.getEnvironmentData("a"); });
  t("domain run", () => new domain.Domain().run((x) => x * 2, 21));
  t("domain bind intercept", () => [typeof new domain.Domain().bind(() => 1), typeof new domain.Domain().intercept(() => 1)].join());
  t("tracing", () => { const tr = trace_events.createTracing({ categories: ["a", "b"] }); const r = [tr.categories, tr.enabled]; tr.enable(); r.push(tr.enabled, trace_events.getEnabledCategories()); return r.join(); });
  t("tracing proto", () => Object.getOwnPropertyNames(Object.getPrototypeOf(trace_events.createTracing({ categories: ["a"] }))).sort().join());
  t("tracing no categories", () => trace_events.createTracing({}));
  t("readline question", () => { const i = readline.createInterface({ input: null }); let called = false; i.question("q?", () => { called = true; }); return [called, i.getPrompt(), i.line].join(); });
  t("readline setPrompt", () => { const i = readline.createInterface(); i.setPrompt("> "); return i.getPrompt(); });
  t("v8 setFlagsFromString", () => v8.setFlagsFromString("--x"));
  t("v8 isStringOneByteRepresentation", () => v8.isStringOneByteRepresentation("abc"));
  t("v8 isBuildingSnapshot", () => v8.startupSnapshot.isBuildingSnapshot());
  t("tty WriteStream", () => { const w = new tty.WriteStream(1); return [w.fd, w.isTTY, w.getColorDepth(), w.hasColors(256), w.getWindowSize()].join(); });
  t("tty ReadStream", () => { const r = new tty.ReadStream(0); return [r.fd, r.isRaw, r.setRawMode(true) === r, r.isRaw].join(); });
  t("createRequire", () => [typeof module.createRequire(new URL("file:///bundle/x.js")), typeof module.createRequire("/x")("path").join].join());
  t("createRequire relative", () => module.createRequire("x.js"));
  t("cluster Worker process", () => typeof new cluster.Worker().process);
  t("vm runInContext", () => vm.runInContext("1", {}));
  t("child_process exec", () => child_process.exec("ls"));
  t("isBuiltin", () => ["node:fs", "fs", "nope", "node:nope", "cloudflare:sockets"].map((n) => module.isBuiltin(n)).join());
}

export default {
  async fetch(request) {
    const out = [];
    const log = (label, ...vals) => out.push(label + ": " + vals.map(String).join(" "));
    const name = new URL(request.url).pathname.slice(1);
    if (name === "behaviour") {
      behaviour(log);
      return new Response(out.join("\n") + "\n");
    }
    const ns = modules[name];
    if (!ns) return new Response("no such route", { status: 404 });
    describe(name, ns, log);
    return new Response(out.join("\n") + "\n");
  },
};
