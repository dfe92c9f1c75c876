package host_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"workerhost/host"
)

const abortingRoomWorker = `
import { DurableObject } from "cloudflare:workers";
export class Room extends DurableObject {
	async fetch(request) {
		const path = new URL(request.url).pathname;
		if (path === "/abort") this.ctx.abort("reset by the test");
		if (path === "/count") return new Response(String(this.ctx.getWebSockets().length));
		const pair = new WebSocketPair();
		this.ctx.acceptWebSocket(pair[1]);
		return new Response(null, { status: 101, webSocket: pair[0] });
	}
	webSocketMessage(ws, message) { ws.send("echo " + message); }
}
export default {
	async fetch(request, env) {
		try {
			return await env.ROOMS.getByName("room").fetch(request);
		} catch (e) {
			return new Response("threw " + e.message);
		}
	},
};`

// TestDurableObjectResetDropsHibernatableSockets: abort() drops the
// object's hibernatable sockets, as workerd does (the client sees the
// connection lost, 1006), rather than leaving them open with no object
// to receive their messages; the new instance has none.
func TestDurableObjectResetDropsHibernatableSockets(t *testing.T) {
	t.Parallel()
	srv, _, log := startWorker(t, abortingRoomWorker, host.Options{DurableObjects: []host.DurableObject{{Binding: "ROOMS", ClassName: "Room"}}})
	c := dialPath(t, srv, "/ws")
	ctx := context.Background()
	if err := c.Write(ctx, websocket.MessageText, []byte("one")); err != nil {
		t.Fatal(err)
	}
	expect(t, c, "echo one")
	if _, body := get(t, srv.URL()+"/abort"); body != "threw reset by the test" {
		t.Fatalf("abort: %q", body)
	}
	_ = c.Write(ctx, websocket.MessageText, []byte("two"))
	_, msg, err := read(t, c)
	if err == nil || errors.Is(err, context.DeadlineExceeded) || websocket.CloseStatus(err) != -1 && websocket.CloseStatus(err) != websocket.StatusAbnormalClosure {
		t.Errorf("after abort(): read %q, %v; want the connection dropped", msg, err)
	}
	if _, body := get(t, srv.URL()+"/count"); body != "0" {
		t.Errorf("the new instance's sockets: %q, want 0", body)
	}
	time.Sleep(50 * time.Millisecond)
	if strings.Contains(log.String(), "Uncaught") {
		t.Errorf("log:\n%s", log.String())
	}
}
