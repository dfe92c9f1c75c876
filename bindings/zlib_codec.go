package bindings

// The codecs behind node:zlib: zlib (RFC 1950) and gzip (RFC 1952) framing
// written here around compress/flate's raw deflate, so headers carry the
// window size, level and OS byte zlib writes, and brotli on
// github.com/andybalholm/brotli. Errors carry zlib's messages and codes.

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"hash"
	"hash/adler32"
	"hash/crc32"
	"io"

	"github.com/andybalholm/brotli"
)

// zlibOpts are a codec's options, already checked by node_zlib.js.
type zlibOpts struct {
	mode       string // deflate, inflate, gzip, gunzip, deflateRaw, inflateRaw, unzip, brotliEncode, brotliDecode
	level      int    // -1..9
	windowBits int    // 8..15, 0 for "from the header" when inflating
	strategy   int    // Z_DEFAULT_STRATEGY 0 ... Z_FIXED 4
	dictionary []byte
	maxOutput  int  // maxOutputLength
	syncFinish bool // finishFlush is Z_SYNC_FLUSH: truncated input is no error
	quality    int  // brotli
	lgwin      int  // brotli
}

// zlibError is a failure with zlib's message, code and errno.
type zlibError struct {
	msg   string
	code  string
	errno int
	limit bool // maxOutputLength exceeded: a RangeError
}

// Error is zlib's message.
func (e *zlibError) Error() string { return e.msg }

var (
	errZHeader   = &zlibError{"incorrect header check", "Z_DATA_ERROR", -3, false}
	errZEOF      = &zlibError{"unexpected end of file", "Z_BUF_ERROR", -5, false}
	errZBlock    = &zlibError{"invalid block type", "Z_DATA_ERROR", -3, false}
	errZData     = &zlibError{"incorrect data check", "Z_DATA_ERROR", -3, false}
	errZLength   = &zlibError{"incorrect length check", "Z_DATA_ERROR", -3, false}
	errZNeedDict = &zlibError{"Missing dictionary", "Z_NEED_DICT", 2, false}
	errZBadDict  = &zlibError{"Bad dictionary", "Z_DATA_ERROR", -3, false}
	errZWindow   = &zlibError{"invalid window size", "Z_DATA_ERROR", -3, false}
	errZLimit    = &zlibError{"Memory limit exceeded", "ERR_BUFFER_TOO_LARGE", -1, true}
	errBrEOF     = &zlibError{"Unexpected end of file", "ERR_BROTLI_DECOMPRESSION_FAILED", -1, false}
	errBrData    = &zlibError{"Compression failed", "ERR_BROTLI_DECOMPRESSION_FAILED", -1, false}
)

// zlibProcess runs one whole input through the codec opts.mode names. On
// failure it returns what was decoded before the error, too.
func zlibProcess(opts zlibOpts, in []byte) ([]byte, error) {
	switch opts.mode {
	case "inflate":
		return inflateZlib(opts, bytes.NewReader(in))
	case "gunzip":
		return gunzipAll(opts, in)
	case "unzip":
		if len(in) >= 2 && in[0] == 0x1f && in[1] == 0x8b {
			return gunzipAll(opts, in)
		}
		return inflateZlib(opts, bytes.NewReader(in))
	case "inflateRaw":
		return readLimited(opts, flate.NewReaderDict(bytes.NewReader(in), opts.dictionary), flateErr)
	case "brotliDecode":
		return readLimited(opts, brotli.NewReader(bytes.NewReader(in)), brotliErr)
	}
	c, err := newZlibCompressor(opts)
	if err != nil {
		return nil, err
	}
	return c.write(in, zFinish)
}

// readLimited reads r to its end, at most opts.maxOutput bytes, mapping
// its errors with mapErr.
func readLimited(opts zlibOpts, r io.Reader, mapErr func(error, bool) error) ([]byte, error) {
	var out bytes.Buffer
	n, err := io.Copy(&out, io.LimitReader(r, int64(opts.maxOutput)+1))
	if n > int64(opts.maxOutput) {
		return nil, errZLimit
	}
	if err != nil {
		return out.Bytes(), mapErr(err, opts.syncFinish)
	}
	return out.Bytes(), nil
}

// flateErr maps compress/flate's errors to zlib's.
func flateErr(err error, syncFinish bool) error {
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		if syncFinish {
			return nil
		}
		return errZEOF
	case errors.As(err, new(flate.CorruptInputError)):
		return errZBlock
	}
	return err
}

// brotliErr maps the brotli decoder's errors to workerd's.
func brotliErr(err error, syncFinish bool) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		if syncFinish {
			return nil
		}
		return errBrEOF
	}
	return errBrData
}

// inflateZlib decodes one zlib stream; bytes after it are ignored, as
// zlib does.
func inflateZlib(opts zlibOpts, r *bytes.Reader) ([]byte, error) {
	var hdr [2]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, flateErr(err, opts.syncFinish)
	}
	if hdr[0]&0x0f != 8 || hdr[0]>>4 > 7 || (uint(hdr[0])<<8|uint(hdr[1]))%31 != 0 {
		return nil, errZHeader
	}
	if opts.windowBits != 0 && int(hdr[0]>>4)+8 > opts.windowBits {
		return nil, errZWindow
	}
	if hdr[1]&0x20 != 0 {
		var id [4]byte
		if _, err := io.ReadFull(r, id[:]); err != nil {
			return nil, flateErr(err, opts.syncFinish)
		}
		if opts.dictionary == nil {
			return nil, errZNeedDict
		}
		if binary.BigEndian.Uint32(id[:]) != adler32.Checksum(opts.dictionary) {
			return nil, errZBadDict
		}
	}
	out, err := readLimited(opts, flate.NewReaderDict(r, opts.dictionary), flateErr)
	if err != nil || len(out) == 0 && r.Len() == 0 && opts.syncFinish {
		return out, err
	}
	var sum [4]byte
	if _, err := io.ReadFull(r, sum[:]); err != nil {
		return out, flateErr(err, opts.syncFinish)
	}
	if binary.BigEndian.Uint32(sum[:]) != adler32.Checksum(out) {
		return out, errZData
	}
	return out, nil
}

// gunzipAll decodes gzip members one after another, as zlib's gunzip
// does; a zero byte where a member would start ends the input.
func gunzipAll(opts zlibOpts, in []byte) ([]byte, error) {
	var all []byte
	r := bytes.NewReader(in)
	for first := true; first || r.Len() > 0; first = false {
		if !first {
			b, _ := r.ReadByte()
			_ = r.UnreadByte()
			if b == 0 {
				break
			}
		}
		out, err := gunzipMember(opts, r)
		all = append(all, out...)
		if err != nil {
			return all, err
		}
		if len(all) > opts.maxOutput {
			return nil, errZLimit
		}
	}
	return all, nil
}

// gunzipMember decodes one gzip member from r.
func gunzipMember(opts zlibOpts, r *bytes.Reader) ([]byte, error) {
	if r.Len() >= 2 {
		if b, _ := r.ReadByte(); b != 0x1f {
			return nil, errZHeader
		}
		if b, _ := r.ReadByte(); b != 0x8b {
			return nil, errZHeader
		}
		_, _ = r.Seek(-2, io.SeekCurrent)
	}
	if err := skipGzipHeader(r); err != nil {
		return nil, flateErr(err, opts.syncFinish)
	}
	out, err := readLimited(opts, flate.NewReader(r), flateErr)
	if err != nil || r.Len() == 0 && opts.syncFinish {
		return out, err
	}
	var trailer [8]byte
	if _, err := io.ReadFull(r, trailer[:]); err != nil {
		return out, flateErr(err, opts.syncFinish)
	}
	if binary.LittleEndian.Uint32(trailer[:4]) != crc32.ChecksumIEEE(out) {
		return out, errZData
	}
	if binary.LittleEndian.Uint32(trailer[4:]) != uint32(len(out)) {
		return out, errZLength
	}
	return out, nil
}

// skipGzipHeader reads a gzip member's header (RFC 1952 section 2.3).
func skipGzipHeader(r *bytes.Reader) error {
	var h [10]byte
	if _, err := io.ReadFull(r, h[:]); err != nil {
		return err
	}
	if h[0] != 0x1f || h[1] != 0x8b || h[2] != 8 {
		return errZHeader
	}
	flg := h[3]
	if flg&0x04 != 0 { // FEXTRA
		var n [2]byte
		if _, err := io.ReadFull(r, n[:]); err != nil {
			return err
		}
		if _, err := io.CopyN(io.Discard, r, int64(binary.LittleEndian.Uint16(n[:]))); err != nil {
			return io.ErrUnexpectedEOF
		}
	}
	for _, bit := range []byte{0x08, 0x10} { // FNAME, FCOMMENT: zero-terminated
		if flg&bit == 0 {
			continue
		}
		for {
			b, err := r.ReadByte()
			if err != nil {
				return io.ErrUnexpectedEOF
			}
			if b == 0 {
				break
			}
		}
	}
	if flg&0x02 != 0 { // FHCRC
		if _, err := io.CopyN(io.Discard, r, 2); err != nil {
			return io.ErrUnexpectedEOF
		}
	}
	return nil
}

// Flush values of zlib's deflate() and BrotliEncoderCompressStream().
const (
	zNoFlush = 0
	zFinish  = 4
)

// zlibCompressor compresses a stream: its write returns the bytes the
// input produced so far.
type zlibCompressor struct {
	opts    zlibOpts
	out     bytes.Buffer
	fw      *flate.Writer
	br      *brotli.Writer
	sum     hash.Hash32
	size    uint32
	started bool
}

// newZlibCompressor makes the compressor for opts.mode.
func newZlibCompressor(opts zlibOpts) (*zlibCompressor, error) {
	c := &zlibCompressor{opts: opts}
	if opts.mode == "brotliEncode" {
		c.br = brotli.NewWriterOptions(&c.out, brotli.WriterOptions{Quality: opts.quality, LGWin: opts.lgwin})
		return c, nil
	}
	level := opts.level
	if opts.strategy == 2 { // Z_HUFFMAN_ONLY
		level = flate.HuffmanOnly
	}
	fw, err := flate.NewWriterDict(&c.out, level, opts.dictionary)
	if err != nil {
		return nil, &zlibError{"invalid compression level", "Z_STREAM_ERROR", -2, false}
	}
	c.fw = fw
	switch opts.mode {
	case "deflate":
		c.sum = adler32.New()
	case "gzip":
		c.sum = crc32.NewIEEE()
	}
	return c, nil
}

// write compresses in; flush is zlib's flush value for the call.
func (c *zlibCompressor) write(in []byte, flush int) ([]byte, error) {
	if !c.started {
		c.started = true
		c.header()
	}
	if c.br != nil {
		_, _ = c.br.Write(in)
		switch {
		case flush == zFinish:
			_ = c.br.Close()
		case flush != zNoFlush:
			_ = c.br.Flush()
		}
		return c.take(), nil
	}
	_, _ = c.fw.Write(in)
	if c.sum != nil {
		_, _ = c.sum.Write(in)
	}
	c.size += uint32(len(in))
	switch {
	case flush == zFinish:
		_ = c.fw.Close()
		c.trailer()
	case flush != zNoFlush:
		_ = c.fw.Flush()
	}
	return c.take(), nil
}

// take returns and forgets the output so far.
func (c *zlibCompressor) take() []byte {
	b := bytes.Clone(c.out.Bytes())
	c.out.Reset()
	return b
}

// header writes the zlib or gzip header, as zlib's deflate() does.
func (c *zlibCompressor) header() {
	o := c.opts
	switch o.mode {
	case "deflate":
		wb := max(o.windowBits, 9)
		cmf := byte((wb-8)<<4 | 8)
		var flevel byte
		switch {
		case o.strategy >= 2 || o.level >= 0 && o.level < 2:
			flevel = 0
		case o.level < 6 && o.level >= 0:
			flevel = 1
		case o.level == 6 || o.level == -1:
			flevel = 2
		default:
			flevel = 3
		}
		flg := flevel << 6
		if o.dictionary != nil {
			flg |= 0x20
		}
		flg += byte(31 - (uint(cmf)<<8|uint(flg))%31)
		c.out.Write([]byte{cmf, flg})
		if o.dictionary != nil {
			c.out.Write(binary.BigEndian.AppendUint32(nil, adler32.Checksum(o.dictionary)))
		}
	case "gzip":
		xfl := byte(0)
		switch {
		case o.level == 9:
			xfl = 2
		case o.strategy >= 2 || o.level >= 0 && o.level < 2:
			xfl = 4
		}
		c.out.Write([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3})
	}
}

// trailer writes the zlib or gzip check values.
func (c *zlibCompressor) trailer() {
	switch c.opts.mode {
	case "deflate":
		c.out.Write(binary.BigEndian.AppendUint32(nil, c.sum.Sum32()))
	case "gzip":
		c.out.Write(binary.LittleEndian.AppendUint32(nil, c.sum.Sum32()))
		c.out.Write(binary.LittleEndian.AppendUint32(nil, c.size))
	}
}
