package bindings_test

// The rows of testdata/structured_clone_test.js were recorded from workerd
// 1.20261117.1 (compatibility date 2026-11-01) with a worker whose Durable
// Object class did `await this.ctx.storage.put(name, make())` for each row,
// in a namespace with enableSql = true and
// durableObjectStorage = (localDisk = "disk"), then
// `sqlite3 <object>.sqlite "select key, lower(hex(value)) from _cf_KV"`;
// and whose fetch handler returned describe(structuredClone(make())) for
// each. The legacy error bytes below were recorded the same way with the
// compatibility flag legacy_error_serialization.

import (
	_ "embed"
	"encoding/hex"
	"testing"

	"github.com/dop251/goja"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

//go:embed testdata/structured_clone_test.js
var structuredCloneTestJS string

// cloneRuntime is a runtime with structured_clone_test.js loaded and the
// realm's Serialize and Deserialize as v8hex(value) and v8parse(hex).
func cloneRuntime(t *testing.T, opts bindings.Options) *bindingstest.Runtime {
	t.Helper()
	r := bindingstest.NewRuntime(t, opts)
	rl := r.Realm()
	r.Set("v8hex", func(call goja.FunctionCall) goja.Value {
		b, err := rl.Serialize(call.Argument(0))
		if err != nil {
			panic(err)
		}
		return rl.Runtime().VM().ToValue(hex.EncodeToString(b))
	})
	r.Set("v8parse", func(call goja.FunctionCall) goja.Value {
		b, err := hex.DecodeString(call.Argument(0).String())
		if err != nil {
			panic(rl.Runtime().VM().NewTypeError(err.Error()))
		}
		v, err := rl.Deserialize(b)
		if err != nil {
			panic(rl.Runtime().VM().NewGoError(err))
		}
		return v
	})
	r.Run("structured_clone_test.js", structuredCloneTestJS)
	return r
}

// TestCloneMatchesWorkerd checks every row of workerdCases: the bytes,
// reading workerd's bytes, and structuredClone's result.
func TestCloneMatchesWorkerd(t *testing.T) {
	t.Parallel()
	r := cloneRuntime(t, bindings.Options{})
	r.Run("workerd_cases.js", `checkWorkerdCases()`)
}
