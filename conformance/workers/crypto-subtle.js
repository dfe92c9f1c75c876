// Web Crypto, every algorithm and format, deterministically: fixed keys are
// imported, deterministic signatures, ciphertexts, derived bits and exports
// are printed, randomised ones (ECDSA, RSA-PSS, generated keys, OAEP) are
// checked by verifying or decrypting them, and misuse prints the error's
// class, name and message. The fixed keys were generated elsewhere (with
// Node.js's WebCrypto), so that each side verifies the other's signatures.
const K = {
 "rsaPkcs8": "MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQC8ppZA9UtMfd9S4rq4fclgb3/3WdZ3+RyfkDVSw5y0vq702Ha0WhvgtiF8+ngXERtNnPxAc5hkYoGWOlKNRY3wMesvv8/83vXSnWBXSrfLydFL717NteTnDdNxad2PLIqqdoZ+vIfn7BeY82+3hzOzHhHIoe0SVwzYoSnbOnzZsxU4CmMweoJrj2ARdPbk23+8iTt0J1HOOQXQqBYyPWzsqDF+fECxL8rykpijXFASXUL7yQy5Qxz5cYUlsrLJ4ufnKfaTwcZMxyLJuAY+UDEhiK96IWNeKupIYmxf2xRYYv1DK/HfPAspk0ztNAkCDiBr4H4z6MtFsyYOPw6EZ95rAgMBAAECggEAPNuo4S/AqN56auzFu7qoejm+GHec3ns4pqkI6rg8F3rkSgyCzs+66pUW3JCYqShVnIYmQkyIPuogT+xksTpc/b2811yTpknvF5C5ga+S92UV5d9EwCwLuhYVviKe3Q9LdI5j+QKs/T6GpkryIUy2evQaXJUQO7hlZoUnUZfeqwOy1hRm8WbwDU+LFjnVzfck9mrpZDZHqH+BdUFFayAtmios1dTVM/R8Deqbgb9EaOj9sv1cQOtsMe6mUR8V5JamE2ypc4vg12VkcyrwN90qOVhmwkpx1TmGhwFH5JCxlr2KvOz7dqBQW4LuU6xvHjrSyNx0sVaK1/DxTePuuSfWUQKBgQDjnW+iHsVLwXWV1ByfZXDV1FRRBctiOTerLS+A8VHvA83QJA/gXHXAXGsvTITxg9s0dI/1vKXoaWWlXttSqDaw+JRV1FtG4vkwW1t9jwCS6z+FUvlItwq5MByei6FeYv7VALxz1/haUMOYrb14R/EpXS8mzcqlML0JO1/G9GNo5QKBgQDULTmCfoqZDlEAGfoQWZokc43Rw64noqyFkQI5tTEI6YJ1shHEaT4SypN/9CvJ4pjvQ5iDxFyIKxMcr401zcccoZbN0DcZlrl8PpBqIyAHuF993QmWxR1J6TiSEBVPem1E7VDBhsVKEj0q9Aqk1+zbgIXUGILLEVsI6Dd+0CNFDwKBgA7yt/IdszdWbTJ5y6dsMgzY9PCdQM4ik9VaElSVhJv90/ZnZ+OELveDGkbw74os7qhzP0EUMpEg2twRbrXu9iiJKrS4TYZKQbM7TLbiPVdou7M1z8lGvB2NW1PON7rLJZE3iyjQdi74PuA4CMltcBkXVZFm0ngmy0Nf8tpOEnlBAoGAMGTwTRdXvXlKeF90be5B/jZtDn83Zcrw1rYwb8EoIgRAwV+QNeBbTCXwZqrmofGROGGOk99hy50nis9vwenhlGI251KqfqemPvR2M/82+wvOnAKigUUMXSNYx9frRGmEKsiGNt3qee6XDQkEtHybhaVW4P2GN5MJ1IpCviXzJXkCgYAvxwFB994pK/lKueLz+GVyPgB6JKHTufOvNgDwCh2C9XQCHBnTCHuQuk0T5PjbRJ3t5yjo5SBcJVjW8NcRkTdS1pAXDZiujP69pgPHz6MVp6qgQ77sNiSa90CH7spN8+FAvaCs8GoU/IlYUFyX1dsF51rTE+S7MoBn6N641Zm1pQ==",
 "rsaSpki": "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvKaWQPVLTH3fUuK6uH3JYG9/91nWd/kcn5A1UsOctL6u9Nh2tFob4LYhfPp4FxEbTZz8QHOYZGKBljpSjUWN8DHrL7/P/N710p1gV0q3y8nRS+9ezbXk5w3TcWndjyyKqnaGfryH5+wXmPNvt4czsx4RyKHtElcM2KEp2zp82bMVOApjMHqCa49gEXT25Nt/vIk7dCdRzjkF0KgWMj1s7KgxfnxAsS/K8pKYo1xQEl1C+8kMuUMc+XGFJbKyyeLn5yn2k8HGTMciybgGPlAxIYiveiFjXirqSGJsX9sUWGL9Qyvx3zwLKZNM7TQJAg4ga+B+M+jLRbMmDj8OhGfeawIDAQAB",
 "ec256Pkcs8": "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgAutatAhnQSURtHOQazsbfK4u8nozpiZDcQKUNK6EUjyhRANCAARLl8AM0CtCuljyh8xSwg8iOsGbhWWvZ0eL5zLbYcNCwdzBy+NQBzTqNhQ6yV0PAVOf9PaJmrOeU+I5yaL0evZS",
 "ec384Pkcs8": "MIG2AgEAMBAGByqGSM49AgEGBSuBBAAiBIGeMIGbAgEBBDAuC2fC7t7CwZlCa9EV+z+P21AWzNFwOEgUotjyxoqtIdfEXYvS1Z9QUcnrwlWwDCmhZANiAATsb7mne4zhA+zh50Drp2bzYEJeUjBix+3t2JAfMJtyjR0Qr9Xw4dD1u/e5uFTdWxPa0qpddij2pR823ozcF+QXeyt2BzxPiaJub6VP/588jwIGMeKmMAUjU+IPK+VD2BM=",
 "ec521Pkcs8": "MIHuAgEAMBAGByqGSM49AgEGBSuBBAAjBIHWMIHTAgEBBEIBpi5tzNUQtaePY+065L/QGCJMXErvORwnWUxaw8+h1+O1TD+vcW0OYQYmyOMETDG0eD65tq67CIB2zkw/5ELQKs+hgYkDgYYABAEildAQnr/cgo3iPs+4DW4tdnVRD+VrUc480P9Br8jg0Fc8HghRSA2fr0HSnG2R8CnYGStUYa+EsVuAamxaLpgndAD7adOhHqVeRFOhSbRJzVEj8hucjhbJDcC4giGnFqbcQNcwESrFELoPpxS0e+Q1J/9WNafigkgpwEvX87/8iLOCEw==",
 "ec256bSpki": "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEPdKLOStG1PIG+IXHMAtBRdpEZW/bXxfBZihbMqW2rYVpr2W2FM5tV/1nWRmoTawDzZFCeFwT6vxykk3jacpavA==",
 "ec256bPkcs8": "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg5oROR4AwG+uGbibrXNFkMNryemcm33HXf6CrQywGfJGhRANCAAQ90os5K0bU8gb4hccwC0FF2kRlb9tfF8FmKFsypbathWmvZbYUzm1X/WdZGahNrAPNkUJ4XBPq/HKSTeNpylq8",
 "edPkcs8": "MC4CAQAwBQYDK2VwBCIEIH9DEXHBwtnIpXg45KJJbqXO2hN4RI31zi1cKAfFvElK",
 "xPkcs8": "MC4CAQAwBQYDK2VuBCIEIHCrS5DcVg8jiuYm9N3h6cBE7lOdMqWMMZz4SNQWlrR3",
 "x2Raw": "kPRbYAgc3olQ7We7tTcyr31Z1eVQjF9sAC/hZowCESc=",
 "pssSig": "NTyMsM+CaSWOm5BeH53k+Mc1+STwdRzpMPxO+C9t7TL+a/KsEiwusqcXoWOBci88dcrZW++gUl7oSyuQqMG2fe2r3ILBE8QrbM7oELIaqfTLLKmRETIpwgJCoCKB9sA5AIEDlU4ZvCnVVZ3tP6l042KUWCjVl46AhT89C9AaGJCgKY2wdwWq/ki0aVQnt0/Afhvh5BfM4un0MqxT5HGwTG0f/K+PUJAKmXw9L7jpWELiH31ETKGfIjfkNvNy9svAzCbXxty3gpW7j306tVf3vqyvvvNVHihxgrP/3+wcSuN2i4LrSQkvLagwoirpAO0edOVHYrm9oeeMNgrZ8zjqJQ==",
 "oaepCt": "YlYKeB5VHmNuOmEkbseDVwPmUt5iHNRDBxJsK70PO8XvVtbE35jXObkQ9rF3rsQPvJZrCPB6Ot8B7bNV2Ll6AtMpdTaeK7HvswkY4M9cBYsn/Ks7kZC8iuSp6vQKQvuKzbreQSyDOIjJnJydNNKxR99Gm9LkvtdBUvNgUxKM/1BOWxAAwjWPIx8qWKke6p5ErQsXQBUmDR84vDmazEb+FU8ZSPbJR9OLGPWV/lB5Z9MZND0+Oj+kl24Vz1A31rpuUj1jhPW1bosuiz1FRSpr5ffo4yr4/ABMGfBqSN2IOMjOJvvJvbMEn4omrVXT5816ZpWPQtB/En7tEOtKpzsO7g==",
 "ecSig256": "8M6tOB0QjilDkUTxVHMOSL6UB1ofh7vQfwVFKpx0aOlOpMNa55eAMjxM/LhiOMs3WTh8H58ddwMUU4v3h1WGrQ==",
 "ecSig384": "LUe53MHkTqyM29PSR4MM9pgPxBd2JUEUBzDLXQASr7jnDi7b34W8ssxCWGVT1lK5MSousADfYWz4RrwYwtzcO96jXZlYXAdBtbdAmojsgOmerk6Symb/vnoeoHmTCpgE",
 "ecSig521": "Abdyoho94E90XtyTZsla+bskc5sijihc5F+SCgKhpqqrMvCNRm6gnK/aVc+fauQ61tLP4UhXURFDk4R7vF6bBdWXAGL8CovyMdYJvNfMPbd1Mzgo3gIGaepTzylwrKKFBqzizyMsncEfD2+Wc75bi9noKcCNWyQj2xxm0NfPKk3wCWGh"
};

const s = crypto.subtle;
const enc = new TextEncoder();
const msg = enc.encode("workerhost");
const bytes = (b64) => {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
};
const hex = (b) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, "0")).join("");
const seq = (n, start = 0) => new Uint8Array(n).map((_, i) => (i + start) & 255);

function show(v) {
  if (v instanceof ArrayBuffer) return "ArrayBuffer " + v.byteLength + " " + hex(v);
  if (v instanceof CryptoKey) return "CryptoKey " + JSON.stringify({ type: v.type, extractable: v.extractable, algorithm: v.algorithm, usages: v.usages });
  if (v && typeof v === "object" && v.publicKey instanceof CryptoKey) return "CryptoKeyPair " + Object.keys(v).join(",") + " | " + show(v.publicKey) + " | " + show(v.privateKey);
  if (v && typeof v === "object" && "kty" in v) return "JWK " + JSON.stringify(v, Object.keys(v).sort());
  return typeof v + " " + JSON.stringify(v);
}

function describe(e) {
  return "threw " + (e && e.constructor && e.constructor.name) + " " + (e && e.name) + ": " + (e && e.message);
}

export default {
  async fetch(request) {
    const lines = [];
    const t = async (label, f) => {
      try {
        lines.push(label + ": " + show(await f()));
      } catch (e) {
        lines.push(label + ": " + describe(e));
      }
    };
    const sections = { shape, hmac, rsa, ec, okp, aes, kdf, wrap, generate, misuse, edges, args, extras, digeststream };
    const only = new URL(request.url).pathname.slice(1);
    for (const [name, f] of Object.entries(sections)) {
      if (only && only !== name) continue;
      lines.push("== " + name);
      await f(t);
    }
    return new Response(lines.join("\n") + "\n");
  },
};

async function shape(t) {
  const k = await s.importKey("raw", seq(16), "AES-GCM", true, ["decrypt", "encrypt", "decrypt"]);
  await t("prototype", () => Object.getOwnPropertyNames(CryptoKey.prototype).join(","));
  await t("own", () => Object.getOwnPropertyNames(k).join(","));
  await t("descriptor", () => {
    const d = Object.getOwnPropertyDescriptor(k, "type") || Object.getOwnPropertyDescriptor(CryptoKey.prototype, "type");
    return Object.keys(d).map((n) => n + "=" + typeof d[n] + (typeof d[n] === "boolean" ? ":" + d[n] : "")).join(" ");
  });
  await t("toString", () => Object.prototype.toString.call(k));
  await t("algorithm cached", () => k.algorithm === k.algorithm);
  await t("usages cached", () => k.usages === k.usages);
  await t("usages order", () => k.usages);
  await t("algorithm writable", () => { k.algorithm.name = "x"; return k.algorithm.name; });
  await t("usages frozen", () => Object.isFrozen(k.usages));
  await t("new", () => new CryptoKey());
  await t("call", () => CryptoKey());
  await t("type set", () => { try { k.type = "public"; } catch (e) { return e.name; } return k.type; });
  await t("subtle methods", () => Object.getOwnPropertyNames(SubtleCrypto.prototype).sort().join(","));
  await t("crypto members", () => Object.getOwnPropertyNames(Crypto.prototype).sort().join(","));
  await t("CryptoKeyPair global", () => typeof globalThis.CryptoKeyPair);
}

async function hmac(t) {
  for (const h of ["SHA-1", "SHA-256", "SHA-384", "SHA-512"]) {
    const k = await s.importKey("raw", seq(40), { name: "HMAC", hash: h }, true, ["sign", "verify"]);
    await t("hmac " + h + " key", () => k);
    const sig = await s.sign("HMAC", k, msg);
    await t("hmac " + h + " sign", () => sig);
    await t("hmac " + h + " verify", () => s.verify({ name: "HMAC" }, k, sig, msg));
    await t("hmac " + h + " verify bad", () => s.verify("HMAC", k, sig, enc.encode("other")));
    await t("hmac " + h + " jwk", () => s.exportKey("jwk", k));
  }
  const raw = seq(32);
  const imp = (fmt, data, alg, ext, usages) => s.importKey(fmt, data, alg, ext, usages);
  const H = { name: "HMAC", hash: "SHA-256" };
  await t("hmac lowercase", () => imp("raw", raw, { name: "hmac", hash: "sha-256" }, true, ["sign"]));
  await t("hmac hash object", () => imp("raw", raw, { name: "HMAC", hash: { name: "SHA-384" } }, true, ["sign"]));
  await t("hmac length", () => imp("raw", raw, { ...H, length: 250 }, true, ["sign"]));
  await t("hmac length too long", () => imp("raw", raw, { ...H, length: 257 }, true, ["sign"]));
  await t("hmac length too short", () => imp("raw", raw, { ...H, length: 248 }, true, ["sign"]));
  await t("hmac length 0", () => imp("raw", raw, { ...H, length: 0 }, true, ["sign"]));
  await t("hmac empty", () => imp("raw", new Uint8Array(0), H, true, ["sign"]));
  await t("hmac no hash", () => imp("raw", raw, { name: "HMAC" }, true, ["sign"]));
  await t("hmac bad hash", () => imp("raw", raw, { name: "HMAC", hash: "SHA-3" }, true, ["sign"]));
  await t("hmac md5 hash", () => imp("raw", raw, { name: "HMAC", hash: "MD5" }, true, ["sign"]));
  await t("hmac bad usage", () => imp("raw", raw, H, true, ["encrypt"]));
  await t("hmac no usages", () => imp("raw", raw, H, true, []));
  await t("hmac spki", () => imp("spki", raw, H, true, ["sign"]));
  await t("hmac pkcs8", () => imp("pkcs8", raw, H, true, ["sign"]));
  await t("hmac bad format", () => imp("foo", raw, H, true, ["sign"]));
  await t("hmac raw object", () => imp("raw", { kty: "oct" }, H, true, ["sign"]));
  await t("hmac jwk buffer", () => imp("jwk", raw, H, true, ["sign"]));
  const jwk = { kty: "oct", k: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", alg: "HS256" };
  await t("hmac jwk", () => imp("jwk", jwk, H, true, ["sign"]));
  await t("hmac jwk alg", () => imp("jwk", { ...jwk, alg: "HS384" }, H, true, ["sign"]));
  await t("hmac jwk kty", () => imp("jwk", { ...jwk, kty: "RSA" }, H, true, ["sign"]));
  await t("hmac jwk no kty", () => imp("jwk", { k: jwk.k }, H, true, ["sign"]));
  await t("hmac jwk ext", () => imp("jwk", { ...jwk, ext: false }, H, true, ["sign"]));
  await t("hmac jwk ext ok", () => imp("jwk", { ...jwk, ext: false }, H, false, ["sign"]));
  await t("hmac jwk use", () => imp("jwk", { ...jwk, use: "enc" }, H, true, ["sign"]));
  await t("hmac jwk use sig", () => imp("jwk", { ...jwk, use: "sig" }, H, true, ["sign"]));
  await t("hmac jwk key_ops", () => imp("jwk", { ...jwk, key_ops: ["verify"] }, H, true, ["sign"]));
  await t("hmac jwk key_ops ok", () => imp("jwk", { ...jwk, key_ops: ["sign", "verify"] }, H, true, ["sign"]));
  await t("hmac jwk no k", () => imp("jwk", { kty: "oct" }, H, true, ["sign"]));
  await t("hmac jwk padded", () => imp("jwk", { kty: "oct", k: "AAEC" + "=" }, H, true, ["sign"]).then((k) => s.exportKey("raw", k)));
  await t("hmac jwk plus", () => imp("jwk", { kty: "oct", k: "AA+/" }, H, true, ["sign"]).then((k) => s.exportKey("raw", k)));
  await t("hmac jwk k number", () => imp("jwk", { kty: "oct", k: 5 }, H, true, ["sign"]));
  await t("hmac jwk sha1", () => imp("jwk", { kty: "oct", k: "AAEC" }, { name: "HMAC", hash: "SHA-1" }, true, ["sign"]).then((k) => s.exportKey("jwk", k)));
  const k = await imp("raw", raw, H, false, ["verify"]);
  await t("hmac export non-extractable", () => s.exportKey("raw", k));
  await t("hmac export spki", () => imp("raw", raw, H, true, ["sign"]).then((k) => s.exportKey("spki", k)));
  await t("hmac export bad", () => imp("raw", raw, H, true, ["sign"]).then((k) => s.exportKey("foo", k)));
  await t("hmac sign no usage", () => s.sign("HMAC", k, msg));
  await t("hmac sign wrong algorithm", () => s.sign("RSA-PSS", k, msg));
  await t("hmac sign unknown algorithm", () => s.sign("FOO", k, msg));
  await t("hmac sign not a key", () => s.sign("HMAC", {}, msg));
  await t("hmac sign string", () => s.sign("HMAC", k, "workerhost"));
  await t("hmac verify string sig", () => s.verify("HMAC", k, "x", msg));
  await t("hmac length jwk", () => imp("raw", raw, { ...H, length: 250 }, true, ["sign"]).then((k) => s.exportKey("jwk", k)));
}

async function rsa(t) {
  const pkcs8 = bytes(K.rsaPkcs8), spki = bytes(K.rsaSpki);
  const P1 = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
  const priv = await s.importKey("pkcs8", pkcs8, P1, true, ["sign"]);
  const pub = await s.importKey("spki", spki, P1, true, ["verify"]);
  await t("pkcs1 private", () => priv);
  await t("pkcs1 public", () => pub);
  const sig = await s.sign("RSASSA-PKCS1-v1_5", priv, msg);
  await t("pkcs1 sign", () => sig);
  await t("pkcs1 verify", () => s.verify(P1, pub, sig, msg));
  await t("pkcs1 verify other", () => s.verify(P1, pub, sig, enc.encode("x")));
  await t("pkcs1 export spki", () => s.exportKey("spki", pub).then((b) => b.byteLength + " " + (hex(b) === hex(spki))));
  await t("pkcs1 export pkcs8", () => s.exportKey("pkcs8", priv).then((b) => b.byteLength + " " + (hex(b) === hex(pkcs8))));
  const jpriv = await s.exportKey("jwk", priv);
  const jpub = await s.exportKey("jwk", pub);
  await t("pkcs1 jwk private", () => jpriv);
  await t("pkcs1 jwk public", () => jpub);
  await t("pkcs1 export raw", () => s.exportKey("raw", pub));
  await t("pkcs1 import raw", () => s.importKey("raw", spki, P1, true, ["verify"]));
  for (const h of ["SHA-1", "SHA-384", "SHA-512"]) {
    const k = await s.importKey("jwk", jpriv, { ...P1, hash: h }, false, ["sign"]).catch((e) => e);
    await t("pkcs1 jwk " + h, () => (k instanceof CryptoKey ? s.sign(P1, k, msg) : Promise.reject(k)));
    const k2 = await s.importKey("jwk", { ...jpriv, alg: undefined }, { ...P1, hash: h }, false, ["sign"]);
    await t("pkcs1 sign " + h, () => s.sign(P1, k2, msg));
  }
  await t("pkcs1 public sign usage", () => s.importKey("spki", spki, P1, true, ["sign"]));
  await t("pkcs1 private verify usage", () => s.importKey("pkcs8", pkcs8, P1, true, ["verify"]));
  await t("pkcs1 public no usages", () => s.importKey("spki", spki, P1, true, []));
  await t("pkcs1 private no usages", () => s.importKey("pkcs8", pkcs8, P1, true, []));
  await t("pkcs1 spki as pkcs8", () => s.importKey("pkcs8", spki, P1, true, ["sign"]));
  await t("pkcs1 pkcs8 as spki", () => s.importKey("spki", pkcs8, P1, true, ["verify"]));
  await t("pkcs1 garbage", () => s.importKey("spki", seq(20), P1, true, ["verify"]));
  await t("pkcs1 no hash", () => s.importKey("spki", spki, "RSASSA-PKCS1-v1_5", true, ["verify"]));
  await t("pkcs1 jwk alg", () => s.importKey("jwk", { ...jpub, alg: "RS384" }, P1, true, ["verify"]));
  await t("pkcs1 jwk kty", () => s.importKey("jwk", { ...jpub, kty: "EC" }, P1, true, ["verify"]));
  await t("pkcs1 jwk no n", () => s.importKey("jwk", { ...jpub, n: undefined }, P1, true, ["verify"]));
  await t("pkcs1 jwk no e", () => s.importKey("jwk", { ...jpub, e: undefined }, P1, true, ["verify"]));
  await t("pkcs1 jwk private no dp", () => s.importKey("jwk", { ...jpriv, dp: undefined }, P1, true, ["sign"]));
  await t("pkcs1 jwk public key_ops", () => s.importKey("jwk", { ...jpub, key_ops: ["sign"] }, P1, true, ["verify"]));
  await t("pkcs1 non-extractable private", () => s.importKey("pkcs8", pkcs8, P1, false, ["sign"]).then((k) => s.exportKey("jwk", k)));
  await t("pkcs1 non-extractable public", () => s.importKey("spki", spki, P1, false, ["verify"]));

  const PSS = { name: "RSA-PSS", hash: "SHA-256" };
  const ppriv = await s.importKey("pkcs8", pkcs8, PSS, true, ["sign"]);
  const ppub = await s.importKey("jwk", jpub.alg === "RS256" ? { ...jpub, alg: "PS256" } : jpub, PSS, true, ["verify"]);
  await t("pss public", () => ppub);
  await t("pss jwk", () => s.exportKey("jwk", ppub));
  await t("pss verify theirs", () => s.verify({ name: "RSA-PSS", saltLength: 32 }, ppub, bytes(K.pssSig), msg));
  await t("pss verify wrong salt", () => s.verify({ name: "RSA-PSS", saltLength: 20 }, ppub, bytes(K.pssSig), msg));
  for (const salt of [0, 32, 222]) {
    await t("pss sign salt " + salt, () => s.sign({ name: "RSA-PSS", saltLength: salt }, ppriv, msg).then((sig) => s.verify({ name: "RSA-PSS", saltLength: salt }, ppub, sig, msg)));
  }
  await t("pss salt 0 deterministic", async () => hex(await s.sign({ name: "RSA-PSS", saltLength: 0 }, ppriv, msg)) === hex(await s.sign({ name: "RSA-PSS", saltLength: 0 }, ppriv, msg)));
  await t("pss salt too long", () => s.sign({ name: "RSA-PSS", saltLength: 223 }, ppriv, msg));
  await t("pss no salt", () => s.sign({ name: "RSA-PSS" }, ppriv, msg));
  await t("pss with pkcs1 key", () => s.sign({ name: "RSA-PSS", saltLength: 32 }, priv, msg));

  const O = { name: "RSA-OAEP", hash: "SHA-256" };
  const opriv = await s.importKey("pkcs8", pkcs8, O, true, ["decrypt", "unwrapKey"]);
  const opub = await s.importKey("spki", spki, O, true, ["encrypt", "wrapKey"]);
  await t("oaep private", () => opriv);
  await t("oaep decrypt theirs", () => s.decrypt({ name: "RSA-OAEP", label: new Uint8Array([1, 2, 3]) }, opriv, bytes(K.oaepCt)));
  await t("oaep decrypt wrong label", () => s.decrypt({ name: "RSA-OAEP" }, opriv, bytes(K.oaepCt)));
  await t("oaep round trip", () => s.encrypt(O, opub, msg).then((c) => s.decrypt(O, opriv, c)).then((p) => new TextDecoder().decode(p)));
  await t("oaep too long", () => s.encrypt(O, opub, new Uint8Array(191)));
  await t("oaep jwk", () => s.exportKey("jwk", opub));
  await t("oaep sign usage", () => s.importKey("pkcs8", pkcs8, O, true, ["sign"]));
  await t("oaep decrypt with public", () => s.decrypt(O, opub, bytes(K.oaepCt)));
  await t("oaep public decrypt usage", () => s.importKey("spki", spki, O, true, ["decrypt"]));
}

async function ec(t) {
  const curves = [["P-256", "SHA-256", K.ec256Pkcs8, K.ecSig256], ["P-384", "SHA-384", K.ec384Pkcs8, K.ecSig384], ["P-521", "SHA-512", K.ec521Pkcs8, K.ecSig521]];
  for (const [curve, hash, p8, sig] of curves) {
    const A = { name: "ECDSA", namedCurve: curve };
    const priv = await s.importKey("pkcs8", bytes(p8), A, true, ["sign"]);
    await t(curve + " private", () => priv);
    const jpriv = await s.exportKey("jwk", priv);
    await t(curve + " jwk private", () => jpriv);
    const jpub = { ...jpriv, d: undefined, key_ops: undefined };
    const pub = await s.importKey("jwk", jpub, A, true, ["verify"]);
    await t(curve + " public", () => pub);
    const raw = await s.exportKey("raw", pub);
    await t(curve + " raw", () => raw);
    await t(curve + " spki", () => s.exportKey("spki", pub));
    await t(curve + " pkcs8 same", () => s.exportKey("pkcs8", priv).then((b) => b.byteLength + " " + (hex(b) === hex(bytes(p8)))));
    await t(curve + " pkcs8", () => s.exportKey("pkcs8", priv));
    await t(curve + " raw import", () => s.importKey("raw", raw, A, true, ["verify"]));
    await t(curve + " raw compressed", () => { const c = new Uint8Array(raw.slice(0, 1 + (raw.byteLength - 1) / 2)); c[0] = 2 + (new Uint8Array(raw)[raw.byteLength - 1] & 1); return s.importKey("raw", c, A, true, ["verify"]).then((k) => s.exportKey("raw", k)).then((r) => hex(r) === hex(raw)); });
    await t(curve + " verify theirs", () => s.verify({ name: "ECDSA", hash }, pub, bytes(sig), msg));
    await t(curve + " verify wrong hash", () => s.verify({ name: "ECDSA", hash: "SHA-1" }, pub, bytes(sig), msg));
    await t(curve + " verify short", () => s.verify({ name: "ECDSA", hash }, pub, bytes(sig).slice(1), msg));
    await t(curve + " sign verify", () => s.sign({ name: "ECDSA", hash }, priv, msg).then((g) => g.byteLength + " " + "x").then(() => s.sign({ name: "ECDSA", hash }, priv, msg)).then((g) => s.verify({ name: "ECDSA", hash }, pub, g, msg)));
    await t(curve + " no hash", () => s.sign({ name: "ECDSA" }, priv, msg));
    await t(curve + " wrong curve", () => s.importKey("pkcs8", bytes(p8), { name: "ECDSA", namedCurve: curve === "P-256" ? "P-384" : "P-256" }, true, ["sign"]));
    const D = { name: "ECDH", namedCurve: curve };
    const dpriv = await s.importKey("pkcs8", bytes(p8), D, true, ["deriveBits", "deriveKey"]);
    await t(curve + " ecdh private", () => dpriv);
    await t(curve + " ecdh self", async () => {
      const dpub = await s.importKey("raw", raw, D, true, []);
      return s.deriveBits({ name: "ECDH", public: dpub }, dpriv, null);
    });
  }
  const A = { name: "ECDSA", namedCurve: "P-256" };
  await t("ec bad curve", () => s.importKey("pkcs8", bytes(K.ec256Pkcs8), { name: "ECDSA", namedCurve: "P-192" }, true, ["sign"]));
  await t("ec no curve", () => s.importKey("pkcs8", bytes(K.ec256Pkcs8), { name: "ECDSA" }, true, ["sign"]));
  await t("ec private raw", () => s.importKey("raw", bytes(K.ec256Pkcs8), A, true, ["sign"]));
  await t("ec raw garbage", () => s.importKey("raw", seq(65), A, true, ["verify"]));
  await t("ec public sign usage", () => s.importKey("spki", bytes(K.ec256bSpki), A, true, ["sign"]));
  await t("ec private export raw", () => s.importKey("pkcs8", bytes(K.ec256Pkcs8), A, true, ["sign"]).then((k) => s.exportKey("raw", k)));
  await t("ec private export spki", () => s.importKey("pkcs8", bytes(K.ec256Pkcs8), A, true, ["sign"]).then((k) => s.exportKey("spki", k)));
  await t("ec jwk crv", () => s.importKey("jwk", { kty: "EC", crv: "P-384", x: "AA", y: "AA" }, A, true, ["verify"]));
  await t("ec jwk no x", () => s.importKey("jwk", { kty: "EC", crv: "P-256" }, A, true, ["verify"]));
  await t("ec jwk bad point", () => s.importKey("jwk", { kty: "EC", crv: "P-256", x: "AAAA", y: "AAAA" }, A, true, ["verify"]));
  const D = { name: "ECDH", namedCurve: "P-256" };
  const a = await s.importKey("pkcs8", bytes(K.ec256Pkcs8), D, false, ["deriveBits", "deriveKey"]);
  const b = await s.importKey("spki", bytes(K.ec256bSpki), D, true, []);
  const b2 = await s.importKey("pkcs8", bytes(K.ec256bPkcs8), D, false, ["deriveBits"]);
  await t("ecdh public", () => b);
  await t("ecdh bits", () => s.deriveBits({ name: "ECDH", public: b }, a, 256));
  await t("ecdh bits null", () => s.deriveBits({ name: "ECDH", public: b }, a, null));
  await t("ecdh bits 128", () => s.deriveBits({ name: "ECDH", public: b }, a, 128));
  await t("ecdh bits 100", () => s.deriveBits({ name: "ECDH", public: b }, a, 100));
  await t("ecdh bits 512", () => s.deriveBits({ name: "ECDH", public: b }, a, 512));
  await t("ecdh symmetric", async () => hex(await s.deriveBits({ name: "ECDH", public: b }, a, 256)) === hex(await s.deriveBits({ name: "ECDH", public: await s.importKey("pkcs8", bytes(K.ec256Pkcs8), D, true, ["deriveBits"]).then((k) => s.exportKey("jwk", k)).then((j) => s.importKey("jwk", { kty: j.kty, crv: j.crv, x: j.x, y: j.y }, D, true, [])) }, b2, 256)));
  await t("ecdh key", () => s.deriveKey({ name: "ECDH", public: b }, a, { name: "AES-GCM", length: 128 }, true, ["encrypt"]).then((k) => s.exportKey("raw", k)));
  await t("ecdh no public", () => s.deriveBits({ name: "ECDH" }, a, 256));
  await t("ecdh public is private", () => s.deriveBits({ name: "ECDH", public: a }, a, 256));
  await t("ecdh public wrong alg", async () => s.deriveBits({ name: "ECDH", public: await s.importKey("spki", bytes(K.ec256bSpki), A, true, ["verify"]) }, a, 256));
  await t("ecdh public wrong curve", async () => s.deriveBits({ name: "ECDH", public: await s.importKey("pkcs8", bytes(K.ec384Pkcs8), { name: "ECDH", namedCurve: "P-384" }, true, ["deriveBits"]).then((k) => s.exportKey("jwk", k)).then((j) => s.importKey("jwk", { kty: j.kty, crv: j.crv, x: j.x, y: j.y }, { name: "ECDH", namedCurve: "P-384" }, true, [])) }, a, 256));
  await t("ecdh public usages", () => s.importKey("spki", bytes(K.ec256bSpki), D, true, ["deriveBits"]));
}

async function okp(t) {
  const priv = await s.importKey("pkcs8", bytes(K.edPkcs8), "Ed25519", true, ["sign"]);
  await t("ed25519 private", () => priv);
  const jpriv = await s.exportKey("jwk", priv);
  await t("ed25519 jwk", () => jpriv);
  await t("ed25519 pkcs8", () => s.exportKey("pkcs8", priv));
  const pub = await s.importKey("jwk", { kty: "OKP", crv: "Ed25519", x: jpriv.x }, { name: "Ed25519" }, true, ["verify"]);
  await t("ed25519 public", () => pub);
  await t("ed25519 raw", () => s.exportKey("raw", pub));
  await t("ed25519 spki", () => s.exportKey("spki", pub));
  const sig = await s.sign("Ed25519", priv, msg);
  await t("ed25519 sign", () => sig);
  await t("ed25519 verify", () => s.verify("Ed25519", pub, sig, msg));
  await t("ed25519 verify other", () => s.verify("Ed25519", pub, sig, enc.encode("x")));
  await t("ed25519 verify short", () => s.verify("Ed25519", pub, sig.slice(1), msg));
  await t("ed25519 raw import", () => s.exportKey("raw", pub).then((r) => s.importKey("raw", r, "Ed25519", false, ["verify"])));
  await t("ed25519 raw short", () => s.importKey("raw", seq(31), "Ed25519", false, ["verify"]));
  await t("ed25519 private raw", () => s.importKey("raw", seq(32), "Ed25519", false, ["sign"]));
  await t("ed25519 jwk kty", () => s.importKey("jwk", { kty: "EC", crv: "Ed25519", x: jpriv.x }, "Ed25519", true, ["verify"]));
  await t("ed25519 jwk crv", () => s.importKey("jwk", { kty: "OKP", crv: "X25519", x: jpriv.x }, "Ed25519", true, ["verify"]));
  await t("ed25519 jwk alg", () => s.importKey("jwk", { kty: "OKP", crv: "Ed25519", x: jpriv.x, alg: "EdDSA" }, "Ed25519", true, ["verify"]));
  await t("ed25519 jwk alg bad", () => s.importKey("jwk", { kty: "OKP", crv: "Ed25519", x: jpriv.x, alg: "ES256" }, "Ed25519", true, ["verify"]));
  await t("ed25519 usage", () => s.importKey("pkcs8", bytes(K.edPkcs8), "Ed25519", true, ["verify"]));
  await t("ed25519 params ignored", () => s.importKey("pkcs8", bytes(K.edPkcs8), { name: "Ed25519", namedCurve: "P-256" }, true, ["sign"]));
  const N = { name: "NODE-ED25519", namedCurve: "NODE-ED25519" };
  const npriv = await s.importKey("pkcs8", bytes(K.edPkcs8), N, true, ["sign"]).catch((e) => e);
  await t("node-ed25519 private", () => (npriv instanceof CryptoKey ? npriv : Promise.reject(npriv)));
  await t("node-ed25519 sign", () => s.sign(N, npriv, msg));
  await t("node-ed25519 jwk", () => s.exportKey("jwk", npriv));
  await t("node-ed25519 raw public", () => s.exportKey("raw", pub).then((r) => s.importKey("raw", r, N, true, ["verify"])));
  await t("node-ed25519 no curve", () => s.importKey("pkcs8", bytes(K.edPkcs8), { name: "NODE-ED25519" }, true, ["sign"]));
  await t("node-ed25519 other curve", () => s.importKey("pkcs8", bytes(K.edPkcs8), { name: "NODE-ED25519", namedCurve: "P-256" }, true, ["sign"]));
  await t("node-ed25519 verify with Ed25519 key", () => s.verify(N, pub, sig, msg));

  const X = { name: "X25519" };
  const x = await s.importKey("pkcs8", bytes(K.xPkcs8), X, true, ["deriveBits", "deriveKey"]);
  await t("x25519 private", () => x);
  await t("x25519 jwk", () => s.exportKey("jwk", x));
  const y = await s.importKey("raw", bytes(K.x2Raw), X, true, []);
  await t("x25519 public", () => y);
  await t("x25519 spki", () => s.exportKey("spki", y));
  await t("x25519 bits", () => s.deriveBits({ name: "X25519", public: y }, x, 256));
  await t("x25519 bits null", () => s.deriveBits({ name: "X25519", public: y }, x, null));
  await t("x25519 bits 64", () => s.deriveBits({ name: "X25519", public: y }, x, 64));
  await t("x25519 bits 300", () => s.deriveBits({ name: "X25519", public: y }, x, 300));
  await t("x25519 key", () => s.deriveKey({ name: "X25519", public: y }, x, { name: "HMAC", hash: "SHA-256" }, true, ["sign"]).then((k) => s.exportKey("raw", k)));
  await t("x25519 small order", async () => s.deriveBits({ name: "X25519", public: await s.importKey("raw", new Uint8Array(32), X, true, []) }, x, 256));
  await t("x25519 usage", () => s.importKey("raw", bytes(K.x2Raw), X, true, ["deriveBits"]));
  await t("x25519 sign usage", () => s.importKey("pkcs8", bytes(K.xPkcs8), X, true, ["sign"]));
  await t("x25519 public with ed", () => s.deriveBits({ name: "X25519", public: pub }, x, 256));
}

async function aes(t) {
  const key = seq(16), iv = seq(12, 100), iv16 = seq(16, 200);
  const gcm = await s.importKey("raw", key, "AES-GCM", true, ["encrypt", "decrypt"]);
  await t("gcm key", () => gcm);
  await t("gcm jwk", () => s.exportKey("jwk", gcm));
  const c = await s.encrypt({ name: "AES-GCM", iv }, gcm, msg);
  await t("gcm encrypt", () => c);
  await t("gcm decrypt", () => s.decrypt({ name: "AES-GCM", iv }, gcm, c));
  await t("gcm aad", () => s.encrypt({ name: "AES-GCM", iv, additionalData: seq(5) }, gcm, msg));
  await t("gcm tag 96", () => s.encrypt({ name: "AES-GCM", iv, tagLength: 96 }, gcm, msg));
  await t("gcm tag 96 decrypt", () => s.encrypt({ name: "AES-GCM", iv, tagLength: 96 }, gcm, msg).then((x) => s.decrypt({ name: "AES-GCM", iv, tagLength: 96 }, gcm, x)));
  await t("gcm tag 100", () => s.encrypt({ name: "AES-GCM", iv, tagLength: 100 }, gcm, msg));
  await t("gcm tag 32", () => s.encrypt({ name: "AES-GCM", iv, tagLength: 32 }, gcm, msg));
  await t("gcm iv 16", () => s.encrypt({ name: "AES-GCM", iv: iv16 }, gcm, msg));
  await t("gcm iv 1", () => s.encrypt({ name: "AES-GCM", iv: seq(1) }, gcm, msg));
  await t("gcm iv 0", () => s.encrypt({ name: "AES-GCM", iv: new Uint8Array(0) }, gcm, msg));
  await t("gcm no iv", () => s.encrypt({ name: "AES-GCM" }, gcm, msg));
  await t("gcm tampered", () => { const x = new Uint8Array(c); x[0] ^= 1; return s.decrypt({ name: "AES-GCM", iv }, gcm, x); });
  await t("gcm short", () => s.decrypt({ name: "AES-GCM", iv }, gcm, seq(10)));
  await t("gcm empty", () => s.encrypt({ name: "AES-GCM", iv }, gcm, new Uint8Array(0)));
  const g256 = await s.importKey("raw", seq(32), { name: "AES-GCM" }, true, ["encrypt"]);
  await t("gcm 256", () => s.encrypt({ name: "AES-GCM", iv }, g256, msg));
  await t("gcm 192", () => s.importKey("raw", seq(24), "AES-GCM", true, ["encrypt"]).then((k) => s.encrypt({ name: "AES-GCM", iv }, k, msg)));
  await t("aes 20 bytes", () => s.importKey("raw", seq(20), "AES-GCM", true, ["encrypt"]));
  await t("aes sign usage", () => s.importKey("raw", key, "AES-GCM", true, ["sign"]));
  await t("aes pkcs8", () => s.importKey("pkcs8", key, "AES-GCM", true, ["encrypt"]));
  await t("gcm with cbc key", async () => s.encrypt({ name: "AES-CBC", iv: iv16 }, gcm, msg));
  const cbc = await s.importKey("raw", key, "AES-CBC", true, ["encrypt", "decrypt"]);
  const cc = await s.encrypt({ name: "AES-CBC", iv: iv16 }, cbc, msg);
  await t("cbc encrypt", () => cc);
  await t("cbc decrypt", () => s.decrypt({ name: "AES-CBC", iv: iv16 }, cbc, cc));
  await t("cbc 16 bytes", () => s.encrypt({ name: "AES-CBC", iv: iv16 }, cbc, seq(16)));
  await t("cbc iv 12", () => s.encrypt({ name: "AES-CBC", iv }, cbc, msg));
  await t("cbc bad padding", () => s.decrypt({ name: "AES-CBC", iv: iv16 }, cbc, seq(16)));
  await t("cbc not block", () => s.decrypt({ name: "AES-CBC", iv: iv16 }, cbc, seq(15)));
  await t("cbc jwk", () => s.exportKey("jwk", cbc));
  const ctr = await s.importKey("raw", seq(32), "AES-CTR", true, ["encrypt", "decrypt"]);
  await t("ctr encrypt", () => s.encrypt({ name: "AES-CTR", counter: iv16, length: 64 }, ctr, msg));
  await t("ctr decrypt", () => s.encrypt({ name: "AES-CTR", counter: iv16, length: 64 }, ctr, msg).then((x) => s.decrypt({ name: "AES-CTR", counter: iv16, length: 64 }, ctr, x)));
  const wrapCounter = new Uint8Array(16).fill(255);
  await t("ctr wrap 8", () => s.encrypt({ name: "AES-CTR", counter: wrapCounter, length: 8 }, ctr, seq(48)));
  await t("ctr wrap 128", () => s.encrypt({ name: "AES-CTR", counter: wrapCounter, length: 128 }, ctr, seq(48)));
  await t("ctr length 0", () => s.encrypt({ name: "AES-CTR", counter: iv16, length: 0 }, ctr, msg));
  await t("ctr length 129", () => s.encrypt({ name: "AES-CTR", counter: iv16, length: 129 }, ctr, msg));
  await t("ctr counter 12", () => s.encrypt({ name: "AES-CTR", counter: iv, length: 64 }, ctr, msg));
  await t("ctr no length", () => s.encrypt({ name: "AES-CTR", counter: iv16 }, ctr, msg));
  await t("ctr too many blocks", () => s.encrypt({ name: "AES-CTR", counter: iv16, length: 1 }, ctr, seq(48)));
  await t("ctr jwk", () => s.exportKey("jwk", ctr));
  await t("aes jwk import", () => s.importKey("jwk", { kty: "oct", k: "AAECAwQFBgcICQoLDA0ODw", alg: "A128GCM" }, "AES-GCM", true, ["encrypt"]));
  await t("aes jwk alg", () => s.importKey("jwk", { kty: "oct", k: "AAECAwQFBgcICQoLDA0ODw", alg: "A256GCM" }, "AES-GCM", true, ["encrypt"]));
  await t("aes jwk alg cbc", () => s.importKey("jwk", { kty: "oct", k: "AAECAwQFBgcICQoLDA0ODw", alg: "A128CBC" }, "AES-GCM", true, ["encrypt"]));
  await t("aes jwk bad length", () => s.importKey("jwk", { kty: "oct", k: "AAECAwQFBgcICQoLDA0O" }, "AES-GCM", true, ["encrypt"]));
  const kw = await s.importKey("raw", key, "AES-KW", true, ["wrapKey", "unwrapKey"]);
  await t("kw key", () => kw);
  await t("kw jwk", () => s.exportKey("jwk", kw));
  await t("kw encrypt usage", () => s.importKey("raw", key, "AES-KW", true, ["encrypt"]));
  await t("kw encrypt", () => s.encrypt("AES-KW", kw, seq(16)));
}

async function kdf(t) {
  const pw = await s.importKey("raw", enc.encode("password"), "PBKDF2", false, ["deriveBits", "deriveKey"]);
  await t("pbkdf2 key", () => pw);
  for (const h of ["SHA-1", "SHA-256", "SHA-384", "SHA-512"]) {
    await t("pbkdf2 " + h, () => s.deriveBits({ name: "PBKDF2", hash: h, salt: enc.encode("salt"), iterations: 2 }, pw, 256));
  }
  const P = { name: "PBKDF2", hash: "SHA-256", salt: enc.encode("salt"), iterations: 1000 };
  await t("pbkdf2 1000", () => s.deriveBits(P, pw, 512));
  await t("pbkdf2 0 iterations", () => s.deriveBits({ ...P, iterations: 0 }, pw, 256));
  await t("pbkdf2 too many iterations", () => s.deriveBits({ ...P, iterations: 100001 }, pw, 256));
  await t("pbkdf2 length 0", () => s.deriveBits(P, pw, 0));
  await t("pbkdf2 length 7", () => s.deriveBits(P, pw, 7));
  await t("pbkdf2 length null", () => s.deriveBits(P, pw, null));
  await t("pbkdf2 no salt", () => s.deriveBits({ name: "PBKDF2", hash: "SHA-256", iterations: 10 }, pw, 256));
  await t("pbkdf2 empty password", () => s.importKey("raw", new Uint8Array(0), "PBKDF2", false, ["deriveBits"]).then((k) => s.deriveBits(P, k, 128)));
  await t("pbkdf2 extractable", () => s.importKey("raw", enc.encode("password"), "PBKDF2", true, ["deriveBits"]));
  await t("pbkdf2 jwk", () => s.importKey("jwk", { kty: "oct", k: "AAEC" }, "PBKDF2", false, ["deriveBits"]));
  await t("pbkdf2 usage", () => s.importKey("raw", enc.encode("password"), "PBKDF2", false, ["sign"]));
  await t("pbkdf2 export", () => s.exportKey("raw", pw));
  await t("pbkdf2 deriveKey aes", () => s.deriveKey(P, pw, { name: "AES-CBC", length: 256 }, true, ["encrypt"]).then((k) => s.exportKey("jwk", k)));
  await t("pbkdf2 deriveKey hmac", () => s.deriveKey(P, pw, { name: "HMAC", hash: "SHA-384" }, true, ["sign"]).then((k) => s.exportKey("raw", k)));
  await t("pbkdf2 deriveKey hmac length", () => s.deriveKey(P, pw, { name: "HMAC", hash: "SHA-1", length: 64 }, true, ["sign"]));
  await t("pbkdf2 deriveKey aes no length", () => s.deriveKey(P, pw, { name: "AES-CBC" }, true, ["encrypt"]));
  await t("pbkdf2 deriveKey rsa", () => s.deriveKey(P, pw, { name: "RSA-PSS", hash: "SHA-256" }, true, ["sign"]));
  await t("pbkdf2 deriveKey usage", () => s.importKey("raw", enc.encode("password"), "PBKDF2", false, ["deriveBits"]).then((k) => s.deriveKey(P, k, { name: "AES-CBC", length: 128 }, true, ["encrypt"])));
  const ikm = await s.importKey("raw", seq(22), "HKDF", false, ["deriveBits", "deriveKey"]);
  await t("hkdf key", () => ikm);
  const H = { name: "HKDF", hash: "SHA-256", salt: seq(13), info: seq(10, 0xf0) };
  await t("hkdf bits", () => s.deriveBits(H, ikm, 336));
  await t("hkdf sha1", () => s.deriveBits({ ...H, hash: "SHA-1" }, ikm, 160));
  await t("hkdf no salt", () => s.deriveBits({ name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: new Uint8Array(0) }, ikm, 256));
  await t("hkdf missing info", () => s.deriveBits({ name: "HKDF", hash: "SHA-256", salt: seq(4) }, ikm, 256));
  await t("hkdf too long", () => s.deriveBits(H, ikm, 255 * 256 + 8));
  await t("hkdf max", () => s.deriveBits(H, ikm, 255 * 256).then((b) => b.byteLength));
  await t("hkdf length 0", () => s.deriveBits(H, ikm, 0));
  await t("hkdf length null", () => s.deriveBits(H, ikm, null));
  await t("hkdf length 12", () => s.deriveBits(H, ikm, 12));
  await t("hkdf deriveKey", () => s.deriveKey(H, ikm, { name: "AES-GCM", length: 192 }, true, ["encrypt"]).then((k) => s.exportKey("raw", k)));
  await t("hkdf extractable", () => s.importKey("raw", seq(22), "HKDF", true, ["deriveBits"]));
  await t("derive with hmac key", () => s.importKey("raw", seq(22), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]).then((k) => s.deriveBits(H, k, 128)));
  await t("derive unknown", () => s.deriveBits({ name: "FOO" }, ikm, 128));
}

async function wrap(t) {
  const kw = await s.importKey("raw", seq(16), "AES-KW", true, ["wrapKey", "unwrapKey"]);
  const hk = await s.importKey("raw", seq(32, 50), { name: "HMAC", hash: "SHA-256" }, true, ["sign", "verify"]);
  const w = await s.wrapKey("raw", hk, kw, "AES-KW");
  await t("kw wrap raw", () => w);
  await t("kw unwrap raw", () => s.unwrapKey("raw", w, kw, "AES-KW", { name: "HMAC", hash: "SHA-256" }, true, ["sign"]).then((k) => s.exportKey("raw", k)));
  await t("kw unwrap tampered", () => { const x = new Uint8Array(w); x[3] ^= 1; return s.unwrapKey("raw", x, kw, "AES-KW", { name: "HMAC", hash: "SHA-256" }, true, ["sign"]); });
  await t("kw wrap jwk", () => s.wrapKey("jwk", hk, kw, "AES-KW"));
  await t("kw wrap 20", () => s.importKey("raw", seq(20), { name: "HMAC", hash: "SHA-256" }, true, ["sign"]).then((k) => s.wrapKey("raw", k, kw, "AES-KW")));
  await t("kw unwrap short", () => s.unwrapKey("raw", seq(16), kw, "AES-KW", { name: "HMAC", hash: "SHA-256" }, true, ["sign"]));
  const gcm = await s.importKey("raw", seq(16), "AES-GCM", true, ["wrapKey", "unwrapKey", "encrypt"]);
  const G = { name: "AES-GCM", iv: seq(12) };
  const wj = await s.wrapKey("jwk", hk, gcm, G);
  await t("gcm wrap jwk", () => wj);
  await t("gcm unwrap jwk", () => s.unwrapKey("jwk", wj, gcm, G, { name: "HMAC", hash: "SHA-256" }, true, ["verify"]));
  await t("gcm unwrap jwk as raw", () => s.unwrapKey("raw", wj, gcm, G, { name: "HMAC", hash: "SHA-256" }, true, ["verify"]).then((k) => s.exportKey("raw", k)).then((b) => b.byteLength));
  await t("gcm unwrap garbage jwk", async () => s.unwrapKey("jwk", await s.encrypt(G, gcm, enc.encode("{nope")), gcm, G, { name: "HMAC", hash: "SHA-256" }, true, ["verify"]).catch((e) => Promise.reject(new e.constructor("(JSON.parse's message)"))));
  await t("gcm unwrap non-object jwk", async () => s.unwrapKey("jwk", await s.encrypt(G, gcm, enc.encode("5")), gcm, G, { name: "HMAC", hash: "SHA-256" }, true, ["verify"]));
  await t("wrap no usage", () => s.wrapKey("raw", hk, gcm, { name: "AES-CBC", iv: seq(16) }));
  await t("wrap encrypt-only key", async () => s.wrapKey("raw", hk, await s.importKey("raw", seq(16), "AES-GCM", true, ["encrypt"]), G));
  await t("wrap non-extractable", async () => s.wrapKey("raw", await s.importKey("raw", seq(16), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]), kw, "AES-KW"));
  await t("wrap with hmac", () => s.wrapKey("raw", hk, hk, "HMAC"));
  const O = { name: "RSA-OAEP", hash: "SHA-256" };
  const opub = await s.importKey("spki", bytes(K.rsaSpki), O, false, ["wrapKey"]);
  const opriv = await s.importKey("pkcs8", bytes(K.rsaPkcs8), O, false, ["unwrapKey"]);
  await t("oaep wrap unwrap", () => s.wrapKey("raw", hk, opub, "RSA-OAEP").then((x) => s.unwrapKey("raw", x, opriv, "RSA-OAEP", "AES-CTR", true, ["encrypt"])).then((k) => s.exportKey("jwk", k)));
  await t("unwrap pkcs8", async () => s.wrapKey("pkcs8", await s.importKey("pkcs8", bytes(K.edPkcs8), "Ed25519", true, ["sign"]), gcm, G).then((x) => s.unwrapKey("pkcs8", x, gcm, G, "Ed25519", false, ["sign"])));
}

async function generate(t) {
  const rt = async (label, alg, usages, check) => {
    await t(label, async () => {
      const k = await s.generateKey(alg, true, usages);
      return show(k).replace(/"modulusLength":\d+/, "$&") + (check ? " | " + (await check(k)) : "");
    });
  };
  await rt("gen hmac", { name: "HMAC", hash: "SHA-256" }, ["sign", "verify"], async (k) => (await s.exportKey("raw", k)).byteLength);
  await rt("gen hmac length", { name: "HMAC", hash: "SHA-256", length: 20 }, ["sign"], async (k) => (await s.exportKey("raw", k)).byteLength);
  await rt("gen hmac 0", { name: "HMAC", hash: "SHA-256", length: 0 }, ["sign"]);
  for (const n of ["AES-GCM", "AES-CBC", "AES-CTR", "AES-KW"]) {
    await rt("gen " + n, { name: n, length: 256 }, n === "AES-KW" ? ["wrapKey"] : ["encrypt"], async (k) => (await s.exportKey("raw", k)).byteLength);
  }
  await rt("gen aes bad length", { name: "AES-GCM", length: 100 }, ["encrypt"]);
  await rt("gen aes no length", { name: "AES-GCM" }, ["encrypt"]);
  const e = new Uint8Array([1, 0, 1]);
  for (const [n, u] of [["RSASSA-PKCS1-v1_5", ["sign", "verify"]], ["RSA-PSS", ["sign", "verify"]], ["RSA-OAEP", ["encrypt", "decrypt"]]]) {
    await rt("gen " + n, { name: n, modulusLength: 1024, publicExponent: e, hash: "SHA-256" }, u, async (k) => {
      if (n === "RSA-OAEP") return new TextDecoder().decode(await s.decrypt(n, k.privateKey, await s.encrypt(n, k.publicKey, msg)));
      const a = { name: n, saltLength: 32 };
      return s.verify(a, k.publicKey, await s.sign(a, k.privateKey, msg), msg);
    });
  }
  await rt("gen rsa exponent 3", { name: "RSA-PSS", modulusLength: 1024, publicExponent: new Uint8Array([3]), hash: "SHA-256" }, ["sign"]);
  await rt("gen rsa exponent 2", { name: "RSA-PSS", modulusLength: 1024, publicExponent: new Uint8Array([2]), hash: "SHA-256" }, ["sign"]);
  await rt("gen rsa small", { name: "RSA-PSS", modulusLength: 256, publicExponent: e, hash: "SHA-256" }, ["sign"]);
  await rt("gen rsa odd", { name: "RSA-PSS", modulusLength: 1025, publicExponent: e, hash: "SHA-256" }, ["sign"]);
  await rt("gen rsa no hash", { name: "RSA-PSS", modulusLength: 1024, publicExponent: e }, ["sign"]);
  await rt("gen rsa no usages", { name: "RSA-PSS", modulusLength: 1024, publicExponent: e, hash: "SHA-256" }, []);
  await rt("gen rsa verify only", { name: "RSA-PSS", modulusLength: 1024, publicExponent: e, hash: "SHA-256" }, ["verify"]);
  for (const c of ["P-256", "P-384", "P-521"]) {
    await rt("gen ecdsa " + c, { name: "ECDSA", namedCurve: c }, ["sign", "verify"], async (k) => s.verify({ name: "ECDSA", hash: "SHA-256" }, k.publicKey, await s.sign({ name: "ECDSA", hash: "SHA-256" }, k.privateKey, msg), msg));
    await rt("gen ecdh " + c, { name: "ECDH", namedCurve: c }, ["deriveBits"], async (k) => (await s.deriveBits({ name: "ECDH", public: k.publicKey }, k.privateKey, null)).byteLength);
  }
  await rt("gen ed25519", { name: "Ed25519" }, ["sign", "verify"], async (k) => s.verify("Ed25519", k.publicKey, await s.sign("Ed25519", k.privateKey, msg), msg));
  await rt("gen node-ed25519", { name: "NODE-ED25519", namedCurve: "NODE-ED25519" }, ["sign", "verify"]);
  await rt("gen x25519", { name: "X25519" }, ["deriveBits", "deriveKey"], async (k) => (await s.deriveBits({ name: "X25519", public: k.publicKey }, k.privateKey, 256)).byteLength);
  await rt("gen ed25519 wrong usage", { name: "Ed25519" }, ["encrypt"]);
  await rt("gen pbkdf2", { name: "PBKDF2" }, ["deriveBits"]);
  await rt("gen hkdf", { name: "HKDF" }, ["deriveBits"]);
  await rt("gen unknown", { name: "FOO" }, ["sign"]);
  await t("gen non-extractable pair", async () => { const k = await s.generateKey("Ed25519", false, ["sign", "verify"]); return k.publicKey.extractable + " " + k.privateKey.extractable; });
}

async function misuse(t) {
  const k = await s.importKey("raw", seq(16), "AES-GCM", true, ["encrypt"]);
  await t("no arguments", () => s.encrypt());
  await t("algorithm number", () => s.encrypt(5, k, msg));
  await t("algorithm no name", () => s.encrypt({}, k, msg));
  await t("usages not array", () => s.importKey("raw", seq(16), "AES-GCM", true, "encrypt"));
  await t("usages duplicates", () => s.importKey("raw", seq(16), "AES-GCM", true, ["encrypt", "encrypt"]));
  await t("encrypt no usage", () => s.decrypt({ name: "AES-GCM", iv: seq(12) }, k, msg));
  await t("sign with aes", () => s.sign("AES-GCM", k, msg));
  await t("digest unknown", () => s.digest("SHA-3", msg));
  await t("exportKey not key", () => s.exportKey("raw", {}));
  await t("deriveBits not key", () => s.deriveBits({ name: "HKDF" }, {}, 8));
  await t("wrapKey not key", () => s.wrapKey("raw", {}, k, "AES-GCM"));
  await t("importKey usages not strings", () => s.importKey("raw", seq(16), "AES-GCM", true, [1]));
  await t("brand", () => SubtleCrypto.prototype.sign.call({}, "HMAC", k, msg));
}

async function extras(t) {
  await t("timingSafeEqual", () => s.timingSafeEqual(seq(4), seq(4)));
  await t("timingSafeEqual differs", () => s.timingSafeEqual(seq(4), seq(4, 1)));
  await t("timingSafeEqual buffers", () => s.timingSafeEqual(seq(4).buffer, new DataView(seq(4).buffer)));
  await t("timingSafeEqual length", () => s.timingSafeEqual(seq(4), seq(5)));
  await t("timingSafeEqual string", () => s.timingSafeEqual("ab", "ab"));

}

// digeststream needs WritableStream, which DigestStream extends.
async function digeststream(t) {
  await t("DigestStream", async () => {
    const d = new crypto.DigestStream("SHA-256");
    const w = d.getWriter();
    await w.write(enc.encode("work"));
    await w.write(enc.encode("erhost").buffer);
    await w.close();
    return hex(await d.digest) + " " + d.bytesWritten + " " + (d instanceof WritableStream);
  });
  await t("DigestStream md5", async () => {
    const d = new crypto.DigestStream({ name: "MD5" });
    const w = d.getWriter();
    await w.write(msg);
    await w.close();
    return hex(await d.digest);
  });
  await t("DigestStream unknown", () => new crypto.DigestStream("SHA-3"));
  await t("DigestStream string chunk", async () => {
    const d = new crypto.DigestStream("SHA-1");
    const w = d.getWriter();
    await w.write("abc");
    await w.close();
    return hex(await d.digest);
  });
  await t("DigestStream abort", async () => {
    const d = new crypto.DigestStream("SHA-1");
    const w = d.getWriter();
    await w.abort(new Error("stop"));
    return d.digest.then(() => "resolved", (e) => describe(e));
  });
}

// edges: JWK members, DER of the wrong key type, generation limits, key
// wrap sizes, member types.
async function edges(t) {
  const ec = await s.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
  const ecj = await s.exportKey("jwk", ec.privateKey);
  const ed = await s.generateKey("Ed25519", true, ["sign", "verify"]);
  const edj = await s.exportKey("jwk", ed.privateKey);
  const x = await s.generateKey("X25519", true, ["deriveBits"]);
  const xj = await s.exportKey("jwk", x.privateKey);
  const rsa = await s.generateKey({ name: "RSA-PSS", modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" }, true, ["sign", "verify"]);
  const rj = await s.exportKey("jwk", rsa.privateKey);
  const A = { name: "ECDSA", namedCurve: "P-256" };
  await t("ec jwk kty", () => s.importKey("jwk", { ...ecj, kty: "RSA" }, A, true, ["sign"]));
  await t("ec jwk no y", () => s.importKey("jwk", { ...ecj, y: undefined, d: undefined }, A, true, ["verify"]));
  await t("ec jwk ext", () => s.importKey("jwk", { ...ecj, ext: false }, A, true, ["sign"]));
  await t("ec jwk key_ops", () => s.importKey("jwk", { ...ecj, key_ops: ["verify"] }, A, true, ["sign"]));
  await t("ec jwk alg ES384", () => s.importKey("jwk", { ...ecj, alg: "ES384" }, A, true, ["sign"]));
  await t("ec jwk alg ES256", () => s.importKey("jwk", { ...ecj, alg: "ES256" }, A, true, ["sign"]));
  await t("ec jwk bad d", () => s.importKey("jwk", { ...ecj, d: ecj.x }, A, true, ["sign"]));
  await t("ec jwk short d", () => s.importKey("jwk", { ...ecj, d: "AAAA" }, A, true, ["sign"]));
  await t("ec jwk crv mismatch", () => s.importKey("jwk", { ...ecj, crv: "P-384" }, A, true, ["sign"]));
  await t("ec jwk ecdh alg", () => s.importKey("jwk", { ...ecj, alg: "ECDH-ES" }, { name: "ECDH", namedCurve: "P-256" }, true, ["deriveBits"]));
  await t("ec pkcs8 of ed", async () => s.importKey("pkcs8", await s.exportKey("pkcs8", ed.privateKey), A, true, ["sign"]));
  await t("ec spki of rsa", async () => s.importKey("spki", await s.exportKey("spki", rsa.publicKey), A, true, ["verify"]));
  await t("rsa spki of ec", async () => s.importKey("spki", await s.exportKey("spki", ec.publicKey), { name: "RSA-PSS", hash: "SHA-256" }, true, ["verify"]));
  await t("ed pkcs8 of x", async () => s.importKey("pkcs8", await s.exportKey("pkcs8", x.privateKey), "Ed25519", true, ["sign"]));
  await t("ed spki garbage", () => s.importKey("spki", new Uint8Array(5), "Ed25519", true, ["verify"]));
  await t("ec pkcs8 export public", () => s.exportKey("pkcs8", ec.publicKey));
  await t("ed raw export private", () => s.exportKey("raw", ed.privateKey));
  await t("x raw export private", () => s.exportKey("raw", x.privateKey));
  await t("ed pkcs8 export public", () => s.exportKey("pkcs8", ed.publicKey));
  await t("rsa pkcs8 export public", () => s.exportKey("pkcs8", rsa.publicKey));
  await t("ed jwk ext", () => s.importKey("jwk", { ...edj, ext: false }, "Ed25519", true, ["sign"]));
  await t("ed jwk key_ops", () => s.importKey("jwk", { ...edj, key_ops: ["verify"] }, "Ed25519", true, ["sign"]));
  await t("ed jwk no x", () => s.importKey("jwk", { ...edj, x: undefined }, "Ed25519", true, ["sign"]));
  await t("ed jwk no x public", () => s.importKey("jwk", { kty: "OKP", crv: "Ed25519" }, "Ed25519", true, ["verify"]));
  await t("ed jwk short x", () => s.importKey("jwk", { kty: "OKP", crv: "Ed25519", x: "AAAA" }, "Ed25519", true, ["verify"]));
  await t("ed jwk bad d", () => s.importKey("jwk", { ...edj, d: "AAAA" }, "Ed25519", true, ["sign"]));
  await t("ed jwk mismatched d", () => s.importKey("jwk", { ...edj, d: edj.x }, "Ed25519", true, ["sign"]));
  await t("ed jwk alg Ed25519", () => s.importKey("jwk", { ...edj, alg: "Ed25519" }, "Ed25519", true, ["sign"]));
  await t("x jwk kty", () => s.importKey("jwk", { ...xj, kty: "EC" }, "X25519", true, ["deriveBits"]));
  await t("x jwk crv", () => s.importKey("jwk", { ...xj, crv: "Ed25519" }, "X25519", true, ["deriveBits"]));
  await t("x jwk alg", () => s.importKey("jwk", { ...xj, alg: "EdDSA" }, "X25519", true, ["deriveBits"]));
  await t("x raw short", () => s.importKey("raw", new Uint8Array(31), "X25519", true, []));
  await t("node jwk", () => s.importKey("jwk", edj, { name: "NODE-ED25519", namedCurve: "NODE-ED25519" }, true, ["sign"]));
  await t("node jwk kty", () => s.importKey("jwk", { ...edj, kty: "EC" }, { name: "NODE-ED25519", namedCurve: "NODE-ED25519" }, true, ["sign"]));
  await t("rsa jwk n e d only", () => s.importKey("jwk", { kty: "RSA", n: rj.n, e: rj.e, d: rj.d }, { name: "RSA-PSS", hash: "SHA-256" }, true, ["sign"]));
  await t("rsa jwk ext", () => s.importKey("jwk", { ...rj, ext: false }, { name: "RSA-PSS", hash: "SHA-256" }, true, ["sign"]));
  await t("rsa jwk no kty", () => s.importKey("jwk", { ...rj, kty: undefined }, { name: "RSA-PSS", hash: "SHA-256" }, true, ["sign"]));
  await t("rsa jwk bad d", () => s.importKey("jwk", { ...rj, d: rj.n }, { name: "RSA-PSS", hash: "SHA-256" }, true, ["sign"]));
  await t("rsa jwk use enc", () => s.importKey("jwk", { ...rj, use: "enc" }, { name: "RSA-PSS", hash: "SHA-256" }, true, ["sign"]));
  await t("ec jwk use enc", () => s.importKey("jwk", { ...ecj, use: "enc" }, A, true, ["sign"]));
  await t("gen rsa bad usage", () => s.generateKey({ name: "RSA-PSS", modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" }, true, ["sign", "encrypt"]));
  await t("gen rsa 512", () => s.generateKey({ name: "RSA-PSS", modulusLength: 512, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" }, true, ["sign"]));
  await t("gen rsa 1000", () => s.generateKey({ name: "RSA-PSS", modulusLength: 1000, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" }, true, ["sign"]));
  await t("gen rsa no modulus", () => s.generateKey({ name: "RSA-PSS", publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" }, true, ["sign"]));
  await t("gen rsa no exponent", () => s.generateKey({ name: "RSA-PSS", modulusLength: 1024, hash: "SHA-256" }, true, ["sign"]));
  await t("gen rsa exponent 65537 4 bytes", () => s.generateKey({ name: "RSA-PSS", modulusLength: 1024, publicExponent: new Uint8Array([0, 1, 0, 1]), hash: "SHA-256" }, true, ["sign"]));
  await t("gen ec bad usage", () => s.generateKey(A, true, ["sign", "deriveBits"]));
  await t("gen ecdh no usages", () => s.generateKey({ name: "ECDH", namedCurve: "P-256" }, true, []));
  await t("gen x25519 sign", () => s.generateKey("X25519", true, ["sign"]));
  await t("gen hmac bad usage", () => s.generateKey({ name: "HMAC", hash: "SHA-256" }, true, ["encrypt"]));
  await t("gen hmac no usages", () => s.generateKey({ name: "HMAC", hash: "SHA-256" }, true, []));
  await t("gen aes no usages", () => s.generateKey({ name: "AES-GCM", length: 128 }, true, []));
  await t("gen hmac no hash", () => s.generateKey({ name: "HMAC" }, true, ["sign"]));
  await t("gen hmac md5", () => s.generateKey({ name: "HMAC", hash: "MD5" }, true, ["sign"]).then((k) => s.exportKey("jwk", k)));
  const kw = await s.importKey("raw", new Uint8Array(16), "AES-KW", true, ["wrapKey", "unwrapKey"]);
  await t("kw unwrap 28", () => s.unwrapKey("raw", new Uint8Array(28), kw, "AES-KW", "AES-GCM", true, ["encrypt"]));
  await t("kw wrap 8", async () => s.wrapKey("raw", await s.importKey("raw", new Uint8Array(8), { name: "HMAC", hash: "SHA-256" }, true, ["sign"]), kw, "AES-KW"));
  await t("wrap with ecdsa", async () => s.wrapKey("raw", kw, ec.privateKey, "ECDSA"));
  await t("gcm iv string", async () => s.encrypt({ name: "AES-GCM", iv: "abc" }, await s.importKey("raw", new Uint8Array(16), "AES-GCM", true, ["encrypt"]), new Uint8Array(1)));
  await t("gcm aad string", async () => s.encrypt({ name: "AES-GCM", iv: new Uint8Array(12), additionalData: "x" }, await s.importKey("raw", new Uint8Array(16), "AES-GCM", true, ["encrypt"]), new Uint8Array(1)));
  await t("ecdh public not key", () => s.deriveBits({ name: "ECDH", public: {} }, x.privateKey, 256));
  await t("x25519 public not key", () => s.deriveBits({ name: "X25519", public: {} }, x.privateKey, 256));
  await t("pbkdf2 no iterations", async () => s.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: new Uint8Array(1) }, await s.importKey("raw", new Uint8Array(4), "PBKDF2", false, ["deriveBits"]), 128));
  await t("pbkdf2 no hash", async () => s.deriveBits({ name: "PBKDF2", salt: new Uint8Array(1), iterations: 1 }, await s.importKey("raw", new Uint8Array(4), "PBKDF2", false, ["deriveBits"]), 128));
  await t("hkdf no salt", async () => s.deriveBits({ name: "HKDF", hash: "SHA-256", info: new Uint8Array(1) }, await s.importKey("raw", new Uint8Array(4), "HKDF", false, ["deriveBits"]), 128));
  await t("deriveKey hkdf to hkdf", async () => s.deriveKey({ name: "HKDF", hash: "SHA-256", salt: new Uint8Array(1), info: new Uint8Array(1) }, await s.importKey("raw", new Uint8Array(4), "HKDF", false, ["deriveKey"]), "HKDF", false, ["deriveBits"]));
  await t("deriveKey to aes-kw 128", async () => s.deriveKey({ name: "HKDF", hash: "SHA-256", salt: new Uint8Array(1), info: new Uint8Array(1) }, await s.importKey("raw", new Uint8Array(4), "HKDF", false, ["deriveKey"]), { name: "AES-KW", length: 100 }, false, ["wrapKey"]));
  await t("deriveKey to aes 100", async () => s.deriveKey({ name: "HKDF", hash: "SHA-256", salt: new Uint8Array(1), info: new Uint8Array(1) }, await s.importKey("raw", new Uint8Array(4), "HKDF", false, ["deriveKey"]), { name: "AES-GCM", length: 100 }, false, ["encrypt"]));
  await t("deriveKey undefined alg", async () => s.deriveKey({ name: "HKDF", hash: "SHA-256", salt: new Uint8Array(1), info: new Uint8Array(1) }, await s.importKey("raw", new Uint8Array(4), "HKDF", false, ["deriveKey"]), undefined, false, ["encrypt"]));
  await t("importKey undefined alg", () => s.importKey("raw", new Uint8Array(16), undefined, false, ["encrypt"]));
  await t("generateKey undefined alg", () => s.generateKey(undefined, false, ["encrypt"]));
  await t("sign ed with params", () => s.sign({ name: "Ed25519", hash: "SHA-256" }, ed.privateKey, new Uint8Array(1)).then((b) => b.byteLength));
  await t("hmac import hash mismatch sign", async () => s.sign({ name: "HMAC", hash: "SHA-512" }, await s.importKey("raw", new Uint8Array(16), { name: "HMAC", hash: "SHA-256" }, true, ["sign"]), new Uint8Array(1)).then((b) => b.byteLength));
  await t("usages iterable set", () => s.importKey("raw", new Uint8Array(16), "AES-GCM", true, new Set(["encrypt"])));
  await t("usages undefined", () => s.importKey("raw", new Uint8Array(16), "AES-GCM", true));
  await t("format undefined", () => s.importKey(undefined, new Uint8Array(16), "AES-GCM", true, ["encrypt"]));
  await t("export format jwk on pbkdf2", () => s.exportKey("jwk", {}));
  await t("usages frozen array instance", async () => { const k = await s.importKey("raw", new Uint8Array(16), "AES-GCM", true, ["encrypt"]); k.usages.push("x"); return k.usages; });
  await t("key as JSON", async () => JSON.stringify(await s.importKey("raw", new Uint8Array(16), "AES-GCM", true, ["encrypt"])));
  await t("structuredClone key", async () => { const k = structuredClone(await s.importKey("raw", new Uint8Array(16), "AES-GCM", true, ["encrypt"])); return k instanceof CryptoKey; });
  await t("digest DataView", () => s.digest("SHA-1", new DataView(new ArrayBuffer(3))).then((b) => b.byteLength));
  await t("ctr length > counter? 64 wrap", async () => s.encrypt({ name: "AES-CTR", counter: new Uint8Array(16), length: 1 }, await s.importKey("raw", new Uint8Array(16), "AES-CTR", true, ["encrypt"]), new Uint8Array(32)).then((b) => b.byteLength));
}

// args: undefined algorithms and lengths, and the methods' arities.
async function args(t) {
  const k = await s.importKey("raw", new Uint8Array(16), "AES-GCM", true, ["encrypt", "decrypt", "wrapKey", "unwrapKey"]);
  const h = await s.importKey("raw", new Uint8Array(16), { name: "HMAC", hash: "SHA-256" }, true, ["sign", "verify"]);
  const hk = await s.importKey("raw", new Uint8Array(16), "HKDF", false, ["deriveBits", "deriveKey"]);
  await t("encrypt undefined", () => s.encrypt(undefined, k, new Uint8Array(1)));
  await t("encrypt null", () => s.encrypt(null, k, new Uint8Array(1)));
  await t("decrypt undefined", () => s.decrypt(undefined, k, new Uint8Array(1)));
  await t("sign undefined", () => s.sign(undefined, h, new Uint8Array(1)));
  await t("verify undefined", () => s.verify(undefined, h, new Uint8Array(1), new Uint8Array(1)));
  await t("deriveBits undefined", () => s.deriveBits(undefined, hk, 8));
  await t("deriveKey undefined", () => s.deriveKey(undefined, hk, "AES-GCM", false, ["encrypt"]));
  await t("wrapKey undefined", () => s.wrapKey("raw", h, k, undefined));
  await t("unwrapKey undefined", () => s.unwrapKey("raw", new Uint8Array(32), k, undefined, "HMAC", true, ["sign"]));
  await t("unwrapKey undefined 2", () => s.unwrapKey("raw", new Uint8Array(32), k, { name: "AES-GCM", iv: new Uint8Array(12) }, undefined, true, ["sign"]));
  await t("digest undefined", () => s.digest(undefined, new Uint8Array(1)));
  await t("sign salt string", () => s.sign({ name: "HMAC", saltLength: "x" }, h, new Uint8Array(1)));
  await t("hkdf salt string", () => s.deriveBits({ name: "HKDF", hash: "SHA-256", salt: "x", info: new Uint8Array(0) }, hk, 8));
  await t("deriveBits length string", () => s.deriveBits({ name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: new Uint8Array(0) }, hk, "16"));
  await t("deriveBits length -8", () => s.deriveBits({ name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: new Uint8Array(0) }, hk, -8));
  await t("deriveBits no length", () => s.deriveBits({ name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: new Uint8Array(0) }, hk));
  await t("exportKey undefined format", () => s.exportKey(undefined, h));
  await t("unwrap to hkdf", async () => s.unwrapKey("raw", await s.wrapKey("raw", h, k, { name: "AES-GCM", iv: new Uint8Array(12) }), k, { name: "AES-GCM", iv: new Uint8Array(12) }, "HKDF", false, ["deriveBits"]));
  await t("wrap key of pkcs8 format hmac", async () => s.wrapKey("pkcs8", h, k, { name: "AES-GCM", iv: new Uint8Array(12) }));
  await t("gen ecdh P-256 deriveKey only", () => s.generateKey({ name: "ECDH", namedCurve: "P-256" }, true, ["deriveKey"]).then((p) => p.privateKey.usages));
  await t("gen extractable string", () => s.generateKey({ name: "AES-GCM", length: 128 }, "yes", ["encrypt"]).then((k) => k.extractable));
  await t("gcm tagLength 0", () => s.encrypt({ name: "AES-GCM", iv: new Uint8Array(12), tagLength: 0 }, k, new Uint8Array(1)));
  await t("gcm iv 1024", () => s.encrypt({ name: "AES-GCM", iv: new Uint8Array(1024) }, k, new Uint8Array(1)));
  await t("CryptoKey.prototype keys", () => Object.getOwnPropertyNames(CryptoKey.prototype));
  await t("CryptoKey length", () => CryptoKey.length);
  await t("subtle.sign length", () => [s.sign.length, s.verify.length, s.importKey.length, s.unwrapKey.length, s.deriveKey.length, s.timingSafeEqual.length, s.digest.length]);
}
