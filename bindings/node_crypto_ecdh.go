package bindings

// node:crypto's ECDH class and prime functions in Go: key agreement on
// crypto/ecdh with Node's point encodings, and checkPrime/generatePrime
// on math/big.

import (
	"crypto/ecdh"
	"crypto/elliptic"
	"crypto/rand"
	"errors"
	"math/big"

	"github.com/dop251/goja"
)

// nodeECDH is one ECDH object: its curve and, once set, its private key.
type nodeECDH struct {
	curve ecdh.Curve
	ec    elliptic.Curve
	priv  *ecdh.PrivateKey
}

// nodeECDHCurves are the curves createECDH takes, by OpenSSL's name.
var nodeECDHCurves = map[string]struct {
	curve ecdh.Curve
	ec    elliptic.Curve
}{
	"prime256v1": {ecdh.P256(), elliptic.P256()}, "secp256r1": {ecdh.P256(), elliptic.P256()},
	"secp384r1": {ecdh.P384(), elliptic.P384()}, "secp521r1": {ecdh.P521(), elliptic.P521()},
}

var (
	errECDHCurve   = errors.New("Invalid curve")
	errECDHPublic  = errors.New("Failed to get ECDH public key")
	errECDHPrivate = errors.New("Failed to get ECDH private key")
	errECDHPoint   = errors.New("Failed to set point")
)

// encodePoint writes an uncompressed point (as ecdh gives it) in format:
// uncompressed, compressed or hybrid.
func encodePoint(c elliptic.Curve, point []byte, format string) []byte {
	if format != "compressed" && format != "hybrid" {
		return point
	}
	size := (c.Params().BitSize + 7) / 8
	x, y := new(big.Int).SetBytes(point[1:1+size]), new(big.Int).SetBytes(point[1+size:])
	if format == "compressed" {
		return elliptic.MarshalCompressed(c, x, y)
	}
	out := append([]byte(nil), point...)
	out[0] = 6 | byte(y.Bit(0))
	return out
}

// decodePoint reads a point in any of the three formats as uncompressed.
func decodePoint(c elliptic.Curve, b []byte) ([]byte, error) {
	if len(b) == 0 {
		return nil, errECDHPoint
	}
	switch b[0] {
	case 2, 3:
		x, y := elliptic.UnmarshalCompressed(c, b)
		if x == nil {
			return nil, errECDHPoint
		}
		return elliptic.Marshal(c, x, y), nil //nolint:staticcheck // the uncompressed encoding is what ecdh reads
	case 6, 7:
		b = append([]byte{4}, b[1:]...)
	}
	return b, nil
}

// publicKey is the public point, in format.
func (e *nodeECDH) publicKey(format string) ([]byte, error) {
	if e.priv == nil {
		return nil, errECDHPublic
	}
	return encodePoint(e.ec, e.priv.PublicKey().Bytes(), format), nil
}

// computeSecret derives the shared secret with the peer's point.
func (e *nodeECDH) computeSecret(peer []byte) ([]byte, error) {
	if e.priv == nil {
		return nil, errECDHPrivate
	}
	raw, err := decodePoint(e.ec, peer)
	if err != nil {
		return nil, err
	}
	pub, err := e.curve.NewPublicKey(raw)
	if err != nil {
		return nil, errECDHPoint
	}
	return e.priv.ECDH(pub)
}

// addECDHHelpers adds ECDH and the prime functions to node_crypto's
// helpers.
func (rl *Realm) addECDHHelpers(set func(string, func(goja.FunctionCall) goja.Value)) {
	fail := rl.cryptoFailure
	bytesOr := rl.cryptoBytes
	ecdhOf := func(v goja.Value) *nodeECDH { return cryptoHandle[nodeECDH](rl, v) }
	set("ecdhNew", func(call goja.FunctionCall) goja.Value {
		c, ok := nodeECDHCurves[call.Argument(0).String()]
		if !ok {
			return fail(errECDHCurve)
		}
		return rl.vm.ToValue(&nodeECDH{curve: c.curve, ec: c.ec})
	})
	set("ecdhGenerate", func(call goja.FunctionCall) goja.Value {
		e := ecdhOf(call.Argument(0))
		k, err := e.curve.GenerateKey(rand.Reader)
		if err != nil {
			return fail(err)
		}
		e.priv = k
		return goja.Undefined()
	})
	set("ecdhPublic", func(call goja.FunctionCall) goja.Value {
		return bytesOr(ecdhOf(call.Argument(0)).publicKey(call.Argument(1).String()))
	})
	set("ecdhPrivate", func(call goja.FunctionCall) goja.Value {
		e := ecdhOf(call.Argument(0))
		if e.priv == nil {
			return fail(errECDHPrivate)
		}
		return bytesOr(e.priv.Bytes(), nil)
	})
	set("ecdhSetPrivate", func(call goja.FunctionCall) goja.Value {
		e := ecdhOf(call.Argument(0))
		k, err := e.curve.NewPrivateKey(rl.nodeBytes(call.Argument(1)))
		if err != nil {
			return fail(errors.New("Private key is not valid for specified curve."))
		}
		e.priv = k
		return goja.Undefined()
	})
	set("ecdhCompute", func(call goja.FunctionCall) goja.Value {
		return bytesOr(ecdhOf(call.Argument(0)).computeSecret(rl.nodeBytes(call.Argument(1))))
	})
	set("ecdhConvert", func(call goja.FunctionCall) goja.Value {
		c, ok := nodeECDHCurves[call.Argument(1).String()]
		if !ok {
			return fail(errECDHCurve)
		}
		raw, err := decodePoint(c.ec, rl.nodeBytes(call.Argument(0)))
		if err == nil {
			_, err = c.curve.NewPublicKey(raw)
		}
		if err != nil {
			return fail(errECDHPoint)
		}
		return bytesOr(encodePoint(c.ec, raw, call.Argument(2).String()), nil)
	})
	set("checkPrime", func(call goja.FunctionCall) goja.Value {
		n := new(big.Int).SetBytes(rl.nodeBytes(call.Argument(0)))
		checks := int(call.Argument(1).ToInteger())
		if checks <= 0 {
			checks = 20
		}
		return rl.vm.ToValue(n.ProbablyPrime(checks))
	})
	set("generatePrime", func(call goja.FunctionCall) goja.Value {
		var add, rem *big.Int
		if a := call.Argument(2); !goja.IsUndefined(a) {
			add = new(big.Int).SetBytes(rl.nodeBytes(a))
			rem = new(big.Int).SetBytes(rl.nodeBytes(call.Argument(3)))
		}
		return bytesOr(generateNodePrime(int(call.Argument(0).ToInteger()), call.Argument(1).ToBoolean(), add, rem))
	})
}

// generateNodePrime makes a random prime of bits bits: safe ((p-1)/2
// prime too) and p mod add == rem when asked.
func generateNodePrime(bits int, safe bool, add, rem *big.Int) ([]byte, error) {
	if bits < 2 {
		return nil, errors.New("Invalid prime size")
	}
	one := big.NewInt(1)
	for range 1 << 20 {
		p, err := rand.Prime(rand.Reader, bits)
		if err != nil {
			return nil, err
		}
		if add != nil && add.Sign() > 0 {
			p.Sub(p, new(big.Int).Mod(p, add)).Add(p, rem)
			if p.BitLen() != bits || !p.ProbablyPrime(20) {
				continue
			}
		}
		if safe && !new(big.Int).Rsh(new(big.Int).Sub(p, one), 1).ProbablyPrime(20) {
			continue
		}
		return p.Bytes(), nil
	}
	return nil, errors.New("Prime generation failed")
}
