// Shared by the Durable Object conformance workers (durable-*.js): a report
// of labelled results, one line each, for a response body. Values are shown
// with their type, and Maps, Sets, Dates, typed arrays and errors spelled
// out, so that a transcript tells apart what JSON would not.

// show renders a value for a transcript line.
export function show(v) {
  if (v === undefined) return "undefined";
  if (v === null) return "null";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
  if (typeof v === "bigint") return v + "n";
  if (typeof v === "boolean") return String(v);
  if (typeof v === "symbol") return "symbol " + String(v.description);
  if (typeof v === "function") return "function";
  if (Array.isArray(v)) return "[" + v.map(show).join(", ") + "]";
  if (v instanceof Map) return "Map{" + [...v].map(([k, x]) => show(k) + " => " + show(x)).join(", ") + "}";
  if (v instanceof Set) return "Set{" + [...v].map(show).join(", ") + "}";
  if (v instanceof Date) return "Date(" + (isNaN(v.getTime()) ? "invalid" : v.toISOString()) + ")";
  if (v instanceof RegExp) return "RegExp(" + String(v) + ")";
  if (v instanceof ArrayBuffer) return "ArrayBuffer[" + new Uint8Array(v).join(",") + "]";
  if (ArrayBuffer.isView(v)) return v.constructor.name + "[" + Array.from(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)).join(",") + "]";
  if (v instanceof Error) return v.constructor.name + "(" + JSON.stringify(v.message) + ")";
  const proto = Object.getPrototypeOf(v);
  const name = proto === null ? "null-prototype" : proto === Object.prototype ? "" : proto.constructor.name;
  return name + "{" + Object.keys(v).map((k) => k + ": " + show(v[k])).join(", ") + "}";
}

// thrown renders what a call threw: its class, name when it differs, and
// message.
export function thrown(e) {
  if (!(e instanceof Error) && !(e instanceof DOMException)) return "threw " + show(e);
  const cls = e.constructor.name;
  const name = e.name !== cls ? " (name " + e.name + ")" : "";
  return "threw " + cls + name + ": " + e.message;
}

// Report collects "label: result" lines.
export class Report {
  constructor() {
    this.lines = [];
  }

  // add runs f (sync or async) and records what it returned, or threw.
  async add(label, f) {
    let line;
    try {
      line = show(await f());
    } catch (e) {
      line = thrown(e);
    }
    this.lines.push(label + ": " + line);
  }

  // note records a line as it is.
  note(line) {
    this.lines.push(line);
  }

  // response is the report as a text response.
  response(init) {
    return new Response(this.lines.join("\n") + "\n", init);
  }
}
