// From "Using the WebSockets API" (Workers docs), "Write a WebSocket Server":
// Object.values destructuring and server.accept(), unmodified. The wiring at
// the bottom is the service-worker entry point the guide's handleRequest
// functions plug into.

async function handleRequest(request) {

  const upgradeHeader = request.headers.get('Upgrade');

  if (!upgradeHeader || upgradeHeader !== 'websocket') {

    return new Response('Expected Upgrade: websocket', { status: 426 });

  }


  const webSocketPair = new WebSocketPair();

  const [client, server] = Object.values(webSocketPair);


  server.accept();


  return new Response(null, {

    status: 101,

    webSocket: client,

  });

}

addEventListener('fetch', event => {
  event.respondWith(handleRequest(event.request));
});
