package main

import (
	"fmt"
	"sort"
	"time"
)

// medianOf is the median of the values get picks from rounds.
func medianOf[T any](rounds []T, get func(T) float64) float64 {
	vals := make([]float64, len(rounds))
	for i, r := range rounds {
		vals[i] = get(r)
	}
	sort.Float64s(vals)
	return vals[len(vals)/2]
}

// median takes each figure's median over the rounds.
func median(rounds []figures) figures {
	return figures{
		startup:  time.Duration(medianOf(rounds, func(f figures) float64 { return float64(f.startup) })),
		rps:      medianOf(rounds, func(f figures) float64 { return f.rps }),
		latency:  time.Duration(medianOf(rounds, func(f figures) float64 { return float64(f.latency) })),
		wsPerSec: medianOf(rounds, func(f figures) float64 { return f.wsPerSec }),
	}
}

// medianCold takes each cold start's median over the rounds.
func medianCold(rounds []coldFigures) coldFigures {
	return coldFigures{
		first:  time.Duration(medianOf(rounds, func(f coldFigures) float64 { return float64(f.first) })),
		second: time.Duration(medianOf(rounds, func(f coldFigures) float64 { return float64(f.second) })),
	}
}

// printHeader starts a table of workerd and workerhost side by side with
// the ratio workerhost/workerd (above 1 means workerhost is faster for
// rates, slower for times).
func printHeader() {
	fmt.Printf("%-32s %14s %14s %10s\n", "figure (median)", "workerd", "workerhost", "ratio")
}

// printRow prints one figure of a table.
func printRow(name string, wd, wh float64, unit string) {
	fmt.Printf("%-32s %12.1f%-2s %12.1f%-2s %9.2fx\n", name, wd, unit, wh, unit, wh/wd)
}

// printTable prints a workload's figures; the WebSocket row only for a
// workload with a WebSocket load.
func printTable(wd, wh figures, websocket bool) {
	printHeader()
	printRow("startup to first answer", ms(wd.startup), ms(wh.startup), "ms")
	printRow("HTTP requests/s", wd.rps, wh.rps, "")
	printRow("HTTP median latency", ms(wd.latency), ms(wh.latency), "ms")
	if websocket {
		printRow("WebSocket round trips/s", wd.wsPerSec, wh.wsPerSec, "")
	}
}

// printColdTable prints the cold starts.
func printColdTable(wd, wh coldFigures) {
	printHeader()
	printRow("first start (empty Wasm cache)", ms(wd.first), ms(wh.first), "ms")
	printRow("second start", ms(wd.second), ms(wh.second), "ms")
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
