package errcodestest

import (
	"errors"
	"io"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	errcodes "github.com/errtable/errtable/gen/runtime"
)

func get(t *testing.T, url string, header ...string) *http.Response {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func TestHandler(t *testing.T) {
	srv := NewServer(t, nil)
	tests := []struct {
		path       string
		status     int
		message    string
		retryAfter time.Duration
	}{
		{"/status/429", 429, "Too Many Requests", time.Second},
		{"/status/404", 404, "Not Found", 0},
		{"/status/503", 503, "Service Unavailable", 0}, // the stub spec overrides 503: not retryable
		{"/status/502", 502, "Bad Gateway", time.Second},
		{"/status/418", 418, "I'm a teapot", 0},
	}
	for _, tt := range tests {
		resp := get(t, srv.URL+tt.path)
		err := errcodes.FromResponse(resp)
		var e *errcodes.Error
		if !errors.As(err, &e) {
			t.Fatalf("%s: %v is not an *Error", tt.path, err)
		}
		if int(e.Code) != tt.status || e.Message != tt.message || e.RetryAfter != tt.retryAfter {
			t.Errorf("%s: got %d %q %v; want %d %q %v", tt.path, e.Code, e.Message, e.RetryAfter, tt.status, tt.message, tt.retryAfter)
		}
		if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
			t.Errorf("%s: Content-Type %q", tt.path, ct)
		}
	}
	for _, path := range []string{"/status/200", "/status/600", "/status/abc", "/other"} {
		if resp := get(t, srv.URL+path); resp.StatusCode != 404 {
			t.Errorf("%s: status %d, want 404", path, resp.StatusCode)
		}
	}
}

func TestWrap(t *testing.T) {
	srv := NewServer(t, Wrap(OK))
	if resp := get(t, srv.URL+"/songs"); resp.StatusCode != 200 {
		t.Errorf("without the header: %d", resp.StatusCode)
	}
	if resp := get(t, srv.URL+"/songs", StatusHeader, "400"); resp.StatusCode != 400 {
		t.Errorf("with the header: %d", resp.StatusCode)
	}
	if resp := get(t, srv.URL+"/songs", StatusHeader, "nonsense"); resp.StatusCode != 200 {
		t.Errorf("with a bad header: %d", resp.StatusCode)
	}
}

func TestFailFirst(t *testing.T) {
	flaky := FailFirst(2, 429, OK)
	srv := NewServer(t, flaky)
	var statuses []int
	for range 4 {
		resp := get(t, srv.URL)
		io.Copy(io.Discard, resp.Body)
		statuses = append(statuses, resp.StatusCode)
	}
	if want := []int{429, 429, 200, 200}; !slices.Equal(statuses, want) || flaky.Calls() != 4 {
		t.Errorf("statuses %v calls %d; want %v, 4", statuses, flaky.Calls(), want)
	}

	// Concurrent requests: exactly n fail.
	flaky = FailFirst(5, 500, OK)
	srv = NewServer(t, flaky)
	var mu sync.Mutex
	failed := 0
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			resp, err := http.Get(srv.URL)
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
			if resp.StatusCode == 500 {
				mu.Lock()
				failed++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if failed != 5 {
		t.Errorf("%d requests failed, want 5", failed)
	}
}

func TestWriteErrorOutOfRange(t *testing.T) {
	srv := NewServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { WriteError(w, 200) }))
	if resp := get(t, srv.URL); resp.StatusCode != 500 {
		t.Errorf("WriteError(200) answered %d, want 500", resp.StatusCode)
	}
}
