package bindings

// WritableStream, its writer and controller, and the queuing strategies
// (js/writable.js): https://streams.spec.whatwg.org/#ws-class

import (
	_ "embed"

	"github.com/dop251/goja"
)

//go:embed js/writable.js
var writableSource string

// installWritableStreams defines WritableStream, WritableStreamDefaultWriter,
// WritableStreamDefaultController, CountQueuingStrategy and
// ByteLengthQueuingStrategy, then TransformStream and the pipes over them
// (transform.go). It runs after installAbort, since a controller's signal
// is an AbortSignal, and after installStreams.
func (rl *Realm) installWritableStreams() {
	factory, _ := goja.AssertFunction(rl.mustRun("writable.js", writableSource))
	v, err := factory(goja.Undefined(), rl.vm.Get("AbortController"))
	if err != nil {
		panic(err)
	}
	exports := v.(*goja.Object)
	classes := exports.Get("classes").(*goja.Object)
	for _, name := range []string{
		"WritableStream", "WritableStreamDefaultWriter", "WritableStreamDefaultController",
		"CountQueuingStrategy", "ByteLengthQueuingStrategy",
	} {
		rl.global(name, classes.Get(name))
	}
	rl.installTransformStreams(classes.Get("WritableStream"), exports.Get("internals"))
}
