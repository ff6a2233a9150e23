package errcodes

import (
	"log/slog"
	"strconv"
	"time"
)

// Error is an error the API answered with. Compare errors with errors.Is
// against the Err sentinels: an *Error matches any *Error of the same Code,
// however deeply it is wrapped.
type Error struct {
	// Code is the status the API answered with, documented or not.
	Code Code
	// Reason is the string code the body carried ("insufficient_quota"),
	// documented or not; empty when it carried none. A Known reason
	// decides Retryable, and errors.Is matches it against its
	// ReasonSentinel.
	Reason Reason
	// Status is the HTTP status line of the response ("429 Too Many
	// Requests"), when the error came from one.
	Status string
	// Message is the API's own explanation, if it gave one, cleaned for a
	// log line and with the request's credentials replaced by
	// "[REDACTED]".
	Message string
	// Problem holds the RFC 9457 problem details the response carried,
	// each member cleaned and redacted as Message is; nil when the body
	// was no problem details object (see FromResponse).
	Problem *Problem
	// Body is the start of the response body, at most 4 KiB, as sent but
	// decompressed if the transport left it gzipped, and with the
	// request's credentials replaced by "[REDACTED]". It may be binary;
	// Error and LogValue never show it.
	Body []byte
	// RetryAfter is the wait the server asked for before a retry, capped at
	// MaxRetryAfter; zero when it asked for none.
	RetryAfter time.Duration

	// serverRetry is what the response's X-Should-Retry header said, for
	// Retryable: 1 retry, -1 do not, 0 nothing (or no response).
	serverRetry int8
}

// New returns an *Error for code c with message msg.
func New(c Code, msg string) *Error {
	return &Error{Code: c, Message: msg}
}

// Error reads "prefix: 429 Rate Limit Exceeded: message", and with a
// reason "prefix: 429 Too Many Requests: insufficient_quota: message"; an
// error of a reason without a status leaves the status out.
func (e *Error) Error() string {
	if e == nil {
		return errorPrefix + ": <nil>"
	}
	return errorText3(e.Code, e.Reason, e.Message)
}

// errorText3 is the text of an error of code c, reason r and message msg:
// "prefix: 429 Too Many Requests: insufficient_quota: message", where an
// empty reason or message is left out, and so is code 0 when there is a
// reason.
func errorText3(c Code, r Reason, msg string) string {
	s := errorPrefix + ":"
	if c != 0 || r == "" {
		s += " " + strconv.Itoa(int(c))
		if d := c.Description(); d != "" {
			s += " " + d
		}
		if r != "" {
			s += ":"
		}
	}
	if r != "" {
		s += " " + string(r)
	}
	if msg != "" {
		s += ": " + msg
	}
	return s
}

// LogValue makes an *Error log as a group of its code, name, status,
// retryability, message, reason (when it has one) and requested wait, with
// log/slog, and the type
// and instance of its problem details when it has them (as problem_type
// and problem_instance): they identify the problem where the message only
// describes it. The problem's title and detail, which mostly repeat the
// status and the message, and the body, which can be large, are left out.
func (e *Error) LogValue() slog.Value {
	if e == nil {
		return slog.StringValue("<nil>")
	}
	attrs := []slog.Attr{
		slog.Int("code", int(e.Code)),
		slog.String("name", e.Code.String()),
		slog.String("status", e.Status),
		slog.Bool("retryable", e.Retryable()),
		slog.String("message", e.Message),
	}
	if e.Reason != "" {
		attrs = append(attrs, slog.String("reason", string(e.Reason)))
	}
	if e.RetryAfter > 0 {
		attrs = append(attrs, slog.Duration("retry_after", e.RetryAfter))
	}
	if p := e.Problem; p != nil {
		if p.Type != "" {
			attrs = append(attrs, slog.String("problem_type", p.Type))
		}
		if p.Instance != "" {
			attrs = append(attrs, slog.String("problem_instance", p.Instance))
		}
	}
	return slog.GroupValue(attrs...)
}

// Is reports whether target is the Sentinel of e's Code, the
// ReasonSentinel of e's Reason, or an *Error with the same Code, which makes
// errors.Is(err, ErrNotFound) true for any not-found error in err's chain,
// and errors.Is(err, ErrInsufficientQuota) true for any error whose body
// said insufficient_quota (errors.Is(err, ErrTooManyRequests) too, when it
// came with 429).
func (e *Error) Is(target error) bool {
	if e == nil {
		return false
	}
	switch t := target.(type) {
	case Sentinel:
		return Code(t) == e.Code
	case ReasonSentinel:
		return e.Reason != "" && Reason(t) == e.Reason
	case *Error:
		return t != nil && t.Code == e.Code
	}
	return false
}

// Retryable reports whether the request that failed with e may be sent
// again: as the response's X-Should-Retry header said ("true" or "false"),
// when FromResponse read one; else as the docs (or the spec's rules) say for
// its Reason when that is Known; else as they say for its Code. So a 429
// whose body says insufficient_quota is not retried, while one that says
// rate_limit_exceeded, or an undocumented reason, is.
func (e *Error) Retryable() bool {
	if e == nil {
		return false
	}
	if e.serverRetry != 0 {
		return e.serverRetry > 0
	}
	if e.Reason.Known() {
		return e.Reason.Retryable()
	}
	return e.Code.Retryable()
}

// Remedy returns the docs' advice for e's Code.
func (e *Error) Remedy() string {
	if e == nil {
		return ""
	}
	return e.Code.Remedy()
}

// CodeOf returns the Code of the first *Error, Sentinel or ReasonSentinel
// (whose Code is its reason's documented status) in err's chain,
// following both Unwrap() error and Unwrap() []error as errors.As does, but
// without its reflection and allocation. ok is false when the chain holds
// neither.
func CodeOf(err error) (c Code, ok bool) {
	_, c, _, ok = first(err)
	return c, ok
}

// IsRetryable reports whether the first *Error (or Sentinel, or
// ReasonSentinel) in err's chain may be retried, as Error.Retryable decides.
// It is false for nil and for errors that did not come from the API.
func IsRetryable(err error) bool {
	e, c, r, ok := first(err)
	switch {
	case e != nil:
		return e.Retryable()
	case r != "":
		return r.Retryable()
	}
	return ok && c.Retryable()
}

// find returns the first *Error in err's chain, or nil when the chain holds
// none or a Sentinel comes first.
func find(err error) *Error {
	e, _, _, _ := first(err)
	return e
}

// first returns the first non-nil *Error, Sentinel or ReasonSentinel in
// err's chain, depth first, and its Code; e is nil for a sentinel, and r is
// the reason of a ReasonSentinel (empty otherwise). A typed nil *Error ends
// the search, as it ends errors.As's use of the value.
func first(err error) (e *Error, c Code, r Reason, ok bool) {
	for err != nil {
		switch x := err.(type) {
		case *Error:
			if x == nil {
				return nil, 0, "", false
			}
			return x, x.Code, "", true
		case Sentinel:
			return nil, Code(x), "", true
		case ReasonSentinel:
			return nil, Reason(x).Status(), Reason(x), true
		case interface{ Unwrap() error }:
			err = x.Unwrap()
		case interface{ Unwrap() []error }:
			for _, inner := range x.Unwrap() {
				if e, c, r, ok := first(inner); ok {
					return e, c, r, true
				}
			}
			return nil, 0, "", false
		default:
			return nil, 0, "", false
		}
	}
	return nil, 0, "", false
}
