package bindings

// Reading the descriptor arguments of the WebAssembly constructors
// (Memory, Table, Global) with V8's error messages.

import (
	"context"
	"fmt"
	"math"

	"github.com/dop251/goja"

	"workerhost/internal/wasmbin"
)

// wasmDescriptor checks that a constructor's first argument is an object,
// a descriptor of what (memory, table, global).
func (rl *Realm) wasmDescriptor(v goja.Value, fn, what string) *goja.Object {
	o, ok := v.(*goja.Object)
	if !ok {
		rl.throwTypeError(fmt.Sprintf("%s: Argument 0 must be a %s descriptor", fn, what))
	}
	return o
}

// descriptorString reads a property as a string; "" when it is missing.
func descriptorString(desc *goja.Object, name string) string {
	v := desc.Get(name)
	if v == nil || goja.IsUndefined(v) {
		return ""
	}
	return v.String()
}

// wasmLimits reads `initial` (required, at most upper) and `maximum`
// (optional, at most maxUpper) from a descriptor.
func (rl *Realm) wasmLimits(desc *goja.Object, fn string, upper, maxUpper uint32) wasmbin.Limits {
	initial, ok := rl.descriptorNumber(desc, "initial", fn, 0, upper)
	if !ok {
		rl.throwTypeError(fn + ": Property 'initial' is required")
	}
	l := wasmbin.Limits{Min: initial}
	if max, ok := rl.descriptorNumber(desc, "maximum", fn, initial, maxUpper); ok {
		l.Max, l.HasMax = max, true
	}
	return l
}

// descriptorNumber reads an optional integer property within [lower,
// upper].
func (rl *Realm) descriptorNumber(desc *goja.Object, name, fn string, lower, upper uint32) (uint32, bool) {
	v := desc.Get(name)
	if v == nil || goja.IsUndefined(v) {
		return 0, false
	}
	f := rl.toNumber(v)
	if math.IsNaN(f) || math.IsInf(f, 0) || f < 0 || f > math.MaxUint32 {
		rl.throwTypeError(fmt.Sprintf("%s: Property '%s' must be convertible to a valid number", fn, name))
	}
	n := uint32(f)
	if n > upper {
		rl.throwRangeError(fmt.Sprintf("%s: Property '%s': value %d is above the upper bound %d", fn, name, n, upper))
	}
	if n < lower {
		rl.throwRangeError(fmt.Sprintf("%s: Property '%s': value %d is below the lower bound %d", fn, name, n, lower))
	}
	return n, true
}

// wasmIndex reads an unsigned 32-bit argument (an index or a delta), with
// V8's TypeErrors.
func (rl *Realm) wasmIndex(v goja.Value, fn, what string) uint32 {
	f := math.Trunc(rl.toNumber(v))
	switch {
	case math.IsNaN(f) || math.IsInf(f, 0):
		rl.throwTypeError(fmt.Sprintf("%s: %s must be convertible to a valid number", fn, what))
	case f < 0:
		rl.throwTypeError(fmt.Sprintf("%s: %s must be non-negative", fn, what))
	case f > math.MaxUint32:
		rl.throwTypeError(fmt.Sprintf("%s: %s must be in the unsigned long range", fn, what))
	}
	return uint32(f)
}

// backing instantiates one of the small modules that hold a JS-made
// Memory, Table or Global (package wasmbin builds them), as an instance of
// its own, with the given tables.
func (e *wasmEngine) backing(bin []byte, fn string, tables []wasmbin.TableType, acc map[uint32]wasmbin.TableAccessors) *wasmInstance {
	ctx := context.Background()
	cm, err := e.rt.CompileModule(ctx, bin)
	if err != nil {
		e.rl.throwRangeError(fn + ": could not allocate memory")
	}
	mod, err := e.rt.InstantiateModule(ctx, cm, anonymousModule())
	_ = cm.Close(ctx)
	if err != nil {
		e.rl.throwRangeError(fn + ": could not allocate memory")
	}
	return e.newInstance(mod, tables, acc, nil)
}
