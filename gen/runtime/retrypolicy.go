package errcodes

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// DefaultMaxWait is the longest wait a server may ask for that a RetryPolicy
// whose MaxWait is zero sleeps through: two minutes, the limit openai-go
// (v3.99.0) puts on a server-directed retry delay.
const DefaultMaxWait = 2 * time.Minute

// RetryPolicy is CheckRetry and Backoff with a limit on how long a server may
// make the client wait before a retry. Its methods have the signatures of
// go-retryablehttp's CheckRetry and Backoff:
//
//	policy := errcodes.RetryPolicy{MaxWait: 10 * time.Second}
//	client.CheckRetry = policy.CheckRetry
//	client.Backoff = policy.Backoff
//	client.ErrorHandler = errcodes.ErrorHandler
//
// The package-level Backoff caps a server's wait at the client's
// RetryWaitMax and so retries early, into the same refusal, when the server
// asks for longer; go-retryablehttp's own DefaultBackoff sleeps as long as
// the server asks, hours included. A RetryPolicy does neither: it sleeps
// through a wait up to MaxWait, and stops retrying when the server asks for
// more, handing the caller an error whose RetryAfter is the wait, so that
// the caller decides when to try again.
type RetryPolicy struct {
	// MaxWait is the longest wait the server may ask for, in
	// retry-after-ms or Retry-After, that the client sleeps through before
	// a retry; it may exceed the client's RetryWaitMax, which bounds only
	// the waits Backoff chooses itself. A server asking for longer ends the
	// retries. Zero or less means DefaultMaxWait.
	MaxWait time.Duration
}

// maxWait returns p.MaxWait, or DefaultMaxWait when it is zero or less.
func (p RetryPolicy) maxWait() time.Duration {
	if p.MaxWait <= 0 {
		return DefaultMaxWait
	}
	return p.MaxWait
}

// CheckRetry decides whether to send a request again, as the package-level
// CheckRetry does (X-Should-Retry included), with two differences for a
// failed response that it would retry:
//
//   - when the server asks for a wait longer than MaxWait, it does not
//     retry, and returns the response's *Error (whose RetryAfter is the
//     wait), wrapped in a message saying so;
//   - otherwise it returns true with the response's *Error, so that the
//     error go-retryablehttp's default ErrorHandler returns when the retries
//     run out wraps it, and errors.Is, CodeOf and RetryAfter work on it.
//
// go-retryablehttp (v0.7.8) returns the response to the caller when
// CheckRetry says false with no error, and otherwise hands the error to the
// ErrorHandler, whose default closes the body and wraps the error with %w.
// To build the *Error, CheckRetry reads the start of the body (at most
// MaxBodyBytes) and puts it back: resp.Body then reads the same bytes, then
// the rest, and closing it closes the original body.
//
// Non-retryable responses are not turned into errors: CheckRetry returns
// false with no error, and the caller gets the response, as with the
// package-level CheckRetry (which, for a package with string codes, reads
// the start of the body for its reason and puts it back).
func (p RetryPolicy) CheckRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	retry, checkErr := CheckRetry(ctx, resp, err)
	if !retry || resp == nil || resp.StatusCode < 400 {
		return retry, checkErr
	}
	limit := p.maxWait()
	wait, _ := retryAfterOf(resp.Header)
	if wait <= limit {
		if err != nil {
			// An error of go-retryablehttp's response handler: the
			// handler has read the body, and err says what it found.
			return true, checkErr
		}
		return true, errorKeepingBody(resp)
	}
	apiErr := errorKeepingBody(resp)
	if err != nil {
		return false, fmt.Errorf("%w (the server asks to wait %v, longer than the %v the retry policy allows): %w", apiErr, wait, limit, err)
	}
	return false, fmt.Errorf("%w (the server asks to wait %v, longer than the %v the retry policy allows)", apiErr, wait, limit)
}

// Backoff returns how long to wait before attempt attemptNum+1. When resp
// asks for a wait (retry-after-ms or Retry-After), Backoff honours it, even
// beyond maxWait (the client's RetryWaitMax), raised to minWait and capped
// at MaxWait: with CheckRetry of the same policy, a wait beyond MaxWait
// never reaches Backoff. Otherwise it is the package-level Backoff:
// exponential with full jitter between minWait and maxWait. It never panics.
func (p RetryPolicy) Backoff(minWait, maxWait time.Duration, attemptNum int, resp *http.Response) time.Duration {
	if resp != nil {
		if d, ok := retryAfterOf(resp.Header); ok {
			return min(max(d, minWait), p.maxWait())
		}
	}
	return Backoff(minWait, maxWait, attemptNum, nil)
}

// errorKeepingBody returns the error FromResponse makes of resp, and leaves
// resp.Body reading what FromResponse read followed by the rest, so that
// go-retryablehttp's ErrorHandler, or the caller, can still read it.
func errorKeepingBody(resp *http.Response) error {
	body := resp.Body
	if body == nil {
		return FromResponse(resp)
	}
	var read bytes.Buffer
	resp.Body = replayBody{io.TeeReader(body, &read), body}
	err := FromResponse(resp)
	resp.Body = replayBody{io.MultiReader(&read, body), body}
	return err
}

// replayBody reads from one reader and closes another: a body read again.
type replayBody struct {
	io.Reader
	io.Closer
}

// drainLimit is how much of a body ErrorHandler reads, after what
// FromResponse read, before it closes it: as much as go-retryablehttp reads
// (its respReadLimit), enough to let a short error body's connection be
// reused, and bounded so that a server streaming forever cannot hold the
// caller.
const drainLimit = 4 << 10

// ErrorHandler is a go-retryablehttp ErrorHandler (client.ErrorHandler =
// errcodes.ErrorHandler) that keeps the API's error when the retries end.
// go-retryablehttp's default handler returns "giving up after N attempt(s)"
// and, when CheckRetry gave no error, drops the response and with it the
// code, the message and the wait the server asked for.
//
// ErrorHandler closes the response's body and returns no response, as the
// default does, and an error that says, as the default's does, the method,
// the URL and how many attempts were made: "GET https://api.test/v1/songs
// giving up after 5 attempt(s): prefix: 503 Service Unavailable: message".
// That error wraps err when err already holds an *Error (as those of
// RetryPolicy.CheckRetry do); otherwise, for a failed response, it wraps the
// *Error FromResponse makes of it (and err, if any); and a transport error
// is wrapped as it is. errors.Is, CodeOf and RetryAfter work on the result.
//
// The URL in the message has no user information, query or fragment: query
// parameters can hold credentials, which FromResponse keeps out of its
// errors. ErrorHandler never panics on an error value, however it is built.
func ErrorHandler(resp *http.Response, err error, numTries int) (*http.Response, error) {
	what := ""
	if resp != nil {
		what = requestLine(resp.Request)
	}
	giveUp := fmt.Sprintf("giving up after %d attempt(s)", numTries)
	if what != "" {
		giveUp = what + " " + giveUp
	}
	var apiErr error
	if resp != nil && resp.StatusCode >= 400 && !holdsError(err) {
		apiErr = FromResponse(resp)
	}
	if resp != nil && resp.Body != nil {
		drainAndClose(resp.Body)
	}
	switch {
	case apiErr != nil && err != nil:
		return nil, fmt.Errorf("%s: %w (%w)", giveUp, apiErr, err)
	case apiErr != nil:
		return nil, fmt.Errorf("%s: %w", giveUp, apiErr)
	case err != nil:
		return nil, fmt.Errorf("%s: %w", giveUp, err)
	}
	return nil, errors.New(giveUp)
}

// holdsError reports whether err's chain holds an *Error; false when
// walking the chain panics (an Unwrap method of a nil pointer can).
func holdsError(err error) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return find(err) != nil
}

// requestLine returns "METHOD URL" for req, without the URL's user
// information, query and fragment; "" for a nil request.
func requestLine(req *http.Request) string {
	if req == nil {
		return ""
	}
	method := req.Method
	if method == "" {
		method = http.MethodGet // as net/http reads an empty method
	}
	if req.URL == nil {
		return method
	}
	u := url.URL{Scheme: req.URL.Scheme, Host: req.URL.Host, Path: req.URL.Path, RawPath: req.URL.RawPath}
	return method + " " + u.String()
}

// drainAndClose reads at most drainLimit more bytes of body, so that the
// connection can be reused, and closes it.
func drainAndClose(body io.ReadCloser) {
	_, _ = io.Copy(io.Discard, io.LimitReader(body, drainLimit))
	_ = body.Close()
}
