// Conformance worker: storage.transaction(), which commits what its
// closure wrote or, if the closure throws or calls txn.rollback(), none of
// it; and storage.transactionSync() over SQL. STORE is the one namespace;
// the cases run it SQLite-backed and not.
import { DurableObject } from "cloudflare:workers";
import { Report } from "./durable-report.js";

export class Store extends DurableObject {
  async fetch(request) {
    const route = new URL(request.url).pathname;
    const r = new Report();
    const s = this.ctx.storage;
    switch (route) {
      case "/transaction":
        await s.put("n", 0);
        await r.add("commit", () =>
          s.transaction(async (txn) => {
            await txn.put("n", 1);
            await txn.put({ x: "x", y: "y" });
            return "returned " + (await txn.get("n"));
          }),
        );
        await r.add("after commit", () => s.get(["n", "x", "y"]));
        await r.add("closure throws", () =>
          s.transaction(async (txn) => {
            await txn.put("n", 2);
            await txn.delete("x");
            throw new RangeError("thrown inside");
          }),
        );
        await r.add("after throw", () => s.get(["n", "x", "y"]));
        await r.add("rollback()", () =>
          s.transaction(async (txn) => {
            await txn.put("n", 3);
            txn.rollback();
            return "returned after rollback";
          }),
        );
        await r.add("after rollback", () => s.get("n"));
        await r.add("get after rollback", () => s.transaction(async (txn) => { txn.rollback(); return txn.get("n"); }));
        await r.add("put after rollback", () => s.transaction(async (txn) => { txn.rollback(); await txn.put("n", 9); }));
        await r.add("delete after rollback", () => s.transaction(async (txn) => { txn.rollback(); await txn.delete("n"); }));
        await r.add("list after rollback", () => s.transaction(async (txn) => { txn.rollback(); await txn.list(); }));
        await r.add("rollback twice", () => s.transaction(async (txn) => { txn.rollback(); txn.rollback(); return "ok"; }));
        await r.add("n untouched", () => s.get("n"));
        await r.add("txn get/put/delete/list", () =>
          s.transaction(async (txn) => {
            await txn.put("t1", 1);
            await txn.put("t2", 2);
            const deleted = await txn.delete("t1");
            return [deleted, await txn.get(["t1", "t2"]), await txn.list({ prefix: "t" })];
          }),
        );
        await r.add("txn sees a write made outside it", () =>
          s.transaction(async (txn) => {
            await s.put("outside", "o");
            return txn.get("outside");
          }),
        );
        await r.add("txn.deleteAll()", () => s.transaction(async (txn) => txn.deleteAll()));
        await r.add("txn alarm methods", () => s.transaction(async (txn) => [typeof txn.getAlarm, typeof txn.setAlarm, typeof txn.deleteAlarm]));
        await r.add("nested transaction", () =>
          s.transaction(async () =>
            s.transaction(async (inner) => {
              await inner.put("nested", 1);
              return "inner returned";
            }),
          ),
        );
        await r.add("nested write kept", () => s.get("nested"));
        await r.add("txn constructor", () => s.transaction(async (txn) => txn.constructor.name));
        await r.add("synchronous closure", () => s.transaction(() => 7));
        await r.add("synchronous throw", () => s.transaction(() => { throw new TypeError("sync throw"); }));
        await r.add("transaction(5)", () => s.transaction(5));
        await r.add("transaction()", () => s.transaction());
        break;
      case "/transaction-sync":
        await r.add("transactionSync on this class", () => s.transactionSync(() => "ran"));
        await r.add("its value", () => s.transactionSync(() => ({ a: [1] })));
        await r.add("it throws", () => s.transactionSync(() => { throw new SyntaxError("thrown in sync"); }));
        await r.add("an async closure", async () => {
          const v = s.transactionSync(async () => 1);
          return [v instanceof Promise, await v];
        });
        await r.add("transactionSync(5)", () => s.transactionSync(5));
        break;
      case "/sql": {
        const sql = s.sql;
        sql.exec("CREATE TABLE t (v INTEGER)");
        const all = () => sql.exec("SELECT group_concat(v) AS v FROM t").one().v;
        await r.add("commit", () =>
          s.transactionSync(() => {
            sql.exec("INSERT INTO t VALUES (1)");
            return all();
          }),
        );
        await r.add("rolled back on throw", () =>
          s.transactionSync(() => {
            sql.exec("INSERT INTO t VALUES (2)");
            throw new TypeError("undo");
          }),
        );
        await r.add("rows", all);
        await r.add("nested commit", () =>
          s.transactionSync(() => s.transactionSync(() => { sql.exec("INSERT INTO t VALUES (3)"); return "inner"; })),
        );
        await r.add("inner rolls back alone", () =>
          s.transactionSync(() => {
            sql.exec("INSERT INTO t VALUES (4)");
            try {
              s.transactionSync(() => {
                sql.exec("INSERT INTO t VALUES (5)");
                throw new Error("inner");
              });
            } catch {}
            return all();
          }),
        );
        await r.add("key-value put rolled back with the SQL", async () => {
          try {
            s.transactionSync(() => {
              s.put("kv", 1);
              sql.exec("INSERT INTO t VALUES (6)");
              throw new Error("undo both");
            });
          } catch {}
          return [await s.get("kv"), all()];
        });
        await r.add("BEGIN TRANSACTION", () => sql.exec("BEGIN TRANSACTION"));
        await r.add("SAVEPOINT", () => sql.exec("SAVEPOINT sp"));
        await r.add("COMMIT", () => sql.exec("COMMIT"));
        await r.add("transaction() with SQL rolled back on throw", async () => {
          try {
            await s.transaction(async () => {
              sql.exec("INSERT INTO t VALUES (7)");
              throw new Error("async undo");
            });
          } catch {}
          return all();
        });
        break;
      }
      case "/interleaved":
      case "/interleaved-commit": {
        // Another event arrives while the closure awaits a timer: it waits
        // until the transaction has ended, so its write is not rolled back
        // with the transaction's.
        const self = this.env.STORE.get(this.ctx.id);
        const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
        let other;
        await r.add("transaction", () =>
          s.transaction(async (txn) => {
            await txn.put("mine", 1);
            other = self.fetch("http://store/put-other").then((res) => res.text());
            r.note("closure sleeping");
            await sleep(100);
            r.note("closure woke");
            if (route === "/interleaved") throw new Error("rolled back");
            return "committed";
          }),
        );
        r.note("transaction ended");
        await r.add("the other event", () => other);
        await r.add("stored", () => s.get(["mine", "other"]));
        await s.deleteAll();
        break;
      }
      case "/interleaved-timer": {
        // An event already running wakes from a timer while the closure
        // awaits a longer one.
        const self = this.env.STORE.get(this.ctx.id);
        const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
        const other = self.fetch("http://store/put-other-later").then((res) => res.text());
        await sleep(10);
        await r.add("transaction", () =>
          s.transaction(async (txn) => {
            await txn.put("mine", 1);
            r.note("closure sleeping");
            await sleep(150);
            r.note("closure woke");
            throw new Error("rolled back");
          }),
        );
        r.note("transaction ended");
        await r.add("the other event", () => other);
        await r.add("stored", () => s.get(["mine", "other"]));
        await s.deleteAll();
        break;
      }
      case "/put-other":
        await s.put("other", 2);
        return new Response("put other");
      case "/put-other-later":
        await new Promise((done) => setTimeout(done, 50));
        await s.put("other", 3);
        return new Response("put other later");
      default:
        return new Response("no such route", { status: 404 });
    }
    return r.response();
  }
}

export default {
  fetch(request, env) {
    return env.STORE.getByName("store").fetch(request);
  },
};
