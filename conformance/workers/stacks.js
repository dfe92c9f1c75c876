// Conformance worker: V8's stack traces, as error reporters (Sentry,
// toucan-js) parse them: `stack` of constructed errors,
// Error.captureStackTrace and Error.stackTraceLimit. Locations are shown as
// LOC, and whether each frame parses as V8's "    at fn (file:line:col)"
// is checked here, since workerd runs the bundle and workerhost maps
// positions back to the source. V8 names a method's frame after its
// receiver's type ("Object.fetch", "Array.map"), which goja's frames do
// not record: the type is cut here, and one line shows the difference.

const frame = /^ {4}at (?:(.+) \()?(.+):(\d+):(\d+)\)?$/;
const native = /^ {4}at (.+) \(<anonymous>\)$/;

function normalize(stack) {
  const [header, ...frames] = String(stack).split("\n");
  const out = [JSON.stringify(header)];
  for (const f of frames) {
    const m = frame.exec(f);
    if (m) {
      out.push(m[1] === undefined ? "at LOC" : `at ${receiverless(m[1])} (LOC)`);
    } else if (native.test(f)) {
      out.push(`at ${receiverless(native.exec(f)[1])} (<anonymous>)`);
    } else {
      out.push(`UNPARSED ${JSON.stringify(f)}`);
    }
  }
  return out.join(" | ");
}

function receiverless(name) {
  return name.replace(/^[A-Z][\w$]*\./, "");
}

function inner() {
  return new Error("boom");
}
function outer() {
  return inner();
}
function capture(o, fn) {
  Error.captureStackTrace(o, fn);
  return o;
}
function viaCapture(o) {
  return capture(o, viaCapture);
}

export default {
  async fetch() {
    const out = [];
    const p = (label, v) => out.push(`${label}: ${v}`);
    p("new Error", normalize(outer().stack));
    p("a method's frame", outer().stack.split("\n")[3].replace(/ \(.*/, ""));
    p("new TypeError", normalize(new TypeError("t").stack));
    p("Error()", normalize(Error("called").stack));
    p("RangeError()", normalize(RangeError("called").stack));
    class MyError extends Error {
      constructor(m) {
        super(m);
        this.name = "MyError";
      }
    }
    p("subclass", normalize(new MyError("mine").stack));
    class Deeper extends MyError {}
    p("subclass of a subclass", normalize(new Deeper("deep").stack));
    p("anonymous function", normalize([1].map(() => new Error("a"))[0].stack));
    p("message set later", (() => {
      const e = new Error("first");
      e.message = "second";
      return normalize(e.stack);
    })());
    p("captureStackTrace", normalize(capture({}).stack));
    p("captureStackTrace named", normalize(capture({ name: "N", message: "m" }).stack));
    p("captureStackTrace with fn", normalize(viaCapture({}).stack));
    p("captureStackTrace with absent fn", normalize(capture({}, function absent() {}).stack));
    p("captureStackTrace(5)", (() => {
      try {
        Error.captureStackTrace(5);
        return "ok";
      } catch (e) {
        return `${e.name}: ${e.message}`;
      }
    })());
    const d = Object.getOwnPropertyDescriptor(capture({}), "stack");
    p("captured stack descriptor", `${typeof d.get} ${typeof d.set} ${d.enumerable} ${d.configurable}`);
    const s = Object.getOwnPropertyDescriptor(new Error("x"), "stack");
    p("error stack is own", `${s !== undefined} enumerable=${s && s.enumerable}`);
    p("stack is writable", (() => {
      const e = new Error("w");
      e.stack = "replaced";
      return e.stack;
    })());
    p("stackTraceLimit", `${Error.stackTraceLimit} ${JSON.stringify(Object.getOwnPropertyDescriptor(Error, "stackTraceLimit"))}`);
    p("captureStackTrace shape", `${Error.captureStackTrace.name}/${Error.captureStackTrace.length} ${Object.keys(Error).join(",")}`);
    Error.stackTraceLimit = 1;
    p("limit 1", normalize(outer().stack));
    Error.stackTraceLimit = 0;
    p("limit 0", normalize(outer().stack));
    Error.stackTraceLimit = 10;
    await null;
    p("after await", normalize(outer().stack));
    p("constructors", [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError, AggregateError].map((c) => `${c.name}/${c.length}`).join(" "));
    p("prototype chain", `${Object.getPrototypeOf(TypeError) === Error} ${TypeError.prototype.constructor === TypeError} ${new TypeError() instanceof Error}`);
    p("engine error instanceof", (() => {
      try {
        null.x;
      } catch (e) {
        return `${e instanceof TypeError} ${e.constructor === TypeError}`;
      }
    })());
    p("toString", Function.prototype.toString.call(Error));
    p("Error.prototype", JSON.stringify(Object.getOwnPropertyDescriptor(Error, "prototype")));
    p("cause", new Error("c", { cause: 5 }).cause);
    p("AggregateError", (() => {
      const e = new AggregateError([1, 2], "agg");
      return `${e.errors.length} ${e.message} ${normalize(e.stack).split(" | ")[0]}`;
    })());
    return new Response(out.join("\n"));
  },
};
