package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// settings are the load and the rounds, the same for every target.
type settings struct {
	// rounds is how many times each target is measured, alternating.
	rounds int
	// warmup and duration are each load's unmeasured then measured time.
	warmup, duration time.Duration
	// connections is the number of HTTP connections and of WebSockets.
	connections int
	// sockets is the idle WebSockets of idle-memory and hibernated-memory,
	// and settle how long the server is left quiet before its memory is
	// read (idleSettle).
	sockets int
	settle  time.Duration
	// roomSockets is the WebSockets in broadcast's room.
	roomSockets int
	// hibernate is how long hibernated-memory leaves the room quiet before
	// reading the server's memory.
	hibernate time.Duration
}

// bench is one run of the benchmark.
type bench struct {
	settings
	workerdBin, workerhostBin string
	// built is true when the benchmark built workerhostBin from the tree.
	built bool
	// isolates is N of the extra workerhost --isolates N line, 0 for none.
	isolates int
	// note is said in the report's header when not "".
	note string
	// tmp holds wrk's scripts and bodies and workerhost's cache.
	tmp string
	// out gets the report; progress, the lines saying what runs.
	out, progress io.Writer
}

// targets are the runtimes w is measured on, in the order of each round.
func (b *bench) targets(w workload) []target {
	ts := []target{b.workerdTarget(), b.workerhostTarget(0)}
	if w.parallel && b.isolates > 0 {
		ts = append(ts, b.workerhostTarget(b.isolates))
	}
	return ts
}

// medians are each target's median per metric, by target name.
type medians map[string][]float64

// measureRounds measures w on each target, round after round, the targets
// alternating within each round, and returns the medians.
func (b *bench) measureRounds(w workload, ts []target) (medians, error) {
	all := map[string][][]float64{}
	for r := 1; r <= b.rounds; r++ {
		for _, t := range ts {
			vals, err := w.measure(b, t)
			if err != nil {
				return nil, fmt.Errorf("%s on %s, round %d: %w", w.name, t.name, r, err)
			}
			fmt.Fprintf(b.progress, "  %s, round %d/%d, %s: %s\n", w.name, r, b.rounds, t.name, describe(w.metrics, vals))
			all[t.name] = append(all[t.name], vals)
		}
	}
	out := medians{}
	for name, rounds := range all {
		out[name] = medianPerMetric(rounds)
	}
	return out, nil
}

// describe is one round's values, for the progress lines.
func describe(metrics []metric, vals []float64) string {
	parts := make([]string, len(metrics))
	for i, m := range metrics {
		parts[i] = m.name + " " + num(vals[i])
	}
	return strings.Join(parts, "; ")
}

// medianPerMetric is the median of each metric over the rounds.
func medianPerMetric(rounds [][]float64) []float64 {
	out := make([]float64, len(rounds[0]))
	for i := range out {
		col := make([]float64, len(rounds))
		for r, vals := range rounds {
			col[r] = vals[i]
		}
		slices.Sort(col)
		if n := len(col); n%2 == 1 {
			out[i] = col[n/2]
		} else {
			out[i] = (col[n/2-1] + col[n/2]) / 2
		}
	}
	return out
}

// runWorkload prepares w, measures it, and prints its table, or why it
// was skipped.
func (b *bench) runWorkload(w workload) error {
	fmt.Fprintf(b.progress, "%s: %s\n", w.name, w.about)
	if err := w.prepare(); err != nil {
		var missing *missingError
		if errors.As(err, &missing) {
			fmt.Fprintf(b.progress, "  skipped: %v\n", missing)
			fmt.Fprintf(b.out, "\n**%s** skipped: %v\n", w.name, missing)
			return nil
		}
		return fmt.Errorf("%s: %w", w.name, err)
	}
	ts := b.targets(w)
	med, err := b.measureRounds(w, ts)
	if err != nil {
		return err
	}
	printTable(b.out, w, ts, med)
	return nil
}
