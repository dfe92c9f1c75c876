package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSyntaxErrorExitsWithPositionAndLine(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "broken.js")
	writeFile(t, path, "addEventListener('fetch', e => {\n  e.respondWith(new Response('x'))))\n});\n")
	var stdout, stderr bytes.Buffer
	code := run([]string{"dev", path, "--port", "0"}, &stdout, &stderr)
	if code == 0 {
		t.Fatal("exit code 0 for a broken script")
	}
	out := stderr.String()
	for _, want := range []string{path + ":2:", "e.respondWith(new Response('x'))))"} {
		if !strings.Contains(out, want) {
			t.Errorf("stderr lacks %q:\n%s", want, out)
		}
	}
}

func TestUnknownFlagAndBadDateAreRefused(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "w.js")
	writeFile(t, path, "export default { fetch() { return new Response('x') } };\n")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--compatibility-flags", "no_such_flag"}, `unknown compatibility flag "no_such_flag"`},
		{[]string{"--compatibility-date", "2099-01-01"}, `Can't set compatibility date in the future: "2099-01-01".`},
		{[]string{"--compatibility-date", "yesterday"}, `Invalid compatibility date: yesterday`},
		{[]string{"--compatibility-date", "2026-13-01"}, `Invalid compatibility date: 2026-13-01`},
		{[]string{"--var", "novalue"}, `--var "novalue": want KEY:VALUE`},
	} {
		var stdout, stderr bytes.Buffer
		args := append([]string{"dev", path, "--port", "0"}, tc.args...)
		if code := run(args, &stdout, &stderr); code == 0 || !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want it to contain %q", tc.args, code, stderr.String(), tc.want)
		}
	}
}

func TestWranglerConfigFormats(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, content := range map[string]string{
		"wrangler.toml":  "main = \"src/index.js\"\ncompatibility_date = \"2026-01-01\"\ncompatibility_flags = [\"web_socket_auto_reply_to_close\"]\n[vars]\nNAME = \"toml\"\nN = 3\n[[rules]]\ntype = \"Text\"\nglobs = [\"**/*.md\"]\n",
		"wrangler.jsonc": "{\n  // comment\n  \"main\": \"src/index.js\",\n  \"compatibility_date\": \"2026-01-01\",\n  \"compatibility_flags\": [\"web_socket_auto_reply_to_close\"],\n  \"vars\": { \"NAME\": \"jsonc\", \"N\": 3, },\n}\n",
	} {
		path := filepath.Join(dir, name)
		writeFile(t, path, content)
		cfg, err := loadWranglerConfig(path)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if cfg.Main != filepath.Join(dir, "src/index.js") || cfg.CompatibilityDate != "2026-01-01" ||
			len(cfg.CompatibilityFlags) != 1 || cfg.Vars["NAME"] == nil || cfg.Vars["N"] == nil ||
			(name == "wrangler.toml" && (len(cfg.Rules) != 1 || cfg.Rules[0].Type != "Text")) {
			t.Errorf("%s: got %+v", name, cfg)
		}
	}
}

func TestFlagsOverrideConfig(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "wrangler.json")
	writeFile(t, path, `{"main": "w.js", "compatibility_date": "2026-01-01", "vars": {"A": "config", "B": "config"}}`)
	f, script, err := parseDevArgs([]string{"--config", path, "--var", "B:flag", "--compatibility-date", "2026-05-01"})
	if err != nil {
		t.Fatal(err)
	}
	opts, err := devOptions(f, script)
	if err != nil {
		t.Fatal(err)
	}
	if opts.Script != filepath.Join(dir, "w.js") || opts.Compat.Date != "2026-05-01" || opts.Vars["A"] != "config" || opts.Vars["B"] != "flag" {
		t.Errorf("got %+v", opts)
	}
}

func TestCPULimitFromConfigAndFlag(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "wrangler.toml")
	writeFile(t, path, "main = \"w.js\"\n[limits]\ncpu_ms = 100\n")
	for _, tc := range []struct {
		args []string
		want time.Duration
	}{
		{[]string{"--config", path}, 100 * time.Millisecond},
		{[]string{"--config", path, "--cpu-ms", "250"}, 250 * time.Millisecond},
	} {
		f, script, err := parseDevArgs(tc.args)
		if err != nil {
			t.Fatal(err)
		}
		opts, err := devOptions(f, script)
		if err != nil {
			t.Fatal(err)
		}
		if opts.CPULimit != tc.want {
			t.Errorf("%v: CPULimit = %v, want %v", tc.args, opts.CPULimit, tc.want)
		}
	}
}
