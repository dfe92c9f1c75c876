package main

import (
	"fmt"
	"math"
	"strings"
)

// metric is one figure a workload reports: a row of its table.
type metric struct {
	// name says what is measured, with its unit ("requests/s",
	// "p99 latency, ms").
	name string
	// lower is true when less is better (times, memory).
	lower bool
	// goal is issue 10's target for the ratio (how many times better
	// workerhost must be), 0 for none; goalText says it as the issue does.
	goal     float64
	goalText string
}

// ratio is how many times better workerhost's value is than workerd's:
// workerhost/workerd for a rate, workerd/workerhost for a time or memory,
// so that above 1 is always workerhost ahead. NaN when either is not
// above 0.
func (m metric) ratio(wd, wh float64) float64 {
	if wd <= 0 || wh <= 0 {
		return math.NaN()
	}
	if m.lower {
		return wd / wh
	}
	return wh / wd
}

// verdict is the target column: the goal and whether ratio r meets it.
func (m metric) verdict(r float64) string {
	switch {
	case m.goal == 0:
		return "—"
	case math.IsNaN(r):
		return m.goalText
	case r >= m.goal:
		return m.goalText + ": met"
	}
	return m.goalText + ": not met"
}

// workload is something measured on every target in alternating rounds.
type workload struct {
	// name is how --workloads and the tables call it.
	name string
	// about says what a round does, for the report.
	about string
	// metrics are its figures, in the order measure returns them.
	metrics []metric
	// parallel also measures it on workerhost --isolates N.
	parallel bool
	// prepare builds or checks what it needs; a *missingError skips it.
	prepare func() error
	// measure runs one round on t and returns one value per metric.
	measure func(b *bench, t target) ([]float64, error)
}

// allOf runs prepare steps in order and stops at the first error.
func allOf(steps ...func() error) func() error {
	return func() error {
		for _, s := range steps {
			if err := s(); err != nil {
				return err
			}
		}
		return nil
	}
}

// allWorkloads lists the workloads in the order they run.
func allWorkloads() []workload {
	return []workload{
		helloWorkload(), honoWorkload(), wsEchoWorkload(), idleWorkload(), coldStartWorkload(),
		bodyWorkload(), wasmWorkload(), resvgWorkload(), coldStartWasmWorkload(),
		broadcastWorkload(), hibernatedWorkload(),
	}
}

// pickWorkloads returns the workloads named, in the order given.
func pickWorkloads(names []string) ([]workload, error) {
	all := allWorkloads()
	var out []workload
	for _, n := range names {
		found := false
		for _, w := range all {
			if w.name == n {
				out, found = append(out, w), true
			}
		}
		if !found {
			return nil, fmt.Errorf("unknown workload %q (%s)", n, workloadNames(all))
		}
	}
	return out, nil
}

// workloadNames lists the names of ws, comma-separated.
func workloadNames(ws []workload) string {
	names := make([]string, len(ws))
	for i, w := range ws {
		names[i] = w.name
	}
	return strings.Join(names, ",")
}
