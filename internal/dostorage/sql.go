package dostorage

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"modernc.org/sqlite"
)

// Result is what one storage.sql.exec() call returned: the last
// statement's columns and rows (each value int64, float64, string, []byte
// or nil), and how many rows the call wrote.
type Result struct {
	Columns     []string
	Rows        [][]any
	RowsWritten int64
	// RowsScanned is what the statement read beyond the rows it returned:
	// an UPDATE or DELETE reads the rows it writes. (workerd counts every
	// row SQLite reads; SQLite's public API does not tell that, so
	// rowsRead is the rows returned plus these.)
	RowsScanned int64
}

// Query runs the object's own SQL; its errors read as workerd's
// ("near \"SELEC\": syntax error at offset 0: SQLITE_ERROR") (one or more statements; the rows are
// the last one's) with args bound to its parameters.
func (s *Store) Query(query string, args ...any) (*Result, error) {
	checked, err := checkSQL(query, len(args))
	if err != nil {
		return nil, err
	}
	before, err := s.totalChanges()
	if err != nil {
		return nil, err
	}
	rows, err := s.query(checked.query, args...)
	if err != nil {
		return nil, errors.New(sqlErrorMessage(query, err))
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	res := &Result{Columns: cols}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, errors.New(sqlErrorMessage(query, err))
		}
		res.Rows = append(res.Rows, vals)
	}
	if err := rows.Err(); err != nil {
		return nil, errors.New(sqlErrorMessage(query, err))
	}
	rows.Close()
	after, err := s.totalChanges()
	if err != nil {
		return nil, err
	}
	res.RowsWritten = after - before
	if checked.lastVerb == "UPDATE" || checked.lastVerb == "DELETE" {
		res.RowsScanned = res.RowsWritten
	}
	return res, s.findTables()
}

func (s *Store) totalChanges() (int64, error) {
	var n int64
	if err := s.queryRow(`SELECT total_changes()`).Scan(&n); err != nil {
		return 0, fmt.Errorf("failed to count changes: %w", err)
	}
	return n, nil
}

// sqliteCodeNames are the primary result codes by name, for messages.
var sqliteCodeNames = map[int]string{
	1: "SQLITE_ERROR", 2: "SQLITE_INTERNAL", 3: "SQLITE_PERM", 4: "SQLITE_ABORT", 5: "SQLITE_BUSY",
	6: "SQLITE_LOCKED", 7: "SQLITE_NOMEM", 8: "SQLITE_READONLY", 9: "SQLITE_INTERRUPT", 10: "SQLITE_IOERR",
	11: "SQLITE_CORRUPT", 13: "SQLITE_FULL", 18: "SQLITE_TOOBIG", 19: "SQLITE_CONSTRAINT", 20: "SQLITE_MISMATCH",
	21: "SQLITE_MISUSE", 23: "SQLITE_AUTH", 25: "SQLITE_RANGE",
}

// extendedCodeNames are the extended result codes workerd names.
var extendedCodeNames = map[int]string{
	275: "SQLITE_CONSTRAINT_CHECK", 531: "SQLITE_CONSTRAINT_COMMITHOOK", 787: "SQLITE_CONSTRAINT_FOREIGNKEY",
	1043: "SQLITE_CONSTRAINT_FUNCTION", 1299: "SQLITE_CONSTRAINT_NOTNULL", 1555: "SQLITE_CONSTRAINT_PRIMARYKEY",
	1811: "SQLITE_CONSTRAINT_TRIGGER", 2067: "SQLITE_CONSTRAINT_UNIQUE", 2323: "SQLITE_CONSTRAINT_VTAB",
	2579: "SQLITE_CONSTRAINT_ROWID",
}

// offsetTokens find, in a message, the word whose offset in the query
// SQLite reports (sqlite3_error_offset, which modernc.org/sqlite does not
// expose: the word is looked for in the query instead).
var offsetTokens = []*regexp.Regexp{
	regexp.MustCompile(`^near "([^"]*)"`),
	regexp.MustCompile(`^no such column: (\S+)`),
	regexp.MustCompile(`^table (\S+) already exists`),
	regexp.MustCompile(`^no such function: (\S+)`),
}

// sqlErrorMessage renders an SQLite error as workerd does: SQLite's
// message, the offset of the word it names, the result code's name and
// the extended code's.
func sqlErrorMessage(query string, err error) string {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return err.Error()
	}
	code := se.Code()
	msg := se.Error()
	if i := strings.Index(msg, ": "); i >= 0 {
		msg = msg[i+2:]
	}
	msg = strings.TrimSuffix(msg, fmt.Sprintf(" (%d)", code))
	for _, re := range offsetTokens {
		m := re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		word := regexp.MustCompile(`(^|[^A-Za-z0-9_])` + regexp.QuoteMeta(m[1]))
		if loc := word.FindStringIndex(query); loc != nil {
			off := loc[0]
			if off < len(query) && query[off:off+len(m[1])] != m[1] {
				off++
			}
			msg += fmt.Sprintf(" at offset %d", off)
		}
		break
	}
	name := sqliteCodeNames[code&0xff]
	if name == "" {
		name = fmt.Sprintf("SQLITE_%d", code&0xff)
	}
	if ext, ok := extendedCodeNames[code]; ok {
		return msg + ": " + name + " (extended: " + ext + ")"
	}
	return msg + ": " + name
}
