// Conformance worker: what a request looks like to the worker, and request
// bodies read, streamed back, partly read or ignored. The raw-TCP cases in
// http_cases.go drive it with well-formed and malformed requests.

const routes = {
  // The request as the worker sees it.
  "/info"(request) {
    const headers = JSON.stringify([...request.headers]);
    return new Response(`${request.method} ${request.url} ${headers} body=${request.body === null ? "null" : "stream"}`);
  },

  // Streams the body back.
  "/echo"(request) {
    return new Response(request.body);
  },

  // Streams back one branch of the body's tee().
  "/echo-tee"(request) {
    const [a, b] = request.body.tee();
    b.cancel();
    return new Response(a);
  },

  // Reads the whole body, reporting its size and a checksum of every 64th
  // byte (cheap enough for an engine under the race detector), or the error.
  async "/length"(request) {
    try {
      const bytes = new Uint8Array(await request.arrayBuffer());
      let sum = 0;
      for (let i = 0; i < bytes.length; i += 64) sum = (sum + bytes[i]) % 65521;
      return new Response(`${bytes.byteLength} bytes, sum ${sum}`);
    } catch (e) {
      return new Response(`read failed: ${e}`);
    }
  },

  // Reads the whole body and lets a failure throw.
  async "/length-uncaught"(request) {
    const text = await request.text();
    return new Response(`${text.length} characters`);
  },

  // Parses the body as JSON.
  async "/json"(request) {
    return new Response(JSON.stringify(await request.json()));
  },

  // Reads one chunk of the body and answers.
  async "/one-chunk"(request) {
    const { value } = await request.body.getReader().read();
    return new Response(`first chunk ${value ? "read" : "empty"}`);
  },

  // Answers without touching the body, after a while when asked.
  async "/ignore"(request, query) {
    const ms = Number((/wait=(\d+)/.exec(query) || [0, 0])[1]);
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
    return new Response("ignored");
  },
};

export default {
  async fetch(request) {
    // The path is cut out by hand: some targets here are no valid URL.
    const [, path, query] = /^[a-z]+:\/\/[^/?]*([^?#]*)\??([^#]*)/.exec(request.url) || [];
    const route = routes[path] || routes["/info"];
    return route(request, query);
  },
};
