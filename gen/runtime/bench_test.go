package errcodes

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Each benchmark of the runtime's hot paths sits beside a baseline: what a
// client would write by hand, or the standard library's own way. Compare
// with: go test -run '^$' -bench . -benchmem ./gen/runtime

var (
	sinkCode Code
	sinkBool bool
	sinkStr  string
	sinkErr  error
	sinkDur  time.Duration
	sinkInt  int
)

// handLookup is the baseline for Lookup: a hand-written switch.
func handLookup(status int) (int, bool) {
	switch status {
	case 400, 404, 429, 500, 503:
		return status, true
	}
	return 0, false
}

func BenchmarkLookup(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sinkCode, sinkBool = Lookup(400 + i%200)
	}
}

func BenchmarkLookupBaselineSwitch(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		var c int
		c, sinkBool = handLookup(400 + i%200)
		sinkCode = Code(c)
	}
}

func BenchmarkCodeMethods(b *testing.B) {
	b.ReportAllocs()
	codes := []Code{BadRequest, TooManyRequests, 418, ServiceUnavailable}
	for i := 0; b.Loop(); i++ {
		c := codes[i%len(codes)]
		sinkStr = c.Description()
		sinkStr = c.Remedy()
		sinkBool = c.Retryable() || c.Known()
		if c.Known() {
			sinkStr = c.String()
		}
	}
}

var (
	wrappedReason         = wrap3(NewReason(RateLimitExceeded, "slow down"))
	errJoinedReason       = fmt.Errorf("x: %w", errors.Join(errPlain, New(TooManyRequests, ""), wrappedReason))
	wrappedReasonSentinel = wrap3(ErrInsufficientQuota)
)

var (
	errPlain     = errors.New("rate limited")
	wrappedPlain = wrap3(errPlain)
	wrappedAPI   = wrap3(New(TooManyRequests, "slow down"))
)

func BenchmarkErrorsIsThreeWraps(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkBool = errors.Is(wrappedAPI, ErrTooManyRequests)
	}
}

func BenchmarkErrorsIsThreeWrapsBaselinePlainSentinel(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkBool = errors.Is(wrappedPlain, errPlain)
	}
}

func BenchmarkCodeOfThreeWraps(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkCode, sinkBool = CodeOf(wrappedAPI)
	}
}

func BenchmarkCodeOfThreeWrapsBaselineErrorsAs(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var e *Error
		sinkBool = errors.As(wrappedAPI, &e)
		sinkCode = e.Code
	}
}

func BenchmarkIsRetryableThreeWraps(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkBool = IsRetryable(wrappedAPI)
	}
}

// TestHotPathsDoNotAllocate pins the allocation counts the benchmarks show.
func TestHotPathsDoNotAllocate(t *testing.T) {
	joined := fmt.Errorf("x: %w", errors.Join(errPlain, wrappedAPI))
	checks := map[string]func(){
		"Lookup":                         func() { sinkCode, sinkBool = Lookup(429) },
		"Lookup miss":                    func() { sinkCode, sinkBool = Lookup(418) },
		"Description":                    func() { sinkStr = TooManyRequests.Description() },
		"Remedy":                         func() { sinkStr = TooManyRequests.Remedy() },
		"String":                         func() { sinkStr = TooManyRequests.String() },
		"Retryable":                      func() { sinkBool = Code(502).Retryable() },
		"CodeOf":                         func() { sinkCode, sinkBool = CodeOf(wrappedAPI) },
		"CodeOf joined":                  func() { sinkCode, sinkBool = CodeOf(joined) },
		"IsRetryable":                    func() { sinkBool = IsRetryable(wrappedAPI) },
		"errors.Is":                      func() { sinkBool = errors.Is(wrappedAPI, ErrTooManyRequests) },
		"errors.Is miss":                 func() { sinkBool = errors.Is(wrappedAPI, ErrNotFound) },
		"RetryAfter":                     func() { sinkDur, sinkBool = RetryAfter(wrappedAPI) },
		"Backoff":                        func() { sinkDur = Backoff(time.Second, 30*time.Second, 3, nil) },
		"Backoff zero min, MaxInt64 max": func() { sinkDur = Backoff(0, math.MaxInt64, 70, nil) },
		"Backoff Retry-After-Ms":         func() { sinkDur = Backoff(time.Second, 30*time.Second, 3, retryAfterMsResp) },
		"requestSecrets plain":           func() { var buf [16]string; sinkInt = len(requestSecrets(plainRequest, buf[:0])) },
		"requestSecrets credentials":     func() { var buf [16]string; sinkInt = len(requestSecrets(credRequest, buf[:0])) },
		"ReasonOf":                       func() { sinkReason, sinkBool = ReasonOf(wrappedReason) },
		"ReasonOf joined":                func() { sinkReason, sinkBool = ReasonOf(errJoinedReason) },
		"errors.Is reason sentinel":      func() { sinkBool = errors.Is(wrappedReason, ErrRateLimitExceeded) },
		"errors.Is reason sentinel miss": func() { sinkBool = errors.Is(wrappedReason, ErrInsufficientQuota) },
		"errors.Is status of a reason":   func() { sinkBool = errors.Is(wrappedReason, ErrTooManyRequests) },
		"IsRetryable reason":             func() { sinkBool = IsRetryable(wrappedReason) },
		"IsRetryable reason sentinel":    func() { sinkBool = IsRetryable(wrappedReasonSentinel) },
		"CodeOf reason sentinel":         func() { sinkCode, sinkBool = CodeOf(wrappedReasonSentinel) },
		"LookupReason":                   func() { sinkReason, sinkBool = LookupReason("rate_limit_exceeded") },
		"LookupReason miss":              func() { sinkReason, sinkBool = LookupReason("odd_code") },
		"Reason methods": func() {
			r := InsufficientQuota
			sinkStr, sinkStr, sinkStr = r.Description(), r.Remedy(), r.Name()
			sinkCode, sinkBool = r.Status(), r.Retryable() || r.Known()
		},
	}
	for name, f := range checks {
		if n := testing.AllocsPerRun(100, f); n != 0 {
			t.Errorf("%s allocates %.0f times per call", name, n)
		}
	}
}

// benchBody is a typical error response body.
const benchBody = `{"error":{"message":"You have exceeded the allowed number of requests.","code":429}}`

func benchResponse() *http.Response {
	return &http.Response{
		StatusCode: 429,
		Status:     "429 Too Many Requests",
		Header:     http.Header{"Retry-After": {"2"}},
		Body:       io.NopCloser(strings.NewReader(benchBody)),
	}
}

func BenchmarkFromResponse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkErr = FromResponse(benchResponse())
	}
}

var (
	retryAfterMsResp = &http.Response{Header: http.Header{"Retry-After-Ms": {"1500.5"}}}
	plainRequest     = newRequest("https://api.test/v1/songs?page=2", "Content-Type", "application/json", "User-Agent", "client/1.0")
	credRequest      = newRequest("https://api.test/v1/songs?api_key=qk_4455667788", "Content-Type", "application/json", "User-Agent", "client/1.0",
		"Authorization", "Bearer sk-abcdefghijklmnop", "X-Api-Key", "key_abcdefghijkl", "Cookie", "a=b; sid=sess-0123456789")
)

func newRequest(u string, header ...string) *http.Request {
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		panic(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return req
}

// BenchmarkFromResponseRequestPlain: FromResponse with a request that
// carries no credentials, the cost of looking for them.
func BenchmarkFromResponseRequestPlain(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		resp := benchResponse()
		resp.Request = plainRequest
		sinkErr = FromResponse(resp)
	}
}

// BenchmarkFromResponseRequestCredentials: FromResponse with a request that
// carries a bearer token, an API key, a session cookie and a query key,
// none of them echoed: the cost of redaction when there is nothing to
// redact.
func BenchmarkFromResponseRequestCredentials(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		resp := benchResponse()
		resp.Request = credRequest
		sinkErr = FromResponse(resp)
	}
}

// BenchmarkFromResponseGzip: a body the transport left gzipped.
func BenchmarkFromResponseGzip(b *testing.B) {
	b.ReportAllocs()
	gz := gzipped(benchBody)
	for b.Loop() {
		resp := benchResponse()
		resp.Header.Set("Content-Encoding", "gzip")
		resp.Body = io.NopCloser(bytes.NewReader(gz))
		sinkErr = FromResponse(resp)
	}
}

// BenchmarkFromResponseHugeBody: a 1 GiB body, generated as it is read;
// FromResponse reads MaxBodyBytes of it, and B/op shows what it keeps.
func BenchmarkFromResponseHugeBody(b *testing.B) {
	b.ReportAllocs()
	body := &endlessReader{}
	for b.Loop() {
		body.left = 1 << 30
		resp := benchResponse()
		resp.Body = io.NopCloser(body)
		sinkErr = FromResponse(resp)
	}
}

// BenchmarkFromResponseProblem: an RFC 9457 problem details body.
func BenchmarkFromResponseProblem(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		resp := benchResponse()
		resp.Header.Set("Content-Type", "application/problem+json")
		resp.Body = io.NopCloser(strings.NewReader(rfcProblem))
		sinkErr = FromResponse(resp)
	}
}

// BenchmarkFromResponseOld is the implementation FromResponse replaced,
// which decoded with encoding/json (response_old_test.go).
func BenchmarkFromResponseOld(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkErr = oldFromResponse(benchResponse())
	}
}

// BenchmarkFromResponseBaselineHandWritten is what a client writes by hand:
// read the body, decode one known shape, parse Retry-After as seconds.
func BenchmarkFromResponseBaselineHandWritten(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		resp := benchResponse()
		body, _ := io.ReadAll(io.LimitReader(resp.Body, MaxBodyBytes))
		var v struct {
			Error struct {
				Message string `json:"message"`
			} `json:"error"`
		}
		json.Unmarshal(body, &v)
		secs, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
		sinkErr = &Error{Code: Code(resp.StatusCode), Message: v.Error.Message, RetryAfter: time.Duration(secs) * time.Second}
	}
}

func BenchmarkBackoff(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sinkDur = Backoff(time.Second, 30*time.Second, i%8, nil)
	}
}

func BenchmarkBackoffZeroMinHugeMax(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sinkDur = Backoff(0, math.MaxInt64, i%80, nil)
	}
}

func BenchmarkBackoffRetryAfter(b *testing.B) {
	b.ReportAllocs()
	resp := &http.Response{Header: http.Header{"Retry-After": {"2"}}}
	for i := 0; b.Loop(); i++ {
		sinkDur = Backoff(time.Second, 30*time.Second, i%8, resp)
	}
}

// BenchmarkBackoffBaselineExponential is go-retryablehttp's
// DefaultBackoff without Retry-After: min·2^attempt, capped, no jitter.
func BenchmarkBackoffBaselineExponential(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		mult := math.Pow(2, float64(i%8)) * float64(time.Second)
		d := time.Duration(mult)
		if float64(d) != mult || d > 30*time.Second {
			d = 30 * time.Second
		}
		sinkDur = d
	}
}
