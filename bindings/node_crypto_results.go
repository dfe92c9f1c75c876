package bindings

import (
	"errors"

	"github.com/dop251/goja"
)

// The shape node:crypto's Go helpers answer in: a failure is {error} (with
// range set for a RangeError) for the JS side to throw, bytes are an
// ArrayBuffer.

// cryptoFailure is err as the JS side of node:crypto expects a failure.
func (rl *Realm) cryptoFailure(err error) goja.Value {
	r := rl.vm.NewObject()
	_ = r.Set("error", err.Error())
	var re *nodeRangeError
	if errors.As(err, &re) {
		_ = r.Set("range", true)
	}
	return r
}

// cryptoBytes is b as an ArrayBuffer, or err as a failure.
func (rl *Realm) cryptoBytes(b []byte, err error) goja.Value {
	if err != nil {
		return rl.cryptoFailure(err)
	}
	return rl.vm.ToValue(rl.vm.NewArrayBuffer(b))
}

// cryptoHandle is the Go object behind a node:crypto handle the JS side
// passes back, or an Illegal invocation TypeError.
func cryptoHandle[T any](rl *Realm, v goja.Value) *T {
	h, ok := v.Export().(*T)
	if !ok {
		panic(rl.vm.NewTypeError("Illegal invocation"))
	}
	return h
}
