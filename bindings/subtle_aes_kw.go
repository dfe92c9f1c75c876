package bindings

// AES-KW, the key wrap of RFC 3394 (section 2.2) with its default IV:
// https://w3c.github.io/webcrypto/#aes-kw

import (
	"crypto/subtle"
	"encoding/binary"
)

// kwIV is RFC 3394's default initial value.
var kwIV = []byte{0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6}

// wrapKW wraps data, a multiple of 64 bits, with an AES-KW key.
func wrapKW(_ *algParams, k *cryptoKey, data []byte) ([]byte, error) {
	if len(data)%8 != 0 {
		return nil, operationError("Unwrapped key bit length must be a multiple of 64 bits but unwrapped key has a length of %d bits.", len(data)*8)
	}
	if len(data) < 16 {
		return nil, operationError("Unwrapped key has length %d bytes but it should be greater than or equal to 16 and less than or equal to 18446744073709551607", len(data))
	}
	block := aesBlock(k)
	n := len(data) / 8
	out := make([]byte, 8+len(data))
	copy(out, kwIV)
	copy(out[8:], data)
	var b [16]byte
	for j := 0; j < 6; j++ {
		for i := 1; i <= n; i++ {
			copy(b[:8], out[:8])
			copy(b[8:], out[8*i:8*i+8])
			block.Encrypt(b[:], b[:])
			t := uint64(n*j + i)
			binary.BigEndian.PutUint64(out[:8], binary.BigEndian.Uint64(b[:8])^t)
			copy(out[8*i:], b[8:])
		}
	}
	return out, nil
}

// unwrapKW unwraps data with an AES-KW key, checking the IV.
func unwrapKW(_ *algParams, k *cryptoKey, data []byte) ([]byte, error) {
	if len(data) < 24 {
		return nil, operationError("Provided a wrapped key to unwrap this is %d bits that is less than the minimal length of 192 bits.", len(data)*8)
	}
	if len(data)%8 != 0 {
		return nil, operationError("Provided a wrapped key to unwrap that is %d bits which isn't a multiple of 64 bits.", len(data)*8)
	}
	block := aesBlock(k)
	n := len(data)/8 - 1
	out := append([]byte(nil), data...)
	var b [16]byte
	for j := 5; j >= 0; j-- {
		for i := n; i >= 1; i-- {
			t := uint64(n*j + i)
			binary.BigEndian.PutUint64(b[:8], binary.BigEndian.Uint64(out[:8])^t)
			copy(b[8:], out[8*i:8*i+8])
			block.Decrypt(b[:], b[:])
			copy(out[:8], b[:8])
			copy(out[8*i:], b[8:])
		}
	}
	if subtle.ConstantTimeCompare(out[:8], kwIV) != 1 {
		return nil, operationError("AES-KW key unwrapping failed.")
	}
	return out[8:], nil
}
