package conformance

// nodecompatZlibCases cover node:zlib (workers/nodecompat-zlib.js): its
// exports and constants, every codec in Sync, callback and stream form,
// options, headers, crc32 and the errors, as workerd gives them.
var nodecompatZlibCases = []Case{
	{Name: "nodecompat_zlib", Script: "workers/nodecompat-zlib.js", Run: func(s *Session) {
		for _, route := range []string{"/exports", "/sync", "/stream"} {
			s.Fetch("GET", route, nil, "")
		}
	}},
}
