package config

import (
	"strings"
	"testing"
)

func TestCompatDatesAndFlags(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		date  string
		flags []string
		flag  Flag
		want  bool
		err   string
	}{
		{date: "2026-04-06", flag: FlagAutoReplyToClose, want: false},
		{date: "2026-04-07", flag: FlagAutoReplyToClose, want: true},
		{date: "2026-04-07", flags: []string{"web_socket_manual_reply_to_close"}, flag: FlagAutoReplyToClose, want: false},
		{date: "2020-01-01", flags: []string{"web_socket_auto_reply_to_close"}, flag: FlagAutoReplyToClose, want: true},
		{date: "2023-08-14", flag: FlagWebSocketCompression, want: false},
		{date: "2023-08-15", flag: FlagWebSocketCompression, want: true},
		{date: "2026-03-16", flag: FlagStandardBinaryType, want: false},
		{date: "2026-03-17", flag: FlagStandardBinaryType, want: true},
		{date: "2026-03-03", flag: FlagCloseReasonByteLimit, want: true},
		{date: "2026-11-17", flag: FlagPedanticWPT, want: false},
		{date: "2026-04-20", flag: FlagEnhancedErrorSerialization, want: false},
		{date: "2026-04-21", flag: FlagEnhancedErrorSerialization, want: true},
		{date: "2026-11-17", flags: []string{"legacy_error_serialization"}, flag: FlagEnhancedErrorSerialization, want: false},
		{date: "2099-01-01", err: `Can't set compatibility date in the future: "2099-01-01".`},
		{date: "2026-02-30", err: "Invalid compatibility date: 2026-02-30"},
		{date: "2026-01-01", flags: []string{"no_such_flag"}, err: `unknown compatibility flag "no_such_flag"`},
		{date: "2026-01-01", flags: []string{"web_socket_compression", "no_web_socket_compression"}, err: "contradict"},
		{date: "2026-01-01", flags: []string{"nodejs_compat", "no_nodejs_compat"}, err: "contradict"},
	} {
		c, err := NewCompat(tc.date, tc.flags)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s %v: err = %v, want %q", tc.date, tc.flags, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s %v: %v", tc.date, tc.flags, err)
			continue
		}
		if got := c.Enabled(tc.flag); got != tc.want {
			t.Errorf("%s %v: flag %v = %v, want %v", tc.date, tc.flags, tc.flag, got, tc.want)
		}
	}
}
