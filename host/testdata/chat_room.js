import { DurableObject } from "cloudflare:workers";
export class Room extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    console.log("room constructed, sockets:", ctx.getWebSockets().length);
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
  }
  async fetch(req) {
    const name = new URL(req.url).searchParams.get("name");
    const pair = new WebSocketPair();
    this.ctx.acceptWebSocket(pair[1], [name]);
    pair[1].serializeAttachment({ name });
    this.broadcast(name + " joined");
    return new Response(null, { status: 101, webSocket: pair[0] });
  }
  broadcast(msg) { for (const ws of this.ctx.getWebSockets()) ws.send(msg); }
  async webSocketMessage(ws, msg) {
    const { name } = ws.deserializeAttachment();
    const n = ((await this.ctx.storage.get("count")) || 0) + 1;
    await this.ctx.storage.put("count", n);
    this.broadcast(`${n} ${name}: ${msg} [${this.ctx.getTags(ws)}]`);
  }
  async webSocketClose(ws, code, reason, wasClean) {
    const { name } = ws.deserializeAttachment();
    ws.close(code, "bye");
    // The closing socket is still listed until this handler returns.
    for (const other of this.ctx.getWebSockets()) {
      if (other !== ws) other.send(name + " left " + code + " " + wasClean);
    }
  }
}
export default {
  fetch(req, env) {
    if (req.headers.get("Upgrade") !== "websocket") return new Response("chat");
    return env.ROOMS.getByName("lobby").fetch(req);
  }
};
