package conformance

// languageCases covers the ES2023–2025 built-ins workerhost adds to goja
// (jsruntime/js/es2025.js and iterators.js): their shapes, results and
// errors, as workerd's V8 gives them.
var languageCases = []Case{
	{Name: "language_builtins", Script: "workers/language.js", Run: func(s *Session) {
		for _, route := range []string{"/shapes", "/iterators", "/promises", "/grouping", "/strings", "/buffers", "/disposable", "/math"} {
			s.Fetch("GET", route, nil, "")
		}
	}},
	stacksCase,
	{Name: "language_intl", Script: "workers/intl.js", Run: func(s *Session) {
		for _, p := range []string{"/collator", "/plurals", "/locales"} {
			fetchReport(s, p)
		}
	}},
}

// stacksCase covers V8's stack traces: the `stack` of errors a script
// constructs, Error.captureStackTrace and Error.stackTraceLimit
// (jsruntime/error_stack.go).
var stacksCase = differing(reportCase("language_stacks", "workers/stacks.js", nil, "/"),
	Difference{
		Workerd:    "  | a method's frame:     at Object.fetch",
		Workerhost: "  | a method's frame:     at fetch",
		Why:        "goja's stack frames do not record the receiver, whose type V8 puts before a method's name",
	})
