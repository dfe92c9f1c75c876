// Package outbound is the network side of a worker's fetch(): plain
// HTTP/1.1 with net/http, and the WebSocket handshake of a fetch with
// Upgrade: websocket through package wsbridge.
//
// Everything here runs on its own goroutine and works on plain Go data
// ([Request], [Response]); package bindings converts to and from JS on its
// loop. Errors are typed so bindings can throw what workerd throws:
// [TooManyRedirectsError] and [InvalidLocationError] become TypeErrors, and
// any other failure is a [NetworkError] ("Network connection lost.") whose
// Cause says what really happened, for the log. It imports the standard
// library, coder/websocket and wsbridge, never goja.
package outbound
