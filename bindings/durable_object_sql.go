package bindings

// ctx.storage.sql, the SQL API of SQLite-backed Durable Objects:
// https://developers.cloudflare.com/durable-objects/api/sql-storage/
// exec() runs at once, in the object's batch (so its writes commit with
// the job, as the key-value API's do), and its cursor holds the rows.

import (
	"math"
	"math/big"

	"github.com/dop251/goja"

	"workerhost/internal/dostorage"
)

// sqlCursor is the state of one SqlStorageCursor.
type sqlCursor struct {
	res  *dostorage.Result
	next int
}

// errNoSQL is workerd's error for ctx.storage.sql's methods in a class
// that is not SQLite-backed.
const errNoSQL = "SQL is not enabled for this Durable Object class. To enable it, change `new_classes` to `new_sqlite_classes` within the 'migrations' field in your wrangler.jsonc or wrangler.toml file. If using workerd directly,set `enableSql = true` in your workerd config for the class. Note that this change cannot be made after the class is already deployed to production."

// sqlStorage is ctx.storage.sql; in a class without SQL its methods
// throw.
func (rl *Realm) sqlStorage(s *actorStore) goja.Value {
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
	cur := rl.defineClass("Cursor", nil, nil, "")
	sqlStore := func(call goja.FunctionCall) *actorStore {
		s := thisState[actorStore](rl, call)
		if !s.sql {
			rl.throwError("Error", errNoSQL)
		}
		return s
	}
	c.method("exec", func(call goja.FunctionCall) goja.Value {
		s := sqlStore(call)
		if len(call.Arguments) == 0 {
			rl.throwTypeError("Failed to execute 'exec' on 'SqlStorage': parameter 1 is not of type 'String'.")
		}
		query := call.Argument(0).String()
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
		s := sqlStore(call)
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
		if v == nil {
			v = goja.Undefined()
		}
		_ = o.Set("value", v)
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
	g("rowsRead", func(cs *sqlCursor) goja.Value { return rl.vm.ToValue(int64(cs.next) + cs.res.RowsScanned) })
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

// sqlArgument converts a bound value as workerd does: strings and
// numbers as they are (NaN as null), buffers as blobs, null and undefined
// as null, a BigInt refused, anything else as its string.
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
		if math.IsNaN(t) {
			return nil
		}
		if t == math.Trunc(t) && math.Abs(t) < 1<<63 {
			return int64(t)
		}
		return t
	case string:
		return t
	case *big.Int:
		rl.throwTypeError("Cannot convert a BigInt value to a number")
	}
	return v.String()
}
