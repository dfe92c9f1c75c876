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
}

// Query runs the object's own SQL; its errors read as workerd's
// ("near \"SELEC\": syntax error at offset 0: SQLITE_ERROR") (one or more statements; the rows are
// the last one's) with args bound to its parameters.
func (s *Store) Query(query string, args ...any) (*Result, error) {
	before, err := s.totalChanges()
	if err != nil {
		return nil, err
	}
	rows, err := s.query(query, args...)
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
	return res, nil
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

// nearToken finds the token a syntax error names.
var nearToken = regexp.MustCompile(`near "([^"]*)"`)

// sqlErrorMessage renders an SQLite error as workerd does: SQLite's
// message, the offset of a syntax error, and the result code's name.
func sqlErrorMessage(query string, err error) string {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return err.Error()
	}
	msg := se.Error()
	if i := strings.Index(msg, ": "); i >= 0 {
		msg = msg[i+2:]
	}
	msg = strings.TrimSuffix(msg, fmt.Sprintf(" (%d)", se.Code()))
	if m := nearToken.FindStringSubmatch(msg); m != nil {
		if off := strings.Index(query, m[1]); off >= 0 {
			msg += fmt.Sprintf(" at offset %d", off)
		}
	}
	name := sqliteCodeNames[se.Code()&0xff]
	if name == "" {
		name = fmt.Sprintf("SQLITE_%d", se.Code())
	}
	return msg + ": " + name
}
