// Conformance worker: text bindings are globals of a service-worker script,
// and respondWith accepts a promise.
addEventListener("fetch", (event) => {
  event.waitUntil(Promise.resolve());
  event.respondWith((async () => new Response(`NAME=${NAME} typeof=${typeof NAME} method=${event.request.method}`))());
});
