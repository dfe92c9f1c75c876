package conformance

// Streams as a user sees them, each case a worker printing "label: result"
// lines or streaming a body, recorded from workerd.

import "strings"

// streamsCases drive conformance/workers/streams-*.js.
var streamsCases = []Case{
	{Name: "streams_writable", Script: "workers/streams-writable.js", Run: func(s *Session) {
		s.Fetch("POST", "/", nil, strings.Repeat("body bytes ", 2000))
	}},
	{Name: "streams_transform", Script: "workers/streams-transform.js", Run: func(s *Session) {
		s.Fetch("POST", "/upper", nil, strings.Repeat("a streamed body ", 4000))
		s.Fetch("GET", "/writer", nil, "")
		s.Fetch("GET", "/probes", nil, "")
	}},
	{Name: "streams_workerd", Script: "workers/streams-workerd.js", Run: func(s *Session) {
		s.Fetch("GET", "/fixed", nil, "", "content-length", "transfer-encoding")
		s.Fetch("GET", "/identity", nil, "", "content-length", "transfer-encoding")
		s.Fetch("GET", "/probes", nil, "")
	}},
	{Name: "streams_text", Script: "workers/streams-text.js", Run: func(s *Session) {
		s.Fetch("POST", "/upper", nil, strings.Repeat("héllo wörld ", 3000))
		s.Fetch("GET", "/probes", nil, "")
	}},
	{Name: "streams_from", Script: "workers/streams-from.js", Run: func(s *Session) {
		s.Fetch("GET", "/", nil, "")
	}},
}
