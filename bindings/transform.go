package bindings

// TransformStream and its controller (js/transform.js), and
// ReadableStream's pipeTo and pipeThrough (js/pipe.js):
// https://streams.spec.whatwg.org/#ts-class and
// https://streams.spec.whatwg.org/#rs-pipeTo

import (
	_ "embed"

	"github.com/dop251/goja"
)

var (
	//go:embed js/transform.js
	transformSource string
	//go:embed js/pipe.js
	pipeSource string
	//go:embed js/workerd_streams.js
	workerdStreamsSource string
	//go:embed js/text_streams.js
	textStreamsSource string
)

// installTransformStreams defines TransformStream and
// TransformStreamDefaultController and adds the pipes to ReadableStream,
// given WritableStream and the internals js/writable.js returned.
func (rl *Realm) installTransformStreams(writable, writableInternals goja.Value) {
	readable := rl.streams.ctor
	factory, _ := goja.AssertFunction(rl.mustRun("transform.js", transformSource))
	v, err := factory(goja.Undefined(), readable, writable, rl.streams.internals, writableInternals)
	if err != nil {
		panic(err)
	}
	exports := v.(*goja.Object)
	for _, name := range []string{"TransformStream", "TransformStreamDefaultController"} {
		rl.global(name, exports.Get(name))
	}
	pipes, _ := goja.AssertFunction(rl.mustRun("pipe.js", pipeSource))
	if _, err := pipes(goja.Undefined(), readable, rl.streams.internals, writableInternals); err != nil {
		panic(err)
	}
	rl.installWorkerdStreams(exports.Get("TransformStream"), writableInternals)
	rl.installTextStreams(exports.Get("TransformStream"))
	rl.installCompressionStreams(exports.Get("TransformStream"), writableInternals)
}

// installTextStreams defines TextEncoderStream and TextDecoderStream
// (js/text_streams.js) over TransformStream. It runs after
// installTextEncoder and installTextDecoder.
func (rl *Realm) installTextStreams(transform goja.Value) {
	factory, _ := goja.AssertFunction(rl.mustRun("text_streams.js", textStreamsSource))
	v, err := factory(goja.Undefined(), transform, rl.vm.Get("TextEncoder"), rl.vm.Get("TextDecoder"))
	if err != nil {
		panic(err)
	}
	exports := v.(*goja.Object)
	for _, name := range []string{"TextEncoderStream", "TextDecoderStream"} {
		rl.global(name, exports.Get(name))
	}
}

// installWorkerdStreams defines workerd's IdentityTransformStream and
// FixedLengthStream (js/workerd_streams.js) over TransformStream. It runs
// after installTextEncoder.
func (rl *Realm) installWorkerdStreams(transform, writableInternals goja.Value) {
	factory, _ := goja.AssertFunction(rl.mustRun("workerd_streams.js", workerdStreamsSource))
	v, err := factory(goja.Undefined(), transform, rl.vm.Get("TextEncoder"), rl.streams.internals, writableInternals)
	if err != nil {
		panic(err)
	}
	exports := v.(*goja.Object)
	for _, name := range []string{"IdentityTransformStream", "FixedLengthStream"} {
		rl.global(name, exports.Get(name))
	}
}
