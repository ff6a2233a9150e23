package errcodes

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"time"
)

// MarshalJSON encodes c as its status number (429), documented or not. The
// number is what the API sends and it never changes, where a Go name may be
// renamed by the maintainers; so JSON written by one version of this package
// reads back with any other. (MarshalText, used for map keys and text
// formats, writes the name of a documented code.)
func (c Code) MarshalJSON() ([]byte, error) {
	return strconv.AppendInt(nil, int64(c), 10), nil
}

// UnmarshalJSON decodes a code from a JSON number (429) or a JSON string
// holding a name or a number ("TooManyRequests", "429"), as grpc-go's codes
// accept either. The number must be a plain integer that UnmarshalText would
// accept. JSON null leaves c as it is, as for the standard types; anything
// else is an error, and c is left as it was.
func (c *Code) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	switch {
	case string(data) == "null":
		return nil
	case len(data) > 0 && data[0] == '"':
		var s string
		if err := json.Unmarshal(data, &s); err != nil {
			return &textError{text: string(data)}
		}
		return c.UnmarshalText([]byte(s))
	}
	return c.UnmarshalText(data)
}

// errorJSON is the JSON form of an *Error. Its field names are part of the
// package's API: they do not change between versions.
type errorJSON struct {
	// Code is the status number: see Code.MarshalJSON.
	Code Code `json:"code"`
	// Name is the Go name of a documented code; written, never read.
	Name string `json:"name,omitempty"`
	// Reason is Error.Reason, the string code as on the wire.
	Reason string `json:"reason,omitempty"`
	// Status is Error.Status.
	Status string `json:"status,omitempty"`
	// Message is Error.Message.
	Message string `json:"message,omitempty"`
	// Retryable is Error.Retryable(); written, never read.
	Retryable bool `json:"retryable"`
	// RetryAfter is Error.RetryAfter in time.Duration's text form ("1.5s"),
	// which reads back exactly.
	RetryAfter string `json:"retry_after,omitempty"`
	// Body is Error.Body, in base64 as encoding/json writes bytes: it may
	// be binary.
	Body []byte `json:"body,omitempty"`
	// Problem is Error.Problem, with RFC 9457's member names.
	Problem *Problem `json:"problem,omitempty"`
}

// MarshalJSON encodes e as an object with the fields code (the status
// number), name (the Go name, for a documented code), reason (the string
// code, as on the wire), status, message, retryable, retry_after ("1.5s"),
// body (base64) and problem (RFC 9457's type, title, detail and instance);
// empty ones but code and retryable are left out. A nil *Error encodes as
// null.
func (e *Error) MarshalJSON() ([]byte, error) {
	if e == nil {
		return []byte("null"), nil
	}
	v := errorJSON{
		Code:      e.Code,
		Name:      e.Code.name(),
		Reason:    string(e.Reason),
		Status:    e.Status,
		Message:   e.Message,
		Retryable: e.Retryable(),
		Body:      e.Body,
		Problem:   e.Problem,
	}
	if e.RetryAfter != 0 {
		v.RetryAfter = e.RetryAfter.String()
	}
	// What cannot be read back is not written: a reason set by hand to a
	// string no API sends is an error, as Reason.MarshalText says.
	if _, err := e.Reason.MarshalText(); err != nil {
		return nil, err
	}
	return json.Marshal(v)
}

// errBadRetryAfter is what UnmarshalJSON wraps for a retry_after it cannot
// read.
var errBadRetryAfter = errors.New("retry_after is not a duration from 0 to MaxRetryAfter")

// UnmarshalJSON decodes what MarshalJSON writes: code, reason, status,
// message, retry_after, body and problem are read (a reason that is not 1 to
// MaxReasonLen ASCII letters, digits and . _ - : / is an error); name and retryable, which follow from the
// code, are not, so an error read back by a newer version of the package
// takes that version's names and retry decisions. It replaces every field of
// e, and leaves e as it was on an error.
func (e *Error) UnmarshalJSON(data []byte) error {
	var v errorJSON
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	var wait time.Duration
	if v.RetryAfter != "" {
		d, err := time.ParseDuration(v.RetryAfter)
		if err != nil || d < 0 || d > MaxRetryAfter {
			return &retryAfterError{text: v.RetryAfter}
		}
		wait = d
	}
	var reason Reason
	if err := reason.UnmarshalText([]byte(v.Reason)); err != nil {
		return err
	}
	*e = Error{Code: v.Code, Reason: reason, Status: v.Status, Message: v.Message, Body: v.Body, RetryAfter: wait, Problem: v.Problem}
	return nil
}

// retryAfterError reports a retry_after that UnmarshalJSON could not read.
// It matches errBadRetryAfter.
type retryAfterError struct{ text string }

func (e *retryAfterError) Error() string {
	return errorPrefix + ": retry_after " + strconv.Quote(e.text) + " is not a duration from 0 to " + MaxRetryAfter.String()
}

func (e *retryAfterError) Unwrap() error { return errBadRetryAfter }
