package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

const page = "# Errors\n\n| Code | Meaning |\n| --- | --- |\n| 429 | Too many requests |\n"

// server starts an httptest server for h, closed when the test ends.
func server(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// quick are options short enough for tests.
var quick = Options{Timeout: 300 * time.Millisecond, MaxBytes: 64 << 10}

func TestGetOK(t *testing.T) {
	t.Parallel()
	var got http.Header
	srv := server(t, func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Clone()
		w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
		w.Header().Set("ETag", `W/"v1"`)
		w.Header().Set("Last-Modified", "Tue, 03 Mar 2026 10:00:00 GMT")
		fmt.Fprint(w, page)
	})
	res, err := Get(context.Background(), srv.URL+"/errors.md", Validators{}, quick)
	if err != nil {
		t.Fatal(err)
	}
	want := Result{
		URL:        srv.URL + "/errors.md",
		Body:       []byte(page),
		Validators: Validators{ETag: `W/"v1"`, LastModified: "Tue, 03 Mar 2026 10:00:00 GMT"},
	}
	if res.URL != want.URL || string(res.Body) != page || res.NotModified || res.Validators != want.Validators {
		t.Errorf("got %+v, want %+v", *res, want)
	}
	for name, want := range map[string]string{
		"User-Agent":        DefaultUserAgent,
		"Accept":            "text/markdown, text/plain;q=0.9, */*;q=0.1",
		"If-None-Match":     "",
		"If-Modified-Since": "",
	} {
		if v := got.Get(name); v != want {
			t.Errorf("%s sent: %q, want %q", name, v, want)
		}
	}
}

func TestGetUserAgentOption(t *testing.T) {
	t.Parallel()
	srv := server(t, func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, r.UserAgent())
	})
	opts := quick
	opts.UserAgent = "errtable-gen/1.2 (+https://example.com)"
	res, err := Get(context.Background(), srv.URL, Validators{}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if string(res.Body) != opts.UserAgent {
		t.Errorf("User-Agent sent: %q", res.Body)
	}
}

func TestGetTLS(t *testing.T) {
	t.Parallel()
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) }))
	t.Cleanup(srv.Close)
	c := srv.Client()
	opts := quick
	opts.Client = c
	res, err := Get(context.Background(), srv.URL, Validators{}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if string(res.Body) != page {
		t.Errorf("body %q", res.Body)
	}
	if c.CheckRedirect != nil {
		t.Error("Get changed the caller's client")
	}
}

func TestGetConditional(t *testing.T) {
	t.Parallel()
	const etag, lm = `"abc"`, "Mon, 02 Mar 2026 09:00:00 GMT"
	tests := []struct {
		name    string
		prev    Validators
		newETag string // the 304 sends this ETag
		want    Validators
	}{
		{"etag", Validators{ETag: etag}, "", Validators{ETag: etag}},
		{"last-modified", Validators{LastModified: lm}, "", Validators{LastModified: lm}},
		{"both, new etag", Validators{ETag: etag, LastModified: lm}, `"def"`, Validators{ETag: `"def"`, LastModified: lm}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := server(t, func(w http.ResponseWriter, r *http.Request) {
				if r.Header.Get("If-None-Match") != tt.prev.ETag || r.Header.Get("If-Modified-Since") != tt.prev.LastModified {
					t.Errorf("validators sent: %q, %q", r.Header.Get("If-None-Match"), r.Header.Get("If-Modified-Since"))
				}
				if tt.newETag != "" {
					w.Header().Set("ETag", tt.newETag)
				}
				w.WriteHeader(http.StatusNotModified)
			})
			res, err := Get(context.Background(), srv.URL, tt.prev, quick)
			if err != nil {
				t.Fatal(err)
			}
			if !res.NotModified || res.Body != nil || res.Validators != tt.want || res.URL != srv.URL {
				t.Errorf("got %+v, want NotModified with %+v", *res, tt.want)
			}
		})
	}
}

func TestGetDropsBadValidators(t *testing.T) {
	t.Parallel()
	srv := server(t, func(w http.ResponseWriter, r *http.Request) {
		if v := r.Header.Values("If-None-Match"); len(v) > 0 {
			t.Errorf("sent If-None-Match %q", v)
		}
		w.Header().Set("ETag", strings.Repeat("x", maxValidator+1))
		fmt.Fprint(w, page)
	})
	res, err := Get(context.Background(), srv.URL, Validators{ETag: "\"a\"\r\nX-Evil: 1"}, quick)
	if err != nil {
		t.Fatal(err)
	}
	if res.Validators != (Validators{}) {
		t.Errorf("kept validators %+v", res.Validators)
	}
}

// redirector serves /r/N, which redirects to /r/N-1, and /r/0, the page;
// /loop redirects to itself and /ftp to an ftp URL.
func redirector(t *testing.T) *httptest.Server {
	return server(t, func(w http.ResponseWriter, r *http.Request) {
		switch p := r.URL.Path; {
		case p == "/r/0":
			fmt.Fprint(w, page)
		case strings.HasPrefix(p, "/r/"):
			n, _ := strconv.Atoi(strings.TrimPrefix(p, "/r/"))
			http.Redirect(w, r, "/r/"+strconv.Itoa(n-1), http.StatusFound)
		case p == "/loop":
			http.Redirect(w, r, "/loop", http.StatusMovedPermanently)
		case p == "/ftp":
			http.Redirect(w, r, "ftp://docs.example.com/errors.md", http.StatusFound)
		case p == "/creds":
			http.Redirect(w, r, "http://user:hunter2@"+r.Host+"/r/0", http.StatusFound)
		case p == "/nowhere":
			w.WriteHeader(http.StatusFound) // no Location
		}
	})
}

func TestGetRedirects(t *testing.T) {
	t.Parallel()
	srv := redirector(t)
	tests := []struct {
		path    string
		wantURL string   // on success
		wantErr []string // each in the error
	}{
		{path: "/r/0", wantURL: "/r/0"},
		{path: "/r/5", wantURL: "/r/0"},
		{path: "/r/6", wantErr: []string{"stopped after 5 redirects", srv.URL + "/r/6 -> ", srv.URL + "/r/0"}},
		{path: "/loop", wantErr: []string{"stopped after 5 redirects, in a loop", srv.URL + "/loop -> " + srv.URL + "/loop"}},
		{path: "/ftp", wantErr: []string{"refused a redirect to a ftp URL", "ftp://docs.example.com/errors.md"}},
		{path: "/creds", wantErr: []string{"holding credentials", "fetch " + srv.URL + "/creds:"}},
		{path: "/nowhere", wantErr: []string{"302 Found", "no usable Location"}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			t.Parallel()
			res, err := Get(context.Background(), srv.URL+tt.path, Validators{}, quick)
			if tt.wantErr == nil {
				if err != nil {
					t.Fatal(err)
				}
				if res.URL != srv.URL+tt.wantURL || string(res.Body) != page {
					t.Errorf("got %s %q", res.URL, res.Body)
				}
				return
			}
			if err == nil {
				t.Fatalf("no error; got %s", res.URL)
			}
			for _, w := range tt.wantErr {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q\nlacks %q", err, w)
				}
			}
			if strings.Contains(err.Error(), "hunter2") {
				t.Errorf("error %q shows a password", err)
			}
		})
	}
}

func TestGetRedirectDowngrade(t *testing.T) {
	t.Parallel()
	plain := server(t, func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) })
	tls := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, plain.URL+"/errors.md", http.StatusFound)
	}))
	t.Cleanup(tls.Close)
	opts := quick
	opts.Client = tls.Client()
	_, err := Get(context.Background(), tls.URL, Validators{}, opts)
	want := "fetch " + tls.URL + ": refused a redirect from https to plain http: " + tls.URL + " -> " + plain.URL + "/errors.md"
	if err == nil || err.Error() != want {
		t.Errorf("error %v\nwant %s", err, want)
	}
}

func TestGetRedirectedErrorNamesBoth(t *testing.T) {
	t.Parallel()
	srv := server(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/old" {
			http.Redirect(w, r, "/new", http.StatusMovedPermanently)
			return
		}
		http.NotFound(w, r)
	})
	_, err := Get(context.Background(), srv.URL+"/old", Validators{}, quick)
	want := fmt.Sprintf("fetch %s/old (redirected to %s/new): the server answered 404 Not Found; check the URL", srv.URL, srv.URL)
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %q\nwant prefix %q", err, want)
	}
}

func TestGetSlow(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		h    http.HandlerFunc
	}{
		{"no headers", func(w http.ResponseWriter, r *http.Request) {
			<-r.Context().Done()
		}},
		{"trickling body", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/markdown")
			for {
				if _, err := w.Write([]byte("|")); err != nil {
					return
				}
				w.(http.Flusher).Flush()
				select {
				case <-r.Context().Done():
					return
				case <-time.After(20 * time.Millisecond):
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := server(t, tt.h)
			start := time.Now()
			_, err := Get(context.Background(), srv.URL, Validators{}, quick)
			if took := time.Since(start); took > quick.Timeout+30*time.Second { // without the timeout, it would hang
				t.Errorf("took %v with a timeout of %v", took, quick.Timeout)
			}
			if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "no complete answer within 300ms") {
				t.Errorf("error %v, want a timeout", err)
			}
		})
	}
}

func TestGetCanceled(t *testing.T) {
	t.Parallel()
	srv := server(t, func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	_, err := Get(ctx, srv.URL, Validators{}, Options{})
	if !errors.Is(err, context.Canceled) || !strings.HasPrefix(err.Error(), "fetch "+srv.URL) {
		t.Errorf("error %v, want context.Canceled naming the URL", err)
	}
}

func TestGetSizeCap(t *testing.T) {
	t.Parallel()
	chunk := []byte(strings.Repeat("| 500 | x |\n", 100))
	tests := []struct {
		name    string
		h       http.HandlerFunc
		wantErr bool
	}{
		{"endless", func(w http.ResponseWriter, r *http.Request) {
			for {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		}, true},
		{"declared too long", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", strconv.Itoa(int(quick.MaxBytes)+1))
			w.Write(chunk)
		}, true},
		{"one over", func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(strings.Repeat("x", int(quick.MaxBytes)+1)))
		}, true},
		{"exactly the cap", func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(strings.Repeat("x", int(quick.MaxBytes))))
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := server(t, tt.h)
			res, err := Get(context.Background(), srv.URL, Validators{}, quick)
			if !tt.wantErr {
				if err != nil || len(res.Body) != int(quick.MaxBytes) {
					t.Errorf("error %v", err)
				}
				return
			}
			want := fmt.Sprintf("fetch %s: the page is larger than 64 KiB (65536 bytes), the size cap", srv.URL)
			if err == nil || err.Error() != want {
				t.Errorf("error %v\nwant %s", err, want)
			}
		})
	}
}

func TestGetStatus(t *testing.T) {
	t.Parallel()
	tests := []struct {
		status      int
		contentType string
		body        string
		header      map[string]string
		want        string // after "fetch URL: "
	}{
		{404, "text/plain; charset=utf-8", "no such page\n", nil,
			`the server answered 404 Not Found; check the URL; it said "no such page"`},
		{410, "text/html", "<!doctype html><p>gone", nil,
			`the server answered 410 Gone; check the URL`},
		{403, "application/json", `{"error":"forbidden"}`, nil,
			`the server answered 403 Forbidden; the page is not public; errtable sends no credentials, so save the page yourself and pass its file; it said "{\"error\":\"forbidden\"}"`},
		{401, "", "", nil,
			`the server answered 401 Unauthorized; the page is not public; errtable sends no credentials, so save the page yourself and pass its file`},
		{429, "text/plain", "slow down", map[string]string{"Retry-After": "120"},
			`the server answered 429 Too Many Requests; try again later (Retry-After: 120); it said "slow down"`},
		{500, "text/plain", "\x1b[31mboom\x1b[0m\r\n\u202eevil\tstack:\n" + strings.Repeat("at main.go:1 ", 40), nil,
			// 200 bytes: 25 of the start, 13 frames of 13, then 6
			`the server answered 500 Internal Server Error; try again later; it said "[31mboom [0m evil stack: ` +
				strings.Repeat("at main.go:1 ", 13) + `at mai..."`},
		{503, "image/png", "\x89PNG", nil,
			`the server answered 503 Service Unavailable; try again later`},
		{418, "text/plain", "", nil,
			`the server answered 418 I'm a teapot`},
		{304, "", "", nil,
			`the server answered 304 Not Modified; Not Modified, though Get sent no validators`},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.status), func(t *testing.T) {
			t.Parallel()
			srv := server(t, func(w http.ResponseWriter, r *http.Request) {
				for k, v := range tt.header {
					w.Header().Set(k, v)
				}
				if tt.contentType != "" {
					w.Header().Set("Content-Type", tt.contentType)
				}
				w.WriteHeader(tt.status)
				fmt.Fprint(w, tt.body)
			})
			_, err := Get(context.Background(), srv.URL+"/errors.md", Validators{}, quick)
			want := "fetch " + srv.URL + "/errors.md: " + tt.want
			if err == nil || err.Error() != want {
				t.Fatalf("error\n%v\nwant\n%s", err, want)
			}
			var se *StatusError
			if !errors.As(err, &se) || se.StatusCode != tt.status || se.URL != srv.URL+"/errors.md" || len(se.Excerpt) > maxExcerpt+3 {
				t.Errorf("StatusError %+v", se)
			}
		})
	}
}

func TestGetHTML(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, path, contentType, body, want string
	}{
		{"content type", "/docs/errors", "text/html; charset=utf-8", "# Errors",
			"got an HTML page where Markdown was expected (Content-Type text/html); pass the page's Markdown URL instead: " +
				"many docs sites serve it at {srv}/docs/errors.md, or list Markdown URLs in {srv}/llms.txt"},
		{"xhtml", "/docs/errors/", "application/xhtml+xml", "",
			"got an HTML page where Markdown was expected (Content-Type application/xhtml+xml); pass the page's Markdown URL instead: " +
				"many docs sites serve it at {srv}/docs/errors.md, or list Markdown URLs in {srv}/llms.txt"},
		{"sniffed doctype", "/errors.md", "text/plain", "\ufeff \n\t<!DOCTYPE HTML>\n<html><body>",
			"got an HTML page where Markdown was expected (the body starts with an HTML tag); pass the page's Markdown URL instead; " +
				"many docs sites list theirs in {srv}/llms.txt"},
		{"sniffed html", "/", "", "<html lang=en>",
			"got an HTML page where Markdown was expected (the body starts with an HTML tag); pass the page's Markdown URL instead; " +
				"many docs sites list theirs in {srv}/llms.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := server(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tt.contentType)
				fmt.Fprint(w, tt.body)
			})
			_, err := Get(context.Background(), srv.URL+tt.path, Validators{}, quick)
			want := "fetch " + srv.URL + tt.path + ": " + strings.ReplaceAll(tt.want, "{srv}", srv.URL)
			if !errors.Is(err, ErrHTML) || err.Error() != want {
				t.Errorf("error\n%v\nwant\n%s", err, want)
			}
		})
	}
}

func TestGetMarkdownNotHTML(t *testing.T) {
	t.Parallel()
	for _, body := range []string{"<!-- generated -->\n# Errors", "<div align=center>\n\n# Errors", "  <htmlish", "<!doctype htmlx"} {
		srv := server(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/markdown")
			fmt.Fprint(w, body)
		})
		if _, err := Get(context.Background(), srv.URL, Validators{}, quick); err != nil {
			t.Errorf("%q: %v", body, err)
		}
	}
}

func TestGetBadURL(t *testing.T) {
	t.Parallel()
	tests := []struct{ url, want string }{
		{"ftp://docs.example.com/errors.md", `fetch ftp://docs.example.com/errors.md: the ftp scheme is not supported; pass an http:// or https:// URL, or save the page and pass its file`},
		{"file:///tmp/errors.md", `fetch file:///tmp/errors.md: the file scheme is not supported`},
		{"docs/errors.md", `fetch "docs/errors.md": not a URL (no scheme); pass an http:// or https:// URL`},
		{"https://", `fetch https:: the URL has no host`},
		{"https://bob:s3cret@docs.example.com/errors.md", `fetch https://bob:xxxxx@docs.example.com/errors.md: the URL holds credentials, which would end up in the spec`},
		{"https://bob:s3cret@docs.example.com/%zz", `fetch "https://xxxxx@docs.example.com/%zz": not a valid URL: invalid URL escape "%zz"`},
		{"http://[::1", `fetch "http://[::1": not a valid URL`},
	}
	for _, tt := range tests {
		_, err := Get(context.Background(), tt.url, Validators{}, quick)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("Get(%q): %v\nwant prefix %s", tt.url, err, tt.want)
		}
		if err != nil && strings.Contains(err.Error(), "s3cret") {
			t.Errorf("Get(%q): error shows the password", tt.url)
		}
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"  a\r\n\tb  ", 10, "a b"},
		{"\x00\x1b\u200b\u202ex", 10, "x"},
		{"héllo wörld", 6, "héllo..."},
		{"héllo wörld", 7, "héllo..."},
		{"héllo wörld", 8, "héllo w..."},
		{"日本語", 7, "日本..."},
		{"bad \xff utf8", 20, "bad \uFFFD utf8"},
	}
	for _, tt := range tests {
		if got := cleanText(tt.in, tt.max); got != tt.want {
			t.Errorf("cleanText(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
}
