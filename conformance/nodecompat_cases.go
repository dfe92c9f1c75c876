package conformance

// nodecompatCases cover the Node.js modules of nodejs_compat, one path per
// module (workers/nodecompat.js), at the default date, where workerd has
// nodejs_compat on; and each mode the flags and dates give
// (workers/nodecompat-modes.js). The error for a module workerhost lacks is
// a bundling error, tested in jsruntime and cmd/workerhost.
var nodecompatCases = []Case{
	{Name: "nodecompat_modules", Script: "workers/nodecompat.js", Vars: map[string]string{"GREETING": "hello"}, Run: func(s *Session) {
		for _, route := range []string{"/buffer", "/events", "/async_hooks", "/path", "/util", "/crypto", "/timers", "/string_decoder", "/assert", "/url", "/process"} {
			s.Fetch("GET", route, nil, "")
		}
	}},
	{Name: "nodecompat_stream", Script: "workers/nodecompat-stream.js", Run: func(s *Session) {
		s.Fetch("GET", "/", nil, "")
	}},
	modesCase("nodecompat_v1", "2024-01-01", "nodejs_compat"),
	modesCase("nodecompat_v2_implied", "2024-09-23", "nodejs_compat"),
	modesCase("nodecompat_v2", "2024-01-01", "nodejs_compat_v2"),
	modesCase("nodecompat_als", "2024-01-01", "nodejs_als"),
	modesCase("nodecompat_env_before", "2025-03-31", "nodejs_compat"),
	modesCase("nodecompat_env_from", "2025-04-01", "nodejs_compat"),
}

// modesCase runs workers/nodecompat-modes.js at date with flag.
func modesCase(name, date, flag string) Case {
	return Case{Name: name, Script: "workers/nodecompat-modes.js", CompatibilityDate: date, CompatibilityFlags: []string{flag}, Vars: map[string]string{"FOO": "bar"}, Run: func(s *Session) {
		s.Fetch("GET", "/", nil, "")
	}}
}
