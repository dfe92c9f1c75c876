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
	"workerhost/internal/config"
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
	// A DOMException's stack says where it was made, so only the start of
	// workerd's bytes (tag 8, name, message, then the stack) is compared.
	r.Run("domexception.js", `
		const hex = v8hex(new DOMException("m", "NotFoundError"));
		assertEq(hex.slice(0, 40), "ff0f5c080d4e6f74466f756e644572726f72016d", "name and message");
		const stackHex = Array.from("NotFoundError: m", (c) => c.charCodeAt(0).toString(16)).join("");
		assertEq([42, 44].includes(hex.indexOf(stackHex, 40)), true, "stack after its length");
	`)
}

// TestCloneErrorsMatchWorkerd checks what cannot be cloned: each kind's
// error, as workerd throws it.
func TestCloneErrorsMatchWorkerd(t *testing.T) {
	t.Parallel()
	r := cloneRuntime(t, bindings.Options{})
	r.Run("workerd_errors.js", `checkWorkerdErrors()`)
}

// TestCloneBehavesAsWorkerd checks structuredClone's options, transfer,
// identity and finer points against what workerd did.
func TestCloneBehavesAsWorkerd(t *testing.T) {
	t.Parallel()
	r := cloneRuntime(t, bindings.Options{})
	r.Run("workerd_behaviours.js", `checkWorkerdBehaviours()`)
}

// TestLegacyErrorsMatchWorkerd checks errors under the compatibility flag
// legacy_error_serialization, written in V8's own format.
func TestLegacyErrorsMatchWorkerd(t *testing.T) {
	t.Parallel()
	compat, err := config.NewCompat("2026-11-01", []string{"legacy_error_serialization"})
	if err != nil {
		t.Fatal(err)
	}
	r := cloneRuntime(t, bindings.Options{Compat: compat})
	r.Run("legacy_errors.js", `checkLegacyErrors()`)
}

// cloneBenchValue is a typical stored value: a record with strings,
// numbers, a date, a list and a nested object.
const cloneBenchValue = `({ id: 42, name: "Ada Lovelace", email: "ada@example.com", active: true,
	created: new Date(1700000000000), tags: ["admin", "math", "engine"], score: 98.5,
	address: { city: "London", street: "St James's Square", zip: "SW1Y" } })`

// BenchmarkSerialize writes the value to bytes, as storage.put does.
func BenchmarkSerialize(b *testing.B) {
	r := bindingstest.NewRuntime(b, bindings.Options{})
	r.Set("serialize", func(call goja.FunctionCall) goja.Value {
		v := call.Argument(0)
		b.ReportAllocs()
		b.ResetTimer()
		for range b.N {
			if _, err := r.Realm().Serialize(v); err != nil {
				panic(err)
			}
		}
		return goja.Undefined()
	})
	r.Run("bench.js", "serialize("+cloneBenchValue+")")
}

// BenchmarkDeserialize reads the value back, as storage.get does.
func BenchmarkDeserialize(b *testing.B) {
	r := bindingstest.NewRuntime(b, bindings.Options{})
	r.Set("deserialize", func(call goja.FunctionCall) goja.Value {
		data, err := r.Realm().Serialize(call.Argument(0))
		if err != nil {
			panic(err)
		}
		b.ReportAllocs()
		b.ResetTimer()
		for range b.N {
			if _, err := r.Realm().Deserialize(data); err != nil {
				panic(err)
			}
		}
		return goja.Undefined()
	})
	r.Run("bench.js", "deserialize("+cloneBenchValue+")")
}

// BenchmarkStructuredClone clones the value.
func BenchmarkStructuredClone(b *testing.B) {
	r := bindingstest.NewRuntime(b, bindings.Options{})
	r.Set("N", b.N)
	b.ReportAllocs()
	b.ResetTimer()
	r.Run("bench.js", "const v = "+cloneBenchValue+"; for (let i = 0; i < N; i++) structuredClone(v);")
}
