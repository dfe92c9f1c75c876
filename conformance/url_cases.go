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

// vFlagWhy is why URLPattern differs where a pattern's RegExp uses the "v"
// flag's set notation.
const vFlagWhy = "workerd compiles a URLPattern's RegExps with V8's \"v\" flag; goja has no \"v\" flag, so they are compiled with \"u\", where class set operations ([a--b], [a&&b]) are not understood"

// urlPatternCases runs web-platform-tests' URLPattern data and probes the
// interface.
var urlPatternCases = []Case{
	differing(reportCase("urlpattern_wpt", "workers/url-pattern.js", nil, "/wpt"),
		Difference{
			Workerd:    `  | [{"pathname":"/([[a-z]--a])"}] [{"pathname":"/z"}] -> {"protocol":"*","username":"*","password":"*","hostname":"*","port":"*","pathname":"/([[a-z]--a])","search":"*","hash":"*","hasRegExpGroups":true} test=true exec={"inputs":[{"pathname":"/z"}],"protocol":{"input":"","groups":{"0":""}},"username":{"input":"","groups":{"0":""}},"password":{"input":"","groups":{"0":""}},"hostname":{"input":"","groups":{"0":""}},"port":{"input":"","groups":{"0":""}},"pathname":{"input":"/z","groups":{"0":"z"}},"search":{"input":"","groups":{"0":""}},"hash":{"input":"","groups":{"0":""}}}`,
			Workerhost: `  | [{"pathname":"/([[a-z]--a])"}] [{"pathname":"/z"}] -> {"protocol":"*","username":"*","password":"*","hostname":"*","port":"*","pathname":"/([[a-z]--a])","search":"*","hash":"*","hasRegExpGroups":true} test=false exec=null`,
			Why:        vFlagWhy,
		},
		Difference{
			Workerd:    `  | [{"pathname":"/([\\d&&[0-1]])"}] [{"pathname":"/0"}] -> {"protocol":"*","username":"*","password":"*","hostname":"*","port":"*","pathname":"/([\\d&&[0-1]])","search":"*","hash":"*","hasRegExpGroups":true} test=true exec={"inputs":[{"pathname":"/0"}],"protocol":{"input":"","groups":{"0":""}},"username":{"input":"","groups":{"0":""}},"password":{"input":"","groups":{"0":""}},"hostname":{"input":"","groups":{"0":""}},"port":{"input":"","groups":{"0":""}},"pathname":{"input":"/0","groups":{"0":"0"}},"search":{"input":"","groups":{"0":""}},"hash":{"input":"","groups":{"0":""}}}`,
			Workerhost: `  | [{"pathname":"/([\\d&&[0-1]])"}] [{"pathname":"/0"}] -> {"protocol":"*","username":"*","password":"*","hostname":"*","port":"*","pathname":"/([\\d&&[0-1]])","search":"*","hash":"*","hasRegExpGroups":true} test=false exec=null`,
			Why:        vFlagWhy,
		},
	),
	differing(reportCase("urlpattern_api", "workers/url-pattern.js", nil, "/api"),
		Difference{
			Workerd:    `  | regexp v flag set: true`,
			Workerhost: `  | regexp v flag set: false`,
			Why:        vFlagWhy,
		},
	),
}
