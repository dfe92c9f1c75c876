package jsruntime

import (
	"regexp"
	"strings"
)

// goja runs class fields and private members natively, which is several
// times faster than esbuild's lowering (every private member becomes
// WeakMap traffic, every field a defineProperty call). Its parser has one
// gap: a field whose name is `get`, `set` or `async` (`set = (k, v) => …`
// in hono's Context, `get;` in its Hono class) is taken for the start of an
// accessor or async method and rejected. The same field with a quoted name
// (`"set" = …`) means exactly the same and parses, so the bundle is
// rewritten that way. Bundle falls back to lowering every class when the
// rewritten bundle still does not compile (a private `#get` field, or a
// layout this rewrite does not recognise).

// fieldKeywordLine matches a line of esbuild's output that declares a field
// named get, set or async: indentation, an optional `static `, the name,
// then ` = ` and the initializer or `;` and the end of the line.
var fieldKeywordLine = regexp.MustCompile(`^([ \t]*)(static )?(get|set|async)( = |;$)`)

// classHeaderLine matches the line esbuild prints to open a class body:
// `class Name extends Base {`, `var X = class {`, `export class Y {`.
var classHeaderLine = regexp.MustCompile(`(^|[^\w$.])class(\s+[\w$]+)?(\s+extends\s.*)?\s*\{$`)

// quoteKeywordFields quotes the names of fields called get, set or async in
// esbuild's output, keeping every later column of the line where it was
// (`set = x` becomes `"set"=x`) so the source map stays exact; it returns
// the code unchanged when there is none. A line counts as a field only
// when the nearest line above it that is indented less opens a class
// body, as esbuild indents each member one step inside its class.
func quoteKeywordFields(code string) string {
	if !strings.Contains(code, "get") && !strings.Contains(code, "set") && !strings.Contains(code, "async") {
		return code
	}
	lines := strings.Split(code, "\n")
	changed := false
	for i, line := range lines {
		m := fieldKeywordLine.FindStringSubmatchIndex(line)
		if m == nil || !insideClassBody(lines, i, m[3]-m[2]) {
			continue
		}
		prefix, name, rest := line[:m[6]], line[m[6]:m[7]], line[m[9]:]
		if line[m[8]:m[9]] == ";" {
			lines[i] = prefix + `"` + name + `";`
		} else {
			lines[i] = prefix + `"` + name + `"=` + rest
		}
		changed = true
	}
	if !changed {
		return code
	}
	return strings.Join(lines, "\n")
}

// insideClassBody reports whether line i, indented by indent characters,
// sits directly in a class body: the nearest line above it indented less
// opens a class.
func insideClassBody(lines []string, i, indent int) bool {
	if indent == 0 {
		return false
	}
	for j := i - 1; j >= 0; j-- {
		l := lines[j]
		trimmed := strings.TrimLeft(l, " \t")
		if trimmed == "" || len(l)-len(trimmed) >= indent {
			continue
		}
		return classHeaderLine.MatchString(strings.TrimRight(trimmed, " \t"))
	}
	return false
}
