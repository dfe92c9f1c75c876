// Conformance worker: ctx.storage.sql of a SQLite-backed Durable Object:
// exec() with bindings, its Cursor (toArray, one, raw, next, iteration,
// columnNames, rowsRead, rowsWritten), the values SQLite hands back, the
// errors it throws and what it refuses (the _cf_ tables, transactions in
// SQL, some functions and pragmas), and databaseSize. DB is SQLite-backed;
// PLAIN is not. Every cursor is read to its end, so that no statement is
// left running.
import { DurableObject } from "cloudflare:workers";
import { Report } from "./durable-report.js";

export class Db extends DurableObject {
  async fetch(request) {
    const sql = this.ctx.storage.sql;
    const r = new Report();
    switch (new URL(request.url).pathname) {
      case "/basics": {
        await r.add("sql constructor", () => sql.constructor.name);
        await r.add("tables at first", () => sql.exec("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").toArray());
        await r.add("databaseSize is a positive number", () => typeof sql.databaseSize === "number" && sql.databaseSize > 0);
        await r.add("CREATE TABLE", () => sql.exec("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age REAL, photo BLOB)").toArray());
        await r.add("INSERT two rows: rowsRead, rowsWritten, rows", () => {
          const c = sql.exec("INSERT INTO people (name, age, photo) VALUES (?, ?, ?), (?, ?, ?)", "Ada", 36, new Uint8Array([1, 2]), "Bob", 41.5, null);
          return [c.rowsRead, c.rowsWritten, c.toArray()];
        });
        await r.add("cursor constructor", () => sql.exec("SELECT 1").toArray() && sql.exec("SELECT 1 AS one").constructor.name);
        await r.add("toArray", () => sql.exec("SELECT * FROM people ORDER BY id").toArray());
        await r.add("one", () => sql.exec("SELECT name, age FROM people WHERE name = ?", "Ada").one());
        await r.add("raw() spread", () => [...sql.exec("SELECT id, name FROM people ORDER BY id").raw()]);
        await r.add("raw().toArray()", () => sql.exec("SELECT id, name FROM people ORDER BY id").raw().toArray());
        await r.add("columnNames", () => {
          const c = sql.exec("SELECT id, name AS n, 1 + 1 FROM people");
          const names = c.columnNames;
          c.toArray();
          return names;
        });
        await r.add("for...of", () => {
          const names = [];
          for (const row of sql.exec("SELECT name FROM people ORDER BY id")) names.push(row.name);
          return names;
        });
        await r.add("next() to the end", () => {
          const c = sql.exec("SELECT id FROM people ORDER BY id");
          return [c.next(), c.next(), c.next(), c.next()];
        });
        await r.add("SELECT: rowsRead, rowsWritten after reading", () => {
          const c = sql.exec("SELECT * FROM people");
          c.toArray();
          return [c.rowsRead, c.rowsWritten];
        });
        await r.add("UPDATE: rowsRead, rowsWritten", () => {
          const c = sql.exec("UPDATE people SET age = age + 1");
          c.toArray();
          return [c.rowsRead, c.rowsWritten];
        });
        await r.add("a read cursor read again", () => {
          const c = sql.exec("SELECT id FROM people");
          return [c.toArray().length, c.toArray().length];
        });
        await r.add("several statements: the last one's rows", () => sql.exec("INSERT INTO people (name) VALUES ('Cy'); SELECT count(*) AS n FROM people").toArray());
        await r.add("a column named twice", () => sql.exec("SELECT 1 AS x, 2 AS x").toArray());
        await r.add("a column named twice, raw", () => sql.exec("SELECT 1 AS x, 2 AS x").raw().toArray());
        await r.add("json_extract", () => sql.exec(`SELECT json_extract('{"a":[1,2]}', '$.a[1]') AS v`).one());
        await r.add("PRAGMA table_info", () => sql.exec("PRAGMA table_info(people)").toArray().map((c) => c.name + " " + c.type));
        await r.add("a 100 KB blob makes databaseSize grow", () => {
          const before = sql.databaseSize;
          sql.exec("INSERT INTO people (name, photo) VALUES ('Big', ?)", new Uint8Array(100000));
          return sql.databaseSize > before;
        });
        await this.ctx.storage.put("kv", 1);
        await r.add("tables after a key-value put", () => sql.exec("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").toArray());
        await r.add("DROP TABLE", () => sql.exec("DROP TABLE people").toArray());
        break;
      }
      case "/values":
        await r.add("number, float, string, null, ArrayBuffer", () => sql.exec("SELECT ? AS a, ? AS b, ? AS c, ? AS d, ? AS e", 1, 1.5, "s", null, new Uint8Array([9]).buffer).one());
        await r.add("Uint8Array", () => sql.exec("SELECT ? AS a", new Uint8Array([7, 8])).one());
        await r.add("true", () => sql.exec("SELECT ? AS a, typeof(?) AS t", true, true).one());
        await r.add("undefined", () => sql.exec("SELECT ? AS a", undefined).one());
        await r.add("an object", () => sql.exec("SELECT ? AS a", {}).one());
        await r.add("Infinity", () => sql.exec("SELECT ? AS a", Infinity).one());
        await r.add("NaN", () => sql.exec("SELECT ? AS a", NaN).one());
        await r.add("a bigint", () => sql.exec("SELECT ? AS a", 5n).one());
        await r.add("2^53 + 1 from SQLite", () => sql.exec("SELECT 9007199254740993 AS a").one());
        await r.add("an integer-valued REAL", () => sql.exec("SELECT 2.0 AS a, typeof(2.0) AS t").one());
        await r.add("?2 ?1", () => sql.exec("SELECT ?2 AS a, ?1 AS b", "one", "two").one());
        await r.add(":named", () => sql.exec("SELECT :x AS a", "x").one());
        await r.add("a NUL in a string", () => sql.exec("SELECT ? AS a, length(?) AS n", "a\u0000b", "a\u0000b").one());
        await r.add("non-ASCII", () => sql.exec("SELECT ? AS a, length(?) AS n", "héllo ☃ 😀", "héllo ☃ 😀").one());
        break;
      case "/statements":
        // Statements that hold a ";" or the word BEGIN or END inside them,
        // and the parameters of several statements in one call.
        sql.exec("CREATE TABLE a (x); CREATE TABLE b (y)");
        await r.add("CREATE TRIGGER with one statement", () => sql.exec("CREATE TRIGGER t1 AFTER INSERT ON a BEGIN INSERT INTO b VALUES (new.x * 2); END").toArray());
        await r.add("CREATE TRIGGER with two statements, then an INSERT", () => sql.exec("CREATE TRIGGER t2 AFTER INSERT ON a BEGIN INSERT INTO b VALUES (new.x * 3); INSERT INTO b VALUES (7); END; INSERT INTO a VALUES (100)").toArray());
        await r.add("create trigger, lower case, with a ; after END", () => sql.exec("create trigger t3 after delete on a begin delete from b; end;").toArray());
        await r.add("an INSERT that fires the triggers: rowsWritten", () => sql.exec("INSERT INTO a VALUES (5)").rowsWritten);
        await r.add("what the triggers wrote", () => sql.exec("SELECT y FROM b ORDER BY y").raw().toArray());
        await r.add("CREATE TEMP TRIGGER", () => sql.exec("CREATE TEMP TRIGGER tt AFTER INSERT ON a BEGIN SELECT 1; END"));
        await r.add("CASE ... END, then another statement", () => sql.exec("SELECT CASE WHEN 1 THEN 'a' END AS c; SELECT 2 AS d").toArray());
        await r.add("a column named begin", () => sql.exec("SELECT 1 AS begin").toArray());
        await r.add("parameters in the last of two statements", () => sql.exec("SELECT 1 AS p; SELECT ? AS q", 2).toArray());
        await r.add("parameters in both of two statements", () => sql.exec("SELECT ? AS p; SELECT ? AS q", 1, 2));
        await r.add("parameters in the first of two statements", () => sql.exec("SELECT ? AS p; SELECT 3 AS q", 2));
        await r.add("?2 then ?", () => sql.exec("SELECT ?2 AS a, ? AS b", 1, 2, 3).toArray());
        await r.add(":x twice, then ?", () => sql.exec("SELECT :x AS a, :x AS b, ? AS c", 1, 2).toArray());
        await r.add("a ? in a string and a comment", () => sql.exec("SELECT '?' AS a, ? AS b -- ?\n", 1).toArray());
        await r.add("a ; in a string", () => sql.exec("SELECT 'x;y' AS a").toArray());
        await r.add("blank after the last ;", () => sql.exec("SELECT 1 AS a;;; SELECT 2 AS b;  \n ").toArray());
        await r.add("a comment after the last ;", () => sql.exec("SELECT 1 AS a; -- c"));
        await r.add("a ; after the last ;", () => sql.exec("SELECT 1 AS a; ;"));
        await r.add("a trigger's body unfinished", () => sql.exec("CREATE TRIGGER t4 AFTER INSERT ON a BEGIN INSERT INTO b VALUES (1);"));
        await r.add("a trigger's body on _cf_KV", () => sql.exec("CREATE TRIGGER t5 AFTER INSERT ON a BEGIN DELETE FROM _cf_KV; END").toArray());
        break;
      case "/errors":
        sql.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)");
        sql.exec("INSERT INTO t (v) VALUES ('a'), ('b')");
        await r.add("syntax error", () => sql.exec("SELEKT 1"));
        await r.add("incomplete input", () => sql.exec("SELECT * FROM"));
        await r.add("no such table", () => sql.exec("SELECT * FROM nope"));
        await r.add("no such column", () => sql.exec("SELECT nope FROM t"));
        await r.add("NOT NULL", () => sql.exec("INSERT INTO t (v) VALUES (NULL)"));
        await r.add("UNIQUE", () => sql.exec("INSERT INTO t (v) VALUES ('a')"));
        await r.add("table exists", () => sql.exec("CREATE TABLE t (x)"));
        await r.add("empty statement", () => sql.exec(""));
        await r.add("only a comment", () => sql.exec("-- nothing"));
        await r.add("too many bindings", () => sql.exec("SELECT ?", 1, 2));
        await r.add("too few bindings", () => sql.exec("SELECT ?, ?", 1));
        await r.add("exec(5)", () => sql.exec(5));
        await r.add("exec()", () => sql.exec());
        await r.add("one() of no rows", () => sql.exec("SELECT * FROM t WHERE id = 99").one());
        await r.add("one() of two rows", () => sql.exec("SELECT * FROM t").one());
        await r.add("one() of a read cursor", () => {
          const c = sql.exec("SELECT 1 AS a");
          c.toArray();
          return c.one();
        });
        await r.add("BEGIN", () => sql.exec("BEGIN"));
        await r.add("ROLLBACK", () => sql.exec("ROLLBACK"));
        await this.ctx.storage.put("k", 1);
        await r.add("SELECT from _cf_KV", () => sql.exec("SELECT * FROM _cf_KV"));
        await r.add("DELETE from _cf_KV", () => sql.exec("DELETE FROM _cf_KV"));
        await r.add("CREATE TABLE _cf_mine", () => sql.exec("CREATE TABLE _cf_mine (x)"));
        await r.add("sqlite_version()", () => sql.exec("SELECT sqlite_version()"));
        await r.add("ATTACH", () => sql.exec("ATTACH DATABASE 'other.db' AS other"));
        await r.add("PRAGMA journal_mode = DELETE", () => sql.exec("PRAGMA journal_mode = DELETE"));
        await r.add("the key-value data is intact", () => this.ctx.storage.get("k"));
        await r.add("the table is intact", () => sql.exec("SELECT group_concat(v) AS v FROM t").one());
        break;
      default:
        return new Response("no such route", { status: 404 });
    }
    return r.response();
  }
}

export class Plain extends DurableObject {
  async fetch() {
    const r = new Report();
    await r.add("String(ctx.storage.sql)", () => String(this.ctx.storage.sql));
    await r.add("sql.exec()", () => this.ctx.storage.sql.exec("SELECT 1"));
    await r.add("sql.databaseSize", () => this.ctx.storage.sql.databaseSize);
    return r.response();
  }
}

export default {
  fetch(request, env) {
    const path = new URL(request.url).pathname;
    if (path === "/not-sqlite") return env.PLAIN.getByName("plain").fetch(request);
    return env.DB.getByName(path).fetch(request);
  },
};
