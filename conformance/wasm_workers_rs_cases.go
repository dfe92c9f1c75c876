package conformance

import (
	"strings"

	"workerhost/internal/wasmbuild"
)

// workersRsBuild assembles scripts/wasm-workers-rs/build/worker/ (shim.mjs,
// index_bg.js, index.wasm), laid out as worker-build lays out a workers-rs
// build.
var workersRsBuild = &Build{Dir: "../scripts/wasm-workers-rs", Tools: []wasmbuild.Tool{wasmbuild.Wat2Wasm}}

// workersRsScript is the project's main, as its wrangler.toml names it.
const workersRsScript = "../scripts/wasm-workers-rs/build/worker/shim.mjs"

// workersRsVars are the [vars] of scripts/wasm-workers-rs/wrangler.toml.
var workersRsVars = map[string]string{"GREETING": "hello from wrangler.toml"}

// workersRsDate is the compatibility_date of its wrangler.toml.
const workersRsDate = "2025-01-01"

// wasmWorkersRsCases run a workers-rs-shaped project: a WorkerEntrypoint
// shim instantiating Wasm synchronously, wasm-bindgen-style glue with
// externref tables, closures and strings through linear memory, serving
// HTTP and the WebSockets guide's server from Wasm.
var wasmWorkersRsCases = []Case{
	{Name: "wasm_workers_rs", Script: workersRsScript, CompatibilityDate: workersRsDate, Vars: workersRsVars, Build: workersRsBuild, Run: func(s *Session) {
		s.Fetch("GET", "/", nil, "", "content-type")
		s.Fetch("GET", "/hello", nil, "", "content-type")
		// The hash has its top bit set: it reaches JS as a u64 BigInt.
		s.Fetch("POST", "/echo", nil, "hello workerhost", "content-type", "x-fnv1a64")
		s.Fetch("POST", "/echo", nil, "naïve café ☕", "x-fnv1a64")
		// 300 KB does not fit the Wasm's first 17 pages: memory grows while
		// the body is copied in, and the glue's cached views must follow.
		s.Fetch("POST", "/echo", nil, strings.Repeat("workers-rs ", 30000), "x-fnv1a64")
		s.WaitLog("[wasm] memory grew")
		s.Fetch("POST", "/echo", nil, strings.Repeat("0123456789", 30000), "x-fnv1a64")
		s.Fetch("GET", "/hello", nil, "")
		s.Fetch("GET", "/echo", nil, "")
		s.Fetch("GET", "/header?name=user-agent", nil, "")
		// Headers.get throws; the glue hands the TypeError to the Wasm.
		s.Fetch("GET", "/header?name=x:y", nil, "")
		s.Fetch("GET", "/header?name=x-missing", nil, "")
		s.Fetch("GET", "/nowhere", nil, "")
		ws := s.Dial("/", nil)
		if ws == nil {
			return
		}
		ws.SendText("hello wasm")
		ws.Read()
		ws.SendText("naïve café")
		ws.Read()
		ws.SendBinary([]byte{1, 2, 3, 250})
		ws.Read()
		ws.SendBinary(make([]byte, 70000))
		ws.Read()
		ws2 := s.Dial("/", nil)
		if ws2 == nil {
			return
		}
		ws2.SendText("second socket")
		ws2.Read()
		// "close" makes the server close with 1000; the message listener
		// drops itself while it runs, so the glue destroys it through the
		// exported function table.
		ws.SendText("close")
		ws.Read()
		s.WaitLog("[wasm] message listener dropped")
		s.WaitLog("[wasm] socket closed: 1000")
		ws2.SendText("still here")
		ws2.Read()
		ws2.Close(4000, "client done")
		s.WaitLog("[wasm] socket closed: 4000")
	}},
	{Name: "wasm_workers_rs_panic", Script: workersRsScript, CompatibilityDate: workersRsDate, Vars: workersRsVars, Build: workersRsBuild, Run: func(s *Session) {
		s.Fetch("GET", "/hello", nil, "")
		// The panic runs in a microtask, as a workers-rs future does: the
		// trap is uncaught there and the response promise never settles.
		s.Fetch("GET", "/panic", nil, "", "content-type")
		s.WaitLog("panicked at src/lib.rs:87:13:")
		s.WaitLog("explicit panic: GET /panic")
		// The instance carries on.
		s.Fetch("GET", "/hello", nil, "")
		s.Fetch("POST", "/echo", nil, "after the panic", "x-fnv1a64")
	}},
}
