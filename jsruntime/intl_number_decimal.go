package jsruntime

// Exact decimal arithmetic for Intl.NumberFormat: a number is kept as the
// decimal digits ECMA-402 calls its mathematical value (the shortest
// round-trip digits of a Number, the digits of a BigInt or of a numeric
// string), and rounded on those digits as ICU does, never through float64.

import (
	"math/big"
	"strconv"
	"strings"
)

// decimal is ±coef × 10^exp. A zero has coef 0 and keeps its sign (-0).
type decimal struct {
	coef *big.Int
	exp  int
	neg  bool
}

// decimalFromFloat is the shortest decimal that round-trips f (finite).
func decimalFromFloat(f float64) decimal {
	d, _ := parseDecimal(strconv.FormatFloat(f, 'e', -1, 64))
	if f == 0 && 1/f < 0 {
		d.neg = true
	}
	return d
}

// parseDecimal reads a StringNumericLiteral's decimal digits ("-12.5e3",
// ".5", "0x1F"); false when s is not one.
func parseDecimal(s string) (decimal, bool) {
	s = strings.TrimSpace(s)
	d := decimal{coef: new(big.Int)}
	if s == "" {
		return d, true
	}
	if len(s) > 2 && s[0] == '0' && strings.ContainsRune("xXoObB", rune(s[1])) {
		base := map[byte]int{'x': 16, 'X': 16, 'o': 8, 'O': 8, 'b': 2, 'B': 2}[s[1]]
		if _, ok := d.coef.SetString(s[2:], base); !ok || strings.ContainsAny(s[2:], "+-_") {
			return d, false
		}
		return d, true
	}
	switch s[0] {
	case '-':
		d.neg = true
		s = s[1:]
	case '+':
		s = s[1:]
	}
	mant, expPart, hasExp := strings.Cut(strings.ToLower(s), "e")
	if hasExp {
		e, err := strconv.Atoi(expPart)
		if err != nil || strings.HasPrefix(expPart, "+-") {
			return d, false
		}
		d.exp = e
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	if intPart+frac == "" || strings.ContainsAny(intPart+frac, "+-_") {
		return d, false
	}
	if _, ok := d.coef.SetString(intPart+frac, 10); !ok {
		return d, false
	}
	d.exp -= len(frac)
	return d.trim(), true
}

// trim drops the coefficient's trailing zeros into the exponent.
func (d decimal) trim() decimal {
	if d.coef.Sign() == 0 {
		d.exp = 0
		return d
	}
	ten := big.NewInt(10)
	q, r := new(big.Int), new(big.Int)
	c := new(big.Int).Set(d.coef)
	for {
		q.QuoRem(c, ten, r)
		if r.Sign() != 0 {
			break
		}
		c.Set(q)
		d.exp++
	}
	d.coef = c
	return d
}

// isZero reports whether d is ±0.
func (d decimal) isZero() bool { return d.coef.Sign() == 0 }

// magnitude is the power of ten of d's leading digit (0 for zero).
func (d decimal) magnitude() int {
	if d.isZero() {
		return 0
	}
	return len(d.coef.String()) - 1 + d.exp
}

// shift multiplies d by 10^n.
func (d decimal) shift(n int) decimal {
	d.exp += n
	return d
}

// pow10 is 10^n as a big.Int (n ≥ 0).
func pow10(n int) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
}

// roundTo rounds d to a multiple of incr × 10^pos with an ECMA-402
// rounding mode.
func (d decimal) roundTo(pos, incr int, mode string) decimal {
	unit := big.NewInt(int64(incr))
	scale := pos - d.exp
	num := new(big.Int).Set(d.coef)
	den := big.NewInt(1)
	if scale > 0 {
		den = pow10(scale)
	} else {
		num.Mul(num, pow10(-scale))
	}
	den.Mul(den, unit)
	q, r := new(big.Int).QuoRem(num, den, new(big.Int))
	if r.Sign() != 0 && roundsAway(mode, d.neg, q, r, den) {
		q.Add(q, big.NewInt(1))
	}
	q.Mul(q, unit)
	out := decimal{coef: q, exp: pos, neg: d.neg}
	return out.trim()
}

// roundsAway decides, for a magnitude q + r/den with r ≠ 0, whether the
// mode rounds it away from zero.
func roundsAway(mode string, neg bool, q, r, den *big.Int) bool {
	twice := new(big.Int).Lsh(r, 1)
	half := twice.Cmp(den) // <0 below half, 0 at half, >0 above
	switch mode {
	case "ceil":
		return !neg
	case "floor":
		return neg
	case "expand":
		return true
	case "trunc":
		return false
	}
	if half != 0 {
		return half > 0
	}
	switch mode {
	case "halfCeil":
		return !neg
	case "halfFloor":
		return neg
	case "halfTrunc":
		return false
	case "halfEven":
		return q.Bit(0) == 1
	}
	return true // halfExpand
}

// digits returns the integer and fraction digit strings of |d|, the
// fraction padded to minFrac digits.
func (d decimal) digits(minFrac int) (intPart, frac string) {
	s := d.coef.String()
	if d.isZero() {
		s = "0"
	}
	if d.exp >= 0 {
		intPart = s + strings.Repeat("0", d.exp)
	} else {
		n := -d.exp
		if len(s) <= n {
			s = strings.Repeat("0", n-len(s)+1) + s
		}
		intPart, frac = s[:len(s)-n], s[len(s)-n:]
	}
	if intPart == "" {
		intPart = "0"
	}
	for len(frac) < minFrac {
		frac += "0"
	}
	return intPart, frac
}

// float is d as a float64, for plural rules.
func (d decimal) float() float64 {
	i, f := d.digits(0)
	v, _ := strconv.ParseFloat(i+"."+f+"0", 64)
	return v
}
