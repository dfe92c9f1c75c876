package bindings

// The Go side of Request and Response, for the host.

import (
	"io"

	"github.com/dop251/goja"

	"workerhost/jsruntime"
)

// IncomingRequest is an HTTP request as the host received it.
type IncomingRequest struct {
	Method string
	URL    string      // absolute
	Header [][2]string // as received
	Body   []byte      // nil for no body (or a streamed one)
	// Stream, when set, is the body still on the connection: request.body
	// reads it as the script reads, and its Close is called at the end.
	Stream io.ReadCloser
	// Length is the Stream's Content-Length, or -1 (chunked); a Response
	// built on the unread stream is sent with it.
	Length int64
	// Proto is the protocol the request came over ("HTTP/1.1"), which
	// request.cf.httpProtocol reports; "" gives the request no cf.
	Proto string
}

// NewIncomingRequest builds the Request a fetch handler receives. Its
// headers are immutable, as in workerd. On the loop.
func (rl *Realm) NewIncomingRequest(in IncomingRequest) *goja.Object {
	h := &headers{immutable: true}
	for _, kv := range in.Header {
		h.append(lower(kv[0]), kv[1])
	}
	r := &request{method: in.Method, url: in.URL, hdr: h, redirect: "manual", body: body{data: in.Body, null: in.Body == nil && in.Stream == nil}, cf: requestCF{proto: in.Proto}}
	if in.Stream != nil {
		r.body.stream = rl.networkStream(in.Stream, func() {})
		if in.Length > 0 {
			rl.callHelper(rl.streams.setLength, r.body.stream, rl.vm.ToValue(in.Length))
		}
	}
	return rl.requestClass.instance(r)
}

// OutgoingResponse is a worker's Response as the host writes it.
type OutgoingResponse struct {
	Status     int
	StatusText string
	Header     [][2]string // lowercased names, in order
	Body       []byte
	// Stream is set when the body is a ReadableStream the host drains
	// chunk by chunk; Body is then nil.
	Stream *BodyStream
	// StreamLength, when positive, is how many bytes Stream delivers, known
	// in advance (an echoed request body): sent as Content-Length, as
	// workerd does, instead of chunks.
	StreamLength int64
	// ManualEncoding is encodeBody: "manual": the body is already in its
	// Content-Encoding. Otherwise a gzip or br Content-Encoding makes the
	// host encode the body, as workerd does.
	ManualEncoding bool
	// WebSocket is the Go side of a 101 Response's socket, already
	// coupled; the host bridges it to the client's connection.
	WebSocket *WebSocketPeer
}

// errNotUpgrade is workerd's TypeError for a 101 Response to a request that
// was not a WebSocket upgrade.
const errNotUpgrade = `Worker tried to return a WebSocket in a response to a request which did not contain the header "Upgrade: websocket".`

// ResponseOf reads the Response a handler produced into Go data. A value
// that is not a Response is workerd's TypeError. The socket of a 101
// Response is coupled to its Go peer, when the request was an upgrade, and
// is workerd's TypeError otherwise. On the loop.
func (rl *Realm) ResponseOf(v goja.Value, upgrade bool) (*OutgoingResponse, error) {
	r := stateOf[response](rl, v)
	if r == nil {
		return nil, &jsruntime.ThrownError{Text: "TypeError: Incorrect type for Promise: the Promise did not resolve to 'Response'."}
	}
	if r.isError {
		return nil, &jsruntime.ThrownError{Text: "TypeError: Return value from serve handler must not be an error response (like Response.error())"}
	}
	out := &OutgoingResponse{Status: r.status, StatusText: r.statusText, Header: append([][2]string(nil), r.hdr.list...), ManualEncoding: r.manualEncoding}
	if r.webSocket != nil && !upgrade {
		return nil, &jsruntime.ThrownError{Text: "TypeError: " + errNotUpgrade}
	}
	switch {
	case r.stream != nil:
		if rl.bodyUsed(&r.body) {
			return nil, &jsruntime.ThrownError{Text: "TypeError: " + errBodyUsed}
		}
		out.StreamLength = rl.streamLength(r.stream)
		s, err := rl.newBodyStream(r.stream)
		if err != nil {
			return nil, err
		}
		out.Stream = s
	case !r.null:
		r.used = true
		out.Body = r.data
	}
	if r.webSocket != nil {
		peer, err := rl.CoupleWebSocket(r.webSocket)
		if err != nil {
			return nil, err
		}
		out.WebSocket = peer
	}
	return out, nil
}

// lower lower-cases an ASCII header name.
func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
