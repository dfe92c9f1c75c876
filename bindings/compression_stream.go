package bindings

// CompressionStream, DecompressionStream, TextEncoderStream,
// TextDecoderStream, IdentityTransformStream and FixedLengthStream
// (js/zstreams.js), TransformStreams over the codecs of
// compression_codec.go and the text encoders.

import (
	_ "embed"
	"errors"
	"math"
	"math/big"

	"github.com/dop251/goja"
)

//go:embed js/zstreams.js
var zstreamsSource string

// installMoreStreams defines the transform streams of js/zstreams.js. It
// runs after installWritableStreams (TransformStream) and the text
// encoders.
func (rl *Realm) installMoreStreams() {
	factory, _ := goja.AssertFunction(rl.mustRun("zstreams.js", zstreamsSource))
	g := rl.vm.GlobalObject()
	v, err := factory(goja.Undefined(), g.Get("TransformStream"), g.Get("TextEncoder"), g.Get("TextDecoder"), rl.zstreamsHelpers())
	if err != nil {
		panic(err)
	}
	exports := v.(*goja.Object)
	for _, name := range []string{
		"CompressionStream", "DecompressionStream", "TextEncoderStream", "TextDecoderStream",
		"IdentityTransformStream", "FixedLengthStream",
	} {
		rl.global(name, exports.Get(name))
	}
}

// zstreamsHelpers are the Go functions js/zstreams.js calls.
func (rl *Realm) zstreamsHelpers() *goja.Object {
	h := rl.vm.NewObject()
	set := func(name string, f func(goja.FunctionCall) goja.Value) { _ = h.Set(name, f) }
	set("bytes", func(call goja.FunctionCall) goja.Value {
		b, ok := rl.bufferSource(call.Argument(0))
		if !ok {
			return goja.Null()
		}
		return rl.newUint8Array(b)
	})
	set("compressor", func(call goja.FunctionCall) goja.Value {
		c := newCompressor(call.Argument(0).String())
		return rl.codecObject(
			func(b []byte) ([]byte, error) { return c.push(b), nil },
			func() ([]byte, error) { return c.finish(), nil },
			func() {})
	})
	set("decompressor", func(call goja.FunctionCall) goja.Value {
		d := newDecompressor(rl.rt.Context(), call.Argument(0).String())
		if owner := rl.rt.Current(); owner != nil {
			d.forget = owner.OnEnd(d.stop)
		}
		return rl.codecObject(d.push, d.finish, d.abort)
	})
	set("length", func(call goja.FunctionCall) goja.Value { return rl.vm.ToValue(rl.fixedLength(call.Argument(0))) })
	set("setLength", func(call goja.FunctionCall) goja.Value {
		rl.callHelper(rl.streams.setLength, call.Argument(0), call.Argument(1))
		return goja.Undefined()
	})
	return h
}

// codecObject wraps a codec's push, finish and abort for js/zstreams.js;
// a codecError is thrown as a TypeError with its message.
func (rl *Realm) codecObject(push func([]byte) ([]byte, error), finish func() ([]byte, error), abort func()) *goja.Object {
	o := rl.vm.NewObject()
	result := func(b []byte, err error) goja.Value {
		var ce *codecError
		if errors.As(err, &ce) {
			rl.throwTypeError(ce.msg)
		} else if err != nil {
			panic(rl.vm.NewGoError(err))
		}
		if len(b) == 0 {
			return goja.Null()
		}
		return rl.newUint8Array(b)
	}
	_ = o.Set("push", func(call goja.FunctionCall) goja.Value {
		b, _ := rl.bufferSource(call.Argument(0))
		return result(push(b))
	})
	_ = o.Set("finish", func(goja.FunctionCall) goja.Value { return result(finish()) })
	_ = o.Set("abort", func(goja.FunctionCall) goja.Value { abort(); return goja.Undefined() })
	return o
}

// fixedLength converts FixedLengthStream's length as workerd does (a
// non-negative integer below 2^53; a fraction is truncated).
func (rl *Realm) fixedLength(v goja.Value) int64 {
	if bi, ok := v.Export().(*big.Int); ok {
		if bi.Sign() < 0 || !bi.IsUint64() {
			rl.throwTypeError("The value cannot be converted because it is either negative and this API " +
				"expects a positive bigint, or the value would be truncated.")
		}
		if bi.Uint64() >= 1<<53 {
			rl.throwTypeError("FixedLengthStream requires an integer expected length less than 2^53.")
		}
		return bi.Int64()
	}
	f := v.ToFloat()
	switch {
	case math.IsNaN(f) || math.IsInf(f, 0):
		rl.throwTypeError("The value cannot be converted because it is not an integer.")
	case f < 0:
		rl.throwTypeError("The value cannot be converted because it is negative and this API expects a positive bigint.")
	case f >= 1<<53:
		rl.throwTypeError("FixedLengthStream requires an integer expected length less than 2^53.")
	}
	return int64(f)
}
