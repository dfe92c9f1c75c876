package bindings

// ctx.storage.sql, the SQL API of SQLite-backed Durable Objects:
// https://developers.cloudflare.com/durable-objects/api/sql-storage/
// exec() runs at once, in the object's batch (so its writes commit with
// the job, as the key-value API's do), and its cursor holds the rows.

import (
	"regexp"
	"strings"

	"github.com/dop251/goja"

	"workerhost/internal/dostorage"
)

// sqlCursor is the state of one SqlStorageCursor.
type sqlCursor struct {
	res  *dostorage.Result
	next int
}

// sqlStorage is ctx.storage.sql.
func (rl *Realm) sqlStorage(s *actorStore) goja.Value {
	if !s.sql {
		rl.throwError("Error", "SQL is not enabled for this Durable Object class.")
	}
	if rl.durable.sqlClass == nil {
		rl.defineSQLClasses()
	}
	if s.sqlObj == nil {
		s.sqlObj = rl.durable.sqlClass.instance(s)
	}
	return s.sqlObj
}

// defineSQLClasses defines SqlStorage and SqlStorageCursor.
func (rl *Realm) defineSQLClasses() {
	c := rl.defineClass("SqlStorage", nil, nil, "")
	rl.durable.sqlClass = c
	cur := rl.defineClass("SqlStorageCursor", nil, nil, "")
	c.method("exec", func(call goja.FunctionCall) goja.Value {
		s := thisState[actorStore](rl, call)
		query := call.Argument(0).String()
		rl.checkOwnSQL(query)
		args := make([]any, 0, len(call.Arguments))
		for _, a := range call.Arguments[1:] {
			args = append(args, rl.sqlArgument(a))
		}
		rl.must(s.write())
		res, err := s.st.Query(query, args...)
		if err != nil {
			rl.throwError("Error", err.Error())
		}
		return cur.instance(&sqlCursor{res: res})
	})
	c.getter("databaseSize", func(call goja.FunctionCall) goja.Value {
		s := thisState[actorStore](rl, call)
		n, err := s.st.Size()
		rl.must(err)
		return rl.vm.ToValue(n)
	})
	row := func(cs *sqlCursor, i int) goja.Value {
		o := rl.vm.NewObject()
		for j, name := range cs.res.Columns {
			_ = o.Set(name, rl.sqlValue(cs.res.Rows[i][j]))
		}
		return o
	}
	rawRow := func(cs *sqlCursor, i int) goja.Value {
		out := make([]any, len(cs.res.Columns))
		for j := range cs.res.Columns {
			out[j] = rl.sqlValue(cs.res.Rows[i][j])
		}
		return rl.vm.NewArray(out...)
	}
	result := func(done bool, v goja.Value) goja.Value {
		o := rl.vm.NewObject()
		_ = o.Set("done", done)
		if !done {
			_ = o.Set("value", v)
		}
		return o
	}
	cur.method("next", func(call goja.FunctionCall) goja.Value {
		cs := thisState[sqlCursor](rl, call)
		if cs.next >= len(cs.res.Rows) {
			return result(true, nil)
		}
		cs.next++
		return result(false, row(cs, cs.next-1))
	})
	cur.method("toArray", func(call goja.FunctionCall) goja.Value {
		cs := thisState[sqlCursor](rl, call)
		var out []any
		for ; cs.next < len(cs.res.Rows); cs.next++ {
			out = append(out, row(cs, cs.next))
		}
		return rl.vm.NewArray(out...)
	})
	cur.method("one", func(call goja.FunctionCall) goja.Value {
		cs := thisState[sqlCursor](rl, call)
		switch left := len(cs.res.Rows) - cs.next; {
		case left == 0:
			rl.throwError("Error", "Expected exactly one result from SQL query, but got no results.")
		case left > 1:
			rl.throwError("Error", "Expected exactly one result from SQL query, but got multiple results.")
		}
		cs.next++
		return row(cs, cs.next-1)
	})
	cur.method("raw", func(call goja.FunctionCall) goja.Value {
		cs := thisState[sqlCursor](rl, call)
		it := rl.vm.NewObject()
		_ = it.Set("next", rl.function("next", func(goja.FunctionCall) goja.Value {
			if cs.next >= len(cs.res.Rows) {
				return result(true, nil)
			}
			cs.next++
			return result(false, rawRow(cs, cs.next-1))
		}))
		_ = it.Set("toArray", rl.function("toArray", func(goja.FunctionCall) goja.Value {
			var out []any
			for ; cs.next < len(cs.res.Rows); cs.next++ {
				out = append(out, rawRow(cs, cs.next))
			}
			return rl.vm.NewArray(out...)
		}))
		_ = it.SetSymbol(goja.SymIterator, rl.function("[Symbol.iterator]", func(call goja.FunctionCall) goja.Value { return call.This }))
		return it
	})
	g := stateGetter[sqlCursor](rl, cur)
	g("columnNames", func(cs *sqlCursor) goja.Value {
		out := make([]any, len(cs.res.Columns))
		for i, n := range cs.res.Columns {
			out[i] = n
		}
		return rl.vm.NewArray(out...)
	})
	g("rowsRead", func(cs *sqlCursor) goja.Value { return rl.vm.ToValue(cs.next) })
	g("rowsWritten", func(cs *sqlCursor) goja.Value { return rl.vm.ToValue(cs.res.RowsWritten) })
	if err := cur.proto.DefineDataPropertySymbol(goja.SymIterator, rl.function("[Symbol.iterator]", func(call goja.FunctionCall) goja.Value { return call.This }), goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE); err != nil {
		panic(err)
	}
}

// sqlValue converts a column's value: numbers, strings, ArrayBuffers for
// blobs, null.
func (rl *Realm) sqlValue(v any) goja.Value {
	switch t := v.(type) {
	case nil:
		return goja.Null()
	case []byte:
		return rl.newArrayBuffer(t)
	default:
		return rl.vm.ToValue(t)
	}
}

// sqlArgument converts a bound value as workerd does: strings, numbers,
// null, and buffers as blobs.
func (rl *Realm) sqlArgument(v goja.Value) any {
	if goja.IsNull(v) || goja.IsUndefined(v) {
		return nil
	}
	if b, ok := rl.bufferSource(v); ok {
		return b
	}
	switch t := v.Export().(type) {
	case int64:
		return t
	case float64:
		if t == float64(int64(t)) {
			return int64(t)
		}
		return t
	case string:
		return t
	case bool:
		rl.throwTypeError("Failed to execute 'exec' on 'SqlStorage': a boolean cannot be bound; use 1 or 0.")
	}
	return v.String()
}

// ownSQLForbidden matches what an object's own SQL may not do: touch the
// tables workerd reserves, or manage transactions itself.
var (
	reservedTable  = regexp.MustCompile(`(?i)\b_cf_\w*`)
	transactionSQL = regexp.MustCompile(`(?i)^\s*(BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE)\b`)
)

// checkOwnSQL refuses, with workerd's errors, SQL that reaches the
// reserved tables or runs its own transaction.
func (rl *Realm) checkOwnSQL(query string) {
	if reservedTable.MatchString(query) {
		rl.throwError("Error", "not authorized: SQLITE_AUTH")
	}
	for _, stmt := range strings.Split(query, ";") {
		if transactionSQL.MatchString(stmt) {
			rl.throwError("Error", "To execute a transaction, please use the state.storage.transaction() or state.storage.transactionSync() APIs instead of the SQL BEGIN TRANSACTION or SAVEPOINT statements. The JavaScript API is safer because it will automatically roll back on exceptions, and because it interacts correctly with Durable Objects' automatic atomic write coalescing.")
		}
	}
}
