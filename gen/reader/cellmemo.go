package reader

import "strings"

// cellClass is what the column content check (textOf) makes of one
// filled cell: each cell counts in at most one of columnText's sums.
type cellClass uint8

const (
	classNone     cellClass = iota // counted as filled only
	classStatus                    // an HTTP status or class below 400, or a class
	classError                     // an HTTP status from 400 to 599
	classNumber                    // a plain number that is no status
	classSentence                  // reads as a sentence
	className                      // reads as a short name
)

// cellInfo is what the reader makes of one cell's text, wherever it sits:
// the code cell parse and the class of its column check.
type cellInfo struct {
	code  codeCell
	class cellClass
}

// maxMemoCells bounds the texts a cellMemo keeps: a page of distinct
// cells then costs one failed lookup per cell beyond it, not memory that
// grows with the page.
const maxMemoCells = 1 << 14

// cellMemo keeps what the reader made of each distinct cell text of a
// page. API references repeat the same rows in table after table, and
// every cell of a code column is parsed by the column check, the catalogue
// check and the row reading: with the memo, each text is parsed once.
// The code cells it returns share their codes slices: callers only read
// them.
type cellMemo map[string]cellInfo

// info returns what the reader makes of s: see cellInfoOf.
func (m cellMemo) info(s string) cellInfo {
	if c, ok := m[s]; ok {
		return c
	}
	c := cellInfoOf(s)
	if m != nil && len(m) < maxMemoCells {
		m[s] = c
	}
	return c
}

// cellInfoOf parses s as a code cell and classes it as textOf counts it:
// a status or class, a plain number, a yes or no (no class), a sentence or
// a short name.
func cellInfoOf(s string) cellInfo {
	cc := parseCodeCell(s)
	c := cellInfo{code: cc}
	switch {
	case cc.kind == statusCode && cc.codes[0] >= 400:
		c.class = classError
		return c
	case cc.kind == statusCode || cc.kind == statusClass:
		c.class = classStatus
		return c
	case cc.kind == outOfRange && numberRE.MatchString(s):
		c.class = classNumber // a plain number: "Error 3" is a name
		return c
	}
	if _, ok := parseYesNo(s); ok && !isRetryWord(strings.Trim(s, " .!")) {
		return c // "Yes", "No": an answer, neither a name nor a sentence
	}
	if isSentence(s) {
		c.class = classSentence
	} else if isShortName(s) {
		c.class = className
	}
	return c
}

// codeCell is parseCodeCell(s), through the page's memo when t has one.
func (t *table) codeCell(s string) codeCell {
	return t.memo.info(s).code
}
