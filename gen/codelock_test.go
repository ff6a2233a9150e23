package main

import (
	"strconv"
	"strings"
	"testing"

	"github.com/errtable/errtable/gen/reader"
	"github.com/errtable/errtable/spec"
)

// TestLockCodes checks that the lock keeps what a maintainer decided for a
// string code (name, aliases, retry override), marks codes the docs drop
// removed, and names new codes uniquely with a warning on a clash.
func TestLockCodes(t *testing.T) {
	fresh := func(code string, status int) reader.CodeEntry {
		e := spec.CodeEntry{Code: code, Status: status, Description: code, Line: 3}
		e.Retryable, e.RetryableFrom = spec.CodeRetryable(code, status)
		return reader.CodeEntry{CodeEntry: e}
	}
	prev := &spec.File{Codes: []spec.CodeEntry{
		{Code: "rate_limited", Status: 429, Name: "Throttled", Aliases: []string{"RateLimited"}, Retryable: false, RetryableFrom: spec.FromOverride},
		{Code: "gone_code", Status: 410, Name: "GoneCode", Description: "Gone.", RetryableFrom: spec.FromRule},
	}}
	statuses := []spec.Entry{{Code: 429, Name: "TooManyRequests"}, {Code: 404, Name: "NotFound"}}
	var warnings []string
	got, err := lockCodes("docs.md", prev, []reader.CodeEntry{
		fresh("rate_limited", 429), fresh("too_many_requests", 429), fresh("not-found", 404), fresh("not_found", 404), fresh("code", 0),
	}, statuses, false, nil, func(w string) { warnings = append(warnings, w) })
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{ // code -> name, retry source, removed
		"code":              "CodeCode rule false",
		"gone_code":         "GoneCode rule true",
		"not-found":         "NotFoundCode rule false",
		"not_found":         "NotFoundStatus404 rule false",
		"rate_limited":      "Throttled override false",
		"too_many_requests": "TooManyRequestsCode rule false",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d codes, want %d: %+v", len(got), len(want), got)
	}
	for i, c := range got {
		if i > 0 && got[i-1].Code >= c.Code {
			t.Errorf("codes not sorted: %s before %s", got[i-1].Code, c.Code)
		}
		line := c.Name + " " + c.RetryableFrom + " " + map[bool]string{true: "true", false: "false"}[c.Removed]
		if want[c.Code] != line {
			t.Errorf("%s: %s, want %s", c.Code, line, want[c.Code])
		}
	}
	if len(warnings) != 4 || !strings.Contains(warnings[0], "docs.md:3: code too_many_requests gives the Go name TooManyRequests") {
		t.Errorf("warnings: %q", warnings)
	}
	f := &spec.File{Schema: spec.SchemaFile, Prefix: "docs", Source: spec.Source{Path: "docs.md"}, Errors: []spec.Entry{
		{Code: 404, Name: "NotFound", Description: "Not Found", RetryableFrom: spec.FromRule},
		{Code: 429, Name: "TooManyRequests", Description: "Too Many Requests", Retryable: true, RetryableFrom: spec.FromRule},
	}, Codes: got}
	if err := f.Validate(); err != nil {
		t.Errorf("the locked codes do not validate: %v", err)
	}
	// -prune drops the removed code and the aliases; -rename renames a code.
	got, err = lockCodes("docs.md", prev, []reader.CodeEntry{fresh("rate_limited", 429)}, statuses, true, []renaming{{"Throttled", "RateLimited"}}, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Name != "RateLimited" || strings.Join(got[0].Aliases, ",") != "Throttled" {
		t.Errorf("pruned and renamed: %+v", got)
	}
}

// TestRebuildKeepsCodes rebuilds a spec from docs that changed and checks
// what the lock keeps of its string codes: a maintainer's name and retry
// override, a dropped code as removed, the body's code field when the new
// docs show no example.
func TestRebuildKeepsCodes(t *testing.T) {
	const v1 = "```json\n{\"error\": {\"code\": \"rate_limited\"}}\n```\n\n| Code | Status | Description |\n|---|---|---|\n| rate_limited | 429 | Slow down. |\n| bad_input | 400 | Bad input. |\n| old_code | 400 | Old. |\n"
	const v2 = "| Code | Status | Description |\n|---|---|---|\n| rate_limited | 429 | Slow down now. |\n| bad_input | 400 | Bad input. |\n| new_code | 409 | New. |\n"
	first, _, err := buildString(v1, nil)
	if err != nil {
		t.Fatal(err)
	}
	if first.CodeField != "error.code" {
		t.Fatalf("code field %q", first.CodeField)
	}
	c, _ := first.LookupCode("rate_limited")
	c.Name, c.Aliases = "Throttled", []string{"RateLimited"}
	c.Retryable, c.RetryableFrom = false, spec.FromOverride
	second, _, err := buildString(v2, first)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range second.Codes {
		got[c.Code] = strings.Join([]string{c.Name, strings.Join(c.Aliases, ","), c.Description, c.RetryableFrom, strconv.FormatBool(c.Removed)}, " | ")
	}
	want := map[string]string{
		"rate_limited": "Throttled | RateLimited | Slow down now. | override | false",
		"bad_input":    "BadInput |  | Bad input. | rule | false",
		"old_code":     "OldCode |  | Old. | rule | true",
		"new_code":     "NewCode |  | New. | rule | false",
	}
	for code, w := range want {
		if got[code] != w {
			t.Errorf("%s: %q, want %q", code, got[code], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("codes: %q", got)
	}
	if second.CodeField != "error.code" {
		t.Errorf("code field %q, want the spec's error.code kept", second.CodeField)
	}
}
