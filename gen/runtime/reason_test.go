package errcodes

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// The stub's string codes (from gen/testdata/codes.json): insufficient_quota
// and rate_limit_exceeded are both 429, one exhausted and one retried;
// model_overloaded is 503, retried by its remedy where the stub's 503 is
// not; legacy_param has no status and is removed; server_error has an
// earlier name, InternalError.

func TestReasonMethods(t *testing.T) {
	tests := []struct {
		r           Reason
		name        string
		known       bool
		status      Code
		retryable   bool
		description string
		remedy      string
	}{
		{InsufficientQuota, "InsufficientQuota", true, TooManyRequests, false, "You exceeded your current quota.", "Check your plan and billing details."},
		{RateLimitExceeded, "RateLimitExceeded", true, TooManyRequests, true, "Rate limit reached for requests.", "Pace your requests."},
		{ModelOverloaded, "ModelOverloaded", true, ServiceUnavailable, true, "The model is overloaded.", "Retry after a short wait."},
		{InvalidAPIKey, "InvalidAPIKey", true, 401, false, "Incorrect API key provided.", "Check the key you send."},
		{LegacyParam, "LegacyParam", true, 0, false, "legacy_param", ""},
		{InternalError, "ServerError", true, InternalServerError, true, "The server had an error while processing your request.", ""},
		{"no_such_code", "", false, 0, false, "", ""},
		{"", "", false, 0, false, "", ""},
	}
	for _, tt := range tests {
		t.Run(string(tt.r), func(t *testing.T) {
			r := tt.r
			if r.String() != string(tt.r) || r.Name() != tt.name || r.Known() != tt.known || r.Status() != tt.status ||
				r.Retryable() != tt.retryable || r.Description() != tt.description || r.Remedy() != tt.remedy {
				t.Errorf("got %q %q known=%t status=%d retryable=%t %q %q", r.String(), r.Name(), r.Known(), r.Status(), r.Retryable(), r.Description(), r.Remedy())
			}
			got, ok := LookupReason(string(tt.r))
			if ok != tt.known || tt.known && got != tt.r || !tt.known && got != "" {
				t.Errorf("LookupReason(%q) = %q, %t", tt.r, got, ok)
			}
		})
	}
}

func TestReasons(t *testing.T) {
	rs := Reasons()
	if !slices.IsSorted(rs) || len(rs) != 6 {
		t.Fatalf("Reasons() = %q, want the 6 codes sorted", rs)
	}
	for _, r := range rs {
		if !r.Known() {
			t.Errorf("%q is listed but not Known", r)
		}
	}
	rs[0] = "changed"
	if Reasons()[0] == "changed" {
		t.Error("Reasons() shares its slice")
	}
}

func TestReasonText(t *testing.T) {
	for _, s := range []string{"insufficient_quota", "no_such_code", "SVCSTG.ATS.400101", "urn:x/y-z", strings.Repeat("a", MaxReasonLen), ""} {
		var r Reason
		if err := r.UnmarshalText([]byte(s)); err != nil || string(r) != s {
			t.Errorf("UnmarshalText(%q) = %q, %v", s, r, err)
		}
		data, err := r.MarshalText()
		if err != nil || string(data) != s {
			t.Errorf("MarshalText(%q) = %q, %v", r, data, err)
		}
	}
	for _, s := range []string{"has space", "quote\"", "new\nline", strings.Repeat("a", MaxReasonLen+1), "é", "[REDACTED]", "a\x00"} {
		r := RateLimitExceeded
		err := r.UnmarshalText([]byte(s))
		if err == nil || !errors.Is(err, errBadReason) || r != RateLimitExceeded {
			t.Errorf("UnmarshalText(%q) = %q, %v; want errBadReason and r unchanged", s, r, err)
		}
		if _, err := Reason(s).MarshalText(); err == nil {
			t.Errorf("MarshalText(%q) succeeded", s)
		}
	}
}

// TestReasonSentinels checks errors.Is from both sides, through wrapping
// and joining, and that the status sentinels still match reason errors.
func TestReasonSentinels(t *testing.T) {
	quota := NewReason(InsufficientQuota, "pay up")
	tests := []struct {
		name   string
		err    error
		target error
		want   bool
	}{
		{"error matches its reason sentinel", quota, ErrInsufficientQuota, true},
		{"wrapped", wrap3(quota), ErrInsufficientQuota, true},
		{"joined", errors.Join(io.EOF, wrap3(quota)), ErrInsufficientQuota, true},
		{"other reason of the same status does not", quota, ErrRateLimitExceeded, false},
		{"status sentinel still matches", wrap3(quota), ErrTooManyRequests, true},
		{"earlier name's sentinel", NewReason(ServerError, ""), ErrInternalError, true},
		{"unknown reason, its own sentinel", &Error{Code: 429, Reason: "odd_code"}, ReasonSentinel("odd_code"), true},
		{"unknown reason, status sentinel", &Error{Code: 429, Reason: "odd_code"}, ErrTooManyRequests, true},
		{"error without reason", New(TooManyRequests, ""), ErrRateLimitExceeded, false},
		{"empty reason sentinel matches nothing", New(TooManyRequests, ""), ReasonSentinel(""), false},
		{"reason from a 503, whatever its status", &Error{Code: 503, Reason: RateLimitExceeded}, ErrRateLimitExceeded, true},
		{"sentinel matches itself", ErrRateLimitExceeded, ErrRateLimitExceeded, true},
		{"wrapped sentinel", wrap3(ErrRateLimitExceeded), ErrRateLimitExceeded, true},
		{"sentinel matches an error of its reason", ErrInsufficientQuota, quota, true},
		{"sentinel is an error of its status", ErrInsufficientQuota, ErrTooManyRequests, true},
		{"sentinel is not another status", ErrInsufficientQuota, ErrNotFound, false},
		{"sentinel without status matches no status", ErrLegacyParam, Sentinel(0), false},
		{"two reason sentinels differ", ErrInsufficientQuota, ErrRateLimitExceeded, false},
		{"sentinel does not match a typed nil", ErrInsufficientQuota, (*Error)(nil), false},
		{"typed nil does not match", (*Error)(nil), ErrInsufficientQuota, false},
		{"foreign error", io.EOF, ErrInsufficientQuota, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := errors.Is(tt.err, tt.target); got != tt.want {
				t.Errorf("errors.Is(%v, %v) = %t, want %t", tt.err, tt.target, got, tt.want)
			}
		})
	}
}

func TestReasonOf(t *testing.T) {
	quota := NewReason(InsufficientQuota, "")
	tests := []struct {
		name string
		err  error
		want Reason
		ok   bool
	}{
		{"error", quota, InsufficientQuota, true},
		{"wrapped", wrap3(quota), InsufficientQuota, true},
		{"joined after a foreign error", fmt.Errorf("x: %w", errors.Join(io.EOF, quota)), InsufficientQuota, true},
		{"joined after an error without reason", errors.Join(New(TooManyRequests, ""), quota), InsufficientQuota, true},
		{"sentinel", wrap3(ErrRateLimitExceeded), RateLimitExceeded, true},
		{"unknown reason", &Error{Code: 400, Reason: "odd"}, "odd", true},
		{"error without reason", wrap3(New(TooManyRequests, "")), "", false},
		{"status sentinel", ErrTooManyRequests, "", false},
		{"typed nil", (*Error)(nil), "", false},
		{"nil", nil, "", false},
		{"foreign", io.EOF, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, ok := ReasonOf(tt.err); got != tt.want || ok != tt.ok {
				t.Errorf("ReasonOf = %q, %t; want %q, %t", got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestReasonRetryable checks the precedence: a Known reason decides, else
// the status.
func TestReasonRetryable(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"exhausted quota under 429", &Error{Code: 429, Reason: InsufficientQuota}, false},
		{"rate limit under 429", &Error{Code: 429, Reason: RateLimitExceeded}, true},
		{"retryable reason under a non-retryable status", &Error{Code: 503, Reason: ModelOverloaded}, true},
		{"unknown reason: the status decides (429)", &Error{Code: 429, Reason: "odd"}, true},
		{"unknown reason: the status decides (400)", &Error{Code: 400, Reason: "odd"}, false},
		{"no reason", New(TooManyRequests, ""), true},
		{"NewReason of an exhausted quota", NewReason(InsufficientQuota, ""), false},
		{"reason sentinel, exhausted", wrap3(ErrInsufficientQuota), false},
		{"reason sentinel, retried", wrap3(ErrRateLimitExceeded), true},
		{"unknown reason sentinel", ReasonSentinel("odd"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsRetryable(tt.err); got != tt.want {
				t.Errorf("IsRetryable = %t, want %t", got, tt.want)
			}
			var e *Error
			if errors.As(tt.err, &e) && e.Retryable() != tt.want {
				t.Errorf("Retryable = %t, want %t", e.Retryable(), tt.want)
			}
		})
	}
	if c, ok := CodeOf(wrap3(ErrInsufficientQuota)); c != TooManyRequests || !ok {
		t.Errorf("CodeOf(ErrInsufficientQuota) = %v, %t", c, ok)
	}
}

func TestReasonErrorText(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{NewReason(InsufficientQuota, "pay up"), "example: 429 Too Many Requests: insufficient_quota: pay up"},
		{NewReason(InsufficientQuota, ""), "example: 429 Too Many Requests: insufficient_quota"},
		{ErrInsufficientQuota, "example: 429 Too Many Requests: insufficient_quota"},
		{NewReason(LegacyParam, "gone"), "example: legacy_param: gone"},
		{ErrLegacyParam, "example: legacy_param"},
		{NewReason("odd", "m"), "example: odd: m"},
		{&Error{Code: 418, Reason: "odd"}, "example: 418 I'm a teapot: odd"},
		{New(TooManyRequests, "m"), "example: 429 Too Many Requests: m"},
		{&Error{}, "example: 0"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
	if e := NewReason(RateLimitExceeded, "m"); e.Code != TooManyRequests || e.Reason != RateLimitExceeded || e.Message != "m" {
		t.Errorf("NewReason = %+v", e)
	}
	if e := NewReason("odd", ""); e.Code != 0 {
		t.Errorf("NewReason of an unknown reason has code %d", e.Code)
	}
}

func TestReasonJSONAndLog(t *testing.T) {
	e := &Error{Code: 429, Reason: InsufficientQuota, Message: "pay up"}
	data, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"reason":"insufficient_quota"`) || !strings.Contains(string(data), `"retryable":false`) {
		t.Errorf("JSON %s lacks the reason or says retryable", data)
	}
	var back Error
	if err := json.Unmarshal(data, &back); err != nil || back.Reason != InsufficientQuota || back.Code != 429 {
		t.Errorf("read back %+v, %v", back, err)
	}
	if data, _ := json.Marshal(New(NotFound, "")); strings.Contains(string(data), "reason") {
		t.Errorf("JSON without a reason names one: %s", data)
	}
	if err := json.Unmarshal([]byte(`{"code":429,"reason":"bad reason"}`), &back); err == nil || !errors.Is(err, errBadReason) {
		t.Errorf("an invalid reason reads without errBadReason: %v", err)
	}
	if _, err := json.Marshal(&Error{Code: 429, Reason: "bad reason"}); err == nil {
		t.Error("an invalid reason is written")
	}

	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Error("failed", "err", e)
	if !strings.Contains(buf.String(), `"reason":"insufficient_quota"`) {
		t.Errorf("log line lacks the reason: %s", buf.String())
	}
	buf.Reset()
	slog.New(slog.NewJSONHandler(&buf, nil)).Error("failed", "err", New(NotFound, ""))
	if strings.Contains(buf.String(), "reason") {
		t.Errorf("log line without a reason names one: %s", buf.String())
	}
}

// reasonBodies are the body shapes reasonIn reads, with the spec's field
// "error.code": the reference a faster scanner must agree with.
var reasonBodies = []struct {
	name  string
	field string
	body  string
	want  Reason
}{
	{"openai", "error.code", `{"error":{"message":"You exceeded your current quota","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}`, InsufficientQuota},
	{"openai, code null: error.type", "error.code", `{"error":{"message":"m","type":"rate_limit_exceeded","code":null}}`, RateLimitExceeded},
	{"anthropic: error.type", "error.code", `{"type":"error","error":{"type":"rate_limit_exceeded","message":"m"}}`, RateLimitExceeded},
	{"top-level code", "error.code", `{"code":"rate_limit_exceeded","message":"m"}`, RateLimitExceeded},
	{"error_code", "error.code", `{"error_code":"insufficient_quota"}`, InsufficientQuota},
	{"errorCode", "error.code", `{"errorCode":"insufficient_quota"}`, InsufficientQuota},
	{"top-level type", "error.code", `{"type":"model_overloaded"}`, ModelOverloaded},
	{"errors array", "error.code", `{"errors":[{"code":"invalid_api_key","message":"m"}]}`, InvalidAPIKey},
	{"errors array, known second", "error.code", `{"errors":[{"code":"odd"},{"code":"invalid_api_key"}]}`, InvalidAPIKey},
	{"problem+json type URI", "error.code", `{"type":"https://api.test/problems/insufficient_quota","title":"t","status":429}`, InsufficientQuota},
	{"problem+json type URI, trailing slash", "error.code", `{"type":"https://api.test/problems/insufficient_quota/"}`, InsufficientQuota},
	{"problem+json unknown type URI", "error.code", `{"type":"https://api.test/problems/odd","title":"t"}`, ""},
	{"problem+json about:blank", "error.code", `{"type":"about:blank","title":"Not Found"}`, ""},
	{"custom field", "detail.reason", `{"detail":{"reason":"rate_limit_exceeded"},"code":"odd"}`, RateLimitExceeded},
	{"custom field, top level", "status_code", `{"status_code":"insufficient_quota"}`, InsufficientQuota},
	{"custom field unknown, known elsewhere", "detail.reason", `{"detail":{"reason":"odd"},"error":{"code":"insufficient_quota"}}`, InsufficientQuota},
	{"unknown code kept", "error.code", `{"error":{"code":"odd_code","message":"m"}}`, "odd_code"},
	{"first unknown candidate", "error.code", `{"error":{"code":"first","type":"second"}}`, "first"},
	{"known beats unknown", "error.code", `{"error":{"code":"odd","type":"rate_limit_exceeded"}}`, RateLimitExceeded},
	{"number is not a reason", "error.code", `{"error":{"code":429,"message":"m"}}`, ""},
	{"number, string elsewhere", "error.code", `{"error":{"code":429,"type":"rate_limit_exceeded"}}`, RateLimitExceeded},
	{"invalid characters", "error.code", `{"error":{"code":"not a code"}}`, ""},
	{"escaped valid", "error.code", `{"error":{"code":"rate\u005flimit_exceeded"}}`, RateLimitExceeded},
	{"too long", "error.code", `{"error":{"code":"` + strings.Repeat("a", MaxReasonLen+1) + `"}}`, ""},
	{"huge string", "error.code", `{"error":{"code":"` + strings.Repeat("a", 60<<10) + `"},"code":"rate_limit_exceeded"}`, RateLimitExceeded},
	{"object as code", "error.code", `{"error":{"code":{"code":"rate_limit_exceeded"}}}`, ""},
	{"error is a string", "error.code", `{"error":"rate_limit_exceeded"}`, ""},
	{"invalid JSON", "error.code", `{"error":{"code":"rate_limit_exceeded"`, ""},
	{"array body", "error.code", `[{"code":"rate_limit_exceeded"}]`, ""},
	{"plain text", "error.code", `rate_limit_exceeded`, ""},
	{"empty", "error.code", ``, ""},
	{"BOM and space", "error.code", "\uFEFF  {\"code\":\"rate_limit_exceeded\"}  ", RateLimitExceeded},
	{"deep nesting", "error.code", strings.Repeat(`{"a":`, 20000) + "1" + strings.Repeat("}", 20000), ""},
	{"deep nesting beside a code", "error.code", `{"code":"rate_limit_exceeded","x":` + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + `}`, RateLimitExceeded},
	{"no field", "", `{"error":{"code":"rate_limit_exceeded"}}`, RateLimitExceeded},
}

func TestReasonIn(t *testing.T) {
	for _, tt := range reasonBodies {
		t.Run(tt.name, func(t *testing.T) {
			if got := reasonIn([]byte(tt.body), tt.field); got != tt.want {
				t.Errorf("reasonIn = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFromResponseReason checks that FromResponse fills Error.Reason, from
// the redacted body.
func TestFromResponseReason(t *testing.T) {
	resp := &http.Response{StatusCode: 429, Status: "429 Too Many Requests", Header: http.Header{},
		Body: io.NopCloser(strings.NewReader(`{"error":{"code":"insufficient_quota","message":"m"}}`))}
	err := FromResponse(resp)
	if r, ok := ReasonOf(err); r != InsufficientQuota || !ok || IsRetryable(err) || !errors.Is(err, ErrInsufficientQuota) || !errors.Is(err, ErrTooManyRequests) {
		t.Errorf("FromResponse = %v: reason %q %t, retryable %t", err, r, ok, IsRetryable(err))
	}
	// A credential echoed as the code is redacted first, and "[REDACTED]"
	// is no code.
	req, _ := http.NewRequest("GET", "https://api.test/", nil)
	req.Header.Set("X-Api-Key", "sk-0123456789abcdef")
	resp = &http.Response{StatusCode: 401, Header: http.Header{}, Request: req,
		Body: io.NopCloser(strings.NewReader(`{"error":{"code":"sk-0123456789abcdef"}}`))}
	if r, ok := ReasonOf(FromResponse(resp)); ok {
		t.Errorf("the echoed credential became the reason %q", r)
	}
}

// TestCheckRetryReason checks that CheckRetry decides by a Known reason
// and leaves the whole body readable and closable.
func TestCheckRetryReason(t *testing.T) {
	long := strings.Repeat("x", MaxBodyBytes)
	tests := []struct {
		name   string
		status int
		header http.Header
		body   string
		want   bool
	}{
		{"insufficient_quota 429", 429, nil, `{"error":{"code":"insufficient_quota"}}`, false},
		{"rate_limit_exceeded 429", 429, nil, `{"error":{"code":"rate_limit_exceeded"}}`, true},
		{"model_overloaded 503 (503 alone is not retried)", 503, nil, `{"error":{"code":"model_overloaded"}}`, true},
		{"unknown reason: the status decides", 429, nil, `{"error":{"code":"odd"}}`, true},
		{"no body reason: the status decides", 503, nil, `oops`, false},
		{"X-Should-Retry overrides the reason", 429, http.Header{"X-Should-Retry": {"true"}}, `{"error":{"code":"insufficient_quota"}}`, true},
		{"a reason past MaxBodyBytes is not seen", 429, nil, `{"pad":"` + long + `","error":{"code":"insufficient_quota"}}`, true},
		{"gzip left by the transport", 429, http.Header{"Content-Encoding": {"gzip"}}, string(gzipped(`{"error":{"code":"insufficient_quota"}}`)), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := tt.header
			if h == nil {
				h = http.Header{}
			}
			resp, orig := tracked(&http.Response{StatusCode: tt.status, Header: h}, tt.body)
			got, err := CheckRetry(context.Background(), resp, nil)
			if got != tt.want || err != nil {
				t.Errorf("CheckRetry = %t, %v; want %t", got, err, tt.want)
			}
			rest, _ := io.ReadAll(resp.Body)
			if string(rest) != tt.body {
				t.Errorf("the body reads %d bytes afterwards, want the %d sent", len(rest), len(tt.body))
			}
			if err := resp.Body.Close(); err != nil || !orig.closed {
				t.Errorf("Close did not close the original body: %v", err)
			}
			// Backoff reads no body.
			before := orig.read
			Backoff(0, 0, 1, resp)
			RetryPolicy{}.Backoff(0, 0, 1, resp)
			if orig.read != before {
				t.Error("Backoff read the body")
			}
		})
	}
	// A RetryPolicy decides alike, and its error carries the reason.
	resp, _ := tracked(&http.Response{StatusCode: 429, Header: http.Header{}}, `{"error":{"code":"rate_limit_exceeded"}}`)
	retry, err := RetryPolicy{}.CheckRetry(context.Background(), resp, nil)
	if !retry || !errors.Is(err, ErrRateLimitExceeded) {
		t.Errorf("RetryPolicy.CheckRetry = %t, %v", retry, err)
	}
	if rest, _ := io.ReadAll(resp.Body); !strings.Contains(string(rest), "rate_limit_exceeded") {
		t.Errorf("RetryPolicy.CheckRetry took the body: %q", rest)
	}
	resp, _ = tracked(&http.Response{StatusCode: 429, Header: http.Header{}}, `{"error":{"code":"insufficient_quota"}}`)
	if retry, err := (RetryPolicy{}).CheckRetry(context.Background(), resp, nil); retry || err != nil {
		t.Errorf("RetryPolicy.CheckRetry of an exhausted quota = %t, %v", retry, err)
	}
}

var sinkReason Reason

func BenchmarkReasonOfThreeWraps(b *testing.B) {
	b.ReportAllocs()
	err := wrap3(NewReason(RateLimitExceeded, "slow down"))
	for b.Loop() {
		sinkReason, sinkBool = ReasonOf(err)
	}
}

func BenchmarkReasonOfThreeWrapsBaselineErrorsAs(b *testing.B) {
	b.ReportAllocs()
	err := wrap3(NewReason(RateLimitExceeded, "slow down"))
	for b.Loop() {
		var e *Error
		sinkBool = errors.As(err, &e)
		sinkReason = e.Reason
	}
}

func BenchmarkErrorsIsReasonSentinelThreeWraps(b *testing.B) {
	b.ReportAllocs()
	err := wrap3(NewReason(RateLimitExceeded, "slow down"))
	for b.Loop() {
		sinkBool = errors.Is(err, ErrRateLimitExceeded)
	}
}

func BenchmarkReasonLookup(b *testing.B) {
	b.ReportAllocs()
	in := []string{"rate_limit_exceeded", "insufficient_quota", "odd_code", "server_error"}
	for i := 0; b.Loop(); i++ {
		sinkReason, sinkBool = LookupReason(in[i%len(in)])
	}
}

// BenchmarkReasonInOpenAIBody: finding the code in a typical body.
func BenchmarkReasonInOpenAIBody(b *testing.B) {
	b.ReportAllocs()
	body := []byte(reasonBodies[0].body)
	for b.Loop() {
		sinkReason = reasonIn(body, reasonField)
	}
}

// FuzzReasonUnmarshalText: any text gives a reason or an error, never a
// panic; it is accepted exactly when it can be a reason, and reads back
// from MarshalText.
func FuzzReasonUnmarshalText(f *testing.F) {
	for _, s := range []string{"insufficient_quota", "", "has space", "urn:a/b", strings.Repeat("z", 129), "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := RateLimitExceeded
		err := r.UnmarshalText([]byte(s))
		if (err == nil) != (s == "" || validReason(s)) {
			t.Fatalf("UnmarshalText(%q): %v", s, err)
		}
		if err != nil {
			if r != RateLimitExceeded {
				t.Fatalf("failed UnmarshalText(%q) changed r to %q", s, r)
			}
			return
		}
		text, err := r.MarshalText()
		var back Reason
		if err != nil || back.UnmarshalText(text) != nil || back != r || string(r) != s {
			t.Fatalf("round trip of %q through %q gives %q, %v", s, text, back, err)
		}
	})
}

// FuzzReasonIn: any body gives "" or a valid reason, never a panic; a
// reason found is in the body (as written, or escaped), and the same body
// gives the same reason.
func FuzzReasonIn(f *testing.F) {
	for _, tt := range reasonBodies {
		if len(tt.body) < 1<<10 {
			f.Add([]byte(tt.body), tt.field)
		}
	}
	f.Fuzz(func(t *testing.T, body []byte, field string) {
		r := reasonIn(body, field)
		if r == "" {
			return
		}
		if !validReason(string(r)) {
			t.Fatalf("reasonIn gave the invalid reason %q", r)
		}
		if !r.Known() && !bytes.Contains(body, []byte(`"`)) {
			t.Fatalf("reasonIn found %q in a body without strings", r)
		}
		if again := reasonIn(body, field); again != r {
			t.Fatalf("reasonIn gave %q, then %q", r, again)
		}
	})
}
