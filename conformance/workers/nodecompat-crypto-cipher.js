// node:crypto's ciphers and key derivations: createCipheriv and
// createDecipheriv in every mode workerhost has (updates, final, padding,
// AAD and tags, streams), getCiphers/getCipherInfo/getCurves/getHashes,
// scrypt, hkdf, randomFill, timingSafeEqual, and the functions workerd
// leaves unimplemented, with workerd's errors.
import c from "node:crypto";
import { Buffer } from "node:buffer";

function show(f) {
  try {
    const r = f();
    if (Buffer.isBuffer(r)) return "ok buf:" + r.toString("hex");
    if (r instanceof ArrayBuffer) return "ok ArrayBuffer:" + Buffer.from(r).toString("hex");
    return "ok " + (r !== null && typeof r === "object" ? JSON.stringify(r) : String(r));
  } catch (x) {
    return `${x.name} code=${x.code} msg=${x.message}`;
  }
}
const B = (s) => Buffer.from(s);
const key16 = Buffer.alloc(16, 1), key24 = Buffer.alloc(24, 5), key32 = Buffer.alloc(32, 2);
const iv16 = Buffer.alloc(16, 3), iv12 = Buffer.alloc(12, 4), iv8 = Buffer.alloc(8, 6);
function enc(alg, key, iv, data, o) {
  const ci = c.createCipheriv(alg, key, iv, o);
  return Buffer.concat([ci.update(data), ci.final()]);
}
function dec(alg, key, iv, data, o) {
  const d = c.createDecipheriv(alg, key, iv, o);
  return Buffer.concat([d.update(data), d.final()]);
}
const modes = [
  ["aes-128-cbc", key16, iv16], ["aes-192-cbc", key24, iv16], ["aes-256-cbc", key32, iv16], ["AES-128-CBC", key16, iv16],
  ["aes-128-ecb", key16, null], ["aes-256-ecb", key32, Buffer.alloc(0)], ["aes-128-ctr", key16, iv16], ["aes-256-ctr", key32, iv16],
  ["aes-128-ofb", key16, iv16], ["aes-256-ofb", key32, iv16], ["des-cbc", Buffer.alloc(8, 7), iv8], ["des-ecb", Buffer.alloc(8, 7), null],
  ["des-ede", key16, null], ["des-ede-cbc", key16, iv8], ["des-ede3-cbc", key24, iv8], ["rc4", key16, null],
];

function ciphers(out) {
  const p = (k, f) => out.push(k + ": " + show(f));
  for (const [alg, key, iv] of modes) {
    for (const n of [0, 5, 16, 33]) {
      const data = Buffer.alloc(n, 9);
      p(`${alg} ${n}`, () => { const e = enc(alg, key, iv, data); return e.toString("hex") + " -> " + dec(alg, key, iv, e).equals(data); });
    }
  }
  p("update sizes cbc", () => { const ci = c.createCipheriv("aes-256-cbc", key32, iv16); return [ci.update(Buffer.alloc(20)).length, ci.update(Buffer.alloc(20)).length, ci.final().length].join(); });
  p("update sizes cbc decipher", () => { const d = c.createDecipheriv("aes-256-cbc", key32, iv16); return [d.update(Buffer.alloc(32)).length, d.update(Buffer.alloc(16)).length].join(); });
  p("encodings", () => { const ci = c.createCipheriv("aes-128-cbc", key16, iv16); return ci.update("hello", "utf8", "hex") + ci.final("hex"); });
  p("base64", () => { const ci = c.createCipheriv("aes-128-cbc", key16, iv16); return ci.update("hello", "utf8", "base64") + ci.final("base64"); });
  p("decipher encodings", () => { const d = c.createDecipheriv("aes-128-cbc", key16, iv16); return d.update("e0cd84ba680beecbbf03bfde5b8f28a2", "hex", "utf8") + d.final("utf8"); });
  p("string key and iv", () => enc("aes-128-cbc", "0123456789abcdef", "fedcba9876543210", B("x")));
  p("ArrayBuffer key", () => enc("aes-256-cbc", key32.buffer.slice(0, 32), iv16, B("x")));
  p("Uint16Array data", () => enc("aes-256-ctr", key32, iv16, new Uint16Array([1, 2])));
  p("no padding", () => { const ci = c.createCipheriv("aes-128-cbc", key16, iv16); return ci.setAutoPadding(false) === ci && Buffer.concat([ci.update(Buffer.alloc(32)), ci.final()]).toString("hex"); });
  p("no padding decipher", () => { const d = c.createDecipheriv("aes-128-cbc", key16, iv16); d.setAutoPadding(false); return Buffer.concat([d.update(Buffer.alloc(16)), d.final()]).toString("hex"); });
  p("no padding partial block", () => { const ci = c.createCipheriv("aes-128-cbc", key16, iv16); ci.setAutoPadding(false); ci.update(B("hello")); return ci.final(); });
  p("bad padding", () => { const d = c.createDecipheriv("aes-128-cbc", key16, iv16); d.update(Buffer.alloc(16)); return d.final(); });
  p("bad length", () => { const d = c.createDecipheriv("aes-128-cbc", key16, iv16); d.update(Buffer.alloc(15)); return d.final(); });
  // AEADs
  for (const [alg, key, iv] of [["aes-128-gcm", key16, iv12], ["aes-256-gcm", key32, iv12], ["aes-256-gcm", key32, iv16], ["aes-192-gcm", key24, Buffer.alloc(1, 1)], ["chacha20-poly1305", key32, iv12]]) {
    p(`${alg} iv${iv.length}`, () => {
      const ci = c.createCipheriv(alg, key, iv);
      ci.setAAD(B("aad"));
      const parts = [ci.update(B("hello ")), ci.update(B("world, and more than a block"))];
      parts.push(ci.final());
      const tag = ci.getAuthTag();
      const d = c.createDecipheriv(alg, key, iv);
      d.setAAD(B("aad")).setAuthTag(tag);
      const ct = Buffer.concat(parts);
      const pt = Buffer.concat([d.update(ct.subarray(0, 7)), d.update(ct.subarray(7)), d.final()]);
      return parts.map((x) => x.length).join("+") + " " + ct.toString("hex") + " tag " + tag.toString("hex") + " -> " + pt;
    });
  }
  p("chacha20-poly1305 one update", () => {
    const ci = c.createCipheriv("chacha20-poly1305", key32, iv12);
    ci.setAAD(B("aad"));
    const ct = Buffer.concat([ci.update(B("hello world")), ci.final()]);
    const d = c.createDecipheriv("chacha20-poly1305", key32, iv12);
    d.setAAD(B("aad")).setAuthTag(ci.getAuthTag());
    return ct.toString("hex") + " tag " + ci.getAuthTag().toString("hex") + " -> " + Buffer.concat([d.update(ct), d.final()]);
  });
  p("chacha20-poly1305 authTagLength 8", () => { const ci = c.createCipheriv("chacha20-poly1305", key32, iv12, { authTagLength: 8 }); ci.update(B("x")); ci.final(); return ci.getAuthTag(); });
  p("gcm authTagLength 8", () => { const ci = c.createCipheriv("aes-256-gcm", key32, iv12, { authTagLength: 8 }); ci.update(B("x")); ci.final(); return ci.getAuthTag(); });
  p("gcm short tag", () => {
    const ci = c.createCipheriv("aes-256-gcm", key32, iv12);
    const ct = Buffer.concat([ci.update(B("hello")), ci.final()]);
    const d = c.createDecipheriv("aes-256-gcm", key32, iv12);
    d.setAuthTag(ci.getAuthTag().subarray(0, 8));
    return Buffer.concat([d.update(ct), d.final()]).toString();
  });
  p("gcm bad tag", () => { const d = c.createDecipheriv("aes-256-gcm", key32, iv12); d.setAuthTag(Buffer.alloc(16)); d.update(Buffer.from("aa", "hex")); return d.final(); });
  p("gcm bad aad", () => {
    const ci = c.createCipheriv("aes-256-gcm", key32, iv12);
    const ct = Buffer.concat([ci.update(B("hello")), ci.final()]);
    const d = c.createDecipheriv("aes-256-gcm", key32, iv12);
    d.setAAD(B("x")).setAuthTag(ci.getAuthTag());
    d.update(ct);
    return d.final();
  });
  p("gcm no tag", () => { const d = c.createDecipheriv("aes-256-gcm", key32, iv12); d.update(Buffer.from("aa", "hex")); return d.final(); });
  p("getAuthTag twice", () => {
    const ci = c.createCipheriv("aes-256-gcm", key32, iv12);
    ci.update(B("x"));
    ci.final();
    return ci.getAuthTag().length + " " + ci.getAuthTag().length;
  });
  p("gcm tag early", () => c.createCipheriv("aes-256-gcm", key32, iv12).getAuthTag());
  p("gcm setAuthTag length 3", () => c.createDecipheriv("aes-256-gcm", key32, iv12).setAuthTag(Buffer.alloc(3)));
  p("gcm setAAD after update", () => { const ci = c.createCipheriv("aes-256-gcm", key32, iv12); ci.update(B("x")); ci.setAAD(B("a")); });
  p("gcm empty iv", () => c.createCipheriv("aes-256-gcm", key32, Buffer.alloc(0)));
  p("cbc setAAD", () => c.createCipheriv("aes-256-cbc", key32, iv16).setAAD(B("a")));
  p("cbc getAuthTag", () => { const ci = c.createCipheriv("aes-256-cbc", key32, iv16); ci.final(); return ci.getAuthTag(); });
  p("Cipheriv has setAuthTag", () => typeof c.createCipheriv("aes-256-gcm", key32, iv12).setAuthTag);
  p("Decipheriv has getAuthTag", () => typeof c.createDecipheriv("aes-256-gcm", key32, iv12).getAuthTag);
  // argument errors
  p("unknown cipher", () => c.createCipheriv("aes-128-xyz", key16, iv16));
  p("listed, wrong iv", () => c.createCipheriv("aes-256-eax", key32, iv12));
  p("xchacha without tag length", () => c.createCipheriv("xchacha20-poly1305", key32, Buffer.alloc(24)));
  p("key length", () => c.createCipheriv("aes-128-cbc", key32, iv16));
  p("iv length", () => c.createCipheriv("aes-128-cbc", key16, iv12));
  p("null iv cbc", () => c.createCipheriv("aes-128-cbc", key16, null));
  p("ecb with iv", () => c.createCipheriv("aes-128-ecb", key16, iv16));
  p("key type", () => c.createCipheriv("aes-128-cbc", 5, iv16));
  p("iv type", () => c.createCipheriv("aes-128-cbc", key16, 5));
  p("algorithm type", () => c.createCipheriv(5, key16, iv16));
  p("string without encoding", () => c.createCipheriv("aes-128-cbc", key16, iv16).update("hello"));
  p("data type", () => c.createCipheriv("aes-128-cbc", key16, iv16).update(5));
  p("unknown encoding", () => c.createCipheriv("aes-128-cbc", key16, iv16).update("a", "nope"));
  p("final twice", () => { const ci = c.createCipheriv("aes-128-cbc", key16, iv16); ci.final(); return ci.final(); });
  p("update after final", () => { const ci = c.createCipheriv("aes-128-cbc", key16, iv16); ci.final(); return ci.update(B("x")); });
  p("createCipher", () => c.createCipher("aes-128-cbc", "pw"));
  p("createDecipher", () => c.createDecipher("aes-128-cbc", "pw"));
  p("new Cipheriv", () => typeof new c.Cipheriv("aes-128-cbc", key16, iv16).update);
  p("chain", () => { let o = c.createCipheriv("aes-128-cbc", key16, iv16); const n = []; while ((o = Object.getPrototypeOf(o))) n.push(o.constructor.name); return n.join(">"); });
  p("instanceof", () => [c.createCipheriv("aes-128-cbc", key16, iv16) instanceof c.Cipheriv, c.createDecipheriv("aes-128-cbc", key16, iv16) instanceof c.Decipheriv].join());
}

function lists(out) {
  const p = (k, f) => out.push(k + ": " + show(f));
  p("getCiphers", () => c.getCiphers().slice().sort().join());
  p("getCiphers length", () => c.getCiphers().length);
  p("getHashes", () => c.getHashes().join());
  p("getCurves", () => c.getCurves().join());
  for (const h of c.getHashes().concat(["SHA256", "sha512-256", "sha3-256", "nope"])) p("hash " + h, () => c.createHash(h).update(B("a")).digest("hex"));
  const names = [...new Set(c.getCiphers().map((n) => n.toLowerCase()))].sort();
  for (const n of names) p("info " + n, () => c.getCipherInfo(n));
  p("info upper", () => c.getCipherInfo("AES-128-GCM"));
  p("info nid", () => c.getCipherInfo(427));
  p("info options", () => c.getCipherInfo("aes-128-gcm", { keyLength: 16, ivLength: 12 }));
  p("info wrong keyLength", () => c.getCipherInfo("aes-128-cbc", { keyLength: 32 }));
  p("info unknown", () => c.getCipherInfo("nope"));
}

async function kdfs(out) {
  const p = (k, f) => out.push(k + ": " + show(f));
  p("scrypt", () => c.scryptSync("pw", "salt", 16));
  p("scrypt N", () => c.scryptSync("pw", "salt", 16, { N: 1024, r: 8, p: 1 }));
  p("scrypt cost", () => c.scryptSync("pw", "salt", 16, { cost: 1024, blockSize: 4, parallelization: 2 }));
  p("scrypt r p", () => c.scryptSync(B("pw"), B("salt"), 16, { r: 1, p: 2 }));
  p("scrypt N not a power of 2", () => c.scryptSync("pw", "salt", 16, { N: 1000 }));
  p("scrypt 2^15", () => c.scryptSync("pw", "salt", 16, { N: 2 ** 15 }));
  p("scrypt 2^19", () => c.scryptSync("pw", "salt", 16, { N: 2 ** 19 }));
  p("scrypt maxmem", () => c.scryptSync("pw", "salt", 16, { N: 2 ** 14, maxmem: 1000 }));
  p("scrypt N and cost", () => c.scryptSync("pw", "salt", 16, { N: 16, cost: 16 }));
  p("scrypt keylen -1", () => c.scryptSync("pw", "salt", -1));
  p("scrypt keylen 0", () => c.scryptSync("pw", "salt", 0));
  await new Promise((done) => c.scrypt("pw", "salt", 8, (err, k) => { out.push(`scrypt callback: ${err} ${k.toString("hex")}`); done(); }));
  p("hkdf", () => c.hkdfSync("sha256", "key", "salt", "info", 16));
  p("hkdf sha512", () => c.hkdfSync("sha512", B("key"), B("salt"), B("info"), 100));
  p("hkdf RSA-SHA256", () => c.hkdfSync("RSA-SHA256", "key", "salt", "info", 10));
  p("hkdf 0", () => c.hkdfSync("sha256", "k", "s", "i", 0));
  p("hkdf digest", () => c.hkdfSync("nope", "key", "salt", "info", 16));
  p("hkdf too long", () => c.hkdfSync("sha256", "key", "salt", "info", 255 * 32 + 1));
  p("hkdf longest", () => c.hkdfSync("sha256", "key", "salt", "info", 255 * 32).byteLength);
  p("hkdf info 1025", () => c.hkdfSync("sha256", "k", "s", Buffer.alloc(1025), 8));
  p("hkdf length type", () => c.hkdfSync("sha256", "k", "s", "i", "8"));
  await new Promise((done) => c.hkdf("sha256", "k", "s", "i", 8, (err, k) => { out.push(`hkdf callback: ${err} ${show(() => k)}`); done(); }));
  p("pbkdf2 digest", () => c.pbkdf2Sync("a", "b", 1, 10, "nope"));
  p("pbkdf2 RSA-SHA256", () => c.pbkdf2Sync("a", "b", 1, 10, "RSA-SHA256"));
  const view = (r) => `${r.constructor.name} ${r.byteLength} ${r.byteOffset}`;
  const b = Buffer.alloc(8);
  p("randomFillSync", () => { const r = c.randomFillSync(b); return view(r) + " same=" + (r === b); });
  p("randomFillSync offset", () => view(c.randomFillSync(b, 2)));
  p("randomFillSync offset size", () => view(c.randomFillSync(b, 2, 3)));
  p("randomFillSync Uint16Array", () => view(c.randomFillSync(new Uint16Array(4), 1, 2)));
  p("randomFillSync ArrayBuffer", () => view(c.randomFillSync(new ArrayBuffer(8), 1, 2)));
  p("randomFillSync DataView", () => view(c.randomFillSync(new DataView(new ArrayBuffer(8)), 1, 2)));
  p("randomFillSync offset past end", () => view(c.randomFillSync(b, 9)));
  p("randomFillSync offset -1", () => c.randomFillSync(b, -1));
  p("randomFillSync offset string", () => c.randomFillSync(b, "1"));
  p("randomFillSync size 9", () => c.randomFillSync(b, 0, 9));
  p("randomFillSync size past end", () => c.randomFillSync(Buffer.alloc(4), 1, 5));
  p("randomFillSync 5", () => c.randomFillSync(5));
  await new Promise((done) => c.randomFill(b, 2, (err, r) => { out.push(`randomFill callback: ${err} ${view(r)}`); done(); }));
  p("randomFill callback missing", () => c.randomFill(b));
  p("timingSafeEqual", () => c.timingSafeEqual(B("ab"), B("ab")) + " " + c.timingSafeEqual(B("ab"), B("ac")));
  p("timingSafeEqual lengths", () => c.timingSafeEqual(Buffer.alloc(1), Buffer.alloc(2)));
  p("timingSafeEqual strings", () => c.timingSafeEqual("a", "a"));
  p("getFips", () => c.getFips() + " " + c.fips);
  p("setFips", () => c.setFips(true));
  p("setEngine", () => c.setEngine("x"));
  p("secureHeapUsed", () => c.secureHeapUsed());
}

async function streams(out) {
  const run = (s, chunks) => new Promise((resolve) => {
    const got = [];
    s.on("data", (d) => got.push(d));
    s.on("error", (e) => resolve(`error ${e.message}`));
    s.on("end", () => resolve(Buffer.concat(got).toString("hex")));
    for (const ch of chunks) s.write(ch);
    s.end();
  });
  const ct = await run(c.createCipheriv("aes-128-cbc", key16, iv16), [B("hello "), B("stream world")]);
  out.push("cipher stream: " + ct);
  out.push("decipher stream: " + Buffer.from(await run(c.createDecipheriv("aes-128-cbc", key16, iv16), [Buffer.from(ct, "hex")]), "hex"));
  out.push("decipher stream bad: " + await run(c.createDecipheriv("aes-128-cbc", key16, iv16), [Buffer.alloc(16)]));
}

export default {
  async fetch(request) {
    const out = [];
    const path = new URL(request.url).pathname;
    if (path === "/ciphers") ciphers(out);
    else if (path === "/lists") lists(out);
    else if (path === "/kdfs") await kdfs(out);
    else await streams(out);
    return new Response(out.join("\n") + "\n");
  },
};
