// A worker whose logic is Rust compiled to WebAssembly (src/lib.rs, no
// crates): POST /summary answers a JSON summary of the body, computed in
// Rust, checked against crypto.subtle's SHA-256; GET /word?text=…&n=…
// answers the length of word n, and a missing word is a Rust panic, which
// traps. /word-caught shows that trap as the script sees it.
import { Summary } from "./summary.js";

// summary is replaced after a trap: a panicked Rust module's state is not
// to be trusted.
let summary = new Summary();

// hex renders a digest.
function hex(buf) {
  return Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, "0")).join("");
}

// withFreshAfterTrap runs fn and replaces the instance if it throws.
function withFreshAfterTrap(fn) {
  try {
    return fn();
  } catch (e) {
    summary = new Summary();
    throw e;
  }
}

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === "/summary" && request.method === "POST") {
      const body = await request.text();
      const json = withFreshAfterTrap(() => summary.summarize(body));
      const digest = hex(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body)));
      return new Response(json, {
        headers: {
          "content-type": "application/json",
          "x-sha256-agrees": String(JSON.parse(json).sha256 === digest),
        },
      });
    }
    const text = url.searchParams.get("text") ?? "";
    const n = Number(url.searchParams.get("n") ?? 0);
    if (url.pathname === "/word") {
      return new Response(String(withFreshAfterTrap(() => summary.wordLength(text, n))));
    }
    if (url.pathname === "/word-caught") {
      const before = summary;
      try {
        return new Response(String(withFreshAfterTrap(() => summary.wordLength(text, n))));
      } catch (e) {
        const kind = e instanceof WebAssembly.RuntimeError ? "WebAssembly.RuntimeError" : e.constructor.name;
        return new Response(`${kind}: ${e.message}\nRust said: ${before.lastPanic}\n`, { status: 500 });
      }
    }
    return new Response("POST /summary with a text body, or GET /word?text=...&n=...\n", { status: 404 });
  },
};
