package config

import (
	"fmt"
	"strings"
)

// LogLevel is the least severe output that is printed, as wrangler dev's
// --log-level sets it. It ranks both console calls (console.debug is
// LevelDebug, console.log and console.trace LevelLog, console.info
// LevelInfo, ...) and workerhost's own lines (a request line is LevelInfo,
// an uncaught error LevelError).
type LogLevel int

// The levels, least severe first, in wrangler's order (its logger ranks
// debug > log > info > warn > error in verbosity). The zero value,
// LevelDebug, prints everything.
const (
	LevelDebug LogLevel = iota
	LevelLog
	LevelInfo
	LevelWarn
	LevelError
	LevelNone
)

// levelNames are the --log-level spellings, indexed by LogLevel.
var levelNames = [...]string{"debug", "log", "info", "warn", "error", "none"}

// ParseLogLevel reads a --log-level value, in any case.
func ParseLogLevel(s string) (LogLevel, error) {
	for i, name := range levelNames {
		if strings.EqualFold(s, name) {
			return LogLevel(i), nil
		}
	}
	return 0, fmt.Errorf("invalid log level %q (want debug, log, info, warn, error or none)", s)
}

// String returns the level's --log-level spelling.
func (l LogLevel) String() string {
	if l < 0 || int(l) >= len(levelNames) {
		return fmt.Sprintf("LogLevel(%d)", int(l))
	}
	return levelNames[l]
}

// Allows reports whether output of severity level is printed when l is the
// configured level.
func (l LogLevel) Allows(level LogLevel) bool { return level >= l }
