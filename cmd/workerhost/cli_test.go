package main

import (
	"bytes"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestRequestLinesAndDevVars runs a project as `workerhost dev` with no
// arguments: the config's main runs, .dev.vars beside it overrides the
// config's vars and --var overrides both, and each request logs a line at
// the default log level.
func TestRequestLinesAndDevVars(t *testing.T) {
	t.Parallel()
	dir := project(t, map[string]string{
		"wrangler.json": `{"main": "src/index.js", "vars": {"FROM_CONFIG": "config", "SECRET": "config", "FLAG": "config"}}`,
		".dev.vars":     "# local secrets\nSECRET=\"from dev vars\"\nFLAG=dev\nPRICE='$5'\n",
		"src/index.js":  `export default { fetch(request, env) { return new Response([env.FROM_CONFIG, env.SECRET, env.FLAG, env.PRICE].join("|")); } };`,
	})
	p := startCommand(t, dir, "dev", "--port", "0", "--no-watch", "--var", "FLAG:flag")
	resp, err := http.Get(p.url + "/hello?x=1")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if got, want := string(body), "config|from dev vars|flag|$5"; got != want {
		t.Errorf("vars: got %q, want %q", got, want)
	}
	p.signal(syscall.SIGTERM)
	if code := p.exitCode(5 * time.Second); code != 0 {
		t.Errorf("exit code %d", code)
	}
	if len(p.lines("Using vars defined in .dev.vars")) != 1 {
		t.Errorf("stderr does not say .dev.vars was read:\n%s", p.stderr.String())
	}
	if lines := p.lines("GET /hello?x=1"); len(lines) != 1 || !regexp.MustCompile(`^\[workerhost:info\] GET /hello\?x=1 200 OK \(\d+ms\)$`).MatchString(lines[0]) {
		t.Errorf("request line: %q\nstderr:\n%s", lines, p.stderr.String())
	}
}

func TestParseDotenv(t *testing.T) {
	t.Parallel()
	got := parseDotenv("A=1\nexport B = two words # comment\nC=\"line\\nbreak\"\nD='$HOME \\n'\nE: colon\n# F=no\nG=\nH=`back`\r\nA=again\n")
	want := map[string]string{"A": "again", "B": "two words", "C": "line\nbreak", "D": `$HOME \n`, "E": "colon", "G": "", "H": "back"}
	if len(got) != len(want) {
		t.Errorf("got %q, want %q", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
}

// TestCommandLineMistakes checks what a mistyped command prints.
func TestCommandLineMistakes(t *testing.T) {
	t.Parallel()
	dir := project(t, map[string]string{"worker.js": "export default { fetch() { return new Response('x') } };\n"})
	script := filepath.Join(dir, "worker.js")
	for _, tc := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"dev", script, "extra.js"}, 2, "workerhost: more than one script given (" + script + " and extra.js); give one, and options after it\nRun `workerhost --help` for usage.\n"},
		{[]string{"dev", script, "--nope"}, 2, "workerhost: unknown option: --nope\nRun `workerhost --help` for usage.\n"},
		{[]string{"dev", script, "--port"}, 2, "workerhost: option needs a value: --port\nRun `workerhost --help` for usage.\n"},
		{[]string{"dev", script, "--grace", "soon"}, 2, "workerhost: invalid value \"soon\" for --grace: parse error\nRun `workerhost --help` for usage.\n"},
		{[]string{"dev", script, "--isolates", "0"}, 2, "workerhost: invalid value \"0\" for --isolates: want a whole number, 1 or more\nRun `workerhost --help` for usage.\n"},
		{[]string{"dev", script, "--isolates", "-2"}, 2, "workerhost: invalid value \"-2\" for --isolates: want a whole number, 1 or more\nRun `workerhost --help` for usage.\n"},
		{[]string{"dev", script, "--isolates", "two"}, 2, "workerhost: invalid value \"two\" for --isolates: want a whole number, 1 or more\nRun `workerhost --help` for usage.\n"},
		{[]string{"dev", script, "--isolates"}, 2, "workerhost: option needs a value: --isolates\nRun `workerhost --help` for usage.\n"},
		{[]string{"deploy"}, 2, "workerhost: unknown command \"deploy\"\nRun `workerhost --help` for usage.\n"},
		{nil, 2, usage},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(tc.args, &stdout, &stderr); code != tc.code || stderr.String() != tc.stderr {
			t.Errorf("%v: exit %d, stderr:\n%s\nwant exit %d, stderr:\n%s", tc.args, code, stderr.String(), tc.code, tc.stderr)
		}
	}
}

func TestHelpAndVersion(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"--help"}, {"-h"}, {"dev", "--help"}} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 0 || stdout.String() != usage {
			t.Errorf("%v: exit %d, stdout:\n%s", args, code, stdout.String())
		}
	}
	if strings.Contains(usage, "\n  -port") || !strings.Contains(usage, "--grace DURATION") {
		t.Errorf("usage is not in the --style of the README:\n%s", usage)
	}
	var stdout bytes.Buffer
	if code := run([]string{"--version"}, &stdout, io.Discard); code != 0 || stdout.String() != "workerhost devel (compatibility date 2026-11-17)\n" {
		t.Errorf("--version: exit %d, %q", code, stdout.String())
	}
}

// TestErrorsANewUserSees starts broken projects the way a new user would
// and checks the first thing printed.
func TestErrorsANewUserSees(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		files map[string]string
		args  []string
		want  string
	}{
		{"top-level error in an imported file", map[string]string{
			"src/index.js": "import { make } from './lib.js';\nmake();\nexport default { fetch() { return new Response('x') } };\n",
			"src/lib.js":   "export function make() {\n  return new Headers(5);\n}\n",
		}, []string{"src/index.js"}, "✘ [ERROR] src/lib.js:2:10: Uncaught TypeError: Failed to construct 'Headers': The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'.\n    2 │   return new Headers(5);\n      ╵          ^\n"},
		{"bad status at top level", map[string]string{
			"worker.js": "const r = new Response(1, {status: 1});\nexport default { fetch() { return r } };\n",
		}, []string{"worker.js"}, "✘ [ERROR] worker.js:1:11: Uncaught RangeError: Responses may only be constructed with status codes in the range 200 to 599, inclusive.\n"},
		{"package not installed", map[string]string{
			"worker.js":    "import { Hono } from 'hono';\nexport default new Hono();\n",
			"package.json": `{"dependencies": {"hono": "^4.6.0"}}`,
		}, []string{"worker.js"}, "✘ [ERROR] worker.js:1:22: Could not resolve \"hono\": the package \"hono\" is in package.json but not installed; run `npm install`\n"},
		{"node: import", map[string]string{
			"worker.js": "import { readFileSync } from 'node:fs';\nexport default { fetch() { return new Response(readFileSync('x')) } };\n",
		}, []string{"worker.js"}, `✘ [ERROR] worker.js:1:30: Could not resolve "node:fs": "node:fs" is a Node.js built-in module. Workers provide it with the "nodejs_compat" compatibility flag (the default from 2026-08-04); workerhost provides some of Node.js's modules under that flag, and not this one, or the flag is off` + "\n"},
		{"a directory as the script", map[string]string{"src/index.js": ""}, []string{"src"}, "✘ [ERROR] src: is a directory, not a script: give the worker's entry file (such as src/src/index.js), or run workerhost dev in a folder with a wrangler config and no script\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := project(t, tc.files)
			p := startFailing(t, dir, append([]string{"dev", "--port", "0"}, tc.args...)...)
			if code := p.exitCode(10 * time.Second); code != 1 || !strings.HasPrefix(p.stderr.String(), tc.want) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit 1, stderr starting:\n%s", code, p.stderr.String(), tc.want)
			}
			for _, advice := range []string{"external", "api.Platform", "classFactory"} {
				if strings.Contains(p.stderr.String(), advice) {
					t.Errorf("%q reached the user:\n%s", advice, p.stderr.String())
				}
			}
		})
	}
}

// TestIsolatesFlag runs `workerhost dev --isolates 2`: the banner says so,
// requests one after another reach both copies (each names itself at its
// top level), and an edit reloads both.
func TestIsolatesFlag(t *testing.T) {
	t.Parallel()
	worker := func(version string) string {
		return "const id = Math.random().toString(36).slice(2);\nexport default { fetch() { return new Response(\"" + version + " \" + id) } };\n"
	}
	dir := project(t, map[string]string{"worker.js": worker("v1")})
	p := startCommand(t, dir, "dev", "worker.js", "--port", "0", "--isolates", "2")
	if len(p.lines(", 2 isolates)")) != 1 {
		t.Errorf("the banner does not name the isolates:\n%s", p.stderr.String())
	}
	bodies := func() []string {
		var out []string
		for range 2 {
			resp, err := http.Get(p.url)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			out = append(out, string(b))
		}
		return out
	}
	if b := bodies(); b[0] == b[1] || !strings.HasPrefix(b[0], "v1 ") || !strings.HasPrefix(b[1], "v1 ") {
		t.Errorf("two requests: %q, want v1 from two copies", b)
	}
	writeFile(t, filepath.Join(dir, "worker.js"), worker("v2"))
	p.waitOutput("⎔ Reloaded", 10*time.Second)
	if b := bodies(); b[0] == b[1] || !strings.HasPrefix(b[0], "v2 ") || !strings.HasPrefix(b[1], "v2 ") {
		t.Errorf("after an edit: %q, want v2 from two copies", b)
	}
	p.signal(syscall.SIGTERM)
	if code := p.exitCode(5 * time.Second); code != 0 {
		t.Errorf("exit code %d", code)
	}
}
