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
  ["keyeuro", () => ({ "\u20ac": 1, b: 2 }), "ff0f6f006302ac20490222016249047b02", "Object [object Object] {\u20ac: 1, b: 2}"],
  ["keylatin1", () => ({ "caf\u00e9": 1 }), "ff0f6f2204636166e949027b01", "Object [object Object] {caf\u00e9: 1}"],
  ["keyodd", () => ({ ab: 1, "\u20acx": "\u20ac" }), "ff0f6f220261624902006304ac2078006302ac207b02", "Object [object Object] {ab: 1, \u20acx: \"\u20ac\"}"],
  ["longstr", () => "x".repeat(300), "ff0f22ac02787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878", "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\""],
  ["longtwobyte", () => "\u20ac".repeat(100), "ff0f0063c801ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20ac20", "\"\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\""],
  ["twobyteafterlong", () => ["x".repeat(200), "\u20ac"], "ff0f410222c8017878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878006302ac20240002", "Array [object Array] length=2 {0: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", 1: \"\u20ac\"}"],
  ["big53", () => 2 ** 53, "ff0f4e0000000000004043", "9007199254740992"],
  ["negbig", () => -(2 ** 31), "ff0f4e000000000000e0c1", "-2147483648"],
  ["e21", () => 1e21, "ff0f4e50efe2d6e41a4b44", "1e+21"],
  ["small", () => 1.5e-7, "ff0f4e76830df4f521843e", "1.5e-7"],
  ["dateneg", () => new Date(-1), "ff0f44000000000000f0bf", "Date [object Date] -1"],
  ["densebig", () => Array.from({ length: 200 }, (_, i) => i), "ff0f41c80149004902490449064908490a490c490e49104912491449164918491a491c491e49204922492449264928492a492c492e49304932493449364938493a493c493e49404942494449464948494a494c494e49504952495449564958495a495c495e49604962496449664968496a496c496e49704972497449764978497a497c497e498001498201498401498601498801498a01498c01498e01499001499201499401499601499801499a01499c01499e0149a00149a20149a40149a60149a80149aa0149ac0149ae0149b00149b20149b40149b60149b80149ba0149bc0149be0149c00149c20149c40149c60149c80149ca0149cc0149ce0149d00149d20149d40149d60149d80149da0149dc0149de0149e00149e20149e40149e60149e80149ea0149ec0149ee0149f00149f20149f40149f60149f80149fa0149fc0149fe01498002498202498402498602498802498a02498c02498e02499002499202499402499602499802499a02499c02499e0249a00249a20249a40249a60249a80249aa0249ac0249ae0249b00249b20249b40249b60249b80249ba0249bc0249be0249c00249c20249c40249c60249c80249ca0249cc0249ce0249d00249d20249d40249d60249d80249da0249dc0249de0249e00249e20249e40249e60249e80249ea0249ec0249ee0249f00249f20249f40249f60249f80249fa0249fc0249fe02498003498203498403498603498803498a03498c03498e032400c801", "Array [object Array] length=200 {0: 0, 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9, 10: 10, 11: 11, 12: 12, 13: 13, 14: 14, 15: 15, 16: 16, 17: 17, 18: 18, 19: 19, 20: 20, 21: 21, 22: 22, 23: 23, 24: 24, 25: 25, 26: 26, 27: 27, 28: 28, 29: 29, 30: 30, 31: 31, 32: 32, 33: 33, 34: 34, 35: 35, 36: 36, 37: 37, 38: 38, 39: 39, 40: 40, 41: 41, 42: 42, 43: 43, 44: 44, 45: 45, 46: 46, 47: 47, 48: 48, 49: 49, 50: 50, 51: 51, 52: 52, 53: 53, 54: 54, 55: 55, 56: 56, 57: 57, 58: 58, 59: 59, 60: 60, 61: 61, 62: 62, 63: 63, 64: 64, 65: 65, 66: 66, 67: 67, 68: 68, 69: 69, 70: 70, 71: 71, 72: 72, 73: 73, 74: 74, 75: 75, 76: 76, 77: 77, 78: 78, 79: 79, 80: 80, 81: 81, 82: 82, 83: 83, 84: 84, 85: 85, 86: 86, 87: 87, 88: 88, 89: 89, 90: 90, 91: 91, 92: 92, 93: 93, 94: 94, 95: 95, 96: 96, 97: 97, 98: 98, 99: 99, 100: 100, 101: 101, 102: 102, 103: 103, 104: 104, 105: 105, 106: 106, 107: 107, 108: 108, 109: 109, 110: 110, 111: 111, 112: 112, 113: 113, 114: 114, 115: 115, 116: 116, 117: 117, 118: 118, 119: 119, 120: 120, 121: 121, 122: 122, 123: 123, 124: 124, 125: 125, 126: 126, 127: 127, 128: 128, 129: 129, 130: 130, 131: 131, 132: 132, 133: 133, 134: 134, 135: 135, 136: 136, 137: 137, 138: 138, 139: 139, 140: 140, 141: 141, 142: 142, 143: 143, 144: 144, 145: 145, 146: 146, 147: 147, 148: 148, 149: 149, 150: 150, 151: 151, 152: 152, 153: 153, 154: 154, 155: 155, 156: 156, 157: 157, 158: 158, 159: 159, 160: 160, 161: 161, 162: 162, 163: 163, 164: 164, 165: 165, 166: 166, 167: 167, 168: 168, 169: 169, 170: 170, 171: 171, 172: 172, 173: 173, 174: 174, 175: 175, 176: 176, 177: 177, 178: 178, 179: 179, 180: 180, 181: 181, 182: 182, 183: 183, 184: 184, 185: 185, 186: 186, 187: 187, 188: 188, 189: 189, 190: 190, 191: 191, 192: 192, 193: 193, 194: 194, 195: 195, 196: 196, 197: 197, 198: 198, 199: 199}"],
  ["arrnested", () => [[1, [2]], { a: [] }], "ff0f410241024902410149042400012400026f22016141002400007b01240002", "Array [object Array] length=2 {0: Array [object Array] length=2 {0: 1, 1: Array [object Array] length=1 {0: 2}}, 1: Object [object Object] {a: Array [object Array] length=0}}"],
  ["strobjlatin1", () => new String("\u00e9"), "ff0f732201e9", "String [object String] value=\"\u00e9\""],
  ["mapwithobjkeys", () => { const k = { k: 1 }; return new Map([[k, k], [NaN, -0]]); }, "ff0f3b6f22016b49027b015e014e000000000000f87f4e00000000000000803a04", "Map [object Map] {Object [object Object] {k: 1}=><ref1>, NaN=>-0}"],
  ["setofsets", () => { const s = new Set(); s.add(s); return s; }, "ff0f275e002c01", "Set [object Set] {<ref0>}"],
  ["bufshared", () => { const b = new ArrayBuffer(2); return { a: b, b, c: new Uint8Array(b), d: new Uint8Array(b) }; }, "ff0f6f220161420200002201625e012201635e0156420002002201645e0156420002007b04", "Object [object Object] {a: ArrayBuffer [object ArrayBuffer] len=2 [0,0], b: <ref1>, c: Uint8Array [object Uint8Array] off=0 len=2 buf=<ref1>, d: Uint8Array [object Uint8Array] off=0 len=2 buf=<ref1>}"],
  ["emptystrkey", () => ({ "": 1 }), "ff0f6f220049027b01", "Object [object Object] {: 1}"],
  ["numkeyneg", () => ({ "-0": 1, "0": 2 }), "ff0f6f4900490422022d3049027b02", "Object [object Object] {0: 2, -0: 1}"],
  ["errnested", () => { const e = new Error("outer", { cause: new TypeError("inner") }); e.stack = "S"; e.cause.stack = "T"; return e; }, "ff0f5c0a0122056f757465726f2205737461636b220153220563617573655c0a022205696e6e65726f2205737461636b2201547b017b02", "Error [object Error] name=\"Error\" message=\"outer\" stack=\"S\" own=[\"stack\",\"message\",\"cause\"] cause=TypeError [object Error] name=\"TypeError\" message=\"inner\" stack=\"T\" own=[\"stack\",\"message\"] {stack: \"T\"} {stack: \"S\", cause: <ref1>}"],
  ["errarr", () => { const e = new Error("x"); e.stack = "S"; return [e, { e }]; }, "ff0f41025c0a012201786f2205737461636b2201537b016f2201655e017b01240002", "Array [object Array] length=2 {0: Error [object Error] name=\"Error\" message=\"x\" stack=\"S\" own=[\"stack\",\"message\"] {stack: \"S\"}, 1: Object [object Object] {e: <ref1>}}"],
  ["bigintneg2", () => -(2n ** 64n), "ff0f5a2100000000000000000100000000000000", "-18446744073709551616n"],
  ["bigint63", () => 2n ** 63n - 1n, "ff0f5a10ffffffffffffff7f", "9223372036854775807n"],
  ["u8empty", () => new Uint8Array(0), "ff0f42005642000000", "Uint8Array [object Uint8Array] off=0 len=0 buf=ArrayBuffer [object ArrayBuffer] len=0 []"],
  ["dvfull", () => new DataView(new ArrayBuffer(3)), "ff0f4203000000563f000300", "DataView [object DataView] off=0 len=3 buf=ArrayBuffer [object ArrayBuffer] len=3 [0,0,0]"],
  ["blobtyped", () => new Blob(["hi"], { type: "Text/Plain" }), "ff0f5c0f0a746578742f706c61696e026869", "Blob [object Blob]"],
  ["blobempty", () => new Blob([]), "ff0f5c0f0000", "Blob [object Blob]"],
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

// errText prints an error as the workerd worker did.
function errText(e) {
  return (e && e.constructor && e.constructor.name) + " name=" + e.name + " code=" + e.code + " message=" + JSON.stringify(e.message);
}

const cloneError = (what) => `DOMException name=DataCloneError code=25 message=${JSON.stringify(what)}`;
const notSerializable = (type) => cloneError(`Could not serialize object of type "${type}". This type does not support serialization.`);
const notYet = (what) => `TypeError name=TypeError code=undefined message=${JSON.stringify(what + " is not supported by workerhost yet")}`;

// workerdErrors are what structuredClone(make()) threw in workerd ("ok"
// when it did not), except where marked.
const workerdErrors = [
  ["fn", () => () => {}, cloneError("() => {} could not be cloned.")],
  ["fnnamed", () => function foo() { return 1; }, cloneError("function foo() { return 1; } could not be cloned.")],
  ["symbol", () => Symbol("s"), cloneError("Symbol(s) could not be cloned.")],
  ["symdesc", () => Symbol(), cloneError("Symbol() could not be cloned.")],
  ["symiter", () => Symbol.iterator, cloneError("Symbol(Symbol.iterator) could not be cloned.")],
  ["objfn", () => ({ f() {} }), cloneError("f() {} could not be cloned.")],
  ["nativefn", () => Math.max, cloneError("function max() { [native code] } could not be cloned.")],
  ["classfn", () => class A { m() {} }, cloneError("class A { m() {} } could not be cloned.")],
  ["asyncfn", () => async () => 1, cloneError("async () => 1 could not be cloned.")],
  ["nestedfn", () => [1, { a: () => 1 }], cloneError("() => 1 could not be cloned.")],
  ["classinst", () => { class A { constructor() { this.x = 1; } } return new A(); }, "ok"],
  ["weakmap", () => new WeakMap(), cloneError("#<WeakMap> could not be cloned.")],
  ["weakset", () => new WeakSet(), cloneError("#<WeakSet> could not be cloned.")],
  ["weakref", () => new WeakRef({}), cloneError("#<WeakRef> could not be cloned.")],
  ["finreg", () => new FinalizationRegistry(() => {}), cloneError("#<FinalizationRegistry> could not be cloned.")],
  ["weakmapCtorName", () => { const w = new WeakMap(); Object.defineProperty(w, "constructor", { value: function Zed() {} }); return w; }, cloneError("#<Zed> could not be cloned.")],
  ["promise", () => Promise.resolve(1), cloneError("#<Promise> could not be cloned.")],
  ["proxy", () => new Proxy({}, {}), cloneError("#<Object> could not be cloned.")],
  ["proxyarr", () => new Proxy([], {}), cloneError("[object Object] could not be cloned.")],
  ["objWithProxy", () => ({ p: new Proxy(function () {}, {}) }), cloneError("function () {} could not be cloned.")],
  ["generator", () => (function* () {})(), cloneError("[object Generator] could not be cloned.")],
  ["mapIter", () => new Map().entries(), cloneError("[object Map Iterator] could not be cloned.")],
  ["arrIter", () => [].values(), cloneError("[object Array Iterator] could not be cloned.")],
  ["strIter", () => ""[Symbol.iterator](), cloneError("[object String Iterator] could not be cloned.")],
  ["symbolobj", () => Object(Symbol("s")), cloneError("[object Symbol] could not be cloned.")],
  ["args", () => (function () { return arguments; })(1, 2), cloneError("#<Object> could not be cloned.")],
  ["detached", () => { const b = new ArrayBuffer(4); structuredClone(b, { transfer: [b] }); return b; }, cloneError("An ArrayBuffer is detached and could not be cloned.")],
  ["getterthrows", () => ({ get g() { throw new RangeError("inner"); } }), `RangeError name=RangeError code=undefined message="inner"`],
  ["mathobj", () => Math, "ok"],
  ["errorToString", () => Object.create(Error.prototype), "ok"],
  ["domexception", () => new DOMException("m", "AbortError"), "ok"],
  ["blob", () => new Blob(["x"]), "ok"],
  ["stream", () => new ReadableStream(), cloneError("ReadableStream can only be serialized for RPC.")],
  ["reader", () => new ReadableStream().getReader(), notSerializable("ReadableStreamDefaultReader")],
  ["abortsignal", () => new AbortController().signal, cloneError("AbortSignal serialization is not enabled.")],
  ["abortController", () => new AbortController(), notSerializable("AbortController")],
  ["url", () => new URL("https://x/"), notSerializable("URL")],
  ["urlsp", () => new URLSearchParams("a=1"), notSerializable("URLSearchParams")],
  ["textencoder", () => new TextEncoder(), notSerializable("TextEncoder")],
  ["textDecoder", () => new TextDecoder(), notSerializable("TextDecoder")],
  ["event", () => new Event("x"), notSerializable("Event")],
  ["messageEvent", () => new MessageEvent("message"), notSerializable("MessageEvent")],
  ["eventTarget", () => new EventTarget(), notSerializable("EventTarget")],
  ["crypto", () => crypto, notSerializable("Crypto")],
  ["subtle", () => crypto.subtle, notSerializable("SubtleCrypto")],
  ["performance", () => performance, notSerializable("Performance")],
  ["caches", () => caches, notSerializable("CacheStorage")],
  ["wsPair", () => new WebSocketPair(), notSerializable("WebSocketPair")],
  ["ws", () => new WebSocketPair()[0], notSerializable("WebSocket")],
  ["wasmMemory", () => new WebAssembly.Memory({ initial: 1 }), cloneError("#<Memory> could not be cloned.")],
  ["wasmGlobal", () => new WebAssembly.Global({ value: "i32" }, 1), cloneError("#<Global> could not be cloned.")],
  ["wasmTable", () => new WebAssembly.Table({ element: "anyfunc", initial: 1 }), cloneError("#<Table> could not be cloned.")],
  ["globalthis", () => globalThis, cloneError("#<ServiceWorkerGlobalScope> could not be cloned.")],
  // workerd clones these (its own host objects); workerhost does not yet.
  ["request", () => new Request("https://x/"), notYet("structuredClone() of a Request")],
  ["response", () => new Response(null), notYet("structuredClone() of a Response")],
  ["headers", () => new Headers(), notYet("structuredClone() of Headers")],
];

// checkWorkerdErrors compares what structuredClone and Serialize throw.
function checkWorkerdErrors() {
  const bad = [];
  for (const [name, make, want] of workerdErrors) {
    for (const [how, clone] of [["structuredClone", structuredClone], ["Serialize", v8hex]]) {
      let got = "ok";
      try { clone(make()); } catch (e) { got = errText(e); }
      if (got !== want) bad.push(name + ": " + how + " threw " + got + "\n    want " + want);
    }
  }
  if (bad.length) throw new Error(bad.length + " mismatches:\n" + bad.join("\n"));
}

function nest(n, arr) { let o = {}; for (let i = 0; i < n; i++) o = arr ? [o] : { o }; return o; }

// workerdBehaviours are structuredClone's options, transfers and finer
// points, with what each returned (or threw) in workerd.
const workerdBehaviours = [
  ["length", () => structuredClone.length + " " + structuredClone.name, "0 structuredClone"],
  ["noargs", () => structuredClone(), "threw TypeError: Failed to execute 'structuredClone' on 'ServiceWorkerGlobalScope': parameter 1 is not of type 'Value'."],
  ["undef", () => String(structuredClone(undefined)), "undefined"],
  ["basic", () => { const b = new Uint8Array([1, 2, 3]).buffer; const c = structuredClone(b, { transfer: [b] }); return b.byteLength + " " + c.byteLength + " " + new Uint8Array(c) + " " + (b === c); }, "0 3 1,2,3 false"],
  ["inobj", () => { const b = new Uint8Array([1, 2, 3]).buffer; const u = new Uint8Array(b, 1); const c = structuredClone({ b, u }, { transfer: [b] }); return b.byteLength + " " + u.length + " " + c.b.byteLength + " " + (c.u.buffer === c.b) + " " + c.u.length; }, "0 0 3 true 2"],
  ["notinvalue", () => { const b = new ArrayBuffer(3); const c = structuredClone(1, { transfer: [b] }); return b.byteLength + " " + c; }, "0 1"],
  ["dup", () => { const b = new ArrayBuffer(3); const c = structuredClone(b, { transfer: [b, b] }); return b.byteLength + " " + c.byteLength; }, "0 3"],
  ["view", () => { const b = new ArrayBuffer(3); const u = new Uint8Array(b); const c = structuredClone(u, { transfer: [u] }); return b.byteLength + " " + c.byteLength + " " + c.constructor.name; }, "0 3 Uint8Array"],
  ["viewAfterTransfer", () => { const b = new ArrayBuffer(2); const u = new Uint8Array(b); structuredClone(b, { transfer: [b] }); return u.length + " " + u.byteLength; }, "0 0"],
  ["string", () => structuredClone(1, { transfer: ["x"] }), "threw TypeError: Object is not transferable"],
  ["obj", () => structuredClone(1, { transfer: [{}] }), "threw TypeError: Object is not transferable"],
  ["transferu8fail", () => structuredClone(1, { transfer: [new Uint8Array(2), "x"] }), "threw TypeError: Object is not transferable"],
  ["num", () => structuredClone(1, { transfer: 5 }), "threw TypeError: Incorrect type for the 'transfer' field on 'StructuredCloneOptions': the provided value is not of type 'Array'."],
  ["nulltransfer", () => structuredClone(1, { transfer: null }), "threw TypeError: Incorrect type for the 'transfer' field on 'StructuredCloneOptions': the provided value is not of type 'Array'."],
  ["transferset", () => { const b = new ArrayBuffer(3); structuredClone(b, { transfer: new Set([b]) }); return b.byteLength; }, "threw TypeError: Incorrect type for the 'transfer' field on 'StructuredCloneOptions': the provided value is not of type 'Array'."],
  ["arrlikeTransfer", () => structuredClone(1, { transfer: { length: 0 } }), "threw TypeError: Incorrect type for the 'transfer' field on 'StructuredCloneOptions': the provided value is not of type 'Array'."],
  ["undeftransfer", () => structuredClone(1, { transfer: undefined }), "1"],
  ["optnull", () => structuredClone(1, null), "1"],
  ["optfn", () => structuredClone(1, () => {}), "1"],
  ["optarr", () => structuredClone(1, []), "1"],
  ["optnum", () => structuredClone(1, 5), "threw TypeError: Failed to execute 'structuredClone' on 'ServiceWorkerGlobalScope': parameter 2 is not of type 'StructuredCloneOptions'."],
  ["optstr", () => structuredClone(1, "x"), "threw TypeError: Failed to execute 'structuredClone' on 'ServiceWorkerGlobalScope': parameter 2 is not of type 'StructuredCloneOptions'."],
  ["transferGetterThrows", () => structuredClone(1, { get transfer() { throw new RangeError("g"); } }), "threw RangeError: g"],
  ["detached", () => { const b = new ArrayBuffer(3); structuredClone(b, { transfer: [b] }); return structuredClone(b, { transfer: [b] }).byteLength; }, "0"],
  ["detachedNoTransfer", () => { const b = new ArrayBuffer(3); structuredClone(b, { transfer: [b] }); return structuredClone(b); }, "threw DOMException: An ArrayBuffer is detached and could not be cloned."],
  ["failnodetach", () => { const b = new ArrayBuffer(3); try { structuredClone([b, () => 1], { transfer: [b] }); } catch (e) { return "threw " + e.name + " " + b.byteLength; } }, "threw DataCloneError 3"],
  ["getterseesbuffer", () => { const b = new ArrayBuffer(3); let seen; structuredClone({ get g() { seen = b.byteLength; return 1; } }, { transfer: [b] }); return seen + " " + b.byteLength; }, "3 0"],
  ["protoerror", () => { const e = new Error("m"); Object.setPrototypeOf(e, Object.prototype); return JSON.stringify(Object.keys(structuredClone(e))) + " " + (structuredClone(e) instanceof Error); }, `["stack","name"] true`],
  ["errpropsobj", () => { const e = new Error("m"); e.extra = { x: 1 }; e.fn = 5; const c = structuredClone(e); return JSON.stringify(c.extra) + " " + c.fn + " " + Object.keys(c); }, `{"x":1} 5 stack,extra,fn`],
  ["errmsgnonstring", () => { const e = new Error("m"); Object.defineProperty(e, "message", { value: 5 }); return structuredClone(e); }, "threw DOMException: Deserialization failed: error message is not a string"],
  ["errnamegetter", () => { const e = new Error("m"); Object.defineProperty(e, "name", { get() { return "TypeError"; } }); const c = structuredClone(e); return c.constructor.name + " " + c.name; }, "TypeError TypeError"],
  ["errcycle", () => { const e = new Error("m"); e.self = e; return structuredClone(e).self === e; }, "threw Error: Unable to deserialize cloned data."],
  ["errcausecycle", () => { const e = new Error("m", { cause: null }); e.cause = e; return structuredClone(e); }, "threw Error: Unable to deserialize cloned data."],
  ["objerrshared", () => { const e = new Error("m"); const c = structuredClone([e, e]); return c[0] === c[1]; }, "true"],
  ["errorownstackdeleted", () => { const e = new Error("m"); delete e.stack; const c = structuredClone(e); return typeof c.stack + " " + Object.keys(c); }, "string "],
  ["mapsubclass", () => { class M extends Map { constructor() { super(); this.x = 1; } } const m = new M(); m.set(1, 2); const c = structuredClone(m); return c.constructor.name + " " + c.x + " " + c.get(1); }, "Map undefined 2"],
  ["arrsubclass", () => { class A extends Array {} const a = A.from([1, 2]); const c = structuredClone(a); return c.constructor.name + " " + c.length; }, "Array 2"],
  ["domexc", () => { const d = new DOMException("msg", "AbortError"); d.extra = 1; const c = structuredClone(d); return c.constructor.name + " " + c.name + " " + c.message + " " + c.code + " " + c.extra + " " + (c instanceof DOMException) + " " + (c.stack === d.stack); }, "DOMException AbortError msg 20 undefined true true"],
  ["domexcplain", () => { const c = structuredClone(new DOMException("msg")); return c.name + " " + c.code; }, "Error 0"],
  ["sparsebig", () => { const a = []; a[2 ** 31] = 1; const c = structuredClone(a); return c.length + " " + c[2 ** 31]; }, "2147483649 1"],
  ["stringkeysnum", () => Object.keys(structuredClone({ "-1": 1, "01": 2, "1.5": 3, 7: 4 })).join(), "7,-1,01,1.5"],
  ["protokey", () => { const o = JSON.parse('{"__proto__": {"x": 1}}'); const c = structuredClone(o); return Object.getPrototypeOf(c) === Object.prototype && Object.keys(c).join() + " " + c.x; }, "__proto__ undefined"],
  ["regexlastindex", () => { const r = /a/g; r.lastIndex = 3; r.x = 1; const c = structuredClone(r); return c.lastIndex + " " + c.x; }, "0 undefined"],
  ["datexprops", () => { const d = new Date(0); d.x = 1; return structuredClone(d).x; }, "undefined"],
  ["boxedstringidx", () => { const s = new String("ab"); s.x = 1; const c = structuredClone(s); return c.x + " " + c.length; }, "undefined 2"],
  ["typedprops", () => { const u = new Uint8Array(2); u.x = 1; return structuredClone(u).x; }, "undefined"],
  ["arrayholegetter", () => { const a = [1, 2, 3]; Object.defineProperty(a, 1, { get() { a.length = 1; return 9; } }); return JSON.stringify(structuredClone(a)); }, "[1,9,null]"],
  ["protoobj", () => { const p = { inherited: 1 }; const o = Object.create(p); o.own = 2; return JSON.stringify(structuredClone(o)); }, `{"own":2}`],
  ["depth2000", () => { structuredClone(nest(2000)); structuredClone(nest(2000, true)); return "ok"; }, "ok"],
  ["deepnest", () => structuredClone(nest(10000)), "threw RangeError: Maximum call stack size exceeded"],
  ["cycle", () => { const o = { a: [] }; o.a.push(o, o.a); o.m = new Map([[o, o.a]]); const c = structuredClone(o); return [c.a[0] === c, c.a[1] === c.a, c.m.get(c) === c.a, c !== o].join(); }, "true,true,true,true"],
];

// checkWorkerdBehaviours runs workerdBehaviours.
function checkWorkerdBehaviours() {
  const bad = [];
  for (const [name, run, want] of workerdBehaviours) {
    let got;
    try { got = String(run()); } catch (e) { got = "threw " + (e && e.constructor && e.constructor.name) + ": " + e.message; }
    if (got !== want) bad.push(name + ": " + got + "\n    want " + want);
  }
  if (bad.length) throw new Error(bad.length + " mismatches:\n" + bad.join("\n"));
}

// legacyErrorCases are workerd's rows for errors under the compatibility
// flag legacy_error_serialization: V8's own error format.
const legacyErrorCases = [
  ["error", () => { const e = new Error("boom"); e.stack = "Error: boom\n    at x"; return e; }, "ff0f726d2204626f6f6d7322144572726f723a20626f6f6d0a20202020617420782e", "Error [object Error] name=\"Error\" message=\"boom\" stack=\"Error: boom\" own=[\"stack\",\"message\"]"],
  ["typeerror", () => { const e = new TypeError("bad"); e.stack = "TypeError: bad"; return e; }, "ff0f72546d220362616473220e547970654572726f723a206261642e", "TypeError [object Error] name=\"TypeError\" message=\"bad\" stack=\"TypeError: bad\" own=[\"stack\",\"message\"]"],
  ["errornomsg", () => { const e = new Error(); e.stack = "S"; return e; }, "ff0f72732201532e", "Error [object Error] name=\"Error\" message=\"\" stack=\"S\" own=[\"stack\"]"],
  ["errorcause", () => { const e = new Error("c", { cause: 5 }); e.stack = "S"; return e; }, "ff0f726d2201637322015363490a2e", "Error [object Error] name=\"Error\" message=\"c\" stack=\"S\" own=[\"stack\",\"message\",\"cause\"] cause=5"],
  ["errorprops", () => { const e = new RangeError("r"); e.stack = "S"; e.code = 7; return e; }, "ff0f72526d220172732201532e", "RangeError [object Error] name=\"RangeError\" message=\"r\" stack=\"S\" own=[\"stack\",\"message\"]"],
  ["errorname", () => { const e = new Error("m"); e.name = "Custom"; e.stack = "S"; return e; }, "ff0f726d22016d732201532e", "Error [object Error] name=\"Error\" message=\"m\" stack=\"S\" own=[\"stack\",\"message\"]"],
  ["errorsub", () => { class MyErr extends Error {} const e = new MyErr("m"); e.stack = "S"; return e; }, "ff0f726d22016d732201532e", "Error [object Error] name=\"Error\" message=\"m\" stack=\"S\" own=[\"stack\",\"message\"]"],
  ["errorstacknonstring", () => { const e = new Error("m"); e.stack = 5; return e; }, "ff0f726d22016d2e", "Error [object Error] name=\"Error\" message=\"m\" stack=undefined own=[\"stack\",\"message\"]"],
  ["evalerror", () => { const e = new EvalError("m"); e.stack = "S"; return e; }, "ff0f72456d22016d732201532e", "EvalError [object Error] name=\"EvalError\" message=\"m\" stack=\"S\" own=[\"stack\",\"message\"]"],
  ["urierror", () => { const e = new URIError("m"); e.stack = "S"; return e; }, "ff0f72556d22016d732201532e", "URIError [object Error] name=\"URIError\" message=\"m\" stack=\"S\" own=[\"stack\",\"message\"]"],
  ["referror", () => { const e = new ReferenceError("m"); e.stack = "S"; return e; }, "ff0f72466d22016d732201532e", "ReferenceError [object Error] name=\"ReferenceError\" message=\"m\" stack=\"S\" own=[\"stack\",\"message\"]"],
  ["syntaxerror", () => { const e = new SyntaxError("m"); e.stack = "S"; return e; }, "ff0f72536d22016d732201532e", "SyntaxError [object Error] name=\"SyntaxError\" message=\"m\" stack=\"S\" own=[\"stack\",\"message\"]"],
  ["aggregateerror", () => { const e = new AggregateError([1], "m"); e.stack = "S"; return e; }, "ff0f726d22016d732201532e", "Error [object Error] name=\"Error\" message=\"m\" stack=\"S\" own=[\"stack\",\"message\"]"],
];

// checkLegacyErrors is checkWorkerdCases for legacyErrorCases.
function checkLegacyErrors() {
  workerdCases.length = 0;
  workerdCases.push(...legacyErrorCases);
  checkWorkerdCases();
}
