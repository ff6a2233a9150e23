package reader

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// shapesPage returns a docs page of about rows table rows, in the shapes
// parsePage reads: a heading, prose glued to a header over a short
// delimiter row, rows with continuation lines and sub-headings, and a
// well-formed GFM table in a list item.
func shapesPage(rows int) []byte {
	var b bytes.Buffer
	b.WriteString("# Errors\n\nEvery error has a code.\nSee the table below.| Code | Name | Description |\n|---|\n")
	for i := range rows / 2 {
		code := 400 + i%200
		switch {
		case i%50 == 49:
			b.WriteString("Server errors\n")
		case i%10 == 9:
			fmt.Fprintf(&b, "| %d | Name %d | A description that runs\nonto the next line. |\n", code, i)
		default:
			fmt.Fprintf(&b, "| %d | Name %d | Check the *request* and `retry`. |\n", code, i)
		}
	}
	b.WriteString("\n- Retry on these:\n| Code | Name |\n|---|---|\n")
	for i := range rows - rows/2 {
		fmt.Fprintf(&b, "| %d | Name %d |\n", 400+i%200, i)
	}
	return b.Bytes()
}

// benchSizes are the pages' numbers of rows.
var benchSizes = []int{100, 1000, 10000}

// BenchmarkParsePage measures parsePage, our extension and the walk over
// the tree included. Compare with BenchmarkGoldmarkParse for what is ours.
func BenchmarkParsePage(b *testing.B) {
	for _, n := range benchSizes {
		src := shapesPage(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				parsePage(src)
			}
		})
	}
}

// BenchmarkGoldmarkParse measures goldmark's parse alone, without the
// reading parsePage does after it, with goldmark's own GFM tables ("gfm")
// and with the reader's (mdParser: gfmTables and tolerantTables,
// "reader"), on the well-formed GFM tables of BenchmarkRead's pages
// ("endpoints") and on the shapes only the tolerant tables read
// ("shapes", where goldmark's GFM sees paragraphs).
func BenchmarkGoldmarkParse(b *testing.B) {
	parsers := []struct {
		name string
		p    parser.Parser
	}{
		{"gfm", goldmark.New(goldmark.WithExtensions(extension.Table)).Parser()},
		{"reader", mdParser},
	}
	pages := []struct {
		name string
		page func(int) []byte
	}{
		{"endpoints", benchPage},
		{"shapes", shapesPage},
	}
	for _, pg := range pages {
		for _, p := range parsers {
			for _, n := range benchSizes {
				src := pg.page(n)
				b.Run(fmt.Sprintf("%s/%s/%d", pg.name, p.name, n), func(b *testing.B) {
					b.ReportAllocs()
					b.SetBytes(int64(len(src)))
					for b.Loop() {
						p.p.Parse(text.NewReader(src))
					}
				})
			}
		}
	}
}

// FuzzParsePage parses any page that passes the shape checks gen makes
// before parsing, and checks that parsePage does not panic, that every
// line it names is a line of the page and that every row is as wide as its
// header.
func FuzzParsePage(f *testing.F) {
	for _, c := range allPageCases() {
		f.Add([]byte(c.src))
	}
	for _, src := range wellFormed {
		f.Add([]byte(src))
	}
	f.Add(shapesPage(20))
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > MaxPageSize || checkShape("fuzz.md", src) != nil {
			return // gen refuses these before parsing
		}
		p := parsePage(src)
		lines := bytes.Count(src, []byte("\n")) + 1
		inPage := func(what string, line int) {
			if line < 1 || line > lines {
				t.Fatalf("%s at line %d of a page of %d lines", what, line, lines)
			}
		}
		for _, tb := range p.tables {
			inPage("a table", tb.line)
			for _, r := range tb.rows {
				inPage("a row", r.line)
				if r.line < tb.line {
					t.Fatalf("a row at line %d above its header at line %d", r.line, tb.line)
				}
				if len(r.cells) != len(tb.header) {
					// Cells in the wrong columns: every row is as wide as
					// its header, padded or cut as GFM does.
					t.Fatalf("the row at line %d has %d cells under a header of %d", r.line, len(r.cells), len(tb.header))
				}
			}
		}
		for _, ps := range p.passages {
			inPage("a passage", ps.Line)
		}
	})
}
