package conformance

// nodecompatSmallCases cover the smaller node: modules of nodejs_compat
// (bindings/node_small.go) at the default date: each module's exports, and
// one path per module for what its functions do
// (workers/nodecompat-small.js).
var nodecompatSmallCases = []Case{
	differing(Case{Name: "nodecompat_small", Script: "workers/nodecompat-small.js", Run: func(s *Session) {
		for _, route := range []string{"/shape", "/os", "/querystring", "/util_types", "/stream", "/timers_promises", "/diagnostics_channel", "/punycode", "/perf_hooks"} {
			recordLines(s, "GET", route, "")
		}
	}}, nodecompatSmallDiffers...),
}

// nodecompatSmallDiffers are where workerhost answers otherwise, each
// with why.
var nodecompatSmallDiffers = []Difference{
	{
		Workerd:    "  | stream/web named: ByteLengthQueuingStrategy,CompressionStream,CountQueuingStrategy,DecompressionStream,ReadableByteStreamController,ReadableStream,ReadableStreamBYOBReader,ReadableStreamBYOBRequest,ReadableStreamDefaultController,ReadableStreamDefaultReader,TextDecoderStream,TextEncoderStream,TransformStream,TransformStreamDefaultController,WritableStream,WritableStreamDefaultController,WritableStreamDefaultWriter,default",
		Workerhost: "  | stream/web named: ByteLengthQueuingStrategy,CompressionStream,CountQueuingStrategy,DecompressionStream,ReadableStream,ReadableStreamDefaultController,ReadableStreamDefaultReader,TextDecoderStream,TextEncoderStream,TransformStream,TransformStreamDefaultController,WritableStream,WritableStreamDefaultController,WritableStreamDefaultWriter,default",
		Why:        byobNotYet,
	},
	{
		Workerd:    "  | stream/web default: ReadableStream ReadableStreamDefaultReader ReadableStreamBYOBReader ReadableStreamBYOBRequest ReadableByteStreamController ReadableStreamDefaultController TransformStream TransformStreamDefaultController WritableStream WritableStreamDefaultWriter WritableStreamDefaultController ByteLengthQueuingStrategy CountQueuingStrategy TextEncoderStream TextDecoderStream CompressionStream DecompressionStream",
		Workerhost: "  | stream/web default: ReadableStream ReadableStreamDefaultReader ReadableStreamDefaultController TransformStream TransformStreamDefaultController WritableStream WritableStreamDefaultWriter WritableStreamDefaultController ByteLengthQueuingStrategy CountQueuingStrategy TextEncoderStream TextDecoderStream CompressionStream DecompressionStream",
		Why:        byobNotYet,
	},
	{Workerd: "  | isAsyncFunction: async fn,async gen fn", Workerhost: "  | isAsyncFunction: async fn", Why: asyncGeneratorsLowered},
	{Workerd: "  | isGeneratorFunction: gen fn,async gen fn", Workerhost: "  | isGeneratorFunction: gen fn", Why: asyncGeneratorsLowered},
}

// byobNotYet is why node:stream/web lacks the byte-stream classes: it
// exports the globals workerhost has.
const byobNotYet = "node:stream/web exports the global stream classes, and byte streams and BYOB readers are not written yet"

// asyncGeneratorsLowered is why util.types cannot tell an async generator
// function: goja has none, so esbuild lowers it to a plain function.
const asyncGeneratorsLowered = "goja has no async generators; esbuild lowers one to a plain function returning an iterator, which util.types cannot tell apart"
