package conformance

// intlBreakIteratorCases covers Intl.v8BreakIterator
// (jsruntime/intl_breakiterator.go) of each type over sample texts, with
// its shape, locales and errors, as workerd's V8 and ICU give them.
var intlBreakIteratorCases = []Case{
	reportCase("intl_breakiterator", "workers/intl_breakiterator.js", nil, "/"),
}
