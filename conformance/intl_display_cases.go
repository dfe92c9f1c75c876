package conformance

// intlDisplayCases covers Intl.DisplayNames (jsruntime/intl_display.go):
// every type, style, language display and fallback across locales, the
// names ICU composes for language tags, options and errors, as workerd's
// V8 and ICU give them.
var intlDisplayCases = []Case{
	reportCase("intl_display", "workers/intl_display.js", nil, "/?part=0", "/?part=1", "/?part=2"),
}
