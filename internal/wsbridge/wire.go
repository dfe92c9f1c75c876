package wsbridge

// RFC 6455 framing, as far as the close gate needs it: reading the header
// of a frame the library writes, and writing whole frames of its own.

import (
	"crypto/rand"
	"encoding/binary"
)

// WebSocket opcodes (RFC 6455 section 5.2).
const (
	opText   = 0x1
	opBinary = 0x2
	opClose  = 0x8
)

// parseFrameHeader reports the header's size and payload length once h
// holds a whole header (RFC 6455 section 5.2: 2 bytes, then 0, 2 or 8 bytes
// of extended length, then 4 bytes of mask key when the mask bit is set).
func parseFrameHeader(h []byte) (size int, payload uint64, ok bool) {
	if len(h) < 2 {
		return 0, 0, false
	}
	size = 2
	length := uint64(h[1] & 0x7f)
	switch length {
	case 126:
		size += 2
	case 127:
		size += 8
	}
	if h[1]&0x80 != 0 {
		size += 4
	}
	if len(h) < size {
		return 0, 0, false
	}
	switch length {
	case 126:
		length = uint64(binary.BigEndian.Uint16(h[2:4]))
	case 127:
		length = binary.BigEndian.Uint64(h[2:10])
	}
	return size, length, true
}

// encodeFrame builds a final frame, masked when the client sends it.
func encodeFrame(opcode byte, payload []byte, mask bool) []byte {
	f := []byte{0x80 | opcode}
	maskBit := byte(0)
	if mask {
		maskBit = 0x80
	}
	switch n := len(payload); {
	case n < 126:
		f = append(f, maskBit|byte(n))
	case n <= 0xffff:
		f = append(f, maskBit|126)
		f = binary.BigEndian.AppendUint16(f, uint16(n))
	default:
		f = append(f, maskBit|127)
		f = binary.BigEndian.AppendUint64(f, uint64(n))
	}
	if !mask {
		return append(f, payload...)
	}
	var key [4]byte
	_, _ = rand.Read(key[:])
	f = append(f, key[:]...)
	for i, b := range payload {
		f = append(f, b^key[i%4])
	}
	return f
}

// closePayload is a Close frame's payload: the code and reason, or nothing
// for code 0.
func closePayload(code int, reason string) []byte {
	if code == 0 {
		return nil
	}
	return append(binary.BigEndian.AppendUint16(nil, uint16(code)), reason...)
}
