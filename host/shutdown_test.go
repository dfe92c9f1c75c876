package host_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"workerhost/host"
)

// slowWorker answers /slow after 300 ms and leaves waitUntil work that logs
// 200 ms after the response.
const slowWorker = `
	export default {
		async fetch(request, env, ctx) {
			if (new URL(request.url).pathname === "/slow") {
				console.log("slow started");
				await new Promise((r) => setTimeout(r, 300));
				return new Response("slow done");
			}
			if (new URL(request.url).pathname === "/forever") {
				console.log("forever started");
				await new Promise((r) => setTimeout(r, 60000));
			}
			ctx.waitUntil(new Promise((r) => setTimeout(() => { console.log("waitUntil done"); r(); }, 200)));
			return new Response("fast");
		},
	};`

func TestShutdownFinishesRequestsAndWaitUntil(t *testing.T) {
	t.Parallel()
	srv, console, log := startWorker(t, slowWorker, host.Options{})
	if status, body := get(t, srv.URL()+"/"); status != 200 || body != "fast" {
		t.Fatalf("GET / = %d %q", status, body)
	}
	type result struct {
		status int
		body   string
	}
	slow := make(chan result, 1)
	go func() {
		status, body := get(t, srv.URL()+"/slow")
		slow <- result{status, body}
	}()
	waitFor(t, func() bool { return strings.Contains(console.String(), "slow started") }, log)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
	if got := <-slow; got.status != 200 || got.body != "slow done" {
		t.Errorf("the request in flight got %d %q, want 200 \"slow done\"", got.status, got.body)
	}
	if !strings.Contains(console.String(), "waitUntil done") {
		t.Errorf("Shutdown returned before the waitUntil promise settled; console:\n%s", console.String())
	}
}

func TestShutdownGivesUpAfterTheGracePeriod(t *testing.T) {
	t.Parallel()
	srv, console, log := startWorker(t, slowWorker, host.Options{})
	go func() {
		resp, err := httpGet(srv.URL() + "/forever")
		if err == nil {
			resp.Body.Close()
		}
	}()
	waitFor(t, func() bool { return strings.Contains(console.String(), "forever started") }, log)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := srv.Shutdown(ctx)
	if err == nil || !strings.Contains(err.Error(), "requests still running after the grace period") {
		t.Fatalf("Shutdown = %v, want the grace period's error", err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("Shutdown took %v with a 200ms grace period", took)
	}
}

// httpGet is http.Get for a goroutine that must not call t.Fatal.
func httpGet(url string) (*http.Response, error) { return http.Get(url) }
