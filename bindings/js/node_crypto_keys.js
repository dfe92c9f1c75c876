// node:crypto's KeyObject family as workerd has it: createSecretKey,
// createPublicKey, createPrivateKey (PEM, DER, JWK), export, equals,
// KeyObject.from(CryptoKey), generateKeyPair(Sync) and generateKey(Sync),
// sign/verify with createSign/createVerify, publicEncrypt/privateDecrypt
// and diffieHellman. Keys live in Go (h) as opaque values.
(function (h, Buffer, stream) {
  "use strict";
  function codeError(Ctor, code, message) {
    const err = new Ctor(message);
    err.code = code;
    Object.defineProperty(err, "name", { value: Ctor.name, enumerable: true, writable: true, configurable: true });
    return err;
  }
  function received(v) {
    if (v === null) return "null";
    if (v === undefined) return "undefined";
    if (typeof v === "function") return `function ${v.name}`;
    if (typeof v === "object") return v.constructor && v.constructor.name ? `an instance of ${v.constructor.name}` : "an object";
    let s = String(v);
    if (typeof v === "string") { if (s.length > 28) s = s.slice(0, 25) + "..."; s = `'${s}'`; }
    return `type ${typeof v} (${s})`;
  }
  function argType(name, type, v) {
    return codeError(TypeError, "ERR_INVALID_ARG_TYPE", `The "${name}" argument must be ${type}. Received ${received(v)}`);
  }
  function check(r) {
    if (r !== null && typeof r === "object" && typeof r.error === "string") throw new Error(r.error);
    return r;
  }
  function view(v) {
    if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    if (v instanceof ArrayBuffer) return new Uint8Array(v);
    return undefined;
  }
  function data(v, name, enc) {
    if (typeof v === "string") return Buffer.from(v, enc);
    const b = view(v);
    if (b === undefined) throw argType(name, "of type string or an instance of Buffer, TypedArray, or DataView", v);
    return b;
  }

  const states = new WeakMap();
  let constructing = false;
  function stateOf(key) {
    const s = states.get(key);
    if (s === undefined) throw new TypeError("Illegal invocation");
    return s;
  }
  function wrap(handle) {
    const info = h.keyInfo(handle);
    const C = info.kind === "secret" ? SecretKeyObject : info.kind === "public" ? PublicKeyObject : PrivateKeyObject;
    constructing = true;
    try { const k = new C(); states.set(k, { handle, info }); return k; } finally { constructing = false; }
  }

  class KeyObject {
    constructor() {
      if (!constructing) throw new Error("Illegal constructor");
    }
    static from(key) {
      const handle = h.keyFromCryptoKey(key);
      if (handle === null) throw argType("key", "an instance of CryptoKey", key);
      return wrap(handle);
    }
    export(options) { return exportKey(stateOf(this), options); }
    equals(other) {
      const a = stateOf(this);
      const b = states.get(other);
      if (b === undefined) throw argType("otherKeyObject", "an instance of KeyObject", other);
      return h.keyEquals(a.handle, b.handle);
    }
    get [Symbol.toStringTag]() { return "KeyObject"; }
  }
  class SecretKeyObject extends KeyObject {
    get symmetricKeySize() { return stateOf(this).info.size; }
    export(options) { return super.export(options); }
    get type() { return "secret"; }
  }
  class AsymmetricKeyObject extends KeyObject {
    get asymmetricKeyType() { return stateOf(this).info.type; }
    get asymmetricKeyDetails() {
      const i = stateOf(this).info;
      if (i.type === "rsa") return { modulusLength: i.modulusLength, publicExponent: BigInt(i.publicExponent) };
      if (i.type === "ec") return { namedCurve: i.namedCurve };
      return {};
    }
  }
  class PublicKeyObject extends AsymmetricKeyObject {
    export(options) { return super.export(options); }
    get type() { return "public"; }
  }
  class PrivateKeyObject extends AsymmetricKeyObject {
    export(options) { return super.export(options); }
    get type() { return "private"; }
  }

  function exportKey(s, options) {
    const format = options && options.format !== undefined ? options.format : (s.info.kind === "secret" ? "buffer" : "pem");
    if (s.info.kind === "secret") {
      if (format === "buffer") return Buffer.from(h.keyExport(s.handle));
      if (format === "jwk") return check(h.keyExportJWK(s.handle));
      throw new TypeError(`Invalid format for secret key export: ${format}`);
    }
    if (format === "jwk") return check(h.keyExportJWK(s.handle));
    if (options === undefined || options === null || options.type === undefined) throw new TypeError("Missing type option");
    if (options.cipher !== undefined || options.passphrase !== undefined) throw new Error("Encrypted private key export is not supported");
    if (format !== "pem" && format !== "der") throw new TypeError(`Invalid format: ${format}`);
    const out = check(h.keyExport(s.handle, format, String(options.type)));
    return format === "pem" ? Buffer.from(out).toString("latin1") : Buffer.from(out);
  }

  function createSecretKey(key, encoding) {
    let b;
    if (typeof key === "string") b = Buffer.from(key, encoding);
    else b = view(key);
    if (b === undefined) throw new TypeError("Failed to execute 'createSecretKey' on 'CryptoImpl': parameter 1 is not of type 'BufferSource'.");
    return wrap(h.keySecret(new Uint8Array(b)));
  }
  // keyHandle reads a key argument: a KeyObject, a CryptoKey, PEM text or
  // bytes, or {key, format, type, encoding}.
  // With strict, a KeyObject must be of the kind the operation uses.
  function keyHandle(input, priv, name, strict) {
    const s = states.get(input);
    if (s !== undefined && strict && s.info.kind !== (priv ? "private" : "public")) {
      throw codeError(Error, "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", `Invalid key object type ${s.info.kind}, expected ${priv ? "private" : "public"}.`);
    }
    if (s !== undefined) return priv || s.info.kind !== "private" ? s.handle : h.keyPublic(s.handle);
    if (typeof CryptoKey === "function" && input instanceof CryptoKey) return keyHandle(KeyObject.from(input), priv, name);
    if (typeof input === "string" || view(input) !== undefined) return check(h.keyParse(data(input, name), "pem", "", priv));
    if (input === null || typeof input !== "object") {
      throw argType(name, "of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey", input);
    }
    const { key, format = "pem", type = "", encoding } = input;
    if (states.has(key) || (typeof CryptoKey === "function" && key instanceof CryptoKey)) return keyHandle(key, priv, name, strict);
    if (format === "jwk") {
      if (key === null || typeof key !== "object") throw argType("key.key", "of type object", key);
      return check(h.keyParseJWK(key, priv));
    }
    if (typeof key !== "string" && view(key) === undefined) {
      throw codeError(TypeError, "ERR_INVALID_ARG_TYPE", `The "${name}.key" property must be of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, or Object. Received ${received(key)}`);
    }
    return check(h.keyParse(data(key, name, encoding), format, String(type), priv));
  }
  const createPublicKey = (key) => wrap(keyHandle(key, false, "key"));
  const createPrivateKey = (key) => wrap(keyHandle(key, true, "key"));

  function encodePair(handle, options) {
    const priv = wrap(handle), pub = wrap(h.keyPublic(handle));
    const o = options || {};
    return {
      publicKey: o.publicKeyEncoding ? pub.export(o.publicKeyEncoding) : pub,
      privateKey: o.privateKeyEncoding ? priv.export(o.privateKeyEncoding) : priv,
    };
  }
  function generateKeyPairSync(type, options) {
    if (typeof type !== "string") throw argType("type", "of type string", type);
    const o = options || {};
    if (type === "rsa") {
      if (typeof o.modulusLength !== "number") throw argType("options.modulusLength", "of type number", o.modulusLength);
      if (o.publicExponent !== undefined && o.publicExponent !== 65537) throw new Error("Unsupported RSA public exponent");
    }
    if (type === "ec" && typeof o.namedCurve !== "string") throw argType("options.namedCurve", "of type string", o.namedCurve);
    return encodePair(check(h.keyGenerate(type, o.modulusLength || 0, o.namedCurve || "")), o);
  }
  function generateKeyPair(type, options, callback) {
    if (typeof options === "function") { callback = options; options = undefined; }
    if (typeof callback !== "function") throw argType("callback", "of type function", callback);
    const pair = generateKeyPairSync(type, options);
    queueMicrotask(() => callback(null, pair.publicKey, pair.privateKey));
  }
  function generateKeySync(type, options) {
    if (typeof type !== "string") throw argType("type", "of type string", type);
    const length = options && options.length;
    if (typeof length !== "number") throw argType("options.length", "of type number", length);
    if (type === "aes" && length !== 128 && length !== 192 && length !== 256) {
      throw codeError(TypeError, "ERR_INVALID_ARG_VALUE", `The property 'options.length' must be one of: 128, 192, 256. Received ${length}`);
    }
    if (type !== "aes" && type !== "hmac") {
      throw codeError(TypeError, "ERR_INVALID_ARG_VALUE", `The argument 'type' must be a supported key type. Received '${type}'`);
    }
    const b = new Uint8Array(Math.floor(length / 8));
    crypto.getRandomValues(b);
    return createSecretKey(b);
  }
  function generateKey(type, options, callback) {
    if (typeof callback !== "function") throw argType("callback", "of type function", callback);
    const key = generateKeySync(type, options);
    queueMicrotask(() => callback(null, key));
  }

  // signOptions reads a sign/verify key argument's RSA and ECDSA options.
  function signOptions(key) {
    const o = key !== null && typeof key === "object" && !states.has(key) && !view(key) ? key : {};
    if (states.has(o.key)) {
      // workerd's sign and verify take no KeyObject inside an options object
      throw codeError(TypeError, "ERR_INVALID_ARG_TYPE", `The "options.key" property must be of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, or Object. Received ${received(o.key)}`);
    }
    const pss = o.padding === 6;
    let salt = o.saltLength === undefined || o.saltLength === -2 ? 0 : o.saltLength;
    return [pss, salt, o.dsaEncoding === "ieee-p1363"];
  }
  function sign(algorithm, input, key, callback) {
    const [pss, salt, p1363] = signOptions(key);
    const run = () => Buffer.from(check(h.keySign(keyHandle(key, true, "key", true), algorithm, data(input, "data"), pss, salt, p1363)));
    if (typeof callback !== "function") return run();
    let out, err = null;
    try { out = run(); } catch (e) { err = e; }
    queueMicrotask(() => callback(err, out));
  }
  function verify(algorithm, input, key, signature, callback) {
    const [pss, salt, p1363] = signOptions(key);
    const run = () => check(h.keyVerify(keyHandle(key, false, "key"), algorithm, data(input, "data"), data(signature, "signature"), pss, salt, p1363));
    if (typeof callback !== "function") return run();
    let out, err = null;
    try { out = run(); } catch (e) { err = e; }
    queueMicrotask(() => callback(err, out));
  }
  // Sign and Verify gather data, as Writable streams too.
  const chunksOf = new WeakMap();
  function collector(name) {
    return class extends stream.Writable {
      constructor(algorithm, options) {
        if (typeof algorithm !== "string") throw argType("algorithm", "of type string", algorithm);
        if (h.newHash(algorithm) === null) throw new Error(`Unknown digest: ${algorithm}`);
        super(options);
        chunksOf.set(this, { algorithm, parts: [] });
      }
      update(d, enc) { chunksOf.get(this).parts.push(new Uint8Array(data(d, "data", enc))); return this; }
      _write(chunk, enc, cb) { this.update(chunk); cb(); }
    };
  }
  function gathered(self) {
    const s = chunksOf.get(self);
    return [s.algorithm, Buffer.concat(s.parts)];
  }
  const Sign = collector("Sign");
  Sign.prototype.sign = function (key, encoding) {
    const [algorithm, all] = gathered(this);
    const out = sign(algorithm, all, key);
    return encoding === undefined || encoding === "buffer" ? out : out.toString(encoding);
  };
  const Verify = collector("Verify");
  Verify.prototype.verify = function (key, signature, encoding) {
    const [algorithm, all] = gathered(this);
    return verify(algorithm, all, key, data(signature, "signature", encoding));
  };
  Object.defineProperty(Sign, "name", { value: "Sign" });
  Object.defineProperty(Verify, "name", { value: "Verify" });

  function rsaCrypt(encrypt) {
    return (key, buffer) => {
      const o = key !== null && typeof key === "object" && !states.has(key) && !view(key) ? key : {};
      const padding = o.padding === undefined ? 4 : o.padding;
      const label = o.oaepLabel === undefined ? undefined : data(o.oaepLabel, "oaepLabel");
      return Buffer.from(check(h.keyRSA(keyHandle(key, !encrypt, "key", true), encrypt, data(buffer, "buffer"), padding, o.oaepHash, label)));
    };
  }
  // rsaRaw is privateEncrypt (private) or publicDecrypt: PKCS #1 v1.5
  // type 1 padding by default, RSA_NO_PADDING (3) on request.
  function rsaRaw(private_) {
    return (key, buffer) => {
      const o = key !== null && typeof key === "object" && !states.has(key) && !view(key) ? key : {};
      const padding = o.padding === undefined ? 1 : o.padding;
      return Buffer.from(check(h.keyRSARaw(keyHandle(key, private_, "key", true), private_, data(buffer, "buffer"), padding)));
    };
  }
  function diffieHellman(options) {
    if (options === null || typeof options !== "object") throw argType("options", "of type object", options);
    const priv = states.get(options.privateKey), pub = states.get(options.publicKey);
    if (priv === undefined) throw argType("options.privateKey", "an instance of KeyObject", options.privateKey);
    if (pub === undefined) throw argType("options.publicKey", "an instance of KeyObject", options.publicKey);
    return Buffer.from(check(h.keyDH(priv.handle, pub.handle)));
  }


  // ECDH is key agreement on a named curve, keys as points and scalars.
  const ecdhs = new WeakMap();
  function ecdhOf(self) {
    const e = ecdhs.get(self);
    if (e === undefined) throw new TypeError("Illegal invocation");
    return e;
  }
  function encoded(ab, enc) {
    const b = Buffer.from(ab);
    return enc === undefined || enc === null || enc === "buffer" ? b : b.toString(enc);
  }
  class ECDH {
    constructor(curve) {
      if (typeof curve !== "string") throw argType("curve", "of type string", curve);
      ecdhs.set(this, check(h.ecdhNew(curve)));
    }
    static convertKey(key, curve, inEnc, outEnc, format = "uncompressed") {
      if (typeof curve !== "string") throw argType("curve", "of type string", curve);
      return encoded(check(h.ecdhConvert(data(key, "key", inEnc), curve, format)), outEnc);
    }
    computeSecret(key, inEnc, outEnc) {
      return encoded(check(h.ecdhCompute(ecdhOf(this), data(key, "key", inEnc))), outEnc);
    }
    generateKeys(enc, format) {
      check(h.ecdhGenerate(ecdhOf(this)));
      return this.getPublicKey(enc, format);
    }
    getPrivateKey(enc) { return encoded(check(h.ecdhPrivate(ecdhOf(this))), enc); }
    getPublicKey(enc, format = "uncompressed") {
      if (format === "hybrid") throw new Error("Failed to get public key length"); // as workerd
      return encoded(check(h.ecdhPublic(ecdhOf(this), format)), enc);
    }
    setPrivateKey(key, enc) {
      check(h.ecdhSetPrivate(ecdhOf(this), data(key, "key", enc)));
      return this;
    }
  }

  // bigBytes turns a non-negative bigint into big-endian bytes.
  function bigBytes(n) {
    let hex = n.toString(16);
    if (hex.length % 2) hex = "0" + hex;
    return Buffer.from(hex, "hex");
  }
  function candidateBytes(candidate) {
    if (typeof candidate === "bigint") {
      if (candidate < 0n) throw codeError(RangeError, "ERR_OUT_OF_RANGE", `The value of "candidate" is out of range. It must be >= 0. Received ${candidate}n`);
      return bigBytes(candidate);
    }
    const b = view(candidate);
    if (b === undefined) {
      throw argType("candidate", "of type bigint or an instance of ArrayBuffer, TypedArray, Buffer, or DataView", candidate);
    }
    return b;
  }
  function checkPrimeSync(candidate, options) {
    const b = candidateBytes(candidate);
    return h.checkPrime(b, options && typeof options.checks === "number" ? options.checks : 0);
  }
  function checkPrime(candidate, options, callback) {
    if (typeof options === "function") { callback = options; options = undefined; }
    if (typeof callback !== "function") throw argType("callback", "of type function", callback);
    const r = checkPrimeSync(candidate, options);
    queueMicrotask(() => callback(null, r));
  }
  function generatePrimeSync(size, options) {
    if (typeof size !== "number") throw argType("size", "of type number", size);
    if (!(Number.isInteger(size) && size >= 1 && size <= 2147483647)) {
      throw codeError(RangeError, "ERR_OUT_OF_RANGE", `The value of "size" is out of range. It must be >= 1 && <= 2147483647. Received ${size}`);
    }
    const o = options || {};
    const big = (v) => (typeof v === "bigint" ? bigBytes(v) : v === undefined ? undefined : view(v));
    const add = big(o.add);
    const rem = o.add === undefined ? undefined : o.rem === undefined ? Buffer.from([o.safe ? 3 : 1]) : big(o.rem);
    const ab = check(h.generatePrime(size, !!o.safe, add, rem));
    if (!o.bigint) return ab;
    return BigInt("0x" + (Buffer.from(ab).toString("hex") || "0"));
  }
  function generatePrime(size, options, callback) {
    if (typeof options === "function") { callback = options; options = undefined; }
    if (typeof callback !== "function") throw argType("callback", "of type function", callback);
    const p = generatePrimeSync(size, options);
    queueMicrotask(() => callback(null, p));
  }

  // DiffieHellman and DiffieHellmanGroup are finite-field key agreement.
  const dhs = new WeakMap();
  function dhOf(self) {
    const d = dhs.get(self);
    if (d === undefined) throw new TypeError("Illegal invocation");
    return d;
  }
  function dhCheck(r) {
    if (r !== null && typeof r === "object" && typeof r.error === "string") throw r.range ? new RangeError(r.error) : new Error(r.error);
    return r;
  }
  const dhMethods = {
    generateKeys(enc) {
      dhCheck(h.dhGenerate(dhOf(this)));
      return this.getPublicKey(enc);
    },
    computeSecret(key, inEnc, outEnc) {
      return encoded(dhCheck(h.dhCompute(dhOf(this), data(key, "key", inEnc))), outEnc);
    },
    getPrime(enc) { return encoded(dhCheck(h.dhGet(dhOf(this), "prime")), enc); },
    getGenerator(enc) { return encoded(dhCheck(h.dhGet(dhOf(this), "generator")), enc); },
    getPublicKey(enc) { return encoded(dhCheck(h.dhGet(dhOf(this), "public")), enc); },
    getPrivateKey(enc) { return encoded(dhCheck(h.dhGet(dhOf(this), "private")), enc); },
  };
  function DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
    if (!new.target) return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
    if (typeof sizeOrKey !== "number" && typeof sizeOrKey !== "string" && view(sizeOrKey) === undefined) {
      throw argType("sizeOrKey", "one of type number or string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView", sizeOrKey);
    }
    if (typeof keyEncoding !== "string" && keyEncoding !== undefined && keyEncoding !== "buffer") {
      genEncoding = generator;
      generator = keyEncoding;
      keyEncoding = undefined;
    }
    if (generator === undefined) generator = 2;
    const gen = typeof generator === "number" ? bigBytes(BigInt(generator)) : data(generator, "generator", genEncoding);
    const d = typeof sizeOrKey === "number"
      ? h.dhNew(sizeOrKey, undefined, gen)
      : h.dhNew(0, data(sizeOrKey, "sizeOrKey", keyEncoding), gen);
    dhs.set(this, dhCheck(d));
    Object.defineProperty(this, "verifyError", { value: h.dhVerifyError(dhOf(this)), writable: false, enumerable: false, configurable: true });
  }
  Object.assign(DiffieHellman.prototype, dhMethods, {
    setPublicKey(key, enc) { h.dhSet(dhOf(this), "public", data(key, "key", enc)); return this; },
    setPrivateKey(key, enc) { h.dhSet(dhOf(this), "private", data(key, "key", enc)); return this; },
  });
  function DiffieHellmanGroup(name) {
    if (!new.target) return new DiffieHellmanGroup(name);
    dhs.set(this, dhCheck(h.dhGroup(String(name))));
  }
  Object.assign(DiffieHellmanGroup.prototype, dhMethods);
  for (const C of [DiffieHellman, DiffieHellmanGroup]) {
    for (const k of Object.keys(C.prototype)) Object.defineProperty(C.prototype, k, { enumerable: false });
  }
  Object.defineProperty(DiffieHellmanGroup.prototype, "verifyError", {
    get() { return h.dhVerifyError(dhOf(this)); }, enumerable: false, configurable: true,
  });

  return {
    DiffieHellman,
    DiffieHellmanGroup,
    createDiffieHellman: (sizeOrKey, keyEncoding, generator, genEncoding) => new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding),
    createDiffieHellmanGroup: (name) => new DiffieHellmanGroup(name),
    getDiffieHellman: (name) => new DiffieHellmanGroup(name),
    ECDH,
    createECDH: (curve) => new ECDH(curve),
    checkPrime, checkPrimeSync, generatePrime, generatePrimeSync,
    KeyObject, SecretKeyObject, PublicKeyObject, PrivateKeyObject,
    createSecretKey, createPublicKey, createPrivateKey,
    generateKeyPair, generateKeyPairSync, generateKey, generateKeySync,
    sign, verify, Sign, Verify,
    createSign: (algorithm, options) => new Sign(algorithm, options),
    createVerify: (algorithm, options) => new Verify(algorithm, options),
    publicEncrypt: rsaCrypt(true),
    privateDecrypt: rsaCrypt(false),
    privateEncrypt: rsaRaw(true),
    publicDecrypt: rsaRaw(false),
    diffieHellman,
    constants: {},
    CryptoKey: typeof CryptoKey === "function" ? CryptoKey : undefined,
  };
})
