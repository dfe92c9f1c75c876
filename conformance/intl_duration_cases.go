package conformance

// intlDurationCases covers Intl.DurationFormat (jsruntime/intl_duration.go)
// across locales, styles, per-unit options and durations, with parts,
// resolved options and errors, as workerd's V8 and ICU give them.
var intlDurationCases = []Case{
	reportCase("intl_duration", "workers/intl_duration.js", nil, "/?part=0", "/?part=1", "/?part=2", "/?part=3"),
}
