package reader

import (
	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// The reader's tables are goldmark's GFM nodes (east.Table, TableHeader,
// TableRow, TableCell), built by the reader's own paragraph transformers
// (gfmTables and tolerantTables) in a form that costs less to parse:
//
//   - a table's rows and cells are allocated together, in one slice each,
//     rather than as three allocations per cell (the node, its segment
//     list and the list's array);
//   - rows hold no inline content, so they are raw: goldmark's inline
//     parser skips them instead of making each an empty segment list;
//   - a plain cell, one whose text holds no byte that starts inline
//     Markdown (see isPlainCell), is raw too: its text is its trimmed
//     source, which readTable cuts from the row's line, so goldmark makes
//     no text node for it. Every other cell is parsed by goldmark, as
//     GFM's cells are.
//
// On a page of large tables this halves goldmark's parse. The nodes
// behave as GFM's do for everything the reader asks of them (kinds,
// positions, children, inline content); gfmtable_ref_test.go proves that
// pages read the same as with goldmark's own table extension.

// tableRow is a body row: raw, its cells its children.
type tableRow struct{ east.TableRow }

// IsRaw implements ast.Node: a row holds no inline content of its own.
func (*tableRow) IsRaw() bool { return true }

// tableHeader is a header row: raw, its cells its children.
type tableHeader struct{ east.TableHeader }

// IsRaw implements ast.Node: a header holds no inline content of its own.
func (*tableHeader) IsRaw() bool { return true }

// tableCell is one cell of a table.
type tableCell struct {
	east.TableCell
	// seg is the cell's source, trimmed; empty for a cell GFM padded a
	// short row with.
	seg text.Segment
	// plain reports that the cell is its source text: no inline markup,
	// escape or entity can start in it, so goldmark need not parse it.
	plain bool
}

// IsRaw implements ast.Node: a plain cell is not parsed.
func (c *tableCell) IsRaw() bool { return c.plain }

// plainText returns the text of a plain cell, src[seg] cleaned, cut from
// line (the source line that starts at offset off) when the cell lies in
// it, so that a row's cells share one copy of the row. ok is false for a
// cell goldmark parsed.
func (c *tableCell) plainText(src []byte, off int, line string) (s string, ok bool) {
	if !c.plain {
		return "", false
	}
	seg := c.seg
	if seg.Start >= seg.Stop {
		return "", true
	}
	if off >= 0 && seg.Start >= off && seg.Stop <= off+len(line) {
		return cleanText(line[seg.Start-off : seg.Stop-off]), true
	}
	return cleanText(string(src[seg.Start:seg.Stop])), true
}

// inlineStart marks the bytes at which goldmark's inline parsing (with
// no extension but GFM's tables) can make anything but one text node of
// the bytes as they are: code spans, emphasis, links and images, raw HTML
// and autolinks, backslash escapes, and entities, which inlineText
// resolves. Line breaks cannot occur in a cell.
var inlineStart = [256]bool{'`': true, '*': true, '_': true, '[': true, ']': true, '!': true, '<': true, '\\': true, '&': true}

// isPlainCell reports whether a cell's source, v, is plain text: without
// any byte of inlineStart, goldmark would read it as one text node of v.
func isPlainCell(v []byte) bool {
	for _, b := range v {
		if inlineStart[b] {
			return false
		}
	}
	return true
}

// nodeBuilder builds one table's nodes, its rows and cells allocated
// together: new with the number of rows (the header included) and the
// table's width, it holds room for exactly that many cells, as every row
// is cut or padded to the width.
type nodeBuilder struct {
	src   []byte
	rows  []tableRow
	cells []tableCell
	// lines holds the segment lists of the cells goldmark parses, one
	// each, allocated together.
	lines []text.Segments
	// parseAll makes every cell one goldmark parses, as extension.Table
	// does: the reference tests compare with.
	parseAll bool
}

// newNodeBuilder returns a builder for a table of rows rows, header
// included, and width cells a row; parseAll makes goldmark parse every
// cell, plain or not.
func newNodeBuilder(src []byte, rows, width int, parseAll bool) *nodeBuilder {
	return &nodeBuilder{
		src:      src,
		parseAll: parseAll,
		rows:     make([]tableRow, 0, max(rows-1, 0)),
		cells:    make([]tableCell, 0, rows*width),
	}
}

// row returns a new body row, or the header when header is set, starting
// at offset pos.
func (b *nodeBuilder) row(header bool, pos int, alignments []east.Alignment) gast.Node {
	var n gast.Node
	if header || len(b.rows) == cap(b.rows) {
		if header {
			h := &tableHeader{}
			h.Alignments = alignments
			n = h
		} else {
			r := &tableRow{}
			r.Alignments = alignments
			n = r
		}
	} else {
		b.rows = append(b.rows, tableRow{})
		r := &b.rows[len(b.rows)-1]
		r.Alignments = alignments
		n = r
	}
	n.SetPos(pos)
	return n
}

// cell appends to row a cell of the source seg, already trimmed, at
// offset pos (or no position when pos is negative), aligned as a.
func (b *nodeBuilder) cell(row gast.Node, seg text.Segment, pos int, a east.Alignment) {
	var c *tableCell
	if len(b.cells) < cap(b.cells) {
		b.cells = append(b.cells, tableCell{})
		c = &b.cells[len(b.cells)-1]
	} else {
		c = &tableCell{} // more cells than the width: a header's extra ones
	}
	c.Alignment = a
	c.seg = seg
	if pos >= 0 {
		c.SetPos(pos)
	}
	c.plain = !b.parseAll && isPlainCell(seg.Value(b.src))
	if !c.plain {
		// goldmark parses the cell's lines, as it does GFM's cells.
		c.SetLines(b.segments(seg))
	}
	row.AppendChild(row, c)
}

// pad appends to row a cell GFM adds to a short row: empty, and with no
// position.
func (b *nodeBuilder) pad(row gast.Node, a east.Alignment) {
	b.cell(row, text.Segment{}, -1, a)
}

// segments returns a segment list holding seg alone.
func (b *nodeBuilder) segments(seg text.Segment) *text.Segments {
	if len(b.lines) == cap(b.lines) {
		b.lines = make([]text.Segments, 0, max(8, cap(b.lines)))
	}
	b.lines = append(b.lines, text.Segments{})
	s := &b.lines[len(b.lines)-1]
	s.Append(seg)
	return s
}
