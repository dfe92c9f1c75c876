package outbound

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"syscall"
	"testing"
)

func TestDoReportsWhyAFetchFailed(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasPrefix(r.URL.Path, "/loop"):
			http.Redirect(w, r, r.URL.Path+"x", http.StatusFound)
		case r.URL.Path == "/bad-location":
			w.Header().Set("Location", "http://[::1")
			w.WriteHeader(http.StatusFound)
		default:
			_, _ = io.WriteString(w, "body")
		}
	}))
	t.Cleanup(srv.Close)
	closed := closedPort(t)
	ctx := context.Background()

	_, err := Do(ctx, Request{Method: "GET", URL: srv.URL + "/loop"})
	var tooMany *TooManyRedirectsError
	if !errors.As(err, &tooMany) || len(tooMany.URLs) != MaxRedirects+1 || tooMany.URLs[0] != srv.URL+"/loop" {
		t.Errorf("endless redirect: got %v", err)
	} else if !strings.HasPrefix(err.Error(), "Too many redirects."+srv.URL+"/loop, ") {
		t.Errorf("endless redirect message: %q", err)
	}

	_, err = Do(ctx, Request{Method: "GET", URL: srv.URL + "/bad-location"})
	var badLocation *InvalidLocationError
	if !errors.As(err, &badLocation) || err.Error() != "Invalid Location header; unable to follow redirect." {
		t.Errorf("bad location: got %v", err)
	}

	res, err := Do(ctx, Request{Method: "GET", URL: srv.URL + "/bad-location", Manual: true})
	if err != nil || res.Status != http.StatusFound || res.Redirected {
		t.Fatalf("bad location, manual: got %+v, %v", res, err)
	}
	res.Release()

	_, err = Do(ctx, Request{Method: "GET", URL: "http://" + closed + "/"})
	var netErr *NetworkError
	if !errors.As(err, &netErr) || err.Error() != "Network connection lost." {
		t.Fatalf("closed port: got %v", err)
	}
	if !errors.Is(err, syscall.ECONNREFUSED) || !errors.Is(err, ErrNetwork) {
		t.Errorf("closed port: the cause is lost: %v", netErr.Cause)
	}
}

func TestDoStreamsTheBody(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/redirect" {
			http.Redirect(w, r, "/target", http.StatusMovedPermanently)
			return
		}
		w.Header().Set("X-Seen", r.Header.Get("X-Sent"))
		body, _ := io.ReadAll(r.Body)
		_, _ = w.Write(append([]byte(r.Method+" "+r.URL.Path+" "), body...))
	}))
	t.Cleanup(srv.Close)
	res, err := Do(context.Background(), Request{Method: "POST", URL: srv.URL + "/a", Header: [][2]string{{"x-sent", "v"}}, Body: []byte("hi")})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(res.Stream)
	res.Release()
	if string(got) != "POST /a hi" || res.Status != 200 || res.StatusText != "OK" {
		t.Errorf("got %d %q %q", res.Status, res.StatusText, got)
	}
	if !hasHeader(res.Header, "x-seen", "v") {
		t.Errorf("headers: %v", res.Header)
	}
	res, err = Do(context.Background(), Request{Method: "GET", URL: srv.URL + "/redirect"})
	if err != nil {
		t.Fatal(err)
	}
	res.Release()
	if !res.Redirected || res.URL != srv.URL+"/target" {
		t.Errorf("redirect: %+v", res)
	}
}

func hasHeader(list [][2]string, name, value string) bool {
	for _, kv := range list {
		if kv[0] == name && kv[1] == value {
			return true
		}
	}
	return false
}

// closedPort returns a loopback address nothing listens on.
func closedPort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}
