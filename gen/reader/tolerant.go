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

// tolerantTables is a goldmark extension that reads the tables a person
// sees but GFM does not: a delimiter row with fewer (or more) cells than
// the header, and a header glued to the end of a prose line or of a JSON
// example. It recognises them in the parse, as a paragraph transformer that
// runs after GFM's own, so GFM's reading of well-formed tables is unchanged
// (GFM has already turned them into tables when ours sees a paragraph) and
// every node keeps its source position, so messages still name lines. The
// tables it builds are goldmark's GFM nodes (east.Table, TableHeader,
// TableRow, TableCell), built by nodeBuilder, so readTable reads them
// like any other.
type tolerantTables struct {
	// parseCells makes goldmark parse every cell, plain or not, as
	// extension.Table does: tests read pages so to prove that plain
	// cells read the same unparsed (see gfmtable_ref_test.go).
	parseCells bool
}

// tolerantPriority orders our transformer after GFM's table transformer:
// goldmark runs paragraph transformers in increasing priority, and
// extension.Table registers its own at 200.
const tolerantPriority = 300

// Extend implements goldmark.Extender.
func (e tolerantTables) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithParagraphTransformers(
		util.Prioritized(tolerantTransformer(e), tolerantPriority),
	))
}

var _ goldmark.Extender = tolerantTables{}

// tolerantTransformer is the parser.ParagraphTransformer of tolerantTables.
type tolerantTransformer tolerantTables

// paraLine is what the transformer needs to know of one line of a
// paragraph, computed once so that a paragraph is read in linear time.
type paraLine struct {
	seg   text.Segment // the line, white space trimmed at both ends
	pipes int          // unescaped "|" in the line
	tabs  int          // tabs inside the line: cells of a copied HTML table
	delim int          // cells of a delimiter row; 0 when the line is none
}

// Transform implements parser.ParagraphTransformer. It finds each header
// line followed by a delimiter row in the paragraph and splits the
// paragraph there: the lines before stay a paragraph (cut mid-line when the
// header is glued to prose), the header, the delimiter and every line after
// it become a table, as GFM makes every line after a delimiter a row, until
// the next header and delimiter start another table.
func (e tolerantTransformer) Transform(node *gast.Paragraph, reader text.Reader, pc parser.Context) {
	segs := node.Lines()
	if segs.Len() < 2 || node.Parent() == nil {
		return
	}
	src := reader.Source()
	lines := make([]paraLine, segs.Len())
	for i := range lines {
		seg := segs.At(i)
		lines[i] = readParaLine(seg, src)
	}
	// starts are the tables: the index of each header line.
	var starts []int
	for i := 1; i < len(lines); i++ {
		if lines[i].delim > 0 && isHeaderLine(lines[i-1]) && (len(starts) == 0 || i-1 > starts[len(starts)-1]+1) {
			starts = append(starts, i-1)
		}
	}
	if len(starts) == 0 {
		tabTables(node, lines, src, e.parseCells)
		return
	}
	parent := node.Parent()
	var after gast.Node = node // the node the next one goes after
	insert := func(n gast.Node) {
		parent.InsertAfter(parent, after, n)
		after = n
	}
	// The lines before the first table stay in the paragraph, which
	// goldmark then closes as usual; it is emptied if nothing is left.
	before := text.NewSegments()
	for i := 0; i < starts[0]; i++ {
		before.Append(segs.At(i))
	}
	node.SetLines(before)
	for k, h := range starts {
		end := len(lines)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		var firstRow *paraLine
		if h+2 < end {
			firstRow = &lines[h+2]
		}
		header := lines[h].seg
		if cut, ok := gluedHeader(lines[h], lines[h+1].delim, firstRow, src); ok {
			// The prose before the header is a paragraph of its own: the
			// tail of the one before, or a new one between two tables.
			prose := text.NewSegment(header.Start, cut)
			prose = prose.TrimRightSpace(src)
			if k == 0 {
				node.Lines().Append(prose)
			} else {
				p := gast.NewParagraph()
				p.Lines().Append(prose)
				insert(p)
			}
			header = text.NewSegment(cut, header.Stop)
		}
		insert(buildTable(header, lines[h+1], lines[h+2:end], src, e.parseCells))
	}
	if n := node.Lines().Len(); n == 0 {
		parent.RemoveChild(parent, node)
	} else {
		// goldmark trims the last line when it closes the paragraph, but
		// not when a setext heading closed it before the transformers ran.
		last := node.Lines().At(n - 1)
		node.Lines().Set(n-1, last.TrimRightSpace(src))
	}
}

// readParaLine measures one line of a paragraph.
func readParaLine(seg text.Segment, src []byte) paraLine {
	indent, _ := util.IndentWidth(src[seg.Start:seg.Stop], 0)
	indent += seg.Padding
	seg = seg.TrimLeftSpace(src)
	seg = seg.TrimRightSpace(src)
	l := paraLine{seg: seg, pipes: countPipes(src[seg.Start:seg.Stop]), tabs: bytes.Count(src[seg.Start:seg.Stop], []byte("\t"))}
	if indent <= 3 {
		// GFM refuses a delimiter row indented as code; so do we.
		l.delim = delimiterCells(src[seg.Start:seg.Stop])
	}
	return l
}

// delimiterCells returns the cells of a delimiter row such as |---|:--:|
// or ---|---, whatever their number, or 0 when line is no delimiter row. A
// line without a "|" is no delimiter row: goldmark reads "---" under
// text as a setext heading, and ":--" alone is more likely prose.
func delimiterCells(line []byte) int {
	cells, dashes, colons, pipes := 0, 0, 0, 0
	closeCell := func() bool {
		if dashes == 0 {
			return colons == 0 // an empty cell at either end is no cell
		}
		cells++
		dashes, colons = 0, 0
		return true
	}
	for i := 0; i < len(line); i++ {
		switch c := line[i]; c {
		case '-':
			if colons == 2 {
				return 0 // a colon inside the dashes
			}
			dashes++
		case ':':
			if colons == 1 && dashes == 0 || colons == 2 {
				return 0
			}
			colons++
		case '|':
			pipes++
			if !closeCell() {
				return 0
			}
		case ' ', '\t':
		default:
			return 0
		}
	}
	if !closeCell() || pipes == 0 {
		return 0
	}
	return cells
}

// isHeaderLine reports whether a line can be a header row: it holds a cell
// delimiter (a pipe-less header over a delimiter row is GFM's one-column
// table, which GFM reads itself) and is no delimiter row.
func isHeaderLine(l paraLine) bool {
	return l.pipes > 0 && l.delim == 0
}

// gluedHeader reports whether a header line is prose or code with the
// header glued to its end ("See the table below.| Status | Meaning |",
// "}| Code | Message |"), and where the header starts. Scrapers lose the
// line break before a table; a header written on its own line starts with
// a pipe when it ends with one. The text before the first pipe is glued
// when it ends as a sentence or a JSON value does, or when dropping it
// leaves the header as wide as the delimiter row and the first body row
// starts with a pipe, as the header would.
func gluedHeader(h paraLine, delimCells int, firstRow *paraLine, src []byte) (int, bool) {
	line := src[h.seg.Start:h.seg.Stop]
	if h.pipes < 2 || line[0] == '|' || line[len(line)-1] != '|' || line[len(line)-2] == '\\' {
		return 0, false
	}
	first := firstPipe(line)
	prefix := line[:first]
	for len(prefix) > 0 && (prefix[len(prefix)-1] == ' ' || prefix[len(prefix)-1] == '\t') {
		prefix = prefix[:len(prefix)-1]
	}
	if len(prefix) == 0 {
		return 0, false
	}
	cells := countCells(line)
	if cells == delimCells {
		return 0, false // as wide as its delimiter row: a header of its own
	}
	switch prefix[len(prefix)-1] {
	case '.', '!', '?', ':', ';', ',', '}', ']', ')', '"':
		return h.seg.Start + first, true
	}
	if cells-1 == delimCells && firstRow != nil && firstRow.pipes > 0 && src[firstRow.seg.Start] == '|' && !namesARole(string(prefix)) {
		return h.seg.Start + first, true
	}
	return 0, false
}

// firstPipe returns the index of the first unescaped "|" in line, or -1.
func firstPipe(line []byte) int {
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '|':
			return i
		}
	}
	return -1
}

// buildTable makes a GFM table of a header line, its delimiter row and the
// rows under it. The header decides the width, or the delimiter row when
// it is wider: cells are neither dropped nor shifted for a delimiter row
// that lost or gained a cell. parseCells is tolerantTables'.
func buildTable(header text.Segment, delim paraLine, rows []paraLine, src []byte, parseCells bool) *east.Table {
	headerCells := splitCells(header, src)
	width := max(len(headerCells), delim.delim)
	alignments := delimiterAlignments(src[delim.seg.Start:delim.seg.Stop], width)
	b := newNodeBuilder(src, len(rows)+1, width, parseCells)
	t := east.NewTable()
	t.Alignments = alignments
	t.SetPos(header.Start)
	t.AppendChild(t, b.rowOf(true, header, headerCells, alignments))
	for _, r := range rows {
		t.AppendChild(t, b.rowOf(false, r.seg, splitCells(r.seg, src), alignments))
	}
	return t
}

// splitCells splits a row into the segments of its cells as GFM's
// parseRow does: an outer pipe only closes the row, a pipe after a
// backslash is text, and each cell is trimmed.
func splitCells(seg text.Segment, src []byte) []text.Segment {
	seg = seg.TrimLeftSpace(src)
	seg = seg.TrimRightSpace(src)
	start, limit := seg.Start, seg.Stop
	if start < limit && src[start] == '|' {
		start++
	}
	if start < limit && src[limit-1] == '|' {
		limit--
	}
	var cells []text.Segment
	for pos := start; pos < limit; {
		closure := pos
		for ; closure < limit; closure++ {
			if src[closure] == '|' && (closure == seg.Start || src[closure-1] != '\\') {
				break
			}
		}
		cell := text.NewSegment(pos, closure)
		cell = cell.TrimLeftSpace(src)
		cell = cell.TrimRightSpace(src)
		cells = append(cells, cell)
		pos = closure + 1
	}
	return cells
}

// rowOf makes a table row, or the header, of cell segments, cut or padded
// to the width of alignments as GFM does.
func (b *nodeBuilder) rowOf(header bool, line text.Segment, cells []text.Segment, alignments []east.Alignment) gast.Node {
	row := b.row(header, line.Start, alignments)
	for i, a := range alignments {
		if i < len(cells) {
			b.cell(row, cells[i], cells[i].Start, a)
		} else {
			b.pad(row, a)
		}
	}
	return b.done(row)
}

// delimiterAlignments reads the alignments of a delimiter row, padded
// with none or cut to width.
func delimiterAlignments(line []byte, width int) []east.Alignment {
	out := make([]east.Alignment, 0, width)
	left, dashes := false, 0
	flush := func(right bool) {
		if dashes > 0 && len(out) < width {
			switch {
			case left && right:
				out = append(out, east.AlignCenter)
			case left:
				out = append(out, east.AlignLeft)
			case right:
				out = append(out, east.AlignRight)
			default:
				out = append(out, east.AlignNone)
			}
		}
		left, dashes = false, 0
	}
	right := false
	for _, c := range line {
		switch c {
		case ':':
			if dashes == 0 {
				left = true
			} else {
				right = true
			}
		case '-':
			dashes++
		case '|':
			flush(right)
			right = false
		}
	}
	flush(right)
	for len(out) < width {
		out = append(out, east.AlignNone)
	}
	return out
}

// minTabRows is the fewest rows under a header that make lines with tabs a
// table: one row with tabs may be a line of aligned prose.
const minTabRows = 2

// tabTables finds, in a paragraph without pipe tables, the tables that a
// copy of a rendered HTML table leaves: a header line and rows whose cells
// are separated by tabs, each line with the same number of tabs. The
// paragraph keeps the lines before the first such table; rows with fewer
// tabs than the header are padded, as GFM pads short rows; the table and
// the lines after it follow it, as for pipe tables. parseCells is
// tolerantTables'.
func tabTables(node *gast.Paragraph, lines []paraLine, src []byte, parseCells bool) {
	type run struct{ start, end int }
	var runs []run
	for i := 0; i < len(lines); {
		j := i + 1
		// A row may have fewer tabs than the header: trimming the line
		// drops the tab before an empty last cell.
		for j < len(lines) && lines[i].tabs > 0 && lines[j].tabs > 0 && lines[j].tabs <= lines[i].tabs && lines[j].pipes == 0 {
			j++
		}
		if lines[i].tabs > 0 && lines[i].pipes == 0 && j-i-1 >= minTabRows {
			runs = append(runs, run{i, j})
		}
		i = j
	}
	if len(runs) == 0 {
		return
	}
	parent := node.Parent()
	var after gast.Node = node
	insert := func(n gast.Node) {
		parent.InsertAfter(parent, after, n)
		after = n
	}
	segs := node.Lines()
	paragraph := func(from, to int) {
		if from == to {
			return
		}
		p := gast.NewParagraph()
		for i := from; i < to; i++ {
			p.Lines().Append(segs.At(i))
		}
		insert(p)
	}
	next := runs[0].end
	for k, r := range runs {
		if k > 0 {
			paragraph(next, r.start)
		}
		header := splitTabs(lines[r.start].seg, src)
		alignments := make([]east.Alignment, len(header))
		b := newNodeBuilder(src, r.end-r.start, len(header), parseCells)
		t := east.NewTable()
		t.Alignments = alignments
		t.SetPos(lines[r.start].seg.Start)
		t.AppendChild(t, b.rowOf(true, lines[r.start].seg, header, alignments))
		for _, l := range lines[r.start+1 : r.end] {
			t.AppendChild(t, b.rowOf(false, l.seg, splitTabs(l.seg, src), alignments))
		}
		insert(t)
		next = r.end
	}
	paragraph(next, len(lines))
	before := text.NewSegments()
	for i := 0; i < runs[0].start; i++ {
		before.Append(segs.At(i))
	}
	node.SetLines(before)
	if before.Len() == 0 {
		parent.RemoveChild(parent, node)
	} else {
		last := before.At(before.Len() - 1)
		before.Set(before.Len()-1, last.TrimRightSpace(src))
	}
}

// splitTabs splits a line into the segments of its tab-separated cells,
// each trimmed.
func splitTabs(seg text.Segment, src []byte) []text.Segment {
	var cells []text.Segment
	for pos := seg.Start; pos <= seg.Stop; {
		end := pos
		for end < seg.Stop && src[end] != '\t' {
			end++
		}
		cell := text.NewSegment(pos, end)
		cell = cell.TrimLeftSpace(src)
		cell = cell.TrimRightSpace(src)
		cells = append(cells, cell)
		pos = end + 1
	}
	return cells
}

// namesARole reports whether text is a header word of some role ("Code",
// "Status"): such text before a header's first pipe is the header's own
// first cell, written without its leading pipe, not prose glued to it.
func namesARole(text string) bool {
	return len(wordIndex[normalizeHeader(text)]) > 0
}
