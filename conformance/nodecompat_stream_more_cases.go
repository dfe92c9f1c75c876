package conformance

// nodecompatStreamMoreCases probe node:stream beyond the basics, one route
// per probe (workers/nodecompat-stream-more.js): paused mode, read(n),
// 'readable', push's return value, unshift, multi-byte encodings, cork and
// _writev, default encodings, writableNeedDrain, the errors, the helpers
// the order of write callbacks and events, the iterator helpers, breaking
// out of iteration, destroy's order, Transform, Duplex, pipeline with
// generators and a signal, finished's options, addAbortSignal, compose, duplexPair,
// Readable and Writable's toWeb and fromWeb, Duplex.from, pipe's
// back-pressure, wrap, the push and unshift errors, the order of a pipe's
// events, write errors, Readable.from's values, Transform's callback
// forms, the iterator's errors, construct, the module's members, and
// subclassing the old way (Readable.call(this)), 'readable' with 'data',
// Readable.from's pulls, a Transform's two sides, and more of
// pipeline's and finished's errors, setDefaultHighWaterMark, and a
// pipeline of 2000 objects, events.once on a stream, promises.finished
// and unshift with encodings.
var nodecompatStreamMoreCases = []Case{
	{Name: "nodecompat_stream_more", Script: "workers/nodecompat-stream-more.js", Run: func(s *Session) {
		for _, probe := range []string{"readn", "readable", "readnTooBig", "pushReturn", "unshift", "multibyte", "pauseResume", "cork", "corkNoWritev", "encodings", "needDrain", "errors", "helpers", "writeCallbacks", "pipeMulti", "operators", "iterBreak", "destroyOrder", "transform", "duplex", "pipelineGen", "finishedOpts", "abortSignal", "fromBackpressure", "compose", "duplexPair", "web", "duplexFrom", "pipeBackpressure", "encodingRead", "pushErrors", "zeroHwm", "autoDestroyOff", "wrap", "writevMixed", "eventOrder", "writeErrors", "readableLoop", "fromValues", "transformForms", "iterErrors", "construct", "misc", "legacy", "modesMixed", "fromPull", "transformSides", "pipelineErrors", "finishedMore", "defaultHwm", "volume", "misc2"} {
			s.Fetch("GET", "/"+probe, nil, "")
		}
	}},
}
