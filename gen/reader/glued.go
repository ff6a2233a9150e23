package reader

import (
	"strings"

	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// widen returns t read again from its source lines when GFM glued it onto
// a narrower table above it (a field table, then the error table's header
// and delimiter with no blank line between): GFM cuts every row of the
// glued table to the width of the first header, losing the cells beyond.
// Parsed as a table of its own, the lines give all their cells; the rows
// keep their lines. A table that was not glued, or whose lines do not read
// back row for row, is returned as it is.
func widen(t table) table {
	if len(t.glued) != 2 || !cutByGFM(t) {
		return t
	}
	var b strings.Builder
	for _, l := range t.glued {
		b.WriteString(l + "\n")
	}
	for _, r := range t.rows {
		b.WriteString(r.raw + "\n")
	}
	src := []byte(b.String())
	doc := mdParser.Parse(text.NewReader(src))
	var tbl *east.Table
	for n := doc.FirstChild(); n != nil && tbl == nil; n = n.NextSibling() {
		tbl, _ = n.(*east.Table)
	}
	if tbl == nil {
		return t
	}
	again := readTable(tbl, nil, src, newLineIndex(src))
	if len(again.rows) != len(t.rows) || len(again.header) <= len(t.header) {
		return t
	}
	out := t
	out.header = again.header
	out.rows = make([]row, len(t.rows))
	for i, r := range t.rows {
		r.cells, r.rawCells = again.rows[i].cells, again.rows[i].rawCells
		out.rows[i] = r
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
