package errcodes

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"math"
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

// parseRetryAfterMs reads a retry-after-ms value: non-negative milliseconds,
// possibly fractional.
func parseRetryAfterMs(v string) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	ms, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(ms) || ms < 0 {
		return 0, false
	}
	if ms >= float64(MaxRetryAfter/time.Millisecond) {
		return MaxRetryAfter, true
	}
	return time.Duration(ms * float64(time.Millisecond)), true
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
func CheckRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx != nil && ctx.Err() != nil {
		return false, ctx.Err()
	}
	if err != nil {
		if permanent(err) {
			return false, err
		}
		return true, nil
	}
	if resp == nil || resp.StatusCode < 400 {
		return false, nil
	}
	return Code(resp.StatusCode).Retryable(), nil
}

// permanent reports whether a transport error will recur on a retry.
func permanent(err error) bool {
	if errors.Is(err, context.Canceled) {
		return true
	}
	var unknownAuthority x509.UnknownAuthorityError
	var invalidCert x509.CertificateInvalidError
	var hostname x509.HostnameError
	var verification *tls.CertificateVerificationError
	if errors.As(err, &unknownAuthority) || errors.As(err, &invalidCert) ||
		errors.As(err, &hostname) || errors.As(err, &verification) {
		return true
	}
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		msg := urlErr.Err.Error()
		// net/http gives these no type of their own.
		return strings.Contains(msg, "stopped after") && strings.Contains(msg, "redirects") ||
			strings.Contains(msg, "unsupported protocol scheme") ||
			strings.Contains(msg, "invalid header")
	}
	return false
}

// Backoff returns how long to wait before attempt attemptNum+1. Its
// signature is that of go-retryablehttp's Backoff, so client.Backoff =
// errcodes.Backoff works without this package importing that module.
//
// When resp asks for a wait (retry-after-ms or Retry-After), Backoff honours
// it, but never waits less than minWait nor more than maxWait: a server that
// asks for hours gets maxWait. Otherwise the wait is exponential with full
// jitter: a random duration between minWait and minWait·2^attemptNum, capped
// at maxWait.
func Backoff(minWait, maxWait time.Duration, attemptNum int, resp *http.Response) time.Duration {
	if minWait < 0 {
		minWait = 0
	}
	if maxWait < minWait {
		maxWait = minWait
	}
	if resp != nil {
		if d, ok := retryAfterOf(resp.Header); ok {
			return clamp(d, minWait, maxWait)
		}
	}
	upper := maxWait
	if attemptNum >= 0 && attemptNum < 62 && minWait > 0 && minWait <= maxWait>>attemptNum {
		upper = minWait << attemptNum
	}
	if upper <= minWait {
		return minWait
	}
	return minWait + rand.N(upper-minWait+1)
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
