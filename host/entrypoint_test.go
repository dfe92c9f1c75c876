package host_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coder/websocket"

	"workerhost/host"
	"workerhost/jsruntime"
)

// Each request gets a new instance of a class entry point, constructed with
// (ctx, env), as workerd does; fetch gets the request alone.
func TestWorkerEntrypointClassServesRequests(t *testing.T) {
	t.Parallel()
	srv, console, _ := startWorker(t, `
		import { WorkerEntrypoint, env } from "cloudflare:workers";
		let made = 0;
		export default class Main extends WorkerEntrypoint {
			constructor(ctx, env) {
				super(ctx, env);
				this.n = ++made;
			}
			async fetch(request, second, third) {
				this.ctx.waitUntil(new Promise((resolve) => setTimeout(() => {
					console.log("waited " + new URL(request.url).pathname);
					resolve();
				}, 5)));
				return new Response([this.n, this.env.NAME, env.NAME, second, third, this instanceof WorkerEntrypoint].join(" "));
			}
		}`, host.Options{Vars: map[string]any{"NAME": "world"}})
	for i, path := range []string{"/a", "/b"} {
		status, body := get(t, srv.URL()+path)
		if want := []string{"1", "2"}[i] + " world world   true"; status != 200 || body != want {
			t.Fatalf("GET %s: got %d %q, want 200 %q", path, status, body, want)
		}
	}
	waitFor(t, func() bool {
		return strings.Contains(console.String(), "waited /a") && strings.Contains(console.String(), "waited /b")
	}, console)
}

// The upgrade goes through the class's fetch too.
func TestWorkerEntrypointClassAcceptsWebSockets(t *testing.T) {
	t.Parallel()
	srv, _, _ := startWorker(t, `
		import { WorkerEntrypoint } from "cloudflare:workers";
		export default class extends WorkerEntrypoint {
			fetch(request) {
				const [client, server] = Object.values(new WebSocketPair());
				server.accept();
				server.addEventListener("message", (e) => server.send(this.env.PREFIX + e.data));
				return new Response(null, { status: 101, webSocket: client });
			}
		}`, host.Options{Vars: map[string]any{"PREFIX": "echo: "}})
	c := dial(t, srv)
	if err := c.Write(context.Background(), websocket.MessageText, []byte("hi")); err != nil {
		t.Fatal(err)
	}
	if _, msg, err := read(t, c); err != nil || msg != "echo: hi" {
		t.Fatalf("got %q %v", msg, err)
	}
	if err := c.Close(websocket.StatusNormalClosure, ""); err != nil {
		t.Errorf("close: %v", err)
	}
}

// workers-rs exports a Proxy of its class, with fetch set on the prototype
// after the class is defined (worker-build's shim).
func TestProxiedEntrypointClassAsWorkersRsExportsIt(t *testing.T) {
	t.Parallel()
	srv, _, _ := startWorker(t, `
		import { WorkerEntrypoint } from "cloudflare:workers";
		class Entrypoint extends WorkerEntrypoint {}
		Entrypoint.prototype.fetch = function fetch(request) {
			return new Response("proxied " + this.env.NAME + " " + typeof this.ctx.waitUntil);
		};
		export default new Proxy(Entrypoint, {
			construct(ctor, args, newTarget) {
				const instance = Reflect.construct(ctor, args, newTarget);
				return new Proxy(instance, { get: (target, prop, receiver) => Reflect.get(target, prop, receiver) });
			},
		});`, host.Options{Vars: map[string]any{"NAME": "rust"}})
	if status, body := get(t, srv.URL()); status != 200 || body != "proxied rust function" {
		t.Fatalf("got %d %q", status, body)
	}
}

// A class entry point without fetch fails each request, as on workerd,
// since a fetch class field only shows on an instance.
func TestEntrypointClassWithoutFetch(t *testing.T) {
	t.Parallel()
	srv, console, log := startWorker(t, `
		import { WorkerEntrypoint } from "cloudflare:workers";
		export default class extends WorkerEntrypoint { fetch = 5; }`, host.Options{})
	for range 2 {
		if status, _ := get(t, srv.URL()); status != 500 {
			t.Fatalf("status %d, want 500", status)
		}
	}
	waitFor(t, func() bool {
		return strings.Count(log.String(), "Uncaught (in response) Error: Handler does not export a fetch() function.") == 2
	}, log)
	if n := strings.Count(console.String(), "Received a FetchEvent but we lack a handler for FetchEvents."); n != 1 {
		t.Errorf("warned %d times, want once:\n%s", n, console.String())
	}
}

// A default export that is a class but not an entry point is taken for a
// Durable Object class: workerd logs it and passes requests to the fetch
// listeners.
func TestDefaultExportedActorClassFallsBackToListeners(t *testing.T) {
	t.Parallel()
	srv, _, log := startWorker(t, `
		import { DurableObject } from "cloudflare:workers";
		addEventListener("fetch", (event) => event.respondWith(new Response("from the listener")));
		export default class Counter extends DurableObject { fetch() { return new Response("never"); } }`, host.Options{})
	if !strings.Contains(log.String(), "[workerhost:warn] Exported actor class as default entrypoint. This doesn't work, but historically did not produce a startup-time error.") {
		t.Errorf("log = %q", log.String())
	}
	if status, body := get(t, srv.URL()); status != 200 || body != "from the listener" {
		t.Fatalf("got %d %q", status, body)
	}
}

// Exports workerd refuses at startup, with its messages.
func TestExportsThatAreNeitherObjectsNorFunctions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ src, want string }{
		{`export default { fetch() {} }; export const b = 1; export const a = "x";`,
			"Uncaught TypeError: Incorrect type for map entry 'a': the provided value is not of type 'function or ExportedHandler'."},
		{`export default 5;`,
			"Uncaught TypeError: Incorrect type for map entry 'default': the provided value is not of type 'function or ExportedHandler'."},
		{`export default null;`,
			"Uncaught TypeError: Cannot initialize N7workerd3api15ExportedHandlerE with required members from an undefined or null value."},
	} {
		path := filepath.Join(t.TempDir(), "worker.js")
		if err := os.WriteFile(path, []byte(tc.src), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := host.Start(host.Options{Script: path}, "127.0.0.1:0")
		var se *jsruntime.ScriptError
		if !errors.As(err, &se) || se.Text != tc.want {
			t.Errorf("%s: err = %v, want %q", tc.src, err, tc.want)
		}
	}
}
