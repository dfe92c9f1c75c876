package bindings

// DurableObjectStorage (ctx.storage) and DurableObjectTransaction, the
// key-value API of a Durable Object:
// https://developers.cloudflare.com/durable-objects/api/storage-api/
// Values are structured clones in V8's format, as workerd stores them.
// Every method settles at once (SQLite on the loop), so an awaited call
// lets no other event in between: workerd's input gate.

import (
	"fmt"
	"sort"
	"time"

	"github.com/dop251/goja"

	"workerhost/internal/dostorage"
)

// workerd's limits on the key-value API.
const (
	maxStorageKeys      = 128
	maxStorageKeySize   = 2048
	maxStorageValueSize = 128 * 1024
)

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
	storeOf := func(call goja.FunctionCall) *actorStore { return thisState[actorStore](rl, call) }
	txStoreOf := func(call goja.FunctionCall) *actorStore {
		tx := thisState[doTransaction](rl, call)
		if tx.done {
			rl.throwError("Error", "Transaction has already been committed or rolled back.")
		}
		return tx.store
	}
	for _, kv := range []struct {
		class *jsClass
		store func(goja.FunctionCall) *actorStore
	}{{c, storeOf}, {t, txStoreOf}} {
		store := kv.store
		kv.class.method("get", func(call goja.FunctionCall) goja.Value {
			return rl.settled(func() goja.Value { return rl.storageGet(store(call), call.Argument(0)) })
		})
		kv.class.method("list", func(call goja.FunctionCall) goja.Value {
			return rl.settled(func() goja.Value { return rl.storageList(store(call), call.Argument(0)) })
		})
		kv.class.method("put", func(call goja.FunctionCall) goja.Value {
			return rl.settled(func() goja.Value { return rl.storagePut(store(call), call) })
		})
		kv.class.method("delete", func(call goja.FunctionCall) goja.Value {
			return rl.settled(func() goja.Value { return rl.storageDelete(store(call), call.Argument(0)) })
		})
		kv.class.method("getAlarm", func(call goja.FunctionCall) goja.Value {
			return rl.settled(func() goja.Value { return rl.storageGetAlarm(store(call)) })
		})
		kv.class.method("setAlarm", func(call goja.FunctionCall) goja.Value {
			return rl.settled(func() goja.Value { return rl.storageSetAlarm(store(call), call.Argument(0)) })
		})
		kv.class.method("deleteAlarm", func(call goja.FunctionCall) goja.Value {
			return rl.settled(func() goja.Value { return rl.storageDeleteAlarm(store(call)) })
		})
	}
	c.method("deleteAll", func(call goja.FunctionCall) goja.Value {
		return rl.settled(func() goja.Value {
			s := storeOf(call)
			rl.must(s.write())
			rl.must(s.st.DeleteAll())
			return goja.Undefined()
		})
	})
	c.method("sync", func(call goja.FunctionCall) goja.Value {
		storeOf(call)
		return rl.resolved(goja.Undefined())
	})
	c.method("transactionSync", func(call goja.FunctionCall) goja.Value {
		s := storeOf(call)
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
		return rl.sqlStorage(storeOf(call))
	})
	t.method("rollback", func(call goja.FunctionCall) goja.Value {
		tx := thisState[doTransaction](rl, call)
		if tx.done {
			rl.throwError("Error", "Transaction has already been committed or rolled back.")
		}
		if !tx.rolledBack {
			tx.rolledBack = true
			rl.must(tx.store.st.RollbackTo(tx.savepoint))
		}
		return goja.Undefined()
	})
	// transaction(closure) awaits the closure: a JS wrapper over two
	// native steps.
	wrap, _ := goja.AssertFunction(rl.mustRun("transaction.js", `(function (begin, end) {
  return { async transaction(closure) {
    const txn = begin(this, closure);
    let v;
    try {
      v = await closure(txn);
    } catch (e) {
      end(txn, false);
      throw e;
    }
    end(txn, true);
    return v;
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
	txFn, err := wrap(goja.Undefined(), begin, end)
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

// storageKeys reads a key, or an array of keys; many says which it was.
func (rl *Realm) storageKeys(v goja.Value) (keys []string, many bool) {
	if o, ok := v.(*goja.Object); ok && o.ClassName() == "Array" {
		n := int(o.Get("length").ToInteger())
		if n > maxStorageKeys {
			rl.throwRangeError(fmt.Sprintf("Maximum number of keys is %d. %d keys were provided.", maxStorageKeys, n))
		}
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
	if len(k) > maxStorageKeySize {
		rl.throwRangeError(fmt.Sprintf("Keys cannot be larger than %d bytes. A key of size %d was provided.", maxStorageKeySize, len(k)))
	}
	return k
}

// storageValue serializes a value, within workerd's size limit.
func (rl *Realm) storageValue(v goja.Value) []byte {
	if goja.IsUndefined(v) {
		rl.throwTypeError("Cannot call put() with undefined value.")
	}
	b, err := rl.Serialize(v)
	if err != nil {
		panic(err)
	}
	if len(b) > maxStorageValueSize {
		rl.throwRangeError(fmt.Sprintf("Values cannot be larger than %d bytes. A value of size %d was provided.", maxStorageValueSize, len(b)))
	}
	return b
}

func (rl *Realm) storageGet(s *actorStore, arg goja.Value) goja.Value {
	keys, many := rl.storageKeys(arg)
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

func (rl *Realm) storagePut(s *actorStore, call goja.FunctionCall) goja.Value {
	var entries []dostorage.Entry
	if o, ok := call.Argument(0).(*goja.Object); ok && !isStringObject(o) {
		keys := o.Keys()
		if len(keys) > maxStorageKeys {
			rl.throwRangeError(fmt.Sprintf("Maximum number of pairs is %d. %d pairs were provided.", maxStorageKeys, len(keys)))
		}
		for _, k := range keys {
			entries = append(entries, dostorage.Entry{Key: rl.storageKey(rl.vm.ToValue(k)), Value: rl.storageValue(o.Get(k))})
		}
	} else {
		entries = []dostorage.Entry{{Key: rl.storageKey(call.Argument(0)), Value: rl.storageValue(call.Argument(1))}}
	}
	rl.must(s.write())
	rl.must(s.st.Put(entries))
	return goja.Undefined()
}

func isStringObject(o *goja.Object) bool { return o.ClassName() == "String" }

func (rl *Realm) storageDelete(s *actorStore, arg goja.Value) goja.Value {
	keys, many := rl.storageKeys(arg)
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

func (rl *Realm) storageGetAlarm(s *actorStore) goja.Value {
	t, ok, err := s.st.Alarm()
	rl.must(err)
	if !ok {
		return goja.Null()
	}
	return rl.vm.ToValue(t.UnixMilli())
}

func (rl *Realm) storageSetAlarm(s *actorStore, v goja.Value) goja.Value {
	var ms int64
	if d, ok := v.Export().(time.Time); ok {
		ms = d.UnixMilli()
	} else {
		f := v.ToFloat()
		if f != f {
			rl.throwTypeError("setAlarm() cannot be called with an alarm time that is not a number or Date.")
		}
		ms = int64(f)
	}
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
