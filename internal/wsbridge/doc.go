// Package wsbridge is the network side of a worker's WebSockets: it joins
// the Go end of a script's socket (a [Peer]) to a real coder/websocket
// connection, for sockets the host accepted ([Accept])
// and sockets a worker dialled ([Dial]) alike.
//
// Control frames go as in workerd, not as the library would send them, so
// every connection runs over a gate (gate.go, inbound.go). It reads the
// peer's frames first, by workerd's rules: data frames pass on to the
// library; pings are answered by the gate, only the latest when behind;
// a Close frame goes to the script, which answers it (the library would
// answer by itself); a frame workerd refuses closes the connection with
// workerd's code and description. It parses the frames written through it,
// drops the library's own Close frames and writes its pongs and the
// bridge's Close frames between them. Without permessage-deflate the
// library only runs the opening handshake: the bridge reads whole messages
// from the gate's filter (message.go) and frames what it writes itself
// (writer.go), so nothing of the library's sits on the hot path.
//
// The package never touches goja: it moves [Frame]s, which are plain Go
// data, and imports only the standard library and coder/websocket. The JS
// side (package bindings) implements [Peer] on its loop.
package wsbridge
