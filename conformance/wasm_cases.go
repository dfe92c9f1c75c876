package conformance

import (
	"strings"

	"workerhost/internal/wasmbuild"
)

// watBuild builds scripts/wasm-wat/build/edge.wasm from edge.wat.
var watBuild = &Build{Dir: "../scripts/wasm-wat", Tools: []wasmbuild.Tool{wasmbuild.Wat2Wasm}}

// wasmCases cover WebAssembly: the edge cases of the JS API, from a
// hand-written module (scripts/wasm-wat), one path each.
var wasmCases = []Case{
	watCase("wasm_wat_traps", "/traps"),
	watCase("wasm_wat_memory", "/memory"),
	watCase("wasm_wat_tables", "/tables"),
	watCase("wasm_wat_externref", "/externref"),
	watCase("wasm_wat_throwing_import", "/throwing-import"),
	watCase("wasm_wat_bigint", "/bigint"),
	watCase("wasm_wat_globals", "/globals"),
	watCase("wasm_wat_reflection", "/reflection"),
	watCase("wasm_wat_namespace", "/namespace"),
	watCase("wasm_wat_validate", "/validate"),
	watCase("wasm_wat_compile", "/compile"),
	watCase("wasm_wat_link", "/link"),
	watCase("wasm_wat_js_objects", "/js-objects"),
	{Name: "wasm_wat_uncaught_trap", Script: "../scripts/wasm-wat/worker.js", Build: watBuild, Run: func(s *Session) {
		s.Fetch("GET", "/uncaught-trap", nil, "", "content-type")
		s.Fetch("GET", "/nowhere", nil, "")
	}},
}

// watCase fetches one path of the edge-case worker.
func watCase(name, path string) Case {
	return Case{Name: name, Script: "../scripts/wasm-wat/worker.js", Build: watBuild, Run: func(s *Session) {
		s.Fetch("GET", path, nil, "")
	}}
}

// goBuild builds scripts/wasm-go/build/main.wasm with GOOS=js GOARCH=wasm
// and copies Go's wasm_exec.js beside it.
var goBuild = &Build{Dir: "../scripts/wasm-go", Tools: []wasmbuild.Tool{wasmbuild.Go}}

// wasmGoCases run the WebSockets guide's server written in Go
// (scripts/wasm-go), driven by a real WebSocket client.
var wasmGoCases = []Case{
	{Name: "wasm_go_websocket", Script: "../scripts/wasm-go/worker.js", Build: goBuild, Run: func(s *Session) {
		s.Fetch("GET", "/", nil, "", "content-type")
		ws := s.Dial("/", nil)
		if ws == nil {
			return
		}
		ws.SendText("hello from the client")
		ws.Read()
		s.WaitLog("hello from the client")
		ws.SendBinary([]byte{1, 2, 3, 250})
		ws.Read()
		// A second socket is served by the same Go program.
		ws2 := s.Dial("/", nil)
		if ws2 == nil {
			return
		}
		ws2.SendText("second socket")
		ws2.Read()
		ws.SendText("close")
		ws.Read()
		s.WaitLog("closed: 1000")
		ws2.SendText("still here")
		ws2.Read()
		ws2.Close(4000, "client done")
		s.WaitLog(`closed: 4000 "client done"`)
		s.Fetch("GET", "/", map[string]string{"Upgrade": "websocket-not"}, "")
	}},
}

// rustBuild builds scripts/wasm-rust/build/summary.wasm with Debian's
// rustc for wasm32-unknown-unknown.
var rustBuild = &Build{Dir: "../scripts/wasm-rust", Tools: []wasmbuild.Tool{wasmbuild.RustWasm32}}

// wasmRustCases run a worker whose logic is a no_std Rust library
// (scripts/wasm-rust): strings through linear memory, imports called from
// Rust, and a Rust panic becoming a trap.
var wasmRustCases = []Case{
	{Name: "wasm_rust_summary", Script: "../scripts/wasm-rust/worker.js", Build: rustBuild, Run: func(s *Session) {
		s.Fetch("POST", "/summary", nil, "a\tb \x01 \"q\" naïve 🦀\nsecond line\n", "content-type", "x-sha256-agrees")
		s.WaitLog("[rust] summarized")
		s.Fetch("POST", "/summary", nil, strings.Repeat("two blocks ", 12), "x-sha256-agrees")
		s.Fetch("POST", "/summary", nil, "", "x-sha256-agrees")
		s.Fetch("POST", "/summary", nil, strings.Repeat("x", 56), "x-sha256-agrees") // padding takes a second block
		s.Fetch("GET", "/word?text=one+two+three&n=1", nil, "")
	}},
	{Name: "wasm_rust_panic", Script: "../scripts/wasm-rust/worker.js", Build: rustBuild, Run: func(s *Session) {
		s.Fetch("GET", "/word-caught?text=one+two+three&n=7", nil, "")
		s.WaitLog("[rust] panicked at")
		// Uncaught, the trap fails the request.
		s.Fetch("GET", "/word?text=one+two+three&n=7", nil, "", "content-type")
		s.WaitLog("[rust] panicked at")
		// The worker replaced its instance and carries on.
		s.Fetch("GET", "/word?text=one+two+three&n=2", nil, "")
	}},
}

// wasmResvgCases render SVG to PNG with @resvg/resvg-wasm, a wasm-bindgen
// package from npm (scripts/wasm-resvg; `npm ci` there installs it),
// comparing the PNGs' bytes by digest.
var wasmResvgCases = []Case{
	{Name: "wasm_resvg_png", Script: "../scripts/wasm-resvg/worker.js", Needs: "../scripts/wasm-resvg/node_modules/@resvg/resvg-wasm", Run: func(s *Session) {
		s.FetchDigest("GET", "/card.png", nil, "", "content-type")
		s.FetchDigest("GET", "/card.png?hue=30&bars=4&width=600", nil, "", "content-type")
		s.FetchDigest("POST", "/render", nil, `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><circle cx="10" cy="10" r="8" fill="teal"/></svg>`, "content-type")
		s.Fetch("POST", "/render", nil, "<svg", "content-type")
		s.Fetch("POST", "/render", nil, "not svg at all")
		s.Fetch("GET", "/", nil, "")
	}},
}
