package jsruntime

import (
	"errors"
	"regexp"
	"strings"

	"github.com/dop251/goja"
)

// RejectionError is a promise rejection nobody handled.
type RejectionError struct {
	// Reason is the rejection value rendered as text: an Error's stack, or
	// the value's string form.
	Reason string
}

// Error implements error.
func (e *RejectionError) Error() string { return "(in promise) " + e.Reason }

// FormatError renders an error for a log line. A JS exception is shown with
// its source-mapped stack ("Error: boom\n    at handler (worker.js:3:9)").
func FormatError(err error) string {
	var so *goja.StackOverflowError
	if errors.As(err, &so) {
		return "RangeError: Maximum call stack size exceeded" + formatFrames(so.Stack())
	}
	var ex *goja.Exception
	if errors.As(err, &ex) {
		return formatException(ex)
	}
	return err.Error()
}

// ErrorMessage is the first line of FormatError: the error's type and
// message without the stack ("Error: boom"), for a title or an event.
func ErrorMessage(err error) string {
	message, _, _ := strings.Cut(FormatError(err), "\n")
	return message
}

// formatException prefers the thrown value's own stack property, which names
// the error type, and falls back to goja's rendering.
func formatException(ex *goja.Exception) string {
	if s := stackOf(ex.Value()); s != "" {
		return s
	}
	return strings.TrimSpace(ex.String())
}

// exportReason renders a rejection reason. On the loop.
func exportReason(v goja.Value) string {
	if s := stackOf(v); s != "" {
		return s
	}
	if v == nil {
		return "undefined"
	}
	return v.String()
}

// stackOf returns the `stack` property of an error object, cleaned of goja's
// bytecode offsets, or "" when there is none.
func stackOf(v goja.Value) string {
	obj, ok := v.(*goja.Object)
	if !ok {
		return ""
	}
	st := obj.Get("stack")
	if st == nil || goja.IsUndefined(st) || goja.IsNull(st) {
		return ""
	}
	return CleanStack(st.String())
}

// CleanStack rewrites goja's frames ("\tat f (file.js:3:9(12))", or
// "\tat file.js:3:9(12)" for an anonymous function) into the V8 shape that
// workerd prints ("    at f (file.js:3:9)"), keeping the innermost
// stackTraceLimit frames as V8 does (a runaway recursion has thousands).
func CleanStack(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	out := lines[:0]
	frames := 0
	for _, l := range lines {
		if strings.HasPrefix(l, "\tat ") {
			if frames++; frames > stackTraceLimit {
				continue
			}
			l = "    at " + bytecodeOffset.ReplaceAllString(strings.TrimPrefix(l, "\tat "), "$1")
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// stackTraceLimit is how many frames a rendered stack keeps: V8's default
// Error.stackTraceLimit.
const stackTraceLimit = 10

// bytecodeOffset matches goja's "(12)" after a frame's line and column.
var bytecodeOffset = regexp.MustCompile(`(:\d+:\d+)\(\d+\)`)

// ThrownError is a JS value that was thrown or rejected, rendered as text on
// the loop so it can travel to other goroutines.
type ThrownError struct {
	// Text is the error's stack, or the value's string form.
	Text string
	// Overloaded marks a resource limit the worker exceeded (its CPU
	// time), which workerd answers with 503 rather than 500.
	Overloaded bool
}

// Error implements error.
func (e *ThrownError) Error() string { return e.Text }

// ToThrownError turns any error met on the loop into one that can leave
// it: a JS exception is rendered with its stack now, while the loop may
// still run JS to read it, so no goja value crosses to another goroutine.
// On the loop.
func ToThrownError(err error) *ThrownError {
	var te *ThrownError
	if errors.As(err, &te) {
		return te
	}
	return &ThrownError{Text: FormatError(err)}
}

// NewThrownError renders a thrown or rejected value. On the loop.
func NewThrownError(v goja.Value) *ThrownError {
	return &ThrownError{Text: exportReason(v)}
}
