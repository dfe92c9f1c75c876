package bindings

import (
	"fmt"
	"strings"
)

// LogLevel is the least severe console output that is printed, as wrangler
// dev's --log-level sets it.
type LogLevel int

// The levels, least severe first. The zero value, LevelDebug, prints
// everything.
const (
	LevelDebug LogLevel = iota
	LevelInfo
	LevelLog
	LevelWarn
	LevelError
	LevelNone
)

// ParseLogLevel reads a --log-level value.
func ParseLogLevel(s string) (LogLevel, error) {
	for i, name := range []string{"debug", "info", "log", "warn", "error", "none"} {
		if strings.EqualFold(s, name) {
			return LogLevel(i), nil
		}
	}
	return 0, fmt.Errorf("invalid log level %q (want debug, info, log, warn, error or none)", s)
}

// allows reports whether a console call of the given level is printed.
func (l LogLevel) allows(level consoleLevel) bool {
	var as LogLevel
	switch level {
	case levelDebug:
		as = LevelDebug
	case levelInfo:
		as = LevelInfo
	case levelLog:
		as = LevelLog
	case levelWarn:
		as = LevelWarn
	default:
		as = LevelError
	}
	return as >= l
}
