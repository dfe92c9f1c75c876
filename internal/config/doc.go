// Package config holds the settings a worker runs under that every layer
// reads: the compatibility date and flags ([Compat], the one table of
// workerd's flags workerhost honours) and the log level ([LogLevel]).
//
// It owns no behaviour of its own and imports only the standard library,
// so the host, the command and the JS bindings can all depend on it
// without depending on each other.
package config
