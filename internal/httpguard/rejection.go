package httpguard

// workerd's limits and its answers to requests it refuses, as measured on
// workerd 1.20261117.1 with a raw TCP client.

import "fmt"

// Limits on what a request may send, each the largest value workerd takes.
const (
	// MaxHeadBytes bounds the request line and headers, counted to the
	// blank line that ends them; one byte more is 431 (workerd reads the
	// head into a buffer of 8 KiB + 100 × 4 KiB).
	MaxHeadBytes = 417792
	// MaxHeaders bounds the header fields of one request; one more is 431.
	MaxHeaders = 16384
	// MaxTargetBytes bounds the request target; a longer one is 414.
	MaxTargetBytes = 65534
	// MaxChunkExtensions bounds the chunk-extension bytes (after each ';')
	// of one chunked body; more breaks the body.
	MaxChunkExtensions = 16383
	// MaxTrailerBytes bounds the trailer section of a chunked body, its
	// closing blank line included; more breaks the body.
	MaxTrailerBytes = 16383
	// MaxArrivedBody is workerd's read buffer for a body the worker left
	// unread: when the response is done, if the rest has arrived and fits
	// (with the head, when body bytes came in the same packet), it is
	// dropped and the next request read; otherwise the connection closes.
	MaxArrivedBody = 24576
)

// Rejection is workerd's answer to a request it does not pass to the
// worker: a status line, an optional Content-Type and a text body.
type Rejection struct {
	Status int
	// Reason is the status line's reason phrase.
	Reason string
	// Body is the whole response body.
	Body string
	// ContentType is "text/plain" for the HTTP parser's errors and empty
	// for the others, which send none.
	ContentType string
	// Close answers with "Connection: close" and closes the connection;
	// otherwise the next request on it is read.
	Close bool
	// HTTP11 answers with an HTTP/1.1 status line whatever the request's
	// version was (the parser's errors); otherwise with the request's.
	HTTP11 bool
}

// Bytes is the whole response as workerd writes it, for a request of the
// given version ("HTTP/1.0" or "HTTP/1.1"), headers in workerd's order.
func (r *Rejection) Bytes(version string) []byte {
	if r.HTTP11 || version == "" {
		version = "HTTP/1.1"
	}
	b := fmt.Appendf(nil, "%s %d %s\r\n", version, r.Status, r.Reason)
	length := fmt.Sprintf("Content-Length: %d\r\n", len(r.Body))
	if r.HTTP11 { // the parser's order
		b = fmt.Appendf(b, "Content-Type: %s\r\nConnection: close\r\n%s", r.ContentType, length)
	} else {
		if r.Close {
			b = append(b, "Connection: close\r\n"...)
		}
		b = append(b, length...)
		if r.ContentType != "" {
			b = fmt.Appendf(b, "Content-Type: %s\r\n", r.ContentType)
		}
	}
	b = append(b, "\r\n"...)
	return append(b, r.Body...)
}

// parseError is an error of workerd's HTTP parser: 400 (or 414, 431) with a
// short text, "Content-Type: text/plain" and the connection closed.
func parseError(status int, reason, text string) *Rejection {
	return &Rejection{Status: status, Reason: reason, Body: text, ContentType: "text/plain", Close: true, HTTP11: true}
}

// The parser's errors, by what was wrong.
var (
	errHeadTooLarge    = parseError(431, "Request Header Fields Too Large", "message head is too large")
	errTargetTooLong   = parseError(414, "URI Too Long", "URI too long")
	errMethod          = parseError(400, "Bad Request", "invalid HTTP method parsed")
	errTarget          = parseError(400, "Bad Request", "invalid URI")
	errVersion         = parseError(400, "Bad Request", "invalid HTTP version parsed")
	errHeader          = parseError(400, "Bad Request", "invalid HTTP header parsed")
	errContentLength   = parseError(400, "Bad Request", "invalid content-length parsed")
	errTransferCoding  = parseError(400, "Bad Request", "invalid transfer-encoding parsed")
	errTransferOnHTTP1 = parseError(400, "Bad Request", "unexpected transfer-encoding parsed")
)

// The runtime's answers to a request the parser took.
var (
	// errUnknownMethod answers a method workerd has no name for.
	errUnknownMethod = &Rejection{Status: 501, Reason: "Not Implemented", Body: "ERROR: Unrecognized request method.", ContentType: "text/plain", Close: true}
	// errNoHost answers a request without a Host, or with an empty one;
	// its body is skipped and the connection kept.
	errNoHost = &Rejection{Status: 400, Reason: "Bad Request", Body: "Bad Request"}
	// errConnect answers CONNECT: workerd passes it to the worker's
	// connect handler, and workerhost has none to offer.
	errConnect = &Rejection{Status: 500, Reason: "Internal Server Error", Body: "Internal Server Error", Close: true}
)

// knownMethods are the methods workerd passes to a worker (kj's list, less
// CONNECT, which goes to a connect handler workerhost does not have).
var knownMethods = map[string]bool{
	"GET": true, "HEAD": true, "POST": true, "PUT": true, "DELETE": true, "PATCH": true,
	"PURGE": true, "OPTIONS": true, "TRACE": true, "COPY": true, "LOCK": true, "MKCOL": true,
	"MOVE": true, "PROPFIND": true, "PROPPATCH": true, "SEARCH": true, "UNLOCK": true,
	"ACL": true, "REPORT": true, "MKACTIVITY": true, "CHECKOUT": true, "MERGE": true,
	"MSEARCH": true, "NOTIFY": true, "SUBSCRIBE": true, "UNSUBSCRIBE": true, "QUERY": true,
	"BAN": true,
}
