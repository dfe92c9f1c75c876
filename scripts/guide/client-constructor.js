// From "Using the WebSockets API" (Workers docs): "Cloudflare Workers supports
// the new WebSocket(url) constructor", used as in "Connect to the WebSocket
// server from a client". The guide's lines are unmodified; the module wiring
// around them connects to the server named by UPSTREAM_WS, sends once the
// socket is open, closes after the first reply, and answers the request
// when the socket has closed (workerd cancels a request's outbound sockets
// once its response is sent).

export default {
  async fetch(request, env) {
    const websocket = new WebSocket(
      env.UPSTREAM_WS,
    );
    websocket.addEventListener("message", (event) => {
      console.log("Message received from server");
      console.log(event.data);
      websocket.close();
    });
    websocket.addEventListener("open", () => {
      websocket.send("MESSAGE");
    });
    const closed = new Promise((resolve) => {
      websocket.addEventListener("close", (event) => {
        console.log(`closed ${event.code} readyState=${websocket.readyState}`);
        resolve(event.code);
      });
    });
    return new Response(`closed with ${await closed}`);
  },
};
