package conformance

// intlUnitCases covers Intl.NumberFormat's unit style and the compact
// percent (jsruntime/intl_number_unit.go) across locales, units and
// displays, as workerd's V8 and ICU give them.
var intlUnitCases = []Case{
	reportCase("intl_unit", "workers/intl_unit.js", nil, "/?part=0", "/?part=1", "/?part=2", "/?part=3", "/?part=4", "/?part=5"),
}
