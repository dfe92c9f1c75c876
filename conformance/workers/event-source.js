// EventSource (workerd's, https://html.spec.whatwg.org/multipage/server-sent-events.html):
// parsing a stream given to EventSource.from, a connection to the upstream's
// event stream with its reconnection, failures, and misuse errors.

function attempt(f) {
  try {
    return String(f());
  } catch (e) {
    return "throws " + e.name + ": " + e.message;
  }
}

function watch(es, out, until) {
  return new Promise((resolve) => {
    es.onopen = (e) => out.push("open " + e.constructor.name + " readyState " + es.readyState);
    es.onmessage = (e) => out.push("message " + e.constructor.name + " data " + JSON.stringify(e.data) + " id " + JSON.stringify(e.lastEventId) + " origin " + JSON.stringify(e.origin && e.origin.replace(/\/\/[^/]+/, "//UPSTREAM_HOST")));
    es.addEventListener("tick", (e) => out.push("tick data " + JSON.stringify(e.data) + " id " + JSON.stringify(e.lastEventId)));
    es.addEventListener("again", (e) => {
      out.push("again data " + JSON.stringify(e.data) + " id " + JSON.stringify(e.lastEventId));
      es.close();
      out.push("closed readyState " + es.readyState);
      resolve();
    });
    es.onerror = (e) => {
      out.push("error " + e.constructor.name + " readyState " + es.readyState + " message " + JSON.stringify(e.message) + " error " + (e.error && e.error.name + ": " + e.error.message));
      if (until === "error" || es.readyState === EventSource.CLOSED) resolve();
    };
  });
}

async function fromStream() {
  const out = [];
  const enc = new TextEncoder();
  const chunks = ["data: one\n\n", "event: tick\nid: 7\ndata: a\ndata: b\n\n", ": comment\nretry: 100\ndata:no-space\r\n\r\n", "data: split", " across\n", "\nid\ndata: after-id-reset\n\ndata: unterminated"];
  const es = EventSource.from(new ReadableStream({ start(c) { for (const ch of chunks) c.enqueue(enc.encode(ch)); c.close(); } }));
  out.push("readyState " + es.readyState + " url " + JSON.stringify(es.url) + " withCredentials " + es.withCredentials);
  await watch(es, out, "error");
  return out;
}

async function connect(url) {
  const out = [];
  const es = new EventSource(url);
  out.push("readyState " + es.readyState + " url " + JSON.stringify(es.url.replace(/\/\/[^/]+/, "//UPSTREAM_HOST")));
  await Promise.race([watch(es, out, "closed"), new Promise((r) => setTimeout(r, 3000))]);
  es.close();
  return out;
}

function misuse() {
  return [
    "no url: " + attempt(() => new EventSource()),
    "bad url: " + attempt(() => new EventSource("not a url")),
    "no new: " + attempt(() => EventSource("http://x/")),
    "from a string: " + attempt(() => EventSource.from("x")),
    "constants: " + [EventSource.CONNECTING, EventSource.OPEN, EventSource.CLOSED, EventSource.prototype.CLOSED].join(),
    "close twice: " + attempt(() => { const s = EventSource.from(new ReadableStream()); s.close(); s.close(); return s.readyState; }),
    "parent: " + Object.getPrototypeOf(EventSource.prototype).constructor.name,
  ];
}

export default {
  async fetch(request, env) {
    const path = new URL(request.url).pathname;
    let lines;
    if (path === "/from") lines = await fromStream();
    else if (path === "/connect") lines = await connect(env.UPSTREAM + "events");
    else if (path === "/not-events") lines = await connect(env.UPSTREAM + "plain");
    else if (path === "/misuse") lines = misuse();
    else return new Response("not found", { status: 404 });
    return new Response(lines.join("\n") + "\n");
  },
};
