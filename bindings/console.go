package bindings

// console: https://console.spec.whatwg.org/, printing as workerd does (one
// line per call, arguments formatted like Node's util.inspect).

import (
	"fmt"
	"strings"

	"github.com/dop251/goja"

	"workerhost/internal/config"
)

// installConsole defines the console global.
func (rl *Realm) installConsole() {
	console := rl.vm.NewObject()
	method := func(name string, level config.LogLevel) {
		_ = console.Set(name, rl.function(name, func(call goja.FunctionCall) goja.Value {
			rl.consoleLine(level, rl.formatArgs(call.Arguments))
			return goja.Undefined()
		}))
	}
	method("log", config.LevelLog)
	method("info", config.LevelInfo)
	method("debug", config.LevelDebug)
	method("warn", config.LevelWarn)
	method("error", config.LevelError)
	_ = console.Set("assert", rl.function("assert", func(call goja.FunctionCall) goja.Value {
		if call.Argument(0).ToBoolean() {
			return goja.Undefined()
		}
		msg := "Assertion failed"
		if len(call.Arguments) > 1 {
			msg += ": " + rl.formatArgs(call.Arguments[1:])
		}
		rl.consoleLine(config.LevelError, msg)
		return goja.Undefined()
	}))
	rl.installConsoleExtras(console)
	rl.global("console", console)
}

// consoleLine writes one line of console output.
func (rl *Realm) consoleLine(level config.LogLevel, line string) {
	if rl.opts.ConsoleLevel.Allows(level) {
		fmt.Fprintln(rl.opts.Console, indentLines(rl.consoleState.indent, line))
	}
}

// logf writes one of workerhost's own diagnostic lines to the log, in the
// style of the host's request lines.
func (rl *Realm) logf(level config.LogLevel, format string, args ...any) {
	if rl.opts.ConsoleLevel.Allows(level) {
		fmt.Fprintf(rl.opts.Log, "[workerhost:%s] %s\n", level, fmt.Sprintf(format, args...))
	}
}

// formatArgs joins console arguments with spaces, applying printf-style
// directives in a leading string (%s %d %i %f %o %O %j %c %%).
func (rl *Realm) formatArgs(args []goja.Value) string {
	if len(args) == 0 {
		return ""
	}
	var parts []string
	rest := args
	if s, ok := safeExport(args[0]).(string); ok && strings.Contains(s, "%") {
		var line string
		line, rest = rl.printf(s, args[1:])
		parts = append(parts, line)
	} else {
		parts = append(parts, rl.inspectTop(args[0]))
		rest = args[1:]
	}
	for _, a := range rest {
		parts = append(parts, rl.inspectTop(a))
	}
	return strings.Join(parts, " ")
}

// printf expands directives in format with args and returns the unused args.
func (rl *Realm) printf(format string, args []goja.Value) (string, []goja.Value) {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 == len(format) {
			b.WriteByte(c)
			continue
		}
		d := format[i+1]
		if d == '%' {
			b.WriteByte('%')
			i++
			continue
		}
		if !strings.ContainsRune("sdifoOjc", rune(d)) || len(args) == 0 {
			b.WriteByte(c)
			continue
		}
		a := args[0]
		args = args[1:]
		i++
		switch d {
		case 's':
			b.WriteString(rl.inspectTop(a))
		case 'd', 'i':
			n := a.ToNumber()
			if d == 'i' {
				n = rl.vm.ToValue(a.ToInteger())
			}
			b.WriteString(n.String())
		case 'f':
			b.WriteString(a.ToNumber().String())
		case 'o', 'O':
			b.WriteString(rl.Inspect(a))
		case 'j':
			b.WriteString(rl.jsonStringify(a))
		case 'c':
		}
	}
	return b.String(), args
}
