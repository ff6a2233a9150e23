package main

import (
	"strings"
	"testing"

	"github.com/errtable/errtable/spec"
)

// reportSpecs returns a spec before and after a regeneration that does a
// bit of everything: one code added, one removed, one pruned, one listed
// again, one renamed with its remedy and retry decision changed, and a
// hostile description.
func reportSpecs() (before, after *spec.File) {
	e := func(code int, name, desc string) spec.Entry {
		return spec.Entry{Code: code, Name: name, Description: desc, Remedy: "Do " + name + ".",
			Retryable: spec.DefaultRetryable(code), RetryableFrom: spec.FromRule}
	}
	before = &spec.File{Prefix: "acme", Source: spec.Source{Path: "errors.md"}, Errors: []spec.Entry{
		e(400, "BadRequest", "Bad Request"),
		e(402, "PaymentRequired", "Payment Required"),
		e(410, "Gone", "Gone"),
		e(418, "Teapot", "Teapot"),
		e(429, "RateLimitExceeded", "Rate Limit Exceeded"),
	}}
	before.Errors[3].Removed = true
	after = &spec.File{Prefix: "acme", Source: spec.Source{Path: "errors.md", URL: "https://docs.example.com/errors.md"}, Errors: []spec.Entry{
		e(400, "BadRequest", "Bad | Request `x` @team\n[link](https://evil.example) \u202eevil"),
		e(402, "PaymentRequired", "Payment Required"),
		e(418, "Teapot", "Teapot"),
		e(429, "TooManyRequests", "Rate Limit Exceeded"),
		e(503, "ServiceUnavailable", "Service Unavailable"),
	}}
	after.Errors[1].Removed = true
	after.Errors[3].Aliases = []string{"RateLimitExceeded"}
	after.Errors[3].Remedy = "Wait a minute."
	after.Errors[3].Retryable, after.Errors[3].RetryableFrom = false, spec.FromOverride
	return before, after
}

func TestChangeReport(t *testing.T) {
	before, after := reportSpecs()
	r := diffSpecs("spec/errors.json", before, after)
	r.api = []string{"errcodes: Gone: removed", "errcodes: ErrGone: removed"}
	want := "spec/errors.json: 1 added (503 ServiceUnavailable), 1 restored (418 Teapot), 1 removed (402), 1 pruned (410), 2 changed, docs URL changed"
	if got := r.summary(); got != want {
		t.Errorf("summary:\n got %s\nwant %s", got, want)
	}
	checkGolden(t, "testdata/golden/report.md", r.markdown())

	same := diffSpecs("spec/errors.json", after, after)
	if got := same.summary(); got != "spec/errors.json: no changes" {
		t.Errorf("summary without changes: %s", got)
	}
	if got := string(same.markdown()); !strings.Contains(got, "No changes.") {
		t.Errorf("report without changes: %s", got)
	}
	first := diffSpecs("spec/errors.json", nil, after)
	if got := first.summary(); got != "spec/errors.json: 5 added (400 BadRequest, 402 PaymentRequired, 418 Teapot, 429 TooManyRequests, 503 ServiceUnavailable)" {
		t.Errorf("summary of a first run: %s", got)
	}
}

// TestMarkdownCell checks that doc text in the report stays inert: one
// code span, in one table cell, on one line, with nothing hidden.
func TestMarkdownCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "`plain`"},
		{"", "—"},
		{"a | b", "`a \\| b`"},
		{"use `x` here", "``use `x` here``"},
		{"`edge`", "`` `edge` ``"},
		{"two\nlines\r\nhere", "`two lines here`"},
		{"bidi\u202eevil\u200b", "`bidi evil`"},
		{"[x](https://evil.example) @team <img src=x>", "`[x](https://evil.example) @team <img src=x>`"},
	}
	for _, tt := range tests {
		if got := md(tt.in); got != tt.want {
			t.Errorf("md(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := md(strings.Repeat("é", 3000)); len(got) > 2100 || !strings.HasSuffix(got, "…`") {
		t.Errorf("a long cell is not cut: %d bytes", len(got))
	}
}

// TestReportStringCodes: string codes added, removed, changed and pruned
// show in the summary and the Markdown, and a run that changes only them is
// no "no changes".
func TestReportStringCodes(t *testing.T) {
	entry := func(code string, status int, name, desc string, retry bool, from string) spec.CodeEntry {
		return spec.CodeEntry{Code: code, Status: status, Name: name, Description: desc, Retryable: retry, RetryableFrom: from}
	}
	status := []spec.Entry{{Code: 429, Name: "TooManyRequests", Description: "Too Many Requests", Retryable: true, RetryableFrom: spec.FromRule}}
	before := &spec.File{Prefix: "acme", Source: spec.Source{Path: "d.md"}, Errors: status, CodeField: "error.code", Codes: []spec.CodeEntry{
		entry("rate_limit_exceeded", 429, "RateLimitExceeded", "Slow down", true, spec.FromRule),
		entry("old_code", 400, "OldCode", "Old", false, spec.FromRule),
		entry("gone_code", 400, "GoneCode", "Gone", false, spec.FromRule),
	}}
	removed := entry("old_code", 400, "OldCode", "Old", false, spec.FromRule)
	removed.Removed = true
	after := &spec.File{Prefix: "acme", Source: spec.Source{Path: "d.md"}, Errors: status, CodeField: "error.type", Codes: []spec.CodeEntry{
		entry("insufficient_quota", 429, "InsufficientQuota", "No credit | left", false, spec.FromExhausted),
		removed,
		entry("rate_limit_exceeded", 429, "RateLimitExceeded", "Slow down, please", true, spec.FromRule),
	}}
	r := diffSpecs("spec/errors.json", before, after)
	want := "spec/errors.json: 1 string code added (insufficient_quota InsufficientQuota), 1 string code removed (old_code), 1 string code pruned (gone_code), 1 string code changed, code field changed"
	if got := r.summary(); got != want {
		t.Errorf("summary = %q\nwant      %q", got, want)
	}
	md := string(r.markdown())
	for _, s := range []string{
		"### String codes added", "| `insufficient_quota` | 429 | `InsufficientQuota` | `No credit \\| left` |", "no (exhausted)",
		"### String codes no longer in the docs (kept, deprecated)", "### String codes pruned (a breaking change)",
		"### Changed: `rate_limit_exceeded` `RateLimitExceeded`", "| description | `Slow down` | `Slow down, please` |",
	} {
		if !strings.Contains(md, s) {
			t.Errorf("markdown lacks %q:\n%s", s, md)
		}
	}
	same := diffSpecs("spec/errors.json", after, after)
	if same.changed() || same.summary() != "spec/errors.json: no changes" {
		t.Errorf("an unchanged spec reports %q", same.summary())
	}
}
