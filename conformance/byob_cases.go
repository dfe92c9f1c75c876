package conformance

// Byte streams and BYOB readers (workers/byob.js), recorded from workerd: a
// script's byte stream read with a BYOB reader, respond and
// respondWithNewView, reads with a minimum and readAtLeast, the errors,
// default readers and queuing strategies, BYOB reads of the request's body,
// a fetched body and other bodies, and a streamed response whose stream
// errors before and after its first chunk.

import "strings"

// byobBody is the request body the worker reads with a BYOB reader.
var byobBody = func() string {
	var b strings.Builder
	for i := range 5000 {
		b.WriteByte(byte((i*7 + 3) % 256))
	}
	return b.String()
}()

// byobCases drive conformance/workers/byob.js.
var byobCases = []Case{
	{Name: "streams_byob", Script: "workers/byob.js", Upstream: true, Run: func(s *Session) {
		for _, path := range []string{"/loop", "/respond", "/min", "/errors", "/defaults", "/piping", "/byte-body"} {
			recordLines(s, "GET", path, "")
		}
		recordLines(s, "POST", "/bodies", byobBody)
		s.Fetch("GET", "/error-first", nil, "")
		s.Fetch("GET", "/error-later", nil, "")
	}},
	// Before internal_stream_byob_return_view, the end of a body reads as
	// undefined.
	{Name: "streams_byob_2024_01_01", Script: "workers/byob.js", CompatibilityDate: "2024-01-01", Upstream: true, Run: func(s *Session) {
		recordLines(s, "GET", "/piping", "")
		recordLines(s, "POST", "/bodies", byobBody)
	}},
}
