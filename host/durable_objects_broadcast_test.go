package host_test

import (
	"context"
	"os"
	"testing"

	"github.com/coder/websocket"

	"workerhost/host"
)

// TestDurableObjectBroadcastWithoutAutoResponse: a room that never sets an
// auto-response (scripts/bench/broadcast.js) gets its sockets' messages
// and sends each to every socket, before and after hibernation.
func TestDurableObjectBroadcastWithoutAutoResponse(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("../scripts/bench/broadcast.js")
	if err != nil {
		t.Fatal(err)
	}
	srv, _, log := startWorker(t, string(src), host.Options{Name: "broadcast", DurableObjects: []host.DurableObject{{Binding: "ROOMS", ClassName: "Room", SQL: true}}})
	a, b := dialPath(t, srv, "/room"), dialPath(t, srv, "/room")
	for _, msg := range []string{"one", "two"} {
		if err := a.Write(context.Background(), websocket.MessageText, []byte(msg)); err != nil {
			t.Fatal(err)
		}
		expect(t, a, msg)
		expect(t, b, msg)
		if n := srv.HibernateDurableObjects(); n != 1 {
			t.Fatalf("hibernated %d objects, want 1\n%s", n, log)
		}
	}
}
