package conformance

// intlLocaleCases covers Intl.Locale (jsruntime/intl_locale*.go): tags
// and options, getters, maximize/minimize and the get* methods across
// locales, and Intl.supportedValuesOf (jsruntime/intl_supported.go), as
// workerd's V8 and ICU give them.
var intlLocaleCases = []Case{
	reportCase("intl_locale", "workers/intl_locale.js", nil, "/"),
	reportCase("intl_supported", "workers/intl_supported.js", nil, "/"),
	reportCase("intl_collator_case", "workers/intl_collator_case.js", nil, "/"),
	reportCase("intl_plural_digits", "workers/intl_plural_digits.js", nil, "/"),
}
