// Benchmark worker: a small JSON answer per request, and a WebSocket echo
// on /ws.
export default {
  fetch(request) {
    if (request.headers.get("Upgrade") === "websocket") {
      const [client, server] = Object.values(new WebSocketPair());
      server.accept();
      server.addEventListener("message", (event) => server.send(event.data));
      return new Response(null, { status: 101, webSocket: client });
    }
    const url = new URL(request.url);
    return Response.json({ path: url.pathname, query: Object.fromEntries(url.searchParams), ok: true });
  },
};
