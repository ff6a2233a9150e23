package main

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/errtable/errtable/gen/reader"
)

// messageRE is the shape of every input error: file:line: what is wrong;
// what to do.
var messageRE = regexp.MustCompile(`^gen: [^\s:]+:\d+: [^\n]+; [^\n]+`)

// TestInputErrors pins the message of every kind of bad input. Each run must
// exit 1, print file:line: what is wrong; what to do, and write nothing.
func TestInputErrors(t *testing.T) {
	const hdr = "| Code | Description | What to Do |\n|---|---|---|\n"
	validSpec := func(extra string) string {
		return `{
  "prefix": "docs",
  "source": {"path": "docs.md", "sha256": "` + strings.Repeat("0", 64) + `"},
  "errors": [
    {"code": 400, "name": "BadRequest", "description": "Bad Request", "remedy": "Fix.", "retryable": false, "retryable_from": "rule", "line": 3}` + extra + `
  ]
}
`
	}
	good := hdr + "| 400 | Bad Request | Fix. |\n"
	tests := []struct {
		name string
		docs string
		spec string // an existing spec file, if any
		args []string
		want string
	}{
		{"empty file", "", "", nil, "docs.md:1: the file is empty; point -docs at the page"},
		{"only a BOM and blanks", "\uFEFF  \n\n", "", nil, "docs.md:1: the file is empty"},
		{"no table", "# Errors\n\nSee the API.\n", "", nil, "docs.md:1: no table found; the error codes must be a table (Markdown or HTML) with a header row"},
		{"only a field table", "# Fields\n\n| Field | Type |\n|---|---|\n| code | integer |\n", "", nil,
			"docs.md:3: no table has a column of HTTP statuses beside names or remedies (tables seen: line 3: \"Field\" | \"Type\" (no column of HTTP statuses)); name the columns"},
		{"code column of types", "| Code | Description |\n|---|---|\n| string | The code. |\n| integer | The status. |\n", "", nil,
			`docs.md:3: code "string" is not an HTTP status (a number from 100 to 599); fix the row, or name the code column with -code-col`},
		{"non-numeric code", hdr + "| 400 | Bad Request | a |\n| 40O | Typo | b |\n", "", nil, `docs.md:4: code "40O" is not an HTTP status`},
		{"code above 599", hdr + "| 400 | Bad Request | a |\n| 700 | Odd | b |\n", "", nil, "docs.md:4: code 700 is outside 100-599, so it is no HTTP status; fix the row"},
		{"code below 100", hdr + "| 400 | Bad Request | a |\n| 099 | Odd | b |\n", "", nil, "docs.md:4: code 099 is outside 100-599"},
		{"four digits", hdr + "| 400 | Bad Request | a |\n| 4000 | Odd | b |\n", "", nil, "docs.md:4: code 4000 is outside 100-599"},
		{"duplicate code", hdr + "| 400 | Bad Request | a |\n| 400 | Bad Input | b |\n", "", nil, "docs.md:4: code 400 is documented twice (first at docs.md:3); remove or fix one of the rows"},
		{"duplicate inside a list", hdr + "| 500, 500 | Server Error | a |\n", "", nil, "code 500 is documented twice"},
		{"empty description", hdr + "| 400 |  | a |\n", "", nil, "docs.md:3: code 400 has an empty description; give the row a description"},
		{"invalid UTF-8", "intro\n" + hdr + "| 400 | Bad \xff | a |\n", "", nil, "docs.md:4: the file is not valid UTF-8; save the page as UTF-8"},
		{"NUL byte", "intro\nmore\x00\n", "", nil, "docs.md:2: the file holds a NUL byte, so it is not a text page"},
		{"too large", strings.Repeat("x", reader.MaxPageSize+1), "", nil, "docs.md:1: the file is 8388609 bytes, more than the 8388608 a docs page can be; check -docs"},
		{"sub-code catalogue", "| Status | Code | Description |\n|---|---|---|\n| 400 | 1 | Bad input. |\n| 429 | 2 | Slow down. |\n| 400 | 3 | Bad key. |\n", "", nil,
			`docs.md:5: this table is keyed by numeric sub-codes (column "Code", e.g. "1") and one status stands on several rows (lines 3 and 5); catalogues keyed by sub-codes are not supported yet`},
		{"string codes without statuses", "| Code | Description |\n|---|---|\n| invalid_request | Bad input. |\n| rate_limited | Slow down. |\n", "", nil,
			`docs.md:3: the page lists 2 string codes but no HTTP status, and gen generates Go for HTTP statuses only so far`},
		{"string codes with conflicting statuses", "| Error Type | Status Code |\n|---|---|\n| errors.Conflict | 409 |\n\n| Error Type | Status Code |\n|---|---|\n| errors.Conflict | 412 |\n", "", nil,
			`docs.md:7: code errors.Conflict has status 412 here and 409 at docs.md:3; make the rows agree, or read one table with -table`},
		{"names clash without reason phrases", hdr + "| 498 | Token Expired | a |\n| 499 | Token-Expired | b |\n", "", nil,
			`docs.md:3: description "Token Expired" gives the same Go name as another row's, and code 498 has no standard reason phrase to name it by; reword the description in the docs`},
		{"no name and no reason phrase", hdr + "| 499 | !!! | a |\n", "", nil, `docs.md:3: description "!!!" gives no Go name: the description has no letters, and code 499 has no standard reason phrase`},
		{"reserved name and no reason phrase", hdr + "| 499 | Codes | a |\n", "", nil, `docs.md:3: description "Codes" gives no Go name: the name Codes is declared by the generated package, and code 499 has no standard reason phrase`},
		{"-table not found", "## Errors\n\n" + good, "", []string{"-table", "Status codes"}, `docs.md:1: no table under a heading containing "Status codes" (headings above tables: "Errors" at line 3); fix -table`},
		{"-code-col not found", good, "", []string{"-code-col", "HTTP"}, `no column "HTTP"`},
		{"-desc-col not found", good, "", []string{"-desc-col", "Name"}, `(no column "Name")); name the columns`},
		{"-remedy-col not found", good, "", []string{"-remedy-col", "Fix"}, `no column "Fix"`},
		{"flags name one column twice", good, "", []string{"-desc-col", "Code"}, `docs.md:1: column "Code" would be both the code and the description column; name different columns`},
		{"only success statuses", hdr + "| 200 | OK | a |\n| 201 | Created | b |\n", "", nil, "docs.md:1: the error table lists no error code from 400 to 599; check that -docs is the error page"},
		{"only classes", hdr + "| 4xx | Client error | a |\n| 5XX | Server error | b |\n", "", nil, "docs.md:1: the error table lists no error code from 400 to 599"},
		{"no description column", "| Code | Count |\n|---|---|\n| 400 | 12 |\n", "", nil, "(no column of names or remedies beside the statuses)); name the columns with -code-col and -desc-col"},
		{"header without rows", hdr, "", nil, "docs.md:1: this line reads as a table row, but no table with rows was found"},
		{"header and an empty row", hdr + "|  |  |  |\n", "", nil, "docs.md:1: the error table lists no error code from 400 to 599"},
		{"spec on disk: bad JSON", good, "{\n  \"prefix\": \"docs\",\n  nope\n}\n", nil, "errors.json:3: invalid character 'n' looking for beginning of object key string"},
		{"spec on disk: unknown field", good, "{\n  \"prefix\": \"docs\",\n  \"errorz\": []\n}\n", nil, `errors.json:3: key "errorz" is not a spec field; did you mean "errors"?`},
		{"spec on disk: rule disagreement", good, strings.Replace(validSpec(""), `"retryable": false`, `"retryable": true`, 1), nil, `errors.json:5: code 400 says retryable true from the rule, but the rule says false; set retryable_from to "override" to override`},
		{"spec on disk: duplicate", good, validSpec(`,
    {"code": 400, "name": "Again", "description": "Again", "remedy": "x", "retryable": false, "retryable_from": "rule", "line": 4}`), nil, "errors.json:6: code 400 is documented twice (first at "},
	}
	if len(tests) < 25 {
		t.Fatalf("only %d cases", len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chdirModule(t)
			os.WriteFile("docs.md", []byte(tt.docs), 0o644)
			if tt.spec != "" {
				os.WriteFile("errors.json", []byte(tt.spec), 0o644)
			}
			args := append([]string{"-docs", "docs.md", "-spec", "errors.json", "-out", "pkg"}, tt.args...)
			var stdout, stderr bytes.Buffer
			if got := run(args, &stdout, &stderr); got != exitInput {
				t.Fatalf("exit status %d, want %d; stderr:\n%s", got, exitInput, stderr.String())
			}
			msg := stderr.String()
			if !strings.Contains(msg, tt.want) {
				t.Errorf("stderr:\n%s\nwant it to contain:\n%s", msg, tt.want)
			}
			last := strings.TrimSpace(msg[strings.LastIndex(strings.TrimSpace(msg), "\ngen: ")+1:])
			if !messageRE.MatchString(last) {
				t.Errorf("error %q is not file:line: what is wrong; what to do", last)
			}
			if _, err := os.Stat("pkg"); !os.IsNotExist(err) {
				t.Error("a failed run created the package directory")
			}
			if got, _ := os.ReadFile("errors.json"); string(got) != tt.spec {
				t.Error("a failed run changed the spec")
			}
			if entries, _ := os.ReadDir("."); len(entries) > 3 { // docs.md, errors.json, go.mod
				t.Errorf("a failed run left files: %v", entries)
			}
		})
	}
}
