package bindings

// Well-known Workers APIs that workerhost does not have yet. Each exists in
// workerd at every compatibility date; here it is a stub that throws a
// TypeError naming it ("request.formData() is not supported by workerhost
// yet"), so a script takes the same path it takes on workerd (typeof
// HTMLRewriter is "function", caches is an object) and stops with a
// message that says what is missing, not a ReferenceError or "is not a
// function". A member that exists by the time this runs (because it has
// been implemented) is left alone, so a stub never hides the real API.

import (
	"github.com/dop251/goja"
)

// ErrUnsupportedSuffix ends the message of every stub's TypeError.
const ErrUnsupportedSuffix = " is not supported by workerhost yet"

// unsupportedMethods are prototype methods, by the global class that has
// them, with the name the message uses for an instance.
var unsupportedMethods = []struct{ class, instance, method string }{
	{"Request", "request", "formData"},
	{"Response", "response", "formData"},
	{"SubtleCrypto", "crypto.subtle", "encrypt"},
	{"SubtleCrypto", "crypto.subtle", "decrypt"},
	{"SubtleCrypto", "crypto.subtle", "sign"},
	{"SubtleCrypto", "crypto.subtle", "verify"},
	{"SubtleCrypto", "crypto.subtle", "generateKey"},
	{"SubtleCrypto", "crypto.subtle", "deriveKey"},
	{"SubtleCrypto", "crypto.subtle", "deriveBits"},
	{"SubtleCrypto", "crypto.subtle", "importKey"},
	{"SubtleCrypto", "crypto.subtle", "exportKey"},
	{"SubtleCrypto", "crypto.subtle", "wrapKey"},
	{"SubtleCrypto", "crypto.subtle", "unwrapKey"},
}

// unsupportedClasses are global constructors that throw when used.
var unsupportedClasses = []string{"FormData", "HTMLRewriter"}

// installUnsupported defines the stubs; it runs after every real API.
func (rl *Realm) installUnsupported() {
	g := rl.vm.GlobalObject()
	for _, m := range unsupportedMethods {
		ctor, ok := g.Get(m.class).(*goja.Object)
		if !ok {
			continue
		}
		proto := ctor.Get("prototype").(*goja.Object)
		if v := proto.Get(m.method); v != nil && !goja.IsUndefined(v) {
			continue
		}
		rl.stubMethod(proto, m.method, m.instance+"."+m.method+"()")
	}
	for _, name := range unsupportedClasses {
		if v := g.Get(name); v != nil && !goja.IsUndefined(v) {
			continue
		}
		rl.newClass(name, nil, func(goja.FunctionCall) { rl.throwUnsupported(name) })
	}
	if v := g.Get("caches"); v == nil || goja.IsUndefined(v) {
		rl.installCachesStub()
	}
}

// installCachesStub defines caches, a CacheStorage whose members throw.
func (rl *Realm) installCachesStub() {
	storage := rl.newClass("CacheStorage", nil, nil)
	storage.getter("default", func(goja.FunctionCall) goja.Value {
		rl.throwUnsupported("caches.default")
		return nil
	})
	for _, method := range []string{"open", "match", "has", "delete", "keys"} {
		rl.stubMethod(storage.proto, method, "caches."+method+"()")
	}
	rl.global("caches", storage.instance(struct{}{}))
}

// stubMethod defines a method, as WebIDL operations are defined, that
// throws for what.
func (rl *Realm) stubMethod(proto *goja.Object, name, what string) {
	f := rl.function(name, func(goja.FunctionCall) goja.Value {
		rl.throwUnsupported(what)
		return nil
	})
	if err := proto.DefineDataProperty(name, f, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
		panic(err)
	}
}

// throwUnsupported throws the TypeError for what.
func (rl *Realm) throwUnsupported(what string) {
	panic(rl.vm.NewTypeError(what + ErrUnsupportedSuffix))
}
