// node:crypto's ciphers and key derivations, as workerd has them:
// Cipheriv/Decipheriv (streams too), getCiphers/getCipherInfo/getCurves,
// scrypt, hkdf, randomFill, and the functions workerd leaves
// unimplemented. The ciphers and KDFs run in Go (h); node_crypto.js merges
// what this returns into its exports.
(function (h, Buffer, stream) {
  "use strict";
  function received(v) {
    if (v === null) return "null";
    if (v === undefined) return "undefined";
    if (typeof v === "function") return `function ${v.name}`;
    if (typeof v === "object") return v.constructor && v.constructor.name ? `an instance of ${v.constructor.name}` : "an object";
    let s = String(v);
    if (typeof v === "string") { if (s.length > 28) s = s.slice(0, 25) + "..."; s = `'${s}'`; }
    return `type ${typeof v} (${s})`;
  }
  function codeError(Ctor, code, message) {
    const err = new Ctor(message);
    err.code = code;
    Object.defineProperty(err, "name", { value: Ctor.name, enumerable: true, writable: true, configurable: true });
    return err;
  }
  function argType(name, type, v) {
    return codeError(TypeError, "ERR_INVALID_ARG_TYPE", `The "${name}" argument must be ${type}. Received ${received(v)}`);
  }
  function outOfRange(name, range, v) {
    return codeError(RangeError, "ERR_OUT_OF_RANGE", `The value of "${name}" is out of range. It must be ${range}. Received ${v}`);
  }
  function notImplemented(name) {
    return () => { throw codeError(Error, "ERR_METHOD_NOT_IMPLEMENTED", `The ${name} method is not implemented`); };
  }
  function view(v) {
    if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    if (v instanceof ArrayBuffer) return new Uint8Array(v);
    return undefined;
  }
  // bytes reads a string (in enc) or binary argument, or throws Node's
  // ERR_INVALID_ARG_TYPE with what, the types it takes.
  function bytes(v, name, what, enc) {
    if (typeof v === "string") return Buffer.from(v, enc);
    const b = view(v);
    if (b === undefined) throw argType(name, what, v);
    return b;
  }
  const BUF = "of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView";
  function check(r) {
    if (r !== null && typeof r === "object" && typeof r.error === "string") throw new Error(r.error);
    return r;
  }
  function out(ab, enc) {
    const b = Buffer.from(ab);
    return enc === undefined || enc === "buffer" ? b : b.toString(enc);
  }
  function keyBytes(key) {
    if (typeof key === "string") return Buffer.from(key);
    const b = view(key);
    if (b !== undefined) return b;
    if (key !== null && typeof key === "object" && typeof key.export === "function" && key.type === "secret") return view(key.export());
    throw argType("key", "of type string or an instance of Buffer, TypedArray, DataView, KeyObject, or CryptoKey", key);
  }

  const cipherInfo = {
    "aes-128-cbc": ["AES-128-CBC", 419, 16, 16, 16, "cbc"], "aes-192-cbc": ["AES-192-CBC", 423, 16, 16, 24, "cbc"],
    "aes-256-cbc": ["AES-256-CBC", 427, 16, 16, 32, "cbc"], "aes-128-ctr": ["AES-128-CTR", 904, 1, 16, 16, "ctr"],
    "aes-192-ctr": ["AES-192-CTR", 905, 1, 16, 24, "ctr"], "aes-256-ctr": ["AES-256-CTR", 906, 1, 16, 32, "ctr"],
    "aes-128-ecb": ["AES-128-ECB", 418, 16, 0, 16, "ecb"], "aes-192-ecb": ["AES-192-ECB", 422, 16, 0, 24, "ecb"],
    "aes-256-ecb": ["AES-256-ECB", 426, 16, 0, 32, "ecb"], "aes-128-ofb": ["AES-128-OFB", 420, 1, 16, 16, "ofb"],
    "aes-192-ofb": ["AES-192-OFB", 424, 1, 16, 24, "ofb"], "aes-256-ofb": ["AES-256-OFB", 428, 1, 16, 32, "ofb"],
    "aes-128-gcm": ["id-aes128-GCM", 895, 1, 12, 16, "gcm"], "aes-192-gcm": ["id-aes192-GCM", 898, 1, 12, 24, "gcm"],
    "aes-256-gcm": ["id-aes256-GCM", 901, 1, 12, 32, "gcm"], "des-cbc": ["DES-CBC", 31, 8, 8, 8, "cbc"],
    "des-ecb": ["DES-ECB", 29, 8, 0, 8, "ecb"], "des-ede": ["DES-EDE", 32, 8, 0, 16, "ecb"],
    "des-ede-cbc": ["DES-EDE-CBC", 43, 8, 8, 16, "cbc"], "des-ede3-cbc": ["DES-EDE3-CBC", 44, 8, 8, 24, "cbc"],
    "rc2-cbc": ["RC2-CBC", 37, 8, 8, 16, "cbc"], "rc4": ["RC4", 5, 1, 0, 16, "stream"],
    "aes-256-eax": ["aes-256-eax", 0, 1, 16, 32, "stream"],
    "aes-128-ccm-matter": ["aes-128-ccm-matter", 0, 1, 13, 16, "ccm"],
    "aes-128-eax": ["aes-128-eax", 0, 1, 16, 16, "stream"],
    "aes-128-gcm-randnonce": ["aes-128-gcm-randnonce", 0, 1, 0, 16, "gcm"],
    "aes-128-ccm-bluetooth-8": ["aes-128-ccm-bluetooth-8", 0, 1, 13, 16, "ccm"],
    "aes-256-gcm-siv": ["aes-256-gcm-siv", 0, 1, 12, 32, "gcm"],
    "aes-128-gcm-siv": ["aes-128-gcm-siv", 0, 1, 12, 16, "gcm"],
    "aes-128-ctr-hmac-sha256": ["aes-128-ctr-hmac-sha256", 0, 1, 12, 48, "ctr"],
    "xchacha20-poly1305": ["xchacha20-poly1305", 0, 1, 24, 32, "stream"],
    "aes-128-ccm-bluetooth": ["aes-128-ccm-bluetooth", 0, 1, 13, 16, "ccm"],
    "chacha20-poly1305": ["chacha20-poly1305", 950, 1, 12, 32, "stream"],
    "aes-256-gcm-randnonce": ["aes-256-gcm-randnonce", 0, 1, 0, 32, "gcm"],
    "aes-256-ctr-hmac-sha256": ["aes-256-ctr-hmac-sha256", 0, 1, 12, 64, "ctr"]
  };
  const cipherNames = ["AES-128-CBC", "AES-192-CBC", "AES-256-CBC", "AES-128-CTR", "AES-192-CTR", "AES-256-CTR", "AES-128-ECB",
    "AES-192-ECB", "AES-256-ECB", "AES-128-OFB", "AES-192-OFB", "AES-256-OFB", "AES-128-GCM", "AES-192-GCM",
    "AES-256-GCM", "DES-CBC", "DES-ECB", "DES-EDE", "DES-EDE-CBC", "DES-EDE3-CBC", "RC2-CBC", "RC4",
    "aes-128-cbc", "aes-192-cbc", "aes-256-cbc", "aes-128-ctr", "aes-192-ctr", "aes-256-ctr", "aes-128-ecb",
    "aes-192-ecb", "aes-256-ecb", "aes-128-ofb", "aes-192-ofb", "aes-256-ofb", "aes-128-gcm", "aes-192-gcm",
    "aes-256-gcm", "des-cbc", "des-ecb", "des-ede", "des-ede-cbc", "des-ede3-cbc", "rc2-cbc", "rc4",
    "aes-256-eax", "aes-128-eax", "aes-128-ccm-matter", "aes-128-ccm-bluetooth-8", "aes-128-ccm-bluetooth",
    "aes-256-gcm", "aes-256-gcm-randnonce", "aes-128-gcm-randnonce", "aes-128-ctr-hmac-sha256", "aes-128-gcm-siv",
    "aes-256-gcm-siv", "aes-256-ctr-hmac-sha256", "xchacha20-poly1305", "aes-128-gcm", "aes-192-gcm",
    "chacha20-poly1305"];

  const states = new WeakMap();
  function state(self) {
    const c = states.get(self);
    if (c === undefined) throw new TypeError("Illegal invocation");
    return c;
  }
  // cipherClass makes Cipheriv or Decipheriv: each is a Transform of its own,
  // as in workerd.
  const cipherClass = (encrypt) => class extends stream.Transform {
    constructor(algorithm, key, iv, options) {
      if (typeof algorithm !== "string") throw argType("algorithm", "of type string", algorithm);
      const k = keyBytes(key);
      let v = null;
      if (iv !== null && iv !== undefined) {
        if (typeof iv === "string") v = Buffer.from(iv);
        else if ((v = view(iv)) === undefined || iv instanceof ArrayBuffer) {
          throw argType("iv", "of type string or an instance of Buffer, TypedArray, or DataView or null", iv);
        }
      } else if (iv === undefined) {
        throw argType("iv", "of type string or an instance of Buffer, TypedArray, or DataView or null", iv);
      }
      const tagLen = options && options.authTagLength !== undefined ? options.authTagLength : 0;
      if (algorithm.toLowerCase() === "xchacha20-poly1305" && !tagLen) {
        throw new Error(`The auth tag length is required for cipher ${algorithm}`);
      }
      const made = h.newCipher(algorithm, k, v, encrypt);
      const info = cipherInfo[algorithm.toLowerCase()];
      if (info && typeof made.error === "string" && made.error.startsWith("Unknown")) {
        // a cipher workerd lists that workerhost lacks: the argument checks
        // still come first
        if (k.byteLength !== info[4]) throw new Error("Invalid key length");
        if ((v === null ? 0 : v.byteLength) !== info[3]) throw new Error("Invalid initialization vector");
      }
      const c = check(made);
      super(options);
      states.set(this, c);
    }
    update(data, inputEncoding, outputEncoding) {
      if (typeof data === "string" && inputEncoding === undefined) {
        throw codeError(TypeError, "ERR_INVALID_ARG_VALUE", "The argument 'inputEncoding' If inputEncoding is not provided then the data must be a Buffer. Received undefined");
      }
      const b = bytes(data, "data", "of type string or an instance of Buffer, TypedArray, or DataView", inputEncoding);
      if (outputEncoding !== undefined && outputEncoding !== "buffer") Buffer.from("", outputEncoding);
      return out(check(h.cipherUpdate(state(this), b)), outputEncoding);
    }
    final(outputEncoding) {
      return out(check(h.cipherFinal(state(this))), outputEncoding);
    }
    setAutoPadding(autoPadding = true) {
      h.cipherPadding(state(this), !!autoPadding);
      return this;
    }
    setAAD(buffer, options) {
      check(h.cipherSetAAD(state(this), bytes(buffer, "buffer", "an instance of Buffer, TypedArray, or DataView", undefined)));
      return this;
    }
    _transform(chunk, encoding, cb) {
      try { this.push(this.update(chunk, encoding === "buffer" ? undefined : encoding)); cb(); } catch (e) { cb(e); }
    }
    _flush(cb) {
      try { this.push(this.final()); cb(); } catch (e) { cb(e); }
    }
    getAuthTag() { return Buffer.from(check(h.cipherTag(state(this)))); }
    setAuthTag(tag, encoding) {
      check(h.cipherSetTag(state(this), bytes(tag, "buffer", "an instance of Buffer, TypedArray, or DataView", encoding)));
      return this;
    }
  };
  const Cipheriv = cipherClass(true);
  const Decipheriv = cipherClass(false);
  Object.defineProperty(Cipheriv, "name", { value: "Cipheriv" });
  Object.defineProperty(Decipheriv, "name", { value: "Decipheriv" });
  delete Cipheriv.prototype.setAuthTag;
  delete Decipheriv.prototype.getAuthTag;

  function getCipherInfo(nameOrNid, options) {
    let info;
    if (typeof nameOrNid === "number") info = Object.values(cipherInfo).find((i) => i[1] === nameOrNid && nameOrNid !== 0);
    else if (typeof nameOrNid === "string") info = cipherInfo[nameOrNid.toLowerCase()];
    else throw argType("nameOrNid", "of type string or number", nameOrNid);
    if (!info) return undefined;
    const [name, nid, blockSize, ivLength, keyLength, mode] = info;
    if (options && options.keyLength !== undefined && options.keyLength !== keyLength) return undefined;
    if (options && options.ivLength !== undefined && options.ivLength !== ivLength && mode !== "gcm") return undefined;
    return { name, nid, blockSize, ivLength, keyLength, mode };
  }

  function scryptArgs(password, salt, keylen, options) {
    const pw = bytes(password, "password", BUF);
    const s = bytes(salt, "salt", BUF);
    if (typeof keylen !== "number") throw argType("keylen", "of type number", keylen);
    if (!Number.isInteger(keylen)) throw outOfRange("keylen", "an integer", keylen);
    if (keylen < 0 || keylen > 2147483647) throw outOfRange("keylen", ">= 0 && <= 2147483647", keylen);
    let N = 16384, r = 8, p = 1, maxmem = 32 << 20;
    if (options !== undefined && options !== null) {
      const pick = (a, b, def) => {
        if (options[a] !== undefined && options[b] !== undefined) {
          throw codeError(TypeError, "ERR_INVALID_ARG_VALUE", `The argument '${b}' is invalid. Received ${options[b]}`);
        }
        const v = options[a] !== undefined ? options[a] : options[b];
        return v === undefined ? def : v;
      };
      N = pick("N", "cost", N);
      r = pick("r", "blockSize", r);
      p = pick("p", "parallelization", p);
      if (options.maxmem !== undefined) maxmem = options.maxmem;
    }
    if (N > 262144) throw new RangeError("Scrypt failed: cost exceeds maximum (1048576).");
    if (N < 2 || (N & (N - 1)) !== 0 || 128 * r * p + 128 * r * (N + 2) > maxmem) throw new Error("Scrypt failed");
    return [pw, s, N, r, p, keylen];
  }
  function scryptSync(password, salt, keylen, options) {
    const args = scryptArgs(password, salt, keylen, options);
    if (args[5] === 0) return Buffer.alloc(0);
    return Buffer.from(check(h.scrypt(...args)));
  }
  function scrypt(password, salt, keylen, options, callback) {
    if (typeof options === "function") { callback = options; options = undefined; }
    if (typeof callback !== "function") throw argType("callback", "of type function", callback);
    const args = scryptArgs(password, salt, keylen, options);
    queueMicrotask(() => {
      let key, err = null;
      try { key = args[5] === 0 ? Buffer.alloc(0) : Buffer.from(check(h.scrypt(...args))); } catch (e) { err = e; }
      callback(err, key);
    });
  }

  function hkdfArgs(digest, ikm, salt, info, keylen) {
    if (typeof digest !== "string") throw argType("digest", "of type string", digest);
    const k = keyBytes(ikm);
    const s = bytes(salt, "salt", BUF);
    const i = bytes(info, "info", BUF);
    if (typeof keylen !== "number") throw argType("length", "of type number", keylen);
    if (!Number.isInteger(keylen)) throw outOfRange("length", "an integer", keylen);
    if (keylen < 0 || keylen > 2147483647) throw outOfRange("length", ">= 0 && <= 2147483647", keylen);
    if (i.byteLength > 1024) throw outOfRange("info", "must not contain more than 1024 bytes", i.byteLength);
    const state = h.newHash(digest);
    const size = state === null ? undefined : h.digest(state).byteLength;
    if (size === undefined) throw new TypeError(`Invalid Hkdf digest: ${digest}`);
    if (keylen > 255 * size) throw new RangeError("Invalid Hkdf key length");
    return [digest, k, s, i, keylen];
  }
  function hkdfRun(args) {
    if (args[4] === 0) return new ArrayBuffer(0);
    return check(h.hkdf(...args));
  }
  function hkdfSync(digest, ikm, salt, info, keylen) {
    return hkdfRun(hkdfArgs(digest, ikm, salt, info, keylen));
  }
  function hkdf(digest, ikm, salt, info, keylen, callback) {
    const args = hkdfArgs(digest, ikm, salt, info, keylen);
    if (typeof callback !== "function") throw argType("callback", "of type function", callback);
    queueMicrotask(() => {
      let key, err = null;
      try { key = hkdfRun(args); } catch (e) { err = e; }
      callback(err, key);
    });
  }

  // randomFillSync fills and returns a view of the part it filled (offset
  // and size in elements), as workerd does.
  function randomFillSync(buf, offset = 0, size) {
    if (!ArrayBuffer.isView(buf) && !(buf instanceof ArrayBuffer)) {
      throw argType("buffer", "an instance of TypedArray, DataView, ArrayBuffer, or SharedArrayBuffer", buf);
    }
    const len = buf instanceof ArrayBuffer || buf instanceof DataView ? buf.byteLength : buf.length;
    if (typeof offset !== "number") throw argType("offset", "of type number", offset);
    if (!(offset >= 0 && offset <= 2147483647)) throw outOfRange("offset", ">= 0 && <= 2147483647", offset);
    if (size === undefined) size = Math.max(0, len - offset);
    if (typeof size !== "number") throw argType("size", "of type number", size);
    const room = Math.max(0, len - offset);
    if (!(size >= 0 && size <= room)) throw outOfRange("size", `>= 0 && <= ${room}`, size);
    const start = Math.min(offset, len), end = Math.min(offset + size, len);
    let part;
    if (buf instanceof ArrayBuffer) part = Buffer.from(buf, start, end - start);
    else if (buf instanceof DataView) part = new Uint8Array(buf.buffer, buf.byteOffset + start, end - start);
    else part = buf.subarray(start, end);
    const b = new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
    for (let i = 0; i < b.length; i += 65536) crypto.getRandomValues(b.subarray(i, Math.min(b.length, i + 65536)));
    return part;
  }
  function randomFill(buf, offset, size, callback) {
    if (typeof offset === "function") { callback = offset; offset = undefined; }
    else if (typeof size === "function") { callback = size; size = undefined; }
    if (typeof callback !== "function") throw argType("callback", "of type function", callback);
    randomFillSync(buf, offset, size);
    queueMicrotask(() => callback(null, buf));
  }
  function timingSafeEqual(a, b) {
    const x = view(a), y = view(b);
    if (x === undefined) throw new TypeError("Failed to execute 'timingSafeEqual' on 'SubtleCrypto': parameter 1 is not of type 'BufferSource'.");
    if (y === undefined) throw new TypeError("Failed to execute 'timingSafeEqual' on 'SubtleCrypto': parameter 2 is not of type 'BufferSource'.");
    if (x.byteLength !== y.byteLength) throw new TypeError("Input buffers must have the same byte length.");
    let diff = 0;
    for (let i = 0; i < x.length; i++) diff |= x[i] ^ y[i];
    return diff === 0;
  }

  return {
    Cipheriv,
    Decipheriv,
    createCipheriv: (algorithm, key, iv, options) => new Cipheriv(algorithm, key, iv, options),
    createDecipheriv: (algorithm, key, iv, options) => new Decipheriv(algorithm, key, iv, options),
    Cipher: notImplemented("Cipher"),
    Decipher: notImplemented("Decipher"),
    createCipher: notImplemented("createCipher"),
    createDecipher: notImplemented("createDecipher"),
    getCiphers: () => cipherNames.slice(),
    getCipherInfo,
    getCurves: () => ["secp224r1", "prime256v1", "secp384r1", "secp521r1"],
    scrypt,
    scryptSync,
    hkdf,
    hkdfSync,
    randomFill,
    randomFillSync,
    timingSafeEqual,
    getFips: () => true,
    fips: true,
    setFips: notImplemented("setFips"),
    setEngine: notImplemented("setEngine"),
    secureHeapUsed: () => ({ total: 0, used: 0, utilization: 0, min: 0 }),
  };
})
