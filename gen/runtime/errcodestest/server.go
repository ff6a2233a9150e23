package errcodestest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
)

// StatusHeader is the request header that makes Wrap answer with an error
// instead of calling the handler it wraps: "Errcodes-Status: 429".
const StatusHeader = "Errcodes-Status"

// ReasonHeader is the request header that makes Wrap answer with the error
// of a string code instead of calling the handler it wraps:
// "Errcodes-Reason: insufficient_quota". It takes precedence over
// StatusHeader.
const ReasonHeader = "Errcodes-Reason"

// UnknownReasonStatus is the status WriteReason answers with for a string
// code the docs do not list, or list without a status: 400 Bad Request, the
// status that says the request was refused for a reason the status alone
// does not tell, and one no client retries, so that a test of an unknown
// code sees the error at once.
const UnknownReasonStatus = http.StatusBadRequest

// RetryAfterSeconds is the Retry-After the fake API sends with every
// retryable error, in seconds.
const RetryAfterSeconds = 1

// errorBody is the JSON the fake API answers with, in the common
// {"error":{"message":...,"code":...}} shape.
type errorBody struct {
	Error struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// WriteError answers with the error for status: the status line, a JSON body
// carrying the docs' description as its message, and for a retryable status
// a Retry-After header. A status outside 400-599 becomes a 500.
func WriteError(w http.ResponseWriter, status int) {
	if status < 400 || status > 599 {
		status = http.StatusInternalServerError
	}
	description, retryable := describe(status)
	var body errorBody
	body.Error.Code = status
	body.Error.Message = description
	data, _ := json.Marshal(body) // cannot fail: strings and ints
	writeJSON(w, status, retryable, data)
}

// WriteReason answers with the error of string code reason, as the API
// does: the code's documented status (UnknownReasonStatus for a code the
// docs do not list or give no status), and a JSON body in the docs' shape,
// the code at its documented place (for "error.code",
// {"error":{"code":"insufficient_quota","message":"..."}}) with the docs'
// description as the message beside it; for a code the docs say to retry, a
// Retry-After header. R is the generated package's Reason or a string: this
// package does not import that one, so that it can be copied on its own.
func WriteReason[R ~string](w http.ResponseWriter, reason R) {
	status, description, retryable, _ := describeReason(string(reason))
	if status == 0 {
		status = UnknownReasonStatus
	}
	if description == "" {
		description = string(reason)
	}
	data, _ := json.Marshal(reasonBody(reasonField, string(reason), description)) // cannot fail: strings and maps
	writeJSON(w, status, retryable, data)
}

// writeJSON answers with status and the JSON body data, and for a
// retryable error a Retry-After of RetryAfterSeconds.
func writeJSON(w http.ResponseWriter, status int, retryable bool, data []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	if retryable {
		h.Set("Retry-After", strconv.Itoa(RetryAfterSeconds))
	}
	w.WriteHeader(status)
	w.Write(data)
}

// reasonBody builds the error body with code at path, a dotted path of
// object keys ("error.code"), and message beside it.
func reasonBody(path, code, message string) map[string]any {
	keys := strings.Split(path, ".")
	inner := map[string]any{keys[len(keys)-1]: code}
	if keys[len(keys)-1] != "message" {
		inner["message"] = message
	}
	body := inner
	for i := len(keys) - 2; i >= 0; i-- {
		body = map[string]any{keys[i]: body}
	}
	return body
}

// validReason reports whether s can be a string code, as the generated
// package's Reason accepts it: 1 to 128 ASCII letters, digits and . _ - :
// and /.
func validReason(s string) bool {
	if s == "" || len(s) > 128 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("._-:/", c) >= 0) {
			return false
		}
	}
	return true
}

// Handler is a fake API that answers GET /status/{code} with the error for
// code, documented or not (400 to 599), as WriteError does, and GET
// /reason/{code} with the error of a string code, documented or not, as
// WriteReason does. Any other request gets a plain 404.
func Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /reason/{code...}", func(w http.ResponseWriter, r *http.Request) {
		code := r.PathValue("code")
		if !validReason(code) {
			http.Error(w, "errcodestest: want /reason/{code}, a code of ASCII letters, digits and . _ - : /", http.StatusNotFound)
			return
		}
		WriteReason(w, code)
	})
	mux.HandleFunc("GET /status/{code}", func(w http.ResponseWriter, r *http.Request) {
		status, err := strconv.Atoi(r.PathValue("code"))
		if err != nil || status < 400 || status > 599 {
			http.Error(w, "errcodestest: want /status/{400-599}", http.StatusNotFound)
			return
		}
		WriteError(w, status)
	})
	return mux
}

// Wrap puts the fake errors in front of a real handler: a request with
// ReasonHeader set to a string code gets that code's error, one with
// StatusHeader set to a status from 400 to 599 gets that error, and every
// other request goes to next.
func Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if v := r.Header.Get(ReasonHeader); validReason(v) {
			WriteReason(w, v)
			return
		}
		if v := r.Header.Get(StatusHeader); v != "" {
			if status, err := strconv.Atoi(v); err == nil && status >= 400 && status <= 599 {
				WriteError(w, status)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// FailFirst answers the first n requests with the error for status and
// passes the rest to next: the shape of a retry loop's test. It is safe for
// concurrent use; Calls reports how many requests it has seen.
func FailFirst(n, status int, next http.Handler) *Flaky {
	return &Flaky{failures: int64(n), status: status, next: next}
}

// FailFirstReason answers the first n requests with the error of string
// code reason, as WriteReason does, and passes the rest to next: a retry
// loop's test that tells insufficient_quota from rate_limit_exceeded, both
// 429. R is the generated package's Reason or a string.
func FailFirstReason[R ~string](n int, reason R, next http.Handler) *Flaky {
	return &Flaky{failures: int64(n), reason: string(reason), next: next}
}

// Flaky is the handler FailFirst and FailFirstReason return.
type Flaky struct {
	failures int64
	status   int
	reason   string // when set, the error is this string code's
	next     http.Handler
	calls    atomic.Int64
}

// ServeHTTP answers one request.
func (f *Flaky) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if f.calls.Add(1) <= f.failures {
		if f.reason != "" {
			WriteReason(w, f.reason)
			return
		}
		WriteError(w, f.status)
		return
	}
	f.next.ServeHTTP(w, r)
}

// Calls returns how many requests the handler has seen.
func (f *Flaky) Calls() int { return int(f.calls.Load()) }

// NewServer starts an httptest server running h, or Handler() when h is
// nil, and closes it when the test ends.
func NewServer(tb testing.TB, h http.Handler) *httptest.Server {
	tb.Helper()
	if h == nil {
		h = Handler()
	}
	srv := httptest.NewServer(h)
	tb.Cleanup(srv.Close)
	return srv
}

// OK is a handler that answers 200 with {"ok":true}, to stand for the real
// API behind Wrap and FailFirst.
var OK http.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write([]byte(`{"ok":true}` + "\n"))
})
