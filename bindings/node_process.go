package bindings

// process.env (js/node_process.js): the worker's string-valued bindings
// (text variables and secrets), as workerd fills it under nodejs_compat.

import "github.com/dop251/goja"

// fillProcessEnv copies the env's string values into process.env, once
// both exist.
func (rl *Realm) fillProcessEnv() {
	if rl.node.process == nil || rl.workers.env == nil {
		return
	}
	target, ok := rl.node.process.Get("env").(*goja.Object)
	if !ok {
		return
	}
	env := rl.workers.env
	for _, k := range env.Keys() {
		if v := env.Get(k); v != nil {
			if _, isString := v.Export().(string); isString {
				_ = target.Set(k, v)
			}
		}
	}
}
