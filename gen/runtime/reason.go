package errcodes

import (
	"errors"
	"strconv"
)

// Reason is a string error code of the API: the identifier its error
// responses carry in the body ("rate_limit_exceeded", "insufficient_quota"),
// beside the HTTP status. Many reasons may share one status, and they can
// call for different handling: a 429 that says rate_limit_exceeded is
// retried, one that says insufficient_quota is not.
//
// It is named after google.rpc.ErrorInfo.Reason, which plays the same part
// next to a status code; Code is already the status. The documented reasons
// are constants of this package; any other string the API sends is still a
// Reason, one that is not Known, so that an undocumented code yields a
// usable, typed error as an undocumented status does.
type Reason string

// String returns the reason as it is on the wire ("rate_limit_exceeded").
func (r Reason) String() string { return string(r) }

// Name returns the Go name of a documented reason ("RateLimitExceeded"), and
// "" for any other.
func (r Reason) Name() string { return r.name() }

// MaxReasonLen is the longest string that can be a Reason.
const MaxReasonLen = 128

// validReason reports whether s can be a Reason: 1 to MaxReasonLen ASCII
// letters, digits and . _ - : /, which the codes of every real catalogue are
// made of. Anything else found in a body is not taken for a code: it could
// be a sentence, a number or an attempt to forge a log line.
func validReason(s string) bool { return validReasonText(s) }

// validReasonText is validReason for a string or for bytes, which the
// body scanner checks without making a string of them.
func validReasonText[T string | []byte](s T) bool {
	if len(s) == 0 || len(s) > MaxReasonLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			c == '.' || c == '_' || c == '-' || c == ':' || c == '/') {
			return false
		}
	}
	return true
}

// errBadReason is what UnmarshalText wraps for text that is not a reason.
var errBadReason = errors.New("not a string error code")

// MarshalText encodes r as its wire string. The empty Reason, no reason at
// all, encodes as empty text; a string that cannot be a Reason (see
// UnmarshalText) is an error, so that what is written always reads back.
func (r Reason) MarshalText() ([]byte, error) {
	if r != "" && !validReason(string(r)) {
		return nil, &reasonTextError{text: string(r)}
	}
	return []byte(r), nil
}

// UnmarshalText decodes a reason from its wire string: any string of 1 to
// MaxReasonLen ASCII letters, digits and . _ - : /, documented or not.
// Empty text gives the empty Reason. Anything else is an error, and r is
// left as it was.
func (r *Reason) UnmarshalText(text []byte) error {
	if len(text) != 0 && !validReason(string(text)) {
		return &reasonTextError{text: string(text)}
	}
	*r = Reason(text)
	return nil
}

// reasonTextError reports text that is not a reason. It matches
// errBadReason.
type reasonTextError struct{ text string }

func (e *reasonTextError) Error() string {
	return errorPrefix + ": " + strconv.Quote(e.text) + " is not a string error code (1 to 128 ASCII letters, digits and . _ - : /)"
}

func (e *reasonTextError) Unwrap() error { return errBadReason }

// LookupReason returns the documented reason whose wire string is s. ok is
// false, and r empty, when the docs do not list s; Reason(s) is then still
// the reason to put in an *Error.
func LookupReason(s string) (r Reason, ok bool) {
	if r := Reason(s); r.Known() {
		return r, true
	}
	return "", false
}

// NewReason returns an *Error for reason r with message msg. Its Code is
// r's documented status, or 0 when the docs give none (or r is not Known).
func NewReason(r Reason, msg string) *Error {
	return &Error{Code: r.Status(), Reason: r, Message: msg}
}

// ReasonOf returns the Reason of the first *Error or ReasonSentinel in err's
// chain, following both Unwrap() error and Unwrap() []error as errors.As
// does, depth first, but without its reflection and allocation, as CodeOf
// does for the status. ok is false when the chain holds neither, or when the
// first *Error carries no reason; in an errors.Join the search then goes on
// in the next error joined.
func ReasonOf(err error) (r Reason, ok bool) {
	for err != nil {
		switch x := err.(type) {
		case *Error:
			if x == nil {
				return "", false
			}
			if x.Reason != "" {
				return x.Reason, true
			}
			return "", false
		case ReasonSentinel:
			return Reason(x), true
		case interface{ Unwrap() error }:
			err = x.Unwrap()
		case interface{ Unwrap() []error }:
			for _, inner := range x.Unwrap() {
				if r, ok := ReasonOf(inner); ok {
					return r, true
				}
			}
			return "", false
		default:
			return "", false
		}
	}
	return "", false
}

// ReasonSentinel is the comparison target of a Reason for errors.Is:
// ErrRateLimitExceeded is ReasonSentinel(RateLimitExceeded), and
// errors.Is(err, ErrRateLimitExceeded) is true for every *Error of that
// Reason in err's chain, however it is wrapped, whatever its status.
//
// Like Sentinel, the reason sentinels are constants, which no importer can
// change, and a ReasonSentinel is an error in its own right, one of its
// reason's documented status: a fake may return ErrInsufficientQuota, and
// ReasonOf, CodeOf, IsRetryable and errors.Is (against it or against the
// Sentinel of its status) treat it as such an error without a message.
type ReasonSentinel Reason

// Reason returns the reason s matches.
func (s ReasonSentinel) Reason() Reason { return Reason(s) }

// Error reads "prefix: 429 Too Many Requests: insufficient_quota", as an
// *Error of the reason without a message does.
func (s ReasonSentinel) Error() string {
	return errorText3(Reason(s).Status(), Reason(s), "")
}

// Is reports whether target is the same ReasonSentinel, an *Error of the
// same Reason, or the Sentinel of the reason's documented status, so that
// errors.Is(ErrInsufficientQuota, ErrTooManyRequests) holds as it does for
// NewReason(InsufficientQuota, "").
func (s ReasonSentinel) Is(target error) bool {
	switch t := target.(type) {
	case ReasonSentinel:
		return t == s
	case Sentinel:
		c := Reason(s).Status()
		return c != 0 && Code(t) == c
	case *Error:
		return t != nil && t.Reason == Reason(s)
	}
	return false
}
