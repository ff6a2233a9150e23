package errcodes

import (
	"bytes"
	"errors"
	"net/http"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzFromResponse: any status, body and Retry-After headers give nil (below
// 400) or a sensible *Error, never a panic: a clean message, a bounded body
// and a wait within [0, MaxRetryAfter].
func FuzzFromResponse(f *testing.F) {
	f.Add(429, []byte(`{"error":{"message":"slow down"}}`), "2", "")
	f.Add(500, []byte(`{"errors":[{"message":"x"}]}`), "Wed, 25 Nov 2026 12:00:30 GMT", "150")
	f.Add(400, []byte("bad \xff"), "-5", "NaN")
	f.Add(503, []byte(`{"detail":[{"msg":"m"}]}`), "99999999999", "1e400")
	f.Fuzz(func(t *testing.T, status int, body []byte, retryAfter, retryAfterMs string) {
		h := http.Header{}
		h.Set("Retry-After", retryAfter)
		h.Set("Retry-After-Ms", retryAfterMs)
		h.Set("Date", "Wed, 25 Nov 2026 12:00:00 GMT")
		resp := &http.Response{StatusCode: status, Header: h, Body: http.NoBody}
		if body != nil {
			resp.Body = readCloser{bytes.NewReader(body)}
		}
		err := FromResponse(resp)
		if status < 400 {
			if err != nil {
				t.Fatalf("status %d gave %v", status, err)
			}
			return
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("status %d gave %v", status, err)
		}
		if !utf8.ValidString(e.Message) || len(e.Message) > maxMessageLen+len("…") || len(e.Body) > maxKeptBody {
			t.Fatalf("message %q body %d bytes", e.Message, len(e.Body))
		}
		for _, r := range e.Message {
			if r < ' ' || r == 0x7f {
				t.Fatalf("control character in message %q", e.Message)
			}
		}
		if e.RetryAfter < 0 || e.RetryAfter > MaxRetryAfter {
			t.Fatalf("RetryAfter %v", e.RetryAfter)
		}
		_ = e.Error()
		_ = e.LogValue()
	})
}

type readCloser struct{ *bytes.Reader }

func (readCloser) Close() error { return nil }

// FuzzParseRetryAfter: any value gives a wait within [0, MaxRetryAfter] or
// false, never a panic.
func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"0", "120", "-5", "99999999999", "Wed, 25 Nov 2026 12:00:30 GMT", "Wednesday, 25-Nov-26 12:01:00 GMT", "Wed Nov 25 12:00:05 2026", "soon", ""} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, v string) {
		d, ok := ParseRetryAfter(v, now)
		if d < 0 || d > MaxRetryAfter || (!ok && d != 0) {
			t.Fatalf("ParseRetryAfter(%q) = %v, %t", v, d, ok)
		}
		b := Backoff(time.Millisecond, time.Second, 3, &http.Response{Header: http.Header{"Retry-After": {v}}})
		if b < time.Millisecond || b > time.Second {
			t.Fatalf("Backoff with Retry-After %q = %v", v, b)
		}
	})
}
