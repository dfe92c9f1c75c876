package bindings

// CompressionStream and DecompressionStream (js/compression_streams.js),
// TransformStreams over the codecs of compression_codec.go.

import (
	_ "embed"
	"errors"

	"github.com/dop251/goja"
)

//go:embed js/compression_streams.js
var compressionStreamsSource string

// installCompressionStreams defines CompressionStream and
// DecompressionStream over TransformStream, given the internals
// js/writable.js returned. It runs after installTextEncoder.
func (rl *Realm) installCompressionStreams(transform, writableInternals goja.Value) {
	factory, _ := goja.AssertFunction(rl.mustRun("compression_streams.js", compressionStreamsSource))
	v, err := factory(goja.Undefined(), transform, rl.vm.Get("TextEncoder"), rl.compressionHelpers(), writableInternals)
	if err != nil {
		panic(err)
	}
	exports := v.(*goja.Object)
	for _, name := range []string{"CompressionStream", "DecompressionStream"} {
		rl.global(name, exports.Get(name))
	}
}

// compressionHelpers are the Go functions js/compression_streams.js calls.
func (rl *Realm) compressionHelpers() *goja.Object {
	h := rl.vm.NewObject()
	set := func(name string, f func(goja.FunctionCall) goja.Value) { _ = h.Set(name, f) }
	_ = h.Set("markInternal", rl.streams.internals.(*goja.Object).Get("markInternal"))
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
	return h
}

// codecObject wraps a codec's push, finish and abort for js/compression_streams.js;
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
