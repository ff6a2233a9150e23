package reader

import (
	"fmt"
	"strings"
	"testing"

	"github.com/errtable/errtable/spec"
)

// TestCatalogue pins how tables combine into one catalogue: sibling tables
// add codes, repeats are read once, conflicts are refused naming both
// lines, and a table that adds columns is joined into the entries.
func TestCatalogue(t *testing.T) {
	tests := []struct {
		name    string
		md      string
		want    []string // "code|description|remedy|retryable/from"
		warning string   // a warning that must be given
		err     string   // the error, when the page is refused
	}{
		{
			name: "client and server tables under sibling headings",
			md: "## Client errors\n\n| Code | Name | Fix |\n|---|---|---|\n| 400 | Bad Request | Fix the body. |\n\n" +
				"## Server errors\n\n| Code | Name | Fix |\n|---|---|---|\n| 500 | Server Error | Retry. |\n",
			want:    []string{"400|Bad Request|Fix the body.|false/rule", "500|Server Error|Retry.|true/rule"},
			warning: "docs.md:3: reading 2 tables as one catalogue (lines 3, 9)",
		},
		{
			name: "per-endpoint tables repeat rows",
			md: "## GET /a\n\n| Status | Meaning | Description |\n|---|---|---|\n| 401 | Unauthorized | Send a key. |\n| 404 | Not Found | No such a. |\n\n" +
				"## GET /b\n\n| Status | Meaning | Description |\n|---|---|---|\n| 401 | Unauthorized | Send a key. |\n| 409 | Conflict | b is locked. |\n",
			want: []string{"401|Unauthorized|Send a key.|false/rule", "404|Not Found|No such a.|false/rule", "409|Conflict|b is locked.|false/rule"},
		},
		{
			name: "a conflicting repeat names both lines",
			md: "## A\n\n| Code | Name | Fix |\n|---|---|---|\n| 422 | Invalid | Fix a. |\n\n" +
				"## B\n\n| Code | Name | Fix |\n|---|---|---|\n| 422 | Locked | Wait. |\n",
			err: `docs.md:11: code 422 is documented again with other text ("Locked: Wait."; first at docs.md:5: "Invalid: Fix a.")`,
		},
		{
			name: "a retry table joins the entries",
			md: "| Code | Name | Fix |\n|---|---|---|\n| 429 | Too Many Requests | Slow down. |\n| 400 | Bad Request | Fix it. |\n\n" +
				"## Retrying errors\n\n| Status | Retry? | Guidance |\n|---|---|---|\n| 429 | Yes | Wait for Retry-After. |\n| 400 | No | Never retry it. |\n",
			want: []string{
				"429|Too Many Requests|Slow down. Guidance: Wait for Retry-After.|true/docs",
				"400|Bad Request|Fix it. Guidance: Never retry it.|false/docs",
			},
			warning: `docs.md:8: the table adds columns "Retry?", "Guidance" to the codes above; joined into their entries`,
		},
		{
			name: "a retry table that contradicts the main one",
			md: "| Code | Name | Retry |\n|---|---|---|\n| 429 | Too Many Requests | yes |\n\n" +
				"| Status | Retry? |\n|---|---|\n| 429 | No |\n",
			err: "docs.md:7: code 429 is retryable on one row and not on the other (line 3); make the rows agree",
		},
		{
			name: "a code twice in one table",
			md:   "| Code | Name |\n|---|---|\n| 400 | Bad |\n| 400 | Bad |\n",
			err:  "docs.md:4: code 400 is documented twice (first at docs.md:3)",
		},
		{
			name: "field and legend tables stay out",
			md: "| Field | Type | Description |\n|---|---|---|\n| status | integer | The HTTP status, e.g. 404. |\n\n" +
				"| Code | Name | Fix |\n|---|---|---|\n| 404 | Not Found | Check the id. |\n\n" +
				"| Symbol | Meaning |\n|---|---|\n| ✓ | Retry is safe |\n",
			want: []string{"404|Not Found|Check the id.|false/rule"},
		},
		{
			name: "-table reads only the tables under a heading",
			md: "## Client errors\n\n| Code | Name | Fix |\n|---|---|---|\n| 400 | Bad Request | Fix the body. |\n\n" +
				"## Server errors\n\n| Code | Name | Fix |\n|---|---|---|\n| 500 | Server Error | Retry. |\n",
			want: []string{"500|Server Error|Retry.|true/rule"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opts Options
			if strings.HasPrefix(tt.name, "-table") {
				opts.Table = "Server"
			}
			var warnings []string
			c, err := Read("docs.md", []byte(tt.md), opts, func(w string) { warnings = append(warnings, w) })
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range c.Entries {
				got = append(got, fmt.Sprintf("%d|%s|%s|%v/%s", e.Code, e.Description, e.Remedy, e.Retryable, e.RetryableFrom))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if tt.warning != "" && !strings.Contains(strings.Join(warnings, "\n"), tt.warning) {
				t.Errorf("warnings:\n%s\nwant one containing %q", strings.Join(warnings, "\n"), tt.warning)
			}
		})
	}
}

// TestExplain pins the -explain report of a small page.
func TestExplain(t *testing.T) {
	md := "# Errors\n\n| Field | Type |\n|---|---|\n| code | int |\n\n| HTTP | Label | Cause |\n|---|---|---|\n| 400 | Bad Request | A field is wrong. |\n"
	c, err := Read("docs.md", []byte(md), Options{}, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := c.Explain(&b, "docs.md"); err != nil {
		t.Fatal(err)
	}
	want := `docs.md: 2 tables

line 3: table of 1 rows under "Errors"
  not read: no column of HTTP statuses

line 7: table of 1 rows under "Errors"
  read: adds 1 code
  column 1 "HTTP": code: its cells are HTTP statuses
  column 2 "Label": name: its cells are short names
  column 3 "Cause": joins the remedy, labelled "Cause"

1 entries
  400 "Bad Request" (line 9): not retryable, from rule
    remedy: "Cause: A field is wrong."
`
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
	if e := c.Entries[0]; e.RetryableFrom != spec.FromRule {
		t.Errorf("retryable_from = %s", e.RetryableFrom)
	}
}

// TestMaxTables refuses a page of more tables than a docs page has.
func TestMaxTables(t *testing.T) {
	page := strings.Repeat("| Code | Name |\n|---|---|\n| 400 | Bad |\n\n", MaxTables+1)
	_, err := Read("docs.md", []byte(page), Options{}, func(string) {})
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("docs.md:%d: the page holds more than %d tables", 4*MaxTables+1, MaxTables)) {
		t.Fatalf("err = %v", err)
	}
}

// TestMaxRows refuses a page of more table rows than a docs page has, and
// stops reading rows past the bound.
func TestMaxRows(t *testing.T) {
	page := "| Code | Name |\n|---|---|\n" + strings.Repeat("| 400 | Bad |\n", MaxRows+10)
	p := parsePage([]byte(page))
	if n := len(p.tables[0].rows); n > MaxRows+1 {
		t.Errorf("read %d rows, past the bound", n)
	}
	_, err := Read("docs.md", []byte(page), Options{}, func(string) {})
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("docs.md:1: the page's tables hold more than %d rows", MaxRows)) {
		t.Fatalf("err = %v", err)
	}
}

// TestMaxTablesOfOneGFMTable stops cutting one GFM table into tables past
// the bound: rows and title lines alternating make one table per row.
func TestMaxTablesOfOneGFMTable(t *testing.T) {
	page := "| Code | Name |\n|---|---|\n" + strings.Repeat("| 400 | Bad |\nServer errors\n", MaxTables+10)
	if n := len(parsePage([]byte(page)).tables); n > MaxTables+2 {
		t.Errorf("cut into %d tables, past the bound", n)
	}
}

// TestNoNameColumn says what is missing when a table names no error: a
// changelog keyed by codes is no catalogue.
func TestNoNameColumn(t *testing.T) {
	md := "| Version | Code | Change |\n|---|---|---|\n| 2.1 | 410 | The v1 endpoints were removed. |\n"
	_, err := Read("docs.md", []byte(md), Options{}, func(string) {})
	if err == nil || !strings.Contains(err.Error(), `docs.md:3: nothing in the row names code 410 (columns: "Version" | "Code" | "Change")`) {
		t.Fatalf("err = %v", err)
	}
}

// TestMaxRowLines refuses a page of more table lines than a docs page
// has before goldmark builds its tree.
func TestMaxRowLines(t *testing.T) {
	page := strings.Repeat("| 400 | Bad |\n", maxRowLines+1)
	_, err := Read("docs.md", []byte(page), Options{}, func(string) {})
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("docs.md:%d: the page has more than %d lines of table rows", maxRowLines+1, maxRowLines)) {
		t.Fatalf("err = %v", err)
	}
}

// TestMaxTableCells refuses, before goldmark builds its tree, pages whose
// tables GFM would pad into more cells than maxTableCells: rows under a
// delimiter row of thousands of columns, tab-separated lines under a
// header of thousands of tabs, lines blank to bytes.TrimSpace but not to
// goldmark (which continue the table), and tables each under the bound
// whose sum is over it. A long table of ordinary width passes.
func TestMaxTableCells(t *testing.T) {
	wide := func(width, rows int, filler string) string {
		return "|Code" + strings.Repeat("|a", width-1) + "|\n" + strings.Repeat("|-", width) + "|\n| 400 | Bad |\n" + strings.Repeat(filler+"\n", rows)
	}
	refused := map[string]string{
		"pipes":         "| a |\n" + strings.Repeat("|-", 20000) + "|\n" + strings.Repeat("x\n", 200),
		"tabs":          "Code" + strings.Repeat("\tName", 30000) + "\n" + strings.Repeat("400\tBad\n", 200),
		"tables summed": strings.Repeat(wide(1000, 1000, "x")+"\n", 3),
	}
	for _, filler := range []string{"\f", "\u00a0", "\u0085", "\u3000"} {
		refused[fmt.Sprintf("filler %q", filler)] = wide(1500, 1500, filler)
	}
	for name, page := range refused {
		err := checkShape("docs.md", []byte(page))
		if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("the page's tables would hold more than %d cells", maxTableCells)) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
	long := "| Code | Name | Fix |\n|---|---|---|\n" + strings.Repeat("| 400 | Bad | Fix the request and send it again. |\n", MaxRows)
	if err := checkShape("docs.md", []byte(long)); err != nil {
		t.Errorf("a table of %d rows of three cells: %v", MaxRows, err)
	}
}

// TestRowsWithoutPipes refuses a page of more table rows than maxRowLines
// where most rows hold no "|": GFM continues a table with any line.
func TestRowsWithoutPipes(t *testing.T) {
	page := "|Code|\n|-|\n| 400 |\n" + strings.Repeat(strings.Repeat("x\n", 4998)+"|b|\n", 25)
	err := checkShape("docs.md", []byte(page))
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("the page has more than %d lines of table rows", maxRowLines)) {
		t.Errorf("err = %v", err)
	}
}

// TestParagraphLinesBlankToGoldmark refuses a paragraph of thousands of
// lines split by lines that bytes.TrimSpace takes for blank and goldmark
// does not (\f, U+00A0): to goldmark they are one paragraph.
func TestParagraphLinesBlankToGoldmark(t *testing.T) {
	page := strings.Repeat(strings.Repeat("a\n", 4000)+"\f\n", 3)
	err := checkShape("docs.md", []byte(page))
	if err == nil || !strings.Contains(err.Error(), "docs.md:1: the paragraph starting here runs over 5000 lines") {
		t.Errorf("err = %v", err)
	}
}
