package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/errtable/errtable/spec"
)

// docsSite is a fake docs site: an llms.txt index and Markdown pages, with
// ETags, counting the requests it answers.
type docsSite struct {
	mu       sync.Mutex
	pages    map[string]string // path -> body
	requests []string          // "GET /path 200"
}

func (s *docsSite) set(path, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pages[path] = body
}

func (s *docsSite) log() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.requests...)
}

func (s *docsSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	body, ok := s.pages[r.URL.Path]
	s.mu.Unlock()
	status := http.StatusOK
	etag := fmt.Sprintf(`"%x"`, len(body)*31+strings.Count(body, "|"))
	switch {
	case !ok:
		status = http.StatusNotFound
		body = "no such page"
	case r.Header.Get("If-None-Match") == etag:
		status = http.StatusNotModified
	}
	s.mu.Lock()
	s.requests = append(s.requests, fmt.Sprintf("GET %s %d", r.URL.Path, status))
	s.mu.Unlock()
	if strings.HasSuffix(r.URL.Path, ".html") {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
	}
	if ok {
		w.Header().Set("ETag", etag)
	}
	w.WriteHeader(status)
	if status != http.StatusNotModified {
		fmt.Fprint(w, body)
	}
}

const sitePage = "# Errors\n\n| Code | Description | What to Do |\n|---|---|---|\n| 400 | Bad Request | Fix it. |\n| 429 | Rate Limit Exceeded | Wait. |\n"

func newDocsSite(t *testing.T) (*docsSite, *httptest.Server) {
	site := &docsSite{pages: map[string]string{
		"/api/errors.md": sitePage,
		"/llms.txt": "# Acme\n\n> Acme's API.\n\n## Docs\n\n- [Quickstart](/quickstart.md): start here\n" +
			"- [Rate limits](/api/rate-limits.md): how fast\n- [Error codes](/api/errors.md): what went wrong\n",
		"/two/llms.txt":          "# Acme\n\n## Docs\n\n- [Error codes](/api/errors.md)\n- [Webhook error codes](/api/webhook-errors.md)\n- [Guide](/guide.md)\n",
		"/api/webhook-errors.md": "| Code | Description | What to Do |\n|---|---|---|\n| 410 | Gone | Stop. |\n",
		"/page.html":             "<!doctype html><html><body>Errors</body></html>",
	}}
	srv := httptest.NewServer(site)
	t.Cleanup(srv.Close)
	return site, srv
}

func TestDocsURL(t *testing.T) {
	site, srv := newDocsSite(t)
	chdirModule(t)

	// The first run fetches the page, saves it beside the spec and
	// records where it came from.
	out, status := runGen("-docs", srv.URL+"/api/errors.md", "-prefix", "acme")
	if status != exitOK {
		t.Fatalf("(%d) %s", status, out)
	}
	snapshot, err := os.ReadFile(filepath.Join("spec", "errors.md"))
	if err != nil || string(snapshot) != sitePage {
		t.Fatalf("snapshot %q, %v", snapshot, err)
	}
	f, err := spec.Read(filepath.Join("spec", "errors.json"))
	if err != nil {
		t.Fatal(err)
	}
	if f.Source.Path != "errors.md" || f.Source.URL != srv.URL+"/api/errors.md" || f.Source.ETag == "" {
		t.Errorf("source = %+v", f.Source)
	}

	// Offline, the snapshot is the docs: no request, no change.
	srv.Config.Handler = http.NotFoundHandler()
	if out, status := runGen("-check"); status != exitOK {
		t.Errorf("-check offline (%d): %s", status, out)
	}
	srv.Config.Handler = site

	// -fetch asks again with the ETag: one 304, nothing changes.
	before := len(site.log())
	out, status = runGen("-fetch")
	if status != exitOK || !strings.Contains(out, "spec/errors.json: no changes") {
		t.Fatalf("(%d) %s", status, out)
	}
	if got := site.log()[before:]; len(got) != 1 || got[0] != "GET /api/errors.md 304" {
		t.Errorf("requests of an unchanged fetch: %v", got)
	}

	// The page changes: the snapshot and the spec follow.
	site.set("/api/errors.md", sitePage+"| 503 | Service Unavailable | Retry. |\n")
	out, status = runGen("-fetch")
	if status != exitOK || !strings.Contains(out, "spec/errors.json: 1 added (503 ServiceUnavailable)") {
		t.Fatalf("(%d) %s", status, out)
	}
	if data, _ := os.ReadFile(filepath.Join("spec", "errors.md")); !strings.Contains(string(data), "| 503 |") {
		t.Error("the snapshot was not updated")
	}

	// Another address is another API's docs, unless -new-source says not.
	out, status = runGen("-docs", srv.URL+"/api/webhook-errors.md")
	if status != exitInput || !strings.Contains(out, "pass -new-source") {
		t.Errorf("another URL (%d): %s", status, out)
	}
}

func TestDocsIndex(t *testing.T) {
	_, srv := newDocsSite(t)
	tests := []struct {
		name   string
		args   []string
		status int
		stderr string
	}{
		{"one error page", []string{"-docs", srv.URL + "/llms.txt"}, exitOK, `reading the error page "Error codes"`},
		{"two error pages", []string{"-docs", srv.URL + "/two/llms.txt"}, exitInput, "Webhook error codes"},
		{"two, one picked", []string{"-docs", srv.URL + "/two/llms.txt", "-page", "webhook"}, exitOK, "spec/errors.json: 1 added (410 Gone)"},
		{"pick matches none", []string{"-docs", srv.URL + "/two/llms.txt", "-page", "billing"}, exitInput, `-page "billing"`},
		{"-page without an index", []string{"-docs", srv.URL + "/api/errors.md", "-page", "x"}, exitInput, "is not an llms.txt index"},
		{"HTML page", []string{"-docs", srv.URL + "/page.html"}, exitInput, "HTML"},
		{"missing page", []string{"-docs", srv.URL + "/nope.md"}, exitInput, "404"},
		{"-fetch without a URL", []string{"-fetch", "-docs", "x.md"}, exitUsage, "drop -fetch"},
		{"-fetch with no spec", []string{"-fetch"}, exitInput, "records no URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chdirModule(t)
			out, status := runGen(append(tt.args, "-prefix", "acme")...)
			if status != tt.status || !strings.Contains(out, tt.stderr) {
				t.Errorf("(%d, want %d) %s\nwant %q", status, tt.status, out, tt.stderr)
			}
			if _, err := os.Stat("spec"); tt.status != exitOK && !os.IsNotExist(err) {
				t.Error("a failed run wrote files")
			}
		})
	}
}
