package bindings

import (
	"math/big"
	"reflect"

	"github.com/dop251/goja"
)

// Export types that tell goja's values apart without exporting them.
var (
	typeInt64       = reflect.TypeOf(int64(0))
	typeFloat64     = reflect.TypeOf(float64(0))
	typeBool        = reflect.TypeOf(false)
	typeString      = reflect.TypeOf("")
	typeBigInt      = reflect.TypeOf((*big.Int)(nil))
	typeArrayBuffer = reflect.TypeOf(goja.ArrayBuffer{})
	typeMapEntries  = reflect.TypeOf([][2]any(nil))
	typeSetValues   = reflect.TypeOf([]any(nil))
	typePromise     = reflect.TypeOf((*goja.Promise)(nil))
	typeFunc        = reflect.TypeOf((func(goja.FunctionCall) goja.Value)(nil))
	typeCtor        = reflect.TypeOf((func(goja.ConstructorCall) *goja.Object)(nil))
)

// safeExport is v.Export() for a primitive, and for an object that exports
// as a single Go value (an ArrayBuffer, a Promise, a primitive wrapper);
// any other object is nil. goja panics exporting a typed array whose
// buffer was detached (as structuredClone's transfer detaches), or an
// object holding one, and exporting an object copies it whole.
func safeExport(v goja.Value) any {
	if v == nil {
		return nil
	}
	if o, ok := v.(*goja.Object); ok {
		switch o.ExportType() {
		case typeArrayBuffer, typePromise, typeBigInt, typeBool, typeInt64, typeFloat64, typeString:
			return o.Export()
		}
		return nil
	}
	return v.Export()
}

// bufferSource returns a copy of the bytes of an ArrayBuffer or an
// ArrayBufferView (any typed array or DataView, only its byte range), and
// false for any other value. The copy is taken now, so later writes by the
// script to the buffer do not change it.
func (rl *Realm) bufferSource(v goja.Value) ([]byte, bool) {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	if ab, ok := safeExport(o).(goja.ArrayBuffer); ok {
		return append([]byte(nil), ab.Bytes()...), true
	}
	if !rl.isArrayBufferView(o) {
		return nil, false
	}
	ab, ok := safeExport(o.Get("buffer")).(goja.ArrayBuffer)
	if !ok {
		return nil, false
	}
	off, n := o.Get("byteOffset").ToInteger(), o.Get("byteLength").ToInteger()
	b := ab.Bytes()
	if off < 0 || n < 0 || off+n > int64(len(b)) {
		return nil, false
	}
	return append([]byte(nil), b[off:off+n]...), true
}

// isArrayBufferView is ArrayBuffer.isView.
func (rl *Realm) isArrayBufferView(o *goja.Object) bool {
	if rl.isView == nil {
		ab := rl.vm.Get("ArrayBuffer").(*goja.Object)
		rl.isView, _ = goja.AssertFunction(ab.Get("isView"))
	}
	res, err := rl.isView(goja.Undefined(), o)
	return err == nil && res.ToBoolean()
}

// newArrayBuffer returns a fresh ArrayBuffer holding b.
func (rl *Realm) newArrayBuffer(b []byte) goja.Value {
	return rl.vm.ToValue(rl.vm.NewArrayBuffer(b))
}

// newUint8Array returns a fresh Uint8Array over a copy of b.
func (rl *Realm) newUint8Array(b []byte) goja.Value {
	ctor := rl.vm.Get("Uint8Array").(*goja.Object)
	o, err := rl.vm.New(ctor, rl.newArrayBuffer(b))
	if err != nil {
		panic(err)
	}
	return o
}

// resolved returns a promise already fulfilled with v.
func (rl *Realm) resolved(v goja.Value) goja.Value {
	p, resolve, _ := rl.vm.NewPromise()
	if err := resolve(v); err != nil {
		panic(err)
	}
	return rl.vm.ToValue(p)
}

// rejected returns a promise already rejected with reason.
func (rl *Realm) rejected(reason goja.Value) goja.Value {
	p, _, reject := rl.vm.NewPromise()
	if err := reject(reason); err != nil {
		panic(err)
	}
	return rl.vm.ToValue(p)
}
