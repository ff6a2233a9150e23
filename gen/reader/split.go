package reader

import "strings"

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
	// Sized for the common table that nothing cuts: its rows, appended
	// one by one, then need no growing.
	cur.rows = make([]row, 0, len(t.rows))
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
		if len(out) > MaxTables {
			break // Read refuses the page: no need to cut more
		}
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
	if lowerWord(text) {
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

// lowerWord reports whether text starts with a word in lower case ("and
// must not", not "iOS SDK errors"): the rest of a sentence, not a title.
func lowerWord(text string) bool {
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case 'a' <= c && c <= 'z':
		case c == ' ' || c == ',' || c == '.' || c == ';' || c == ':':
			return i > 0
		default:
			return false
		}
	}
	return true
}
