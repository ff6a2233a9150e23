package reader

import (
	"strings"
	"testing"
)

func TestJSONCodePath(t *testing.T) {
	codes := map[string]bool{"rate_limit_exceeded": true, "overloaded_error": true, "missing": true, "E1": true}
	tests := []struct{ text, want string }{
		{`{"error": {"type": "requests", "code": "rate_limit_exceeded"}}`, "error.code"},
		{`{"type": "error", "error": {"type": "overloaded_error", "message": "busy"}}`, "error.type"},
		{`{"errors": [{"resource": "Issue", "code": "missing"}]}`, "errors.code"},
		{`{"code": "E1"}`, "code"},
		{`HTTP/1.1 429 Too Many Requests
Content-Type: application/json

{"error": {"code": "rate_limit_exceeded"}}`, "error.code"},
		{`{"data": [1, 2, {"x": null}], "meta": {"a.b": "E1", "c": "E1"}}`, "meta.c"},
		{`{"error": {"code": "unknown"}}`, ""},
		{`{"error": "rate_limit_exceeded"}`, "error"},
		{`["rate_limit_exceeded"]`, ""},
		{`{"error": {"code": "rate_limit_exceeded"`, "error.code"}, // cut short after the code
		{`{"a": 1} {"code": "E1"}`, ""},                            // only the first object
		{`not json`, ""},
		{`{"code": E1}`, ""},
		{`{"message": "use rate_limit_exceeded"}`, ""},
		{strings.Repeat(`{"a":`, 40) + `"E1"` + strings.Repeat(`}`, 40), ""},
		{`{"` + strings.Repeat("k", 200) + `": "E1"}`, ""},
	}
	for _, tt := range tests {
		if got := jsonCodePath([]byte(tt.text), codes); got != tt.want {
			t.Errorf("jsonCodePath(%.60q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestCodeField(t *testing.T) {
	exs := []example{{3, []byte(`{"ok": true}`)}, {9, []byte(`{"error": {"code": "a_b"}}`)}, {20, []byte(`{"code": "a_b"}`)}}
	if p, line := codeField(exs, map[string]bool{"a_b": true}); p != "error.code" || line != 9 {
		t.Errorf("codeField = %q, %d; want error.code, 9", p, line)
	}
	if p, _ := codeField(exs, nil); p != "" {
		t.Errorf("codeField without codes = %q", p)
	}
}

// FuzzJSONCodePath checks that any code block gives no path or a path that
// a spec's code_field can hold, and never panics.
func FuzzJSONCodePath(f *testing.F) {
	for _, s := range []string{`{"error": {"code": "x"}}`, `{"errors": [{"code": "x"}]}`, `HTTP/1.1 400\n\n{"x": [{"y": "x"}]}`, `{"a": {"b": [[{"c": "x"}]]}}`, `{{{`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		p := jsonCodePath(text, map[string]bool{"x": true})
		if p == "" {
			return
		}
		if len(p) > maxCodeFieldLen {
			t.Fatalf("path of %d bytes", len(p))
		}
		for _, k := range strings.Split(p, ".") {
			if !fieldKey(k) {
				t.Fatalf("path %q has key %q", p, k)
			}
		}
	})
}
