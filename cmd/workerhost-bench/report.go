package main

// The report: markdown, one table per workload, workerd and workerhost
// side by side with the ratio (above 1: workerhost ahead) and issue 10's
// target.

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// printTable prints w's medians: a row per metric for workerhost, then
// the same rows for each further workerhost target (--isolates N), all
// against workerd's.
func printTable(out io.Writer, w workload, ts []target, med medians) {
	fmt.Fprintf(out, "\n**%s**: %s\n\n", w.name, w.about)
	fmt.Fprintln(out, "| workload | workerd | workerhost | ratio | target |")
	fmt.Fprintln(out, "|---|--:|--:|--:|---|")
	wd := med[ts[0].name]
	for _, t := range ts[1:] {
		suffix := strings.TrimPrefix(t.name, "workerhost")
		if suffix != "" {
			suffix = "," + suffix
		}
		for i, m := range w.metrics {
			wh := med[t.name][i]
			r := m.ratio(wd[i], wh)
			fmt.Fprintf(out, "| %s: %s%s | %s | %s | %s | %s |\n", w.name, m.name, suffix, num(wd[i]), num(wh), ratioText(r), m.verdict(r))
		}
	}
}

// ratioText prints a ratio with two decimals, "—" when there is none.
func ratioText(r float64) string {
	if math.IsNaN(r) {
		return "—"
	}
	return strconv.FormatFloat(r, 'f', 2, 64)
}

// num prints a figure with three significant digits or so, thousands
// separated by commas.
func num(v float64) string {
	a := math.Abs(v)
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return "—"
	case a >= 1000:
		return commas(int64(math.Round(v)))
	case a >= 100:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case a >= 10:
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

// commas prints n with a comma between each group of three digits.
func commas(n int64) string {
	s := strconv.FormatInt(n, 10)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return sign + b.String()
}
