package main

// --scale: how requests/s and round trips/s, and their p99 latency, move
// with the number of clients and with the message size, as one markdown
// table.

import (
	"errors"
	"fmt"
	"strconv"
)

// scalePlan is what --scale varies.
type scalePlan struct {
	// clients are the concurrent clients of hello's HTTP load and of the
	// 32-byte WebSocket echo.
	clients []int
	// sizes are the body and message sizes of the HTTP body echo and the
	// WebSocket echo, each from b.connections clients.
	sizes []int
}

// defaultScale is issue 10's: 1 to 1,000 clients, 32 B to 1 MiB.
var defaultScale = scalePlan{clients: []int{1, 10, 100, 1000}, sizes: []int{32, 1 << 10, 32 << 10, 1 << 20}}

// scaleMetrics are the figures of each point.
var scaleMetrics = []metric{{name: "per second"}, {name: "p99 latency, ms", lower: true}}

// scalePoint is one row of the table.
type scalePoint struct {
	load          string
	clients, size int // size 0: not varied (hello's GET)
	http          bool
}

// points lists the rows: hello's GET and the 32-byte WebSocket echo by
// clients, then the body echo and the WebSocket echo by size.
func (p scalePlan) points(conns int) []scalePoint {
	var out []scalePoint
	for _, c := range p.clients {
		out = append(out, scalePoint{load: "HTTP GET (hello)", clients: c, http: true})
	}
	for _, c := range p.clients {
		out = append(out, scalePoint{load: "WebSocket echo", clients: c, size: 32})
	}
	for _, s := range p.sizes {
		out = append(out, scalePoint{load: "HTTP POST, body echoed", clients: conns, size: s, http: true})
	}
	for _, s := range p.sizes {
		out = append(out, scalePoint{load: "WebSocket echo", clients: conns, size: s})
	}
	return out
}

// workload measures the point: requests or round trips per second, and
// p99 latency.
func (p scalePoint) workload() workload {
	w := workload{name: fmt.Sprintf("%s, %s", p.load, clientCount(p.clients)), metrics: scaleMetrics, prepare: nothing}
	if p.size > 0 {
		w.name += ", " + byteSize(p.size)
	}
	switch {
	case p.http && p.size == 0:
		w.prepare = needWrk
		w.measure = func(b *bench, t target) ([]float64, error) {
			r, err := b.httpRound(t, helloScript, helloRequest(), p.clients)
			return []float64{r.rps, ms(r.p99)}, err
		}
	case p.http:
		w.prepare = needWrk
		req := echoRequest(p.size)
		w.measure = func(b *bench, t target) ([]float64, error) {
			r, err := b.httpRound(t, echoBodyScript, req, p.clients)
			return []float64{r.rps, ms(r.p99)}, err
		}
	default:
		w.measure = func(b *bench, t target) ([]float64, error) {
			r, err := b.wsRound(t, p.clients, p.size)
			return []float64{r.rate, ms(r.p99)}, err
		}
	}
	return w
}

// runScale measures each point of plan on workerd and workerhost and
// prints the table a row at a time.
func (b *bench) runScale(plan scalePlan) error {
	fmt.Fprintln(b.out, "\n| load | clients | size | workerd /s | workerhost /s | ratio | workerd p99, ms | workerhost p99, ms | ratio |")
	fmt.Fprintln(b.out, "|---|--:|--:|--:|--:|--:|--:|--:|--:|")
	ts := []target{b.workerdTarget(), b.workerhostTarget(0)}
	for _, p := range plan.points(b.connections) {
		w := p.workload()
		size := "—"
		if p.size > 0 {
			size = byteSize(p.size)
		}
		row := fmt.Sprintf("| %s | %s | %s |", p.load, commas(int64(p.clients)), size)
		fmt.Fprintf(b.progress, "%s\n", w.name)
		if err := w.prepare(); err != nil {
			var missing *missingError
			if !errors.As(err, &missing) {
				return err
			}
			fmt.Fprintf(b.progress, "  skipped: %v\n", missing)
			fmt.Fprintf(b.out, "%s skipped: %s | | | | | |\n", row, missing.install)
			continue
		}
		med, err := b.measureRounds(w, ts)
		if err != nil {
			return err
		}
		wd, wh := med[ts[0].name], med[ts[1].name]
		fmt.Fprintf(b.out, "%s %s | %s | %s | %s | %s | %s |\n", row,
			num(wd[0]), num(wh[0]), ratioText(scaleMetrics[0].ratio(wd[0], wh[0])),
			num(wd[1]), num(wh[1]), ratioText(scaleMetrics[1].ratio(wd[1], wh[1])))
	}
	return nil
}

// byteSize prints n as B, KiB or MiB.
func byteSize(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.Itoa(n>>20) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.Itoa(n>>10) + " KiB"
	}
	return strconv.Itoa(n) + " B"
}

// clientCount says n clients.
func clientCount(n int) string {
	if n == 1 {
		return "1 client"
	}
	return commas(int64(n)) + " clients"
}
