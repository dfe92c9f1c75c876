package bindings

// node:crypto's DiffieHellman and DiffieHellmanGroup in Go: finite-field
// key agreement on math/big, with the RFC 3526 groups workerd offers and
// BoringSSL's parameter check (verifyError) and messages.

import (
	"crypto/rand"
	"errors"
	"math/big"
	"sync"

	"github.com/dop251/goja"
)

// nodeDH is one DiffieHellman: prime, generator and the keys once made.
type nodeDH struct {
	p, g      *big.Int
	priv, pub *big.Int
	group     bool // a named group: its prime is known to be safe
}

// nodeDHGroupSizes are the MODP groups of RFC 3526 workerd offers: the
// prime's bits and the k of its definition, p = 2^n - 2^(n-64) - 1 +
// 2^64 * (floor(2^(n-130) * pi) + k).
var nodeDHGroupSizes = map[string][2]int64{
	"modp14": {2048, 124476}, "modp15": {3072, 1690314}, "modp16": {4096, 240904},
	"modp17": {6144, 929484}, "modp18": {8192, 4743158},
}

var (
	nodeDHGroupsOnce sync.Once
	nodeDHGroups     map[string]*big.Int
)

// nodeDHGroup is the prime of a named group, computed from its definition
// on first use.
func nodeDHGroup(name string) *big.Int {
	nodeDHGroupsOnce.Do(func() {
		nodeDHGroups = map[string]*big.Int{}
		for name, nk := range nodeDHGroupSizes {
			n := uint(nk[0])
			p := new(big.Int).Lsh(big.NewInt(1), n)
			p.Sub(p, new(big.Int).Lsh(big.NewInt(1), n-64))
			p.Sub(p, big.NewInt(1))
			t := new(big.Int).Add(piScaled(n-130), big.NewInt(nk[1]))
			p.Add(p, t.Lsh(t, 64))
			nodeDHGroups[name] = p
		}
	})
	return nodeDHGroups[name]
}

// piScaled is floor(pi * 2^bits), by Machin's formula in fixed point.
func piScaled(bits uint) *big.Int {
	const guard = 64
	one := new(big.Int).Lsh(big.NewInt(1), bits+guard)
	atanInv := func(x int64) *big.Int {
		xx := big.NewInt(x * x)
		term := new(big.Int).Quo(one, big.NewInt(x))
		sum := new(big.Int).Set(term)
		for n := int64(1); term.Sign() != 0; n++ {
			term.Quo(term, xx)
			q := new(big.Int).Quo(term, big.NewInt(2*n+1))
			if n%2 == 1 {
				sum.Sub(sum, q)
			} else {
				sum.Add(sum, q)
			}
		}
		return sum
	}
	pi := new(big.Int).Mul(atanInv(5), big.NewInt(4))
	pi.Sub(pi, atanInv(239))
	pi.Mul(pi, big.NewInt(4))
	return pi.Rsh(pi, guard)
}

// generateNodeDHPrime makes a safe prime of bits bits for generator 2, as
// OpenSSL's DH_generate_parameters does (p = 11 mod 24): candidates
// q = 5 mod 12 and p = 2q+1 are sieved by small primes, then tested.
func generateNodeDHPrime(bits int) (*big.Int, error) {
	if bits < 8 {
		return nil, errors.New("DiffieHellman init failed: could not generate parameters")
	}
	sieve := smallPrimorial()
	one, twelve, gcd := big.NewInt(1), big.NewInt(12), new(big.Int)
	limit := new(big.Int).Lsh(one, uint(bits-2))
	for range 1 << 24 {
		q, err := rand.Int(rand.Reader, limit)
		if err != nil {
			return nil, err
		}
		q.SetBit(q, bits-2, 1)
		q.Sub(q, new(big.Int).Mod(q, twelve)).Add(q, big.NewInt(5))
		p := new(big.Int).Lsh(q, 1)
		p.Add(p, one)
		if p.BitLen() != bits || gcd.GCD(nil, nil, q, sieve).Cmp(one) != 0 || gcd.GCD(nil, nil, p, sieve).Cmp(one) != 0 {
			continue
		}
		if q.ProbablyPrime(0) && p.ProbablyPrime(0) && q.ProbablyPrime(20) && p.ProbablyPrime(20) {
			return p, nil
		}
	}
	return nil, errors.New("DiffieHellman init failed: could not generate parameters")
}

var (
	smallPrimorialOnce sync.Once
	smallPrimorialVal  *big.Int
)

// smallPrimorial is the product of the odd primes below 2000, for sieving.
func smallPrimorial() *big.Int {
	smallPrimorialOnce.Do(func() {
		smallPrimorialVal = big.NewInt(1)
		for n := int64(3); n < 2000; n += 2 {
			if big.NewInt(n).ProbablyPrime(0) {
				smallPrimorialVal.Mul(smallPrimorialVal, big.NewInt(n))
			}
		}
	})
	return smallPrimorialVal
}

// verifyError is BoringSSL's DH_check of the parameters: 8 for a
// generator that does not suit the prime, 4 when it cannot tell, 1 for a
// prime that is not, 2 for one that is not safe.
func (d *nodeDH) verifyError() int {
	flags := 0
	switch {
	case d.g.Cmp(big.NewInt(2)) == 0:
		if new(big.Int).Mod(d.p, big.NewInt(24)).Int64() != 11 {
			flags |= 8
		}
	case d.g.Cmp(big.NewInt(5)) == 0:
		if l := new(big.Int).Mod(d.p, big.NewInt(10)).Int64(); l != 3 && l != 7 {
			flags |= 8
		}
	default:
		flags |= 4
	}
	switch {
	case d.group:
	case !d.p.ProbablyPrime(0):
		flags |= 1
	case !new(big.Int).Rsh(d.p, 1).ProbablyPrime(0):
		flags |= 2
	}
	return flags
}

// generateKeys makes the private key if there is none, and the public.
func (d *nodeDH) generateKeys() error {
	if d.priv == nil {
		max := new(big.Int).Sub(d.p, big.NewInt(3))
		if max.Sign() <= 0 {
			return errors.New("Key generation failed")
		}
		x, err := rand.Int(rand.Reader, max)
		if err != nil {
			return err
		}
		d.priv = x.Add(x, big.NewInt(2))
	}
	d.pub = new(big.Int).Exp(d.g, d.priv, d.p)
	return nil
}

// computeSecret is the shared secret with the peer's public key, as many
// bytes as the prime.
func (d *nodeDH) computeSecret(peer []byte) ([]byte, error) {
	if d.priv == nil {
		return nil, errors.New("No private key")
	}
	y := new(big.Int).SetBytes(peer)
	if y.Cmp(big.NewInt(1)) <= 0 {
		return nil, &nodeRangeError{"DiffieHellman computeSecret() failed: Supplied key is too small"}
	}
	if y.Cmp(new(big.Int).Sub(d.p, big.NewInt(1))) >= 0 {
		return nil, &nodeRangeError{"DiffieHellman computeSecret() failed: Supplied key is too large"}
	}
	return new(big.Int).Exp(y, d.priv, d.p).FillBytes(make([]byte, (d.p.BitLen()+7)/8)), nil
}

// nodeRangeError is a failure node_crypto_keys.js throws as a RangeError.
type nodeRangeError struct{ msg string }

// Error is the RangeError's message.
func (e *nodeRangeError) Error() string { return e.msg }

// addDHHelpers adds DiffieHellman's primitives to node_crypto's helpers.
func (rl *Realm) addDHHelpers(set func(string, func(goja.FunctionCall) goja.Value)) {
	fail := rl.cryptoFailure
	bytesOr := rl.cryptoBytes
	dhOf := func(v goja.Value) *nodeDH { return cryptoHandle[nodeDH](rl, v) }
	set("dhGroup", func(call goja.FunctionCall) goja.Value {
		p := nodeDHGroup(call.Argument(0).String())
		if p == nil {
			return fail(errors.New("Failed to init DiffieHellmanGroup: invalid group. Only groups {modp14, modp15, modp16, modp17, modp18} are supported."))
		}
		return rl.vm.ToValue(&nodeDH{p: p, g: big.NewInt(2), group: true})
	})
	set("dhNew", func(call goja.FunctionCall) goja.Value {
		// (bits, undefined, generator) makes a prime; (0, prime, generator)
		// takes one.
		g := new(big.Int).SetBytes(rl.nodeBytes(call.Argument(2)))
		if goja.IsUndefined(call.Argument(1)) {
			p, err := generateNodeDHPrime(int(call.Argument(0).ToInteger()))
			if err != nil {
				return fail(err)
			}
			return rl.vm.ToValue(&nodeDH{p: p, g: g})
		}
		return rl.vm.ToValue(&nodeDH{p: new(big.Int).SetBytes(rl.nodeBytes(call.Argument(1))), g: g})
	})
	set("dhVerifyError", func(call goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(dhOf(call.Argument(0)).verifyError())
	})
	set("dhGenerate", func(call goja.FunctionCall) goja.Value {
		if err := dhOf(call.Argument(0)).generateKeys(); err != nil {
			return fail(err)
		}
		return goja.Undefined()
	})
	set("dhGet", func(call goja.FunctionCall) goja.Value {
		d := dhOf(call.Argument(0))
		switch call.Argument(1).String() {
		case "prime":
			return bytesOr(d.p.Bytes(), nil)
		case "generator":
			return bytesOr(d.g.Bytes(), nil)
		case "public":
			if d.pub == nil {
				return fail(errors.New("No public key"))
			}
			return bytesOr(d.pub.Bytes(), nil)
		}
		if d.priv == nil {
			return fail(errors.New("No private key"))
		}
		return bytesOr(d.priv.Bytes(), nil)
	})
	set("dhSet", func(call goja.FunctionCall) goja.Value {
		d := dhOf(call.Argument(0))
		v := new(big.Int).SetBytes(rl.nodeBytes(call.Argument(2)))
		if call.Argument(1).String() == "public" {
			d.pub = v
		} else {
			d.priv = v
		}
		return goja.Undefined()
	})
	set("dhCompute", func(call goja.FunctionCall) goja.Value {
		return bytesOr(dhOf(call.Argument(0)).computeSecret(rl.nodeBytes(call.Argument(1))))
	})
}
