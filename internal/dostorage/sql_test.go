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
