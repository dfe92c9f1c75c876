package dostorage_test

import (
	"testing"
)

// TestQueryErrorsReadAsWorkerd: the object's own SQL gets workerd's
// messages, each recorded from workerd 1.20261117.1 (conformance case
// durable_sql).
func TestQueryErrorsReadAsWorkerd(t *testing.T) {
	s := memory(t)
	if _, err := s.Query("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		query string
		args  []any
		want  string
	}{
		{"SELEKT 1", nil, `near "SELEKT": syntax error at offset 0: SQLITE_ERROR`},
		{"SELECT nope FROM t", nil, "no such column: nope at offset 7: SQLITE_ERROR"},
		{"CREATE TABLE t (a)", nil, "table t already exists at offset 13: SQLITE_ERROR"},
		{"INSERT INTO t (v) VALUES (NULL)", nil, "NOT NULL constraint failed: t.v: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_NOTNULL)"},
		{"", nil, "SQL code did not contain a statement."},
		{"-- only a comment", nil, "SQL code did not contain a statement."},
		{"SELECT ?", []any{1, 2}, "Wrong number of parameter bindings for SQL query."},
		{"SELECT ?, ?", []any{1}, "Wrong number of parameter bindings for SQL query."},
		{"SELECT * FROM _cf_KV", nil, "access to _cf_KV.key is prohibited: SQLITE_AUTH"},
		{"DELETE FROM _cf_KV", nil, "not authorized: SQLITE_AUTH"},
		{"SELECT sqlite_version()", nil, "not authorized to use function: sqlite_version at offset 7: SQLITE_ERROR"},
		{"ATTACH 'x' AS y", nil, "not authorized: SQLITE_AUTH"},
		{"PRAGMA journal_mode = DELETE", nil, "not authorized: SQLITE_AUTH"},
		{"BEGIN TRANSACTION", nil, "To execute a transaction, please use the state.storage.transaction() or state.storage.transactionSync() APIs instead of the SQL BEGIN TRANSACTION or SAVEPOINT statements. The JavaScript API is safer because it will automatically roll back on exceptions, and because it interacts correctly with Durable Objects' automatic atomic write coalescing."},
	} {
		_, err := s.Query(tc.query, tc.args...)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%q: got %v, want %s", tc.query, err, tc.want)
		}
	}
	if _, err := s.Query("INSERT INTO t (v) VALUES (?)", "a"); err != nil {
		t.Fatal(err)
	}
	_, err := s.Query("INSERT INTO t (v) VALUES (?)", "a")
	if want := "UNIQUE constraint failed: t.v: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_UNIQUE)"; err == nil || err.Error() != want {
		t.Errorf("unique: %v", err)
	}
	// Named parameters bind by position; quoted text is not a parameter.
	r, err := s.Query("SELECT :x || '?:y' AS a, ?2 AS b", "1", "2")
	if err != nil || len(r.Rows) != 1 || r.Rows[0][0] != "1?:y" || r.Rows[0][1] != "2" {
		t.Errorf("named parameters: %+v, %v", r, err)
	}
}

// TestQueryStatements: a CREATE TRIGGER keeps the statements of its body
// (their ";" and its BEGIN and END are not transactions), a parameter
// belongs only in the last of several statements, and text after the
// last ";" must hold a statement, as in workerd 1.20261117.1
// (conformance case durable_sql, /statements).
func TestQueryStatements(t *testing.T) {
	s := memory(t)
	for _, q := range []string{
		"CREATE TABLE a (x); CREATE TABLE b (y)",
		"CREATE TRIGGER t1 AFTER INSERT ON a BEGIN INSERT INTO b VALUES (new.x * 2); END",
		"CREATE TRIGGER t2 AFTER INSERT ON a BEGIN INSERT INTO b VALUES (CASE WHEN new.x > 1 THEN 3 ELSE 4 END); INSERT INTO b VALUES (7); END; INSERT INTO a VALUES (100)",
		"create trigger t3 after delete on a begin delete from b; end;",
	} {
		if _, err := s.Query(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	r, err := s.Query("INSERT INTO a VALUES (5)")
	if err != nil || r.RowsWritten != 4 {
		t.Fatalf("an insert that fires the triggers: %+v, %v", r, err)
	}
	r, err = s.Query("SELECT group_concat(y) FROM (SELECT y FROM b ORDER BY y)")
	if err != nil || len(r.Rows) != 1 || r.Rows[0][0] != "3,3,7,7,10,200" {
		t.Fatalf("what the triggers wrote: %+v, %v", r, err)
	}
	multi := "When executing multiple SQL statements in a single call, only the last statement can have parameters."
	for _, tc := range []struct {
		query string
		args  []any
		want  string
	}{
		{"CREATE TEMP TRIGGER tt AFTER INSERT ON a BEGIN SELECT 1; END", nil, "not authorized: SQLITE_AUTH"},
		{"CREATE TEMP TABLE tt (x)", nil, "not authorized: SQLITE_AUTH"},
		{"CREATE TEMPORARY VIEW tv AS SELECT 1", nil, "not authorized: SQLITE_AUTH"},
		{"SELECT ? AS p; SELECT ? AS q", []any{1, 2}, multi},
		{"SELECT ? AS p; SELECT 3 AS q", []any{2}, multi},
		{"SELECT ?; SELECT 1", nil, multi},
		{"SELECT 1 AS a; ;", nil, "SQL code did not contain a statement."},
		{"SELECT 1 AS a; -- c", nil, "SQL code did not contain a statement."},
		{"SELECT 1 AS a; /* c */", nil, "SQL code did not contain a statement."},
		{"CREATE TRIGGER tu AFTER INSERT ON a BEGIN INSERT INTO b VALUES (1);", nil, "incomplete input: SQLITE_ERROR"},
	} {
		_, err := s.Query(tc.query, tc.args...)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%q: got %v, want %s", tc.query, err, tc.want)
		}
	}
	for _, tc := range []struct {
		query string
		args  []any
		want  any
	}{
		{"SELECT 1 AS p; SELECT ? AS q", []any{int64(2)}, int64(2)},
		{"SELECT CASE WHEN 1 THEN 'a' END AS c; SELECT 2 AS d", nil, int64(2)},
		{"SELECT 1 AS a;;; SELECT 2 AS b;  \n ", nil, int64(2)},
		{`SELECT 1 AS "?"; SELECT ? AS q`, []any{int64(5)}, int64(5)},
		{"SELECT 'x;y' AS a", nil, "x;y"},
	} {
		r, err := s.Query(tc.query, tc.args...)
		if err != nil || len(r.Rows) != 1 || r.Rows[0][0] != tc.want {
			t.Errorf("%q: got %+v, %v, want %v", tc.query, r, err, tc.want)
		}
	}
}
