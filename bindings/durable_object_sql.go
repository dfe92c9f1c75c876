package bindings

// ctx.storage.sql, for SQLite-backed classes.

import "github.com/dop251/goja"

// sqlStorage is ctx.storage.sql.
func (rl *Realm) sqlStorage(s *actorStore) goja.Value {
	if !s.sql {
		rl.throwError("Error", "SQL is not enabled for this Durable Object class.")
	}
	rl.throwUnsupported("ctx.storage.sql")
	return nil
}
