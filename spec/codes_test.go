package spec

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestNameForCode(t *testing.T) {
	tests := []struct {
		code, want string
		ok         bool
	}{
		{"rate_limit_exceeded", "RateLimitExceeded", true},
		{"rate_limited", "RateLimited", true},
		{"MISSING_API_KEY", "MissingAPIKey", true},
		{"card_declined", "CardDeclined", true},
		{"overloaded_error", "OverloadedError", true},
		{"SVCSTG.ATS.400101", "SvcstgAts400101", true},
		{"errors.NotFoundErrorResponse", "NotFoundErrorResponse", true},
		{"Errors.BadRequest", "BadRequest", true},
		{"quotaExceeded", "QuotaExceeded", true},
		{"HTTPError", "HTTPError", true},
		{"invalid-api-key", "InvalidAPIKey", true},
		{"400_bad_request", "Code400BadRequest", true},
		{"urn:acme:error:timeout", "UrnAcmeErrorTimeout", true},
		{"insufficient_quota", "InsufficientQuota", true},
		{"...", "", false},
		{"", "", false},
		{"code", "Code", false}, // reserved
		{strings.Repeat("a_", 40), strings.Repeat("A", 40), true},
		{strings.Repeat("ab_", 40), "", false}, // too long a name
	}
	for _, tt := range tests {
		got, ok := NameForCode(tt.code)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("NameForCode(%q) = %q, %t; want %q, %t", tt.code, got, ok, tt.want, tt.ok)
		}
	}
}

func TestExhaustedCode(t *testing.T) {
	tests := []struct {
		code string
		want bool
	}{
		{"insufficient_quota", true},
		{"quota_exceeded", true},
		{"quotaExceeded", true},
		{"QUOTA_EXHAUSTED", true},
		{"billing_hard_limit_reached", true},
		{"insufficient_credits", true},
		{"credit_balance_too_low", true},
		{"insufficient_funds", true},
		{"plan_limit_reached", true},
		{"payment_required", true},
		{"rate_limit_exceeded", false},
		{"rate_limited", false},
		{"too_many_requests", false},
		{"overloaded_error", false},
		{"card_declined", false},
		{"request_limit_exceeded", false},
		{"SVCSTG.ATS.400101", false},
		{"quota", false}, // a noun alone says nothing spent
		{"", false},
	}
	for _, tt := range tests {
		if got := ExhaustedCode(tt.code); got != tt.want {
			t.Errorf("ExhaustedCode(%q) = %t, want %t", tt.code, got, tt.want)
		}
	}
}

func TestCodeRetryable(t *testing.T) {
	tests := []struct {
		code   string
		status int
		want   bool
		from   string
	}{
		{"rate_limit_exceeded", 429, true, FromRule},
		{"insufficient_quota", 429, false, FromExhausted},
		{"overloaded_error", 529, true, FromRule},
		{"card_declined", 402, false, FromRule},
		{"server_error", 500, true, FromRule},
		{"mystery", 0, false, FromRule},
	}
	for _, tt := range tests {
		got, from := CodeRetryable(tt.code, tt.status)
		if got != tt.want || from != tt.from {
			t.Errorf("CodeRetryable(%q, %d) = %t, %q; want %t, %q", tt.code, tt.status, got, from, tt.want, tt.from)
		}
	}
}

// codeSpec is a valid spec with a status and two string codes.
const codeSpec = `{
  "prefix": "acme",
  "source": {"path": "errors.md"},
  "code_field": "error.code",
  "errors": [
    {"code": 429, "name": "TooManyRequests", "description": "Too Many Requests", "remedy": "", "retryable": true, "retryable_from": "rule"}
  ],
  "codes": [
    {"code": "rate_limit_exceeded", "status": 429, "name": "RateLimitExceeded", "description": "Slow down", "remedy": "Wait.", "retryable": true, "retryable_from": "rule"},
    {"code": "insufficient_quota", "status": 429, "name": "InsufficientQuota", "description": "Out of credit", "remedy": "Buy more.", "retryable": false, "retryable_from": "exhausted"},
    {"code": "mystery", "name": "Mystery", "description": "mystery", "remedy": "", "retryable": false, "retryable_from": "rule"}
  ]
}
`

func TestCodesRoundTrip(t *testing.T) {
	f, err := Parse("f.json", []byte(codeSpec))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Validate(); err != nil {
		t.Fatal(err)
	}
	if len(f.Codes) != 3 || f.CodeField != "error.code" {
		t.Fatalf("parsed %+v", f)
	}
	out, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	// Sorted by code; a missing status stays missing.
	if i, j := strings.Index(string(out), "insufficient_quota"), strings.Index(string(out), "rate_limit_exceeded"); i > j {
		t.Errorf("codes not sorted:\n%s", out)
	}
	if strings.Contains(string(out), `"status": 0`) {
		t.Errorf("an unknown status is written:\n%s", out)
	}
	back, err := Parse("f.json", out)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := back.Marshal()
	if string(again) != string(out) {
		t.Errorf("not stable:\n%s\n%s", out, again)
	}
	if e, ok := back.LookupCode("mystery"); !ok || e.Status != 0 {
		t.Errorf("LookupCode(mystery) = %+v, %t", e, ok)
	}
}

func TestCodesValidate(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"bad code", `"code": "mystery"`, `"code": "my stery"`, `f.json:11: string code "my stery" is not 1 to 128`},
		{"duplicate code", `"code": "mystery"`, `"code": "rate_limit_exceeded"`, `f.json:11: string code "rate_limit_exceeded" is documented twice (first at f.json:9)`},
		{"status out of range", `"code": "mystery", "name"`, `"code": "mystery", "status": 99, "name"`, `f.json:11: status 99 of code "mystery" is outside 100-599`},
		{"name clash with a status", `"name": "Mystery"`, `"name": "TooManyRequests"`, `code "mystery" declares TooManyRequests, which status 429 (f.json:6) declares too`},
		{"name clash between codes", `"name": "Mystery"`, `"name": "RateLimitExceeded"`, `code "mystery" declares RateLimitExceeded, which code "rate_limit_exceeded" (f.json:9) declares too`},
		{"rule disagreement", `"retryable": false, "retryable_from": "exhausted"`, `"retryable": true, "retryable_from": "rule"`, `code "insufficient_quota" says retryable true from "rule", but the rules give false from "exhausted"`},
		{"override allowed", `"retryable": false, "retryable_from": "exhausted"`, `"retryable": true, "retryable_from": "override"`, ``},
		{"unknown source", `"retryable": false, "retryable_from": "exhausted"`, `"retryable": false, "retryable_from": "vibes"`, `retryable_from "vibes" is not`},
		{"bad code_field", `"code_field": "error.code"`, `"code_field": "error..code"`, `code_field "error..code" is not a dotted path`},
		{"empty description", `"description": "mystery"`, `"description": ""`, `code "mystery" has an empty description`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(codeSpec, tt.old, tt.new, 1)
			if src == codeSpec {
				t.Fatalf("%q is not in the spec", tt.old)
			}
			f, err := Parse("f.json", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			err = f.Validate()
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Validate = %v\nwant %q", err, tt.want)
			}
		})
	}
}

func TestCodesStrict(t *testing.T) {
	tests := []struct{ old, new, want string }{
		{`"status": 429, "name": "RateLimitExceeded"`, `"status": "429", "name": "RateLimitExceeded"`, `f.json:9: "status" is a string, not a whole number`},
		{`"code": "mystery"`, `"code": 7`, `f.json:11: "code" is a number, not a string`},
		{`"code": "mystery", "name"`, `"code": "mystery", "tips": [], "name"`, `f.json:11: key "tips" is not a spec field`},
		{`"codes": [`, `"codes": null, "x": [`, `f.json:8: "codes" is null`},
	}
	for _, tt := range tests {
		src := strings.Replace(codeSpec, tt.old, tt.new, 1)
		if _, err := Parse("f.json", []byte(src)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%s) = %v\nwant %q", tt.new, err, tt.want)
		}
	}
}

// TestSchemaAcceptsCodes: the schema takes a spec with string codes, and
// one with string codes only.
func TestSchemaAcceptsCodes(t *testing.T) {
	sch := compileSchema(t)
	for _, src := range []string{codeSpec, strings.Replace(codeSpec, `"errors": [
    {"code": 429, "name": "TooManyRequests", "description": "Too Many Requests", "remedy": "", "retryable": true, "retryable_from": "rule"}
  ]`, `"errors": []`, 1)} {
		f, err := Parse("f.json", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Validate(); err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if err := json.Unmarshal([]byte(src), &doc); err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(doc); err != nil {
			t.Errorf("schema rejects a valid spec with codes: %v", err)
		}
	}
}
