package errcodes

import (
	"errors"
	"fmt"
	"io"
	"testing"
)

// TestSentinels checks the sentinels from both sides of errors.Is, and as
// errors of their own that a fake may return.
func TestSentinels(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		target error
		want   bool
	}{
		{"error matches its sentinel", New(NotFound, "gone fishing"), ErrNotFound, true},
		{"wrapped error matches", wrap3(New(NotFound, "")), ErrNotFound, true},
		{"joined error matches", errors.Join(io.EOF, New(NotFound, "")), ErrNotFound, true},
		{"other code does not", New(BadRequest, ""), ErrNotFound, false},
		{"sentinel matches itself", ErrNotFound, ErrNotFound, true},
		{"wrapped sentinel matches", wrap3(ErrNotFound), ErrNotFound, true},
		{"sentinel matches an error of its code", ErrNotFound, New(NotFound, ""), true},
		{"sentinel does not match another code", ErrNotFound, New(BadRequest, ""), false},
		{"sentinels of two codes differ", ErrNotFound, ErrBadRequest, false},
		{"undocumented code's sentinel", New(418, ""), Sentinel(418), true},
		{"typed nil *Error does not match", (*Error)(nil), ErrNotFound, false},
		{"sentinel does not match a typed nil *Error", ErrNotFound, (*Error)(nil), false},
		{"foreign error", io.EOF, ErrNotFound, false},
		{"sentinel is not a foreign error", ErrNotFound, io.EOF, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := errors.Is(tt.err, tt.target); got != tt.want {
				t.Errorf("errors.Is(%v, %v) = %t, want %t", tt.err, tt.target, got, tt.want)
			}
		})
	}
}

// TestSentinelAsError checks what a Sentinel says and how the package's
// helpers read one in a chain.
func TestSentinelAsError(t *testing.T) {
	tests := []struct {
		err       error
		text      string
		code      Code
		ok        bool
		retryable bool
	}{
		{ErrNotFound, "example: 404 Not Found", NotFound, true, false},
		{ErrTooManyRequests, "example: 429 Too Many Requests", TooManyRequests, true, true},
		{fmt.Errorf("fake: %w", ErrInternalServerError), "fake: example: 500 Internal Server Error", InternalServerError, true, true},
		{Sentinel(418), "example: 418 I'm a teapot", 418, true, false},
		{Sentinel(299), "example: 299", 299, true, false},
		// The first API error in the chain decides, whatever its kind.
		{errors.Join(ErrBadRequest, New(TooManyRequests, "")), "example: 400 Bad Request\nexample: 429 Too Many Requests", BadRequest, true, false},
		{errors.Join(New(TooManyRequests, ""), ErrBadRequest), "example: 429 Too Many Requests\nexample: 400 Bad Request", TooManyRequests, true, true},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.text {
			t.Errorf("Error() = %q, want %q", got, tt.text)
		}
		if c, ok := CodeOf(tt.err); c != tt.code || ok != tt.ok {
			t.Errorf("CodeOf(%v) = %v, %t; want %v, %t", tt.err, c, ok, tt.code, tt.ok)
		}
		if got := IsRetryable(tt.err); got != tt.retryable {
			t.Errorf("IsRetryable(%v) = %t, want %t", tt.err, got, tt.retryable)
		}
		if d, ok := RetryAfter(tt.err); ok {
			t.Errorf("RetryAfter(%v) = %v: a sentinel asks for no wait", tt.err, d)
		}
	}
	if ErrNotFound.Code() != NotFound {
		t.Errorf("ErrNotFound.Code() = %v", ErrNotFound.Code())
	}
}

// TestSentinelsAreConstants fails to compile if the sentinels become
// variables again: only a constant may be used in a constant declaration.
func TestSentinelsAreConstants(t *testing.T) {
	const target = ErrTooManyRequests
	if Code(target) != TooManyRequests {
		t.Errorf("ErrTooManyRequests is Sentinel(%d)", int(target))
	}
}
