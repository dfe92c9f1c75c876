package jsruntime

import (
	"math"
	"math/big"
)

// f16round is Math.f16round: x rounded to the nearest IEEE 754 binary16
// value, ties to even.
func f16round(x float64) float64 {
	a := math.Abs(x)
	if a == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	_, exp := math.Frexp(a) // a = frac × 2^exp, frac in [0.5, 1)
	e := exp - 1
	if e < -14 {
		e = -14 // subnormal: the quantum stays 2^-24
	}
	quantum := math.Ldexp(1, e-10)
	r := math.RoundToEven(a/quantum) * quantum
	if r > 65504 {
		r = math.Inf(1)
	}
	return math.Copysign(r, x)
}

// sumPrecise is Math.sumPrecise: the exact sum of xs, rounded once. The sum
// is kept in a big.Float wide enough for any sum of doubles (their bits
// span 2^1023 to 2^-1074), so adding is exact.
func sumPrecise(xs []float64) float64 {
	posInf, negInf, allNegZero := false, false, true
	sum := new(big.Float).SetPrec(2300)
	for _, x := range xs {
		switch {
		case math.IsNaN(x):
			return math.NaN()
		case math.IsInf(x, 1):
			posInf = true
		case math.IsInf(x, -1):
			negInf = true
		default:
			if x != 0 || !math.Signbit(x) {
				allNegZero = false
			}
			sum.Add(sum, new(big.Float).SetFloat64(x))
		}
	}
	switch {
	case posInf && negInf:
		return math.NaN()
	case posInf:
		return math.Inf(1)
	case negInf:
		return math.Inf(-1)
	case allNegZero:
		return math.Copysign(0, -1)
	}
	f, _ := sum.Float64()
	return f
}
