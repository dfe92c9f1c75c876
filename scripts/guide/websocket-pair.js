// From "Using the WebSockets API" (Workers docs), "Write a WebSocket Server":
// creating a WebSocketPair and returning the client end in a 101 Response,
// unmodified. The wiring at the bottom is the service-worker entry point the
// guide's handleRequest functions plug into.

async function handleRequest(request) {

  const upgradeHeader = request.headers.get('Upgrade');

  if (!upgradeHeader || upgradeHeader !== 'websocket') {

    return new Response('Expected Upgrade: websocket', { status: 426 });

  }


  const webSocketPair = new WebSocketPair();

  const client = webSocketPair[0],

    server = webSocketPair[1];


  return new Response(null, {

    status: 101,

    webSocket: client,

  });

}

addEventListener('fetch', event => {
  event.respondWith(handleRequest(event.request));
});
