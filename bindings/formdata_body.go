package bindings

// FormData and bodies: formData() parses a body as
// application/x-www-form-urlencoded or multipart/form-data (RFC 7578, with
// Go's mime/multipart), and a FormData given as a body is serialized as
// multipart/form-data, both as workerd does, with workerd's errors.

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"strings"

	"github.com/dop251/goja"

	"workerhost/internal/config"
)

// workerd's TypeErrors for a body formData() cannot parse.
const (
	errFormDataContentType = "Unrecognized Content-Type header value. FormData can only parse the following MIME types: multipart/form-data, application/x-www-form-urlencoded"
	errFormDataNoBoundary  = "No boundary string in Content-Type header. The multipart/form-data MIME type requires a boundary parameter, e.g. 'Content-Type: multipart/form-data; boundary=\"abcd\"'. See RFC 7578, section 4."
	errFormDataNoInitial   = "No initial boundary string (or you have a truncated message)."
	errFormDataNoNext      = "No subsequent boundary string after multipart message."
	errFormDataNoDisp      = "No valid Content-Disposition header found in FormData part."
	errFormDataNoName      = "Content-Disposition header in FormData part is missing a name."
	errFormDataBadHeaders  = "FormData part had invalid headers."
)

// parsedField is one field of a parsed body, in plain Go data.
type parsedField struct {
	name, value string // value is the text of a field that is not a file
	isFile      bool
	filename    string
	typ         string
	data        []byte
}

// bodyFormData is formData() of a body whose bytes are d.
func (rl *Realm) bodyFormData(h bodyHolder, d []byte) goja.Value {
	ct, _ := h.headerState().get("content-type")
	fields, err := parseFormBody(ct, d, rl.opts.Compat.Enabled(config.FlagFormDataParserSupportsFiles))
	if err != nil {
		rl.throwTypeError(err.Error())
	}
	fd := &formData{entries: make([]formEntry, 0, len(fields))}
	now := rl.performanceNow()
	for _, f := range fields {
		v := rl.vm.ToValue(f.value)
		if f.isFile {
			v = rl.newFile(f.data, f.typ, f.filename, now)
		}
		fd.entries = append(fd.entries, formEntry{name: f.name, value: v})
	}
	return rl.formDataClass.instance(fd)
}

// parseFormBody parses body by its Content-Type ct. With files false (no
// formdata_parser_supports_files), a file field's content is its value.
func parseFormBody(ct string, body []byte, files bool) ([]parsedField, error) {
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil && !errors.Is(err, mime.ErrInvalidMediaParameter) {
		return nil, errors.New(errFormDataContentType)
	}
	switch mt {
	case "application/x-www-form-urlencoded":
		return parseFormURLEncoded(body), nil
	case "multipart/form-data":
		boundary := params["boundary"]
		if boundary == "" {
			return nil, errors.New(errFormDataNoBoundary)
		}
		return parseMultipart(body, boundary, files)
	}
	return nil, errors.New(errFormDataContentType)
}

// parseFormURLEncoded is formData()'s application/x-www-form-urlencoded
// parser: '&'-separated, '+' is a space; percent escapes as workerd's
// formData() decodes them (formDecode), which is not how URLSearchParams
// decodes them (url_encoded.go).
func parseFormURLEncoded(body []byte) []parsedField {
	var out []parsedField
	for _, seq := range bytes.Split(body, []byte("&")) {
		if len(seq) == 0 {
			continue
		}
		name, value, _ := bytes.Cut(seq, []byte("="))
		out = append(out, parsedField{name: formDecode(name), value: formDecode(value)})
	}
	return out
}

// formDecode replaces '+' with a space, percent-decodes, and decodes the
// result as UTF-8 with replacement. As in workerd, a '%' takes the one or
// two hex digits that follow it, and is dropped when none do.
func formDecode(b []byte) string {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '+':
			out = append(out, ' ')
		case c == '%':
			var v byte
			n := 0
			for n < 2 && i+1 < len(b) && isHex(b[i+1]) {
				v = v<<4 | unhex(b[i+1])
				i++
				n++
			}
			if n > 0 {
				out = append(out, v)
			}
		default:
			out = append(out, c)
		}
	}
	return replaceInvalidUTF8(out)
}

// parseMultipart reads the parts of a multipart/form-data body. Parts are
// read raw: a Content-Transfer-Encoding is not decoded (RFC 7578 section
// 4.7 deprecates it) and a filename keeps its directories, as in workerd.
func parseMultipart(body []byte, boundary string, files bool) ([]parsedField, error) {
	r := multipart.NewReader(bytes.NewReader(body), boundary)
	var out []parsedField
	for first := true; ; first = false {
		p, err := r.NextRawPart()
		if err == io.EOF && (!first || bytes.Contains(body, []byte("--"+boundary+"--"))) {
			return out, nil
		}
		if err != nil {
			if strings.Contains(err.Error(), "malformed MIME header") {
				return nil, errors.New(errFormDataBadHeaders)
			}
			if first {
				return nil, errors.New(errFormDataNoInitial)
			}
			return nil, errors.New(errFormDataNoNext)
		}
		f, err := readFormPart(p, files)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
}

// readFormPart reads one part: its Content-Disposition names it, and a
// filename parameter makes it a file.
func readFormPart(p *multipart.Part, files bool) (parsedField, error) {
	disp, params, err := mime.ParseMediaType(p.Header.Get("Content-Disposition"))
	if err != nil || disp != "form-data" {
		return parsedField{}, errors.New(errFormDataNoDisp)
	}
	name, ok := params["name"]
	if !ok {
		return parsedField{}, errors.New(errFormDataNoName)
	}
	data, err := io.ReadAll(p)
	if err != nil {
		return parsedField{}, errors.New(errFormDataNoNext)
	}
	filename, hasFile := params["filename"]
	if hasFile && files && filename != "" {
		return parsedField{name: name, isFile: true, filename: filename, typ: p.Header.Get("Content-Type"), data: data}, nil
	}
	return parsedField{name: name, value: replaceInvalidUTF8(data)}, nil
}

// multipartBody serializes fd as workerd does: a boundary of 32 hex
// digits, '"' and LF in names escaped as %22 and %0A, a Blob's type (or
// application/octet-stream) as the part's Content-Type, and no line break
// after the closing boundary.
func (rl *Realm) multipartBody(fd *formData) (body, string) {
	var key [16]byte
	_, _ = rand.Read(key[:])
	boundary := hex.EncodeToString(key[:])
	var buf bytes.Buffer
	for _, e := range fd.entries {
		buf.WriteString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + escapeFormName(e.name) + "\"")
		if f := stateOf[file](rl, e.value); f != nil {
			typ := f.typ
			if typ == "" {
				typ = "application/octet-stream"
			}
			buf.WriteString("; filename=\"" + escapeFormName(f.name) + "\"\r\nContent-Type: " + typ + "\r\n\r\n")
			buf.Write(f.data)
		} else {
			buf.WriteString("\r\n\r\n" + e.value.String())
		}
		buf.WriteString("\r\n")
	}
	buf.WriteString("--" + boundary + "--")
	return body{data: buf.Bytes()}, "multipart/form-data; boundary=" + boundary
}

// formNameEscaper escapes a name or filename in a Content-Disposition.
var formNameEscaper = strings.NewReplacer("\"", "%22", "\n", "%0A")

func escapeFormName(s string) string { return formNameEscaper.Replace(s) }
