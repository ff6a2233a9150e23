package errcodes

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
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
		{"retry-after-ms absurd", response(429, nil, "Retry-After-Ms", "1"+strings.Repeat("0", 300)), 429, "", MaxRetryAfter},
		{"retry-after-ms exponent is no value", response(429, nil, "Retry-After-Ms", "1e300"), 429, "", 0},
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
	// Memory stays flat: what FromResponse allocates for a 1 GiB body,
	// JSON or not, is bounded by MaxBodyBytes (the pooled read buffer, if
	// the pool was emptied, and its scanner), not by the body.
	for _, prefix := range []string{"", `{"message":"`, `{"errors":[`} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		for range 4 {
			body.left, body.read = 1<<30, 0
			FromResponse(response(500, io.MultiReader(strings.NewReader(prefix), body)))
			if body.read > MaxBodyBytes {
				t.Errorf("read %d bytes, more than MaxBodyBytes", body.read)
			}
		}
		runtime.ReadMemStats(&after)
		if allocated := after.TotalAlloc - before.TotalAlloc; allocated > 4*(2*MaxBodyBytes) {
			t.Errorf("4 responses of 1 GiB starting %q allocated %d bytes", prefix, allocated)
		}
	}
}

// TestFromResponseAllocations pins what FromResponse allocates for a JSON
// error body: the *Error, its message and its copy of the body, and the
// string of a string code that is not Known.
func TestFromResponseAllocations(t *testing.T) {
	var r bytes.Reader
	resp := benchResponse()
	for _, tt := range []struct {
		name, contentType, body string
		gzip                    bool
		max                     float64
	}{
		{"JSON message", "application/json", benchBody, false, 3},
		{"plain text", "text/plain", "upstream timed out", false, 3},
		{"no message", "application/json", `{"code":7}`, false, 2},
		// A Problem and three strings more: its detail is the message.
		{"problem details", "application/problem+json", rfcProblem, false, 7},
		// The pool's decompressor is reset, not made anew.
		{"gzip", "application/json", string(gzipped(benchBody)), true, 3},
		// A Known string code is its constant: nothing more.
		{"Known reason", "application/json", `{"error":{"message":"You exceeded your current quota.","type":"insufficient_quota","code":"insufficient_quota"}}`, false, 3},
		{"Known reason, escaped", "application/json", `{"error":{"message":"Pay up.","code":"insufficient\u005fquota"}}`, false, 3},
		// A Problem, its type and its one-letter title, which Go does not
		// allocate.
		{"Known reason in a type URI", "application/problem+json", `{"type":"https://api.test/p/insufficient_quota","title":"T","status":429}`, false, 4},
		// A code the docs do not list is one string more.
		{"unknown reason", "application/json", `{"error":{"message":"Pay up.","code":"odd_code"}}`, false, 4},
	} {
		resp.Header.Set("Content-Type", tt.contentType)
		resp.Header.Del("Content-Encoding")
		if tt.gzip {
			resp.Header.Set("Content-Encoding", "gzip")
		}
		body := []byte(tt.body)
		allocs := testing.AllocsPerRun(100, func() {
			r.Reset(body)
			resp.Body = readCloser{&r}
			sinkErr = FromResponse(resp)
		})
		if allocs > tt.max {
			t.Errorf("%s: %.1f allocations, want at most %.0f", tt.name, allocs, tt.max)
		}
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

// Credentials the redaction tests send, each at least minSecretLen bytes.
const (
	testBearer   = "sk-live-0123456789abcdef"
	testAPIKey   = "key_abcdefghijkl"
	testCookie   = "sess-9f8e7d6c5b4a"
	testProxy    = "cHJveHk6cHJveHlwYXNz" // base64 of proxy:proxypass
	testSession  = "x-session-0a1b2c3d"
	testQueryKey = "qk_4455667788"
	testSig      = "c2lnbmF0dXJl/sig+value"
	testURLPass  = "hunter2hunter2"
	testUser     = "basicuser01"
	testPass     = "basicpass02"
)

// allTestSecrets lists what must never appear in an error.
var allTestSecrets = []string{testBearer, testAPIKey, testCookie, testProxy, testSession, testQueryKey, testSig, testURLPass, testUser, testPass, "proxypass"}

// echoServer answers every request with a 401 whose body echoes the
// request's headers and URL, the way a careless API does.
func echoServer(t *testing.T, mode string) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var lines []string
		for _, name := range []string{"Authorization", "Proxy-Authorization", "Cookie", "X-Api-Key", "X-Session-Id"} {
			lines = append(lines, name+": "+r.Header.Get(name))
		}
		lines = append(lines, "url: "+r.URL.String())
		if user, pass, ok := r.BasicAuth(); ok {
			lines = append(lines, "user "+user+" with password "+pass)
		}
		text := "rejected: " + strings.Join(lines, "; ")
		switch mode {
		case "json":
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(401)
			json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"message": text}})
		case "json escaped slashes":
			w.WriteHeader(401)
			data, _ := json.Marshal(map[string]string{"message": text})
			w.Write(bytes.ReplaceAll(data, []byte("/"), []byte(`\/`)))
		case "plain":
			w.WriteHeader(401)
			io.WriteString(w, text)
		case "long":
			// The bearer token straddles the 1 KiB message cut and the
			// 4 KiB body cut.
			w.WriteHeader(401)
			prefix := " rejected: Authorization: Bearer "
			head := `{"message":"` + strings.Repeat("x", maxMessageLen-len(prefix)-5) + " " + text
			filler := strings.Repeat("y", maxKeptBody-5-len(head)-len(prefix))
			io.WriteString(w, head+filler+" "+text+`"}`)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestFromResponseRedactsEchoedCredentials: a server that echoes the
// request's credentials in its error body puts none of them in Error(), the
// slog output or Body (issue 8, item 8).
func TestFromResponseRedactsEchoedCredentials(t *testing.T) {
	for _, mode := range []string{"json", "json escaped slashes", "plain", "long"} {
		t.Run(mode, func(t *testing.T) {
			srv := echoServer(t, mode)
			u, _ := url.Parse(srv.URL)
			u.User = url.UserPassword("urluser", testURLPass)
			u.RawQuery = url.Values{"api_key": {testQueryKey}, "sig": {testSig}, "page": {"2"}}.Encode()
			req, _ := http.NewRequest("GET", u.String(), nil)
			req.Header.Set("Authorization", "Bearer "+testBearer)
			req.Header.Set("Proxy-Authorization", "Basic "+testProxy)
			req.Header.Set("Cookie", "theme=dark; sid="+testCookie)
			req.Header.Set("X-Api-Key", testAPIKey)
			req.Header.Set("X-Session-Id", testSession)
			req.Header.Set("X-Request-Id", "req-1") // short, and not a credential
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			e := FromResponse(resp).(*Error)
			checkRedacted(t, e, allTestSecrets)
			if !strings.Contains(e.Message, redacted) {
				t.Errorf("message %q has nothing redacted", e.Message)
			}
			// Redaction comes before the cuts: no cut keeps a credential's
			// start.
			if strings.Contains(e.Message, testBearer[:5]) || bytes.Contains(e.Body, []byte(testBearer[:5])) {
				t.Errorf("part of the token is left:\nmessage %q\nbody %q", e.Message, e.Body)
			}
			if mode == "plain" && !strings.Contains(e.Message, "page=2") {
				t.Errorf("message %q lost what is no credential", e.Message)
			}
		})
	}

	// Basic credentials, decoded and echoed by the server.
	t.Run("basic", func(t *testing.T) {
		srv := echoServer(t, "json")
		req, _ := http.NewRequest("GET", srv.URL, nil)
		req.SetBasicAuth(testUser, testPass)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		checkRedacted(t, FromResponse(resp).(*Error), []string{testUser, testPass, base64.StdEncoding.EncodeToString([]byte(testUser + ":" + testPass))})
	})
}

// checkRedacted fails if any secret shows in e's Error(), log output,
// Message, Status or Body.
func checkRedacted(t *testing.T, e *Error, secrets []string) {
	t.Helper()
	var logged bytes.Buffer
	slog.New(slog.NewJSONHandler(&logged, nil)).Error("call failed", "err", e)
	slog.New(slog.NewTextHandler(&logged, nil)).Error("call failed", "err", e)
	for _, secret := range secrets {
		for where, s := range map[string]string{"Error()": e.Error(), "log": logged.String(), "Message": e.Message, "Status": e.Status, "Body": string(e.Body)} {
			if strings.Contains(s, secret) {
				t.Errorf("%s holds %q: %s", where, secret, s)
			}
		}
	}
}

// TestRedaction pins the redaction rules on built responses: which request
// values count as credentials, and which are too short to redact.
func TestRedaction(t *testing.T) {
	tests := []struct {
		name    string
		header  []string // request headers, name and value
		url     string
		body    string
		status  string
		message string // the message FromResponse must give
		body2   string // the Body it must keep; "" means body with the same replacements
	}{
		{"no request credentials", nil, "https://api.test/v1", `{"message":"token sk-abcdefghij invalid"}`, "", "token sk-abcdefghij invalid", ""},
		{"bearer token alone", []string{"Authorization", "Bearer sk-abcdefghij"}, "", `{"message":"token sk-abcdefghij invalid"}`, "", "token [REDACTED] invalid", `{"message":"token [REDACTED] invalid"}`},
		{"bearer whole value", []string{"Authorization", "Bearer sk-abcdefghij"}, "", "got Bearer sk-abcdefghij", "", "got [REDACTED]", "got [REDACTED]"},
		{"lower-case scheme and header name", []string{"authorization", "bearer sk-abcdefghij"}, "", "got sk-abcdefghij", "", "got [REDACTED]", ""},
		{"every occurrence", []string{"X-Api-Key", "abcdefgh"}, "", "abcdefgh and abcdefgh", "", "[REDACTED] and [REDACTED]", ""},
		{"custom header with token in its name", []string{"X-Upstream-Token", "tok-12345678"}, "", "bad tok-12345678", "", "bad [REDACTED]", ""},
		{"header with secret in its name", []string{"Client-Secret", "s3cr3t-value"}, "", "bad s3cr3t-value", "", "bad [REDACTED]", ""},
		{"header with signature in its name", []string{"X-Hub-Signature-256", "sha256=0123456789abcdef"}, "", "signature 0123456789abcdef wrong", "", "signature [REDACTED] wrong", ""},
		{"Api-Key", []string{"Api-Key", "ak-87654321"}, "", "bad key ak-87654321", "", "bad key [REDACTED]", ""},
		{"X-Auth-Token", []string{"X-Auth-Token", "at-87654321"}, "", "bad at-87654321", "", "bad [REDACTED]", ""},
		{"cookie values", []string{"Cookie", `a=1; session="s-0011223344"; lang=en-GB-oed1`}, "", "no session s-0011223344 (lang en-GB-oed1)", "", "no session [REDACTED] (lang [REDACTED])", ""},
		{"digest parameters", []string{"Authorization", `Digest username="digestuser", response="6629fae49393a05397450978507c4ef1"`}, "", "response 6629fae49393a05397450978507c4ef1 for digestuser", "", "response [REDACTED] for [REDACTED]", ""},
		{"short header value is kept", []string{"X-Api-Key", "1"}, "", "error 1 happened", "", "error 1 happened", ""},
		{"7 bytes are kept", []string{"X-Api-Key", "abcdefg"}, "", "abcdefg", "", "abcdefg", ""},
		{"ordinary headers are not credentials", []string{"User-Agent", "errcodes-test/1.0", "Content-Type", "application/json"}, "", "agent errcodes-test/1.0 sent application/json", "", "agent errcodes-test/1.0 sent application/json", ""},
		{"URL password", nil, "https://user:p4ssw0rd-xyz@api.test/", "as p4ssw0rd-xyz", "", "as [REDACTED]", ""},
		{"URL query token, decoded and raw", nil, "https://api.test/?access_token=a%2Fb%2Bc%3Ddefgh&page=12345678", `{"message":"token a/b+c=defgh in /?access_token=a%2Fb%2Bc%3Ddefgh&page=12345678"}`, "", "token [REDACTED] in /?access_token=[REDACTED]&page=12345678", ""},
		{"URL query sig and password", nil, "https://api.test/?sig=sig-value-1&Password=pass-value-2", "sig-value-1 pass-value-2", "", "[REDACTED] [REDACTED]", ""},
		{"JSON-escaped slash in body", []string{"Authorization", "Bearer abc/def/ghi"}, "", `{"message":"token abc\/def\/ghi"}`, "", "token [REDACTED]", `{"message":"token [REDACTED]"}`},
		{"status line echo", []string{"Authorization", "Bearer sk-abcdefghij"}, "", "", "401 Bearer sk-abcdefghij", "", ""},
		{"credential across white space", []string{"Authorization", "Bearer  sk-abcdefghij"}, "", "got Bearer\n\tsk-abcdefghij", "", "got [REDACTED]", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := response(401, text(tt.body))
			if tt.status != "" {
				resp.Status = tt.status
			}
			if tt.url == "" {
				tt.url = "https://api.test/v1"
			}
			resp.Request, _ = http.NewRequest("GET", tt.url, nil)
			for i := 0; i+1 < len(tt.header); i += 2 {
				resp.Request.Header[tt.header[i]] = []string{tt.header[i+1]}
			}
			e := FromResponse(resp).(*Error)
			if e.Message != tt.message {
				t.Errorf("Message = %q, want %q", e.Message, tt.message)
			}
			if tt.body2 != "" && string(e.Body) != tt.body2 {
				t.Errorf("Body = %q, want %q", e.Body, tt.body2)
			}
			if tt.status != "" && strings.Contains(e.Status, "sk-abcdefghij") {
				t.Errorf("Status = %q", e.Status)
			}
		})
	}
}

// TestRequestSecretsDoNotAllocate: collecting the credentials of a request
// allocates nothing, with or without credential headers (Basic aside, whose
// value must be decoded), and FromResponse allocates no more for a request
// without credentials than for no request at all.
func TestRequestSecretsDoNotAllocate(t *testing.T) {
	plain, _ := http.NewRequest("POST", "https://api.test/v1/songs?page=2", nil)
	plain.Header.Set("Content-Type", "application/json")
	plain.Header.Set("User-Agent", "client/1.0")
	withCreds := plain.Clone(context.Background())
	withCreds.Header.Set("Authorization", "Bearer sk-abcdefghijklmnop")
	withCreds.Header.Set("X-Api-Key", "key_abcdefghijkl")
	withCreds.Header.Set("Cookie", "a=b; sid=sess-0123456789")
	withCreds.Header.Set("X-Id-Token", strings.Repeat("eyJhbGciOiJIUzI1NiJ9.", 20)) // long, as JWTs are
	withCreds.URL.RawQuery = "api_key=qk_4455667788&page=2"
	for name, req := range map[string]*http.Request{"nil": nil, "plain": plain, "credentials": withCreds} {
		var buf [16]string
		if n := testing.AllocsPerRun(100, func() { requestSecrets(req, buf[:0]) }); n != 0 {
			t.Errorf("requestSecrets(%s) allocates %.0f times", name, n)
		}
	}
	fromResponse := func(req *http.Request) float64 {
		return testing.AllocsPerRun(100, func() {
			resp := benchResponse()
			resp.Request = req
			sinkErr = FromResponse(resp)
		})
	}
	if without, with := fromResponse(nil), fromResponse(plain); with != without {
		t.Errorf("FromResponse allocates %.0f times with a plain request, %.0f without one", with, without)
	}
	if without, with := fromResponse(nil), fromResponse(withCreds); with != without {
		t.Errorf("FromResponse allocates %.0f times with credentials that are not echoed, %.0f without a request", with, without)
	}
}

// gzipped compresses s.
func gzipped(s string) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	io.WriteString(zw, s)
	zw.Close()
	return buf.Bytes()
}

// TestFromResponseBinaryBodies: a binary body gives no message, whatever
// its size, and never shows in Error(); a body the transport left gzipped
// is decompressed; a byte order mark does not hide JSON or HTML (issue 8,
// item 9).
func TestFromResponseBinaryBodies(t *testing.T) {
	jsonGz := gzipped(`{"error":{"message":"slow down"}}`)
	random := make([]byte, 300)
	for i := range random {
		random[i] = byte(i*151 + 7*(i>>3) + 0x80) // deterministic, mostly high bytes
	}
	tests := []struct {
		name     string
		body     []byte
		encoding string // Content-Encoding
		message  string
		body2    string // the Body it must keep, if not ""
	}{
		{"gzip without Content-Encoding", jsonGz, "", "", string(jsonGz)},
		{"gzip of plain text without Content-Encoding", gzipped("slow down"), "", "", ""},
		{"gzip with Content-Encoding is decompressed", jsonGz, "gzip", "slow down", `{"error":{"message":"slow down"}}`},
		{"x-gzip, any case and spacing", jsonGz, " X-GZIP ", "slow down", ""},
		{"gzip of plain text", gzipped("upstream timed out"), "gzip", "upstream timed out", ""},
		{"truncated gzip gives what it can", jsonGz[:len(jsonGz)-8], "gzip", "slow down", ""},
		{"corrupt gzip stays binary", append([]byte{0x1f, 0x8b}, random[:40]...), "gzip", "", ""},
		{"gzip header that is not gzip encoded", []byte("plain words"), "gzip", "plain words", ""},
		{"other encodings are not decoded", jsonGz, "br", "", ""},
		{"stacked encodings are not decoded", jsonGz, "gzip, br", "", ""},
		{"PNG", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "", "", ""},
		{"NUL bytes", []byte("ab\x00cd"), "", "", ""},
		{"UTF-16 with BOM", []byte("\xff\xfee\x00r\x00r\x00"), "", "", ""},
		{"random high bytes", random, "", "", ""},
		{"control heavy", []byte("\x01\x02\x03\x04\x05abcdefghij"), "", "", ""},
		{"a few controls are text", []byte("bad\x01request\x02here"), "", "bad request here", ""},
		{"legacy-encoded accent is text", []byte("caf\xe9 closed"), "", "caf\uFFFD closed", ""},
		{"one invalid byte in five is text", []byte("ab\xffcd"), "", "ab\uFFFDcd", ""},
		{"more than one in five is binary", []byte("a\xffb\xffc"), "", "", ""},
		{"BOM before JSON", []byte("\xef\xbb\xbf{\"message\":\"bom json\"}"), "", "bom json", ""},
		{"white space, BOM, white space before JSON", []byte(" \n\xef\xbb\xbf \t{\"error\":\"bom json\"}\n"), "", "bom json", ""},
		{"two BOMs before JSON", []byte("\xef\xbb\xbf\xef\xbb\xbf{\"detail\":\"bom json\"}"), "", "bom json", ""},
		{"BOM before HTML", []byte("\xef\xbb\xbf<!DOCTYPE html><html><body>Bad Gateway</body></html>"), "", "", ""},
		{"BOM before JSON array", []byte("\xef\xbb\xbf[1]"), "", "", ""},
		{"BOM before plain text", []byte("\xef\xbb\xbfplain words"), "", "plain words", ""},
		{"gzipped BOM and JSON", gzipped("\xef\xbb\xbf{\"message\":\"bom json\"}"), "gzip", "bom json", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := response(502, bytes.NewReader(tt.body), "Content-Encoding", tt.encoding)
			e := FromResponse(resp).(*Error)
			if e.Message != tt.message {
				t.Errorf("Message = %q, want %q", e.Message, tt.message)
			}
			if tt.body2 != "" && string(e.Body) != tt.body2 {
				t.Errorf("Body = %q, want %q", e.Body, tt.body2)
			}
			want := "example: 502 Bad Gateway"
			if tt.message != "" {
				want += ": " + tt.message
			}
			if got := e.Error(); got != want {
				t.Errorf("Error() = %q, want %q", got, want)
			}
		})
	}
}

// TestFromResponseGzipBomb: a gzip body that expands a thousandfold is
// decompressed to MaxBodyBytes at most.
func TestFromResponseGzipBomb(t *testing.T) {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zeros := make([]byte, 1<<20)
	for range 64 { // 64 MiB of zeros
		zw.Write(zeros)
	}
	zw.Close()
	bomb := buf.Bytes()
	if len(bomb) > MaxBodyBytes {
		t.Fatalf("the bomb is %d bytes, more than one read", len(bomb))
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	e := FromResponse(response(500, bytes.NewReader(bomb), "Content-Encoding", "gzip")).(*Error)
	runtime.ReadMemStats(&after)
	if allocated := after.TotalAlloc - before.TotalAlloc; allocated > 2<<20 {
		t.Errorf("decompressing allocated %d bytes", allocated)
	}
	if len(e.Body) != maxKeptBody || e.Message != "" {
		t.Errorf("Body %d bytes, Message %q", len(e.Body), e.Message)
	}
	if got := new(readBuffer).gunzip(bomb); len(got) != MaxBodyBytes {
		t.Errorf("gunzip gave %d bytes, want MaxBodyBytes", len(got))
	}
}

func TestIndexString(t *testing.T) {
	for _, tt := range []struct {
		b, s string
	}{
		{"", "a"}, {"a", ""}, {"abc", "abc"}, {"xabc", "abc"}, {"abcx", "abc"}, {"ab", "abc"},
		{"aab", "ab"}, {"abab", "bab"}, {"xxxxxxxxxy", "xy"}, {"xyz", "z"}, {"zzz", "zz"}, {"abc", "d"},
	} {
		if got, want := indexString([]byte(tt.b), tt.s), strings.Index(tt.b, tt.s); got != want {
			t.Errorf("indexString(%q, %q) = %d, want %d", tt.b, tt.s, got, want)
		}
	}
}
