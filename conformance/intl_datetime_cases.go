package conformance

// intlDateTimeCases covers Intl.DateTimeFormat and Date's toLocale*String
// (jsruntime/intl_datetime*.go): formats in many locales, option sets,
// dates and zones (DST edges among them), resolvedOptions and errors.
var intlDateTimeCases = []Case{
	reportCase("intl_datetime", "workers/intl_datetime.js", nil, "/formats", "/zones", "/options", "/dates"),
}
