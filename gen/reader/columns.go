package reader

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// roles says which column of a table plays which part; -1 where none does.
type roles struct {
	code, desc, remedy, retry int
	// explain lists the columns whose text joins the remedy, each labelled
	// with its header: causes, examples, notes.
	explain []int
	// why says, per column, what it is and why, for -explain.
	why []string
	// overruled is the column header words would have named the errors
	// by, when its cells are sentences and another column's are names; -1
	// when content and header words agree.
	overruled int
}

// wordIndex maps a normal header text to its rank for each role (lower
// ranks are preferred), built once from headerWords.
var wordIndex = func() map[string]map[role]int {
	idx := map[string]map[role]int{}
	rank := map[role]int{}
	for _, row := range headerWords {
		for _, w := range row.words {
			if idx[w] == nil {
				idx[w] = map[role]int{}
			}
			if _, dup := idx[w][row.role]; !dup {
				idx[w][row.role] = rank[row.role]
			}
			rank[row.role]++
		}
	}
	return idx
}()

// headerRank returns the rank of header h for role r, and whether h names
// that role at all.
func headerRank(h string, r role) (int, bool) {
	var buf [maxHeaderKey]byte
	if key, ok := normalASCIIHeader(buf[:0], h); ok {
		rank, ok := wordIndex[string(key)][r] // an ASCII header, without copies
		return rank, ok
	}
	rank, ok := wordIndex[normalizeHeader(h)][r]
	return rank, ok
}

// hasRole reports whether header h names role r.
func hasRole(h string, r role) bool {
	_, ok := headerRank(h, r)
	return ok
}

// bestByHeader returns, of the columns in cands, the one whose header names
// r with the best rank, or -1.
func bestByHeader(header []string, cands []int, r role) int {
	best, bestRank := -1, 0
	for _, i := range cands {
		if rank, ok := headerRank(header[i], r); ok && (best < 0 || rank < bestRank) {
			best, bestRank = i, rank
		}
	}
	return best
}

// columnsOf assigns the code column of a header by its words alone: what a
// row must say to read as a header.
func columnsOf(header []string) roles {
	all := make([]int, len(header))
	for i := range all {
		all[i] = i
	}
	return roles{code: bestByHeader(header, all, roleCode), desc: -1, remedy: -1, retry: -1, overruled: -1}
}

// normalizeHeader puts a header cell in the form the word lists use: lower
// case, white space collapsed, a trailing colon or question mark (ASCII or
// full-width) dropped.
func normalizeHeader(h string) string {
	h = strings.ToLower(strings.Join(strings.Fields(h), " "))
	h = strings.TrimRight(h, ":?：？")
	return strings.TrimSpace(h)
}

// freeColumns returns the columns not taken yet, in order.
func freeColumns(taken []bool) []int {
	var out []int
	for i, t := range taken {
		if !t {
			out = append(out, i)
		}
	}
	return out
}

// columnFlag is a column flag's text column: the header it names, the
// flag, the part the column plays and the role index it sets.
type columnFlag struct {
	name, flag, role string
	dst              *int
}

// textFlags returns the flags that name a table's text columns, set by
// opts, with the role indexes they set: desc and remedy.
func textFlags(opts Options, desc, remedy *int) []columnFlag {
	return []columnFlag{{opts.DescCol, "-desc-col", "description", desc}, {opts.RemedyCol, "-remedy-col", "remedy", remedy}}
}

// findColumn returns the column whose header is name (compared as headers
// are), or -1.
func findColumn(header []string, name string) int {
	want := normalizeHeader(name)
	for i, h := range header {
		if normalizeHeader(h) == want {
			return i
		}
	}
	return -1
}

// columnText sums up the text of one column, for deciding by content.
type columnText struct {
	filled   int // non-empty cells
	names    int // cells that read as a short name
	sentence int // cells that read as a sentence
	statuses int // cells that read as an HTTP status or class
	errors   int // cells that read as error statuses, 400 to 599
	numbers  int // cells that are a number that is no status (sub-codes)
}

// nameLike reports whether most of the column's cells are short names.
func (c columnText) nameLike() bool { return c.filled > 0 && 5*c.names >= 3*c.filled }

// sentenceLike reports whether most of the column's cells are sentences.
func (c columnText) sentenceLike() bool { return c.filled > 0 && 2*c.sentence >= c.filled }

// statusColumn reports whether the column's cells are mostly HTTP statuses.
func (c columnText) statusColumn() bool { return c.statuses > 0 && 2*c.statuses >= c.filled }

// onlyStatuses reports whether the column reads as nothing but error
// statuses, as a column must whose header does not say it holds codes: a
// column of limits (100, 429) or timeouts (500, 30000) has numbers that
// look like statuses, but not only error statuses.
func (c columnText) onlyStatuses() bool {
	return c.statuses == c.filled && c.errors >= 2 && 2*c.errors >= c.filled
}

// textOf sums up column i of t.
func textOf(t *table, i int) columnText {
	var c columnText
	for _, r := range t.rows {
		v := cell(r, i)
		if v == "" {
			continue
		}
		c.filled++
		// Each distinct text is classed once per page (see cellMemo).
		switch t.memo.info(v).class {
		case classError:
			c.errors++
			c.statuses++
		case classStatus:
			c.statuses++
		case classNumber:
			c.numbers++
		case classSentence:
			c.sentence++
		case className:
			c.names++
		}
	}
	return c
}

// retryWords answer yes in a column headed "Retry?", but on their own are
// no answer: "Retry." is a remedy too, and "Retry: no" says no.
var retryWords = map[string]bool{"retry": true, "retryable": true, "-": true, "—": true}

// maxNameWords is the most words a short name has: "Request Header Fields
// Too Large" has five.
const maxNameWords = 6

// isShortName reports whether s reads as the name of an error: a few words
// (or, in scripts written without spaces, a few characters) and no
// sentence's end.
func isShortName(s string) bool {
	if countWords(s) > maxNameWords {
		return false
	}
	if n := utf8.RuneCountInString(s); n > 60 || unspaced(s) && n > 16 {
		return false
	}
	return !endsSentence(s)
}

// isSentence reports whether s reads as a sentence rather than a name: it
// ends as a sentence does, or is longer than a name.
func isSentence(s string) bool {
	if countWords(s) > maxNameWords {
		return true
	}
	if unspaced(s) && utf8.RuneCountInString(s) > 16 {
		return true
	}
	return endsSentence(s) && (countWords(s) > 1 || unspaced(s))
}

// endsSentence reports whether s ends with a full stop, question or
// exclamation mark, in any script.
func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, " )\"'”’"))
	switch r {
	case '.', '!', '?', '。', '！', '？', '｡':
		return true
	}
	return false
}

// unspaced reports whether s is written mostly in a script without spaces
// between words (Chinese, Japanese), where words cannot be counted.
func unspaced(s string) bool {
	if isASCII(s) {
		return false
	}
	n, cjk := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
			if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai) {
				cjk++
			}
		}
	}
	return n > 0 && 2*cjk >= n
}

// assignRoles decides the role of each column of t, from the flags where
// given, then by content and header words. why, when not empty, says why t
// is not a table of HTTP statuses; err is for flags that contradict each
// other.
func assignRoles(t *table, opts Options) (cols roles, why string, err error) {
	cols = roles{code: -1, desc: -1, remedy: -1, retry: -1, overruled: -1, why: make([]string, len(t.header))}
	texts := make([]columnText, len(t.header))
	for i := range t.header {
		texts[i] = textOf(t, i)
	}
	taken := make([]bool, len(t.header))
	take := func(i int, dst *int, why string) {
		*dst, taken[i] = i, true
		cols.why[i] = why
	}
	if opts.CodeCol != "" {
		i := findColumn(t.header, opts.CodeCol)
		if i < 0 {
			return roles{}, fmt.Sprintf("no column %q", opts.CodeCol), nil
		}
		take(i, &cols.code, "code, as -code-col says")
	} else {
		// The column of HTTP statuses, whatever its header: the most
		// statuses wins, then the header words. Sub-codes (1, 2, 1001) are
		// no statuses and never win.
		best := -1
		for i, c := range texts {
			if !c.statusColumn() || !hasRole(t.header[i], roleCode) && !(c.onlyStatuses() && codeish(t.header[i])) {
				continue
			}
			if best < 0 || c.statuses > texts[best].statuses ||
				c.statuses == texts[best].statuses && betterHeader(t.header[i], t.header[best], roleCode) {
				best = i
			}
		}
		if best < 0 {
			return roles{}, "no column of HTTP statuses", nil
		}
		why := "code: its cells are HTTP statuses"
		if !hasRole(t.header[best], roleCode) {
			why += ", whatever its header says"
		}
		take(best, &cols.code, why)
	}
	for _, flag := range textFlags(opts, &cols.desc, &cols.remedy) {
		if flag.name == "" {
			continue
		}
		i := findColumn(t.header, flag.name)
		switch {
		case i < 0:
			return roles{}, fmt.Sprintf("no column %q", flag.name), nil
		case taken[i]:
			return roles{}, "", fmt.Errorf("column %q would be both the %s and the %s column; name different columns with -code-col, -desc-col and -remedy-col", t.header[i], takenAs(i, cols), flag.role)
		}
		take(i, flag.dst, flag.role+", as "+flag.flag+" says")
	}
	switch n := texts[cols.code]; {
	case n.statuses == 0 || 2*n.statuses < n.filled:
		return roles{}, "its code column holds few HTTP statuses", nil
	case n.errors == 0:
		return roles{}, "its code column holds no error status (400 to 599)", nil
	}
	// The retry flag.
	// Only a header that says so: a column of yes and no may say anything
	// else ("Billed", "Idempotent").
	if i := bestByHeader(t.header, freeColumns(taken), roleRetry); i >= 0 {
		take(i, &cols.retry, "retry: its header says so")
	}
	// Columns that say something else never carry the name or the remedy.
	for _, i := range freeColumns(taken) {
		if hasRole(t.header[i], roleOther) && !hasRole(t.header[i], roleName) {
			taken[i] = true
			cols.why[i] = "not read: its header names no part of an error's documentation"
		}
		if texts[i].numbers > 0 && texts[i].numbers+texts[i].statuses == texts[i].filled {
			taken[i] = true
			cols.why[i] = "not read: its cells are numbers that are no HTTP statuses (sub-codes)"
		}
	}
	if cols.desc < 0 {
		cols.desc, cols.overruled = chooseName(t, texts, freeColumns(taken), cols.why)
		if cols.desc >= 0 {
			taken[cols.desc] = true
		}
	}
	if cols.remedy < 0 {
		if i := bestByHeader(t.header, freeColumns(taken), roleRemedy); i >= 0 {
			take(i, &cols.remedy, "remedy: its header says so")
		} else {
			for _, i := range freeColumns(taken) {
				if texts[i].sentenceLike() && !hasRole(t.header[i], roleExplain) {
					take(i, &cols.remedy, "remedy: its cells are sentences")
					break
				}
			}
		}
	}
	// What explains the error joins the remedy, labelled: never dropped.
	for _, i := range freeColumns(taken) {
		c := texts[i]
		switch {
		case c.filled == 0:
			cols.why[i] = "not read: empty"
		case hasRole(t.header[i], roleExplain) || hasRole(t.header[i], roleRemedy) || c.sentenceLike():
			cols.explain = append(cols.explain, i)
			cols.why[i] = "joins the remedy, labelled " + fmt.Sprintf("%q", labelOf(t.header[i]))
		default:
			cols.why[i] = "not read: short text under a header that names no part of an error's documentation"
		}
		taken[i] = true
	}
	if cols.desc < 0 && cols.remedy < 0 && len(cols.explain) == 0 && cols.retry < 0 && !namedCodes(t, cols.code) {
		return roles{}, "no column of names or remedies beside the statuses", nil
	}
	return cols, "", nil
}

// chooseName picks the column that names each error: of the columns whose
// header says name, the best-ranked one that holds short names; else any
// free column of short names; else the best-ranked name column even if it
// holds sentences (the Go name then comes from the HTTP reason phrase).
// When content overrules the header words, why says so, and overruled is
// the column the header words preferred; else it is -1.
func chooseName(t *table, texts []columnText, free []int, why []string) (name, overruled int) {
	var named, others []int
	for _, i := range free {
		if hasRole(t.header[i], roleName) {
			named = append(named, i)
		} else if !hasRole(t.header[i], roleRemedy) && !hasRole(t.header[i], roleRetry) && !hasRole(t.header[i], roleExplain) {
			others = append(others, i)
		}
	}
	sortByRank(t.header, named, roleName)
	for k, i := range named {
		if texts[i].nameLike() {
			why[i] = "name: its header says so and its cells are short names"
			if k > 0 {
				why[i] += fmt.Sprintf(", and column %q holds sentences", t.header[named[0]])
				return i, named[0]
			}
			return i, -1
		}
	}
	for _, i := range others {
		if texts[i].nameLike() {
			why[i] = "name: its cells are short names"
			if len(named) > 0 {
				why[i] += fmt.Sprintf(", and column %q holds sentences", t.header[named[0]])
				return i, named[0]
			}
			return i, -1
		}
	}
	if len(named) > 0 {
		why[named[0]] = "name: its header says so (its cells are sentences: names come from the HTTP reason phrases)"
		return named[0], -1
	}
	return -1, -1
}

// sortByRank orders cols by the rank of their headers for role r.
func sortByRank(header []string, cols []int, r role) {
	for i := 1; i < len(cols); i++ {
		for j := i; j > 0 && betterHeader(header[cols[j]], header[cols[j-1]], r); j-- {
			cols[j], cols[j-1] = cols[j-1], cols[j]
		}
	}
}

// betterHeader reports whether header a names role r with a better rank
// than header b.
func betterHeader(a, b string, r role) bool {
	ra, oka := headerRank(a, r)
	rb, okb := headerRank(b, r)
	return oka && (!okb || ra < rb)
}

// labelOf returns a header as the label of its text in a remedy.
func labelOf(header string) string {
	if header = strings.TrimRight(strings.TrimSpace(header), ":?：？"); header == "" {
		return "Notes"
	}
	return header
}

// takenAs names the role column i already has, for messages.
func takenAs(i int, cols roles) string {
	switch i {
	case cols.code:
		return "code"
	case cols.desc:
		return "description"
	}
	return "remedy"
}

// countWords counts the words of s as strings.Fields splits them, without
// making them.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// codeStems are parts of the headers real pages give a column of statuses
// that no header word lists ("HTTP Response", "Status (HTTP)", "错误码/HTTP").
var codeStems = []string{"code", "status", "http", "error", "err", "码", "碼", "コード", "ステータス", "코드", "상태", "código", "codice", "statut"}

// codeish reports whether a header may head a column of statuses that its
// words do not name: it is empty, or holds a code stem. A column of ports
// (443, 465) or page sizes (250, 500) is headed otherwise.
func codeish(header string) bool {
	h := normalizeHeader(header)
	if h == "" {
		return true
	}
	for _, stem := range codeStems {
		if strings.Contains(h, stem) {
			return true
		}
	}
	return false
}
