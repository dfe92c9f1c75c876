// Conformance worker: the performance global, which Go's wasm_exec.js reads
// its clock from. In workerd, performance.now() is Date.now() (timeOrigin
// is 0) and reads 0 at the top level.
const top = { now: performance.now(), timeOrigin: performance.timeOrigin };

function attempt(label, fn) {
  try {
    return `${label}: ${JSON.stringify(fn())}`;
  } catch (e) {
    return `${label}: ${e.constructor.name}: ${e.message}`;
  }
}

export default {
  async fetch() {
    const lines = [`top level: now ${top.now}, timeOrigin ${top.timeOrigin}`];
    const a = performance.now();
    const d = Date.now();
    lines.push(
      attempt("integer", () => Number.isInteger(a)),
      attempt("within a millisecond of Date.now()", () => Math.abs(a - d) <= 1),
      attempt("timeOrigin", () => performance.timeOrigin),
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    lines.push(
      attempt("advanced by the timer's 30 ms or more", () => performance.now() - a >= 30),
      attempt("toJSON()", () => performance.toJSON()),
      attempt("String(performance)", () => String(performance)),
      attempt("instanceof Performance", () => performance instanceof Performance),
      attempt("instanceof EventTarget", () => performance instanceof EventTarget),
      attempt("typeof performance.now", () => typeof performance.now),
      attempt("now is inherited", () => Object.hasOwn(performance, "now") === false && Object.hasOwn(Performance.prototype, "now")),
      attempt("new Performance()", () => new Performance()),
      attempt("now.call({})", () => performance.now.call({})),
      attempt("detached now()", () => { const now = performance.now; return now(); }),
      attempt("timeOrigin getter on {}", () => Object.getOwnPropertyDescriptor(Performance.prototype, "timeOrigin").get.call({})),
      attempt("addEventListener", () => typeof performance.addEventListener),
    );
    return new Response(lines.join("\n") + "\n");
  },
};
