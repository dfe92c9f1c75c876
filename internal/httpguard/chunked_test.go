package httpguard

import (
	"bytes"
	"io"
	"net/http/httputil"
	"strings"
	"testing"
)

// TestChunkedDecoder checks the decoder against what workerd made of each
// body (a worker reading it got the bytes, or "Network connection lost.").
func TestChunkedDecoder(t *testing.T) {
	t.Parallel()
	ext := func(n int) string { return ";" + strings.Repeat("a", n) }
	const broken = "<broken>"
	tests := []struct{ name, body, want string }{
		{"plain", "3\r\nabc\r\n0\r\n\r\n", "abc"},
		{"two chunks", "3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n", "abcde"},
		{"leading zeros", "003\r\nabc\r\n0\r\n\r\n", "abc"},
		{"upper-case hex", "A\r\n0123456789\r\n0\r\n\r\n", "0123456789"},
		{"blanks after the size", "3 \t\r\nabc\r\n0\r\n\r\n", "abc"},
		{"extension", "3;a=b\r\nabc\r\n0;x\r\n\r\n", "abc"},
		{"extension after a blank", "3 ;a=b\r\nabc\r\n0\r\n\r\n", "abc"},
		{"quoted extension", "3;a=\"b\\\"c\"\r\nabc\r\n0\r\n\r\n", "abc"},
		{"largest extensions", "3" + ext(MaxChunkExtensions) + "\r\nabc\r\n0\r\n\r\n", "abc"},
		{"too much extension", "3" + ext(9000) + "\r\nabc\r\n3" + ext(9000) + "\r\nabc\r\n0\r\n\r\n", broken},
		{"trailer", "3\r\nabc\r\n0\r\nX: y\r\n\r\n", "abc"},
		{"largest trailer", "3\r\nabc\r\n0\r\nX: " + strings.Repeat("a", MaxTrailerBytes-7) + "\r\n\r\n", "abc"},
		{"trailer too large", "3\r\nabc\r\n0\r\nX: " + strings.Repeat("a", MaxTrailerBytes-6) + "\r\n\r\n", broken},
		{"trailer without colon", "3\r\nabc\r\n0\r\nbad trailer\r\n\r\n", broken},
		{"17 hex digits", "00000000000000003\r\nabc\r\n0\r\n\r\n", "abc"},
		{"size overflows", "10000000000000000\r\nabc\r\n0\r\n\r\n", broken},
		{"not hex", "zz\r\nabc\r\n0\r\n\r\n", broken},
		{"blank before the size", " 3\r\nabc\r\n0\r\n\r\n", broken},
		{"0x", "0x3\r\nabc\r\n0\r\n\r\n", broken},
		{"negative", "-3\r\nabc\r\n0\r\n\r\n", broken},
		{"no size", "\r\nabc\r\n0\r\n\r\n", broken},
		{"bare LF", "3\nabc\n0\n\n", broken},
		{"LF in extension", "3;a\nabc\r\n0\r\n\r\n", broken},
		{"CR only after data", "3\r\nabc\r0\r\n\r\n", broken},
		{"missing CRLF after data", "3\r\nabcXX0\r\n\r\n", broken},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			for _, step := range []int{1, 7, len(tc.body)} {
				got, done, err := decodeInSteps([]byte(tc.body), step)
				switch {
				case tc.want == broken && err == nil:
					t.Fatalf("step %d: decoded %q (done %v), want a broken body", step, got, done)
				case tc.want != broken && (err != nil || !done || string(got) != tc.want):
					t.Fatalf("step %d: decoded %q, done %v, err %v; want %q", step, got, done, err, tc.want)
				}
			}
		})
	}
}

// decodeInSteps feeds body to a decoder step bytes at a time, the way
// reads deliver it, and decodes the canonical chunks it wrote with
// net/http's own reader.
func decodeInSteps(body []byte, step int) (data []byte, done bool, err error) {
	var d chunkedDecoder
	var out []byte
	for len(body) > 0 && !d.done() {
		in := body[:min(step, len(body))]
		var n int
		n, out, err = d.decode(in, out)
		if err != nil {
			return nil, false, err
		}
		body = body[n:]
	}
	if !d.done() {
		return nil, false, nil
	}
	data, err = io.ReadAll(httputil.NewChunkedReader(bytes.NewReader(out)))
	if int64(len(data)) != d.data {
		return data, true, io.ErrShortBuffer
	}
	return data, true, err
}
