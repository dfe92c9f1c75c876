package host

import (
	"fmt"
	"net/http"
	"strings"

	"workerhost/bindings"
	"workerhost/internal/config"
	"workerhost/internal/wsbridge"
)

// serveWebSocket completes the upgrade for a 101 Response and starts the
// bridge. The bridge outlives the handler, which returns at once so that
// net/http lets go of the request; it takes over the request's end, which
// it runs when both directions are finished. The server tracks it
// (s.sockets) until then: Shutdown and reloads close it and wait for it.
func (s *Server) serveWebSocket(w http.ResponseWriter, r *http.Request, iso *isolate, resp *bindings.OutgoingResponse, end *requestEnd) {
	peer := resp.WebSocket
	b, err := wsbridge.Accept(w, r, peer, acceptOptions(w, iso.opts.Compat, resp))
	if err != nil {
		peer.Deliver(wsbridge.Frame{Kind: wsbridge.FrameDisconnect})
		peer.Close()
		fmt.Fprintf(s.opts.Log, "%v\n", err)
		return
	}
	if !s.sockets.add(b, iso) {
		b.Refuse()
		return
	}
	ended := end.take()
	go func() {
		defer ended.run()
		defer s.sockets.remove(b)
		b.Run()
	}()
}

// acceptOptions copies the Response's headers into the handshake and picks
// the subprotocol and compression from them, as workerd does: the worker
// chooses a subprotocol by setting Sec-WebSocket-Protocol itself.
func acceptOptions(w http.ResponseWriter, compat config.Compat, resp *bindings.OutgoingResponse) wsbridge.AcceptOptions {
	opts := wsbridge.AcceptOptions{Compress: compat.Enabled(config.FlagWebSocketCompression)}
	for _, kv := range resp.Header {
		switch strings.ToLower(kv[0]) {
		case "sec-websocket-protocol":
			opts.Subprotocols = append(opts.Subprotocols, kv[1])
		case "sec-websocket-extensions", "sec-websocket-accept", "upgrade", "connection":
		default:
			w.Header().Add(kv[0], kv[1])
		}
	}
	return opts
}
