// Benchmark worker: a Durable Object room. A WebSocket upgrade joins the
// room "bench" as a hibernatable socket; each message a socket sends goes
// to every socket of the room, the sender's own included. The benchmark
// binds ROOMS to the Room class (cmd/workerhost-bench/room.go writes the
// wrangler.toml for workerhost and the namespace for workerd).
import { DurableObject } from "cloudflare:workers";

export default {
  fetch(request, env) {
    if (request.headers.get("Upgrade") !== "websocket") {
      return new Response("join the room with a WebSocket", { status: 426 });
    }
    return env.ROOMS.getByName("bench").fetch(request);
  },
};

export class Room extends DurableObject {
  fetch() {
    const [client, server] = Object.values(new WebSocketPair());
    this.ctx.acceptWebSocket(server);
    return new Response(null, { status: 101, webSocket: client });
  }

  webSocketMessage(ws, message) {
    for (const socket of this.ctx.getWebSockets()) {
      try {
        socket.send(message);
      } catch {
        // a socket closing under us
      }
    }
  }
}
