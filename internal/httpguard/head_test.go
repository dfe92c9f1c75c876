package httpguard

import (
	"strings"
	"testing"
)

// TestParseHead checks the parser against what workerd answered for each
// head (a raw TCP client sent them to workerd 1.20261117.1; the
// conformance case http_malformed replays many of them live).
func TestParseHead(t *testing.T) {
	t.Parallel()
	long := func(n int) string { return strings.Repeat("a", n) }
	headOf := func(size int) string { // a whole head of exactly size bytes
		prefix := "GET / HTTP/1.1\r\nHost: x\r\nX-A: "
		return prefix + long(size-len(prefix)-4) + "\r\n\r\n"
	}
	fields := func(n int) string { return strings.Repeat("A: v\r\n", n) }
	tests := []struct {
		name, head string
		want       *Rejection // nil: accepted
	}{
		{"plain", "GET / HTTP/1.1\r\nHost: x\r\n\r\n", nil},
		{"bare LF", "GET / HTTP/1.1\nHost: x\n\n", nil},
		{"blank lines first", "\r\n\nGET / HTTP/1.1\r\nHost: x\r\n\r\n", nil},
		{"largest head", headOf(MaxHeadBytes), nil},
		{"most fields", "GET / HTTP/1.1\r\nHost: x\r\n" + fields(MaxHeaders-1) + "\r\n", nil},
		{"one field too many", "GET / HTTP/1.1\r\nHost: x\r\n" + fields(MaxHeaders) + "\r\n", errHeadTooLarge},
		{"longest target", "GET /" + long(MaxTargetBytes-1) + " HTTP/1.1\r\nHost: x\r\n\r\n", nil},
		{"target too long", "GET /" + long(MaxTargetBytes) + " HTTP/1.1\r\nHost: x\r\n\r\n", errTargetTooLong},
		{"unknown method", "FOO / HTTP/1.1\r\nHost: x\r\n\r\n", errUnknownMethod},
		{"lower-case method", "get / HTTP/1.1\r\nHost: x\r\n\r\n", errUnknownMethod},
		{"absurd method", long(5000) + " / HTTP/1.1\r\nHost: x\r\n\r\n", errUnknownMethod},
		{"WebDAV method", "PROPFIND / HTTP/1.1\r\nHost: x\r\n\r\n", nil},
		{"CONNECT", "CONNECT x:80 HTTP/1.1\r\nHost: x:80\r\n\r\n", errConnect},
		{"method not a token", "G(T / HTTP/1.1\r\nHost: x\r\n\r\n", errMethod},
		{"tab after method", "GET\t/ HTTP/1.1\r\nHost: x\r\n\r\n", errMethod},
		{"two spaces", "GET  / HTTP/1.1\r\nHost: x\r\n\r\n", errTarget},
		{"no version", "GET /\r\n\r\n", errTarget},
		{"control byte in target", "GET /a\x01b HTTP/1.1\r\nHost: x\r\n\r\n", errTarget},
		{"angle bracket in path", "GET /a<b HTTP/1.1\r\nHost: x\r\n\r\n", errTarget},
		{"backtick in path", "GET /a`b HTTP/1.1\r\nHost: x\r\n\r\n", errTarget},
		{"backtick in query", "GET /a?q=` HTTP/1.1\r\nHost: x\r\n\r\n", nil},
		{"quote in query", "GET /a?\"b HTTP/1.1\r\nHost: x\r\n\r\n", errTarget},
		{"angle bracket in fragment", "GET /a#< HTTP/1.1\r\nHost: x\r\n\r\n", nil},
		{"UTF-8 in target", "GET /\xc3\xa9 HTTP/1.1\r\nHost: x\r\n\r\n", nil},
		{"not UTF-8 in target", "GET /a\xe9b HTTP/1.1\r\nHost: x\r\n\r\n", errTarget},
		{"HTTP/1.2", "GET / HTTP/1.2\r\nHost: x\r\n\r\n", errVersion},
		{"HTTP/2.0", "GET / HTTP/2.0\r\nHost: x\r\n\r\n", errVersion},
		{"space after version", "GET / HTTP/1.1 \r\nHost: x\r\n\r\n", errHeader},
		{"obs-fold", "GET / HTTP/1.1\r\nHost: x\r\nX-A: one\r\n two\r\n\r\n", errHeader},
		{"space before colon", "GET / HTTP/1.1\r\nHost: x\r\nX-A : one\r\n\r\n", errHeader},
		{"empty name", "GET / HTTP/1.1\r\nHost: x\r\n: v\r\n\r\n", errHeader},
		{"no colon", "GET / HTTP/1.1\r\nHost: x\r\nnocolon\r\n\r\n", errHeader},
		{"CR in value", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n", errHeader},
		{"NUL in value", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\x00b\r\n\r\n", errHeader},
		{"control byte in value", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\x01b\r\n\r\n", nil},
		{"chunked", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", nil},
		{"gzip, chunked", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", nil},
		{"chunked twice", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: CHUNKED\r\n\r\n", nil},
		{"chunked, gzip", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", errTransferCoding},
		{"identity", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: identity\r\nContent-Length: 3\r\n\r\n", errTransferCoding},
		{"chunked on HTTP/1.0", "POST / HTTP/1.0\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n", errTransferOnHTTP1},
		{"chunked with bad length", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: abc\r\n\r\n", nil},
		{"lengths agree", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\n", nil},
		{"lengths differ", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n", errContentLength},
		{"length list", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3, 3\r\n\r\n", errContentLength},
		{"length with sign", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: +3\r\n\r\n", errContentLength},
		{"no Host", "GET / HTTP/1.1\r\n\r\n", errNoHost},
		{"empty Host", "GET / HTTP/1.1\r\nHost: \r\n\r\n", errNoHost},
		{"two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", nil},
		{"space in Host", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", nil},
		{"unknown method before Host", "FOO / HTTP/1.1\r\n\r\n", errUnknownMethod},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h, rej := parseHead([]byte(tc.head))
			if rej != tc.want {
				t.Fatalf("rejection %+v, want %+v", rej, tc.want)
			}
			if h == nil && !(rej != nil && rej.HTTP11) {
				t.Fatal("a whole head did not come back")
			}
			if h != nil && h.size != len(tc.head) {
				t.Errorf("size %d, want %d", h.size, len(tc.head))
			}
		})
	}
}

// TestParseHeadWaitsForTheEnd checks that every prefix of a good head asks
// for more, and that a malformed start is refused before the end.
func TestParseHeadWaitsForTheEnd(t *testing.T) {
	t.Parallel()
	head := "POST /p?q HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\n"
	for n := range len(head) {
		if h, rej := parseHead([]byte(head[:n])); h != nil || rej != nil {
			t.Fatalf("prefix %q: head %v, rejection %v", head[:n], h, rej)
		}
	}
	if _, rej := parseHead([]byte("G(T / HT")); rej != errMethod {
		t.Errorf("a malformed method waited for more: %v", rej)
	}
}

func TestPathAndQuery(t *testing.T) {
	t.Parallel()
	for target, want := range map[string]string{
		"/url?a=1":                     "/url?a=1",
		"/a#frag":                      "/a",
		"//x/y":                        "//x/y",
		"*":                            "*",
		"info":                         "/",
		"h:80":                         "/",
		"http://other.example/p?q":     "/p?q",
		"https://other.example:8443/p": "/p",
		"http://other.example?q":       "/?q",
		"http://other.example":         "/",
	} {
		if got := pathAndQuery(target); got != want {
			t.Errorf("pathAndQuery(%q) = %q, want %q", target, got, want)
		}
	}
}
