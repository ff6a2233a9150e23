package errcodes

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"testing"
	"time"
)

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in     string
		want   time.Duration
		wantOK bool
	}{
		{"0", 0, true},
		{"120", 2 * time.Minute, true},
		{" 5 ", 5 * time.Second, true},
		{"86400", MaxRetryAfter, true},
		{"86401", MaxRetryAfter, true},
		{"99999999999", MaxRetryAfter, true},
		{"999999999999999999999999", MaxRetryAfter, true},
		{"Wed, 25 Nov 2026 12:00:10 GMT", 10 * time.Second, true},
		{"Wednesday, 25-Nov-26 12:00:10 GMT", 10 * time.Second, true},
		{"Wed Nov 25 12:00:10 2026", 10 * time.Second, true},
		{"Wed, 25 Nov 2026 11:59:00 GMT", 0, true},
		{"Fri, 01 Jan 2100 00:00:00 GMT", MaxRetryAfter, true},
		{"", 0, false},
		{"-5", 0, false},
		{"+5", 0, false},
		{"1.5", 0, false},
		{"soon", 0, false},
		{"5s", 0, false},
		{"2026-11-25T12:00:10Z", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseRetryAfter(tt.in, now)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("ParseRetryAfter(%q) = %v, %t; want %v, %t", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestCheckRetry(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	expired, cancel2 := context.WithDeadline(context.Background(), time.Unix(0, 0))
	defer cancel2()
	bg := context.Background()
	urlErr := func(err error) error { return &url.Error{Op: "Get", URL: "https://api.test", Err: err} }
	tests := []struct {
		name    string
		ctx     context.Context
		resp    *http.Response
		err     error
		want    bool
		wantErr bool
	}{
		{"429 documented retryable", bg, response(429, nil), nil, true, false},
		{"500 documented retryable", bg, response(500, nil), nil, true, false},
		{"503 overridden by the spec", bg, response(503, nil), nil, false, false},
		{"502 undocumented, default rule", bg, response(502, nil), nil, true, false},
		{"501 never", bg, response(501, nil), nil, false, false},
		{"400 never", bg, response(400, nil), nil, false, false},
		{"401 undocumented 4xx never", bg, response(401, nil), nil, false, false},
		{"200", bg, response(200, nil), nil, false, false},
		{"no response, no error", bg, nil, nil, false, false},
		{"cancelled context", cancelled, response(429, nil), nil, false, true},
		{"expired context", expired, nil, io.ErrUnexpectedEOF, false, true},
		{"nil context", nil, response(429, nil), nil, true, false},
		{"connection reset", bg, nil, urlErr(errors.New("read: connection reset by peer")), true, false},
		{"unexpected EOF", bg, nil, urlErr(io.ErrUnexpectedEOF), true, false},
		{"too many redirects", bg, nil, urlErr(errors.New("stopped after 10 redirects")), false, true},
		{"bad scheme", bg, nil, urlErr(errors.New(`unsupported protocol scheme "ftp"`)), false, true},
		{"bad header", bg, nil, urlErr(errors.New(`net/http: invalid header field name "a b"`)), false, true},
		{"unknown authority", bg, nil, urlErr(x509.UnknownAuthorityError{}), false, true},
		{"request cancelled", bg, nil, urlErr(context.Canceled), false, true},
		{"client timeout", bg, nil, urlErr(fmt.Errorf("%w (Client.Timeout exceeded)", context.DeadlineExceeded)), true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CheckRetry(tt.ctx, tt.resp, tt.err)
			if got != tt.want || (err != nil) != tt.wantErr {
				t.Errorf("CheckRetry = %t, %v; want %t, error %t", got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestBackoff(t *testing.T) {
	minWait, maxWait := 100*time.Millisecond, 2*time.Second
	for attempt := 0; attempt < 70; attempt++ {
		upper := maxWait
		if attempt < 5 {
			upper = minWait << attempt
		}
		for range 50 {
			d := Backoff(minWait, maxWait, attempt, nil)
			if d < minWait || d > upper {
				t.Fatalf("attempt %d: %v outside [%v, %v]", attempt, d, minWait, upper)
			}
		}
	}
	// Jitter: the waits of one attempt are not all equal.
	seen := map[time.Duration]bool{}
	for range 20 {
		seen[Backoff(minWait, maxWait, 3, nil)] = true
	}
	if len(seen) < 2 {
		t.Error("no jitter")
	}

	date := "Wed, 25 Nov 2026 12:00:00 GMT"
	tests := []struct {
		name string
		resp *http.Response
		want time.Duration
	}{
		{"Retry-After honoured", response(429, nil, "Retry-After", "1"), time.Second},
		{"Retry-After capped at max (go-retryablehttp #247)", response(429, nil, "Retry-After", "1743440400"), maxWait},
		{"HTTP-date capped at max", response(503, nil, "Retry-After", "Fri, 01 Jan 2100 00:00:00 GMT", "Date", date), maxWait},
		{"zero raised to min", response(429, nil, "Retry-After", "0"), minWait},
		{"retry-after-ms", response(429, nil, "Retry-After-Ms", "250"), 250 * time.Millisecond},
	}
	for _, tt := range tests {
		if got := Backoff(minWait, maxWait, 0, tt.resp); got != tt.want {
			t.Errorf("%s: Backoff = %v, want %v", tt.name, got, tt.want)
		}
	}
	// Odd bounds do not panic and stay within reason.
	for _, b := range [][2]time.Duration{{0, 0}, {-1, -1}, {time.Second, 0}, {0, time.Second}, {1, 1 << 62}} {
		for attempt := -1; attempt < 100; attempt += 7 {
			if d := Backoff(b[0], b[1], attempt, nil); d < 0 || d > max(b[0], b[1], 0) {
				t.Errorf("Backoff(%v, %v, %d) = %v", b[0], b[1], attempt, d)
			}
		}
	}
}
