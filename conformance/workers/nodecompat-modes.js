// What each nodejs_compat mode gives: the globals, and node:async_hooks
// (which every mode, nodejs_als included, provides).
import { AsyncLocalStorage } from "node:async_hooks";

export default {
  async fetch() {
    const als = new AsyncLocalStorage();
    const store = await als.run("kept", async () => { await null; return als.getStore(); });
    const lines = [
      "Buffer: " + typeof globalThis.Buffer,
      "process: " + typeof globalThis.process,
      "global: " + (typeof globalThis.global === "object" ? String(globalThis.global === globalThis) : typeof globalThis.global),
      "store: " + store,
      "env: " + (globalThis.process ? JSON.stringify(process.env) : "no process"),
    ];
    return new Response(lines.join("\n") + "\n");
  },
};
