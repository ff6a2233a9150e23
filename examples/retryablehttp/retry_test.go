package retryablehttp

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/go-retryablehttp"

	"github.com/errtable/errtable/errcodes"
)

// The signatures must match go-retryablehttp's types exactly.
var (
	_ retryablehttp.CheckRetry = errcodes.CheckRetry
	_ retryablehttp.Backoff    = errcodes.Backoff
)

const (
	waitMin = 10 * time.Millisecond
	waitMax = 80 * time.Millisecond
)

// scripted answers each request with the next of its steps, then 200.
type scripted struct {
	mu    sync.Mutex
	steps []func(w http.ResponseWriter)
	calls int
}

func (s *scripted) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls++
	if len(s.steps) > 0 {
		step := s.steps[0]
		s.steps = s.steps[1:]
		step(w)
		return
	}
	fmt.Fprint(w, `{"ok":true}`)
}

func status(code int, header ...string) func(w http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		for i := 0; i+1 < len(header); i += 2 {
			w.Header().Set(header[i], header[i+1])
		}
		w.WriteHeader(code)
		fmt.Fprintf(w, `{"error":{"message":"step %d","code":%d}}`, code, code)
	}
}

// newClient returns a go-retryablehttp client using errcodes' policy, and
// the waits its Backoff chose.
func newClient() (*retryablehttp.Client, *[]time.Duration) {
	var waits []time.Duration
	c := retryablehttp.NewClient()
	c.Logger = nil
	c.RetryMax = 4
	c.RetryWaitMin, c.RetryWaitMax = waitMin, waitMax
	c.CheckRetry = errcodes.CheckRetry
	c.Backoff = func(min, max time.Duration, attempt int, resp *http.Response) time.Duration {
		d := errcodes.Backoff(min, max, attempt, resp)
		waits = append(waits, d)
		return d
	}
	return c, &waits
}

func TestRetryAfterThen500Then200(t *testing.T) {
	h := &scripted{steps: []func(http.ResponseWriter){
		status(429, "Retry-After", "1"),
		status(500),
	}}
	srv := httptest.NewServer(h)
	defer srv.Close()
	c, waits := newClient()

	start := time.Now()
	resp, err := c.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	elapsed := time.Since(start)

	if resp.StatusCode != 200 || h.calls != 3 {
		t.Fatalf("status %d after %d calls, want 200 after 3", resp.StatusCode, h.calls)
	}
	if len(*waits) != 2 {
		t.Fatalf("waits %v, want two", *waits)
	}
	// Retry-After: 1 asks for a second; Backoff caps it at RetryWaitMax.
	if (*waits)[0] != waitMax {
		t.Errorf("wait after 429 = %v, want RetryWaitMax %v", (*waits)[0], waitMax)
	}
	// After the 500 (attempt 1): exponential with jitter in [min, 2·min].
	if w := (*waits)[1]; w < waitMin || w > 2*waitMin {
		t.Errorf("wait after 500 = %v, want within [%v, %v]", w, waitMin, 2*waitMin)
	}
	if elapsed < (*waits)[0]+(*waits)[1] {
		t.Errorf("the client waited %v, less than the %v Backoff asked for", elapsed, (*waits)[0]+(*waits)[1])
	}
}

// TestHugeRetryAfterIsCapped is go-retryablehttp's open issue #247: a server
// asking for 484289 hours. With errcodes.Backoff the client waits
// RetryWaitMax.
func TestHugeRetryAfterIsCapped(t *testing.T) {
	h := &scripted{steps: []func(http.ResponseWriter){
		status(429, "Retry-After", "1743440400"),
		status(429, "Retry-After", "Fri, 01 Jan 2100 00:00:00 GMT"),
	}}
	srv := httptest.NewServer(h)
	defer srv.Close()
	c, waits := newClient()
	resp, err := c.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || len(*waits) != 2 || (*waits)[0] != waitMax || (*waits)[1] != waitMax {
		t.Errorf("status %d waits %v; want 200 and two waits of %v", resp.StatusCode, *waits, waitMax)
	}
}

func TestNonRetryableIsNotRetried(t *testing.T) {
	h := &scripted{steps: []func(http.ResponseWriter){status(403), status(403)}}
	srv := httptest.NewServer(h)
	defer srv.Close()
	c, waits := newClient()
	resp, err := c.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if h.calls != 1 || len(*waits) != 0 {
		t.Errorf("%d calls, waits %v; want one call and no wait", h.calls, *waits)
	}
	apiErr := errcodes.FromResponse(resp)
	if !errors.Is(apiErr, errcodes.ErrForbidden) {
		t.Errorf("FromResponse = %v, want a Forbidden error", apiErr)
	}
}

func TestCancelledContextStopsRetries(t *testing.T) {
	var calls atomic.Int32
	ctx, cancel := context.WithCancel(context.Background())
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		cancel()
		w.WriteHeader(500)
	}))
	defer srv.Close()
	c, _ := newClient()
	req, err := retryablehttp.NewRequestWithContext(ctx, "GET", srv.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := c.Do(req)
	if err == nil {
		resp.Body.Close()
		t.Fatal("no error after the context was cancelled")
	}
	if calls.Load() != 1 {
		t.Errorf("%d calls after cancel, want 1", calls.Load())
	}
}

// TestBackoffOddBoundsThroughClient drives errcodes.Backoff through a real
// retryablehttp.Client with a minimum of zero or less and a maximum of
// math.MaxInt64 (issue 8, item 5: rand.N panicked with "invalid argument to
// N"). With no minimum, the waits start from Backoff's 100ms base instead
// of anywhere up to the maximum.
func TestBackoffOddBoundsThroughClient(t *testing.T) {
	for _, tt := range []struct {
		name     string
		min, max time.Duration
	}{
		{"zero min, MaxInt64 max", 0, math.MaxInt64},
		{"negative min, MaxInt64 max", -time.Second, math.MaxInt64},
		{"MinInt64 min, MaxInt64 max", math.MinInt64, math.MaxInt64},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := &scripted{steps: []func(http.ResponseWriter){status(500), status(502)}}
			srv := httptest.NewServer(h)
			defer srv.Close()
			c, waits := newClient()
			c.RetryWaitMin, c.RetryWaitMax = tt.min, tt.max
			resp, err := c.Get(srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != 200 || len(*waits) != 2 {
				t.Fatalf("status %d waits %v; want 200 after two waits", resp.StatusCode, *waits)
			}
			for attempt, w := range *waits {
				if upper := 100 * time.Millisecond << (attempt + 1); w < 0 || w > upper {
					t.Errorf("wait %d = %v, want within [0, %v]", attempt, w, upper)
				}
			}
		})
	}
}

// TestCheckRetryNilFieldErrorsThroughClient: a transport error with a nil
// field (a *net.OpError whose Err is nil, whose Error method panics) made
// errcodes.CheckRetry panic; it is retried, as go-retryablehttp's own policy
// retries such errors.
func TestCheckRetryNilFieldErrorsThroughClient(t *testing.T) {
	for _, tt := range []struct {
		name string
		err  error
	}{
		{"url.Error with nil Err", &url.Error{Op: "Get", URL: "http://api.test/"}},
		{"net.OpError with nil Err", &net.OpError{Op: "dial", Net: "tcp"}},
		{"nil *net.OpError", (*net.OpError)(nil)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var calls atomic.Int32
			c, _ := newClient()
			c.RetryMax = 2
			c.HTTPClient.Transport = roundTripFunc(func(r *http.Request) (*http.Response, error) {
				calls.Add(1)
				return nil, tt.err
			})
			resp, err := c.Get("http://api.test/")
			if err == nil {
				resp.Body.Close()
				t.Fatal("no error")
			}
			if calls.Load() != 3 {
				t.Errorf("%d calls, want 3 (the first and two retries)", calls.Load())
			}
		})
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
