package conformance

// intlNumberCases covers Intl.NumberFormat and the toLocaleString methods
// on it (jsruntime/intl_number*.go) across locales, styles, notations and
// digit options, and Intl.ListFormat (jsruntime/intl_list.go), as
// workerd's V8 and ICU give them.
var intlNumberCases = []Case{
	reportCase("intl_number", "workers/intl_number.js", nil,
		"/format", "/currency", "/parts", "/range", "/resolved", "/errors", "/shape", "/tolocale"),
	reportCase("intl_list", "workers/intl_list.js", nil, "/"),
}
