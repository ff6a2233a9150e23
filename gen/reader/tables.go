package reader

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// page is what the generator needs of a docs page: its tables, as a reader
// sees them, and the passages of prose outside them.
type page struct {
	// unread lists the blocks that read as tables but could not be read,
	// with why, for the error when no table qualifies.
	unread   []string
	tables   []table
	passages []Passage
	// headings are the page's headings in order, for the status a
	// section's heading gives the string codes under it (see sections).
	headings []headingAt
	// examples are the page's code blocks, for the JSON body shape that
	// carries a string code (see codeField).
	examples []example
}

// headingAt is one heading of the page.
type headingAt struct {
	line, level int
	text        string
}

// table is one table as a reader sees it. GFM's boundaries are weaker than
// a reader's: goldmark's one table can hold several of these (see
// splitTable).
type table struct {
	line     int      // line of the header row
	headings []string // titles above the table, nearest first: a glued line, a caption row, the last heading
	// sections are the headings the table stands under, innermost first
	// (see sectionsOf): where the status of its string codes may be.
	sections []string
	header   []string // plain text of the header cells
	rows     []row
	// glued holds, for a table GFM glued onto the one above it, the source
	// lines of its header and delimiter rows: GFM cut its cells to the
	// width of the table above, so widen reads them again.
	glued []string
	// memo is the page's memo of cell texts, shared by its tables; nil
	// in a table read on its own, which then parses each cell.
	memo cellMemo
}

// row is one body row of a table.
type row struct {
	line  int
	cells []string // plain text, padded or cut by GFM to the header's width
	// rawCells is how many cells the source line really has: GFM drops
	// cells beyond the header's width and pads short rows silently.
	rawCells int
	// delimited reports whether the source line holds a cell delimiter at
	// all. GFM continues a table with any non-blank line, pipe or not.
	delimited bool
	// delimiterRow reports whether the source line is a |---| row: inside
	// a body, it means the row before was a new header.
	delimiterRow bool
	raw          string // the source line, for the lazy-line test
}

// mdParser is goldmark with GitHub's tables, the only extension that
// changes what we read, read as goldmark's extension.Table reads them (see
// gfmTables), and ours for the tables GFM misses (see tolerantTables). It
// is safe for concurrent use.
var mdParser = goldmark.New(goldmark.WithExtensions(gfmTables{}, tolerantTables{})).Parser()

// parsePage parses Markdown source into a page.
func parsePage(src []byte) *page {
	return parsePageWith(mdParser, src)
}

// parsePageWith is parsePage with the parser md: tests compare mdParser
// with goldmark's own table extension.
func parsePageWith(md parser.Parser, src []byte) *page {
	lines := newLineIndex(src)
	doc := md.Parse(text.NewReader(src))
	p := &page{}
	var prev ast.Node  // the block before the current one
	var heading string // the text of the last heading
	// skipTo is the end of what was read past goldmark's blocks: the front
	// matter, or an HTML table read from the source.
	var skipTo int
	skipTo, heading = frontMatter(src)
	readmeBudget := maxReadmeCells // the cells ReadMe blocks may still hold
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if start := blockStart(n); start >= 0 && start < skipTo {
			continue
		}
		if start, ok := readmeStart(n, src); ok {
			if before := blockStart(n); before < start {
				// The prose the block is glued to.
				p.passages = append(p.passages, Passage{lines.of(before), cleanText(string(src[before:start]))})
			}
			t, end, why := readmeTable(src, start, lines, heading, &readmeBudget)
			if why == "" {
				p.tables = append(p.tables, t)
			} else {
				p.unread = append(p.unread, fmt.Sprintf("line %d: %s", lines.of(start), why))
			}
			skipTo, prev = end, n
			continue
		}
		if start, ok := htmlTableStart(n, src); ok {
			if tables, end := htmlTables(src, start, lines, heading); end > start {
				p.tables = append(p.tables, tables...)
				skipTo = end
				prev = n
				continue
			}
		}
		switch n := n.(type) {
		case *ast.Heading:
			heading = inlineText(n, src)
			if start := blockStart(n); start >= 0 {
				p.headings = append(p.headings, headingAt{lines.of(start), n.Level, heading})
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			if ex, ok := exampleOf(n, src, lines, len(p.examples)); ok {
				p.examples = append(p.examples, ex)
			}
		case *east.Table:
			p.tables = append(p.tables, readTables(md, n, prev, heading, src, lines)...)
		case *ast.Paragraph:
			p.passages = append(p.passages, Passage{lines.of(blockStart(n)), inlineText(n, src)})
		case *ast.List:
			for item := n.FirstChild(); item != nil; item = item.NextSibling() {
				p.passages = append(p.passages, Passage{lines.of(blockStart(item)), inlineText(item, src)})
			}
			p.tables = append(p.tables, nestedTables(md, n, heading, src, lines)...)
		case *ast.Blockquote:
			p.tables = append(p.tables, nestedTables(md, n, heading, src, lines)...)
		case *ast.HTMLBlock:
			// Docs components (<Note>, <Tip>, <aside>) hold prose too.
			if t := htmlBlockText(n, src); t != "" {
				p.passages = append(p.passages, Passage{lines.of(blockStart(n)), t})
			}
		}
		prev = n
	}
	return p
}

// readTables reads a goldmark table as the tables a reader sees in it,
// titled by a line glued above it (the last line of prev, the block before
// it) and by heading, the text of the last heading.
func readTables(md parser.Parser, t *east.Table, prev ast.Node, heading string, src []byte, lines lineIndex) []table {
	var titles []string
	if glued := gluedLine(t, prev, src); glued != "" {
		titles = append(titles, glued)
	}
	if heading != "" {
		titles = append(titles, heading)
	}
	return widen(md, splitTable(readTable(t, titles, src, lines)))
}

// nestedTables returns the tables inside the list items and block quotes
// of n, in page order. A table right under a list item's text, with no
// blank line, is lazy continuation text of that item, so GFM reads it
// inside the item; block quotes hold tables too. Their prose stays the
// passages parsePage reads, without the tables' text (see appendText).
func nestedTables(md parser.Parser, n ast.Node, heading string, src []byte, lines lineIndex) []table {
	var out []table
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *east.Table:
			out = append(out, readTables(md, c, c.PreviousSibling(), heading, src, lines)...)
		case *ast.List, *ast.ListItem, *ast.Blockquote:
			out = append(out, nestedTables(md, c, heading, src, lines)...)
		}
	}
	return out
}

// readTable turns a goldmark table into one table, boundaries as GFM drew
// them.
func readTable(t *east.Table, titles []string, src []byte, lines lineIndex) table {
	// The rows slice is sized once: all rows but the header.
	out := table{headings: titles, rows: make([]row, 0, max(t.ChildCount()-1, 0))}
	// One copy of the table's source, from its first row to the end of
	// its last, holds the rows' lines, and one slice their cells: a
	// table costs two allocations for its text, not two per row.
	span, spanStart := tableSpan(t, src)
	ncells := 0
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		if cr, ok := r.(cellRow); ok {
			ncells += len(cr.rowCells())
		} else {
			ncells += r.ChildCount()
		}
	}
	arena := make([]string, 0, ncells)
	lineNo := 0 // the line of the last row
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		pos := blockStart(r)
		lineNo = lines.next(lineNo, pos)
		// The row's own text: a table in a block quote or a list item
		// starts after the line's "> " or indentation. One copy of it
		// holds the row's raw text and its plain cells.
		raw := restOfLine(src, pos)
		var line string
		if pos >= spanStart && pos+len(raw) <= spanStart+len(span) {
			line = span[pos-spanStart : pos-spanStart+len(raw)]
		} else {
			line = string(raw)
		}
		first := len(arena)
		if cr, ok := r.(cellRow); ok {
			for _, c := range cr.rowCells() {
				arena = append(arena, c.text(src, pos, line))
			}
		} else {
			// A row of goldmark's own GFM tables: its cells are its
			// children.
			for c := r.FirstChild(); c != nil; c = c.NextSibling() {
				arena = append(arena, cellText(c, src, pos, line))
			}
		}
		cells := arena[first:len(arena):len(arena)]
		if r.Kind() == east.KindTableHeader {
			out.line, out.header = lineNo, cells
			continue
		}
		if len(out.rows) > MaxRows {
			break // Read refuses the page: no need to read more
		}
		rawCells, delimited := rowShape(raw)
		out.rows = append(out.rows, row{
			line:         lineNo,
			cells:        cells,
			rawCells:     rawCells,
			delimited:    delimited,
			delimiterRow: delimiterCells(raw) > 0,
			raw:          strings.TrimSpace(line),
		})
	}
	return out
}

// tableSpan returns a copy of the source of t from its first row's start
// to its last row's line end, and the offset it starts at; "" and -1 when
// a row has no position.
func tableSpan(t *east.Table, src []byte) (span string, start int) {
	first, last := t.FirstChild(), t.LastChild()
	if first == nil {
		return "", -1
	}
	start, end := blockStart(first), blockStart(last)
	if start < 0 || end < start || end > len(src) {
		return "", -1
	}
	end += len(restOfLine(src, end))
	return string(src[start:end]), start
}

// cellText is inlineText(c, src) for a table cell c of the source line
// that starts at offset off and holds line: a cell of one run of plain
// text inside the line is cut from line rather than copied from src, so
// that a row costs one copy, not one per cell.
func cellText(c ast.Node, src []byte, off int, line string) string {
	if t, ok := c.FirstChild().(*ast.Text); ok && t.NextSibling() == nil && !t.SoftLineBreak() && !t.HardLineBreak() {
		if seg := t.Segment; seg.Padding == 0 && off >= 0 && seg.Start >= off && seg.Start <= seg.Stop && seg.Stop <= off+len(line) {
			if v := line[seg.Start-off : seg.Stop-off]; strings.IndexByte(v, '\\') < 0 && strings.IndexByte(v, '&') < 0 {
				return cleanText(v)
			}
		}
	}
	if cs, ok := c.FirstChild().(*ast.CodeSpan); ok && cs.NextSibling() == nil {
		// A cell of one code span ("`field_1`", "`429`"): its text as is,
		// cut from line, when one run of text with no backslash, so no
		// "\|", holds it (see appendText).
		if t, ok := cs.FirstChild().(*ast.Text); ok && t.NextSibling() == nil {
			if seg := t.Segment; seg.Padding == 0 && off >= 0 && seg.Start >= off && seg.Start <= seg.Stop && seg.Stop <= off+len(line) {
				if v := line[seg.Start-off : seg.Stop-off]; strings.IndexByte(v, '\\') < 0 {
					return cleanText(v)
				}
			}
		}
	}
	if lines := c.Lines(); lines != nil && lines.Len() == 1 {
		seg := lines.At(0)
		return inlineTextSized(c, src, seg.Len())
	}
	return inlineText(c, src)
}

// gluedLine returns the last line of a paragraph that runs straight into
// the table: scraped pages lose their "#" and leave the heading glued on.
//
// A list item of a tight list holds a text block rather than a paragraph.
// A line without a letter or digit (the "}" that closes a JSON example)
// titles nothing.
func gluedLine(t *east.Table, prev ast.Node, src []byte) string {
	switch prev.(type) {
	case *ast.Paragraph, *ast.TextBlock:
	default:
		return ""
	}
	lines := prev.Lines()
	if t.HasBlankPreviousLines() || lines.Len() == 0 {
		return ""
	}
	last := lines.At(lines.Len() - 1)
	text := cleanText(string(last.Value(src)))
	if !strings.ContainsFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return ""
	}
	return text
}

// blockStart returns the byte offset a block starts at, or -1.
func blockStart(n ast.Node) int {
	if pos := n.Pos(); pos >= 0 {
		return pos
	}
	if lines := n.Lines(); lines != nil && lines.Len() > 0 {
		return lines.At(0).Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if pos := blockStart(c); pos >= 0 {
			return pos
		}
	}
	return -1
}

// rowShape returns rowCells(line) and whether the line holds a cell
// delimiter, an unescaped "|" or a tab between its cells, from one count
// of its pipes: readTable asks both of every row.
func rowShape(line []byte) (cells int, delimited bool) {
	trimmed := bytes.TrimSpace(line)
	pipes := countPipes(trimmed)
	if pipes == 0 && bytes.IndexByte(trimmed, '\t') >= 0 {
		return bytes.Count(trimmed, []byte("\t")) + 1, true
	}
	return cellsOf(trimmed, pipes), pipes > 0
}

// countPipes counts the unescaped "|" in a line.
func countPipes(line []byte) int {
	n := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '|':
			n++
		}
	}
	return n
}

// rowCells returns how many cells a table line holds: split by pipes, or
// by tabs in a line without pipes (a copied HTML table; see tabTables).
func rowCells(line []byte) int {
	if trimmed := bytes.TrimSpace(line); countPipes(trimmed) == 0 && bytes.IndexByte(trimmed, '\t') >= 0 {
		return bytes.Count(trimmed, []byte("\t")) + 1
	}
	return countCells(line)
}

// countCells returns how many cells a table line holds, as GFM splits it:
// unescaped pipes separate cells, and a leading or trailing pipe only
// closes the row.
func countCells(line []byte) int {
	line = bytes.TrimSpace(line)
	return cellsOf(line, countPipes(line))
}

// cellsOf is countCells of a trimmed line holding pipes unescaped pipes.
func cellsOf(line []byte, pipes int) int {
	if len(line) == 0 {
		return 0
	}
	n := pipes + 1
	if line[0] == '|' {
		n--
	}
	if len(line) > 1 && line[len(line)-1] == '|' && line[len(line)-2] != '\\' {
		n--
	}
	return max(n, 1)
}
