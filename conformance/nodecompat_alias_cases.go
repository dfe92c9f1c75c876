package conformance

// nodecompatAliasCases cover the remaining small node: modules and exports
// (bindings/node_path.go, bindings/node_alias.go) at the default date:
// node:path's win32 form and matchesGlob, node:assert's Assert and
// partialDeepStrictEqual and node:assert/strict, node:sys, node:dgram and
// the _stream_* modules (workers/nodecompat-alias.js).
var nodecompatAliasCases = []Case{
	{Name: "nodecompat_alias", Script: "workers/nodecompat-alias.js", Run: func(s *Session) {
		for _, route := range []string{"/path_shape", "/win32", "/posix", "/glob", "/assert", "/Assert", "/sys", "/dgram", "/dgram_events", "/stream_alias", "/stream_wrap"} {
			recordLines(s, "GET", route, "")
		}
	}},
}
