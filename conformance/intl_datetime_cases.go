package conformance

// intlDateTimeCases covers Intl.DateTimeFormat and Date's toLocale*String
// (jsruntime/intl_datetime*.go): formats in many locales, option sets,
// dates and zones (DST edges among them), ranges, resolvedOptions and
// errors; and
// Intl.RelativeTimeFormat (jsruntime/intl_relative.go).
var intlDateTimeCases = []Case{
	reportCase("intl_datetime", "workers/intl_datetime.js", nil, "/formats", "/zones", "/options", "/dates", "/ranges"),
	reportCase("intl_relative", "workers/intl_relative.js", nil, "/formats", "/options"),
}
