package host_test

import (
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"workerhost/host"
	"workerhost/internal/config"
	"workerhost/jsruntime"
	"workerhost/jsruntime/jsruntimetest"
)

// startWorker writes src to a temp worker.js and serves it.
func startWorker(t testing.TB, src string, opts host.Options) (*host.Server, *jsruntimetest.Buffer, *jsruntimetest.Buffer) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "worker.js")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var console, log jsruntimetest.Buffer
	opts.Script, opts.Console, opts.Log = path, &console, &log
	srv, err := host.Start(opts, "127.0.0.1:0")
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() {
		if err := srv.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return srv, &console, &log
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestModuleWorkerGetsEnvAndLogsRequests(t *testing.T) {
	t.Parallel()
	srv, console, log := startWorker(t, `
		export default {
			async fetch(request, env, ctx) {
				console.log("handling", new URL(request.url).pathname);
				return new Response("hello " + env.NAME, { headers: { "x-kind": "module" } });
			},
		};`, host.Options{Vars: map[string]any{"NAME": "world"}})
	status, body := get(t, srv.URL()+"/path?q=1")
	if status != 200 || body != "hello world" {
		t.Fatalf("got %d %q", status, body)
	}
	if !strings.Contains(console.String(), "handling /path") {
		t.Errorf("console = %q", console.String())
	}
	waitFor(t, func() bool { return strings.Contains(log.String(), "GET /path?q=1 200 OK (") }, log)
}

func TestServiceWorkerVarsAreGlobals(t *testing.T) {
	t.Parallel()
	srv, _, _ := startWorker(t, `
		addEventListener("fetch", (event) => {
			event.respondWith(new Response("sw " + GREETING));
		});`, host.Options{Vars: map[string]any{"GREETING": "hi"}})
	if status, body := get(t, srv.URL()); status != 200 || body != "sw hi" {
		t.Fatalf("got %d %q", status, body)
	}
}

func TestThrowingHandlerGets500AndServerKeepsServing(t *testing.T) {
	t.Parallel()
	srv, _, log := startWorker(t, `
		let n = 0;
		function fail() {
			throw new Error("boom " + n);
		}
		export default {
			async fetch(request) {
				n++;
				if (new URL(request.url).pathname === "/fail") fail();
				return new Response("ok " + n);
			},
		};`, host.Options{})
	if status, body := get(t, srv.URL()+"/fail"); status != 500 || body != "Internal Server Error" {
		t.Fatalf("got %d %q, want workerd's 500", status, body)
	}
	if status, body := get(t, srv.URL()+"/"); status != 200 || body != "ok 2" {
		t.Fatalf("after a throw: got %d %q", status, body)
	}
	waitFor(t, func() bool {
		l := log.String()
		return strings.Contains(l, "Uncaught (in response) Error: boom 1") && strings.Contains(l, "worker.js:4:")
	}, log)
	if strings.Contains(log.String(), "(in promise)") {
		t.Errorf("the handler's rejection was also reported as unhandled:\n%s", log.String())
	}
}

func TestSyntaxErrorIsAScriptError(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "broken.js")
	if err := os.WriteFile(path, []byte("export default {\n  fetch() { return new Response(; }\n};\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := host.Start(host.Options{Script: path}, "127.0.0.1:0")
	var se *jsruntime.ScriptError
	if !errors.As(err, &se) || se.Line != 2 {
		t.Fatalf("err = %v, want a ScriptError at line 2", err)
	}
}

func TestModuleWithoutFetchIsRefused(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "nofetch.js")
	if err := os.WriteFile(path, []byte("export default { hello() {} };\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := host.Start(host.Options{Script: path}, "127.0.0.1:0")
	if err == nil || !strings.Contains(err.Error(), "Handler does not export a fetch() function.") {
		t.Fatalf("err = %v", err)
	}
}

// waitFor polls cond for up to five seconds, then fails with the log.
func waitFor(t *testing.T, cond func() bool, log *jsruntimetest.Buffer) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("condition not met; log:\n%s", log.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestDevErrorPageAndLogLevel(t *testing.T) {
	t.Parallel()
	srv, console, log := startWorker(t, `
		function explode() { throw new RangeError("page me"); }
		export default {
			fetch(request) {
				console.debug("debug line"); console.log("log line"); console.warn("warn line");
				explode();
			},
		};`, host.Options{ErrorPages: true, LogLevel: config.LevelWarn})
	req, _ := http.NewRequest("GET", srv.URL()+"/page", nil)
	req.Header.Set("Accept", "text/html,application/xhtml+xml")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 500 || !strings.Contains(string(page), "<h1>RangeError: page me</h1>") || !strings.Contains(string(page), "worker.js:2:") {
		t.Errorf("HTML error page: %d\n%s", resp.StatusCode, page)
	}
	if status, body := get(t, srv.URL()); status != 500 || !strings.HasPrefix(body, "RangeError: page me\n    at explode (") {
		t.Errorf("text error: %d %q", status, body)
	}
	if out := console.String(); strings.Contains(out, "debug line") || strings.Contains(out, "log line") || !strings.Contains(out, "warn line") {
		t.Errorf("console at level warn:\n%s", out)
	}
	if strings.Contains(log.String(), "[workerhost:info]") || !strings.Contains(log.String(), "Uncaught (in response) RangeError: page me") {
		t.Errorf("log at level warn:\n%s", log.String())
	}
}
