package reader

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// chooseTable picks the error table of a page and the roles of its columns.
// Without -table and column flags it takes the first table whose code column
// holds HTTP statuses, saying on stderr which when several could be it.
// Field and parameter tables never qualify: their "code" cells are no
// statuses.
func chooseTable(docsPath string, p *page, opts Options, warn func(string)) (*table, roles, error) {
	if len(p.tables) == 0 {
		return nil, roles{}, fmt.Errorf("%s:1: no table found; the error codes must be a Markdown table with a header row and a |---| delimiter row", docsPath)
	}
	tables := p.tables
	if opts.Table != "" {
		tables = tablesUnder(p.tables, opts.Table)
		if len(tables) == 0 {
			return nil, roles{}, fmt.Errorf("%s:1: no table under a heading containing %q (headings above tables: %s); fix -table", docsPath, opts.Table, headingList(p.tables))
		}
	}
	type candidate struct {
		t    *table
		cols roles
	}
	var found []candidate
	var seen []string
	var nearMiss *table // a table headed like an error table, whose codes do not read
	for i := range tables {
		t := &tables[i]
		cols, why := tableRoles(t, opts)
		if why != "" {
			if nearMiss == nil && len(codeColumns(t.header)) > 0 && len(t.rows) > 0 {
				nearMiss = t
			}
			seen = append(seen, fmt.Sprintf("line %d: %s (%s)", t.line, strings.Join(t.header, " | "), why))
			continue
		}
		if err := stringCatalogue(docsPath, t, cols); err != nil {
			if len(found) == 0 {
				return nil, roles{}, err
			}
			continue
		}
		found = append(found, candidate{t, cols})
	}
	if len(found) == 0 && nearMiss != nil {
		// Its header says error table: name the first row that is wrong.
		code := codeColumns(nearMiss.header)[0]
		entries, problems := readRows(docsPath, nearMiss, rolesFor(nearMiss.header, code), func(string) {})
		if len(problems) > 0 {
			return nil, roles{}, problems.err()
		}
		if len(entries) == 0 {
			return nil, roles{}, fmt.Errorf("%s:%d: the error table lists no error code from 400 to 599; check that -docs is the error page, or pick the table with -table", docsPath, nearMiss.line)
		}
	}
	if len(found) == 0 {
		return nil, roles{}, fmt.Errorf("%s:%d: no table has a code column of HTTP statuses and a description column (tables seen: %s); name the columns with -code-col and -desc-col, or pick the table with -table", docsPath, tables[0].line, strings.Join(seen, "; "))
	}
	if len(found) > 1 {
		var lines []string
		for _, c := range found {
			lines = append(lines, strconv.Itoa(c.t.line))
		}
		warn(fmt.Sprintf("%s:%d: several tables could be the error table (lines %s); using the first; pick another with -table", docsPath, found[0].t.line, strings.Join(lines, ", ")))
	}
	c := found[0]
	if err := checkRoles(docsPath, c.t, c.cols); err != nil {
		return nil, roles{}, err
	}
	return c.t, c.cols, nil
}

// tableRoles assigns the roles of t's columns, from the flags where given
// and the header words otherwise. why, when not empty, says why t is not
// an error table.
func tableRoles(t *table, opts Options) (cols roles, why string) {
	code := -1
	if opts.CodeCol != "" {
		if code = findColumn(t.header, opts.CodeCol); code < 0 {
			return roles{}, fmt.Sprintf("no column %q", opts.CodeCol)
		}
	} else {
		// Of the columns a header calls a code column, the one holding the
		// most statuses: "Code" may hold "rate_limited" beside "Status".
		best := 0
		for _, i := range codeColumns(t.header) {
			if n := statusCells(t, i); n > best {
				code, best = i, n
			}
		}
		if code < 0 {
			return roles{}, "no code column of HTTP statuses"
		}
	}
	cols = rolesFor(t.header, code)
	for _, flag := range []struct {
		name string
		dst  *int
	}{{opts.DescCol, &cols.desc}, {opts.RemedyCol, &cols.remedy}} {
		if flag.name == "" {
			continue
		}
		if *flag.dst = findColumn(t.header, flag.name); *flag.dst < 0 {
			return roles{}, fmt.Sprintf("no column %q", flag.name)
		}
	}
	if cols.desc < 0 && cols.remedy < 0 && !namedCodes(t, code) {
		return roles{}, "no description column"
	}
	if n := statusCells(t, code); n == 0 || 2*n < nonEmptyCells(t, code) {
		return roles{}, "its code column holds few HTTP statuses"
	}
	return cols, ""
}

// rolesFor assigns the other roles by header words, code being taken.
func rolesFor(header []string, code int) roles {
	rest := make([]string, len(header))
	copy(rest, header)
	if code >= 0 {
		rest[code] = "" // no header word matches an empty header
	}
	cols := columnsOf(rest)
	cols.code = code
	return cols
}

// checkRoles refuses roles the flags made clash.
func checkRoles(docsPath string, t *table, cols roles) error {
	named := map[int]string{}
	for _, r := range []struct {
		name string
		col  int
	}{{"code", cols.code}, {"description", cols.desc}, {"remedy", cols.remedy}} {
		if r.col < 0 {
			continue
		}
		if other, clash := named[r.col]; clash {
			return fmt.Errorf("%s:%d: column %q would be both the %s and the %s column; name different columns with -code-col, -desc-col and -remedy-col", docsPath, t.line, t.header[r.col], other, r.name)
		}
		named[r.col] = r.name
	}
	return nil
}

// namedCodes reports whether t's code cells carry names ("404 Not Found").
func namedCodes(t *table, code int) bool {
	for _, r := range t.rows {
		if parseCodeCell(cell(r, code)).name == "" && cell(r, code) != "" {
			return false
		}
	}
	return len(t.rows) > 0
}

func statusCells(t *table, col int) int {
	n := 0
	for _, r := range t.rows {
		if statusLike(cell(r, col)) {
			n++
		}
	}
	return n
}

func nonEmptyCells(t *table, col int) int {
	n := 0
	for _, r := range t.rows {
		if cell(r, col) != "" {
			n++
		}
	}
	return n
}

// identifierRE matches string error codes: rate_limited, INVALID_REQUEST,
// invalid-api-key, card.declined.
var identifierRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*(?:[_.-][A-Za-z0-9]+)+$|^[a-z]+[A-Z]\w*$|^[A-Z]{2,}$`)

// stringCatalogue refuses a table keyed by string error codes: one error
// status on several rows, told apart by a column of distinct identifiers.
// That is another shape of catalogue, which the generator does not read
// yet. Repeated success rows ("200 | OK") are no such catalogue.
func stringCatalogue(docsPath string, t *table, cols roles) error {
	first := map[int]int{} // status -> line of its first row
	var repeated, again int
	for _, r := range t.rows {
		c := parseCodeCell(cell(r, cols.code))
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
		ids := map[string]bool{}
		for _, r := range t.rows {
			if v := cell(r, i); identifierRE.MatchString(v) {
				ids[v] = true
			}
		}
		if len(ids) >= 2 && 2*len(ids) >= len(t.rows) {
			return fmt.Errorf("%s:%d: this table is keyed by string error codes (column %q, e.g. %q) and one status stands on several rows (lines %d and %d); string-keyed catalogues are not supported yet, so point gen at a table with one row per HTTP status", docsPath, again, t.header[i], firstIdentifier(t, i), repeated, again)
		}
	}
	return nil
}

func firstIdentifier(t *table, col int) string {
	for _, r := range t.rows {
		if identifierRE.MatchString(cell(r, col)) {
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
