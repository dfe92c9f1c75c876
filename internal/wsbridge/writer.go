package wsbridge

// The bridge's writer: a goroutine that runs while the script has frames
// queued for the network and exits once the queue is empty, so an idle
// connection has none. Without compression it frames the messages itself
// and hands the gate as many as fit in one buffer, which leaves in one
// write.

import (
	"context"
	"crypto/rand"
	"errors"
	"sync"

	"github.com/coder/websocket"
)

// writeBufferSize is the size of the buffers frames are gathered in; a
// frame bigger than that is written on its own.
const writeBufferSize = 16 << 10

// maxHeaderSize is the size of the longest frame header: 2 bytes, 8 of
// length, 4 of mask key.
const maxHeaderSize = 14

// writeBuffers holds the buffers of writers that are not running.
var writeBuffers = sync.Pool{New: func() any {
	b := make([]byte, 0, writeBufferSize)
	return &b
}}

// startWriter starts a writer, unless writing is over. The peer calls it
// when it queues a frame and no writer is active.
func (b *Bridge) startWriter() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.writeOver {
		return
	}
	b.writers.Add(1)
	if b.writeFn == nil {
		b.writeFn = b.writeQueued // made once: a goroutine per batch, not an allocation too
	}
	go b.writeFn()
}

// stopWriting makes sure no writer starts any more.
func (b *Bridge) stopWriting() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.writeOver = true
}

// endWriting stops writing and waits until no writer runs.
func (b *Bridge) endWriting() {
	b.stopWriting()
	b.writers.Wait()
}

// writeQueued writes what the script queued, in order, until the queue is
// empty, the script's Close frame is out or a write fails.
func (b *Bridge) writeQueued() {
	defer b.writers.Done()
	var frames []Frame
	for {
		var err error
		frames, err = b.peer.Take(frames[:0])
		if err != nil {
			if errors.Is(err, ErrQueueFull) {
				b.cancel()
			}
			b.stopWriting()
			return
		}
		if len(frames) == 0 {
			return
		}
		more := b.writeFrames(frames)
		clear(frames) // let the payloads go
		if !more {
			b.stopWriting()
			return
		}
	}
}

// writeFrames writes frames up to the first Close frame, and that one
// through the gate; it reports false once nothing more can be written.
func (b *Bridge) writeFrames(frames []Frame) bool {
	end := len(frames)
	for i, f := range frames {
		if f.Kind == FrameClose {
			end = i
			break
		}
	}
	var n int
	var err error
	if b.direct {
		n, err = b.writeDirect(frames[:end])
	} else {
		n, err = b.writeWithLibrary(frames[:end])
	}
	if n > 0 {
		b.peer.Sent(n)
	}
	if err != nil {
		return false
	}
	if end < len(frames) {
		b.close(frames[end].Code, frames[end].Reason)
		return false
	}
	return true
}

// writeWithLibrary writes messages through the library, which compresses
// them; it returns the payload bytes written.
func (b *Bridge) writeWithLibrary(frames []Frame) (int, error) {
	n := 0
	for _, f := range frames {
		typ := websocket.MessageText
		if f.Kind == FrameBinary {
			typ = websocket.MessageBinary
		}
		// The bridge's context closes the connection when it ends.
		if err := b.conn.Write(context.Background(), typ, f.Data); err != nil {
			return n, err
		}
		n += len(f.Data)
	}
	return n, nil
}

// writeDirect frames messages and writes them through the gate, gathered
// in a buffer; it returns the payload bytes written.
func (b *Bridge) writeDirect(frames []Frame) (int, error) {
	bp := writeBuffers.Get().(*[]byte)
	defer writeBuffers.Put(bp)
	buf := (*bp)[:0]
	sent, pending := 0, 0 // payload bytes written, and in buf
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		if _, err := b.gate.Write(buf); err != nil {
			return err
		}
		sent, pending, buf = sent+pending, 0, buf[:0]
		return nil
	}
	for _, f := range frames {
		op := byte(opText)
		if f.Kind == FrameBinary {
			op = opBinary
		}
		if len(buf)+maxHeaderSize+len(f.Data) > cap(buf) {
			if err := flush(); err != nil {
				return sent, err
			}
		}
		if maxHeaderSize+len(f.Data) > cap(buf) {
			if err := b.writeLarge(buf, op, f.Data); err != nil {
				return sent, err
			}
			sent += len(f.Data)
			continue
		}
		buf = appendFrame(buf, op, f.Data, b.gate.client)
		pending += len(f.Data)
	}
	return sent, flush()
}

// writeLarge writes a frame too big for the buffer: its header from buf,
// then its payload (masked in place on the client side: the frame is the
// writer's alone).
func (b *Bridge) writeLarge(buf []byte, op byte, payload []byte) error {
	h := frameHeader{fin: true, opcode: op, masked: b.gate.client, length: uint64(len(payload))}
	if h.masked {
		_, _ = rand.Read(h.maskKey[:])
		maskBytes(h.maskKey, 0, payload)
	}
	if _, err := b.gate.Write(appendHeader(buf[:0], h)); err != nil {
		return err
	}
	_, err := b.gate.Write(payload)
	return err
}
