package errcodestest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"
)

// StatusHeader is the request header that makes Wrap answer with an error
// instead of calling the handler it wraps: "Errcodes-Status: 429".
const StatusHeader = "Errcodes-Status"

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
	h := w.Header()
	h.Set("Content-Type", "application/json")
	if retryable {
		h.Set("Retry-After", strconv.Itoa(RetryAfterSeconds))
	}
	w.WriteHeader(status)
	w.Write(data)
}

// Handler is a fake API that answers GET /status/{code} with the error for
// code, documented or not (400 to 599), as WriteError does. Any other
// request gets a plain 404.
func Handler() http.Handler {
	mux := http.NewServeMux()
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
// StatusHeader set to a status from 400 to 599 gets that error, and every
// other request goes to next.
func Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
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

// Flaky is the handler FailFirst returns.
type Flaky struct {
	failures int64
	status   int
	next     http.Handler
	calls    atomic.Int64
}

// ServeHTTP answers one request.
func (f *Flaky) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if f.calls.Add(1) <= f.failures {
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
