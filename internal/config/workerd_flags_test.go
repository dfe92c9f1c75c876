package config

import "testing"

func TestWorkerdFlagsFollowDatesFlagsAndImplications(t *testing.T) {
	values := func(c Compat) map[string]bool {
		m := map[string]bool{}
		for _, v := range c.WorkerdFlags() {
			m[v.Name] = v.On
		}
		return m
	}
	// Counts as workerd 1.20261117.1 gives them.
	latest := values(Compat{Date: "2026-11-01"})
	on := 0
	for _, v := range latest {
		if v {
			on++
		}
	}
	if len(latest) != 205 || on != 121 {
		t.Errorf("2026-11-01: %d flags, %d on; want 205, 121", len(latest), on)
	}
	// nodejs_compat implies nodejs_compat_v2 from 2024-09-23, which implies
	// nodejs_zlib; an explicit disable wins over the date.
	v := values(Compat{Date: "2024-10-01", Flags: []string{"nodejs_compat", "formdata_parser_converts_files_to_strings"}})
	for name, want := range map[string]bool{"nodejs_compat": true, "nodejs_compat_v2": true, "nodejs_zlib": true, "nodejs_als": false, "formdata_parser_supports_files": false, "fetch_refuses_unknown_protocols": true} {
		if v[name] != want {
			t.Errorf("2024-10-01 with nodejs_compat: %s = %v, want %v", name, v[name], want)
		}
	}
	if v := values(Compat{Date: "2024-09-01", Flags: []string{"nodejs_compat"}}); v["nodejs_compat_v2"] {
		t.Error("nodejs_compat_v2 is implied only from 2024-09-23")
	}
}
