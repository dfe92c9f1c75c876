// Package httpguard reads HTTP/1.1 requests off a connection the way workerd
// does, before net/http sees them, so that a hostile client meets workerd's
// limits and answers rather than net/http's.
//
// A [Listener] hands out [Conn]s. Each Conn holds a request head until it has
// all of it (at most [MaxHeadBytes]), checks it with workerd's rules (head.go:
// the method, the request target, the version, header syntax, [MaxHeaders],
// Content-Length and Transfer-Encoding), and passes net/http a canonical copy:
// one Content-Length or "Transfer-Encoding: chunked", nothing it could read
// differently. A chunked body is decoded with workerd's rules (chunked.go) and
// re-encoded canonically, so the body's end is where workerd would put it and
// no request can be smuggled after it. A head workerd refuses becomes a
// stand-in request whose [Request] carries the [Rejection] to write.
//
// The host takes each request's [Request] with [Take] (the http.Server must
// use [ConnContext]) and, through it, learns what the worker should see
// ([Request.Header]) and how the connection ends ([Request.CloseAfter],
// [Request.BodyArrived], [Request.Kill]).
//
// Every figure was measured on workerd 1.20261117.1; the README lists them.
// The package imports only the standard library.
package httpguard
