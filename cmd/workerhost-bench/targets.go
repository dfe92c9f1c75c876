package main

import (
	"context"
	"io"
	"runtime/pprof"

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
		srv, err := startWorkerhost(script)
		if err != nil {
			return "", nil, err
		}
		return srv.URL(), func() { _ = srv.Close() }, nil
	}}
}

// startWorkerhost serves script on a free loopback port. Every goroutine
// of the server carries the profiler label side=workerhost, so a CPU
// profile of the benchmark (--cpuprofile) separates workerhost's work from
// the load generator's.
func startWorkerhost(script string) (srv *host.Server, err error) {
	pprof.Do(context.Background(), pprof.Labels("side", "workerhost"), func(context.Context) {
		srv, err = host.Start(host.Options{Script: script, Console: io.Discard, Log: io.Discard, LogLevel: config.LevelNone}, "127.0.0.1:0")
	})
	return srv, err
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
