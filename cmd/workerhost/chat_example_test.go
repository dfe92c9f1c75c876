package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// copyDir copies the files of src (not node_modules or state) into a new
// temporary directory.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			if d.Name() == ".wrangler" || d.Name() == "node_modules" {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

type chatClient struct {
	t    *testing.T
	conn *websocket.Conn
}

func joinChat(t *testing.T, base, room, name string) *chatClient {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(base, "http")+"/api/room/"+room+"/websocket", nil)
	if err != nil {
		t.Fatalf("%s joins: %v", name, err)
	}
	t.Cleanup(func() { _ = conn.CloseNow() })
	c := &chatClient{t: t, conn: conn}
	c.send(map[string]string{"name": name})
	return c
}

func (c *chatClient) send(v any) {
	c.t.Helper()
	b, _ := json.Marshal(v)
	if err := c.conn.Write(context.Background(), websocket.MessageText, b); err != nil {
		c.t.Fatal(err)
	}
}

// expect reads messages until one has all of want's fields, failing on
// anything else first.
func (c *chatClient) expect(want map[string]any) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, b, err := c.conn.Read(ctx)
	if err != nil {
		c.t.Fatalf("read: %v (want %v)", err, want)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		c.t.Fatalf("not JSON: %s", b)
	}
	for k, v := range want {
		if got[k] != v {
			c.t.Fatalf("got %s, want %v", b, want)
		}
	}
}

// TestChatExample runs scripts/chat unmodified from its wrangler.toml:
// three visitors join a room, talk, one is rate-limited, one leaves, and a
// newcomer after a restart gets the history from the room's SQLite
// database.
func TestChatExample(t *testing.T) {
	t.Parallel()
	dir := copyDir(t, "../../scripts/chat")
	p := startCommand(t, dir, "dev", "--port", "0", "--no-watch")
	resp, err := http.Get(p.url + "/")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(page), "<title>workerhost chat</title>") {
		t.Fatalf("page: %d %.80s", resp.StatusCode, page)
	}

	ann := joinChat(t, p.url, "lobby", "ann")
	ann.expect(map[string]any{"ready": true})
	ann.expect(map[string]any{"joined": "ann"})
	bob := joinChat(t, p.url, "lobby", "bob")
	bob.expect(map[string]any{"ready": true})
	ann.expect(map[string]any{"joined": "bob"})
	bob.expect(map[string]any{"joined": "bob"})
	cat := joinChat(t, p.url, "lobby", "cat")
	cat.expect(map[string]any{"ready": true})
	for _, c := range []*chatClient{ann, bob, cat} {
		c.expect(map[string]any{"joined": "cat"})
	}

	ann.send(map[string]string{"message": "hello all"})
	for _, c := range []*chatClient{ann, bob, cat} {
		c.expect(map[string]any{"name": "ann", "text": "hello all"})
	}
	// All three share one IP: a burst past the limiter's allowance is refused.
	limited := false
	for i := 0; i < 10 && !limited; i++ {
		bob.send(map[string]string{"message": "spam"})
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_, b, err := bob.conn.Read(ctx)
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		limited = strings.Contains(string(b), "rate-limited")
	}
	if !limited {
		t.Error("ten messages at once were not rate-limited")
	}

	if err := cat.conn.Close(websocket.StatusNormalClosure, "bye"); err != nil {
		t.Errorf("close: %v", err)
	}
	p.signal(syscall.SIGTERM)
	p.exitCode(10 * time.Second)

	p = startCommand(t, dir, "dev", "--port", "0", "--no-watch")
	resp, err = http.Get(p.url + "/api/room/lobby/history")
	if err != nil {
		t.Fatal(err)
	}
	var history []map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&history)
	resp.Body.Close()
	if len(history) == 0 || history[0]["text"] != "hello all" {
		t.Errorf("history after a restart: %v", history)
	}
	p.signal(syscall.SIGTERM)
	p.exitCode(10 * time.Second)
}
