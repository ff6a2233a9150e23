// Package reader reads an API's error catalogue from its docs page: the
// page's tables as a person reads them (GFM tables, the broken tables
// scrapers leave, HTML tables), the columns of each by header words and by
// content, and the catalogue assembled from every table that lists HTTP
// statuses or string error codes. It knows the spec's model of an entry
// and nothing of Go output: naming, locking and emitting are the
// command's.
package reader

import (
	"fmt"
	"strings"
)

// MaxPageSize bounds the docs read: an error page is a few KiB, and a
// larger file is a wrong path or a hostile input.
const MaxPageSize = 8 << 20

// MaxTables bounds the tables of one page: API references with a table of
// errors per endpoint have hundreds; thousands are a hostile page, whose
// reports would cost memory for nothing.
const MaxTables = 2000

// MaxRows bounds the table rows of one page: a catalogue has at most 500
// codes, repeated per endpoint; hundreds of thousands of rows are a
// hostile page, which would cost memory for nothing.
const MaxRows = 50000

// Options are the user's choices of table and columns; the zero value lets
// the reader decide.
type Options struct {
	Table string // read only the tables under a heading containing this
	// Header texts naming the columns, overriding header words and content.
	CodeCol, DescCol, RemedyCol string
}

// Catalogue is what a page documents: its error entries, in page order,
// and the passages of prose that may hold tips about them.
type Catalogue struct {
	Entries []Entry
	// Codes are the string codes of the page's string-keyed tables, in
	// page order, each once.
	Codes []CodeEntry
	// CodeField is where a JSON example of the page carries one of Codes
	// (see codeField), and CodeFieldLine the example's line; "" and 0
	// when none does.
	CodeField     string
	CodeFieldLine int
	Passages      []Passage
	Tables        []TableReport // every table of the page, and what became of it
}

// Passage is a paragraph or list item of prose outside the tables.
type Passage struct {
	Line int
	Text string
}

// Read reads the error catalogue of the page src, which path names in
// messages. Problems that do not stop the reading go to warn, each naming
// its line. With an error, the catalogue, when not nil, still reports the
// tables seen.
func Read(path string, src []byte, opts Options, warn func(string)) (*Catalogue, error) {
	src, err := checkDocs(path, src)
	if err != nil {
		return nil, err
	}
	if lines, runes := hiddenLines(src); len(lines) > 0 {
		warn(fmt.Sprintf("%s:%s: the text holds characters a reader cannot see (%s); gen removes them, but check the page for hidden text", path, joinInts(lines, ","), strings.Join(runes, ", ")))
	}
	if lines := mojibakeLines(src); len(lines) > 0 {
		warn(fmt.Sprintf("%s:%s: text looks mis-decoded (UTF-8 read with another code page); the table is unaffected, but re-save the page as UTF-8", path, joinInts(lines, ",")))
	}
	p := parsePage(src)
	memo := cellMemo{}
	for i := range p.tables {
		p.tables[i].memo = memo
	}
	if len(p.tables) > MaxTables {
		return nil, fmt.Errorf("%s:%d: the page holds more than %d tables, more than a docs page has; check -docs", path, p.tables[MaxTables].line, MaxTables)
	}
	rows := 0
	for _, t := range p.tables {
		if rows += len(t.rows); rows > MaxRows {
			return nil, fmt.Errorf("%s:%d: the page's tables hold more than %d rows, more than a docs page has; check -docs", path, t.line, MaxRows)
		}
	}
	c := &Catalogue{Passages: p.passages}
	for i, sec := range sectionsOf(p) {
		p.tables[i].sections = sec
	}
	cands, codeCands, err := chooseTables(path, p, firstRowLine(src), opts, &c.Tables, warn)
	if err != nil {
		return c, err
	}
	said := map[[2]string]bool{} // per pair of headers, said once for the page
	for _, cand := range cands {
		cols, t := cand.cols, cand.t
		if cols.overruled < 0 {
			continue
		}
		pair := [2]string{t.header[cols.desc], t.header[cols.overruled]}
		if !said[pair] {
			said[pair] = true
			warn(fmt.Sprintf("%s:%d: column %q names the errors, as its cells are short names; column %q, which header words would take, holds sentences, so it joins the remedy", path, t.line, pair[0], pair[1]))
		}
	}
	entries, problems := assemble(path, cands, c.Tables, warn)
	codes, more := assembleCodes(path, codeCands, c.Tables, warn)
	problems = append(problems, more...)
	if err := problems.err(); err != nil {
		return c, err
	}
	c.Entries, c.Codes = linkStatuses(path, entries, codes, warn), codes
	if len(c.Entries) == 0 && len(codes) == 0 {
		return c, fmt.Errorf("%s:%d: the error table lists no error code from 400 to 599; check that -docs is the error page, or pick the table with -table", path, firstLine(cands, codeCands))
	}
	documented := make(map[string]bool, len(codes))
	for _, e := range codes {
		documented[e.Code] = true
	}
	c.CodeField, c.CodeFieldLine = codeField(p.examples, documented)
	return c, nil
}

// firstLine returns the line of the first table read, for messages.
func firstLine(cands []candidate, codeCands []codeCandidate) int {
	switch {
	case len(cands) > 0 && (len(codeCands) == 0 || cands[0].t.line < codeCands[0].t.line):
		return cands[0].t.line
	case len(codeCands) > 0:
		return codeCands[0].t.line
	}
	return 1
}
