package conformance

// cryptoSections are the sections of workers/crypto-subtle.js, fetched one
// by one: every Web Crypto algorithm and format with fixed keys, and the
// errors of misuse. The worker's digeststream section (DigestStream
// written to, piped to and aborted) waits for WritableStream, which
// DigestStream extends; add it here when the branch has one.
var cryptoSections = []string{"shape", "hmac", "rsa", "ec", "okp", "aes", "kdf", "wrap", "generate", "misuse", "edges", "args", "extras"}

// cryptoCases covers crypto.subtle against workerd.
var cryptoCases = []Case{
	{Name: "crypto_subtle", Script: "workers/crypto-subtle.js", Run: func(s *Session) {
		for _, section := range cryptoSections {
			fetchReport(s, "/"+section)
		}
	}, Differs: []Difference{{
		Workerd:    `  | ed pkcs8 of x: CryptoKey {"type":"private","extractable":true,"algorithm":{"name":"Ed25519"},"usages":["sign"]}`,
		Workerhost: `  | ed pkcs8 of x: threw DOMException DataError: Invalid PKCS8 input.`,
		Why:        "workerd takes an X25519 PKCS#8 key for an Ed25519 one; workerhost refuses a key of the wrong curve",
	}, {
		Workerd:    `  | rsa jwk bad d: CryptoKey {"type":"private","extractable":true,"algorithm":{"name":"RSA-PSS","modulusLength":1024,"publicExponent":{"0":1,"1":0,"2":1},"hash":{"name":"SHA-256"}},"usages":["sign"]}`,
		Workerhost: `  | rsa jwk bad d: threw DOMException DataError: Invalid RSA private key in JSON Web Key.`,
		Why:        "workerhost checks that an RSA JWK's private members fit its public ones (Go's rsa.PrivateKey.Validate); workerd does not",
	}, {
		Workerd:    `  | gen rsa 512: CryptoKeyPair publicKey,privateKey | CryptoKey {"type":"public","extractable":true,"algorithm":{"name":"RSA-PSS","modulusLength":512,"publicExponent":{"0":1,"1":0,"2":1},"hash":{"name":"SHA-256"}},"usages":[]} | CryptoKey {"type":"private","extractable":true,"algorithm":{"name":"RSA-PSS","modulusLength":512,"publicExponent":{"0":1,"1":0,"2":1},"hash":{"name":"SHA-256"}},"usages":["sign"]}`,
		Workerhost: `  | gen rsa 512: threw DOMException OperationError: RSA key size is too small.`,
		Why:        "Go's crypto/rsa refuses RSA keys under 1024 bits in every operation",
	}}},
}
