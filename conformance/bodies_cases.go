package conformance

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"regexp"
	"strings"
)

// bodiesCases cover form bodies (a multipart upload from a real client,
// FormData as a response body, formData()'s parsing and errors) and the
// small globals (workers/bodies.js).
var bodiesCases = []Case{
	{Name: "bodies_multipart_upload", Script: "workers/bodies.js", Run: func(s *Session) {
		body, contentType := uploadBody()
		postReport(s, "/upload", contentType, body)
		postReport(s, "/upload", "application/x-www-form-urlencoded", "name=Ada+Lovelace&lang=%F0%9F%90%8D&empty=")
		postReport(s, "/upload", "text/plain", "a=1")
	}},
	{Name: "bodies_multipart_upload_files_as_strings", Script: "workers/bodies.js", CompatibilityDate: "2021-11-01", Run: func(s *Session) {
		body, contentType := uploadBody()
		postReport(s, "/upload", contentType, body)
	}},
	{Name: "bodies_formdata_response", Script: "workers/bodies.js", Run: func(s *Session) {
		fetchMultipart(s, "/formdata-response")
		s.Fetch("GET", "/formdata-request", nil, "")
	}},
	{Name: "bodies_formdata_parsing", Script: "workers/bodies.js", Run: func(s *Session) {
		fetchReport(s, "/parsing")
	}},
	{Name: "bodies_formdata_api", Script: "workers/bodies.js", Run: func(s *Session) {
		fetchReport(s, "/formdata")
	}},
	{Name: "bodies_performance_timeline", Script: "workers/bodies.js", Run: func(s *Session) {
		fetchReport(s, "/performance")
	}},
	{Name: "bodies_message_channel", Script: "workers/bodies.js", Run: func(s *Session) {
		fetchReport(s, "/message-channel")
	}},
	{Name: "bodies_caches", Script: "workers/bodies.js", Run: func(s *Session) {
		fetchReport(s, "/caches")
	}, Differs: []Difference{
		{Workerd: "  | put: Error: No Cache was configured", Workerhost: "  | put: undefined", Why: noCacheService},
		{Workerd: "  | match: Error: No Cache was configured", Workerhost: `  | match: [200,"hello","HIT"]`, Why: noCacheService},
		{Workerd: "  | delete: Error: No Cache was configured", Workerhost: "  | delete: true", Why: noCacheService},
	}},
	{Name: "bodies_globals", Script: "workers/bodies.js", Run: func(s *Session) {
		fetchReport(s, "/globals")
	}, Differs: []Difference{{
		Workerd:    `  | request.cf keys: ["clientIp"]`,
		Workerhost: `  | request.cf keys: ["asn","asOrganization","city","clientTcpRtt","colo","continent","country","edgeRequestKeepAliveStatus","httpProtocol","latitude","longitude","metroCode","postalCode","region","regionCode","requestPriority","timezone","tlsCipher","tlsVersion","tlsClientAuth"]`,
		Why:        "plain workerd gives only the client's address; workerhost gives a local stand-in of the object Cloudflare (and wrangler dev) gives, so code reading cf.country or cf.colo runs",
	}}},
}

// postReport POSTs body to path and records the status and the body one
// line at a time, as fetchReport does.
func postReport(s *Session, path, contentType, body string) {
	_, data := s.fetch("POST", path, map[string]string{"Content-Type": contentType}, body, nil)
	if data == nil {
		return
	}
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		s.Record("  | %s", line)
	}
}

// noCacheService says why the cache's storage differs: plain workerd is run
// without a cache service, wrangler dev gives it one, and workerhost has an
// in-memory cache as wrangler dev does.
const noCacheService = "plain workerd has no cache service; workerhost keeps an in-memory cache, as wrangler dev's workerd has one"

// uploadBody is a multipart/form-data body as Go's client writes one: a
// text field, two files (one with a type, one without) and an empty file.
func uploadBody() (body, contentType string) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	if err := w.SetBoundary("conformance-upload-boundary"); err != nil {
		panic(err)
	}
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	must(w.WriteField("title", "My \"holiday\" photos\r\nline two"))
	fw, err := w.CreateFormFile("photo", "beach.png")
	must(err)
	_, err = fw.Write(append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0, 1, 2, 3}, 1000)...))
	must(err)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", `form-data; name="notes"; filename="notes.txt"`)
	h.Set("Content-Type", "text/plain; charset=utf-8")
	pw, err := w.CreatePart(h)
	must(err)
	_, err = pw.Write([]byte("first line\nsecond line, é\n"))
	must(err)
	_, err = w.CreateFormFile("empty", "empty.bin")
	must(err)
	must(w.WriteField("title", "second value"))
	must(w.Close())
	return buf.String(), w.FormDataContentType()
}

// multipartBoundary is the shape of the boundary workerd generates.
var multipartBoundary = regexp.MustCompile(`^multipart/form-data; boundary=([0-9a-f]{32})$`)

// fetchMultipart GETs path, whose response is a FormData, and records the
// status, the Content-Type's shape and the body with the (random) boundary
// replaced by <boundary>.
func fetchMultipart(s *Session, path string) {
	ctx, cancel := context.WithTimeout(context.Background(), fetchTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "GET", s.URL(path), nil)
	if err != nil {
		s.t.Fatalf("failed to build request: %v", err)
	}
	resp, err := s.client.Do(req)
	if err != nil {
		s.Record("GET %s -> error", path)
		return
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		s.Record("GET %s -> %s (body read failed)", path, resp.Status)
		return
	}
	s.Record("GET %s -> %s", path, resp.Status)
	m := multipartBoundary.FindStringSubmatch(resp.Header.Get("Content-Type"))
	if m == nil {
		s.Record("  content-type: %s (not multipart/form-data with a 32-hex-digit boundary)", resp.Header.Get("Content-Type"))
		s.Record("  body: %q", data)
		return
	}
	s.Record("  content-type: multipart/form-data; boundary=<32 hex digits>")
	s.Record("  body: %q", strings.ReplaceAll(string(data), m[1], "<boundary>"))
	// The body must also parse back with Go's reader.
	r := multipart.NewReader(bytes.NewReader(data), m[1])
	for {
		p, err := r.NextPart()
		if err != nil {
			if err != io.EOF {
				s.Record("  Go's reader: %v", err)
			}
			return
		}
		b, _ := io.ReadAll(p)
		s.Record("  part %q filename %q type %q: %d bytes", p.FormName(), p.FileName(), p.Header.Get("Content-Type"), len(b))
	}
}
