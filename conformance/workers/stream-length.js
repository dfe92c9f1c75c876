// How a streamed body goes out (body_length_cases.go): a script's own
// ReadableStream is sent chunked even when the script set Content-Length; a
// fetched response passed through keeps its length; an echoed request body
// keeps the request's.
function streamOf(text) {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({ start(c) { c.enqueue(bytes); c.close(); } });
}

export default {
  async fetch(request, env) {
    const path = new URL(request.url).pathname;
    if (path === "/script-stream") return new Response(streamOf("hello"));
    if (path === "/script-stream-with-length") return new Response(streamOf("hello"), { headers: { "content-length": "5" } });
    if (path === "/proxied") return fetch(env.UPSTREAM + "some/path");
    if (path === "/proxied-rewrapped") {
      const r = await fetch(env.UPSTREAM + "some/path");
      return new Response(r.body, r);
    }
    if (path === "/echo") return new Response(request.body);
    return new Response("not found", { status: 404 });
  },
};
