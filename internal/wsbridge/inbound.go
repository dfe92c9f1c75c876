package wsbridge

// The inbound half of the gate reads the peer's frames before
// coder/websocket does, by workerd's rules (kj's WebSocketImpl::receive in
// kj/compat/http.c++, which workerd runs for every WebSocket), so that what
// is refused, with which close code and description, is workerd's:
//
//   - data frames pass on to the library, masked as it expects;
//   - a ping is answered by the gate (see gate.go), a pong is dropped, and
//     a Close frame ends reading with a *closeReceived;
//   - a frame workerd refuses ends reading with a *ProtocolError, and the
//     bridge closes the connection with its code and description.
//
// workerd accepts some frames RFC 6455 (and the library) refuse, and so
// does the gate: control frames up to the message limit, any close code, a
// one-byte Close payload or a long reason, unmasked frames from a client.

import (
	"bytes"
	"fmt"
	"io"
)

// ProtocolError is a frame from the peer that workerd refuses. The
// connection is closed with Code and Description as the Close frame's code
// and reason, and the script sees an error event whose message is
// "Uncaught Error: " followed by Error().
type ProtocolError struct {
	Code        int
	Description string
}

// Error is workerd's message for the error.
func (e *ProtocolError) Error() string {
	return fmt.Sprintf("WebSocket protocol error; protocolError.statusCode = %d; protocolError.description = %s", e.Code, e.Description)
}

// compressionRefused is workerd's description of a compressed frame on a
// connection that did not negotiate permessage-deflate.
const compressionRefused = "Received a WebSocket frame whose compression bit was set, but the compression extension was not negotiated for this connection."

// closeReceived ends reading when the peer's Close frame arrives.
type closeReceived struct {
	code   int // NoStatus: the frame carried no code
	reason string
}

// Error implements error.
func (e *closeReceived) Error() string {
	return fmt.Sprintf("received Close frame (code %d, reason %q)", e.code, e.reason)
}

// frameAction is what inbound does with a frame's payload.
type frameAction int

const (
	forward frameAction = iota // pass it on to the library
	collect                    // keep it: a control frame the gate handles
	discard                    // drop it: the frame ends in a protocol error
)

// inbound is what the library reads from: the peer's bytes with control
// frames taken out. Only the library's reader calls Read.
type inbound struct {
	src      io.Reader    // the connection, buffered
	server   bool         // frames come from a client; the library wants them masked
	compress bool         // permessage-deflate was negotiated
	onPing   func([]byte) // answers a ping with its payload

	readBuf   [maxHeaderSize]byte // the header being read
	headerBuf [maxHeaderSize]byte
	pending   []byte // a header, rewritten for the library, not yet read
	frame     frameHeader
	left      uint64 // payload bytes of the forwarded frame still to pass
	maskPos   int    // position in the mask key when stripping the server's mask
	err       error  // sticky: reading is over

	// The fragmented message being read (kj's fragments).
	inMessage     bool
	msgOpcode     byte
	msgCompressed bool
	msgSize       uint64
}

// Read gives the library the next bytes of data frames. It ends with a
// *closeReceived, a *ProtocolError or the connection's error.
func (in *inbound) Read(p []byte) (int, error) {
	for {
		switch {
		case len(p) == 0:
			return 0, nil
		case len(in.pending) > 0:
			n := copy(p, in.pending)
			in.pending = in.pending[n:]
			return n, nil
		case in.left > 0:
			return in.passPayload(p)
		case in.err != nil:
			return 0, in.err
		}
		in.err = in.next()
	}
}

// passPayload passes payload bytes of a forwarded frame straight from the
// connection.
func (in *inbound) passPayload(p []byte) (int, error) {
	if uint64(len(p)) > in.left {
		p = p[:in.left]
	}
	n, err := in.src.Read(p)
	if !in.server && in.frame.masked {
		in.maskPos = maskBytes(in.frame.maskKey, in.maskPos, p[:n])
	}
	in.left -= uint64(n)
	if in.left == 0 {
		if ferr := in.endFrame(nil); ferr != nil {
			in.err = ferr
		}
	}
	if err != nil && in.err == nil {
		if in.left > 0 {
			err = noEOF(err)
		}
		in.err = err
	}
	if n == 0 && in.err != nil {
		return 0, in.err
	}
	return n, nil
}

// next reads the next frame's header and does what it asks: sets up a
// forwarded frame, or reads a whole control or refused frame.
func (in *inbound) next() error {
	h, err := readFrameHeader(in.src, &in.readBuf)
	if err != nil {
		return err
	}
	if err := in.check(h); err != nil {
		return err
	}
	in.frame = h
	switch in.action(h) {
	case forward:
		out := h
		out.rsv1 = h.rsv1 && h.opcode != opContinuation
		if in.server && !h.masked {
			out.masked, out.maskKey = true, [4]byte{} // a zero key leaves the payload as it is
		}
		if !in.server {
			out.masked = false // the payload is unmasked as it passes
		}
		in.pending = appendHeader(in.headerBuf[:0], out)
		in.left, in.maskPos = h.length, 0
		if h.length == 0 {
			return in.endFrame(nil)
		}
		return nil
	case collect:
		var buf bytes.Buffer
		if _, err := io.CopyN(&buf, in.src, int64(h.length)); err != nil {
			return noEOF(err)
		}
		payload := buf.Bytes()
		if h.masked {
			maskBytes(h.maskKey, 0, payload)
		}
		return in.endFrame(payload)
	default:
		if _, err := io.CopyN(io.Discard, in.src, int64(h.length)); err != nil {
			return noEOF(err)
		}
		return in.endFrame(nil)
	}
}

// check applies workerd's checks on a header, in workerd's order, and
// starts a fragmented message.
func (in *inbound) check(h frameHeader) error {
	if h.rsv2 || h.rsv3 {
		return &ProtocolError{1002, "Received frame had RSV bits 2 or 3 set"}
	}
	if limit := uint64(MaxMessageSize) - in.msgSize; h.length > limit {
		return &ProtocolError{1009, fmt.Sprintf("Message is too large: %d > %d", h.length, limit)}
	}
	data := h.opcode < opFirstControl
	switch {
	case h.opcode == opContinuation && !in.inMessage:
		return &ProtocolError{1002, "Unexpected continuation frame"}
	case h.opcode != opContinuation && data && in.inMessage:
		return &ProtocolError{1002, "Missing continuation frame"}
	case !h.fin && !data:
		return &ProtocolError{1002, "Received fragmented control frame"}
	}
	if !h.fin && h.opcode != opContinuation {
		in.inMessage, in.msgOpcode, in.msgCompressed = true, h.opcode, h.rsv1
	}
	return nil
}

// action decides what to do with a checked frame's payload. A data frame
// is forwarded unless its message will end in a protocol error (an
// unknown opcode, or compression that was not negotiated), since the
// library would refuse it with errors of its own.
func (in *inbound) action(h frameHeader) frameAction {
	op := h.opcode
	if op == opContinuation {
		op = in.msgOpcode
	}
	switch {
	case h.opcode >= opFirstControl && (op == opClose || op == opPing || op == opPong):
		return collect
	case op != opText && op != opBinary:
		return discard
	case in.compress:
		return forward
	case h.opcode == opContinuation && in.msgCompressed:
		return discard
	case h.rsv1 && (h.fin || h.opcode != opContinuation):
		return discard
	}
	return forward
}

// endFrame finishes a frame once its payload is read (payload is kept only
// for control frames): it ends the message, or reports the frame's
// outcome, in workerd's order. The compression bit is checked on data
// messages only: workerd answers a ping that has it set.
func (in *inbound) endFrame(payload []byte) error {
	h := in.frame
	op := h.opcode
	if op == opContinuation {
		op = in.msgOpcode
	}
	if h.opcode < opFirstControl {
		if !h.fin {
			in.msgSize += h.length
			return nil
		}
		compressed := h.rsv1 || (in.inMessage && in.msgCompressed)
		in.inMessage, in.msgCompressed, in.msgOpcode, in.msgSize = false, false, 0, 0
		if compressed && !in.compress {
			return &ProtocolError{1002, compressionRefused}
		}
	}
	switch op {
	case opText, opBinary, opPong:
		return nil
	case opPing:
		in.onPing(payload)
		return nil
	case opClose:
		code, reason := parseClosePayload(payload)
		return &closeReceived{code: code, reason: reason}
	}
	return &ProtocolError{1002, fmt.Sprintf("Unknown opcode %d", op)}
}
