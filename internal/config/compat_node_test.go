package config

import "testing"

// TestNodeModules checks the node compatibility modes against what
// workerd 1.20261117.1 gives a worker probing its node: modules, the bare
// names and the Buffer global at each date and set of flags.
func TestNodeModules(t *testing.T) {
	for _, tc := range []struct {
		date  string
		flags []string
		want  string
	}{
		{"2026-11-01", nil, "v2"},                             // on by default from 2026-08-04
		{"2026-08-03", nil, ""},                               // not yet the default
		{"2024-01-01", []string{"nodejs_compat"}, "v1"},       // node: prefix only, no Buffer global
		{"2024-09-23", []string{"nodejs_compat"}, "v2"},       // v2 implied from 2024-09-23
		{"2024-01-01", []string{"nodejs_compat_v2"}, "v2"},    // v2 implies v1
		{"2024-01-01", []string{"nodejs_als"}, "als"},         // node:async_hooks only
		{"2026-11-01", []string{"no_nodejs_compat_v2"}, "v1"}, // v2 turned off
		{"2026-11-01", []string{"no_nodejs_compat", "no_nodejs_compat_v2"}, ""},
		{"2024-10-01", []string{"nodejs_compat", "no_nodejs_compat_v2"}, "v1"}, // an explicit flag beats the implication
	} {
		c, err := NewCompat(tc.date, tc.flags)
		if err != nil {
			t.Fatalf("%s %v: %v", tc.date, tc.flags, err)
		}
		if got := c.NodeModules(); got != tc.want {
			t.Errorf("%s %v: NodeModules() = %q, want %q", tc.date, tc.flags, got, tc.want)
		}
	}
}

// TestPopulateProcessEnv checks the date from which workerd 1.20261117.1
// fills process.env (2025-03-31 gives {}, 2025-04-01 the variables).
func TestPopulateProcessEnv(t *testing.T) {
	for date, want := range map[string]bool{"2025-03-31": false, "2025-04-01": true} {
		c, err := NewCompat(date, []string{"nodejs_compat"})
		if err != nil {
			t.Fatal(err)
		}
		if got := c.Enabled(FlagPopulateProcessEnv); got != want {
			t.Errorf("%s: populate = %v, want %v", date, got, want)
		}
	}
}
