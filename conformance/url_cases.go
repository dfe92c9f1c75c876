package conformance

// urlCases runs web-platform-tests' URL data (testdata/wpt, with its
// licence) on both runtimes, one transcript line per case, so that every
// answer is compared with workerd's whether or not either runtime agrees
// with the file's expectation.
var urlCases = []Case{
	{Name: "url_wpt_parse", Script: "workers/url-wpt.js", Run: func(s *Session) { fetchReport(s, "/parse") }},
	{Name: "url_wpt_setters", Script: "workers/url-wpt.js", Run: func(s *Session) { fetchReport(s, "/setters") }},
}

// urlAPICases probes the URL and URLSearchParams interfaces beyond the WPT
// data: names, lengths, descriptors, errors, statics, iterators and the
// live link between a URL and its searchParams.
var urlAPICases = []Case{
	differing(reportCase("url_api", "workers/url-api.js", nil, "/shapes", "/errors", "/behaviour"), Difference{
		Workerd:    "  | set origin: TypeError: Cannot assign to read only property 'origin' of object '[object URL]'",
		Workerhost: "  | set origin: TypeError: Cannot assign to read only property 'origin'",
		Why:        "goja's message for a strict-mode assignment to an accessor without a setter does not name the object, as V8's does",
	}),
}

// urlPatternCases runs web-platform-tests' URLPattern data and probes the
// interface.
var urlPatternCases = []Case{
	reportCase("urlpattern_wpt", "workers/url-pattern.js", nil, "/wpt"),
	reportCase("urlpattern_api", "workers/url-pattern.js", nil, "/api"),
}
