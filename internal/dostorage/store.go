// Package dostorage keeps a Durable Object's data: one SQLite database per
// object (modernc.org/sqlite, pure Go), holding the key-value API's pairs,
// the alarm, and the tables the object makes with its own SQL. Values are
// opaque bytes here; the JS binding serializes them. A Store is on disk
// (Open) or in memory (OpenMemory, for tests). A commit that returns is
// in the write-ahead log, so a process stopped or killed mid-write loses
// nothing that was acknowledged; the log is synced at checkpoints
// (synchronous=NORMAL), so a power failure may lose the last commits,
// never the database's consistency. Syncing every commit (FULL) made a
// counter object about 25% slower.
//
// Limits that workerd enforces (key and value sizes, keys per call) are
// the binding's to check, with workerd's messages; this package only
// stores.
//
// Imports: the standard library and modernc.org/sqlite; no other package
// of workerhost.
package dostorage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// The tables the key-value API and the alarm use, made on first use, as
// workerd makes them (a new object's database has no table). Their names
// start with _cf_, which workerd reserves: an object's own SQL may not
// touch them.
const (
	kvSchema       = `CREATE TABLE IF NOT EXISTS _cf_KV (key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID`
	metadataSchema = `CREATE TABLE IF NOT EXISTS _cf_METADATA (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID`
)

// Store is one Durable Object's database. Its methods are safe from any
// goroutine; the binding calls them from the object's loop.
type Store struct {
	db *sql.DB
	// conn is the one connection every statement runs on, pinned so that a
	// batch (Begin … Commit) spans the calls made between.
	conn    *sql.Conn
	path    string // "" in memory
	inBatch bool
	// hasKV and hasMetadata say whether _cf_KV and _cf_METADATA exist.
	hasKV, hasMetadata bool
}

// Entry is one key-value pair.
type Entry struct {
	Key   string
	Value []byte
}

// Open opens, creating it if needed, the database at path (its directory
// too).
func Open(path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("failed to create the storage directory of %s: %w", path, err)
	}
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=busy_timeout(5000)"
	return open(dsn, path)
}

// OpenMemory opens an empty database that lives as long as the Store.
func OpenMemory() (*Store, error) {
	return open("file::memory:", "")
}

func open(dsn, path string) (*Store, error) {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("failed to open Durable Object storage %s: %w", path, err)
	}
	// One connection: SQLite serializes writers anyway, an in-memory
	// database exists per connection, and the object's events run one at
	// a time.
	db.SetMaxOpenConns(1)
	conn, err := db.Conn(context.Background())
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("failed to open Durable Object storage %s: %w", path, err)
	}
	s := &Store{db: db, conn: conn, path: path}
	if err := s.findTables(); err != nil {
		s.Close()
		return nil, fmt.Errorf("failed to read Durable Object storage %s: %w", path, err)
	}
	return s, nil
}

// findTables learns which of the reserved tables exist (at open, and after
// a rollback that may have undone their making).
func (s *Store) findTables() error {
	rows, err := s.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('_cf_KV', '_cf_METADATA')`)
	if err != nil {
		return err
	}
	defer rows.Close()
	s.hasKV, s.hasMetadata = false, false
	for rows.Next() {
		var name string
		if rows.Scan(&name) == nil {
			s.hasKV = s.hasKV || name == "_cf_KV"
			s.hasMetadata = s.hasMetadata || name == "_cf_METADATA"
		}
	}
	return rows.Err()
}

// makeKV makes _cf_KV if it is not there yet.
func (s *Store) makeKV() error {
	if s.hasKV {
		return nil
	}
	if _, err := s.exec(kvSchema); err != nil {
		return fmt.Errorf("failed to make the key-value table: %w", err)
	}
	s.hasKV = true
	return nil
}

// makeMetadata makes _cf_METADATA if it is not there yet.
func (s *Store) makeMetadata() error {
	if s.hasMetadata {
		return nil
	}
	if _, err := s.exec(metadataSchema); err != nil {
		return fmt.Errorf("failed to make the metadata table: %w", err)
	}
	s.hasMetadata = true
	return nil
}

func (s *Store) exec(query string, args ...any) (sql.Result, error) {
	return s.conn.ExecContext(context.Background(), query, args...)
}

func (s *Store) query(query string, args ...any) (*sql.Rows, error) {
	return s.conn.QueryContext(context.Background(), query, args...)
}

func (s *Store) queryRow(query string, args ...any) *sql.Row {
	return s.conn.QueryRowContext(context.Background(), query, args...)
}

// HasAlarm reports whether the database at path has an alarm set,
// without creating anything: false when there is no such database.
func HasAlarm(path string) bool {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		return false
	}
	defer db.Close()
	var n int
	err = db.QueryRow(`SELECT count(*) FROM _cf_METADATA WHERE name = ?`, alarmKey).Scan(&n)
	return err == nil && n > 0
}

// Path is the database file, or "" for one in memory.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error {
	if s.inBatch {
		_ = s.Commit()
	}
	s.conn.Close()
	return s.db.Close()
}

// Begin starts a batch, if none is open: the writes until Commit are
// committed together (the binding commits once per turn of the loop, as
// workerd's storage coalesces the writes of one turn). Reads see them.
func (s *Store) Begin() error {
	if s.inBatch {
		return nil
	}
	if _, err := s.exec(`BEGIN IMMEDIATE`); err != nil {
		return fmt.Errorf("failed to begin a batch: %w", err)
	}
	s.inBatch = true
	return nil
}

// InBatch reports whether a batch is open.
func (s *Store) InBatch() bool { return s.inBatch }

// Commit commits the open batch, if any. Once it returns nil the writes
// are on disk.
func (s *Store) Commit() error {
	if !s.inBatch {
		return nil
	}
	s.inBatch = false
	if _, err := s.exec(`COMMIT`); err != nil {
		_, _ = s.exec(`ROLLBACK`)
		return fmt.Errorf("failed to commit: %w", err)
	}
	return nil
}

// Rollback drops the open batch's writes, if a batch is open.
func (s *Store) Rollback() error {
	if !s.inBatch {
		return nil
	}
	s.inBatch = false
	if _, err := s.exec(`ROLLBACK`); err != nil {
		return fmt.Errorf("failed to roll back: %w", err)
	}
	return s.findTables()
}

// Savepoint marks a point the writes after it can be rolled back to
// (storage.transaction); name must be an SQL identifier.
func (s *Store) Savepoint(name string) error {
	if _, err := s.exec(`SAVEPOINT ` + name); err != nil {
		return fmt.Errorf("failed to start a transaction: %w", err)
	}
	return nil
}

// Release keeps the writes since the savepoint name (they are committed
// with the batch around it, or at once when there is none).
func (s *Store) Release(name string) error {
	if _, err := s.exec(`RELEASE ` + name); err != nil {
		return fmt.Errorf("failed to end a transaction: %w", err)
	}
	return nil
}

// RollbackTo drops the writes since the savepoint name and releases it.
func (s *Store) RollbackTo(name string) error {
	if _, err := s.exec(`ROLLBACK TO ` + name); err != nil {
		return fmt.Errorf("failed to roll back a transaction: %w", err)
	}
	if err := s.findTables(); err != nil {
		return err
	}
	return s.Release(name)
}

// Get returns the values of the keys that exist.
func (s *Store) Get(keys []string) (map[string][]byte, error) {
	out := make(map[string][]byte, len(keys))
	if !s.hasKV {
		return out, nil
	}
	for _, k := range keys {
		var v []byte
		err := s.queryRow(`SELECT value FROM _cf_KV WHERE key = ?`, k).Scan(&v)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return nil, fmt.Errorf("failed to read %q: %w", k, err)
		default:
			out[k] = v
		}
	}
	return out, nil
}

// Put stores the entries, all or none.
func (s *Store) Put(entries []Entry) error {
	if err := s.makeKV(); err != nil {
		return err
	}
	return s.inTx(func() error {
		for _, e := range entries {
			if _, err := s.exec(`INSERT INTO _cf_KV (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, e.Key, e.Value); err != nil {
				return fmt.Errorf("failed to write %q: %w", e.Key, err)
			}
		}
		return nil
	})
}

// Delete removes the keys, all or none, and returns how many existed.
func (s *Store) Delete(keys []string) (int, error) {
	n := 0
	if !s.hasKV {
		return 0, nil
	}
	err := s.inTx(func() error {
		for _, k := range keys {
			res, err := s.exec(`DELETE FROM _cf_KV WHERE key = ?`, k)
			if err != nil {
				return fmt.Errorf("failed to delete %q: %w", k, err)
			}
			c, _ := res.RowsAffected()
			n += int(c)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// ListOptions select a range of keys, as storage.list() takes them: Start
// (inclusive) or StartAfter (exclusive), End (exclusive), Prefix, Reverse
// (descending order) and Limit (0: no limit). Keys compare by their UTF-8
// bytes.
type ListOptions struct {
	Start, StartAfter, End, Prefix string
	Reverse                        bool
	Limit                          int
}

// List returns the entries in the range, in key order.
func (s *Store) List(o ListOptions) ([]Entry, error) {
	if !s.hasKV {
		return nil, nil
	}
	var where []string
	var args []any
	if o.Start != "" {
		where, args = append(where, "key >= ?"), append(args, o.Start)
	}
	if o.StartAfter != "" {
		where, args = append(where, "key > ?"), append(args, o.StartAfter)
	}
	if o.End != "" {
		where, args = append(where, "key < ?"), append(args, o.End)
	}
	if o.Prefix != "" {
		// A range on the prefix, not LIKE: LIKE folds ASCII case and
		// gives % and _ a meaning, and a range uses the key's index.
		where, args = append(where, "key >= ?"), append(args, o.Prefix)
		if upper, ok := prefixEnd(o.Prefix); ok {
			where, args = append(where, "key < ?"), append(args, upper)
		}
	}
	q := "SELECT key, value FROM _cf_KV"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY key"
	if o.Reverse {
		q += " DESC"
	}
	if o.Limit > 0 {
		q += " LIMIT ?"
		args = append(args, o.Limit)
	}
	rows, err := s.query(q, args...)
	if err != nil {
		return nil, fmt.Errorf("failed to list: %w", err)
	}
	defer rows.Close()
	var out []Entry
	for rows.Next() {
		var e Entry
		if err := rows.Scan(&e.Key, &e.Value); err != nil {
			return nil, fmt.Errorf("failed to list: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// prefixEnd is the least string greater than every string that starts
// with prefix, byte-wise; there is none when prefix is all 0xFF bytes.
func prefixEnd(prefix string) (string, bool) {
	b := []byte(prefix)
	for len(b) > 0 && b[len(b)-1] == 0xFF {
		b = b[:len(b)-1]
	}
	if len(b) == 0 {
		return "", false
	}
	b[len(b)-1]++
	return string(b), true
}

// DeleteAll removes every key-value pair and every table the object made
// with its own SQL. The alarm stays, as in workerd.
func (s *Store) DeleteAll() error {
	return s.inTx(func() error {
		rows, err := s.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\_cf\_%' ESCAPE '\' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'`)
		if err != nil {
			return fmt.Errorf("failed to list tables: %w", err)
		}
		var tables []string
		for rows.Next() {
			var name string
			if err := rows.Scan(&name); err != nil {
				rows.Close()
				return err
			}
			tables = append(tables, name)
		}
		rows.Close()
		for _, t := range tables {
			if _, err := s.exec(`DROP TABLE "` + strings.ReplaceAll(t, `"`, `""`) + `"`); err != nil {
				return fmt.Errorf("failed to drop table %s: %w", t, err)
			}
		}
		if !s.hasKV {
			return nil
		}
		if _, err := s.exec(`DELETE FROM _cf_KV`); err != nil {
			return fmt.Errorf("failed to delete all keys: %w", err)
		}
		return nil
	})
}

// alarmKey is the alarm's row in _cf_METADATA, in Unix milliseconds.
const alarmKey = "alarm"

// Alarm returns the scheduled alarm, if any.
func (s *Store) Alarm() (time.Time, bool, error) {
	if !s.hasMetadata {
		return time.Time{}, false, nil
	}
	var ms int64
	err := s.queryRow(`SELECT value FROM _cf_METADATA WHERE name = ?`, alarmKey).Scan(&ms)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return time.Time{}, false, nil
	case err != nil:
		return time.Time{}, false, fmt.Errorf("failed to read the alarm: %w", err)
	}
	return time.UnixMilli(ms), true, nil
}

// SetAlarm schedules the alarm at t (to the millisecond), replacing any.
func (s *Store) SetAlarm(t time.Time) error {
	if err := s.makeMetadata(); err != nil {
		return err
	}
	_, err := s.exec(`INSERT INTO _cf_METADATA (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value`, alarmKey, t.UnixMilli())
	if err != nil {
		return fmt.Errorf("failed to set the alarm: %w", err)
	}
	return nil
}

// DeleteAlarm cancels the alarm.
func (s *Store) DeleteAlarm() error {
	if !s.hasMetadata {
		return nil
	}
	if _, err := s.exec(`DELETE FROM _cf_METADATA WHERE name = ?`, alarmKey); err != nil {
		return fmt.Errorf("failed to delete the alarm: %w", err)
	}
	return nil
}

// Size is the database's size in bytes, as storage.sql.databaseSize
// reports it (pages × page size).
func (s *Store) Size() (int64, error) {
	var pages, size int64
	if err := s.queryRow(`PRAGMA page_count`).Scan(&pages); err != nil {
		return 0, fmt.Errorf("failed to read the page count: %w", err)
	}
	if err := s.queryRow(`PRAGMA page_size`).Scan(&size); err != nil {
		return 0, fmt.Errorf("failed to read the page size: %w", err)
	}
	return pages * size, nil
}

// inTx runs fn all or nothing: in a savepoint, which is a transaction of
// its own outside a batch and part of the batch inside one.
func (s *Store) inTx(fn func() error) error {
	if err := s.Savepoint("_cf_write"); err != nil {
		return err
	}
	if err := fn(); err != nil {
		_ = s.RollbackTo("_cf_write")
		return err
	}
	return s.Release("_cf_write")
}

// Exec runs SQL of the object's own (storage.sql.exec's statements), with
// no results; the SQL binding will read rows through its own cursor.
func (s *Store) Exec(query string, args ...any) error {
	if _, err := s.exec(query, args...); err != nil {
		return fmt.Errorf("SQL: %w", err)
	}
	return nil
}
