package errcodes

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// MaxRetryAfter caps every wait a server asks for. A server that says
// "Retry-After: 99999999999" gets this instead of three thousand years;
// Backoff caps it further at its own maximum.
const MaxRetryAfter = 24 * time.Hour

// ParseRetryAfter reads a Retry-After value: delay-seconds ("120") or an
// HTTP-date in any of the three formats http.ParseTime accepts, measured from
// now. A date in the past gives 0; a wait longer than MaxRetryAfter gives
// MaxRetryAfter. ok is false for anything else, negative numbers included.
func ParseRetryAfter(v string, now time.Time) (d time.Duration, ok bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if isDigits(v) {
		secs, err := strconv.ParseInt(v, 10, 64)
		if err != nil || secs > int64(MaxRetryAfter/time.Second) {
			return MaxRetryAfter, true // too many digits to be meant
		}
		return time.Duration(secs) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return clampWait(t.Sub(now)), true
}

// parseRetryAfterMs reads a retry-after-ms value: non-negative milliseconds
// written as plain decimal digits with an optional fraction ("250",
// "1500.5"). Anything else (a sign, an exponent, a hex float, "inf", "NaN",
// underscores, a bare "." or a fraction without digits on both sides) is not
// a value, so that the caller falls back to Retry-After. Digits beyond the
// nanosecond are dropped; a wait over MaxRetryAfter gives MaxRetryAfter.
func parseRetryAfterMs(v string) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	whole, frac, dotted := strings.Cut(v, ".")
	if !isDigits(whole) || dotted && !isDigits(frac) {
		return 0, false
	}
	whole = strings.TrimLeft(whole, "0")
	const maxMs = int64(MaxRetryAfter / time.Millisecond)
	if len(whole) > 18 { // 18 digits cannot overflow an int64
		return MaxRetryAfter, true
	}
	var ms int64
	for i := 0; i < len(whole); i++ {
		ms = ms*10 + int64(whole[i]-'0')
	}
	if ms >= maxMs {
		return MaxRetryAfter, true
	}
	d := time.Duration(ms) * time.Millisecond
	// The fraction, to the nanosecond: 1 ms is 10^6 ns.
	scale := time.Duration(time.Millisecond / 10)
	for i := 0; i < len(frac) && scale > 0; i++ {
		d += time.Duration(frac[i]-'0') * scale
		scale /= 10
	}
	return d, true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// clampWait bounds a wait to [0, MaxRetryAfter].
func clampWait(d time.Duration) time.Duration {
	return min(max(d, 0), MaxRetryAfter)
}

// RetryAfter returns the wait the server asked for, from the first *Error in
// err's chain. ok is false when there is no such error or it asked for no
// wait.
func RetryAfter(err error) (d time.Duration, ok bool) {
	if e := find(err); e != nil && e.RetryAfter > 0 {
		return e.RetryAfter, true
	}
	return 0, false
}

// CheckRetry decides whether to send a request again. Its signature is that
// of go-retryablehttp's CheckRetry, so client.CheckRetry = errcodes.CheckRetry
// works without this package importing that module.
//
// It never retries once ctx is cancelled or expired, returning ctx's error.
// Transport errors are retried, except those that will fail the same way
// again: too many redirects, an unsupported scheme, an invalid header, a
// certificate the client does not trust, a cancelled request. A response is
// retried when its status is retryable: as the docs (or the spec) say for a
// documented code, and by the default rule otherwise; never a non-retryable
// 4xx.
//
// When the package documents string codes (Reason), a failed response's body
// decides first: CheckRetry reads its start (at most MaxBodyBytes) and puts
// it back, so that resp.Body reads the same bytes, then the rest, and
// closing it closes the original body. A Known reason in it decides as the
// docs say for the reason: a 429 whose body says insufficient_quota is not
// retried, one that says rate_limit_exceeded is. Without a Known reason the
// status decides.
//
// A failed response (status 400 or more) whose X-Should-Retry header says
// "true" or "false" (any case, spaces around ignored) is retried or not as
// the header says, whatever its status and its body's reason: the server knows better than a table
// of statuses, and the Stainless-generated SDKs (openai-go, anthropic-sdk-go)
// obey the header too. Any other value is ignored. The header never makes a
// success (below 400) retried; with a transport error, "false" still stops
// the retries.
//
// It never panics on an error value, however it is built: a *url.Error or
// *net.OpError whose Err is nil, a nil pointer in the chain, an Error or
// Unwrap method that panics. An error it cannot inspect is retried, as
// go-retryablehttp retries a *url.Error whose Err is nil.
func CheckRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx != nil && ctx.Err() != nil {
		return false, ctx.Err()
	}
	if err != nil {
		if permanent(err) {
			return false, err
		}
		// go-retryablehttp calls CheckRetry a second time with the response
		// and the error of a request's response handler.
		if resp != nil {
			if retry, ok := shouldRetryHeader(resp.Header); ok && !retry {
				return false, err
			}
		}
		return true, nil
	}
	if resp == nil || resp.StatusCode < 400 {
		return false, nil
	}
	if retry, ok := shouldRetryHeader(resp.Header); ok {
		return retry, nil
	}
	if r := responseReason(resp); r.Known() {
		return r.Retryable(), nil
	}
	return Code(resp.StatusCode).Retryable(), nil
}

// shouldRetryHeader reads the X-Should-Retry header: retry is what it says,
// and ok is false when it is absent or says neither "true" nor "false".
func shouldRetryHeader(h http.Header) (retry, ok bool) {
	v := strings.TrimSpace(h.Get("X-Should-Retry"))
	switch {
	case strings.EqualFold(v, "true"):
		return true, true
	case strings.EqualFold(v, "false"):
		return false, true
	}
	return false, false
}

// permanent reports whether a transport error will recur on a retry. An
// error whose methods panic (errors.Is calls Unwrap, and a nil *url.Error's
// Unwrap dereferences nil) is not permanent.
func permanent(err error) (perm bool) {
	defer func() {
		if recover() != nil {
			perm = false
		}
	}()
	if errors.Is(err, context.Canceled) {
		return true
	}
	// errors.As only matches types here; it calls no Error method, so a
	// HostnameError without its certificate or a CertificateVerificationError
	// without its Err (whose Error methods panic) is still recognised.
	var unknownAuthority x509.UnknownAuthorityError
	var invalidCert x509.CertificateInvalidError
	var hostname x509.HostnameError
	var verification *tls.CertificateVerificationError
	if errors.As(err, &unknownAuthority) || errors.As(err, &invalidCert) ||
		errors.As(err, &hostname) || errors.As(err, &verification) {
		return true
	}
	var urlErr *url.Error
	if errors.As(err, &urlErr) && urlErr != nil && urlErr.Err != nil {
		msg := errorText(urlErr.Err)
		// net/http gives these no type of their own.
		return strings.Contains(msg, "stopped after") && strings.Contains(msg, "redirects") ||
			strings.Contains(msg, "unsupported protocol scheme") ||
			strings.Contains(msg, "invalid header")
	}
	return false
}

// errorText returns err.Error(), or "" when err is nil or its Error method
// panics (a *net.OpError whose Err is nil does).
func errorText(err error) (s string) {
	defer func() {
		if recover() != nil {
			s = ""
		}
	}()
	if err == nil {
		return ""
	}
	return err.Error()
}

// backoffBase is where exponential backoff starts when the minimum wait is
// zero or negative: with no floor to grow from, the first retry waits at most
// this long (or the maximum, if smaller), the next at most twice this, and
// so on.
const backoffBase = 100 * time.Millisecond

// Backoff returns how long to wait before attempt attemptNum+1. Its
// signature is that of go-retryablehttp's Backoff, so client.Backoff =
// errcodes.Backoff works without this package importing that module.
//
// The wait is always within [max(minWait, 0), max(maxWait, 0)]: maxWait is a
// hard cap, so when minWait > maxWait the wait is maxWait (as with
// go-retryablehttp's DefaultBackoff), and a maxWait of zero or less means no
// wait at all.
//
// When resp asks for a wait (retry-after-ms or Retry-After), Backoff honours
// it within those bounds: a server that asks for hours gets maxWait.
// Otherwise the wait is exponential with full jitter: a random duration
// between minWait and base·2^attemptNum, capped at maxWait, where base is
// minWait, or 100ms when minWait is zero or less (the floor then stays 0).
// A negative attemptNum counts as 0; a huge one just reaches maxWait. It
// never panics and never overflows, whatever its arguments.
func Backoff(minWait, maxWait time.Duration, attemptNum int, resp *http.Response) time.Duration {
	maxWait = max(maxWait, 0)
	minWait = min(max(minWait, 0), maxWait)
	if resp != nil {
		if d, ok := retryAfterOf(resp.Header); ok {
			return clamp(d, minWait, maxWait)
		}
	}
	base := minWait
	if base == 0 {
		base = min(backoffBase, maxWait)
	}
	attemptNum = max(attemptNum, 0)
	upper := maxWait
	if base > 0 && attemptNum < 63 && base <= maxWait>>attemptNum {
		upper = base << attemptNum
	}
	if upper <= minWait {
		return minWait
	}
	// 0 <= minWait < upper, so the span is at most MaxInt64 and span+1
	// fits a uint64 (rand.N(span+1) would overflow to a negative argument
	// and panic for minWait 0 and maxWait math.MaxInt64).
	span := uint64(upper - minWait)
	return minWait + time.Duration(rand.Uint64N(span+1))
}

func clamp(d, lo, hi time.Duration) time.Duration {
	if d < lo {
		return lo
	}
	if d > hi {
		return hi
	}
	return d
}
