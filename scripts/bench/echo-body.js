// Benchmark worker for request and response bodies: POST a body and get
// the same bytes back, streamed through (the request's ReadableStream is
// the response's body), as an application/octet-stream.
export default {
  fetch(request) {
    if (request.method !== "POST") {
      return new Response("POST a body to get it back\n", { status: 405 });
    }
    return new Response(request.body, { headers: { "content-type": "application/octet-stream" } });
  },
};
