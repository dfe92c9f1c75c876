// The iterator proposals V8 ships beyond ES2025: Iterator.zip and
// zipKeyed, Iterator.prototype.includes and join, and
// Iterator.prototype[Symbol.dispose] (surface_cases.go).
export default { fetch() {
  const out = [];
  const t = (n, f) => { try { out.push(n + ": " + String(f())); } catch (e) { out.push(n + ": throws " + e.name + ": " + e.message); } };
  const j = (v) => JSON.stringify(v);
  // counted makes an iterable of n numbers that logs its closing.
  const counted = (n, log) => ({ i: 0, next() { return this.i < n ? { value: this.i++, done: false } : { done: true }; }, return() { log.push(n); return {}; }, [Symbol.iterator]() { return this; } });
  t("shape", () => [Iterator.zip.length, Iterator.zipKeyed.length, Iterator.prototype.includes.length, Iterator.prototype.join.length, Iterator.prototype.includes.name, Iterator.prototype[Symbol.dispose].name, Iterator.prototype[Symbol.dispose].length].join());
  t("descriptors", () => [Iterator, Iterator.prototype].map((o) => Reflect.ownKeys(o).filter((k) => ["zip", "zipKeyed", "includes", "join", Symbol.dispose].includes(k)).map((k) => { const d = Object.getOwnPropertyDescriptor(o, k); return String(k) + ":" + d.writable + d.enumerable + d.configurable; }).join()).join(" "));
  t("zip shortest", () => j(Iterator.zip([[1, 2, 3], [4, 5]]).toArray()));
  t("zip longest", () => j(Iterator.zip([[1, 2, 3], [4, 5]], { mode: "longest" }).toArray()));
  t("zip padding", () => j(Iterator.zip([[1, 2, 3], [4, 5]], { mode: "longest", padding: ["a", "b"] }).toArray()));
  t("zip short padding", () => j(Iterator.zip([[1, 2, 3], [4], [5]], { mode: "longest", padding: ["a"] }).toArray()));
  t("zip strict", () => j(Iterator.zip([[1, 2], [4, 5]], { mode: "strict" }).toArray()));
  t("zip strict first longer", () => j(Iterator.zip([[1, 2, 3], [4, 5]], { mode: "strict" }).toArray()));
  t("zip strict second longer", () => j(Iterator.zip([[1, 2], [4, 5, 6]], { mode: "strict" }).toArray()));
  t("zip bad mode", () => Iterator.zip([[1]], { mode: "bogus" }));
  t("zip String mode", () => Iterator.zip([[1]], { mode: new String("longest") }));
  t("zip options 5", () => Iterator.zip([[1]], 5));
  t("zip options null", () => Iterator.zip([[1]], null));
  t("zip padding 5", () => Iterator.zip([[1]], { mode: "longest", padding: 5 }));
  t("zip padding ignored", () => j(Iterator.zip([[1]], { mode: "shortest", padding: 5 }).toArray()));
  t("zip padding not iterable", () => Iterator.zip([[1]], { mode: "longest", padding: { [Symbol.iterator]: 1 } }));
  t("zip not object", () => Iterator.zip(5));
  t("zip number inside", () => Iterator.zip([5]));
  t("zip string inside", () => Iterator.zip(["ab"]));
  t("zip bad iterator", () => Iterator.zip([{ [Symbol.iterator]() { return 5; } }]));
  t("zip empty", () => j(Iterator.zip([]).toArray()));
  t("zip plain iterator", () => j(Iterator.zip([[1, 2], { next() { return { done: true }; } }]).toArray()));
  t("zip result", () => [Object.prototype.toString.call(Iterator.zip([[1]])), Object.getPrototypeOf(Iterator.zip([[1]])) === Object.getPrototypeOf([].values().map((x) => x)), Array.isArray(Iterator.zip([[1]]).next().value)].join());
  t("zip return", () => { const z = Iterator.zip([[1, 2]]); z.next(); return j(z.return()) + j(z.next()); });
  t("zip closes shortest", () => { const log = []; const z = Iterator.zip([counted(1, log), counted(3, log)]); z.next(); z.next(); return j(log); });
  t("zip closes on return", () => { const log = []; const z = Iterator.zip([counted(3, log), counted(4, log)]); z.next(); z.return(); return j(log); });
  t("zip closes before start", () => { const log = []; const z = Iterator.zip([counted(3, log), counted(4, log)]); z.return(); return j(log); });
  t("zip strict closes", () => { const log = []; try { Iterator.zip([counted(1, log), counted(3, log)], { mode: "strict" }).toArray(); } catch (e) { return e.message + " " + j(log); } });
  t("zip strict closes later", () => { const log = []; try { Iterator.zip([counted(3, log), counted(1, log)], { mode: "strict" }).toArray(); } catch (e) { return e.message + " " + j(log); } });
  t("zip longest closes none", () => { const log = []; Iterator.zip([counted(1, log), counted(2, log)], { mode: "longest" }).toArray(); return j(log); });
  t("zip bad inner closes", () => { const log = []; try { Iterator.zip([counted(2, log), counted(3, log), 7]); } catch (e) { return e.message + " " + j(log); } });
  t("zip throwing next", () => { const log = []; const bad = { next() { throw new Error("boom"); }, [Symbol.iterator]() { return this; } }; try { Iterator.zip([counted(2, log), bad, counted(3, log)]).next(); } catch (e) { return e.message + " " + j(log); } });
  t("zipKeyed", () => j(Iterator.zipKeyed({ a: [1, 2], b: [3, 4, 5] }).toArray()));
  t("zipKeyed longest", () => j(Iterator.zipKeyed({ a: [1, 2], b: [3, 4, 5] }, { mode: "longest", padding: { a: 9 } }).toArray()));
  t("zipKeyed null prototype", () => Object.getPrototypeOf(Iterator.zipKeyed({ a: [1] }).next().value));
  t("zipKeyed symbol key", () => { const s = Symbol("s"); const v = Iterator.zipKeyed({ a: [1, 2], [s]: [7] }).next().value; return v[s] + " " + Object.keys(v); });
  t("zipKeyed non-enumerable", () => j(Iterator.zipKeyed(Object.defineProperty({ a: [1, 2] }, "b", { value: [3], enumerable: false })).toArray()));
  t("zipKeyed undefined value", () => j(Iterator.zipKeyed({ a: [1, 2], b: undefined }).toArray()));
  t("zipKeyed number value", () => Iterator.zipKeyed({ a: [1, 2], b: 5 }));
  t("zipKeyed string value", () => Iterator.zipKeyed({ a: "str" }));
  t("zipKeyed not object", () => Iterator.zipKeyed(5));
  t("zipKeyed padding 3", () => Iterator.zipKeyed({ a: [1] }, { mode: "longest", padding: 3 }));
  t("includes NaN", () => [1, 2, NaN].values().includes(NaN));
  t("includes skip", () => [[1, 2, 3].values().includes(3, 1), [1, 2, 3].values().includes(1, 1), [1, 2, 3].values().includes(1, Infinity), [1, 2, 3].values().includes()].join());
  t("includes zeros", () => [[1, 2, 3].values().includes(-0), [0].values().includes(-0)].join());
  for (const skip of [-1, -Infinity, 1.5, NaN, null, "x", 2n]) {
    t("includes skip " + String(skip), () => [1, 2, 3].values().includes(1, skip));
  }
  t("includes closes", () => { let r = 0; const it = [1, 2, 3].values(); it.return = () => { r++; return {}; }; it.includes(1); let bad = 0; const it2 = [1].values(); it2.return = () => { bad++; return {}; }; try { it2.includes(1, -1); } catch {} return r + "," + bad; });
  t("includes non-object", () => Iterator.prototype.includes.call(5));
  t("join", () => [[1, 2, 3].values().join(), [1, null, undefined, 3].values().join("-"), [].values().join(), [1, 2].values().join(undefined), [1, 2].values().join(null)].join("|"));
  t("join toString", () => [{ toString() { return "x"; } }, 2].values().join({ toString() { return "|"; } }));
  t("join symbol", () => { let r = 0; const it = [1, Symbol()].values(); it.return = () => { r++; return {}; }; try { it.join(); } catch (e) { return e.message + " " + r; } });
  t("join bad separator", () => { let r = 0; const it = [1].values(); it.return = () => { r++; return {}; }; try { it.join({ toString() { throw new Error("sep"); } }); } catch (e) { return e.message + " " + r; } });
  t("join no next", () => Iterator.prototype.join.call({}, ","));
  t("join non-object", () => Iterator.prototype.join.call(5));
  t("dispose", () => { let r = 0; const it = { next() { return { done: false }; }, return() { r++; return {}; }, __proto__: Iterator.prototype }; const v = it[Symbol.dispose](); return r + " " + v; });
  t("dispose without return", () => ({ __proto__: Iterator.prototype })[Symbol.dispose]());
  t("dispose bad return", () => ({ return: 1, __proto__: Iterator.prototype })[Symbol.dispose]());
  t("dispose array iterator", () => { const it = [1, 2].values(); it[Symbol.dispose](); return j(it.next()); });
  return new Response(out.join("\n") + "\n");
} };
