package host_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"

	"workerhost/host"
)

const counterWorker = `
import { DurableObject } from "cloudflare:workers";
export class Counter extends DurableObject {
	async fetch(request) {
		const n = ((await this.ctx.storage.get("n")) || 0) + 1;
		await this.ctx.storage.put("n", n);
		return new Response(String(n));
	}
	async add(a, b) { return a + b; }
}
export default {
	async fetch(request, env) {
		const stub = env.COUNTERS.getByName(new URL(request.url).pathname);
		if (request.url.endsWith("/rpc")) return new Response(String(await stub.add(40, 2)));
		return stub.fetch(request);
	},
};`

var counters = []host.DurableObject{{Binding: "COUNTERS", ClassName: "Counter", SQL: true}}

// TestDurableObjectCountsAcrossRequestsAndRestarts: one object per name,
// its storage kept between requests, and on disk across a restart.
func TestDurableObjectCountsAcrossRequestsAndRestarts(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	opts := host.Options{DurableObjects: counters, Storage: dir}
	srv, _, _ := startWorker(t, counterWorker, opts)
	for i, want := range []string{"1", "2", "3"} {
		if code, body := get(t, srv.URL()+"/a"); code != 200 || body != want {
			t.Fatalf("request %d: %d %q, want %s", i, code, body, want)
		}
	}
	if _, body := get(t, srv.URL()+"/b"); body != "1" {
		t.Errorf("another name: %q, want its own count 1", body)
	}
	if _, body := get(t, srv.URL()+"/rpc"); body != "42" {
		t.Errorf("RPC: %q", body)
	}
	srv.Close()
	srv, _, _ = startWorker(t, counterWorker, opts)
	if _, body := get(t, srv.URL()+"/a"); body != "4" {
		t.Errorf("after a restart: %q, want 4", body)
	}
}

// TestDurableObjectInputGate: concurrent read-modify-write requests to one
// object lose no update, as workerd's input gate guarantees.
func TestDurableObjectInputGate(t *testing.T) {
	t.Parallel()
	srv, _, _ := startWorker(t, counterWorker, host.Options{DurableObjects: counters})
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			get(t, srv.URL()+"/same")
		}()
	}
	wg.Wait()
	if _, body := get(t, srv.URL()+"/same"); body != "21" {
		t.Errorf("after 20 concurrent increments: %q, want 21", body)
	}
}

func dialPath(t *testing.T, srv *host.Server, path string) *websocket.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(srv.URL(), "http")+path, nil)
	if err != nil {
		t.Fatalf("dial %s: %v", path, err)
	}
	t.Cleanup(func() { _ = conn.CloseNow() })
	return conn
}

func expect(t *testing.T, c *websocket.Conn, want string) {
	t.Helper()
	_, got, err := read(t, c)
	if err != nil || got != want {
		t.Fatalf("read %q, %v; want %q", got, err, want)
	}
}

// TestDurableObjectHibernation: a chat room of hibernatable sockets keeps
// them open while the object is evicted; the next message constructs it
// again, and tags and attachments survive; the auto-response answers
// without waking it.
func TestDurableObjectHibernation(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("testdata/chat_room.js")
	if err != nil {
		t.Fatal(err)
	}
	srv, console, _ := startWorker(t, string(src), host.Options{DurableObjects: []host.DurableObject{{Binding: "ROOMS", ClassName: "Room", SQL: true}}})
	ctx := context.Background()
	ann := dialPath(t, srv, "/?name=ann")
	expect(t, ann, "ann joined")
	bob := dialPath(t, srv, "/?name=bob")
	expect(t, ann, "bob joined")
	expect(t, bob, "bob joined")
	if err := ann.Write(ctx, websocket.MessageText, []byte("hi")); err != nil {
		t.Fatal(err)
	}
	expect(t, ann, "1 ann: hi [ann]")
	expect(t, bob, "1 ann: hi [ann]")

	if n := srv.HibernateDurableObjects(); n != 1 {
		t.Fatalf("hibernated %d objects, want 1", n)
	}
	if err := bob.Write(ctx, websocket.MessageText, []byte("ping")); err != nil {
		t.Fatal(err)
	}
	expect(t, bob, "pong")
	if got := strings.Count(console.String(), "room constructed"); got != 1 {
		t.Errorf("the auto-response woke the object: constructed %d times", got)
	}
	if err := bob.Write(ctx, websocket.MessageText, []byte("still here?")); err != nil {
		t.Fatal(err)
	}
	expect(t, ann, "2 bob: still here? [bob]")
	expect(t, bob, "2 bob: still here? [bob]")
	if !strings.Contains(console.String(), "room constructed, sockets: 2") {
		t.Errorf("the object was not constructed again with its two sockets:\n%s", console)
	}
	if err := ann.Close(websocket.StatusNormalClosure, "done"); err != nil {
		t.Errorf("close: %v", err)
	}
	expect(t, bob, fmt.Sprintf("ann left %d true", websocket.StatusNormalClosure))
}

const sqlWorker = `
import { DurableObject } from "cloudflare:workers";
export class Notes extends DurableObject {
	constructor(ctx, env) {
		super(ctx, env);
		ctx.storage.sql.exec("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, body TEXT, data BLOB)");
	}
	async fetch(request) {
		const sql = this.ctx.storage.sql;
		const w = sql.exec("INSERT INTO notes (body, data) VALUES (?, ?), (?, NULL)", "a", new Uint8Array([1, 2]), "b");
		const rows = sql.exec("SELECT id, body, data FROM notes ORDER BY id").toArray();
		const raw = sql.exec("SELECT body FROM notes ORDER BY id").raw().toArray();
		const cur = sql.exec("SELECT count(*) AS n FROM notes");
		const out = [w.rowsWritten, JSON.stringify(cur.columnNames), cur.one().n, rows[0].data.byteLength, String(rows[1].data), JSON.stringify(raw), sql.databaseSize > 0];
		for (const q of ["SELEC 1", "SELECT * FROM _cf_KV", "BEGIN TRANSACTION"]) {
			try { sql.exec(q); out.push("no error"); } catch (e) { out.push(e.message); }
		}
		try { sql.exec("SELECT 1 WHERE 0").one(); } catch (e) { out.push(e.message); }
		return new Response(out.join("\n"));
	}
}
export default { fetch(request, env) { return env.NOTES.getByName("n").fetch(request); } };`

// TestDurableObjectSQL: ctx.storage.sql on a SQLite-backed class, its
// cursor, and workerd's errors.
func TestDurableObjectSQL(t *testing.T) {
	t.Parallel()
	srv, _, _ := startWorker(t, sqlWorker, host.Options{DurableObjects: []host.DurableObject{{Binding: "NOTES", ClassName: "Notes", SQL: true}}})
	_, body := get(t, srv.URL())
	want := strings.Join([]string{"2", `["n"]`, "2", "2", "null", `[["a"],["b"]]`, "true",
		`near "SELEC": syntax error at offset 0: SQLITE_ERROR`, "access to _cf_KV.key is prohibited: SQLITE_AUTH",
		"To execute a transaction, please use the state.storage.transaction() or state.storage.transactionSync() APIs instead of the SQL BEGIN TRANSACTION or SAVEPOINT statements. The JavaScript API is safer because it will automatically roll back on exceptions, and because it interacts correctly with Durable Objects' automatic atomic write coalescing.",
		"Expected exactly one result from SQL query, but got no results."}, "\n")
	if body != want {
		t.Errorf("got:\n%s\nwant:\n%s", body, want)
	}
}

const alarmWorker = `
import { DurableObject } from "cloudflare:workers";
export class Clock extends DurableObject {
	async fetch(request) {
		const path = new URL(request.url).pathname;
		if (path === "/set") {
			await this.ctx.storage.setAlarm(Date.now() + 300);
			return new Response(String((await this.ctx.storage.getAlarm()) > Date.now()));
		}
		if (path === "/fail") {
			await this.ctx.storage.put("fail", 1);
			await this.ctx.storage.setAlarm(Date.now() + 10);
			return new Response("ok");
		}
		return new Response(String((await this.ctx.storage.get("rang")) || 0) + " " + (await this.ctx.storage.getAlarm()));
	}
	async alarm(info) {
		console.log("alarm retryCount=" + info.retryCount + " isRetry=" + info.isRetry);
		if (await this.ctx.storage.get("fail")) {
			await this.ctx.storage.delete("fail");
			throw new Error("first try fails");
		}
		await this.ctx.storage.put("rang", ((await this.ctx.storage.get("rang")) || 0) + 1);
	}
}
export default { fetch(request, env) { return env.CLOCKS.getByName("c").fetch(request); } };`

// TestDurableObjectAlarm: an alarm fires its handler once and is then
// cleared; one set before a restart fires after it; a handler that throws
// is retried.
func TestDurableObjectAlarm(t *testing.T) {
	t.Parallel()
	opts := host.Options{DurableObjects: []host.DurableObject{{Binding: "CLOCKS", ClassName: "Clock"}}, Storage: t.TempDir()}
	srv, console, _ := startWorker(t, alarmWorker, opts)
	if _, body := get(t, srv.URL()+"/set"); body != "true" {
		t.Fatalf("set: %q", body)
	}
	waitFor(t, func() bool { _, b := get(t, srv.URL()+"/"); return b == "1 null" }, console)

	// Set, then stop before it is due: the next start fires it.
	get(t, srv.URL()+"/set")
	srv.Close()
	time.Sleep(400 * time.Millisecond)
	srv, console, _ = startWorker(t, alarmWorker, opts)
	waitFor(t, func() bool { return strings.Contains(console.String(), "alarm retryCount=0") }, console)
	if _, body := get(t, srv.URL()+"/"); body != "2 null" {
		t.Errorf("after the restart: %q, want the alarm rung a second time", body)
	}

	get(t, srv.URL()+"/fail")
	waitFor(t, func() bool { return strings.Contains(console.String(), "alarm retryCount=1 isRetry=true") }, console)
	waitFor(t, func() bool { _, b := get(t, srv.URL()+"/"); return b == "3 null" }, console)
}

const plainAcceptWorker = `
import { DurableObject } from "cloudflare:workers";
export class Echo extends DurableObject {
	sockets = new Set();
	async fetch(request) {
		const [client, server] = Object.values(new WebSocketPair());
		server.accept();
		this.sockets.add(server);
		server.addEventListener("message", (e) => {
			for (const s of this.sockets) s.send(this.sockets.size + ":" + e.data);
		});
		server.addEventListener("close", () => this.sockets.delete(server));
		return new Response(null, { status: 101, webSocket: client });
	}
}
export default { fetch(request, env) { return env.ECHO.getByName("e").fetch(request); } };`

// TestDurableObjectPlainAccept: inside an object, sockets accepted with
// accept() work as outside, and one visitor's event writes to another's
// socket (they belong to the object, not to the request that opened them).
func TestDurableObjectPlainAccept(t *testing.T) {
	t.Parallel()
	srv, _, _ := startWorker(t, plainAcceptWorker, host.Options{DurableObjects: []host.DurableObject{{Binding: "ECHO", ClassName: "Echo"}}})
	a := dialPath(t, srv, "/")
	b := dialPath(t, srv, "/")
	// b's upgrade has been answered, so the object holds both sockets.
	if err := b.Write(context.Background(), websocket.MessageText, []byte("hey")); err != nil {
		t.Fatal(err)
	}
	expect(t, a, "2:hey")
	expect(t, b, "2:hey")
	if n := srv.HibernateDurableObjects(); n != 0 {
		t.Errorf("an object with plain sockets was evicted (%d)", n)
	}
}

// TestDurableObjectStorageSurvivesReload: a reload makes new instances on
// the same databases.
func TestDurableObjectStorageSurvivesReload(t *testing.T) {
	t.Parallel()
	srv, _, _ := startWorker(t, counterWorker, host.Options{DurableObjects: counters, Storage: t.TempDir()})
	get(t, srv.URL()+"/r")
	get(t, srv.URL()+"/r")
	if err := srv.Reload(); err != nil {
		t.Fatal(err)
	}
	if _, body := get(t, srv.URL()+"/r"); body != "3" {
		t.Errorf("after a reload: %q, want 3", body)
	}
}

const eventTimeoutWorker = `
import { DurableObject } from "cloudflare:workers";
export class Slow extends DurableObject {
	async fetch(request) {
		const [client, server] = Object.values(new WebSocketPair());
		this.ctx.acceptWebSocket(server);
		this.ctx.setHibernatableWebSocketEventTimeout(100);
		return new Response(null, { status: 101, webSocket: client });
	}
	async webSocketMessage(ws, msg) {
		ws.send("start " + msg);
		await new Promise((resolve) => setTimeout(resolve, 400));
		ws.send("late " + msg);
	}
}
export default { fetch(request, env) { return env.SLOW.getByName("s").fetch(request); } };`

// TestHibernatableEventTimeout: a handler still running after
// setHibernatableWebSocketEventTimeout's time is cancelled (what it
// awaits never resumes), as workerd does, and the socket stays usable.
func TestHibernatableEventTimeout(t *testing.T) {
	t.Parallel()
	srv, _, _ := startWorker(t, eventTimeoutWorker, host.Options{DurableObjects: []host.DurableObject{{Binding: "SLOW", ClassName: "Slow"}}})
	ws := dialPath(t, srv, "/")
	ctx := context.Background()
	if err := ws.Write(ctx, websocket.MessageText, []byte("one")); err != nil {
		t.Fatal(err)
	}
	expect(t, ws, "start one")
	time.Sleep(600 * time.Millisecond)
	if err := ws.Write(ctx, websocket.MessageText, []byte("two")); err != nil {
		t.Fatal(err)
	}
	// "late one" never comes: the next message is the second event's.
	expect(t, ws, "start two")
}
