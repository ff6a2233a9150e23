package reader

import (
	"fmt"
	"io"
	"strings"
)

// TableReport says what the reader made of one table of the page: for
// -explain, and for the error when no table qualifies.
type TableReport struct {
	Line    int      // the docs line of its header row
	Titles  []string // the headings above it, nearest first
	Header  []string
	Rows    int
	Use     string   // how it entered the catalogue, or "not read: why"
	Columns []string // per column, its role and why
}

// newReport describes table t, whose columns got the roles cols, or which
// was not taken for the reason why.
func newReport(t *table, cols roles, why string) TableReport {
	r := TableReport{Line: t.line, Titles: t.headings, Header: t.header, Rows: len(t.rows)}
	if why != "" {
		r.Use = "not read: " + why
		return r
	}
	r.Columns = make([]string, len(t.header))
	for i := range t.header {
		r.Columns[i] = cols.why[i]
		if r.Columns[i] == "" {
			r.Columns[i] = "not read"
		}
	}
	return r
}

// newCodeReport describes table t, keyed by string codes with the roles
// cols; its use is filled in as its rows are read.
func newCodeReport(t *table, cols codeRoles) TableReport {
	r := TableReport{Line: t.line, Titles: t.headings, Header: t.header, Rows: len(t.rows)}
	r.Columns = make([]string, len(t.header))
	for i := range t.header {
		r.Columns[i] = cmpOr(cols.why[i], "not read")
	}
	if cols.sectionStatus != 0 && cols.status < 0 {
		r.Columns[cols.key] += fmt.Sprintf("; status %d from the heading above", cols.sectionStatus)
	} else if cols.sectionStatus != 0 {
		r.Columns[cols.key] += fmt.Sprintf("; status %d from the heading above where the status cell is empty", cols.sectionStatus)
	}
	return r
}

// Explain writes, for a person deciding whether to trust the reading, the
// tables found on the page, what each column is and why, how the catalogue
// was assembled, and the entries that would be written. Doc text is quoted,
// so nothing in it reads as more than text.
func (c *Catalogue) Explain(w io.Writer, docsPath string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d tables\n", docsPath, len(c.Tables))
	for _, t := range c.Tables {
		fmt.Fprintf(&b, "\nline %d: table of %d rows", t.Line, t.Rows)
		if len(t.Titles) > 0 {
			fmt.Fprintf(&b, " under %q", t.Titles[0])
		}
		fmt.Fprintf(&b, "\n  %s\n", t.Use)
		for i, h := range t.Header {
			if i < len(t.Columns) {
				fmt.Fprintf(&b, "  column %d %q: %s\n", i+1, h, t.Columns[i])
			}
		}
	}
	fmt.Fprintf(&b, "\n%d entries\n", len(c.Entries))
	for _, e := range c.Entries {
		retry := "not retryable"
		if e.Retryable {
			retry = "retryable"
		}
		fmt.Fprintf(&b, "  %d %q (line %d): %s, from %s\n", e.Code, e.Description, e.Line, retry, e.RetryableFrom)
		if e.Title == "" {
			fmt.Fprintf(&b, "    named by its HTTP reason phrase: %s\n", e.TitleNote)
		}
		if e.Remedy != "" {
			fmt.Fprintf(&b, "    remedy: %q\n", e.Remedy)
		}
	}
	if len(c.Codes) > 0 {
		fmt.Fprintf(&b, "\n%s", countOf(len(c.Codes), "string code"))
		if c.CodeField != "" {
			fmt.Fprintf(&b, ", carried in the body at %q (a JSON example, line %d)", c.CodeField, c.CodeFieldLine)
		}
		b.WriteString("\n")
	}
	for _, e := range c.Codes {
		retry := "not retryable"
		if e.Retryable {
			retry = "retryable"
		}
		status := "status unknown"
		if e.Status != 0 {
			status = fmt.Sprintf("status %d", e.Status)
		}
		fmt.Fprintf(&b, "  %q, %s (line %d): %q, %s, from %s\n", e.Code, status, e.Line, e.Description, retry, e.RetryableFrom)
		if e.Remedy != "" {
			fmt.Fprintf(&b, "    remedy: %q\n", e.Remedy)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
