package errcodes

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzFromResponse: any status, body, Retry-After headers, Content-Encoding
// and request credential give nil (below 400) or a sensible *Error, never a
// panic: a clean message, a bounded body, a wait within [0, MaxRetryAfter],
// and no trace of the credential (sent as a bearer token, an API key and a
// query parameter) in Error(), the log output, Message, Status or Body.
func FuzzFromResponse(f *testing.F) {
	f.Add(429, []byte(`{"error":{"message":"slow down"}}`), "2", "", "", "")
	f.Add(500, []byte(`{"errors":[{"message":"x"}]}`), "Wed, 25 Nov 2026 12:00:30 GMT", "150", "", "")
	f.Add(400, []byte("bad \xff"), "-5", "NaN", "", "")
	f.Add(503, []byte(`{"detail":[{"msg":"m"}]}`), "99999999999", "1e400", "", "")
	// retry-after-ms that is no plain decimal falls back to Retry-After.
	for _, ms := range []string{"inf", "Infinity", "NaN", "0x1p10", "1e400", "-5", "1_000", "+5", "1500.5", ".5"} {
		f.Add(429, []byte(nil), "7", ms, "", "")
	}
	// Echoed credentials.
	f.Add(401, []byte(`{"message":"bad token sk-abcdefghij"}`), "", "", "", "sk-abcdefghij")
	f.Add(401, []byte("echo: Authorization: Bearer sk-abcdefghij, X-Api-Key: sk-abcdefghij"), "", "", "", "sk-abcdefghij")
	f.Add(401, []byte(`{"message":"bad token ab\/cd\/efgh"}`), "", "", "", "ab/cd/efgh")
	f.Add(401, []byte(`{"message":"x"}`), "", "", "", "1")
	f.Add(401, []byte(`{"type":"t","title":"bad sk-abcdefghij","status":401,"instance":"/k/sk-abcdefghij"}`), "", "", "", "sk-abcdefghij")
	f.Add(401, []byte(strings.Repeat("x", 1015)+" sk-abcdefghij"), "", "", "", "sk-abcdefghij")
	// Binary, compressed and BOM-prefixed bodies.
	gz := gzipped(`{"error":{"message":"slow down"}}`)
	f.Add(502, gz, "", "", "", "")
	f.Add(502, gz, "", "", "gzip", "")
	f.Add(502, gz[:len(gz)-5], "", "", "gzip", "")
	f.Add(502, gzipped(strings.Repeat("\x00", 1<<20)), "", "", "gzip", "")
	f.Add(502, gzipped("token sk-abcdefghij"), "", "", "gzip", "sk-abcdefghij")
	f.Add(502, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "", "", "", "")
	f.Add(502, []byte("\x01\x02\x03\x04\x05abcdefghij"), "", "", "", "")
	f.Add(502, []byte("\xef\xbb\xbf{\"message\":\"bom json\"}"), "", "", "", "")
	f.Add(502, []byte(" \xef\xbb\xbf <html></html>"), "", "", "", "")
	f.Fuzz(func(t *testing.T, status int, body []byte, retryAfter, retryAfterMs, contentEncoding, secret string) {
		h := http.Header{}
		h.Set("Retry-After", retryAfter)
		h.Set("Retry-After-Ms", retryAfterMs)
		h.Set("Content-Encoding", contentEncoding)
		h.Set("Date", "Wed, 25 Nov 2026 12:00:00 GMT")
		// Any JSON object is then a Problem, whose members are checked
		// as the message is; the message does not depend on it.
		h.Set("Content-Type", "application/problem+json")
		resp := &http.Response{StatusCode: status, Status: fmt.Sprint(status, " ", secret), Header: h, Body: http.NoBody}
		if body != nil {
			resp.Body = readCloser{bytes.NewReader(body)}
		}
		resp.Request, _ = http.NewRequest("GET", "https://api.test/v1?api_key="+url.QueryEscape(secret), nil)
		if resp.Request != nil {
			resp.Request.Header = http.Header{"Authorization": {"Bearer " + secret}, "X-Api-Key": {secret}}
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
		texts := map[string]string{"Message": e.Message}
		if p := e.Problem; p != nil {
			texts["Problem.Type"], texts["Problem.Title"], texts["Problem.Detail"], texts["Problem.Instance"] = p.Type, p.Title, p.Detail, p.Instance
		}
		for where, s := range texts {
			if !utf8.ValidString(s) || len(s) > maxMessageLen+len("…") {
				t.Fatalf("%s %q", where, s)
			}
			for _, r := range s {
				if r < ' ' || r == 0x7f {
					t.Fatalf("control character in %s %q", where, s)
				}
			}
		}
		if e.RetryAfter < 0 || e.RetryAfter > MaxRetryAfter {
			t.Fatalf("RetryAfter %v", e.RetryAfter)
		}
		var logged bytes.Buffer
		slog.New(slog.NewTextHandler(&logged, nil)).Info("x", "err", e)
		errText := e.Error()
		// A credential of plain token characters leaves no trace. (Others
		// can overlap "[REDACTED]" itself, or change in cleaning.)
		if len(secret) >= minSecretLen && isTokenText(secret) && !strings.Contains(redacted, secret) {
			texts["Error()"], texts["log"], texts["Status"], texts["Body"] = errText, logged.String(), e.Status, string(e.Body)
			for where, s := range texts {
				if strings.Contains(s, secret) {
					t.Fatalf("%s holds the credential %q: %q", where, secret, s)
				}
			}
		}
	})
}

// isTokenText reports whether s is made of the characters of API tokens:
// letters, digits and "-._~+/=".
func isTokenText(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~+/=", c) >= 0) {
			return false
		}
	}
	return true
}

type readCloser struct{ *bytes.Reader }

func (readCloser) Close() error { return nil }

// FuzzParseRetryAfter: any value gives a wait within [0, MaxRetryAfter] or
// false, never a panic, as Retry-After and as retry-after-ms; a
// retry-after-ms that is no plain decimal is refused and leaves a valid
// Retry-After in charge.
func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"0", "120", "-5", "99999999999", "Wed, 25 Nov 2026 12:00:30 GMT", "Wednesday, 25-Nov-26 12:01:00 GMT", "Wed Nov 25 12:00:05 2026", "soon", "",
		"inf", "Infinity", "NaN", "0x1p10", "1e400", "1_000", "+5", "1500.5", ".5", "5.", "86400000.1", "0.0000001"} {
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
		ms, ok := parseRetryAfterMs(v)
		if ms < 0 || ms > MaxRetryAfter || (!ok && ms != 0) {
			t.Fatalf("parseRetryAfterMs(%q) = %v, %t", v, ms, ok)
		}
		whole, frac, dotted := strings.Cut(strings.TrimSpace(v), ".")
		if plain := isDigits(whole) && (!dotted || isDigits(frac)); ok != plain {
			t.Fatalf("parseRetryAfterMs(%q) ok = %t, want %t", v, ok, plain)
		}
		resp := &http.Response{Header: http.Header{"Retry-After": {"7"}, "Retry-After-Ms": {v}}}
		if got, _ := retryAfterOf(resp.Header); !ok && got != 7*time.Second {
			t.Fatalf("retry-after-ms %q overrode Retry-After: %v", v, got)
		}
	})
}

// FuzzBackoff: for any bounds, attempt and Retry-After, Backoff never
// panics and its wait lies within [min(max(min, 0), max), max(max, 0)]: in
// [0, max] for max > 0, and 0 for max <= 0.
func FuzzBackoff(f *testing.F) {
	f.Add(int64(0), int64(math.MaxInt64), 0, "")
	f.Add(int64(-1), int64(math.MaxInt64), 0, "")
	f.Add(int64(math.MinInt64), int64(math.MaxInt64), math.MaxInt, "")
	f.Add(int64(math.MaxInt64), int64(math.MaxInt64), math.MinInt, "")
	f.Add(int64(time.Second), int64(0), 3, "")
	f.Add(int64(5*time.Second), int64(time.Second), 62, "5")
	f.Add(int64(1), int64(1<<62), 63, "99999999999")
	f.Add(int64(0), int64(30*time.Second), 64, "Fri, 01 Jan 2100 00:00:00 GMT")
	f.Add(int64(-5), int64(-1), -1, "1")
	f.Fuzz(func(t *testing.T, minNs, maxNs int64, attempt int, retryAfter string) {
		minWait, maxWait := time.Duration(minNs), time.Duration(maxNs)
		var resp *http.Response
		if retryAfter != "" {
			resp = &http.Response{Header: http.Header{"Retry-After": {retryAfter}}}
		}
		d := Backoff(minWait, maxWait, attempt, resp)
		hi := max(maxWait, 0)
		lo := min(max(minWait, 0), hi)
		if d < lo || d > hi {
			t.Fatalf("Backoff(%v, %v, %d, %q) = %v, outside [%v, %v]", minWait, maxWait, attempt, retryAfter, d, lo, hi)
		}
	})
}
