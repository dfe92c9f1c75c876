package bindings

import (
	"net/http"
	"testing"
	"time"
)

func TestCacheLifetime(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	date := now.Format(http.TimeFormat)
	for _, tc := range []struct {
		name   string
		status int
		header [][2]string
		ttl    time.Duration
		stored bool
	}{
		{"max-age", 200, [][2]string{{"cache-control", "max-age=60"}}, time.Minute, true},
		{"s-maxage wins", 200, [][2]string{{"cache-control", "max-age=60, s-maxage=10"}}, 10 * time.Second, true},
		{"no-store", 200, [][2]string{{"cache-control", "no-store, max-age=60"}}, 0, false},
		{"private", 200, [][2]string{{"cache-control", "private, max-age=60"}}, 0, false},
		{"no-cache", 200, [][2]string{{"cache-control", "no-cache, max-age=60"}}, 0, false},
		{"set-cookie", 200, [][2]string{{"cache-control", "max-age=60"}, {"set-cookie", "a=1"}}, 0, false},
		{"private=set-cookie", 200, [][2]string{{"cache-control", `max-age=60, private="Set-Cookie"`}, {"set-cookie", "a=1"}}, time.Minute, true},
		{"expires", 200, [][2]string{{"date", date}, {"expires", now.Add(time.Hour).Format(http.TimeFormat)}}, time.Hour, true},
		{"expires in the past", 200, [][2]string{{"date", date}, {"expires", now.Add(-time.Hour).Format(http.TimeFormat)}}, 0, false},
		{"heuristic", 200, [][2]string{{"date", date}, {"last-modified", now.Add(-10 * time.Hour).Format(http.TimeFormat)}}, time.Hour, true},
		{"no freshness", 200, nil, 0, false},
		{"500", 500, [][2]string{{"cache-control", "max-age=60"}}, 0, false},
		{"404", 404, [][2]string{{"cache-control", "max-age=60"}}, time.Minute, true},
	} {
		var cs cacheStore
		stored := cs.put("c", "https://x/", &cacheEntry{status: tc.status, header: tc.header}, now)
		if stored != tc.stored {
			t.Errorf("%s: stored %v, want %v", tc.name, stored, tc.stored)
			continue
		}
		if !stored {
			continue
		}
		if e := cs.get("c", "https://x/", now.Add(tc.ttl-time.Second)); e == nil {
			t.Errorf("%s: gone before its lifetime %v ended", tc.name, tc.ttl)
		}
		if e := cs.get("c", "https://x/", now.Add(tc.ttl)); e != nil {
			t.Errorf("%s: still there after its lifetime %v", tc.name, tc.ttl)
		}
	}
}

func TestCacheMatchResponse(t *testing.T) {
	t.Parallel()
	e := &cacheEntry{status: 200, body: []byte("0123456789"), header: [][2]string{{"etag", `W/"v1"`}, {"last-modified", "Mon, 02 Nov 2026 10:00:00 GMT"}}}
	for _, tc := range []struct {
		name   string
		req    [][2]string
		status int
		body   string
		extra  string
	}{
		{"plain", nil, 200, "0123456789", ""},
		{"if-none-match", [][2]string{{"if-none-match", `"v0", "v1"`}}, 304, "", ""},
		{"if-none-match other", [][2]string{{"if-none-match", `"v2"`}}, 200, "0123456789", ""},
		{"if-none-match *", [][2]string{{"if-none-match", "*"}}, 304, "", ""},
		{"if-modified-since", [][2]string{{"if-modified-since", "Tue, 03 Nov 2026 10:00:00 GMT"}}, 304, "", ""},
		{"if-modified-since earlier", [][2]string{{"if-modified-since", "Sun, 01 Nov 2026 10:00:00 GMT"}}, 200, "0123456789", ""},
		{"range", [][2]string{{"range", "bytes=2-4"}}, 206, "234", "bytes 2-4/10"},
		{"open range", [][2]string{{"range", "bytes=7-"}}, 206, "789", "bytes 7-9/10"},
		{"suffix range", [][2]string{{"range", "bytes=-2"}}, 206, "89", "bytes 8-9/10"},
		{"unsatisfiable", [][2]string{{"range", "bytes=20-30"}}, 416, "", "bytes */10"},
		{"several ranges", [][2]string{{"range", "bytes=0-1,3-4"}}, 200, "0123456789", ""},
	} {
		got := matchResponse(e, tc.req)
		cr := ""
		if v := headerValues(got.header, "content-range"); len(v) > 0 {
			cr = v[0]
		}
		if got.status != tc.status || string(got.body) != tc.body || cr != tc.extra {
			t.Errorf("%s: got %d %q %q, want %d %q %q", tc.name, got.status, got.body, cr, tc.status, tc.body, tc.extra)
		}
		if got.status != 416 && len(headerValues(got.header, "cf-cache-status")) != 1 {
			t.Errorf("%s: no CF-Cache-Status", tc.name)
		}
	}
}
