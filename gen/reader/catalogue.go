package reader

import (
	"fmt"
	"slices"
	"strings"

	"github.com/errtable/errtable/spec"
)

// maxListed bounds the lines a message lists.
const maxListed = 10

// assemble reads the tables that list HTTP statuses into one catalogue, in
// page order, as a person reads a page that splits its errors:
//   - tables that name their errors (client errors, server errors, one
//     table per endpoint) add their codes; a code a later table repeats
//     with the same text is read once, and one it repeats with other text
//     is an error naming both lines;
//   - a table that names no errors but adds columns to codes already read
//     ("Status | Retry? | Guidance") is joined into their entries: its retry
//     column decides their retry, its text joins their remedy, labelled.
//
// A code documented twice in one table is an error, as it always was.
func assemble(docsPath string, cands []candidate, reports []TableReport, warn func(string)) ([]Entry, faults) {
	var entries []Entry
	var problems faults
	byCode := map[int]int{} // code -> index in entries
	var parts []string      // lines of the tables that add codes
	next := 0               // the first report not yet matched to a candidate
	titles := titleCache{}
	for _, c := range cands {
		rows, probs := readRows(docsPath, c.t, c.cols, titles, warn)
		problems = append(problems, probs...)
		join := c.cols.desc < 0 && !namedCodes(c.t, c.cols.code) && len(entries) > 0
		if join {
			for _, e := range rows {
				if _, known := byCode[e.Code]; !known {
					join = false
					break
				}
			}
		}
		added := 0 // codes this table adds, counted in the loop below
		var repeats, joined int
		for _, e := range rows {
			i, known := byCode[e.Code]
			switch {
			case !known && e.Description == "" && c.cols.desc < 0:
				problems.add(e.Line, fmt.Errorf("%s:%d: nothing in the row names code %d (columns: %s); give the row a name, or name the column with -desc-col; a table that is no error table (a changelog, a list of limits) can be left out with -table", docsPath, e.Line, e.Code, quotedCells(c.t.header)))
			case !known:
				byCode[e.Code] = len(entries)
				entries = append(entries, e)
				added++
			case entries[i].table == c.t:
				problems.add(e.Line, fmt.Errorf("%s:%d: code %d is documented twice (first at %s:%d); remove or fix one of the rows", docsPath, e.Line, e.Code, docsPath, entries[i].Line))
			case join:
				if err := joinEntry(docsPath, &entries[i], e, c); err != nil {
					problems.add(e.Line, err)
				}
				joined++
			case sameText(entries[i], e):
				repeats++
			default:
				first := entries[i]
				problems.add(e.Line, fmt.Errorf("%s:%d: code %d is documented again with other text (%q; first at %s:%d: %q); make the rows agree, or read one table with -table", docsPath, e.Line, e.Code, e.Description+": "+e.Remedy, docsPath, first.Line, first.Description+": "+first.Remedy))
			}
		}
		use := "read: adds " + codeCount(added)
		switch {
		case join:
			use = "joined: adds its columns to " + codeCount(joined) + " read above"
			warn(fmt.Sprintf("%s:%d: the table adds %s to the codes above; joined into their entries", docsPath, c.t.line, columnList(c.t, c.cols)))
		case repeats > 0 && repeats == len(rows):
			use = "read: repeats rows read above, each read once"
		case repeats > 0:
			use = fmt.Sprintf("read: adds %s and repeats %d read above, each read once", codeCount(added), repeats)
		}
		if !join && repeats < len(rows) {
			parts = append(parts, fmt.Sprint(c.t.line))
		}
		// Reports are in page order, as candidates are: the next report
		// not yet used for this table's line is its own.
		for ; next < len(reports); next++ {
			if reports[next].Line == c.t.line && reports[next].Use == "" {
				reports[next].Use = use
				next++
				break
			}
		}
	}
	if len(parts) > 1 {
		listed := parts
		if len(listed) > maxListed {
			listed = append(slices.Clone(listed[:maxListed]), fmt.Sprintf("and %d more", len(parts)-maxListed))
		}
		warn(fmt.Sprintf("%s:%s: reading %d tables as one catalogue (lines %s)", docsPath, parts[0], len(parts), strings.Join(listed, ", ")))
	}
	for _, e := range entries {
		if e.Remedy == "" {
			warn(fmt.Sprintf("%s:%d: no remedy for %d; the entry's remedy is empty", docsPath, e.Line, e.Code))
		}
	}
	return entries, problems
}

// joinEntry adds to e what the row more of a joining table says.
func joinEntry(docsPath string, e *Entry, more Entry, c candidate) error {
	if more.RetryableFrom == spec.FromDocs {
		if e.RetryableFrom == spec.FromDocs && e.Retryable != more.Retryable {
			return fmt.Errorf("%s:%d: code %d is retryable on one row and not on the other (line %d); make the rows agree", docsPath, more.Line, more.Code, e.Line)
		}
		e.Retryable, e.RetryableFrom = more.Retryable, spec.FromDocs
	}
	if more.Remedy != "" && c.cols.remedy >= 0 && e.Remedy != "" && !strings.HasPrefix(more.Remedy, labelOf(c.t.header[c.cols.remedy])) {
		more.Remedy = labelOf(c.t.header[c.cols.remedy]) + ": " + more.Remedy
	}
	e.Remedy = joinRemedy(e.Remedy, more.Remedy)
	if len(e.Remedy) > spec.MaxRemedyLen {
		return fmt.Errorf("%s:%d: joined with this row, the remedy of %d is %d bytes, more than the %d of a remedy; shorten the cells", docsPath, more.Line, more.Code, len(e.Remedy), spec.MaxRemedyLen)
	}
	return nil
}

// sameText reports whether two rows say the same of one code.
func sameText(a, b Entry) bool {
	return strings.EqualFold(a.Description, b.Description) && a.Remedy == b.Remedy &&
		(a.RetryableFrom != spec.FromDocs || b.RetryableFrom != spec.FromDocs || a.Retryable == b.Retryable)
}

// columnList names the columns a joining table adds.
func columnList(t *table, cols roles) string {
	var names []string
	for _, i := range append([]int{cols.retry, cols.remedy}, cols.explain...) {
		if i >= 0 {
			names = append(names, fmt.Sprintf("%q", t.header[i]))
		}
	}
	if len(names) == 0 {
		return "nothing"
	}
	return "columns " + strings.Join(names, ", ")
}

// codeCount says "1 code" or "n codes".
func codeCount(n int) string {
	if n == 1 {
		return "1 code"
	}
	return fmt.Sprintf("%d codes", n)
}
