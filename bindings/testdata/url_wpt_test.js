// Runs web-platform-tests' URL data against the expectations in the files
// (url/url-constructor.any.js, url/url-setters.any.js and
// url/url-statics-canparse.any.js, rewritten here). Each mismatch is handed
// to mismatch(line); the Go test compares them with the list of cases
// where workerd, too, answers otherwise than the file.
function runURLTestData(data) {
  const attributes = ["href", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "hash"];
  let n = 0;
  for (const c of data) {
    if (typeof c === "string") continue;
    n++;
    const args = c.base === null ? [c.input] : [c.input, c.base];
    const label = JSON.stringify(args);
    if (URL.canParse(...args) === Boolean(c.failure)) {
      mismatch(`${label}: canParse ${!c.failure}`);
    }
    if (c.failure) {
      try {
        const u = new URL(...args);
        mismatch(`${label}: parsed as ${u.href}, want failure`);
      } catch (e) {
        if (!(e instanceof TypeError)) mismatch(`${label}: threw ${e}`);
      }
      if (URL.parse(...args) !== null) mismatch(`${label}: URL.parse not null`);
      continue;
    }
    let u;
    try {
      u = new URL(...args);
    } catch (e) {
      mismatch(`${label}: threw ${e}`);
      continue;
    }
    for (const a of attributes) {
      if (u[a] !== c[a]) mismatch(`${label}: ${a} ${JSON.stringify(u[a])}, want ${JSON.stringify(c[a])}`);
    }
    if ("origin" in c && u.origin !== c.origin) mismatch(`${label}: origin ${JSON.stringify(u.origin)}, want ${JSON.stringify(c.origin)}`);
    if ("searchParams" in c && u.searchParams.toString() !== c.searchParams) mismatch(`${label}: searchParams ${u.searchParams}`);
    if (URL.parse(...args).href !== c.href) mismatch(`${label}: URL.parse`);
  }
  return n;
}

function runSetters(data) {
  let n = 0;
  for (const [attr, cases] of Object.entries(data)) {
    if (attr === "comment") continue;
    for (const c of cases) {
      n++;
      const u = new URL(c.href);
      u[attr] = c.new_value;
      for (const [a, want] of Object.entries(c.expected)) {
        if (u[a] !== want) mismatch(`${attr} ${JSON.stringify([c.href, c.new_value])}: ${a} ${JSON.stringify(u[a])}, want ${JSON.stringify(want)}`);
      }
    }
  }
  return n;
}
