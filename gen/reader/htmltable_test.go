package reader

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// htmlRow is what a test expects of one row: its line, its cells, and
// rawCells when it differs from the number of cells (0 means "the same").
type htmlRow struct {
	line     int
	cells    []string
	rawCells int
}

// htmlTable is what a test expects of one table.
type htmlTable struct {
	line     int
	headings []string
	header   []string
	rows     []htmlRow
}

// htmlTableCases are pages in the shapes docs tools export, each with the
// tables parsePage must read from it. They seed FuzzHTMLTables too.
var htmlTableCases = []struct {
	name string
	src  string
	want []htmlTable
}{
	{
		name: "readme",
		src: `# Errors

Every error has a body.

<table>
  <thead>
    <tr>
      <th>Code</th>
      <th>Name</th>
      <th>Description</th>
    </tr>
  </thead>
  <tbody>
    <tr>
      <td><code>400</code></td>
      <td><strong>Bad Request</strong></td>
      <td>Malformed JSON.<br>Fix the request &amp; send it again.</td>
    </tr>
    <tr>
      <td><code>404</code></td>
      <td>Not Found</td>
      <td>See <a href="/docs/ids">identifiers</a>; it&#39;s gone.</td>
    </tr>
  </tbody>
</table>

After the table.
`,
		want: []htmlTable{{
			line: 7, headings: []string{"Errors"}, header: []string{"Code", "Name", "Description"},
			rows: []htmlRow{
				{line: 14, cells: []string{"400", "Bad Request", "Malformed JSON. Fix the request & send it again."}},
				{line: 19, cells: []string{"404", "Not Found", "See identifiers; it's gone."}},
			},
		}},
	},
	{
		name: "mdx",
		src: `## Error codes

<div className="table-wrapper">
<table className="errors">
<thead><tr><th className="code">Status</th><th>Message</th></tr></thead>
<tbody>
<tr><td>` + "`429`" + `</td><td>Slow{' '}<strong>down</strong>{" "}please<br/>now</td></tr>
<tr><td colSpan={1}>503</td><td><p>Try again</p><p>later</p></td></tr>
</tbody>
</table>
</div>
`,
		want: []htmlTable{{
			line: 5, headings: []string{"Error codes"}, header: []string{"Status", "Message"},
			rows: []htmlRow{
				{line: 7, cells: []string{"429", "Slow down please now"}},
				{line: 8, cells: []string{"503", "Try again later"}},
			},
		}},
	},
	{
		name: "blank lines inside",
		src: `# Errors

<table>

<tr>
<th>Code</th>

<th>Meaning</th>
</tr>

<tr>

<td>401</td>

<td>Unauthorized: *log in*</td>

</tr>

<tr><td>403</td><td>Forbidden</td></tr>
<tr>
<td>

**402**

</td>
<td>Payment required</td>
</tr>

</table>

| Code | Meaning |
| --- | --- |
| 500 | Oops |
`,
		want: []htmlTable{
			{line: 5, headings: []string{"Errors"}, header: []string{"Code", "Meaning"},
				rows: []htmlRow{
					{line: 11, cells: []string{"401", "Unauthorized: *log in*"}},
					{line: 19, cells: []string{"403", "Forbidden"}},
					{line: 20, cells: []string{"402", "Payment required"}},
				}},
			{line: 31, headings: []string{"Errors"}, header: []string{"Code", "Meaning"},
				rows: []htmlRow{{line: 33, cells: []string{"500", "Oops"}}}},
		},
	},
	{
		name: "rowspan groups",
		src: `<table>
<tr><th>Category</th><th>Code</th><th>Description</th></tr>
<tr><td rowspan="3">Client errors</td><td>400</td><td>Bad request</td></tr>
<tr><td>401</td><td>Unauthorized</td></tr>
<tr><td>403</td><td>Forbidden</td></tr>
<tr><td>Server errors</td><td>500</td><td>Internal</td></tr>
</table>
`,
		want: []htmlTable{{
			line: 2, header: []string{"Category", "Code", "Description"},
			rows: []htmlRow{
				{line: 3, cells: []string{"Client errors", "400", "Bad request"}},
				{line: 4, cells: []string{"Client errors", "401", "Unauthorized"}},
				{line: 5, cells: []string{"Client errors", "403", "Forbidden"}},
				{line: 6, cells: []string{"Server errors", "500", "Internal"}},
			},
		}},
	},
	{
		name: "rowspan in a middle column and a short row",
		src: `<table>
<tr><th>Code</th><th>Retry</th><th>Description</th></tr>
<tr><td>502</td><td rowspan=2>yes</td><td>Bad gateway</td></tr>
<tr><td>503</td><td>Unavailable</td></tr>
<tr><td>504</td></tr>
</table>
`,
		want: []htmlTable{{
			line: 2, header: []string{"Code", "Retry", "Description"},
			rows: []htmlRow{
				{line: 3, cells: []string{"502", "yes", "Bad gateway"}},
				{line: 4, cells: []string{"503", "yes", "Unavailable"}},
				{line: 5, cells: []string{"504", "", ""}, rawCells: 1},
			},
		}},
	},
	{
		name: "colspan",
		src: `<table>
<tr><th>Code</th><th colspan="2">Description</th></tr>
<tr><td colspan="3">Client errors</td></tr>
<tr><td>400</td><td>Bad request</td><td>Fix it</td></tr>
<tr><td>404</td><td colspan="2">Not found</td></tr>
</table>
`,
		want: []htmlTable{{
			line: 2, header: []string{"Code", "Description", ""},
			rows: []htmlRow{
				{line: 3, cells: []string{"Client errors", "", ""}},
				{line: 4, cells: []string{"400", "Bad request", "Fix it"}},
				{line: 5, cells: []string{"404", "Not found", ""}},
			},
		}},
	},
	{
		name: "two header rows",
		src: `<table>
<thead>
<tr><th rowspan="2">Code</th><th colspan="2">Details</th></tr>
<tr><th>Message</th><th>Remedy</th></tr>
</thead>
<tbody>
<tr><td>409</td><td>Conflict</td><td>Reload</td></tr>
</tbody>
</table>
`,
		want: []htmlTable{{
			line: 4, header: []string{"Code", "Message", "Remedy"},
			rows: []htmlRow{{line: 7, cells: []string{"409", "Conflict", "Reload"}}},
		}},
	},
	{
		name: "thead left open, table in a comment",
		src: `<div class="wrap"><!-- a <table> here would swallow the page -->
<table>
<thead>
<tr><th>Code</th><th>Description</th></tr>
<tr><td>400</td><td>Bad</td></tr>
</table>
`,
		want: []htmlTable{{
			line: 4, header: []string{"Code", "Description"},
			rows: []htmlRow{{line: 5, cells: []string{"400", "Bad"}}},
		}},
	},
	{
		name: "no thead, td header",
		src: `<table>
<caption>HTTP <em>errors</em></caption>
<tr><td>Code</td><td>Meaning</td></tr>
<tr><td>410</td><td>Gone</td></tr>
</table>
`,
		want: []htmlTable{{
			line: 3, headings: []string{"HTTP errors"}, header: []string{"Code", "Meaning"},
			rows: []htmlRow{{line: 4, cells: []string{"410", "Gone"}}},
		}},
	},
	{
		name: "no header row",
		src: `# Codes

<table>
<tr><td>400</td><td>Bad request</td></tr>
<tr><td>500</td><td>Oops</td></tr>
</table>
`,
		want: []htmlTable{{
			line: 3, headings: []string{"Codes"}, header: []string{"", ""},
			rows: []htmlRow{
				{line: 4, cells: []string{"400", "Bad request"}},
				{line: 5, cells: []string{"500", "Oops"}},
			},
		}},
	},
	{
		name: "nested table",
		src: `<table>
<tr><th>Code</th><th>Description</th></tr>
<tr><td>422</td><td>Invalid:
<table><tr><th>Reason</th><th>Meaning</th></tr><tr><td>too_long</td><td>Shorten it</td></tr></table>
see reasons</td></tr>
<tr><td>423</td><td>Locked</td></tr>
</table>
`,
		want: []htmlTable{
			{line: 2, header: []string{"Code", "Description"},
				rows: []htmlRow{
					{line: 3, cells: []string{"422", "Invalid: see reasons"}},
					{line: 6, cells: []string{"423", "Locked"}},
				}},
			{line: 4, header: []string{"Reason", "Meaning"},
				rows: []htmlRow{{line: 4, cells: []string{"too_long", "Shorten it"}}}},
		},
	},
	{
		name: "unterminated",
		src: `# Errors

<table>
<tr><th>Code</th><th>Description</th></tr>
<tr><td>400</td><td>Bad

| not | a table |
| --- | --- |
| 1 | 2 |
`,
		want: []htmlTable{{
			line: 4, headings: []string{"Errors"}, header: []string{"Code", "Description"},
			rows: []htmlRow{{line: 5, cells: []string{"400", "Bad | not | a table | | --- | --- | | 1 | 2 |"}}},
		}},
	},
	{
		name: "huge spans",
		src: `<table>
<tr><th>Code</th><th>Description</th></tr>
<tr><td rowspan="99999999999999999999">400</td><td>Bad</td></tr>
<tr><td>Still 400</td></tr>
<tr><td colspan="4294967297">Too wide for its bytes: dropped, and what follows</td></tr>
<tr><td>500</td><td>Oops</td></tr>
</table>
`,
		want: []htmlTable{{
			line: 2, header: []string{"Code", "Description"},
			rows: []htmlRow{
				{line: 3, cells: []string{"400", "Bad"}},
				{line: 4, cells: []string{"400", "Still 400"}},
			},
		}},
	},
	{
		name: "wide but paid for",
		src: `<table>
<tr><th>Code</th><th>Description</th></tr>
<tr><td>429</td><td colspan="1001">` + strings.Repeat("Slow down. ", 250) + `</td></tr>
</table>
`,
		want: []htmlTable{{
			line: 2, header: append([]string{"Code", "Description"}, make([]string, maxColumns-2)...),
			rows: []htmlRow{
				{line: 3, cells: append([]string{"429", strings.TrimSpace(strings.Repeat("Slow down. ", 250))}, make([]string, maxColumns-2)...)},
			},
		}},
	},
	{
		name: "entities and script",
		src: `<table>
<tr><th>Code</th><th>Description</th></tr>
<tr><td>&#52;&#48;&#48;</td><td>&lt;b&gt; &quot;quoted&quot;&nbsp;&mdash; caf&eacute;<script>var x = "</td>";</script></td></tr>
</table>
`,
		want: []htmlTable{{
			line: 2, header: []string{"Code", "Description"},
			rows: []htmlRow{{line: 3, cells: []string{"400", `<b> "quoted" — café`}}},
		}},
	},
	{
		name: "wrapper on the line above, two tables in one block",
		src: `# Errors
<div class="table-wrapper">
  <table>
    <tr><th>Code</th><th>Description</th></tr>
    <tr><td>400</td><td>Bad</td></tr>
  </table>
</div>
<div class="table-wrapper"><table>
    <tr><th>Code</th><th>Description</th></tr>
    <tr><td>500</td><td>Oops</td></tr>
</table></div>
Prose after.
`,
		want: []htmlTable{
			{line: 4, headings: []string{"Errors"}, header: []string{"Code", "Description"},
				rows: []htmlRow{{line: 5, cells: []string{"400", "Bad"}}}},
			{line: 9, headings: []string{"Errors"}, header: []string{"Code", "Description"},
				rows: []htmlRow{{line: 10, cells: []string{"500", "Oops"}}}},
		},
	},
}

// TestHTMLTables reads each page and compares its tables, row by row.
func TestHTMLTables(t *testing.T) {
	for _, tc := range htmlTableCases {
		t.Run(tc.name, func(t *testing.T) {
			p := parsePage([]byte(tc.src))
			var got []htmlTable
			for _, tb := range p.tables {
				g := htmlTable{line: tb.line, headings: tb.headings, header: tb.header}
				for _, r := range tb.rows {
					if !r.delimited || r.delimiterRow {
						t.Errorf("line %d: delimited %v, delimiterRow %v; want true, false", r.line, r.delimited, r.delimiterRow)
					}
					raw := r.rawCells
					if raw == len(r.cells) {
						raw = 0
					}
					g.rows = append(g.rows, htmlRow{line: r.line, cells: r.cells, rawCells: raw})
				}
				got = append(got, g)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got\n%s\nwant\n%s", dumpTables(got), dumpTables(tc.want))
			}
		})
	}
}

// dumpTables prints tables for a failure message, long rows shortened.
func dumpTables(ts []htmlTable) string {
	var b strings.Builder
	short := func(cells []string) string {
		if len(cells) > 6 {
			return fmt.Sprintf("%q…(%d cells)", cells[:6], len(cells))
		}
		return fmt.Sprintf("%q", cells)
	}
	for _, t := range ts {
		fmt.Fprintf(&b, "table line %d headings %q header %s\n", t.line, t.headings, short(t.header))
		for _, r := range t.rows {
			fmt.Fprintf(&b, "  row line %d raw %d %s\n", r.line, r.rawCells, short(r.cells))
		}
	}
	return b.String()
}

// TestHTMLTablesEnd checks the offset htmlTables returns: just past the
// </table>, the end of input when there is none, and start when the source
// holds no table tag there.
func TestHTMLTablesEnd(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want int
	}{
		{"<table><tr><td>1</td></tr></table>\n\ntext", len("<table><tr><td>1</td></tr></table>")},
		{"<table><tr><td><table></table></td></tr></table>rest", len("<table><tr><td><table></table></td></tr></table>")},
		{"<table><tr><td>1", len("<table><tr><td>1")},
		{"<tablet>", 0},
		{"<table", 0}, // no tag yet: the tokenizer sees text
	} {
		src := []byte(tc.src)
		_, end := htmlTables(src, 0, newLineIndex(src), "")
		if end != tc.want {
			t.Errorf("htmlTables(%q) ends at %d, want %d", tc.src, end, tc.want)
		}
	}
}

// TestSpanValue checks the reading of colspan and rowspan values.
func TestSpanValue(t *testing.T) {
	for _, tc := range []struct {
		val    string
		lo, hi int
		want   int
	}{
		{"2", 1, maxColspan, 2},
		{" 3px", 1, maxColspan, 3},
		{"0", 1, maxColspan, 1},
		{"0", 0, maxRowspan, 0},
		{"-2", 1, maxColspan, 1},
		{"", 1, maxColspan, 1},
		{"x", 0, maxRowspan, 1},
		{"{2}", 1, maxColspan, 2},
		{`{"4"}`, 1, maxColspan, 4},
		{"4294967297", 1, maxColspan, maxColspan},
		{"99999999999999999999999", 0, maxRowspan, maxRowspan},
	} {
		if got := spanValue([]byte(tc.val), tc.lo, tc.hi); got != tc.want {
			t.Errorf("spanValue(%q, %d, %d) = %d, want %d", tc.val, tc.lo, tc.hi, got, tc.want)
		}
	}
}

// TestHTMLTablesBounded checks that hostile tables stay within the budget:
// many wide rows, and tables nested past the nesting limit.
func TestHTMLTablesBounded(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("<table>")
	for range 2000 {
		b.WriteString(`<tr><td colspan="1000">x</td></tr>`)
	}
	b.WriteString(strings.Repeat("<table><tr><td>deep", 100))
	src := b.Bytes()
	tables, end := htmlTables(src, 0, newLineIndex(src), "")
	if end != len(src) {
		t.Errorf("end %d, want %d", end, len(src))
	}
	if n := gridCells(tables); n > min(maxGridCells, len(src)) {
		t.Errorf("%d cells, more than %d", n, min(maxGridCells, len(src)))
	}
	if len(tables) > maxTableNesting {
		t.Errorf("%d tables, more than the nesting limit %d", len(tables), maxTableNesting)
	}
	// Many small tables, each a block of its own: the bound holds for the
	// page, not only for one table.
	page := bytes.Repeat([]byte("<table><tr><td colspan=\"1000\">x</td><td>y</td></tr></table>\n\n"), 2000)
	if n := gridCells(parsePage(page).tables); n > len(page) {
		t.Errorf("a page of %d bytes gives %d cells", len(page), n)
	}
	last := tables[len(tables)-1]
	if got := last.header[0]; !strings.HasPrefix(got, "deep deep") {
		t.Errorf("the deepest table read holds %.40q, want the deeper ones as its text", got)
	}
}

// gridCells counts the header and row cells of tables.
func gridCells(tables []table) int {
	n := 0
	for _, t := range tables {
		n += len(t.header)
		for _, r := range t.rows {
			n += len(r.cells)
		}
	}
	return n
}

// FuzzHTMLTables reads "<table>"+input as a page: no panic, every table
// within the cell budget, every row as wide as its header, lines within
// the page.
func FuzzHTMLTables(f *testing.F) {
	for _, tc := range htmlTableCases {
		f.Add(tc.src)
		if i := strings.Index(tc.src, "<table"); i >= 0 {
			f.Add(tc.src[i+len("<table"):])
		}
	}
	// Inputs the fuzzer once failed on, kept here rather than in
	// testdata so that the test stays one file.
	f.Add("<th ColspAn=17><td>") // an unterminated table whose made-up header was not counted
	// Rows past the budget, each spreading a wide rowspan: once a hang.
	f.Add("<tr><td rowspan=0 colspan=1000>x" + strings.Repeat("<tr>", 1000))
	f.Fuzz(func(t *testing.T, input string) {
		src := []byte("<table>" + input)
		p := parsePage(src)
		lines := bytes.Count(src, []byte("\n")) + 1
		tables, end := htmlTables(src, 0, newLineIndex(src), "")
		if n := gridCells(tables); n > min(maxGridCells, len(src)) {
			t.Fatalf("%d cells from %d bytes", n, len(src))
		}
		if end < 0 || end > len(src) {
			t.Fatalf("end %d outside 0..%d", end, len(src))
		}
		for _, tb := range tables {
			if len(tb.header) == 0 || len(tb.header) > maxColumns {
				t.Fatalf("header of %d cells", len(tb.header))
			}
			for _, r := range tb.rows {
				if len(r.cells) != len(tb.header) || r.rawCells > len(r.cells) {
					t.Fatalf("row at line %d: %d cells (%d raw), header %d", r.line, len(r.cells), r.rawCells, len(tb.header))
				}
			}
		}
		for _, tb := range p.tables {
			if tb.line < 0 || tb.line > lines {
				t.Fatalf("table line %d outside 1..%d", tb.line, lines)
			}
			for _, r := range tb.rows {
				if r.line < 1 || r.line > lines {
					t.Fatalf("row line %d outside 1..%d", r.line, lines)
				}
			}
		}
	})
}

// benchTable is an HTML table of n rows, as a ReadMe export writes it.
func benchTable(n int) []byte {
	var b bytes.Buffer
	b.WriteString("# Errors\n\n<table>\n<thead><tr><th>Code</th><th>Name</th><th>Description</th></tr></thead>\n<tbody>\n")
	for i := range n {
		fmt.Fprintf(&b, "<tr><td><code>%d</code></td><td><strong>Error %d</strong></td><td>Something went wrong &amp; <a href=\"/x\">see here</a>.<br/>Retry.</td></tr>\n", 400+i%200, i)
	}
	b.WriteString("</tbody>\n</table>\n")
	return b.Bytes()
}

// BenchmarkHTMLTable reads a 1,000-row table; the Tokenize sub-benchmark
// is the floor: x/net/html tokenizing the same bytes, building nothing.
func BenchmarkHTMLTable(b *testing.B) {
	src := benchTable(1000)
	start := bytes.Index(src, []byte("<table"))
	lines := newLineIndex(src)
	b.Run("Tokenize", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(src) - start))
		for b.Loop() {
			z := html.NewTokenizer(bytes.NewReader(src[start:]))
			for z.Next() != html.ErrorToken {
			}
		}
	})
	b.Run("htmlTables", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(src) - start))
		for b.Loop() {
			if ts, _ := htmlTables(src, start, lines, "Errors"); len(ts) != 1 || len(ts[0].rows) != 1000 {
				b.Fatalf("got %d tables", len(ts))
			}
		}
	})
	b.Run("parsePage", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			parsePage(src)
		}
	})
}

// TestHTMLTablesRead reads HTML tables through Read, as gen does: the
// chooser finds the table by its header words, and rows filled by a
// rowspan draw no "missing cells" warning.
func TestHTMLTablesRead(t *testing.T) {
	for _, name := range []string{"readme", "rowspan groups", "blank lines inside"} {
		var src string
		for _, tc := range htmlTableCases {
			if tc.name == name {
				src = tc.src
			}
		}
		t.Run(name, func(t *testing.T) {
			var warnings []string
			c, err := Read("errors.md", []byte(src), Options{}, func(w string) { warnings = append(warnings, w) })
			if err != nil {
				t.Fatal(err)
			}
			if len(c.Entries) < 2 {
				t.Fatalf("%d entries", len(c.Entries))
			}
			for _, w := range warnings {
				if strings.Contains(w, "cells") {
					t.Errorf("warning: %s", w)
				}
			}
			for _, e := range c.Entries {
				if e.Line == 0 || e.Description == "" {
					t.Errorf("entry %+v", e)
				}
			}
		})
	}
}
