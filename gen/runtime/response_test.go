package errcodes

import (
	"bytes"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"
)

// response builds a response with the given status, headers and body.
func response(status int, body io.Reader, header ...string) *http.Response {
	h := http.Header{}
	for i := 0; i+1 < len(header); i += 2 {
		h.Set(header[i], header[i+1])
	}
	var rc io.ReadCloser
	if body != nil {
		rc = io.NopCloser(body)
	}
	return &http.Response{StatusCode: status, Status: http.StatusText(status), Header: h, Body: rc}
}

func text(s string) io.Reader { return strings.NewReader(s) }

// failingReader returns data, then an error.
type failingReader struct{ data []byte }

func (r *failingReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, errors.New("connection reset")
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

// endlessReader serves n bytes of 'x' without holding them, counting reads.
type endlessReader struct{ left, read int64 }

func (r *endlessReader) Read(p []byte) (int, error) {
	if r.left == 0 {
		return 0, io.EOF
	}
	n := int64(len(p))
	if n > r.left {
		n = r.left
	}
	for i := range p[:n] {
		p[i] = 'x'
	}
	r.left -= n
	r.read += n
	return int(n), nil
}

func TestFromResponse(t *testing.T) {
	date := "Wed, 25 Nov 2026 12:00:00 GMT"
	tests := []struct {
		name       string
		resp       *http.Response
		code       Code
		message    string
		retryAfter time.Duration
	}{
		{"nil response", nil, 0, "no response", 0},
		{"nil body", response(429, nil), 429, "", 0},
		{"empty body", response(500, text("")), 500, "", 0},
		{"error string", response(400, text(`{"error":"bad field"}`)), 400, "bad field", 0},
		{"message", response(404, text(`{"message":"no such song"}`)), 404, "no such song", 0},
		{"nested error", response(422, text(`{"error":{"message":"prompt too long","code":422}}`)), 422, "prompt too long", 0},
		{"detail", response(403, text(`{"detail":"key revoked"}`)), 403, "key revoked", 0},
		{"errors array", response(409, text(`{"errors":[{"message":"exists"},{"message":"other"}]}`)), 409, "exists", 0},
		{"FastAPI detail list", response(422, text(`{"detail":[{"loc":["body"],"msg":"field required"}]}`)), 422, "field required", 0},
		{"OAuth style", response(401, text(`{"error":"invalid_token","error_description":"expired"}`)), 401, "invalid_token", 0},
		{"plain text", response(502, text("  upstream\n timed out \n")), 502, "upstream timed out", 0},
		{"HTML page", response(502, text("<html><body>Bad Gateway</body></html>")), 502, "", 0},
		{"invalid JSON", response(500, text(`{"error": nope}`)), 500, "", 0},
		{"truncated JSON", response(500, text(`{"error": "boo`)), 500, "", 0},
		{"message of the wrong type", response(400, text(`{"message": 42, "error": {"message": {"a": true}}, "errors": [1, null]}`)), 400, "", 0},
		{"NestJS message list", response(400, text(`{"statusCode":400,"message":["email must be an email"],"error":"Bad Request"}`)), 400, "email must be an email", 0},
		{"wrong type falls through to a later key", response(400, text(`{"message": 42, "detail": "use detail"}`)), 400, "use detail", 0},
		{"JSON array body", response(400, text(`["a"]`)), 400, "", 0},
		{"non-UTF-8", response(400, text("bad \xff\xfe bytes")), 400, "bad \uFFFD bytes", 0},
		{"control characters cannot forge log lines", response(400, text(`{"message":"a\nlevel=ERROR msg=forged\u202e"}`)), 400, "a level=ERROR msg=forged", 0},
		{"body fails mid-read", response(503, &failingReader{[]byte(`plain words`)}), 503, "plain words", 0},
		{"long plain text is no message", response(500, text(strings.Repeat("a ", 1000))), 500, "", 0},
		{"undocumented status", response(418, text("teapot")), 418, "teapot", 0},
		{"Retry-After seconds", response(429, nil, "Retry-After", "7"), 429, "", 7 * time.Second},
		{"Retry-After date from Date header", response(503, nil, "Retry-After", "Wed, 25 Nov 2026 12:00:30 GMT", "Date", date), 503, "", 30 * time.Second},
		{"Retry-After date in the past", response(503, nil, "Retry-After", "Wed, 25 Nov 2026 11:00:00 GMT", "Date", date), 503, "", 0},
		{"Retry-After RFC 850 date", response(503, nil, "Retry-After", "Wednesday, 25-Nov-26 12:01:00 GMT", "Date", date), 503, "", time.Minute},
		{"Retry-After asctime date", response(503, nil, "Retry-After", "Wed Nov 25 12:00:05 2026", "Date", date), 503, "", 5 * time.Second},
		{"Retry-After negative", response(429, nil, "Retry-After", "-5"), 429, "", 0},
		{"Retry-After absurd", response(429, nil, "Retry-After", "99999999999"), 429, "", MaxRetryAfter},
		{"Retry-After garbage", response(429, nil, "Retry-After", "soon"), 429, "", 0},
		{"retry-after-ms wins", response(429, nil, "Retry-After", "7", "Retry-After-Ms", "1500.5"), 429, "", 1500*time.Millisecond + 500*time.Microsecond},
		{"retry-after-ms negative falls back", response(429, nil, "Retry-After", "7", "Retry-After-Ms", "-1"), 429, "", 7 * time.Second},
		{"retry-after-ms NaN", response(429, nil, "Retry-After-Ms", "NaN"), 429, "", 0},
		{"retry-after-ms absurd", response(429, nil, "Retry-After-Ms", "1e300"), 429, "", MaxRetryAfter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := FromResponse(tt.resp)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("FromResponse = %v, want an *Error", err)
			}
			if e.Code != tt.code || e.Message != tt.message || e.RetryAfter != tt.retryAfter {
				t.Errorf("got code %d message %q retry-after %v; want %d %q %v", e.Code, e.Message, e.RetryAfter, tt.code, tt.message, tt.retryAfter)
			}
			if e.Error() == "" {
				t.Error("empty Error()")
			}
		})
	}
}

func TestFromResponseSuccess(t *testing.T) {
	for _, status := range []int{200, 201, 204, 301, 304, 399} {
		if err := FromResponse(response(status, text("ok"))); err != nil {
			t.Errorf("status %d: %v", status, err)
		}
	}
}

func TestFromResponseFields(t *testing.T) {
	resp := response(429, text(`{"error":{"message":"slow down"}}`), "Retry-After", "2", "Authorization", "Bearer secret")
	resp.Status = "429 Too Many Requests"
	resp.Request, _ = http.NewRequest("GET", "https://user:pass@api.test/v1?key=secret", nil)
	resp.Request.Header.Set("Authorization", "Bearer secret")
	err := FromResponse(resp)
	if got, want := err.Error(), "example: 429 Too Many Requests: slow down"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	e := err.(*Error)
	if e.Status != "429 Too Many Requests" || string(e.Body) != `{"error":{"message":"slow down"}}` {
		t.Errorf("Status %q Body %q", e.Status, e.Body)
	}
	if !errors.Is(err, ErrTooManyRequests) || !IsRetryable(err) {
		t.Error("not a retryable too-many-requests error")
	}
	if d, ok := RetryAfter(err); !ok || d != 2*time.Second {
		t.Errorf("RetryAfter = %v, %t", d, ok)
	}
	var logged bytes.Buffer
	slog.New(slog.NewTextHandler(&logged, nil)).Info("call failed", "err", err)
	for _, want := range []string{"err.code=429", "err.name=TooManyRequests", `err.status="429 Too Many Requests"`, "err.retryable=true", `err.message="slow down"`, "err.retry_after=2s"} {
		if !strings.Contains(logged.String(), want) {
			t.Errorf("log line %q lacks %s", logged.String(), want)
		}
	}
	if s := err.Error() + logged.String(); strings.Contains(s, "secret") || strings.Contains(s, "pass") {
		t.Errorf("credentials leak: %s", s)
	}
}

func TestFromResponseUndocumented(t *testing.T) {
	err := FromResponse(response(401, text("")))
	e := err.(*Error)
	if e.Code.Known() || e.Code.Description() != "Unauthorized" || e.Retryable() {
		t.Errorf("401: known %t description %q retryable %t", e.Code.Known(), e.Code.Description(), e.Retryable())
	}
	e = FromResponse(response(502, nil)).(*Error)
	if e.Code.Known() || !e.Retryable() {
		t.Errorf("502 should be unknown and retryable by the default rule")
	}
}

// TestFromResponseReadsBoundedBody serves a 1 GiB body: FromResponse must
// read at most MaxBodyBytes of it and keep memory flat.
func TestFromResponseReadsBoundedBody(t *testing.T) {
	body := &endlessReader{left: 1 << 30}
	allocs := testing.AllocsPerRun(1, func() {
		body.left, body.read = 1<<30, 0
		FromResponse(response(500, body))
	})
	if body.read > MaxBodyBytes {
		t.Errorf("read %d bytes, more than MaxBodyBytes", body.read)
	}
	e := FromResponse(response(500, &endlessReader{left: 1 << 30})).(*Error)
	if len(e.Body) != maxKeptBody {
		t.Errorf("kept %d bytes of body, want %d", len(e.Body), maxKeptBody)
	}
	if allocs > 100 {
		t.Errorf("%.0f allocations for a huge body", allocs)
	}
}

func TestErrorWithoutStatusLogsAndPrints(t *testing.T) {
	var nilErr *Error
	if v := nilErr.LogValue(); v.String() != "<nil>" {
		t.Errorf("nil LogValue = %v", v)
	}
	if _, ok := RetryAfter(nil); ok {
		t.Error("RetryAfter(nil) ok")
	}
	if _, ok := RetryAfter(New(TooManyRequests, "")); ok {
		t.Error("RetryAfter without a wait ok")
	}
}
