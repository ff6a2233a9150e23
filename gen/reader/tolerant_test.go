package reader

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// tableWant is what a test expects of one table of a page.
type tableWant struct {
	line     int
	headings []string
	header   []string
	rows     []rowWant
}

// rowWant is what a test expects of one body row.
type rowWant struct {
	line  int
	cells []string
}

// allPageCases returns the pages of every test above, for seeds.
func allPageCases() []pageCase {
	return slices.Concat(shortDelimiterRowCases, outerPipesCases(), gluedHeaderCases, nestedTablesCases(), continuationLinesCases(), flattenedRowspansCases())
}

// pageCase is one docs page and the tables a reader sees in it.
type pageCase struct {
	name     string
	src      string
	want     []tableWant
	passages []Passage // checked when not nil
}

// tablesOf reduces a page's tables to what the tests compare.
func tablesOf(p *page) []tableWant {
	var out []tableWant
	for _, t := range p.tables {
		w := tableWant{line: t.line, headings: t.headings, header: t.header}
		for _, r := range t.rows {
			w.rows = append(w.rows, rowWant{r.line, r.cells})
		}
		out = append(out, w)
	}
	return out
}

// runPageCases parses each case's page and compares its tables (and its
// passages, when the case gives them) with the case's.
func runPageCases(t *testing.T, cases []pageCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := parsePage([]byte(c.src))
			if got := tablesOf(p); !reflect.DeepEqual(got, c.want) {
				t.Errorf("tables:\n got %s\nwant %s", dumpTableWants(got), dumpTableWants(c.want))
			}
			if c.passages != nil && !reflect.DeepEqual(p.passages, c.passages) {
				t.Errorf("passages:\n got %+v\nwant %+v", p.passages, c.passages)
			}
		})
	}
}

// dumpTableWants prints tables one per line, for failure messages.
func dumpTableWants(ts []tableWant) string {
	var b strings.Builder
	for _, t := range ts {
		fmt.Fprintf(&b, "\n  line %d headings %q header %q", t.line, t.headings, t.header)
		for _, r := range t.rows {
			fmt.Fprintf(&b, "\n    %d %q", r.line, r.cells)
		}
	}
	return b.String()
}

// shortDelimiterRowCases are the pages of TestShortDelimiterRow.
var shortDelimiterRowCases = []pageCase{{
	name: "one delimiter cell",
	src:  "| Code | Name | Fix |\n|---|\n| 400 | Bad Request | Check the body. |\n| 429 | Too Many Requests | Wait. |\n",
	want: []tableWant{{line: 1, header: []string{"Code", "Name", "Fix"}, rows: []rowWant{
		{3, []string{"400", "Bad Request", "Check the body."}},
		{4, []string{"429", "Too Many Requests", "Wait."}},
	}}},
}, {
	name: "two delimiter cells, aligned, after a heading and prose",
	src:  "# Errors\n\nThe codes:\n| Code | Name | Fix |\n|:--|--:|\n| 400 | Bad Request | Check the body. |\n",
	want: []tableWant{{line: 4, headings: []string{"The codes:", "Errors"}, header: []string{"Code", "Name", "Fix"}, rows: []rowWant{
		{6, []string{"400", "Bad Request", "Check the body."}},
	}}},
}, {
	name: "wider delimiter row keeps the extra cells",
	src:  "| Code | Name |\n|---|---|---|\n| 400 | Bad Request | Check the body. |\n",
	want: []tableWant{{line: 1, header: []string{"Code", "Name", ""}, rows: []rowWant{
		{3, []string{"400", "Bad Request", "Check the body."}},
	}}},
}, {
	name: "short delimiter without outer pipes",
	src:  "| Code | Name | Fix |\n---|---\n400 | Bad Request | Check the body.\n",
	want: []tableWant{{line: 1, header: []string{"Code", "Name", "Fix"}, rows: []rowWant{
		{3, []string{"400", "Bad Request", "Check the body."}},
	}}},
}, {
	name: "a short row is padded, a long one cut, as GFM does",
	src:  "| Code | Name | Fix |\n|---|\n| 400 |\n| 401 | a | b | c |\n",
	want: []tableWant{{line: 1, header: []string{"Code", "Name", "Fix"}, rows: []rowWant{
		{3, []string{"400", "", ""}},
		{4, []string{"401", "a", "b"}},
	}}},
}, {
	name: "a dash line under one line of prose stays a setext heading",
	src:  "Errors | all of them\n---\n\n| Code | Name |\n|---|---|\n| 400 | Bad |\n",
	want: []tableWant{{line: 4, headings: []string{"Errors | all of them"}, header: []string{"Code", "Name"}, rows: []rowWant{
		{6, []string{"400", "Bad"}},
	}}},
}, {
	name: "an indented delimiter row is no delimiter row, as in GFM",
	src:  "| Code | Name | Fix |\n    |---|\n| 400 | Bad | x |\n",
	want: nil,
}}

// TestShortDelimiterRow: shape 1, a delimiter row with fewer (or more)
// cells than the header; the wider of the two decides the width.
func TestShortDelimiterRow(t *testing.T) { runPageCases(t, shortDelimiterRowCases) }

// outerPipesCases are the pages of TestOuterPipes.
func outerPipesCases() []pageCase {
	rows := []rowWant{{3, []string{"400", "Bad Request"}}, {4, []string{"401", "Unauthorized"}}}
	header := []string{"Code", "Name"}
	return []pageCase{{
		name: "delimiter without outer pipes",
		src:  "| Code | Name |\n---|---\n| 400 | Bad Request |\n| 401 | Unauthorized |\n",
		want: []tableWant{{line: 1, header: header, rows: rows}},
	}, {
		name: "body without outer pipes",
		src:  "| Code | Name |\n|---|---|\n400 | Bad Request\n401 | Unauthorized\n",
		want: []tableWant{{line: 1, header: header, rows: rows}},
	}, {
		name: "header without outer pipes",
		src:  "Code | Name\n|---|---|\n| 400 | Bad Request |\n| 401 | Unauthorized |\n",
		want: []tableWant{{line: 1, header: header, rows: rows}},
	}, {
		name: "only a trailing pipe, rows alike: no glued text",
		src:  "Code | Name |\n|---|\n400 | Bad Request |\n401 | Unauthorized |\n",
		want: []tableWant{{line: 1, header: header, rows: rows}},
	}}
}

// TestOuterPipes: shape 2, rows with or without outer pipes. GFM reads
// these itself; the cases pin that it still does, beside our tables.
func TestOuterPipes(t *testing.T) { runPageCases(t, outerPipesCases()) }

// gluedHeaderCases are the pages of TestGluedHeader.
var gluedHeaderCases = []pageCase{{
	name: "prose",
	src:  "## Status codes\n\nSee the table below for debugging.| Status | Meaning |\n|---|---|\n| 400 | Bad Request |\n| 404 | Not Found |\n",
	want: []tableWant{{line: 3, headings: []string{"See the table below for debugging.", "Status codes"}, header: []string{"Status", "Meaning"}, rows: []rowWant{
		{5, []string{"400", "Bad Request"}},
		{6, []string{"404", "Not Found"}},
	}}},
	passages: []Passage{{3, "See the table below for debugging."}},
}, {
	name: "prose over several lines",
	src:  "Errors come back as JSON.\nSee the table below.| Status | Meaning |\n|---|---|\n| 400 | Bad Request |\n",
	want: []tableWant{{line: 2, headings: []string{"See the table below."}, header: []string{"Status", "Meaning"}, rows: []rowWant{
		{4, []string{"400", "Bad Request"}},
	}}},
	passages: []Passage{{1, "Errors come back as JSON. See the table below."}},
}, {
	name: "JSON example",
	src:  "{\n  \"error\": \"rate_limited\"\n}| Code | Message |\n|---|---|\n| 429 | Slow down |\n",
	want: []tableWant{{line: 3, header: []string{"Code", "Message"}, rows: []rowWant{
		{5, []string{"429", "Slow down"}},
	}}},
}, {
	name: "a word glued on, rows with outer pipes",
	src:  "Errors| Code | Message |\n|---|---|\n| 429 | Slow down |\n",
	want: []tableWant{{line: 1, headings: []string{"Errors"}, header: []string{"Code", "Message"}, rows: []rowWant{
		{3, []string{"429", "Slow down"}},
	}}},
}, {
	name: "glued and short delimiter",
	src:  "Errors below.| Code | Message | Fix |\n|---|\n| 429 | Slow down | Wait. |\n",
	want: []tableWant{{line: 1, headings: []string{"Errors below."}, header: []string{"Code", "Message", "Fix"}, rows: []rowWant{
		{3, []string{"429", "Slow down", "Wait."}},
	}}},
}, {
	name: "two tables in one paragraph, the second glued to a row",
	src:  "| Code | Name | Fix |\n|---|\n| 400 | Bad | x |\nServer errors.| Code | Name |\n|---|---|\n| 500 | Internal |\n",
	want: []tableWant{{line: 1, header: []string{"Code", "Name", "Fix"}, rows: []rowWant{
		{3, []string{"400", "Bad", "x"}},
	}}, {line: 4, headings: []string{"Server errors."}, header: []string{"Code", "Name"}, rows: []rowWant{
		{6, []string{"500", "Internal"}},
	}}},
}, {
	name: "CRLF line ends",
	src:  "| A | B | C |\r\n|---|\r\n| 1 | 2 | 3 |\r\nSee.| X | Y |\r\n|---|---|\r\n| 4 | 5 |\r\n",
	want: []tableWant{{line: 1, header: []string{"A", "B", "C"}, rows: []rowWant{
		{3, []string{"1", "2", "3"}},
	}}, {line: 4, headings: []string{"See."}, header: []string{"X", "Y"}, rows: []rowWant{
		{6, []string{"4", "5"}},
	}}},
}, {
	name: "a broken table, then a well-formed one in the same paragraph",
	src:  "| Code | Name | Fix |\n|---|\n| 400 | Bad | x |\n| Code | Name |\n|---|---|\n| 500 | Internal |\n",
	want: []tableWant{{line: 1, header: []string{"Code", "Name", "Fix"}, rows: []rowWant{
		{3, []string{"400", "Bad", "x"}},
	}}, {line: 4, header: []string{"Code", "Name"}, rows: []rowWant{
		{6, []string{"500", "Internal"}},
	}}},
}}

// TestGluedHeader: shape 3, a header glued to the end of a prose line or
// of a JSON example.
func TestGluedHeader(t *testing.T) { runPageCases(t, gluedHeaderCases) }

// nestedTablesCases are the pages of TestNestedTables.
func nestedTablesCases() []pageCase {
	header := []string{"Code", "Name"}
	return []pageCase{{
		name: "after a paragraph",
		src:  "Errors we return:\n| Code | Name |\n|---|---|\n| 401 | Unauthorized |\n",
		want: []tableWant{{line: 2, headings: []string{"Errors we return:"}, header: header, rows: []rowWant{
			{4, []string{"401", "Unauthorized"}},
		}}},
		passages: []Passage{{1, "Errors we return:"}},
	}, {
		name:     "lazy in a list item",
		src:      "# Auth\n\n- Send your API key.\n| Code | Name |\n|---|---|\n| 401 | Unauthorized |\n- Rotate it often.\n",
		passages: []Passage{{3, "Send your API key."}, {7, "Rotate it often."}},
		want: []tableWant{{line: 4, headings: []string{"Send your API key.", "Auth"}, header: header, rows: []rowWant{
			{6, []string{"401", "Unauthorized"}},
		}}},
	}, {
		name: "indented in an ordered list item",
		src:  "1. Check the key.\n   | Code | Name |\n   |---|---|\n   | 403 | Forbidden |\n\n2. Retry on 429.\n",
		want: []tableWant{{line: 2, headings: []string{"Check the key."}, header: header, rows: []rowWant{
			{4, []string{"403", "Forbidden"}},
		}}},
		passages: []Passage{{1, "Check the key."}, {6, "Retry on 429."}},
	}, {
		name: "lazy in a list item, short delimiter row",
		src:  "- Send your API key.\n| Code | Name | Fix |\n|---|\n| 401 | Unauthorized | Send the key. |\n",
		want: []tableWant{{line: 2, headings: []string{"Send your API key."}, header: []string{"Code", "Name", "Fix"}, rows: []rowWant{
			{4, []string{"401", "Unauthorized", "Send the key."}},
		}}},
		passages: []Passage{{1, "Send your API key."}},
	}, {
		name: "in a block quote",
		src:  "> Errors:\n> | Code | Name | Fix |\n> |---|\n> | 404 | Not Found | Check the path. |\n",
		want: []tableWant{{line: 2, headings: []string{"Errors:"}, header: []string{"Code", "Name", "Fix"}, rows: []rowWant{
			{4, []string{"404", "Not Found", "Check the path."}},
		}}},
	}, {
		name: "in a list in a block quote",
		src:  "> - Errors:\n>   | Code | Name |\n>   |---|---|\n>   | 404 | Not Found |\n",
		want: []tableWant{{line: 2, headings: []string{"Errors:"}, header: header, rows: []rowWant{
			{4, []string{"404", "Not Found"}},
		}}},
	}}
}

// TestNestedTables: shape 4, tables right after a paragraph or a list item
// with no blank line, and tables in block quotes.
func TestNestedTables(t *testing.T) { runPageCases(t, nestedTablesCases()) }

// continuationLinesCases are the pages of TestContinuationLines.
func continuationLinesCases() []pageCase {
	header := []string{"Code", "Description"}
	return []pageCase{{
		name: "continuations and a sub-heading",
		src: "| Code | Description |\n|---|---|\n" +
			"| 400 | The request body could not be parsed\n" +
			"as JSON.\n" +
			"| 401 | The key is missing. |\n" +
			"Server errors\n" +
			"| 500 | Something broke |\n" +
			"Try again later.\n" +
			"| 503 | Down. |\n",
		want: []tableWant{{line: 1, header: header, rows: []rowWant{
			{3, []string{"400", "The request body could not be parsed as JSON."}},
			{5, []string{"401", "The key is missing."}},
		}}, {line: 6, headings: []string{"Server errors"}, header: header, rows: []rowWant{
			{7, []string{"500", "Something broke Try again later."}},
			{9, []string{"503", "Down."}},
		}}},
	}, {
		name: "lower case continues even a sentence",
		src:  "| Code | Description |\n|---|---|\n| 404 | Not found. |\nthe path names no resource\n| 409 | Conflict. |\n",
		want: []tableWant{{line: 1, header: header, rows: []rowWant{
			{3, []string{"404", "Not found. the path names no resource"}},
			{5, []string{"409", "Conflict."}},
		}}},
	}, {
		name: "several continuation lines",
		src:  "| Code | Description |\n|---|---|\n| 422 | The body is valid JSON\nbut a field\nis out of range |\n| 429 | Slow down. |\n",
		want: []tableWant{{line: 1, header: header, rows: []rowWant{
			{3, []string{"422", "The body is valid JSON but a field is out of range"}},
			{6, []string{"429", "Slow down."}},
		}}},
	}, {
		name: "a code on its own line is a row",
		src:  "| Code | Description |\n|---|---|\n| 400 | Bad request |\n429\n| 500 | Internal |\n",
		want: []tableWant{{line: 1, header: header, rows: []rowWant{
			{3, []string{"400", "Bad request"}},
			{4, []string{"429", ""}},
			{5, []string{"500", "Internal"}},
		}}},
	}, {
		name: "a sub-heading before any row",
		src:  "| Code | Description |\n|---|---|\nClient errors\n| 400 | Bad request |\n",
		want: []tableWant{{line: 3, headings: []string{"Client errors"}, header: header, rows: []rowWant{
			{4, []string{"400", "Bad request"}},
		}}},
	}, {
		name: "prose after the last row, after a sentence",
		src:  "| Code | Description |\n|---|---|\n| 400 | Bad request. |\nSee also the FAQ.\n",
		want: []tableWant{{line: 1, header: header, rows: []rowWant{
			{3, []string{"400", "Bad request."}},
		}}},
	}, {
		name: "continuation in a tolerant table",
		src:  "| Code | Name | Description |\n|---|\n| 400 | Bad | The body could not\nbe parsed. |\n",
		want: []tableWant{{line: 1, header: []string{"Code", "Name", "Description"}, rows: []rowWant{
			{3, []string{"400", "Bad", "The body could not be parsed."}},
		}}},
	}}
}

// TestContinuationLines: shape 5, a pipe-less line in a table continues the
// cell above it or titles the rows below it.
func TestContinuationLines(t *testing.T) { runPageCases(t, continuationLinesCases()) }

// flattenedRowspansCases are the pages of TestFlattenedRowspans.
func flattenedRowspansCases() []pageCase {
	rows := []rowWant{
		{3, []string{"Client errors", "400", "Bad Request"}},
		{4, []string{"", "401", "Unauthorized"}},
		{5, []string{"", "403", "Forbidden"}},
		{6, []string{"Server errors", "500", "Internal"}},
	}
	body := "| Client errors | 400 | Bad Request |\n| | 401 | Unauthorized |\n|| 403 | Forbidden |\n| Server errors | 500 | Internal |\n"
	return []pageCase{{
		name: "GFM",
		src:  "| Group | Code | Meaning |\n|---|---|---|\n" + body,
		want: []tableWant{{line: 1, header: []string{"Group", "Code", "Meaning"}, rows: rows}},
	}, {
		name: "short delimiter",
		src:  "| Group | Code | Meaning |\n|---|\n" + body,
		want: []tableWant{{line: 1, header: []string{"Group", "Code", "Meaning"}, rows: rows}},
	}, {
		name: "header lost its group column, delimiter kept it",
		src:  "| Code | Meaning |\n|---|---|---|\n" + body,
		want: []tableWant{{line: 1, header: []string{"Code", "Meaning", ""}, rows: rows}},
	}}
}

// TestFlattenedRowspans: shape 6, rows whose first cell is empty or a
// group label keep every cell in its column.
func TestFlattenedRowspans(t *testing.T) { runPageCases(t, flattenedRowspansCases()) }

// wellFormed are pages GFM reads as tables by itself: with our extension,
// goldmark must render them exactly as without it.
var wellFormed = []string{
	"| A | B |\n|---|---|\n| 1 | 2 |\n",
	"| A | B |\n---|---\n1 | 2\nprose\n",
	"A | B\n:-|-:\n| 1 | 2 | 3 |\n|4|\n",
	"Intro\n| A | B |\n|---|---|\n| 1 | 2 |\n| C | D |\n|---|---|\n| 3 | 4 |\n",
	"- item\n| A |\n|---|\n| `a\\|b` |\n",
	"> | A | B |\n> |---|---|\n> | 1 | 2 |\n",
	"| A |\n|---|\n",
	"text | with pipe\nmore text\n",
}

// TestTolerantKeepsGFM checks that our extension changes nothing GFM
// reads as a table.
func TestTolerantKeepsGFM(t *testing.T) {
	gfm := goldmark.New(goldmark.WithExtensions(extension.Table))
	ours := goldmark.New(goldmark.WithExtensions(extension.Table, tolerantTables{}))
	for _, src := range wellFormed {
		var want, got bytes.Buffer
		if err := gfm.Convert([]byte(src), &want); err != nil {
			t.Fatal(err)
		}
		if err := ours.Convert([]byte(src), &got); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%q:\n got %s\nwant %s", src, got.String(), want.String())
		}
	}
}

// TestTolerantCellsParsed checks that our tables are whole GFM tables to
// the reader: a cell with inline Markdown is a node goldmark parsed (its
// children are the inline nodes), a plain cell is its source, and a cell
// whose only markup is code spans is read by codeSpansText.
func TestTolerantCellsParsed(t *testing.T) {
	src := []byte("See below.| Code | *Name* | Fix |\n|---|\n| 400 | `Bad` | x |\n")
	doc := mdParser.Parse(text.NewReader(src))
	var got []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		r, ok := n.(cellRow)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		for _, c := range r.rowCells() {
			desc := string(c.seg.Value(src)) + ":"
			switch {
			case c.spans:
				desc += "spans"
			case c.node == nil:
				desc += "plain"
			default:
				if c.node.Parent() != n {
					t.Errorf("the cell %q is not a child of its row", c.seg.Value(src))
				}
				for k := c.node.FirstChild(); k != nil; k = k.NextSibling() {
					desc += " " + k.Kind().String()
				}
			}
			got = append(got, desc)
		}
		return ast.WalkSkipChildren, nil
	})
	want := []string{"Code:plain", "*Name*: Emphasis", "Fix:plain", "400:plain", "`Bad`:spans", "x:plain"}
	if !slices.Equal(got, want) {
		t.Errorf("cells:\n got %q\nwant %q", got, want)
	}
}

// TestTabTables reads the tables a copy of a rendered HTML table leaves:
// cells separated by tabs, under a header line.
func TestTabTables(t *testing.T) {
	runPageCases(t, []pageCase{{
		name: "under a paragraph, followed by prose",
		src:  "Codes d'erreur\nCode\tLibellé\tSolution\n400\tRequête invalide\tVérifiez le JSON.\n404\tIntrouvable\tVérifiez l'identifiant.\nCette page vous a-t-elle été utile ?\n",
		want: []tableWant{{line: 2, headings: []string{"Codes d'erreur"}, header: []string{"Code", "Libellé", "Solution"}, rows: []rowWant{
			{3, []string{"400", "Requête invalide", "Vérifiez le JSON."}},
			{4, []string{"404", "Introuvable", "Vérifiez l'identifiant."}},
		}}},
		passages: []Passage{{1, "Codes d'erreur"}, {5, "Cette page vous a-t-elle été utile ?"}},
	}, {
		name: "an empty cell between two tabs",
		src:  "Status\tName\tAction\n400\t\tCheck the key.\n401\tUnauthorized\tRenew the token.\n",
		want: []tableWant{{line: 1, header: []string{"Status", "Name", "Action"}, rows: []rowWant{
			{2, []string{"400", "", "Check the key."}},
			{3, []string{"401", "Unauthorized", "Renew the token."}},
		}}},
	}, {
		name: "a row whose empty last cell lost its tab",
		src:  "Status\tName\tAction\n400\tBad Request\tCheck the key.\n401\tUnauthorized\t\n403\tForbidden\tAsk an admin.\n",
		want: []tableWant{{line: 1, header: []string{"Status", "Name", "Action"}, rows: []rowWant{
			{2, []string{"400", "Bad Request", "Check the key."}},
			{3, []string{"401", "Unauthorized", ""}},
			{4, []string{"403", "Forbidden", "Ask an admin."}},
		}}},
	}, {
		name:     "one row with tabs is aligned prose, not a table",
		src:      "Name\tValue\nfoo\tbar\n",
		passages: []Passage{{1, "Name Value foo bar"}},
	}})
}

// TestHeaderWordBeforeFirstPipe reads a header written without its
// leading pipe over a shorter delimiter row as a header, not as prose glued
// to one.
func TestHeaderWordBeforeFirstPipe(t *testing.T) {
	runPageCases(t, []pageCase{{
		name: "Code before the first pipe",
		src:  "Code | Name | Retry | Description |\n|---|---|---|\n| 400 | Bad Request | No | Fix the body. |\n",
		want: []tableWant{{line: 1, header: []string{"Code", "Name", "Retry", "Description"}, rows: []rowWant{
			{3, []string{"400", "Bad Request", "No", "Fix the body."}},
		}}},
	}})
}

// TestTitleNotContinuation keeps a sub-title that starts with a lower-case
// letter ("iOS SDK errors") a title of the rows below.
func TestTitleNotContinuation(t *testing.T) {
	if lowerWord("iOS SDK errors") || !lowerWord("and must not start with a slash.") || !lowerWord("see below") {
		t.Error("lowerWord")
	}
}
