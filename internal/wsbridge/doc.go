// Package wsbridge is the network side of a worker's WebSockets: it joins
// the Go end of a script's socket (a [Peer]) to a real coder/websocket
// connection, for sockets the host accepted ([Accept])
// and sockets a worker dialled ([Dial]) alike.
//
// coder/websocket answers a peer's Close frame by itself, while workerd
// lets the script's socket answer it. So every connection runs over a close
// gate (gate.go) that parses the RFC 6455 frames the library writes, holds
// back its automatic Close answer, and writes the script's own frames once
// the library has stopped writing.
//
// The package never touches goja: it moves [Frame]s, which are plain Go
// data, and imports only the standard library and coder/websocket. The JS
// side (package bindings) implements [Peer] on its loop.
package wsbridge
