// A chat room: the page at /, and a WebSocket per visitor at
// /api/room/<name>/websocket, served by that room's Durable Object. The
// room keeps its sockets with the Hibernation API, so it may be evicted
// between messages; names ride on the sockets as attachments, the last
// messages are kept in the room's SQLite database, and each visitor's IP
// has a RateLimiter object of its own.
import { DurableObject } from "cloudflare:workers";
import page from "./chat.html";

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === "/") {
      return new Response(page, { headers: { "content-type": "text/html;charset=UTF-8" } });
    }
    const m = url.pathname.match(/^\/api\/room\/([A-Za-z0-9_-]{1,32})\/(websocket|history)$/);
    if (!m) return new Response("Not found", { status: 404 });
    const room = env.ROOMS.getByName(m[1]);
    if (m[2] === "history") return Response.json(await room.history());
    if (request.headers.get("Upgrade") !== "websocket") {
      return new Response("expected a WebSocket", { status: 426 });
    }
    return room.fetch(request);
  },
};

const keep = 100; // messages of history a room keeps

export class ChatRoom extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    ctx.storage.sql.exec(`CREATE TABLE IF NOT EXISTS messages (
      id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, text TEXT NOT NULL, at INTEGER NOT NULL)`);
    // Keep-alive pings are answered without waking the room.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
  }

  async fetch(request) {
    const ip = request.headers.get("CF-Connecting-IP") || "local";
    const [client, server] = Object.values(new WebSocketPair());
    this.ctx.acceptWebSocket(server);
    server.serializeAttachment({ name: null, ip });
    for (const m of await this.history()) server.send(JSON.stringify(m));
    return new Response(null, { status: 101, webSocket: client });
  }

  // history is the last messages, oldest first (also an RPC method).
  async history() {
    return this.ctx.storage.sql
      .exec("SELECT name, text, at FROM messages ORDER BY id DESC LIMIT ?", keep)
      .toArray()
      .reverse();
  }

  async webSocketMessage(ws, raw) {
    const session = ws.deserializeAttachment();
    let data;
    try {
      data = JSON.parse(raw);
    } catch {
      ws.send(JSON.stringify({ error: "messages are JSON" }));
      return;
    }
    if (session.name === null) {
      const name = String(data.name || "").slice(0, 32);
      if (!name) {
        ws.send(JSON.stringify({ error: "send your name first" }));
        return;
      }
      ws.serializeAttachment({ ...session, name });
      ws.send(JSON.stringify({ ready: true }));
      this.broadcast({ joined: name });
      return;
    }
    const limiter = this.env.LIMITERS.getByName(session.ip);
    if (!(await limiter.allow())) {
      ws.send(JSON.stringify({ error: "Your IP is being rate-limited, please try again later." }));
      return;
    }
    const text = String(data.message || "").slice(0, 256);
    const m = { name: session.name, text, at: Date.now() };
    this.ctx.storage.sql.exec("INSERT INTO messages (name, text, at) VALUES (?, ?, ?)", m.name, m.text, m.at);
    this.ctx.storage.sql.exec("DELETE FROM messages WHERE id <= (SELECT max(id) FROM messages) - ?", keep);
    this.broadcast(m);
  }

  async webSocketClose(ws, code, reason) {
    const { name } = ws.deserializeAttachment();
    ws.close(code, reason);
    if (name !== null) this.broadcast({ quit: name });
  }

  broadcast(message) {
    const text = JSON.stringify(message);
    for (const ws of this.ctx.getWebSockets()) {
      if (ws.deserializeAttachment().name === null) continue;
      try {
        ws.send(text);
      } catch {
        // a socket closing under us; its webSocketClose says goodbye
      }
    }
  }
}

// RateLimiter lets one message through per interval, with a small burst.
export class RateLimiter extends DurableObject {
  allow() {
    const now = Date.now();
    const interval = 200; // ms between messages
    const burst = 5;
    const next = Math.max(now, this.next || 0) + interval;
    if (next - now > interval * burst) return false;
    this.next = next;
    return true;
  }
}
