package host_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"

	"workerhost/host"
	"workerhost/jsruntime"
	"workerhost/jsruntime/jsruntimetest"
)

// copyWorker names its copy at the top level and counts the requests and
// WebSocket messages that copy serves, in module scope: each answer is
// "VERSION ID COUNT". /slow answers after 50 ms, so requests overlap.
func copyWorker(version string) string {
	return `console.log("top level ran");
const id = Math.random().toString(36).slice(2);
let count = 0;
const tag = () => "` + version + ` " + id + " " + (++count);
export default {
	async fetch(request) {
		if (request.headers.get("upgrade") === "websocket") {
			const [client, server] = Object.values(new WebSocketPair());
			server.accept();
			server.addEventListener("message", () => server.send(tag()));
			return new Response(null, { status: 101, webSocket: client });
		}
		if (new URL(request.url).pathname === "/slow") await new Promise((r) => setTimeout(r, 50));
		return new Response(tag());
	},
};`
}

// answer is one "VERSION ID COUNT" reply of copyWorker.
type answer struct {
	version, id string
	count       int
}

func parseAnswer(t *testing.T, s string) answer {
	t.Helper()
	f := strings.Fields(s)
	if len(f) != 3 {
		t.Fatalf("answer %q is not VERSION ID COUNT", s)
	}
	n, err := strconv.Atoi(f[2])
	if err != nil {
		t.Fatalf("answer %q: %v", s, err)
	}
	return answer{f[0], f[1], n}
}

// getConcurrently sends n overlapping GETs of path and returns the answers.
func getConcurrently(t *testing.T, srv *host.Server, path string, n int) []answer {
	t.Helper()
	bodies := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			code, body := get(t, srv.URL()+path)
			if code != 200 {
				t.Errorf("GET %s = %d %q", path, code, body)
			}
			bodies[i] = body
		})
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	out := make([]answer, n)
	for i, b := range bodies {
		out[i] = parseAnswer(t, b)
	}
	return out
}

// counts groups answers by copy and returns how many each copy gave.
// A copy's counts must be consecutive, with no repeats: each copy counts
// alone, in its own module scope.
func counts(t *testing.T, answers []answer) map[string]int {
	t.Helper()
	seen := map[string][]int{}
	for _, a := range answers {
		seen[a.id] = append(seen[a.id], a.count)
	}
	out := map[string]int{}
	for id, cs := range seen {
		slices.Sort(cs)
		for i := 1; i < len(cs); i++ {
			if cs[i] != cs[i-1]+1 {
				t.Errorf("copy %s counted %v: not one counter per copy", id, cs)
				break
			}
		}
		out[id] = len(cs)
	}
	return out
}

// TestIsolatesShareRequests runs two copies: the top level runs twice,
// overlapping requests are served by both, each counting its own, and
// requests one after another alternate between them.
func TestIsolatesShareRequests(t *testing.T) {
	t.Parallel()
	srv, console, _ := startWorker(t, copyWorker("v1"), host.Options{Isolates: 2})
	if got := strings.Count(console.String(), "top level ran\n"); got != 2 {
		t.Errorf("top level ran %d times, want 2:\n%s", got, console.String())
	}
	var last string
	for i := range 4 {
		_, body := get(t, srv.URL())
		a := parseAnswer(t, body)
		if a.id == last {
			t.Errorf("request %d went to the copy of the one before it (%s): idle copies are taken in turn", i+1, a.id)
		}
		last = a.id
	}
	per := counts(t, getConcurrently(t, srv, "/slow", 20))
	if len(per) != 2 {
		t.Fatalf("20 overlapping requests reached %d copies (%v), want 2", len(per), per)
	}
}

// TestIsolatesPinWebSockets opens a WebSocket on each of two copies and
// checks that every message of a socket reaches the copy that accepted
// it, while requests go on reaching both.
func TestIsolatesPinWebSockets(t *testing.T) {
	t.Parallel()
	srv, _, _ := startWorker(t, copyWorker("v1"), host.Options{Isolates: 2})
	a, b := dial(t, srv), dial(t, srv)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ids := map[*websocket.Conn]string{}
	for i := range 10 {
		for _, c := range []*websocket.Conn{a, b} {
			if err := c.Write(ctx, websocket.MessageText, []byte("hi")); err != nil {
				t.Fatal(err)
			}
			_, msg, err := read(t, c)
			if err != nil {
				t.Fatal(err)
			}
			got := parseAnswer(t, msg)
			if ids[c] == "" {
				ids[c] = got.id
			} else if got.id != ids[c] {
				t.Fatalf("message %d of a socket reached copy %s, its first reached %s", i+1, got.id, ids[c])
			}
		}
		getConcurrently(t, srv, "/", 2)
	}
	if ids[a] == ids[b] {
		t.Errorf("both sockets went to copy %s; the second should go to the idle copy", ids[a])
	}
}

// TestIsolatesReloadTogether reloads a worker of two copies: both old
// copies' sockets close with 1012, every request then gets the new
// version from two new copies, and the old copies stop.
func TestIsolatesReloadTogether(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "worker.js")
	writeFile(t, path, copyWorker("v1"))
	var log, console jsruntimetest.Buffer
	srv, err := host.Start(host.Options{Script: path, Isolates: 2, Log: &log, Console: &console}, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	old := counts(t, getConcurrently(t, srv, "/slow", 10))
	sockets := []*websocket.Conn{dial(t, srv), dial(t, srv)}
	writeFile(t, path, copyWorker("v2"))
	if err := srv.Reload(); err != nil {
		t.Fatal(err)
	}
	for _, c := range sockets {
		if _, _, err := read(t, c); websocket.CloseStatus(err) != websocket.StatusServiceRestart {
			t.Errorf("old socket: got %v, want close 1012", err)
		}
	}
	answers := getConcurrently(t, srv, "/slow", 10)
	for _, a := range answers {
		if _, wasOld := old[a.id]; a.version != "v2" || wasOld {
			t.Errorf("after the reload: %+v, want v2 from a new copy", a)
		}
	}
	if per := counts(t, answers); len(per) != 2 {
		t.Errorf("after the reload, requests reached %d copies (%v), want 2", len(per), per)
	}
	waitFor(t, func() bool { return host.LiveIsolates(srv) == 2 }, &log)
	if !strings.Contains(log.String(), "closed 2 WebSockets with 1012 (Service Restart)") {
		t.Errorf("log:\n%s", log.String())
	}
	if got := strings.Count(console.String(), "top level ran\n"); got != 4 {
		t.Errorf("top level ran %d times over two versions, want 4", got)
	}
}

// TestIsolatesStartErrors: a script that throws fails the start with its
// error once, whatever the number of copies, and nothing is left running
// (goleak checks); a negative count is refused.
func TestIsolatesStartErrors(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "worker.js")
	writeFile(t, path, "throw new Error('no start');\n")
	var log jsruntimetest.Buffer
	_, err := host.Start(host.Options{Script: path, Isolates: 3, Log: &log, Console: &log}, "127.0.0.1:0")
	var se *jsruntime.ScriptError
	if !errors.As(err, &se) || se.Text != "Uncaught Error: no start" {
		t.Errorf("Start: %v, want the script's error", err)
	}
	_, err = host.Start(host.Options{Script: path, Isolates: -1}, "127.0.0.1:0")
	if err == nil || err.Error() != "failed to start: Isolates is -1, want 1 or more (0 means 1)" {
		t.Errorf("Isolates -1: %v", err)
	}
}

// TestIsolatesConsoleLines has copies log at once to a plain
// bytes.Buffer, not safe for concurrent use: their lines never
// interleave (and -race sees no race).
func TestIsolatesConsoleLines(t *testing.T) {
	t.Parallel()
	line := strings.Repeat("x", 4000)
	path := filepath.Join(t.TempDir(), "worker.js")
	writeFile(t, path, fmt.Sprintf(`export default { fetch() { console.log(%q); return new Response("ok"); } };`, line))
	var console bytes.Buffer
	var log jsruntimetest.Buffer
	srv, err := host.Start(host.Options{Script: path, Isolates: 2, Console: &console, Log: &log}, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() { get(t, srv.URL()) })
	}
	wg.Wait()
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(console.String(), "\n"); n != 20 {
		t.Errorf("%d console lines, want 20", n)
	}
	for _, l := range strings.Split(strings.TrimSuffix(console.String(), "\n"), "\n") {
		if l != line {
			t.Fatalf("a console line of %d bytes, want %d", len(l), len(line))
		}
	}
}

// BenchmarkFetchDispatchIsolates is BenchmarkFetchDispatch with two
// copies, from parallel clients: the choice of copy adds no allocation.
func BenchmarkFetchDispatchIsolates(b *testing.B) {
	for _, n := range []int{1, 2} {
		b.Run(fmt.Sprintf("isolates=%d", n), func(b *testing.B) {
			srv, _, _ := startWorker(b, benchWorker, host.Options{Isolates: n})
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				client := &http.Client{}
				for pb.Next() {
					resp, err := client.Get(srv.URL())
					if err != nil {
						b.Error(err)
						return
					}
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
			})
		})
	}
}
