package host_test

import (
	"testing"
	"time"

	"workerhost/host"
)

const resetMidTransactionWorker = `
import { DurableObject } from "cloudflare:workers";
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
export class Box extends DurableObject {
	async fetch(request) {
		const s = this.ctx.storage;
		switch (new URL(request.url).pathname) {
		case "/abort-mid-transaction":
			await s.transaction(async (txn) => {
				await txn.put("before", 1);
				setTimeout(() => { try { this.ctx.abort("reset mid-transaction"); } catch {} }, 10);
				await sleep(50);
				await txn.put("after", 2);
			}).catch(() => {});
			return new Response("done");
		case "/throwing-transaction":
			try {
				await s.transaction(async (txn) => {
					await txn.put("x", 1);
					await sleep(10);
					throw new Error("undo");
				});
			} catch {}
			return new Response("done");
		}
		return Response.json(Object.fromEntries(await s.get(["before", "after", "x"])));
	}
}
export default {
	async fetch(request, env) {
		try {
			return await env.BOXES.getByName("box").fetch(request);
		} catch (e) {
			return new Response("threw " + e.message);
		}
	},
};`

// TestDurableObjectResetMidTransaction: an object reset while its
// transaction() awaits loses the transaction's writes and fails the event
// in flight with the reset's error; what the old instance does afterwards
// is not stored, and the next instance's transactions still roll back;
// as in workerd, in memory and on disk.
func TestDurableObjectResetMidTransaction(t *testing.T) {
	t.Parallel()
	for _, dir := range []string{"", t.TempDir()} {
		srv, _, _ := startWorker(t, resetMidTransactionWorker, host.Options{
			DurableObjects: []host.DurableObject{{Binding: "BOXES", ClassName: "Box"}},
			Storage:        dir,
		})
		if _, body := get(t, srv.URL()+"/abort-mid-transaction"); body != "threw reset mid-transaction" {
			t.Errorf("storage %q: the event in flight: %q, want the reset's error", dir, body)
		}
		time.Sleep(200 * time.Millisecond) // the old instance's closure ends
		if _, body := get(t, srv.URL()+"/throwing-transaction"); body != "done" {
			t.Fatalf("storage %q: throwing transaction: %q", dir, body)
		}
		if _, body := get(t, srv.URL()+"/read"); body != "{}" {
			t.Errorf("storage %q: stored %s, want nothing", dir, body)
		}
	}
}
