package workerd

import (
	"strings"
	"testing"
)

func TestConfigText(t *testing.T) {
	t.Parallel()
	opts := Options{
		CompatibilityDate:  "2026-11-17",
		CompatibilityFlags: []string{"nodejs_compat"},
		Vars:               map[string]string{"B": "two", "A": `o"ne`},
	}
	for _, tc := range []struct {
		modules bool
		want    string
	}{
		{true, `modules = [ (name = "worker.js", esModule = embed "worker.js") ]`},
		{false, `serviceWorkerScript = embed "worker.js"`},
	} {
		opts.Modules = tc.modules
		got := configText(8123, opts)
		for _, want := range []string{
			tc.want,
			`address = "127.0.0.1:8123"`,
			`compatibilityDate = "2026-11-17"`,
			`compatibilityFlags = ["nodejs_compat"]`,
			`bindings = [(name = "A", text = "o\"ne"), (name = "B", text = "two")]`,
		} {
			if !strings.Contains(got, want) {
				t.Errorf("modules=%v: config lacks %s:\n%s", tc.modules, want, got)
			}
		}
	}
}
