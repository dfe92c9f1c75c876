// Conformance worker: what a script may do at its top level. Timers,
// WebSocketPair, outbound sockets and randomness are refused there; the
// same calls work inside the handler.
const results = [];
function attempt(label, fn) {
  try {
    const v = fn();
    results.push(`${label}: ok ${typeof v}`);
  } catch (e) {
    results.push(`${label}: ${e.constructor.name}: ${e.message}`);
  }
}
attempt("setTimeout", () => setTimeout(() => {}, 1));
attempt("setInterval", () => setInterval(() => {}, 1000));
attempt("WebSocketPair", () => new WebSocketPair());
attempt("WebSocket", () => new WebSocket("ws://127.0.0.1:1/"));
attempt("getRandomValues", () => crypto.getRandomValues(new Uint8Array(2)));
attempt("randomUUID", () => crypto.randomUUID());
attempt("queueMicrotask", () => queueMicrotask(() => {}));

export default {
  fetch() {
    const inHandler = [];
    for (const [label, fn] of [["setTimeout", () => clearTimeout(setTimeout(() => {}, 1))], ["WebSocketPair", () => new WebSocketPair()], ["randomUUID", () => crypto.randomUUID()]]) {
      try { fn(); inHandler.push(`${label} in handler: ok`); } catch (e) { inHandler.push(`${label} in handler: ${e.message}`); }
    }
    return new Response([...results, ...inHandler].join("\n"));
  },
};
