// Conformance worker: web-platform-tests' URL data (testdata/wpt), run
// case by case. Each line is one case and what this runtime answered, so
// the transcript compares workerd and workerhost answer by answer (whether
// or not either agrees with the file's expectation).
import urltestdata from "../testdata/wpt/urltestdata.json";
import setters from "../testdata/wpt/setters_tests.json";

const attributes = ["href", "origin", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "hash"];

function describe(url) {
  const out = {};
  for (const a of attributes) out[a] = url[a];
  out.searchParams = url.searchParams.toString();
  return out;
}

function failure(e) {
  return `${e.constructor.name}: ${e.message}`;
}

function parse() {
  const lines = [];
  for (const c of urltestdata) {
    if (typeof c === "string") continue;
    const args = c.base === null ? [c.input] : [c.input, c.base];
    let got;
    try {
      got = describe(new URL(...args));
    } catch (e) {
      got = failure(e);
    }
    const canParse = URL.canParse(...args);
    const parsed = URL.parse(...args);
    lines.push(`${JSON.stringify(args)} -> ${JSON.stringify(got)} canParse=${canParse} parse=${parsed === null ? null : parsed.href}`);
  }
  return lines;
}

function set() {
  const lines = [];
  for (const [attr, cases] of Object.entries(setters)) {
    if (attr === "comment") continue;
    for (const c of cases) {
      let got;
      try {
        const url = new URL(c.href);
        url[attr] = c.new_value;
        got = describe(url);
      } catch (e) {
        got = failure(e);
      }
      lines.push(`${attr} ${JSON.stringify([c.href, c.new_value])} -> ${JSON.stringify(got)}`);
    }
  }
  return lines;
}

export default {
  fetch(request) {
    const { pathname } = new URL(request.url);
    const lines = pathname === "/setters" ? set() : parse();
    return new Response(lines.join("\n") + "\n");
  },
};
