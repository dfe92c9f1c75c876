package bindings

// The network side of cloudflare:sockets' Socket
// (https://developers.cloudflare.com/workers/runtime-apis/tcp-sockets/): a
// TCP connection dialled on a goroutine, read and written on goroutines
// that settle promises back on the loop. js/cloudflare_sockets.js builds
// the Socket class and its streams over the handle this file gives.

import (
	"context"
	"errors"
	"io"
	"net"
	"sync"

	"github.com/dop251/goja"

	"workerhost/internal/config"
	"workerhost/internal/outbound"
)

// tcpConn is one connection of a Socket. Fields other than the
// synchronised ones are set before ready closes and only read after.
type tcpConn struct {
	ctx    context.Context
	cancel context.CancelFunc // closes the connection
	ready  chan struct{}      // closed once the dial is over
	conn   net.Conn           // nil when the dial failed
	err    error              // why the dial failed
	once   sync.Once
	logged bool // the dial's failure went to the log; on the loop
}

// dialSocket starts dialling host:port for connect() and returns the handle
// JS drives the socket through. The connection ends with the request that
// opened it, as workerd's does. On the loop.
func (rl *Realm) dialSocket(host, port string, secure bool) goja.Value {
	c := rl.newTCPConn()
	go func() {
		defer close(c.ready)
		c.conn, c.err = outbound.DialSocket(c.ctx, host, port, secure)
		if c.err != nil {
			c.cancel()
			return
		}
		context.AfterFunc(c.ctx, func() { c.conn.Close() })
	}()
	return rl.socketHandle(c, host)
}

// newTCPConn makes a connection's state, cancelled when the current
// request or the runtime ends. On the loop.
func (rl *Realm) newTCPConn() *tcpConn {
	ctx, cancel := context.WithCancel(rl.rt.Context())
	forget := rl.cancelOnRequestEnd(cancel)
	c := &tcpConn{ctx: ctx, ready: make(chan struct{})}
	c.cancel = func() { c.once.Do(func() { cancel(); forget() }) }
	context.AfterFunc(ctx, func() { c.once.Do(forget) })
	return c
}

// wait blocks until the dial is over and returns the connection, or the
// dial's error.
func (c *tcpConn) wait() (net.Conn, error) {
	<-c.ready
	if c.err != nil {
		return nil, c.err
	}
	return c.conn, nil
}

// socketHandle is the object js/cloudflare_sockets.js drives a connection
// through: opened, read, write, closeWrite, close and startTls, each
// promise-returning method settled on the loop. On the loop.
func (rl *Realm) socketHandle(c *tcpConn, host string) goja.Value {
	h := rl.vm.NewObject()
	_ = h.Set("opened", rl.function("opened", func(goja.FunctionCall) goja.Value {
		return rl.socketOp(c, func(net.Conn) (goja.Value, []byte, error) { return goja.Undefined(), nil, nil })
	}))
	_ = h.Set("read", rl.function("read", func(goja.FunctionCall) goja.Value {
		return rl.socketOp(c, func(conn net.Conn) (goja.Value, []byte, error) {
			chunk, err := readChunk(conn)
			if len(chunk) > 0 {
				return nil, chunk, nil
			}
			if err == nil || isEOF(err) {
				return goja.Null(), nil, nil
			}
			return nil, nil, err
		})
	}))
	_ = h.Set("write", rl.function("write", func(call goja.FunctionCall) goja.Value {
		data, _ := rl.bufferSource(call.Argument(0))
		return rl.socketOp(c, func(conn net.Conn) (goja.Value, []byte, error) {
			_, err := conn.Write(data)
			return goja.Undefined(), nil, err
		})
	}))
	_ = h.Set("closeWrite", rl.function("closeWrite", func(goja.FunctionCall) goja.Value {
		return rl.socketOp(c, func(conn net.Conn) (goja.Value, []byte, error) {
			return goja.Undefined(), nil, outbound.CloseWrite(conn)
		})
	}))
	_ = h.Set("close", rl.function("close", func(goja.FunctionCall) goja.Value {
		c.cancel()
		return goja.Undefined()
	}))
	_ = h.Set("startTls", rl.function("startTls", func(goja.FunctionCall) goja.Value {
		return rl.startTLS(c, host)
	}))
	return h
}

// startTLS returns the handle of a TLS connection over c's, handshaking
// once c's dial is over. On the loop.
func (rl *Realm) startTLS(c *tcpConn, host string) goja.Value {
	tc := rl.newTCPConn()
	go func() {
		defer close(tc.ready)
		conn, err := c.wait()
		if err == nil {
			conn, err = outbound.HandshakeTLS(tc.ctx, conn, host)
		}
		if err != nil {
			tc.err = &outbound.SocketError{Cause: err}
			tc.cancel()
			return
		}
		tc.conn = conn
		context.AfterFunc(tc.ctx, func() { conn.Close() })
	}()
	return rl.socketHandle(tc, host)
}

// socketOp runs op on a goroutine once the dial is over and settles the
// promise it returns on the loop: with op's value, or a Uint8Array of its
// bytes, or workerd's error. On the loop.
func (rl *Realm) socketOp(c *tcpConn, op func(net.Conn) (goja.Value, []byte, error)) goja.Value {
	p, resolve, reject := rl.vm.NewPromise()
	complete := rl.rt.Reserve()
	go func() {
		var v goja.Value
		var b []byte
		conn, err := c.wait()
		if err == nil {
			v, b, err = op(conn)
		}
		complete(func(*goja.Runtime) {
			switch {
			case err != nil:
				_ = reject(rl.socketError(c, err))
			case b != nil:
				_ = resolve(rl.newUint8Array(b))
			default:
				_ = resolve(v)
			}
		})
	}()
	return rl.vm.ToValue(p)
}

// socketError is the Error a failed socket operation of c rejects with, as
// workerd's; the real cause goes to the log, once. On the loop.
func (rl *Realm) socketError(c *tcpConn, err error) goja.Value {
	var se *outbound.SocketError
	if errors.As(err, &se) {
		if c.logged || errors.Is(err, context.Canceled) {
			return rl.newError("Error", se.Error())
		}
		c.logged = true
		rl.logf(config.LevelWarn, "connect() failed: %v", se.Cause)
		return rl.newError("Error", se.Error())
	}
	return rl.newError("Error", outbound.ErrNetwork.Error())
}

// isEOF reports the end of a connection's incoming stream, including a
// read on a connection closed from our side.
func isEOF(err error) bool {
	return errors.Is(err, net.ErrClosed) || errors.Is(err, io.EOF)
}
