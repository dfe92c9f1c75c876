// Conformance worker: a chat room Durable Object on the WebSocket
// Hibernation API. Clients join with a WebSocket upgrade the worker passes
// to the room's stub; the room accepts each server end with
// ctx.acceptWebSocket(ws, tags), keeps the user in the socket's attachment,
// broadcasts through ctx.getWebSockets(), answers "ping" with "pong"
// without running (setWebSocketAutoResponse), and lets a user send at most
// five messages in ten seconds. Handlers print what a client cannot see.
import { DurableObject } from "cloudflare:workers";
import { Report } from "./durable-report.js";

const LIMIT = 5;
const WINDOW_MS = 10000;

export class ChatRoom extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
  }

  async fetch(request) {
    const url = new URL(request.url);
    switch (url.pathname.split("/").pop()) {
      case "join":
        return this.join(request, url.searchParams.get("name"));
      case "info":
        return this.info();
      case "misuse":
        return this.misuse();
      case "echo":
        return this.echo();
    }
    return new Response("no such route", { status: 404 });
  }

  join(request, name) {
    if (request.headers.get("Upgrade") !== "websocket") {
      return new Response("Expected Upgrade: websocket", { status: 426 });
    }
    const [client, server] = Object.values(new WebSocketPair());
    this.ctx.acceptWebSocket(server, ["user:" + name, "room"]);
    server.serializeAttachment({ name, sent: 0, windowStart: 0, inWindow: 0 });
    this.broadcast(name + " joined (" + this.ctx.getWebSockets().length + " online)");
    return new Response(null, { status: 101, webSocket: client });
  }

  // echo is a WebSocket accepted the usual way, with accept() and
  // listeners, which the room's stub passes back like any other Response.
  echo() {
    const [client, server] = Object.values(new WebSocketPair());
    server.accept();
    server.addEventListener("message", (event) => server.send("echo: " + event.data));
    server.addEventListener("close", (event) => console.log("echo close " + event.code + " listed=" + this.ctx.getWebSockets().length));
    return new Response(null, { status: 101, webSocket: client });
  }

  broadcast(text, except) {
    for (const ws of this.ctx.getWebSockets()) {
      if (ws !== except) ws.send(text);
    }
  }

  async webSocketMessage(ws, message) {
    const me = ws.deserializeAttachment();
    if (typeof message !== "string") {
      ws.send("binary " + message.constructor.name + " of " + message.byteLength + " bytes");
      return;
    }
    switch (message) {
      case "/who":
        ws.send("online: " + this.ctx.getWebSockets().map((w) => w.deserializeAttachment().name).sort().join(","));
        return;
      case "/tags":
        ws.send("tags: " + JSON.stringify(this.ctx.getTags(ws)));
        return;
      case "/me":
        ws.send("me: name=" + me.name + " sent=" + me.sent);
        return;
      case "/auto-response-time": {
        const t = this.ctx.getWebSocketAutoResponseTimestamp(ws);
        ws.send("last auto-response: " + (t === null ? "null" : t.constructor.name));
        return;
      }
      case "/leave":
        ws.close(4000, "asked to leave");
        return;
    }
    const now = Date.now();
    if (now - me.windowStart >= WINDOW_MS) {
      me.windowStart = now;
      me.inWindow = 0;
    }
    if (++me.inWindow > LIMIT) {
      ws.serializeAttachment(me);
      ws.send("error: rate limit, at most " + LIMIT + " messages in " + WINDOW_MS / 1000 + " s");
      return;
    }
    me.sent++;
    ws.serializeAttachment(me);
    this.broadcast(me.name + ": " + message);
  }

  async webSocketClose(ws, code, reason, wasClean) {
    const { name } = ws.deserializeAttachment();
    const listed = this.ctx.getWebSockets().length;
    const state = ws.readyState;
    // The room answers a client's Close itself: for a hibernatable
    // WebSocket workerd does not.
    let answer = "ok";
    try {
      ws.close(1000, "goodbye " + name);
    } catch (e) {
      answer = e.constructor.name + ": " + e.message;
    }
    console.log("webSocketClose " + name + ": code=" + code + " reason=" + JSON.stringify(reason) + " wasClean=" + wasClean + " sockets listed=" + listed + " readyState=" + state + " close() " + answer);
    this.broadcast(name + " left (code " + code + ")", ws);
  }

  async webSocketError(ws, error) {
    console.log("webSocketError " + ws.deserializeAttachment().name + ": " + error);
  }

  async info() {
    const r = new Report();
    await r.add("getWebSockets()", () => this.ctx.getWebSockets().length);
    await r.add("getWebSockets('room')", () => this.ctx.getWebSockets("room").length);
    await r.add("getWebSockets('user:ann')", () => this.ctx.getWebSockets("user:ann").map((w) => w.deserializeAttachment().name));
    await r.add("getWebSockets('nobody')", () => this.ctx.getWebSockets("nobody").length);
    await r.add("attachments", () => this.ctx.getWebSockets().map((w) => w.deserializeAttachment()).map((a) => a.name + " sent " + a.sent).sort());
    await r.add("getWebSocketAutoResponse()", () => {
      const pair = this.ctx.getWebSocketAutoResponse();
      return [pair.constructor.name, pair.request, pair.response];
    });
    return r.response();
  }

  // misuse calls the hibernation API in the ways it refuses.
  async misuse() {
    const r = new Report();
    const pair = () => Object.values(new WebSocketPair());
    await r.add("accept twice", () => {
      const [, server] = pair();
      this.ctx.acceptWebSocket(server);
      this.ctx.acceptWebSocket(server);
    });
    await r.add("acceptWebSocket after accept()", () => {
      const [, server] = pair();
      server.accept();
      this.ctx.acceptWebSocket(server);
    });
    await r.add("accept() after acceptWebSocket", () => {
      const [, server] = pair();
      this.ctx.acceptWebSocket(server);
      server.accept();
    });
    await r.add("addEventListener after acceptWebSocket", () => {
      const [, server] = pair();
      this.ctx.acceptWebSocket(server);
      server.addEventListener("message", () => {});
      return "no error";
    });
    await r.add("11 tags", () => this.ctx.acceptWebSocket(pair()[1], Array.from({ length: 11 }, (_, i) => "t" + i)));
    await r.add("10 tags", () => this.ctx.acceptWebSocket(pair()[1], Array.from({ length: 10 }, (_, i) => "t" + i)));
    await r.add("a tag of 257 characters", () => this.ctx.acceptWebSocket(pair()[1], ["x".repeat(257)]));
    await r.add("a tag of 256 characters", () => this.ctx.acceptWebSocket(pair()[1], ["x".repeat(256)]));
    await r.add("tags not strings", () => this.ctx.acceptWebSocket(pair()[1], [1, 2]));
    await r.add("getTags of a socket not accepted so", () => this.ctx.getTags(pair()[1]));
    await r.add("acceptWebSocket(not a WebSocket)", () => this.ctx.acceptWebSocket({}));
    await r.add("attachment of 2048 bytes or so", () => {
      const [, server] = pair();
      server.serializeAttachment("x".repeat(2040));
      return server.deserializeAttachment().length;
    });
    await r.add("attachment of 4096 bytes", () => pair()[1].serializeAttachment("x".repeat(4096)));
    await r.add("attachment with a function", () => pair()[1].serializeAttachment({ f() {} }));
    await r.add("attachment Map and Date", () => {
      const [, server] = pair();
      server.serializeAttachment({ m: new Map([[1, new Date(0)]]) });
      return server.deserializeAttachment();
    });
    await r.add("deserializeAttachment() of none", () => pair()[1].deserializeAttachment());
    await r.add("auto-response request of 2049 bytes", () => this.ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("x".repeat(2049), "y")));
    await r.add("auto-response response of 2049 bytes", () => this.ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("x", "y".repeat(2049))));
    await r.add("new WebSocketRequestResponsePair()", () => new WebSocketRequestResponsePair());
    await r.add("setWebSocketAutoResponse() clears it", () => {
      this.ctx.setWebSocketAutoResponse();
      return this.ctx.getWebSocketAutoResponse();
    });
    return r.response();
  }
}

export default {
  fetch(request, env) {
    const [, route, room] = new URL(request.url).pathname.split("/");
    if (route !== "room" || !room) return new Response("no such route", { status: 404 });
    return env.ROOMS.getByName(room).fetch(request);
  },
};
