package conformance

// intlNumberCases covers Intl.NumberFormat and the toLocaleString methods
// on it (jsruntime/intl_number*.go) across locales, styles, notations and
// digit options, Intl.ListFormat (jsruntime/intl_list.go) and
// Intl.Segmenter (jsruntime/intl_segmenter.go), as workerd's V8 and ICU
// give them.
var intlNumberCases = []Case{
	reportCase("intl_number", "workers/intl_number.js", nil,
		"/format", "/currency", "/parts", "/range", "/resolved", "/errors", "/shape", "/tolocale"),
	reportCase("intl_list", "workers/intl_list.js", nil, "/"),
	reportCase("intl_segmenter", "workers/intl_segmenter.js", nil, "/"),
}
