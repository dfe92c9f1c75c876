package conformance

// htmlRewriterCases drive conformance/workers/html-rewriter.js: each path
// rewrites the same page, fed in chunks, and the client records the exact
// bytes that come out, with what the handlers saw.
var htmlRewriterCases = []Case{
	{Name: "html_rewriter", Script: "workers/html-rewriter.js", Run: func(s *Session) {
		for _, path := range []string{"links", "attrs", "remove", "text", "comments", "doctype", "endtag", "async", "streamed", "errors", "throws"} {
			s.Fetch("GET", "/"+path, nil, "")
		}
		s.Fetch("GET", "/served", nil, "", "content-length", "content-type", "transfer-encoding")
	}},
}
