package bindings

// The Cloudflare global: compatibilityFlags, every workerd compatibility
// flag with whether it is on for this worker (frozen and without a
// prototype, as in workerd).

import (
	"github.com/dop251/goja"
)

// installCloudflareGlobal defines Cloudflare, an instance of a class of the
// same name that is not itself a global.
func (rl *Realm) installCloudflareGlobal() {
	c := rl.defineClass("Cloudflare", nil, nil, "Illegal constructor")
	flags := rl.vm.CreateObject(nil)
	for _, f := range rl.opts.Compat.WorkerdFlags() {
		if err := flags.DefineDataProperty(f.Name, rl.vm.ToValue(f.On), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
			panic(err)
		}
	}
	freeze, _ := goja.AssertFunction(rl.vm.Get("Object").(*goja.Object).Get("freeze"))
	if _, err := freeze(goja.Undefined(), flags); err != nil {
		panic(err)
	}
	cf := rl.vm.CreateObject(c.proto)
	if err := cf.DefineDataProperty("compatibilityFlags", flags, goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
		panic(err)
	}
	rl.global("Cloudflare", cf)
}
