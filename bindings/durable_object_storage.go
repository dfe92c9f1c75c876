package bindings

// DurableObjectStorage (ctx.storage) and DurableObjectTransaction, the
// key-value API of a Durable Object:
// https://developers.cloudflare.com/durable-objects/api/storage-api/
// Values are structured clones in V8's format, as workerd stores them.
// Every method settles at once (SQLite on the loop), so an awaited call
// lets no other event in between: workerd's input gate.

import (
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/dop251/goja"

	"workerhost/internal/config"
	"workerhost/internal/dostorage"
)

// maxStorageSize is the largest key or value SQLite takes in workerd
// (its SQLITE_LIMIT_LENGTH); the on-disk storage wrangler dev uses has no
// smaller limit.
const maxStorageSize = 16 << 20

// errTooBig is workerd's error for a key or value over maxStorageSize.
const errTooBig = "string or blob too big: SQLITE_TOOBIG"

// doTransaction is the state of a DurableObjectTransaction.
type doTransaction struct {
	store      *actorStore
	savepoint  string
	rolledBack bool
	done       bool
}

// newDurableObjectStorage makes ctx.storage for an object.
func (rl *Realm) newDurableObjectStorage(s *actorStore) goja.Value {
	if rl.durable.storageClass == nil {
		rl.defineStorageClasses()
	}
	return rl.durable.storageClass.instance(s)
}

// defineStorageClasses defines DurableObjectStorage and
// DurableObjectTransaction, on first use.
func (rl *Realm) defineStorageClasses() {
	c := rl.defineClass("DurableObjectStorage", nil, nil, "")
	rl.durable.storageClass = c
	t := rl.defineClass("DurableObjectTransaction", nil, nil, "")
	rl.durable.transactionClass = t
	storeOf := func(string) func(goja.FunctionCall) *actorStore {
		return func(call goja.FunctionCall) *actorStore { return thisState[actorStore](rl, call) }
	}
	txStoreOf := func(method string) func(goja.FunctionCall) *actorStore {
		return func(call goja.FunctionCall) *actorStore {
			tx := thisState[doTransaction](rl, call)
			if tx.rolledBack {
				rl.throwError("Error", "Cannot "+method+"() on rolled back transaction")
			}
			return tx.store
		}
	}
	for _, kv := range []struct {
		class *jsClass
		store func(string) func(goja.FunctionCall) *actorStore
	}{{c, storeOf}, {t, txStoreOf}} {
		class, store := kv.class, kv.store
		class.method("get", func(call goja.FunctionCall) goja.Value {
			return rl.settled(func() goja.Value {
				return rl.storageGet(store("get")(call), class.name, call)
			})
		})
		class.method("list", func(call goja.FunctionCall) goja.Value {
			return rl.settled(func() goja.Value { return rl.storageList(store("list")(call), call.Argument(0)) })
		})
		class.method("put", func(call goja.FunctionCall) goja.Value {
			return rl.settled(func() goja.Value { return rl.storagePut(store("put")(call), class.name, call) })
		})
		class.method("delete", func(call goja.FunctionCall) goja.Value {
			return rl.settled(func() goja.Value {
				return rl.storageDelete(store("delete")(call), class.name, call)
			})
		})
		class.method("getAlarm", func(call goja.FunctionCall) goja.Value {
			return rl.settled(func() goja.Value { return rl.storageGetAlarm(store("getAlarm")(call)) })
		})
		class.method("setAlarm", func(call goja.FunctionCall) goja.Value {
			return rl.settled(func() goja.Value {
				return rl.storageSetAlarm(store("setAlarm")(call), class.name, call)
			})
		})
		class.method("deleteAlarm", func(call goja.FunctionCall) goja.Value {
			return rl.settled(func() goja.Value { return rl.storageDeleteAlarm(store("deleteAlarm")(call)) })
		})
	}
	t.method("deleteAll", func(call goja.FunctionCall) goja.Value {
		return rl.settled(func() goja.Value {
			thisState[doTransaction](rl, call)
			rl.throwError("Error", "Cannot call deleteAll() within a transaction")
			return nil
		})
	})
	c.method("deleteAll", func(call goja.FunctionCall) goja.Value {
		return rl.settled(func() goja.Value {
			s := storeOf("deleteAll")(call)
			rl.must(s.write())
			rl.must(s.st.DeleteAll())
			if rl.opts.Compat.Enabled(config.FlagDeleteAllDeletesAlarm) {
				rl.must(s.st.DeleteAlarm())
				s.cancelAlarm()
			}
			return goja.Undefined()
		})
	})
	c.method("sync", func(call goja.FunctionCall) goja.Value {
		storeOf("sync")(call)
		return rl.resolved(goja.Undefined())
	})
	c.method("transactionSync", func(call goja.FunctionCall) goja.Value {
		s := storeOf("transactionSync")(call)
		fn, ok := goja.AssertFunction(call.Argument(0))
		if !ok {
			rl.throwTypeError("Failed to execute 'transactionSync' on 'DurableObjectStorage': parameter 1 is not of type 'function'.")
		}
		tx := rl.beginTransaction(s)
		v, err := fn(goja.Undefined())
		rl.endTransaction(tx, err == nil)
		if err != nil {
			panic(err)
		}
		return v
	})
	c.getter("sql", func(call goja.FunctionCall) goja.Value {
		return rl.sqlStorage(storeOf("sql")(call))
	})
	t.method("rollback", func(call goja.FunctionCall) goja.Value {
		tx := thisState[doTransaction](rl, call)
		if !tx.rolledBack && !tx.done {
			tx.rolledBack = true
			rl.must(tx.store.st.RollbackTo(tx.savepoint))
		}
		return goja.Undefined()
	})
	// transaction(closure) awaits the closure: a JS wrapper over two
	// native steps. The object's other events wait until it ends (hold),
	// as in workerd.
	wrap, _ := goja.AssertFunction(rl.mustRun("transaction.js", `(function (begin, end, hold) {
  return { async transaction(closure) {
    const txn = begin(this, closure);
    const release = hold(this);
    try {
      let v;
      try {
        v = await closure(txn);
      } catch (e) {
        end(txn, false);
        throw e;
      }
      end(txn, true);
      return v;
    } finally {
      release();
    }
  } }.transaction;
})`))
	begin := rl.function("begin", func(call goja.FunctionCall) goja.Value {
		s := thisState[actorStore](rl, goja.FunctionCall{This: call.Argument(0)})
		if _, ok := goja.AssertFunction(call.Argument(1)); !ok {
			rl.throwTypeError("Failed to execute 'transaction' on 'DurableObjectStorage': parameter 1 is not of type 'function'.")
		}
		return rl.durable.transactionClass.instance(rl.beginTransaction(s))
	})
	end := rl.function("end", func(call goja.FunctionCall) goja.Value {
		rl.endTransaction(stateOf[doTransaction](rl, call.Argument(0)), call.Argument(1).ToBoolean())
		return goja.Undefined()
	})
	txFn, err := wrap(goja.Undefined(), begin, end, rl.durableJS().holdEvents)
	if err != nil {
		panic(err)
	}
	if err := c.proto.DefineDataProperty("transaction", txFn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
		panic(err)
	}
}

// beginTransaction opens a savepoint in the object's batch.
func (rl *Realm) beginTransaction(s *actorStore) *doTransaction {
	rl.must(s.write())
	s.txDepth++
	tx := &doTransaction{store: s, savepoint: fmt.Sprintf("_cf_txn%d", s.txDepth)}
	if err := s.st.Savepoint(tx.savepoint); err != nil {
		s.txDepth--
		rl.must(err)
	}
	return tx
}

// endTransaction keeps (commit) or drops the transaction's writes; the
// batch is committed at the end of the job once no transaction is open.
func (rl *Realm) endTransaction(tx *doTransaction, commit bool) {
	if tx.done {
		return
	}
	tx.done = true
	s := tx.store
	s.txDepth--
	s.queueCommit()
	switch {
	case tx.rolledBack:
	case commit:
		rl.must(s.st.Release(tx.savepoint))
	default:
		rl.must(s.st.RollbackTo(tx.savepoint))
	}
}

// settled runs fn and returns a promise of its result, or of what it threw.
func (rl *Realm) settled(fn func() goja.Value) (result goja.Value) {
	var v goja.Value
	if ex := rl.vm.Try(func() { v = fn() }); ex != nil {
		return rl.rejected(ex.Value())
	}
	return rl.resolved(v)
}

// must throws err as a JS Error.
func (rl *Realm) must(err error) {
	if err != nil {
		panic(rl.newError("Error", err.Error()))
	}
}

// throwError throws a new error of the named constructor.
func (rl *Realm) throwError(ctorName, message string) {
	panic(rl.newError(ctorName, message))
}

// storageKeys reads the first argument of get() or delete(): a key, or
// an array of keys; many says which it was.
func (rl *Realm) storageKeys(class, method string, call goja.FunctionCall) (keys []string, many bool) {
	if len(call.Arguments) == 0 || goja.IsUndefined(call.Argument(0)) {
		rl.throwTypeError(fmt.Sprintf("Failed to execute '%s' on '%s': parameter 1 is not of type 'string or Array'.", method, class))
	}
	v := call.Argument(0)
	if o, ok := v.(*goja.Object); ok && o.ClassName() == "Array" {
		n := int(o.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			keys = append(keys, rl.storageKey(o.Get(fmt.Sprint(i))))
		}
		return keys, true
	}
	return []string{rl.storageKey(v)}, false
}

// storageKey converts a key, within workerd's size limit.
func (rl *Realm) storageKey(v goja.Value) string {
	k := v.String()
	if len(k) > maxStorageSize {
		rl.throwError("Error", errTooBig)
	}
	return k
}

// storageValue serializes a value, within workerd's size limit (a string
// already over it is refused before it is written out).
func (rl *Realm) storageValue(v goja.Value) []byte {
	if str, ok := v.(goja.String); ok && str.Length() >= maxStorageSize {
		rl.throwError("Error", errTooBig)
	}
	b, err := rl.Serialize(v)
	if err != nil {
		panic(err)
	}
	if len(b) > maxStorageSize {
		rl.throwError("Error", errTooBig)
	}
	return b
}

func (rl *Realm) storageGet(s *actorStore, class string, call goja.FunctionCall) goja.Value {
	keys, many := rl.storageKeys(class, "get", call)
	found, err := s.st.Get(keys)
	rl.must(err)
	if !many {
		b, ok := found[keys[0]]
		if !ok {
			return goja.Undefined()
		}
		return rl.mustDeserialize(b)
	}
	sort.Strings(keys)
	m := rl.newMap()
	for _, k := range keys {
		if b, ok := found[k]; ok {
			m.set(k, rl.mustDeserialize(b))
		}
	}
	return m.obj
}

// storagePut is put(key, value) or put(entries); in entries, a key whose
// value is undefined is left out, as workerd does.
func (rl *Realm) storagePut(s *actorStore, class string, call goja.FunctionCall) goja.Value {
	if len(call.Arguments) == 0 || goja.IsUndefined(call.Argument(0)) || goja.IsNull(call.Argument(0)) {
		rl.throwTypeError(fmt.Sprintf("Failed to execute 'put' on '%s': parameter 1 is not of type 'string or object'.", class))
	}
	var entries []dostorage.Entry
	if o, ok := call.Argument(0).(*goja.Object); ok && !isStringObject(o) {
		for _, k := range o.Keys() {
			v := o.Get(k)
			if goja.IsUndefined(v) {
				continue
			}
			entries = append(entries, dostorage.Entry{Key: rl.storageKey(rl.vm.ToValue(k)), Value: rl.storageValue(v)})
		}
	} else {
		if goja.IsUndefined(call.Argument(1)) {
			rl.throwTypeError("put() called with undefined value.")
		}
		entries = []dostorage.Entry{{Key: rl.storageKey(call.Argument(0)), Value: rl.storageValue(call.Argument(1))}}
	}
	// SQLite's limit is on the row, key and value together; one pair
	// over it fails the whole call.
	for _, e := range entries {
		if len(e.Key)+len(e.Value) >= maxStorageSize {
			rl.throwError("Error", errTooBig)
		}
	}
	rl.must(s.write())
	rl.must(s.st.Put(entries))
	return goja.Undefined()
}

func isStringObject(o *goja.Object) bool { return o.ClassName() == "String" }

func (rl *Realm) storageDelete(s *actorStore, class string, call goja.FunctionCall) goja.Value {
	keys, many := rl.storageKeys(class, "delete", call)
	rl.must(s.write())
	n, err := s.st.Delete(keys)
	rl.must(err)
	if many {
		return rl.vm.ToValue(n)
	}
	return rl.vm.ToValue(n > 0)
}

func (rl *Realm) storageList(s *actorStore, arg goja.Value) goja.Value {
	var o dostorage.ListOptions
	if opts, ok := arg.(*goja.Object); ok {
		str := func(name string) string {
			v := opts.Get(name)
			if v == nil || goja.IsUndefined(v) {
				return ""
			}
			return v.String()
		}
		o.Start, o.StartAfter, o.End, o.Prefix = str("start"), str("startAfter"), str("end"), str("prefix")
		if o.Start != "" && o.StartAfter != "" {
			rl.throwTypeError("list() cannot be called with both start and startAfter values.")
		}
		if v := opts.Get("reverse"); v != nil {
			o.Reverse = v.ToBoolean()
		}
		if v := opts.Get("limit"); v != nil && !goja.IsUndefined(v) {
			n := v.ToInteger()
			if n <= 0 {
				rl.throwTypeError("List limit must be positive.")
			}
			o.Limit = int(n)
		}
	}
	entries, err := s.st.List(o)
	rl.must(err)
	m := rl.newMap()
	for _, e := range entries {
		m.set(e.Key, rl.mustDeserialize(e.Value))
	}
	return m.obj
}

// storageGetAlarm is the alarm's time in ms, or null; the alarm whose
// handler is running reads as null, as in workerd.
func (rl *Realm) storageGetAlarm(s *actorStore) goja.Value {
	t, ok, err := s.st.Alarm()
	rl.must(err)
	if !ok || (s.alarm.running && t.UnixMilli() == s.alarm.runningAt) {
		return goja.Null()
	}
	return rl.vm.ToValue(t.UnixMilli())
}

// storageSetAlarm is setAlarm(Date | ms): a time in the past fires at
// once, and reads back as the time it was set at.
func (rl *Realm) storageSetAlarm(s *actorStore, class string, call goja.FunctionCall) goja.Value {
	v := call.Argument(0)
	var f float64
	switch d := v.Export().(type) {
	case time.Time:
		f = float64(d.UnixMilli())
		if d.IsZero() {
			f = math.NaN()
		}
	case int64, float64:
		f = v.ToFloat()
	default:
		rl.throwTypeError(fmt.Sprintf("Failed to execute 'setAlarm' on '%s': parameter 1 is not of type 'date'.", class))
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		rl.throwTypeError("The value cannot be converted because it is not a valid Date.")
	}
	ms := int64(f)
	if ms <= 0 {
		rl.throwTypeError("setAlarm() cannot be called with an alarm time <= 0")
	}
	if h := s.alarm.hasHandler; h != nil {
		if r, err := h(goja.Undefined()); err == nil && !r.ToBoolean() {
			rl.throwTypeError("Your Durable Object class must have an alarm() handler in order to call setAlarm()")
		}
	}
	ms = max(ms, time.Now().UnixMilli())
	rl.must(s.write())
	rl.must(s.st.SetAlarm(time.UnixMilli(ms)))
	s.scheduleAlarm(time.UnixMilli(ms))
	return goja.Undefined()
}

func (rl *Realm) storageDeleteAlarm(s *actorStore) goja.Value {
	rl.must(s.write())
	rl.must(s.st.DeleteAlarm())
	s.cancelAlarm()
	return goja.Undefined()
}

func (rl *Realm) mustDeserialize(b []byte) goja.Value {
	v, err := rl.Deserialize(b)
	if err != nil {
		panic(err)
	}
	return v
}

// jsMap is a JS Map being filled from Go.
type jsMap struct {
	obj *goja.Object
	set func(k string, v goja.Value)
}

// newMap makes an empty Map.
func (rl *Realm) newMap() jsMap {
	ctor := rl.vm.Get("Map").(*goja.Object)
	o, err := rl.vm.New(ctor)
	if err != nil {
		panic(err)
	}
	set, _ := goja.AssertFunction(o.Get("set"))
	return jsMap{obj: o, set: func(k string, v goja.Value) { _, _ = set(o, rl.vm.ToValue(k), v) }}
}
