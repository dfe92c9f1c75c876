// The source of the built-in module "cloudflare:sockets", bundled into a
// worker that imports it; its connect() is made per runtime by
// cloudflare_sockets.js and reached through a registered symbol.
const m = globalThis[Symbol.for("workerhost:cloudflare:sockets")]();

export const connect = m.connect;
