// The WebSockets guide's server, written in Go (main.go) and compiled to
// WebAssembly. build.sh makes build/main.wasm and copies Go's own
// wasm_exec.js, which defines the Go class that runs it, beside it.
import "./build/wasm_exec.js";
import program from "./build/main.wasm";

// go runs the program. It starts on the first request, not at the top
// level: Go's runtime reads random numbers as it starts, which workerd
// allows only inside a handler. go.run returns once main waits for events,
// leaving goHandleRequest on globalThis; if the program ever exits (a
// panic), the next request starts it again.
let go;

export default {
  fetch(request) {
    if (!go || go.exited) {
      go = new Go();
      go.run(new WebAssembly.Instance(program, go.importObject));
    }
    return globalThis.goHandleRequest(request);
  },
};
