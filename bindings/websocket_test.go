package bindings_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/coder/websocket"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
	"workerhost/internal/config"
)

// pairScript exchanges messages and closes between the two ends of a pair,
// printing every event.
const pairScript = `
	const [a, b] = new WebSocketPair();
	const log = (name, ws) => {
		if (name === "b") ws.addEventListener("message", (e) => console.log(name + " message " + (typeof e.data === "string" ? e.data : Object.prototype.toString.call(e.data))));
		ws.addEventListener("close", (e) => console.log(name + " close " + e.code + " " + e.reason + " " + e.wasClean + " readyState=" + ws.readyState));
	};
	log("a", a); log("b", b);
	a.accept();
	a.send("queued before b accepted");
	a.send(new Uint8Array([1, 2, 3]));
	b.accept();
	for (let i = 0; i < 1000; i++) b.send(String(i));
	let n = 0;
	a.addEventListener("message", (e) => {
		if (typeof e.data === "string" && /^\d+$/.test(e.data) && Number(e.data) === n) n++;
		if (n === 1000) { console.log("a got 1000 in order"); n++; b.close(4000, "done"); }
	});
	console.log("sync readyState " + a.readyState + " " + b.readyState);
`

func TestWebSocketPairInProcess(t *testing.T) {
	t.Parallel()
	out := bindingstest.Run(t, bindings.Options{}, "pair_test.js", pairScript)
	for _, want := range []string{
		"sync readyState 1 1",
		"b message queued before b accepted",
		"b message [object Blob]",
		"a got 1000 in order",
		"a close 4000 done true readyState=3", // auto-reply on by default
		"b close 4000 done true readyState=3",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if i, j := strings.Index(out, "sync readyState"), strings.Index(out, "b message"); i > j {
		t.Errorf("a message was delivered synchronously:\n%s", out)
	}
}

func TestWebSocketHalfOpenBeforeAutoReplyDate(t *testing.T) {
	t.Parallel()
	compat, err := config.NewCompat("2026-01-01", nil)
	if err != nil {
		t.Fatal(err)
	}
	out := bindingstest.Run(t, bindings.Options{Compat: compat}, "half_open_test.js", `
		const [a, b] = new WebSocketPair();
		a.accept(); b.accept();
		b.addEventListener("message", (e) => console.log("b binary " + Object.prototype.toString.call(e.data)));
		a.send(new ArrayBuffer(2));
		a.addEventListener("close", (e) => console.log("a close " + e.code + " readyState=" + a.readyState));
		b.addEventListener("close", (e) => { console.log("b close " + e.code + " readyState=" + b.readyState); });
		b.close(1000, "x".repeat(200));
	`)
	for _, want := range []string{"b binary [object ArrayBuffer]", "a close 1000 readyState=2"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "b close") {
		t.Errorf("half-open: b must not see a close nobody sent:\n%s", out)
	}
}

func TestWebSocketMisuse(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "ws_misuse_test.js", `
		const mustAccept = "You must call one of accept() or state.acceptWebSocket() on this WebSocket before sending messages.";
		const [client, server] = new WebSocketPair();
		assertThrows(() => server.send("x"), "TypeError", mustAccept);
		assertThrows(() => server.close(), "TypeError", mustAccept);
		assertEq(assertThrows(() => server.close(1005), "DOMException", "Invalid WebSocket close code: 1005.").name, "InvalidAccessError", "code");
		assertEq(assertThrows(() => server.close(1000, "é".repeat(62)), "DOMException", "WebSocket close reason must not be longer than 123 bytes when UTF-8 encoded.").name, "SyntaxError", "reason");
		assertThrows(() => server.close(undefined, "r"), "DOMException", "If you specify a WebSocket close reason, you must also specify a code.");
		server.accept();
		server.accept();
		server.close(1000, "x".repeat(123));
		assertThrows(() => server.send("late"), "TypeError", "Can't call WebSocket send() after close().");
		server.close();
		assertEq(server.readyState, 2, "closing");
		assertEq([server.url, server.protocol, server.extensions, server.binaryType].join(), ",,,blob", "properties");
		server.binaryType = "nonsense";
		assertEq(server.binaryType, "blob", "junk binaryType ignored");
		assertThrows(() => WebSocketPair(), "TypeError", "Failed to construct 'WebSocketPair': Please use the 'new' operator, this object constructor cannot be called as a function.");
		const pair = new WebSocketPair();
		assertEq(Object.keys(pair).join(), "0,1", "keys");
		assertEq(Object.values(pair)[1], pair[1], "Object.values");
		assertEq(WebSocket.CLOSED + server.OPEN, 4, "constants");
	`)
}

// TestWebSocketBufferedAmount: the bytes one end of a pair sent (UTF-8
// for text) and its partner has not received yet, as in workerd (the
// conformance case ws_buffered_amount covers a socket on the network).
func TestWebSocketBufferedAmount(t *testing.T) {
	t.Parallel()
	bindingstest.NewRuntime(t, bindings.Options{}).Run("buffered_test.js", `(async () => {
		const [a, b] = new WebSocketPair();
		a.accept();
		b.accept();
		assertEq(a.bufferedAmount, 0, "before");
		a.send("12345");
		a.send(new Uint8Array(3));
		a.send("é");
		assertEq(a.bufferedAmount, 10, "sent");
		assertEq(b.bufferedAmount, 0, "the receiving end");
		await new Promise((resolve) => {
			let n = 0;
			b.addEventListener("message", () => ++n === 3 && resolve());
		});
		assertEq(a.bufferedAmount, 0, "received");
		a.close();
		assertEq(a.bufferedAmount, 0, "a Close frame is not counted");
	})()`)
}

// TestWebSocketSendQueueLimit: a script that queues more than the limit
// for a server that never reads has its socket failed (workerd would
// queue without end): an error event that says why, close 1006, a
// warning in the log, and later sends ignored.
func TestWebSocketSendQueueLimit(t *testing.T) {
	t.Parallel()
	stop := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := websocket.Accept(w, r, nil)
		if err != nil {
			return
		}
		<-stop // never reads
		_ = c.CloseNow()
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(stop) })
	r := bindingstest.NewRuntime(t, bindings.Options{WebSocketSendQueueLimit: 1 << 20})
	r.Set("url", "ws"+strings.TrimPrefix(srv.URL, "http"))
	out := r.Run("queue_limit_test.js", `(async () => {
		const ws = new WebSocket(url);
		await new Promise((resolve) => ws.addEventListener("open", resolve));
		const events = [];
		const closed = new Promise((resolve) => ws.addEventListener("close", (e) => {
			events.push("close " + e.code + " " + e.wasClean + " readyState=" + ws.readyState);
			resolve();
		}));
		ws.addEventListener("error", (e) => events.push("error " + e.message + " / " + e.error.message));
		const chunk = "x".repeat(256 << 10);
		for (let i = 0; i < 128; i++) ws.send(chunk); // 32 MiB: more than the socket's buffers and the limit
		await closed;
		ws.send("ignored");
		assertEq(events.join("\n"), [
			"error Uncaught Error: WebSocket send queue full: the peer read nothing while 1048576 bytes were queued. / WebSocket send queue full: the peer read nothing while 1048576 bytes were queued.",
			"close 1006 false readyState=3",
		].join("\n"), "events");
	})()`)
	if want := "[workerhost:warn] WebSocket send queue full"; !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
}
