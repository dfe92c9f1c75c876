package httpguard

// Reading a request head with the rules of workerd's HTTP parser (RFC 9112
// section 3 and 5, as strict as workerd is and no stricter).

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
)

// head is a request head as workerd reads it.
type head struct {
	method  string
	target  string      // as sent
	version string      // "HTTP/1.0" or "HTTP/1.1"
	fields  [][2]string // in order: names as sent, values without surrounding blanks
	size    int         // bytes of the head, leading blank lines and the final one included

	chunked    bool  // the body is chunked
	length     int64 // the Content-Length otherwise (0 when none)
	hasLength  bool  // a Content-Length came
	closeAfter bool  // Content-Length and Transfer-Encoding both came
	te         string
}

// parseHead reads the request head at the start of b. It returns the head
// once b holds all of it, the Rejection workerd answers a malformed one
// with, or neither while more bytes are needed. A whole head comes back
// with its rejection, if any (a rejection that keeps the connection skips
// the body it frames).
func parseHead(b []byte) (*head, *Rejection) {
	h := &head{}
	p := skipBlankLines(b)
	p, rej := h.parseRequestLine(b, p)
	if rej != nil || p < 0 {
		return nil, rej
	}
	for {
		end, ok := blankLine(b, p)
		if ok {
			h.size = end
			break
		}
		if end < 0 {
			return nil, nil
		}
		var name, value string
		if p, name, value, rej = parseField(b, p); rej != nil || p < 0 {
			return nil, rej
		}
		if len(h.fields) == MaxHeaders {
			return nil, errHeadTooLarge
		}
		h.fields = append(h.fields, [2]string{name, value})
	}
	return h, h.check()
}

// skipBlankLines skips the empty lines a client may send before the
// request line (RFC 9112 section 2.2).
func skipBlankLines(b []byte) int {
	p := 0
	for {
		switch {
		case p < len(b) && b[p] == '\n':
			p++
		case p+1 < len(b) && b[p] == '\r' && b[p+1] == '\n':
			p += 2
		default:
			return p
		}
	}
}

// blankLine reports whether the line at p is the empty line ending the
// head, and where it ends; end is -1 when b stops before that is known.
func blankLine(b []byte, p int) (end int, ok bool) {
	end, ok = lineEnd(b, p)
	if !ok && end >= 0 {
		return p, false // no line end here, or a CR not followed by LF; parseField rejects it
	}
	return end, ok
}

// parseRequestLine reads "method SP target SP version EOL" and returns
// where the headers start, or -1 when b stops first.
func (h *head) parseRequestLine(b []byte, p int) (int, *Rejection) {
	i := p
	for i < len(b) && isTokenByte(b[i]) {
		i++
	}
	switch {
	case i == len(b):
		return -1, nil
	case b[i] != ' ' || i == p:
		return 0, errMethod
	}
	h.method = string(b[p:i])
	j := i + 1
	for j < len(b) && b[j] > ' ' && b[j] != 0x7f {
		j++
	}
	switch {
	case j == len(b):
		return -1, nil
	case b[j] != ' ' || j == i+1:
		return 0, errTarget
	}
	h.target = string(b[i+1 : j])
	return h.parseVersion(b, j+1)
}

// parseVersion reads "HTTP/1.0" or "HTTP/1.1" and the end of the line.
func (h *head) parseVersion(b []byte, k int) (int, *Rejection) {
	const prefix = "HTTP/1."
	rest := b[k:]
	if n := min(len(rest), len(prefix)); !bytes.Equal(rest[:n], []byte(prefix)[:n]) {
		return 0, errVersion
	}
	if len(rest) <= len(prefix) {
		return -1, nil
	}
	if minor := rest[len(prefix)]; minor != '0' && minor != '1' {
		return 0, errVersion
	}
	h.version = string(rest[:len(prefix)+1])
	end, ok := lineEnd(b, k+len(prefix)+1)
	switch {
	case end < 0:
		return -1, nil
	case !ok:
		return 0, errHeader
	}
	return end, nil
}

// lineEnd reports whether a line ends (CRLF or LF) at p, and where the
// next line starts; -1 when b stops before that is known.
func lineEnd(b []byte, p int) (int, bool) {
	switch {
	case p >= len(b):
		return -1, false
	case b[p] == '\n':
		return p + 1, true
	case b[p] != '\r':
		return p, false
	case p+1 >= len(b):
		return -1, false
	}
	return p + 2, b[p+1] == '\n'
}

// parseField reads one "name: value" line. A line starting with a blank
// (obs-fold, RFC 9112 section 5.2) is refused, as is a blank before the
// colon, a NUL, or a CR not ending the line.
func parseField(b []byte, p int) (next int, name, value string, rej *Rejection) {
	i := p
	for i < len(b) && isTokenByte(b[i]) {
		i++
	}
	switch {
	case i == len(b):
		return -1, "", "", nil
	case b[i] != ':' || i == p:
		return 0, "", "", errHeader
	}
	v := i + 1
	for v < len(b) && (b[v] == ' ' || b[v] == '\t') {
		v++
	}
	e := v
	for e < len(b) && b[e] != '\r' && b[e] != '\n' && b[e] != 0 {
		e++
	}
	end, ok := lineEnd(b, e)
	switch {
	case end < 0:
		return -1, "", "", nil
	case !ok:
		return 0, "", "", errHeader
	}
	return end, string(b[p:i]), string(bytes.TrimRight(b[v:e], " \t")), nil
}

// check applies what workerd checks once the parser has the whole head:
// the target, the body's framing, the method and the Host.
func (h *head) check() *Rejection {
	if len(h.target) > MaxTargetBytes {
		return errTargetTooLong
	}
	if !validTarget(h.target) {
		return errTarget
	}
	if rej := h.readFraming(); rej != nil {
		return rej
	}
	if h.method == "CONNECT" {
		return errConnect
	}
	if !knownMethods[h.method] {
		return errUnknownMethod
	}
	return h.checkHost()
}

// framing reads Transfer-Encoding and Content-Length (RFC 9112 section
// 6.3): chunked must be the last coding, and it wins over a Content-Length,
// in which case the connection closes after the response; several
// Content-Lengths must agree.
func (h *head) readFraming() *Rejection {
	var te []string
	length := int64(-1)
	for _, f := range h.fields {
		switch {
		case strings.EqualFold(f[0], "Transfer-Encoding"):
			te = append(te, f[1])
		case strings.EqualFold(f[0], "Content-Length"):
			n, ok := parseLength(f[1])
			if !ok || (length >= 0 && n != length) {
				length = -2
				continue
			}
			if length != -2 {
				length = n
			}
		}
	}
	if te != nil {
		h.te = strings.Join(te, ", ")
		if h.version == "HTTP/1.0" {
			return errTransferOnHTTP1
		}
		codings := strings.Split(h.te, ",")
		if !strings.EqualFold(strings.TrimSpace(codings[len(codings)-1]), "chunked") {
			return errTransferCoding
		}
		h.chunked, h.closeAfter = true, length != -1
		return nil
	}
	if length == -2 {
		return errContentLength
	}
	h.length, h.hasLength = max(length, 0), length >= 0
	return nil
}

// parseLength reads a Content-Length: digits only, no sign, no list.
func parseLength(s string) (int64, bool) {
	if s == "" {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

// checkHost refuses a request without a Host, or with an empty one (400,
// keeping the connection). Any other Host goes to the worker as it came,
// in request.url too, even two of them or one that is no host name.
func (h *head) checkHost() *Rejection {
	if hosts := h.hosts(); len(hosts) == 0 || hosts[0] == "" {
		return errNoHost
	}
	return nil
}

// hosts are the values of the request's Host fields.
func (h *head) hosts() []string {
	var hosts []string
	for _, f := range h.fields {
		if strings.EqualFold(f[0], "Host") {
			hosts = append(hosts, f[1])
		}
	}
	return hosts
}

// host is the request's Host as the worker sees it (several combined).
func (h *head) host() string { return strings.Join(h.hosts(), ", ") }

// forwardHost is the one Host net/http is given: the request's when that
// is a single host name net/http takes, a placeholder otherwise.
func (h *head) forwardHost() string {
	if hosts := h.hosts(); len(hosts) == 1 && validHost(hosts[0]) {
		return hosts[0]
	}
	return "localhost"
}

// validTarget applies workerd's URI rules beyond the parser's: in the path,
// no '<', '>' or '`'; in the query, no '"', '<' or '>'; anything printable
// in a fragment; and bytes above 0x7f only as valid UTF-8.
func validTarget(t string) bool {
	if !utf8.ValidString(t) {
		return false
	}
	part := 0 // 0 path, 1 query, 2 fragment
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case part < 2 && c == '#':
			part = 2
		case part == 0 && c == '?':
			part = 1
		case part == 0 && (c == '<' || c == '>' || c == '`'):
			return false
		case part == 1 && (c == '"' || c == '<' || c == '>'):
			return false
		}
	}
	return true
}

// isTokenByte reports whether c may appear in a method or a header name
// (tchar, RFC 9110 section 5.6.2).
func isTokenByte(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}

// validHost reports whether net/http takes s as a Host header: the bytes of
// a host name, an IP literal and a port, as httpguts.ValidHostHeader allows.
func validHost(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case strings.IndexByte("!$%&'()*+,-.:;=[]_~", c) >= 0:
		default:
			return false
		}
	}
	return true
}
