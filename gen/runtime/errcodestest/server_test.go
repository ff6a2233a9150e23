package errcodestest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"
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

// TestReasons checks the string-coded errors: each in the docs' body shape,
// with its documented status and, when retryable, Retry-After; the client
// package reads each back as its Reason, and tells insufficient_quota from
// rate_limit_exceeded, both 429.
func TestReasons(t *testing.T) {
	srv := NewServer(t, nil)
	tests := []struct {
		path       string
		status     int
		reason     errcodes.Reason
		body       string
		retryable  bool
		retryAfter time.Duration
	}{
		{"/reason/insufficient_quota", 429, errcodes.InsufficientQuota, `{"error":{"code":"insufficient_quota","message":"You exceeded your current quota."}}`, false, 0},
		{"/reason/rate_limit_exceeded", 429, errcodes.RateLimitExceeded, `{"error":{"code":"rate_limit_exceeded","message":"Rate limit reached for requests."}}`, true, time.Second},
		{"/reason/model_overloaded", 503, errcodes.ModelOverloaded, `{"error":{"code":"model_overloaded","message":"The model is overloaded."}}`, true, time.Second},
		{"/reason/legacy_param", UnknownReasonStatus, "legacy_param", `{"error":{"code":"legacy_param","message":"legacy_param"}}`, false, 0},
		{"/reason/odd_code", UnknownReasonStatus, "odd_code", `{"error":{"code":"odd_code","message":"odd_code"}}`, false, 0},
		{"/reason/urn:x/y", UnknownReasonStatus, "urn:x/y", `{"error":{"code":"urn:x/y","message":"urn:x/y"}}`, false, 0},
	}
	for _, tt := range tests {
		resp := get(t, srv.URL+tt.path)
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != tt.status || string(body) != tt.body {
			t.Errorf("%s: %d %s; want %d %s", tt.path, resp.StatusCode, body, tt.status, tt.body)
		}
		resp.Body = io.NopCloser(bytes.NewReader(body))
		err := errcodes.FromResponse(resp)
		if r, _ := errcodes.ReasonOf(err); r != tt.reason || errcodes.IsRetryable(err) != tt.retryable {
			t.Errorf("%s: reason %q retryable %t; want %q %t", tt.path, r, errcodes.IsRetryable(err), tt.reason, tt.retryable)
		}
		if d, _ := errcodes.RetryAfter(err); d != tt.retryAfter {
			t.Errorf("%s: Retry-After %v, want %v", tt.path, d, tt.retryAfter)
		}
	}
	for _, path := range []string{"/reason/", "/reason/has%20space", "/reason/" + strings.Repeat("a", 129)} {
		if resp := get(t, srv.URL+path); resp.StatusCode != 404 {
			t.Errorf("%s: status %d, want 404", path, resp.StatusCode)
		}
	}
}

func TestReasonBody(t *testing.T) {
	tests := []struct {
		path, want string
	}{
		{"error.code", `{"error":{"code":"c","message":"m"}}`},
		{"code", `{"code":"c","message":"m"}`},
		{"a.b.type", `{"a":{"b":{"message":"m","type":"c"}}}`},
		{"message", `{"message":"c"}`},
	}
	for _, tt := range tests {
		data, _ := json.Marshal(reasonBody(tt.path, "c", "m"))
		if string(data) != tt.want {
			t.Errorf("reasonBody(%q) = %s, want %s", tt.path, data, tt.want)
		}
	}
}

func TestWrapReason(t *testing.T) {
	srv := NewServer(t, Wrap(OK))
	tests := []struct {
		header []string
		status int
	}{
		{[]string{ReasonHeader, "insufficient_quota"}, 429},
		{[]string{ReasonHeader, "model_overloaded", StatusHeader, "404"}, 503}, // the reason wins
		{[]string{ReasonHeader, "odd"}, UnknownReasonStatus},
		{[]string{ReasonHeader, "not a code"}, 200},
		{[]string{ReasonHeader, "not a code", StatusHeader, "404"}, 404},
	}
	for _, tt := range tests {
		if resp := get(t, srv.URL+"/songs", tt.header...); resp.StatusCode != tt.status {
			t.Errorf("%q: %d, want %d", tt.header, resp.StatusCode, tt.status)
		}
	}
}

// TestFailFirstReason drives a retry decision the way a client's test
// would: an exhausted quota is not retried, a rate limit is.
func TestFailFirstReason(t *testing.T) {
	for _, tt := range []struct {
		reason errcodes.Reason
		retry  bool
	}{
		{errcodes.InsufficientQuota, false},
		{errcodes.RateLimitExceeded, true},
	} {
		flaky := FailFirstReason(1, tt.reason, OK)
		srv := NewServer(t, flaky)
		resp := get(t, srv.URL)
		retry, err := errcodes.CheckRetry(context.Background(), resp, nil)
		if retry != tt.retry || err != nil {
			t.Errorf("%s: CheckRetry = %t, %v; want %t", tt.reason, retry, err, tt.retry)
		}
		if !errors.Is(errcodes.FromResponse(resp), errcodes.ReasonSentinel(tt.reason)) {
			t.Errorf("%s: the body, read after CheckRetry, lost the reason", tt.reason)
		}
		if resp := get(t, srv.URL); resp.StatusCode != 200 || flaky.Calls() != 2 {
			t.Errorf("%s: second request %d, calls %d", tt.reason, resp.StatusCode, flaky.Calls())
		}
	}
	// A plain string works as well as the Reason type.
	if f := FailFirstReason(1, "odd", OK); f.reason != "odd" {
		t.Errorf("reason %q", f.reason)
	}
}
