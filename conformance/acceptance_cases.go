package conformance

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"io"
	"mime/multipart"
	"strings"
)

// acceptanceCases run a worker built the way people build API workers
// (scripts/hono-api: hono's JWT middleware, jose, a form upload, a
// server-sent event stream, gzip compression) unmodified, with npm's hono
// and jose (`npm ci` there installs them).
var acceptanceCases = []Case{
	{Name: "hono_api", Script: "../scripts/hono-api/index.ts", Needs: "../scripts/hono-api/node_modules/jose",
		Vars: map[string]string{"JWT_SECRET": "a-secret-that-is-long-enough-for-hs256"}, Run: func(s *Session) {
			// hono's WWW-Authenticate names the request URL as the realm.
			s.redact[strings.TrimPrefix(s.base, "http://")] = "WORKER_HOST"
			resp, data := s.fetch("POST", "/token", map[string]string{"Content-Type": "application/json"}, `{"sub":"ada","role":"admin"}`, nil)
			if data == nil || resp == nil {
				return
			}
			s.Record("  body: %q", data)
			token := ""
			if i := bytes.Index(data, []byte(`"token":"`)); i >= 0 {
				token = strings.SplitN(string(data[i+9:]), `"`, 2)[0]
			}
			tampered := token
			if len(token) > 2 {
				tampered = token[:len(token)-2] + "xx"
			}
			s.Fetch("GET", "/me", map[string]string{"Authorization": "Bearer " + token}, "", "content-type")
			s.Fetch("GET", "/me", map[string]string{"Authorization": "Bearer " + tampered}, "", "www-authenticate")
			s.Fetch("GET", "/me", nil, "", "www-authenticate")
			for _, alg := range []string{"ES256", "ES384", "RS256", "PS256", "EdDSA"} {
				s.Fetch("GET", "/keys/"+alg, nil, "")
			}
			form, contentType := multipartForm(map[string]string{"title": "report", "tags": "a,b"}, "file", "notes.txt", "text/plain", "line one\nline two\n")
			s.Fetch("POST", "/upload", map[string]string{"Content-Type": contentType}, form)
			s.Fetch("POST", "/upload", map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, "name=ada&lang=en%20GB")
			s.Fetch("GET", "/events", nil, "", "content-type", "cache-control")
			gzipped(s, "/report")
		}},
}

// multipartForm encodes fields and one file as multipart/form-data and
// returns the body and its Content-Type.
func multipartForm(fields map[string]string, fileField, fileName, fileType, content string) (string, string) {
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	_ = w.SetBoundary("workerhost-boundary")
	for _, k := range []string{"title", "tags"} {
		if v, ok := fields[k]; ok {
			_ = w.WriteField(k, v)
		}
	}
	h := map[string][]string{
		"Content-Disposition": {`form-data; name="` + fileField + `"; filename="` + fileName + `"`},
		"Content-Type":        {fileType},
	}
	part, _ := w.CreatePart(h)
	_, _ = part.Write([]byte(content))
	_ = w.Close()
	return b.String(), w.FormDataContentType()
}

// gzipped GETs path asking for gzip, records the encoding the response
// came with, how many gzip layers the body has (workerd gzips a body whose
// Content-Encoding is gzip once more, so hono's compress() arrives gzipped
// twice), and the plain body's length and SHA-256. Compressed bytes
// themselves are not compared: Go's deflate and zlib's differ.
func gzipped(s *Session, path string) {
	_, data := s.fetch("GET", path, map[string]string{"Accept-Encoding": "gzip"}, "", []string{"content-encoding", "content-type"})
	if data == nil {
		return
	}
	layers := 0
	for len(data) > 2 && data[0] == 0x1f && data[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			s.Record("  body: broken gzip (%v)", err)
			return
		}
		if data, err = io.ReadAll(zr); err != nil {
			s.Record("  body: broken gzip (%v)", err)
			return
		}
		layers++
	}
	s.Record("  body: %d gzip layers over %d bytes, sha256 %x", layers, len(data), sha256.Sum256(data))
}
