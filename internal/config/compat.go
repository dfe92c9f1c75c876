package config

// Compatibility dates and flags, as workerd defines them in
// src/workerd/io/compatibility-date.capnp. This file is the one table of the
// flags workerhost honours; the rest of the code asks Compat.Enabled and
// never compares dates itself.

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Flag names a behaviour gated by a compatibility date or flag.
type Flag int

// The flags workerhost honours.
const (
	// FlagWebSocketCompression negotiates permessage-deflate.
	FlagWebSocketCompression Flag = iota
	// FlagCloseReasonByteLimit makes close() reject reasons over 123 bytes.
	FlagCloseReasonByteLimit
	// FlagStandardBinaryType makes binaryType default to "blob".
	FlagStandardBinaryType
	// FlagAutoReplyToClose answers a received Close frame automatically.
	FlagAutoReplyToClose
	// FlagFetchRefusesUnknownProtocols makes fetch() reject non-HTTP URLs.
	FlagFetchRefusesUnknownProtocols
	// FlagPedanticWPT restricts close codes to 1000 and 3000-4999.
	FlagPedanticWPT
	// FlagDeleteAllDeletesAlarm makes a Durable Object's
	// storage.deleteAll() delete its alarm too.
	FlagDeleteAllDeletesAlarm
	// FlagEnhancedErrorSerialization clones errors as workerd's host
	// objects (own properties kept) rather than in V8's own format.
	FlagEnhancedErrorSerialization
	// FlagFormDataParserSupportsFiles makes formData() give a file field
	// as a File rather than a string.
	FlagFormDataParserSupportsFiles
	// FlagNodejsCompat provides the node: built-in modules (compat_node.go).
	FlagNodejsCompat
	// FlagNodejsCompatV2 adds bare module names and the Buffer and
	// process globals to FlagNodejsCompat (compat_node.go).
	FlagNodejsCompatV2
	// FlagNodejsAls provides node:async_hooks alone (compat_node.go).
	FlagNodejsAls
	// FlagPopulateProcessEnv fills process.env with the worker's text
	// variables and secrets.
	FlagPopulateProcessEnv
	// FlagInternalStreamBYOBReturnView makes a BYOB read at the end of a
	// body stream give an empty view rather than undefined.
	FlagInternalStreamBYOBReturnView
)

// flagInfo is one row of the table: the flag's enable and disable names and
// the date from which it is on by default ("" means opt-in only).
type flagInfo struct {
	enable, disable string
	date            string
}

// flagTable lists every flag with workerd's names and enable dates.
var flagTable = map[Flag]flagInfo{
	FlagWebSocketCompression:         {"web_socket_compression", "no_web_socket_compression", "2023-08-15"},
	FlagCloseReasonByteLimit:         {"websocket_close_reason_byte_limit", "no_websocket_close_reason_byte_limit", "2026-03-03"},
	FlagStandardBinaryType:           {"websocket_standard_binary_type", "no_websocket_standard_binary_type", "2026-03-17"},
	FlagAutoReplyToClose:             {"web_socket_auto_reply_to_close", "web_socket_manual_reply_to_close", "2026-04-07"},
	FlagFetchRefusesUnknownProtocols: {"fetch_refuses_unknown_protocols", "fetch_treats_unknown_protocols_as_http", "2021-11-10"},
	FlagPedanticWPT:                  {"pedantic_wpt", "non_pedantic_wpt", ""},
	FlagDeleteAllDeletesAlarm:        {"delete_all_deletes_alarm", "delete_all_preserves_alarm", "2026-02-24"},
	FlagEnhancedErrorSerialization:   {"enhanced_error_serialization", "legacy_error_serialization", "2026-04-21"},
	FlagFormDataParserSupportsFiles:  {"formdata_parser_supports_files", "formdata_parser_converts_files_to_strings", "2021-11-03"},
	FlagNodejsCompat:                 {"nodejs_compat", "no_nodejs_compat", "2026-08-04"},
	FlagNodejsCompatV2:               {"nodejs_compat_v2", "no_nodejs_compat_v2", "2026-08-04"},
	FlagNodejsAls:                    {"nodejs_als", "no_nodejs_als", ""},
	FlagPopulateProcessEnv:           {"nodejs_compat_populate_process_env", "nodejs_compat_do_not_populate_process_env", "2025-04-01"},
	FlagInternalStreamBYOBReturnView: {"internal_stream_byob_return_view", "internal_stream_byob_return_undefined", "2024-05-13"},
}

// unsupportedFlags are workerd flags people commonly set that turn on
// something workerhost does not have; they get their own error instead of
// "unknown compatibility flag".
var unsupportedFlags = map[string]bool{}

// LatestCompatibilityDate is the date used when none is given: that of the
// workerd release workerhost's behaviour is checked against.
const LatestCompatibilityDate = "2026-11-17"

// today is the current UTC date; a variable so tests can fix it.
var today = func() string { return time.Now().UTC().Format("2006-01-02") }

// Compat is a compatibility date plus explicit flags, resolved into the set
// of enabled behaviours.
type Compat struct {
	// Date is the compatibility date, YYYY-MM-DD.
	Date string
	// Flags are the explicit flags as given.
	Flags   []string
	enabled map[Flag]bool
}

// NewCompat resolves a date and flags. An empty date means
// LatestCompatibilityDate. A malformed or out-of-range date, an unknown flag,
// or a flag given together with its opposite is an error that names it.
func NewCompat(date string, flags []string) (Compat, error) {
	if date == "" {
		date = LatestCompatibilityDate
	}
	if err := checkDate(date); err != nil {
		return Compat{}, err
	}
	c := Compat{Date: date, Flags: flags, enabled: make(map[Flag]bool)}
	for f, info := range flagTable {
		c.enabled[f] = info.date != "" && date >= info.date
	}
	seen := make(map[Flag]string)
	for _, name := range flags {
		f, on, ok := lookupFlag(strings.TrimSpace(name))
		if !ok && unsupportedFlags[strings.TrimSpace(name)] {
			return Compat{}, fmt.Errorf("compatibility flag %q is not supported by workerhost yet (Node.js built-in modules and globals)", name)
		}
		if !ok {
			return Compat{}, fmt.Errorf("unknown compatibility flag %q (known: %s)", name, strings.Join(knownFlags(), ", "))
		}
		if prev, dup := seen[f]; dup && prev != name {
			return Compat{}, fmt.Errorf("compatibility flags %q and %q contradict each other", prev, name)
		}
		seen[f] = name
		c.enabled[f] = on
	}
	applyImplied(c, seen)
	return c, nil
}

// Enabled reports whether the behaviour f is on.
func (c Compat) Enabled(f Flag) bool { return c.enabled[f] }

// checkDate validates a YYYY-MM-DD date as workerd does: it must be a real
// date and not in the future. Any past date is accepted.
func checkDate(date string) error {
	if _, err := time.Parse("2006-01-02", date); err != nil || len(date) != 10 {
		return fmt.Errorf("Invalid compatibility date: %s", date)
	}
	if now := today(); date > now {
		return fmt.Errorf("Can't set compatibility date in the future: %q. Today's date (UTC) is %q.", date, now)
	}
	return nil
}

// lookupFlag finds a flag by its enable or disable name.
func lookupFlag(name string) (f Flag, on bool, ok bool) {
	for f, info := range flagTable {
		switch name {
		case info.enable:
			return f, true, true
		case info.disable:
			return f, false, true
		}
	}
	return 0, false, false
}

func knownFlags() []string {
	var names []string
	for _, info := range flagTable {
		names = append(names, info.enable, info.disable)
	}
	sort.Strings(names)
	return names
}
