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
// the code cell parse and the class of its column check, and, once asked
// (see cellMemo.facts), what the string-code checks make of it.
type cellInfo struct {
	code  codeCell
	class cellClass
	facts cellFacts
	// factsKnown reports that facts is computed.
	factsKnown bool
}

// cellFacts is what the checks of a string-keyed table (codeTable) make of
// one cell: whether it is a type name, as in a field table, and whether it
// reads as a string code, and how.
type cellFacts struct {
	typeFilled bool   // the cell counts in typeColumn: neither empty nor a placeholder
	typeName   bool   // typeFilled, and a type name
	key        string // keyText of the cell
	keyFilled  bool   // the cell counts in isKeyColumn: a key text that is no catch-all
	isKey      bool   // keyFilled, and reads as a string code
	strong     bool   // isKey, and never reads as a word
	pascal     bool   // isKey, not strong, in PascalCase
	lower      bool   // isKey, not strong nor pascal, one lower-case word
}

// cellFactsOf computes what the string-code checks make of the cell s.
func cellFactsOf(s string) cellFacts {
	var k cellFacts
	if v := strings.TrimSpace(unwrapCode(s)); v != "" && !isPlaceholder(v) {
		k.typeFilled, k.typeName = true, typeName(v)
	}
	k.key = keyText(s)
	if k.key == "" || catchAll(k.key) {
		return k
	}
	k.keyFilled = true
	if k.isKey = isKey(k.key); !k.isKey {
		return k
	}
	switch {
	case strongKey(k.key):
		k.strong = true
	case pascalRE.MatchString(k.key):
		k.pascal = true
	case lowerWordRE.MatchString(k.key):
		k.lower = true
	}
	return k
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

// facts returns what the string-code checks make of s: see cellFactsOf.
// Most pages have no string-keyed table, so it is computed on first use.
func (m cellMemo) facts(s string) cellFacts {
	c, ok := m[s]
	if ok && c.factsKnown {
		return c.facts
	}
	k := cellFactsOf(s)
	if ok {
		c.facts, c.factsKnown = k, true
		m[s] = c
	} else if m != nil && len(m) < maxMemoCells {
		c = cellInfoOf(s)
		c.facts, c.factsKnown = k, true
		m[s] = c
	}
	return k
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
