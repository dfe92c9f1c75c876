package main

import (
	"io"

	"workerhost/host"
	"workerhost/internal/config"
	"workerhost/internal/workerd"
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
		w, err := workerd.StartScript(bin, script, workerd.Options{CompatibilityDate: config.LatestCompatibilityDate}, nil)
		if err != nil {
			return "", nil, err
		}
		return w.URL, func() { _ = w.Close() }, nil
	}}
}
