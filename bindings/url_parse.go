package bindings

// The URL parser: github.com/nlnwa/whatwg-url, brought up to the current
// URL Standard (as workerd's ada follows it) where v0.6.2 predates it.

import (
	"strconv"
	"strings"

	wurl "github.com/nlnwa/whatwg-url/url"
)

// pathEncodeSet is the path percent-encode set, which includes U+005E (^)
// since the standard's 2024 change.
var pathEncodeSet = wurl.PathPercentEncodeSet.Set('^')

// newURLParser returns a basic URL parser for one URL and the setters
// later run on it (which use the parser that made it). It is not
// goroutine-safe: its host hooks share state.
func newURLParser() wurl.Parser {
	var h asciiHostHooks
	return wurl.NewParser(
		wurl.WithPathPercentEncodeSet(pathEncodeSet),
		wurl.WithPreParseHostFunc(h.pre),
		wurl.WithPostParseHostFunc(h.post),
	)
}

// parseURLString parses input against base (which may be nil) and reports
// whether it is a valid URL.
func parseURLString(input string, base *wurl.Url) (*wurl.Url, bool) {
	var u *wurl.Url
	var err error
	if base != nil {
		// base.Parse would use base's parser; a URL gets its own.
		u, err = newURLParser().BasicParser(input, base, nil, wurl.NoState)
	} else {
		u, err = newURLParser().Parse(input)
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
	fixed, err := newURLParser().Parse(prefix[:len(prefix)-1] + "%20" + href[len(prefix):])
	if err != nil {
		return u
	}
	return fixed
}

// asciiHostHooks give a domain that is all ASCII after percent-decoding the
// standard's fast path (ada's, and so workerd's): it is lowercased, not
// run through UTS #46, so labels such as "xn--" or "xn--pokxncvks", which
// v0.6.2's IDNA profile refuses, are kept. The pre hook hides each ACE
// prefix behind a marker; the post hook, run on the same host right
// after, restores it.
type asciiHostHooks struct {
	hidden bool
	marker string
}

// aceMarker picks the stand-in for "xn--" while a host goes through IDNA:
// a prefix IDNA leaves alone that the host does not already contain.
func aceMarker(host string) string {
	for i := 0; ; i++ {
		m := "xn0-" + strconv.Itoa(i) + "-"
		if !strings.Contains(host, m) {
			return m
		}
	}
}

func (h *asciiHostHooks) pre(u *wurl.Url, host string) string {
	h.hidden = false
	if !u.IsSpecialScheme() || strings.HasPrefix(host, "[") {
		return host
	}
	domain := decodePercent(host)
	lower := strings.ToLower(domain)
	if !isASCIIString(domain) || strings.Contains(domain, "%") {
		return host
	}
	h.marker = aceMarker(lower)
	labels := strings.Split(lower, ".")
	for i, l := range labels {
		if strings.HasPrefix(l, "xn--") {
			labels[i] = h.marker + l[4:]
			h.hidden = true
		}
	}
	if !h.hidden {
		return host
	}
	return strings.Join(labels, ".")
}

func (h *asciiHostHooks) post(_ *wurl.Url, host string) string {
	if !h.hidden {
		return host
	}
	h.hidden = false
	labels := strings.Split(host, ".")
	for i, l := range labels {
		if strings.HasPrefix(l, h.marker) {
			labels[i] = "xn--" + l[len(h.marker):]
		}
	}
	return strings.Join(labels, ".")
}

// decodePercent percent-decodes s byte by byte.
func decodePercent(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isASCIIString(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
