package reader

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// candidate is a table read into the catalogue, with its columns' roles.
type candidate struct {
	t    *table
	cols roles
}

// chooseTables picks the tables of a page that list HTTP statuses, and
// those keyed by string codes (see codeTable), each in page order, with the
// roles of their columns, and reports on every table in reports. pipeLine is the first line that reads as a table row, or 0. Field, parameter and legend tables never qualify: their cells
// are no statuses. Without any table that qualifies, the error lists every
// table seen and why it was not taken.
func chooseTables(docsPath string, p *page, pipeLine int, opts Options, reports *[]TableReport, warn func(string)) ([]candidate, []codeCandidate, error) {
	if len(p.tables) == 0 {
		if len(p.unread) > 0 {
			return nil, nil, fmt.Errorf("%s: no table could be read (%s); rewrite the table in Markdown or HTML", docsPath, strings.Join(p.unread, "; "))
		}
		if pipeLine > 0 {
			return nil, nil, fmt.Errorf("%s:%d: this line reads as a table row, but no table with rows was found; an error table needs a header row, a |---| delimiter row under it and a row per code", docsPath, pipeLine)
		}
		return nil, nil, fmt.Errorf("%s:1: no table found; the error codes must be a table (Markdown or HTML) with a header row", docsPath)
	}
	tables := p.tables
	if opts.Table != "" {
		tables = tablesUnder(p.tables, opts.Table)
		if len(tables) == 0 {
			return nil, nil, fmt.Errorf("%s:1: no table under a heading containing %q (headings above tables: %s); fix -table", docsPath, opts.Table, headingList(p.tables))
		}
	}
	var found []candidate
	var codeTables []codeCandidate
	// seen are the tables not taken, described only for the error when
	// none is: a page of a hundred parameter tables and one error table
	// describes none.
	var seen []seenTable
	var nearMiss *table // a table headed like an error table, whose codes do not read
	var stringKeyed error
	for i := range tables {
		t := &tables[i]
		cols, why, err := assignRoles(t, opts)
		if err != nil {
			return nil, nil, fmt.Errorf("%s:%d: %w", docsPath, t.line, err)
		}
		if kc, ok := codeTable(t, append(slices.Clone(t.headings), t.sections...), opts); ok {
			*reports = append(*reports, newCodeReport(t, kc))
			codeTables = append(codeTables, codeCandidate{t, kc})
			continue
		}
		if why == "" {
			if err := subCodeCatalogue(docsPath, t, cols); err != nil {
				stringKeyed = cmp.Or(stringKeyed, err)
				why = "keyed by numeric sub-codes, which gen does not read"
			}
		}
		*reports = append(*reports, newReport(t, cols, why))
		if why != "" {
			if nearMiss == nil && columnsOf(t.header).code >= 0 && len(t.rows) > 0 && opts.CodeCol == "" {
				nearMiss = t
			}
			seen = append(seen, seenTable{t, why})
			continue
		}
		found = append(found, candidate{t, cols})
	}
	if len(found) > 0 || len(codeTables) > 0 {
		return found, codeTables, nil
	}
	if stringKeyed != nil {
		return nil, nil, stringKeyed
	}
	if nearMiss != nil {
		// Its header says error table: name the first row that is wrong.
		cols := roles{code: columnsOf(nearMiss.header).code, desc: -1, remedy: -1, retry: -1, overruled: -1}
		entries, problems := readRows(docsPath, nearMiss, cols, nil, warn)
		if len(problems) > 0 {
			return nil, nil, problems.err()
		}
		if len(entries) == 0 {
			return nil, nil, fmt.Errorf("%s:%d: the error table lists no error code from 400 to 599; check that -docs is the error page, or pick the table with -table", docsPath, nearMiss.line)
		}
	}
	return nil, nil, fmt.Errorf("%s:%d: no table has a column of HTTP statuses beside names or remedies (tables seen: %s); name the columns with -code-col and -desc-col, or pick the table with -table", docsPath, tables[0].line, strings.Join(describeSeen(seen), "; "))
}

// seenTable is a table chooseTables did not take, and why.
type seenTable struct {
	t   *table
	why string
}

// describeSeen describes the tables not taken for chooseTables' error:
// each with its line, header and why, up to maxFaults, then how many more.
func describeSeen(seen []seenTable) []string {
	var out []string
	for _, s := range seen {
		out = append(out, fmt.Sprintf("line %d: %s (%s)", s.t.line, quotedCells(s.t.header), s.why))
	}
	if len(out) > maxFaults {
		out = append(out[:maxFaults], fmt.Sprintf("and %d more", len(out)-maxFaults))
	}
	return out
}

// namedCodes reports whether t's code cells carry names ("404 Not Found").
func namedCodes(t *table, code int) bool {
	for _, r := range t.rows {
		if t.codeCell(cell(r, code)).name == "" && cell(r, code) != "" {
			return false
		}
	}
	return len(t.rows) > 0
}

// identifierRE matches string error codes that read as no word:
// rate_limited, INVALID_REQUEST, invalid-api-key, card.declined,
// quotaExceeded.
var identifierRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*(?:[_.-][A-Za-z0-9]+)+$|^[a-z]+[A-Z]\w*$|^[A-Z]{2,}$`)

// subCodeCatalogue refuses a table keyed by numeric sub-codes: one error
// status on several rows, told apart by a column of distinct numbers
// ("400 | 1 | Field is required", "400 | 2 | Field has wrong type"). Such a
// number is no string code a client can match on, nor an HTTP status, so
// gen does not guess what it is. Tables keyed by string codes are read (see
// codeTable) before this is asked. Repeated success rows ("200 | OK") are
// no such catalogue.
func subCodeCatalogue(docsPath string, t *table, cols roles) error {
	first := map[int]int{} // status -> line of its first row
	var repeated, again int
	for _, r := range t.rows {
		c := t.codeCell(cell(r, cols.code))
		if c.kind != statusCode || len(c.codes) != 1 || c.codes[0] < 400 {
			continue
		}
		if line, ok := first[c.codes[0]]; ok {
			repeated, again = line, r.line
			break
		}
		first[c.codes[0]] = r.line
	}
	if again == 0 {
		return nil
	}
	for i := range t.header {
		if i == cols.code {
			continue
		}
		numbers := map[string]bool{}
		for _, r := range t.rows {
			if v := cell(r, i); numberRE.MatchString(v) {
				numbers[v] = true
			}
		}
		if len(numbers) >= 2 && 2*len(numbers) >= len(t.rows) {
			return fmt.Errorf("%s:%d: this table is keyed by numeric sub-codes (column %q, e.g. %q) and one status stands on several rows (lines %d and %d); catalogues keyed by sub-codes are not supported yet, so point gen at a table with one row per HTTP status", docsPath, again, t.header[i], firstKey(t, i, numberRE), repeated, again)
		}
	}
	return nil
}

// firstKey returns the first cell of column col that key matches.
func firstKey(t *table, col int, key *regexp.Regexp) string {
	for _, r := range t.rows {
		if key.MatchString(cell(r, col)) {
			return cell(r, col)
		}
	}
	return ""
}

// tablesUnder returns the tables with a title containing heading.
func tablesUnder(tables []table, heading string) []table {
	want := strings.ToLower(cleanText(heading))
	var out []table
	for _, t := range tables {
		for _, h := range t.headings {
			if strings.Contains(strings.ToLower(h), want) {
				out = append(out, t)
				break
			}
		}
	}
	return out
}

// headingList describes the titles of the tables, for messages.
func headingList(tables []table) string {
	var out []string
	for _, t := range tables {
		if len(t.headings) > 0 {
			out = append(out, fmt.Sprintf("%q at line %d", t.headings[0], t.line))
		}
	}
	if len(out) == 0 {
		return "none"
	}
	return strings.Join(out, ", ")
}

// quotedCells lists header cells quoted, so that no header text reads as
// the words of a message.
func quotedCells(cells []string) string {
	q := make([]string, len(cells))
	for i, c := range cells {
		q[i] = strconv.Quote(c)
	}
	return strings.Join(q, " | ")
}
