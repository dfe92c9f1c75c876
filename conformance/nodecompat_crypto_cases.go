package conformance

// nodecompatCryptoCases cover the parts of node:crypto beyond hashes:
// ciphers in every mode, the cipher and hash lists, scrypt, hkdf,
// randomFill and the unimplemented functions
// (workers/nodecompat-crypto-cipher.js), and KeyObject with signing,
// RSA encryption, key agreement, ECDH, DiffieHellman and primes (workers/nodecompat-crypto-keys.js), as
// workerd gives them.
var nodecompatCryptoCases = []Case{
	{Name: "nodecompat_crypto_cipher", Script: "workers/nodecompat-crypto-cipher.js", Run: func(s *Session) {
		for _, route := range []string{"/ciphers", "/lists", "/kdfs", "/streams"} {
			s.Fetch("GET", route, nil, "")
		}
	}},
	{Name: "nodecompat_crypto_keys", Script: "workers/nodecompat-crypto-keys.js", Run: func(s *Session) {
		for _, route := range []string{"/secret", "/from", "/asymmetric", "/ecdh", "/dh"} {
			s.Fetch("GET", route, nil, "")
		}
	}},
}
