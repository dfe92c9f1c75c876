package host

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"workerhost/jsruntime"
)

// errorPage is the development error page for a request whose handler
// threw, in the spirit of wrangler dev's: the message and the
// source-mapped stack.
var errorPage = template.Must(template.New("error").Parse(`<!doctype html>
<meta charset="utf-8">
<title>{{.Message}}</title>
<style>
  body { font: 15px system-ui, sans-serif; margin: 2rem; color: #222; }
  h1 { font-size: 1.3rem; color: #b00020; }
  pre { background: #f6f6f6; padding: 1rem; overflow: auto; }
  p { color: #666; }
</style>
<h1>{{.Message}}</h1>
<pre>{{.Stack}}</pre>
<p>{{.Method}} {{.URL}} — the worker threw while handling this request. This page is shown by
workerhost dev; deployed workers and workerd answer with a bare 500.</p>
`))

// writeErrorPage answers a failed request with the error: an HTML page for
// a browser, the stack as text otherwise.
func writeErrorPage(w http.ResponseWriter, r *http.Request, status int, err error) {
	stack, message := jsruntime.FormatError(err), jsruntime.ErrorMessage(err)
	h := w.Header()
	h["Date"] = nil
	if strings.Contains(r.Header.Get("Accept"), "text/html") {
		h.Set("Content-Type", "text/html;charset=UTF-8")
		w.WriteHeader(status)
		_ = errorPage.Execute(w, map[string]string{"Message": message, "Stack": stack, "Method": r.Method, "URL": r.URL.String()})
		return
	}
	body := stack + "\n"
	h.Set("Content-Type", "text/plain;charset=UTF-8")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}
