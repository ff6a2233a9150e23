package reader

import (
	"bytes"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// gfmTables is GitHub's pipe tables as goldmark's extension.Table reads
// them, rule for rule, with the table's nodes built as nodeBuilder builds
// them (see tablenodes.go), which costs less to parse than goldmark's
// own (see BenchmarkGoldmarkParse). It only parses: the reader renders no
// HTML, and goldmark's renderer could not render these nodes.
//
// goldmark's extension also registers an AST transformer that drops the
// backslash of a "\|" inside a code span of a cell; appendText does the
// same when it reads a code span, so the reader needs no transformer.
type gfmTables struct{}

// gfmPriority is the priority extension.Table gives its transformer: it
// runs before tolerantTables'.
const gfmPriority = 200

// Extend implements goldmark.Extender.
func (gfmTables) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithParagraphTransformers(
		util.Prioritized(gfmTransformer{}, gfmPriority),
	))
}

var _ goldmark.Extender = gfmTables{}

// gfmTransformer is the parser.ParagraphTransformer of gfmTables.
type gfmTransformer struct{}

// Transform implements parser.ParagraphTransformer as extension.Table's
// transformer does: the first line that is a delimiter row makes the
// line above it the header, when as wide, and every line below a row;
// the lines above the header stay the paragraph.
func (gfmTransformer) Transform(node *gast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	if lines.Len() < 2 {
		return
	}
	src := reader.Source()
	for i := 1; i < lines.Len(); i++ {
		delim := lines.At(i)
		alignments := gfmDelimiter(delim.Value(src))
		if alignments == nil {
			continue
		}
		// A header with more cells than the delimiter row ends the
		// search; one with fewer is padded.
		headerLine := lines.At(i - 1)
		if gfmCells(headerLine, src) > len(alignments) {
			return
		}
		b := newNodeBuilder(src, lines.Len()-i, len(alignments), false)
		table := east.NewTable()
		table.Alignments = alignments
		table.SetPos(node.Pos())
		table.AppendChild(table, gfmRow(b, headerLine, alignments, true))
		for j := i + 1; j < lines.Len(); j++ {
			table.AppendChild(table, gfmRow(b, lines.At(j), alignments, false))
		}
		lines.SetSliced(0, i-1)
		node.Parent().InsertAfter(node.Parent(), node, table)
		if lines.Len() == 0 {
			node.Parent().RemoveChild(node.Parent(), node)
		} else {
			last := lines.At(i - 2)
			last.Stop-- // as goldmark: the newline
			lines.Set(i-2, last)
		}
		return
	}
}

// gfmTrim is a row's line as GFM's parseRow reads it: trimmed, and
// without the pipe that opens or closes it (pos and limit, into the
// trimmed line).
func gfmTrim(seg text.Segment, src []byte) (trimmed text.Segment, pos, limit int) {
	trimmed = seg.TrimLeftSpace(src)
	trimmed = trimmed.TrimRightSpace(src)
	line := trimmed.Value(src)
	limit = len(line)
	if len(line) > 0 && line[0] == '|' {
		pos++
	}
	if len(line) > 0 && line[limit-1] == '|' {
		limit--
	}
	return trimmed, pos, limit
}

// gfmCellEnd returns where the cell that starts at pos of line ends: at
// the next "|" that no backslash escapes, or at limit.
func gfmCellEnd(line []byte, pos, limit int) int {
	for closure := pos; closure < limit; closure++ {
		if line[closure] == '|' && (closure == 0 || line[closure-1] != '\\') {
			return closure
		}
	}
	return limit
}

// gfmCells counts the cells of a header line as GFM's parseRow splits it.
func gfmCells(seg text.Segment, src []byte) int {
	trimmed, pos, limit := gfmTrim(seg, src)
	line := trimmed.Value(src)
	n := 0
	for ; pos < limit; n++ {
		pos = gfmCellEnd(line, pos, limit) + 1
	}
	return n
}

// gfmRow builds the row of the line seg as GFM's parseRow does: cells
// split at unescaped pipes and trimmed, a body row cut or padded to the
// width of alignments. Cells are positioned as parseRow positions them.
func gfmRow(b *nodeBuilder, seg text.Segment, alignments []east.Alignment, header bool) gast.Node {
	row := b.row(header, seg.Start, alignments)
	trimmed, pos, limit := gfmTrim(seg, b.src)
	line := trimmed.Value(b.src)
	i := 0
	for ; pos < limit; i++ {
		if i >= len(alignments) {
			return b.done(row) // a header this wide was refused before
		}
		closure := gfmCellEnd(line, pos, limit)
		cell := text.NewSegment(trimmed.Start+pos, trimmed.Start+closure)
		cell = cell.TrimLeftSpace(b.src)
		cell = cell.TrimRightSpace(b.src)
		b.cell(row, cell, seg.Start+pos-seg.Padding, alignments[i])
		pos = closure + 1
	}
	for ; i < len(alignments); i++ {
		b.pad(row, east.AlignNone) // as goldmark pads: unaligned
	}
	return b.done(row)
}

// gfmDelimiter returns the alignments of a delimiter row, or nil when the
// line is none, as extension.Table's parseDelimiter reads it: a line of
// dashes, colons, pipes and spaces, indented less than code, whose
// pipe-separated columns, the blank first and last dropped, are each
// optional space, a colon or not, dashes, a colon or not, optional space.
func gfmDelimiter(line []byte) []east.Alignment {
	if !gfmIsDelimiter(line) {
		return nil
	}
	cols := bytes.Split(line, []byte{'|'})
	if util.IsBlank(cols[0]) {
		cols = cols[1:]
	}
	if len(cols) > 0 && util.IsBlank(cols[len(cols)-1]) {
		cols = cols[:len(cols)-1]
	}
	var alignments []east.Alignment
	for _, col := range cols {
		a, ok := gfmAlignment(col)
		if !ok {
			return nil
		}
		alignments = append(alignments, a)
	}
	return alignments
}

// gfmIsDelimiter is extension.Table's isTableDelim: indented three
// columns at most, only dashes, colons, pipes and white space, and not
// dashes alone.
func gfmIsDelimiter(line []byte) bool {
	if w, _ := util.IndentWidth(line, 0); w > 3 {
		return false
	}
	allDashes := true
	for _, c := range line {
		if c != '-' {
			allDashes = false
		}
		if !(util.IsSpace(c) || c == '-' || c == '|' || c == ':') {
			return false
		}
	}
	return !allDashes
}

// isRESpace is the white space of \s in Go's regular expressions, which
// extension.Table matches a delimiter column with.
func isRESpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// gfmAlignment reads one column of a delimiter row as extension.Table's
// four regular expressions do (^\s*:?-+:?\s*$).
func gfmAlignment(col []byte) (east.Alignment, bool) {
	for len(col) > 0 && isRESpace(col[0]) {
		col = col[1:]
	}
	for len(col) > 0 && isRESpace(col[len(col)-1]) {
		col = col[:len(col)-1]
	}
	left := len(col) > 0 && col[0] == ':'
	if left {
		col = col[1:]
	}
	right := len(col) > 0 && col[len(col)-1] == ':'
	if right {
		col = col[:len(col)-1]
	}
	if len(col) == 0 {
		return east.AlignNone, false
	}
	for _, c := range col {
		if c != '-' {
			return east.AlignNone, false
		}
	}
	switch {
	case left && right:
		return east.AlignCenter, true
	case left:
		return east.AlignLeft, true
	case right:
		return east.AlignRight, true
	}
	return east.AlignNone, true
}
