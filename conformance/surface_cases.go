package conformance

import (
	"strings"
)

// surfaceCases check the runtime's surface against workerd's in one place:
// which globals and members exist (a missing one prints "missing", one
// workerd lacks is "unlisted") and how the behaviour probes libraries rely
// on answer. What workerhost lacks on purpose is listed in Differs with the
// reason.
var surfaceCases = []Case{
	differing(Case{Name: "worker_global_scope", Script: "workers/worker-global-scope.js", Run: func(s *Session) {
		recordLines(s, "GET", "/shape", "")
		s.Fetch("GET", "/reject", nil, "")
		s.WaitLog("unhandledrejection:")
	}}, Difference{
		Workerd:    "  | globalThis instanceof EventTarget: false",
		Workerhost: "  | globalThis instanceof EventTarget: true",
		Why:        "instanceof follows the prototype chain here; workerd's EventTarget checks for its C++ object, which the global scope is not",
	}),
	{Name: "event_source", Script: "workers/event-source.js", Upstream: true, Run: func(s *Session) {
		for _, path := range []string{"/from", "/connect", "/not-events", "/misuse"} {
			recordLines(s, "GET", path, "")
		}
	}},
	{Name: "cloudflare_global", Script: "workers/cloudflare-global.js", Run: func(s *Session) { recordLines(s, "GET", "/", "") }},
	{Name: "cloudflare_global_flags", Script: "workers/cloudflare-global.js", CompatibilityDate: "2024-10-01",
		CompatibilityFlags: []string{"no_web_socket_compression", "websocket_standard_binary_type"},
		Run:                func(s *Session) { recordLines(s, "GET", "/", "") }},
	{Name: "annex_b", Script: "workers/annex-b.js", Run: func(s *Session) { recordLines(s, "GET", "/", "") }},
	{Name: "body_class", Script: "workers/body-class.js", Run: func(s *Session) { recordLines(s, "GET", "/", "") }},
	{Name: "upsert_and_cf", Script: "workers/upsert-and-cf.js", Run: func(s *Session) { recordLines(s, "GET", "/", "") }},
	{Name: "disposable_stack", Script: "workers/disposable-stack.js", Run: func(s *Session) { recordLines(s, "GET", "/", "") }},
	{Name: "iterator_proposals", Script: "workers/iterator-proposals.js", Run: func(s *Session) { recordLines(s, "GET", "/", "") }},
	{Name: "instance_properties", Script: "workers/instance-properties.js", Run: func(s *Session) { recordLines(s, "GET", "/", "") }},
}

// recordLines sends a request and records the status and the body one line
// at a time, so that a difference is one line.
func recordLines(s *Session, method, path, body string) {
	_, data := s.fetch(method, path, nil, body, nil)
	if data == nil {
		return
	}
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		s.Record("  | %s", line)
	}
}
