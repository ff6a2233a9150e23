package errcodes

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
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

func TestParseRetryAfterMs(t *testing.T) {
	tests := []struct {
		in     string
		want   time.Duration
		wantOK bool
	}{
		{"0", 0, true},
		{"250", 250 * time.Millisecond, true},
		{" 250 ", 250 * time.Millisecond, true},
		{"1500.5", 1500*time.Millisecond + 500*time.Microsecond, true},
		{"0.000001", time.Nanosecond, true},
		{"0.0000019", time.Nanosecond, true}, // beyond the nanosecond: dropped
		{"007", 7 * time.Millisecond, true},
		{"000000000000000000000000000001", time.Millisecond, true},
		{"86399999.999999", MaxRetryAfter - time.Nanosecond, true},
		{"86400000", MaxRetryAfter, true},
		{"999999999999999999", MaxRetryAfter, true},
		{"1" + strings.Repeat("0", 400), MaxRetryAfter, true},
		// Only plain non-negative decimals: everything ParseFloat accepts
		// beyond that is ignored (issue 8, item 5).
		{"", 0, false},
		{" ", 0, false},
		{"inf", 0, false},
		{"Inf", 0, false},
		{"+Inf", 0, false},
		{"Infinity", 0, false},
		{"infinity", 0, false},
		{"NaN", 0, false},
		{"nan", 0, false},
		{"0x1p10", 0, false},
		{"0x10", 0, false},
		{"1e400", 0, false},
		{"1e3", 0, false},
		{"1E3", 0, false},
		{"-5", 0, false},
		{"-0", 0, false},
		{"+5", 0, false},
		{"1_000", 0, false},
		{".5", 0, false},
		{"5.", 0, false},
		{".", 0, false},
		{"1.2.3", 0, false},
		{"1 000", 0, false},
		{"1,5", 0, false},
		{"٣", 0, false}, // an Arabic-Indic digit
		{"5ms", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseRetryAfterMs(tt.in)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("parseRetryAfterMs(%q) = %v, %t; want %v, %t", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

// TestBadRetryAfterMsFallsBack: a retry-after-ms that is no plain decimal
// never overrides a valid Retry-After, in FromResponse and in Backoff.
func TestBadRetryAfterMsFallsBack(t *testing.T) {
	for _, bad := range []string{"inf", "Infinity", "NaN", "0x1p10", "1e400", "-5", "1_000", "+5", "1e1", ".5"} {
		t.Run(bad, func(t *testing.T) {
			e := FromResponse(response(429, nil, "Retry-After", "7", "Retry-After-Ms", bad)).(*Error)
			if e.RetryAfter != 7*time.Second {
				t.Errorf("FromResponse RetryAfter = %v, want 7s from Retry-After", e.RetryAfter)
			}
			resp := response(429, nil, "Retry-After", "3", "Retry-After-Ms", bad)
			if d := Backoff(time.Second, time.Minute, 0, resp); d != 3*time.Second {
				t.Errorf("Backoff = %v, want 3s from Retry-After", d)
			}
		})
	}
}

// panickyError panics in each of its methods, as some hand-made error
// types with nil fields do.
type panickyError struct{ inner *url.Error }

func (e panickyError) Error() string { return e.inner.Err.Error() }
func (e panickyError) Unwrap() error { return e.inner.Err }

// TestCheckRetryNilFields: no error value, however built, makes CheckRetry
// panic (issue 8, item 5). Errors it cannot inspect are retried, as
// go-retryablehttp retries a *url.Error whose Err is nil.
func TestCheckRetryNilFields(t *testing.T) {
	bg := context.Background()
	urlErr := func(err error) error { return &url.Error{Op: "Get", URL: "https://api.test", Err: err} }
	var nilURL *url.Error
	var nilOp *net.OpError
	var nilVerification *tls.CertificateVerificationError
	tests := []struct {
		name    string
		err     error
		want    bool
		wantErr bool
	}{
		{"url.Error with nil Err", &url.Error{Op: "Get", URL: "https://api.test"}, true, false},
		{"nil *url.Error", nilURL, true, false},
		{"wrapped nil *url.Error", fmt.Errorf("call: %w", nilURL), true, false},
		{"url.Error around nil *url.Error", urlErr(nilURL), true, false},
		{"net.OpError with nil Err", &net.OpError{Op: "dial", Net: "tcp"}, true, false},
		{"url.Error around net.OpError with nil Err", urlErr(&net.OpError{Op: "dial", Net: "tcp"}), true, false},
		{"nil *net.OpError", nilOp, true, false},
		{"url.Error around nil *net.OpError", urlErr(nilOp), true, false},
		{"net.OpError around nil os.SyscallError", urlErr(&net.OpError{Op: "read", Err: &os.SyscallError{}}), true, false},
		{"empty net.DNSError", urlErr(&net.DNSError{}), true, false},
		{"empty tls.RecordHeaderError", urlErr(tls.RecordHeaderError{}), true, false},
		{"tls verification error with nil Err", urlErr(&tls.CertificateVerificationError{}), false, true},
		// Its Unwrap dereferences nil, so the chain cannot be walked.
		{"nil *tls.CertificateVerificationError", urlErr(nilVerification), true, false},
		{"x509 hostname error without certificate", urlErr(x509.HostnameError{Host: "api.test"}), false, true},
		{"x509 invalid certificate without certificate", urlErr(x509.CertificateInvalidError{}), false, true},
		{"x509 unknown authority without certificate", urlErr(x509.UnknownAuthorityError{}), false, true},
		{"tls verification around hostname error without certificate", urlErr(&tls.CertificateVerificationError{Err: x509.HostnameError{}}), false, true},
		{"joined with nils", errors.Join(nilURL, &url.Error{}, urlErr(nil)), true, false},
		{"error whose methods panic", panickyError{}, true, false},
		{"url.Error around an error whose methods panic", urlErr(panickyError{}), true, false},
		{"cancelled inside a nil-field chain", errors.Join(&net.OpError{}, urlErr(context.Canceled)), false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CheckRetry(bg, nil, tt.err)
			if got != tt.want || (err != nil) != tt.wantErr {
				t.Errorf("CheckRetry = %t, %v; want %t, error %t", got, err, tt.want, tt.wantErr)
			}
		})
	}
}

// TestBackoffTotal: Backoff never panics or overflows, and stays within
// [max(min, 0) capped at max, max(max, 0)] for any bounds and attempt
// (issue 8, item 5: rand.N panicked for min <= 0 and max = MaxInt64).
func TestBackoffTotal(t *testing.T) {
	const huge = time.Duration(math.MaxInt64)
	retryAfter := func(v string) *http.Response { return response(429, nil, "Retry-After", v) }
	tests := []struct {
		name     string
		min, max time.Duration
		attempts []int
		resp     *http.Response
	}{
		{"zero min, MaxInt64 max", 0, huge, nil, nil},
		{"negative min, MaxInt64 max", -1, huge, nil, nil},
		{"MinInt64 min, MaxInt64 max", math.MinInt64, huge, nil, nil},
		{"1ns min, MaxInt64 max", 1, huge, nil, nil},
		{"MaxInt64 min and max", huge, huge, nil, nil},
		{"MaxInt64 min, small max", huge, time.Second, nil, nil},
		{"min above max", 5 * time.Second, time.Second, nil, nil},
		{"zero max", time.Second, 0, nil, nil},
		{"negative max", time.Second, -time.Second, nil, nil},
		{"both negative", -2, -1, nil, nil},
		{"both MinInt64", math.MinInt64, math.MinInt64, nil, nil},
		{"both zero", 0, 0, nil, nil},
		{"zero min, 1ns max", 0, 1, nil, nil},
		{"zero min, MaxInt64 max, huge Retry-After", 0, huge, nil, retryAfter("99999999999999999999")},
		{"zero min, MaxInt64 max, Retry-After date", 0, huge, nil, retryAfter("Fri, 01 Jan 2100 00:00:00 GMT")},
		{"negative max, Retry-After", -1, -1, nil, retryAfter("5")},
		{"min above max, Retry-After", time.Minute, time.Second, nil, retryAfter("5")},
	}
	attempts := []int{math.MinInt, -1, 0, 1, 2, 30, 61, 62, 63, 64, 65, 127, 1 << 20, math.MaxInt}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hi := max(tt.max, 0)
			lo := min(max(tt.min, 0), hi)
			for _, attempt := range attempts {
				for range 20 {
					if d := Backoff(tt.min, tt.max, attempt, tt.resp); d < lo || d > hi {
						t.Fatalf("Backoff(%v, %v, %d) = %v, outside [%v, %v]", tt.min, tt.max, attempt, d, lo, hi)
					}
				}
			}
		})
	}
	if d := Backoff(5*time.Second, time.Second, 3, nil); d != time.Second {
		t.Errorf("min above max: Backoff = %v, want the max, 1s", d)
	}
}

// TestBackoffZeroMinGrows: with a minimum of zero or less, the waits grow
// from backoffBase (100ms) instead of spanning the whole maximum from the
// first retry (issue 8, item 5).
func TestBackoffZeroMinGrows(t *testing.T) {
	tests := []struct {
		min, max time.Duration
		attempt  int
		upper    time.Duration
	}{
		{0, 30 * time.Second, 0, 100 * time.Millisecond},
		{0, 30 * time.Second, 1, 200 * time.Millisecond},
		{0, 30 * time.Second, 3, 800 * time.Millisecond},
		{0, 30 * time.Second, 8, 25600 * time.Millisecond},
		{0, 30 * time.Second, 9, 30 * time.Second},
		{-time.Second, 30 * time.Second, 0, 100 * time.Millisecond},
		{0, math.MaxInt64, 0, 100 * time.Millisecond},
		{0, math.MaxInt64, 10, 100 * time.Millisecond << 10},
		{0, math.MaxInt64, -5, 100 * time.Millisecond},
		{0, 50 * time.Millisecond, 0, 50 * time.Millisecond}, // a max below the base caps it
	}
	for _, tt := range tests {
		seen := map[time.Duration]bool{}
		for range 200 {
			d := Backoff(tt.min, tt.max, tt.attempt, nil)
			if d < 0 || d > tt.upper {
				t.Fatalf("Backoff(%v, %v, %d) = %v, outside [0, %v]", tt.min, tt.max, tt.attempt, d, tt.upper)
			}
			seen[d] = true
		}
		if len(seen) < 2 {
			t.Errorf("Backoff(%v, %v, %d): no jitter", tt.min, tt.max, tt.attempt)
		}
	}
}

// TestCheckRetryShouldRetryHeader: X-Should-Retry, when a server sends
// "true" or "false" (any case, trimmed), overrides the table for a failed
// response; any other value is ignored; it never retries a success.
func TestCheckRetryShouldRetryHeader(t *testing.T) {
	bg := context.Background()
	reset := &url.Error{Op: "Get", URL: "https://api.test", Err: errors.New("connection reset by peer")}
	tests := []struct {
		name    string
		resp    *http.Response
		err     error
		want    bool
		wantErr bool
	}{
		{"false on a retryable 500", response(500, nil, "X-Should-Retry", "false"), nil, false, false},
		{"false on an undocumented 502", response(502, nil, "X-Should-Retry", "false"), nil, false, false},
		{"true on a 400", response(400, nil, "X-Should-Retry", "true"), nil, true, false},
		{"true on 503, which the spec overrides", response(503, nil, "X-Should-Retry", "true"), nil, true, false},
		{"true on 501", response(501, nil, "X-Should-Retry", "true"), nil, true, false},
		{"any case", response(400, nil, "X-Should-Retry", "TRUE"), nil, true, false},
		{"spaces around", response(429, nil, "X-Should-Retry", "  False "), nil, false, false},
		{"invalid value ignored, 429 retried", response(429, nil, "X-Should-Retry", "no"), nil, true, false},
		{"invalid value ignored, 400 not retried", response(400, nil, "X-Should-Retry", "yes"), nil, false, false},
		{"1 is not true", response(400, nil, "X-Should-Retry", "1"), nil, false, false},
		{"empty ignored", response(500, nil, "X-Should-Retry", ""), nil, true, false},
		{"true never retries a success", response(200, nil, "X-Should-Retry", "true"), nil, false, false},
		{"true never retries a redirect", response(304, nil, "X-Should-Retry", "true"), nil, false, false},
		{"false stops a response handler's error", response(500, nil, "X-Should-Retry", "false"), errors.New("bad body"), false, true},
		{"true with a response handler's error", response(400, nil, "X-Should-Retry", "true"), errors.New("bad body"), true, false},
		{"transport error without a response", nil, reset, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CheckRetry(bg, tt.resp, tt.err)
			if got != tt.want || (err != nil) != tt.wantErr {
				t.Errorf("CheckRetry = %t, %v; want %t, error %t", got, err, tt.want, tt.wantErr)
			}
		})
	}
}

// trackedBody is a response body that records whether it was closed and how
// much of it was read.
type trackedBody struct {
	r      io.Reader
	read   int
	closed bool
}

func (b *trackedBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	b.read += n
	return n, err
}

func (b *trackedBody) Close() error {
	b.closed = true
	return nil
}

// tracked returns resp with its body tracked.
func tracked(resp *http.Response, body string) (*http.Response, *trackedBody) {
	b := &trackedBody{r: strings.NewReader(body)}
	resp.Body = b
	return resp, b
}

func TestRetryPolicyCheckRetry(t *testing.T) {
	bg := context.Background()
	cancelled, cancel := context.WithCancel(bg)
	cancel()
	const body = `{"message":"slow down"}`
	tests := []struct {
		name      string
		policy    RetryPolicy
		ctx       context.Context
		resp      *http.Response
		err       error
		want      bool
		wantCode  Code // 0: no *Error in the returned error
		wantWait  time.Duration
		wantInMsg string
	}{
		{"wait within MaxWait: retried, with the error", RetryPolicy{MaxWait: 2 * time.Second}, bg,
			response(429, nil, "Retry-After", "1"), nil, true, 429, time.Second, ""},
		{"wait equal to MaxWait: retried", RetryPolicy{MaxWait: time.Second}, bg,
			response(429, nil, "Retry-After", "1"), nil, true, 429, time.Second, ""},
		{"wait over MaxWait: stopped, with the wait", RetryPolicy{MaxWait: 50 * time.Millisecond}, bg,
			response(429, nil, "Retry-After", "1"), nil, false, 429, time.Second, "longer than the 50ms the retry policy allows"},
		{"retry-after-ms over MaxWait", RetryPolicy{MaxWait: 100 * time.Millisecond}, bg,
			response(500, nil, "Retry-After-Ms", "250"), nil, false, 500, 250 * time.Millisecond, "asks to wait 250ms"},
		{"zero MaxWait is DefaultMaxWait: 60s retried", RetryPolicy{}, bg,
			response(429, nil, "Retry-After", "60"), nil, true, 429, time.Minute, ""},
		{"zero MaxWait is DefaultMaxWait: 3m stopped", RetryPolicy{}, bg,
			response(429, nil, "Retry-After", "180"), nil, false, 429, 3 * time.Minute, "longer than the 2m0s"},
		{"negative MaxWait is DefaultMaxWait", RetryPolicy{MaxWait: -1}, bg,
			response(429, nil, "Retry-After", "60"), nil, true, 429, time.Minute, ""},
		{"hours stopped", RetryPolicy{MaxWait: time.Second}, bg,
			response(503, nil, "Retry-After", "1743440400", "X-Should-Retry", "true"), nil, false, 503, MaxRetryAfter, ""},
		{"no wait asked: retried, with the error", RetryPolicy{MaxWait: time.Second}, bg,
			response(500, nil), nil, true, 500, 0, ""},
		{"non-retryable: the response is the caller's", RetryPolicy{MaxWait: time.Second}, bg,
			response(400, nil, "Retry-After", "10"), nil, false, 0, 0, ""},
		{"X-Should-Retry false: not retried, whatever the wait", RetryPolicy{MaxWait: time.Second}, bg,
			response(429, nil, "Retry-After", "10", "X-Should-Retry", "false"), nil, false, 0, 0, ""},
		{"X-Should-Retry true on a 400 over MaxWait: stopped", RetryPolicy{MaxWait: time.Second}, bg,
			response(400, nil, "Retry-After", "10", "X-Should-Retry", "true"), nil, false, 400, 10 * time.Second, ""},
		{"success", RetryPolicy{MaxWait: time.Second}, bg, response(200, nil), nil, false, 0, 0, ""},
		{"cancelled context", RetryPolicy{MaxWait: time.Second}, cancelled,
			response(429, nil, "Retry-After", "10"), nil, false, 0, 0, "context canceled"},
		{"response handler's error, wait within MaxWait", RetryPolicy{MaxWait: time.Second}, bg,
			response(200, nil), errors.New("bad body"), true, 0, 0, ""},
		{"response handler's error, wait over MaxWait", RetryPolicy{MaxWait: time.Second}, bg,
			response(500, nil, "Retry-After", "10"), errors.New("bad body"), false, 500, 10 * time.Second, "bad body"},
		{"transport error", RetryPolicy{MaxWait: time.Second}, bg,
			nil, &url.Error{Op: "Get", URL: "https://api.test", Err: io.ErrUnexpectedEOF}, true, 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, tb := tt.resp, (*trackedBody)(nil)
			if resp != nil {
				resp, tb = tracked(resp, body)
			}
			got, err := tt.policy.CheckRetry(tt.ctx, resp, tt.err)
			if got != tt.want {
				t.Errorf("CheckRetry = %t, %v; want %t", got, err, tt.want)
			}
			code, ok := CodeOf(err)
			if tt.wantCode == 0 && ok || tt.wantCode != 0 && code != tt.wantCode {
				t.Errorf("CodeOf(%v) = %v, %t; want %v", err, code, ok, tt.wantCode)
			}
			if wait, _ := RetryAfter(err); wait != tt.wantWait {
				t.Errorf("RetryAfter(%v) = %v, want %v", err, wait, tt.wantWait)
			}
			if tt.wantInMsg != "" && (err == nil || !strings.Contains(err.Error(), tt.wantInMsg)) {
				t.Errorf("error %v, want it to say %q", err, tt.wantInMsg)
			}
			if tt.wantCode != 0 && tt.err == nil {
				if !errors.Is(err, &Error{Code: tt.wantCode}) {
					t.Errorf("errors.Is(%v, code %d) is false", err, tt.wantCode)
				}
				var apiErr *Error
				if !errors.As(err, &apiErr) || apiErr.Message != "slow down" {
					t.Errorf("the error %v does not carry the body's message", err)
				}
			}
			if resp == nil {
				return
			}
			// The body, read or not, reads whole, and closes the original.
			rest, _ := io.ReadAll(resp.Body)
			if string(rest) != body {
				t.Errorf("the body reads %q after CheckRetry, want %q", rest, body)
			}
			resp.Body.Close()
			if !tb.closed {
				t.Error("closing the body left the original open")
			}
		})
	}
}

// TestRetryPolicyCheckRetryLongBody: a body longer than FromResponse reads
// still reads whole after CheckRetry.
func TestRetryPolicyCheckRetryLongBody(t *testing.T) {
	long := strings.Repeat("x", MaxBodyBytes+1000)
	resp, _ := tracked(response(500, nil), long)
	if retry, err := (RetryPolicy{}).CheckRetry(context.Background(), resp, nil); !retry || err == nil {
		t.Fatalf("CheckRetry = %t, %v; want true and the error", retry, err)
	}
	if got, _ := io.ReadAll(resp.Body); string(got) != long {
		t.Errorf("the body reads %d bytes after CheckRetry, want %d", len(got), len(long))
	}
}

func TestRetryPolicyBackoff(t *testing.T) {
	minWait, maxWait := 10*time.Millisecond, 50*time.Millisecond
	date := time.Now().UTC().Format(http.TimeFormat)
	tests := []struct {
		name   string
		policy RetryPolicy
		min    time.Duration
		resp   *http.Response
		want   time.Duration // -1: exponential, within [minWait, maxWait]
	}{
		{"server's wait honoured beyond RetryWaitMax", RetryPolicy{MaxWait: 2 * time.Second}, minWait,
			response(429, nil, "Retry-After", "1"), time.Second},
		{"retry-after-ms honoured", RetryPolicy{MaxWait: time.Second}, minWait,
			response(503, nil, "Retry-After-Ms", "300"), 300 * time.Millisecond},
		{"capped at MaxWait without CheckRetry", RetryPolicy{MaxWait: 2 * time.Second}, minWait,
			response(429, nil, "Retry-After", "1743440400"), 2 * time.Second},
		{"zero MaxWait caps at DefaultMaxWait", RetryPolicy{}, minWait,
			response(429, nil, "Retry-After", "99999"), DefaultMaxWait},
		{"raised to min", RetryPolicy{MaxWait: time.Second}, minWait,
			response(429, nil, "Retry-After", "0"), minWait},
		{"min above MaxWait: MaxWait", RetryPolicy{MaxWait: time.Second}, 5 * time.Second,
			response(429, nil, "Retry-After", "0"), time.Second},
		{"negative min", RetryPolicy{MaxWait: time.Second}, -time.Second,
			response(429, nil, "Retry-After", "0"), 0},
		{"past date: no wait beyond min", RetryPolicy{MaxWait: time.Second}, minWait,
			response(429, nil, "Retry-After", "Fri, 31 Dec 1999 23:59:59 GMT", "Date", date), minWait},
		{"no wait asked: exponential", RetryPolicy{MaxWait: time.Second}, minWait, response(500, nil), -1},
		{"no response: exponential", RetryPolicy{MaxWait: time.Second}, minWait, nil, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for range 20 {
				got := tt.policy.Backoff(tt.min, maxWait, 2, tt.resp)
				if tt.want >= 0 && got != tt.want || tt.want < 0 && (got < minWait || got > maxWait) {
					t.Fatalf("Backoff = %v, want %v", got, tt.want)
				}
			}
		})
	}
}

func TestErrorHandler(t *testing.T) {
	req, _ := http.NewRequest("POST", "https://user:pass@api.test/v1/songs?api_key=sekret-key-123#frag", nil)
	withReq := func(resp *http.Response) *http.Response { resp.Request = req; return resp }
	apiErr := &Error{Code: 429, Message: "from CheckRetry", RetryAfter: 3 * time.Second}
	dial := &url.Error{Op: "Post", URL: "https://api.test/v1/songs", Err: &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")}}
	tests := []struct {
		name     string
		resp     *http.Response
		err      error
		wantCode Code
		wantWait time.Duration
		wantMsg  string // the whole message
		wantIs   error  // errors.Is(result, wantIs), when set
	}{
		{"retries ran out on a 503, no error from CheckRetry",
			withReq(response(503, nil, "Retry-After", "7")), nil, 503, 7 * time.Second,
			"POST https://api.test/v1/songs giving up after 5 attempt(s): example: 503 Service Unavailable: the body", nil},
		{"error from RetryPolicy.CheckRetry kept",
			withReq(response(429, nil)), fmt.Errorf("%w (stopped)", apiErr), 429, 3 * time.Second,
			"POST https://api.test/v1/songs giving up after 5 attempt(s): example: 429 Too Many Requests: from CheckRetry (stopped)", apiErr},
		{"other error with a failed response: both",
			withReq(response(500, nil)), errors.New("unexpected HTTP status 500"), 500, 0,
			"POST https://api.test/v1/songs giving up after 5 attempt(s): example: 500 Internal Server Error: the body (unexpected HTTP status 500)", nil},
		{"transport error wrapped",
			nil, dial, 0, 0,
			`giving up after 5 attempt(s): Post "https://api.test/v1/songs": dial tcp: connection refused`, dial},
		{"context error wrapped",
			nil, context.DeadlineExceeded, 0, 0,
			"giving up after 5 attempt(s): context deadline exceeded", context.DeadlineExceeded},
		{"success said to be a failure",
			withReq(response(200, nil)), nil, 0, 0,
			"POST https://api.test/v1/songs giving up after 5 attempt(s)", nil},
		{"nothing at all",
			nil, nil, 0, 0, "giving up after 5 attempt(s)", nil},
		{"response without a request",
			response(502, nil), nil, 502, 0, "giving up after 5 attempt(s): example: 502 Bad Gateway: the body", nil},
		{"error whose methods panic, with a failed response",
			withReq(response(500, nil)), panickyError{}, 500, 0, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, tb := tt.resp, (*trackedBody)(nil)
			if resp != nil {
				resp, tb = tracked(resp, "the body")
			}
			got, err := ErrorHandler(resp, tt.err, 5)
			if got != nil {
				t.Errorf("ErrorHandler returned a response: %v", got)
			}
			if err == nil {
				t.Fatal("no error")
			}
			if tt.wantMsg != "" && err.Error() != tt.wantMsg {
				t.Errorf("error\n%s\nwant\n%s", err, tt.wantMsg)
			}
			code, ok := CodeOf(err)
			if tt.wantCode == 0 && ok || tt.wantCode != 0 && code != tt.wantCode {
				t.Errorf("CodeOf = %v, %t; want %v", code, ok, tt.wantCode)
			}
			if tt.wantCode != 0 && !errors.Is(err, &Error{Code: tt.wantCode}) {
				t.Errorf("errors.Is(err, code %d) is false", tt.wantCode)
			}
			if wait, _ := RetryAfter(err); wait != tt.wantWait {
				t.Errorf("RetryAfter = %v, want %v", wait, tt.wantWait)
			}
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("errors.Is(err, %v) is false", tt.wantIs)
			}
			if tb != nil && !tb.closed {
				t.Error("the body was left open")
			}
		})
	}
}

// TestErrorHandlerDrainIsBounded: ErrorHandler reads at most MaxBodyBytes
// (FromResponse) and drainLimit more of an endless body, then closes it.
func TestErrorHandlerDrainIsBounded(t *testing.T) {
	b := &trackedBody{r: endless{}}
	resp := &http.Response{StatusCode: 500, Status: "500 Internal Server Error", Header: http.Header{}, Body: b}
	if _, err := ErrorHandler(resp, nil, 1); err == nil {
		t.Fatal("no error")
	}
	if b.read > MaxBodyBytes+drainLimit || !b.closed {
		t.Errorf("read %d bytes, closed %t; want at most %d and closed", b.read, b.closed, MaxBodyBytes+drainLimit)
	}
}

// endless is a body that never ends.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'x'
	}
	return len(p), nil
}

// TestRetryPolicyBackoffTotal: RetryPolicy.Backoff never panics, and its
// wait is never negative nor beyond the larger of MaxWait (for a server's
// wait) and the client's bounds, whatever its arguments.
func TestRetryPolicyBackoffTotal(t *testing.T) {
	const huge = time.Duration(math.MaxInt64)
	bounds := []time.Duration{math.MinInt64, -1, 0, 1, time.Second, huge}
	resps := []*http.Response{
		nil,
		response(429, nil, "Retry-After", "0"),
		response(429, nil, "Retry-After", "99999999999"),
		response(503, nil, "Retry-After-Ms", "1e3"),
		{StatusCode: 500}, // no Header at all
	}
	for _, maxWait := range bounds {
		p := RetryPolicy{MaxWait: maxWait}
		for _, lo := range bounds {
			for _, hi := range bounds {
				for _, resp := range resps {
					for _, attempt := range []int{math.MinInt, -1, 0, 1, 62, 63, 64, math.MaxInt} {
						d := p.Backoff(lo, hi, attempt, resp)
						if d < 0 || d > max(p.maxWait(), hi) {
							t.Fatalf("RetryPolicy{%v}.Backoff(%v, %v, %d) = %v", maxWait, lo, hi, attempt, d)
						}
					}
				}
			}
		}
	}
}

// TestErrorRetryableHeedsShouldRetry: an *Error from a response that said
// X-Should-Retry is retryable as the header says, whatever its code; an
// invalid value leaves the code to decide.
func TestErrorRetryableHeedsShouldRetry(t *testing.T) {
	tests := []struct {
		status int
		header string
		want   bool
	}{
		{400, "true", true},
		{400, " TRUE ", true},
		{503, "false", false},
		{429, "False", false},
		{429, "", true},
		{400, "yes", false},
		{500, "maybe", true},
	}
	for _, tt := range tests {
		resp := &http.Response{StatusCode: tt.status, Header: http.Header{}, Body: http.NoBody}
		if tt.header != "" {
			resp.Header.Set("X-Should-Retry", tt.header)
		}
		err := FromResponse(resp)
		if got := IsRetryable(fmt.Errorf("call: %w", err)); got != tt.want {
			t.Errorf("%d with X-Should-Retry %q: IsRetryable = %t, want %t", tt.status, tt.header, got, tt.want)
		}
		if retry, _ := CheckRetry(context.Background(), resp, nil); retry != tt.want {
			t.Errorf("%d with X-Should-Retry %q: CheckRetry = %t, but the error says %t", tt.status, tt.header, retry, tt.want)
		}
	}
}
