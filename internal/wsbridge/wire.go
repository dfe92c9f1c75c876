package wsbridge

// RFC 6455 framing, as far as the gate needs it: reading the headers of
// the frames a peer sends and of the frames the library writes, and
// writing whole frames of its own.

import (
	"crypto/rand"
	"encoding/binary"
	"io"
)

// WebSocket opcodes (RFC 6455 section 5.2).
const (
	opContinuation = 0x0
	opText         = 0x1
	opBinary       = 0x2
	opClose        = 0x8
	opPing         = 0x9
	opPong         = 0xA

	// opFirstControl is the first control opcode: opcodes below it are
	// data frames, known or not.
	opFirstControl = 0x8
)

// frameHeader is a parsed frame header.
type frameHeader struct {
	fin              bool
	rsv1, rsv2, rsv3 bool
	opcode           byte
	masked           bool
	maskKey          [4]byte
	length           uint64
}

// headerSize is the size of a header whose second byte is b1 (RFC 6455
// section 5.2: 2 bytes, then 0, 2 or 8 bytes of extended length, then 4
// bytes of mask key when the mask bit is set).
func headerSize(b1 byte) int {
	size := 2
	switch b1 & 0x7f {
	case 126:
		size += 2
	case 127:
		size += 8
	}
	if b1&0x80 != 0 {
		size += 4
	}
	return size
}

// parseFrameHeader reports the header's size and payload length once h
// holds a whole header.
func parseFrameHeader(h []byte) (size int, payload uint64, ok bool) {
	if len(h) < 2 {
		return 0, 0, false
	}
	size = headerSize(h[1])
	if len(h) < size {
		return 0, 0, false
	}
	return size, decodeHeader(h[:size]).length, true
}

// decodeHeader decodes a whole header (headerSize bytes).
func decodeHeader(h []byte) frameHeader {
	fh := frameHeader{
		fin:    h[0]&0x80 != 0,
		rsv1:   h[0]&0x40 != 0,
		rsv2:   h[0]&0x20 != 0,
		rsv3:   h[0]&0x10 != 0,
		opcode: h[0] & 0x0f,
		masked: h[1]&0x80 != 0,
		length: uint64(h[1] & 0x7f),
	}
	rest := h[2:]
	switch fh.length {
	case 126:
		fh.length = uint64(binary.BigEndian.Uint16(rest))
		rest = rest[2:]
	case 127:
		fh.length = binary.BigEndian.Uint64(rest)
		rest = rest[8:]
	}
	if fh.masked {
		copy(fh.maskKey[:], rest)
	}
	return fh
}

// readFrameHeader reads one header from r into buf (the caller's, so that
// it need not be allocated for each header).
func readFrameHeader(r io.Reader, buf *[maxHeaderSize]byte) (frameHeader, error) {
	if _, err := io.ReadFull(r, buf[:2]); err != nil {
		return frameHeader{}, err
	}
	size := headerSize(buf[1])
	if _, err := io.ReadFull(r, buf[2:size]); err != nil {
		return frameHeader{}, noEOF(err)
	}
	return decodeHeader(buf[:size]), nil
}

// appendHeader appends the encoding of h.
func appendHeader(dst []byte, h frameHeader) []byte {
	b0 := h.opcode
	for _, bit := range []struct {
		set  bool
		mask byte
	}{{h.fin, 0x80}, {h.rsv1, 0x40}, {h.rsv2, 0x20}, {h.rsv3, 0x10}} {
		if bit.set {
			b0 |= bit.mask
		}
	}
	maskBit := byte(0)
	if h.masked {
		maskBit = 0x80
	}
	switch n := h.length; {
	case n < 126:
		dst = append(dst, b0, maskBit|byte(n))
	case n <= 0xffff:
		dst = append(dst, b0, maskBit|126)
		dst = binary.BigEndian.AppendUint16(dst, uint16(n))
	default:
		dst = append(dst, b0, maskBit|127)
		dst = binary.BigEndian.AppendUint64(dst, n)
	}
	if h.masked {
		dst = append(dst, h.maskKey[:]...)
	}
	return dst
}

// maskBytes applies the mask key to b, which starts pos bytes into the
// payload, and returns the position after it.
func maskBytes(key [4]byte, pos int, b []byte) int {
	for i := range b {
		b[i] ^= key[(pos+i)&3]
	}
	return (pos + len(b)) & 3
}

// encodeFrame builds a final frame, masked when the client sends it.
func encodeFrame(opcode byte, payload []byte, mask bool) []byte {
	return appendFrame(make([]byte, 0, maxHeaderSize+len(payload)), opcode, payload, mask)
}

// appendFrame appends a final frame, masked when the client sends it.
func appendFrame(dst []byte, opcode byte, payload []byte, mask bool) []byte {
	h := frameHeader{fin: true, opcode: opcode, masked: mask, length: uint64(len(payload))}
	if mask {
		_, _ = rand.Read(h.maskKey[:])
	}
	dst = appendHeader(dst, h)
	start := len(dst)
	dst = append(dst, payload...)
	if mask {
		maskBytes(h.maskKey, 0, dst[start:])
	}
	return dst
}

// closePayload is a Close frame's payload: the code and reason, or nothing
// for NoStatus (kj drops a reason then).
func closePayload(code int, reason string) []byte {
	if code == NoStatus {
		return nil
	}
	return append(binary.BigEndian.AppendUint16(nil, uint16(code)), reason...)
}

// parseClosePayload reads a Close frame's payload as workerd does: any
// code (0 and 1005 included) is taken as it is and the reason is the raw
// bytes after it; fewer than two bytes mean NoStatus.
func parseClosePayload(p []byte) (code int, reason string) {
	if len(p) < 2 {
		return NoStatus, ""
	}
	return int(binary.BigEndian.Uint16(p)), string(p[2:])
}

// noEOF turns an EOF inside a frame into io.ErrUnexpectedEOF.
func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}
