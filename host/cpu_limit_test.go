package host_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"

	"workerhost/host"
)

// spinWorker has a route for each way a request can burn CPU: in its
// handler, after an await, in a timer, a little at a time, or only by
// waiting (which does not count).
const spinWorker = `
function busy(ms) { const end = Date.now() + ms; while (Date.now() < end) {} }
function spin() {
  for (;;) {}
}
export default {
  async fetch(request) {
    const path = new URL(request.url).pathname;
    if (path === "/spin") spin();
    if (path === "/spin-after-await") { await null; spin(); }
    if (path === "/spin-in-timer") {
      return new Promise((resolve) => setTimeout(() => { spin(); resolve(new Response("never")); }, 5));
    }
    if (path === "/many-slices") {
      for (let i = 0; i < 20; i++) { busy(15); await new Promise((r) => setTimeout(r, 1)); }
      return new Response("never");
    }
    if (path === "/wait") {
      await new Promise((r) => setTimeout(r, 400));
      return new Response("waited");
    }
    if (path === "/ws") {
      const [client, server] = Object.values(new WebSocketPair());
      server.accept();
      server.addEventListener("message", (e) => {
        if (e.data === "spin") spin();
        server.send("echo " + e.data);
      });
      return new Response(null, { status: 101, webSocket: client });
    }
    return new Response("ok");
  },
};
`

func TestCPULimitStopsARunawayRequestAndKeepsServing(t *testing.T) {
	t.Parallel()
	srv, _, log := startWorker(t, spinWorker, host.Options{CPULimit: 100 * time.Millisecond})
	for _, path := range []string{"/spin", "/spin-after-await", "/spin-in-timer", "/many-slices"} {
		t.Run(path, func(t *testing.T) {
			status, body := get(t, srv.URL()+path)
			if status != http.StatusServiceUnavailable || body != "Service Unavailable" {
				t.Errorf("GET %s = %d %q, want workerd's 503", path, status, body)
			}
		})
	}
	if status, body := get(t, srv.URL()+"/wait"); status != 200 || body != "waited" {
		t.Errorf("waiting 400 ms under a 100 ms limit: %d %q", status, body)
	}
	if status, body := get(t, srv.URL()+"/"); status != 200 || body != "ok" {
		t.Errorf("after the runaway requests: %d %q", status, body)
	}
	out := log.String()
	for _, want := range []string{
		"Uncaught (in response) Error: Worker exceeded CPU time limit.",
		"at spin (",    // the function that ran away...
		"worker.js:3:", // ...and its line, in the user's file
		"GET /spin 503 Service Unavailable",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
}

func TestCPULimitLeavesOtherRequestsAndSocketsRunning(t *testing.T) {
	t.Parallel()
	srv, _, log := startWorker(t, spinWorker, host.Options{CPULimit: 200 * time.Millisecond})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ws, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(srv.URL(), "http")+"/ws", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.CloseNow()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			get(t, srv.URL()+"/spin")
		}()
	}
	// While runaway requests are being stopped, the socket still echoes.
	if err := ws.Write(ctx, websocket.MessageText, []byte("hello")); err != nil {
		t.Fatal(err)
	}
	if _, data, err := ws.Read(ctx); err != nil || string(data) != "echo hello" {
		t.Fatalf("echo: %q, %v", data, err)
	}
	wg.Wait()
	// A listener that runs away is stopped too; the server goes on.
	_ = ws.Write(ctx, websocket.MessageText, []byte("spin"))
	if status, _ := get(t, srv.URL()+"/"); status != 200 {
		t.Errorf("after a runaway listener: %d", status)
	}
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(log.String(), "Uncaught Error: Worker exceeded CPU time limit.") && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if !strings.Contains(log.String(), "Uncaught Error: Worker exceeded CPU time limit.") {
		t.Errorf("the runaway listener was not reported:\n%s", log.String())
	}
}

func TestCPULimitAtTheTopLevel(t *testing.T) {
	t.Parallel()
	// Line 1 runs nothing, so the interruption is at line 2 even when a
	// loaded machine spends the budget before the script's first
	// instruction (the budget is the job's time on the loop).
	path := writeWorker(t, "// spins at the top level\nfor (let n = 0; ; n++) {}\n")
	_, err := host.Start(host.Options{Script: path, CPULimit: 100 * time.Millisecond, Log: discard{}, Console: discard{}}, "127.0.0.1:0")
	if err == nil || !strings.Contains(err.Error(), "Script startup exceeded CPU time limit.") || !strings.Contains(err.Error(), ":2:") {
		t.Fatalf("Start = %v, want the startup limit error at line 2", err)
	}
}

// writeWorker writes src to a temp worker.js and returns its path.
func writeWorker(t *testing.T, src string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "worker.js")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// discard is an io.Writer that drops everything.
type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
