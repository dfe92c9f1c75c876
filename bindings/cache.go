package bindings

// caches: CacheStorage and Cache as workerd shapes them, with workerd's
// checks and errors, over an in-memory store (cache_store.go). Plain
// workerd, run without a cache service, fails every lookup and store with
// "No Cache was configured"; wrangler dev gives workerd a cache service, so
// scripts there see a working cache. workerhost follows wrangler dev, as a
// local development server should. What workerd does not implement (add,
// addAll, matchAll, keys, and CacheStorage's match, has, delete and keys)
// throws workerd's error.

import (
	"time"

	"github.com/dop251/goja"
)

// maxCacheNameLength is the longest name caches.open accepts.
const maxCacheNameLength = 1023

// defaultCacheName keys caches.default in the store; no name given to
// caches.open can equal it.
const defaultCacheName = "\x00default"

// cacheState is the state of a Cache: the name it is stored under.
type cacheState struct {
	name string
}

// cacheStorageState is the state of the one CacheStorage.
type cacheStorageState struct{}

// installCaches defines Cache, CacheStorage and caches; it runs after
// Request and Response.
func (rl *Realm) installCaches() {
	store := rl.opts.Caches
	if store == nil {
		store = NewCacheStore()
	}
	cache := rl.newClass("Cache", nil, nil)
	promise := func(fn func() goja.Value) goja.Value {
		var v goja.Value
		if ex := rl.vm.Try(func() { v = fn() }); ex != nil {
			return rl.rejected(ex.Value())
		}
		return v
	}
	cache.method("match", func(call goja.FunctionCall) goja.Value {
		c := thisState[cacheState](rl, call)
		return promise(func() goja.Value {
			url, method, hdr := rl.cacheRequest(call, "match")
			if method != "GET" && !member(call.Argument(1), "ignoreMethod").ToBoolean() {
				return rl.resolved(goja.Undefined())
			}
			e := store.get(c.name, url, time.Now())
			if e == nil {
				return rl.resolved(goja.Undefined())
			}
			return rl.resolved(rl.cachedResponse(matchResponse(e, hdr)))
		})
	})
	cache.method("delete", func(call goja.FunctionCall) goja.Value {
		c := thisState[cacheState](rl, call)
		return promise(func() goja.Value {
			url, method, _ := rl.cacheRequest(call, "delete")
			if method != "GET" && !member(call.Argument(1), "ignoreMethod").ToBoolean() {
				return rl.resolved(rl.vm.ToValue(false))
			}
			return rl.resolved(rl.vm.ToValue(store.remove(c.name, url, time.Now())))
		})
	})
	cache.method("put", func(call goja.FunctionCall) goja.Value {
		c := thisState[cacheState](rl, call)
		return promise(func() goja.Value { return rl.cachePut(call, store, c.name) })
	})
	for _, name := range []string{"add", "addAll", "matchAll", "keys"} {
		cache.method(name, func(call goja.FunctionCall) goja.Value {
			thisState[cacheState](rl, call)
			panic(rl.newError("Error", "Failed to execute '"+name+"' on 'Cache': the method is not implemented."))
		})
	}

	storage := rl.newClass("CacheStorage", nil, nil)
	storage.method("open", func(call goja.FunctionCall) goja.Value {
		thisState[cacheStorageState](rl, call)
		return promise(func() goja.Value {
			if len(call.Arguments) == 0 {
				rl.throwTypeError("Failed to execute 'open' on 'CacheStorage': parameter 1 is not of type 'string'.")
			}
			name := call.Argument(0).String()
			if len(name) > maxCacheNameLength {
				rl.throwTypeError("Cache name is too long.")
			}
			return rl.resolved(cache.instance(&cacheState{name: name}))
		})
	})
	for _, name := range []string{"delete", "match", "has", "keys"} {
		storage.method(name, func(call goja.FunctionCall) goja.Value {
			thisState[cacheStorageState](rl, call)
			panic(rl.newError("Error", "Failed to execute '"+name+"' on 'CacheStorage': the method is not implemented."))
		})
	}
	caches := storage.instance(&cacheStorageState{})
	// default is the instance's own, not CacheStorage.prototype's.
	if err := caches.DefineDataProperty("default", cache.instance(&cacheState{name: defaultCacheName}), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
		panic(err)
	}
	rl.global("caches", caches)
}

// cacheRequest reads a RequestInfo argument: its URL, method and headers.
func (rl *Realm) cacheRequest(call goja.FunctionCall, method string) (url, reqMethod string, hdr [][2]string) {
	if len(call.Arguments) == 0 {
		rl.throwTypeError("Failed to execute '" + method + "' on 'Cache': parameter 1 is not of type 'Request or string'.")
	}
	if r := stateOf[request](rl, call.Argument(0)); r != nil {
		return r.url, r.method, r.hdr.list
	}
	return rl.parseURL(call.Argument(0).String(), "Invalid URL: "), "GET", nil
}

// cachePut implements Cache.put(request, response) with workerd's checks;
// the body is read in full, then stored if it may be.
func (rl *Realm) cachePut(call goja.FunctionCall, store *cacheStore, name string) goja.Value {
	url, method, _ := rl.cacheRequest(call, "put")
	res := stateOf[response](rl, call.Argument(1))
	if res == nil {
		rl.throwTypeError("Failed to execute 'put' on 'Cache': parameter 2 is not of type 'Response'.")
	}
	if method != "GET" {
		rl.throwTypeError("Cannot cache response to non-GET request.")
	}
	if res.status == 206 {
		rl.throwTypeError("Cannot cache response to a range request (206 Partial Content).")
	}
	for _, v := range headerValues(res.hdr.list, "vary") {
		for _, f := range splitList(v) {
			if f == "*" {
				rl.throwTypeError("Cannot cache response with 'Vary: *' header.")
			}
		}
	}
	b := &res.body
	if rl.bodyUsed(b) {
		rl.throwTypeError(errBodyUsed)
	}
	b.used = true
	e := &cacheEntry{status: res.status, statusText: res.statusText, header: append([][2]string(nil), res.hdr.list...)}
	finish := func(data []byte) goja.Value {
		e.body = append([]byte(nil), data...)
		store.put(name, url, e, time.Now())
		return rl.resolved(goja.Undefined())
	}
	if b.stream == nil {
		return finish(b.data)
	}
	return rl.thenBytes(rl.callHelper(rl.streams.readAll, b.stream), finish)
}

// cachedResponse makes the Response a match gives for e.
func (rl *Realm) cachedResponse(e *cacheEntry) goja.Value {
	r := &response{status: e.status, statusText: e.statusText, hdr: &headers{list: append([][2]string(nil), e.header...)}}
	if e.body == nil && nullBodyStatus(e.status) {
		r.body = body{null: true}
	} else {
		r.body = body{data: append([]byte(nil), e.body...)}
	}
	return rl.responseClass.instance(r)
}

// splitList splits a comma-separated header value into trimmed members.
func splitList(v string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(v); i++ {
		if i == len(v) || v[i] == ',' {
			if s := trimOWS(v[start:i]); s != "" {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	return out
}

// trimOWS trims spaces and tabs.
func trimOWS(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}
