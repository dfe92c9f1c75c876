package host_test

import (
	"strings"
	"testing"

	"workerhost/host"
)

// A module worker's scheduled handler runs for wrangler dev's trigger
// route, with the cron and time asked for, env and ctx; waitUntil work
// outlives the answer, and a handler that throws answers "exception".
func TestScheduledHandlerOfAModuleWorker(t *testing.T) {
	t.Parallel()
	srv, console, log := startWorker(t, `
		export default {
			async scheduled(controller, env, ctx) {
				console.log("scheduled", JSON.stringify(controller.cron), controller.scheduledTime, typeof env, Object.getPrototypeOf(controller).constructor.name);
				if (controller.cron === "throw") { controller.noRetry(); throw new RangeError("cron failed"); }
				ctx.waitUntil(new Promise((r) => setTimeout(() => { console.log("waited"); r(); }, 10)));
			},
		};`, host.Options{})
	if status, body := get(t, srv.URL()+"/cdn-cgi/handler/scheduled?cron=*/5+*+*+*+*&time=1767225600000"); status != 200 || body != "ok" {
		t.Fatalf("trigger: %d %q", status, body)
	}
	waitFor(t, func() bool { return strings.Contains(console.String(), "waited") }, log)
	if !strings.Contains(console.String(), `scheduled "*/5 * * * *" 1767225600000 object ScheduledController`) {
		t.Errorf("console:\n%s", console.String())
	}
	if status, body := get(t, srv.URL()+"/cdn-cgi/handler/scheduled?cron=throw"); status != 500 || body != "exception" {
		t.Fatalf("throwing trigger: %d %q", status, body)
	}
	waitFor(t, func() bool { return strings.Contains(log.String(), "Uncaught RangeError: cron failed") }, log)
	// Without --test-scheduled, /__scheduled is the worker's own path, and
	// this worker has no fetch handler.
	if status, _ := get(t, srv.URL()+"/__scheduled"); status != 500 {
		t.Fatalf("/__scheduled without TestScheduled: %d", status)
	}
	waitFor(t, func() bool {
		return strings.Contains(log.String(), "Uncaught (in response) Error: Handler does not export a fetch() function.")
	}, log)
}

// A service-worker script's "scheduled" listeners get a ScheduledEvent;
// /__scheduled triggers it with TestScheduled.
func TestScheduledEventOfAServiceWorker(t *testing.T) {
	t.Parallel()
	srv, console, log := startWorker(t, `
		addEventListener("scheduled", (event) => {
			console.log(event.constructor.name, event.type, JSON.stringify(event.cron), event.scheduledTime, event instanceof ExtendableEvent);
			event.waitUntil(Promise.resolve());
		});
		addEventListener("fetch", (event) => event.respondWith(new Response("fetched")));`, host.Options{TestScheduled: true})
	if status, body := get(t, srv.URL()+"/__scheduled?cron=0+0+*+*+*&time=5"); status != 200 || body != "ok" {
		t.Fatalf("trigger: %d %q", status, body)
	}
	waitFor(t, func() bool { return strings.Contains(console.String(), `ScheduledEvent scheduled "0 0 * * *" 5 true`) }, log)
	if status, body := get(t, srv.URL()+"/"); status != 200 || body != "fetched" {
		t.Fatalf("fetch: %d %q", status, body)
	}
}

// A worker without a scheduled handler answers the trigger with
// "exception" and says why.
func TestScheduledWithoutAHandler(t *testing.T) {
	t.Parallel()
	srv, _, log := startWorker(t, `export default { fetch() { return new Response("x"); } };`, host.Options{})
	if status, body := get(t, srv.URL()+"/cdn-cgi/handler/scheduled"); status != 500 || body != "exception" {
		t.Fatalf("trigger: %d %q", status, body)
	}
	waitFor(t, func() bool {
		return strings.Contains(log.String(), "Uncaught Error: Handler does not export a scheduled() function.")
	}, log)
}
