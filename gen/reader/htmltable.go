package reader

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

// htmlTableStart returns the offset of the first <table> start tag in an
// HTML block: at its start, or after wrapper tags such as <div
// class="table-wrapper">, on the same line or a later one. The block is
// tokenized rather than searched for "<table", so that a "<table" inside
// a comment or an attribute value does not start a table that would run
// to the end of the page.
func htmlTableStart(n ast.Node, src []byte) (int, bool) {
	b, ok := n.(*ast.HTMLBlock)
	if !ok || b.Lines().Len() == 0 {
		return 0, false
	}
	start := b.Lines().At(0).Start
	end := b.Lines().At(b.Lines().Len() - 1).Stop
	if start < 0 || end > len(src) || start >= end || !bytes.Contains(bytes.ToLower(src[start:end]), []byte("<table")) {
		return 0, false
	}
	z := html.NewTokenizer(bytes.NewReader(src[start:end]))
	off := start
	for {
		tt := z.Next()
		tokStart := off
		off += len(z.Raw()) // before TagName, which rewrites the buffer
		switch tt {
		case html.ErrorToken:
			return 0, false
		case html.StartTagToken:
			if name, _ := z.TagName(); string(name) == "table" {
				return tokStart, true
			}
		}
	}
}

// Bounds on what one call of htmlTables builds, so that a hostile page
// cannot make the reader allocate without limit. The span limits are the
// HTML standard's own (it clamps larger values to them); the others are
// ours, far beyond any real error table.
const (
	maxColspan      = 1000    // HTML: colspan is clamped to 1000
	maxRowspan      = 65534   // HTML: rowspan is clamped to 65534
	maxColumns      = 1000    // grid columns per table; cells beyond are dropped
	maxGridCells    = 100_000 // grid cells (header and rows) over all tables of one call; see budget
	maxTableNesting = 8       // tables deeper than this are read as text of their cell
	maxRawLen       = 200     // bytes of a row's raw text
)

// htmlTables reads the HTML table starting at src[start:] (and any table
// nested in it) and returns it with the offset just past its </table>.
// heading is the text of the last Markdown heading above it.
//
// It tokenizes the source itself, from start, rather than reading
// goldmark's blocks: a blank line inside a table splits it into several
// HTML blocks and paragraphs, and only the source still holds it whole.
// Offsets are kept by summing the raw length of every token, so each row
// knows its line. Reading stops at the </table> that closes the first
// table (tables are counted, so a nested </table> does not end it), or at
// the end of input for an unterminated table. When other tables follow in
// the same HTML block (only tags and white space between them, no blank
// line), they are read too: goldmark would otherwise hand them to the hook
// as part of a block it already skips.
//
// The tables come back in the order their <table> tags appear; a nested
// table is a table of its own (see htmlReader.openTable) and tables that
// have neither header nor rows are dropped. A source that does not start
// with a <table> tag gives no tables and the offset start.
func htmlTables(src []byte, start int, lines lineIndex, heading string) ([]table, int) {
	if start < 0 || start >= len(src) {
		return nil, start
	}
	r := &htmlReader{
		z:       html.NewTokenizer(bytes.NewReader(src[start:])),
		off:     start,
		lines:   lines,
		heading: heading,
		srcLen:  len(src),
		begin:   start,
	}
	end := r.read()
	var out []table
	for _, t := range r.done {
		if t != nil && (len(t.header) > 0 || len(t.rows) > 0) {
			out = append(out, *t)
		}
	}
	return out, end
}

// htmlReader is the state of one htmlTables call: the tokenizer, where it
// is in the source, and the tables open and done.
type htmlReader struct {
	z       *html.Tokenizer
	off     int // source offset of the next token
	lines   lineIndex
	heading string
	srcLen  int // the end of input
	begin   int // where the read began
	spent   int // grid cells of the tables finished

	open []*tableBuilder // the tables being read, innermost last
	done []*table        // every table, in the order its <table> opened
	flat int             // tables open beyond maxTableNesting, read as text
	skip string          // a raw-text element (script, style) whose text is not cell text
}

// read tokenizes until the first table, and the tables that follow it in
// the same HTML block, are closed, and returns the offset just past the
// last </table> read, or the end of input for an unterminated table.
func (r *htmlReader) read() int {
	first := true
	end := r.off
	for {
		tokStart := r.off
		tt := r.z.Next()
		// Raw must be measured before Text or TagName, which rewrite the
		// tokenizer's buffer in place (entities, case, line ends).
		r.off += len(r.z.Raw())
		if tt == html.ErrorToken {
			// The input is over (io.EOF; a bytes.Reader gives no other
			// error): an unterminated table ends with it.
			if len(r.open) > 0 {
				r.closeAll()
				return r.srcLen
			}
			return end
		}
		if len(r.open) == 0 {
			// Between tables: only another <table> in the same HTML block
			// continues the read.
			if !r.between(tt, first, tokStart) {
				return end
			}
			first = false
			continue
		}
		r.token(tt, tokStart)
		if len(r.open) == 0 {
			end = r.off
		}
	}
}

// between handles a token outside any table and reports whether reading
// goes on: a <table> start tag opens a table; tags, comments and white
// space without a blank line go on (wrappers such as </div><div>); text or
// a blank line ends the HTML block, and with it the read. The very first
// token must be the <table> that htmlTableStart found.
func (r *htmlReader) between(tt html.TokenType, first bool, tokStart int) bool {
	switch tt {
	case html.StartTagToken:
		name, _ := r.z.TagName()
		if string(name) == "table" {
			r.openTable(r.lines.of(tokStart))
			return true
		}
		return !first
	case html.EndTagToken, html.SelfClosingTagToken, html.CommentToken:
		return !first
	case html.TextToken:
		text := r.z.Text()
		return !first && len(bytes.TrimSpace(text)) == 0 && !hasBlankLine(text)
	}
	return false
}

// hasBlankLine reports whether white space s holds an empty line, which
// ends an HTML block in CommonMark.
func hasBlankLine(s []byte) bool {
	nl := 0
	for _, c := range s {
		switch c {
		case '\n':
			nl++
			if nl == 2 {
				return true
			}
		case ' ', '\t', '\r', '\f':
		default:
			nl = 0
		}
	}
	return false
}

// token handles one token inside a table.
func (r *htmlReader) token(tt html.TokenType, tokStart int) {
	t := r.open[len(r.open)-1]
	switch tt {
	case html.TextToken:
		if r.skip != "" {
			return
		}
		t.text(r.z.Text())
	case html.StartTagToken, html.SelfClosingTagToken:
		name, hasAttr := r.z.TagName()
		r.startTag(t, string(name), hasAttr, tt == html.SelfClosingTagToken, tokStart)
	case html.EndTagToken:
		name, _ := r.z.TagName()
		r.endTag(t, string(name))
	}
	// Comments and doctypes say nothing a reader sees.
}

// startTag handles a start (or self-closing) tag inside a table.
func (r *htmlReader) startTag(t *tableBuilder, name string, hasAttr, selfClosing bool, tokStart int) {
	if r.skip != "" {
		return
	}
	switch name {
	case "script", "style":
		// Their text is code, never cell text. The tokenizer reads them
		// as raw text up to their end tag, so no tag inside counts.
		if !selfClosing {
			r.skip = name
		}
		return
	}
	if r.flat > 0 {
		// Inside a table too deep to read as one: its structure is text.
		if name == "table" && !selfClosing {
			r.flat++
		}
		t.space()
		return
	}
	switch name {
	case "table":
		if selfClosing {
			return
		}
		if len(r.open) >= maxTableNesting {
			r.flat++
			t.space()
			return
		}
		r.openTable(r.lines.of(tokStart))
	case "caption":
		t.endRow(r)
		t.inCaption = !selfClosing
	case "thead", "tbody", "tfoot":
		// Row groups: rowspans do not reach across them.
		t.endRow(r)
		t.inCaption = false
		t.inHead = name == "thead" && !selfClosing
		clear(t.carry)
	case "tr":
		t.endRow(r)
		t.inCaption = false
		t.startRow(r.lines.of(tokStart))
	case "td", "th":
		t.endCell()
		t.inCaption = false
		if !t.inRow {
			// A cell without <tr>: browsers open the row for it.
			t.startRow(r.lines.of(tokStart))
		}
		colspan, rowspan := 1, 1
		for hasAttr {
			var key, val []byte
			key, val, hasAttr = r.z.TagAttr()
			switch string(key) {
			case "colspan":
				colspan = spanValue(val, 1, maxColspan)
			case "rowspan":
				rowspan = spanValue(val, 0, maxRowspan)
			}
		}
		// The text buffer is reused from cell to cell: cleanText copies
		// out of it.
		t.cell = htmlCell{text: t.cell.text[:0], colspan: colspan, rowspan: rowspan, th: name == "th"}
		t.inCell = true
		if selfClosing {
			t.endCell()
		}
	case "code", "pre", "kbd", "samp", "tt":
		t.code++
		if selfClosing {
			t.code--
		}
	default:
		if !inlineTag[name] {
			// <br>, <p>, <div>, <li> and unknown components end a line
			// of text: a space keeps the words apart.
			t.space()
		}
	}
}

// endTag handles an end tag inside a table.
func (r *htmlReader) endTag(t *tableBuilder, name string) {
	if r.skip != "" {
		if name == r.skip {
			r.skip = ""
		}
		return
	}
	if r.flat > 0 {
		if name == "table" {
			r.flat--
		}
		t.space()
		return
	}
	switch name {
	case "table":
		r.closeTable()
	case "caption":
		t.inCaption = false
	case "thead", "tbody", "tfoot":
		t.endRow(r)
		t.inHead = false
		clear(t.carry)
	case "tr":
		t.endRow(r)
	case "td", "th":
		t.endCell()
	case "code", "pre", "kbd", "samp", "tt":
		t.code = max(t.code-1, 0)
	default:
		if !inlineTag[name] {
			t.space()
		}
	}
}

// budget returns how many more grid cells the tables being read may hold:
// no more than maxGridCells in all, and no more than one per byte read so
// far. The second bound keeps a page of many small tables with huge
// colspans linear in its size (a page holds at most MaxPageSize bytes),
// and never binds a real table, where a cell takes several bytes of tags.
// Only finished tables are counted as spent, so tables open at once
// (nested) may each hold up to the budget: maxTableNesting of them.
func (r *htmlReader) budget() int {
	return min(maxGridCells, r.off-r.begin) - r.spent
}

// openTable starts a table, keeping its place in document order. A nested
// table is a table of its own rather than text of its cell: a layout table
// wrapping the error table, or a cell holding a table of sub-codes, keeps
// its rows, and the chooser decides between them. Its text is not also
// copied into the enclosing cell, so no code is read twice.
func (r *htmlReader) openTable(line int) {
	b := &tableBuilder{r: r, slot: len(r.done), line: line}
	r.done = append(r.done, nil)
	r.open = append(r.open, b)
}

// closeTable finishes the innermost open table.
func (r *htmlReader) closeTable() {
	b := r.open[len(r.open)-1]
	r.open = r.open[:len(r.open)-1]
	t := b.finish(r)
	r.done[b.slot] = &t
}

// closeAll finishes every open table at the end of input.
func (r *htmlReader) closeAll() {
	r.flat = 0
	for len(r.open) > 0 {
		r.closeTable()
	}
}

// inlineTag lists the tags that sit inside a line of text: they add no
// space, so "<strong>4</strong>04" stays "404". Every other tag inside a
// cell separates words.
var inlineTag = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "cite": true, "data": true,
	"del": true, "dfn": true, "em": true, "font": true, "i": true, "ins": true, "mark": true,
	"q": true, "s": true, "small": true, "span": true, "strike": true, "strong": true,
	"sub": true, "sup": true, "time": true, "u": true, "var": true,
}

// spanValue reads a colspan or rowspan value as HTML does: leading white
// space, digits, anything after ignored; clamped to hi; def when there are
// no digits; 0 is 1 when lo is 1 (colspan), and kept when lo is 0 (rowspan
// 0 means "to the end of the row group"). JSX writes colSpan={2}, so
// braces and quotes around the number are dropped too.
func spanValue(val []byte, lo, hi int) int {
	val = bytes.TrimSpace(val)
	val = bytes.TrimPrefix(val, []byte("{"))
	val = bytes.Trim(val, "\"'` +")
	n, digits := 0, 0
	for _, c := range val {
		if c < '0' || c > '9' {
			break
		}
		digits++
		if n <= hi {
			n = n*10 + int(c-'0')
		}
	}
	switch {
	case digits == 0:
		return 1
	case n > hi:
		return hi
	case n == 0 && lo > 0:
		return 1
	}
	return n
}

// htmlCell is a cell being read.
type htmlCell struct {
	text             []byte
	colspan, rowspan int // rowspan 0: to the end of the row group
	th               bool
}

// span is a rowspan reaching into the rows below: the text to repeat and
// how many more rows it covers.
type span struct {
	text string
	left int
}

// tableBuilder is one table being read: its rows as a grid, one cell per
// column, spans expanded.
type tableBuilder struct {
	r         *htmlReader // for the budget
	slot      int         // index in htmlReader.done
	line      int         // line of the <table> tag, for a table without a header row
	caption   []byte
	inCaption bool
	inHead    bool // inside <thead>
	code      int  // depth of <code>-like elements: backticks there are text

	grid  []gridRow
	carry []span // by column: rowspans from the rows above
	width int    // columns of the widest row

	inRow  bool
	cur    gridRow
	col    int      // the next free column of the current row
	cell   htmlCell // the open cell, when inCell
	inCell bool
	cutOff bool // the cell budget ran out: later rows are neither built nor kept
}

// gridRow is one row of the grid.
type gridRow struct {
	line  int
	cells []string
	own   []string // the texts of the row's own cells, for raw
	slots int      // columns the row's own cells and the rowspans into it cover
	head  bool     // in <thead>
	allTH bool     // every own cell is a <th>
}

// text adds character data: to the open cell, the caption, or nowhere
// (text between cells is dropped, as browsers move it out of the table).
func (t *tableBuilder) text(s []byte) {
	switch {
	case t.inCell:
		t.cell.text = appendCellText(t.cell.text, s, t.code > 0)
	case t.inCaption:
		t.caption = appendCellText(t.caption, s, t.code > 0)
	}
}

// space separates words in the open cell or caption.
func (t *tableBuilder) space() {
	switch {
	case t.inCell:
		t.cell.text = append(t.cell.text, ' ')
	case t.inCaption:
		t.caption = append(t.caption, ' ')
	}
}

// appendCellText appends decoded text to b, reading the JSX text expressions of
// MDX ({' '}, {" "}) as the space they stand for, and dropping the
// backticks of Markdown code spans that MDX leaves in HTML cells (`404`),
// except inside <code>, where a backtick is literal.
func appendCellText(b, s []byte, inCode bool) []byte {
	if bytes.IndexByte(s, '{') < 0 && (inCode || bytes.IndexByte(s, '`') < 0) {
		return append(b, s...) // the common case, at once
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '{':
			if n := jsxSpace(s[i:]); n > 0 {
				b = append(b, ' ')
				i += n - 1
				continue
			}
			b = append(b, c)
		case c == '`' && !inCode:
			// Dropped.
		default:
			b = append(b, c)
		}
	}
	return b
}

// jsxSpace returns the length of a JSX expression holding only a string
// of white space at the start of s ({' '}, {" "}, { "\n" }), or 0.
func jsxSpace(s []byte) int {
	i := 1
	skip := func() {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			i++
		}
	}
	skip()
	if i >= len(s) || (s[i] != '\'' && s[i] != '"' && s[i] != '`') {
		return 0
	}
	quote := s[i]
	i++
	for i < len(s) && s[i] != quote {
		switch {
		case s[i] == ' ' || s[i] == '\t':
			i++
		case s[i] == '\\' && i+1 < len(s) && (s[i+1] == 'n' || s[i+1] == 't'):
			i += 2
		default:
			return 0
		}
	}
	if i >= len(s) {
		return 0
	}
	i++
	skip()
	if i >= len(s) || s[i] != '}' {
		return 0
	}
	return i + 1
}

// unwrapEmphasis drops Markdown emphasis wrapping a whole cell
// ("**404**"): a blank line inside an HTML cell makes its content Markdown,
// and GitHub READMEs write cells that way. Emphasis inside the text is
// left alone; only a code cell needs to read as bare.
func unwrapEmphasis(s string) string {
	for _, m := range []string{"**", "__", "*", "_"} {
		if len(s) > 2*len(m) && strings.HasPrefix(s, m) && strings.HasSuffix(s, m) {
			return strings.TrimSpace(s[len(m) : len(s)-len(m)])
		}
	}
	return s
}

// startRow begins a grid row at the given line.
func (t *tableBuilder) startRow(line int) {
	t.inRow = true
	// Most rows are as wide as those before: one allocation each.
	t.cur = gridRow{line: line, head: t.inHead, allTH: true, cells: make([]string, 0, t.width), own: make([]string, 0, t.width)}
	t.col = 0
}

// skipCarried fills the columns that rowspans from above hold, from the
// current column on, so that the next own cell lands in a free column.
func (t *tableBuilder) skipCarried() {
	for t.col < len(t.carry) && t.carry[t.col].left > 0 {
		t.carryInto(t.col)
		t.col++
	}
}

// carryInto repeats the rowspan of column c into the current row.
func (t *tableBuilder) carryInto(c int) {
	sp := &t.carry[c]
	t.put(c, sp.text)
	t.cur.slots = max(t.cur.slots, c+1)
	sp.left--
}

// put sets column c of the current row, growing it as needed.
func (t *tableBuilder) put(c int, s string) {
	for len(t.cur.cells) <= c {
		t.cur.cells = append(t.cur.cells, "")
	}
	t.cur.cells[c] = s
}

// endCell places the open cell into the grid. A colspan puts the text in
// the first column it covers and leaves the others empty, as GFM leaves a
// missing cell: repeating it would put a group title ("Client errors",
// spanning all columns) into the code column too, and a description
// spanning two columns into the name. A rowspan repeats the text in the
// rows below, so each row of a group carries its group's code or name.
func (t *tableBuilder) endCell() {
	if !t.inCell {
		return
	}
	c := &t.cell
	t.inCell = false
	if t.cutOff {
		return
	}
	t.skipCarried()
	// Check the budget before a colspan is spread: a row too wide for it
	// would be dropped by endRow anyway, and building it first would cost
	// up to maxColumns steps per cell of a hostile table.
	wide := max(t.width, t.col+min(c.colspan, maxColumns-t.col))
	if wide*(len(t.grid)+1) > t.r.budget() {
		t.cutOff = true
		return
	}
	text := unwrapEmphasis(cleanText(string(c.text)))
	if len(t.cur.own) < maxColumns {
		t.cur.own = append(t.cur.own, text)
	}
	t.cur.allTH = t.cur.allTH && c.th
	for k := 0; k < c.colspan && t.col < maxColumns; k++ {
		s := ""
		if k == 0 {
			s = text
		}
		t.put(t.col, s)
		if c.rowspan != 1 {
			for len(t.carry) <= t.col {
				t.carry = append(t.carry, span{})
			}
		}
		if t.col < len(t.carry) {
			// A cell overlapping a rowspan from above (an authoring
			// error) replaces it, as the later cell wins in browsers.
			left := c.rowspan - 1
			if c.rowspan == 0 {
				left = maxRowspan // to the end of the row group, cleared there
			}
			t.carry[t.col] = span{text: s, left: left}
		}
		t.col++
		t.cur.slots = t.col
	}
}

// endRow closes the open cell and row and adds the row to the grid, within
// the budget.
func (t *tableBuilder) endRow(r *htmlReader) {
	t.endCell()
	if !t.inRow {
		return
	}
	t.inRow = false
	if t.cutOff {
		// Rows after the budget ran out are not built: spreading the
		// rowspans into them would cost up to maxColumns steps per <tr>.
		t.cur = gridRow{}
		return
	}
	// Rowspans from above into the columns after the row's last own cell.
	for c := t.col; c < len(t.carry); c++ {
		if t.carry[c].left > 0 {
			t.carryInto(c)
		}
	}
	row := t.cur
	t.cur = gridRow{}
	if len(row.own) == 0 && row.slots == 0 {
		return // <tr></tr>: no row to a reader
	}
	width := max(t.width, len(row.cells))
	if left := r.budget(); t.cutOff || width > left || len(t.grid)*width > left-width {
		t.cutOff = true
		return
	}
	t.width = width
	t.grid = append(t.grid, row)
}

// finish turns the grid into a table: the header row found, every row
// padded to the table's width, and the cells spent taken from the budget.
func (t *tableBuilder) finish(r *htmlReader) table {
	t.endRow(r)
	out := table{line: t.line}
	if c := cleanText(string(t.caption)); c != "" {
		out.headings = append(out.headings, c)
	}
	if r.heading != "" {
		out.headings = append(out.headings, r.heading)
	}
	// Rows were let in against the budget as the table grew; it may since
	// have grown wider, or nested tables spent cells. The header, found
	// or made, costs a row too.
	fit := r.budget()/max(t.width, 1) - 1
	if t.width == 0 || fit < 0 {
		return out
	}
	head, body := splitHeader(t.grid)
	body = body[:min(len(body), fit)]
	r.spent += (len(body) + 1) * t.width
	out.header = make([]string, t.width)
	if head >= 0 {
		out.line = t.grid[head].line
		// The last header row, its empty cells filled from the header
		// rows above: a cell spanning both rows is there already by its
		// rowspan, and a group title over sub-headers stays above them.
		for i := head; i >= 0; i-- {
			for c, s := range t.grid[i].cells {
				if out.header[c] == "" {
					out.header[c] = s
				}
			}
		}
	}
	// Without a header row, the header stays empty, of the table's width:
	// rows and header stay comparable (rows.go counts cells against it),
	// and the chooser reports a table with no header words.
	for _, g := range body {
		for len(g.cells) < t.width {
			g.cells = append(g.cells, "")
		}
		out.rows = append(out.rows, row{
			line:      g.line,
			cells:     g.cells,
			rawCells:  g.slots,
			delimited: true,
			raw:       rawText(g.own),
		})
	}
	return out
}

// splitHeader finds the header row of a grid and returns its index (-1
// for none) and the body rows. The header is the last <thead> row (see
// finish for the rows above it); a <thead> row holding a status is data,
// from a <thead> left open. Without <thead>, the first row is the header
// when all its cells are <th>, or when it reads as one: some cell filled
// and none a status code, so that a table whose first row is already data
// keeps it.
func splitHeader(grid []gridRow) (int, []gridRow) {
	if len(grid) == 0 {
		return -1, nil
	}
	heads := 0
	for heads < len(grid) && grid[heads].head && (grid[heads].allTH || readsAsHeader(grid[heads].cells)) {
		heads++
	}
	if heads > 0 {
		return heads - 1, grid[heads:]
	}
	first := grid[0]
	if first.allTH || readsAsHeader(first.cells) {
		return 0, grid[1:]
	}
	return -1, grid
}

// readsAsHeader reports whether a row with no <th> can be a header: it
// has text, and no cell is a status, which only data rows hold.
func readsAsHeader(cells []string) bool {
	if filledCells(cells) == 0 {
		return false
	}
	for _, c := range cells {
		if statusLike(c) {
			return false
		}
	}
	return true
}

// rawText is the short text of a row that row.raw holds: its own cells
// joined as a Markdown row would be, cut to maxRawLen bytes on a rune
// boundary.
func rawText(cells []string) string {
	s := strings.Join(cells, " | ")
	if len(s) <= maxRawLen {
		return s
	}
	cut := maxRawLen
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
