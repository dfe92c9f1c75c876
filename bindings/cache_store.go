package bindings

// The storage behind caches (cache.go): in memory, shared by the realms
// given the same CacheStore (Options.Caches), with the
// rules wrangler dev's cache follows (miniflare's, on the
// http-cache-semantics package as a shared cache), written here from
// RFC 9111 and Cloudflare's documentation of the Cache API:
//   - a response is stored only when a shared cache may store it: a status
//     HTTP understands, no "no-store" or "private", no Set-Cookie (unless
//     "private=Set-Cookie", which drops the header), and a freshness
//     lifetime above zero ("s-maxage", else "max-age", else Expires minus
//     Date, else for a status cacheable by default with Last-Modified a
//     tenth of its age; "no-cache" means zero);
//   - it is served until that lifetime ends, keyed by URL alone: Vary other
//     than "*" (which put refuses) does not split entries, as in miniflare;
//   - a match honours If-None-Match (weak comparison) and
//     If-Modified-Since with 304, and a single byte range with 206 (416
//     when it cannot be satisfied; several ranges get the whole body, where
//     miniflare answers multipart), and adds "CF-Cache-Status: HIT".

import (
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// cacheEntry is one stored response.
type cacheEntry struct {
	status     int
	statusText string
	header     [][2]string
	body       []byte
	expires    time.Time
}

// CacheStore holds the caches of caches.default and caches.open by name,
// then by URL, as plain Go data. One store may serve several realms (the
// isolates of a server, and the versions a reload makes), as wrangler dev
// has one cache; it is safe for concurrent use. Its zero value is empty
// and ready.
type CacheStore struct {
	mu     sync.Mutex
	caches map[string]map[string]*cacheEntry
}

// NewCacheStore returns an empty store.
func NewCacheStore() *CacheStore { return &CacheStore{} }

// cacheStore is the realm's name for it.
type cacheStore = CacheStore

// understoodStatuses are the statuses a shared cache may store when the
// response says how long it is fresh (RFC 9111 section 3).
var understoodStatuses = map[int]bool{200: true, 203: true, 204: true, 300: true, 301: true, 302: true, 303: true, 307: true, 308: true, 404: true, 405: true, 410: true, 414: true, 501: true}

// heuristicStatuses are cacheable by default (RFC 9110 section 15.1).
var heuristicStatuses = map[int]bool{200: true, 203: true, 204: true, 300: true, 301: true, 308: true, 404: true, 405: true, 410: true, 414: true, 501: true}

// put stores e under name and url if it may be stored; it reports whether
// it was.
func (cs *cacheStore) put(name, url string, e *cacheEntry, now time.Time) bool {
	ttl, header, ok := cacheLifetime(e.status, e.header, now)
	if !ok || ttl <= 0 {
		return false
	}
	cs.mu.Lock()
	defer cs.mu.Unlock()
	e.header = header
	e.expires = now.Add(ttl)
	if cs.caches == nil {
		cs.caches = make(map[string]map[string]*cacheEntry)
	}
	c := cs.caches[name]
	if c == nil {
		c = make(map[string]*cacheEntry)
		cs.caches[name] = c
	}
	c[url] = e
	return true
}

// get returns the fresh entry for url, dropping a stale one. The entry is
// never changed once stored, so it may be read without the lock.
func (cs *cacheStore) get(name, url string, now time.Time) *cacheEntry {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	return cs.getLocked(name, url, now)
}

// getLocked is get with cs.mu held.
func (cs *cacheStore) getLocked(name, url string, now time.Time) *cacheEntry {
	e := cs.caches[name][url]
	if e == nil {
		return nil
	}
	if !now.Before(e.expires) {
		delete(cs.caches[name], url)
		return nil
	}
	return e
}

// remove deletes the entry for url and reports whether there was a fresh
// one.
func (cs *cacheStore) remove(name, url string, now time.Time) bool {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if cs.getLocked(name, url, now) == nil {
		return false
	}
	delete(cs.caches[name], url)
	return true
}

// cacheLifetime is how long a response may be served from a shared cache,
// with the headers to store; ok is false when it may not be stored.
func cacheLifetime(status int, header [][2]string, now time.Time) (ttl time.Duration, kept [][2]string, ok bool) {
	if !understoodStatuses[status] {
		return 0, nil, false
	}
	dirs := cacheControl(headerValues(header, "cache-control"))
	if _, noStore := dirs["no-store"]; noStore {
		return 0, nil, false
	}
	if private, has := dirs["private"]; has {
		if !strings.Contains(strings.ToLower(private), "set-cookie") {
			return 0, nil, false
		}
		header = withoutHeader(header, "set-cookie")
	}
	if len(headerValues(header, "set-cookie")) > 0 {
		return 0, nil, false
	}
	if _, noCache := dirs["no-cache"]; noCache {
		return 0, header, true
	}
	for _, d := range []string{"s-maxage", "max-age"} {
		if v, has := dirs[d]; has {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				return 0, header, true
			}
			return time.Duration(n) * time.Second, header, true
		}
	}
	date := now
	if ds := headerValues(header, "date"); len(ds) > 0 {
		if t, err := http.ParseTime(ds[0]); err == nil {
			date = t
		}
	}
	if es := headerValues(header, "expires"); len(es) > 0 {
		t, err := http.ParseTime(es[0])
		if err != nil {
			return 0, header, true
		}
		return t.Sub(date), header, true
	}
	if lm := headerValues(header, "last-modified"); len(lm) > 0 && heuristicStatuses[status] {
		if t, err := http.ParseTime(lm[0]); err == nil && t.Before(date) {
			return date.Sub(t) / 10, header, true
		}
	}
	return 0, header, true
}

// cacheControl parses Cache-Control directives: lower-cased names, values
// unquoted.
func cacheControl(values []string) map[string]string {
	dirs := make(map[string]string)
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			name, value, _ := strings.Cut(strings.TrimSpace(part), "=")
			if name == "" {
				continue
			}
			dirs[strings.ToLower(name)] = strings.Trim(strings.TrimSpace(value), `"`)
		}
	}
	return dirs
}

// headerValues returns the values of name (lower case) in h.
func headerValues(h [][2]string, name string) []string {
	var out []string
	for _, kv := range h {
		if kv[0] == name {
			out = append(out, kv[1])
		}
	}
	return out
}

// withoutHeader returns h without name (lower case).
func withoutHeader(h [][2]string, name string) [][2]string {
	out := make([][2]string, 0, len(h))
	for _, kv := range h {
		if kv[0] != name {
			out = append(out, kv)
		}
	}
	return out
}

// matchResponse is what a match gives for e and the request's headers:
// 304 for a satisfied condition, 206 or 416 for a range, else e whole.
func matchResponse(e *cacheEntry, req [][2]string) *cacheEntry {
	header := append(append([][2]string(nil), e.header...), [2]string{"cf-cache-status", "HIT"})
	out := &cacheEntry{status: e.status, statusText: e.statusText, header: header, body: e.body}
	if notModified(e, req) {
		return &cacheEntry{status: 304, statusText: "Not Modified", header: header}
	}
	ranges := headerValues(req, "range")
	if len(ranges) == 0 || strings.Contains(ranges[0], ",") {
		return out // several ranges are answered whole, not as multipart
	}
	size := int64(len(e.body))
	start, end, ok := singleRange(ranges[0], size)
	if !ok {
		return &cacheEntry{status: 416, statusText: "Range Not Satisfiable", header: [][2]string{{"content-range", "bytes */" + strconv.FormatInt(size, 10)}}}
	}
	out.status, out.statusText = 206, "Partial Content"
	out.body = e.body[start : end+1]
	out.header = append(withoutHeader(header, "content-length"),
		[2]string{"content-range", "bytes " + strconv.FormatInt(start, 10) + "-" + strconv.FormatInt(end, 10) + "/" + strconv.FormatInt(size, 10)},
		[2]string{"content-length", strconv.FormatInt(end-start+1, 10)})
	return out
}

// notModified evaluates If-None-Match against the ETag, then
// If-Modified-Since against Last-Modified.
func notModified(e *cacheEntry, req [][2]string) bool {
	if inm := headerValues(req, "if-none-match"); len(inm) > 0 {
		if etags := headerValues(e.header, "etag"); len(etags) > 0 {
			tag := opaqueTag(etags[0])
			if tag != "" {
				if strings.TrimSpace(inm[0]) == "*" {
					return true
				}
				for _, t := range strings.Split(inm[0], ",") {
					if opaqueTag(t) == tag {
						return true
					}
				}
			}
		}
	}
	if ims := headerValues(req, "if-modified-since"); len(ims) > 0 {
		if lm := headerValues(e.header, "last-modified"); len(lm) > 0 {
			since, err1 := http.ParseTime(ims[0])
			modified, err2 := http.ParseTime(lm[0])
			if err1 == nil && err2 == nil && !modified.After(since) {
				return true
			}
		}
	}
	return false
}

// opaqueTag is an entity tag without W/ and quotes, or "" if malformed.
func opaqueTag(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "W/")
	if len(s) < 3 || s[0] != '"' || s[len(s)-1] != '"' {
		return ""
	}
	return s[1 : len(s)-1]
}

// singleRange parses "bytes=a-b", "bytes=a-" or "bytes=-n" against size;
// ok is false for one outside the body.
func singleRange(h string, size int64) (start, end int64, ok bool) {
	spec, found := strings.CutPrefix(strings.TrimSpace(h), "bytes=")
	if !found {
		return 0, 0, false
	}
	a, b, _ := strings.Cut(strings.TrimSpace(spec), "-")
	switch {
	case a == "":
		n, err := strconv.ParseInt(b, 10, 64)
		if err != nil || n <= 0 || size == 0 {
			return 0, 0, false
		}
		return max(size-n, 0), size - 1, true
	default:
		s, err := strconv.ParseInt(a, 10, 64)
		if err != nil || s >= size {
			return 0, 0, false
		}
		e := size - 1
		if b != "" {
			if e, err = strconv.ParseInt(b, 10, 64); err != nil || e < s {
				return 0, 0, false
			}
			e = min(e, size-1)
		}
		return s, e, true
	}
}
