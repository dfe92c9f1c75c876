// Shared assertions for the bindings' JS tests, run by package bindingstest
// before each test script. Each throws an Error whose message says what
// differed; the Go side fails the test with its stack.
function assertEq(got, want, what) {
  if (!Object.is(got, want)) {
    throw new Error((what || "value") + ": got " + describe(got) + ", want " + describe(want));
  }
}
function assertThrows(fn, ctorName, message, what) {
  try {
    fn();
  } catch (e) {
    var name = e && e.constructor && e.constructor.name;
    if (name !== ctorName) throw new Error((what || "error") + ": threw " + name + " (" + e + "), want " + ctorName);
    const matches = message instanceof RegExp ? message.test(e.message) : e.message === message;
    if (message !== undefined && !matches) throw new Error((what || "error") + ": message " + describe(e.message) + ", want " + describe(message));
    return e;
  }
  throw new Error((what || "call") + ": did not throw, want " + ctorName);
}
async function assertRejects(promise, ctorName, message, what) {
  try {
    await promise;
  } catch (e) {
    var name = e && e.constructor && e.constructor.name;
    if (name !== ctorName) throw new Error((what || "error") + ": rejected with " + name + " (" + e + "), want " + ctorName);
    const matches = message instanceof RegExp ? message.test(e.message) : e.message === message;
    if (message !== undefined && !matches) throw new Error((what || "error") + ": message " + describe(e.message) + ", want " + describe(message));
    return e;
  }
  throw new Error((what || "promise") + ": did not reject, want " + ctorName);
}
function assertMatch(got, re, what) {
  if (typeof got !== "string" || !re.test(got)) {
    throw new Error((what || "value") + ": got " + describe(got) + ", want a match of " + re);
  }
}
function describe(v) {
  if (typeof v === "string") return JSON.stringify(v);
  try { return String(v); } catch (e) { return Object.prototype.toString.call(v); }
}
