package conformance

// Streams as a user sees them, each case a worker printing "label: result"
// lines recorded from workerd.

import "strings"

// streamsCases drive conformance/workers/streams-*.js.
var streamsCases = []Case{
	{Name: "streams_writable", Script: "workers/streams-writable.js", Run: func(s *Session) {
		s.Fetch("POST", "/", nil, strings.Repeat("body bytes ", 2000))
	}},
}
