// From "Using the WebSockets API" (Workers docs), "Write a WebSocket Server":
// the Upgrade header check, unmodified. The wiring at the bottom is the
// service-worker entry point the guide's handleRequest functions plug into.

async function handleRequest(request) {

  const upgradeHeader = request.headers.get('Upgrade');

  if (!upgradeHeader || upgradeHeader !== 'websocket') {

    return new Response('Expected Upgrade: websocket', { status: 426 });

  }

}

addEventListener('fetch', event => {
  event.respondWith(handleRequest(event.request));
});
