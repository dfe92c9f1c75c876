package bindings

// console.table, drawn as Node draws it.

import (
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// consoleTable renders data as a table of its rows (own enumerable
// properties) and their columns; a value that is not an object is printed
// as console.log prints it. properties, an array, picks the columns.
func (rl *Realm) consoleTable(data, properties goja.Value) string {
	obj, ok := data.(*goja.Object)
	if !ok {
		return rl.formatArgs([]goja.Value{data})
	}
	var picked []string
	if p, ok := properties.(*goja.Object); ok {
		for _, k := range p.Keys() {
			picked = append(picked, p.Get(k).String())
		}
	}
	var columns []string
	seen := map[string]bool{}
	addColumn := func(c string) {
		if !seen[c] {
			seen[c] = true
			columns = append(columns, c)
		}
	}
	for _, c := range picked {
		addColumn(c)
	}
	type row struct {
		index  string
		cells  map[string]string
		values string
		plain  bool
	}
	var rows []row
	hasValues := false
	for _, k := range obj.Keys() {
		v := obj.Get(k)
		r := row{index: k, cells: map[string]string{}}
		if o, ok := v.(*goja.Object); ok && !isFunction(o) {
			for _, c := range o.Keys() {
				if picked == nil {
					addColumn(c)
				}
				r.cells[c] = rl.Inspect(o.Get(c))
			}
		} else {
			r.plain, r.values, hasValues = true, rl.Inspect(v), true
		}
		rows = append(rows, r)
	}
	header := append([]string{"(index)"}, columns...)
	if hasValues {
		header = append(header, "Values")
	}
	table := [][]string{header}
	for _, r := range rows {
		line := []string{r.index}
		for _, c := range columns {
			line = append(line, r.cells[c])
		}
		if hasValues {
			line = append(line, r.values)
		}
		table = append(table, line)
	}
	return drawTable(table)
}

// isFunction reports whether o is callable.
func isFunction(o *goja.Object) bool {
	_, ok := goja.AssertFunction(o)
	return ok
}

// drawTable draws rows (the first is the header) in box-drawing characters,
// each cell left-aligned with a space either side.
func drawTable(rows [][]string) string {
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			if n := utf8.RuneCountInString(c); n > widths[i] {
				widths[i] = n
			}
		}
	}
	rule := func(left, mid, right string) string {
		parts := make([]string, len(widths))
		for i, w := range widths {
			parts[i] = strings.Repeat("─", w+2)
		}
		return left + strings.Join(parts, mid) + right
	}
	line := func(r []string) string {
		parts := make([]string, len(widths))
		for i, w := range widths {
			parts[i] = " " + r[i] + strings.Repeat(" ", w-utf8.RuneCountInString(r[i])) + " "
		}
		return "│" + strings.Join(parts, "│") + "│"
	}
	out := []string{rule("┌", "┬", "┐"), line(rows[0]), rule("├", "┼", "┤")}
	for _, r := range rows[1:] {
		out = append(out, line(r))
	}
	out = append(out, rule("└", "┴", "┘"))
	return strings.Join(out, "\n")
}
