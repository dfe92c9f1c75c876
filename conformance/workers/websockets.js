// Conformance worker: one route per WebSocket behaviour. Every result the
// client cannot see on the wire is printed with console.log so the scenario
// can wait for it.

function describe(e) {
  return `${e && e.constructor && e.constructor.name}: ${e && e.message}`;
}

function attempt(label, fn) {
  try {
    fn();
    return `${label}: ok`;
  } catch (e) {
    return `${label}: ${describe(e)}${e instanceof DOMException ? ` (DOMException ${e.name})` : ""}`;
  }
}

function logClose(name, ws) {
  ws.addEventListener("close", (event) => {
    console.log(`${name} close code=${event.code} reason=${JSON.stringify(event.reason)} wasClean=${event.wasClean} readyState=${ws.readyState}`);
  });
  ws.addEventListener("error", (event) => {
    console.log(`${name} error ${event.message}`);
  });
}

// Events of the /raw, /unsent and /buffered sockets, by connection id, for
// GET /events: the complete list, so a missing or extra event shows.
const events = [];

function codePoints(s) {
  return [...s].map((c) => c.codePointAt(0).toString(16)).join(" ");
}

function record(id, line) {
  events.push(`${id}: ${line}`);
  console.log(`${id}: ${line}`);
}

// Records every event of ws under id.
function recordEvents(id, ws) {
  ws.addEventListener("close", (event) => {
    const reason = event.reason.length > 8 ? `${event.reason.length} chars starting ${codePoints(event.reason.slice(0, 4))}` : codePoints(event.reason);
    record(id, `close code=${event.code} reason=[${reason}] wasClean=${event.wasClean} readyState=${ws.readyState}`);
  });
  ws.addEventListener("error", (event) => {
    record(id, `error message=${JSON.stringify(event.message)} error=${describe(event.error)} readyState=${ws.readyState}`);
  });
}

const routes = {
  // Accepts a moment after the Response went out, busy for a while first
  // so that messages queue up behind the timer: the messages that came
  // before accept() are delivered first, then the later ones, in order.
  "/late-accept"(server) {
    setTimeout(() => {
      let sum = 0;
      for (let i = 0; i < 1e6; i++) sum += i % 7;
      server.accept();
      server.addEventListener("message", (event) => server.send(`late ${event.data}`));
    }, 20);
  },
  // Echoes every message, text as text and binary as binary, and says
  // hello before the Response is returned.
  "/echo"(server) {
    server.binaryType = "arraybuffer";
    server.accept();
    server.send("welcome");
    server.addEventListener("message", (event) => server.send(event.data));
    logClose("echo", server);
  },

  // Reports the type of each message it receives.
  "/types"(server) {
    server.accept();
    server.addEventListener("message", (event) => {
      const d = event.data;
      const size = typeof d === "string" ? d.length : d.byteLength ?? d.size;
      server.send(`${Object.prototype.toString.call(d)} ${size}`);
    });
  },

  // Closes from the server side with a code and reason on request.
  "/server-close"(server) {
    server.accept();
    logClose("server-close", server);
    server.addEventListener("message", (event) => {
      if (event.data === "close-empty") server.close();
      else server.close(4000, "server says bye");
      console.log(`server-close after close() readyState=${server.readyState}`);
    });
  },

  // Logs how the client's close reached the script.
  "/observe-close"(server) {
    server.accept();
    logClose("observe", server);
  },

  // Answers the client's Close itself: a send in the close handler (which
  // fails once the runtime has answered), then close(), a moment later when
  // the socket is half-open (workerd ends the request, timers included,
  // once both directions are closed).
  "/late-close"(server, client, url) {
    server.accept(url.searchParams.has("half-open") ? { allowHalfOpen: true } : undefined);
    server.addEventListener("close", (event) => {
      console.log(`late-close got close code=${event.code} readyState=${server.readyState}`);
      console.log(attempt("late-close send in close handler", () => server.send("still open")));
      const finish = () => {
        server.close(4001, "closed by script");
        console.log(`late-close after close() readyState=${server.readyState}`);
      };
      if (server.readyState === WebSocket.CLOSING) setTimeout(finish, 50);
      else finish();
    });
  },

  // A message listener that throws on "throw": what happens to the socket,
  // the other listeners and later messages.
  "/listener-throws"(server) {
    server.accept();
    server.addEventListener("message", (event) => {
      if (event.data === "throw") throw new Error("listener failed");
      server.send(`first listener: ${event.data}`);
    });
    server.addEventListener("message", (event) => server.send(`second listener: ${event.data}`));
    server.addEventListener("error", (event) => {
      console.log(`listener-throws error event: ${event.message} readyState=${server.readyState}`);
      console.log(`listener-throws send after error: ${(() => { try { server.send("x"); return "ok"; } catch (e) { return e.message; } })()}`);
    });
    server.addEventListener("close", (event) => console.log(`listener-throws close ${event.code} readyState=${server.readyState}`));
  },

  // Echoes every message and records every event, for clients that send
  // frames by hand: what broken or unusual frames become for the script.
  // "close-me" makes it close the socket instead.
  "/raw"(server, client, url) {
    const id = `raw ${url.searchParams.get("id")}`;
    server.binaryType = "arraybuffer";
    server.accept();
    recordEvents(id, server);
    server.addEventListener("message", (event) => {
      const d = event.data;
      record(id, typeof d === "string" ? `message text [${codePoints(d)}]` : `message binary ${d.byteLength}`);
      if (d === "close-me") server.close(1000, "asked");
      else server.send(d);
    });
  },

  // Sends 16 MiB when asked, for a client that drops the connection
  // instead of reading it.
  "/unsent"(server) {
    server.accept();
    recordEvents("unsent", server);
    server.addEventListener("message", () => {
      server.send("x".repeat(16 << 20));
      record("unsent", `queued bufferedAmount=${server.bufferedAmount}`);
    });
  },

  // What bufferedAmount counts: bytes sent and not yet written, or not yet
  // delivered to the other end of a pair.
  "/buffered"(server, client) {
    server.accept();
    recordEvents("buffered", server);
    const steps = [`before ${server.bufferedAmount}`];
    server.send("x".repeat(1000));
    steps.push(`after 1000 chars ${server.bufferedAmount}`);
    server.send(new Uint8Array(500));
    steps.push(`after 500 bytes ${server.bufferedAmount}`);
    server.send("é");
    steps.push(`after é ${server.bufferedAmount}`);
    steps.push(`client end ${client.bufferedAmount}`);
    const [a, b] = Object.values(new WebSocketPair());
    a.accept();
    b.accept();
    a.send("12345");
    steps.push(`pair ${a.bufferedAmount} ${b.bufferedAmount}`);
    queueMicrotask(() => record("buffered", `pair in a microtask ${a.bufferedAmount}`));
    b.addEventListener("message", () => record("buffered", `pair in b's message listener ${a.bufferedAmount}`));
    setTimeout(() => record("buffered", `pair after a timer ${a.bufferedAmount}`), 20);
    record("buffered", steps.join("; "));
    server.addEventListener("message", () => {
      record("buffered", `once the client read everything ${server.bufferedAmount}`);
      server.close(1000, "done");
      record("buffered", `after close() ${server.bufferedAmount}`);
    });
  },

  // Misuse of the API, each attempt reported as text messages.
  "/misuse"(server, client) {
    const results = [];
    results.push(attempt("send before accept", () => server.send("x")));
    results.push(attempt("close before accept", () => server.close()));
    server.accept();
    results.push(attempt("accept twice", () => server.accept()));
    results.push(attempt("close 1005", () => server.close(1005)));
    results.push(attempt("close 999", () => server.close(999)));
    results.push(attempt("close 5000", () => server.close(5000)));
    results.push(attempt("reason without code", () => server.close(undefined, "r")));
    results.push(attempt("reason of 124 bytes", () => server.close(1000, "x".repeat(124))));
    results.push(`readyState ${server.readyState} ${client.readyState} url=${server.url} protocol=${JSON.stringify(server.protocol)} extensions=${JSON.stringify(server.extensions)}`);
    results.push(`constants ${WebSocket.CONNECTING}${WebSocket.OPEN}${WebSocket.CLOSING}${WebSocket.CLOSED} ${server.READY_STATE_OPEN}`);
    results.push(`binaryType ${server.binaryType}`);
    server.binaryType = "BLOB";
    results.push(`binaryType after junk ${server.binaryType}`);
    for (const r of results) server.send(r);
    server.addEventListener("message", () => {
      server.close(1000, "done");
      console.log(attempt("send after close", () => server.send("late")));
      console.log(attempt("close twice", () => server.close(1000, "again")));
    });
  },
};

async function handle(request) {
  const url = new URL(request.url);
  const route = routes[url.pathname];
  if (url.pathname === "/headers") {
    return new Response(`upgrade=${request.headers.get("UPGRADE")} x-test=${request.headers.get("x-TEST")} method=${request.method}`);
  }
  if (url.pathname === "/events") {
    return new Response(events.join("\n"));
  }
  if (url.pathname === "/decode") {
    // How each API decodes the bytes given in hex: TextDecoder (and with
    // ignoreBOM), Response.text(), Request.text(), Blob.text().
    const bytes = new Uint8Array((url.searchParams.get("hex").match(/../g) ?? []).map((h) => parseInt(h, 16)));
    return new Response([
      `TextDecoder [${codePoints(new TextDecoder().decode(bytes))}]`,
      `TextDecoder ignoreBOM [${codePoints(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes))}]`,
      `Response.text [${codePoints(await new Response(bytes).text())}]`,
      `Request.text [${codePoints(await new Request("http://x/", { method: "POST", body: bytes }).text())}]`,
      `Blob.text [${codePoints(await new Blob([bytes]).text())}]`,
    ].join("\n"));
  }
  if (url.pathname === "/hang") {
    return new Promise(() => {});
  }
  if (url.pathname === "/hang-on-own-socket") {
    const [, server] = Object.values(new WebSocketPair());
    server.accept();
    return new Promise((resolve) => server.addEventListener("message", () => resolve(new Response("never"))));
  }
  if (url.pathname === "/late") {
    return new Promise((resolve) => setTimeout(() => resolve(new Response("late but fine")), 50));
  }
  if (url.pathname === "/throw") {
    throw new Error("handler failed on purpose");
  }
  if (url.pathname === "/pair-shape") {
    const pair = new WebSocketPair();
    const values = Object.values(pair);
    const [a, b] = pair;
    return new Response([
      `keys=${Object.keys(pair).join(",")}`,
      `values=${values.length} same=${values[0] === pair[0] && values[1] === pair[1]}`,
      `iterable=${a === pair[0] && b === pair[1]}`,
      `readyState=${pair[0].readyState} url=${pair[0].url}`,
      attempt("Response 101 without webSocket", () => new Response(null, { status: 101 })),
      attempt("Response 200 with webSocket", () => new Response(null, { status: 200, webSocket: pair[0] })),
      attempt("Response 101 with body", () => new Response("x", { status: 101, webSocket: pair[0] })),
      attempt("WebSocketPair without new", () => WebSocketPair()),
    ].join("\n"));
  }
  if (url.pathname === "/protocol") {
    const [client, server] = Object.values(new WebSocketPair());
    server.accept();
    server.send(`offered: ${request.headers.get("Sec-WebSocket-Protocol")}`);
    return new Response(null, { status: 101, webSocket: client, headers: { "Sec-WebSocket-Protocol": "superchat" } });
  }
  if (url.pathname === "/upgrade-to-plain") {
    const [client, server] = Object.values(new WebSocketPair());
    server.accept();
    return new Response(null, { status: 101, webSocket: client });
  }
  if (!route) return new Response("not found", { status: 404 });
  if (request.headers.get("Upgrade") !== "websocket") {
    return new Response("Expected Upgrade: websocket", { status: 426 });
  }
  const [client, server] = Object.values(new WebSocketPair());
  route(server, client, url);
  return new Response(null, { status: 101, webSocket: client });
}

export default {
  fetch(request) {
    return handle(request);
  },
};
