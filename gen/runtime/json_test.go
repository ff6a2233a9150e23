package errcodes

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestCodeJSON(t *testing.T) {
	for _, c := range append(Codes(), 418, 0, 599, 799) {
		data, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("Marshal(%v): %v", c, err)
		}
		if want := strings.TrimSpace(string(mustText(t, int(c)))); string(data) != want {
			t.Errorf("Marshal(%v) = %s, want the number %s", c, data, want)
		}
		var back Code
		if err := json.Unmarshal(data, &back); err != nil || back != c {
			t.Errorf("Unmarshal(%s) = %v, %v; want %v", data, back, err, c)
		}
	}
	tests := []struct {
		in   string
		want Code
	}{
		{`429`, TooManyRequests},
		{` 404 `, NotFound},
		{`"TooManyRequests"`, TooManyRequests},
		{`"RateLimited"`, TooManyRequests}, // an earlier name
		{`"429"`, TooManyRequests},
		{`"418"`, 418},
		{`418`, 418},
		{`null`, BadRequest}, // left as it was
	}
	for _, tt := range tests {
		c := BadRequest
		if err := json.Unmarshal([]byte(tt.in), &c); err != nil || c != tt.want {
			t.Errorf("Unmarshal(%s) = %v, %v; want %v", tt.in, c, err, tt.want)
		}
	}
	for _, bad := range []string{`429.0`, `4.29e2`, `-404`, `"toomanyrequests"`, `"Code(418)"`, `true`, `{}`, `[429]`, `1000`, `99`, `"\u0034\u0030\u0034x"`, `0429`} {
		c := NotFound
		err := json.Unmarshal([]byte(bad), &c)
		if err == nil {
			t.Errorf("Unmarshal(%s) = %v, want an error", bad, c)
		}
		if c != NotFound {
			t.Errorf("Unmarshal(%s) changed the code to %v", bad, c)
		}
	}
	// In a struct, as a client's own types hold it, and as a map key,
	// where the text form (the name) applies.
	var v struct {
		Code Code          `json:"code"`
		ByMe map[Code]bool `json:"by"`
	}
	if err := json.Unmarshal([]byte(`{"code":"NotFound","by":{"TooManyRequests":true,"418":false}}`), &v); err != nil {
		t.Fatal(err)
	}
	if v.Code != NotFound || !v.ByMe[TooManyRequests] || len(v.ByMe) != 2 {
		t.Errorf("decoded %+v", v)
	}
	out, _ := json.Marshal(v)
	if want := `{"code":404,"by":{"418":false,"TooManyRequests":true}}`; string(out) != want {
		t.Errorf("Marshal = %s, want %s", out, want)
	}
}

func mustText(t *testing.T, n int) []byte {
	t.Helper()
	b, err := json.Marshal(n)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestErrorJSON(t *testing.T) {
	tests := []struct {
		name string
		err  *Error
		want string
	}{
		{"documented", &Error{Code: TooManyRequests, Status: "429 Too Many Requests", Message: "slow down", RetryAfter: 1500 * time.Millisecond, Body: []byte(`{"x":1}`)},
			`{"code":429,"name":"TooManyRequests","status":"429 Too Many Requests","message":"slow down","retryable":true,"retry_after":"1.5s","body":"eyJ4IjoxfQ=="}`},
		{"undocumented", New(418, "teapot"), `{"code":418,"message":"teapot","retryable":false}`},
		{"no response", &Error{Message: "no response"}, `{"code":0,"message":"no response","retryable":false}`},
		{"problem", &Error{Code: 404, Problem: &Problem{Type: "https://api.example/probs/missing", Title: "Missing", Instance: "/jobs/7"}},
			`{"code":404,"name":"NotFound","retryable":false,"problem":{"type":"https://api.example/probs/missing","title":"Missing","instance":"/jobs/7"}}`},
		{"binary body", &Error{Code: 500, Body: []byte{0, 0xff, 0x1f}}, `{"code":500,"name":"InternalServerError","retryable":true,"body":"AP8f"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := json.Marshal(tt.err)
			if err != nil || string(data) != tt.want {
				t.Fatalf("Marshal = %s, %v\nwant %s", data, err, tt.want)
			}
			var back Error
			if err := json.Unmarshal(data, &back); err != nil {
				t.Fatalf("Unmarshal: %v", err)
			}
			if back.Code != tt.err.Code || back.Status != tt.err.Status || back.Message != tt.err.Message ||
				back.RetryAfter != tt.err.RetryAfter || string(back.Body) != string(tt.err.Body) ||
				(back.Problem == nil) != (tt.err.Problem == nil) || back.Problem != nil && *back.Problem != *tt.err.Problem {
				t.Errorf("round trip = %+v, want %+v", back, *tt.err)
			}
		})
	}
	if data, err := json.Marshal((*Error)(nil)); err != nil || string(data) != "null" {
		t.Errorf("Marshal(nil *Error) = %s, %v", data, err)
	}
	// Inside a wrapping type, as a client logs or stores it.
	data, _ := json.Marshal(struct{ Err *Error }{New(NotFound, "")})
	if want := `{"Err":{"code":404,"name":"NotFound","retryable":false}}`; string(data) != want {
		t.Errorf("Marshal nested = %s, want %s", data, want)
	}
}

func TestErrorJSONRejects(t *testing.T) {
	tests := []struct {
		in     string
		target error
	}{
		{`{"code":"nope"}`, errBadCode},
		{`{"code":429,"retry_after":"soon"}`, errBadRetryAfter},
		{`{"code":429,"retry_after":"-1s"}`, errBadRetryAfter},
		{`{"code":429,"retry_after":"25h"}`, errBadRetryAfter},
		{`{"code":429,"body":"***"}`, nil},
		{`[]`, nil},
	}
	for _, tt := range tests {
		e := New(NotFound, "kept")
		err := json.Unmarshal([]byte(tt.in), e)
		if err == nil || tt.target != nil && !errors.Is(err, tt.target) {
			t.Errorf("Unmarshal(%s) error = %v, want %v", tt.in, err, tt.target)
		}
		if e.Code != NotFound || e.Message != "kept" {
			t.Errorf("Unmarshal(%s) changed the error to %+v", tt.in, e)
		}
	}
	// name and retryable are written, never read: the code decides.
	var e Error
	if err := json.Unmarshal([]byte(`{"code":404,"name":"TooManyRequests","retryable":true}`), &e); err != nil || e.Code != NotFound || e.Retryable() {
		t.Errorf("Unmarshal took name or retryable: %+v, %v", e, err)
	}
}
