package conformance

// nodecompatStreamMoreCases probe node:stream beyond the basics, one route
// per probe (workers/nodecompat-stream-more.js): paused mode, read(n),
// 'readable', push's return value, unshift, multi-byte encodings, cork and
// _writev, default encodings, writableNeedDrain, the errors, the helpers
// and the order of write callbacks and events.
var nodecompatStreamMoreCases = []Case{
	{Name: "nodecompat_stream_more", Script: "workers/nodecompat-stream-more.js", Run: func(s *Session) {
		for _, probe := range []string{"readn", "readable", "readnTooBig", "pushReturn", "unshift", "multibyte", "pauseResume", "cork", "corkNoWritev", "encodings", "needDrain", "errors", "helpers", "writeCallbacks", "pipeMulti"} {
			s.Fetch("GET", "/"+probe, nil, "")
		}
	}},
}
