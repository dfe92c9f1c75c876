package conformance

// Hostile and unusual HTTP clients, sent with the raw TCP client: workerd's
// limits on request heads, its answers to malformed ones, request framing
// (smuggling), and request bodies read, streamed back or left unread.

import (
	"fmt"
	"strings"
	"time"
)

// head is a GET request head for path with the given extra header lines.
func head(method, path string, lines ...string) string {
	return method + " " + path + " HTTP/1.1\r\nHost: example.com\r\n" + strings.Join(lines, "") + "\r\n"
}

// post is a POST of body to path with its Content-Length.
func post(path string, body []byte) []byte {
	return append([]byte(head("POST", path, fmt.Sprintf("Content-Length: %d\r\n", len(body)))), body...)
}

// chunked is a POST to path whose body is sent with the given chunked
// coding, as it is.
func chunked(path, coding string) []byte {
	return []byte(head("POST", path, "Transfer-Encoding: chunked\r\n") + coding)
}

// next is a second request that shows whether the connection went on.
const next = "GET /info HTTP/1.1\r\nHost: next.example.com\r\n\r\n"

// httpCases drive conformance/workers/http.js with raw requests.
var httpCases = []Case{
	{Name: "http_head_limits", Script: "workers/http.js", Run: func(s *Session) {
		filler := func(size int) string { // a head of size bytes
			h := head("GET", "/ignore", "X-Filler: ")
			return h[:len(h)-2] + strings.Repeat("a", size-len(h)-2) + "\r\n\r\n"
		}
		s.Raw("head of 400000 bytes", []byte(filler(400000)))
		s.Raw("head of 1 MB", []byte(filler(1<<20)))
		fields := func(n int) string { return strings.Repeat("A: v\r\n", n) }
		s.Raw("16384 fields", []byte(head("GET", "/ignore", fields(16383))))
		s.Raw("16385 fields", []byte(head("GET", "/ignore", fields(16384))))
		target := func(n int) string { return "/ignore?" + strings.Repeat("a", n-len("/ignore?")) }
		s.Raw("target of 65534 bytes", []byte(head("GET", target(65534))))
		s.Raw("target of 65535 bytes", []byte(head("GET", target(65535))))
		s.Raw("request line of 100 KB", []byte(head("GET", target(100000))))
	}},
	{Name: "http_methods", Script: "workers/http.js", Run: func(s *Session) {
		s.Raw("PROPFIND", []byte(head("PROPFIND", "/info")))
		s.Raw("unknown method", []byte(head("FOO", "/info")))
		s.Raw("lower-case get", []byte(head("get", "/info")))
		s.Raw("absurd method", []byte(head(strings.Repeat("A", 5000), "/info")))
		s.Raw("unknown method on HTTP/1.0", []byte("FOO /info HTTP/1.0\r\nHost: example.com\r\n\r\n"))
		s.Raw("method not a token", []byte(head("G(T", "/info")))
		s.Raw("CONNECT", []byte("CONNECT example.com:80 HTTP/1.1\r\nHost: example.com:80\r\n\r\n"))
	}},
	{Name: "http_malformed_heads", Script: "workers/http.js", Run: func(s *Session) {
		s.Raw("obs-fold", []byte(head("GET", "/info", "X-A: one\r\n two\r\n")))
		s.Raw("space before colon", []byte(head("GET", "/info", "X-A : one\r\n")))
		s.Raw("empty field name", []byte(head("GET", "/info", ": v\r\n")))
		s.Raw("no colon", []byte(head("GET", "/info", "nocolon\r\n")))
		s.Raw("CR in a value", []byte(head("GET", "/info", "X-A: a\rb\r\n")))
		s.Raw("NUL in a value", []byte(head("GET", "/info", "X-A: a\x00b\r\n")))
		s.Raw("control byte in a value", []byte(head("GET", "/info", "X-A: a\x01b\r\n")))
		s.Raw("HTTP/1.2", []byte("GET /info HTTP/1.2\r\nHost: example.com\r\n\r\n"))
		s.Raw("space after the version", []byte("GET /info HTTP/1.1 \r\nHost: example.com\r\n\r\n"))
		s.Raw("two spaces", []byte("GET  /info HTTP/1.1\r\nHost: example.com\r\n\r\n"))
		s.Raw("no version", []byte("GET /info\r\n\r\n"))
		s.Raw("control byte in the target", []byte(head("GET", "/in\x01fo")))
		s.Raw("angle bracket in the path", []byte(head("GET", "/in<fo")))
		s.Raw("target not UTF-8", []byte(head("GET", "/in\xe9fo")))
		s.Raw("blank line first, bare LFs", []byte("\r\nGET /info HTTP/1.1\nHost: example.com\nX-A: b\n\n"))
		s.Raw("unusual targets", []byte(head("GET", "/\xc3\xa9/a/../b?q=`#frag")+head("GET", "http://other.example/info?q")+head("GET", "//info")))
		s.Raw("Expect other than 100-continue", []byte(head("GET", "/info", "Expect: something\r\n")))
	}},
	{Name: "http_hosts", Script: "workers/http.js", Run: func(s *Session) {
		s.Raw("no Host, then another request", []byte("POST /info HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello"+next))
		s.Raw("empty Host", []byte("GET /info HTTP/1.1\r\nHost: \r\n\r\n"+next))
		s.Raw("no Host on HTTP/1.0", []byte("GET /info HTTP/1.0\r\n\r\n"))
		s.Raw("two Hosts", []byte("GET /info HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"))
		s.Raw("space in the Host", []byte("GET /info HTTP/1.1\r\nHost: a b\r\n\r\n"))
	}},
	{Name: "http_framing", Script: "workers/http.js", Run: func(s *Session) {
		smuggled := "GET /info HTTP/1.1\r\nHost: smuggled.example.com\r\n\r\n"
		s.Raw("Content-Length and chunked, a request smuggled after", []byte(head("POST", "/length", "Content-Length: 5\r\n", "Transfer-Encoding: chunked\r\n")+"3\r\nabc\r\n0\r\n\r\n"+smuggled))
		s.Raw("chunked and Content-Length, body ignored", []byte(head("POST", "/ignore", "Transfer-Encoding: chunked\r\n", "Content-Length: 5\r\n")+"3\r\nabc\r\n0\r\n\r\n"+smuggled))
		s.Raw("chunked on HTTP/1.0", []byte("POST /length HTTP/1.0\r\nHost: example.com\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n3\r\nabc\r\n0\r\n\r\n"))
		s.Raw("gzip, chunked", []byte(head("POST", "/info", "Transfer-Encoding: gzip, chunked\r\n")+"3\r\nabc\r\n0\r\n\r\n"+next))
		s.Raw("chunked twice", []byte(head("POST", "/length", "Transfer-Encoding: chunked\r\n", "Transfer-Encoding: chunked\r\n")+"3\r\nabc\r\n0\r\n\r\n"+next))
		s.Raw("chunked, gzip", []byte(head("POST", "/length", "Transfer-Encoding: chunked, gzip\r\n")+"3\r\nabc\r\n0\r\n\r\n"))
		s.Raw("identity", []byte(head("POST", "/length", "Transfer-Encoding: identity\r\n", "Content-Length: 3\r\n")+"abc"))
		s.Raw("two equal Content-Lengths", []byte(head("POST", "/info", "Content-Length: 3\r\n", "Content-Length: 3\r\n")+"abc"+next))
		s.Raw("two different Content-Lengths", []byte(head("POST", "/length", "Content-Length: 3\r\n", "Content-Length: 4\r\n")+"abcd"))
		s.Raw("Content-Length list", []byte(head("POST", "/length", "Content-Length: 3, 3\r\n")+"abc"))
		s.Raw("Content-Length with a sign", []byte(head("POST", "/length", "Content-Length: +3\r\n")+"abc"))
	}},
	{Name: "http_chunked_bodies", Script: "workers/http.js", Run: func(s *Session) {
		for _, c := range []struct{ label, coding string }{
			{"extensions and trailers", "3;a=b\r\nabc\r\n00A \r\n0123456789\r\n0;x\r\nX-Trailer: 1\r\n\r\n"},
			{"extensions at the limit", "3;" + strings.Repeat("e", 16383) + "\r\nabc\r\n0\r\n\r\n"},
			{"extensions past the limit", "3;" + strings.Repeat("e", 16384) + "\r\nabc\r\n0\r\n\r\n"},
			{"bare LF", "3\nabc\n0\n\n"},
			{"0x size", "0x3\r\nabc\r\n0\r\n\r\n"},
			{"blank before the size", " 3\r\nabc\r\n0\r\n\r\n"},
			{"trailer without a colon", "3\r\nabc\r\n0\r\nbad trailer\r\n\r\n"},
			{"no CRLF after the data", "3\r\nabcXX0\r\n\r\n"},
			{"size overflows", "10000000000000000\r\nabc\r\n0\r\n\r\n"},
		} {
			s.Raw(c.label, chunked("/length", c.coding+next))
		}
		s.Raw("broken chunk, the worker's read throws", chunked("/length-uncaught", "zz\r\nabc\r\n0\r\n\r\n"))
	}},
	{Name: "http_bodies", Script: "workers/http.js", Run: func(s *Session) {
		body := pattern(1 << 20)
		s.Raw("echo of 1 MB", post("/echo", body), "content-length", "transfer-encoding")
		s.Raw("echo of a tee branch", post("/echo-tee", pattern(100000)), "content-length", "transfer-encoding")
		coding := fmt.Sprintf("%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n", 70000, pattern(70000), 5000, pattern(5000))
		s.Raw("echo of a chunked body", chunked("/echo", coding), "content-length", "transfer-encoding")
		s.Raw("length of 1 MB", post("/length", body))
		s.Raw("json", post("/json", []byte(`{"a":[1,2,{"b":null}]}`)))
		s.Raw("GET has no body", []byte(head("GET", "/info")))
		s.Raw("empty body", post("/info", nil))
	}},
	{Name: "http_unread_bodies", Script: "workers/http.js", Run: func(s *Session) {
		s.Raw("small body ignored", append(post("/ignore", []byte("hello")), next...))
		s.Raw("24576 bytes ignored, all arrived", append(post("/ignore?wait=300", pattern(24576)), next...))
		s.Raw("24577 bytes ignored, all arrived", append(post("/ignore?wait=300", pattern(24577)), next...))
		s.Raw("one chunk of 1 MB read", append(post("/one-chunk", pattern(1<<20)), next...))
		s.RawSteps("body sent after the answer", []RawStep{
			{Data: []byte(head("POST", "/ignore", "Content-Length: 10\r\n"))},
			{Pause: 300 * time.Millisecond, Data: []byte("0123456789" + next)},
		})
		s.Raw("10 MB ignored", post("/ignore", pattern(10<<20)))
		s.Raw("100-continue, body never sent", []byte(head("POST", "/ignore", "Expect: 100-continue\r\n", "Content-Length: 3\r\n")))
	}},
}
