package main

import (
	"fmt"
	"sort"
	"time"
)

// median takes each figure's median over the rounds.
func median(rounds []figures) figures {
	pick := func(get func(figures) float64) float64 {
		vals := make([]float64, len(rounds))
		for i, r := range rounds {
			vals[i] = get(r)
		}
		sort.Float64s(vals)
		return vals[len(vals)/2]
	}
	return figures{
		startup:  time.Duration(pick(func(f figures) float64 { return float64(f.startup) })),
		rps:      pick(func(f figures) float64 { return f.rps }),
		latency:  time.Duration(pick(func(f figures) float64 { return float64(f.latency) })),
		wsPerSec: pick(func(f figures) float64 { return f.wsPerSec }),
	}
}

// printTable prints workerd and workerhost side by side with the ratio
// workerhost/workerd (above 1 means workerhost is faster for rates, slower
// for times).
func printTable(wd, wh figures) {
	fmt.Printf("%-28s %14s %14s %10s\n", "figure (median)", "workerd", "workerhost", "ratio")
	row := func(name string, a, b float64, unit string) {
		fmt.Printf("%-28s %12.1f%-2s %12.1f%-2s %9.2fx\n", name, a, unit, b, unit, b/a)
	}
	row("startup to first answer", ms(wd.startup), ms(wh.startup), "ms")
	row("HTTP requests/s", wd.rps, wh.rps, "")
	row("HTTP median latency", ms(wd.latency), ms(wh.latency), "ms")
	row("WebSocket round trips/s", wd.wsPerSec, wh.wsPerSec, "")
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
