package reader

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errtable/errtable/spec"
)

// FuzzRead feeds arbitrary pages to the whole reader: tables, columns and
// the catalogue. Whatever the page, Read returns without panicking, and a
// catalogue it accepts holds each error status 400-599 once, on a line of
// the page, with texts within the spec's bounds, and each string code once,
// valid, with a status in range or none and a retry decision the rules
// allow.
func FuzzRead(f *testing.F) {
	pages, _ := filepath.Glob(filepath.Join("..", "testdata", "pages", "*.md"))
	for _, p := range pages {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("| Code | Name |\n|---|\n| 400 | Bad |\n\nx.| Status | Meaning |\n|---|---|\n| 404 | Not Found |\n"))
	f.Add([]byte("<table><tr><th>Code</th><th>Name</th></tr><tr><td rowspan=2>400</td><td>Bad</td></tr><tr><td>Worse</td></tr></table>\n"))
	f.Add([]byte("Code\tName\tFix\n400\tBad\tFix it.\n401\tNo\tLog in.\n"))
	// String-keyed tables: a status column, a heading status, SDK Errors
	// tables with a catch-all, placeholders, and a JSON example.
	f.Add([]byte("| Code | Status | Description |\n|---|---|---|\n| invalid_request | 400 | Bad. |\n| rate_limited | 429 | Retry after a brief wait. |\n| x | — | null |\n"))
	f.Add([]byte("## 401 Unauthorized\n\n### Codes\n\n| Code | Message |\n|---|---|\n| `token_missing` | No token. |\n| ... | ... |\n"))
	f.Add([]byte("### Errors\n\n| Error Type | Status Code | Content Type |\n| --- | --- | --- |\n| errors.BadRequest | 400 | application/json |\n| errors.APIError | 4XX, 5XX | */* |\n"))
	f.Add([]byte("```json\n{\"errors\": [{\"code\": \"MISSING_KEY\"}]}\n```\n\n| Error | Retry? |\n|---|---|\n| MISSING_KEY | No |\n| RATE_LIMITED | Yes |\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		c, err := Read("fuzz.md", src, Options{}, func(string) {})
		if err != nil {
			return
		}
		lines := bytes.Count(crToLF(src), []byte("\n")) + 1 // a lone CR ends a line too
		seen := map[int]bool{}
		for _, e := range c.Entries {
			switch {
			case e.Code < 400 || e.Code > 599:
				t.Fatalf("code %d is no error status", e.Code)
			case seen[e.Code]:
				t.Fatalf("code %d twice", e.Code)
			case e.Line < 1 || e.Line > lines:
				t.Fatalf("code %d on line %d of %d", e.Code, e.Line, lines)
			case len(e.Remedy) > 4096 || len(e.Description) > 500:
				t.Fatalf("code %d: texts of %d and %d bytes", e.Code, len(e.Description), len(e.Remedy))
			}
			seen[e.Code] = true
		}
		codes := map[string]bool{}
		for _, e := range c.Codes {
			switch {
			case !spec.ValidCode(e.Code):
				t.Fatalf("code %q is no valid string code", e.Code)
			case codes[e.Code]:
				t.Fatalf("code %q twice", e.Code)
			case e.Status != 0 && (e.Status < 100 || e.Status > 599):
				t.Fatalf("code %q has status %d", e.Code, e.Status)
			case e.Line < 1 || e.Line > lines:
				t.Fatalf("code %q on line %d of %d", e.Code, e.Line, lines)
			case e.Description == "" || len(e.Remedy) > spec.MaxRemedyLen || len(e.Description) > spec.MaxDescriptionLen:
				t.Fatalf("code %q: texts of %d and %d bytes", e.Code, len(e.Description), len(e.Remedy))
			}
			if want, from := spec.CodeRetryable(e.Code, e.Status); (e.RetryableFrom == spec.FromRule || e.RetryableFrom == spec.FromExhausted) && (want != e.Retryable || from != e.RetryableFrom) {
				t.Fatalf("code %q: retryable %t from %s, but the rules say %t from %s", e.Code, e.Retryable, e.RetryableFrom, want, from)
			}
			codes[e.Code] = true
		}
		if c.CodeField != "" && (len(c.CodeField) > maxCodeFieldLen || strings.Contains(c.CodeField, "..") || strings.HasPrefix(c.CodeField, ".") || strings.HasSuffix(c.CodeField, ".")) {
			t.Fatalf("code field %q", c.CodeField)
		}
	})
}
