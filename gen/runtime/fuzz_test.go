package errcodes

import (
	"bytes"
	"encoding/json"
	"strconv"
	"testing"
)

// FuzzUnmarshalText: any text gives a code or an error, never a panic; a
// code that was read marshals back to text that reads the same code.
func FuzzUnmarshalText(f *testing.F) {
	for _, s := range []string{"TooManyRequests", "429", "418", "", "Code(418)", "-1", "99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var c Code
		if err := c.UnmarshalText([]byte(s)); err != nil {
			if c != 0 {
				t.Fatalf("failed UnmarshalText(%q) changed the code to %v", s, c)
			}
			return
		}
		if s != c.String() && s != strconv.Itoa(int(c)) {
			t.Fatalf("UnmarshalText(%q) = %v", s, c)
		}
		text, _ := c.MarshalText()
		var back Code
		if err := back.UnmarshalText(text); err != nil || back != c {
			t.Fatalf("round trip of %v through %q gives %v, %v", c, text, back, err)
		}
	})
}

// FuzzUnmarshalJSON: any JSON gives an *Error (or a Code) or an error, never
// a panic; what was read marshals back to JSON that reads the same.
func FuzzUnmarshalJSON(f *testing.F) {
	for _, s := range []string{
		`{"code":429,"name":"TooManyRequests","status":"429 Too Many Requests","message":"slow down","retryable":true,"retry_after":"1.5s","body":"eyJ4IjoxfQ=="}`,
		`{"code":"NotFound"}`, `{"code":"418","retry_after":"24h0m0.000000001s"}`, `429`, `"RateLimited"`, `null`, `{"body":null}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var c Code
		if json.Unmarshal(data, &c) == nil {
			out, err := json.Marshal(c)
			var back Code
			if err != nil || json.Unmarshal(out, &back) != nil || back != c {
				t.Fatalf("Code %v from %q does not round trip through %s: %v", c, data, out, back)
			}
		}
		var e Error
		if json.Unmarshal(data, &e) != nil {
			return
		}
		out, err := json.Marshal(&e)
		if err != nil {
			t.Fatalf("Marshal(%+v) from %q: %v", e, data, err)
		}
		var back Error
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("Unmarshal(%s) of Marshal(%+v): %v", out, e, err)
		}
		if back.Code != e.Code || back.Status != e.Status || back.Message != e.Message ||
			back.RetryAfter != e.RetryAfter || !bytes.Equal(back.Body, e.Body) {
			t.Fatalf("round trip of %q through %s: %+v, want %+v", data, out, back, e)
		}
	})
}
