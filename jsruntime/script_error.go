package jsruntime

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// ScriptError is an error in a worker script found while loading it: a
// syntax error, an import that cannot be resolved, or an exception thrown by
// the script's top level. It carries the position in the user's own file.
type ScriptError struct {
	File   string // path as given by the user (relative to the working directory when possible)
	Line   int    // 1-based; 0 when unknown
	Column int    // 0-based byte offset in the line
	Text   string // the message
	Source string // the offending line, when known
}

// Error renders "file:line:column: message" followed by the offending line
// and a caret under the column, as compilers print it. A line longer than
// maxSourceWidth (minified code is often one line of many kilobytes) is cut
// to sourceContext characters each side of the column, with "…" where it
// was cut.
func (e *ScriptError) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "%s:%d:%d: %s", e.File, e.Line, e.Column+1, e.Text)
	} else {
		fmt.Fprintf(&b, "%s: %s", e.File, e.Text)
	}
	if e.Source != "" {
		source, before := sourceWindow(e.Source, e.Column)
		gutter := fmt.Sprintf("%5d │ ", e.Line)
		fmt.Fprintf(&b, "\n%s%s", gutter, source)
		pad := strings.Repeat(" ", len([]rune(gutter))-2) + "╵ "
		fmt.Fprintf(&b, "\n%s%s^", pad, expandTabs(before))
	}
	return b.String()
}

const (
	// maxSourceWidth is the longest source line shown whole, in characters.
	maxSourceWidth = 120
	// sourceContext is how many characters of a longer line are shown on
	// each side of the column.
	sourceContext = 40
)

// sourceWindow returns the part of line to show and the part of it before
// col (a 0-based byte offset), under which the caret goes.
func sourceWindow(line string, col int) (shown, before string) {
	col = min(max(col, 0), len(line))
	for col > 0 && col < len(line) && !utf8.RuneStart(line[col]) {
		col-- // a column inside a character points at that character
	}
	head, tail := []rune(line[:col]), []rune(line[col:])
	if len(head)+len(tail) <= maxSourceWidth {
		return line, line[:col]
	}
	prefix, suffix := "", ""
	if len(head) > sourceContext {
		head, prefix = head[len(head)-sourceContext:], "…"
	}
	if len(tail) > sourceContext {
		tail, suffix = tail[:sourceContext], "…"
	}
	before = prefix + string(head)
	return before + string(tail) + suffix, before
}

// expandTabs turns every non-tab character into a space so a caret lines up.
func expandTabs(prefix string) string {
	var b strings.Builder
	for _, r := range prefix {
		if r == '\t' {
			b.WriteRune('\t')
		} else {
			b.WriteRune(' ')
		}
	}
	return b.String()
}
