// Runs web-platform-tests' urlpatterntestdata.json against the
// expectations in the file, as WPT's urlpattern tests read them: a
// component pattern the entry does not give is the input's own, "*" when an
// earlier component is given, the base URL's, or "*"; a component result
// the entry does not give is an empty input with a "0" group unless the
// component is listed as exactly empty. Each mismatch is handed to
// mismatch(line).
function runURLPatternTestData(data) {
  const components = ["protocol", "username", "password", "hostname", "port", "pathname", "search", "hash"];
  const earlier = {
    protocol: [],
    username: [],
    password: [],
    hostname: ["protocol"],
    port: ["protocol", "hostname"],
    pathname: ["protocol", "hostname", "port"],
    search: ["protocol", "hostname", "port", "pathname"],
    hash: ["protocol", "hostname", "port", "pathname", "search"],
  };
  const same = (a, b) => JSON.stringify(a, (k, v) => (v === undefined ? "<undefined>" : v)) === JSON.stringify(b, (k, v) => (v === undefined ? "<undefined>" : v));
  const sortedGroups = (g) => Object.fromEntries(Object.keys(g).sort().map((k) => [k, g[k] === null ? undefined : g[k]]));
  let n = 0;
  for (const c of data) {
    n++;
    const label = `${JSON.stringify(c.pattern)} ${JSON.stringify(c.inputs)}`;
    const empty = c.exactly_empty_components || [];
    let pattern;
    try {
      pattern = new URLPattern(...c.pattern);
    } catch (e) {
      if (c.expected_obj !== "error" || !(e instanceof TypeError)) mismatch(`${label}: constructor threw ${e}`);
      continue;
    }
    if (c.expected_obj === "error") {
      mismatch(`${label}: constructed, want TypeError`);
      continue;
    }
    const first = c.pattern[0];
    let base = null;
    if (c.pattern.length > 0 && first && first.baseURL) base = new URL(first.baseURL);
    else if (c.pattern.length > 1 && typeof c.pattern[1] === "string") base = new URL(c.pattern[1]);
    for (const k of components) {
      let want = (c.expected_obj || {})[k];
      if (want === undefined) {
        if (empty.includes(k)) want = "";
        else if (typeof first === "object" && first[k]) want = first[k];
        else if (typeof first === "object" && earlier[k].some((e) => e in first)) want = "*";
        else if (base && k !== "username" && k !== "password") {
          want = base[k];
          if (k === "protocol") want = want.slice(0, -1);
          else if (k === "search" || k === "hash") want = want.slice(1);
        } else want = "*";
      }
      if (pattern[k] !== want) mismatch(`${label}: ${k} pattern ${JSON.stringify(pattern[k])}, want ${JSON.stringify(want)}`);
    }
    if (!c.inputs) continue;
    if (c.expected_match === "error") {
      for (const m of ["test", "exec"]) {
        try {
          pattern[m](...c.inputs);
          mismatch(`${label}: ${m} did not throw`);
        } catch (e) {
          if (!(e instanceof TypeError)) mismatch(`${label}: ${m} threw ${e}`);
        }
      }
      continue;
    }
    if (pattern.test(...c.inputs) !== Boolean(c.expected_match)) mismatch(`${label}: test() ${!c.expected_match}`);
    const r = pattern.exec(...c.inputs);
    if (!c.expected_match) {
      if (r !== null) mismatch(`${label}: exec() matched`);
      continue;
    }
    if (r === null) {
      mismatch(`${label}: exec() null`);
      continue;
    }
    const inputs = c.expected_match.inputs || c.inputs;
    if (!same(r.inputs, inputs)) mismatch(`${label}: inputs ${JSON.stringify(r.inputs)}`);
    for (const k of components) {
      let want = c.expected_match[k];
      if (!want) want = { input: "", groups: empty.includes(k) ? {} : { 0: "" } };
      const got = r[k];
      if (got.input !== want.input || !same(sortedGroups(got.groups), sortedGroups(want.groups))) {
        mismatch(`${label}: ${k} ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
      }
    }
  }
  return n;
}
