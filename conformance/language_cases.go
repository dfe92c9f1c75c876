package conformance

// languageCases covers the ES2023–2025 built-ins workerhost adds to goja
// (jsruntime/js/es2025.js and iterators.js): their shapes, results and
// errors, as workerd's V8 gives them.
var languageCases = []Case{
	{Name: "language_builtins", Script: "workers/language.js", Run: func(s *Session) {
		for _, route := range []string{"/shapes", "/iterators", "/promises", "/grouping", "/strings", "/buffers"} {
			s.Fetch("GET", route, nil, "")
		}
	}},
}
