package httpguard

// The chunked transfer coding (RFC 9112 section 7.1) read with the rules of
// workerd's decoder and written out again canonically, so that net/http
// finds each chunk, and the body's end, exactly where workerd would.

import (
	"errors"
	"math"
	"strconv"
)

// errBrokenBody is a chunked body workerd's decoder refuses: the worker's
// read fails with "Network connection lost." and the connection closes.
var errBrokenBody = errors.New("malformed chunked body")

// chunkState is where a chunkedDecoder is in the coding.
type chunkState uint8

const (
	chunkSize      chunkState = iota // the hex size, before its first digit
	chunkSizeMore                    // more hex digits
	chunkSizeBlank                   // blanks after the size
	chunkExt                         // a chunk extension, after ';'
	chunkSizeLF                      // the LF ending the size line
	chunkData                        // the chunk's bytes
	chunkDataCR                      // the CR after them
	chunkDataLF                      // the LF after them
	trailerStart                     // a trailer line or the final blank line
	trailerName                      // a trailer field's name
	trailerValue                     // its value
	trailerLF                        // the LF ending a trailer line
	chunkEndLF                       // the LF of the final blank line
	chunkDone                        // the body has ended
)

// chunkedDecoder decodes one chunked body incrementally.
type chunkedDecoder struct {
	state   chunkState
	size    uint64 // of the current chunk; while in chunkData, what is left
	ext     int    // extension bytes so far, in the whole body
	trailer int    // trailer section bytes so far
	data    int64  // body bytes decoded so far
}

// decode consumes a prefix of in and appends what it decoded to out as
// canonical chunks ("%x\r\n" data "\r\n", then "0\r\n\r\n" at the end,
// without trailers). It returns the bytes consumed, out, and errBrokenBody
// when the coding is malformed; done reports the end of the body.
func (d *chunkedDecoder) decode(in, out []byte) (n int, _ []byte, err error) {
	for n < len(in) && d.state != chunkDone {
		if d.state == chunkData {
			k := int(min(d.size, uint64(len(in)-n)))
			out = strconv.AppendUint(out, uint64(k), 16)
			out = append(out, "\r\n"...)
			out = append(out, in[n:n+k]...)
			out = append(out, "\r\n"...)
			n += k
			d.data += int64(k)
			if d.size -= uint64(k); d.size == 0 {
				d.state = chunkDataCR
			}
			continue
		}
		if err := d.step(in[n]); err != nil {
			return n, out, err
		}
		n++
		if d.state == chunkDone {
			out = append(out, "0\r\n\r\n"...)
		}
	}
	return n, out, nil
}

// done reports whether the body has ended.
func (d *chunkedDecoder) done() bool { return d.state == chunkDone }

// step consumes one byte outside chunk data.
func (d *chunkedDecoder) step(c byte) error {
	switch d.state {
	case chunkSize, chunkSizeMore:
		return d.sizeByte(c)
	case chunkSizeBlank:
		return d.afterSize(c)
	case chunkExt:
		switch c {
		case '\r':
			d.state = chunkSizeLF
		case '\n':
			return errBrokenBody
		default:
			if d.ext++; d.ext > MaxChunkExtensions {
				return errBrokenBody
			}
		}
	case chunkSizeLF:
		return d.sizeLF(c)
	case chunkDataCR:
		return d.expect(c, '\r', chunkDataLF)
	case chunkDataLF:
		d.size = 0
		return d.expect(c, '\n', chunkSize)
	default:
		return d.trailerByte(c)
	}
	return nil
}

// sizeByte reads a hex digit of the size, or what may follow the digits.
func (d *chunkedDecoder) sizeByte(c byte) error {
	v, ok := hexValue(c)
	switch {
	case ok && d.size > (math.MaxUint64-uint64(v))/16:
		return errBrokenBody
	case ok:
		d.size = d.size*16 + uint64(v)
		d.state = chunkSizeMore
		return nil
	case d.state == chunkSize:
		return errBrokenBody // no digit
	}
	return d.afterSize(c)
}

// afterSize reads what may follow the size: blanks, an extension, CR.
func (d *chunkedDecoder) afterSize(c byte) error {
	switch c {
	case ' ', '\t':
		d.state = chunkSizeBlank
	case ';':
		d.state = chunkExt
	case '\r':
		d.state = chunkSizeLF
	default:
		return errBrokenBody
	}
	return nil
}

// sizeLF ends the size line: data follows, or the trailers after size 0.
func (d *chunkedDecoder) sizeLF(c byte) error {
	if c != '\n' {
		return errBrokenBody
	}
	if d.size == 0 {
		d.state = trailerStart
	} else {
		d.state = chunkData
	}
	return nil
}

// expect requires byte want and moves to next.
func (d *chunkedDecoder) expect(c, want byte, next chunkState) error {
	if c != want {
		return errBrokenBody
	}
	d.state = next
	return nil
}

// trailerByte reads the trailer section: "name: value" lines, each ending
// in CRLF, then a blank line, at most MaxTrailerBytes in all.
func (d *chunkedDecoder) trailerByte(c byte) error {
	if d.trailer++; d.trailer > MaxTrailerBytes {
		return errBrokenBody
	}
	switch d.state {
	case trailerStart:
		if c == '\r' {
			d.state = chunkEndLF
			return nil
		}
		if !isTokenByte(c) {
			return errBrokenBody
		}
		d.state = trailerName
	case trailerName:
		if c == ':' {
			d.state = trailerValue
		} else if !isTokenByte(c) {
			return errBrokenBody
		}
	case trailerValue:
		switch c {
		case '\r':
			d.state = trailerLF
		case '\n', 0:
			return errBrokenBody
		}
	case trailerLF:
		return d.expect(c, '\n', trailerStart)
	case chunkEndLF:
		return d.expect(c, '\n', chunkDone)
	}
	return nil
}

// hexValue is the value of a hex digit.
func hexValue(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
