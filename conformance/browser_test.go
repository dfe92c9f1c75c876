package conformance

// The guide's client-side snippets, run unmodified in a real browser
// (headless Chromium, driven with chromedp) against the echo demo, whose
// page uses them.

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// findChromium returns Debian's chromium, or "" when it is not installed.
func findChromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

func TestBrowserEchoPage(t *testing.T) {
	chromium := findChromium()
	if chromium == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("chromium is required in CI (apt-get install chromium)")
		}
		t.Skip("chromium is not installed: apt-get install chromium to run the browser test")
	}
	r, err := startWorkerhost(Case{Script: "../scripts/echo/worker.js"})
	if err != nil {
		t.Fatal(err)
	}
	defer r.stop()

	// Chromium's helper processes may still write to the profile for a
	// moment after the browser exits, so it is removed with retries rather
	// than by t.TempDir.
	profile, err := os.MkdirTemp("", "workerhost-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	defer removeEventually(profile)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	defer cancelTimeout()

	var status, log string
	err = chromedp.Run(ctx,
		chromedp.Navigate(r.url+"/"),
		chromedp.WaitVisible("#send", chromedp.ByID),
		waitText("#status", "connected"),
		chromedp.SetValue("#text", "hello from the browser", chromedp.ByID),
		chromedp.Click("#send", chromedp.ByID),
		waitText("#log", "echo: hello from the browser"),
		chromedp.Click("#close", chromedp.ByID),
		waitText("#status", "closed"),
		chromedp.Text("#status", &status, chromedp.ByID),
		chromedp.Text("#log", &log, chromedp.ByID),
	)
	if err != nil {
		t.Fatalf("browser: %v (status %q, log %q)", err, status, log)
	}
	if strings.TrimSpace(log) != "echo: hello from the browser" || status != "closed (1005)" {
		t.Errorf("page shows status %q and log %q", status, log)
	}
	waitForLog(t, r.logs, "closed: 1005")
}

// removeEventually removes dir, retrying while other processes finish
// writing to it.
func removeEventually(dir string) {
	for i := 0; i < 20; i++ {
		if os.RemoveAll(dir) == nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// waitText waits until the element's text contains want.
func waitText(sel, want string) chromedp.Action {
	return chromedp.Poll(`document.querySelector(`+quoteJS(sel)+`).textContent.includes(`+quoteJS(want)+`)`, nil,
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(15*time.Second))
}

func quoteJS(s string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "'", `\'`) + "'"
}

// waitForLog waits for a console line from the worker.
func waitForLog(t *testing.T, logs func() string, want string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(logs(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("worker never logged %q; logs:\n%s", want, logs())
		}
		time.Sleep(10 * time.Millisecond)
	}
}
