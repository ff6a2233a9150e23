package reader

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/errtable/errtable/spec"
)

// Entry is one error of the catalogue, as the docs give it.
type Entry struct {
	spec.Entry // Name is empty; Line is the docs line of the row
	// Title is the text a Go name is made from: the description without
	// markup, notes and pointers, transliterated to ASCII letters, when it
	// reads as a name. When it does not (a sentence, another script), Title
	// is empty and TitleNote says why.
	Title, TitleNote string
	table            *table // the table of the row
}

// readRows turns the rows of a table into entries, in order, and records
// every row it cannot read in the returned faults. titles, when not nil,
// keeps the titles of descriptions already read.
func readRows(docsPath string, t *table, cols roles, titles titleCache, warn func(string)) ([]Entry, faults) {
	entries := make([]Entry, 0, len(t.rows))
	var problems faults
	var skipped []string
	skippedLine := 0 // the line of the first row skipped
	for _, r := range t.rows {
		at := pos{docsPath, r.line}
		if filledCells(r.cells) == 0 {
			continue
		}
		if width := len(t.header); r.rawCells < width {
			warn(fmt.Sprintf("%s: the row has %d cells and the header %d; the missing cells are read as empty", at, r.rawCells, width))
		} else if r.rawCells > width {
			warn(fmt.Sprintf("%s: the row has %d cells and the header %d; GFM drops the cells beyond the header's, so they are not read", at, r.rawCells, width))
		}
		codeText := cell(r, cols.code)
		c := t.codeCell(codeText)
		if c.kind == notACode && filledCells(r.cells) == 1 && strings.IndexFunc(codeText, unicode.IsLetter) >= 0 {
			// A group row ("Client errors", a colspan or a flattened
			// rowspan): a title of the rows below, no error.
			continue
		}
		switch c.kind {
		case notACode:
			problems.add(r.line, fmt.Errorf("%s: code %q is not an HTTP status (a number from 100 to 599); fix the row, or name the code column with -code-col", at, codeText))
			continue
		case outOfRange:
			problems.add(r.line, fmt.Errorf("%s: code %s is outside 100-599, so it is no HTTP status; fix the row", at, c.number))
			continue
		case statusClass:
			warn(fmt.Sprintf("%s: %q is a class of statuses, not one code; skipped", at, codeText))
			continue
		}
		var codes []int
		for _, code := range c.codes {
			if code < 400 {
				if len(skipped) == 0 {
					skippedLine = r.line
				}
				skipped = append(skipped, strconv.Itoa(code))
			} else {
				codes = append(codes, code)
			}
		}
		if len(codes) == 0 {
			continue
		}
		desc, remedy := rowTexts(t, r, c, cols)
		// The name comes from the description without markup, notes and
		// pointers; the notes and pointers go to the remedy.
		title, moved, note, desc := titles.of(desc)
		remedy = cleanMarkup(remedy)
		for m := range strings.SplitSeq(moved, "; ") {
			remedy = joinRemedy(remedy, asNote(m))
		}
		if len(desc) > spec.MaxDescriptionLen {
			problems.add(r.line, fmt.Errorf("%s: the description of %s is %d bytes, more than the %d of a description; name the description column with -desc-col, or shorten the cell", at, codeText, len(desc), spec.MaxDescriptionLen))
			continue
		}
		if len(remedy) > spec.MaxRemedyLen {
			problems.add(r.line, fmt.Errorf("%s: the remedy of %s is %d bytes, more than the %d of a remedy; name the remedy column with -remedy-col, or shorten the cell", at, codeText, len(remedy), spec.MaxRemedyLen))
			continue
		}
		retryable, fromDocs := rowRetry(r, cols, at, warn)
		for _, code := range codes {
			e := spec.Entry{Code: code, Description: desc, Remedy: remedy, Line: r.line,
				Retryable: spec.DefaultRetryable(code), RetryableFrom: spec.FromRule}
			if fromDocs {
				e.Retryable, e.RetryableFrom = retryable, spec.FromDocs
			}
			entries = append(entries, Entry{Entry: e, Title: title, TitleNote: note, table: t})
		}
	}
	if len(skipped) > 0 {
		if len(skipped) > 10 {
			skipped = append(skipped[:10], fmt.Sprintf("and %d more", len(skipped)-10))
		}
		warn(fmt.Sprintf("%s:%d: statuses %s are not errors; skipped", docsPath, skippedLine, strings.Join(skipped, ", ")))
	}
	return entries, problems
}

// rowTexts returns a row's description and remedy. A code cell that names
// its code ("404 Not Found") gives the description when the table has no
// better one (no name column, or one of sentences), and the text columns
// become the remedy; without a remedy
// column, a Slate-style "Name -- remedy" cell is split. The explanation
// columns follow the remedy, each labelled with its header.
func rowTexts(t *table, r row, c codeCell, cols roles) (desc, remedy string) {
	desc, remedy = cell(r, cols.desc), cell(r, cols.remedy)
	switch {
	case c.name == "":
	case cols.desc < 0 || desc == "" || cols.remedy < 0:
		if remedy == "" {
			remedy = desc
		}
		desc = c.name
	case isSentence(desc):
		// "400 Bad Request | The syntax is wrong. | Fix it.": the code
		// cell names the error, the sentence explains it.
		desc, remedy = c.name, joinRemedy(desc, remedy)
	}
	if cols.remedy < 0 && remedy == "" {
		desc, remedy = splitNameRemedy(desc)
	}
	if desc == "" {
		// "Bad Request: A required field is missing.": a lead-in names
		// the error when no column does (ReadMe's bold lead-ins).
		desc, remedy = leadIn(remedy)
	}
	for _, i := range cols.explain {
		if v := cell(r, i); v != "" {
			remedy = joinRemedy(remedy, labelOf(t.header[i])+": "+v)
		}
	}
	return desc, remedy
}

// joinRemedy appends more text to a remedy, as one more sentence.
func joinRemedy(remedy, more string) string {
	switch {
	case more == "" || strings.Contains(remedy, more):
		return remedy
	case remedy == "":
		return more
	case !endsSentence(remedy):
		remedy += "."
	}
	return remedy + " " + more
}

// rowRetry reads a row's "Retry?" cell; ok is false when the table has none
// or the cell says neither yes nor no (which is reported).
func rowRetry(r row, cols roles, at pos, warn func(string)) (retryable, ok bool) {
	if cols.retry < 0 {
		return false, false
	}
	v, ok := parseYesNo(cell(r, cols.retry))
	if !ok {
		warn(fmt.Sprintf("%s: retry cell %q is neither yes nor no; the default rule decides", at, cell(r, cols.retry)))
	}
	return v, ok
}

// leadIn splits a short name ending in a colon off the start of text:
// "Bad Request: A field is missing." gives "Bad Request" and the rest.
// Text without one gives "" and the text.
func leadIn(text string) (name, rest string) {
	before, after, ok := strings.Cut(text, ": ")
	if !ok || after == "" || !isShortName(before) || strings.IndexFunc(before, unicode.IsLetter) < 0 || notNames[strings.ToLower(before)] || strings.ContainsAny(before, ",;") {
		return "", text
	}
	return before, strings.TrimSpace(after)
}

// nameRemedySeps split a "Name -- remedy" cell, Slate's style, in order of
// preference.
var nameRemedySeps = []string{" -- ", " — ", " – ", " - "}

// splitNameRemedy splits "Bad Request -- Your request is invalid." into a
// name and a remedy; text without a separator is all name.
func splitNameRemedy(s string) (name, remedy string) {
	for _, sep := range nameRemedySeps {
		if before, after, ok := strings.Cut(s, sep); ok && before != "" && after != "" {
			return strings.TrimSpace(before), strings.TrimSpace(after)
		}
	}
	return s, ""
}

// Words a "Retry?" cell says yes or no with, in the languages of
// headerWords. A cell may go on after its word and a comma or parenthesis
// ("Yes, after Retry-After", "No (poll instead)"), but "No Content" is no
// answer.
var (
	yesWords = map[string]bool{
		"yes": true, "y": true, "true": true, "retryable": true, "retry": true, "✓": true, "✔": true, "✅": true, "✔️": true,
		"ja": true, "oui": true, "sí": true, "si": true, "sim": true, "sì": true, "是": true, "可": true, "可以": true,
		"はい": true, "可能": true, "예": true, "네": true, "가능": true, "tak": true, "да": true, "evet": true, "có": true, "ya": true,
	}
	noWords = map[string]bool{
		"no": true, "n": true, "false": true, "never": true, "✗": true, "✘": true, "❌": true, "-": true, "—": true,
		"nein": true, "non": true, "não": true, "nao": true, "否": true, "不可": true, "不": true, "いいえ": true, "不可能": true,
		"아니요": true, "아니오": true, "불가": true, "nie": true, "нет": true, "hayır": true, "không": true, "tidak": true, "nee": true,
	}
)

// maxYesNoLen is the length in bytes of the longest word of yesWords and
// noWords, and then some; maxYesNoCell bounds a whole cell that answers
// yes or no ("Yes, after the time in Retry-After").
const (
	maxYesNoLen  = 16
	maxYesNoCell = 64
)

// indexAnswerSep is strings.IndexAny(s, ",;:(（、，"), the marks that end
// the first word of a "Retry?" cell, without IndexAny's rune-by-rune
// search of a set with runes past ASCII: parseYesNo runs on every short
// cell of every table.
func indexAnswerSep(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ',' || c == ';' || c == ':' || c == '(' {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '（' || r == '、' || r == '，' {
			return i
		}
		i += size
	}
	return -1
}

// maxRetryWordLen is the length in bytes of the longest word of
// retryWords.
const maxRetryWordLen = len("retryable")

// isRetryWord reports whether retryWords holds s, lower-cased. An ASCII s
// longer than every word is none, found without lower-casing a copy;
// lower-casing may shorten other text ("K", the Kelvin sign, is "k").
func isRetryWord(s string) bool {
	if len(s) > maxRetryWordLen && isASCII(s) {
		return false
	}
	return retryWords[strings.ToLower(s)]
}

// maxASCIIAnswerLen is the length of the longest ASCII word of yesWords
// and noWords: an ASCII first word longer than it answers nothing.
const maxASCIIAnswerLen = len("retryable")

// parseYesNo reads a "Retry?" cell: its first word says yes or no.
func parseYesNo(s string) (value, ok bool) {
	if len(s) > maxYesNoCell {
		return false, false // a sentence, not an answer: the common cell
	}
	first, rest := strings.TrimSpace(s), ""
	if i := indexAnswerSep(first); i > 0 {
		first, rest = first[:i], first[i:]
	}
	if isRetryWord(strings.TrimSpace(first)) && strings.TrimLeft(rest, ",;:(（、， ") != "" {
		// "Retry: no", "Retry (no, fix first)": the answer follows.
		return parseYesNo(strings.TrimRight(strings.TrimLeft(rest, ",;:(（、， "), ")）"))
	}
	if len(first) > maxYesNoLen {
		return false, false // no answer is this long: skip the lower-casing
	}
	// Trimmed before lower-casing, which changes neither spaces nor the
	// marks, so that most cells, ASCII and longer than any ASCII answer,
	// are refused without a lower-cased copy.
	first = strings.Trim(strings.TrimSpace(first), ".!。")
	if len(first) > maxASCIIAnswerLen && isASCII(first) {
		return false, false
	}
	first = strings.ToLower(first)
	switch {
	case yesWords[first]:
		return true, true
	case noWords[first]:
		return false, true
	}
	return false, false
}

// cell returns column i of r, or "" when the table has no such column.
func cell(r row, i int) string {
	if i < 0 || i >= len(r.cells) {
		return ""
	}
	return r.cells[i]
}

// asNote returns a note moved out of a name as a sentence of the remedy:
// a pointer ("see Common Errors") as it is, "See Common Errors.", and any
// other note labelled: "(not yet active)" becomes "Note: not yet active.".
func asNote(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if !pointerNoteRE.MatchString(s) {
		s = "Note: " + s
	}
	r, size := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[size:]
	if !endsSentence(s) {
		s += "."
	}
	return s
}

// titleCache keeps what splitTitle and descriptionText make of each
// description: API references repeat the same rows in table after table.
type titleCache map[string]titled

// titled is what a description gives: see splitTitle and descriptionText.
type titled struct{ title, moved, note, desc string }

// of returns splitTitle's and descriptionText's results for desc.
func (c titleCache) of(desc string) (title, moved, note, text string) {
	t, ok := c[desc]
	if !ok {
		t.title, t.moved, t.note = splitTitle(desc)
		t.desc = descriptionText(desc)
		if c != nil {
			c[desc] = t
		}
	}
	return t.title, t.moved, t.note, t.desc
}

// pos is a docs position for messages, formatted only when a message is.
type pos struct {
	path string
	line int
}

func (p pos) String() string { return fmt.Sprintf("%s:%d", p.path, p.line) }

// notNames are lead-ins of notes, not names of errors: "Note: ...".
var notNames = map[string]bool{
	"note": true, "notes": true, "example": true, "e.g.": true, "see": true, "tip": true, "warning": true,
	"important": true, "info": true, "caution": true, "hint": true, "cause": true, "reason": true, "fix": true,
	"solution": true, "details": true, "action": true,
}
