// Benchmark worker for WebAssembly: POST /sha256?rounds=N with a body of up
// to 64 KiB answers the body's SHA-256 in hex, computed by Rust compiled to
// Wasm (sha256.rs; build.sh builds build/sha256.wasm) N times over, each
// round with the previous digest written over the body's first bytes, so
// that Wasm's time dominates the request's. The module is instantiated
// once, at the top level, as a CompiledWasm import allows.
import sha256Wasm from "./build/sha256.wasm";

const { memory, buf_ptr, buf_cap, sha256_rounds } = new WebAssembly.Instance(sha256Wasm, {}).exports;
const decoder = new TextDecoder();

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname !== "/sha256" || request.method !== "POST") {
      return new Response("POST /sha256?rounds=N with a body of up to 64 KiB\n", { status: 404 });
    }
    const body = new Uint8Array(await request.arrayBuffer());
    if (body.length > buf_cap()) {
      return new Response(`the body is over ${buf_cap()} bytes\n`, { status: 413 });
    }
    const rounds = Math.min(Math.max(Number(url.searchParams.get("rounds")) || 1, 1), 1000);
    // A fresh view each time: memory.grow would detach an old one.
    new Uint8Array(memory.buffer, buf_ptr(), body.length).set(body);
    const hex = sha256_rounds(body.length, rounds);
    return new Response(decoder.decode(new Uint8Array(memory.buffer, hex, 64)));
  },
};
