package host_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"workerhost/host"
	"workerhost/jsruntime/jsruntimetest"
)

// versionWorker answers with its version and keeps WebSockets open,
// answering each message with the version.
func versionWorker(version string) string {
	return `import { tag } from "./tag.js";
export default {
	fetch(request) {
		if (request.headers.get("upgrade") === "websocket") {
			const [client, server] = Object.values(new WebSocketPair());
			server.accept();
			server.addEventListener("message", () => server.send(tag("` + version + `")));
			return new Response(null, { status: 101, webSocket: client });
		}
		return new Response(tag("` + version + `"));
	},
};`
}

// startWatched serves a worker (worker.js importing tag.js) with Watch on.
func startWatched(t *testing.T, keep bool) (*host.Server, string, *jsruntimetest.Buffer) {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "tag.js"), `export const tag = (v) => "version " + v;`)
	writeFile(t, filepath.Join(dir, "worker.js"), versionWorker("1"))
	var log, console jsruntimetest.Buffer
	srv, err := host.Start(host.Options{Script: filepath.Join(dir, "worker.js"), Watch: true, KeepSockets: keep, Log: &log, Console: &console}, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	return srv, dir, &log
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// waitBody polls until GET / answers want, within a second and a half.
func waitBody(t *testing.T, srv *host.Server, want string, log *jsruntimetest.Buffer) {
	t.Helper()
	deadline := time.Now().Add(1500 * time.Millisecond)
	for {
		_, body := get(t, srv.URL())
		if body == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("body %q, want %q; log:\n%s", body, want, log.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestEditReloadsAndClosesSocketsWith1012(t *testing.T) {
	t.Parallel()
	srv, dir, log := startWatched(t, false)
	c := dial(t, srv)
	writeFile(t, filepath.Join(dir, "worker.js"), versionWorker("2"))
	waitBody(t, srv, "version 2", log)
	_, _, err := read(t, c)
	if websocket.CloseStatus(err) != websocket.StatusServiceRestart {
		t.Fatalf("open socket: got %v, want close 1012", err)
	}
	waitFor(t, func() bool { return strings.Contains(log.String(), "closed 1 WebSocket with 1012 (Service Restart)") }, log)

	// An import changing reloads too.
	writeFile(t, filepath.Join(dir, "tag.js"), `export const tag = (v) => "release " + v;`)
	waitBody(t, srv, "release 2", log)
}

func TestBrokenEditKeepsServing(t *testing.T) {
	t.Parallel()
	srv, dir, log := startWatched(t, false)
	writeFile(t, filepath.Join(dir, "worker.js"), "export default {\n  fetch() { return new Response(; }\n};\n")
	waitFor(t, func() bool { return strings.Contains(log.String(), "worker.js:2:") }, log)
	if !strings.Contains(log.String(), "still serving the previous version") {
		t.Errorf("log:\n%s", log.String())
	}
	waitBody(t, srv, "version 1", log)
	writeFile(t, filepath.Join(dir, "worker.js"), versionWorker("3"))
	waitBody(t, srv, "version 3", log)
}

func TestKeepSocketsLeavesThemOnTheOldVersion(t *testing.T) {
	t.Parallel()
	srv, dir, log := startWatched(t, true)
	c := dial(t, srv)
	writeFile(t, filepath.Join(dir, "worker.js"), versionWorker("2"))
	waitBody(t, srv, "version 2", log)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := c.Write(ctx, websocket.MessageText, []byte("which version?")); err != nil {
		t.Fatal(err)
	}
	if _, msg, err := read(t, c); err != nil || msg != "version 1" {
		t.Fatalf("old socket answered %q (%v), want version 1", msg, err)
	}
	_ = c.Close(websocket.StatusNormalClosure, "")
}

func TestHundredReloadsReleaseOldVersions(t *testing.T) {
	t.Parallel()
	srv, _, _ := startWatched(t, false)
	for i := 0; i < 100; i++ {
		if err := srv.Reload(); err != nil {
			t.Fatal(err)
		}
	}
	if n := host.LiveIsolates(srv); n != 1 {
		t.Errorf("%d isolates alive after 100 reloads, want 1", n)
	}
}
