package conformance

// watBuild builds scripts/wasm-wat/build/edge.wasm from edge.wat.
var watBuild = &Build{Dir: "../scripts/wasm-wat", Tools: []Tool{toolWat2Wasm}}

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
