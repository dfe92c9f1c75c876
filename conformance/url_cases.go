package conformance

// urlCases runs web-platform-tests' URL data (testdata/wpt, with its
// licence) and probes the URL and URLSearchParams interfaces.
var urlCases = []Case{
	{Name: "url_wpt_parse", Script: "workers/url-wpt.js", Run: func(s *Session) { fetchReport(s, "/parse") }},
	{Name: "url_wpt_setters", Script: "workers/url-wpt.js", Run: func(s *Session) { fetchReport(s, "/setters") }},
}

var urlAPICases = []Case{
	reportCase("url_api", "workers/url-api.js", nil, "/shapes", "/errors", "/behaviour"),
}
