package conformance

import (
	"fmt"

	"workerhost/host"
	"workerhost/internal/config"
	"workerhost/internal/workerd"
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
	var durable []host.DurableObject
	for _, d := range c.DurableObjects {
		durable = append(durable, host.DurableObject{Binding: d.Binding, ClassName: d.ClassName, SQL: d.SQL})
	}
	srv, err := host.Start(host.Options{Script: c.Script, Compat: compat, Vars: vars, DurableObjects: durable, Console: &console, Log: &log}, "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	return &running{url: srv.URL(), logs: console.String, stop: func() { _ = srv.Close() }}, nil
}

// startOnWorkerd bundles the case's worker into one file, as wrangler does
// before handing it to workerd, and runs it on the workerd binary at bin.
func startOnWorkerd(c Case, bin string) (*running, error) {
	var log jsruntimetest.Buffer
	var durable []workerd.DurableObject
	for _, d := range c.DurableObjects {
		durable = append(durable, workerd.DurableObject{Binding: d.Binding, ClassName: d.ClassName, UniqueKey: d.uniqueKey(), SQL: d.SQL})
	}
	w, err := workerd.StartScript(bin, c.Script, workerd.Options{
		CompatibilityDate:  c.compatDate(),
		CompatibilityFlags: c.CompatibilityFlags,
		Vars:               c.Vars,
		DurableObjects:     durable,
	}, &log)
	if err != nil {
		return nil, fmt.Errorf("failed to start workerd: %w\n%s", err, log.String())
	}
	return &running{url: w.URL, logs: w.Logs, stop: func() { _ = w.Close() }}, nil
}
