// An echo server: every message a client sends comes straight back, text as
// text and binary as binary; a close from the client is answered in kind.
// Open http://127.0.0.1:8787/ in a browser for a page that talks to it, or
// connect with `websocat ws://127.0.0.1:8787/ws`.
import page from "./page.html";

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (request.headers.get("Upgrade") !== "websocket") {
      if (url.pathname === "/") {
        return new Response(page, { headers: { "content-type": "text/html;charset=UTF-8" } });
      }
      return new Response("Expected Upgrade: websocket", { status: 426 });
    }
    const [client, server] = Object.values(new WebSocketPair());
    server.binaryType = "arraybuffer"; // binary messages echo back as binary
    server.accept();
    server.addEventListener("message", (event) => {
      server.send(event.data);
    });
    server.addEventListener("close", (event) => {
      console.log(`closed: ${event.code} ${event.reason}`);
    });
    return new Response(null, { status: 101, webSocket: client });
  },
};
