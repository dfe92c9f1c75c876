package jsruntime

import (
	"fmt"
	"strings"
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
// and a caret under the column, as compilers print it.
func (e *ScriptError) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "%s:%d:%d: %s", e.File, e.Line, e.Column+1, e.Text)
	} else {
		fmt.Fprintf(&b, "%s: %s", e.File, e.Text)
	}
	if e.Source != "" {
		gutter := fmt.Sprintf("%5d │ ", e.Line)
		fmt.Fprintf(&b, "\n%s%s", gutter, e.Source)
		pad := strings.Repeat(" ", len([]rune(gutter))-2) + "╵ "
		col := e.Column
		if col > len(e.Source) {
			col = len(e.Source)
		}
		fmt.Fprintf(&b, "\n%s%s^", pad, expandTabs(e.Source[:col]))
	}
	return b.String()
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
