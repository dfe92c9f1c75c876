package bindings

// process.env (js/node_process.js): the worker's string-valued bindings
// (text variables and secrets), as workerd fills it under nodejs_compat
// from 2025-04-01 (nodejs_compat_populate_process_env).

import (
	"github.com/dop251/goja"

	"workerhost/internal/config"
)

// fillProcessEnv copies the env's string values into process.env, once
// both exist, from the date workerd does (FlagPopulateProcessEnv).
func (rl *Realm) fillProcessEnv() {
	if rl.node.process == nil || rl.workers.env == nil || !rl.opts.Compat.Enabled(config.FlagPopulateProcessEnv) {
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
