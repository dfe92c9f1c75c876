package main

import (
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"workerhost/host"
)

// chatRoomToml is the config of a typical chat-room worker: two Durable
// Object classes with their migration, and bindings of kinds workerhost
// does not run yet.
const chatRoomToml = `main = "src/index.js"
compatibility_date = "2026-01-01"

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"

[[durable_objects.bindings]]
name = "LIMITERS"
class_name = "RateLimiter"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["ChatRoom", "RateLimiter"]

[[migrations]]
tag = "v2"
renamed_classes = [{ from = "ChatRoom", to = "Room" }]
deleted_classes = ["Old"]

[[kv_namespaces]]
binding = "CACHE"
id = "abc"

[ai]
binding = "AI"

[queues]
producers = [{ binding = "JOBS", queue = "jobs" }]

[assets]
directory = "public"
`

// TestBindingsNotRunAreNamed starts a worker whose config declares Durable
// Objects, KV, AI and a queue producer: it serves with its Durable Object
// namespaces in env, and one warning line at start names every binding
// workerhost does not run yet.
func TestBindingsNotRunAreNamed(t *testing.T) {
	t.Parallel()
	dir := project(t, map[string]string{
		"wrangler.toml": chatRoomToml,
		"src/index.js": `export class ChatRoom {}
export class RateLimiter {}
export default { fetch(request, env) { return new Response(Object.keys(env).join() + " " + env.ROOMS.idFromName("lobby").toString().length); } };`,
	})
	p := startCommand(t, dir, "dev", "--port", "0", "--no-watch")
	resp, err := http.Get(p.url + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(body) != "ROOMS,LIMITERS 64" {
		t.Errorf("env keys: %q", body)
	}
	p.signal(syscall.SIGTERM)
	p.exitCode(5 * time.Second)
	want := "▲ [WARNING] workerhost does not run these bindings yet, so env lacks them: CACHE (kv_namespaces), JOBS (queues), AI (ai)"
	if lines := p.lines("[WARNING]"); len(lines) != 1 || lines[0] != want {
		t.Errorf("warning lines %q, want one:\n%s\nstderr:\n%s", lines, want, p.stderr.String())
	}
}

func TestDurableObjectConfigInJSONC(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "wrangler.jsonc")
	writeFile(t, path, `{
  "main": "index.js",
  // the chat room
  "durable_objects": { "bindings": [{ "name": "ROOMS", "class_name": "ChatRoom" }] },
  "migrations": [{ "tag": "v1", "new_classes": ["ChatRoom"] }],
  "r2_buckets": [{ "binding": "FILES", "bucket_name": "files" }],
}`)
	cfg, err := loadWranglerConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.DurableObjects.Bindings) != 1 || cfg.DurableObjects.Bindings[0].ClassName != "ChatRoom" ||
		len(cfg.Migrations) != 1 || cfg.Migrations[0].NewClasses[0] != "ChatRoom" {
		t.Errorf("got %+v %+v", cfg.DurableObjects, cfg.Migrations)
	}
	if got := strings.Join(bindingsNotRun(cfg.raw), ", "); got != "FILES (r2_buckets)" {
		t.Errorf("bindings not run: %s", got)
	}
	if got := cfg.durableObjectOptions(); len(got) != 1 || got[0] != (host.DurableObject{Binding: "ROOMS", ClassName: "ChatRoom"}) {
		t.Errorf("Durable Object options: %+v", got)
	}
}

func TestDurableObjectConfigMistakes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ config, want string }{
		{`[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"
script_name = "chat"`, `durable_objects binding ROOMS: script_name "chat" (a class of another worker) is not supported yet; declare the class in this worker`},
		{`[[durable_objects.bindings]]
name = "ROOMS"`, `durable_objects binding ROOMS: missing "class_name"`},
		{`[[durable_objects.bindings]]
class_name = "ChatRoom"`, `durable_objects.bindings[0]: missing "name"`},
		{`[[migrations]]
tag = "v1"
[[migrations]]
tag = "v1"`, `migration "v1": the tag is used twice`},
		{`[[migrations]]
tag = "v1"
[[migrations]]
new_classes = ["A"]`, `migrations[1]: missing "tag" (each of several migrations needs one)`},
		{`[[migrations]]
tag = "v1"
renamed_classes = [{ from = "A" }]`, `migration "v1": renamed_classes entries need "from" and "to"`},
	} {
		path := filepath.Join(t.TempDir(), "wrangler.toml")
		writeFile(t, path, "main = \"index.js\"\n"+tc.config+"\n")
		_, err := loadWranglerConfig(path)
		if err == nil || !strings.HasSuffix(err.Error(), tc.want) {
			t.Errorf("config:\n%s\nerror %v, want one ending %q", tc.config, err, tc.want)
		}
	}
}

// TestSQLiteClassesFollowMigrations: a class is SQLite-backed when a
// migration lists it in new_sqlite_classes, through a rename, until it is
// deleted.
func TestSQLiteClassesFollowMigrations(t *testing.T) {
	cfg := &wranglerConfig{
		DurableObjects: wranglerDurableObjects{Bindings: []durableObjectBinding{
			{Name: "A", ClassName: "Room"}, {Name: "B", ClassName: "Limiter"}, {Name: "C", ClassName: "Old"},
		}},
		Migrations: []wranglerMigration{
			{Tag: "v1", NewSqliteClasses: []string{"ChatRoom", "Old"}, NewClasses: []string{"Limiter"}},
			{Tag: "v2", RenamedClasses: []renamedClass{{From: "ChatRoom", To: "Room"}}, DeletedClasses: []string{"Old"}},
		},
	}
	got := cfg.durableObjectOptions()
	want := []host.DurableObject{{Binding: "A", ClassName: "Room", SQL: true}, {Binding: "B", ClassName: "Limiter"}, {Binding: "C", ClassName: "Old"}}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("binding %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}
