package bindings

// Conversion between JS values and Wasm values, as the JS API's
// ToWebAssemblyValue and ToJSValue: i32 as Number, i64 as BigInt, f32 and
// f64 as Number, externref as any JS value (held in the externref table),
// funcref as an exported function or null.

import (
	"math"
	"math/big"
	"reflect"
	"strings"

	"github.com/dop251/goja"
	"github.com/tetratelabs/wazero/api"

	"workerhost/internal/wasmbin"
)

var (
	two64      = new(big.Int).Lsh(big.NewInt(1), 64)
	bigIntType = reflect.TypeOf((*big.Int)(nil))
)

// toWasm converts a JS value to a Wasm value of type t, throwing V8's
// TypeError where the JS API does.
func (e *wasmEngine) toWasm(v goja.Value, t byte) uint64 {
	rl := e.rl
	switch t {
	case wasmbin.I32:
		return uint64(uint32(toInt32(rl.toNumber(v))))
	case wasmbin.I64:
		return uint64(rl.toBigInt64(v))
	case wasmbin.F32:
		return api.EncodeF32(float32(rl.toNumber(v)))
	case wasmbin.F64:
		return api.EncodeF64(rl.toNumber(v))
	case wasmbin.Externref:
		return e.refs.put(v)
	case wasmbin.Funcref:
		if goja.IsNull(v) {
			return 0
		}
		rl.throwTypeError("type incompatibility when transforming from/to JS")
	}
	rl.throwTypeError("type incompatibility when transforming from/to JS")
	return 0
}

// fromWasm converts a Wasm value of type t to JS.
func (e *wasmEngine) fromWasm(bits uint64, t byte) goja.Value {
	vm := e.rl.vm
	switch t {
	case wasmbin.I32:
		return vm.ToValue(int32(bits))
	case wasmbin.I64:
		return vm.ToValue(big.NewInt(int64(bits)))
	case wasmbin.F32:
		return vm.ToValue(float64(api.DecodeF32(bits)))
	case wasmbin.F64:
		return vm.ToValue(api.DecodeF64(bits))
	case wasmbin.Externref:
		return e.refs.get(bits)
	case wasmbin.Funcref:
		if bits == 0 {
			return goja.Null()
		}
	}
	e.rl.throwTypeError("type incompatibility when transforming from/to JS")
	return nil
}

// toNumber is ToNumber, which throws for a BigInt (goja would convert it).
func (rl *Realm) toNumber(v goja.Value) float64 {
	if isBigInt(v) {
		rl.throwTypeError("Cannot convert a BigInt value to a number")
	}
	return v.ToFloat()
}

// toBigInt64 is ToBigInt64: a BigInt (or a boolean or numeric string) taken
// modulo 2^64; a Number throws V8's TypeError.
func (rl *Realm) toBigInt64(v goja.Value) int64 {
	var b *big.Int
	if _, ok := v.(*goja.Symbol); ok {
		str, _ := goja.AssertFunction(rl.vm.Get("String"))
		desc, _ := str(goja.Undefined(), v)
		rl.throwTypeError("Cannot convert " + desc.String() + " to a BigInt")
	}
	switch x := safeExport(v).(type) {
	case *big.Int:
		b = x
	case bool:
		if x {
			return 1
		}
		return 0
	case string:
		var ok bool
		if b, ok = stringToBigInt(x); !ok {
			panic(rl.newError("SyntaxError", "Cannot convert "+x+" to a BigInt"))
		}
	default:
		rl.throwTypeError("Cannot convert " + v.String() + " to a BigInt")
	}
	m := new(big.Int).Mod(b, two64)
	return int64(m.Uint64())
}

// toInt32 is ToInt32 of a Number.
func toInt32(f float64) int32 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return int32(uint32(int64(math.Mod(math.Trunc(f), 1<<32))))
}

// isBigInt reports whether v is a BigInt (without copying it, as Export
// would).
func isBigInt(v goja.Value) bool { return v != nil && v.ExportType() == bigIntType }

// isNumber reports whether v is a Number.
func isNumber(v goja.Value) bool {
	switch safeExport(v).(type) {
	case int64, float64:
		return true
	}
	return false
}

// stringToBigInt is StringToBigInt: decimal (leading zeros and all), or
// 0x, 0o or 0b digits, with white space around; "" is 0.
func stringToBigInt(s string) (*big.Int, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return new(big.Int), true
	}
	base := 10
	if len(s) > 2 && s[0] == '0' {
		switch s[1] {
		case 'x', 'X':
			base = 16
		case 'o', 'O':
			base = 8
		case 'b', 'B':
			base = 2
		}
		if base != 10 {
			s = s[2:]
		}
	}
	if strings.ContainsAny(s, "_") || (base != 10 && strings.ContainsAny(s[:1], "+-")) {
		return nil, false
	}
	return new(big.Int).SetString(s, base)
}
