// A worker routed by itty-router: JSON responses, path params, query
// parsing, a 404 fallback, and a WebSocket echo route.
import { AutoRouter, error } from "itty-router";

const router = AutoRouter();

router
  .get("/hello/:name", ({ name, query }) => ({ greeting: `hello ${name}`, loud: query.loud === "1" }))
  .post("/echo", async (request) => ({ received: await request.json() }))
  .get("/teapot", () => error(418, "I'm a teapot"))
  .get("/ws", (request) => {
    if (request.headers.get("Upgrade") !== "websocket") return error(426, "Expected Upgrade: websocket");
    const [client, server] = Object.values(new WebSocketPair());
    server.accept();
    server.addEventListener("message", (event) => server.send(`itty: ${event.data}`));
    return new Response(null, { status: 101, webSocket: client });
  });

export default { ...router };
