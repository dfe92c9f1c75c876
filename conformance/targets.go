package conformance

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/evanw/esbuild/pkg/api"

	"workerhost/host"
	"workerhost/internal/config"
	"workerhost/jsruntime/jsruntimetest"
)

// running is a worker started on one target for one case.
type running struct {
	url  string
	logs func() string
	stop func()
}

// compatDate is the case's date or the newest one.
func (c Case) compatDate() string {
	if c.CompatibilityDate != "" {
		return c.CompatibilityDate
	}
	return config.LatestCompatibilityDate
}

// startWorkerhost runs the case's worker in-process.
func startWorkerhost(c Case) (*running, error) {
	compat, err := config.NewCompat(c.compatDate(), c.CompatibilityFlags)
	if err != nil {
		return nil, err
	}
	var console, log jsruntimetest.Buffer
	vars := make(map[string]any, len(c.Vars))
	for k, v := range c.Vars {
		vars[k] = v
	}
	srv, err := host.Start(host.Options{Script: c.Script, Compat: compat, Vars: vars, Console: &console, Log: &log}, "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	return &running{url: srv.URL(), logs: console.String, stop: func() { _ = srv.Close() }}, nil
}

// startOnWorkerd bundles the case's worker into one file, as wrangler does
// before handing it to workerd, and runs it on the workerd binary at bin.
func startOnWorkerd(c Case, bin, dir string) (*running, error) {
	bundle, modules, err := bundleForWorkerd(c.Script, dir)
	if err != nil {
		return nil, err
	}
	var log jsruntimetest.Buffer
	w, err := StartWorkerd(bin, WorkerdOptions{
		ScriptPath:         bundle,
		Modules:            modules,
		CompatibilityDate:  c.compatDate(),
		CompatibilityFlags: c.CompatibilityFlags,
		Vars:               c.Vars,
	}, &log)
	if err != nil {
		return nil, fmt.Errorf("failed to start workerd: %w\n%s", err, log.String())
	}
	return &running{url: w.URL, logs: w.Logs, stop: func() { _ = w.Close() }}, nil
}

// bundleForWorkerd writes the bundled script into dir and reports whether it
// is an ES module (it has exports).
func bundleForWorkerd(script, dir string) (string, bool, error) {
	res := api.Build(api.BuildOptions{
		EntryPoints: []string{script},
		Bundle:      true,
		Write:       false,
		Metafile:    true,
		Format:      api.FormatESModule,
		Platform:    api.PlatformBrowser,
		Target:      api.ESNext,
		Conditions:  []string{"workerd", "worker", "browser"},
		Loader:      map[string]api.Loader{".html": api.LoaderText, ".txt": api.LoaderText},
		Outfile:     filepath.Join(dir, "worker.js"),
		LogLevel:    api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		return "", false, fmt.Errorf("failed to bundle %s for workerd: %s", script, res.Errors[0].Text)
	}
	out := filepath.Join(dir, "worker.js")
	if err := os.WriteFile(out, res.OutputFiles[0].Contents, 0o644); err != nil {
		return "", false, fmt.Errorf("failed to write bundle: %w", err)
	}
	return out, hasExports(res.Metafile), nil
}

// hasExports reports whether esbuild's metafile shows the output exporting
// anything, which makes it an ES-module worker.
func hasExports(metafile string) bool {
	var m struct {
		Outputs map[string]struct {
			Exports []string `json:"exports"`
		} `json:"outputs"`
	}
	if err := json.Unmarshal([]byte(metafile), &m); err != nil {
		return false
	}
	for _, o := range m.Outputs {
		if len(o.Exports) > 0 {
			return true
		}
	}
	return false
}
