package reader

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// cellKind says what a code cell holds.
type cellKind int

const (
	notACode    cellKind = iota // text, or nothing
	statusCode                  // one or more statuses, maybe with a name: "429", "404 - Not Found", "500, 502"
	statusClass                 // a class or range of statuses: "5xx", "500-599"
	outOfRange                  // a number that is no HTTP status: "700", "42"
)

// codeCell is what a code cell holds.
type codeCell struct {
	kind   cellKind
	codes  []int  // for statusCode, in the order written
	name   string // text after a single code: "404 Not Found" gives "Not Found"
	number string // for outOfRange, the number
}

var (
	// A prefix some pages put before the status: "HTTP 429", "HTTP/1.1 429", "Status 429".
	statusPrefixRE = regexp.MustCompile(`(?i)^(?:https?(?:/\d(?:\.\d)?)?|status(?: code)?|error(?: code)?)\s*:?\s*`)
	// Classes and ranges, and OpenAPI's "default" response: no one code.
	classRE = regexp.MustCompile(`(?i)^(?:[1-5]xx|[1-5]\dx|[1-5]\d{2}\s*[-–—]\s*[1-5]\d{2}|default)$`)
	// One status or a list of them, then maybe a name: "429", "404 - Not
	// Found", "200 OK", "500, 502, 503 - Server Errors".
	codesRE   = regexp.MustCompile(`^(\d{3}(?:\s*(?:,|/|&|\band\b|\bor\b)\s*\d{3})*)(?:(?:\s*[-–—:.]\s*|\s+)(\S.*))?$`)
	listSepRE = regexp.MustCompile(`\s*(?:,|/|&|\band\b|\bor\b)\s*`)
	numberRE  = regexp.MustCompile(`^\d+$`)
	// A decimal or a grouped number ("429.5", "4,290", "1.429"): no status,
	// though a status and a name may follow one another ("404. Not Found").
	decimalRE = regexp.MustCompile(`^\d+[.,]\d`)
)

// parseCodeCell reads the plain text of a cell of a code column (Markdown
// reduced to text, so "**429**" arrives as "429"). Markup and markers
// around the code do not change what it says: cleanMarkup drops attribute
// lists, footnote references ("429 [^1]"), emoji ("429 ⚠️") and trailing
// markers ("429←", "429 *", "429†", "429¹"), and code spans that survive
// as backticks ("`429`") are unwrapped, before the cell is read. A name
// after the code ("404 Not Found") comes back in the same cleaned form.
// Cells it reads as statusCode hold only codes from 100 to 599.
func parseCodeCell(s string) codeCell {
	if len(s) == 3 && isDigit(s[0]) && isDigit(s[1]) && isDigit(s[2]) {
		// The common case, without the regular expressions.
		if n, ok := parseCode(s); ok {
			return codeCell{kind: statusCode, codes: []int{n}}
		}
		return codeCell{kind: outOfRange, number: s}
	}
	if !mayBeCode(s) {
		return codeCell{kind: notACode}
	}
	s = unwrapCode(cleanMarkup(s))
	if s != "" && !isDigit(s[0]) {
		s = strings.TrimSpace(statusPrefixRE.ReplaceAllString(s, ""))
	}
	switch {
	case numberRE.MatchString(s):
		if n, ok := parseCode(s); ok {
			return codeCell{kind: statusCode, codes: []int{n}}
		}
		return codeCell{kind: outOfRange, number: s}
	case classRE.MatchString(s):
		return codeCell{kind: statusClass}
	case decimalRE.MatchString(s):
		return codeCell{kind: notACode}
	}
	m := codesRE.FindStringSubmatch(s)
	if m == nil {
		return codeCell{kind: notACode}
	}
	var codes []int
	for _, part := range listSepRE.Split(m[1], -1) {
		n, ok := parseCode(part)
		if !ok {
			return codeCell{kind: outOfRange, number: part}
		}
		codes = append(codes, n)
	}
	return codeCell{kind: statusCode, codes: codes, name: strings.TrimSpace(m[2])}
}

// unwrapCode drops the backticks or emphasis stars around a code cell's
// text ("`429`", "*429*") that a renderer left in place, and the markers
// that were inside them ("`429`*" gives "429").
func unwrapCode(s string) string {
	for {
		t := cleanMarkup(strings.Trim(s, "`*_"))
		if t == s {
			return s
		}
		s = t
	}
}

// isCodeCell reports whether s holds at least one HTTP status.
func isCodeCell(s string) bool {
	return parseCodeCell(s).kind == statusCode
}

// statusLike reports whether a cell reads as a status or class of statuses:
// what the code column of an error table holds.
func statusLike(s string) bool {
	k := parseCodeCell(s).kind
	return k == statusCode || k == statusClass
}

// parseCode reads a three-digit HTTP status from 100 to 599.
func parseCode(s string) (int, bool) {
	if len(s) != 3 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 100 || n > 599 {
		return 0, false
	}
	return n, true
}

// mayBeCode reports whether s may hold a code: every code and class has a
// digit, and starts with it, with markup ("**429**", "[429](...)"), or
// with a prefix word (HTTP, Status, Error, default). Prose cells fail
// fast, without the regular expressions.
func mayBeCode(s string) bool {
	t := strings.TrimLeft(s, " `*_[(<~")
	if t == "" {
		return false
	}
	switch c := t[0]; {
	case isDigit(c):
		return true
	case c == 'h' || c == 'H' || c == 's' || c == 'S' || c == 'e' || c == 'E':
		return strings.IndexFunc(t, unicode.IsDigit) >= 0
	case c == 'd' || c == 'D':
		return len(t) >= 7 && strings.EqualFold(t[:7], "default")
	}
	return t[0] >= 0x80 && strings.IndexFunc(t, unicode.IsDigit) >= 0
}
