package reader

import (
	"strings"

	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// widen reads again, from their source lines, the tables that GFM glued
// onto a narrower table above them (a field table, then the error table's
// header and delimiter with no blank line between): GFM cuts every row of
// a glued table to the width of the first header, losing the cells beyond.
// Parsed as tables of their own, the lines give all their cells; the rows
// keep their lines. The glued tables of one GFM table are parsed together,
// in one document, so a page of thousands of them costs one parse more. A
// table whose lines do not read back row for row is kept as it is.
func widen(md parser.Parser, tables []table) []table {
	var cut []int // the tables to read again
	var b strings.Builder
	for i, t := range tables {
		if len(t.glued) != 2 || !cutByGFM(t) {
			continue
		}
		cut = append(cut, i)
		for _, l := range t.glued {
			b.WriteString(l + "\n")
		}
		for _, r := range t.rows {
			b.WriteString(r.raw + "\n")
		}
		b.WriteString("\n") // a blank line ends each table
	}
	if len(cut) == 0 {
		return tables
	}
	src := []byte(b.String())
	doc := md.Parse(text.NewReader(src))
	lines := newLineIndex(src)
	var again []table
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if t, ok := n.(*east.Table); ok {
			again = append(again, readTable(t, nil, src, lines))
		}
	}
	if len(again) != len(cut) {
		return tables // the lines did not read back table for table
	}
	out := make([]table, len(tables))
	copy(out, tables)
	for k, i := range cut {
		t, a := tables[i], again[k]
		if len(a.rows) != len(t.rows) || len(a.header) <= len(t.header) {
			continue
		}
		t.header = a.header
		t.rows = make([]row, len(tables[i].rows))
		for j, r := range tables[i].rows {
			r.cells, r.rawCells = a.rows[j].cells, a.rows[j].rawCells
			t.rows[j] = r
		}
		out[i] = t
	}
	return out
}

// cutByGFM reports whether any row of t, or its header, has more cells in
// its source line than GFM kept.
func cutByGFM(t table) bool {
	if rowCells([]byte(t.glued[0])) > len(t.header) {
		return true
	}
	for _, r := range t.rows {
		if r.rawCells > len(r.cells) {
			return true
		}
	}
	return false
}
