// An API worker of the kind people put on Workers, run unmodified on
// workerd and on workerhost: tokens signed with jose and checked by hono's
// JWT middleware, a multipart form upload, a server-sent event stream and
// gzip-compressed responses.
import { Hono } from 'hono'
import { jwt } from 'hono/jwt'
import { compress } from 'hono/compress'
import { streamSSE } from 'hono/streaming'
import { HTTPException } from 'hono/http-exception'
import * as jose from 'jose'

type Env = { JWT_SECRET: string }

const app = new Hono<{ Bindings: Env }>()

// The JWT's time is fixed, so the token is the same on every run.
const issuedAt = 1767225600 // 2026-01-01T00:00:00Z

app.post('/token', async (c) => {
  const { sub, role } = await c.req.json<{ sub: string; role: string }>()
  const secret = new TextEncoder().encode(c.env.JWT_SECRET)
  const token = await new jose.SignJWT({ role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt(issuedAt)
    .setExpirationTime(4102444800) // 2100-01-01
    .sign(secret)
  return c.json({ token })
})

app.use('/me', (c, next) => jwt({ secret: c.env.JWT_SECRET, alg: 'HS256' })(c, next))

app.get('/me', (c) => {
  const payload = c.get('jwtPayload')
  return c.json({ sub: payload.sub, role: payload.role })
})

// Asymmetric keys: a key pair made here signs a token that its public half,
// exported and imported again as a JWK, verifies.
app.get('/keys/:alg', async (c) => {
  const alg = c.req.param('alg')
  const { publicKey, privateKey } = await jose.generateKeyPair(alg, { extractable: true })
  const jwk = await jose.exportJWK(publicKey)
  const token = await new jose.SignJWT({ hello: 'world' })
    .setProtectedHeader({ alg })
    .setIssuedAt(issuedAt)
    .sign(privateKey)
  const { payload, protectedHeader } = await jose.jwtVerify(token, await jose.importJWK(jwk, alg))
  let tampered = 'accepted'
  try {
    await jose.jwtVerify(token.slice(0, -4) + 'AAAA', publicKey)
  } catch (e) {
    tampered = (e as Error).constructor.name
  }
  return c.json({ kty: jwk.kty, crv: jwk.crv ?? null, alg: protectedHeader.alg, payload, tampered })
})

app.post('/upload', async (c) => {
  const body = await c.req.parseBody()
  const fields: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(body)) {
    if (value instanceof File) {
      fields[name] = { file: value.name, type: value.type, size: value.size, text: await value.text() }
    } else {
      fields[name] = value
    }
  }
  return c.json(fields)
})

app.get('/events', (c) =>
  streamSSE(c, async (stream) => {
    for (let id = 1; id <= 3; id++) {
      await stream.writeSSE({ id: String(id), event: 'tick', data: JSON.stringify({ n: id }) })
      await stream.sleep(10)
    }
    await stream.writeSSE({ event: 'done', data: 'bye' })
  })
)

app.use('/report', compress())

app.get('/report', (c) => {
  const rows = Array.from({ length: 200 }, (_, i) => `row ${i}: ${'x'.repeat(i % 17)}`)
  return c.text(rows.join('\n'))
})

app.onError((err, c) => (err instanceof HTTPException ? err.getResponse() : c.json({ error: err.message }, 500)))

export default app
