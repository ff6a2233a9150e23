package reader

import (
	"bytes"
	"strings"

	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// The reader's tables are goldmark's GFM nodes (east.Table, TableHeader,
// TableRow, TableCell), built by the reader's own paragraph transformers
// (gfmTables and tolerantTables) in a form that costs less to parse:
//
//   - a row holds its cells in a slice (see rowCell), and a table's rows
//     and cells are allocated together, one slice each, rather than as
//     three allocations per cell (the node, its segment list and the
//     list's array);
//   - rows hold no inline content, so they are raw: goldmark's inline
//     parser skips them instead of making each an empty segment list;
//   - a plain cell, one whose text holds no byte that starts inline
//     Markdown (see isPlainCell), is no node at all: its text is its
//     trimmed source, which readTable cuts from the row's line;
//   - a cell whose only markup is code spans (`field_name`, the most
//     common markup of an error table) is no node either: codeSpansText
//     reads it by CommonMark's rules, as goldmark's code span parser does.
//
// Every other cell is a TableCell, a child of its row, parsed by goldmark
// as GFM's cells are. On gen's benchmark page of 10,000 rows, reading the
// page (BenchmarkGenRead) now makes 75,000 allocations, fewer than
// goldmark's own GFM parse of it (169,000); with goldmark's tables it made
// 225,000. The nodes behave as
// GFM's do for everything the reader asks of them (kinds, positions,
// inline content), but for a row's children, which are its parsed cells
// only: readTable reads a row's cells from rowCells.
// gfmtable_ref_test.go proves that pages read the same as with goldmark's
// own table extension.

// rowCell is one cell of a row.
type rowCell struct {
	// seg is the cell's source, trimmed; empty for a cell GFM padded a
	// short row with.
	seg text.Segment
	// node is the cell as goldmark parsed it, a child of the row; nil
	// for a plain cell.
	node *east.TableCell
	// spans reports that the cell's only markup is code spans, and
	// spansText is its text (see codeSpansText); its node is nil.
	spans     bool
	spansText string
}

// text returns the plain text of the cell, in a row whose source line
// starts at offset off and holds line: a parsed cell's is cellText's, a
// code-span cell's its spansText cleaned, and a plain cell's src[seg]
// cleaned, cut from line when the cell lies in it, so that a row's cells
// share one copy of the row.
func (c rowCell) text(src []byte, off int, line string) string {
	if c.node != nil {
		return cellText(c.node, src, off, line)
	}
	if c.spans {
		return cleanText(c.spansText)
	}
	seg := c.seg
	if seg.Start >= seg.Stop {
		return ""
	}
	var v string
	if off >= 0 && seg.Start >= off && seg.Stop <= off+len(line) {
		v = line[seg.Start-off : seg.Stop-off]
	} else {
		v = string(src[seg.Start:seg.Stop])
	}
	return cleanText(v)
}

// cellRow is a row the reader built: its cells are in rowCells, not all
// of them nodes.
type cellRow interface {
	gast.Node
	rowCells() []rowCell
}

// tableRow is a body row: raw.
type tableRow struct {
	east.TableRow
	cells []rowCell
}

// IsRaw implements ast.Node: a row holds no inline content of its own.
func (*tableRow) IsRaw() bool { return true }

func (r *tableRow) rowCells() []rowCell { return r.cells }

// tableHeader is a header row: raw.
type tableHeader struct {
	east.TableHeader
	cells []rowCell
}

// IsRaw implements ast.Node: a header holds no inline content of its own.
func (*tableHeader) IsRaw() bool { return true }

func (h *tableHeader) rowCells() []rowCell { return h.cells }

// inlineStart marks the bytes at which goldmark's inline parsing (with
// no extension but GFM's tables) can make anything but one text node of
// the bytes as they are: code spans, emphasis, links and images, raw HTML
// and autolinks, backslash escapes, and entities, which inlineText
// resolves. Line breaks cannot occur in a cell.
var inlineStart = [256]bool{'`': true, '*': true, '_': true, '[': true, ']': true, '!': true, '<': true, '\\': true, '&': true}

// cellMarkup is what markupOf makes of a cell's source.
type cellMarkup uint8

const (
	markupNone  cellMarkup = iota // plain text
	markupSpans                   // backticks, other markup maybe inside code spans, no backslash
	markupOther                   // anything else goldmark must parse
)

// markupOf says which markup a cell's source, v, may hold.
func markupOf(v []byte) cellMarkup {
	marked, backticks := false, false
	for _, b := range v {
		switch {
		case b == '\\':
			return markupOther
		case b == '`':
			backticks = true
		case inlineStart[b]:
			marked = true
		}
	}
	switch {
	case backticks:
		return markupSpans
	case marked:
		return markupOther
	}
	return markupNone
}

// isPlainCell reports whether a cell's source, v, is plain text: without
// any byte of inlineStart, goldmark would read it as one text node of v.
func isPlainCell(v []byte) bool {
	return markupOf(v) == markupNone
}

// codeSpansText returns the text inlineText gives a cell of code spans, v,
// as goldmark's code span parser reads them (CommonMark's rules, on one
// line): a run of backticks opens a code span closed by the next run of as
// many; the span's text is what lies between, as it is (markup does not
// start inside a span), less one space at each end when it begins and ends
// with one and is not all white space; a run that nothing closes is text,
// and the search goes on after it. ok is false when markup other than code
// spans lies outside them, or v holds a backslash: goldmark must parse it.
func codeSpansText(v []byte) (text string, ok bool) {
	if bytes.IndexByte(v, '\\') >= 0 {
		return "", false
	}
	var b strings.Builder
	b.Grow(len(v))
	for i := 0; i < len(v); {
		if v[i] != '`' {
			j := i
			for j < len(v) && v[j] != '`' {
				if inlineStart[v[j]] {
					return "", false // markup outside a span
				}
				j++
			}
			b.Write(v[i:j])
			i = j
			continue
		}
		n := backtickRun(v, i)
		closer := -1
		for k := i + n; k < len(v); {
			if v[k] != '`' {
				k++
				continue
			}
			m := backtickRun(v, k)
			if m == n {
				closer = k
				break
			}
			k += m
		}
		if closer < 0 {
			b.Write(v[i : i+n]) // an opener nothing closes is text
			i += n
			continue
		}
		span := v[i+n : closer]
		if !util.IsBlank(span) && isSpaceOrNewline(span[0]) && isSpaceOrNewline(span[len(span)-1]) {
			span = span[1 : len(span)-1]
		}
		b.Write(span)
		i = closer + n
	}
	return b.String(), true
}

// backtickRun returns the length of the run of backticks at v[i:].
func backtickRun(v []byte, i int) int {
	n := 0
	for i+n < len(v) && v[i+n] == '`' {
		n++
	}
	return n
}

// isSpaceOrNewline is goldmark's test of a code span's ends.
func isSpaceOrNewline(c byte) bool {
	return c == ' ' || c == '\n'
}

// nodeBuilder builds one table's rows, their cells allocated together:
// new with the number of rows (the header included) and the table's
// width, it holds room for exactly that many cells, as every row is cut
// or padded to the width.
type nodeBuilder struct {
	src   []byte
	rows  []tableRow
	cells []rowCell
	// nodes and lines hold the cells goldmark parses and their segment
	// lists, allocated a few at a time.
	nodes []east.TableCell
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
		cells:    make([]rowCell, 0, rows*width),
	}
}

// rowBuild is a row being built: the node, and where its cells start in
// the builder's.
type rowBuild struct {
	node  cellRow
	first int
}

// row starts a new body row, or the header when header is set, at offset
// pos.
func (b *nodeBuilder) row(header bool, pos int, alignments []east.Alignment) rowBuild {
	var n cellRow
	switch {
	case header:
		h := &tableHeader{}
		h.Alignments = alignments
		n = h
	case len(b.rows) < cap(b.rows):
		b.rows = append(b.rows, tableRow{})
		r := &b.rows[len(b.rows)-1]
		r.Alignments = alignments
		n = r
	default:
		r := &tableRow{}
		r.Alignments = alignments
		n = r
	}
	n.SetPos(pos)
	return rowBuild{n, len(b.cells)}
}

// cell adds to row a cell of the source seg, already trimmed, at offset
// pos (or no position when pos is negative), aligned as a.
func (b *nodeBuilder) cell(row rowBuild, seg text.Segment, pos int, a east.Alignment) {
	c := rowCell{seg: seg}
	v := seg.Value(b.src)
	markup := markupOf(v)
	if markup == markupSpans && !b.parseAll {
		c.spansText, c.spans = codeSpansText(v)
		if !c.spans {
			markup = markupOther
		}
	}
	if b.parseAll || markup == markupOther {
		c.node = b.node()
		c.node.Alignment = a
		if pos >= 0 {
			c.node.SetPos(pos)
		}
		// goldmark parses the cell's lines, as it does GFM's cells.
		c.node.SetLines(b.segments(seg))
		row.node.AppendChild(row.node, c.node)
	}
	b.cells = append(b.cells, c)
}

// pad adds to row a cell GFM adds to a short row: empty, and with no
// position.
func (b *nodeBuilder) pad(row rowBuild, a east.Alignment) {
	b.cell(row, text.Segment{}, -1, a)
}

// done ends row and returns its node, its cells set.
func (b *nodeBuilder) done(row rowBuild) gast.Node {
	cells := b.cells[row.first:len(b.cells):len(b.cells)]
	switch n := row.node.(type) {
	case *tableRow:
		n.cells = cells
	case *tableHeader:
		n.cells = cells
	}
	return row.node
}

// node returns a new cell node.
func (b *nodeBuilder) node() *east.TableCell {
	if len(b.nodes) == cap(b.nodes) {
		b.nodes = make([]east.TableCell, 0, 8)
	}
	b.nodes = append(b.nodes, east.TableCell{})
	return &b.nodes[len(b.nodes)-1]
}

// segments returns a segment list holding seg alone.
func (b *nodeBuilder) segments(seg text.Segment) *text.Segments {
	if len(b.lines) == cap(b.lines) {
		b.lines = make([]text.Segments, 0, 8)
	}
	b.lines = append(b.lines, text.Segments{})
	s := &b.lines[len(b.lines)-1]
	s.Append(seg)
	return s
}
