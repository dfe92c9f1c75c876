package wsbridge

// Reading whole messages straight from the inbound filter, for connections
// without permessage-deflate: the frames the filter would pass on to the
// library are read here instead, by the same rules (next, check, endFrame),
// so nothing the library would add (its buffer, a context watch per read,
// a growing copy of each message) sits between the peer and the script.

import (
	"io"
	"slices"
)

// directReadChunk is how much of a long payload is read before the
// message buffer grows further: a header that claims 32 MiB costs memory
// only as the bytes arrive.
const directReadChunk = 64 << 10

// readMessage reads the next data message whole: its opcode (opText or
// opBinary) and payload, unmasked. Control frames between its fragments
// are handled as Read handles them. It ends, as Read does, with a
// *closeReceived, a *ProtocolError or the connection's error. Only for a
// connection that did not negotiate compression, and never mixed with
// Read.
func (in *inbound) readMessage() (byte, []byte, error) {
	var msg []byte
	var opcode byte
	for {
		if in.err != nil {
			return 0, nil, in.err
		}
		if err := in.next(); err != nil {
			in.err = err
			return 0, nil, err
		}
		if len(in.pending) == 0 {
			continue // a control frame, or a refused frame read to its end
		}
		in.pending = nil // the header was for the library
		h := in.frame
		if h.opcode != opContinuation {
			opcode = h.opcode
		}
		var err error
		if msg, err = in.readPayload(msg, h); err != nil {
			in.err = err
			return 0, nil, err
		}
		if h.fin {
			return opcode, msg, nil
		}
	}
}

// readPayload appends the payload of the forwarded frame h (in.left bytes)
// to msg, unmasked, and ends the frame.
func (in *inbound) readPayload(msg []byte, h frameHeader) ([]byte, error) {
	if in.left == 0 {
		return msg, nil // next ended the empty frame already
	}
	start := len(msg)
	for in.left > 0 {
		if len(msg) == cap(msg) {
			msg = slices.Grow(msg, int(min(in.left, uint64(max(directReadChunk, len(msg))))))
		}
		room := min(uint64(cap(msg)-len(msg)), in.left)
		n, err := io.ReadFull(in.src, msg[len(msg):len(msg)+int(room)])
		msg = msg[:len(msg)+n]
		in.left -= uint64(n)
		if err != nil {
			return nil, noEOF(err)
		}
	}
	if h.masked {
		maskBytes(h.maskKey, 0, msg[start:])
	}
	return msg, in.endFrame(nil)
}
