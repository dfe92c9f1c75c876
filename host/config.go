package host

import "workerhost/internal/config"

// Compat is the compatibility date and flags a worker runs under, resolved
// by [NewCompat]. The zero value means the newest date workerhost knows.
type Compat = config.Compat

// LogLevel is the least severe output printed, as wrangler dev's
// --log-level sets it; see [ParseLogLevel].
type LogLevel = config.LogLevel

// NewCompat resolves a compatibility date (YYYY-MM-DD, "" for the newest)
// and flags with workerd's rules: an unknown flag, a flag given with its
// opposite, a malformed date or one in the future is an error.
func NewCompat(date string, flags []string) (Compat, error) {
	return config.NewCompat(date, flags)
}

// ParseLogLevel reads a log level by wrangler's names: debug, log, info,
// warn, error or none.
func ParseLogLevel(s string) (LogLevel, error) { return config.ParseLogLevel(s) }

// DurableObject is one Durable Object namespace of a worker: the env
// binding that reaches it and the exported class that runs its objects.
type DurableObject struct {
	// Binding is the name in env.
	Binding string
	// ClassName is the class the worker's module exports.
	ClassName string
	// SQL says the class is SQLite-backed (wrangler's new_sqlite_classes),
	// which gives its objects ctx.storage.sql.
	SQL bool
}
