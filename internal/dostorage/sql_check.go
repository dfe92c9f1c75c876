package dostorage

// What an object's own SQL may do, checked as workerd's authorizer checks
// it, and its parameters numbered as SQLite numbers them. The statement
// text is scanned once: string literals, quoted identifiers and comments
// are skipped, so a "?" or "_cf_" inside them counts for nothing.

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Errors of an object's own SQL, in workerd's words.
var (
	errNoStatement   = errors.New("SQL code did not contain a statement.")
	errMultiParams   = errors.New("When executing multiple SQL statements in a single call, only the last statement can have parameters.")
	errWrongBindings = errors.New("Wrong number of parameter bindings for SQL query.")
	errNotAuthorized = errors.New("not authorized: SQLITE_AUTH")
	errTransaction   = errors.New("To execute a transaction, please use the state.storage.transaction() or state.storage.transactionSync() APIs instead of the SQL BEGIN TRANSACTION or SAVEPOINT statements. The JavaScript API is safer because it will automatically roll back on exceptions, and because it interacts correctly with Durable Objects' automatic atomic write coalescing.")
)

// allowedPragmas are the pragmas workerd lets an object run.
var allowedPragmas = map[string]bool{
	"table_info": true, "table_xinfo": true, "table_list": true, "index_list": true, "index_info": true,
	"index_xinfo": true, "foreign_keys": true, "foreign_key_check": true, "foreign_key_list": true,
	"defer_foreign_keys": true, "legacy_alter_table": true, "case_sensitive_like": true,
	"quick_check": true, "integrity_check": true, "optimize": true, "data_version": true,
	"recursive_triggers": true, "reverse_unordered_selects": true,
}

// deniedFunctions are SQLite functions workerd does not let an object call.
var deniedFunctions = map[string]bool{
	"sqlite_version": true, "sqlite_source_id": true, "sqlite_compileoption_get": true,
	"sqlite_compileoption_used": true, "load_extension": true, "fts3_tokenizer": true,
	"sqlite_offset": true, "readfile": true, "writefile": true,
}

// firstColumns name the first column of the reserved tables, which
// workerd's message for a read of them names.
var firstColumns = map[string]string{"_cf_kv": "key", "_cf_metadata": "name"}

// sqlToken is a word, a parameter or a punctuation mark of a statement.
type sqlToken struct {
	text  string
	at    int  // byte offset in the query
	param bool // a parameter (?, ?NNN, :name, @name, $name)
}

// checkedSQL is a query ready to run: its parameters renumbered (named
// ones become ?N), and what it does.
type checkedSQL struct {
	query string
	// lastVerb is the first word of the last statement, upper case.
	lastVerb string
}

// checkSQL scans query, refuses what workerd refuses, and numbers its
// parameters; nargs values must fill them.
func checkSQL(query string, nargs int) (checkedSQL, error) {
	statements, rewritten, params, err := scanSQL(query)
	if err != nil {
		return checkedSQL{}, err
	}
	if len(statements) == 0 {
		return checkedSQL{}, errNoStatement
	}
	for i, st := range statements {
		if err := authorize(st); err != nil {
			return checkedSQL{}, err
		}
		if i < len(statements)-1 && hasParam(st) {
			return checkedSQL{}, errMultiParams
		}
	}
	if params != nargs {
		return checkedSQL{}, errWrongBindings
	}
	last := statements[len(statements)-1]
	return checkedSQL{query: rewritten, lastVerb: strings.ToUpper(last[0].text)}, nil
}

// authorize checks one statement's words.
func authorize(st []sqlToken) error {
	verb := strings.ToUpper(st[0].text)
	switch verb {
	case "BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE":
		return errTransaction
	case "ATTACH", "DETACH":
		return errNotAuthorized
	case "CREATE":
		// Temporary tables, views and triggers.
		if len(st) > 1 && isTemp(st[1].text) {
			return errNotAuthorized
		}
	case "PRAGMA":
		name := ""
		if len(st) > 1 {
			name = strings.ToLower(st[1].text)
		}
		if !allowedPragmas[name] {
			return errNotAuthorized
		}
	}
	for i, t := range st {
		lower := strings.ToLower(t.text)
		if strings.HasPrefix(lower, "_cf_") {
			if col, ok := firstColumns[lower]; ok && (verb == "SELECT" || verb == "WITH") {
				return fmt.Errorf("access to %s.%s is prohibited: SQLITE_AUTH", t.text, col)
			}
			return errNotAuthorized
		}
		if deniedFunctions[lower] && i+1 < len(st) && st[i+1].text == "(" {
			return fmt.Errorf("not authorized to use function: %s at offset %d: SQLITE_ERROR", lower, t.at)
		}
	}
	return nil
}

func hasParam(st []sqlToken) bool {
	for _, t := range st {
		if t.param {
			return true
		}
	}
	return false
}

func isTemp(word string) bool {
	return strings.EqualFold(word, "TEMP") || strings.EqualFold(word, "TEMPORARY")
}

// inTrigger reports whether a ";" after st is inside the body of a
// CREATE TRIGGER: the statement ends only at "; END ;" (or the end of the
// text), as sqlite3_complete reads it, since the body's statements end
// with ";" and a CASE expression ends with END.
func inTrigger(st []sqlToken) bool {
	i := 1
	if len(st) > i && isTemp(st[i].text) {
		i++
	}
	if len(st) <= i || !strings.EqualFold(st[0].text, "CREATE") || !strings.EqualFold(st[i].text, "TRIGGER") {
		return false
	}
	n := len(st)
	return n < 2 || !strings.EqualFold(st[n-1].text, "END") || st[n-2].text != ";"
}

// scanSQL splits query into statements of tokens, rewrites its named
// parameters as numbered ones, and counts the parameters as SQLite does (the
// highest number given). Text after the last statement's ";" must hold a
// statement, or be blank: workerd refuses a trailing comment or ";".
func scanSQL(q string) (statements [][]sqlToken, rewritten string, params int, err error) {
	var out strings.Builder
	var cur []sqlToken
	named := map[string]int{}
	next := 0
	tail := -1 // where the text after the last statement's ";" starts
	flush := func() {
		if len(cur) > 0 {
			statements = append(statements, cur)
			cur = nil
		}
	}
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == '-' && i+1 < len(q) && q[i+1] == '-':
			j := strings.IndexByte(q[i:], '\n')
			if j < 0 {
				j = len(q) - i
			}
			out.WriteString(q[i : i+j])
			i += j
		case c == '/' && i+1 < len(q) && q[i+1] == '*':
			j := strings.Index(q[i+2:], "*/")
			end := len(q)
			if j >= 0 {
				end = i + 2 + j + 2
			}
			out.WriteString(q[i:end])
			i = end
		case c == '\'' || c == '"' || c == '`' || c == '[':
			closer := c
			if c == '[' {
				closer = ']'
			}
			j := i + 1
			for j < len(q) {
				if q[j] == closer {
					if closer != ']' && j+1 < len(q) && q[j+1] == closer {
						j += 2
						continue
					}
					break
				}
				j++
			}
			end := min(j+1, len(q))
			if c != '\'' {
				cur = append(cur, sqlToken{text: q[i+1 : max(j, i+1)], at: i})
			} else {
				cur = append(cur, sqlToken{text: "'", at: i})
			}
			out.WriteString(q[i:end])
			i = end
		case c == '?':
			j := i + 1
			for j < len(q) && q[j] >= '0' && q[j] <= '9' {
				j++
			}
			n := next + 1
			if j > i+1 {
				n, _ = strconv.Atoi(q[i+1 : j])
			}
			next = max(next, n)
			fmt.Fprintf(&out, "?%d", n)
			cur = append(cur, sqlToken{text: "?", at: i, param: true})
			i = j
		case (c == ':' || c == '@' || c == '$') && i+1 < len(q) && isWordByte(q[i+1]):
			j := i + 1
			for j < len(q) && isWordByte(q[j]) {
				j++
			}
			name := q[i:j]
			n, ok := named[name]
			if !ok {
				next++
				n = next
				named[name] = n
			}
			fmt.Fprintf(&out, "?%d", n)
			cur = append(cur, sqlToken{text: "?", at: i, param: true})
			i = j
		case isWordByte(c):
			j := i
			for j < len(q) && isWordByte(q[j]) {
				j++
			}
			cur = append(cur, sqlToken{text: q[i:j], at: i})
			out.WriteString(q[i:j])
			i = j
		case c == ';' && inTrigger(cur):
			cur = append(cur, sqlToken{text: ";", at: i})
			out.WriteByte(c)
			i++
		case c == ';':
			if len(cur) > 0 {
				tail = i + 1
			}
			flush()
			out.WriteByte(c)
			i++
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			out.WriteByte(c)
			i++
		default:
			cur = append(cur, sqlToken{text: string(c), at: i})
			out.WriteByte(c)
			i++
		}
	}
	if len(cur) == 0 && tail >= 0 && strings.TrimLeft(q[tail:], " \t\n\r\f") != "" {
		return nil, "", 0, errNoStatement
	}
	flush()
	return statements, out.String(), next, nil
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
