// The worker cmd/workerhost-soak drives: a mix of ordinary answers, echoes,
// failures and runaway code, so a long run shows whether anything leaks.

export default {
  async fetch(request) {
    const url = new URL(request.url);
    switch (url.pathname) {
      case "/":
        return Response.json({ hello: "world", at: Date.now() });
      case "/echo":
        return new Response(request.body);
      case "/throw":
        throw new Error("thrown on purpose");
      case "/spin":
        for (;;) {}
      case "/ws": {
        const [client, server] = Object.values(new WebSocketPair());
        server.accept();
        server.addEventListener("message", (event) => server.send(event.data));
        return new Response(null, { status: 101, webSocket: client });
      }
    }
    return new Response("not found", { status: 404 });
  },
};
