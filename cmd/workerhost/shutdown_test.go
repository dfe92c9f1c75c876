package main

import (
	"io"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// slowWorker answers /slow after 500 ms, spins forever on /spin, echoes
// WebSocket messages on /ws, and on / leaves waitUntil work that logs 200 ms
// after the response.
const slowWorker = `
export default {
  async fetch(request, env, ctx) {
    const path = new URL(request.url).pathname;
    if (path === "/slow") {
      console.log("slow started");
      await new Promise((r) => setTimeout(r, 500));
      return new Response("slow done");
    }
    if (path === "/spin") {
      console.log("spinning");
      for (;;) {}
    }
    if (path === "/ws") {
      const [client, server] = Object.values(new WebSocketPair());
      server.accept();
      server.addEventListener("message", (e) => server.send(e.data));
      return new Response(null, { status: 101, webSocket: client });
    }
    ctx.waitUntil(new Promise((r) => setTimeout(() => { console.log("waitUntil done"); r(); }, 200)));
    return new Response("fast");
  },
};
`

// TestSignalShutsDownGracefully sends each signal while a request is in
// flight, a WebSocket is open and waitUntil work is pending: the request is
// answered, the socket is closed with 1001, the waitUntil work logs before
// the process exits, and the exit code is 0.
func TestSignalShutsDownGracefully(t *testing.T) {
	t.Parallel()
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			t.Parallel()
			dir := project(t, map[string]string{"worker.js": slowWorker})
			p := startCommand(t, dir, "dev", "worker.js", "--port", "0", "--no-watch")
			resp, err := http.Get(p.url + "/")
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			ws, _, err := websocket.Dial(withTimeout(t), p.url+"/ws", nil)
			if err != nil {
				t.Fatal(err)
			}
			wsClosed := make(chan error, 1)
			go func() {
				_, _, err := ws.Read(withTimeout(t))
				wsClosed <- err
			}()
			slow := make(chan string, 1)
			go func() {
				resp, err := http.Get(p.url + "/slow")
				if err != nil {
					slow <- err.Error()
					return
				}
				defer resp.Body.Close()
				body, _ := io.ReadAll(resp.Body)
				slow <- resp.Status + " " + string(body)
			}()
			p.waitOutput("slow started", 5*time.Second)
			p.signal(sig)
			if code := p.exitCode(5 * time.Second); code != 0 {
				t.Errorf("exit code %d, want 0; stderr:\n%s", code, p.stderr.String())
			}
			if got := <-slow; got != "200 OK slow done" {
				t.Errorf("the request in flight got %q", got)
			}
			if err := <-wsClosed; websocket.CloseStatus(err) != websocket.StatusGoingAway {
				t.Errorf("the WebSocket ended with %v, want 1001", err)
			}
			if !strings.Contains(p.stdout.String(), "waitUntil done") {
				t.Errorf("the waitUntil work did not finish before exit; stdout:\n%s", p.stdout.String())
			}
			for _, want := range []string{"⎔ Shutting down: finishing requests and waitUntil work for up to 10s (press Ctrl-C again to exit now)", "[workerhost:info] GET /slow 200 OK", "⎔ Stopped"} {
				if len(p.lines(want)) != 1 {
					t.Errorf("stderr lacks %q:\n%s", want, p.stderr.String())
				}
			}
		})
	}
}

// TestSecondSignalExitsAtOnce stops a process whose script is stuck in a
// loop: the first signal cannot finish the request, the second exits.
func TestSecondSignalExitsAtOnce(t *testing.T) {
	t.Parallel()
	dir := project(t, map[string]string{"worker.js": slowWorker})
	p := startCommand(t, dir, "dev", "worker.js", "--port", "0", "--no-watch")
	go func() {
		if resp, err := http.Get(p.url + "/spin"); err == nil {
			resp.Body.Close()
		}
	}()
	p.waitOutput("spinning", 5*time.Second)
	p.signal(syscall.SIGINT)
	p.waitOutput("⎔ Shutting down", 5*time.Second)
	p.signal(syscall.SIGINT)
	if code := p.exitCode(2 * time.Second); code != exitInterrupted {
		t.Errorf("exit code %d, want %d; stderr:\n%s", code, exitInterrupted, p.stderr.String())
	}
	if len(p.lines("⎔ Exiting now")) != 1 {
		t.Errorf("stderr lacks the exit line:\n%s", p.stderr.String())
	}
}

// TestGracePeriodRunsOut stops a process whose request outlasts --grace.
func TestGracePeriodRunsOut(t *testing.T) {
	t.Parallel()
	dir := project(t, map[string]string{"worker.js": slowWorker})
	p := startCommand(t, dir, "dev", "worker.js", "--port", "0", "--no-watch", "--grace", "300ms")
	go func() {
		if resp, err := http.Get(p.url + "/spin"); err == nil {
			resp.Body.Close()
		}
	}()
	p.waitOutput("spinning", 5*time.Second)
	p.signal(syscall.SIGTERM)
	if code := p.exitCode(3 * time.Second); code != 1 {
		t.Errorf("exit code %d, want 1; stderr:\n%s", code, p.stderr.String())
	}
	want := "✘ [ERROR] failed to shut down: requests still running after the grace period: context deadline exceeded"
	if len(p.lines(want)) != 1 {
		t.Errorf("stderr lacks %q:\n%s", want, p.stderr.String())
	}
}
