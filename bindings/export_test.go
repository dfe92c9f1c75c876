package bindings

// DecodeUTF8KeepBOM exposes the one UTF-8 decoder to the fuzz test.
var DecodeUTF8KeepBOM = decodeUTF8KeepBOM

// ExternrefCount is how many externref handles a realm's Wasm engine holds.
func ExternrefCount(rl *Realm) int {
	if rl.wasm.engine == nil {
		return 0
	}
	return len(rl.wasm.engine.refs.values)
}

// WasmOpenInstances is how many Wasm instances (and modules behind
// JS-made memories, tables and globals) a realm's engine has open.
func WasmOpenInstances(rl *Realm) int {
	if rl.wasm.engine == nil {
		return 0
	}
	return rl.wasm.engine.open
}
