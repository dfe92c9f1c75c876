package bindings

// The console methods beyond the logging ones: groups, counters, timers,
// dir and table. workerd sends these to the inspector only and prints
// nothing; wrangler dev shows them in the terminal, formatted as Node's
// console formats them, and so does workerhost.

import (
	"fmt"
	"strings"
	"time"

	"github.com/dop251/goja"

	"workerhost/internal/config"
	"workerhost/jsruntime"
)

// consoleState is what the console remembers between calls.
type consoleState struct {
	indent string
	counts map[string]int
	timers map[string]time.Time
}

// installConsoleExtras defines the rest of the console namespace on console.
func (rl *Realm) installConsoleExtras(console *goja.Object) {
	st := &rl.consoleState
	st.counts, st.timers = map[string]int{}, map[string]time.Time{}
	set := func(name string, fn func(call goja.FunctionCall)) {
		_ = console.Set(name, rl.function(name, func(call goja.FunctionCall) goja.Value {
			fn(call)
			return goja.Undefined()
		}))
	}
	label := func(call goja.FunctionCall) string {
		if v := call.Argument(0); !goja.IsUndefined(v) {
			return v.String()
		}
		return "default"
	}
	group := func(call goja.FunctionCall) {
		if len(call.Arguments) > 0 {
			rl.consoleLine(config.LevelLog, rl.formatArgs(call.Arguments))
		}
		st.indent += "  "
	}
	set("group", group)
	set("groupCollapsed", group)
	set("groupEnd", func(goja.FunctionCall) {
		if len(st.indent) >= 2 {
			st.indent = st.indent[2:]
		}
	})
	set("count", func(call goja.FunctionCall) {
		l := label(call)
		st.counts[l]++
		rl.consoleLine(config.LevelInfo, fmt.Sprintf("%s: %d", l, st.counts[l]))
	})
	set("countReset", func(call goja.FunctionCall) {
		l := label(call)
		if _, ok := st.counts[l]; !ok {
			rl.consoleLine(config.LevelWarn, fmt.Sprintf("Count for '%s' does not exist", l))
			return
		}
		st.counts[l] = 0
	})
	set("time", func(call goja.FunctionCall) {
		l := label(call)
		if _, ok := st.timers[l]; ok {
			rl.consoleLine(config.LevelWarn, fmt.Sprintf("Warning: Label '%s' already exists for console.time()", l))
			return
		}
		st.timers[l] = time.Now()
	})
	elapsed := func(call goja.FunctionCall, method string, end bool) {
		l := label(call)
		start, ok := st.timers[l]
		if !ok {
			rl.consoleLine(config.LevelWarn, fmt.Sprintf("Warning: No such label '%s' for console.%s()", l, method))
			return
		}
		line := l + ": " + formatDuration(time.Since(start))
		if end {
			delete(st.timers, l)
		} else if len(call.Arguments) > 1 {
			line += " " + rl.formatArgs(call.Arguments[1:])
		}
		rl.consoleLine(config.LevelInfo, line)
	}
	set("timeLog", func(call goja.FunctionCall) { elapsed(call, "timeLog", false) })
	set("timeEnd", func(call goja.FunctionCall) { elapsed(call, "timeEnd", true) })
	set("trace", func(call goja.FunctionCall) {
		line := "Trace"
		if len(call.Arguments) > 0 {
			line += ": " + rl.formatArgs(call.Arguments)
		}
		rl.consoleLine(config.LevelLog, line+jsruntime.CurrentStack(rl.vm))
	})
	set("dir", func(call goja.FunctionCall) { rl.consoleLine(config.LevelLog, rl.Inspect(call.Argument(0))) })
	set("dirxml", func(call goja.FunctionCall) { rl.consoleLine(config.LevelLog, rl.formatArgs(call.Arguments)) })
	set("table", func(call goja.FunctionCall) {
		rl.consoleLine(config.LevelLog, rl.consoleTable(call.Argument(0), call.Argument(1)))
	})
	// Without an inspector these do nothing, in workerd and in Node.
	for _, name := range []string{"clear", "profile", "profileEnd", "timeStamp"} {
		set(name, func(goja.FunctionCall) {})
	}
	_ = console.Set("context", rl.function("context", func(goja.FunctionCall) goja.Value { return console }))
	if err := console.DefineDataPropertySymbol(goja.SymToStringTag, rl.vm.ToValue("console"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE); err != nil {
		panic(err)
	}
}

// formatDuration renders a timer's reading as Node does: milliseconds with
// three decimals, or seconds from one second up.
func formatDuration(d time.Duration) string {
	ms := float64(d) / float64(time.Millisecond)
	if ms >= 1000 {
		return fmt.Sprintf("%.3fs", ms/1000)
	}
	return fmt.Sprintf("%.3fms", ms)
}

// indentLines prefixes every line of s with the group indent.
func indentLines(indent, s string) string {
	if indent == "" {
		return s
	}
	return indent + strings.ReplaceAll(s, "\n", "\n"+indent)
}
