// Conformance worker: request isolation. Objects made in one request are
// kept in module state and used from later requests; each route answers
// with what happened.

let ws, pair, stream, kept, response;

async function report(fn) {
  try {
    return new Response(String(await fn()));
  } catch (e) {
    return new Response(`${e.constructor.name}: ${e.message}`);
  }
}

export default {
  async fetch(request, env) {
    switch (new URL(request.url).pathname) {
      case "/ws": {
        const [client, server] = Object.values(new WebSocketPair());
        server.accept();
        ws = server;
        server.addEventListener("message", (e) => server.send("echo " + e.data));
        return new Response(null, { status: 101, webSocket: client });
      }
      case "/use-ws":
        return report(() => { ws.send("from another request"); return "sent"; });
      case "/close-ws":
        return report(() => { ws.close(1000, "bye"); return "closed"; });
      case "/pair":
        pair = new WebSocketPair();
        pair[1].accept();
        return new Response("made");
      case "/use-pair":
        return report(() => { pair[0].accept(); pair[0].send("x"); return "used"; });
      case "/stream":
        stream = new ReadableStream({ start(c) { c.enqueue(new Uint8Array([7])); } });
        return new Response("made");
      case "/use-stream":
        return report(async () => "read " + (await stream.getReader().read()).value);
      case "/request":
        kept = request;
        return new Response("kept");
      case "/use-request":
        return report(async () => JSON.stringify(await kept.text()));
      case "/response":
        response = await fetch(env.UPSTREAM + "plain");
        return new Response("fetched " + response.status);
      case "/use-response":
        return report(async () => await response.text());
    }
    return new Response("no route", { status: 404 });
  },
};
