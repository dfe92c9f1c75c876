package host_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"workerhost/host"
)

const echoWorker = `
export default {
	fetch(request) {
		if (request.headers.get("upgrade") !== "websocket") {
			return new Response("Expected Upgrade: websocket", { status: 426 });
		}
		const [client, server] = Object.values(new WebSocketPair());
		server.binaryType = "arraybuffer";
		server.accept();
		server.send("welcome");
		server.addEventListener("message", (e) => {
			if (e.data === "close") server.close(4000, "asked to");
			else server.send(e.data);
		});
		server.addEventListener("close", (e) => {
			console.log("close " + e.code + " " + JSON.stringify(e.reason) + " " + e.wasClean + " " + server.readyState);
		});
		return new Response(null, { status: 101, webSocket: client });
	},
};`

func dial(t *testing.T, srv *host.Server) *websocket.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, resp, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(srv.URL(), "http"), nil)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	if resp.StatusCode != 101 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	t.Cleanup(func() { _ = conn.CloseNow() })
	return conn
}

func read(t *testing.T, c *websocket.Conn) (websocket.MessageType, string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	typ, b, err := c.Read(ctx)
	return typ, string(b), err
}

func TestWebSocketEchoAndClientClose(t *testing.T) {
	t.Parallel()
	srv, console, _ := startWorker(t, echoWorker, host.Options{})
	c := dial(t, srv)
	if _, msg, err := read(t, c); err != nil || msg != "welcome" {
		t.Fatalf("first message %q %v", msg, err)
	}
	ctx := context.Background()
	_ = c.Write(ctx, websocket.MessageText, []byte("héllo"))
	if typ, msg, _ := read(t, c); typ != websocket.MessageText || msg != "héllo" {
		t.Errorf("text echo: %v %q", typ, msg)
	}
	_ = c.Write(ctx, websocket.MessageBinary, []byte{0, 1, 2})
	if typ, msg, _ := read(t, c); typ != websocket.MessageBinary || msg != "\x00\x01\x02" {
		t.Errorf("binary echo: %v %q", typ, msg)
	}
	if err := c.Close(4001, "bye"); err != nil {
		t.Errorf("close handshake: %v", err)
	}
	waitFor(t, func() bool { return strings.Contains(console.String(), `close 4001 "bye" true 3`) }, console)
}

func TestWebSocketServerCloseAndDrop(t *testing.T) {
	t.Parallel()
	srv, console, _ := startWorker(t, echoWorker, host.Options{})
	c := dial(t, srv)
	read(t, c)
	_ = c.Write(context.Background(), websocket.MessageText, []byte("close"))
	_, _, err := read(t, c)
	if websocket.CloseStatus(err) != 4000 {
		t.Fatalf("want close 4000, got %v", err)
	}
	waitFor(t, func() bool { return strings.Contains(console.String(), `close 4000 "asked to" true 3`) }, console)

	c2 := dial(t, srv)
	read(t, c2)
	_ = c2.CloseNow()
	waitFor(t, func() bool {
		return strings.Contains(console.String(), `close 1006 "WebSocket disconnected without sending Close frame." false 1`)
	}, console)
}

func TestShutdownClosesSocketsWithGoingAway(t *testing.T) {
	t.Parallel()
	srv, _, _ := startWorker(t, echoWorker, host.Options{})
	c := dial(t, srv)
	read(t, c)
	errc := make(chan error, 1)
	go func() {
		_, _, err := read(t, c)
		errc <- err
	}()
	time.Sleep(10 * time.Millisecond)
	go func() { _ = srv.Close() }()
	if err := <-errc; websocket.CloseStatus(err) != websocket.StatusGoingAway {
		t.Fatalf("want 1001, got %v", err)
	}
}
