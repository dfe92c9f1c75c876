package conformance

// cryptoSections are the sections of workers/crypto-subtle.js, fetched one
// by one: every Web Crypto algorithm and format with fixed keys, and the
// errors of misuse.
var cryptoSections = []string{"shape", "hmac", "rsa", "ec", "okp", "aes", "kdf", "wrap", "generate", "misuse", "extras"}

// cryptoCases covers crypto.subtle against workerd.
var cryptoCases = []Case{
	{Name: "crypto_subtle", Script: "workers/crypto-subtle.js", Run: func(s *Session) {
		for _, section := range cryptoSections {
			fetchReport(s, "/"+section)
		}
	}, Differs: []Difference{{
		Workerd:    `  | gen rsa exponent 3: string "CryptoKeyPair publicKey,privateKey | CryptoKey {\"type\":\"public\",\"extractable\":true,\"algorithm\":{\"name\":\"RSA-PSS\",\"modulusLength\":1024,\"publicExponent\":{\"0\":3},\"hash\":{\"name\":\"SHA-256\"}},\"usages\":[]} | CryptoKey {\"type\":\"private\",\"extractable\":true,\"algorithm\":{\"name\":\"RSA-PSS\",\"modulusLength\":1024,\"publicExponent\":{\"0\":3},\"hash\":{\"name\":\"SHA-256\"}},\"usages\":[\"sign\"]}"`,
		Workerhost: `  | gen rsa exponent 3: threw DOMException NotSupportedError: workerhost generates RSA keys with a "publicExponent" of 65537 only.`,
		Why:        "Go's crypto/rsa generates keys with the exponent 65537 only",
	}, {
		Workerd:    `  | crypto members: string "DigestStream,constructor,getRandomValues,randomUUID,subtle"`,
		Workerhost: `  | crypto members: string "constructor,getRandomValues,randomUUID,subtle"`,
		Why:        "crypto.DigestStream extends WritableStream, which workerhost does not have yet",
	}}},
}
