// node:crypto (https://nodejs.org/api/crypto.html): createHash, createHmac,
// hash, pbkdf2/pbkdf2Sync, randomBytes, randomUUID, randomInt,
// getRandomValues and the Web Crypto object as webcrypto/subtle, with the
// digests in Go (h); the ciphers, KDFs and keys come from
// node_crypto_cipher.js and node_crypto_keys.js (more), merged in here.
(function (h, Buffer, more) {
  "use strict";
  function argType(name, type, v) {
    const err = new TypeError(`The "${name}" argument must be ${type}. Received ${v === null ? "null" : typeof v}`);
    err.code = "ERR_INVALID_ARG_TYPE";
    return err;
  }
  // bytes turns a string (in enc) or a view or ArrayBuffer into a Uint8Array.
  function bytes(data, enc, name) {
    if (typeof data === "string") return Buffer.from(data, enc);
    if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (data instanceof ArrayBuffer) return new Uint8Array(data);
    throw argType(name, "of type string or an instance of Buffer, TypedArray, or DataView", data);
  }
  function finalized() {
    const err = new Error("Digest already called");
    err.code = "ERR_CRYPTO_HASH_FINALIZED";
    return err;
  }
  function output(buf, enc) {
    const b = Buffer.from(buf);
    return enc === undefined ? b : b.toString(enc);
  }
  class Hash {
    #state; #done = false;
    constructor(algorithm, key) {
      if (typeof algorithm !== "string") throw argType("algorithm", "of type string", algorithm);
      this.#state = h.newHash(algorithm, key === undefined ? undefined : bytes(key, undefined, "key"));
      if (this.#state === null) throw new Error(key === undefined ? "Digest method not supported" : "Digest method not supported");
    }
    update(data, enc) {
      if (this.#done) throw finalized();
      h.update(this.#state, bytes(data, enc, "data"));
      return this;
    }
    digest(enc) {
      if (this.#done) throw finalized();
      if (enc !== undefined) Buffer.from("", enc); // throws for an unknown encoding, as Node does
      this.#done = true;
      return output(h.digest(this.#state), enc);
    }
  }
  class Hmac extends Hash {}
  // secretOf gives a secret KeyObject's bytes, or key as it is.
  function secretOf(key) {
    if (key !== null && typeof key === "object" && key.type === "secret" && typeof key.export === "function") return key.export();
    return key;
  }
  function randomBytes(size, cb) {
    if (typeof size !== "number" || !(size >= 0 && size <= 2147483647)) {
      const err = new RangeError(`The value of "size" is out of range. It must be >= 0 && <= 2147483647. Received ${size}`);
      err.code = "ERR_OUT_OF_RANGE";
      throw err;
    }
    const b = Buffer.alloc(size);
    for (let i = 0; i < size; i += 65536) crypto.getRandomValues(b.subarray(i, Math.min(size, i + 65536)));
    if (typeof cb === "function") { queueMicrotask(() => cb(null, b)); return undefined; }
    return b;
  }
  function randomInt(min, max, cb) {
    if (max === undefined || typeof max === "function") { cb = max; max = min; min = 0; }
    const range = max - min;
    const words = new Uint32Array(2);
    crypto.getRandomValues(words);
    const n = min + Math.floor(((words[0] * 2 ** 21 + (words[1] >>> 11)) / 2 ** 53) * range);
    if (typeof cb === "function") { queueMicrotask(() => cb(null, n)); return undefined; }
    return n;
  }
  function timingSafeEqual(a, b) {
    const x = bytes(a, undefined, "buf1"), y = bytes(b, undefined, "buf2");
    if (x.length !== y.length) throw new TypeError("Input buffers must have the same byte length.");
    let diff = 0;
    for (let i = 0; i < x.length; i++) diff |= x[i] ^ y[i];
    return diff === 0;
  }
  function pbkdf2Sync(password, salt, iterations, keylen, digest) {
    const out = h.pbkdf2(bytes(password, undefined, "password"), bytes(salt, undefined, "salt"), iterations, keylen, String(digest));
    if (out === null) {
      throw new TypeError(`Invalid Pbkdf2 digest: ${digest}.`);
    }
    return Buffer.from(out);
  }
  const m = {
    Hash,
    Hmac,
    createHash: (algorithm) => new Hash(algorithm),
    createHmac: (algorithm, key) => new Hmac(algorithm, key === undefined ? "" : secretOf(key)),
    hash: (algorithm, data, enc = "hex") => new Hash(algorithm).update(data).digest(enc),
    getHashes: () => h.hashes.slice(),
    pbkdf2Sync,
    pbkdf2(password, salt, iterations, keylen, digest, cb) {
      let out, err = null;
      try { out = pbkdf2Sync(password, salt, iterations, keylen, digest); } catch (e) { err = e; }
      queueMicrotask(() => cb(err, out));
    },
    randomBytes,
    pseudoRandomBytes: randomBytes,
    randomInt,
    randomUUID: () => crypto.randomUUID(),
    getRandomValues: (v) => crypto.getRandomValues(v),
    timingSafeEqual,
    webcrypto: crypto,
    subtle: crypto.subtle,
  };
  Object.assign(m, more);
  m.default = Object.assign({}, m);
  return m;
})
