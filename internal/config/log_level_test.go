package config

import "testing"

func TestLogLevelsFollowWranglersOrder(t *testing.T) {
	t.Parallel()
	// wrangler's logger prints a message when the configured level is at
	// least as verbose as the message's: debug > log > info > warn > error.
	for _, tc := range []struct {
		configured, message string
		printed             bool
	}{
		{"log", "info", true}, // request lines show at the default level
		{"log", "log", true},
		{"log", "debug", false},
		{"info", "log", false},
		{"info", "warn", true},
		{"warn", "info", false},
		{"error", "error", true},
		{"none", "error", false},
		{"DEBUG", "debug", true},
	} {
		configured, err := ParseLogLevel(tc.configured)
		if err != nil {
			t.Fatal(err)
		}
		message, err := ParseLogLevel(tc.message)
		if err != nil {
			t.Fatal(err)
		}
		if got := configured.Allows(message); got != tc.printed {
			t.Errorf("level %s prints %s: got %v, want %v", tc.configured, tc.message, got, tc.printed)
		}
	}
	if _, err := ParseLogLevel("verbose"); err == nil || err.Error() != `invalid log level "verbose" (want debug, log, info, warn, error or none)` {
		t.Errorf("ParseLogLevel(verbose) = %v", err)
	}
	if LevelWarn.String() != "warn" {
		t.Errorf("LevelWarn.String() = %q", LevelWarn.String())
	}
}
