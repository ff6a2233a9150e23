package reader

import (
	"bytes"
	"fmt"
	"github.com/errtable/errtable/spec"
	"html"
	"regexp"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
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
}

// table is one table as a reader sees it. GFM's boundaries are weaker than
// a reader's: goldmark's one table can hold several of these (see
// splitTable).
type table struct {
	line     int      // line of the header row
	headings []string // titles above the table, nearest first: a glued line, a caption row, the last heading
	header   []string // plain text of the header cells
	rows     []row
	// glued holds, for a table GFM glued onto the one above it, the source
	// lines of its header and delimiter rows: GFM cut its cells to the
	// width of the table above, so widen reads them again.
	glued []string
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

// mdParser is goldmark with GitHub's tables, the only extension of
// goldmark's that changes what we read, and ours for the tables GFM misses
// (see tolerantTables). It is safe for concurrent use.
var mdParser = goldmark.New(goldmark.WithExtensions(extension.Table, tolerantTables{})).Parser()

// parsePage parses Markdown source into a page.
func parsePage(src []byte) *page {
	lines := newLineIndex(src)
	doc := mdParser.Parse(text.NewReader(src))
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
		case *east.Table:
			p.tables = append(p.tables, readTables(n, prev, heading, src, lines)...)
		case *ast.Paragraph:
			p.passages = append(p.passages, Passage{lines.of(blockStart(n)), inlineText(n, src)})
		case *ast.List:
			for item := n.FirstChild(); item != nil; item = item.NextSibling() {
				p.passages = append(p.passages, Passage{lines.of(blockStart(item)), inlineText(item, src)})
			}
			p.tables = append(p.tables, nestedTables(n, heading, src, lines)...)
		case *ast.Blockquote:
			p.tables = append(p.tables, nestedTables(n, heading, src, lines)...)
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
func readTables(t *east.Table, prev ast.Node, heading string, src []byte, lines lineIndex) []table {
	var titles []string
	if glued := gluedLine(t, prev, src); glued != "" {
		titles = append(titles, glued)
	}
	if heading != "" {
		titles = append(titles, heading)
	}
	return widen(splitTable(readTable(t, titles, src, lines)))
}

// nestedTables returns the tables inside the list items and block quotes
// of n, in page order. A table right under a list item's text, with no
// blank line, is lazy continuation text of that item, so GFM reads it
// inside the item; block quotes hold tables too. Their prose stays the
// passages parsePage reads, without the tables' text (see appendText).
func nestedTables(n ast.Node, heading string, src []byte, lines lineIndex) []table {
	var out []table
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *east.Table:
			out = append(out, readTables(c, c.PreviousSibling(), heading, src, lines)...)
		case *ast.List, *ast.ListItem, *ast.Blockquote:
			out = append(out, nestedTables(c, heading, src, lines)...)
		}
	}
	return out
}

// readTable turns a goldmark table into one table, boundaries as GFM drew
// them.
func readTable(t *east.Table, titles []string, src []byte, lines lineIndex) table {
	out := table{headings: titles}
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []string
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, inlineText(c, src))
		}
		pos := blockStart(r)
		if _, ok := r.(*east.TableHeader); ok {
			out.line, out.header = lines.of(pos), cells
			continue
		}
		// The row's own text: a table in a block quote or a list item
		// starts after the line's "> " or indentation.
		raw := restOfLine(src, pos)
		out.rows = append(out.rows, row{
			line:         lines.of(pos),
			cells:        cells,
			rawCells:     rowCells(raw),
			delimited:    hasCellDelimiter(raw),
			delimiterRow: delimiterCells(raw) > 0,
			raw:          strings.TrimSpace(string(raw)),
		})
	}
	return out
}

// splitTable cuts one GFM table where a reader sees several: a header and
// delimiter row repeated inside the body start a new table; a line with no
// cell delimiter (prose that GFM swallowed) ends the table, and rows after
// it form a new table under the same header, titled by that line, unless
// the line continues the row above it (see continuesCell). A caption row
// (one filled cell) above the real header is recognised.
func splitTable(t table) []table {
	var out []table
	t = withCaption(t)
	cur := t
	cur.rows = nil
	emit := func(next table) {
		if len(cur.rows) > 0 {
			out = append(out, cur)
		} else if caption := captionOf(cur); caption != "" {
			// A caption-only table titles the one that follows.
			next.headings = append([]string{caption}, next.headings...)
		}
		cur = next
	}
	// more holds the continuation lines of cur's last row, joined into its
	// last filled cell once the row is done: joining line by line would
	// copy the cell once per line.
	var more []string
	flush := func() {
		if len(more) > 0 {
			r := &cur.rows[len(cur.rows)-1]
			i := lastFilled(r.cells)
			r.cells[i] = cleanText(r.cells[i] + " " + strings.Join(more, " "))
			more = more[:0]
		}
	}
	for i, r := range t.rows {
		if wrapped(r) && len(cur.rows) > 0 {
			last := cur.rows[len(cur.rows)-1]
			if cell := lastFilled(last.cells); cell >= 0 {
				above := last.cells[cell]
				if len(more) > 0 {
					above = more[len(more)-1]
				}
				if continuesCell(above, r, t.rows[i+1:]) {
					more = append(more, strings.Join(r.cells, " "))
					continue
				}
			}
		}
		flush()
		switch {
		case r.delimiterRow && len(cur.rows) > 0:
			last := cur.rows[len(cur.rows)-1]
			cur.rows = cur.rows[:len(cur.rows)-1]
			emit(table{line: last.line, header: last.cells, glued: []string{last.raw, r.raw}})
		case !r.delimited && !isCodeCell(r.raw):
			emit(table{line: r.line, header: cur.header, headings: []string{r.raw}})
		case r.delimiterRow:
			// A second delimiter right under the header: nothing to read.
		default:
			cur.rows = append(cur.rows, r)
		}
	}
	flush()
	emit(table{})
	return out
}

// wrapped reports whether a row may be the wrapped end of the row above
// it: a line with no cell delimiter, or only the pipe that closes the row
// ("is out of range |"), and no code on its own, which is a row of its own.
func wrapped(r row) bool {
	if r.delimited && (r.rawCells != 1 || strings.HasPrefix(r.raw, "|")) {
		return false // a row of its own; checked first, as it is cheap
	}
	return !isCodeCell(r.raw)
}

// maxTitleWords bounds a line that titles the rows after it ("Server
// errors", "Authentication"): a longer line is a sentence.
const maxTitleWords = 6

// continuesCell reports whether a wrapped line (see wrapped) continues the
// text above it (the last filled cell of the row above, or the last line
// continuing it), as hand-wrapped sources and scrapers write a long
// description, rather than ending the table. A line starting in lower case
// continues the text. Otherwise a short line with no final period followed
// by more rows (next) titles those rows, as splitTable did before it knew
// of continuations, and a line under text that does not end a sentence
// continues it. A line ending in the pipe that closes a row continues the
// row above, whatever its text.
func continuesCell(above string, line row, next []row) bool {
	text := line.raw
	if text == "" {
		return false
	}
	if c := text[0]; 'a' <= c && c <= 'z' {
		return true
	}
	if line.delimited && strings.HasSuffix(text, "|") {
		return true // it closes the row above, which has no closing pipe
	}
	if titleLike(text) && len(next) > 0 && next[0].delimited {
		return false
	}
	return !endsClause(above)
}

// titleLike reports whether a line reads as a title: a few words, no final
// period.
func titleLike(s string) bool {
	return len(strings.Fields(s)) <= maxTitleWords && !strings.HasSuffix(s, ".")
}

// endsClause reports whether text ends as a sentence or a lead-in (":")
// does, so that a line under it starts something new rather than going on
// with it.
func endsClause(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && strings.ContainsRune(".!?:", rune(s[len(s)-1]))
}

// lastFilled returns the index of the last non-empty cell, or -1.
func lastFilled(cells []string) int {
	for i := len(cells) - 1; i >= 0; i-- {
		if cells[i] != "" {
			return i
		}
	}
	return -1
}

// withCaption returns t with a caption row moved out of the header: when
// the header has one filled cell and the first body row reads like a
// header, that row is the real header and the caption titles the table.
func withCaption(t table) table {
	caption := captionOf(t)
	if caption == "" || len(t.rows) == 0 || filledCells(t.rows[0].cells) < 2 {
		return t
	}
	if roles := columnsOf(t.rows[0].cells); roles.code < 0 {
		return t
	}
	t.headings = append([]string{caption}, t.headings...)
	t.line, t.header, t.rows = t.rows[0].line, t.rows[0].cells, t.rows[1:]
	return t
}

// captionOf returns the text of a header with exactly one filled cell.
func captionOf(t table) string {
	if len(t.header) < 2 || filledCells(t.header) != 1 {
		return ""
	}
	for _, c := range t.header {
		if c != "" {
			return c
		}
	}
	return ""
}

func filledCells(cells []string) int {
	n := 0
	for _, c := range cells {
		if c != "" {
			n++
		}
	}
	return n
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

// hasCellDelimiter reports whether a table line holds an unescaped "|",
// or a tab between its cells.
func hasCellDelimiter(line []byte) bool {
	return countPipes(line) > 0 || bytes.IndexByte(bytes.TrimSpace(line), '\t') >= 0
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
	if len(line) == 0 {
		return 0
	}
	n := countPipes(line) + 1
	if line[0] == '|' {
		n--
	}
	if len(line) > 1 && line[len(line)-1] == '|' && line[len(line)-2] != '\\' {
		n--
	}
	return max(n, 1)
}

// lineIndex maps byte offsets to 1-based line numbers.
type lineIndex []int // offsets of line starts

func newLineIndex(src []byte) lineIndex {
	idx := lineIndex{0}
	for i, b := range src {
		if b == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

// of returns the line of offset off; 0 when off is unknown (negative).
func (idx lineIndex) of(off int) int {
	if off < 0 {
		return 0
	}
	lo, hi := 0, len(idx)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if idx[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1
}

// restOfLine returns the source line holding offset off from off on,
// without its line end.
func restOfLine(src []byte, off int) []byte {
	if off < 0 || off > len(src) {
		return nil
	}
	end := len(src)
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		end = off + i
	}
	return bytes.TrimSuffix(src[off:end], []byte("\r"))
}

// inlineText returns the plain text of a node: emphasis, strong, code spans
// and links reduced to their text, backslash escapes and HTML entities
// resolved, raw HTML dropped (a <br> becomes a space), and white space
// collapsed.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	appendText(&b, n, src)
	return cleanText(b.String())
}

func appendText(b *strings.Builder, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.WriteString(html.UnescapeString(unescapePunct(c.Segment.Value(src))))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			// Code is literal, but for GFM's "\|" inside table cells.
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					b.WriteString(strings.ReplaceAll(string(t.Segment.Value(src)), `\|`, "|"))
				}
			}
		case *ast.AutoLink:
			b.Write(c.URL(src))
		case *ast.RawHTML:
			b.WriteByte(' ')
		case *east.Table:
			// A table nested in a list item is read as a table, not as
			// the item's prose.
			b.WriteByte(' ')
		default:
			if c.Type() == ast.TypeBlock {
				b.WriteByte(' ')
			}
			appendText(b, c, src)
		}
	}
}

// unescapePunct resolves Markdown backslash escapes, which goldmark leaves
// in Text nodes: a backslash before ASCII punctuation stands for that
// punctuation ("\|", "\*", "\_").
func unescapePunct(s []byte) string {
	if bytes.IndexByte(s, '\\') < 0 {
		return string(s)
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isASCIIPunct(c byte) bool {
	return '!' <= c && c <= '/' || ':' <= c && c <= '@' || '[' <= c && c <= '`' || '{' <= c && c <= '~'
}

var (
	htmlTagRE     = regexp.MustCompile(`<[^>]*>`)
	templateTagRE = regexp.MustCompile(`\{%.*?%\}|\[/?block(?::[a-z]+)?\]`)
)

// htmlBlockText returns the text of an HTML block, tags removed.
func htmlBlockText(n *ast.HTMLBlock, src []byte) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
		b.WriteByte(' ')
	}
	text := htmlTagRE.ReplaceAllString(b.String(), " ")
	return cleanText(html.UnescapeString(strings.ReplaceAll(text, "`", "")))
}

// cleanText collapses runs of white space to one space and trims.
func cleanText(s string) string {
	return spec.CleanText(s)
}
