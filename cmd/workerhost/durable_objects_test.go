package main

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// counterProject is a worker whose Durable Object counts requests in its
// storage, with the wrangler config that binds it.
var counterProject = map[string]string{
	"wrangler.toml": `name = "counter"
main = "index.js"

[[durable_objects.bindings]]
name = "COUNTERS"
class_name = "Counter"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Counter"]
`,
	"index.js": `import { DurableObject } from "cloudflare:workers";
export class Counter extends DurableObject {
	async fetch(request) {
		if (new URL(request.url).pathname === "/read") return new Response(String((await this.ctx.storage.get("n")) || 0));
		const n = ((await this.ctx.storage.get("n")) || 0) + 1;
		await this.ctx.storage.put("n", n);
		await this.ctx.storage.put("key" + n, "x".repeat(1000));
		return new Response(String(n));
	}
}
export default { fetch(request, env) { return env.COUNTERS.getByName("one").fetch(request); } };
`,
}

// TestDurableObjectWritesSurviveSIGTERM sends SIGTERM while clients are
// writing: after a restart from the same .wrangler/state, every count a
// client was answered with is stored.
func TestDurableObjectWritesSurviveSIGTERM(t *testing.T) {
	t.Parallel()
	dir := project(t, counterProject)
	p := startCommand(t, dir, "dev", "--port", "0", "--no-watch")
	var highest atomic.Int64
	var wg sync.WaitGroup
	stop := make(chan struct{})
	client := &http.Client{Timeout: 5 * time.Second}
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				resp, err := client.Get(p.url + "/inc")
				if err != nil {
					return
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					continue
				}
				if n, err := strconv.ParseInt(string(body), 10, 64); err == nil {
					for {
						h := highest.Load()
						if n <= h || highest.CompareAndSwap(h, n) {
							break
						}
					}
				}
			}
		}()
	}
	time.Sleep(300 * time.Millisecond)
	p.signal(syscall.SIGTERM)
	close(stop)
	wg.Wait()
	p.exitCode(10 * time.Second)
	if highest.Load() == 0 {
		t.Fatal("no write was acknowledged before SIGTERM")
	}

	p = startCommand(t, dir, "dev", "--port", "0", "--no-watch")
	resp, err := http.Get(p.url + "/read")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	stored, _ := strconv.ParseInt(string(body), 10, 64)
	if stored < highest.Load() {
		t.Errorf("stored count %d after restart, but %d was acknowledged", stored, highest.Load())
	}
	t.Logf("acknowledged %d, stored %d", highest.Load(), stored)
	p.signal(syscall.SIGTERM)
	p.exitCode(10 * time.Second)
}

// TestPersistToMovesTheStorage: --persist-to DIR keeps each object's
// database under DIR/v3/do/<name>-<class>/, in wrangler's layout; without
// it the state is in .wrangler/state beside the config.
func TestPersistToMovesTheStorage(t *testing.T) {
	t.Parallel()
	dir := project(t, counterProject)
	state := t.TempDir()
	p := startCommand(t, dir, "dev", "--port", "0", "--no-watch", "--persist-to", state)
	resp, err := http.Get(p.url + "/inc")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	p.signal(syscall.SIGTERM)
	p.exitCode(10 * time.Second)
	files, _ := filepath.Glob(filepath.Join(state, "v3", "do", "counter-Counter", "*.sqlite"))
	if len(files) != 1 {
		t.Errorf("databases under --persist-to: %v", files)
	}
	if _, err := os.Stat(filepath.Join(dir, ".wrangler")); !os.IsNotExist(err) {
		t.Errorf(".wrangler made beside the config despite --persist-to: %v", err)
	}
}
