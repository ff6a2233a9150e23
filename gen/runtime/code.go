package errcodes

import (
	"errors"
	"strconv"
)

// Code is an error code of the API: the HTTP status it answers with. The
// documented codes are constants of this package; any other status is still
// a Code, one that is not Known.
type Code int

// String returns the Go name of a documented code ("RateLimitExceeded"), and
// "Code(418)" for any other.
func (c Code) String() string {
	if n := c.name(); n != "" {
		return n
	}
	return "Code(" + strconv.Itoa(int(c)) + ")"
}

// MarshalText encodes a documented code by its name and any other by its
// number, so that UnmarshalText reads every code back.
func (c Code) MarshalText() ([]byte, error) {
	if n := c.name(); n != "" {
		return []byte(n), nil
	}
	return strconv.AppendInt(nil, int64(c), 10), nil
}

// errBadCode is what UnmarshalText wraps for text that is not a code.
var errBadCode = errors.New("not an error code")

// UnmarshalText decodes a code from its name ("RateLimitExceeded") or its
// number: "429", any three-digit status from 100 to 999 (what an HTTP client
// can receive), or "0", the code of an *Error made without a response.
// Anything else is an error, and c is left as it was.
func (c *Code) UnmarshalText(text []byte) error {
	s := string(text)
	if v, ok := codeByName(s); ok {
		*c = v
		return nil
	}
	// Only the canonical form: "0429" or "+429" would not marshal back.
	if n, err := strconv.Atoi(s); err == nil && (n == 0 || n >= 100 && n <= 999) && strconv.Itoa(n) == s {
		*c = Code(n)
		return nil
	}
	return &textError{text: s}
}

// textError reports text that UnmarshalText could not read. It matches
// errBadCode so callers need not know its type.
type textError struct{ text string }

func (e *textError) Error() string {
	return errorPrefix + ": " + strconv.Quote(e.text) + " is not an error code name or a status from 100 to 999"
}

func (e *textError) Unwrap() error { return errBadCode }

// Lookup returns the documented code for an HTTP status. ok is false, and c
// zero, when the docs do not list the status.
func Lookup(status int) (c Code, ok bool) {
	if c := Code(status); c.Known() {
		return c, true
	}
	return 0, false
}
