package errcodes

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"testing"
)

func TestErrorIsThroughWrapping(t *testing.T) {
	base := New(TooManyRequests, "slow down")
	tests := []struct {
		name   string
		err    error
		target error
		want   bool
	}{
		{"same code", base, ErrTooManyRequests, true},
		{"wrapped once", fmt.Errorf("call: %w", base), ErrTooManyRequests, true},
		{"wrapped thrice", wrap3(base), ErrTooManyRequests, true},
		{"joined", errors.Join(io.EOF, base), ErrTooManyRequests, true},
		{"multi %w", fmt.Errorf("%w and %w", io.EOF, base), ErrTooManyRequests, true},
		{"other code", base, ErrNotFound, false},
		{"foreign error", io.EOF, ErrNotFound, false},
		{"nil error", nil, ErrNotFound, false},
		{"undocumented code matches same code", New(418, ""), New(418, "other"), true},
		{"undocumented code vs other", New(418, ""), New(419, ""), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := errors.Is(tt.err, tt.target); got != tt.want {
				t.Errorf("errors.Is(%v, %v) = %t, want %t", tt.err, tt.target, got, tt.want)
			}
		})
	}
}

func wrap3(err error) error {
	return fmt.Errorf("a: %w", fmt.Errorf("b: %w", fmt.Errorf("c: %w", err)))
}

func TestCodeOf(t *testing.T) {
	var nilErr *Error
	tests := []struct {
		name   string
		err    error
		want   Code
		wantOK bool
	}{
		{"nil", nil, 0, false},
		{"foreign", io.EOF, 0, false},
		{"direct", New(NotFound, ""), NotFound, true},
		{"wrapped", wrap3(New(InternalServerError, "x")), InternalServerError, true},
		{"first in join wins", errors.Join(io.EOF, New(BadRequest, ""), New(NotFound, "")), BadRequest, true},
		{"nested join", fmt.Errorf("x: %w", errors.Join(io.EOF, wrap3(New(418, "")))), 418, true},
		{"typed nil", nilErr, 0, false},
		{"wrapped typed nil", fmt.Errorf("x: %w", nilErr), 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := CodeOf(tt.err)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("CodeOf = %v, %t; want %v, %t", got, ok, tt.want, tt.wantOK)
			}
			var viaAs *Error
			if as := errors.As(tt.err, &viaAs) && viaAs != nil; as != ok {
				t.Errorf("CodeOf ok = %t, but errors.As finds an *Error: %t", ok, as)
			}
		})
	}
}

func TestIsRetryable(t *testing.T) {
	tests := []struct {
		err  error
		want bool
	}{
		{nil, false},
		{io.EOF, false},
		{New(TooManyRequests, ""), true},
		{wrap3(New(InternalServerError, "")), true},
		{New(BadRequest, ""), false},
		// Documented 503, overridden to not retryable in the stub spec.
		{New(ServiceUnavailable, ""), false},
		// Undocumented statuses follow the default rule.
		{New(502, ""), true},
		{New(408, ""), true},
		{New(501, ""), false},
		{New(401, ""), false},
	}
	for _, tt := range tests {
		if got := IsRetryable(tt.err); got != tt.want {
			t.Errorf("IsRetryable(%v) = %t, want %t", tt.err, got, tt.want)
		}
	}
}

func TestErrorMessage(t *testing.T) {
	var nilErr *Error
	tests := []struct {
		err  *Error
		want string
	}{
		{New(TooManyRequests, "slow down"), "example: 429 Too Many Requests: slow down"},
		{New(NotFound, ""), "example: 404 Not Found"},
		{New(401, "who are you"), "example: 401 Unauthorized: who are you"},
		{New(299, ""), "example: 299"},
		{nilErr, "example: <nil>"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
	if got := nilErr.Retryable(); got {
		t.Error("nil *Error is retryable")
	}
	if got := nilErr.Remedy(); got != "" {
		t.Errorf("nil *Error has remedy %q", got)
	}
	if got := New(NotFound, "").Remedy(); got != "Check the path." {
		t.Errorf("Remedy() = %q", got)
	}
}

func TestCodesAndLookup(t *testing.T) {
	// Gone is no longer listed in the docs: deprecated, but still Known.
	want := []Code{BadRequest, NotFound, Gone, TooManyRequests, InternalServerError, ServiceUnavailable}
	got := Codes()
	if !slices.Equal(got, want) {
		t.Fatalf("Codes() = %v, want %v", got, want)
	}
	got[0] = 999
	if Codes()[0] != BadRequest {
		t.Error("Codes() shares its slice between calls")
	}
	for _, c := range want {
		if l, ok := Lookup(int(c)); !ok || l != c || !c.Known() {
			t.Errorf("Lookup(%d) = %v, %t; Known %t", int(c), l, ok, c.Known())
		}
	}
	for _, status := range []int{-1, 0, 200, 401, 418, 502, 600, 1 << 40} {
		if c, ok := Lookup(status); ok || c != 0 {
			t.Errorf("Lookup(%d) = %v, %t; want 0, false", status, c, ok)
		}
		if Code(status).Known() {
			t.Errorf("Code(%d).Known()", status)
		}
	}
}

func TestCodeText(t *testing.T) {
	for _, c := range Codes() {
		text, err := c.MarshalText()
		if err != nil || string(text) != c.String() {
			t.Errorf("%d.MarshalText() = %q, %v; want %q", int(c), text, err, c.String())
		}
		var back Code
		if err := back.UnmarshalText(text); err != nil || back != c {
			t.Errorf("UnmarshalText(%q) = %v, %v", text, back, err)
		}
		if err := back.UnmarshalText([]byte(fmt.Sprint(int(c)))); err != nil || back != c {
			t.Errorf("UnmarshalText(%d) = %v, %v", int(c), back, err)
		}
		if c.Description() == "" || c.Remedy() == "" {
			t.Errorf("%v has an empty description or remedy", c)
		}
	}
	if got := Code(418).String(); got != "Code(418)" {
		t.Errorf("String of undocumented = %q", got)
	}
	if text, _ := Code(418).MarshalText(); string(text) != "418" {
		t.Errorf("MarshalText of undocumented = %q", text)
	}
	if got := Code(401).Description(); got != "Unauthorized" {
		t.Errorf("Description of undocumented 401 = %q", got)
	}
	for _, bad := range []string{"", "toomanyrequests", "Code(418)", "99", "1000", "00", "4O4", " 404", "-404", "1e2", "0404", "+404"} {
		c := NotFound
		err := c.UnmarshalText([]byte(bad))
		if err == nil || !errors.Is(err, errBadCode) {
			t.Errorf("UnmarshalText(%q) error = %v, want errBadCode", bad, err)
		}
		if c != NotFound {
			t.Errorf("UnmarshalText(%q) changed the code to %v", bad, c)
		}
	}
}

// TestEarlierNames checks what keeps code written against an earlier name
// working: the alias constant and sentinel are the code's own, and the
// text form accepts the earlier name while writing the current one.
func TestEarlierNames(t *testing.T) {
	if RateLimited != TooManyRequests || ErrRateLimited != ErrTooManyRequests {
		t.Fatal("the alias is not the code")
	}
	err := fmt.Errorf("call: %w", New(TooManyRequests, "slow down"))
	if !errors.Is(err, ErrRateLimited) {
		t.Error("errors.Is does not match the earlier sentinel")
	}
	var c Code
	if err := c.UnmarshalText([]byte("RateLimited")); err != nil || c != TooManyRequests {
		t.Errorf("UnmarshalText(RateLimited) = %v, %v", c, err)
	}
	if text, _ := c.MarshalText(); string(text) != "TooManyRequests" {
		t.Errorf("MarshalText = %s, want the current name", text)
	}
	if c.String() != "TooManyRequests" {
		t.Errorf("String() = %s", c)
	}
	if !Gone.Known() || Gone.String() != "Gone" || Gone.Description() != "Gone" {
		t.Error("a code removed from the docs is no longer Known")
	}
}
