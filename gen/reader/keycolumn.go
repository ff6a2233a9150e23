package reader

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/errtable/errtable/spec"
)

var (
	// keyRE matches a cell that can be a string code: a word, or words
	// joined by _ . : / - ("missing", "rate_limit_exceeded",
	// "errors.NotFoundErrorResponse", "SVCSTG.ATS.400101").
	keyRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*(?:[_.:/-][A-Za-z0-9]+)*$`)
	// pascalRE matches a code in PascalCase ("InvalidParameterValue",
	// "ThrottlingException"): two or more capitalised words run together.
	pascalRE = regexp.MustCompile(`^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$`)
	// typeNamesRE matches the type cells of a field table ("string",
	// "integer", "array of objects"): a table with such a column documents
	// fields, not codes.
	typeNamesRE = regexp.MustCompile(`(?i)^(?:string|integer|int|int32|int64|number|float|double|boolean|bool|object|array|enum|null|map|list)(?:\b.*)?$`)
)

// notKeyHeaders head columns of identifiers that are no error codes: the
// fields, parameters and events of an API reference.
var notKeyHeaders = map[string]bool{
	"field": true, "field name": true, "parameter": true, "parameter name": true, "param": true, "property": true,
	"attribute": true, "key": true, "header": true, "argument": true, "option": true, "variable": true, "event": true,
	"event type": true, "permission": true, "enum": true, "setting": true, "flag": true, "resource": true, "object": true,
}

// placeholders are cells that say nothing: "null", "-", "—", "...", "N/A".
var placeholders = map[string]bool{"null": true, "nil": true, "-": true, "—": true, "–": true, "--": true, "...": true, "…": true, "n/a": true, "n.a.": true}

// isPlaceholder reports whether a cell says nothing but fills its place.
func isPlaceholder(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) > maxPlaceholderBytes {
		// Lower-casing maps rune to rune, so a cell longer than any
		// placeholder in runes is none: skip the copy ToLower makes.
		return false
	}
	return placeholders[strings.ToLower(s)]
}

// maxPlaceholderBytes bounds the length of a cell that can lower-case to
// a placeholder: four runes (the longest, "null" and "n.a."), of at most
// four bytes each.
const maxPlaceholderBytes = 4 * utf8.UTFMax

// keyText returns a key cell's code: its text without markup and the
// backticks a renderer left, or "" for an empty or placeholder cell.
func keyText(s string) string {
	s = strings.TrimSpace(unwrapCode(cleanMarkup(s)))
	if isPlaceholder(s) {
		return ""
	}
	return s
}

// isKey reports whether s, a key cell's text, reads as a string code.
func isKey(s string) bool {
	return len(s) <= spec.MaxCodeLen && keyRE.MatchString(s) && spec.ValidCode(s)
}

// strongKey reports whether s reads as a string code and never as a word:
// rate_limited, INVALID_REQUEST, card.declined, quotaExceeded.
// A word in capitals (OK) and PascalCase (NotFound) is no such code on its own: a status table may name
// its statuses so; see keyColumn.
func strongKey(s string) bool {
	return isKey(s) && identifierRE.MatchString(s) && !shoutedWordRE.MatchString(s)
}

// shoutedWordRE matches one word in capitals ("OK", "INTERNAL"): a code
// among codes, but on its own no sign of one, as status tables write "OK".
var shoutedWordRE = regexp.MustCompile(`^[A-Z]+$`)

// lowerWordRE matches one lower-case word ("missing", "maintenance").
var lowerWordRE = regexp.MustCompile(`^[a-z][a-z0-9]*$`)

// catchAll reports whether a key or status cell stands for every status
// the rows do not list: "4XX", "5XX", "default", "4XX, 5XX".
func catchAll(s string) bool {
	s = strings.TrimSpace(unwrapCode(cleanMarkup(s)))
	if s == "" || !mayHoldClass(s) {
		// Most cells (names, sentences) hold no class: skip the split,
		// which backtracks through every word of a long cell.
		return false
	}
	for _, part := range listSepRE.Split(s, -1) {
		if classRE.MatchString(strings.TrimSpace(part)) {
			return true
		}
	}
	return false
}

// mayHoldClass reports whether some substring of s could match classRE:
// it is false unless s has an ASCII digit followed by x or X, or by
// optional ASCII spaces and a dash (- – —), or "default" in any case.
// Every part catchAll tests is a substring of s, so a false here means
// catchAll is false, without the regular expressions.
func mayHoldClass(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isDigit(c):
			j := i + 1
			if j < len(s) && s[j]|0x20 == 'x' {
				return true
			}
			for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\f' || s[j] == '\r') {
				j++
			}
			if rest := s[j:]; strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "—") {
				return true
			}
		case c|0x20 == 'd' && asciiFoldPrefix(s[i:], "default"):
			return true
		}
	}
	return false
}

// asciiFoldPrefix reports whether s begins with lower, a lower-case ASCII
// word, in any case of its ASCII letters. It is what (?i) matches for a
// word whose letters have no non-ASCII case forms, as "default"'s have not.
func asciiFoldPrefix(s, lower string) bool {
	if len(s) < len(lower) {
		return false
	}
	for i := 0; i < len(lower); i++ {
		if s[i]|0x20 != lower[i] {
			return false
		}
	}
	return true
}

// keyStats sums up a column as the key of a string-keyed table.
type keyStats struct {
	filled   int  // cells neither empty, placeholders nor catch-alls
	keys     int  // cells that read as codes
	strong   int  // cells that read as codes and never as words
	pascal   int  // cells in PascalCase (InvalidParameterValue), not strong
	lower    int  // cells of one lower-case word (maintenance), not strong
	repeated bool // a code stands on two rows
}

// isKeyColumn reports whether column i of t, headed header, is the key of
// a string-keyed table: keyColumn of its stats. It stops reading the
// column once the answer is no whatever the rest holds: a code on two
// rows, or too few rows left for the codes to reach four in five filled
// cells. Most columns of a page are no keys, and say so in a few rows.
func isKeyColumn(t *table, i int, header string) bool {
	var k keyStats
	seen := map[string]bool{}
	for n, r := range t.rows {
		// Every row left could at most add a code: without four codes
		// per cell that is none, keyColumn's 5*keys >= 4*filled fails.
		if left := len(t.rows) - n; k.keys+left < 4*(k.filled-k.keys) {
			return false
		}
		c := t.memo.facts(cell(r, i))
		if !c.keyFilled {
			continue
		}
		k.filled++
		if !c.isKey {
			continue
		}
		k.keys++
		switch {
		case c.strong:
			k.strong++
		case c.pascal:
			k.pascal++
		case c.lower:
			k.lower++
		}
		if seen[c.key] {
			return false // keyColumn refuses a repeated code
		}
		seen[c.key] = true
	}
	return k.keyColumn(header)
}

// keyColumn reports whether its stats make a column the key of a
// string-keyed table: its cells are codes, each on one row, and read as
// codes rather than words, or its header says they are codes. PascalCase
// cells and single lower-case words read as codes only under a header that
// says so ("Error Code": InvalidParameterValue; "Code": maintenance), since
// a status table may name its statuses BadRequest and NotFound, and people
// write the names of errors capitalised.
func (k keyStats) keyColumn(header string) bool {
	strong := k.strong
	if hasRole(header, roleKey) {
		strong += k.pascal + k.lower
	}
	return k.filled > 0 && 5*k.keys >= 4*k.filled && strong > 0 && !k.repeated &&
		(2*strong >= k.filled || hasRole(header, roleKey))
}

// codeRoles says which column of a string-keyed table plays which part;
// -1 where none does.
type codeRoles struct {
	key, status, desc, remedy, retry int
	explain                          []int    // columns whose text joins the remedy, labelled
	why                              []string // per column, what it is and why, for -explain
	sectionStatus                    int      // the status the table's headings give, or 0
}

// codeTable decides whether t is keyed by string codes and, if so, the
// roles of its columns. titles are its captions and headings, nearest
// first. A column of identifiers is the key when its header says codes
// (in the languages of headerWords) or speaks of codes, errors or statuses,
// or when a status column beside it or a heading above names the statuses.
// Field, parameter and event tables, whose first column holds identifiers
// too, never qualify: their headers say so, or a column holds type names.
//
// opts' columns apply as to tables of statuses: -code-col names the key,
// whatever its header, when its cells read as codes; -desc-col and
// -remedy-col name the description and the remedy. A table without a
// column a flag names is none of ours, as it is no table of statuses.
func codeTable(t *table, titles []string, opts Options) (codeRoles, bool) {
	cols := codeRoles{key: -1, status: -1, desc: -1, remedy: -1, retry: -1, why: make([]string, len(t.header))}
	cols.sectionStatus = sectionStatus(titles)
	named := -1 // the column -code-col names
	if opts.CodeCol != "" {
		if named = findColumn(t.header, opts.CodeCol); named < 0 {
			return cols, false
		}
	}
	for _, flag := range []string{opts.DescCol, opts.RemedyCol} {
		if flag != "" && findColumn(t.header, flag) < 0 {
			return cols, false
		}
	}
	for i := range t.header {
		if typeColumn(t, i) {
			return cols, false
		}
	}
	bestRank := 0
	for i, h := range t.header {
		n := normalizeHeader(h)
		switch {
		case named >= 0 && i != named:
			continue
		case named < 0 && (notKeyHeaders[n] || hasRole(h, roleOther) && !hasRole(h, roleKey)):
			continue
		}
		if !isKeyColumn(t, i, h) && !(i == named && isKeyColumn(t, i, keyHeader)) {
			continue
		}
		rank, ok := headerRank(h, roleKey)
		if !ok {
			rank = len(headerWords) * 100 // after every header word
		}
		if cols.key < 0 || rank < bestRank {
			cols.key, bestRank = i, rank
		}
	}
	if cols.key < 0 {
		return cols, false
	}
	cols.status = statusColumnBeside(t, cols.key)
	h := t.header[cols.key]
	if named < 0 && !hasRole(h, roleKey) && !codeish(h) && cols.status < 0 && cols.sectionStatus == 0 {
		return cols, false
	}
	cols.why[cols.key] = "string code: its cells are identifiers"
	if named >= 0 {
		cols.why[cols.key] = "string code, as -code-col says: its cells are identifiers"
	}
	if cols.status >= 0 {
		cols.why[cols.status] = "status of each code: its cells are HTTP statuses"
	}
	if !assignCodeText(t, &cols, opts) {
		return cols, false
	}
	return cols, true
}

// keyHeader is a header that says its column holds codes: the column
// -code-col names is read as if so headed, whatever its header says.
const keyHeader = "Error code"

// typeColumn reports whether most of column i's cells are type names, as in
// a field table. It stops reading once they cannot be.
func typeColumn(t *table, i int) bool {
	filled, types := 0, 0
	for n, r := range t.rows {
		// Even if every row left were a type name, they would not
		// outnumber the other cells: the answer is no already.
		if types+len(t.rows)-n <= filled-types {
			return false
		}
		c := t.memo.facts(cell(r, i))
		if !c.typeFilled {
			continue
		}
		filled++
		if c.typeName {
			types++
		}
	}
	return filled > 0 && 2*types > filled
}

// typeName reports whether v, a trimmed cell, is a type name of a field
// table. Most cells begin with no letter a type name begins with (in any
// case; non-ASCII goes to typeNamesRE, which folds case by Unicode's
// rules): those skip the regular expression.
func typeName(v string) bool {
	return len(v) < 40 && len(v) > 0 && (v[0] >= utf8.RuneSelf || typeNameFirst[v[0]|0x20]) && typeNamesRE.MatchString(v)
}

// typeNameFirst holds the lower-case first letters of the type names
// typeNamesRE matches.
var typeNameFirst = func() (t [256]bool) {
	for _, c := range "sinfdboaeml" {
		t[c] = true
	}
	return t
}()

// statusColumnBeside returns the column of t, other than key, whose cells
// are mostly HTTP statuses (catch-alls such as "4XX, 5XX" count, but a
// column of catch-alls alone is none), the most
// statuses winning, then the header words; -1 when none is.
func statusColumnBeside(t *table, key int) int {
	best, bestN := -1, 0
	for i := range t.header {
		if i == key {
			continue
		}
		filled, n, exact := 0, 0, 0
		for _, r := range t.rows {
			v := cell(r, i)
			if v == "" || isPlaceholder(v) {
				continue
			}
			filled++
			switch {
			case isCodeCell(v):
				n++
				exact++
			case statusLike(v) || catchAll(v):
				n++
			}
		}
		if exact == 0 || 2*n < filled {
			continue
		}
		if best < 0 || n > bestN || n == bestN && betterHeader(t.header[i], t.header[best], roleCode) {
			best, bestN = i, n
		}
	}
	return best
}

// assignCodeText gives the other columns of a string-keyed table their
// parts: the retry column by its header; the description, the first column
// whose header names one (Message, Description, Overview) else the first
// other column of text; the remedy by its header (Solution, What to do),
// else a column of sentences; explanations join the remedy, labelled.
// Columns that say something else (Content Type, Type, Method) are not read.
//
// The columns -desc-col and -remedy-col name are taken first; it returns
// false when one of them is the key or the status column.
func assignCodeText(t *table, cols *codeRoles, opts Options) bool {
	taken := make([]bool, len(t.header))
	taken[cols.key] = true
	if cols.status >= 0 {
		taken[cols.status] = true
	}
	for _, flag := range textFlags(opts, &cols.desc, &cols.remedy) {
		if flag.name == "" {
			continue
		}
		i := findColumn(t.header, flag.name)
		if i < 0 || taken[i] {
			return false
		}
		*flag.dst, taken[i] = i, true
		cols.why[i] = flag.role + ", as " + flag.flag + " says"
	}
	texts := make([]columnText, len(t.header))
	for i := range t.header {
		texts[i] = textOf(t, i)
	}
	if i := bestByHeader(t.header, freeColumns(taken), roleRetry); i >= 0 {
		cols.retry, taken[i] = i, true
		cols.why[i] = "retry: its header says so"
	}
	for _, i := range freeColumns(taken) {
		h := t.header[i]
		if hasRole(h, roleOther) && !hasRole(h, roleName) && !hasRole(h, roleExplain) || texts[i].filled == 0 {
			taken[i] = true
			cols.why[i] = "not read: its header names no part of an error's documentation"
			if texts[i].filled == 0 {
				cols.why[i] = "not read: empty"
			}
		}
	}
	named := []int{}
	for _, i := range freeColumns(taken) {
		if hasRole(t.header[i], roleName) {
			named = append(named, i)
		}
	}
	sortByRank(t.header, named, roleName)
	switch {
	case cols.desc >= 0: // as -desc-col says
	case len(named) > 0:
		cols.desc = named[0]
		cols.why[cols.desc] = "description: its header says so"
	default:
		for _, i := range freeColumns(taken) {
			h := t.header[i]
			if !hasRole(h, roleRemedy) && !hasRole(h, roleExplain) {
				cols.desc = i
				cols.why[i] = "description: the first column of text"
				break
			}
		}
	}
	if cols.desc >= 0 {
		taken[cols.desc] = true
	}
	switch i := bestByHeader(t.header, freeColumns(taken), roleRemedy); {
	case cols.remedy >= 0: // as -remedy-col says
	case i >= 0:
		cols.remedy, taken[i] = i, true
		cols.why[i] = "remedy: its header says so"
	default:
		for _, i := range freeColumns(taken) {
			if texts[i].sentenceLike() && !hasRole(t.header[i], roleExplain) {
				cols.remedy, taken[i] = i, true
				cols.why[i] = "remedy: its cells are sentences"
				break
			}
		}
	}
	for _, i := range freeColumns(taken) {
		if hasRole(t.header[i], roleExplain) || hasRole(t.header[i], roleRemedy) || texts[i].sentenceLike() {
			cols.explain = append(cols.explain, i)
			cols.why[i] = fmt.Sprintf("joins the remedy, labelled %q", labelOf(t.header[i]))
		} else {
			cols.why[i] = "not read: short text under a header that names no part of an error's documentation"
		}
	}
	return true
}
