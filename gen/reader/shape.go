package reader

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark/util"
)

// goldmark parses well-formed pages in linear time, but a few shapes of
// text make it slow, in time that grows with the square of their size or
// worse: tens of thousands of emphasis markers, brackets or backticks in
// one paragraph (its issue 555), thousands of lines in one paragraph (link
// reference definitions, setext headings), and lists or block quotes nested
// hundreds deep (1,500 levels take 10 s). No docs page has any of these, so
// gen refuses them before parsing, naming the line, and its running time
// stays linear in the page, whose size maxDocsSize bounds.
const (
	// maxInlineMarks bounds the * _ ` [ ] < characters of one paragraph or
	// table row; at the bound goldmark still takes milliseconds.
	maxInlineMarks = 10000
	// maxParagraphLines bounds the lines of one paragraph; table rows (lines
	// holding a |) do not count, so a table may be as long as the page.
	maxParagraphLines = 5000
	// maxNesting bounds the block quotes and list items a line opens.
	maxNesting = 32
	// maxIndent bounds a line's leading white space, in columns: nested
	// lists indent each level by two to four columns.
	maxIndent = 256
	// maxRowLines bounds the lines holding a "|": twice the rows Read
	// accepts (MaxRows), for headers, delimiters and wrapped cells.
	// goldmark's tree of a page of table rows is a hundred times the page,
	// so the bound keeps an 8 MiB page of rows from costing a gigabyte
	// before Read could refuse it.
	maxRowLines = 2 * MaxRows
	// maxTableCells bounds the cells the page's tables may make. GFM pads
	// every row of a table to the width of its delimiter row, and
	// continues a table with any line up to a blank one, so one wide
	// delimiter row over many short lines makes a tree of lines times
	// width cells (a 40 KB page of 20,000 columns over 1,000 lines made
	// 20 million, a gigabyte). Each line of a block (the lines between
	// two lines goldmark takes as blank) that holds a cell delimiter or
	// follows one costs the most cells a line of the block holds so far;
	// 50,000 rows of 40 columns stay under the bound.
	maxTableCells = 2_000_000
)

// checkShape refuses a page with a shape that would make parsing slow, with
// the line it starts on.
func checkShape(docsPath string, src []byte) error {
	marks, paraLines, start, rowLines := 0, 0, 1, 0
	blockStart, blockWidth, cells := 1, 0, 0
	for lineNo, rest := 1, src; len(rest) > 0; lineNo++ {
		l := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			l, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		indent, depth := lineContainers(l)
		switch {
		case indent > maxIndent:
			return fmt.Errorf("%s:%d: the line is indented %d columns, more than the %d a docs page uses and enough to make Markdown parsing slow; check -docs", docsPath, lineNo, indent, maxIndent)
		case depth > maxNesting:
			return fmt.Errorf("%s:%d: the line opens %d nested block quotes or list items, more than the %d a docs page uses and enough to make Markdown parsing slow; check -docs", docsPath, lineNo, depth, maxNesting)
		}
		trimmed := bytes.TrimSpace(l)
		// Blank as goldmark sees it: a line of \f or U+00A0 is not, and
		// continues a paragraph or a table.
		blank := util.IsBlank(l)
		if blank {
			blockStart, blockWidth = lineNo+1, 0
		} else if blockWidth = max(blockWidth, lineCells(trimmed)); blockWidth > 1 {
			if cells += blockWidth; cells > maxTableCells {
				return fmt.Errorf("%s:%d: with the table starting here, the page's tables would hold more than %d cells (GFM pads each row to its delimiter row, here %d cells), more than a docs page has and enough to make reading it slow and large; check -docs", docsPath, blockStart, maxTableCells, blockWidth)
			}
		}
		row := bytes.IndexByte(trimmed, '|') >= 0
		// A line without a cell delimiter under one is a row too: GFM
		// continues a table with any line.
		if row || blockWidth > 1 {
			if rowLines++; rowLines > maxRowLines {
				return fmt.Errorf("%s:%d: the page has more than %d lines of table rows, more than a docs page has; check -docs", docsPath, lineNo, maxRowLines)
			}
		}
		if blank || row {
			marks, paraLines, start = 0, 0, lineNo // a row, or a blank line, starts afresh
		}
		if !row && !blank {
			paraLines++
		}
		for _, b := range l {
			marks += int(markBytes[b])
		}
		switch {
		case marks > maxInlineMarks:
			return fmt.Errorf("%s:%d: the paragraph starting here holds more than %d markup characters (* _ ` [ ] <), more than a docs page has and enough to make Markdown parsing slow; check -docs, or escape them", docsPath, start, maxInlineMarks)
		case paraLines > maxParagraphLines:
			return fmt.Errorf("%s:%d: the paragraph starting here runs over %d lines without a blank line, more than a docs page has and enough to make Markdown parsing slow; check -docs", docsPath, start, maxParagraphLines)
		}
		if blank || row {
			marks, paraLines, start = 0, 0, lineNo+1
		}
	}
	return nil
}

// lineCells returns the most cells a line can make in a table: one more
// than its pipes, or than its tabs (a copied HTML table's cells).
func lineCells(l []byte) int {
	return max(bytes.Count(l, []byte("|")), bytes.Count(l, []byte("\t"))) + 1
}

// markBytes holds 1 for the markup characters checkShape counts (* _ ` [
// ] <) and 0 for every other byte: a lookup per byte of the page, rather
// than six comparisons.
var markBytes = [256]uint8{'*': 1, '_': 1, '`': 1, '[': 1, ']': 1, '<': 1}

// lineContainers returns a line's leading white space in columns (a tab
// counts four) and the number of block quote and list markers it opens
// ("> > - 1. text" opens four).
func lineContainers(l []byte) (indent, depth int) {
	i := 0
	for ; i < len(l) && (l[i] == ' ' || l[i] == '\t'); i++ {
		if l[i] == '\t' {
			indent += 4
		} else {
			indent++
		}
	}
	for i < len(l) {
		switch {
		case l[i] == '>':
			i++
		case (l[i] == '-' || l[i] == '*' || l[i] == '+') && i+1 < len(l) && (l[i+1] == ' ' || l[i+1] == '\t'):
			i += 2
		case l[i] >= '0' && l[i] <= '9':
			j := i
			for j < len(l) && j-i < 9 && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			if j+1 < len(l) && (l[j] == '.' || l[j] == ')') && (l[j+1] == ' ' || l[j+1] == '\t') {
				i = j + 2
			} else {
				return indent, depth
			}
		default:
			return indent, depth
		}
		depth++
		for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
			i++
		}
	}
	return indent, depth
}
