package main

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzWranglerConfig reads arbitrary bytes as each kind of wrangler config:
// the result is a config or an error naming the file, never a panic. The
// seed corpus lives in testdata/fuzz/; CI runs it briefly (.ci/run).
func FuzzWranglerConfig(f *testing.F) {
	f.Add("main = \"w.js\"\ncompatibility_date = \"2026-01-01\"\n[vars]\nA = 1\n[[rules]]\ntype = \"Text\"\nglobs = [\"**/*.md\"]\n[limits]\ncpu_ms = 50\n", uint8(0))
	f.Add(`{"main": "w.js", "vars": {"A": {"nested": [1, 2]}}, "limits": {"cpu_ms": "x"}}`, uint8(1))
	f.Add("{\n // comment\n \"main\": 1,\n}", uint8(2))
	f.Add("[[rules]]\nglobs = 3", uint8(0))
	f.Add("\x00\xff", uint8(1))
	names := []string{"wrangler.toml", "wrangler.json", "wrangler.jsonc"}
	f.Fuzz(func(t *testing.T, content string, kind uint8) {
		path := filepath.Join(t.TempDir(), names[int(kind)%len(names)])
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		cfg, err := loadWranglerConfig(path)
		if err == nil && cfg == nil {
			t.Fatal("no config and no error")
		}
	})
}
