// From "Using the WebSockets API" (Workers docs), "Write a WebSocket client":
// the fetch()-based client, unmodified. The module wiring at the bottom calls
// it with the URL of the server named by the UPSTREAM variable.

async function websocket(url) {

  // Make a fetch request including `Upgrade: websocket` header.

  // The Workers Runtime will automatically handle other requirements

  // of the WebSocket protocol, like the Sec-WebSocket-Key header.

  let resp = await fetch(url, {

    headers: {

      Upgrade: "websocket",

    },

  });


  // If the WebSocket handshake completed successfully, then the

  // response has a `webSocket` property.

  let ws = resp.webSocket;

  if (!ws) {

    throw new Error("server didn't accept WebSocket");

  }


  // Call accept() to indicate that you'll be handling the socket here

  // in JavaScript, as opposed to returning it on to a client.

  // You can pass { allowHalfOpen: true } if you need to coordinate

  // the close handshake manually (for example, when proxying).

  ws.accept();


  // Now you can send and receive messages like before.

  ws.send("hello");

  ws.addEventListener("message", (msg) => {

    console.log(msg.data);

  });

}

export default {
  async fetch(request, env) {
    await websocket(env.UPSTREAM);
    return new Response("connected");
  },
};
