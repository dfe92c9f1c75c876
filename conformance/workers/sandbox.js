// Conformance worker: the sandbox. Code cannot be compiled from strings (eval,
// the Function constructor and its async and generator relatives throw
// EvalError), while functions themselves work as usual; the script sees no
// require() and, without Node.js compatibility, no process. One route per
// rule, a line per probe.

const g = globalThis;

// attempt reports what fn returned or threw.
function attempt(out, label, fn) {
  try {
    const v = fn();
    out.push(`${label}: ok ${typeof v === "function" ? "function" : String(v)}`);
  } catch (e) {
    out.push(`${label}: throws ${e.constructor.name}: ${e.message} (EvalError.prototype: ${Object.getPrototypeOf(e) === EvalError.prototype})`);
  }
}

const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;
const AsyncGeneratorFunction = Object.getPrototypeOf(async function* () {}).constructor;

const routes = {
  "/eval": (out) => {
    attempt(out, "eval('1+1')", () => eval("1+1"));
    attempt(out, "(0, eval)('1+1')", () => (0, eval)("1+1"));
    attempt(out, "globalThis.eval('1+1')", () => g.eval("1+1"));
    attempt(out, "eval in a strict function", () => { "use strict"; return eval("1"); });
    attempt(out, "eval('')", () => eval(""));
    attempt(out, "eval(5)", () => eval(5));
    attempt(out, "eval(null)", () => eval(null));
    attempt(out, "eval()", () => eval());
    attempt(out, "eval(undefined)", () => eval(undefined));
  },
  "/function": (out) => {
    attempt(out, "new Function('return 1')", () => new Function("return 1"));
    attempt(out, "Function('return 1')", () => Function("return 1"));
    attempt(out, "Function('a', 'return a')", () => Function("a", "return a"));
    attempt(out, "Function('')", () => Function(""));
    attempt(out, "Function.apply", () => Function.apply(null, ["return 1"]));
    attempt(out, "Reflect.construct", () => Reflect.construct(Function, ["return 1"]));
    attempt(out, "(function () {}).constructor('return 1')", () => (function () {}).constructor("return 1"));
    attempt(out, "(() => 1).constructor('return 1')", () => (() => 1).constructor("return 1"));
    attempt(out, "class extends Function", () => { class F extends Function {} return new F("return 1"); });
    attempt(out, "Function() with no arguments", () => Function());
    attempt(out, "calling it", () => Function()());
    attempt(out, "new Function() with no arguments", () => new Function());
  },
  "/constructors": (out) => {
    attempt(out, "AsyncFunction('return 1')", () => AsyncFunction("return 1"));
    attempt(out, "new AsyncFunction('return 1')", () => new AsyncFunction("return 1"));
    attempt(out, "AsyncFunction()", () => AsyncFunction());
    attempt(out, "GeneratorFunction('yield 1')", () => GeneratorFunction("yield 1"));
    attempt(out, "GeneratorFunction()", () => GeneratorFunction());
    attempt(out, "AsyncGeneratorFunction('yield 1')", () => AsyncGeneratorFunction("yield 1"));
  },
  "/still-works": (out) => {
    const f = function named(a, b) { return this.x + a + b; };
    out.push(`typeof Function: ${typeof Function}, typeof eval: ${typeof eval}`);
    out.push(`names: ${Function.name} ${Function.length} ${eval.name} ${eval.length} ${AsyncFunction.name} ${AsyncFunction.length} ${GeneratorFunction.name}`);
    out.push(`sources: ${Function} | ${eval} | ${AsyncFunction}`);
    out.push(`instanceof Function: ${f instanceof Function} ${(async () => 1) instanceof Function} ${(function* () {}) instanceof Function} ${({}) instanceof Function}`);
    out.push(`instanceof AsyncFunction: ${(async () => 1) instanceof AsyncFunction} ${f instanceof AsyncFunction}`);
    out.push(`instanceof GeneratorFunction: ${(function* () {}) instanceof GeneratorFunction}`);
    out.push(`constructor is Function: ${f.constructor === Function} ${Function.prototype.constructor === Function}`);
    out.push(`prototype chain: ${Object.getPrototypeOf(Function) === Function.prototype} ${Object.getPrototypeOf(AsyncFunction) === Function} ${Object.getPrototypeOf(f) === Function.prototype}`);
    out.push(`call, apply, bind: ${f.call({ x: 1 }, 2, 3)} ${f.apply({ x: 1 }, [2, 3])} ${f.bind({ x: 1 }, 2)(3)} ${Function.prototype.call.call(f, { x: 10 }, 0, 0)}`);
    const attrs = (o, k) => { const d = Object.getOwnPropertyDescriptor(o, k); return `${d.writable}/${d.enumerable}/${d.configurable}`; };
    out.push(`globalThis.eval: ${attrs(g, "eval")}, globalThis.Function: ${attrs(g, "Function")}, Function.prototype: ${attrs(Function, "prototype")}`);
    out.push(`Function.prototype.constructor: ${attrs(Function.prototype, "constructor")}, AsyncFunction.prototype.constructor: ${attrs(AsyncFunction.prototype, "constructor")}`);
    out.push(`name and length: ${attrs(Function, "name")} ${attrs(Function, "length")} ${attrs(eval, "name")}`);
  },
  "/require": (out) => {
    for (const name of ["require", "module", "exports", "__dirname", "__filename"]) {
      out.push(`${name}: in globalThis ${name in g}, typeof ${typeof g[name]}`);
    }
  },
  "/process": (out) => {
    for (const name of ["process", "Buffer", "global"]) {
      out.push(`${name}: in globalThis ${name in g}, typeof ${typeof g[name]}`);
    }
  },
};

export default {
  fetch(request) {
    const route = routes[new URL(request.url).pathname];
    if (!route) {
      return new Response("no such route", { status: 404 });
    }
    const out = [];
    route(out);
    return new Response(out.join("\n"));
  },
};
