import { Hono } from 'hono'

import { upgradeWebSocket } from 'hono/cloudflare-workers'


const app = new Hono()


app.get(

  '*',

  upgradeWebSocket((c) => {

    return {

      onMessage(event, ws) {

        console.log('Received message from client:', event.data)

        ws.send(`Echo: ${event.data}`)

      },

      onClose: () => {

        console.log('WebSocket closed:', event)

      },

      onError: () => {

        console.error('WebSocket error:', event)

      },

    }

  })

)


export default app;
