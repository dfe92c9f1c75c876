// The structured clone, checked against workerd. Each row of workerdCases
// is a value (made by a function, or null where goja cannot make it: a
// resizable buffer, the RegExp flags d and v), the bytes workerd
// 1.20261117.1 stored for ctx.storage.put(name, value) in a SQLite-backed
// Durable Object (the _cf_KV.value column), and describe() of what
// workerd's structuredClone(value) returned. Recorded with the worker and
// capnp config in the header of structured_clone_test.go.
//
// v8hex(value) and v8parse(hex) are the realm's Serialize and Deserialize,
// set by the Go test.

// describe prints a value's type, prototype, slots and own enumerable
// properties, with <refN> for an object already printed.
function describe(v, seen = new Map()) {
  if (typeof v === "bigint") return v + "n";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
  if (v === null || typeof v !== "object") return String(v);
  if (seen.has(v)) return "<ref" + seen.get(v) + ">";
  seen.set(v, seen.size);
  const tag = Object.prototype.toString.call(v);
  const proto = Object.getPrototypeOf(v);
  const pname = proto === null ? "null" : (proto.constructor && proto.constructor.name);
  let s = pname + " " + tag;
  if (v instanceof Error) s += " name=" + JSON.stringify(v.name) + " message=" + JSON.stringify(v.message) + " stack=" + JSON.stringify(typeof v.stack === "string" ? v.stack.split("\n")[0] : v.stack) + " own=" + JSON.stringify(Object.getOwnPropertyNames(v)) + ("cause" in v ? " cause=" + describe(v.cause, seen) : "");
  if (v instanceof Date) s += " " + v.getTime();
  if (v instanceof RegExp) s += " " + v.source + " " + v.flags;
  if (v instanceof Map) s += " {" + [...v].map(([a, b]) => describe(a, seen) + "=>" + describe(b, seen)).join(", ") + "}";
  if (v instanceof Set) s += " {" + [...v].map((a) => describe(a, seen)).join(", ") + "}";
  if (v instanceof ArrayBuffer) s += " len=" + v.byteLength + " [" + new Uint8Array(v) + "]";
  if (ArrayBuffer.isView(v)) s += " off=" + v.byteOffset + " len=" + v.byteLength + " buf=" + describe(v.buffer, seen);
  if (Array.isArray(v)) s += " length=" + v.length;
  if (v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof BigInt) s += " value=" + describe(v.valueOf());
  const keys = Object.keys(v).filter((k) => !(ArrayBuffer.isView(v) && /^\d+$/.test(k)) && !(v instanceof String && /^\d+$/.test(k)));
  if (keys.length) s += " {" + keys.map((k) => k + ": " + describe(v[k], seen)).join(", ") + "}";
  return s;
}

const workerdCases = [
  ["null", () => null, "ff0f30", "null"],
  ["true", () => true, "ff0f54", "true"],
  ["false", () => false, "ff0f46", "false"],
  ["int0", () => 0, "ff0f4900", "0"],
  ["int1", () => 1, "ff0f4902", "1"],
  ["intneg", () => -1, "ff0f4901", "-1"],
  ["int2p30m1", () => 2 ** 30 - 1, "ff0f49feffffff07", "1073741823"],
  ["int2p30", () => 2 ** 30, "ff0f4e000000000000d041", "1073741824"],
  ["int2p31m1", () => 2 ** 31 - 1, "ff0f4e0000c0ffffffdf41", "2147483647"],
  ["int2p31", () => 2 ** 31, "ff0f4e000000000000e041", "2147483648"],
  ["intneg2p30", () => -(2 ** 30), "ff0f49ffffffff07", "-1073741824"],
  ["intneg2p30m1", () => -(2 ** 30) - 1, "ff0f4e000040000000d0c1", "-1073741825"],
  ["negzero", () => -0, "ff0f4e0000000000000080", "-0"],
  ["half", () => 0.5, "ff0f4e000000000000e03f", "0.5"],
  ["nan", () => NaN, "ff0f4e000000000000f87f", "NaN"],
  ["inf", () => Infinity, "ff0f4e000000000000f07f", "Infinity"],
  ["computedint", () => 0.5 * 4, "ff0f4904", "2"],
  ["bigint0", () => 0n, "ff0f5a00", "0n"],
  ["bigint1", () => 1n, "ff0f5a100100000000000000", "1n"],
  ["bigintneg", () => -1n, "ff0f5a110100000000000000", "-1n"],
  ["bigintbig", () => 2n ** 64n, "ff0f5a2000000000000000000100000000000000", "18446744073709551616n"],
  ["bigintbig2", () => -(2n ** 65n) + 3n, "ff0f5a21fdffffffffffffff0100000000000000", "-36893488147419103229n"],
  ["strempty", () => "", "ff0f2200", "\"\""],
  ["strascii", () => "hello", "ff0f220568656c6c6f", "\"hello\""],
  ["strlatin1", () => "caf\u00e9", "ff0f2204636166e9", "\"caf\u00e9\""],
  ["strtwobyte", () => "h\u20acllo", "ff0f630a6800ac206c006c006f00", "\"h\u20acllo\""],
  ["strtwobyte2", () => "\u20ac", "ff0f6302ac20", "\"\u20ac\""],
  ["strsurrogate", () => "\ud83d\ude00", "ff0f63043dd800de", "\"\ud83d\ude00\""],
  ["strlone", () => "\ud800", "ff0f630200d8", "\"\\ud800\""],
  ["objstr2b", () => ({ a: "\u20ac" }), "ff0f6f2201616302ac207b01", "Object [object Object] {a: \"\u20ac\"}"],
  ["objstr2b2", () => ({ ab: "\u20ac" }), "ff0f6f22026162006302ac207b01", "Object [object Object] {ab: \"\u20ac\"}"],
  ["emptyobj", () => ({}), "ff0f6f7b00", "Object [object Object]"],
  ["obj", () => ({ a: 1, b: "x" }), "ff0f6f22016149022201622201787b02", "Object [object Object] {a: 1, b: \"x\"}"],
  ["objintkeys", () => ({ b: 1, 2: "two", 1: "one", a: 2 }), "ff0f6f490222036f6e654904220374776f220162490222016149047b04", "Object [object Object] {1: \"one\", 2: \"two\", b: 1, a: 2}"],
  ["objbigkey", () => ({ 4294967294: 1, 4294967295: 2, 1073741824: 3, 2147483648: 4 }), "ff0f6f4e000000000000d04149064e000000000000e04149084e0000c0ffffffef414902220a3432393439363732393549047b04", "Object [object Object] {1073741824: 3, 2147483648: 4, 4294967294: 1, 4294967295: 2}"],
  ["objnested", () => ({ a: { b: { c: [1, 2] } } }), "ff0f6f2201616f2201626f2201634102490249042400027b017b017b01", "Object [object Object] {a: Object [object Object] {b: Object [object Object] {c: Array [object Array] length=2 {0: 1, 1: 2}}}}"],
  ["objnonenum", () => Object.defineProperty({ a: 1 }, "h", { value: 2, enumerable: false }), "ff0f6f22016149027b01", "Object [object Object] {a: 1}"],
  ["objsym", () => ({ [Symbol("s")]: 1, a: 2 }), "ff0f6f22016149047b01", "Object [object Object] {a: 2}"],
  ["objgetter", () => ({ get g() { return 42; } }), "ff0f6f22016749547b01", "Object [object Object] {g: 42}"],
  ["objnullproto", () => Object.assign(Object.create(null), { x: 1 }), "ff0f6f22017849027b01", "Object [object Object] {x: 1}"],
  ["arr", () => [1, 2, 3], "ff0f4103490249044906240003", "Array [object Array] length=3 {0: 1, 1: 2, 2: 3}"],
  ["arrempty", () => [], "ff0f4100240000", "Array [object Array] length=0"],
  ["arrmixed", () => [1, "a", null, undefined, true], "ff0f41054902220161305f54240005", "Array [object Array] length=5 {0: 1, 1: \"a\", 2: null, 3: undefined, 4: true}"],
  ["arrholey", () => [1, , 3], "ff0f61034900490249044906400203", "Array [object Array] length=3 {0: 1, 2: 3}"],
  ["arrnew", () => new Array(3), "ff0f6103400003", "Array [object Array] length=3"],
  ["arrfilled", () => new Array(3).fill(0), "ff0f4103490049004900240003", "Array [object Array] length=3 {0: 0, 1: 0, 2: 0}"],
  ["arrprops", () => Object.assign([1, 2], { x: "y" }), "ff0f410249024904220178220179240102", "Array [object Array] length=2 {0: 1, 1: 2, x: \"y\"}"],
  ["arrholeyprops", () => Object.assign([1, , 3], { x: "y" }), "ff0f61034900490249044906220178220179400303", "Array [object Array] length=3 {0: 1, 2: 3, x: \"y\"}"],
  ["arrlong", () => { const a = []; a[10] = 1; return a; }, "ff0f610b4914490240010b", "Array [object Array] length=11 {10: 1}"],
  ["arrdouble", () => [1.5, 2.5], "ff0f41024e000000000000f83f4e0000000000000440240002", "Array [object Array] length=2 {0: 1.5, 1: 2.5}"],
  ["date", () => new Date(1700000000000), "ff0f4400008056febc7842", "Date [object Date] 1700000000000"],
  ["dateinvalid", () => new Date(NaN), "ff0f44000000000000f87f", "Date [object Date] NaN"],
  ["regexp", () => /ab+c/gi, "ff0f52220461622b6303", "RegExp [object RegExp] ab+c gi"],
  ["regexpall", null, "ff0f52220178bf01", "RegExp [object RegExp] x dgimsuy"],
  ["regexpv", null, "ff0f5222075b5c707b4c7d5d8002", "RegExp [object RegExp] [\\p{L}] v"],
  ["regexpslash", () => new RegExp("a/b"), "ff0f522204615c2f6200", "RegExp [object RegExp] a\\/b "],
  ["map", () => new Map([[1, "a"], ["b", { c: 2 }]]), "ff0f3b49022201612201626f22016349047b013a04", "Map [object Map] {1=>\"a\", \"b\"=>Object [object Object] {c: 2}}"],
  ["set", () => new Set([1, "a", 1]), "ff0f2749022201612c02", "Set [object Set] {1, \"a\"}"],
  ["mapempty", () => new Map(), "ff0f3b3a00", "Map [object Map] {}"],
  ["strobj", () => new String("abc"), "ff0f732203616263", "String [object String] value=\"abc\""],
  ["strobj2b", () => new String("\u20ac"), "ff0f73006302ac20", "String [object String] value=\"\u20ac\""],
  ["numobj", () => new Number(3), "ff0f6e0000000000000840", "Number [object Number] value=3"],
  ["boolobjt", () => new Boolean(true), "ff0f79", "Boolean [object Boolean] value=true"],
  ["boolobjf", () => new Boolean(false), "ff0f78", "Boolean [object Boolean] value=false"],
  ["bigintobj", () => Object(5n), "ff0f7a100500000000000000", "BigInt [object BigInt] value=5n"],
  ["ab", () => new Uint8Array([1, 2, 3]).buffer, "ff0f4203010203", "ArrayBuffer [object ArrayBuffer] len=3 [1,2,3]"],
  ["abempty", () => new ArrayBuffer(0), "ff0f4200", "ArrayBuffer [object ArrayBuffer] len=0 []"],
  ["u8", () => new Uint8Array([1, 2, 3]), "ff0f42030102035642000300", "Uint8Array [object Uint8Array] off=0 len=3 buf=ArrayBuffer [object ArrayBuffer] len=3 [1,2,3]"],
  ["u8sub", () => new Uint8Array([1, 2, 3, 4]).subarray(1, 3), "ff0f4204010203045642010200", "Uint8Array [object Uint8Array] off=1 len=2 buf=ArrayBuffer [object ArrayBuffer] len=4 [1,2,3,4]"],
  ["i8", () => new Int8Array([-1]), "ff0f4201ff5662000100", "Int8Array [object Int8Array] off=0 len=1 buf=ArrayBuffer [object ArrayBuffer] len=1 [255]"],
  ["u8c", () => new Uint8ClampedArray([255]), "ff0f4201ff5643000100", "Uint8ClampedArray [object Uint8ClampedArray] off=0 len=1 buf=ArrayBuffer [object ArrayBuffer] len=1 [255]"],
  ["i16", () => new Int16Array([-2]), "ff0f4202feff5677000200", "Int16Array [object Int16Array] off=0 len=2 buf=ArrayBuffer [object ArrayBuffer] len=2 [254,255]"],
  ["u16", () => new Uint16Array([2]), "ff0f420202005657000200", "Uint16Array [object Uint16Array] off=0 len=2 buf=ArrayBuffer [object ArrayBuffer] len=2 [2,0]"],
  ["i32", () => new Int32Array([-3]), "ff0f4204fdffffff5664000400", "Int32Array [object Int32Array] off=0 len=4 buf=ArrayBuffer [object ArrayBuffer] len=4 [253,255,255,255]"],
  ["u32", () => new Uint32Array([3]), "ff0f4204030000005644000400", "Uint32Array [object Uint32Array] off=0 len=4 buf=ArrayBuffer [object ArrayBuffer] len=4 [3,0,0,0]"],
  ["f32", () => new Float32Array([1.5]), "ff0f42040000c03f5666000400", "Float32Array [object Float32Array] off=0 len=4 buf=ArrayBuffer [object ArrayBuffer] len=4 [0,0,192,63]"],
  ["f64", () => new Float64Array([1.5]), "ff0f4208000000000000f83f5646000800", "Float64Array [object Float64Array] off=0 len=8 buf=ArrayBuffer [object ArrayBuffer] len=8 [0,0,0,0,0,0,248,63]"],
  ["bi64", () => new BigInt64Array([-1n]), "ff0f4208ffffffffffffffff5671000800", "BigInt64Array [object BigInt64Array] off=0 len=8 buf=ArrayBuffer [object ArrayBuffer] len=8 [255,255,255,255,255,255,255,255]"],
  ["bu64", () => new BigUint64Array([1n]), "ff0f420801000000000000005651000800", "BigUint64Array [object BigUint64Array] off=0 len=8 buf=ArrayBuffer [object ArrayBuffer] len=8 [1,0,0,0,0,0,0,0]"],
  ["dv", () => new DataView(new ArrayBuffer(4), 1, 2), "ff0f420400000000563f010200", "DataView [object DataView] off=1 len=2 buf=ArrayBuffer [object ArrayBuffer] len=4 [0,0,0,0]"],
  ["twoviews", () => { const b = new ArrayBuffer(8); return [new Uint8Array(b), new Uint16Array(b, 2, 2)]; }, "ff0f41024208000000000000000056420008005e015657020400240002", "Array [object Array] length=2 {0: Uint8Array [object Uint8Array] off=0 len=8 buf=ArrayBuffer [object ArrayBuffer] len=8 [0,0,0,0,0,0,0,0], 1: Uint16Array [object Uint16Array] off=2 len=4 buf=<ref2>}"],
  ["viewandbuf", () => { const b = new ArrayBuffer(4); return { b, v: new Uint8Array(b) }; }, "ff0f6f2201624204000000002201765e0156420004007b02", "Object [object Object] {b: ArrayBuffer [object ArrayBuffer] len=4 [0,0,0,0], v: Uint8Array [object Uint8Array] off=0 len=4 buf=<ref1>}"],
  ["resizable", null, "ff0f7e041000000000", "ArrayBuffer [object ArrayBuffer] len=4 [0,0,0,0]"],
  ["lengthtracking", null, "ff0f7e0410000000005642000003", "Uint8Array [object Uint8Array] off=0 len=4 buf=ArrayBuffer [object ArrayBuffer] len=4 [0,0,0,0]"],
  ["error", () => { const e = new Error("boom"); e.stack = "Error: boom\n    at x"; return e; }, "ff0f5c0a012204626f6f6d6f2205737461636b22144572726f723a20626f6f6d0a20202020617420787b01", "Error [object Error] name=\"Error\" message=\"boom\" stack=\"Error: boom\" own=[\"stack\",\"message\"] {stack: \"Error: boom\\n    at x\"}"],
  ["typeerror", () => { const e = new TypeError("bad"); e.stack = "TypeError: bad"; return e; }, "ff0f5c0a0222036261646f2205737461636b220e547970654572726f723a206261647b01", "TypeError [object Error] name=\"TypeError\" message=\"bad\" stack=\"TypeError: bad\" own=[\"stack\",\"message\"] {stack: \"TypeError: bad\"}"],
  ["errornomsg", () => { const e = new Error(); e.stack = "S"; return e; }, "ff0f5c0a0122006f2205737461636b2201537b01", "Error [object Error] name=\"Error\" message=\"\" stack=\"S\" own=[\"stack\",\"message\"] {stack: \"S\"}"],
  ["errorcause", () => { const e = new Error("c", { cause: 5 }); e.stack = "S"; return e; }, "ff0f5c0a012201636f2205737461636b22015322056361757365490a7b02", "Error [object Error] name=\"Error\" message=\"c\" stack=\"S\" own=[\"stack\",\"message\",\"cause\"] cause=5 {stack: \"S\", cause: 5}"],
  ["errorprops", () => { const e = new RangeError("r"); e.stack = "S"; e.code = 7; return e; }, "ff0f5c0a032201726f2205737461636b2201532204636f6465490e7b02", "RangeError [object Error] name=\"RangeError\" message=\"r\" stack=\"S\" own=[\"stack\",\"message\",\"code\"] {stack: \"S\", code: 7}"],
  ["errorname", () => { const e = new Error("m"); e.name = "Custom"; e.stack = "S"; return e; }, "ff0f5c0a002206437573746f6d22016d6f2205737461636b2201537b01", "Error [object Error] name=\"Custom\" message=\"m\" stack=\"S\" own=[\"stack\",\"message\",\"name\"] {stack: \"S\", name: \"Custom\"}"],
  ["errorsub", () => { class MyErr extends Error {} const e = new MyErr("m"); e.stack = "S"; return e; }, "ff0f5c0a0122016d6f2205737461636b2201537b01", "Error [object Error] name=\"Error\" message=\"m\" stack=\"S\" own=[\"stack\",\"message\"] {stack: \"S\"}"],
  ["errorstacknonstring", () => { const e = new Error("m"); e.stack = 5; return e; }, "ff0f5c0a0122016d6f2205737461636b490a7b01", "Error [object Error] name=\"Error\" message=\"m\" stack=5 own=[\"stack\",\"message\"] {stack: 5}"],
  ["evalerror", () => { const e = new EvalError("m"); e.stack = "S"; return e; }, "ff0f5c0a0a22016d6f2205737461636b2201537b01", "EvalError [object Error] name=\"EvalError\" message=\"m\" stack=\"S\" own=[\"stack\",\"message\"] {stack: \"S\"}"],
  ["urierror", () => { const e = new URIError("m"); e.stack = "S"; return e; }, "ff0f5c0a0b22016d6f2205737461636b2201537b01", "URIError [object Error] name=\"URIError\" message=\"m\" stack=\"S\" own=[\"stack\",\"message\"] {stack: \"S\"}"],
  ["referror", () => { const e = new ReferenceError("m"); e.stack = "S"; return e; }, "ff0f5c0a0422016d6f2205737461636b2201537b01", "ReferenceError [object Error] name=\"ReferenceError\" message=\"m\" stack=\"S\" own=[\"stack\",\"message\"] {stack: \"S\"}"],
  ["syntaxerror", () => { const e = new SyntaxError("m"); e.stack = "S"; return e; }, "ff0f5c0a0522016d6f2205737461636b2201537b01", "SyntaxError [object Error] name=\"SyntaxError\" message=\"m\" stack=\"S\" own=[\"stack\",\"message\"] {stack: \"S\"}"],
  ["aggregateerror", () => { const e = new AggregateError([1], "m"); e.stack = "S"; return e; }, "ff0f5c0a0c22016d6f2205737461636b22015322066572726f7273410149022400017b02", "AggregateError [object Error] name=\"AggregateError\" message=\"m\" stack=\"S\" own=[\"stack\",\"message\",\"errors\"] {stack: \"S\", errors: Array [object Array] length=1 {0: 1}}"],
  ["cycle", () => { const o = {}; o.self = o; return o; }, "ff0f6f220473656c665e007b01", "Object [object Object] {self: <ref0>}"],
  ["shared", () => { const s = { x: 1 }; return [s, s]; }, "ff0f41026f22017849027b015e01240002", "Array [object Array] length=2 {0: Object [object Object] {x: 1}, 1: <ref1>}"],
  ["sharedstr", () => ["abc", "abc"], "ff0f410222036162632203616263240002", "Array [object Array] length=2 {0: \"abc\", 1: \"abc\"}"],
  ["sharedmap", () => { const m = new Map(); m.set("m", m); return m; }, "ff0f3b22016d5e003a02", "Map [object Map] {\"m\"=><ref0>}"],
  ["classinst", () => { class A { constructor() { this.x = 1; } } return new A(); }, "ff0f6f22017849027b01", "Object [object Object] {x: 1}"],
];

// checkWorkerdCases compares, for each row, Serialize's bytes, what
// Deserialize makes of workerd's bytes, and what structuredClone returns.
function checkWorkerdCases() {
  const bad = [];
  for (const [name, make, hex, want] of workerdCases) {
    if (name === "regexpall" || name === "regexpv") {
      try { v8parse(hex); bad.push(name + ": read a RegExp goja cannot make"); } catch (e) {}
      continue;
    }
    let got = describe(v8parse(hex));
    if (got !== want) bad.push(name + ": Deserialize(workerd's bytes) = " + got + "\n    want " + want);
    if (make === null) continue;
    got = v8hex(make());
    if (got !== hex) bad.push(name + ": Serialize = " + got + "\n    want " + hex);
    got = describe(structuredClone(make()));
    if (got !== want) bad.push(name + ": structuredClone = " + got + "\n    want " + want);
  }
  if (bad.length) throw new Error(bad.length + " mismatches:\n" + bad.join("\n"));
}
