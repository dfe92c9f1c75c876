package bindings

// The URL parser: github.com/nlnwa/whatwg-url, brought up to the current
// URL Standard (as workerd's ada follows it) where v0.6.2 predates it.

import (
	"strings"

	wurl "github.com/nlnwa/whatwg-url/url"
)

// urlParser is the basic URL parser, goroutine-safe. The path
// percent-encode set includes U+005E (^) since the standard's 2024 change.
var urlParser = wurl.NewParser(
	wurl.WithPathPercentEncodeSet(wurl.PathPercentEncodeSet.Set('^')),
)

// parseURLString parses input against base (which may be nil) and reports
// whether it is a valid URL.
func parseURLString(input string, base *wurl.Url) (*wurl.Url, bool) {
	var u *wurl.Url
	var err error
	if base != nil {
		u, err = base.Parse(input)
	} else {
		u, err = urlParser.Parse(input)
	}
	if err != nil {
		return nil, false
	}
	return encodeOpaqueTrailingSpace(u), true
}

// encodeOpaqueTrailingSpace applies the standard's opaque-path rule that
// v0.6.2 lacks: a space that ends an opaque path followed by a query or a
// fragment is written %20 (instead of being stripped later), so that
// "foo:a ?q" keeps the space.
func encodeOpaqueTrailingSpace(u *wurl.Url) *wurl.Url {
	path := u.Pathname()
	if !u.OpaquePath() || !strings.HasSuffix(path, " ") {
		return u
	}
	href := u.Href(false)
	prefix := u.Protocol() + path
	if !strings.HasPrefix(href, prefix) || len(href) == len(prefix) {
		return u
	}
	fixed, err := urlParser.Parse(prefix[:len(prefix)-1] + "%20" + href[len(prefix):])
	if err != nil {
		return u
	}
	return fixed
}
