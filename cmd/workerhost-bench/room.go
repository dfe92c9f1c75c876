package main

// The room of scripts/bench/broadcast.js: joining it with many WebSockets
// and checking that a message reaches all of them.

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/coder/websocket"
)

// roomMessageLimit is the read limit of a room socket: the benchmark's
// messages are a few dozen bytes.
const roomMessageLimit = 1 << 10

// fanOutTimeout bounds how long one message may take to reach every
// socket of the room.
const fanOutTimeout = 30 * time.Second

// joinRoom opens n WebSockets to the room worker at url, dialers at a
// time. A socket is in the room once its handshake ends: the object
// accepts it before answering.
func joinRoom(ctx context.Context, url string, n int) ([]*websocket.Conn, error) {
	wsURL := "ws" + strings.TrimPrefix(url, "http") + "/room"
	return openAll(n, func() (*websocket.Conn, error) {
		c, _, err := websocket.Dial(ctx, wsURL, nil)
		if err != nil {
			return nil, fmt.Errorf("failed to join the room: %w", err)
		}
		c.SetReadLimit(roomMessageLimit)
		return c, nil
	})
}

// checkBroadcast sends msg from cs[0] and checks that each socket, cs[0]
// included, gets it as its next message.
func checkBroadcast(ctx context.Context, cs []*websocket.Conn, msg string) error {
	ctx, cancel := context.WithTimeout(ctx, fanOutTimeout)
	defer cancel()
	if err := cs[0].Write(ctx, websocket.MessageText, []byte(msg)); err != nil {
		return fmt.Errorf("failed to send a message to the room: %w", err)
	}
	for i, c := range cs {
		typ, got, err := c.Read(ctx)
		if err != nil {
			return fmt.Errorf("socket %d of %d did not get the room's message: %w", i+1, len(cs), err)
		}
		if typ != websocket.MessageText || string(got) != msg {
			return fmt.Errorf("socket %d of %d got a %s message %.100q, want %q", i+1, len(cs), typ, got, msg)
		}
	}
	return nil
}
