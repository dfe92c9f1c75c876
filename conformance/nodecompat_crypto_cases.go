package conformance

// nodecompatCryptoCases cover the parts of node:crypto beyond hashes
// (workers/nodecompat-crypto-cipher.js): ciphers in every mode, the cipher
// and hash lists, scrypt, hkdf, randomFill and the unimplemented
// functions, as workerd gives them.
var nodecompatCryptoCases = []Case{
	{Name: "nodecompat_crypto_cipher", Script: "workers/nodecompat-crypto-cipher.js", Run: func(s *Session) {
		for _, route := range []string{"/ciphers", "/lists", "/kdfs", "/streams"} {
			s.Fetch("GET", route, nil, "")
		}
	}},
}
