package main

import (
	"io"
	"os"
	"path/filepath"

	"github.com/evanw/esbuild/pkg/api"

	"workerhost/conformance"
	"workerhost/host"
	"workerhost/internal/config"
)

// target is one runtime the benchmark can start a worker on.
type target struct {
	name  string
	start func(script string) (url string, stop func(), err error)
}

// workerhostTarget runs the worker in-process.
func workerhostTarget() target {
	return target{name: "workerhost", start: func(script string) (string, func(), error) {
		srv, err := host.Start(host.Options{Script: script, Console: io.Discard, Log: io.Discard, LogLevel: config.LevelNone}, "127.0.0.1:0")
		if err != nil {
			return "", nil, err
		}
		return srv.URL(), func() { _ = srv.Close() }, nil
	}}
}

// workerdTarget bundles the worker as wrangler would and runs workerd.
func workerdTarget(bin string) target {
	return target{name: "workerd", start: func(script string) (string, func(), error) {
		dir, err := os.MkdirTemp("", "workerhost-bench-")
		if err != nil {
			return "", nil, err
		}
		out := filepath.Join(dir, "worker.js")
		res := api.Build(api.BuildOptions{EntryPoints: []string{script}, Bundle: true, Format: api.FormatESModule,
			Target: api.ESNext, Conditions: []string{"workerd", "worker", "browser"}, Outfile: out, Write: true, LogLevel: api.LogLevelSilent})
		if len(res.Errors) > 0 {
			os.RemoveAll(dir)
			return "", nil, &bundleError{res.Errors[0].Text}
		}
		w, err := conformance.StartWorkerd(bin, conformance.WorkerdOptions{ScriptPath: out, Modules: true, CompatibilityDate: config.LatestCompatibilityDate}, nil)
		if err != nil {
			os.RemoveAll(dir)
			return "", nil, err
		}
		return w.URL, func() { _ = w.Close(); os.RemoveAll(dir) }, nil
	}}
}

// bundleError is an esbuild failure.
type bundleError struct{ text string }

func (e *bundleError) Error() string { return "failed to bundle: " + e.text }
