package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/errtable/errtable/spec"
)

const header = "| Code | Description | What to Do |\n|---|---|---|\n"

// buildString builds a spec from docs text, collecting warnings.
func buildString(docsText string, prev *spec.File) (*spec.File, []string, error) {
	var warnings []string
	f, err := buildSpec(docs{path: "docs.md", src: []byte(docsText), source: "docs.md"}, prev, options{}, func(w string) { warnings = append(warnings, w) })
	return f, warnings, err
}

func TestBuildSpecEntries(t *testing.T) {
	type row struct {
		code              int
		name, desc, remed string
	}
	tests := []struct {
		name string
		docs string
		want []row
	}{
		{
			name: "plain",
			docs: header + "| 400 | Bad Request | Fix it. |\n| 429 | Rate Limit Exceeded | Wait. |\n",
			want: []row{{400, "BadRequest", "Bad Request", "Fix it."}, {429, "RateLimitExceeded", "Rate Limit Exceeded", "Wait."}},
		},
		{
			name: "markup stripped and padding collapsed",
			docs: "| **Code** | *Description* | `What to Do` |\n| :--- | :---: | ---: |\n| **400**  |  __Bad__   Request | See [the guide](https://x.test) or `retry`. |\n",
			want: []row{{400, "BadRequest", "Bad Request", "See the guide or retry."}},
		},
		{
			name: "code in a code span and a link",
			docs: header + "| `404` | Not Found | a |\n| [409](#conflict) | Conflict | b |\n",
			want: []row{{404, "NotFound", "Not Found", "a"}, {409, "Conflict", "Conflict", "b"}},
		},
		{
			name: "escaped pipe",
			docs: header + `| 400 | Bad Request | Use a \| b. |` + "\n",
			want: []row{{400, "BadRequest", "Bad Request", "Use a | b."}},
		},
		{
			name: "headers in any case, br inside a cell",
			docs: "| CODE | description | WHAT TO DO: |\n|-|-|-|\n| 500 | Internal Server Error | Retry.<br>Then call us. |\n",
			want: []row{{500, "InternalServerError", "Internal Server Error", "Retry. Then call us."}},
		},
		{
			name: "prose line swallowed by GFM ends the table",
			docs: header + "| 400 | Bad Request | Fix it. |\nError Handling Tips\n- a tip\n",
			want: []row{{400, "BadRequest", "Bad Request", "Fix it."}},
		},
		{
			name: "swallowed line that starts with a number but is not a code",
			docs: header + "| 400 | Bad Request | Fix it. |\n2024 update: new codes soon\n",
			want: []row{{400, "BadRequest", "Bad Request", "Fix it."}},
		},
		{
			name: "initialisms and apostrophes",
			docs: header + "| 400 | Invalid api key id | a |\n| 418 | I'm a teapot | b |\n| 414 | URL too long | c |\n| 402 | PAYMENT REQUIRED | d |\n",
			want: []row{{400, "InvalidAPIKeyID", "Invalid api key id", "a"}, {402, "PaymentRequired", "PAYMENT REQUIRED", "d"}, {414, "URLTooLong", "URL too long", "c"}, {418, "ImATeapot", "I'm a teapot", "b"}},
		},
		{
			name: "first matching table wins, other tables ignored",
			docs: "| Field | Type |\n|---|---|\n| id | string |\n\n" + header + "| 404 | Not Found | x |\n",
			want: []row{{404, "NotFound", "Not Found", "x"}},
		},
		{
			name: "CRLF and a BOM",
			docs: "\uFEFF" + strings.ReplaceAll(header+"| 404 | Not Found | x |\n", "\n", "\r\n"),
			want: []row{{404, "NotFound", "Not Found", "x"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _, err := buildString(tt.docs, nil)
			if err != nil {
				t.Fatal(err)
			}
			m, _ := f.Marshal()
			g, _ := spec.Parse("x", m)
			var sorted []row
			for _, e := range g.Errors {
				sorted = append(sorted, row{e.Code, e.Name, e.Description, e.Remedy})
			}
			if len(sorted) != len(tt.want) {
				t.Fatalf("got %d entries %+v, want %+v", len(sorted), sorted, tt.want)
			}
			for i := range tt.want {
				if sorted[i] != tt.want[i] {
					t.Errorf("entry %d = %+v, want %+v", i, sorted[i], tt.want[i])
				}
			}
		})
	}
}

func TestBuildSpecKeepsOverrides(t *testing.T) {
	docsText := header + "| 429 | Rate Limit Exceeded | Wait. |\n| 409 | Conflict | Look. |\n"
	first, _, err := buildString(docsText, nil)
	if err != nil {
		t.Fatal(err)
	}
	e, _ := first.Lookup(409)
	if e.Retryable || e.RetryableFrom != spec.FromRule {
		t.Fatalf("409 from the rule: %+v", e)
	}
	e.Retryable, e.RetryableFrom = true, spec.FromOverride
	e429, _ := first.Lookup(429)
	e429.Retryable, e429.RetryableFrom = false, spec.FromOverride

	again, _, err := buildString(docsText+"| 500 | Internal Server Error | Retry. |\n", first)
	if err != nil {
		t.Fatal(err)
	}
	for code, want := range map[int]bool{409: true, 429: false, 500: true} {
		e, ok := again.Lookup(code)
		if !ok || e.Retryable != want {
			t.Errorf("after regeneration %d retryable = %+v, want %t", code, e, want)
		}
	}
	if e, _ := again.Lookup(500); e.RetryableFrom != spec.FromRule {
		t.Errorf("new entry 500 is from %q, want the rule", e.RetryableFrom)
	}
}

func TestBuildSpecTipsAndWarnings(t *testing.T) {
	docsText := "Itâ€™s broken\n" + header +
		"| 403 | Forbidden | a |\n| 429 | Rate Limit Exceeded | b |\n\n" +
		"- Rate Limits: If you encounter a 429 error, back off.\n" +
		"- A 403 Forbidden or 429 error may mean your key is wrong.\n" +
		"- Version 1.429 and code 4290 and v403 are not codes.\n" +
		"\nSee also 404, which we do not document.\n"
	f, warnings, err := buildString(docsText, nil)
	if err != nil {
		t.Fatal(err)
	}
	e403, _ := f.Lookup(403)
	e429, _ := f.Lookup(429)
	if want := []string{"A 403 Forbidden or 429 error may mean your key is wrong."}; !slices.Equal(e403.Tips, want) {
		t.Errorf("403 tips = %q, want %q", e403.Tips, want)
	}
	if want := []string{"Rate Limits: If you encounter a 429 error, back off.", "A 403 Forbidden or 429 error may mean your key is wrong."}; !slices.Equal(e429.Tips, want) {
		t.Errorf("429 tips = %q, want %q", e429.Tips, want)
	}
	if len(warnings) != 1 || !strings.HasPrefix(warnings[0], "docs.md:1: text looks mis-decoded") {
		t.Errorf("warnings = %q, want one naming line 1", warnings)
	}
}
